//! Opening hours in the state: the dark screen outside them, the attract screen a key wakes,
//! and the deadlines of both, from the local time the runtime tells.
//!
//! The state reads no clock. The runtime tells it the local wall-clock time at every wake-up
//! ([`Action::LocalTime`](super::Action::LocalTime)); between two tellings the time is carried
//! on by the monotonic `Instant`s `update` is given, so the next opening or closing becomes an
//! `Instant` for the loop to sleep until.

use std::time::{Duration, Instant};

use super::{Effect, Screen, State};
use crate::hours::{Hours, LocalTime};

/// How often the dark screen's message moves, so that nothing stays lit in one place.
pub const CLOSED_MOVE: Duration = Duration::from_secs(180);

/// How long a key shows the attract screen after hours when the idle reset is off (else the
/// idle timeout does).
pub const CLOSED_WAKE_DEFAULT: Duration = Duration::from_secs(120);

/// How far the told time may stray from the time carried on before the state takes it afresh:
/// a wake-up a little early or late by the wall clock is not a step of the clock.
const CLOCK_TOLERANCE_MS: i64 = 1000;

/// The opening hours and where the state stands with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HoursState {
    hours: Option<Hours>,
    /// The local time last taken from the runtime, and when.
    clock: Option<(Instant, LocalTime)>,
    /// Whether the hours say open, as of the last update.
    open: bool,
    /// The local time at the last update.
    local_now: Option<LocalTime>,
    /// The next opening or closing, as of the last update.
    next_change: Option<(Instant, LocalTime)>,
    /// When the screen last went dark, from which the message's moves are counted.
    dark_since: Instant,
}

impl HoursState {
    pub(super) fn new(now: Instant) -> Self {
        Self {
            hours: None,
            clock: None,
            open: true,
            local_now: None,
            next_change: None,
            dark_since: now,
        }
    }

    pub(super) fn set_hours(&mut self, hours: Option<Hours>) {
        self.hours = hours;
    }

    /// The runtime read `local` on the wall clock at `now`; whether this is the first time it
    /// was told.
    pub(super) fn tell_time(&mut self, local: LocalTime, now: Instant) -> bool {
        let first = self.clock.is_none();
        let strayed = self
            .local_at(now)
            .is_none_or(|carried| (carried.millis() - local.millis()).abs() > CLOCK_TOLERANCE_MS);
        if strayed {
            self.clock = Some((now, local));
        }
        first
    }

    /// Whether the hours say open (always, without hours or before the time is known).
    pub(super) fn is_open(&self) -> bool {
        self.open
    }

    /// When the kiosk next opens or closes.
    pub(super) fn next_change(&self) -> Option<Instant> {
        self.next_change.map(|(at, _)| at)
    }

    /// When the dark screen's message makes its `step`th move.
    pub(super) fn move_at(&self, step: u64) -> Option<Instant> {
        let seconds = CLOSED_MOVE.as_secs().checked_mul(step)?;
        self.dark_since.checked_add(Duration::from_secs(seconds))
    }

    /// How many moves the message has made by `now`.
    fn step_at(&self, now: Instant) -> u64 {
        now.saturating_duration_since(self.dark_since).as_secs() / CLOSED_MOVE.as_secs()
    }

    /// Brings the open/closed state and the next change up to `now`.
    pub(super) fn refresh(&mut self, now: Instant) {
        self.local_now = self.local_at(now);
        let (Some(hours), Some(local)) = (&self.hours, self.local_now) else {
            self.open = true;
            self.next_change = None;
            return;
        };
        self.open = hours.schedule.is_open(local);
        self.next_change = hours
            .schedule
            .next_change(local)
            .and_then(|change| Some((self.instant_of(change)?, change)));
    }

    fn local_at(&self, at: Instant) -> Option<LocalTime> {
        let (told_at, told) = self.clock?;
        let millis = match at.checked_duration_since(told_at) {
            Some(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            None => -i64::try_from((told_at - at).as_millis()).unwrap_or(i64::MAX),
        };
        Some(told.plus_millis(millis))
    }

    fn instant_of(&self, local: LocalTime) -> Option<Instant> {
        let (told_at, told) = self.clock?;
        let millis = local.millis().saturating_sub(told.millis());
        let distance = Duration::from_millis(millis.unsigned_abs());
        if millis >= 0 {
            told_at.checked_add(distance)
        } else {
            told_at.checked_sub(distance)
        }
    }
}

impl State {
    /// The staff's own text for the dark screen, if they wrote one.
    pub fn closed_message(&self) -> Option<&str> {
        self.hours.hours.as_ref()?.closed_message.as_deref()
    }

    /// When the kiosk next opens, while the hours say closed.
    pub fn next_opening(&self) -> Option<LocalTime> {
        if self.hours.open {
            return None;
        }
        self.hours.next_change.map(|(_, local)| local)
    }

