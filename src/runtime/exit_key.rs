//! The development escape: a key that ends the kiosk, given only on the command line.

use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key that ends the kiosk (`--exit-key`); a visitor's keypad has no such key by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitKey(KeyCode);

impl ExitKey {
    /// Whether `event` is a press of this key (without Ctrl or Alt).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        event.kind != KeyEventKind::Release
            && event.code == self.0
            && !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

impl FromStr for ExitKey {
    type Err = String;

    /// A single character (`q`), `Esc`, or a function key `F1`–`F12`; never a key on the
    /// visitor's keypad (digits, `. , + - * /`), which would let a visitor end the kiosk.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_ascii_digit() || ".,+-*/".contains(c) {
                return Err(format!(
                    "'{name}' is a key on the visitor's keypad: choose another (a letter, Esc or F1-F12)"
                ));
            }
            return Ok(Self(KeyCode::Char(c)));
        }
        if name.eq_ignore_ascii_case("esc") {
            return Ok(Self(KeyCode::Esc));
        }
        name.strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
            .map(|n| Self(KeyCode::F(n)))
            .ok_or_else(|| format!("'{name}' is not a key: use one character, Esc or F1-F12"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_characters_escape_and_function_keys() {
        let q: ExitKey = "q".parse().unwrap();
        assert!(q.matches(&KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)));
        assert!(!q.matches(&KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)));
        assert_eq!("F10".parse::<ExitKey>(), Ok(ExitKey(KeyCode::F(10))));
        assert_eq!("esc".parse::<ExitKey>(), Ok(ExitKey(KeyCode::Esc)));
        assert!("F13".parse::<ExitKey>().is_err());
        assert!(
            "5".parse::<ExitKey>()
                .unwrap_err()
                .contains("visitor's keypad")
        );
        assert!(".".parse::<ExitKey>().is_err());
        assert!("Enter".parse::<ExitKey>().is_err());
    }
}
