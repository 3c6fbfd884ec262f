//! End to end: the large menu and large text as the shipped setup shows them, in a terminal
//! that says it is foot (which draws the sextant characters itself), at the smallest size the
//! kiosk is laid out for.

mod pty;

use pty::Kiosk;

/// Whether `text` holds a sextant character (U+1FB00–U+1FB3B).
fn has_sextants(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{1FB00}'..='\u{1FB3B}').contains(&c))
}

#[test]
fn in_foot_at_80x24_the_menu_is_large_and_q7_reads_in_at_most_13_pages() {
    let mut kiosk = Kiosk::start_with_env(80, 24, &[], &[("TERM", "foot")]);
    kiosk.begin();
    let menu = kiosk.text();
    assert!(has_sextants(&menu), "{menu}");
    assert!(
        !menu.contains("安全・困ったとき"),
        "no category title in normal text: {menu}"
    );
    kiosk.press("4");
    kiosk.press("2");
    kiosk.wait_for("令和6年12月2日に従来の健康保険証");
    kiosk.press("*");
    kiosk.wait_for("ページ 1/");
    let large = kiosk.text();
    assert!(has_sextants(&large), "{large}");
    let pages: usize = large
        .split("ページ 1/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|count| count.parse().ok())
        .expect("a page count");
    assert!(pages <= 13, "{pages} pages");
}

#[test]
fn in_xterm_at_80x24_the_menu_stays_in_normal_text() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    let menu = kiosk.text();
    assert!(!has_sextants(&menu), "{menu}");
    assert!(menu.contains("安全・困ったとき"), "{menu}");
}
