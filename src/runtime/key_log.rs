//! `FAQ_KIOSK_KEY_LOG=FILE`: a line in FILE for every key the terminal sends and what the kiosk
//! made of it, so that staff (and the keypad bench, `scripts/keypad-bench`) can see which key
//! a keypad, a terminal, tmux or an SSH link really delivers, and whether it did anything.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crossterm::event::{KeyEvent, KeyEventState};

use crate::keys::{KeyLabel, Press};

/// The environment variable naming the file.
pub(super) const VARIABLE: &str = "FAQ_KIOSK_KEY_LOG";

/// The open key log.
#[derive(Debug)]
pub(super) struct KeyLog {
    file: File,
}

impl KeyLog {
    /// The key log `FAQ_KIOSK_KEY_LOG` names, if it names one; an error says why it could not
    /// be opened.
    pub(super) fn from_env() -> Option<Result<KeyLog, String>> {
        let path = std::env::var_os(VARIABLE)?;
        Some(Self::open(Path::new(&path)))
    }

    fn open(path: &Path) -> Result<KeyLog, String> {
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map(|file| KeyLog { file })
            .map_err(|err| format!("{VARIABLE}: cannot open {}: {err}", path.display()))
    }

    /// Adds the line for `event`, which was read as `press` (`None`: a release, or a press held
    /// back as a repeat).
    pub(super) fn record(&mut self, event: &KeyEvent, press: Option<Press>) {
        // One write per line, so that a reader never sees half a line.
        let _ = self.file.write_all(line(event, press).as_bytes());
    }
}

/// `code=… keypad=… kind=… label=… action=…`, tab-separated, ending in a newline. The action
/// is the intent's name as `scripts/keypad-bench` expects it (`Open(6)`, `NextPage`,
/// `Select`), `OtherKey` for a key that means nothing, `none` for no press.
fn line(event: &KeyEvent, press: Option<Press>) -> String {
    let keypad = event.state.contains(KeyEventState::KEYPAD);
    let label = KeyLabel::of(event).map_or("-".to_string(), |label| label.to_string());
    let action = match press {
        Some(Press::Intent(intent)) => format!("{intent:?}"),
        Some(Press::Meaningless) => "OtherKey".to_string(),
        None => "none".to_string(),
    };
    format!(
        "code={:?}\tkeypad={keypad}\tkind={:?}\tlabel={label}\taction={action}\n",
        event.code, event.kind
    )
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

    use super::*;
    use crate::keys::Intent;

    #[test]
    fn a_line_names_the_key_its_label_and_its_action() {
        let begin = KeyEvent::new_with_kind_and_state(
            KeyCode::KeypadBegin,
            KeyModifiers::NONE,
            KeyEventKind::Press,
            KeyEventState::KEYPAD,
        );
        assert_eq!(
            line(&begin, Some(Press::Intent(Intent::Open(5)))),
            "code=KeypadBegin\tkeypad=true\tkind=Press\tlabel=Begin\taction=Open(5)\n"
        );
        let letter = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            line(&letter, None),
            "code=Char('q')\tkeypad=false\tkind=Press\tlabel=-\taction=none\n"
        );
        assert_eq!(
            line(&letter, Some(Press::Meaningless)),
            "code=Char('q')\tkeypad=false\tkind=Press\tlabel=-\taction=OtherKey\n"
        );
    }

    #[test]
    fn lines_are_appended_to_the_file() {
        let dir = std::env::temp_dir().join(format!("faq-kiosk-key-log-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("keys.log");
        let _ = std::fs::remove_file(&path);
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        for _ in 0..2 {
            let mut log = KeyLog::open(&path).unwrap();
            log.record(&enter, Some(Press::Intent(Intent::Select)));
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.ends_with("label=Enter\taction=Select\n"), "{text}");
        let err = KeyLog::open(&dir.join("missing/keys.log")).unwrap_err();
        assert!(err.starts_with("FAQ_KIOSK_KEY_LOG: cannot open"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
