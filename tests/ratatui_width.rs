//! What the engine measures is what ratatui's `Buffer::set_string` draws.
//!
//! ratatui places text grapheme cluster by grapheme cluster and advances by each cluster's cell
//! width. If our widths differed, wrapped lines would overflow their area and be clipped, or
//! leave gaps. Each sample is written into a buffer and the cells are compared one by one with
//! the positions our widths predict.
//!
//! The cursor's advance ([`cursor_width`]) is what ratatui assumes. The room on screen
//! ([`display_width`]) is the same except for ambiguous characters drawn wider by the CJK
//! fallback font (※), which the kiosk's painter follows with a blank cell.

use faq_kiosk::text::{AmbiguousWidth, cursor_width, display_width, grapheme_width, wrap_japanese};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

const SAMPLES: &[&str] = &[
    "ｶﾞ",
    "ﾊﾟﾋﾟﾌﾟ",
    "ｶﾞｲﾄﾞﾌﾞｯｸ",
    "ｶ\u{3099}",
    "が",
    "か\u{3099}",
    "e\u{301}",
    "👨‍👩‍👧",
    "🏳️‍🌈",
    "👍🏽",
    "❤️",
    "🇯🇵",
    "マイナ保険証",
    "※注：0120-95-0178",
    "０１２０－９５－０１７８",
    "a\u{200b}b",
    "(4桁の番号)",
    "……——",
    "○■→",
];

/// Writes `text` into a one-line buffer and returns the cursor column after it.
fn draw(text: &str) -> (Buffer, u16) {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 60, 1));
    let (x, _) = buffer.set_stringn(0, 0, text, usize::MAX, Style::default());
    (buffer, x)
}

#[test]
fn measured_width_is_ratatuis_advance() {
    for text in SAMPLES {
        let (_, x) = draw(text);
        assert_eq!(advance(text), usize::from(x), "{text:?}");
        let blanks = text
            .graphemes(true)
            .map(|g| {
                grapheme_width(g, AmbiguousWidth::Narrow) - cursor_width(g, AmbiguousWidth::Narrow)
            })
            .sum::<usize>();
        assert_eq!(display_width(text), advance(text) + blanks, "{text:?}");
    }
}

/// The columns ratatui's buffer moves for `text`, by our measure.
fn advance(text: &str) -> usize {
    text.graphemes(true)
        .map(|g| cursor_width(g, AmbiguousWidth::Narrow))
        .sum()
}

#[test]
fn each_cluster_lands_in_the_cell_our_widths_predict() {
    for text in SAMPLES {
        let (buffer, _) = draw(text);
        let mut column = 0;
        for grapheme in text.graphemes(true) {
            let width = cursor_width(grapheme, AmbiguousWidth::Narrow);
            if width == 0 {
                continue;
            }
            assert_eq!(
                buffer[(column, 0)].symbol(),
                grapheme,
                "{text:?} at {column}"
            );
            for hidden in column + 1..column + width as u16 {
                assert_eq!(buffer[(hidden, 0)].symbol(), " ", "{text:?} at {hidden}");
            }
            column += width as u16;
        }
    }
}

/// ｶﾞ is ｶ and ﾞ side by side in a terminal: two columns, as xterm, VTE and Windows Terminal
/// draw it. ratatui-core 0.1.2 adds one column per ﾞ to what unicode-width says; unicode-width
/// 0.2.3 already counts ﾞ as one, which makes three, so Cargo.toml holds it at 0.2.2. This test
/// fails if that pin is lifted before either crate changes.
#[test]
fn halfwidth_voiced_kana_take_two_cells_as_in_a_terminal() {
    let (buffer, x) = draw("ｶﾞｷﾞ");
    assert_eq!(x, 4);
    assert_eq!(buffer[(0, 0)].symbol(), "ｶﾞ");
    assert_eq!(buffer[(2, 0)].symbol(), "ｷﾞ");
    assert_eq!(display_width("ｶﾞｷﾞ"), 4);
}

#[test]
fn wrapped_lines_fill_exactly_the_cells_they_were_measured_for() {
    let text = "ｶﾞｲﾄﾞﾌﾞｯｸと家族👨‍👩‍👧の※注：０１２０－９５－０１７８（4桁）";
    for width in 1..=30 {
        for line in wrap_japanese(text, width) {
            let (_, x) = draw(&line);
            assert_eq!(advance(&line), usize::from(x), "{line:?}");
            assert!(display_width(&line) <= width.max(2), "{line:?} at {width}");
        }
    }
}
