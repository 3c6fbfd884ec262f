//! The pseudo-terminal harness, for the end-to-end tests and the terminal bench alike: runs
//! the real binary (or another program) in a pty with a terminal emulator reading its output,
//! types keys, reads the screen back, and counts what the program wrote.

// Each test file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod expected;
pub mod scratch;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, poll};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long to wait for the kiosk to show something before a test fails. Generous, because CI
/// machines are shared and slow; a passing test returns as soon as the screen is right.
pub const PATIENCE: Duration = Duration::from_secs(45);

/// Long enough for an edited file to settle and a failed load to be tried once more.
pub const SETTLE_AND_RETRY: Duration = Duration::from_millis(1500);

/// Longer than the kiosk's default repeat guard, so a second press of the same key counts.
pub const REPEAT_PAUSE: Duration = Duration::from_millis(400);

/// Escape sequences a terminal sends for the keys of a numeric keypad.
pub mod keys {
    /// Keypad 1 with NumLock off (End).
    pub const END: &str = "\x1b[F";
    /// Keypad 2 with NumLock off (Down).
    pub const DOWN: &str = "\x1b[B";
    /// Keypad 0 with NumLock off (Insert).
    pub const INSERT: &str = "\x1b[2~";
    /// Keypad `.` with NumLock off (Delete).
    pub const DELETE: &str = "\x1b[3~";
    /// Enter.
    pub const ENTER: &str = "\r";
    /// F10, the exit key the tests start the kiosk with.
    pub const F10: &str = "\x1b[21~";
}

/// How the emulated terminal behaves beyond what vt100 does.
#[derive(Debug, Clone, Copy, Default)]
pub struct Emulator {
    /// Draw East Asian Ambiguous characters two columns wide, as a CJK-configured terminal
    /// does; seen by the kiosk through its cursor-position probe.
    pub ambiguous_wide: bool,
}

/// The cursor position report a program asks for (DSR 6).
const CURSOR_POSITION_QUERY: &[u8] = b"\x1b[6n";

/// The kitty keyboard protocol's push of the "disambiguate escape codes" flag, and its pop.
const KEYBOARD_MODE_PUSH: &[u8] = b"\x1b[>1u";
const KEYBOARD_MODE_POP: &[u8] = b"\x1b[<u";

/// How many keyboard modes `bytes` push, less those they pop.
fn keyboard_modes_pushed(bytes: &[u8]) -> i64 {
    let count = |sequence: &[u8]| {
        bytes
            .windows(sequence.len())
            .filter(|w| *w == sequence)
            .count() as i64
    };
    count(KEYBOARD_MODE_PUSH) - count(KEYBOARD_MODE_POP)
}

impl Emulator {
    /// Feeds output to the screen, answering cursor-position queries as a terminal would.
    fn process(
        &self,
        mut bytes: &[u8],
        screen: &Mutex<vt100::Parser>,
        answer: &Mutex<Option<Box<dyn Write + Send>>>,
    ) {
        while let Some(at) = bytes
            .windows(CURSOR_POSITION_QUERY.len())
            .position(|w| w == CURSOR_POSITION_QUERY)
        {
            let end = at + CURSOR_POSITION_QUERY.len();
            let (row, col) = {
                let mut parser = screen.lock().unwrap();
                parser.process(&bytes[..end]);
                parser.screen().cursor_position()
            };
            // vt100 draws ambiguous characters narrow; a wide terminal's cursor is one further
            // on after the kiosk's one-character probe.
            let col = col + u16::from(self.ambiguous_wide && col > 0);
            if let Some(writer) = answer.lock().unwrap().as_mut() {
                let _ = write!(writer, "\x1b[{};{}R", row + 1, col + 1);
                let _ = writer.flush();
            }
            bytes = &bytes[end..];
        }
        screen.lock().unwrap().process(bytes);
    }
}

/// What a program has written to its terminal so far.
#[derive(Debug, Clone, Copy, Default)]
pub struct Traffic {
    /// Bytes written.
    pub bytes: u64,
    /// When the last of them had reached the screen.
    pub last_at: Option<Instant>,
}

