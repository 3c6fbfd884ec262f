//! The keymap: what each label does, and which labels carry an intent, for the key guide.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Binding, Intent, KeyLabel};

/// What each key printed on a keypad's face does, unless the settings say otherwise.
const DEFAULT_BINDINGS: [(KeyLabel, Intent); 17] = [
    (KeyLabel::Digit(1), Intent::Open(1)),
    (KeyLabel::Digit(2), Intent::Open(2)),
    (KeyLabel::Digit(3), Intent::Open(3)),
    (KeyLabel::Digit(4), Intent::Open(4)),
    (KeyLabel::Digit(5), Intent::Open(5)),
    (KeyLabel::Digit(6), Intent::Open(6)),
    (KeyLabel::Digit(7), Intent::Open(7)),
    (KeyLabel::Digit(8), Intent::Open(8)),
    (KeyLabel::Digit(9), Intent::Open(9)),
    (KeyLabel::Digit(0), Intent::Back),
    (KeyLabel::Backspace, Intent::Back),
    (KeyLabel::Dot, Intent::Home),
    (KeyLabel::Plus, Intent::NextPage),
    (KeyLabel::Minus, Intent::PreviousPage),
    (KeyLabel::Enter, Intent::Select),
    (KeyLabel::Star, Intent::TextSize),
    (KeyLabel::Slash, Intent::Theme),
];

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

/// What a NumLock-off key does as on a full keyboard.
fn navigation(key: KeyLabel) -> Option<Intent> {
    Some(match key {
        KeyLabel::Up => Intent::Up,
        KeyLabel::Down => Intent::Down,
        KeyLabel::PgUp => Intent::PreviousPage,
        KeyLabel::PgDn => Intent::NextPage,
        KeyLabel::Left | KeyLabel::Insert => Intent::Back,
        KeyLabel::Right | KeyLabel::Begin => Intent::Select,
        KeyLabel::Home | KeyLabel::Delete => Intent::Home,
        _ => return None,
    })
}

/// The keypad map: what each label does. Labels it does not hold do nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    intents: BTreeMap<KeyLabel, Intent>,
}

impl Keymap {
    /// The default map for `numlock_off`, with `overrides` from the settings on top.
    pub fn new(numlock_off: NumLockOff, overrides: &BTreeMap<KeyLabel, Binding>) -> Self {
        let mut intents: BTreeMap<KeyLabel, Intent> = DEFAULT_BINDINGS.into_iter().collect();
        for key in KeyLabel::all() {
            let Some(printed) = key.printed_beside() else {
                continue;
            };
            let intent = match numlock_off {
                NumLockOff::Digits => intents.get(&printed).copied(),
                NumLockOff::Navigation => navigation(key),
            };
            if let Some(intent) = intent {
                intents.insert(key, intent);
            }
        }
        for (&key, &Binding(binding)) in overrides {
            match binding {
                Some(intent) => intents.insert(key, intent),
                None => intents.remove(&key),
            };
        }
        Self { intents }
    }

    /// What the key labelled `label` does, if anything.
    pub fn intent(&self, label: KeyLabel) -> Option<Intent> {
        self.intents.get(&label).copied()
    }

    /// The key to name for `intent` in the guide: of the keys that carry it, the first on a
    /// keypad's face (digits, `.`, `+`, `-`, `*`, `/`, Enter…); `None` when no key does.
    pub fn key_for(&self, intent: Intent) -> Option<KeyLabel> {
        KeyLabel::all().find(|label| self.intent(*label) == Some(intent))
    }

    /// The keys to name for opening items 1 to `count`: `1～5` when they are in a row, else
    /// each run of them, `・` between (`1～3・5` when nothing opens item 4); `None` when no
    /// key opens any of them.
    pub fn open_keys(&self, count: u8) -> Option<String> {
        let keys: Vec<KeyLabel> = (1..=count)
            .filter_map(|n| self.key_for(Intent::Open(n)))
            .collect();
        let mut runs: Vec<(KeyLabel, KeyLabel)> = Vec::new();
        for key in keys {
            match runs.last_mut() {
                Some((_, last)) if follows(*last, key) => *last = key,
                _ => runs.push((key, key)),
            }
        }
        let runs: Vec<String> = runs
            .into_iter()
            .map(|(first, last)| {
                if first == last {
                    first.to_string()
                } else {
                    format!("{first}～{last}")
                }
            })
            .collect();
        (!runs.is_empty()).then(|| runs.join("・"))
    }
}

/// Whether `next` is the digit after `key`.
fn follows(key: KeyLabel, next: KeyLabel) -> bool {
    matches!((key, next), (KeyLabel::Digit(a), KeyLabel::Digit(b)) if b == a + 1)
}