    /// Where the kiosk stands with its opening hours, for the staff screen: whether open, and
    /// when that next changes; `None` without hours (always open).
    pub fn hours_status(&self) -> Option<(bool, Option<LocalTime>)> {
        self.hours.hours.as_ref()?;
        Some((
            self.hours.open,
            self.hours.next_change.map(|(_, local)| local),
        ))
    }

    /// The local time as of the last update, once the runtime has told it.
    pub fn local_time(&self) -> Option<LocalTime> {
        self.hours.local_now
    }

    /// After hours, when the screen a key woke goes dark again: the idle timeout after the
    /// last key. `None` within the hours.
    pub(super) fn awake_deadline(&self) -> Option<Instant> {
        if self.hours.open {
            return None;
        }
        let awake = self.idle.timeout().unwrap_or(CLOSED_WAKE_DEFAULT);
        self.idle.last_input().checked_add(awake)
    }

    /// Keeps the screen to the hours at `now`: dark after hours once nobody is using the
    /// kiosk, the attract screen when it opens, and the message moved when its time comes.
    ///
    /// A visitor in the middle of a question keeps it after closing time: the idle reset then
    /// ends in the dark screen instead of the attract screen. Only with the idle reset off is
    /// a page left alone for the idle timeout's default taken dark.
    pub(super) fn follow_hours(&mut self, now: Instant, effects: &mut Vec<Effect>) {
        self.hours.refresh(now);
        let open = self.hours.open;
        match self.screen {
            Screen::Closed { .. } if open => {
                self.screen = Screen::Attract;
                self.idle.touch(now);
                effects.push(Effect::Repaint);
            }
            Screen::Closed { step } => {
                let now_step = self.hours.step_at(now);
                if now_step != step {
                    self.screen = Screen::Closed { step: now_step };
                }
            }
            screen => {
                let resets = self.idle.next_deadline().is_some();
                let due = self.awake_deadline().is_some_and(|at| now >= at)
                    && (screen == Screen::Attract || !resets);
                if due {
                    self.leave_answer(screen, self.idle.last_input(), effects);
                    effects.push(Effect::Repaint);
                    self.go_dark(now);
                }
            }
        }
    }

