//! A drawn screen as plain text: one line per row, for `faq-kiosk render`, docs and tests.

use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

use crate::text::{AmbiguousWidth, cursor_width, grapheme_width};

/// The text of `buf`, one line per row, trailing spaces trimmed, no escape sequences.
///
/// The cell after a wide character is hidden by it on a real terminal, and so are cells marked
/// skipped and the blank cell after a glyph wider than the cursor's advance (※ from the CJK
/// fallback font), so all three are left out here: the text reads as the screen does.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut hidden = 0;
        for x in area.left()..area.right() {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            // A skipped cell is covered by the character before it (an ambiguous character the
            // terminal draws wide).
            if cell.diff_option == CellDiffOption::Skip {
                continue;
            }
            let symbol = cell.symbol();
            line.push_str(symbol);
            hidden = symbol.width().saturating_sub(1);
            let overflow = grapheme_width(symbol, AmbiguousWidth::Narrow)
                - cursor_width(symbol, AmbiguousWidth::Narrow);
            if overflow > 0 && x + 1 < area.right() && buf[(x + 1, y)].symbol() == " " {
                hidden += overflow;
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    #[test]
    fn wide_characters_read_as_written() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(1, 0, "マイナ", ratatui::style::Style::new());
        assert_eq!(buffer_text(&buf), " マイナ\n\n");
    }

    #[test]
    fn the_blank_after_a_glyph_from_the_cjk_font_is_part_of_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "※ 暗", ratatui::style::Style::new());
        buf.set_string(0, 1, "※", ratatui::style::Style::new());
        buf.set_string(1, 1, "x", ratatui::style::Style::new());
        assert_eq!(buffer_text(&buf), "※暗\n※x\n");
    }
}
