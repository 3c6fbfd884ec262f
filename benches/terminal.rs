//! The kiosk measured from outside, in a pseudo-terminal, next to the classic terminal menus a
//! thin client would otherwise run.
//!
//! `cargo bench --bench terminal` starts faq-kiosk, `dialog --menu` and `whiptail --menu` (the
//! same Japanese category list, read from `faq.toml`) in pseudo-terminals of 80x24 and 160x45,
//! presses keys, and prints for each program the median of several runs, the ratios
//! faq-kiosk / dialog and faq-kiosk / whiptail, and whether each target of issue 6 is met.
//! `cargo bench --bench terminal -- --soak` presses 100,000 keys into one kiosk instead and
//! reports whether its memory stays flat. `cargo bench --bench terminal -- --burst` writes
//! 50,000 keys into the kiosk at once and then keypad 3, and reports how long that key took to
//! act, counted from the start of the burst. `cargo bench --bench terminal -- --latency` walks
//! the kiosk's screens at 80x24, 120x32, 160x45 and 240x67 and reports, for each key, the time
//! from writing the key to the last byte of the frame it draws (the target: 3 ms on the machine
//! the bench runs on), once as xterm (`TERM=xterm-256color`: half blocks) and once as foot, the
//! shipped terminal (`TERM=foot`: sextants where half blocks do not fit). `--runs N` changes the number of runs (5).
//!
//! What is measured, and how:
//!
//! - **first frame**: from just before the program is spawned to the arrival of the last byte
//!   of output, once the screen shows the program's first screen (the kiosk's attract screen;
//!   the menu, with its last entry and Cancel button, for dialog and whiptail) and no more
//!   output has come for [`QUIET`]. The kiosk's start-up probe of the terminal (ambiguous
//!   width) is included: the emulator here answers it as a real terminal would.
//! - **bytes** for a key: everything the program writes after the key until the screen has
//!   changed and output has been quiet for [`QUIET`]. The first frame's bytes are counted too.
//! - **peak RSS**: `VmHWM` of `/proc/PID/status`, read just before the program is ended.
//! - **idle**: over [`IDLE`] after the last key, user + system CPU time (`/proc/PID/stat`) and
//!   voluntary + involuntary context switches summed over every thread (`/proc/PID/task`), so
//!   a helper thread that wakes counts too.
//! - **binary**: the size of the program file (the bench profile inherits the release one,
//!   stripped); dialog's and whiptail's shared libraries are not counted.
//!
//! The kiosk is measured twice: as `cargo run --release` builds it (linked to the system's C
//! library, like dialog and whiptail) and as `scripts/build-static` builds it for a thin client
//! (musl, one static executable; the bench runs the script, which adds the target with rustup
//! if needed, and leaves that column out if it cannot). The static one carries its C library
//! inside its binary size, where the others' shared libraries are not counted; its peak RSS
//! has no shared library pages to count.
//!
//! Runs of the programs are interleaved, so a noisy neighbour slows all of them alike;
//! compare the ratios of one run, not timings from different runs or machines.

#[path = "../tests/pty/mod.rs"]
mod pty;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::content::Content;
use faq_kiosk::layout::{Geometry, HOME_PROMPT, answer_layout};
use nix::sys::signal::{Signal, kill};
use nix::unistd::{Pid, SysconfVar, geteuid, sysconf};
use portable_pty::CommandBuilder;
use pty::Kiosk;

/// The terminal sizes measured: the smallest usual terminal, and a full-HD screen's console.
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];
/// Silence after which a program is taken to have finished drawing.
const QUIET: Duration = Duration::from_millis(100);
/// How long a program gets to show a screen before the run is abandoned.
const PATIENCE: Duration = Duration::from_secs(15);
/// How long a program is left alone to count its wake-ups.
const IDLE: Duration = Duration::from_secs(5);
/// Runs per program and size; the median is reported.
const DEFAULT_RUNS: usize = 5;

/// What the kiosk's attract screen says (private to its view module, hence repeated here).
const ATTRACT_HINT: &str = "どのキーを押しても始まります";

/// Keys as a terminal sends them.
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ENTER: &str = "\r";
const DELETE: &str = "\x1b[3~";
const CTRL_C: &str = "\x03";

/// Settings for the measured kiosk: no usage log to write, no idle timer to wake it, and the
/// arrow keys moving the highlight as they do in dialog and whiptail.
const KIOSK_CONFIG: &str = r#"
usage_log = ""
idle_timeout_secs = 0

[keypad]
numlock_off = "navigation"
"#;

/// What the home screen's key guide says in every layout; its prompt gives way to a large
/// menu that needs the rows.
const HOME_GUIDE: &str = "えらぶ";

