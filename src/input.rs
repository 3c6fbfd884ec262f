//! Terminal key events and `--keys` labels into actions: the keypad map lives here and only here.
//!
//! A key is first named by the label printed on the keypad ([`KeyLabel`]), then the [`Keymap`]
//! says what that label does. With NumLock off a keypad sends Home, Up, PgUp… instead of
//! 7, 8, 9…; by default those are read as the digit printed on the same key, so a key always
//! does the same thing whatever the NumLock state.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use crate::app::Action;

/// A key as labelled on a numeric keypad, in either NumLock state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub enum KeyLabel {
    /// A digit key, `0` to `9`.
    Digit(u8),
    /// The `.` key (also `,` on keypads set up for a decimal comma).
    Dot,
    /// The `+` key.
    Plus,
    /// The `-` key.
    Minus,
    /// The `*` key.
    Star,
    /// The `/` key.
    Slash,
    /// Enter (also Ctrl+J, which tmux sends for keypad Enter in raw mode).
    Enter,
    /// Backspace.
    Backspace,
    /// Keypad 7 with NumLock off.
    Home,
    /// Keypad 8 with NumLock off.
    Up,
    /// Keypad 9 with NumLock off.
    PgUp,
    /// Keypad 4 with NumLock off.
    Left,
    /// Keypad 5 with NumLock off (`CSI E` or `SS3 E`; `CSI G` on the Linux console).
    Begin,
    /// Keypad 6 with NumLock off.
    Right,
    /// Keypad 1 with NumLock off.
    End,
    /// Keypad 2 with NumLock off.
    Down,
    /// Keypad 3 with NumLock off.
    PgDn,
    /// Keypad 0 with NumLock off.
    Insert,
    /// Keypad `.` with NumLock off.
    Delete,
}

/// The NumLock-off labels with the digit (or `.`) printed on the same key.
const NUMLOCK_OFF_KEYS: [(KeyLabel, KeyLabel); 11] = [
    (KeyLabel::Home, KeyLabel::Digit(7)),
    (KeyLabel::Up, KeyLabel::Digit(8)),
    (KeyLabel::PgUp, KeyLabel::Digit(9)),
    (KeyLabel::Left, KeyLabel::Digit(4)),
    (KeyLabel::Begin, KeyLabel::Digit(5)),
    (KeyLabel::Right, KeyLabel::Digit(6)),
    (KeyLabel::End, KeyLabel::Digit(1)),
    (KeyLabel::Down, KeyLabel::Digit(2)),
    (KeyLabel::PgDn, KeyLabel::Digit(3)),
    (KeyLabel::Insert, KeyLabel::Digit(0)),
    (KeyLabel::Delete, KeyLabel::Dot),
];

const NAMED_LABELS: [(&str, KeyLabel); 19] = [
    (".", KeyLabel::Dot),
    ("+", KeyLabel::Plus),
    ("-", KeyLabel::Minus),
    ("*", KeyLabel::Star),
    ("/", KeyLabel::Slash),
    ("Enter", KeyLabel::Enter),
    ("Backspace", KeyLabel::Backspace),
    ("Home", KeyLabel::Home),
    ("Up", KeyLabel::Up),
    ("PgUp", KeyLabel::PgUp),
    ("Left", KeyLabel::Left),
    ("Begin", KeyLabel::Begin),
    ("Right", KeyLabel::Right),
    ("End", KeyLabel::End),
    ("Down", KeyLabel::Down),
    ("PgDn", KeyLabel::PgDn),
    ("Insert", KeyLabel::Insert),
    ("Delete", KeyLabel::Delete),
    ("Del", KeyLabel::Delete),
];

impl FromStr for KeyLabel {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        if let [digit @ b'0'..=b'9'] = name.as_bytes() {
            return Ok(KeyLabel::Digit(digit - b'0'));
        }
        NAMED_LABELS
            .iter()
            .find(|(label, _)| label.eq_ignore_ascii_case(name))
            .map(|&(_, key)| key)
            .ok_or_else(|| {
                let choices: Vec<String> = NAMED_LABELS[..18]
                    .iter()
                    .map(|(label, _)| format!("`{label}`"))
                    .collect();
                format!(
                    "unknown variant `{name}`, expected one of `0`-`9`, {}",
                    choices.join(", ")
                )
            })
    }
}

impl TryFrom<String> for KeyLabel {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        name.parse()
    }
}

