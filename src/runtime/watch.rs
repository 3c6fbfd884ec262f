//! Noticing edits to the content and settings files, and reloading them safely.
//!
//! There is no polling loop: the files are looked at (one `stat` each) whenever the loop wakes
//! anyway, for a key or a timer. An idle kiosk on its attract screen therefore picks up an edit
//! with the next visitor's first key. The looking and loading happen on a thread of their own
//! (see [`super::reloader`]), so a big or hung file never holds up the keys.
//!
//! Editors save in odd ways (truncate then write, write a temporary file and rename it over,
//! save twice in a row), so a file changed less than [`SETTLE`] ago is left to settle, and a
//! file that fails to load is tried once more after [`SETTLE`] before its problems are
//! reported: a half-written file is never shown and never reported as broken.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::config::Config;
use crate::content::Content;
use crate::source::Diagnostics;

/// How long a file must be left alone before it is read.
pub const SETTLE: Duration = Duration::from_millis(500);

/// What identifies one version of a file on disk.
///
/// The status-change time and the mode are part of it: an edit saved unreadable and then made
/// readable with `chmod` changes neither the contents' time nor the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    modified: Option<SystemTime>,
    changed: (i64, i64),
    mode: u32,
    length: u64,
    inode: u64,
}

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some(Fingerprint {
        modified: meta.modified().ok(),
        changed: (meta.ctime(), meta.ctime_nsec()),
        mode: meta.mode(),
        length: meta.len(),
        inode: meta.ino(),
    })
}

/// The outcome of looking at the files.
#[derive(Debug)]
pub enum Reload {
    /// Nothing new (or a change still settling).
    Unchanged,
    /// New versions were read and are valid.
    Loaded {
        /// The settings, read again when their file is watched.
        config: Box<Config>,
        /// The content, read again when it comes from a file (boxed: it is far larger than
        /// the other variants).
        content: Option<Box<Content>>,
        /// The file the content now comes from, if any (the settings may have moved it).
        content_path: Option<PathBuf>,
        /// The short hash of that file, for the staff screen (read here, off the main loop).
        content_hash: Option<String>,
    },
    /// A changed file is broken; the running content stays.
    Failed(Diagnostics),
}

/// The watched files and what was last seen of them.
#[derive(Debug)]
pub struct Watch {
    config_path: Option<PathBuf>,
    content_from_command_line: Option<PathBuf>,
    content_path: Option<PathBuf>,
    seen: Vec<Option<Fingerprint>>,
    retry_at: Option<Instant>,
    retried: bool,
}

impl Watch {
    /// Watches the settings file (if any) and the content file named on the command line or in
    /// the settings, taking what is on disk now as already loaded.
    pub fn new(
        config_path: Option<PathBuf>,
        content_from_command_line: Option<PathBuf>,
        config: &Config,
    ) -> Self {
        let content_path = config
            .content_file(content_from_command_line.as_deref())
            .map(Path::to_path_buf);
        let mut watch = Self {
            config_path,
            content_from_command_line,
            content_path,
            seen: Vec::new(),
            retry_at: None,
            retried: false,
        };
        watch.seen = watch.fingerprints();
        watch
    }

    /// The content file in use, if the content comes from a file.
    pub fn content_path(&self) -> Option<&Path> {
        self.content_path.as_deref()
    }

    fn paths(&self) -> [Option<&Path>; 2] {
        [self.config_path.as_deref(), self.content_path.as_deref()]
    }

    fn fingerprints(&self) -> Vec<Option<Fingerprint>> {
        self.paths()
            .iter()
            .map(|p| p.and_then(fingerprint))
            .collect()
    }

    /// When the loop must wake to look again (a change settling or a retry), if ever.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.retry_at
    }

    /// Looks at the files at `now`; `force` reloads even if nothing seems changed (the staff
    /// screen's reload).
    pub fn check(&mut self, now: Instant, force: bool) -> Reload {
        let current = self.fingerprints();
        let due = self.retry_at.is_some_and(|at| now >= at);
        if current == self.seen && !due && !force {
            return Reload::Unchanged;
        }
        if !force && recently_modified(&current) {
            self.retry_at = Some(now + SETTLE);
            return Reload::Unchanged;
        }
        match self.load() {
            Ok(reload) => {
                self.seen = self.fingerprints();
                self.retry_at = None;
                self.retried = false;
                reload
            }
            Err(_) if !force && !self.retried => {
                self.retried = true;
                self.retry_at = Some(now + SETTLE);
                Reload::Unchanged
            }
            Err(problems) => {
                self.seen = current;
                self.retry_at = None;
                self.retried = false;
                Reload::Failed(problems)
            }
        }
    }

    fn load(&mut self) -> Result<Reload, Diagnostics> {
        let config = Config::read(self.config_path.as_deref())?;
        let content_path = config
            .content_file(self.content_from_command_line.as_deref())
            .map(Path::to_path_buf);
        let content = content_path
            .as_deref()
            .map(Content::load)
            .transpose()?
            .map(Box::new);
        self.content_path.clone_from(&content_path);
        let content_hash = content_path.as_deref().and_then(super::version::file_hash);
        Ok(Reload::Loaded {
            config: Box::new(config),
            content,
            content_path,
            content_hash,
        })
    }
}