/// The soak: this many key presses, one about every [`SOAK_PACE`], RSS read every
/// [`SOAK_SAMPLE_EVERY`] keys.
const SOAK_KEYS: usize = 100_000;
const SOAK_PACE: Duration = Duration::from_millis(1);
const SOAK_SAMPLE_EVERY: usize = 5_000;
/// Keys before the soak's baseline RSS is taken: every screen has been drawn by then.
const SOAK_WARM_UP: usize = 10_000;
/// Growth of private memory past the baseline still called flat: allocator slack, not a leak
/// (a leak of even one byte per key would show as about 90 KiB).
const SOAK_TOLERANCE_KIB: u64 = 64;
/// The burst: this many keys the keypad map ignores, written at once, then one that acts.
const BURST_KEYS: usize = 50_000;

/// The soak's round: every screen, every kind of key, paging past both ends, and keys that do
/// nothing, so a leak in any path adds up.
const SOAK_ROUND: [&str; 28] = [
    "4", "2", "+", "+", "-", "-", "0", "0", DOWN, DOWN, ENTER, DOWN, ENTER, "0", "0", "5", "+",
    "-", "9", "0", ".", UP, UP, "*", "3", "1", DELETE, CTRL_C,
];

fn main() -> ExitCode {
    let mut runs = DEFAULT_RUNS;
    let mut soak = false;
    let mut burst = false;
    let mut latency = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            // cargo bench passes --bench to every bench target.
            "--bench" => {}
            "--soak" => soak = true,
            "--burst" => burst = true,
            "--latency" => latency = true,
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => return usage("--runs needs a number above 0"),
            },
            other => return usage(&format!("unknown argument '{other}'")),
        }
    }
    let scratch = std::env::temp_dir().join(format!("faq-kiosk-bench-{}", std::process::id()));
    let config = scratch.join("kiosk.toml");
    let result = std::fs::create_dir_all(&scratch)
        .and_then(|()| std::fs::write(&config, KIOSK_CONFIG))
        .map_err(|err| format!("cannot write {}: {err}", config.display()))
        .and_then(|()| {
            if soak {
                run_soak(&config)
            } else if burst {
                run_bursts(&config, runs)
            } else if latency {
                run_latency(&config, runs)
            } else {
                run_comparison(&config, runs)
            }
        });
    let _ = std::fs::remove_dir_all(&scratch);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("terminal bench: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "terminal bench: {problem}\nusage: cargo bench --bench terminal -- [--runs N] [--soak | --burst | --latency]"
    );
    ExitCode::from(2)
}

// ---------------------------------------------------------------------------------------------
// A program in a pseudo-terminal: the end-to-end tests' harness, with the bench's timing.

/// A program running in a pseudo-terminal of the test harness, whose emulator answers the
/// kiosk's cursor-position probe as a real terminal would.
struct Running {
    program: Kiosk,
    pid: Pid,
    started: Instant,
}

impl Running {
    /// Starts `command` in a terminal of `cols` x `rows` that says it is xterm.
    fn start(command: CommandBuilder, cols: u16, rows: u16) -> Result<Running, String> {
        Self::start_as(command, cols, rows, "xterm-256color")
    }

    /// Starts `command` in a terminal of `cols` x `rows` that says it is `term`.
    fn start_as(
        command: CommandBuilder,
        cols: u16,
        rows: u16,
        term: &str,
    ) -> Result<Running, String> {
        let program = Kiosk::start_program(cols, rows, command, term);
        let pid = i32::try_from(program.pid())
            .map(Pid::from_raw)
            .map_err(|_| "the program's process id is out of range".to_string())?;
        let started = program.started();
        Ok(Running {
            program,
            pid,
            started,
        })
    }

    fn bytes(&self) -> u64 {
        self.program.traffic().bytes
    }

    fn screen_formatted(&self) -> String {
        self.program
            .with_screen(|screen| screen.contents_formatted())
    }

    /// Types `keys`; an arrow key is sent as the terminal would send it in the cursor-key mode
    /// the program chose (curses programs such as dialog ask for application mode, `ESC O B`,
    /// and take a plain `ESC [ B` for Esc followed by letters).
    fn type_keys(&mut self, keys: &str) -> Result<(), String> {
        let application = self
            .program
            .with_screen(|screen| screen.application_cursor());
        let keys = match keys.strip_prefix("\x1b[") {
            Some(arrow @ ("A" | "B" | "C" | "D")) if application => format!("\x1bO{arrow}"),
            _ => keys.to_string(),
        };
        self.program.send_bytes(keys.as_bytes());
        Ok(())
    }

