//! The kiosk's state machine: which screen is shown, what is highlighted, which page, and
//! when the screen goes back to the start by itself.
//!
//! [`State::update`] is the only way the state changes. It does no I/O and is told the time,
//! so every sequence of key presses and pauses can be replayed in a test with a fake clock;
//! what it needs done outside (a bell, a log line, a reload) it returns as [`Effect`]s.

mod action;
mod closed;
mod idle;
mod reading_place;
mod relocate;

pub use action::{Action, Effect, IdleSettings, StaffInfo, UsageEvent};
pub use closed::{CLOSED_MOVE, CLOSED_WAKE_DEFAULT};

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{Content, Question};
use crate::dates::Date;
use crate::keys::{Intent, Keymap};
use crate::layout::{AnswerLayout, Geometry, LayoutCache, ListLayout, capped_size};
use crate::speech;
use idle::IdleTimer;
use reading_place::ReadingPlace;

/// On the staff screen, the intent that reloads the files: the key that opens item 1.
pub const STAFF_RELOAD: Intent = Intent::Open(1);
/// On the staff screen, the intent that ends the kiosk: the key that opens item 9.
pub const STAFF_EXIT: Intent = Intent::Open(9);

/// One of the kiosk's screens, with the little state it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The start screen the kiosk waits on between visitors: any key begins.
    Attract,
    /// The top menu of categories.
    Home {
        /// The highlighted category.
        highlight: usize,
    },
    /// The questions of one category.
    Category {
        /// Which category (index into the content's categories).
        category: usize,
        /// The highlighted question (position in the category's list).
        highlight: usize,
    },
    /// One answer, opened from a category.
    Answer {
        /// The category it was opened from, where Back returns.
        category: usize,
        /// The question's position in that category's list.
        position: usize,
        /// The page of the answer shown, from 0.
        page: usize,
    },
    /// A QR code of something the answer offers to take home (a link or a phone number).
    TakeHome {
        /// The category the answer was opened from.
        category: usize,
        /// The question's position in that category's list.
        position: usize,
        /// The answer page to go back to.
        page: usize,
        /// Which of the answer's take-home items (from 0).
        item: usize,
    },
    /// The staff screen: facts about the running kiosk, reload and exit.
    Staff,
    /// Outside the opening hours: a dark screen with a short message, which moves a little
    /// every [`CLOSED_MOVE`] so that nothing burns into the display. Any key shows the
    /// attract screen for a while.
    Closed {
        /// How many times the message has moved since the screen went dark.
        step: u64,
    },
}

impl Screen {
    /// The answer this screen belongs to, as (category, position), for an answer and its QR
    /// codes alike.
    pub fn answer(&self) -> Option<(usize, usize)> {
        match *self {
            Screen::Answer {
                category, position, ..
            }
            | Screen::TakeHome {
                category, position, ..
            } => Some((category, position)),
            _ => None,
        }
    }
}

/// Everything the kiosk shows depends on this and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    content: Arc<Content>,
    geometry: Geometry,
    screen: Screen,
    idle: IdleTimer,
    /// When the answer on screen was opened, for the usage log.
    answer_opened: Option<Instant>,
    staff_info: StaffInfo,
    /// Answers opened since start, by question id, for the staff screen.
    answer_views: BTreeMap<String, u64>,
    /// The colour theme chosen with `/`: its place in the settings' cycle.
    theme: usize,
    /// Whether the visitor chose large answer text with `*`.
    large_text: bool,
    /// Today's local date, as the runtime last told it.
    today: Option<Date>,
    /// Whether answers with a passed deadline say so (the settings' `deadline_notices`).
    deadline_notices: bool,
    /// The layouts of the screens shown at this size, made once each.
    layouts: LayoutCache,
    /// The answer screen last laid out anew and the reader's place on it: a run of resizes
    /// (a window dragged) finds each page from the same place, so the place does not creep.
    reading_place: Option<(Screen, ReadingPlace)>,
    /// Until when the screen says which keys work here, after a key that did nothing.
    key_hint_until: Option<Instant>,
    /// Whether every screen is spoken as it is shown (the voice guide), for this visitor.
    voice_guide: bool,
    /// Whether the voice guide is on for every visitor (the settings' `voice_guide`): what an
    /// idle reset returns to.
    voice_guide_default: bool,
    /// The opening hours and where the state stands with them.
    hours: closed::HoursState,
    /// What each key does, for the key guide.
    keymap: Keymap,
    /// Whether the settings name a speech command, so that the guide can be offered.
    speech: bool,
}

