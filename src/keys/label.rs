//! The keys a numeric keypad has, named by what is printed on them, and how a terminal's key
//! event becomes one.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Deserializer, de};

/// A key as labelled on a numeric keypad, in either NumLock state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// Every label, each with the name the settings and `--keys` use for it, in the order the key
/// guide prefers them: the keys printed on a keypad's face first.
const NAMES: [(&str, KeyLabel); 28] = [
    ("0", KeyLabel::Digit(0)),
    ("1", KeyLabel::Digit(1)),
    ("2", KeyLabel::Digit(2)),
    ("3", KeyLabel::Digit(3)),
    ("4", KeyLabel::Digit(4)),
    ("5", KeyLabel::Digit(5)),
    ("6", KeyLabel::Digit(6)),
    ("7", KeyLabel::Digit(7)),
    ("8", KeyLabel::Digit(8)),
    ("9", KeyLabel::Digit(9)),
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
];

/// The names, for the list of choices in a settings error.
const NAME_LIST: [&str; NAMES.len()] = {
    let mut names = [""; NAMES.len()];
    let mut index = 0;
    while index < NAMES.len() {
        names[index] = NAMES[index].0;
        index += 1;
    }
    names
};

/// Other names accepted for a label, never printed.
const ALIASES: [(&str, KeyLabel); 1] = [("Del", KeyLabel::Delete)];

impl KeyLabel {
    /// Every label, the keys printed on a keypad's face first.
    pub fn all() -> impl Iterator<Item = KeyLabel> {
        NAMES.iter().map(|&(_, label)| label)
    }

    /// The NumLock-off label's digit (or `.`), printed on the same key; `None` for the keys
    /// that send the same in both states.
    pub fn printed_beside(self) -> Option<KeyLabel> {
        Some(match self {
            KeyLabel::Home => KeyLabel::Digit(7),
            KeyLabel::Up => KeyLabel::Digit(8),
            KeyLabel::PgUp => KeyLabel::Digit(9),
            KeyLabel::Left => KeyLabel::Digit(4),
            KeyLabel::Begin => KeyLabel::Digit(5),
            KeyLabel::Right => KeyLabel::Digit(6),
            KeyLabel::End => KeyLabel::Digit(1),
            KeyLabel::Down => KeyLabel::Digit(2),
            KeyLabel::PgDn => KeyLabel::Digit(3),
            KeyLabel::Insert => KeyLabel::Digit(0),
            KeyLabel::Delete => KeyLabel::Dot,
            _ => return None,
        })
    }

    /// Names a key event by its keypad label; `None` for keys a keypad does not have.
    ///
    /// Only presses and repeats count (some terminals also report releases), and Esc, letters
    /// and Ctrl combinations are not keypad keys, so they do nothing in the kiosk.
    pub fn of(event: &KeyEvent) -> Option<KeyLabel> {
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

    /// The label named `name` (any case), if there is one.
    fn named(name: &str) -> Option<KeyLabel> {
        NAMES
            .iter()
            .chain(&ALIASES)
            .find(|(label, _)| label.eq_ignore_ascii_case(name))
            .map(|&(_, key)| key)
    }
}

impl FromStr for KeyLabel {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        KeyLabel::named(name).ok_or_else(|| {
            let choices: Vec<String> = NAME_LIST.iter().map(|n| format!("`{n}`")).collect();
            format!("no key is named `{name}`; the keys: {}", choices.join(", "))
        })
    }
}

impl<'de> Deserialize<'de> for KeyLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        KeyLabel::named(&name).ok_or_else(|| de::Error::unknown_variant(&name, &NAME_LIST))
    }
}

impl fmt::Display for KeyLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = NAMES
            .iter()
            .find(|(_, key)| key == self)
            .map_or("?", |(name, _)| name);
        f.write_str(name)
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
    fn key_releases_are_ignored_and_ctrl_j_is_enter() {
        let mut release = press(KeyCode::Char('1'));
        release.kind = KeyEventKind::Release;
        assert_eq!(KeyLabel::of(&release), None);
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(KeyLabel::of(&ctrl_j), Some(KeyLabel::Enter));
    }

    #[test]
    fn escape_letters_and_control_keys_are_not_keypad_keys() {
        for event in [
            press(KeyCode::Esc),
            press(KeyCode::Char('q')),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Char('\\'), KeyModifiers::CONTROL),
        ] {
            assert_eq!(KeyLabel::of(&event), None, "{event:?}");
        }
        let alt_one = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::ALT);
        assert_eq!(KeyLabel::of(&alt_one), Some(KeyLabel::Digit(1)));
        assert_eq!(
            KeyLabel::of(&press(KeyCode::Char(','))),
            Some(KeyLabel::Dot)
        );
    }

    #[test]
    fn application_keypad_function_keys_are_the_operator_keys() {
        let label = |n| KeyLabel::of(&press(KeyCode::F(n)));
        assert_eq!(label(1), None, "PF1 is NumLock");
        assert_eq!(label(2), Some(KeyLabel::Slash));
        assert_eq!(label(3), Some(KeyLabel::Star));
        assert_eq!(label(4), Some(KeyLabel::Minus));
    }

    #[test]
    fn labels_parse_and_print_back() {
        let labels = parse_key_labels("2 1 + - . * / Enter Backspace Home PgDn Delete 0").unwrap();
        let printed: Vec<String> = labels.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed.join(" "),
            "2 1 + - . * / Enter Backspace Home PgDn Delete 0"
        );
        assert_eq!(
            parse_key_labels("del enter"),
            Ok(vec![KeyLabel::Delete, KeyLabel::Enter])
        );
        let err = parse_key_labels("2 Esc").unwrap_err();
        assert!(err.contains("`Esc`") && err.contains("`Enter`"), "{err}");
        assert!(!err.contains("`Del`"), "an alias is not offered: {err}");
    }

    #[test]
    fn every_label_has_one_printed_name() {
        for label in KeyLabel::all() {
            assert_eq!(label.to_string().parse(), Ok(label));
        }
        assert_eq!(KeyLabel::all().count(), NAMES.len());
    }

    #[test]
    fn a_settings_error_names_the_choices_in_serdes_words() {
        #[derive(Debug, Deserialize)]
        struct Keys {
            key: KeyLabel,
        }
        let keys: Keys = toml::from_str("key = \"pgdn\"").unwrap();
        assert_eq!(keys.key, KeyLabel::PgDn);
        let err = toml::from_str::<Keys>("key = \"Esc\"")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown variant `Esc`, expected one of"),
            "{err}"
        );
        assert!(err.contains("`Enter`") && !err.contains("`Del`"), "{err}");
    }
}