    /// Waits until `done` holds for the screen and output has been quiet for [`QUIET`];
    /// returns the bytes written so far and when the last of them arrived.
    fn settle(
        &self,
        what: &str,
        done: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<(u64, Instant), String> {
        let give_up = Instant::now() + PATIENCE;
        loop {
            let traffic = self.program.traffic();
            if let Some(last) = traffic.last_at
                && last.elapsed() >= QUIET
                && self.program.with_screen(&done)
                && self.program.traffic().bytes == traffic.bytes
            {
                return Ok((traffic.bytes, last));
            }
            if Instant::now() > give_up {
                return Err(format!(
                    "the screen never showed {what}; it shows:\n{}",
                    self.program.text()
                ));
            }
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// Presses `key` and returns the bytes written in answer, once the screen has changed and
    /// shows `expect` (if given).
    fn press(&mut self, key: &str, expect: Option<&str>) -> Result<u64, String> {
        self.press_timed(key, expect).map(|(bytes, _)| bytes)
    }

    /// As [`Running::press`], with the time from writing the key to the last byte of answer.
    fn press_timed(&mut self, key: &str, expect: Option<&str>) -> Result<(u64, Duration), String> {
        let before = self.bytes();
        let screen_before = self.screen_formatted();
        let sent = Instant::now();
        self.type_keys(key)?;
        let (after, last) = self.settle(&format!("a change after {key:?}"), |screen| {
            screen.contents_formatted() != screen_before
                && expect.is_none_or(|text| screen.contents().contains(text))
        })?;
        Ok((after - before, last.saturating_duration_since(sent)))
    }

    /// Ends the program (SIGTERM, then SIGKILL if it lingers).
    fn end(mut self) {
        let _ = kill(self.pid, Signal::SIGTERM);
        let give_up = Instant::now() + Duration::from_secs(2);
        while Instant::now() < give_up {
            if !self.program.is_running() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = kill(self.pid, Signal::SIGKILL);
    }
}

// ---------------------------------------------------------------------------------------------
// Reading /proc.

fn proc_status(pid: Pid) -> Result<String, String> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|err| format!("cannot read /proc/{pid}/status: {err}"))
}

/// A `Name:   value kB`-style field of a status file.
fn status_field(status: &str, name: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
}

fn kib_field(pid: Pid, name: &str) -> Result<u64, String> {
    status_field(&proc_status(pid)?, name).ok_or_else(|| format!("no {name} for {pid}"))
}

/// User plus system CPU time of the whole process.
fn cpu_time(pid: Pid) -> Result<Duration, String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map_err(|err| format!("cannot read /proc/{pid}/stat: {err}"))?;
    // The command name may hold spaces; the fields are counted after its closing parenthesis,
    // where utime and stime are the 12th and 13th (fields 14 and 15 of proc(5)).
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks: u64 = fields
        .get(11..13)
        .ok_or("short /proc/PID/stat")?
        .iter()
        .map(|f| f.parse::<u64>().unwrap_or(0))
        .sum();
    let per_second = sysconf(SysconfVar::CLK_TCK)
        .ok()
        .flatten()
        .and_then(|hz| u64::try_from(hz).ok())
        .unwrap_or(100);
    Ok(Duration::from_millis(ticks * 1000 / per_second))
}

/// Voluntary and involuntary context switches of every thread of the process.
fn context_switches(pid: Pid) -> Result<u64, String> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
        .map_err(|err| format!("cannot list the threads of {pid}: {err}"))?;
    let mut total = 0;
    for task in tasks.flatten() {
        let Ok(status) = std::fs::read_to_string(task.path().join("status")) else {
            continue;
        };
        total += status_field(&status, "voluntary_ctxt_switches").unwrap_or(0)
            + status_field(&status, "nonvoluntary_ctxt_switches").unwrap_or(0);
    }
    Ok(total)
}

// ---------------------------------------------------------------------------------------------
// The programs and what is measured of them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Program {
    /// The kiosk as `cargo run --release` builds it: linked to the system's C library.
    Kiosk,
    /// The kiosk as `scripts/build-static` builds it for a thin client: one static executable.
    KioskStatic,
    Dialog,
    Whiptail,
}

impl Program {
    fn name(self) -> &'static str {
        match self {
            Program::Kiosk => "faq-kiosk",
            Program::KioskStatic => "faq-kiosk static",
            Program::Dialog => "dialog",
            Program::Whiptail => "whiptail",
        }
    }

    fn is_kiosk(self) -> bool {
        matches!(self, Program::Kiosk | Program::KioskStatic)
    }

    /// Where its executable is, if it is there.
    fn path(self) -> Option<PathBuf> {
        match self {
            Program::Kiosk => Some(PathBuf::from(env!("CARGO_BIN_EXE_faq-kiosk"))),
            Program::KioskStatic => STATIC_KIOSK.get().cloned().flatten(),
            other => on_path(other.name()),
        }
    }
}

/// The static kiosk, once [`build_static_kiosk`] has built it.
static STATIC_KIOSK: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// Builds the static kiosk with `scripts/build-static` (which adds the musl target with rustup
/// when it is missing); `None`, with a message, if that cannot be done here.
fn build_static_kiosk() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    eprintln!("building the static kiosk with scripts/build-static");
    let output = Command::new(root.join("scripts/build-static"))
        .stderr(std::process::Stdio::inherit())
        .output();
    match output {
        Ok(output) if output.status.success() => {
            let relative = String::from_utf8_lossy(&output.stdout).trim().to_string();
            Some(root.join(relative))
        }
        Ok(output) => {
            eprintln!(
                "skipping the static kiosk: scripts/build-static failed ({})",
                output.status
            );
            None
        }
        Err(err) => {
            eprintln!("skipping the static kiosk: scripts/build-static did not run ({err})");
            None
        }
    }
}

