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

/// A folder of its own for one case of a table test, removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("faq-kiosk-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every key of a keypad, set to do nothing.
fn every_key_off() -> String {
    let keys = "0 1 2 3 4 5 6 7 8 9 . + - * / Enter Backspace Home Up PgUp Left Begin Right End \
                Down PgDn Insert Delete";
    keys.split(' ')
        .map(|key| format!("\"{key}\" = \"nothing\"\n"))
        .collect()
}

/// Settings that parse but would hurt the kiosk: `check` refuses each with a message at its
/// place (`kiosk.toml:line:column`).
#[test]
fn check_refuses_settings_that_would_hurt_with_their_place() {
    let keymap = format!("theme = \"default\"\n[keypad.keys]\n{}", every_key_off());
    let cases: [(&str, &str, &str); 12] = [
        (
            "repeat_guard_ms = 300\nidle_timeout_secs = 9223372036854775807\n",
            "2:1",
            "idle_timeout_secs は 0～86400 秒の範囲にしてください（いまは 9223372036854775807）",
        ),
        (
            "idle_warning_secs = 18446744073709551615\n",
            "1:1",
            "idle_warning_secs は 20～600 秒の範囲",
        ),
        (
            "idle_warning_secs = 19\n",
            "1:1",
            "idle_warning_secs は 20 秒以上",
        ),
        (
            "\n  repeat_guard_ms = 60000\n",
            "2:3",
            "repeat_guard_ms は 0～1000 ミリ秒の範囲",
        ),
        (
            "usage_log_max_kib = 0\n",
            "1:1",
            "usage_log_max_kib は 1～1048576 KiB の範囲",
        ),
        (
            "staff_sequence = \"1\"\n",
            "1:1",
            "staff_sequence \"1\" は短すぎます",
        ),
        (
            "staff_sequence = \"* * 0\"\n",
            "1:1",
            "staff_sequence \"* * 0\" は短すぎます",
        ),
        (
            "staff_sequence = \"- - - -\"\n",
            "1:1",
            "staff_sequence \"- - - -\" は同じキーのくり返しです",
        ),
        (
            "staff_sequence = \"1 2 3 4\"\n",
            "1:1",
            "staff_sequence \"1 2 3 4\" は、どのキーも画面を開いたり戻ったりするキー",
        ),
        (
            "staff_sequence = \"* * 0 0 0 0 Enter\"\n[keypad.keys]\n\"*\" = \"home\"\n",
            "1:1",
            "staff_sequence \"* * 0 0 0 0 Enter\" は、どのキーも画面を開いたり戻ったりするキー",
        ),
        (
            &keymap,
            "2:2",
            "キーの割り当て（[keypad.keys]）に、項目を開くキーがありません",
        ),
        (
            &keymap,
            "2:2",
            "キーの割り当て（[keypad.keys]）に、前の画面（\"back\"）にも最初の画面（\"home\"）にも戻るキーがありません",
        ),
    ];
    for (index, (text, at, message)) in cases.iter().enumerate() {
        let folder = Folder::new(&format!("hurt-{index}"));
        let config = folder.write("kiosk.toml", text);
        let output = faq_kiosk(&["check", "--config", &config]);
        let errors = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}\n{errors}");
        assert!(
            errors.contains(&format!("{config}:{at}: エラー: {message}")),
            "{text}\n{errors}"
        );
    }
}

/// A usage log that would write onto the screen, block, or overwrite the kiosk's own files is
/// refused by `check` at its place, however it is named.
#[test]
fn check_refuses_a_usage_log_that_is_not_a_plain_file_of_its_own() {
    let folder = Folder::new("usage-log");
    let fifo = folder.0.join("fifo.jsonl");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let content = folder.write("faq.toml", &std::fs::read_to_string("faq.toml").unwrap());
    std::os::unix::fs::symlink(folder.0.join("kiosk.toml"), folder.0.join("alias.jsonl")).unwrap();
    for (log, message) in [
        (
            "/dev/null",
            "は端末（画面）や装置（/dev の中のファイル）です",
        ),
        ("fifo.jsonl", "は名前付きパイプ（FIFO）です"),
        (".", "はフォルダです"),
        ("faq.toml", "は、このキオスクが読むファイル「"),
        ("alias.jsonl", "は、このキオスクが読むファイル「"),
    ] {
        let config = folder.write("kiosk.toml", &format!("\nusage_log = \"{log}\"\n"));
        let output = faq_kiosk(&["check", "--config", &config, "--content", &content]);
        let errors = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{log}\n{errors}");
        assert!(
            errors.contains(&format!("{config}:2:1: エラー: usage_log \""))
                && errors.contains(message),
            "{log}\n{errors}"
        );
    }
    let config = folder.write("kiosk.toml", "usage_log = \"usage.jsonl\"\n");
    let output = faq_kiosk(&["check", "--config", &config, "--content", &content]);
    assert!(
        output.status.success(),
        "a new plain file is fine: {}",
        stderr(&output)
    );
}

