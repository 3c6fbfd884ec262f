//! End to end: opening hours. The kiosk's clock is started just before a closing or an
//! opening (`FAQ_KIOSK_NOW`), and the real binary is watched in a pseudo-terminal going dark,
//! waking for a key, and opening again.

mod pty;

use std::path::PathBuf;

use pty::Kiosk;

/// Weekdays 9:00 to 17:30, with a 3-second idle timeout so that a woken screen soon goes
/// dark again.
const OFFICE_HOURS: &str = "idle_timeout_secs = 3\n[hours]\nmon = \"09:00-17:30\"\ntue = \"09:00-17:30\"\nwed = \"09:00-17:30\"\nthu = \"09:00-17:30\"\nfri = \"09:00-17:30\"\n";

/// The settings file of one test, in a folder of its own.
fn settings(name: &str, text: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("faq-kiosk-e2e-hours-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("kiosk.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Whether every cell of the screen has a black background: the dark screen. (The second
/// half of a wide character has no colours of its own.)
fn all_dark(kiosk: &Kiosk) -> bool {
    kiosk.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (0..rows.get()).all(|row| {
            (0..cols.get()).all(|col| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.is_wide_continuation() || cell.bgcolor() == vt100::Color::Idx(0)
                })
            })
        })
    })
}

#[test]
fn at_closing_the_screen_goes_dark_and_a_key_wakes_it_for_the_idle_timeout() {
    let config = settings("closing", OFFICE_HOURS);
    // Monday 30 November 2026, three seconds before closing.
    let mut kiosk = Kiosk::start_with_env(
        80,
        24,
        &["--config", config.to_str().unwrap()],
        &[("FAQ_KIOSK_NOW", "2026-11-30T17:29:57")],
    );
    kiosk.wait_for("どのキーを押しても始まります");
    kiosk.wait_for("本日の受付は終了しました");
    kiosk.wait_for("次の受付は 12月1日（火）9:00 からです");
    assert!(!kiosk.text().contains("どのキーを押しても始まります"));
    assert!(all_dark(&kiosk), "dark everywhere:\n{}", kiosk.text());
    kiosk.press("5");
    kiosk.wait_for("どのキーを押しても始まります");
    assert!(
        !kiosk.text().contains("えらぶ"),
        "the key only woke the screen"
    );
    kiosk.wait_for("本日の受付は終了しました");
    assert!(all_dark(&kiosk));
}

#[test]
fn before_opening_the_screen_says_when_and_then_opens() {
    let config = settings("opening", OFFICE_HOURS);
    let mut kiosk = Kiosk::start_with_env(
        80,
        24,
        &["--config", config.to_str().unwrap()],
        &[("FAQ_KIOSK_NOW", "2026-12-01T08:59:56")],
    );
    kiosk.wait_for("ただいま受付時間外です");
    kiosk.wait_for("受付は 9:00 からです");
    kiosk.wait_for("どのキーを押しても始まります");
    assert!(!all_dark(&kiosk));
    kiosk.begin();
}

#[test]
fn the_staffs_own_text_is_shown_after_hours() {
    let config = settings(
        "text",
        &format!("{OFFICE_HOURS}closed_message = \"受付は窓口へどうぞ\"\n"),
    );
    let kiosk = Kiosk::start_with_env(
        80,
        24,
        &["--config", config.to_str().unwrap()],
        &[("FAQ_KIOSK_NOW", "2026-12-05T10:00")],
    );
    kiosk.wait_for("受付は窓口へどうぞ");
    kiosk.wait_for("次の受付は 12月7日（月）9:00 からです");
}