/// The home menu, as dialog and whiptail are asked to show it.
struct Menu {
    prompt: String,
    titles: Vec<String>,
}

/// The kiosk at `program` (the bench profile's build, which inherits the release profile, or
/// the static one).
fn kiosk_command(program: &Path, config: &Path) -> CommandBuilder {
    let mut command = CommandBuilder::new(program);
    command.arg("--config");
    command.arg(config);
    command.env_remove("FAQ_KIOSK_CONTENT");
    command.env_remove("FAQ_KIOSK_CONFIG");
    command
}

impl Menu {
    fn command(&self, program: Program, config: &Path) -> CommandBuilder {
        if program.is_kiosk() {
            let path = program
                .path()
                .expect("only a kiosk that was built is measured");
            return kiosk_command(&path, config);
        }
        let mut command = CommandBuilder::new(program.name());
        // The same box for both: room for the prompt and the five entries, 60 columns.
        command.args(["--menu", self.prompt.as_str(), "14", "60", "5"]);
        for (number, title) in (1..).zip(&self.titles) {
            command.arg(number.to_string());
            command.arg(title);
        }
        // C.UTF-8 is in every glibc; without a UTF-8 locale curses draws the titles as '?'.
        command.env("LANG", "C.UTF-8");
        command.env("LC_ALL", "C.UTF-8");
        command
    }
}

/// One run of one program at one size; `None` where the program has no such screen.
#[derive(Debug, Clone, Default)]
struct Sample {
    first_frame: Duration,
    first_frame_bytes: u64,
    highlight_bytes: u64,
    category_bytes: Option<u64>,
    answer_bytes: Option<u64>,
    page_bytes: Option<u64>,
    idle_cpu: Duration,
    idle_switches: u64,
    peak_rss_kib: u64,
}

/// The answer the kiosk run opens: the second question of the fourth category (q7, the
/// longest answer), and the text of its first and, if any, second page at `size`.
struct AnswerPath {
    question: String,
    second_page: Option<String>,
}

impl AnswerPath {
    fn new(content: &Content, (cols, rows): (u16, u16)) -> Result<Self, String> {
        let question = content
            .category_questions(3)
            .nth(1)
            .ok_or("faq.toml has no second question in its fourth category")?;
        let laid_out = answer_layout(&Geometry::new(cols, rows), question, false, None);
        Ok(Self {
            question: laid_out.question.first().cloned().unwrap_or_default(),
            second_page: laid_out.pages.get(1).and_then(|page| page.first()).cloned(),
        })
    }
}

fn measure(
    program: Program,
    menu: &Menu,
    answer: &AnswerPath,
    config: &Path,
    (cols, rows): (u16, u16),
) -> Result<Sample, String> {
    let mut running = Running::start(menu.command(program, config), cols, rows)?;
    let result = drive(program, menu, answer, &mut running);
    running.end();
    result
}

fn drive(
    program: Program,
    menu: &Menu,
    answer: &AnswerPath,
    running: &mut Running,
) -> Result<Sample, String> {
    let last_title = menu.titles.last().map(String::as_str).unwrap_or_default();
    let (first_frame_bytes, last_at) = match program {
        Program::Kiosk | Program::KioskStatic => running.settle("the attract screen", |s| {
            s.contents().contains(ATTRACT_HINT)
        })?,
        Program::Dialog | Program::Whiptail => running.settle("the menu", |s| {
            let text = s.contents();
            text.contains(last_title) && text.contains("Cancel")
        })?,
    };
    let mut sample = Sample {
        first_frame: last_at - running.started,
        first_frame_bytes,
        ..Sample::default()
    };
    if program.is_kiosk() {
        running.press("5", Some(HOME_GUIDE))?;
    }
    sample.highlight_bytes = running.press(DOWN, None)?;
    if program.is_kiosk() {
        sample.category_bytes = Some(running.press("4", None)?);
        sample.answer_bytes = Some(running.press("2", Some(&answer.question))?);
        if let Some(page) = &answer.second_page {
            sample.page_bytes = Some(running.press("+", Some(page))?);
        }
    }
    let (cpu, switches) = (cpu_time(running.pid)?, context_switches(running.pid)?);
    thread::sleep(IDLE);
    sample.idle_cpu = cpu_time(running.pid)?.saturating_sub(cpu);
    sample.idle_switches = context_switches(running.pid)?.saturating_sub(switches);
    sample.peak_rss_kib = kib_field(running.pid, "VmHWM")?;
    Ok(sample)
}

