//! What a key means: the intents a visitor (or staff) can carry out with a key, and their
//! names in the settings.

use std::fmt;

use serde::{Deserialize, Deserializer, de};

/// What a key press asks the kiosk to do, whatever key it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Intent {
    /// Open item 1 to 9 of the list page on screen (or of an answer's take-home items; on the
    /// staff screen, 1 reloads the files and 9 ends the kiosk).
    Open(u8),
    /// Open the highlighted item (on an answer, or with the voice guide: hear it again).
    Select,
    /// Go back one level.
    Back,
    /// Go to the home screen.
    Home,
    /// Show the next page of a list or answer.
    NextPage,
    /// Show the previous page of a list or answer.
    PreviousPage,
    /// Move the highlight up (or show the previous page of an answer).
    Up,
    /// Move the highlight down (or show the next page of an answer).
    Down,
    /// Switch the answer text between normal and large glyphs.
    TextSize,
    /// Switch to the next colour theme (with the voice guide: stop the speech).
    Theme,
    /// Open the staff screen: the staff sequence was typed. No single key carries it.
    Staff,
}

/// Every value `[keypad.keys]` takes: the name of each intent a single key may carry, and
/// `nothing`.
const NAMES: [(&str, Binding); 19] = [
    ("open-1", Binding(Some(Intent::Open(1)))),
    ("open-2", Binding(Some(Intent::Open(2)))),
    ("open-3", Binding(Some(Intent::Open(3)))),
    ("open-4", Binding(Some(Intent::Open(4)))),
    ("open-5", Binding(Some(Intent::Open(5)))),
    ("open-6", Binding(Some(Intent::Open(6)))),
    ("open-7", Binding(Some(Intent::Open(7)))),
    ("open-8", Binding(Some(Intent::Open(8)))),
    ("open-9", Binding(Some(Intent::Open(9)))),
    ("select", Binding(Some(Intent::Select))),
    ("back", Binding(Some(Intent::Back))),
    ("home", Binding(Some(Intent::Home))),
    ("next-page", Binding(Some(Intent::NextPage))),
    ("previous-page", Binding(Some(Intent::PreviousPage))),
    ("up", Binding(Some(Intent::Up))),
    ("down", Binding(Some(Intent::Down))),
    ("text-size", Binding(Some(Intent::TextSize))),
    ("theme", Binding(Some(Intent::Theme))),
    ("nothing", Binding(None)),
];

/// The names alone, for the list of choices in a settings error.
const CHOICES: [&str; NAMES.len()] = {
    let mut names = [""; NAMES.len()];
    let mut index = 0;
    while index < NAMES.len() {
        names[index] = NAMES[index].0;
        index += 1;
    }
    names
};

impl Intent {
    /// Whether carrying it out takes a visitor from screen to screen or along a list, as a
    /// visitor's walk through the kiosk does (a staff sequence must not be made of these).
    pub fn moves(self) -> bool {
        !matches!(self, Intent::TextSize | Intent::Theme)
    }

    /// Whether it opens something: an item, or the highlighted one.
    pub fn opens(self) -> bool {
        matches!(self, Intent::Open(_) | Intent::Select)
    }

    /// Whether it leads back: one level, or home.
    pub fn leads_back(self) -> bool {
        matches!(self, Intent::Back | Intent::Home)
    }
}

impl fmt::Display for Intent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = NAMES
            .iter()
            .find(|(_, binding)| binding.0 == Some(*self))
            .map_or("staff", |(name, _)| name);
        f.write_str(name)
    }
}

/// What a key is set to in `[keypad.keys]`: an intent, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding(pub Option<Intent>);

impl Binding {
    /// The binding named `name`, if there is one.
    fn named(name: &str) -> Option<Binding> {
        NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, binding)| binding)
    }
}

impl<'de> Deserialize<'de> for Binding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Binding::named(&name).ok_or_else(|| de::Error::unknown_variant(&name, &CHOICES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_intent_prints_the_name_it_is_set_by() {
        for name in CHOICES {
            let binding = Binding::named(name).unwrap_or_else(|| panic!("{name}"));
            match binding.0 {
                Some(intent) => assert_eq!(intent.to_string(), name),
                None => assert_eq!(name, "nothing"),
            }
        }
        assert_eq!(Binding::named("open-0"), None);
        assert_eq!(
            Binding::named("staff"),
            None,
            "no single key opens the staff screen"
        );
    }

    #[test]
    fn a_settings_error_lists_the_choices() {
        #[derive(Debug, Deserialize)]
        struct Keys {
            key: Binding,
        }
        let keys: Keys = toml::from_str("key = \"next-page\"").unwrap();
        assert_eq!(keys.key, Binding(Some(Intent::NextPage)));
        let err = toml::from_str::<Keys>("key = \"open-0\"")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("unknown variant `open-0`, expected one of") && err.contains("`home`"),
            "{err}"
        );
    }
}
