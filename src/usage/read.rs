//! Reading the usage log back, older rotated file first; torn lines are skipped.

use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;

use super::rotated_path;
use crate::app::UsageEvent;

/// One event read from the log.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LoggedEvent {
    /// Local time with offset, `YYYY-MM-DDTHH:MM:SS+HH:MM`.
    pub time: String,
    /// What happened.
    #[serde(flatten)]
    pub event: UsageEvent,
}

impl LoggedEvent {
    /// The local date part of the time, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        self.time.get(..10).unwrap_or(&self.time)
    }
}

/// Every event in the log at `path` and its rotated predecessor, oldest first, and how many
/// lines could not be read (a line torn by a power cut, say).
pub fn read_log(path: &Path) -> std::io::Result<(Vec<LoggedEvent>, usize)> {
    let mut events = Vec::new();
    let mut skipped = 0;
    let rotated = rotated_path(path);
    let mut found = false;
    for file in [rotated.as_path(), path] {
        // Not waited on if it is a FIFO: `stats` on a log swapped for one would never end.
        let Ok(opened) = crate::files::open_for_reading(file) else {
            continue;
        };
        found = true;
        for line in BufReader::new(opened).split(b'\n') {
            let line = line?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<LoggedEvent>(&line) {
                Ok(event) => events.push(event),
                Err(_) => skipped += 1,
            }
        }
    }
    if !found {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no usage log at '{}'", path.display()),
        ));
    }
    Ok((events, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_last_line_is_skipped_and_counted() {
        let dir = std::env::temp_dir().join(format!("faq-kiosk-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("usage.jsonl");
        std::fs::write(
            &path,
            "{\"time\":\"2026-11-28T10:00:00+09:00\",\"event\":\"session_start\"}\n{\"time\":\"2026-11-28T10:0",
        )
        .unwrap();
        let (events, skipped) = read_log(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].date(), "2026-11-28");
        assert_eq!(skipped, 1);
    }

    #[test]
    fn a_missing_log_is_an_error_naming_it() {
        let err = read_log(Path::new("/nonexistent/usage.jsonl")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/usage.jsonl"));
    }
}