/// The kiosk running in a pseudo-terminal, with a terminal emulator reading its output.
///
/// The terminal side (master, writer, reader) can be closed with [`Kiosk::hang_up`], as when
/// an SSH link drops.
pub struct Kiosk {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    output_closed: Arc<AtomicBool>,
    last_pressed: Option<String>,
    hung_up: Arc<AtomicBool>,
    reading: Arc<AtomicBool>,
    keyboard_modes: Arc<AtomicI64>,
    traffic: Arc<Mutex<Traffic>>,
    started: Instant,
}

impl Kiosk {
    /// Starts `command` (any program, such as another menu to compare with) in a terminal of
    /// `cols` x `rows` that says it is `term` (`TERM`).
    pub fn start_program(cols: u16, rows: u16, command: CommandBuilder, term: &str) -> Kiosk {
        Self::start_command(Emulator::default(), cols, rows, command, &[("TERM", term)])
    }

    /// What the program has written so far.
    pub fn traffic(&self) -> Traffic {
        *self.traffic.lock().unwrap()
    }

    /// When the program was started (just before it was spawned).
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Starts the built binary with `args` in a terminal of `cols` x `rows`.
    pub fn start(cols: u16, rows: u16, args: &[&str]) -> Kiosk {
        Self::start_with_env(cols, rows, args, &[])
    }

    /// Starts the built binary with `args` and extra environment variables.
    pub fn start_with_env(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Kiosk {
        Self::start_in(Emulator::default(), cols, rows, args, env)
    }

    /// Starts the built binary in a terminal that behaves as `emulator` says.
    pub fn start_in(
        emulator: Emulator,
        cols: u16,
        rows: u16,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Kiosk {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_faq-kiosk"));
        command.args(args);
        Self::start_command(emulator, cols, rows, command, env)
    }

    /// Starts the built binary with `args` as a user who is not root (through `setpriv`, as
    /// user and group 65534, when the tests run as root), so that file permissions apply to
    /// it as they do to a kiosk's own user.
    pub fn start_unprivileged(cols: u16, rows: u16, args: &[&str]) -> Kiosk {
        let binary = env!("CARGO_BIN_EXE_faq-kiosk");
        let command = if nix::unistd::geteuid().is_root() {
            let mut command = CommandBuilder::new("setpriv");
            command.args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--",
                binary,
            ]);
            command
        } else {
            CommandBuilder::new(binary)
        };
        let mut command = command;
        command.args(args);
        Self::start_command(Emulator::default(), cols, rows, command, &[])
    }

    /// Starts the built binary under `sh`, which ignores SIGHUP and stays as the terminal's
    /// session leader: as under a supervisor or `nohup`, no SIGHUP reaches the kiosk when the
    /// terminal hangs up. [`Kiosk::pid`] is then the shell's.
    pub fn start_under_shell_ignoring_hangups(cols: u16, rows: u16) -> Kiosk {
        let mut command = CommandBuilder::new("sh");
        // The `:` after the kiosk keeps sh from replacing itself with it.
        command.args([
            "-c",
            "trap '' HUP; \"$0\"; :",
            env!("CARGO_BIN_EXE_faq-kiosk"),
        ]);
        Self::start_command(Emulator::default(), cols, rows, command, &[])
    }

    /// Starts the built binary with `args` in a terminal of `cols` x `rows`, allowed at most
    /// `mebibytes` of address space (`ulimit -v`): an allocation beyond it fails, and Rust
    /// then aborts the process.
    pub fn start_with_memory_limit(cols: u16, rows: u16, mebibytes: u64, args: &[&str]) -> Kiosk {
        let mut command = CommandBuilder::new("sh");
        // `exec` keeps the kiosk's process id the shell's, so signals and waits reach it.
        let script = format!("ulimit -v {}; exec \"$0\" \"$@\"", mebibytes * 1024);
        command.args(["-c", &script, env!("CARGO_BIN_EXE_faq-kiosk")]);
        command.args(args);
        Self::start_command(Emulator::default(), cols, rows, command, &[])
    }

