//! End to end: what the kiosk offers older visitors, in a real pseudo-terminal. Large text,
//! colour themes, a QR code that a phone can scan from the screen, and speech.

mod pty;

use std::time::Duration;

use pty::{Kiosk, keys};

/// The screen's cells from (`row`, `col`), `width` x `height`, as dark/light pixels: each cell
/// of half blocks is two pixels tall, as the terminal draws it.
fn half_block_pixels(kiosk: &Kiosk, row: u16, col: u16, width: u16, height: u16) -> Vec<Vec<bool>> {
    kiosk.with_screen(|screen| {
        let mut pixels = vec![vec![false; usize::from(width)]; usize::from(height) * 2];
        for y in 0..height {
            for x in 0..width {
                let cell = screen.cell(row + y, col + x).unwrap();
                // The glyph's part in the foreground colour, the rest in the background colour,
                // swapped in reverse video: dark is the code's black.
                let (mut fg, mut bg) = (cell.fgcolor(), cell.bgcolor());
                if cell.inverse() {
                    (fg, bg) = (bg, fg);
                }
                let (top, bottom) = match cell.contents() {
                    "█" => (fg, fg),
                    "▀" => (fg, bg),
                    "▄" => (bg, fg),
                    _ => (bg, bg),
                };
                let dark = vt100::Color::Idx(0);
                pixels[usize::from(y) * 2][usize::from(x)] = top == dark;
                pixels[usize::from(y) * 2 + 1][usize::from(x)] = bottom == dark;
            }
        }
        pixels
    })
}

#[test]
fn the_phone_number_can_be_taken_home_as_a_code_that_scans() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("電話番号をスマホへ");
    kiosk.press("1");
    kiosk.wait_for("この番号に電話をかけられます");
    // The code sits at the body's left edge, under the heading and a blank row, quiet zone
    // included: 29 modules wide, 15 cells tall.
    let pixels = half_block_pixels(&kiosk, 4, 2, 29, 15);
    let (width, height) = (pixels[0].len(), pixels.len());
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(width * 4, height * 4, |x, y| {
        pixels[y / 4][x / 4]
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code on screen:\n{}", kiosk.text());
    let (_, text) = grids[0].decode().expect("the code decodes");
    assert_eq!(text, "tel:0120950178");
    kiosk.press("0");
    kiosk.wait_for("電話番号をスマホへ");
}

#[test]
fn star_shows_the_answer_in_large_glyphs_and_plus_pages_through_it() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    kiosk.press("*");
    kiosk.wait_for("ふつうの文字");
    kiosk.wait_for("ページ 1/");
    let first = kiosk.text();
    assert!(first.contains('▀') || first.contains('▄'), "{first}");
    assert!(
        !first.contains("プライバシー性の高い個人情報"),
        "no normal-size answer text"
    );
    kiosk.press("+");
    kiosk.wait_for("ページ 2/");
    assert_ne!(kiosk.text(), first);
    kiosk.press("*");
    kiosk.wait_for("プライバシー性の高い個人情報");
}

