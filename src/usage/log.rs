//! Appending events to the usage log: one line each, whole or not at all, rotated at a size,
//! never fatal.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use serde::Serialize;

use super::rotated_path;
use crate::app::UsageEvent;
use crate::clock::local_timestamp;
use crate::files::{FileError, open_regular};

/// The usage log being written.
///
/// A read-only or full disk must never stop the kiosk: a failed write is reported once, the
/// event is dropped, and writing is tried again with the next event. A line that only partly
/// fits is taken back, so the log never holds half an event glued to the next one.
#[derive(Debug)]
pub struct UsageLog {
    path: Option<PathBuf>,
    max_bytes: u64,
    /// The kiosk's name, written in every line.
    kiosk: String,
    file: Option<File>,
    failing: bool,
    /// Part of a line may be left at the end of the file (taking it back failed): the next
    /// line starts with a newline, so that only the torn one is lost.
    torn: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    time: String,
    kiosk: &'a str,
    #[serde(flatten)]
    event: &'a UsageEvent,
}

impl UsageLog {
    /// A log at `path` (none: nothing is written) rotated when it would pass `max_bytes`, each
    /// line naming the kiosk `kiosk`.
    pub fn new(path: Option<PathBuf>, max_bytes: u64, kiosk: String) -> Self {
        Self {
            path,
            max_bytes,
            kiosk,
            file: None,
            failing: false,
            torn: false,
        }
    }

    /// The kiosk's name written in every line.
    pub fn kiosk(&self) -> &str {
        &self.kiosk
    }

    /// Where the log is written, if anywhere.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// Appends `event` at `time`. Returns a message the first time writing fails after having
    /// worked (or from the start), so the caller can report it once.
    pub fn record(&mut self, event: &UsageEvent, time: SystemTime) -> Option<String> {
        let path = self.path.clone()?;
        let line = Line {
            time: local_timestamp(time),
            kiosk: &self.kiosk,
            event,
        };
        let mut text = if self.torn {
            "\n".to_string()
        } else {
            String::new()
        };
        text.push_str(&serde_json::to_string(&line).expect("events always serialise"));
        text.push('\n');
        match self.append(&path, text.as_bytes()) {
            Ok(()) => {
                self.failing = false;
                self.torn = false;
                None
            }
            Err(err) => {
                self.file = None;
                let first = !self.failing;
                self.failing = true;
                first.then(|| format!("usage log '{}': {err}", path.display()))
            }
        }
    }

    fn append(&mut self, path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        if size > 0 && size + bytes.len() as u64 > self.max_bytes {
            self.file = None;
            std::fs::rename(path, rotated_path(path))?;
        }
        if self.file.is_none() || !path.exists() {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            let mut options = OpenOptions::new();
            options.create(true).append(true);
            self.file = Some(open_regular(path, &mut options).map_err(|err| match err {
                FileError::Io(err) => err,
                other => io::Error::other(other.to_string()),
            })?);
        }
        let file = self.file.as_mut().expect("opened above");
        let start = file.metadata()?.len();
        // One write per line: with O_APPEND a line is never interleaved with another writer's.
        let failure = loop {
            match file.write(bytes) {
                Ok(written) if written == bytes.len() => return Ok(()),
                Ok(written) => {
                    break io::Error::new(
                        io::ErrorKind::StorageFull,
                        format!("only {written} of {} bytes written", bytes.len()),
                    );
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => break err,
            }
        };
        if file.set_len(start).is_err() || file.metadata().map(|m| m.len()).ok() != Some(start) {
            self.torn = true;
        }
        Err(failure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::usage::read_log;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("faq-kiosk-log-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_log_swapped_for_a_fifo_is_refused_without_waiting_for_a_reader() {
        let dir = folder("fifo");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("usage.jsonl");
        let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let mut log = UsageLog::new(Some(path.clone()), 1 << 20, "lobby".into());
        let problem = log.record(&UsageEvent::SessionStart, SystemTime::now());
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(problem.is_some_and(|p| p.contains("usage.jsonl")));
    }

    #[test]
    fn events_are_appended_as_json_lines_in_a_new_folder() {
        let dir = folder("append");
        let path = dir.join("state/usage.jsonl");
        let mut log = UsageLog::new(Some(path.clone()), 1 << 20, "lobby".into());
        let opened = UsageEvent::AnswerOpened {
            question: "q3".into(),
        };
        assert_eq!(
            log.record(&UsageEvent::SessionStart, SystemTime::now()),
            None
        );
        assert_eq!(log.record(&opened, SystemTime::now()), None);
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].contains(r#""kiosk":"lobby","event":"answer_opened","question":"q3""#),
            "{}",
            lines[1]
        );
        let (events, skipped) = read_log(&path).unwrap();
        assert_eq!(skipped, 0);
        assert_eq!(events[1].event, opened);
        assert_eq!(events[1].kiosk.as_deref(), Some("lobby"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_log_rotates_at_its_size_limit() {
        let dir = folder("rotate");
        let path = dir.join("usage.jsonl");
        let mut log = UsageLog::new(Some(path.clone()), 200, "lobby".into());
        for _ in 0..10 {
            log.record(&UsageEvent::IdleReset, SystemTime::now());
        }
        assert!(std::fs::metadata(&path).unwrap().len() <= 200);
        assert!(rotated_path(&path).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unwritable_log_warns_once_and_carries_on() {
        let dir = folder("unwritable");
        std::fs::create_dir_all(&dir).unwrap();
        // A folder where the file should be makes every write fail, even for root.
        let path = dir.join("usage.jsonl");
        std::fs::create_dir_all(&path).unwrap();
        let mut log = UsageLog::new(Some(path.clone()), 1 << 20, "lobby".into());
        assert!(
            log.record(&UsageEvent::SessionStart, SystemTime::now())
                .is_some()
        );
        assert!(
            log.record(&UsageEvent::SessionStart, SystemTime::now())
                .is_none()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn after_a_torn_line_the_next_starts_on_a_line_of_its_own() {
        let dir = folder("torn");
        let path = dir.join("usage.jsonl");
        let mut log = UsageLog::new(Some(path.clone()), 1 << 20, "lobby".into());
        log.record(&UsageEvent::SessionStart, SystemTime::now());
        // What a failed take-back leaves: part of a line, no newline.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(br#"{"time":"2026"#)
            .unwrap();
        log.torn = true;
        assert_eq!(log.record(&UsageEvent::IdleReset, SystemTime::now()), None);
        assert_eq!(log.record(&UsageEvent::IdleReset, SystemTime::now()), None);
        let (events, skipped) = read_log(&path).unwrap();
        assert_eq!(
            (events.len(), skipped),
            (3, 1),
            "only the torn line is lost"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.matches("\n\n").count(),
            0,
            "one newline only after the tear"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn no_path_writes_nothing() {
        let mut log = UsageLog::new(None, 100, "lobby".into());
        assert_eq!(
            log.record(&UsageEvent::SessionStart, SystemTime::now()),
            None
        );
    }
}
