//! Where the running kiosk's problems go: anywhere but the visitor's screen.
//!
//! Under foot, and over SSH, the kiosk's stdout and stderr are the visitor's terminal: a
//! message written there lands in the middle of the screen and stays, because the renderer
//! only redraws what it changed. So while the kiosk runs, problems (a broken edit, a usage log
//! it cannot write, a speech command that fails, a panic) go to the journal when the kiosk
//! runs under systemd, and to `kiosk.log` in its state folder otherwise. stderr itself is
//! [`capture`]d for the run, so that what a library or a child process writes there takes the
//! same way.
//!
//! Under systemd the kiosk is started as cage → foot → faq-kiosk: its stderr is foot's
//! terminal, not the journal, even though the unit's own output goes there. What it inherits
//! is the environment, where systemd sets `INVOCATION_ID` for every process of a unit (and
//! `JOURNAL_STREAM` when the unit's output goes to the journal); the journal is then written
//! through its native protocol, on its socket.

pub mod capture;
mod log_file;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::SystemTime;

use systemd_journal_logger::JournalLog;

use log_file::LogFile;

/// How much a problem matters, as the journal ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// The kiosk goes on as before: a file it could not read or write, a command that failed.
    Warning,
    /// The kiosk is ending because of it: a panic, a terminal that failed.
    Error,
}

impl Priority {
    fn label(self) -> &'static str {
        match self {
            Priority::Warning => "warning",
            Priority::Error => "error",
        }
    }
}

/// Where problems go for this run: the journal if there is one, and the log file when there is
/// not (or a message cannot be sent to it).
struct Sink {
    journal: Option<JournalLog>,
    file: Option<LogFile>,
}

/// The kiosk's sink, chosen once when it starts running.
static SINK: OnceLock<Sink> = OnceLock::new();

/// The name the kiosk's entries carry in the journal (`journalctl -t faq-kiosk`).
const IDENTIFIER: &str = "faq-kiosk";

/// Chooses where problems go for the rest of the process, from the environment: the journal
/// under systemd (if its socket answers), else `kiosk.log` in the state folder. Called once
/// the kiosk starts running; `check`, `render` and `stats` print to the terminal as usual.
pub fn open() {
    SINK.get_or_init(|| {
        let journal = under_systemd(|name| std::env::var_os(name))
            .then(|| JournalLog::empty().ok())
            .flatten()
            .map(|journal| journal.with_syslog_identifier(IDENTIFIER.to_string()));
        Sink {
            journal,
            file: log_file_path().map(LogFile::new),
        }
    });
}

/// Sends a problem to the sink. Before [`open`] it goes to stderr, as it would for a command.
pub fn report(priority: Priority, message: &str) {
    let Some(sink) = SINK.get() else {
        super::report(format_args!("faq-kiosk: {message}\n"));
        return;
    };
    let sent = sink
        .journal
        .as_ref()
        .is_some_and(|journal| send_to_journal(journal, priority, message).is_ok());
    if !sent && let Some(file) = &sink.file {
        // Nowhere is left to tell about a log file that cannot be written: the screen is
        // the visitor's, and stderr leads back here.
        let _ = file.append(priority.label(), message, SystemTime::now());
    }
}

fn send_to_journal(journal: &JournalLog, priority: Priority, message: &str) -> std::io::Result<()> {
    let level = match priority {
        Priority::Warning => log::Level::Warn,
        Priority::Error => log::Level::Error,
    };
    journal.journal_send(
        &log::Record::builder()
            .level(level)
            .target(IDENTIFIER)
            .args(format_args!("{message}"))
            .build(),
    )
}

/// Whether the process was started by systemd, as its documented environment says.
fn under_systemd(var: impl Fn(&str) -> Option<OsString>) -> bool {
    var("INVOCATION_ID").is_some_and(|id| !id.is_empty())
        || var("JOURNAL_STREAM").is_some_and(|stream| !stream.is_empty())
}

/// The log file used without a journal: `kiosk.log` beside the default usage log.
fn log_file_path() -> Option<PathBuf> {
    crate::usage::state_folder().map(|folder| folder.join("kiosk.log"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(name, value)| (name.to_string(), OsString::from(value)))
            .collect();
        move |name| vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn systemd_is_recognised_by_the_variables_it_sets() {
        assert!(under_systemd(environment(&[(
            "INVOCATION_ID",
            "0f7c2f6a43b34e6c9d3d2c1a5b6e7f80"
        )])));
        assert!(under_systemd(environment(&[("JOURNAL_STREAM", "8:12345")])));
        assert!(!under_systemd(environment(&[("TERM", "foot")])));
        assert!(!under_systemd(environment(&[("INVOCATION_ID", "")])));
    }
}
