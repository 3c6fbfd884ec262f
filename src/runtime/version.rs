//! Which version of the content is on screen, and how the last content update went: for the
//! staff screen, so that staff at any kiosk of a fleet can tell what it shows.
//!
//! `faq-kiosk-update` (deploy/) writes two small `key=value` files: `content-version` beside
//! the content file, naming the commit it deployed, and `last-update` in the kiosk's state
//! folder, with the time, result and reason of its last run. Both are optional: a kiosk whose
//! files are edited by hand shows a short hash of its content file instead of a commit.

use std::path::Path;

use crate::clock::local_timestamp;
use crate::content::EMBEDDED_CONTENT;
use crate::files::read_limited;

/// The largest record file read: a few lines.
const MAX_RECORD_BYTES: u64 = 64 * 1024;

/// The record of the commit deployed, beside the content file.
pub(super) const VERSION_FILE: &str = "content-version";

/// The record of the update script's last run, in the kiosk's state folder.
pub(super) const LAST_UPDATE_FILE: &str = "last-update";

/// What the staff screen says about the content's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ContentVersion {
    /// The commit deployed (first 10 digits), or the content's short hash.
    pub(super) version: String,
    /// When the content file last changed, as local time text.
    pub(super) changed: Option<String>,
}

/// The value of `key` in a `key=value` record.
fn field<'a>(record: &'a str, key: &str) -> Option<&'a str> {
    record
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .map(str::trim)
}

fn read_record(path: &Path) -> Option<String> {
    let bytes = read_limited(path, MAX_RECORD_BYTES).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// A short hash of `bytes` (64-bit FNV-1a, 8 hex digits): the same content gives the same
/// text on every kiosk, so staff can compare two kiosks by eye.
fn short_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", hash >> 32)
}

/// The short hash of the file at `path`, if it can be read. It reads the whole file, so the
/// kiosk calls it where it loads the file, off the main loop.
pub(super) fn file_hash(path: &Path) -> Option<String> {
    read_limited(path, crate::files::MAX_FILE_BYTES)
        .ok()
        .map(|bytes| short_hash(&bytes))
}

/// The version of the content at `content_path` (the built-in content when `None`), whose
/// short hash is `hash` (from [`file_hash`] when it was loaded).
///
/// The commit in `content-version` is taken only if that record is at least as new as the
/// content file: a file edited by hand after the update is shown by its hash, so the screen
/// never claims a commit it does not show. Only the record is read here; the content file is
/// only looked at (`stat`).
pub(super) fn content_version(content_path: Option<&Path>, hash: Option<&str>) -> ContentVersion {
    let Some(path) = content_path else {
        return ContentVersion {
            version: format!(
                "{}（組み込みの内容）",
                short_hash(EMBEDDED_CONTENT.as_bytes())
            ),
            changed: None,
        };
    };
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let changed = modified.map(local_timestamp);
    let record = path.parent().map(|folder| folder.join(VERSION_FILE));
    let recorded_at = record
        .as_deref()
        .and_then(|r| std::fs::metadata(r).and_then(|m| m.modified()).ok());
    let commit = record
        .as_deref()
        .filter(|_| recorded_at.is_some_and(|at| modified.is_none_or(|m| at >= m)))
        .and_then(read_record)
        .and_then(|record| field(&record, "commit").map(str::to_string))
        .filter(|commit| !commit.is_empty());
    let version = match (commit, hash) {
        (Some(commit), _) => format!("{}（git のコミット）", truncate(&commit, 10)),
        (None, Some(hash)) => format!("{hash}（ファイルのハッシュ）"),
        (None, None) => "読めません".to_string(),
    };
    ContentVersion { version, changed }
}

fn truncate(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(at, _)| &text[..at])
}

/// The last content update's outcome in plain Japanese, from `last-update` in `state_folder`;
/// `None` if no update has run here.
pub(super) fn last_update(state_folder: Option<&Path>) -> Option<String> {
    let record = read_record(&state_folder?.join(LAST_UPDATE_FILE))?;
    let time = field(&record, "time").unwrap_or("?");
    let commit = field(&record, "commit").map_or("", |c| truncate(c, 10));
    let reason = field(&record, "reason").unwrap_or("");
    Some(match field(&record, "result").unwrap_or("") {
        "ok" => format!("{time} 成功（{commit} を配信）"),
        "unchanged" => format!("{time} 成功（変更なし、{commit}）"),
        "refused" => format!("{time} 取り込みませんでした（{commit} に問題）: {reason}"),
        "unreachable" => format!("{time} 取得元につながりません。前の内容のままです: {reason}"),
        other => format!("{time} 失敗（{other}）: {reason}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::time::{Duration, SystemTime};

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("faq-kiosk-version-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn set_modified(path: &Path, time: SystemTime) {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn the_same_bytes_give_the_same_short_hash() {
        assert_eq!(short_hash(b"faq"), short_hash(b"faq"));
        assert_ne!(short_hash(b"faq"), short_hash(b"faq "));
        assert_eq!(short_hash(b"").len(), 8);
    }

    #[test]
    fn a_deployed_commit_is_shown_until_the_file_is_edited_by_hand() {
        let dir = folder("commit");
        let content = dir.join("faq.toml");
        std::fs::write(&content, "title").unwrap();
        let record = dir.join(VERSION_FILE);
        std::fs::write(&record, "commit=0123456789abcdef\ndeployed=now\n").unwrap();
        let then = SystemTime::now() - Duration::from_secs(60);
        set_modified(&content, then);
        set_modified(&record, then);
        let version = content_version(Some(&content), file_hash(&content).as_deref());
        assert_eq!(version.version, "0123456789（git のコミット）");
        assert_eq!(version.changed, Some(local_timestamp(then)));

        std::fs::write(&content, "edited").unwrap();
        let version = content_version(Some(&content), file_hash(&content).as_deref());
        assert_eq!(
            version.version,
            format!("{}（ファイルのハッシュ）", short_hash(b"edited"))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_record_the_content_is_named_by_its_hash() {
        let dir = folder("hash");
        let content = dir.join("faq.toml");
        std::fs::write(&content, "title").unwrap();
        assert_eq!(
            content_version(Some(&content), file_hash(&content).as_deref()).version,
            format!("{}（ファイルのハッシュ）", short_hash(b"title"))
        );
        assert_eq!(file_hash(&dir.join("missing.toml")), None);
        assert_eq!(content_version(Some(&content), None).version, "読めません");
        assert!(
            content_version(None, None)
                .version
                .ends_with("（組み込みの内容）")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_last_update_is_told_in_plain_words() {
        let dir = folder("last");
        assert_eq!(last_update(Some(&dir)), None);
        std::fs::write(
            dir.join(LAST_UPDATE_FILE),
            "time=2026-12-01T10:00:00+09:00\nresult=refused\ncommit=fedcba9876543210\nreason=faq.toml:3:1: エラー\n",
        )
        .unwrap();
        assert_eq!(
            last_update(Some(&dir)).unwrap(),
            "2026-12-01T10:00:00+09:00 取り込みませんでした（fedcba9876 に問題）: faq.toml:3:1: エラー"
        );
        std::fs::write(
            dir.join(LAST_UPDATE_FILE),
            "time=t\nresult=ok\ncommit=fedcba9876543210\nreason=\n",
        )
        .unwrap();
        assert_eq!(
            last_update(Some(&dir)).unwrap(),
            "t 成功（fedcba9876 を配信）"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
