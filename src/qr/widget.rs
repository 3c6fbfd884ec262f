//! The `QrWidget`: a QR code drawn centred in an area, in either encoding.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::code::QrCode;
use super::encoding::QrEncoding;

/// A [`QrCode`] drawn in the middle of an area, quiet zone included.
///
/// The style's foreground colour draws the dark modules and its background the light ones and
/// the quiet zone: black on white by default, the way scanners expect (many do not read a code
/// with its colours swapped). Every cell of the code is reset before it is drawn, so what lies
/// under it does not change it; cells of the area around the code are left as they were.
///
/// A code that does not fit whole in the area (clipped to the buffer) is not drawn at all: a
/// cut code cannot be scanned, and an empty area misleads a visitor less than a broken code.
/// Check [`QrCode::size`] first to choose the encoding or a larger area.
///
/// ```
/// use faq_kiosk::qr::{QrCode, QrEncoding, QrWidget};
/// use ratatui::buffer::Buffer;
/// use ratatui::layout::Rect;
/// use ratatui::style::{Color, Modifier};
/// use ratatui::widgets::Widget;
///
/// let code = QrCode::new("tel:0120950178").unwrap();
/// let mut buf = Buffer::empty(Rect::new(0, 0, 31, 17));
/// QrWidget::new(&code).encoding(QrEncoding::HalfBlock).render(buf.area, &mut buf);
/// // 29 columns and 15 rows, centred: one column and one row spare on each side.
/// assert_eq!(buf[(0, 1)].bg, Color::Reset);
/// assert_eq!(buf[(1, 1)].bg, Color::White);
/// assert_eq!(buf[(29, 15)].bg, Color::White);
/// assert_eq!(buf[(30, 15)].bg, Color::Reset);
/// // Only spaces and lower half blocks: a dark finder pattern's top row is reverse video.
/// assert!(buf.content().iter().all(|cell| [" ", "▄"].contains(&cell.symbol())));
/// assert!(buf[(5, 3)].modifier.contains(Modifier::REVERSED));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QrWidget<'a> {
    code: &'a QrCode,
    encoding: QrEncoding,
    style: Style,
}

impl<'a> QrWidget<'a> {
    /// A widget drawing `code` in [`QrEncoding::HalfBlock`], black on white.
    pub const fn new(code: &'a QrCode) -> Self {
        Self {
            code,
            encoding: QrEncoding::HalfBlock,
            style: Style::new().fg(Color::Black).bg(Color::White),
        }
    }

    /// Sets how modules become cells.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn encoding(mut self, encoding: QrEncoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets the style: the foreground colour is that of the dark modules, the background that
    /// of the light modules and the quiet zone.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub fn style<S: Into<Style>>(mut self, style: S) -> Self {
        self.style = style.into();
        self
    }

    /// The cells the code takes, as `(columns, rows)`: see [`QrCode::size`].
    pub fn size(&self) -> (u16, u16) {
        self.code.size(self.encoding)
    }
}

impl Widget for QrWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

impl QrWidget<'_> {
    /// The cell of `column` and `row` in half blocks: the code's [`QrCode::half_block`]
    /// character, drawn with as little glyph as can be.
    ///
    /// A cell whose two modules are alike is a space in their colour (reverse video for dark),
    /// and a cell of two unlike modules is `▄` with the top module's colour as the background.
    /// xterm draws block characters from the font, whose glyphs can stop a pixel short of the
    /// cell's edges: rows of `█` and `▀` then showed light lines across dark modules at some
    /// font sizes, and scanners failed. A space has no glyph, and `▄` ends at the cell's
    /// bottom, so the only edge left is the line between two unlike modules.
    fn half_block(&self, column: usize, row: usize, dark_pair: Style) -> (char, Style) {
        match self.code.half_block(column, row) {
            ' ' => (' ', self.style),
            '█' => (' ', dark_pair),
            '▄' => ('▄', self.style),
            _ => ('▄', dark_pair),
        }
    }
}

