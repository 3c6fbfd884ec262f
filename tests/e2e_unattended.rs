//! End to end: the kiosk left alone all day. Idle reset, staff screen, live content edits,
//! signals and the usage log, with the real binary in a pseudo-terminal.

mod pty;

use std::path::Path;

use nix::sys::signal::Signal;
use pty::scratch::{Scratch, arg};
use pty::{Kiosk, keys};

fn shipped_content() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml")).unwrap()
}

#[test]
fn an_idle_kiosk_warns_keeps_the_page_on_a_key_then_resets_to_the_start() {
    let scratch = Scratch::new("idle");
    let config = scratch.write_settled(
        "kiosk.toml",
        "idle_timeout_secs = 3\nidle_warning_secs = 20\n",
    );
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    kiosk.wait_for("まもなく最初の画面にもどります");
    kiosk.wait_for("あと 2");
    kiosk.press("0");
    kiosk.wait_for_absence("まもなく最初の画面にもどります");
    assert!(
        kiosk.text().contains("プライバシー性の高い個人情報"),
        "the key keeps the page"
    );
    assert!(
        kiosk.text().contains("マイナンバーカードには"),
        "and keeps the page"
    );
    kiosk.wait_for("まもなく最初の画面にもどります");
    kiosk.wait_for("どのキーを押しても始まります");
    assert!(
        !kiosk.text().contains("マイナンバーカード"),
        "the last visitor's page is gone"
    );
}

#[test]
fn the_staff_sequence_opens_the_staff_screen_which_can_end_the_kiosk() {
    let scratch = Scratch::new("staff");
    let config = scratch.write_settled("kiosk.toml", "staff_sequence = \"* * 0 0 0 0 Enter\"\n");
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    kiosk.press("**0000");
    kiosk.press(keys::ENTER);
    kiosk.wait_for("係員用の画面");
    kiosk.wait_for("令和7年5月版");
    kiosk.press("9");
    assert!(kiosk.wait_for_exit(), "exits with success");
    assert!(kiosk.terminal_is_cooked());
}

#[test]
fn a_wrong_staff_sequence_does_not_open_it() {
    let scratch = Scratch::new("wrong-staff");
    let config = scratch.write_settled("kiosk.toml", "staff_sequence = \"* * 0 0 0 0 Enter\"\n");
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config)]);
    kiosk.begin();
    kiosk.press("**000");
    kiosk.press(keys::ENTER);
    kiosk.wait_for("受付での提示や");
    assert!(!kiosk.text().contains("係員用"));
}

#[test]
fn an_edited_content_file_shows_at_the_next_key_and_a_broken_one_changes_nothing() {
    let scratch = Scratch::new("reload");
    let content = scratch.write_settled("faq.toml", &shipped_content());
    let config = scratch.write_settled("kiosk.toml", "staff_sequence = \"* - - -\"\n");
    let mut kiosk = Kiosk::start(
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
    kiosk.press(keys::ENTER);
    kiosk.wait_for("【改訂】マイナンバーカードには");
    assert!(
        kiosk.text().contains("マイナンバーカードって安全なの？"),
        "same question"
    );

    scratch.write_settled("faq.toml", "[meta]\ntitle = \"壊れた\"\n");
    kiosk.press(keys::ENTER);
    std::thread::sleep(pty::SETTLE_AND_RETRY);
    kiosk.press(keys::ENTER);
    kiosk.wait_for("【改訂】マイナンバーカードには");
    assert!(kiosk.is_running());

    kiosk.press("*---");
    kiosk.wait_for("係員用の画面");
    kiosk.wait_for("最後の読み込みの問題");
    kiosk.wait_for("faq.toml:");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_sigint_is_ignored() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let mut kiosk = Kiosk::start(80, 24, &[]);
        kiosk.begin();
        kiosk.signal(Signal::SIGINT);
        kiosk.signal(Signal::SIGQUIT);
        kiosk.signal(Signal::SIGTSTP);
        kiosk.press("2");
        kiosk.wait_for("マイナ保険証を使うと、何が良くなるのか");
        kiosk.signal(signal);
        assert!(kiosk.wait_for_exit(), "{signal} ends it with success");
        kiosk.with_screen(|screen| {
            assert!(
                !screen.alternate_screen(),
                "{signal}: alternate screen left"
            );
            assert!(!screen.hide_cursor(), "{signal}: cursor shown");
        });
        assert!(kiosk.terminal_is_cooked(), "{signal}: raw mode off");
    }
}

#[test]
fn a_session_is_written_to_the_usage_log_and_counted_by_stats() {
    let scratch = Scratch::new("usage");
    let log = scratch.path("usage.jsonl");
    let config = scratch.write_settled(
        "kiosk.toml",
        &format!("usage_log = \"{}\"\n", log.display()),
    );
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config), "--exit-key", "F10"]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    kiosk.press("0");
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());

    let text = std::fs::read_to_string(&log).unwrap();
    let events: Vec<&str> = text
        .lines()
        .map(|line| {
            line.split("\"event\":\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(
        events,
        [
            "session_start",
            "category_opened",
            "answer_opened",
            "answer_closed"
        ]
    );

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .args(["stats", "--log", arg(&log), "--csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(
        csv.contains("question,\"q3\",\"マイナンバーカードって安全なの？\",1,"),
        "{csv}"
    );
    assert!(
        csv.contains("category,\"safety\",\"安全・困ったとき\",1,"),
        "{csv}"
    );
}
