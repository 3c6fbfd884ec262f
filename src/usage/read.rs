//! Reading usage logs back, older rotated file first; torn lines are skipped. Several logs
//! (several kiosks') are read together, each line keeping the kiosk that wrote it.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::rotated_path;
use crate::app::UsageEvent;

/// One event read from the log.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LoggedEvent {
    /// Local time with offset, `YYYY-MM-DDTHH:MM:SS+HH:MM`.
    pub time: String,
    /// The kiosk that wrote it; lines written before kiosks named themselves have none.
    #[serde(default)]
    pub kiosk: Option<String>,
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

/// The logs `paths` name: each file as it is, and each folder's `*.jsonl` files (a rotated
/// `*.jsonl.1` counts as its log, read with it), in name order.
pub fn log_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = BTreeSet::new();
        for entry in std::fs::read_dir(path)? {
            let name = entry?.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(base) = name.strip_suffix(".1").or(Some(name))
                && base.ends_with(".jsonl")
            {
                found.insert(path.join(base));
            }
        }
        if found.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no usage logs (*.jsonl) in '{}'", path.display()),
            ));
        }
        files.extend(found);
    }
    Ok(files)
}

/// Every event in the logs `paths` names (files, or folders of them), and how many lines could
/// not be read. A line written before kiosks named themselves is taken as written by a kiosk
/// named after its file (`usage` for `usage.jsonl`).
pub fn read_logs(paths: &[PathBuf]) -> std::io::Result<(Vec<LoggedEvent>, usize)> {
    let mut events = Vec::new();
    let mut skipped = 0;
    for file in log_files(paths)? {
        let (mut read, unread) = read_log(&file)?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".jsonl").to_string())
            .unwrap_or_default();
        for event in &mut read {
            event.kiosk.get_or_insert_with(|| name.clone());
        }
        events.extend(read);
        skipped += unread;
    }
    Ok((events, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_logs_is_read_with_each_line_keeping_its_kiosk() {
        let dir = std::env::temp_dir().join(format!("faq-kiosk-logs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let line = |kiosk: &str| {
            format!(
                "{{\"time\":\"2026-11-28T10:00:00+09:00\",{kiosk}\"event\":\"session_start\"}}\n"
            )
        };
        std::fs::write(dir.join("east.jsonl"), line("\"kiosk\":\"east-1f\",")).unwrap();
        std::fs::write(dir.join("east.jsonl.1"), line("\"kiosk\":\"east-1f\",")).unwrap();
        std::fs::write(dir.join("west.jsonl"), line("")).unwrap();
        std::fs::write(dir.join("notes.txt"), "not a log").unwrap();
        let files = log_files(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(files, [dir.join("east.jsonl"), dir.join("west.jsonl")]);
        let (events, skipped) = read_logs(std::slice::from_ref(&dir)).unwrap();
        let empty = dir.join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        let err = read_logs(std::slice::from_ref(&empty)).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let kiosks: Vec<_> = events.iter().map(|e| e.kiosk.as_deref().unwrap()).collect();
        assert_eq!(kiosks, ["east-1f", "east-1f", "west"]);
        assert_eq!(skipped, 0);
        assert!(err.to_string().contains("no usage logs"), "{err}");
    }

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
