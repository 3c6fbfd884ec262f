//! End to end: nothing but the screen reaches the terminal. A broken live edit, a usage log
//! that cannot be written, a speech command that fails and complains, a stray write to stderr:
//! each leaves the screen exactly as `faq-kiosk render` draws it, and its message arrives in
//! the kiosk's log file instead. The real binary in a pseudo-terminal each time.

mod pty;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use pty::scratch::{Scratch, arg};
use pty::{Kiosk, PATIENCE};

/// What this file's tests add to their folder: the kiosk's state folder inside it.
impl Scratch {
    /// The state folder the kiosk is given (`XDG_STATE_HOME`).
    fn state_home(&self) -> PathBuf {
        self.path("state")
    }

    /// The kiosk's log file under that folder.
    fn kiosk_log(&self) -> PathBuf {
        self.state_home().join("faq-kiosk/kiosk.log")
    }

    /// Starts the kiosk at 80x24 with `args`, its state in this folder, and `env`.
    fn start(&self, args: &[&str], env: &[(&str, &str)]) -> Kiosk {
        let state = self.state_home();
        let mut env = env.to_vec();
        env.push(("XDG_STATE_HOME", state.to_str().unwrap()));
        Kiosk::start_with_env(80, 24, args, &env)
    }

    /// Waits until the kiosk's log file holds every one of `texts`, and returns it.
    fn wait_for_log(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let log = std::fs::read_to_string(self.kiosk_log()).unwrap_or_default();
            if texts.iter().all(|text| log.contains(text)) {
                return log;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the log never held all of {texts:?}; it holds:\n{log}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

fn shipped_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml")
}

/// What `faq-kiosk render --size 80x24 ARGS` prints, with the shipped content.
fn rendered(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .args([
            "render",
            "--size",
            "80x24",
            "--content",
            arg(&shipped_content()),
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The terminal's screen in `render`'s form: each row without its trailing blanks.
fn screen(kiosk: &Kiosk) -> String {
    kiosk.with_screen(|screen| {
        let cols = screen.size().1.get();
        screen
            .rows(0, cols)
            .map(|row| format!("{}\n", row.trim_end()))
            .collect()
    })
}

/// Checks that the screen is, byte for byte, what `render` draws with `args`, once the screen
/// shows `text` (which `render` draws too) and has stopped changing.
fn assert_screen_is_rendered(kiosk: &Kiosk, args: &[&str], text: &str) {
    let expected = rendered(args);
    assert!(expected.contains(text), "render drew {text:?}:\n{expected}");
    kiosk.wait_for(text);
    let shown = screen(kiosk);
    assert!(
        shown == expected,
        "the screen differs from render's.\nshown:\n{shown}\nexpected:\n{expected}"
    );
}

/// The answer `open_answer` opens, as `render` reaches it.
const ANSWER: [&str; 2] = ["--keys", "3 1"];

/// A line of that answer.
const ANSWER_TEXT: &str = "プライバシー性の高い個人情報";

/// Begins a visit and opens the answer `render --keys "3 1"` shows.
fn open_answer(kiosk: &mut Kiosk) {
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for(ANSWER_TEXT);
}

#[test]
fn a_broken_live_edit_is_logged_and_leaves_the_screen_as_render_draws_it() {
    let scratch = Scratch::new("broken-edit");
    let text = std::fs::read_to_string(shipped_content()).unwrap();
    let content = scratch.write_settled("faq.toml", &text);
    let mut kiosk = scratch.start(&["--content", arg(&content)], &[]);
    open_answer(&mut kiosk);

    scratch.write_settled("faq.toml", "[meta\ntitle = \"壊れた\"\n");
    // `/` changes only the colours, not the text: it wakes the kiosk to look at its files,
    // then again once the broken file has been given its second chance. (A key that does
    // nothing here would show the hint of which keys work, which `render` does not draw.)
    kiosk.press("/");
    thread::sleep(pty::SETTLE_AND_RETRY);
    kiosk.press("/");
    let log = scratch.wait_for_log(&["warning: ", "faq.toml:1:"]);
    assert!(log.contains(arg(&content)), "names the file:\n{log}");
    assert!(kiosk.is_running());
    assert_screen_is_rendered(&kiosk, &ANSWER, ANSWER_TEXT);
}

#[test]
fn an_unwritable_usage_log_is_logged_and_leaves_the_screen_as_render_draws_it() {
    let scratch = Scratch::new("usage-log");
    // A folder that cannot be made, as a plain file stands in its place; root can write
    // anywhere, so permissions alone would not stop it.
    scratch.write_settled("blocker", "not a folder\n");
    let usage_log = scratch.path("blocker/usage.jsonl");
    let config = scratch.write_settled(
        "kiosk.toml",
        &format!("usage_log = \"{}\"\n", usage_log.display()),
    );
    let mut kiosk = scratch.start(&["--config", arg(&config)], &[]);
    open_answer(&mut kiosk);
    scratch.wait_for_log(&["usage log '", "blocker/usage.jsonl"]);
    assert_screen_is_rendered(&kiosk, &ANSWER, ANSWER_TEXT);
}

#[test]
fn a_failing_speech_command_and_its_complaints_are_logged_and_leave_the_screen_as_render_draws_it()
{
    let scratch = Scratch::new("speech");
    let config = scratch.write_settled(
        "kiosk.toml",
        "speech_command = [\"sh\", \"-c\", \"cat >/dev/null; echo 'speech: no voice' >&2; \
         printf '\\\\033[2Jcleared' >&2; exit 3\"]\n",
    );
    let mut kiosk = scratch.start(&["--config", arg(&config)], &[]);
    open_answer(&mut kiosk);
    scratch.wait_for_log(&["stderr: speech: no voice", "stderr: \\u{1b}[2Jcleared"]);
    assert_screen_is_rendered(&kiosk, &ANSWER, ANSWER_TEXT);
}

#[test]
fn a_speech_command_that_cannot_run_is_logged_and_leaves_the_screen_as_render_draws_it() {
    let scratch = Scratch::new("no-speech");
    let config = scratch.write_settled("kiosk.toml", "speech_command = [\"/nonexistent/speak\"]\n");
    let mut kiosk = scratch.start(&["--config", arg(&config)], &[]);
    open_answer(&mut kiosk);
    scratch.wait_for_log(&["speech command '/nonexistent/speak' cannot be run"]);
    assert_screen_is_rendered(&kiosk, &ANSWER, ANSWER_TEXT);
}

#[test]
fn stray_writes_to_stderr_are_logged_and_stderr_is_given_back_when_the_kiosk_ends() {
    let scratch = Scratch::new("stray");
    // Without a backtrace, so that the whole report fits on the screen.
    // `/` changes only the colours, so the text stays as `render` draws it.
    let env = [
        ("FAQ_KIOSK_TEST_STDERR_ON_KEY", "/"),
        ("FAQ_KIOSK_TEST_PANIC_ON_KEY", "9"),
        ("RUST_BACKTRACE", "0"),
    ];
    let mut kiosk = scratch.start(&[], &env);
    open_answer(&mut kiosk);
    kiosk.press("/");
    scratch.wait_for_log(&[
        "stderr: FAQ_KIOSK_TEST_STDERR_ON_KEY: eprintln for key '/'",
        "stderr: \\u{1b}[2JFAQ_KIOSK_TEST_STDERR_ON_KEY: raw write to descriptor 2",
    ]);
    assert_screen_is_rendered(&kiosk, &ANSWER, ANSWER_TEXT);

    kiosk.press("9");
    let status = kiosk.wait_for_exit_status();
    assert_eq!(status.exit_code(), 101, "Rust's exit code for a panic");
    let log = scratch.wait_for_log(&["error: ", "FAQ_KIOSK_TEST_PANIC_ON_KEY: key '9' pressed"]);
    // The panic's report is on the terminal too: stderr is the terminal's again.
    let text = kiosk.text();
    assert!(
        text.contains("FAQ_KIOSK_TEST_PANIC_ON_KEY: key '9' pressed"),
        "the panic's report reaches the restored stderr:\n{text}\nlog:\n{log}"
    );
    assert!(
        !text.contains("FAQ_KIOSK_TEST_STDERR_ON_KEY"),
        "what was written during the run stays in the log:\n{text}"
    );
}

#[test]
fn the_idle_reset_repaints_a_screen_that_something_else_wrote_over() {
    let scratch = Scratch::new("repaint");
    let config = scratch.write_settled(
        "kiosk.toml",
        "idle_timeout_secs = 1\nidle_warning_secs = 20\n",
    );
    let mut kiosk = scratch.start(&["--config", arg(&config)], &[]);
    open_answer(&mut kiosk);
    // Another program writes over every cell of the visitor's screen, past the renderer.
    let tty = std::fs::read_link(format!("/proc/{}/fd/1", kiosk.pid())).unwrap();
    let mut terminal = std::fs::OpenOptions::new().write(true).open(tty).unwrap();
    write!(terminal, "\x1b[H{}", "#".repeat(80 * 24)).unwrap();
    kiosk.wait_for("まもなく最初の画面にもどります");
    assert_screen_is_rendered(&kiosk, &["--attract"], "どのキーを押しても始まります");
}
