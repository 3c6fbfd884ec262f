//! End to end: settings a hurried member of staff might save without running `check`, given
//! to the real binary in a pseudo-terminal at start and by live reload. The kiosk keeps
//! running past the first key and the idle countdown, and says what it refused.

mod pty;

use std::path::Path;
use std::time::Duration;

use pty::scratch::{Scratch, arg};
use pty::{Kiosk, keys};

/// The largest number TOML can hold: seconds far past anything the clock can add.
const HUGE: &str = "9223372036854775807";

/// The staff sequence the tests use.
const STAFF: &str = "staff_sequence = \"* * 0 0 0 0 Enter\"\n";

/// Opens an answer, as a visitor does, and checks that it shows.
fn open_an_answer(kiosk: &mut Kiosk) {
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
}

/// Opens the staff screen and waits for `text` on it.
fn staff_screen_shows(kiosk: &mut Kiosk, text: &str) {
    kiosk.press("**0000");
    kiosk.press(keys::ENTER);
    kiosk.wait_for("係員用の画面");
    kiosk.wait_for(text);
}

#[test]
fn a_huge_idle_timeout_at_start_is_refused_and_the_kiosk_runs_past_the_first_key() {
    let scratch = Scratch::new("timeout");
    let config = scratch.write_settled(
        "kiosk.toml",
        &format!("{STAFF}idle_timeout_secs = {HUGE}\n"),
    );
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    open_an_answer(&mut kiosk);
    kiosk.press("0");
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    assert!(kiosk.is_running());
}

#[test]
fn a_huge_countdown_at_start_is_refused_and_the_kiosk_runs_past_its_moment() {
    let scratch = Scratch::new("countdown");
    let config = scratch.write_settled(
        "kiosk.toml",
        &format!("idle_timeout_secs = 1\nidle_warning_secs = {HUGE}\n"),
    );
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    open_an_answer(&mut kiosk);
    // Past the moment the countdown would have started.
    std::thread::sleep(Duration::from_millis(2500));
    assert!(kiosk.is_running());
    kiosk.press("0");
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    assert!(kiosk.is_running());
}

#[test]
fn huge_durations_by_live_reload_are_refused_and_the_countdown_still_runs() {
    let scratch = Scratch::new("reload");
    let settings = format!("{STAFF}idle_timeout_secs = 2\nidle_warning_secs = 20\n");
    let config = scratch.write_settled("kiosk.toml", &settings);
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    scratch.write_settled(
        "kiosk.toml",
        &format!("{STAFF}idle_timeout_secs = {HUGE}\nidle_warning_secs = {HUGE}\n"),
    );
    // The next key reads the edit; the keys after it are acted on as before.
    open_an_answer(&mut kiosk);
    std::thread::sleep(pty::SETTLE_AND_RETRY);
    kiosk.press("0");
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    // The settings in force still count down, and a key keeps the page.
    kiosk.wait_for("まもなく最初の画面にもどります");
    kiosk.press("1");
    kiosk.wait_for_absence("まもなく最初の画面にもどります");
    assert!(kiosk.text().contains("安全性、暗証番号を忘れたとき"));
    assert!(
        !kiosk.text().contains("idle_timeout_secs"),
        "the problem is not written over the visitor's screen:\n{}",
        kiosk.text()
    );
    staff_screen_shows(&mut kiosk, "idle_timeout_secs は 0～86400");
    assert!(kiosk.is_running());
}

#[test]
fn a_usage_log_onto_the_kiosks_own_files_is_refused_at_start_and_on_reload() {
    let scratch = Scratch::new("usage-log");
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml")).unwrap();
    let content = scratch.write_settled("faq.toml", &shipped);
    // The settings file itself, named relative to its folder.
    let settings = format!("{STAFF}usage_log = \"kiosk.toml\"\n");
    let config = scratch.write_settled("kiosk.toml", &settings);
    // Wide enough for the message with its long temporary paths on one line.
    let mut kiosk = Kiosk::start(
        240,
        40,
        &["--config", arg(&config), "--content", arg(&content)],
    );
    kiosk.begin();
    open_an_answer(&mut kiosk);
    staff_screen_shows(&mut kiosk, "記録しない");
    kiosk.wait_for("このキオスクが読むファイル");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), settings);

    // By reload: the content file, through a symbolic link.
    std::os::unix::fs::symlink(&content, scratch.path("usage.jsonl")).unwrap();
    scratch.write_settled(
        "kiosk.toml",
        &format!("{STAFF}usage_log = \"usage.jsonl\"\n"),
    );
    // Leaving the staff screen reads the edit; a new visitor's session is an event to log.
    kiosk.press(".");
    kiosk.wait_for("どのキーを押しても始まります");
    kiosk.begin();
    staff_screen_shows(&mut kiosk, "usage.jsonl\" は、このキオスクが読むファイル");
    kiosk.wait_for("記録しない");
    assert_eq!(std::fs::read_to_string(&content).unwrap(), shipped);
    assert!(kiosk.is_running());
}
