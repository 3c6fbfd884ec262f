//! What the usage log may be written to: a plain file, and not one of the kiosk's own.
//!
//! Under foot or SSH the kiosk's terminal is the visitor's screen, so a log set to
//! `/dev/stdout` or `/dev/tty` would print JSON over the kiosk; a FIFO blocks the first write
//! until something reads it; and a log that is the content or settings file would be
//! overwritten line by line (or, at rotation, moved away). Symbolic links are followed, and
//! files are compared by device and inode, so another name for the same file is caught too.

use std::fs::Metadata;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use super::{rotated_path, usage_log_path};
use crate::config::{Config, setting_location};
use crate::source::Diagnostic;

/// Where the kiosk may write its usage log under `config`, read from the settings file
/// `config_path` (if any) and showing the content file `content_path` (if any): `Ok(None)` when
/// the log is off, or why the log named cannot be used, at its place in the settings.
pub fn usage_log_target(
    config: &Config,
    config_path: Option<&Path>,
    content_path: Option<&Path>,
) -> Result<Option<PathBuf>, Diagnostic> {
    let Some(log) = usage_log_path(config) else {
        return Ok(None);
    };
    let own: Vec<&Path> = [config_path, content_path].into_iter().flatten().collect();
    match refuse_log_target(&log, &own) {
        None => Ok(Some(log)),
        Some(mut problem) => {
            problem.location = config_path.and_then(|path| setting_location(path, "usage_log"));
            Err(problem)
        }
    }
}

/// Why the usage log cannot be written to `log`, if it cannot; `own_files` are the kiosk's
/// content and settings files in use.
///
/// A log that does not exist yet is fine: it will be created as a plain file.
pub fn refuse_log_target(log: &Path, own_files: &[&Path]) -> Option<Diagnostic> {
    let name = log.display();
    if let Ok(meta) = std::fs::metadata(log)
        && let Some(what) = not_a_plain_file(&meta)
    {
        return Some(Diagnostic::error(
            None,
            format!(
                "usage_log \"{name}\" は{what}です。利用の記録には、ふつうのファイルの場所を指定してください（例: \"/var/lib/faq-kiosk/usage.jsonl\"）。"
            ),
            format!("usage log '{name}' is not a regular file"),
        ));
    }
    for (target, rotated) in [(log.to_path_buf(), false), (rotated_path(log), true)] {
        let Ok(meta) = std::fs::metadata(&target) else {
            continue;
        };
        if let Some(own) = own_files.iter().find(|own| same_file(own, &meta)) {
            let how = if rotated {
                format!(
                    "記録が大きくなって「{}」に移すとき、その「{}」が上書きされます",
                    target.display(),
                    own.display()
                )
            } else {
                format!("「{}」そのものです", own.display())
            };
            return Some(Diagnostic::error(
                None,
                format!(
                    "usage_log \"{name}\" は、このキオスクが読むファイル{how}。別の場所を指定してください。"
                ),
                format!(
                    "usage log '{}' is the kiosk's own file '{}'",
                    target.display(),
                    own.display()
                ),
            ));
        }
    }
    None
}

/// What a file that is not a plain file is, in words for staff.
fn not_a_plain_file(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("フォルダ")
    } else if kind.is_char_device() {
        Some("端末（画面）や装置（/dev の中のファイル）")
    } else if kind.is_block_device() {
        Some("ディスクなどの装置")
    } else if kind.is_fifo() {
        Some("名前付きパイプ（FIFO）")
    } else if kind.is_socket() {
        Some("ソケット")
    } else {
        Some("ふつうのファイルではないもの")
    }
}

fn same_file(path: &Path, meta: &Metadata) -> bool {
    std::fs::metadata(path).is_ok_and(|own| (own.dev(), own.ino()) == (meta.dev(), meta.ino()))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("faq-kiosk-target-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn refused(log: &Path, own: &[&Path]) -> Option<String> {
        refuse_log_target(log, own).map(|d| d.detail)
    }

    #[test]
    fn a_new_or_plain_file_is_fine() {
        let dir = folder("plain");
        let log = dir.join("usage.jsonl");
        assert_eq!(refused(&log, &[]), None);
        std::fs::write(&log, "").unwrap();
        assert_eq!(refused(&log, &[&dir.join("faq.toml")]), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn terminals_devices_fifos_and_folders_are_refused() {
        let dir = folder("special");
        let fifo = dir.join("fifo");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        for path in [Path::new("/dev/null"), &fifo, &dir] {
            assert!(refused(path, &[]).is_some(), "{}", path.display());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_kiosks_own_files_are_refused_by_any_name() {
        let dir = folder("own");
        let content = dir.join("faq.toml");
        std::fs::write(&content, "[meta]\n").unwrap();
        let link = dir.join("link.jsonl");
        std::os::unix::fs::symlink(&content, &link).unwrap();
        assert!(refused(&link, &[&content]).is_some());
        assert!(refused(&content, &[&link]).is_some());
        // Rotating the log `faq` would move it onto `faq.1`, the content file.
        let log = dir.join("faq");
        std::fs::rename(&content, dir.join("faq.1")).unwrap();
        let detail = refused(&log, &[&dir.join("faq.1")]).unwrap();
        assert!(detail.contains("faq.1"), "{detail}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