impl Default for Keymap {
    fn default() -> Self {
        Self::new(NumLockOff::Digits, &BTreeMap::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(overrides: &[(KeyLabel, Option<Intent>)]) -> Keymap {
        let overrides = overrides.iter().map(|&(k, b)| (k, Binding(b))).collect();
        Keymap::new(NumLockOff::Digits, &overrides)
    }

    #[test]
    fn digits_open_items_and_the_other_keys_navigate() {
        let map = Keymap::default();
        assert_eq!(map.intent(KeyLabel::Digit(1)), Some(Intent::Open(1)));
        assert_eq!(map.intent(KeyLabel::Digit(9)), Some(Intent::Open(9)));
        assert_eq!(map.intent(KeyLabel::Digit(0)), Some(Intent::Back));
        assert_eq!(map.intent(KeyLabel::Dot), Some(Intent::Home));
        assert_eq!(map.intent(KeyLabel::Plus), Some(Intent::NextPage));
        assert_eq!(map.intent(KeyLabel::Minus), Some(Intent::PreviousPage));
        assert_eq!(map.intent(KeyLabel::Enter), Some(Intent::Select));
        assert_eq!(map.intent(KeyLabel::Backspace), Some(Intent::Back));
        assert_eq!(map.intent(KeyLabel::Star), Some(Intent::TextSize));
        assert_eq!(map.intent(KeyLabel::Slash), Some(Intent::Theme));
    }

    #[test]
    fn numlock_off_keys_act_as_the_digit_printed_on_them_by_default() {
        let map = Keymap::default();
        for label in KeyLabel::all() {
            if let Some(printed) = label.printed_beside() {
                assert_eq!(map.intent(label), map.intent(printed), "{label}");
            }
        }
        assert_eq!(map.intent(KeyLabel::Home), Some(Intent::Open(7)));
        assert_eq!(map.intent(KeyLabel::Delete), Some(Intent::Home));
    }

    #[test]
    fn navigation_mode_reads_numlock_off_keys_as_arrows() {
        let map = Keymap::new(NumLockOff::Navigation, &BTreeMap::new());
        assert_eq!(map.intent(KeyLabel::Up), Some(Intent::Up));
        assert_eq!(map.intent(KeyLabel::Down), Some(Intent::Down));
        assert_eq!(map.intent(KeyLabel::PgDn), Some(Intent::NextPage));
        assert_eq!(map.intent(KeyLabel::Left), Some(Intent::Back));
        assert_eq!(map.intent(KeyLabel::Right), Some(Intent::Select));
        assert_eq!(map.intent(KeyLabel::End), None);
        assert_eq!(map.intent(KeyLabel::Digit(8)), Some(Intent::Open(8)));
    }

    #[test]
    fn overrides_replace_single_keys_and_nothing_unbinds() {
        let map = with(&[
            (KeyLabel::Star, Some(Intent::Home)),
            (KeyLabel::Slash, None),
        ]);
        assert_eq!(map.intent(KeyLabel::Star), Some(Intent::Home));
        assert_eq!(map.intent(KeyLabel::Dot), Some(Intent::Home));
        assert_eq!(map.intent(KeyLabel::Slash), None);
        assert_eq!(map.key_for(Intent::TextSize), None);
        assert_eq!(map.key_for(Intent::Theme), None);
        assert_eq!(
            map.key_for(Intent::Home),
            Some(KeyLabel::Dot),
            "the face's first key"
        );
    }

    #[test]
    fn the_guide_names_the_key_on_the_keypads_face() {
        let map = Keymap::default();
        assert_eq!(map.key_for(Intent::Back), Some(KeyLabel::Digit(0)));
        assert_eq!(map.key_for(Intent::Select), Some(KeyLabel::Enter));
        let moved = with(&[(KeyLabel::Digit(0), None)]);
        assert_eq!(moved.key_for(Intent::Back), Some(KeyLabel::Backspace));
        assert_eq!(map.key_for(Intent::Staff), None);
    }

    #[test]
    fn the_keys_that_open_items_are_named_as_runs() {
        let map = Keymap::default();
        assert_eq!(map.open_keys(1).as_deref(), Some("1"));
        assert_eq!(map.open_keys(5).as_deref(), Some("1～5"));
        // With NumLock off, keypad 4 sends Left, which still opens item 4.
        let numlock_on_gap = with(&[(KeyLabel::Digit(4), None)]);
        assert_eq!(
            numlock_on_gap.open_keys(5).as_deref(),
            Some("1～3・Left・5")
        );
        let gap = with(&[(KeyLabel::Digit(4), None), (KeyLabel::Left, None)]);
        assert_eq!(gap.open_keys(5).as_deref(), Some("1～3・5"));
        let none = with(&[(KeyLabel::Digit(1), None), (KeyLabel::End, None)]);
        assert_eq!(none.open_keys(1), None);
        let moved = with(&[
            (KeyLabel::Digit(1), None),
            (KeyLabel::Plus, Some(Intent::Open(1))),
        ]);
        assert_eq!(moved.open_keys(2).as_deref(), Some("+・2"));
    }
}