/// How long the hint after a key that did nothing stays on screen (the next key ends it
/// sooner): long enough to read two short lines slowly.
pub const KEY_HINT_DURATION: Duration = Duration::from_secs(6);

impl State {
    /// The attract screen of `content` on a terminal of the given geometry, at time `now`.
    pub fn new(content: Arc<Content>, geometry: Geometry, now: Instant) -> Self {
        Self {
            content,
            geometry,
            screen: Screen::Attract,
            idle: IdleTimer::new(IdleSettings::default(), now),
            answer_opened: None,
            staff_info: StaffInfo::default(),
            answer_views: BTreeMap::new(),
            theme: 0,
            large_text: false,
            today: None,
            deadline_notices: true,
            layouts: LayoutCache::default(),
            reading_place: None,
            key_hint_until: None,
            voice_guide: false,
            voice_guide_default: false,
            hours: closed::HoursState::new(now),
            keymap: Keymap::default(),
            speech: false,
        }
    }

    /// The colour theme in use: its place in the settings' theme cycle (wrap it to the cycle's
    /// length; the state does not know how many themes there are).
    pub fn theme(&self) -> usize {
        self.theme
    }

    /// Whether the voice guide is on: every screen is spoken when it is shown.
    pub fn voice_guide(&self) -> bool {
        self.voice_guide
    }

    /// What each key does, as the settings say: the key guide names keys from it.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Whether a speech command is set, so that the attract screen offers the voice guide.
    pub fn speech(&self) -> bool {
        self.speech
    }

    /// Today's local date, once the runtime has told it.
    pub fn today(&self) -> Option<Date> {
        self.today
    }

    /// Whether answers are shown in large glyphs.
    pub fn large_text(&self) -> bool {
        self.large_text
    }

    /// The content shown.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The terminal size and measuring rules the screens are laid out for.
    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Seconds left before the kiosk resets, while the idle warning is shown.
    pub fn idle_warning(&self) -> Option<u64> {
        self.idle.warning_seconds()
    }

    /// Whether the screen should say which keys work here: the last key did nothing.
    pub fn key_hint(&self) -> bool {
        self.key_hint_until.is_some()
    }

    /// When the state next needs a [`Action::Tick`], if ever: the event loop sleeps until then.
    pub fn next_deadline(&self) -> Option<Instant> {
        let own = match self.screen {
            Screen::Attract => self.awake_deadline(),
            Screen::Closed { step } => self.hours.move_at(step + 1),
            _ => self.idle.next_deadline().or_else(|| self.awake_deadline()),
        };
        [own, self.hours.next_change(), self.key_hint_until]
            .into_iter()
            .flatten()
            .min()
    }

    /// Facts for the staff screen.
    pub fn staff_info(&self) -> &StaffInfo {
        &self.staff_info
    }

    /// Answers opened since the kiosk started, by question id.
    pub fn answer_views(&self) -> &BTreeMap<String, u64> {
        &self.answer_views
    }

    /// The list on screen (home or category), laid out for the current size.
    pub fn list_layout(&self) -> Option<Arc<ListLayout>> {
        match self.screen {
            Screen::Home { .. } => Some(self.home_layout()),
            Screen::Category { category, .. } => Some(self.category_layout(category)),
            _ => None,
        }
    }

    /// The home screen's list, laid out for the current size.
    pub fn home_layout(&self) -> Arc<ListLayout> {
        self.layouts.home(&self.geometry, &self.content)
    }

    /// The list of `category`'s questions, laid out for the current size.
    pub fn category_layout(&self, category: usize) -> Arc<ListLayout> {
        self.layouts
            .category(&self.geometry, &self.content, category)
    }

