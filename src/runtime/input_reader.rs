//! Reading the terminal ourselves: keys, the cursor position the start-up probe asks for, and
//! resizes (SIGWINCH), all without crossterm's event reader.
//!
//! crossterm 0.29's reader waits with no timeout for the end of an escape sequence that never
//! comes (the kiosk went deaf for good after `ESC [ ?`), and reads 1 KiB and then waits on an
//! edge-triggered poll (a key after a burst waited for the next key). Here one thread waits
//! in `poll` (level-triggered), reads whatever is there on every wake-up, and hands each byte
//! to [`Parser`]; an unfinished sequence gets [`SEQUENCE_TIMEOUT`] to go on and is then
//! dropped. The channel to the loop is bounded, so a burst faster than the loop can act on
//! waits in the terminal's own buffer, not in the kiosk's memory.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::mpsc::SyncSender;
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::Event;
use signal_hook::consts::SIGWINCH;
use signal_hook::iterator::Signals;

use super::events::RuntimeEvent;
use crate::terminal_input::{Parser, SEQUENCE_TIMEOUT, find_cursor_report};

/// Bytes taken from the terminal per read: a pty holds 4 KiB of input, so one read usually
/// empties it.
const READ_BYTES: usize = 4096;

/// How long the start-up probe waits for the terminal to report the cursor (crossterm's own
/// wait was the same): a terminal that never answers delays the first frame by this much.
const CURSOR_REPORT_TIMEOUT: Duration = Duration::from_secs(2);

/// Reads keys until the terminal goes away or the loop is gone. A hang-up (end of file, or
/// EIO from a terminal whose other side closed) ends the kiosk as SIGHUP does: the kernel
/// sends SIGHUP only to the session leader, so a kiosk under a shell or supervisor that
/// ignores it would otherwise never be told.
pub fn spawn_input_thread(events: SyncSender<RuntimeEvent>) {
    thread::spawn(move || {
        let end = match terminal_input() {
            Ok((fd, keep_open)) => {
                let end = read_keys(fd, &events);
                drop(keep_open);
                end
            }
            Err(err) => Some(RuntimeEvent::InputFailed(err)),
        };
        if let Some(end) = end {
            let _ = events.send(end);
        }
    });
}

/// Sends the terminal's new size on every SIGWINCH; crossterm's reader did this before.
pub fn spawn_resize_thread(events: SyncSender<RuntimeEvent>) -> io::Result<()> {
    let mut signals = Signals::new([SIGWINCH])?;
    thread::spawn(move || {
        // Signals that arrive while a size is read are folded into one wake-up.
        for _ in signals.forever() {
            let Ok((width, height)) = crossterm::terminal::size() else {
                continue;
            };
            if events
                .send(RuntimeEvent::Input(Event::Resize(width, height)))
                .is_err()
            {
                break;
            }
        }
    });
    Ok(())
}

/// Asks the terminal where the cursor is (DSR 6) and reads its answer, as a zero-based
/// (column, row). Runs before the input thread starts, which would otherwise take the answer;
/// a key pressed meanwhile is dropped with it.
pub fn cursor_position() -> io::Result<(u16, u16)> {
    let (fd, _keep_open) = terminal_input()?;
    let mut out = io::stdout();
    out.write_all(b"\x1b[6n")?;
    out.flush()?;
    let deadline = Instant::now() + CURSOR_REPORT_TIMEOUT;
    // Room for the answer and a few keys around it; the tail is kept when it fills.
    let mut answer = [0u8; 256];
    let mut len = 0;
    loop {
        if !wait_readable(fd, Some(deadline))? {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the terminal did not report the cursor position",
            ));
        }
        match read(fd, &mut answer[len..]) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(count) => len += count,
            Err(err) if retry(&err) => continue,
            Err(err) => return Err(err),
        }
        if let Some(position) = find_cursor_report(&answer[..len]) {
            return Ok(position);
        }
        if len == answer.len() {
            const KEPT: usize = 16;
            answer.copy_within(len - KEPT.., 0);
            len = KEPT;
        }
    }
}

