//! The kiosk's own log file, for when there is no journal: one dated entry per problem.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use crate::clock::local_timestamp;
use crate::usage::rotated_path;

/// The size past which the log is moved to `<name>.1` and a new one begun: a kiosk left for
/// months with a failing command must not fill a thin client's small disk.
const MAX_BYTES: u64 = 1024 * 1024;

/// A log file, opened for each entry: problems are rare, and a file removed or rotated by
/// hand is simply begun again.
#[derive(Debug)]
pub(super) struct LogFile {
    path: PathBuf,
}

impl LogFile {
    /// The log at `path`; nothing is created until the first entry.
    pub(super) fn new(path: PathBuf) -> Self {
        Self { path }
    }

    /// Appends `message` as `label` at `time`: one line, or the message's further lines
    /// indented below it, so that each entry begins with its time.
    pub(super) fn append(&self, label: &str, message: &str, time: SystemTime) -> io::Result<()> {
        let mut entry = format!("{} {label}: ", local_timestamp(time));
        for (i, line) in message.trim_end().lines().enumerate() {
            if i > 0 {
                entry.push_str("\n  ");
            }
            entry.push_str(line);
        }
        entry.push('\n');
        self.rotate_before(entry.len() as u64)?;
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        // One write per entry: with O_APPEND, entries from two threads never interleave.
        file.write_all(entry.as_bytes())
    }

    fn rotate_before(&self, adding: u64) -> io::Result<()> {
        let size = std::fs::metadata(&self.path).map_or(0, |m| m.len());
        if size > 0 && size + adding > MAX_BYTES {
            std::fs::rename(&self.path, rotated_path(&self.path))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "faq-kiosk-diagnostics-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn entries_are_dated_and_their_further_lines_indented_in_a_new_folder() {
        let dir = folder("entries");
        let log = LogFile::new(dir.join("state/kiosk.log"));
        let time = SystemTime::UNIX_EPOCH;
        log.append("warning", "usage log: read-only\n", time)
            .unwrap();
        log.append("error", "faq.toml:3:1: broken\n  |\n3 | [meta", time)
            .unwrap();
        let text = std::fs::read_to_string(dir.join("state/kiosk.log")).unwrap();
        let stamp = local_timestamp(time);
        assert_eq!(
            text,
            format!(
                "{stamp} warning: usage log: read-only\n\
                 {stamp} error: faq.toml:3:1: broken\n    |\n  3 | [meta\n"
            )
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_full_log_is_moved_aside_and_begun_again() {
        let dir = folder("rotate");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("kiosk.log");
        std::fs::write(&path, vec![b'x'; MAX_BYTES as usize - 10]).unwrap();
        let log = LogFile::new(path.clone());
        log.append("warning", "one more problem", SystemTime::now())
            .unwrap();
        assert_eq!(
            std::fs::metadata(rotated_path(&path)).unwrap().len(),
            MAX_BYTES - 10
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with(" warning: one more problem\n"), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