    /// The answer on screen (or behind its QR code), laid out for the current size and text
    /// size.
    pub fn answer_layout(&self) -> Option<Arc<AnswerLayout>> {
        let place = self.screen.answer()?;
        let question = self.question()?;
        Some(self.layouts.answer(
            &self.geometry,
            &self.content,
            place,
            question,
            self.large_text,
            self.notices_on(),
        ))
    }

    /// The day whose passed deadlines answers give notice of; `None` when notices are off or
    /// the date is not known yet.
    pub(crate) fn notices_on(&self) -> Option<Date> {
        self.today.filter(|_| self.deadline_notices)
    }

    /// The question on screen, when an answer (or one of its QR codes) is shown.
    pub fn question(&self) -> Option<&Question> {
        let (category, position) = self.screen.answer()?;
        self.content.category_questions(category).nth(position)
    }

    /// Applies `action`, which happened at `now`; returns what the runtime must do.
    pub fn update(&mut self, action: Action, now: Instant) -> Vec<Effect> {
        let mut effects = Vec::new();
        if action.is_key() {
            self.key_hint_until = None;
            let was_warning = self.idle.is_warning();
            self.idle.touch(now);
            // A key during the warning only says "I am still here": the page stays as it is,
            // and the guide says where the visitor still is.
            if was_warning {
                if self.voice_guide {
                    effects.push(Effect::Speak(speech::screen_speech(self)));
                }
                return effects;
            }
        }
        match action {
            Action::Tick => self.tick(now, &mut effects),
            Action::Resize { width, height } => self.keep_reading_place(|state| {
                (state.geometry.width, state.geometry.height) = capped_size(width, height);
            }),
            Action::ContentChanged(content) => {
                let place = relocate::Place::of(&self.screen, &self.content);
                self.content = content;
                self.screen = relocate::relocate(&place, &self.content);
                self.reading_place = None;
                self.clamp_answer_page();
            }
            Action::SettingsChanged {
                idle,
                ambiguous,
                hanging_punctuation,
                big_text,
                deadline_notices,
                voice_guide,
                hours,
                keymap,
                speech,
            } => {
                self.keymap = keymap;
                self.speech = speech;
                self.hours.set_hours(hours);
                self.idle.set_settings(idle, now);
                // Turned on, the guide starts at once; turned off, it stays for the visitor
                // using it until the next reset. Without a speech command there is no guide.
                self.voice_guide_default = voice_guide && speech;
                self.voice_guide = (self.voice_guide && speech) || self.voice_guide_default;
                self.keep_reading_place(|state| {
                    state.deadline_notices = deadline_notices;
                    state.geometry = state
                        .geometry
                        .ambiguous(ambiguous)
                        .hanging_punctuation(hanging_punctuation)
                        .big_text(big_text);
                });
            }
            Action::DateChanged(today) => {
                self.keep_reading_place(|state| state.today = Some(today))
            }
            Action::LocalTime(local) => {
                // A kiosk started after hours goes dark at once, not after the idle timeout.
                if self.hours.tell_time(local, now) && self.screen == Screen::Attract {
                    self.hours.refresh(now);
                    if !self.hours.is_open() {
                        self.go_dark(now);
                    }
                }
            }
            Action::StaffInfoChanged(info) => self.staff_info = info,
            Action::Key(Intent::Staff) => {
                self.leave_answer(self.screen, now, &mut effects);
                self.screen = Screen::Staff;
            }
            Action::Key(intent) => self.press(Some(intent), now, &mut effects),
            Action::OtherKey => self.press(None, now, &mut effects),
        }
        self.follow_hours(now, &mut effects);
        effects
    }