    fn start_command(
        emulator: Emulator,
        cols: u16,
        rows: u16,
        mut command: CommandBuilder,
        env: &[(&str, &str)],
    ) -> Kiosk {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        command.env_remove("FAQ_KIOSK_CONTENT");
        command.env_remove("FAQ_KIOSK_CONFIG");
        // Tests must not write into the machine's journal when they run under systemd: the
        // kiosk's diagnostics go to its log file in the state folder below.
        command.env_remove("INVOCATION_ID");
        command.env_remove("JOURNAL_STREAM");
        // Tests must not write into the home folder's usage log.
        command.env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("faq-kiosk-e2e-state"),
        );
        for (name, value) in env {
            command.env(name, value);
        }
        let started = Instant::now();
        let child = pty.slave.spawn_command(command).expect("start the program");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        // The reader has a descriptor of its own and waits with a timeout, so that it can let
        // go of the terminal when the test hangs up: the pty hangs up only once every
        // descriptor of its master side is closed.
        let mut reader = File::from(
            master_fd(pty.master.as_ref())
                .try_clone_to_owned()
                .expect("read the terminal"),
        );
        let feed = Arc::clone(&screen);
        let output_closed = Arc::new(AtomicBool::new(false));
        let closed = Arc::clone(&output_closed);
        let hung_up = Arc::new(AtomicBool::new(false));
        let hanging_up = Arc::clone(&hung_up);
        let reading = Arc::new(AtomicBool::new(true));
        let may_read = Arc::clone(&reading);
        let writer = Arc::new(Mutex::new(Some(
            pty.master.take_writer().expect("write to the terminal"),
        )));
        let answer = Arc::clone(&writer);
        let keyboard_modes = Arc::new(AtomicI64::new(0));
        let modes = Arc::clone(&keyboard_modes);
        let traffic = Arc::new(Mutex::new(Traffic::default()));
        let count = Arc::clone(&traffic);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !hanging_up.load(Ordering::SeqCst) {
                if !may_read.load(Ordering::SeqCst) {
                    thread::sleep(Duration::from_millis(20));
                    continue;
                }
                let mut fds = [PollFd::new(reader.as_fd(), PollFlags::POLLIN)];
                match poll(&mut fds, 50u16) {
                    Ok(0) => continue,
                    Ok(_) => {}
                    Err(_) => break,
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        modes.fetch_add(keyboard_modes_pushed(&buf[..n]), Ordering::SeqCst);
                        emulator.process(&buf[..n], &feed, &answer);
                        let mut count = count.lock().unwrap();
                        count.bytes += n as u64;
                        count.last_at = Some(Instant::now());
                    }
                }
            }
            closed.store(true, Ordering::SeqCst);
        });
        Kiosk {
            master: Some(pty.master),
            writer,
            child,
            screen,
            output_closed,
            last_pressed: None,
            hung_up,
            reading,
            keyboard_modes,
            traffic,
            started,
        }
    }

    /// Keyboard modes of the kitty keyboard protocol the kiosk has pushed and not popped.
    pub fn keyboard_modes_pushed(&self) -> i64 {
        self.keyboard_modes.load(Ordering::SeqCst)
    }

    /// Waits for the attract screen and presses a key to begin, as a visitor does.
    pub fn begin(&mut self) {
        self.wait_for("どのキーを押しても始まります");
        self.press("5");
        // The home screen's guide; its prompt gives way to a large menu that needs the rows.
        self.wait_for("えらぶ");
    }

    /// Sends `signal` to the kiosk.
    pub fn signal(&self, signal: nix::sys::signal::Signal) {
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.pid() as i32), signal).unwrap();
    }

    /// Types `keys` (raw bytes as a terminal would send them).
    ///
    /// The same key twice in a row waits a moment first, as a person's second press does: the
    /// kiosk ignores a key repeated within its repeat guard (300 ms by default).
    pub fn press(&mut self, keys: &str) {
        if self.last_pressed.as_deref() == Some(keys) {
            thread::sleep(REPEAT_PAUSE);
        }
        self.last_pressed = Some(keys.to_string());
        let mut writer = self.writer.lock().unwrap();
        let writer = writer.as_mut().expect("the terminal is still open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Sends `bytes` as the terminal would, whatever they are (a glitch need not be UTF-8).
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.last_pressed = None;
        let mut writer = self.writer.lock().unwrap();
        let writer = writer.as_mut().expect("the terminal is still open");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
    }

    /// The screen's text, one line per row.
    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Runs `check` on the emulated screen.
    pub fn with_screen<T>(&self, check: impl FnOnce(&vt100::Screen) -> T) -> T {
        check(self.screen.lock().unwrap().screen())
    }

    /// Waits until the screen shows `text` and has stopped changing (a frame can be read half
    /// drawn); fails the test with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        let mut previous = String::new();
        while start.elapsed() < PATIENCE {
            let now = self.text();
            if now.contains(text) && now == previous {
                return;
            }
            previous = now;
            thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.text()
        );
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_for_absence(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if !self.text().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.text());
    }

    /// Changes the terminal's size, as a window resize would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.resize_screen(cols, rows);
        self.report_size(cols, rows);
    }

    /// Changes the size of the emulated screen only, before [`Kiosk::report_size`] reports
    /// another: as a window that shows part of what an SSH client claims.
    pub fn resize_screen(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// Changes the size the terminal reports without changing the emulated screen, as an SSH
    /// client may report any size whatever its window shows: for sizes too large to emulate.
    pub fn report_size(&mut self, cols: u16, rows: u16) {
        self.master()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Stops reading what the kiosk writes, as a frozen terminal or a stalled SSH link does:
    /// once the pty's buffer is full, the kiosk's writes block.
    pub fn stop_reading(&self) {
        self.reading.store(false, Ordering::SeqCst);
    }

    /// Reads what the kiosk writes again, after [`Kiosk::stop_reading`].
    pub fn resume_reading(&self) {
        self.reading.store(true, Ordering::SeqCst);
    }

    /// Whether the kiosk's main thread is waiting in `write`, as it does once a terminal that
    /// stopped reading has let the pty's buffer fill up.
    pub fn is_blocked_writing(&self) -> bool {
        // The first field is the number of the system call the thread is in.
        std::fs::read_to_string(format!("/proc/{}/syscall", self.pid()))
            .is_ok_and(|call| call.split(' ').next() == Some(&libc::SYS_write.to_string()))
    }

    /// Whether the terminal is in canonical (cooked) mode with echo, as a shell expects it.
    pub fn terminal_is_cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master().get_termios().expect("read the terminal mode");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
    }

    /// Waits for the kiosk to end, and for its last output to reach the screen; returns whether
    /// it ended successfully.
    pub fn wait_for_exit(&mut self) -> bool {
        self.wait_for_exit_status().success()
    }

    /// Waits for the kiosk to end, and for its last output to reach the screen; returns how it
    /// ended.
    pub fn wait_for_exit_status(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap()
                && self.output_closed.load(Ordering::SeqCst)
            {
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("faq-kiosk did not end; the screen shows:\n{}", self.text());
    }

    /// Closes the terminal side of the pty, as sshd does when the link drops: the kiosk's
    /// terminal hangs up (SIGHUP, then reads and writes fail).
    pub fn hang_up(&mut self) {
        self.hung_up.store(true, Ordering::SeqCst);
        // portable-pty's writer types a newline and the EOF character when it is dropped, which
        // the kiosk would read as Enter; a dropped SSH link sends nothing, so EOF is unset first.
        let master = master_fd(self.master());
        if let Ok(mut termios) = nix::sys::termios::tcgetattr(master) {
            termios.control_chars[nix::sys::termios::SpecialCharacterIndices::VEOF as usize] = 0;
            let _ =
                nix::sys::termios::tcsetattr(master, nix::sys::termios::SetArg::TCSANOW, &termios);
        }
        self.writer.lock().unwrap().take();
        self.master.take();
        let start = Instant::now();
        while !self.output_closed.load(Ordering::SeqCst) {
            assert!(
                start.elapsed() < PATIENCE,
                "the reader let go of the terminal"
            );
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// The kiosk's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the kiosk has a process id")
    }

    fn master(&self) -> &dyn MasterPty {
        self.master.as_deref().expect("the terminal is still open")
    }

    /// Whether the kiosk is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

/// The master side's descriptor.
fn master_fd(master: &dyn MasterPty) -> BorrowedFd<'_> {
    let fd = master
        .as_raw_fd()
        .expect("a Unix pseudo-terminal has a descriptor");
    // SAFETY: the descriptor belongs to `master`, which outlives the borrow.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has at least one row and column")
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
