//! The event loop and everything that touches the outside: the terminal, signals, files, the
//! usage log.
//!
//! The loop sleeps on one channel (terminal input and signals, each read by a thread of its
//! own) until something arrives or the next deadline (idle countdown, a file settling) is due.
//! There is no tick, so an idle kiosk uses no CPU at all.

mod backend;
pub mod diagnostics;
mod events;
mod exit_key;
mod input_reader;
mod key_log;
mod kiosk;
mod notify;
mod reloader;
mod shutdown;
mod speech;
mod terminal;
mod terminfo;
mod version;
mod wall_clock;
mod watch;

pub use exit_key::ExitKey;
pub use kiosk::Start;
pub use watch::SETTLE;

use std::fmt;
use std::io::{self, Write};
use std::sync::mpsc;

use crate::config::AmbiguousWidthSetting;
use crate::text::AmbiguousWidth;

/// Events waiting for the loop at most: a burst of keys beyond this waits in the terminal's
/// own input buffer until the loop has acted on these.
const EVENT_QUEUE: usize = 256;

/// Runs the kiosk on the current terminal until it is told to end (the staff screen, the
/// `--exit-key`, SIGTERM or SIGHUP) or the terminal goes away; the terminal and stderr are
/// restored in every case. After SIGTERM or SIGHUP it ends within [`shutdown::GRACE`] even if
/// the terminal has stopped reading, restored as far as it can be without waiting on it.
///
/// From here on nothing but the screen reaches the terminal: problems go to the
/// [`diagnostics`] sink (the journal or the kiosk's log file), and so does whatever is written
/// to stderr until the kiosk ends.
pub fn run(start: Start) -> io::Result<()> {
    diagnostics::open();
    let signals = events::take_over_signals()?;
    shutdown::spawn_watchdog()?;
    if let Err(err) = diagnostics::capture::start() {
        diagnostics::report(
            diagnostics::Priority::Warning,
            &format!("could not take stderr off the terminal: {err}"),
        );
    }
    let result = run_on_terminal(start, signals);
    terminal::restore();
    diagnostics::capture::restore();
    if let Err(err) = &result {
        diagnostics::report(
            diagnostics::Priority::Error,
            &format!("the terminal failed: {err}"),
        );
    }
    result
}

fn run_on_terminal(start: Start, signals: signal_hook::iterator::Signals) -> io::Result<()> {
    let mut terminal = terminal::enter()?;
    // The probe reads the terminal's answer itself, so it runs before the input thread does.
    let detected = (start.config.text.ambiguous_width == AmbiguousWidthSetting::Auto)
        .then(terminal::probe_ambiguous_width)
        .flatten();
    if detected == Some(AmbiguousWidth::Narrow) {
        terminal.backend_mut().trust_narrow_ambiguous();
    }
    let (sender, receiver) = mpsc::sync_channel(EVENT_QUEUE);
    events::spawn_signal_thread(signals, sender.clone());
    input_reader::spawn_resize_thread(sender.clone())?;
    input_reader::spawn_input_thread(sender.clone());
    kiosk::Kiosk::new(start, detected, sender)
        .and_then(|mut kiosk| kiosk.run(&mut terminal, &receiver))
}

/// Writes a message to stderr for whoever reads it, and carries on if nobody can; for the
/// commands and for after the kiosk has given the terminal back.
///
/// stderr is usually the kiosk's own terminal, which may be gone (the SSH link dropped). There
/// `eprintln!` panics, and a second panic in the panic hook's own report aborts the kiosk with
/// a core dump instead of letting it end.
pub fn report(message: fmt::Arguments<'_>) {
    let _ = io::stderr().write_fmt(message);
}