    fn tick(&mut self, now: Instant, effects: &mut Vec<Effect>) {
        if self.key_hint_until.is_some_and(|until| now >= until) {
            self.key_hint_until = None;
        }
        if matches!(self.screen, Screen::Attract | Screen::Closed { .. }) {
            return;
        }
        match self.idle.check(now) {
            idle::Check::Quiet => {}
            idle::Check::WarningStarted => {
                effects.push(Effect::Bell);
                if self.voice_guide
                    && let Some(seconds) = self.idle.warning_seconds()
                {
                    effects.push(Effect::Speak(speech::idle_warning_speech(seconds)));
                }
            }
            idle::Check::Expired => {
                let last_key = self.idle.last_input();
                self.leave_answer(self.screen, last_key, effects);
                effects.push(Effect::Record(UsageEvent::IdleReset));
                effects.push(Effect::Repaint);
                self.screen = Screen::Attract;
                // The next visitor starts with the kiosk's own choices, not the last one's.
                self.theme = 0;
                self.large_text = false;
                self.voice_guide = self.voice_guide_default;
                self.idle.touch(now);
                // After hours nobody is waiting for the attract screen: dark at once. Else the
                // attract screen says how to start, and how to start with the guide.
                if self.hours.is_open() {
                    effects.push(Effect::Speak(speech::screen_speech(self)));
                } else {
                    self.go_dark(now);
                }
            }
        }
    }

    /// Acts on a key press carrying `intent` (`None`: a key that means nothing here); a key
    /// that changes nothing here gets the hint of which keys do.
    fn press(&mut self, intent: Option<Intent>, now: Instant, effects: &mut Vec<Effect>) {
        // Keys pressed while the terminal is too small to show anything are not acted on
        // blindly: the visitor cannot see what they would do.
        if !self.geometry.is_usable() {
            return;
        }
        let before = (self.screen, self.theme, self.large_text, effects.len());
        self.act(intent, now, effects);
        if (self.screen, self.theme, self.large_text, effects.len()) == before {
            self.key_hint_until = Some(now + KEY_HINT_DURATION);
        }
    }

    fn act(&mut self, intent: Option<Intent>, now: Instant, effects: &mut Vec<Effect>) {
        match self.screen {
            // The first key after hours only wakes the screen, to the attract screen.
            Screen::Closed { .. } => {
                self.screen = Screen::Attract;
                effects.push(Effect::Repaint);
                return;
            }
            Screen::Attract => {
                effects.push(Effect::Record(UsageEvent::SessionStart));
                self.screen = Screen::Home { highlight: 0 };
                // Enter here is the key the attract screen announces for the voice guide.
                if intent == Some(Intent::Select) && self.speech {
                    self.voice_guide = true;
                }
                if self.voice_guide {
                    effects.push(Effect::Speak(speech::screen_speech(self)));
                } else {
                    effects.push(Effect::StopSpeaking);
                }
                return;
            }
            Screen::Staff => {
                match intent {
                    Some(STAFF_RELOAD) => effects.push(Effect::Reload),
                    Some(STAFF_EXIT) => effects.push(Effect::Exit),
                    Some(Intent::Back | Intent::Home) => self.screen = Screen::Attract,
                    _ => {}
                }
                return;
            }
            _ => {}
        }
        if self.voice_guide {
            match intent {
                // What the guide names as "hear it again": the screen, from its start.
                Some(Intent::Select) => {
                    effects.push(Effect::Speak(speech::screen_speech(self)));
                    return;
                }
                Some(Intent::Theme) => {
                    effects.push(Effect::StopSpeaking);
                    return;
                }
                _ => {}
            }
        }
        let before = self.screen;
        let heard_before = self.heard_place();
        match intent {
            Some(Intent::Theme) => self.theme = self.theme.wrapping_add(1),
            Some(Intent::TextSize) => {
                self.keep_reading_place(|state| state.large_text = !state.large_text);
            }
            Some(Intent::Home) => self.screen = Screen::Home { highlight: 0 },
            Some(Intent::Back) => self.back(),
            Some(Intent::Open(number)) => self.open_number(number),
            Some(Intent::Select) => self.open_highlighted(effects),
            Some(Intent::NextPage) => self.turn_page(true),
            Some(Intent::PreviousPage) => self.turn_page(false),
            Some(Intent::Down) => self.move_highlight(true),
            Some(Intent::Up) => self.move_highlight(false),
            Some(Intent::Staff) | None => {}
        }
        self.record_moves(before, now, effects);
        // Each key is confirmed by what it opens; a new screen cuts the old one short.
        if self.voice_guide && self.heard_place() != heard_before {
            effects.push(Effect::Speak(speech::screen_speech(self)));
        }
    }

