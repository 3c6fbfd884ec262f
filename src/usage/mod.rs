//! The usage log: which questions people open, kept as JSON Lines, and the `stats` report.
//!
//! Each line is one event with its local time and ids only, e.g.
//! `{"time":"2026-11-28T16:55:00+09:00","event":"answer_opened","question":"q3"}`.
//! No personal data exists in the kiosk, and none is invented.

mod log;
mod read;
mod stats;
mod target;

pub use log::UsageLog;
pub use read::{LoggedEvent, log_files, read_log, read_logs};
pub use stats::{KioskStats, Report, Stats, report, stats};
pub use target::{refuse_log_target, usage_log_target};

use std::path::PathBuf;

/// Where the settings say the usage log goes: their `usage_log`, the default when they name
/// none, or nowhere when they name an empty path.
pub fn usage_log_path(config: &crate::config::Config) -> Option<PathBuf> {
    match &config.usage_log {
        Some(path) if path.as_os_str().is_empty() => None,
        Some(path) => Some(path.clone()),
        None => default_log_path(),
    }
}

/// Where the usage log goes when the settings name none: `$XDG_STATE_HOME/faq-kiosk/usage.jsonl`,
/// or `~/.local/state/faq-kiosk/usage.jsonl`.
pub fn default_log_path() -> Option<PathBuf> {
    Some(state_folder()?.join("usage.jsonl"))
}

/// The kiosk's own folder for what it writes as it runs: `$XDG_STATE_HOME/faq-kiosk`, or
/// `~/.local/state/faq-kiosk`.
pub fn state_folder() -> Option<PathBuf> {
    let state_home = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state"))
        })?;
    Some(state_home.join("faq-kiosk"))
}

/// The rotated file beside `path` that holds the older events.
pub fn rotated_path(path: &std::path::Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".1");
    PathBuf::from(name)
}
