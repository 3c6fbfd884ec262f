//! What one screen shows for a state: its lines with their roles, the page, the key guide.
//!
//! The view decides everything that is not a colour or a cell: which text, in which order,
//! numbered how, with which keys explained. [`crate::ui`] only paints it.

mod attract;
mod chrome;
mod closed;
mod guide;
mod hint;
mod staff;
mod take_home;
mod taps;

pub use attract::{ATTRACT_HINT, ATTRACT_PROMPT};
pub use closed::{CLOSED_FOR_NOW, CLOSED_TODAY, ClosedView};
pub use guide::GuideItem;
pub use take_home::QrPlacement;

use crate::app::{Screen, State};
use crate::content::NoticePlace;
use crate::content::TakeHome;
use crate::keys::{Intent, Keymap};
use crate::layout::{self, Area, BigBlock, BigStyle, Geometry, ListLayout};
use crate::text::{WrapOptions, fill_phrases, find_phone_numbers};

/// The part a piece of text plays, which the theme turns into a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text: answers, list entries.
    Body,
    /// Titles and the question on an answer page.
    Heading,
    /// Descriptions and other secondary text.
    Muted,
}

/// One row of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    /// The number key that opens this entry, shown as a key cap (first line of an entry only).
    pub number: Option<u8>,
    /// Columns left blank before the text (the number column of a list, for example).
    pub indent: usize,
    /// The text, already fitted to the body's width.
    pub text: String,
    /// The text's role.
    pub role: Role,
    /// Whether the row belongs to the highlighted entry.
    pub highlighted: bool,
    /// Whether the text is centred in the body instead of starting at its left edge.
    pub centered: bool,
    /// Parts of the text to stand out (phone numbers), as byte ranges of `text`.
    pub emphasis: Vec<std::ops::Range<usize>>,
}

impl BodyLine {
    fn plain(text: impl Into<String>, role: Role) -> Self {
        Self {
            number: None,
            indent: 0,
            text: text.into(),
            role,
            highlighted: false,
            centered: false,
            emphasis: Vec::new(),
        }
    }

    fn centered(text: impl Into<String>, role: Role) -> Self {
        Self {
            centered: true,
            ..Self::plain(text, role)
        }
    }

    fn blank() -> Self {
        Self::plain("", Role::Body)
    }
}

/// Everything one screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// A usable screen (boxed: it is far larger than the message).
    Screen(Box<ScreenView>),
    /// The terminal is too small to lay out a screen: a short message instead, wrapped.
    TooSmall(Vec<String>),
    /// Outside the opening hours: a dark screen with a short message.
    Closed(ClosedView),
}

/// A screen with header, body, page line and key guide, every text fitted to its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenView {
    /// The kiosk's title, on the left of the header.
    pub title: String,
    /// The content's edition, on the right of the header, when there is room for it.
    pub edition: Option<String>,
    /// The body's rows, top to bottom.
    pub body: Vec<BodyLine>,
    /// The page line above the guide (where the visitor is, and that more follows), if the
    /// screen has more than one page.
    pub status: Option<PageStatus>,
    /// The keys that do something on this screen, as many as fit the footer.
    pub guide: Vec<GuideItem>,
    /// More keys, on the left of the page line, when the footer has no room for them.
    pub guide_more: Vec<GuideItem>,
    /// Lines of large glyphs, drawn over the body's blank rows.
    pub big: Vec<BigLine>,
    /// A QR code drawn in the body, on the take-home screen.
    pub qr: Option<QrPlacement>,
    /// A message drawn over the body in a box, such as the idle warning.
    pub notice: Option<Vec<String>>,
    /// The staff's notices for this screen and day, on the row between header and body.
    pub staff_notice: Option<String>,
    /// Where the parts of the screen go: what is drawn and what is tapped use the same.
    pub areas: Areas,
}

/// Where the parts of a screen go on the terminal, worked out once for drawing and for taps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The body, where lists and answers go.
    pub body: Area,
    /// The band for large glyphs: the body's rows, the whole width inside the side margins.
    pub wide: Area,
    /// The page line, above the footer: more of the guide on the left, the page on the right.
    pub page_line: Area,
    /// The footer, the guide's own row.
    pub footer: Area,
}

impl Areas {
    /// The areas of a screen laid out for `geometry`.
    pub fn of(geometry: &Geometry) -> Self {
        let body = geometry.body();
        let row = |y: u16, x: u16, width: u16| Area {
            x,
            y,
            width,
            height: 1,
        };
        Self {
            body,
            wide: geometry.wide_area(),
            page_line: row(geometry.height.saturating_sub(2), body.x, body.width),
            footer: row(geometry.height.saturating_sub(1), 0, geometry.width),
        }
    }
}

