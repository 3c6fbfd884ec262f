//! SIGTERM and SIGHUP end the kiosk even when its loop cannot answer them.
//!
//! The loop ends the kiosk cleanly on either signal, but it may be stuck in a write to a
//! terminal that has stopped reading (a frozen window, a stalled SSH link): the write waits
//! until the terminal reads again, perhaps for ever, and `systemctl stop` would wait out its
//! timeout and then kill the kiosk with the terminal left raw. So a thread of its own hears
//! the same signals, gives the loop [`GRACE`] to end, and then restores what can be restored
//! without waiting on the terminal and ends the process itself, with the status of a clean end.

use std::fs::OpenOptions;
use std::io::{self, IsTerminal, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::thread;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

/// How long the loop has to end on its own after a signal: a clean end takes milliseconds,
/// and systemd's stop timeout is far longer.
pub const GRACE: Duration = Duration::from_millis(1500);

/// What leaves the kiosk's screen: CAN first, which ends an escape sequence a blocked frame
/// may have left half written, then the plain style, no more mouse reports, the keyboard mode
/// the kiosk pushed ([`super::terminal::KITTY_KEYBOARD_POP`]), the main screen and the cursor.
const LEAVE_SCREEN: &[u8] = b"\x18\x1b[m\x1b[?1006l\x1b[?1000l\x1b[<u\x1b[?1049l\x1b[?25h";

/// Starts the thread that ends the kiosk [`GRACE`] after the first SIGTERM or SIGHUP, if it has
/// not ended by then. It listens beside the loop's own signal thread, not instead of it.
pub fn spawn_watchdog() -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    thread::Builder::new()
        .name("shutdown".to_string())
        .spawn(move || {
            if signals.forever().next().is_some() {
                thread::sleep(GRACE);
                restore_without_waiting();
                // SAFETY: `_exit` ends the process at once, without running destructors or
                // flushing stdout: the loop may hold stdout's lock, blocked in a write.
                unsafe { libc::_exit(0) }
            }
        })?;
    Ok(())
}

/// Restores the terminal as far as nothing has to wait: its mode (tcsetattr does not write to
/// it), then one attempt to leave the kiosk's screen.
///
/// The escape sequences are written through a descriptor of their own, opened non-blocking:
/// stdout's is shared with stdin (and the input thread reading it), so it is left as it is.
/// A terminal that is not reading takes nothing; one whose writer is blocked refuses at once.
fn restore_without_waiting() {
    let _ = crossterm::terminal::disable_raw_mode();
    if !io::stdout().is_terminal() {
        return;
    }
    let terminal = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open("/proc/self/fd/1");
    if let Ok(mut terminal) = terminal {
        let _ = terminal.write(LEAVE_SCREEN);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::terminal::KITTY_KEYBOARD_POP;

    #[test]
    fn the_watchdog_gives_back_the_keyboard_mode_before_the_main_screen() {
        let text = std::str::from_utf8(LEAVE_SCREEN).unwrap();
        let pop = text.find(KITTY_KEYBOARD_POP).expect("the pop is sent");
        let main_screen = text.find("\x1b[?1049l").unwrap();
        assert!(pop < main_screen, "popped on the alternate screen's stack");
    }
}