fn recently_modified(fingerprints: &[Option<Fingerprint>]) -> bool {
    let now = SystemTime::now();
    fingerprints
        .iter()
        .flatten()
        .filter_map(|f| f.modified)
        .any(|modified| now.duration_since(modified).is_ok_and(|age| age < SETTLE))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("faq-kiosk-watch-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            Self(dir)
        }

        /// Writes a file and dates it back, as if it had settled long ago.
        fn write_settled(&self, name: &str, text: &str) -> PathBuf {
            let path = self.0.join(name);
            std::fs::write(&path, text).unwrap();
            let past = SystemTime::now() - Duration::from_secs(10);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(past)
                .unwrap();
            path
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn edited_content(title: &str) -> String {
        crate::content::EMBEDDED_CONTENT.replace(
            "title = \"マイナ保険証 よくある質問\"",
            &format!("title = \"{title}\""),
        )
    }

    #[test]
    fn an_unchanged_file_is_not_read_again() {
        let scratch = Scratch::new("unchanged");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path), &Config::default());
        assert!(matches!(
            watch.check(Instant::now(), false),
            Reload::Unchanged
        ));
    }

    #[test]
    fn a_settled_edit_is_loaded() {
        let scratch = Scratch::new("edit");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path.clone()), &Config::default());
        scratch.write_settled("faq.toml", &edited_content("新しい題"));
        match watch.check(Instant::now(), false) {
            Reload::Loaded {
                content: Some(content),
                ..
            } => assert_eq!(content.meta.title, "新しい題"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            watch.check(Instant::now(), false),
            Reload::Unchanged
        ));
    }

    #[test]
    fn a_fresh_edit_waits_to_settle() {
        let scratch = Scratch::new("fresh");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path.clone()), &Config::default());
        std::fs::write(&path, edited_content("B")).unwrap();
        let now = Instant::now();
        assert!(matches!(watch.check(now, false), Reload::Unchanged));
        assert_eq!(watch.next_deadline(), Some(now + SETTLE));
    }

    #[test]
    fn a_broken_file_is_retried_once_then_reported_once() {
        let scratch = Scratch::new("broken");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path.clone()), &Config::default());
        scratch.write_settled("faq.toml", "[meta\n");
        let now = Instant::now();
        assert!(
            matches!(watch.check(now, false), Reload::Unchanged),
            "first failure waits"
        );
        assert_eq!(watch.next_deadline(), Some(now + SETTLE));
        match watch.check(now + SETTLE, false) {
            Reload::Failed(problems) => assert!(problems.to_string().contains("faq.toml:1:")),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            watch.check(now + SETTLE * 2, false),
            Reload::Unchanged
        ));
        assert_eq!(watch.next_deadline(), None);
    }

    #[test]
    fn a_half_written_file_that_completes_is_loaded_without_a_report() {
        let scratch = Scratch::new("half");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path.clone()), &Config::default());
        let full = edited_content("完成");
        let half = full.char_indices().nth(full.chars().count() / 2).unwrap().0;
        scratch.write_settled("faq.toml", &full[..half]);
        let now = Instant::now();
        assert!(matches!(watch.check(now, false), Reload::Unchanged));
        scratch.write_settled("faq.toml", &full);
        assert!(matches!(
            watch.check(now + SETTLE, false),
            Reload::Loaded { .. }
        ));
    }

    #[test]
    fn the_settings_file_can_move_the_content_file() {
        let scratch = Scratch::new("config");
        let config_path = scratch.write_settled("kiosk.toml", "");
        scratch.write_settled("other.toml", &edited_content("別の内容"));
        let mut watch = Watch::new(Some(config_path), None, &Config::default());
        assert_eq!(watch.content_path, None);
        scratch.write_settled("kiosk.toml", "content_path = \"other.toml\"\n");
        match watch.check(Instant::now(), false) {
            Reload::Loaded {
                content: Some(content),
                content_path: Some(path),
                ..
            } => {
                assert_eq!(content.meta.title, "別の内容");
                assert!(path.ends_with("other.toml"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_change_of_permissions_alone_is_noticed() {
        use std::os::unix::fs::PermissionsExt;
        let scratch = Scratch::new("chmod");
        let path = scratch.write_settled("faq.toml", &edited_content("A"));
        let mut watch = Watch::new(None, Some(path.clone()), &Config::default());
        let before = std::fs::metadata(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (before.modified().unwrap(), before.len()),
            (after.modified().unwrap(), after.len()),
            "only the permissions changed"
        );
        assert!(
            matches!(watch.check(Instant::now(), false), Reload::Loaded { .. }),
            "read again"
        );
    }
}