/// The page line's own text, on its right: where the visitor is, and which key shows more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStatus {
    /// The text, fitted to the body's width.
    pub text: String,
    /// The column it starts at.
    pub x: u16,
    /// The columns it takes.
    pub width: u16,
    /// What a tap on it asks for: the next page, while there is one.
    pub intent: Option<Intent>,
}

/// The message shown when the terminal is smaller than the kiosk's smallest layout, in the
/// phrases its lines may break between.
pub const TOO_SMALL_PHRASES: [&str; 5] = [
    "画面が",
    "小さすぎます。",
    "ウィンドウを",
    "大きく",
    "してください。",
];

/// The view of `state`.
pub fn view(state: &State) -> View {
    let geometry = state.geometry();
    if let Screen::Closed { step } = state.screen() {
        return View::Closed(closed::closed_view(state, step));
    }
    if !geometry.is_usable() {
        let width = usize::from(geometry.width).max(1);
        let options = WrapOptions::new(width).ambiguous(geometry.ambiguous);
        return View::TooSmall(fill_phrases(&TOO_SMALL_PHRASES, options));
    }
    let content = state.content();
    let keymap = state.keymap();
    let mut qr = None;
    let parts = match state.screen() {
        Screen::Home { highlight } => list_view(
            &geometry,
            keymap,
            &state.home_layout(),
            highlight,
            Role::Body,
            "えらぶ",
            false,
        ),
        Screen::Category {
            category,
            highlight,
        } => list_view(
            &geometry,
            keymap,
            &state.category_layout(category),
            highlight,
            Role::Heading,
            "質問をえらぶ",
            true,
        ),
        Screen::Answer { page, .. } => match (state.question(), state.answer_layout()) {
            (Some(question), Some(layout)) => answer_view(
                keymap,
                &layout,
                page,
                state.large_text(),
                &question.take_home(),
            ),
            _ => Parts::new(Vec::new(), (1, 1), guide::back_and_home(keymap)),
        },
        Screen::Attract => attract::attract_view(state),
        Screen::Staff => staff::staff_view(state),
        Screen::Closed { step } => return View::Closed(closed::closed_view(state, step)),
        Screen::TakeHome { item, .. } => {
            let (parts, code) = take_home::take_home_view(state, item);
            qr = code;
            parts
        }
    };
    let mut parts = parts;
    // With the voice guide, Enter repeats the screen and `/` stops the speech instead of
    // changing the colours, and the guide says so.
    if state.voice_guide() && !matches!(state.screen(), Screen::Attract | Screen::Staff) {
        guide::voice_keys(keymap, &mut parts.guide);
    }
    let place = match state.screen() {
        Screen::Attract => Some(NoticePlace::Attract),
        Screen::Home { .. } => Some(NoticePlace::Menu),
        Screen::Staff | Screen::Closed { .. } => None,
        _ => Some(NoticePlace::Every),
    };
    let staff_notice = place
        .zip(state.today())
        .and_then(|(place, today)| chrome::staff_notice(&geometry, &content.notices, today, place));
    let (title, edition) = chrome::header(&geometry, &content.meta.title, &content.meta.edition);
    let areas = Areas::of(&geometry);
    let status = chrome::status(&geometry, keymap, parts.page, areas.page_line);
    let status_text = status.as_ref().map(|status| status.text.as_str());
    // The idle warning says more than the hint: any key now keeps the visitor's place.
    let notice = state.idle_warning().map(idle_notice).or_else(|| {
        state
            .key_hint()
            .then(|| hint::key_hint(&geometry, &parts.guide))
    });
    let (guide, guide_more) = chrome::fit_guide(&geometry, parts.guide, status_text, &areas);
    View::Screen(Box::new(ScreenView {
        title,
        edition,
        body: parts.body,
        status,
        guide,
        guide_more,
        big: parts.big,
        qr,
        notice,
        staff_notice,
        areas,
    }))
}

/// The idle warning: what will happen, when, and how to stop it.
fn idle_notice(seconds: u64) -> Vec<String> {
    vec![
        "まもなく最初の画面にもどります".to_string(),
        format!("あと {seconds} 秒"),
        "続けるときは、どれかキーを押してください".to_string(),
    ]
}

/// The body, large lines, page and guide of one screen, before the frame is fitted.
struct Parts {
    body: Vec<BodyLine>,
    big: Vec<BigLine>,
    page: (usize, usize),
    guide: Vec<GuideItem>,
}