    /// The screen as the guide speaks it: a list's highlight counts only as the page it is
    /// on, since the guide reads whole pages.
    fn heard_place(&self) -> Screen {
        let page_start = |list: Arc<ListLayout>, highlight: usize| {
            list.pages
                .get(list.page_of(highlight))
                .map_or(0, |page| page.start)
        };
        match self.screen {
            Screen::Home { highlight } => Screen::Home {
                highlight: page_start(self.home_layout(), highlight),
            },
            Screen::Category {
                category,
                highlight,
            } => Screen::Category {
                category,
                highlight: page_start(self.category_layout(category), highlight),
            },
            other => other,
        }
    }

    /// Logs what the visitor opened and left, comparing the screen before and after a key.
    fn record_moves(&mut self, before: Screen, now: Instant, effects: &mut Vec<Effect>) {
        let same_answer = before.answer().is_some() && before.answer() == self.screen.answer();
        if before.answer().is_some() && !same_answer {
            self.leave_answer(before, now, effects);
        }
        if let (Screen::Answer { page: was, .. }, Screen::Answer { page, .. }) =
            (before, self.screen)
            && same_answer
            && was != page
        {
            effects.push(Effect::StopSpeaking);
        }
        match self.screen {
            Screen::Category { category, .. } if matches!(before, Screen::Home { .. }) => {
                let id = self.content.categories[category].id.clone();
                effects.push(Effect::Record(UsageEvent::CategoryOpened { category: id }));
            }
            Screen::Answer { .. } if !same_answer => {
                if let Some(question) = self.question() {
                    let id = question.id.clone();
                    let speech = speech::answer_speech(self, question);
                    *self.answer_views.entry(id.clone()).or_default() += 1;
                    effects.push(Effect::Record(UsageEvent::AnswerOpened { question: id }));
                    // With the guide on, the guide speaks the new screen instead.
                    if !self.voice_guide {
                        effects.push(Effect::Speak(speech));
                    }
                    self.answer_opened = Some(now);
                }
            }
            _ => {}
        }
    }

    /// Records that the answer of screen `left` (if it showed one) was read until `until`, and
    /// silences it.
    fn leave_answer(&mut self, left: Screen, until: Instant, effects: &mut Vec<Effect>) {
        let question = left.answer().and_then(|(category, position)| {
            self.content.category_questions(category).nth(position)
        });
        if let (Some(question), Some(opened)) = (question, self.answer_opened) {
            let seconds = until.saturating_duration_since(opened).as_secs();
            effects.push(Effect::StopSpeaking);
            effects.push(Effect::Record(UsageEvent::AnswerClosed {
                question: question.id.clone(),
                seconds,
            }));
        }
        self.answer_opened = None;
    }

    fn back(&mut self) {
        self.screen = match self.screen {
            Screen::Category { category, .. } => Screen::Home {
                highlight: category,
            },
            Screen::Answer {
                category, position, ..
            } => Screen::Category {
                category,
                highlight: position,
            },
            Screen::TakeHome {
                category,
                position,
                page,
                ..
            } => Screen::Answer {
                category,
                position,
                page,
            },
            _ => Screen::Home { highlight: 0 },
        };
    }

    /// Opens item `number` (1 to 9) of the list page on screen, or of the answer's take-home
    /// items.
    fn open_number(&mut self, number: u8) {
        if let Screen::Answer {
            category,
            position,
            page,
        } = self.screen
        {
            let items = self.question().map_or(0, |q| q.take_home().len());
            if (1..=items).contains(&usize::from(number)) {
                self.screen = Screen::TakeHome {
                    category,
                    position,
                    page,
                    item: usize::from(number) - 1,
                };
            }
            return;
        }
        let Some(list) = self.list_layout() else {
            return;
        };
        let page = &list.pages[list.page_of(self.highlight())];
        let index = page.start + usize::from(number).saturating_sub(1);
        if number >= 1 && index < page.end {
            self.open(index);
        }
    }