impl fmt::Display for KeyLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyLabel::Digit(digit) => write!(f, "{digit}"),
            other => {
                let name = NAMED_LABELS
                    .iter()
                    .find(|(_, key)| key == other)
                    .map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

/// Names a key event by its keypad label; `None` for keys a keypad does not have.
///
/// Only presses and repeats count (some terminals also report releases), and Esc, letters and
/// Ctrl combinations are not keypad keys, so they do nothing in the kiosk.
pub fn key_label(event: &KeyEvent) -> Option<KeyLabel> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let label = match event.code {
        KeyCode::Char('j') if ctrl => KeyLabel::Enter,
        // A key typed right after Esc arrives Alt-modified; it is still the key it is.
        _ if ctrl => return None,
        KeyCode::Char(c @ '0'..='9') => KeyLabel::Digit(c as u8 - b'0'),
        KeyCode::Char('.' | ',') => KeyLabel::Dot,
        KeyCode::Char('+') => KeyLabel::Plus,
        KeyCode::Char('-') => KeyLabel::Minus,
        KeyCode::Char('*') => KeyLabel::Star,
        KeyCode::Char('/') => KeyLabel::Slash,
        KeyCode::Enter => KeyLabel::Enter,
        KeyCode::Backspace => KeyLabel::Backspace,
        KeyCode::Home => KeyLabel::Home,
        KeyCode::Up => KeyLabel::Up,
        KeyCode::PageUp => KeyLabel::PgUp,
        KeyCode::Left => KeyLabel::Left,
        KeyCode::KeypadBegin => KeyLabel::Begin,
        KeyCode::Right => KeyLabel::Right,
        KeyCode::End => KeyLabel::End,
        KeyCode::Down => KeyLabel::Down,
        KeyCode::PageDown => KeyLabel::PgDn,
        KeyCode::Insert => KeyLabel::Insert,
        KeyCode::Delete => KeyLabel::Delete,
        // In application keypad mode the top row is PF1-PF4 (NumLock / * -), which read as
        // F1-F4; Tera Term and the Linux console send those for the keypad.
        KeyCode::F(2) => KeyLabel::Slash,
        KeyCode::F(3) => KeyLabel::Star,
        KeyCode::F(4) => KeyLabel::Minus,
        _ => return None,
    };
    Some(label)
}

/// What a key does, as named in the configuration's keypad map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum KeyAction {
    /// Opens item 1 to 9 of the list on screen.
    Open(u8),
    /// Opens the highlighted item.
    Select,
    /// Goes back one level.
    Back,
    /// Goes to the home screen.
    Home,
    /// Shows the next page.
    NextPage,
    /// Shows the previous page.
    PreviousPage,
    /// Moves the highlight up.
    Up,
    /// Moves the highlight down.
    Down,
    /// Switches to the next colour theme.
    Theme,
    /// Switches answers between normal and large text.
    TextSize,
    /// Does nothing (to switch a key off).
    Nothing,
}

const NAMED_ACTIONS: [(&str, KeyAction); 10] = [
    ("select", KeyAction::Select),
    ("back", KeyAction::Back),
    ("home", KeyAction::Home),
    ("next-page", KeyAction::NextPage),
    ("previous-page", KeyAction::PreviousPage),
    ("up", KeyAction::Up),
    ("down", KeyAction::Down),
    ("theme", KeyAction::Theme),
    ("text-size", KeyAction::TextSize),
    ("nothing", KeyAction::Nothing),
];

impl TryFrom<String> for KeyAction {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        if let Some(digit) = name.strip_prefix("open-")
            && let [d @ b'1'..=b'9'] = digit.as_bytes()
        {
            return Ok(KeyAction::Open(d - b'0'));
        }
        NAMED_ACTIONS
            .iter()
            .find(|(label, _)| *label == name)
            .map(|&(_, action)| action)
            .ok_or_else(|| {
                let choices: Vec<String> = NAMED_ACTIONS
                    .iter()
                    .map(|(n, _)| format!("`{n}`"))
                    .collect();
                format!(
                    "unknown variant `{name}`, expected one of `open-1`-`open-9`, {}",
                    choices.join(", ")
                )
            })
    }
}

/// How the NumLock-off keys (Home, Up, PgUp…) are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumLockOff {
    /// As the digit printed on the same key: a key does the same in both NumLock states.
    #[default]
    Digits,
    /// As arrows and paging keys, for a full keyboard: Up/Down move the highlight, PgUp/PgDn
    /// page, Left goes back, Right and Begin open, Home goes home.
    Navigation,
}

/// The keypad map: what each label does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    actions: BTreeMap<KeyLabel, KeyAction>,
}