impl Parts {
    fn new(body: Vec<BodyLine>, page: (usize, usize), guide: Vec<GuideItem>) -> Self {
        Self {
            body,
            big: Vec::new(),
            page,
            guide,
        }
    }

    /// Places `block` from the body's next row, keeping its rows free of normal text; each
    /// line starts `x(line)` columns into the wide area.
    fn push_big(&mut self, block: &BigBlock, numbered: bool, role: Role, x: impl Fn(&str) -> u16) {
        let rows_per_line = block.style.line_rows();
        for (index, text) in block.lines.iter().enumerate() {
            if index > 0 {
                for _ in 0..block.gap {
                    self.body.push(BodyLine::blank());
                }
            }
            self.big.push(BigLine {
                row: self.body.len() as u16,
                x: x(text),
                number: numbered.then_some(index as u8 + 1),
                text: text.clone(),
                style: block.style,
                role,
                highlighted: false,
            });
            for _ in 0..rows_per_line {
                self.body.push(BodyLine::blank());
            }
        }
    }
}

/// A line of large glyphs, drawn over blank rows of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigLine {
    /// The body row it starts at.
    pub row: u16,
    /// The column it starts at, counted from the left of the wide area
    /// ([`crate::layout::Geometry::wide_area`]).
    pub x: u16,
    /// The number key that opens it, drawn large before the text, if it is a menu entry.
    pub number: Option<u8>,
    /// The text, without its number.
    pub text: String,
    /// The font and cell encoding.
    pub style: BigStyle,
    /// The text's role.
    pub role: Role,
    /// Whether it is the highlighted entry.
    pub highlighted: bool,
}

fn list_view(
    geometry: &Geometry,
    keymap: &Keymap,
    list: &ListLayout,
    highlight: usize,
    heading_role: Role,
    open_action: &'static str,
    can_go_back: bool,
) -> Parts {
    let mut parts = Parts::new(Vec::new(), (1, 1), Vec::new());
    let wide = geometry.wide_area();
    // A large heading starts where the body's text does, when it has the room.
    let body_x = geometry.body().x - wide.x;
    if let Some(block) = &list.big_heading {
        let x = body_x.min(wide.width.saturating_sub(block.columns));
        parts.push_big(block, false, heading_role, |_| x);
    }
    for (row, text) in list.heading.iter().enumerate() {
        let role = if row == 0 && list.big_heading.is_none() {
            heading_role
        } else {
            Role::Muted
        };
        parts.body.push(BodyLine::plain(text.clone(), role));
    }
    if !list.heading.is_empty() || list.big_heading.is_some() {
        parts.body.push(BodyLine::blank());
    }
    let page_index = list.page_of(highlight);
    let page = list.pages[page_index].clone();
    if let Some(block) = &list.big_entries {
        let first = parts.big.len();
        // The menu is centred as a block, its lines aligned on the left.
        let x = wide.width.saturating_sub(block.columns) / 2;
        parts.push_big(block, true, Role::Body, |_| x);
        for (offset, line) in parts.big[first..].iter_mut().enumerate() {
            line.highlighted = offset == highlight;
            // The number is drawn apart from the text, in its own colour.
            if let Some((_, title)) = line.text.split_once(' ') {
                line.text = title.to_string();
            }
        }
    }
    let body = &mut parts.body;
    let normal_entries = if list.big_entries.is_some() {
        0..0
    } else {
        page.clone()
    };
    for (number, index) in normal_entries.enumerate() {
        if number > 0 && list.spaced {
            body.push(BodyLine::blank());
        }
        let entry = &list.entries[index];
        let highlighted = index == highlight;
        let lines = entry
            .title
            .iter()
            .map(|t| (t, Role::Body))
            .chain(entry.detail.iter().map(|t| (t, Role::Muted)));
        for (row, (text, role)) in lines.enumerate() {
            body.push(BodyLine {
                number: (row == 0).then_some(number as u8 + 1),
                indent: layout::NUMBER_COLUMNS,
                text: text.clone(),
                role,
                highlighted,
                centered: false,
                emphasis: Vec::new(),
            });
        }
    }
    // A tap on the guide's number keys opens the highlighted entry, as Enter does.
    let mut guide: Vec<GuideItem> =
        guide::open_item(keymap, page.len(), Intent::Select, open_action)
            .into_iter()
            .collect();
    guide.extend(guide::page_keys(keymap, page_index, list.pages.len()));
    if can_go_back {
        guide.extend(guide::back_and_home(keymap));
    }
    parts.page = (page_index + 1, list.pages.len());
    parts.guide = guide;
    parts
}