// ---------------------------------------------------------------------------------------------
// dialog and whiptail.

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// dialog and whiptail, installed with apt-get when missing and allowed (as root); the ones
/// that cannot be had are left out with a message.
fn comparison_programs() -> Vec<Program> {
    let wanted = [(Program::Dialog, "dialog"), (Program::Whiptail, "whiptail")];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(_, name)| on_path(name).is_none())
        .map(|&(_, name)| name)
        .collect();
    if !missing.is_empty() {
        if geteuid().is_root() {
            eprintln!("installing {} with apt-get", missing.join(" and "));
            let apt = |args: &[&str]| {
                Command::new("apt-get")
                    .args(args)
                    // Its progress goes with this bench's progress, not into the table.
                    .stdout(std::io::stderr())
                    .env("DEBIAN_FRONTEND", "noninteractive")
                    .status()
                    .is_ok_and(|status| status.success())
            };
            let _ =
                apt(&["update", "-q"]) && apt(&[&["install", "-y", "-q"], &missing[..]].concat());
        } else {
            eprintln!(
                "{} missing and not running as root: install them (apt-get install dialog whiptail) to compare",
                missing.join(" and ")
            );
        }
    }
    let mut programs = vec![Program::Kiosk];
    if STATIC_KIOSK.get_or_init(build_static_kiosk).is_some() {
        programs.push(Program::KioskStatic);
    }
    for (program, name) in wanted {
        if on_path(name).is_some() {
            programs.push(program);
        } else {
            eprintln!("skipping {name}: not installed");
        }
    }
    programs
}

fn file_size(program: Program) -> Option<u64> {
    std::fs::metadata(program.path()?)
        .ok()
        .map(|meta| meta.len())
}

// ---------------------------------------------------------------------------------------------
// The comparison.

fn run_comparison(config: &Path, runs: usize) -> Result<(), String> {
    let content = Content::load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.toml")))
        .map_err(|problems| format!("faq.toml does not load:\n{problems}"))?;
    let menu = Menu {
        prompt: HOME_PROMPT.to_string(),
        titles: content.categories.iter().map(|c| c.title.clone()).collect(),
    };
    let programs = comparison_programs();
    println!("# faq-kiosk against dialog and whiptail\n");
    println!(
        "Median of {runs} runs; bytes are what the program writes to the terminal. {}.\n",
        machine_line()
    );
    let mut verdicts = Vec::new();
    for size in SIZES {
        let answer = AnswerPath::new(&content, size)?;
        let mut samples: BTreeMap<Program, Vec<Sample>> = BTreeMap::new();
        for run in 1..=runs {
            eprintln!("{}x{}: run {run} of {runs}", size.0, size.1);
            for &program in &programs {
                let sample = measure(program, &menu, &answer, config, size)
                    .map_err(|err| format!("{} at {}x{}: {err}", program.name(), size.0, size.1))?;
                samples.entry(program).or_default().push(sample);
            }
        }
        let medians: BTreeMap<Program, Medians> = samples
            .iter()
            .map(|(&program, runs)| (program, Medians::of(program, runs)))
            .collect();
        print_table(size, &programs, &medians);
        for &kiosk in programs.iter().filter(|p| p.is_kiosk()) {
            verdicts.extend(judge(kiosk, size, &medians));
        }
    }
    println!("## Targets\n");
    for verdict in verdicts {
        println!("- {verdict}");
    }
    Ok(())
}

/// The medians of one program's runs at one size, in the units of the table.
struct Medians {
    /// (row label, value); `None` where the program has no such screen.
    rows: Vec<(&'static str, Option<f64>)>,
}

const FIRST_FRAME_MS: &str = "first frame (ms)";
const FIRST_FRAME_BYTES: &str = "first frame (B)";
const HIGHLIGHT_BYTES: &str = "highlight move (B)";
const CATEGORY_BYTES: &str = "home → category (B)";
const ANSWER_BYTES: &str = "list → answer (B)";
const PAGE_BYTES: &str = "answer page (B)";
const IDLE_CPU: &str = "idle CPU (ms / 5 s)";
const IDLE_SWITCHES: &str = "idle context switches / 5 s";
const PEAK_RSS: &str = "peak RSS (KiB)";
const BINARY: &str = "binary (KiB)";

impl Medians {
    fn of(program: Program, runs: &[Sample]) -> Self {
        let median = |value: &dyn Fn(&Sample) -> Option<f64>| -> Option<f64> {
            let mut values: Vec<f64> = runs.iter().filter_map(value).collect();
            if values.is_empty() {
                return None;
            }
            values.sort_by(f64::total_cmp);
            let mid = values.len() / 2;
            Some(if values.len() % 2 == 1 {
                values[mid]
            } else {
                (values[mid - 1] + values[mid]) / 2.0
            })
        };
        let bytes = |b: Option<u64>| b.map(|b| b as f64);
        Self {
            rows: vec![
                (
                    FIRST_FRAME_MS,
                    median(&|s| Some(s.first_frame.as_secs_f64() * 1000.0)),
                ),
                (
                    FIRST_FRAME_BYTES,
                    median(&|s| Some(s.first_frame_bytes as f64)),
                ),
                (HIGHLIGHT_BYTES, median(&|s| Some(s.highlight_bytes as f64))),
                (CATEGORY_BYTES, median(&|s| bytes(s.category_bytes))),
                (ANSWER_BYTES, median(&|s| bytes(s.answer_bytes))),
                (PAGE_BYTES, median(&|s| bytes(s.page_bytes))),
                (
                    IDLE_CPU,
                    median(&|s| Some(s.idle_cpu.as_secs_f64() * 1000.0)),
                ),
                (IDLE_SWITCHES, median(&|s| Some(s.idle_switches as f64))),
                (PEAK_RSS, median(&|s| Some(s.peak_rss_kib as f64))),
                (BINARY, file_size(program).map(|b| b as f64 / 1024.0)),
            ],
        }
    }