    fn open_highlighted(&mut self, effects: &mut Vec<Effect>) {
        // On an answer, Enter reads it aloud again.
        if matches!(self.screen, Screen::Answer { .. }) {
            if let Some(question) = self.question() {
                effects.push(Effect::Speak(speech::answer_speech(self, question)));
            }
            return;
        }
        let highlight = self.highlight();
        let count = self.list_layout().map_or(0, |list| list.entries.len());
        if highlight < count {
            self.open(highlight);
        }
    }

    fn open(&mut self, index: usize) {
        self.screen = match self.screen {
            Screen::Home { .. } => Screen::Category {
                category: index,
                highlight: 0,
            },
            Screen::Category { category, .. } => Screen::Answer {
                category,
                position: index,
                page: 0,
            },
            other => other,
        };
    }

    fn highlight(&self) -> usize {
        match self.screen {
            Screen::Home { highlight } | Screen::Category { highlight, .. } => highlight,
            Screen::Answer { position, .. } | Screen::TakeHome { position, .. } => position,
            Screen::Attract | Screen::Staff | Screen::Closed { .. } => 0,
        }
    }

    fn set_highlight(&mut self, value: usize) {
        if let Screen::Home { highlight } | Screen::Category { highlight, .. } = &mut self.screen {
            *highlight = value;
        }
    }

    fn turn_page(&mut self, forward: bool) {
        if let Screen::Answer { page, .. } = &mut self.screen {
            *page = if forward {
                *page + 1
            } else {
                page.saturating_sub(1)
            };
            self.clamp_answer_page();
            return;
        }
        let Some(list) = self.list_layout() else {
            return;
        };
        let current = list.page_of(self.highlight());
        let target = if forward {
            (current + 1).min(list.pages.len() - 1)
        } else {
            current.saturating_sub(1)
        };
        if target != current {
            self.set_highlight(list.pages[target].start);
        }
    }

    fn move_highlight(&mut self, down: bool) {
        if matches!(self.screen, Screen::Answer { .. }) {
            self.turn_page(down);
            return;
        }
        let count = self.list_layout().map_or(0, |list| list.entries.len());
        let highlight = self.highlight();
        let moved = if down {
            (highlight + 1).min(count.saturating_sub(1))
        } else {
            highlight.saturating_sub(1)
        };
        self.set_highlight(moved);
    }

    /// The number of pages of the answer on screen (1 on other screens).
    pub fn answer_page_count(&self) -> usize {
        self.answer_layout().map_or(1, |answer| answer.pages.len())
    }

    /// Makes `change`, which lays the answer out anew (a resize, the text size, settings, a new
    /// day's notice), and then shows the page where the first line the reader saw has gone:
    /// the reader keeps their place instead of going back to page 1.
    fn keep_reading_place(&mut self, change: impl FnOnce(&mut Self)) {
        let place = match (self.screen, self.reading_place) {
            (screen, Some((kept, place))) if kept == screen => Some(place),
            (Screen::Answer { page, .. } | Screen::TakeHome { page, .. }, _) => self
                .answer_layout()
                .and_then(|answer| ReadingPlace::of(&answer.pages, page)),
            _ => None,
        };
        change(self);
        let Some(place) = place else {
            self.clamp_answer_page();
            return;
        };
        let found = self
            .answer_layout()
            .map_or(0, |answer| place.page_in(&answer.pages));
        if let Screen::Answer { page, .. } | Screen::TakeHome { page, .. } = &mut self.screen {
            *page = found;
        }
        self.reading_place = Some((self.screen, place));
    }

    /// Keeps the answer page (shown, or to go back to from a QR code) within the answer, for
    /// a change that cannot keep the reader's place (new content).
    fn clamp_answer_page(&mut self) {
        let last = self.answer_page_count() - 1;
        if let Screen::Answer { page, .. } | Screen::TakeHome { page, .. } = &mut self.screen {
            *page = (*page).min(last);
        }
    }
}

#[cfg(test)]
mod tests;
