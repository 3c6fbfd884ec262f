//! End to end: the real binary in a pseudo-terminal, driven by keypad keys, read cell by cell.

mod pty;

use pty::{Kiosk, keys};

/// Reads row `row` from column `col` as the terminal shows it, wide characters counted once.
fn cells(kiosk: &Kiosk, row: u16, col: u16, count: u16) -> String {
    kiosk.with_screen(|screen| {
        let mut text = String::new();
        let mut c = col;
        while c < col + count {
            let cell = screen.cell(row, c).expect("cell on screen");
            text.push_str(cell.contents());
            c += if cell.is_wide() { 2 } else { 1 };
        }
        text
    })
}

/// The terminal columns `text` takes (wide characters count two).
fn columns(text: &str) -> u16 {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn row_of(kiosk: &Kiosk, text: &str) -> u16 {
    let screen = kiosk.text();
    let row = screen
        .lines()
        .position(|line| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"));
    row as u16
}

#[test]
fn a_visitor_reads_an_answer_with_the_keypad_and_the_terminal_is_restored() {
    let mut kiosk = Kiosk::start(80, 24, &["--exit-key", "F10"]);
    kiosk.begin();
    kiosk.wait_for("知りたいことの番号のキーを押してください。");
    assert_eq!(cells(&kiosk, 0, 1, 25), "マイナ保険証 よくある質問");

    kiosk.press("3");
    kiosk.wait_for("安全・困ったとき");
    kiosk.press("1");
    // The question is also an entry of the category's list: wait for the answer itself.
    kiosk.wait_for("プライバシー性の高い個人情報");
    // The question heads the body at column 2, every character in its own wide cell.
    assert_eq!(cells(&kiosk, 2, 2, 32), "マイナンバーカードって安全なの？");
    kiosk.with_screen(|screen| {
        assert!(screen.cell(2, 2).unwrap().is_wide());
        assert!(screen.cell(2, 3).unwrap().is_wide_continuation());
    });
    // The phone number is drawn whole on one row, one narrow cell per character.
    let phone_row = row_of(&kiosk, "0120-95-0178");
    let line = kiosk
        .text()
        .lines()
        .nth(phone_row as usize)
        .unwrap()
        .to_string();
    let column = columns(&line[..line.find("0120").unwrap()]);
    assert_eq!(cells(&kiosk, phone_row, column, 12), "0120-95-0178");

    // Keys a visitor might mash do not leave the kiosk.
    kiosk.press("\x03\x1a\x1cq\x1b");
    // An Esc followed at once by a sequence is Esc and then that sequence's key.
    kiosk.press(keys::INSERT);
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    assert!(kiosk.is_running());

    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit(), "exits with success");
    kiosk.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "the alternate screen is left");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
    });
    assert!(kiosk.terminal_is_cooked(), "raw mode is switched off");
}

#[test]
fn numlock_off_keys_do_what_the_printed_digit_does() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press(keys::DOWN); // keypad 2
    kiosk.wait_for("マイナ保険証を使うと、何が良くなるのか");
    kiosk.press(keys::END); // keypad 1
    kiosk.wait_for("医療情報（診療/薬剤・特定健診情報）に基づいた");
    kiosk.press(keys::DELETE); // keypad .
    kiosk.wait_for("知りたいことの番号");
    kiosk.press(keys::ENTER);
    kiosk.wait_for("受付での提示や、看護師等の手助けについて");
}

#[test]
fn every_answer_can_be_read_from_the_all_questions_list() {
    let mut kiosk = Kiosk::start(100, 30, &[]);
    kiosk.begin();
    kiosk.press("5");
    kiosk.wait_for("質問を順番にすべて見る");
    let openings = [
        "マイナ保険証で受付をした場合、毎回の提示は不要です。",
        "医療情報（診療/薬剤・特定健診情報）に基づいた",
        "マイナンバーカードには、プライバシー性の高い個人情報は",
        "スマートフォン・パソコンからの申請以外にも",
        "「電子証明書が失効しています」と表示された場合は",
        "利用者ご本人での入力が困難な場合",
        "令和6年12月2日に従来の健康保険証の新規発行が終了したため",
        "暗証番号を忘れたり、ロックされている場合でも",
        "診療/薬剤・特定健診情報などの提供に同意いただくと",
    ];
    for (number, opening) in openings.iter().enumerate() {
        kiosk.press(&(number + 1).to_string());
        kiosk.wait_for(opening);
        kiosk.press("0");
        kiosk.wait_for("質問を順番にすべて見る");
    }
}

#[test]
fn a_resize_reflows_the_screen_and_a_tiny_one_shows_a_message() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.resize(30, 8);
    kiosk.wait_for("画面が小さすぎます");
    kiosk.resize(160, 45);
    kiosk.wait_for("令和7年5月版");
    // The edition moves to the right edge of the wider header.
    kiosk.with_screen(|screen| assert_eq!(screen.cell(0, 147).unwrap().contents(), "令"));
    assert!(kiosk.is_running());
}

#[test]
fn a_terminal_that_draws_ambiguous_characters_wide_is_detected_and_kept_in_step() {
    let wide = pty::Emulator {
        ambiguous_wide: true,
    };
    let mut kiosk = Kiosk::start_in(wide, 80, 24, &[], &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("2");
    kiosk.wait_for("暗証番号を忘れたり");
    let row = row_of(&kiosk, "暗証番号のロック") as usize;
    kiosk.with_screen(|screen| {
        let mark = screen.cell(row as u16, 2).unwrap();
        assert_eq!(mark.contents(), "※");
        // The text goes on two columns after the mark. (The cell between is left alone, since a
        // wide terminal's ※ covers it; this narrow emulator still shows the previous screen there.)
        assert_eq!(screen.cell(row as u16, 4).unwrap().contents(), "暗");
    });
    // The note's next line hangs two columns in, after the two-column mark.
    let next = kiosk.text().lines().nth(row + 1).unwrap().to_string();
    assert!(next.starts_with("    用電子証明書"), "{next:?}");
}

#[test]
fn a_terminal_that_draws_them_narrow_gets_one_column_each() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("2");
    kiosk.wait_for("暗証番号を忘れたり");
    let row = row_of(&kiosk, "※暗証番号のロック") as usize;
    let line = kiosk.text().lines().nth(row).unwrap().to_string();
    assert!(line.starts_with("  ※暗証番号のロック"), "{line:?}");
    let next = kiosk.text().lines().nth(row + 1).unwrap().to_string();
    assert!(next.starts_with("   "), "{next:?}");
    assert!(!next.starts_with("    "), "{next:?}");
}