    fn get(&self, label: &str) -> Option<f64> {
        self.rows
            .iter()
            .find(|(row, _)| *row == label)
            .and_then(|(_, value)| *value)
    }
}

fn format_value(label: &str, value: Option<f64>) -> String {
    match value {
        None => "—".to_string(),
        Some(v) if label == FIRST_FRAME_MS => format!("{v:.2}"),
        Some(v) => format!("{v:.0}"),
    }
}

fn format_ratio(ours: Option<f64>, theirs: Option<f64>) -> String {
    match (ours, theirs) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}", a / b),
        (Some(0.0), Some(_)) => "0 / 0".to_string(),
        (Some(_), Some(_)) => "∞".to_string(),
        _ => "—".to_string(),
    }
}

fn print_table(size: (u16, u16), programs: &[Program], medians: &BTreeMap<Program, Medians>) {
    println!("## {}x{}\n", size.0, size.1);
    let (kiosks, others): (Vec<Program>, Vec<Program>) =
        programs.iter().copied().partition(|p| p.is_kiosk());
    let mut header = String::from("| measure |");
    let mut rule = String::from("| --- |");
    for program in programs {
        header += &format!(" {} |", program.name());
        rule += " ---: |";
    }
    for kiosk in &kiosks {
        let short = if *kiosk == Program::Kiosk {
            "kiosk"
        } else {
            "static"
        };
        for other in &others {
            header += &format!(" {short} / {} |", other.name());
            rule += " ---: |";
        }
    }
    println!("{header}\n{rule}");
    for (label, _) in &medians[&Program::Kiosk].rows {
        let mut line = format!("| {label} |");
        for program in programs {
            line += &format!(" {} |", format_value(label, medians[program].get(label)));
        }
        for kiosk in &kiosks {
            for other in &others {
                line += &format!(
                    " {} |",
                    format_ratio(medians[kiosk].get(label), medians[other].get(label))
                );
            }
        }
        println!("{line}");
    }
    println!();
}

/// Each target of issue 6 at one size, met or missed by `program` (one of the kiosk's
/// builds), with the numbers behind it.
fn judge(program: Program, size: (u16, u16), medians: &BTreeMap<Program, Medians>) -> Vec<String> {
    let at = format!("{} {}x{}", program.name(), size.0, size.1);
    let kiosk = &medians[&program];
    let other = |program: Program, label: &str| medians.get(&program).and_then(|m| m.get(label));
    let ours = |label: &str| kiosk.get(label).unwrap_or(f64::NAN);
    let verdict = |met: bool| if met { "met" } else { "MISSED" };
    let mut lines = Vec::new();

    let frame = ours(FIRST_FRAME_MS);
    if let Some(dialog) = other(Program::Dialog, FIRST_FRAME_MS) {
        lines.push(format!(
            "{at} first frame no slower than dialog's: {} ({frame:.2} ms, dialog {dialog:.2} ms)",
            verdict(frame <= dialog)
        ));
    }
    if size == SIZES[0] {
        lines.push(format!(
            "{at} first frame under 5 ms: {} ({frame:.2} ms)",
            verdict(frame < 5.0)
        ));
    }

    let rss = ours(PEAK_RSS);
    lines.push(format!(
        "{at} peak RSS under 3 MiB: {} ({rss:.0} KiB)",
        verdict(rss < 3072.0)
    ));

    let (cpu, switches) = (ours(IDLE_CPU), ours(IDLE_SWITCHES));
    lines.push(format!(
        "{at} no wake-ups while idle: {} ({cpu:.0} ms CPU, {switches:.0} context switches in 5 s)",
        verdict(cpu == 0.0 && switches == 0.0)
    ));

    if let Some(whiptail) = other(Program::Whiptail, HIGHLIGHT_BYTES) {
        let bytes = ours(HIGHLIGHT_BYTES);
        lines.push(format!(
            "{at} highlight move no more bytes than whiptail's: {} ({bytes:.0} B, whiptail {whiptail:.0} B)",
            verdict(bytes <= whiptail)
        ));
    }
    if let Some(dialog) = other(Program::Dialog, FIRST_FRAME_BYTES) {
        for label in [CATEGORY_BYTES, ANSWER_BYTES] {
            let bytes = ours(label);
            lines.push(format!(
                "{at} screen change ({}) no more than dialog's first frame: {} ({bytes:.0} B, dialog {dialog:.0} B)",
                label.trim_end_matches(" (B)"),
                verdict(bytes <= dialog)
            ));
        }
    }
    if size == SIZES[0] {
        let binary = ours(BINARY);
        lines.push(format!(
            "{} stripped binary under 1.5 MiB: {} ({binary:.0} KiB)",
            program.name(),
            verdict(binary < 1536.0)
        ));
    }
    lines
}