fn answer_view(
    keymap: &Keymap,
    answer: &layout::AnswerLayout,
    page: usize,
    large_text: bool,
    take_home: &[TakeHome],
) -> Parts {
    let page = page.min(answer.pages.len() - 1);
    let body: Vec<BodyLine> = answer
        .question
        .iter()
        .map(|line| BodyLine::plain(line.clone(), Role::Heading))
        // Large text follows the question with no blank row, as the layout counted it.
        .chain(answer.big.is_none().then(BodyLine::blank))
        .collect();
    let take_home_action = match take_home {
        [] => None,
        [only] if only.is_phone => Some("電話番号をスマホへ"),
        [_] => Some("ページをスマホへ"),
        _ => Some("スマホへ持ち帰る"),
    };
    let mut guide: Vec<GuideItem> = take_home_action
        .and_then(|action| guide::open_item(keymap, take_home.len(), Intent::Open(1), action))
        .into_iter()
        .collect();
    guide.extend(guide::page_keys(keymap, page, answer.pages.len()));
    guide.extend(guide::back_and_home(keymap));
    let text_size = if large_text {
        "ふつうの文字"
    } else {
        "大きな文字"
    };
    guide.extend(guide::item(keymap, Intent::TextSize, text_size));
    guide.extend(guide::item(keymap, Intent::Theme, "色をかえる"));
    let mut parts = Parts::new(body, (page + 1, answer.pages.len()), guide);
    let lines = &answer.pages[page];
    for (index, line) in lines.iter().enumerate() {
        // The notice of a passed deadline is set apart from the leaflet's words by colour too.
        let role = if answer.is_notice(page, index) {
            Role::Heading
        } else {
            Role::Body
        };
        match answer.big {
            Some(style) if !line.is_empty() => {
                let (columns, rows) = style.measure(line);
                let block = BigBlock {
                    style,
                    lines: vec![line.clone()],
                    gap: 0,
                    rows,
                    columns,
                };
                parts.push_big(&block, false, role, |_| 0);
                // A gap before the next line, as the layout counted it.
                if index + 1 < lines.len() {
                    for _ in 0..layout::LARGE_LINE_GAP {
                        parts.body.push(BodyLine::blank());
                    }
                }
            }
            _ => parts.body.push(BodyLine {
                emphasis: find_phone_numbers(line)
                    .into_iter()
                    .map(|n| n.range)
                    .collect(),
                ..BodyLine::plain(line.clone(), role)
            }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::*;
    use crate::app::Action;
    use crate::content::Content;
    use crate::keys::Intent;
    use crate::layout::Geometry;

    fn screen_after(width: u16, height: u16, actions: &[Action]) -> ScreenView {
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, Geometry::new(width, height), now);
        state.update(Action::OtherKey, now);
        for action in actions {
            state.update(action.clone(), now);
        }
        match view(&state) {
            View::Screen(screen) => *screen,
            View::TooSmall(_) | View::Closed(_) => panic!("not a screen"),
        }
    }

    #[test]
    fn staff_notices_show_within_their_dates_on_their_screens() {
        let mut content = Content::embedded().unwrap();
        let notice = |text: &str, place| crate::content::Notice {
            text: text.to_string(),
            from: crate::dates::Date::new(2026, 12, 28),
            until: crate::dates::Date::new(2027, 1, 3),
            place,
        };
        content.notices = vec![
            notice("年末年始はお休みです。", NoticePlace::Every),
            notice("相談会があります。", NoticePlace::Attract),
        ];
        let content = Arc::new(content);
        let shown = |day: u32, month: u32, attract: bool, actions: &[Action]| {
            let now = Instant::now();
            let mut state = State::new(Arc::clone(&content), Geometry::new(80, 24), now);
            let year = if month == 1 { 2027 } else { 2026 };
            let today = crate::dates::Date::new(year, month, day).unwrap();
            state.update(Action::DateChanged(today), now);
            if !attract {
                state.update(Action::OtherKey, now);
            }
            for action in actions {
                state.update(action.clone(), now);
            }
            match view(&state) {
                View::Screen(screen) => screen.staff_notice,
                View::TooSmall(_) | View::Closed(_) => panic!("not a screen"),
            }
        };
        assert_eq!(shown(27, 12, false, &[]), None, "not yet");
        assert_eq!(
            shown(28, 12, true, &[]).as_deref(),
            Some("年末年始はお休みです。　相談会があります。")
        );
        assert_eq!(
            shown(
                3,
                1,
                false,
                &[Action::Key(Intent::Open(3)), Action::Key(Intent::Open(1))]
            )
            .as_deref(),
            Some("年末年始はお休みです。"),
            "every screen, but the attract one's notice stays there"
        );
        assert_eq!(shown(4, 1, true, &[]), None, "over");
        assert_eq!(
            shown(1, 1, false, &[Action::Key(Intent::Staff)]),
            None,
            "not for staff"
        );
    }

    #[test]
    fn home_numbers_every_category_and_highlights_the_first() {
        let screen = screen_after(80, 24, &[]);
        let numbered: Vec<(u8, &str)> = screen
            .body
            .iter()
            .filter_map(|l| l.number.map(|n| (n, l.text.as_str())))
            .collect();
        assert_eq!(numbered[0], (1, "使い方"));
        assert_eq!(numbered.len(), 5);
        assert!(
            screen
                .body
                .iter()
                .any(|l| l.highlighted && l.text == "使い方")
        );
        assert_eq!(screen.guide[0].key, "1～5");
        assert_eq!(screen.status, None);
    }

    #[test]
    fn answer_pages_explain_the_paging_keys() {
        let first = screen_after(
            80,
            24,
            &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
        );
        let keys: Vec<&str> = first.guide.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["+", "0", ".", "*", "/"]);
        assert_eq!(first.body[0].role, Role::Heading);
        let last = screen_after(
            80,
            24,
            &[
                Action::Key(Intent::Open(4)),
                Action::Key(Intent::Open(2)),
                Action::Key(Intent::NextPage),
            ],
        );
        let keys: Vec<&str> = last.guide.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(last.status.unwrap().text, "ページ 2/2");
        assert_eq!(keys, ["-", "0", ".", "*", "/"]);
    }

    #[test]
    fn the_notice_of_a_passed_deadline_stands_apart_from_the_leaflets_words() {
        let today = Action::DateChanged(crate::dates::Date::new(2025, 12, 2).unwrap());
        let keys = [
            today,
            Action::Key(Intent::Open(4)),
            Action::Key(Intent::Open(2)),
            Action::Key(Intent::NextPage),
        ];
        let page = screen_after(80, 24, &keys);
        let roles: Vec<(Role, &str)> = page.body.iter().map(|l| (l.role, l.text.trim())).collect();
        let first = roles
            .iter()
            .position(|(_, text)| text.starts_with("※ この回答にある期限"))
            .expect("the notice is on the last page");
        assert_eq!(roles[first - 1], (Role::Body, ""), "a blank line before it");
        assert!(
            roles[first..]
                .iter()
                .all(|(role, text)| text.is_empty() || *role == Role::Heading)
        );
        assert!(
            roles[2..first].iter().all(|(role, _)| *role == Role::Body),
            "{roles:?}"
        );
    }

    #[test]
    fn a_key_that_does_nothing_gets_a_hint_naming_the_keys_that_work() {
        let home = screen_after(80, 24, &[]);
        assert_eq!(home.notice, None);
        let hinted = screen_after(80, 24, &[Action::Key(Intent::Open(8))]);
        let notice = hinted.notice.expect("a hint");
        assert_eq!(notice[0], "そのキーは、ここでは使えません");
        assert_eq!(notice[1..].concat(), "使えるキー：1～5 えらぶ");
        let answer = screen_after(
            80,
            24,
            &[
                Action::Key(Intent::Open(3)),
                Action::Key(Intent::Open(1)),
                Action::Key(Intent::Open(9)),
            ],
        );
        let notice = answer.notice.expect("a hint").concat();
        for key in ["0 もどる", ". はじめの画面", "* 大きな文字", "/ 色をかえる"]
        {
            assert!(notice.contains(key), "{notice}");
        }
    }

    #[test]
    fn a_tiny_terminal_gets_the_message() {
        let content = Arc::new(Content::embedded().unwrap());
        let state = State::new(content, Geometry::new(1, 1), Instant::now());
        let View::TooSmall(lines) = view(&state) else {
            panic!("a 1x1 terminal is too small");
        };
        assert_eq!(lines.concat(), TOO_SMALL_PHRASES.concat());
    }

    #[test]
    fn the_too_small_message_breaks_between_phrases() {
        let content = Arc::new(Content::embedded().unwrap());
        let state = State::new(content, Geometry::new(20, 8), Instant::now());
        let View::TooSmall(lines) = view(&state) else {
            panic!("a 20x8 terminal is too small");
        };
        assert_eq!(
            lines,
            [
                "画面が小さすぎます。",
                "ウィンドウを大きく",
                "してください。"
            ]
        );
    }
}