impl Keymap {
    /// The default map for `numlock_off`, with `overrides` from the configuration on top.
    pub fn new(numlock_off: NumLockOff, overrides: &BTreeMap<KeyLabel, KeyAction>) -> Self {
        let mut actions: BTreeMap<KeyLabel, KeyAction> = BTreeMap::new();
        for digit in 1..=9 {
            actions.insert(KeyLabel::Digit(digit), KeyAction::Open(digit));
        }
        actions.insert(KeyLabel::Digit(0), KeyAction::Back);
        actions.insert(KeyLabel::Backspace, KeyAction::Back);
        actions.insert(KeyLabel::Dot, KeyAction::Home);
        actions.insert(KeyLabel::Plus, KeyAction::NextPage);
        actions.insert(KeyLabel::Minus, KeyAction::PreviousPage);
        actions.insert(KeyLabel::Enter, KeyAction::Select);
        actions.insert(KeyLabel::Star, KeyAction::TextSize);
        actions.insert(KeyLabel::Slash, KeyAction::Theme);
        for (numlock_off_key, printed) in NUMLOCK_OFF_KEYS {
            let action = match numlock_off {
                NumLockOff::Digits => actions[&printed],
                NumLockOff::Navigation => navigation_action(numlock_off_key),
            };
            actions.insert(numlock_off_key, action);
        }
        actions.extend(overrides.iter().map(|(&k, &a)| (k, a)));
        Self { actions }
    }

    /// What the key labelled `label` does, if anything.
    pub fn action(&self, label: KeyLabel) -> Option<Action> {
        match self.actions.get(&label)? {
            KeyAction::Open(n) => Some(Action::Open(*n)),
            KeyAction::Select => Some(Action::Select),
            KeyAction::Back => Some(Action::Back),
            KeyAction::Home => Some(Action::Home),
            KeyAction::NextPage => Some(Action::NextPage),
            KeyAction::PreviousPage => Some(Action::PreviousPage),
            KeyAction::Up => Some(Action::MoveUp),
            KeyAction::Down => Some(Action::MoveDown),
            KeyAction::Theme => Some(Action::NextTheme),
            KeyAction::TextSize => Some(Action::ToggleTextSize),
            KeyAction::Nothing => None,
        }
    }

    /// What a terminal key event does, if anything.
    pub fn action_for_event(&self, event: &KeyEvent) -> Option<Action> {
        self.action(key_label(event)?)
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Self::new(NumLockOff::Digits, &BTreeMap::new())
    }
}

fn navigation_action(key: KeyLabel) -> KeyAction {
    match key {
        KeyLabel::Up => KeyAction::Up,
        KeyLabel::Down => KeyAction::Down,
        KeyLabel::PgUp => KeyAction::PreviousPage,
        KeyLabel::PgDn => KeyAction::NextPage,
        KeyLabel::Left | KeyLabel::Insert => KeyAction::Back,
        KeyLabel::Right | KeyLabel::Begin => KeyAction::Select,
        KeyLabel::Home | KeyLabel::Delete => KeyAction::Home,
        _ => KeyAction::Nothing,
    }
}

/// Watches key labels for a fixed sequence, such as the staff sequence.
///
/// It compares the last keys pressed with the sequence, so a sequence is found even when it
/// starts in the middle of other presses (`* * * 0` still ends `* * 0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceMatcher {
    sequence: Vec<KeyLabel>,
    recent: std::collections::VecDeque<KeyLabel>,
}

impl SequenceMatcher {
    /// A matcher for `sequence`; an empty sequence never matches.
    pub fn new(sequence: Vec<KeyLabel>) -> Self {
        Self {
            recent: std::collections::VecDeque::with_capacity(sequence.len()),
            sequence,
        }
    }

    /// Notes a key press; true when it completes the sequence.
    pub fn feed(&mut self, label: KeyLabel) -> bool {
        if self.sequence.is_empty() {
            return false;
        }
        if self.recent.len() == self.sequence.len() {
            self.recent.pop_front();
        }
        self.recent.push_back(label);
        let complete = self.recent.iter().eq(self.sequence.iter());
        if complete {
            self.recent.clear();
        }
        complete
    }
}

/// Ignores a key pressed again too soon: a shaking hand's double press, or a key held down
/// (the terminal repeats it), must not skip screens or scroll through a whole answer.
///
/// The window runs from the key's last press, even an ignored one, so a held key acts once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatGuard {
    window: Duration,
    last: Option<(KeyLabel, Instant)>,
}

impl RepeatGuard {
    /// A guard ignoring the same key within `window` (zero lets every press through).
    pub fn new(window: Duration) -> Self {
        Self { window, last: None }
    }