/// TOML that cannot be read is explained by what is wrong, at its place.
#[test]
fn check_explains_bad_dates_escapes_and_deep_nesting_where_they_are() {
    let shipped = std::fs::read_to_string("faq.toml").unwrap();
    let meta = |line: &str| shipped.replacen("[meta]\n", &format!("[meta]\n{line}\n"), 1);
    // The line added under [meta] (lines count from 1).
    let at_meta = shipped.lines().position(|line| line == "[meta]").unwrap() + 2;
    let cases = [
        (
            meta("review_by = 2026-02-30"),
            format!("{at_meta}:13"),
            "日付が正しくありません。この月は 28 日までです。",
        ),
        (
            meta("review_by = 2026-13-01"),
            format!("{at_meta}:13"),
            "日付が正しくありません。",
        ),
        (
            meta("review_by = 2026-01-01T24:00:00"),
            format!("{at_meta}:13"),
            "日付か時刻の書き方が正しくありません",
        ),
        (
            meta("intro = \"\\uD800\""),
            format!("{at_meta}:12"),
            "\\u や \\U のあとの番号が、文字を表していません",
        ),
        (
            meta("intro = \"C:\\Users\""),
            format!("{at_meta}:14"),
            "\\u のあとには16進数を4桁",
        ),
        (
            meta("intro = \"C:\\data\""),
            format!("{at_meta}:13"),
            "\\ のあとに使えない文字があります",
        ),
        (
            format!("# a comment\n\n{}b = 1\n", "a.".repeat(100)),
            "3:1".to_string(),
            "入れ子が深すぎます",
        ),
        (
            format!("[meta]\n[{}b]\n", "a.".repeat(100)),
            "2:1".to_string(),
            "入れ子が深すぎます",
        ),
        (
            format!("\nx = {}{}\n", "[".repeat(200), "]".repeat(200)),
            "2:".to_string(),
            "入れ子が深すぎます",
        ),
    ];
    for (index, (text, at, message)) in cases.iter().enumerate() {
        let folder = Folder::new(&format!("toml-{index}"));
        let content = folder.write("faq.toml", text);
        let output = faq_kiosk(&["check", "--content", &content]);
        let errors = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{errors}");
        assert!(
            errors.contains(&format!("{content}:{at}")) && errors.contains(message),
            "case {index}: {at} {message}\n{errors}"
        );
        let first = errors.lines().next().unwrap_or_default();
        assert!(
            first.contains(message),
            "case {index}: one error, explained: {errors}"
        );
    }
}

/// `stats` does not read a refused usage log, and says why instead of blaming the setting.
#[test]
fn stats_says_why_it_will_not_read_a_refused_usage_log() {
    let folder = Folder::new("stats-refused");
    let config = folder.write("kiosk.toml", "usage_log = \"kiosk.toml\"\n");
    let output = faq_kiosk(&["stats", "--config", &config]);
    let errors = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    assert!(
        errors.contains(&format!("{config}:1:1: エラー: usage_log \"")),
        "{errors}"
    );
    assert!(!errors.contains("設定で止められています"), "{errors}");
}

#[test]
fn check_explains_opening_hours_it_cannot_keep_where_they_are() {
    let config = scratch_file(
        "hours.toml",
        "[hours]\nmon = \"9時から17時\"\ntue = \"17:30-09:00\"\nwed = \"09:00-13:00, 12:00-17:00\"\nclosed_dates = [\"2026-12-29\", \"12/30\"]\nclosed_message = \"本日の受付は終了しました。またのお越しをお待ちしております。\"\n",
    );
    let output = faq_kiosk(&["check", "--config", config.to_str().unwrap()]);
    let text = stderr(&output) + &stdout(&output);
    assert!(!output.status.success(), "{text}");
    for expected in [
        ":2:1: エラー: hours.mon の \"9時から17時\" は時間の書き方が違います。\"09:00-17:30\"",
        ":3:1: エラー: hours.tue の \"17:30-09:00\" は、終わりが始まりより前か同じです",
        ":4:1: エラー: hours.wed の時間が重なっているか",
        ":5:1: エラー: hours.closed_dates の \"12/30\" は日付として読めません",
        ":6:1: エラー: hours.closed_message は1行で、全角 20 文字",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    let good = scratch_file(
        "good-hours.toml",
        "[hours]\nmon = \"９：００～１７：３０\"\ntue = \"09:00-12:00、13:00-17:30\"\nsat = \"休み\"\nclosed_dates = [\"2026-12-29..2027-01-03\"]\n",
    );
    let output = faq_kiosk(&["check", "--config", good.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn render_previews_the_dark_screen_at_a_given_time() {
    let config = scratch_file(
        "render-hours.toml",
        "[hours]\nmon = \"09:00-17:30\"\ntue = \"09:00-12:00, 13:00-17:30\"\n",
    );
    let render = |now: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
            .args(["render", "--attract", "--config", config.to_str().unwrap()])
            .env("FAQ_KIOSK_NOW", now)
            .env_remove("FAQ_KIOSK_CONTENT")
            .env_remove("FAQ_KIOSK_CONFIG")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let evening = render("2026-11-30T18:00");
    assert!(evening.contains("本日の受付は終了しました"), "{evening}");
    assert!(
        evening.contains("次の受付は 12月1日（火）9:00 からです"),
        "{evening}"
    );
    let lunch = render("2026-12-01T12:15");
    assert!(lunch.contains("ただいま受付時間外です"), "{lunch}");
    assert!(lunch.contains("受付は 13:00 からです"), "{lunch}");
    let open = render("2026-12-01T13:00");
    assert!(open.contains("どのキーを押しても始まります"), "{open}");
}