/// Reads and parses until the terminal ends (the event that says so) or the loop is gone
/// (`None`).
fn read_keys(fd: RawFd, events: &SyncSender<RuntimeEvent>) -> Option<RuntimeEvent> {
    let mut parser = Parser::new();
    let mut buffer = [0u8; READ_BYTES];
    let mut deadline = None;
    loop {
        match wait_readable(fd, deadline) {
            Ok(true) => {}
            Ok(false) => {
                deadline = None;
                if let Some(event) = parser.flush() {
                    events.send(RuntimeEvent::Input(event)).ok()?;
                }
                continue;
            }
            Err(err) => return Some(RuntimeEvent::InputFailed(err)),
        }
        let count = match read(fd, &mut buffer) {
            Ok(0) => return Some(RuntimeEvent::Terminate),
            Ok(count) => count,
            Err(err) if retry(&err) => continue,
            Err(err) if err.raw_os_error() == Some(libc::EIO) => {
                return Some(RuntimeEvent::Terminate);
            }
            Err(err) => return Some(RuntimeEvent::InputFailed(err)),
        };
        for &byte in &buffer[..count] {
            if let Some(event) = parser.feed(byte) {
                events.send(RuntimeEvent::Input(event)).ok()?;
            }
        }
        // The pause is counted from the last byte that came, after what came was sent on.
        deadline = parser
            .is_pending()
            .then(|| Instant::now() + SEQUENCE_TIMEOUT);
    }
}

/// Waits until `fd` can be read (or has hung up: the read then says so) or `deadline`
/// passes (false); with no deadline, for as long as it takes.
fn wait_readable(fd: RawFd, deadline: Option<Instant>) -> io::Result<bool> {
    loop {
        let timeout = match deadline {
            None => -1,
            Some(at) => {
                let left = at.saturating_duration_since(Instant::now());
                // Rounded up, so a pause is never cut short by a millisecond.
                i32::try_from(left.as_micros().div_ceil(1000)).unwrap_or(i32::MAX)
            }
        };
        let mut watched = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: `watched` is one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut watched, 1, timeout) };
        if ready < 0 {
            let err = io::Error::last_os_error();
            if err.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(err);
        }
        if watched.revents & libc::POLLNVAL != 0 {
            return Err(io::Error::other("the terminal's descriptor was closed"));
        }
        return Ok(ready > 0);
    }
}

/// Reads once from `fd` into `buffer`.
fn read(fd: RawFd, buffer: &mut [u8]) -> io::Result<usize> {
    // SAFETY: `buffer` is valid for writes of its whole length for the duration of the call.
    let count = unsafe { libc::read(fd, buffer.as_mut_ptr().cast(), buffer.len()) };
    usize::try_from(count).map_err(|_| io::Error::last_os_error())
}

/// Whether a failed read is only to be tried again.
fn retry(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
    )
}

/// The terminal's input: stdin if it is a terminal, else `/dev/tty` (opened here and returned
/// with it, to be kept open while it is read), as crossterm chose.
fn terminal_input() -> io::Result<(RawFd, Option<File>)> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
        return Ok((libc::STDIN_FILENO, None));
    }
    let tty = File::open("/dev/tty")?;
    Ok((tty.as_raw_fd(), Some(tty)))
}

#[cfg(test)]
mod tests {
    use std::os::fd::FromRawFd;
    use std::sync::mpsc;

    use crossterm::event::KeyCode;

    use super::*;

    /// A pipe's read and write ends: poll and read treat it as they do a terminal.
    fn pipe() -> (File, File) {
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors pipe writes.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: both descriptors were just opened and are owned by nothing else.
        unsafe { (File::from_raw_fd(fds[0]), File::from_raw_fd(fds[1])) }
    }

    fn key_code(event: RuntimeEvent) -> KeyCode {
        match event {
            RuntimeEvent::Input(Event::Key(key)) => key.code,
            other => panic!("not a key: {other:?}"),
        }
    }

    #[test]
    fn pauses_end_sequences_a_burst_arrives_whole_and_the_end_of_input_ends_the_kiosk() {
        let (input, mut terminal) = pipe();
        // Smaller than the burst below, so the reader also waits on a full channel.
        let (sender, receiver) = mpsc::sync_channel(8);
        let reader = thread::spawn(move || read_keys(input.as_raw_fd(), &sender));
        let patience = Duration::from_secs(30);
        // A stray prefix, then a key well after the pause that ends it: only the key counts.
        terminal.write_all(b"\x1b[?").unwrap();
        thread::sleep(SEQUENCE_TIMEOUT * 10);
        terminal.write_all(b"1\x1b").unwrap();
        let first = receiver.recv_timeout(patience).unwrap();
        assert_eq!(key_code(first), KeyCode::Char('1'));
        // The lone ESC is the Esc key once nothing follows it.
        let second = receiver.recv_timeout(patience).unwrap();
        assert_eq!(key_code(second), KeyCode::Esc);
        let burst = vec![b'5'; 3 * READ_BYTES + 1];
        terminal.write_all(&burst).unwrap();
        drop(terminal);
        for _ in 0..burst.len() {
            let key = receiver.recv_timeout(patience).unwrap();
            assert_eq!(key_code(key), KeyCode::Char('5'));
        }
        let end = reader.join().unwrap();
        assert!(matches!(end, Some(RuntimeEvent::Terminate)), "{end:?}");
        assert!(receiver.try_recv().is_err());
    }
}