    /// Whether the press of `label` at `now` counts.
    pub fn accept(&mut self, label: KeyLabel, now: Instant) -> bool {
        let too_soon = self.last.is_some_and(|(previous, at)| {
            previous == label && now.saturating_duration_since(at) < self.window
        });
        self.last = Some((label, now));
        !too_soon
    }
}

/// Reads key presses as the running kiosk does: the staff sequence first (staff type fast,
/// repeated keys and all), then the repeat guard, then the keypad map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyReader {
    keymap: Keymap,
    staff_sequence: SequenceMatcher,
    repeat_guard: RepeatGuard,
}

impl KeyReader {
    /// A reader with this keypad map, staff sequence and repeat-guard window.
    pub fn new(keymap: Keymap, staff_sequence: Vec<KeyLabel>, repeat_window: Duration) -> Self {
        Self {
            keymap,
            staff_sequence: SequenceMatcher::new(staff_sequence),
            repeat_guard: RepeatGuard::new(repeat_window),
        }
    }

    /// What a key press at `now` does; `None` when the repeat guard holds it back.
    ///
    /// Every key counts, even one the keypad map ignores: it is [`Action::OtherKey`], which
    /// keeps the page and ends an idle warning, since it shows a person is still there.
    pub fn action(&mut self, event: &KeyEvent, now: Instant) -> Option<Action> {
        let Some(label) = key_label(event) else {
            return Some(Action::OtherKey);
        };
        if self.staff_sequence.feed(label) {
            return Some(Action::OpenStaff);
        }
        if !self.repeat_guard.accept(label, now) {
            return None;
        }
        Some(self.keymap.action(label).unwrap_or(Action::OtherKey))
    }
}