// Implemented for a reference so that a screen can keep its widget and draw it every frame.
impl Widget for &QrWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let (columns, rows) = self.size();
        if columns > area.width || rows > area.height {
            return;
        }
        let left = area.x + (area.width - columns) / 2;
        let top = area.y + (area.height - rows) / 2;
        // A dark space pair is a light one in reverse video. Toggling (rather than adding) the
        // modifier keeps that true for a style that is itself reversed, as a monochrome theme
        // may be.
        let dark_pair = if self.style.add_modifier.contains(Modifier::REVERSED) {
            self.style.remove_modifier(Modifier::REVERSED)
        } else {
            self.style.add_modifier(Modifier::REVERSED)
        };
        for row in 0..rows {
            for column in 0..columns {
                let (column, row) = (usize::from(column), usize::from(row));
                let (symbol, style) = match self.encoding {
                    QrEncoding::HalfBlock => self.half_block(column, row, dark_pair),
                    QrEncoding::SpacePairs if self.code.is_dark(column / 2, row) => {
                        (' ', dark_pair)
                    }
                    QrEncoding::SpacePairs => (' ', self.style),
                };
                let cell = &mut buf[(left + column as u16, top + row as u16)];
                cell.reset();
                cell.set_char(symbol).set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels a terminal shows for the cells of `buf`, as dark (`true`) or light.
    ///
    /// A cell is one pixel wide and two tall, about the shape of a terminal cell. The terminal
    /// paints the glyph's part of the cell in the foreground colour and the rest in the
    /// background colour, swapped in reverse video; a pixel is dark when its colour is `dark`.
    /// Every character the widget writes is one column wide in a narrow terminal, and a wide
    /// terminal is only asked to draw spaces (checked by the callers).
    fn terminal_pixels(buf: &Buffer, dark: Color) -> Vec<Vec<bool>> {
        let area = buf.area;
        let mut pixels = vec![vec![false; usize::from(area.width)]; 2 * usize::from(area.height)];
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &buf[(x, y)];
                let (mut fg, mut bg) = (cell.fg, cell.bg);
                if cell.modifier.contains(Modifier::REVERSED) {
                    (fg, bg) = (bg, fg);
                }
                let (top, bottom) = match cell.symbol() {
                    " " => (bg, bg),
                    "▀" => (fg, bg),
                    "▄" => (bg, fg),
                    "█" => (fg, fg),
                    other => panic!("unexpected symbol {other:?} at ({x}, {y})"),
                };
                let (px, py) = (usize::from(x - area.x), 2 * usize::from(y - area.y));
                pixels[py][px] = top == dark;
                pixels[py + 1][px] = bottom == dark;
            }
        }
        pixels
    }

    /// Decodes the single QR code in `pixels` with rqrr, as a phone would from a photo.
    fn scan(pixels: &[Vec<bool>]) -> String {
        let (width, height) = (pixels[0].len(), pixels.len());
        let mut image =
            rqrr::PreparedImage::prepare_from_bitmap(width, height, |x, y| pixels[y][x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "codes found");
        grids[0].decode().expect("the code decodes").1
    }

    fn draw(widget: &QrWidget, width: u16, height: u16, under: Style) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        buf.set_style(buf.area, under);
        widget.render(buf.area, &mut buf);
        buf
    }

    const TEXTS: [&str; 3] = [
        "tel:0120950178",
        "https://www.mhlw.go.jp/stf/newpage_08277.html",
        "https://www.digital.go.jp/policies/mynumber/insurance-card?utm_source=kiosk",
    ];

    #[test]
    fn half_blocks_scan_as_drawn_in_a_narrow_terminal() {
        for text in TEXTS {
            let code = QrCode::new(text).unwrap();
            let widget = QrWidget::new(&code);
            // Drawn over black, so the scan needs the code's own white quiet zone.
            let buf = draw(&widget, 80, 30, Style::new().bg(Color::Black));
            assert_eq!(scan(&terminal_pixels(&buf, Color::Black)), text);
        }
    }

    #[test]
    fn space_pairs_scan_as_drawn_in_any_terminal() {
        for text in TEXTS {
            let code = QrCode::new(text).unwrap();
            let widget = QrWidget::new(&code).encoding(QrEncoding::SpacePairs);
            let buf = draw(&widget, 120, 50, Style::new().bg(Color::Black));
            // Only ASCII spaces: one column whatever the terminal does with ambiguous ones.
            assert!(buf.content().iter().all(|cell| cell.symbol() == " "));
            assert_eq!(scan(&terminal_pixels(&buf, Color::Black)), text);
        }
    }

    #[test]
    fn a_reversed_style_still_draws_dark_modules_in_its_foreground() {
        // A monochrome theme: no colours, reverse video for light on a light-on-dark terminal.
        // Model the terminal's default colours as white text on black.
        let style = Style::new()
            .fg(Color::White)
            .bg(Color::Black)
            .add_modifier(Modifier::REVERSED);
        let code = QrCode::new("tel:0120950178").unwrap();
        for encoding in [QrEncoding::HalfBlock, QrEncoding::SpacePairs] {
            let widget = QrWidget::new(&code).encoding(encoding).style(style);
            let buf = draw(&widget, 70, 35, Style::new().bg(Color::Black));
            // Reversed, the foreground white is drawn as the background: dark is black.
            assert_eq!(
                scan(&terminal_pixels(&buf, Color::Black)),
                "tel:0120950178",
                "{encoding:?}"
            );
        }
    }

    #[test]
    fn half_block_cells_show_the_rows_text_with_only_spaces_and_lower_halves() {
        let code = QrCode::new("tel:0120950178").unwrap();
        let buf = draw(&QrWidget::new(&code), 29, 15, Style::new());
        let pixels = terminal_pixels(&buf, Color::Black);
        for (y, row) in code.rows(QrEncoding::HalfBlock).iter().enumerate() {
            for (x, c) in row.chars().enumerate() {
                let (top, bottom) = (pixels[2 * y][x], pixels[2 * y + 1][x]);
                let shown = [' ', '▀', '▄', '█'][usize::from(top) + 2 * usize::from(bottom)];
                assert_eq!(shown, c, "({x}, {y})");
                // A glyph only where the two modules differ, so no seam within a colour.
                let symbol = buf[(x as u16, y as u16)].symbol();
                assert_eq!(symbol == "▄", top != bottom, "({x}, {y})");
            }
        }
    }

    #[test]
    fn the_code_is_centred_and_the_rest_of_the_area_untouched() {
        let code = QrCode::new("tel:0120950178").unwrap();
        let widget = QrWidget::new(&code).encoding(QrEncoding::SpacePairs);
        assert_eq!(widget.size(), (58, 29));
        let mut buf = Buffer::empty(Rect::new(0, 0, 70, 40));
        for y in 0..40 {
            buf.set_string(0, y, "x".repeat(70), Style::new());
        }
        widget.render(Rect::new(1, 2, 61, 34), &mut buf);
        // 3 columns spare (1 left, 2 right) and 5 rows (2 above, 3 below): the code takes
        // columns 2 to 59 and rows 4 to 32.
        let drawn = |x, y| buf[(x, y)].bg == Color::White;
        assert!(!drawn(1, 4) && drawn(2, 4) && drawn(59, 4) && !drawn(60, 4));
        assert!(!drawn(30, 3) && drawn(30, 32) && !drawn(30, 33));
        for (x, y) in [(0, 0), (1, 4), (60, 4), (30, 3), (30, 33), (69, 39)] {
            assert_eq!(buf[(x, y)].symbol(), "x");
        }
    }

    #[test]
    fn a_code_that_does_not_fit_is_not_drawn() {
        let code = QrCode::new("tel:0120950178").unwrap();
        let widget = QrWidget::new(&code);
        for (width, height) in [(28, 15), (29, 14), (0, 0), (1, 1)] {
            let buf = draw(&widget, width, height, Style::new());
            assert_eq!(buf, Buffer::empty(buf.area), "{width}x{height}");
        }
        // The area runs past the buffer: the code must fit in the part inside it.
        let mut buf = Buffer::empty(Rect::new(10, 10, 29, 15));
        widget.render(Rect::new(10, 11, 29, 20), &mut buf);
        assert_eq!(buf, Buffer::empty(buf.area));
        widget.render(Rect::new(0, 0, 100, 100), &mut buf);
        assert_ne!(buf, Buffer::empty(buf.area));
    }
}
