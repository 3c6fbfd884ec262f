//! End to end: files that would block or lose something, with the real binary. A FIFO as the
//! content file, an edit made readable with chmod, a full disk under the usage log, a speech
//! command that never reads, and a content file over the size limit.

mod pty;

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use nix::sys::signal::Signal;
use pty::scratch::{Scratch, arg};
use pty::{Kiosk, PATIENCE, keys};

fn shipped_content() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml")).unwrap()
}

fn make_fifo(path: &Path) {
    let name = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Runs the binary with `args` (not in a terminal); fails the test if it has not ended
/// within [`PATIENCE`], killing it.
fn run_to_the_end(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .args(args)
        .env_remove("FAQ_KIOSK_CONTENT")
        .env_remove("FAQ_KIOSK_CONFIG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("faq-kiosk {args:?} never ended");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn check_refuses_a_fifo_at_once_naming_it() {
    let scratch = Scratch::new("check-fifo");
    let fifo = scratch.path("fifo.toml");
    make_fifo(&fifo);
    let output = run_to_the_end(&["check", "--content", arg(&fifo)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains(arg(&fifo)), "{stderr}");
    assert!(stderr.contains("普通のファイルではありません"), "{stderr}");
    assert!(stderr.contains("FIFO"), "{stderr}");
}

#[test]
fn check_refuses_a_content_or_settings_file_over_the_size_limit() {
    let scratch = Scratch::new("check-large");
    let large = scratch.path("large.toml");
    let file = std::fs::File::create(&large).unwrap();
    // Sparse: 64 MiB of nothing costs no disk, and must not be read to be refused.
    file.set_len(64 << 20).unwrap();
    for option in ["--content", "--config"] {
        let output = run_to_the_end(&["check", option, arg(&large)]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{option}: {stderr}");
        assert!(stderr.contains(arg(&large)), "{option}: {stderr}");
        assert!(
            stderr.contains("ファイルが大きすぎます"),
            "{option}: {stderr}"
        );
    }
}

#[test]
fn a_content_file_swapped_for_a_fifo_leaves_the_keys_working_and_sigterm_ends_it() {
    let scratch = Scratch::new("swap-fifo");
    let content = scratch.write_settled("faq.toml", &shipped_content());
    let config = scratch.write_settled("kiosk.toml", "usage_log = \"\"\n");
    let mut kiosk = Kiosk::start(
        80,
        24,
        &["--content", arg(&content), "--config", arg(&config)],
    );
    kiosk.begin();
    std::fs::remove_file(&content).unwrap();
    make_fifo(&content);
    // The first key has the kiosk look at the files; it must not wait on the FIFO, before or
    // after the change has settled.
    kiosk.press("3");
    kiosk.wait_for("暗証番号を忘れました");
    std::thread::sleep(pty::SETTLE_AND_RETRY);
    kiosk.press("1");
    kiosk.wait_for("マイナンバーカードには、プライバシー性の高い");
    kiosk.press("0");
    kiosk.wait_for_absence("マイナンバーカードには、プライバシー性の高い");
    kiosk.signal(Signal::SIGTERM);
    assert!(kiosk.wait_for_exit(), "SIGTERM ends it with success");
    assert!(kiosk.terminal_is_cooked(), "raw mode off");
}

#[test]
fn an_edit_saved_unreadable_shows_once_chmod_makes_it_readable() {
    let scratch = Scratch::new("chmod");
    let content = scratch.write_settled("faq.toml", &shipped_content());
    let config = scratch.write_settled("kiosk.toml", "usage_log = \"\"\n");
    let mut kiosk = Kiosk::start_unprivileged(
        80,
        24,
        &["--content", arg(&content), "--config", arg(&config)],
    );
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("マイナンバーカードには、プライバシー性の高い");

    let edited = shipped_content().replace(
        "マイナンバーカードには、プライバシー性の高い",
        "【改訂】マイナンバーカードには、プライバシー性の高い",
    );
    scratch.write_settled("faq.toml", &edited);
    std::fs::set_permissions(&content, std::fs::Permissions::from_mode(0o000)).unwrap();
    kiosk.press(keys::ENTER);
    std::thread::sleep(pty::SETTLE_AND_RETRY);
    kiosk.press(keys::ENTER);
    std::thread::sleep(pty::SETTLE_AND_RETRY);
    assert!(!kiosk.text().contains("【改訂】"), "{}", kiosk.text());

    std::fs::set_permissions(&content, std::fs::Permissions::from_mode(0o644)).unwrap();
    kiosk.press(keys::ENTER);
    kiosk.wait_for("【改訂】マイナンバーカードには");
}

/// A tmpfs of 64 KiB mounted on a folder, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// Mounts it, or says loudly why it cannot: a machine that does not allow mounting fails
    /// the test unless `FAQ_KIOSK_TESTS_WITHOUT_MOUNT=1` says it is known (then `None`).
    fn mount(at: PathBuf) -> Option<Self> {
        std::fs::create_dir_all(&at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", arg(&at)])
            .output();
        match mounted {
            Ok(output) if output.status.success() => Some(Self(at)),
            other => {
                let why = match other {
                    Ok(output) => String::from_utf8_lossy(&output.stderr).into_owned(),
                    Err(err) => err.to_string(),
                };
                let message = format!(
                    "THE FULL-DISK TEST DID NOT RUN: this machine does not allow mounting a tmpfs \
                     ({}). Run the tests as root (or with CAP_SYS_ADMIN) to run it.",
                    why.trim()
                );
                if std::env::var_os("FAQ_KIOSK_TESTS_WITHOUT_MOUNT").is_some() {
                    eprintln!("{message}");
                    None
                } else {
                    panic!(
                        "{message} Set FAQ_KIOSK_TESTS_WITHOUT_MOUNT=1 to let it pass untested."
                    );
                }
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").args(["-l", arg(&self.0)]).status();
    }
}

/// Fills the rest of the disk holding `path` with a file of its own, until writing fails.
fn fill_disk(path: &Path) {
    use std::io::Write;
    let mut filler = std::fs::File::create(path).unwrap();
    let block = [b'x'; 4096];
    while filler.write(&block).is_ok_and(|written| written > 0) {}
}

#[test]
fn a_full_disk_loses_the_events_that_do_not_fit_and_no_more() {
    let scratch = Scratch::new("full-disk");
    let Some(disk) = SmallDisk::mount(scratch.path("disk")) else {
        return;
    };
    let log = disk.0.join("usage.jsonl");
    // Twenty bytes free at the end of the log's last block once the rest is filled: less than
    // any line, so the next line is written only in part.
    std::fs::write(&log, "\n".repeat(4096 - 20)).unwrap();
    fill_disk(&disk.0.join("filler"));
    let config = scratch.write_settled("kiosk.toml", &format!("usage_log = \"{}\"\n", arg(&log)));
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.wait_for("暗証番号を忘れました");

    std::fs::remove_file(disk.0.join("filler")).unwrap();
    kiosk.press("1");
    kiosk.wait_for("マイナンバーカードには、プライバシー性の高い");
    kiosk.press("0");
    kiosk.wait_for_absence("マイナンバーカードには、プライバシー性の高い");
    kiosk.signal(Signal::SIGTERM);
    assert!(kiosk.wait_for_exit());

    let (events, skipped) = faq_kiosk::usage::read_log(&log).unwrap();
    assert_eq!(
        skipped,
        0,
        "no torn line:\n{}",
        std::fs::read_to_string(&log).unwrap()
    );
    let kinds: Vec<String> = events.iter().map(|e| format!("{:?}", e.event)).collect();
    assert_eq!(events.len(), 2, "the answer opened and closed: {kinds:?}");
    assert!(kinds[0].starts_with("AnswerOpened"), "{kinds:?}");
    assert!(kinds[1].starts_with("AnswerClosed"), "{kinds:?}");
}

#[test]
fn a_speech_command_that_never_reads_leaves_the_keys_answered() {
    let scratch = Scratch::new("speech");
    // An answer of about 200 KB: three times what a pipe holds.
    let long = "マイナ保険証で受付をした場合、毎回の提示は不要です。".repeat(2600);
    let content = scratch.write_settled(
        "faq.toml",
        &shipped_content().replace(
            "マイナンバーカードには、プライバシー性の高い",
            &format!("{long}マイナンバーカードには、プライバシー性の高い"),
        ),
    );
    let config = scratch.write_settled(
        "kiosk.toml",
        "usage_log = \"\"\nspeech_command = [\"sleep\", \"600\"]\n",
    );
    let mut kiosk = Kiosk::start(
        80,
        24,
        &["--content", arg(&content), "--config", arg(&config)],
    );
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("マイナ保険証で受付をした場合、毎回の提示は不要です。");
    kiosk.press("0");
    kiosk.wait_for("暗証番号を忘れました");
    kiosk.press("2");
    kiosk.wait_for("暗証番号のロックを解除するためには");
    kiosk.signal(Signal::SIGTERM);
    assert!(kiosk.wait_for_exit(), "SIGTERM ends it with success");
}
