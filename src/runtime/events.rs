//! Everything the event loop waits for, gathered on one channel: terminal input, signals and
//! reloaded files.
//!
//! Each source blocks in a thread of its own and sends what it gets, so the loop sleeps in one
//! place (`recv` or `recv_timeout` up to the next deadline) and an idle kiosk never wakes.

use std::io;
use std::sync::mpsc::SyncSender;
use std::thread;

use crossterm::event::Event;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::watch::Reload;

/// Something that happened outside the kiosk's state.
#[derive(Debug)]
pub enum RuntimeEvent {
    /// A key, resize or other terminal event.
    Input(Event),
    /// The terminal can no longer be read (it went away).
    InputFailed(io::Error),
    /// SIGTERM or SIGHUP, or the terminal hung up: restore the terminal and end.
    Terminate,
    /// The reloading thread read edited files (or found them broken).
    Reloaded(Box<Reload>),
}

/// Takes over the signals a visitor or the system can send, before raw mode is entered:
/// SIGINT, SIGQUIT and SIGTSTP are ignored (a kiosk is not stopped from its keyboard), SIGTERM
/// and SIGHUP end the kiosk cleanly.
pub fn take_over_signals() -> io::Result<Signals> {
    Signals::new([SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP])
}

/// Forwards SIGTERM and SIGHUP to the loop; the others are swallowed.
pub fn spawn_signal_thread(mut signals: Signals, events: SyncSender<RuntimeEvent>) {
    thread::spawn(move || {
        for signal in signals.forever() {
            if matches!(signal, SIGTERM | SIGHUP) && events.send(RuntimeEvent::Terminate).is_err() {
                break;
            }
        }
    });
}
