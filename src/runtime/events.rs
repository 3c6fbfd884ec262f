//! Everything the event loop waits for, gathered on one channel: terminal input, signals and
//! reloaded files.
//!
//! Each source blocks in a thread of its own and sends what it gets, so the loop sleeps in one
//! place (`recv` or `recv_timeout` up to the next deadline) and an idle kiosk never wakes.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::mpsc::Sender;
use std::thread;

use crossterm::event::{self, Event};
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
pub fn spawn_signal_thread(mut signals: Signals, events: Sender<RuntimeEvent>) {
    thread::spawn(move || {
        for signal in signals.forever() {
            if matches!(signal, SIGTERM | SIGHUP) && events.send(RuntimeEvent::Terminate).is_err() {
                break;
            }
        }
    });
}

/// Reads terminal events until the terminal fails or the loop is gone.
pub fn spawn_input_thread(events: Sender<RuntimeEvent>) {
    thread::spawn(move || {
        loop {
            let sent = match event::read() {
                Ok(event) => events.send(RuntimeEvent::Input(event)),
                Err(err) => {
                    let _ = events.send(RuntimeEvent::InputFailed(err));
                    break;
                }
            };
            if sent.is_err() {
                break;
            }
        }
    });
}

/// Ends the kiosk when its terminal hangs up, even if no SIGHUP comes.
///
/// The kernel sends SIGHUP only to the session leader; a kiosk started under a shell or
/// supervisor that ignores it is never told. crossterm's reader then finds the dead terminal
/// readable forever and spins at full CPU inside `event::read` (crossterm issue #793), so the
/// input thread cannot notice for itself. This thread sleeps in `poll` asking for no events
/// at all: only a hang-up or an error wakes it.
pub fn spawn_hangup_thread(events: Sender<RuntimeEvent>) {
    let Some(terminal) = terminal_input() else {
        return;
    };
    thread::spawn(move || {
        let (fd, _keep_open) = terminal;
        let mut watched = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        loop {
            // SAFETY: `watched` is one valid pollfd for the duration of the call, and its
            // descriptor stays open (stdin, or the File kept alongside).
            let ready = unsafe { libc::poll(&mut watched, 1, -1) };
            if ready < 0 {
                if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                // Watching failed: the kiosk goes on, as it did before this thread.
                return;
            }
            if watched.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                let _ = events.send(RuntimeEvent::Terminate);
                return;
            }
        }
    });
}

/// The descriptor crossterm reads keys from: stdin if it is a terminal, else `/dev/tty`
/// (opened here and returned with it, to be kept open while it is watched).
fn terminal_input() -> Option<(RawFd, Option<File>)> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
        return Some((libc::STDIN_FILENO, None));
    }
    let tty = File::open("/dev/tty").ok()?;
    Some((tty.as_raw_fd(), Some(tty)))
}
