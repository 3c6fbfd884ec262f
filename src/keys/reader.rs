//! How the running kiosk reads presses: the staff sequence, the repeat guard, the keymap.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crossterm::event::{KeyEvent, KeyEventKind};

use super::{Intent, KeyLabel, Keymap};

/// Watches key labels for a fixed sequence, such as the staff sequence.
///
/// It compares the last keys pressed with the sequence, so a sequence is found even when it
/// starts in the middle of other presses (`* * * 0` still ends `* * 0`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceMatcher {
    sequence: Vec<KeyLabel>,
    recent: VecDeque<KeyLabel>,
}

impl SequenceMatcher {
    /// A matcher for `sequence`; an empty sequence never matches.
    pub fn new(sequence: Vec<KeyLabel>) -> Self {
        Self {
            recent: VecDeque::with_capacity(sequence.len()),
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

/// A key press that counts, as the kiosk reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    /// A key that carries this intent.
    Intent(Intent),
    /// A key that means nothing here: it still shows someone is there.
    Meaningless,
}

/// Reads key presses as the running kiosk does: the staff sequence first (staff type fast,
/// repeated keys and all), then the repeat guard, then the keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyReader {
    keymap: Keymap,
    staff_sequence: SequenceMatcher,
    repeat_guard: RepeatGuard,
}

impl KeyReader {
    /// A reader with this keymap, staff sequence and repeat-guard window.
    pub fn new(keymap: Keymap, staff_sequence: Vec<KeyLabel>, repeat_window: Duration) -> Self {
        Self {
            keymap,
            staff_sequence: SequenceMatcher::new(staff_sequence),
            repeat_guard: RepeatGuard::new(repeat_window),
        }
    }

    /// What a key press at `now` does; `None` for a key's release (some terminals report
    /// those) and when the repeat guard holds the press back.
    ///
    /// Every key pressed counts, even one the keymap ignores or a keypad does not have: it is
    /// [`Press::Meaningless`], which keeps the page and ends an idle warning.
    pub fn read(&mut self, event: &KeyEvent, now: Instant) -> Option<Press> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let Some(label) = KeyLabel::of(event) else {
            return Some(Press::Meaningless);
        };
        if self.staff_sequence.feed(label) {
            return Some(Press::Intent(Intent::Staff));
        }
        if !self.repeat_guard.accept(label, now) {
            return None;
        }
        Some(
            self.keymap
                .intent(label)
                .map_or(Press::Meaningless, Press::Intent),
        )
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;
    use crate::keys::parse_key_labels;

    #[test]
    fn a_release_is_no_key_press_and_a_letter_is_another_key() {
        let mut reader = KeyReader::new(Keymap::default(), Vec::new(), Duration::ZERO);
        let now = Instant::now();
        let press = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let mut release = press(KeyCode::KeypadBegin);
        release.kind = KeyEventKind::Release;
        assert_eq!(reader.read(&release, now), None);
        let mut release = press(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(reader.read(&release, now), None);
        assert_eq!(
            reader.read(&press(KeyCode::Char('q')), now),
            Some(Press::Meaningless)
        );
        assert_eq!(
            reader.read(&press(KeyCode::KeypadBegin), now),
            Some(Press::Intent(Intent::Open(5)))
        );
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
    fn the_reader_finds_the_staff_sequence_then_guards_then_maps() {
        let t0 = Instant::now();
        let staff = parse_key_labels("* * 0 Enter").unwrap();
        let mut reader = KeyReader::new(Keymap::default(), staff, Duration::from_millis(300));
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            reader.read(&press('1'), t0),
            Some(Press::Intent(Intent::Open(1)))
        );
        assert_eq!(reader.read(&press('1'), t0), None, "held back");
        assert_eq!(reader.read(&press('q'), t0), Some(Press::Meaningless));
        let mut last = None;
        for (i, key) in ["*", "*", "0"].into_iter().enumerate() {
            let at = t0 + Duration::from_secs(i as u64 + 1);
            last = reader.read(&press(key.chars().next().unwrap()), at);
        }
        assert_eq!(last, Some(Press::Intent(Intent::Back)));
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            reader.read(&enter, t0 + Duration::from_secs(9)),
            Some(Press::Intent(Intent::Staff))
        );
    }
}
