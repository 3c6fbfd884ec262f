//! A drawn screen as plain text: one line per row, for `faq-kiosk render`, docs and tests.

use ratatui::buffer::{Buffer, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// The text of `buf`, one line per row, trailing spaces trimmed, no escape sequences.
///
/// The cell after a wide character is hidden by it on a real terminal, and so are cells marked
/// skipped, so both are left out here: the text reads as the screen does.
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
}