/// The machine in one line: CPUs, CPU model, memory.
fn machine_line() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
        .map_or("unknown CPU", |(_, name)| name.trim());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = status_field(&meminfo, "MemTotal").unwrap_or(0);
    let cpus = thread::available_parallelism().map_or(0, |n| n.get());
    format!(
        "Machine: {cpus} CPUs ({model}), {:.1} GiB memory",
        memory as f64 / 1024.0 / 1024.0
    )
}

// ---------------------------------------------------------------------------------------------
// The soak.

fn run_soak(config: &Path) -> Result<(), String> {
    let (cols, rows) = SIZES[0];
    let path = Program::Kiosk.path().expect("the bench's own build");
    let mut running = Running::start(kiosk_command(&path, config), cols, rows)?;
    let result = soak(&mut running);
    running.end();
    result
}

fn soak(running: &mut Running) -> Result<(), String> {
    running.settle("the attract screen", |s| {
        s.contents().contains(ATTRACT_HINT)
    })?;
    running.press("5", Some(HOME_GUIDE))?;
    let started = Instant::now();
    // Resident memory, and the private part of it where a leak would show: the rest is pages
    // of the binary and libraries, which grow as more code is first run and then stay.
    let pid = running.pid;
    let memory = || -> Result<(u64, u64), String> {
        let status = proc_status(pid)?;
        let field = |name| status_field(&status, name).ok_or_else(|| format!("no {name}"));
        Ok((field("VmRSS")?, field("RssAnon")?))
    };
    let mut samples: Vec<(usize, u64)> = Vec::new();
    println!("# Soak: {SOAK_KEYS} keys into faq-kiosk at 80x24\n");
    println!("| keys | VmRSS (KiB) | RssAnon (KiB) |\n| ---: | ---: | ---: |");
    for (pressed, key) in (0..).zip(SOAK_ROUND.iter().cycle().take(SOAK_KEYS + 1)) {
        if pressed % SOAK_SAMPLE_EVERY == 0 {
            let (rss, anon) = memory()?;
            println!("| {pressed} | {rss} | {anon} |");
            samples.push((pressed, anon));
        }
        if pressed < SOAK_KEYS {
            running.type_keys(key)?;
            thread::sleep(SOAK_PACE);
        }
    }
    // The kiosk must still answer: back to the first screen with one key.
    running.settle("the end of the key storm", |_| true)?;
    running.type_keys(".")?;
    running.settle("the home screen after the soak", |s| {
        s.contents().contains(HOME_PROMPT)
    })?;
    let elapsed = started.elapsed();
    let peak = kib_field(running.pid, "VmHWM")?;
    let after_warm_up: Vec<u64> = samples
        .iter()
        .filter(|(keys, _)| *keys >= SOAK_WARM_UP)
        .map(|&(_, anon)| anon)
        .collect();
    let baseline = after_warm_up.first().copied().unwrap_or_default();
    let growth = after_warm_up
        .iter()
        .max()
        .map_or(0, |highest| highest.saturating_sub(baseline));
    println!(
        "\n{SOAK_KEYS} keys in {:.0} s, and the kiosk still answers; VmHWM {peak} KiB. After \
         {SOAK_WARM_UP} keys RssAnon was {baseline} KiB and rose at most {growth} KiB: {}",
        elapsed.as_secs_f64(),
        if growth <= SOAK_TOLERANCE_KIB {
            "memory stays flat"
        } else {
            "MEMORY GROWS"
        }
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The burst.

fn run_bursts(config: &Path, runs: usize) -> Result<(), String> {
    let (cols, rows) = SIZES[0];
    let path = Program::Kiosk.path().expect("the bench's own build");
    println!("# Burst: {BURST_KEYS} keys written at once into faq-kiosk at 80x24, then keypad 3\n");
    println!("| run | keypad 3 acted after (ms) |\n| ---: | ---: |");
    let mut times = Vec::new();
    for run in 1..=runs {
        let mut running = Running::start(kiosk_command(&path, config), cols, rows)?;
        let result = burst(&mut running);
        running.end();
        let time = result?;
        println!("| {run} | {:.0} |", time.as_secs_f64() * 1000.0);
        times.push(time);
    }
    times.sort();
    println!(
        "\nMedian: keypad 3 acted {:.0} ms after the {BURST_KEYS}-key burst began.",
        times[times.len() / 2].as_secs_f64() * 1000.0
    );
    Ok(())
}

/// From the start of the burst to the last byte of the frame keypad 3 draws after it.
fn burst(running: &mut Running) -> Result<Duration, String> {
    running.settle("the attract screen", |s| {
        s.contents().contains(ATTRACT_HINT)
    })?;
    running.press("5", Some(HOME_GUIDE))?;
    let started = Instant::now();
    // A key the keypad map ignores draws nothing, so the only frame after it is keypad 3's.
    running.type_keys(&"q".repeat(BURST_KEYS))?;
    running.type_keys("3")?;
    let (_, last) = running.settle("category 3 after the burst", |s| {
        !s.contents().contains(HOME_PROMPT)
    })?;
    Ok(last.saturating_duration_since(started))
}

// ---------------------------------------------------------------------------------------------
// Key to last byte.

/// The sizes the latency run measures: the smallest terminal, the shipped setup's grids on
/// full-HD screens, and a large monitor's.
const LATENCY_SIZES: [(u16, u16); 4] = [(80, 24), (120, 32), (160, 45), (240, 67)];
/// The longest a key may take from being written to the last byte of its frame.
const LATENCY_TARGET: Duration = Duration::from_millis(3);

/// The keys of the latency run, in order, with what each is called in the table: from the
/// attract screen through the menu, a category and q7's answer in normal and large text.
const LATENCY_STEPS: [(&str, &str); 9] = [
    ("attract → menu", "5"),
    ("highlight move", DOWN),
    ("menu → category 4", "4"),
    ("category → answer (q7)", "2"),
    ("answer: next page", "+"),
    ("answer → large text (*)", "*"),
    ("large text: next page", "+"),
    ("large text → normal (*)", "*"),
    ("answer → category", "0"),
];

fn run_latency(config: &Path, runs: usize) -> Result<(), String> {
    println!("# Key to last byte: faq-kiosk in a pty, median and slowest of {runs} runs\n");
    println!("{}\n", machine_line());
    let mut missed = Vec::new();
    for term in LATENCY_TERMS {
        for size in LATENCY_SIZES {
            latency_at(config, runs, term, size, &mut missed)?;
        }
    }
    if missed.is_empty() {
        println!(
            "Every key's median is within {} ms: met",
            LATENCY_TARGET.as_millis()
        );
    } else {
        println!(
            "Over {} ms: MISSED for {}",
            LATENCY_TARGET.as_millis(),
            missed.join(", ")
        );
    }
    Ok(())
}

/// The terminals the latency run says it is.
const LATENCY_TERMS: [&str; 2] = ["xterm-256color", "foot"];

/// One table of the latency run: `runs` walks at one size as one terminal; keys whose median
/// misses the target are added to `missed`.
fn latency_at(
    config: &Path,
    runs: usize,
    term: &str,
    (cols, rows): (u16, u16),
    missed: &mut Vec<String>,
) -> Result<(), String> {
    let path = Program::Kiosk.path().expect("the bench's own build");
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); LATENCY_STEPS.len()];
    let mut bytes: Vec<u64> = vec![0; LATENCY_STEPS.len()];
    for _ in 0..runs {
        let command = kiosk_command(&path, config);
        let mut running = Running::start_as(command, cols, rows, term)?;
        let result = walk(&mut running);
        running.end();
        for (index, step) in result?.into_iter().enumerate() {
            if let Some((step_bytes, time)) = step {
                times[index].push(time);
                bytes[index] = step_bytes;
            }
        }
    }
    println!("## {cols}x{rows}, TERM={term}\n");
    println!("| key | median (ms) | slowest (ms) | bytes |\n| --- | ---: | ---: | ---: |");
    for (index, (label, _)) in LATENCY_STEPS.iter().enumerate() {
        let step = &mut times[index];
        if step.is_empty() {
            println!("| {label} | — | — | — |");
            continue;
        }
        step.sort();
        let median = step[step.len() / 2];
        let slowest = step[step.len() - 1];
        println!(
            "| {label} | {:.2} | {:.2} | {} |",
            median.as_secs_f64() * 1000.0,
            slowest.as_secs_f64() * 1000.0,
            bytes[index]
        );
        if median > LATENCY_TARGET {
            missed.push(format!("{cols}x{rows} {term} {label}"));
        }
    }
    println!();
    Ok(())
}

/// What the key guide says where `+` turns to a next page.
const NEXT_PAGE: &str = "次のページ";

/// Presses the latency run's keys in turn; each key's bytes and time to its last byte, or
/// `None` for `+` on a screen with no next page.
fn walk(running: &mut Running) -> Result<Vec<Option<(u64, Duration)>>, String> {
    running.settle("the attract screen", |s| {
        s.contents().contains(ATTRACT_HINT)
    })?;
    LATENCY_STEPS
        .iter()
        .map(|&(_, key)| {
            if key == "+" && !running.program.text().contains(NEXT_PAGE) {
                return Ok(None);
            }
            running.press_timed(key, None).map(Some)
        })
        .collect()
}
