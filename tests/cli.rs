//! The `check` and `render` commands, run as a member of staff would run them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn faq_kiosk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .args(args)
        .env_remove("FAQ_KIOSK_CONTENT")
        .env_remove("FAQ_KIOSK_CONFIG")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run faq-kiosk")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A file in a fresh folder of its own, removed by the test that made it.
fn scratch_file(name: &str, text: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("faq-kiosk-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_accepts_the_shipped_files() {
    let output = faq_kiosk(&[
        "check",
        "--content",
        "faq.toml",
        "--config",
        "config/kiosk.toml",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("エラーはありません"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("質問 9"));
}

#[test]
fn check_lists_every_problem_with_its_place_and_fails() {
    let shipped = std::fs::read_to_string("faq.toml").unwrap();
    let broken = shipped
        .replace(
            "questions = [\"q1\", \"q6\", \"q8\"]",
            "questions = [\"q1\", \"q6\", \"q88\"]",
        )
        .replacen("title = \"使い方\"", "title = \"\"", 1);
    let path = scratch_file("faq.toml", &broken);
    let output = faq_kiosk(&["check", "--content", path.to_str().unwrap()]);
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let path = path.display().to_string();
    assert!(errors.contains(&format!("{path}:")), "{errors}");
    assert!(errors.contains("ない質問「q88」"), "{errors}");
    assert!(errors.contains("分類の題（title）が空です"), "{errors}");
    assert!(errors.contains("エラーが 2 件見つかりました"), "{errors}");
    assert!(
        errors.contains("注意: 期限の日付"),
        "stale dates are noted too: {errors}"
    );
}

#[test]
fn check_reports_a_missing_file_by_name() {
    let output = faq_kiosk(&["check", "--config", "no/such/kiosk.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no/such/kiosk.toml: ファイルを読み込めません"));
}

#[test]
fn the_environment_selects_the_content_file() {
    let path = scratch_file("env.toml", "[meta\n");
    let output = Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .arg("check")
        .env("FAQ_KIOSK_CONTENT", &path)
        .env_remove("FAQ_KIOSK_CONFIG")
        .output()
        .unwrap();
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("TOMLの文法"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn render_prints_the_screen_the_keys_lead_to() {
    let output = faq_kiosk(&["render", "--size", "80x24", "--keys", "3 1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let screen = stdout(&output);
    let rows: Vec<&str> = screen.lines().collect();
    assert_eq!(rows.len(), 24);
    assert_eq!(rows[2], "  マイナンバーカードって安全なの？");
    assert!(
        rows.iter()
            .all(|row| !row.ends_with(' ') && !row.contains('\x1b'))
    );
    assert!(screen.contains("0120-95-0178"));
}

#[test]
fn render_takes_numlock_off_key_names() {
    let digits = stdout(&faq_kiosk(&["render", "--keys", "2 1 0"]));
    let named = stdout(&faq_kiosk(&["render", "--keys", "Down End Insert"]));
    assert_eq!(digits, named);
    assert!(digits.contains("マイナ保険証を使うと、何が良くなるのか"));
}

#[test]
fn render_rejects_an_unknown_key_and_says_which() {
    let output = faq_kiosk(&["render", "--keys", "2 Esc"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`Esc`"));
}

#[test]
fn today_previews_what_dates_do_for_check_and_render() {
    let before = faq_kiosk(&["check", "--content", "faq.toml", "--today", "2025-06-01"]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(
        !stdout(&before).contains("期限の日付"),
        "{}",
        stdout(&before)
    );
    let after = faq_kiosk(&["check", "--content", "faq.toml", "--today", "2025-12-02"]);
    assert!(
        stdout(&after).contains("期限の日付「令和7年12月1日」"),
        "{}",
        stdout(&after)
    );
    // 時点 names a point in time, which never passes.
    assert!(
        !stdout(&after).contains("令和6年12月2日"),
        "{}",
        stdout(&after)
    );

    let page = |today: &str| {
        let keys = [
            "render", "--today", today, "--size", "80x24", "--keys", "4 2 +",
        ];
        let output = faq_kiosk(&keys);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    assert!(!page("2025-12-01").contains("過ぎています"));
    let shown = page("2025-12-02");
    assert!(
        shown.contains("※ この回答にある期限（令和7年12月1日）は過ぎています。"),
        "{shown}"
    );
    let notice_off = scratch_file("kiosk.toml", "deadline_notices = false\n");
    let output = faq_kiosk(&[
        "render",
        "--config",
        notice_off.to_str().unwrap(),
        "--today",
        "2025-12-02",
        "--keys",
        "4 2 +",
    ]);
    std::fs::remove_dir_all(notice_off.parent().unwrap()).unwrap();
    assert!(
        !stdout(&output).contains("過ぎています"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn staff_notices_are_drawn_under_the_header_within_their_dates() {
    let shipped =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml"))
            .unwrap();
    let content = scratch_file(
        "faq.toml",
        &format!(
            "{shipped}\n[[notices]]\ntext = \"年末年始は窓口がお休みです。\"\nfrom = 2026-12-28\nuntil = 2027-01-03\n"
        ),
    );
    let screen = |today: &str| {
        let path = content.to_str().unwrap();
        let output = faq_kiosk(&["render", "--content", path, "--today", today, "--keys", "1"]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let during = screen("2026-12-30");
    assert_eq!(
        during.lines().nth(1).map(str::trim),
        Some("年末年始は窓口がお休みです。"),
        "{during}"
    );
    assert!(!screen("2027-01-04").contains("年末年始"));
    std::fs::remove_dir_all(content.parent().unwrap()).unwrap();
}