    /// Darkens the screen from `now`, and leaves the next visitor the kiosk's own choices.
    pub(super) fn go_dark(&mut self, now: Instant) {
        self.screen = Screen::Closed { step: 0 };
        self.hours.dark_since = now;
        self.theme = 0;
        self.large_text = false;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{Action, IdleSettings};
    use super::*;
    use crate::content::Content;
    use crate::dates::Date;
    use crate::hours::{Schedule, Span};
    use crate::keys::Intent;
    use crate::layout::Geometry;

    const MINUTE: Duration = Duration::from_secs(60);

    /// Monday 2026-11-30 at `hour`:`minute`.
    fn monday(hour: u32, minute: u32) -> LocalTime {
        LocalTime::at(Date::new(2026, 11, 30).unwrap(), hour * 60 + minute)
    }

    /// Weekdays 9:00 to 17:30.
    fn office_hours() -> Hours {
        let mut schedule = Schedule::default();
        for day in &mut schedule.week[..5] {
            *day = vec![Span {
                open: 9 * 60,
                close: 17 * 60 + 30,
            }];
        }
        Hours {
            schedule,
            closed_message: None,
        }
    }

    fn settings(hours: Option<Hours>, timeout: Option<u64>) -> Action {
        Action::SettingsChanged {
            idle: IdleSettings {
                timeout: timeout.map(Duration::from_secs),
                countdown: Duration::from_secs(20),
            },
            ambiguous: Default::default(),
            hanging_punctuation: false,
            big_text: Default::default(),
            deadline_notices: true,
            voice_guide: false,
            hours,
            keymap: Default::default(),
            speech: false,
        }
    }

    /// A kiosk on the attract screen at `t0`, told it is `local` then, keeping office hours
    /// with a two-minute idle timeout.
    fn kiosk_at(local: LocalTime, t0: Instant) -> State {
        let mut state = State::new(
            Arc::new(Content::embedded().unwrap()),
            Geometry::new(80, 24),
            t0,
        );
        state.update(settings(Some(office_hours()), Some(120)), t0);
        state.update(Action::LocalTime(local), t0);
        state
    }

    #[test]
    fn open_then_closed_then_a_key_wakes_the_attract_screen_then_dark_again() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(17, 0), t0);
        assert_eq!(state.screen(), Screen::Attract);
        // Open, on the attract screen: the only wake-up due is the closing.
        assert_eq!(state.next_deadline(), Some(t0 + 30 * MINUTE));
        let effects = state.update(Action::Tick, t0 + 30 * MINUTE);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
        assert!(effects.contains(&Effect::Repaint));
        // Dark: next the message moves.
        assert_eq!(state.next_deadline(), Some(t0 + 30 * MINUTE + CLOSED_MOVE));
        // A key wakes the attract screen, and starts no session.
        let key_at = t0 + 40 * MINUTE;
        let effects = state.update(Action::Key(Intent::Open(1)), key_at);
        assert_eq!(state.screen(), Screen::Attract);
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::Record(_))),
            "{effects:?}"
        );
        assert_eq!(state.next_deadline(), Some(key_at + 2 * MINUTE));
        state.update(Action::Tick, key_at + 2 * MINUTE - Duration::from_millis(1));
        assert_eq!(state.screen(), Screen::Attract);
        state.update(Action::Tick, key_at + 2 * MINUTE);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
    }

    #[test]
    fn the_message_moves_every_few_minutes_and_the_opening_ends_the_dark() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(8, 0), t0);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
        assert_eq!(state.next_opening(), Some(monday(9, 0)));
        for step in 1..=3 {
            let at = t0 + CLOSED_MOVE * step;
            assert_eq!(state.next_deadline(), Some(at));
            state.update(Action::Tick, at);
            assert_eq!(
                state.screen(),
                Screen::Closed {
                    step: u64::from(step)
                }
            );
        }
        // 20 moves of 3 minutes would pass 9:00: the opening comes first.
        let opening = t0 + 60 * MINUTE;
        state.update(Action::Tick, t0 + CLOSED_MOVE * 20 - CLOSED_MOVE);
        assert_eq!(state.next_deadline(), Some(opening));
        state.update(Action::Tick, opening);
        assert_eq!(state.screen(), Screen::Attract);
        assert_eq!(
            state.next_deadline(),
            Some(t0 + (60 + 510) * MINUTE),
            "17:30"
        );
    }

    #[test]
    fn a_visitor_keeps_the_page_past_closing_and_the_idle_reset_ends_in_the_dark() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(17, 29), t0);
        state.update(Action::OtherKey, t0);
        state.update(Action::Key(Intent::Open(1)), t0 + Duration::from_secs(50));
        let page = state.screen();
        state.update(Action::Tick, t0 + MINUTE);
        assert_eq!(state.screen(), page, "closing does not interrupt a visitor");
        let effects = state.update(Action::Tick, t0 + Duration::from_secs(50 + 120));
        assert_eq!(state.idle_warning(), Some(20));
        assert!(effects.contains(&Effect::Bell));
        let effects = state.update(Action::Tick, t0 + Duration::from_secs(50 + 140));
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
        assert!(effects.contains(&Effect::Record(super::super::UsageEvent::IdleReset)));
    }

    #[test]
    fn with_the_idle_reset_off_a_page_left_after_hours_goes_dark() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(17, 29), t0);
        state.update(settings(Some(office_hours()), None), t0);
        state.update(Action::OtherKey, t0);
        assert_eq!(state.next_deadline(), Some(t0 + MINUTE), "the closing");
        state.update(Action::Tick, t0 + MINUTE);
        assert!(matches!(state.screen(), Screen::Home { .. }));
        assert_eq!(state.next_deadline(), Some(t0 + CLOSED_WAKE_DEFAULT));
        state.update(Action::Tick, t0 + CLOSED_WAKE_DEFAULT);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
    }

    #[test]
    fn a_step_of_the_wall_clock_is_followed_and_a_small_stray_is_not() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(12, 0), t0);
        assert_eq!(state.next_deadline(), Some(t0 + 330 * MINUTE));
        // Woken a little early by the wall clock: the carried-on time stands.
        state.update(
            Action::LocalTime(monday(12, 10).plus_millis(-400)),
            t0 + 10 * MINUTE,
        );
        assert_eq!(state.next_deadline(), Some(t0 + 330 * MINUTE));
        // The clock was set (the network's time arrived): closing is now nearer.
        state.update(Action::LocalTime(monday(17, 0)), t0 + 11 * MINUTE);
        assert_eq!(state.next_deadline(), Some(t0 + 41 * MINUTE));
        state.update(Action::LocalTime(monday(20, 0)), t0 + 12 * MINUTE);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
    }

    #[test]
    fn without_hours_or_before_the_time_is_known_the_kiosk_is_open() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(22, 0), t0);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
        state.update(settings(None, Some(120)), t0 + MINUTE);
        assert_eq!(state.screen(), Screen::Attract);
        assert_eq!(state.next_deadline(), None, "no wake-up at all");
        let mut untold = State::new(
            Arc::new(Content::embedded().unwrap()),
            Geometry::new(80, 24),
            t0,
        );
        untold.update(settings(Some(office_hours()), Some(120)), t0);
        assert_eq!(untold.screen(), Screen::Attract);
        assert_eq!(untold.next_deadline(), None);
    }

    #[test]
    fn the_staff_screen_opens_from_the_dark() {
        let t0 = Instant::now();
        let mut state = kiosk_at(monday(22, 0), t0);
        state.update(Action::Key(Intent::Staff), t0 + MINUTE);
        assert_eq!(state.screen(), Screen::Staff);
        state.update(Action::Key(Intent::Back), t0 + 2 * MINUTE);
        assert_eq!(state.screen(), Screen::Attract);
        state.update(Action::Tick, t0 + 4 * MINUTE);
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
    }
}