#[test]
fn slash_switches_to_the_high_contrast_theme() {
    let mut kiosk = Kiosk::start_with_env(80, 24, &[], &[("COLORTERM", "truecolor")]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    let body = |kiosk: &Kiosk| kiosk.with_screen(|s| s.cell(4, 2).unwrap().fgcolor());
    assert_eq!(body(&kiosk), vt100::Color::Rgb(0xf5, 0xf5, 0xf5));
    kiosk.press("/");
    let start = std::time::Instant::now();
    while body(&kiosk) != vt100::Color::Rgb(0xff, 0xff, 0x00) {
        assert!(start.elapsed() < pty::PATIENCE, "the theme never changed");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_256_colour_terminal_without_colorterm_gets_the_nearest_of_256_and_no_bold() {
    // The harness sets TERM=xterm-256color, whose terminfo entry (ncurses-base) says 256
    // colours and nothing of direct colour.
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    kiosk.with_screen(|screen| {
        let body = screen.cell(4, 2).unwrap();
        assert_eq!(body.fgcolor(), vt100::Color::Idx(255));
        assert_eq!(body.bgcolor(), vt100::Color::Idx(233));
        let footer_key = screen.cell(23, 2).unwrap();
        assert_eq!(footer_key.bgcolor(), vt100::Color::Idx(221));
        assert!(!footer_key.bold(), "bold draws black grey in xterm");
    });
}

#[test]
fn no_color_draws_without_colours_and_highlights_in_reverse_video() {
    let mut kiosk = Kiosk::start_with_env(80, 24, &[], &[("NO_COLOR", "1")]);
    kiosk.begin();
    kiosk.wait_for("知りたいことの番号");
    kiosk.with_screen(|screen| {
        let header = screen.cell(0, 1).unwrap();
        assert!(header.inverse(), "bars in reverse video");
        assert_eq!(header.fgcolor(), vt100::Color::Default);
        let text = screen.cell(6, 6).unwrap();
        assert_eq!(text.bgcolor(), vt100::Color::Default);
    });
}

#[test]
fn an_answer_is_read_aloud_and_enter_reads_it_again() {
    let folder = std::env::temp_dir().join(format!("faq-kiosk-e2e-speech-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let config = folder.join("kiosk.toml");
    let said = folder.join("said");
    // The fake speech command appends what it is given to a file, one reading per line block.
    std::fs::write(
        &config,
        format!(
            "speech_command = [\"sh\", \"-c\", \"cat >> '{}'; echo --- >> '{}'\"]\n",
            said.display(),
            said.display()
        ),
    )
    .unwrap();
    let mut kiosk = Kiosk::start(80, 24, &["--config", config.to_str().unwrap()]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("プライバシー性の高い個人情報");
    // The readings of this answer, once there are `n` of them (the attract screen's
    // announcement, cut short by the first key, may come before them).
    let readings = |n: usize| {
        let start = std::time::Instant::now();
        loop {
            let text = std::fs::read_to_string(&said).unwrap_or_default();
            let answers: Vec<String> = text
                .split("---\n")
                .filter(|block| block.starts_with("マイナンバーカードって安全なの？\n"))
                .map(str::to_string)
                .collect();
            if answers.len() >= n {
                return answers;
            }
            assert!(
                start.elapsed() < pty::PATIENCE,
                "{n} readings never came: {text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let first = readings(1).remove(0);
    assert!(
        first.starts_with("マイナンバーカードって安全なの？\nマイナンバーカードには、"),
        "{first}"
    );
    assert!(
        first.contains("ぜろいちにぜろ、きゅうご、ぜろいちななはち"),
        "the number digit by digit: {first}"
    );
    assert!(!first.contains("0120"), "{first}");
    kiosk.press(keys::ENTER);
    assert_eq!(readings(2)[1], first, "Enter reads it again");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_double_press_turns_one_page_not_two() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("4");
    kiosk.press("2");
    kiosk.wait_for("令和6年12月2日に従来の健康保険証");
    kiosk.press("*");
    kiosk.wait_for("ページ 1/");
    // Both presses arrive within a few milliseconds, as from a shaking hand.
    kiosk.press("++");
    kiosk.wait_for("ページ 2/");
    std::thread::sleep(pty::REPEAT_PAUSE);
    assert!(kiosk.text().contains("ページ 2/"), "{}", kiosk.text());
}

#[test]
fn a_passed_deadline_is_told_to_visitors_below_the_answer() {
    let notice = "この回答にある期限（令和7年12月1日）は過ぎています";
    let mut kiosk = Kiosk::start_with_env(120, 40, &[], &[("FAQ_KIOSK_TODAY", "2025-12-02")]);
    kiosk.begin();
    kiosk.press("4");
    kiosk.press("2");
    kiosk.wait_for(notice);
    // The leaflet's own words stay as they are, above the notice.
    let text = kiosk.text();
    let leaflet = text
        .find("1年間(令和7年12月1日まで)")
        .expect("the leaflet's words");
    assert!(leaflet < text.find(notice).unwrap(), "{text}");

    let mut earlier = Kiosk::start_with_env(120, 40, &[], &[("FAQ_KIOSK_TODAY", "2025-12-01")]);
    earlier.begin();
    earlier.press("4");
    earlier.press("2");
    earlier.wait_for("転職・転居");
    assert!(
        !earlier.text().contains("過ぎています"),
        "{}",
        earlier.text()
    );
}
