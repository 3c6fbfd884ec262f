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
fn keypad_keys_in_the_kitty_keyboard_protocol_do_what_their_label_says() {
    let mut kiosk = Kiosk::start(80, 24, &["--exit-key", "F10"]);
    kiosk.wait_for("どのキーを押しても始まります");
    assert_eq!(
        kiosk.keyboard_modes_pushed(),
        1,
        "disambiguation is asked for"
    );
    // What foot sends once asked: keypad 5 with NumLock off is a code of its own.
    kiosk.press("\x1b[57427u");
    kiosk.wait_for("えらぶ");
    kiosk.press("\x1b[57427u");
    kiosk.wait_for("暗証番号を忘れました");
    // Keypad 0 with NumLock off (Insert), then keypad 2 with NumLock off (Down), pressed and
    // released: the release does nothing.
    kiosk.press("\x1b[57425u");
    kiosk.wait_for_absence("暗証番号を忘れました");
    kiosk.press("\x1b[57420u\x1b[57420;1:3u");
    kiosk.wait_for("提供に同意するとどうなるの");
    kiosk.press("\x1b[57425u");
    kiosk.wait_for_absence("提供に同意するとどうなるの");
    // Keypad Enter opens the highlighted entry: the category just left.
    kiosk.press("\x1b[57414u");
    kiosk.wait_for("提供に同意するとどうなるの");
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit(), "exits with success");
    assert_eq!(
        kiosk.keyboard_modes_pushed(),
        0,
        "the keyboard mode is popped"
    );
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
    // Broken between phrases, never inside one.
    kiosk.wait_for("ウィンドウを大きく");
    kiosk.resize(160, 45);
    kiosk.wait_for("令和7年5月版");
    // The edition moves to the right edge of the wider header.
    kiosk.with_screen(|screen| assert_eq!(screen.cell(0, 147).unwrap().contents(), "令"));
    assert!(kiosk.is_running());
}

#[test]
fn a_resize_keeps_the_line_the_reader_had_reached_on_screen() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("4");
    kiosk.press("2");
    kiosk.wait_for("ページ 1/2");
    kiosk.press("+");
    kiosk.wait_for("ページ 2/2");
    let first_line = kiosk.text().lines().nth(4).unwrap().trim().to_string();
    // ※ is followed by the blank cell its glyph takes.
    assert!(
        first_line.starts_with("※ 有効期限が令和7年"),
        "{first_line}"
    );
    // Narrower, the answer takes more pages: the reader is on a later one, not on page 2.
    kiosk.resize(40, 12);
    kiosk.wait_for("有効期限が令和7年");
    let page_line = kiosk.text();
    assert!(!page_line.contains("ページ 2/"), "{page_line}");
    kiosk.resize(120, 32);
    kiosk.wait_for("有効期限が令和7年");
}

#[test]
fn a_key_that_does_nothing_says_which_keys_work_until_the_next_key() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    // The menu has five entries.
    kiosk.press("7");
    kiosk.wait_for("そのキーは、ここでは使えません");
    kiosk.wait_for("使えるキー：1～5 えらぶ");
    kiosk.press("1");
    kiosk.wait_for_absence("そのキーは、ここでは使えません");
    kiosk.wait_for("受付での提示");
    kiosk.press("q");
    kiosk.wait_for("そのキーは、ここでは使えません");
    kiosk.wait_for("0 もどる");
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
fn a_terminal_that_moves_one_column_for_them_gets_a_blank_cell_after_a_cjk_glyph() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("2");
    kiosk.wait_for("暗証番号を忘れたり");
    let row = row_of(&kiosk, "※ 暗証番号のロック") as usize;
    let line = kiosk.text().lines().nth(row).unwrap().to_string();
    // The cursor moves one column for ※, but its glyph (from the CJK font) takes two: the cell
    // after it is blank, and the note's next line hangs two columns in.
    assert!(line.starts_with("  ※ 暗証番号のロック"), "{line:?}");
    let next = kiosk.text().lines().nth(row + 1).unwrap().to_string();
    assert!(next.starts_with("    "), "{next:?}");
    assert!(!next.starts_with("     "), "{next:?}");
}