/// Parses a `--keys` argument: labels separated by spaces, e.g. `"2 1 +"`.
pub fn parse_key_labels(keys: &str) -> Result<Vec<KeyLabel>, String> {
    keys.split_whitespace().map(str::parse).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_open_items_and_the_other_keys_navigate() {
        let map = Keymap::default();
        let act = |c| map.action_for_event(&press(KeyCode::Char(c)));
        assert_eq!(act('1'), Some(Action::Open(1)));
        assert_eq!(act('9'), Some(Action::Open(9)));
        assert_eq!(act('0'), Some(Action::Back));
        assert_eq!(act('.'), Some(Action::Home));
        assert_eq!(act(','), Some(Action::Home));
        assert_eq!(act('+'), Some(Action::NextPage));
        assert_eq!(act('-'), Some(Action::PreviousPage));
        assert_eq!(
            map.action_for_event(&press(KeyCode::Enter)),
            Some(Action::Select)
        );
        assert_eq!(
            map.action_for_event(&press(KeyCode::Backspace)),
            Some(Action::Back)
        );
    }

    #[test]
    fn numlock_off_keys_act_as_the_digit_printed_on_them_by_default() {
        let map = Keymap::default();
        let cases = [
            (KeyCode::Home, Action::Open(7)),
            (KeyCode::Up, Action::Open(8)),
            (KeyCode::PageUp, Action::Open(9)),
            (KeyCode::Left, Action::Open(4)),
            (KeyCode::KeypadBegin, Action::Open(5)),
            (KeyCode::Right, Action::Open(6)),
            (KeyCode::End, Action::Open(1)),
            (KeyCode::Down, Action::Open(2)),
            (KeyCode::PageDown, Action::Open(3)),
            (KeyCode::Insert, Action::Back),
            (KeyCode::Delete, Action::Home),
        ];
        for (code, action) in cases {
            assert_eq!(map.action_for_event(&press(code)), Some(action), "{code:?}");
        }
    }

    #[test]
    fn navigation_mode_reads_numlock_off_keys_as_arrows() {
        let map = Keymap::new(NumLockOff::Navigation, &BTreeMap::new());
        assert_eq!(map.action(KeyLabel::Up), Some(Action::MoveUp));
        assert_eq!(map.action(KeyLabel::Down), Some(Action::MoveDown));
        assert_eq!(map.action(KeyLabel::PgDn), Some(Action::NextPage));
        assert_eq!(map.action(KeyLabel::Left), Some(Action::Back));
        assert_eq!(map.action(KeyLabel::Right), Some(Action::Select));
        assert_eq!(map.action(KeyLabel::Digit(8)), Some(Action::Open(8)));
    }

    #[test]
    fn overrides_replace_single_keys() {
        let overrides = BTreeMap::from([(KeyLabel::Star, KeyAction::Home)]);
        assert_eq!(
            Keymap::default().action(KeyLabel::Star),
            Some(Action::ToggleTextSize)
        );
        assert_eq!(
            Keymap::default().action(KeyLabel::Slash),
            Some(Action::NextTheme)
        );
        let map = Keymap::new(NumLockOff::Digits, &overrides);
        assert_eq!(map.action(KeyLabel::Star), Some(Action::Home));
        assert_eq!(map.action(KeyLabel::Dot), Some(Action::Home));
    }

    #[test]
    fn escape_letters_and_control_keys_do_nothing() {
        let map = Keymap::default();
        for event in [
            press(KeyCode::Esc),
            press(KeyCode::Char('q')),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('\\'), KeyModifiers::CONTROL),
        ] {
            assert_eq!(map.action_for_event(&event), None, "{event:?}");
        }
    }

    #[test]
    fn a_key_typed_right_after_escape_still_counts() {
        let alt_one = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT);
        assert_eq!(
            Keymap::default().action_for_event(&alt_one),
            Some(Action::Open(1))
        );
    }

    #[test]
    fn key_releases_are_ignored_and_ctrl_j_is_enter() {
        let mut release = press(KeyCode::Char('1'));
        release.kind = KeyEventKind::Release;
        assert_eq!(key_label(&release), None);
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(key_label(&ctrl_j), Some(KeyLabel::Enter));
    }

    #[test]
    fn application_keypad_function_keys_are_the_operator_keys() {
        let label = |n| key_label(&press(KeyCode::F(n)));
        assert_eq!(label(1), None, "PF1 is NumLock");
        assert_eq!(label(2), Some(KeyLabel::Slash));
        assert_eq!(label(3), Some(KeyLabel::Star));
        assert_eq!(label(4), Some(KeyLabel::Minus));
    }

    #[test]
    fn sequences_are_found_anywhere_in_the_key_stream() {
        let mut matcher = SequenceMatcher::new(parse_key_labels("* * 0 Enter").unwrap());
        let keys = parse_key_labels("1 * * * 0 Enter").unwrap();
        let found: Vec<bool> = keys.into_iter().map(|k| matcher.feed(k)).collect();
        assert_eq!(found, [false, false, false, false, false, true]);
        assert!(
            !matcher.feed(KeyLabel::Enter),
            "found once, then starts again"
        );
        let mut off = SequenceMatcher::new(Vec::new());
        assert!(!off.feed(KeyLabel::Enter));
    }

    #[test]
    fn a_double_press_counts_once_and_a_held_key_acts_once() {
        let t0 = Instant::now();
        let at = |ms| t0 + Duration::from_millis(ms);
        let mut guard = RepeatGuard::new(Duration::from_millis(300));
        assert!(guard.accept(KeyLabel::Plus, at(0)));
        assert!(!guard.accept(KeyLabel::Plus, at(120)), "a double press");
        assert!(
            guard.accept(KeyLabel::Minus, at(150)),
            "another key is not held back"
        );
        assert!(guard.accept(KeyLabel::Plus, at(200)));
        // A held key repeats every 33 ms for two seconds: it acts once.
        let held = (1..60).filter(|i| guard.accept(KeyLabel::Digit(2), at(1000 + i * 33)));
        assert_eq!(held.count(), 1);
        assert!(
            guard.accept(KeyLabel::Digit(2), at(1000 + 59 * 33 + 301)),
            "released, pressed again"
        );
        let mut off = RepeatGuard::new(Duration::ZERO);
        assert!(off.accept(KeyLabel::Plus, at(0)) && off.accept(KeyLabel::Plus, at(0)));
    }

    #[test]
    fn labels_parse_and_print_back() {
        let labels = parse_key_labels("2 1 + - . * / Enter Backspace Home PgDn Delete 0").unwrap();
        let printed: Vec<String> = labels.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed.join(" "),
            "2 1 + - . * / Enter Backspace Home PgDn Delete 0"
        );
        let err = parse_key_labels("2 Esc").unwrap_err();
        assert!(err.contains("`Esc`") && err.contains("`Enter`"), "{err}");
    }

    #[test]
    fn actions_parse_with_a_list_of_choices_on_error() {
        assert_eq!(
            KeyAction::try_from("open-3".to_string()),
            Ok(KeyAction::Open(3))
        );
        assert_eq!(
            KeyAction::try_from("next-page".to_string()),
            Ok(KeyAction::NextPage)
        );
        let err = KeyAction::try_from("open-0".to_string()).unwrap_err();
        assert!(err.contains("`home`"), "{err}");
    }
}
