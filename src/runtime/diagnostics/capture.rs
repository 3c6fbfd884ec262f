//! stderr taken off the terminal while the kiosk owns it, and given back when it ends.
//!
//! A library's stray `eprintln!`, or a raw write to descriptor 2, would otherwise print over
//! the visitor's screen. For the run, descriptor 2 is a pipe whose reader thread sends each
//! line to the diagnostics sink; the terminal's own descriptor is kept aside and put back on
//! every way out (the normal end, SIGTERM and SIGHUP, which end the loop, and the panic hook).

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, IntoRawFd, OwnedFd};
use std::process::Stdio;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, TryLockError};
use std::thread;
use std::time::Duration;

use super::{Priority, report};

/// The descriptor stderr was before the capture, or -1 when nothing is captured.
static SAVED: AtomicI32 = AtomicI32::new(-1);

/// Says when the reader thread has sent on everything written to the pipe.
static FORWARDED: Mutex<Option<Receiver<()>>> = Mutex::new(None);

/// How long the end of the capture waits for the last lines to be sent on: a line written
/// just before a panic is the one that explains it.
const LAST_LINES_WAIT: Duration = Duration::from_millis(200);

/// Points descriptor 2 at a pipe whose lines go to the sink. Call after the sink is open, so
/// that nothing the sink itself writes can come back round.
pub fn start() -> io::Result<()> {
    let mut ends = [0; 2];
    // SAFETY: `ends` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 succeeded, so both are new descriptors owned by nobody else.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(ends[0]), OwnedFd::from_raw_fd(ends[1])) };
    let terminal = io::stderr().as_fd().try_clone_to_owned()?;
    // SAFETY: both descriptors are open; dup2 replaces descriptor 2 atomically.
    if unsafe { libc::dup2(write.as_raw_fd(), libc::STDERR_FILENO) } < 0 {
        return Err(io::Error::last_os_error());
    }
    drop(write);
    SAVED.store(terminal.into_raw_fd(), Ordering::SeqCst);
    let (done, forwarded) = mpsc::channel();
    if let Some(mut slot) = lock_forwarded() {
        *slot = Some(forwarded);
    }
    thread::spawn(move || {
        forward(File::from(read));
        let _ = done.send(());
    });
    Ok(())
}

/// Puts the terminal back as descriptor 2 and waits a moment for the last captured lines to
/// reach the sink; safe to call twice, and from the panic hook.
pub fn restore() {
    let saved = SAVED.swap(-1, Ordering::SeqCst);
    if saved < 0 {
        return;
    }
    // SAFETY: `saved` is the descriptor kept aside by `start`, owned by this module alone; it
    // is closed once, here, after being copied back to 2.
    let restored = unsafe {
        let restored = libc::dup2(saved, libc::STDERR_FILENO);
        libc::close(saved);
        restored
    };
    if restored < 0 {
        report(
            Priority::Error,
            &format!(
                "could not give stderr back to the terminal: {}",
                io::Error::last_os_error()
            ),
        );
    }
    // The pipe's last writer is gone with descriptor 2, so the reader sees its end once it has
    // sent on what was left. A lock held elsewhere (a panic inside `start`) is not waited for.
    if let Some(forwarded) = lock_forwarded().and_then(|mut slot| slot.take()) {
        let _ = forwarded.recv_timeout(LAST_LINES_WAIT);
    }
}

/// What a child process gets as its stderr: the capture while it lasts, so that what the
/// command complains of reaches the sink, and nothing otherwise; never the terminal.
pub fn child_stderr() -> Stdio {
    if SAVED.load(Ordering::SeqCst) < 0 {
        return Stdio::null();
    }
    io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map_or_else(|_| Stdio::null(), Stdio::from)
}

fn lock_forwarded() -> Option<std::sync::MutexGuard<'static, Option<Receiver<()>>>> {
    match FORWARDED.try_lock() {
        Ok(slot) => Some(slot),
        Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        Err(TryLockError::WouldBlock) => None,
    }
}

/// Sends each line read from `pipe` to the sink until every writer has closed it. A line left
/// without its end for [`PARTIAL_LINE_WAIT`] is sent as it is: the kiosk itself keeps the pipe
/// open, so a command that ends without a newline would otherwise wait for the next line.
fn forward(mut pipe: File) {
    let mut pending = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let wait = if pending.is_empty() {
            -1
        } else {
            PARTIAL_LINE_WAIT.as_millis() as libc::c_int
        };
        let mut watched = libc::pollfd {
            fd: pipe.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, whose descriptor `pipe` keeps open.
        let ready = unsafe { libc::poll(&mut watched, 1, wait) };
        if ready == 0 {
            send_line(&pending);
            pending.clear();
            continue;
        }
        let read = match pipe.read(&mut chunk) {
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Ok(0) | Err(_) => {
                send_line(&pending);
                return;
            }
            Ok(read) => read,
        };
        pending.extend_from_slice(&chunk[..read]);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            send_line(&pending[..end]);
            pending.drain(..=end);
        }
    }
}

/// How long a line without its end is waited for before it is sent as it is.
const PARTIAL_LINE_WAIT: Duration = Duration::from_millis(100);

fn send_line(line: &[u8]) {
    let text = visible(String::from_utf8_lossy(line).trim_end());
    if !text.is_empty() {
        report(Priority::Warning, &format!("stderr: {text}"));
    }
}

/// `text` with its control characters written out (`\u{1b}`), so that a stray escape sequence
/// cannot act on the terminal of whoever reads the log later.
fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(
            visible("\x1b[2Jcleared\tand\x07 rung"),
            "\\u{1b}[2Jcleared\tand\\u{7} rung"
        );
        assert_eq!(visible("読めない行"), "読めない行");
    }
}
