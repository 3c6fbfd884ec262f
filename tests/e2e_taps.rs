//! End to end: taps and clicks, sent through the pseudo-terminal as a terminal reports them
//! (SGR mouse reports), open items, turn pages and do what the key guide's items say.

mod pty;

use pty::scratch::{Scratch, arg};
use pty::{Kiosk, keys};
use vt100::{MouseProtocolEncoding, MouseProtocolMode};

/// Where `text` starts on screen, as (column, row) from 0, wide characters counted two.
fn place_of(kiosk: &Kiosk, text: &str) -> (u16, u16) {
    let screen = kiosk.text();
    for (row, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(text) {
            let column = line[..at]
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum();
            return (column, row as u16);
        }
    }
    panic!("{text:?} is not on screen:\n{screen}");
}

/// A press and release of the first button at (`column`, `row`) from 0, in SGR form.
fn tap_at(kiosk: &mut Kiosk, (column, row): (u16, u16)) {
    let (x, y) = (column + 1, row + 1);
    kiosk.send_bytes(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

/// Taps the middle of `text` on screen.
fn tap(kiosk: &mut Kiosk, text: &str) {
    let (column, row) = place_of(kiosk, text);
    tap_at(kiosk, (column + 1, row));
}

#[test]
fn taps_open_items_turn_pages_and_do_what_the_guide_says() {
    let mut kiosk = Kiosk::start(80, 24, &["--exit-key", "F10"]);
    kiosk.wait_for("どのキーを押しても始まります");
    kiosk.with_screen(|screen| {
        assert_eq!(
            screen.mouse_protocol_mode(),
            MouseProtocolMode::PressRelease
        );
        assert_eq!(screen.mouse_protocol_encoding(), MouseProtocolEncoding::Sgr);
    });
    // Anywhere on the attract screen begins, as any key does.
    tap_at(&mut kiosk, (40, 12));
    kiosk.wait_for("知りたいことの番号のキーを押してください。");

    // The second line of an entry belongs to it too.
    tap(&mut kiosk, "カードの作り方と");
    kiosk.wait_for("質問をえらぶ");
    tap(&mut kiosk, "従来の健康保険証のままで");
    kiosk.wait_for("つづきは + キー　ページ 1/2");

    tap(&mut kiosk, "つづきは");
    kiosk.wait_for("ページ 2/2");
    tap(&mut kiosk, "大きな文字");
    kiosk.wait_for("ふつうの文字");
    tap(&mut kiosk, "ふつうの文字");
    kiosk.wait_for("大きな文字");

    tap(&mut kiosk, "もどる");
    kiosk.wait_for("質問をえらぶ");
    // Releases, drags, motion and the wheel do nothing.
    let (column, row) = place_of(&kiosk, "もどる");
    let (x, y) = (column + 2, row + 1);
    for report in ["0;{x};{y}m", "32;{x};{y}M", "35;{x};{y}M", "64;{x};{y}M"] {
        let report = report
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string());
        kiosk.send_bytes(format!("\x1b[<{report}").as_bytes());
    }
    tap(&mut kiosk, "はじめの画面");
    kiosk.wait_for("知りたいことの番号のキーを押してください。");
    assert!(!kiosk.text().contains("質問をえらぶ"));

    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit(), "the exit key ends the kiosk");
    kiosk.with_screen(|screen| {
        assert_eq!(
            screen.mouse_protocol_mode(),
            MouseProtocolMode::None,
            "the terminal no longer reports the mouse"
        );
    });
}

#[test]
fn with_the_mouse_off_the_terminal_is_not_asked_and_taps_do_nothing() {
    let scratch = Scratch::new("taps-off");
    let config = scratch.write_settled("kiosk.toml", "mouse = false\n");
    let mut kiosk = Kiosk::start(80, 24, &["--exit-key", "F10", "--config", arg(&config)]);
    kiosk.begin();
    kiosk.with_screen(|screen| {
        assert_eq!(screen.mouse_protocol_mode(), MouseProtocolMode::None);
    });
    tap(&mut kiosk, "カードの作り方と");
    // A key after the tap shows the tap was read and left alone, not merely slow.
    kiosk.press("2");
    kiosk.wait_for("メリット");
    kiosk.wait_for("質問をえらぶ");
    kiosk.press("0");
    kiosk.wait_for("知りたいことの番号のキーを押してください。");
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}
