//! The `BigText` widget: a string drawn in a bitmap font with block characters.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::text::{AmbiguousWidth, char_width};

use super::encoding::CellEncoding;
use super::font::BigFont;
use super::line::LineLayout;

/// Text drawn large, from a bitmap font, for readers who cannot read the terminal's own font.
///
/// Each line of the text (split at `'\n'`) is a row of glyphs; a glyph's pixels become cells
/// through a [`CellEncoding`]. Lines are stacked from the top of the area, each aligned on its
/// own. The style is applied to the whole area, so its background fills it.
///
/// A character the font lacks is not dropped: it is written as itself, in the terminal's
/// normal size, in the middle of a full-width glyph box (centred across the box's columns, on
/// its middle row), so a visitor still sees it and the title keeps its width. Characters that
/// take no terminal column (controls, combining marks) take no room and are not drawn.
/// [`missing_glyphs`](super::missing_glyphs) lists them all for the content checker.
///
/// The widget never draws outside its area or the buffer. As in ratatui's own widgets, the text
/// is laid out in the part of the area that lies inside the buffer, and clipped by whole cells:
/// a line wider than the area is cut on the right whatever the alignment, so its start stays
/// readable; lines below the area are cut off; a missing character is drawn only if all its
/// columns fit.
///
/// ```
/// use faq_kiosk::big_text::{BigFont, BigText, CellEncoding};
/// use ratatui::buffer::Buffer;
/// use ratatui::layout::Rect;
/// use ratatui::style::{Color, Style};
/// use ratatui::widgets::Widget;
///
/// let style = Style::new().fg(Color::White).bg(Color::Blue);
/// let title = BigText::new("安全")
///     .font(BigFont::B12)
///     .encoding(CellEncoding::Braille)
///     .style(style)
///     .centered();
/// assert_eq!(title.size(), (12, 3));
///
/// let mut buf = Buffer::empty(Rect::new(0, 0, 16, 3));
/// title.render(buf.area, &mut buf);
///
/// let mut expected = Buffer::with_lines([
///     "  ⡖⠒⡞⠒⠒⡆ ⢀⠜⢄    ",
///     "  ⠒⢲⠓⢲⠒⠂⠒⠓⢲⠒⠓⠂  ",
///     "  ⢀⡩⠝⠪⢄ ⣀⣉⣹⣉⣁⡀  ",
/// ]);
/// expected.set_style(expected.area, style);
/// assert_eq!(buf, expected);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct BigText<'a> {
    text: Cow<'a, str>,
    font: BigFont,
    encoding: CellEncoding,
    style: Style,
    alignment: HorizontalAlignment,
}

impl<'a> BigText<'a> {
    /// Big text showing `text`, in [`BigFont::B16`], [`CellEncoding::HalfBlock`], the default
    /// style, left-aligned.
    pub fn new<T: Into<Cow<'a, str>>>(text: T) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Sets the font.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn font(mut self, font: BigFont) -> Self {
        self.font = font;
        self
    }

    /// Sets how pixels become cells.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn encoding(mut self, encoding: CellEncoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets the style of the whole area: the glyphs take the foreground colour, and the
    /// background colour fills the area.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub fn style<S: Into<Style>>(mut self, style: S) -> Self {
        self.style = style.into();
        self
    }

    /// Sets the horizontal alignment of every line.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn alignment(mut self, alignment: HorizontalAlignment) -> Self {
        self.alignment = alignment;
        self
    }

    /// Aligns every line to the left of the area (the default).
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn left_aligned(self) -> Self {
        self.alignment(HorizontalAlignment::Left)
    }

    /// Centres every line in the area.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn centered(self) -> Self {
        self.alignment(HorizontalAlignment::Center)
    }

    /// Aligns every line to the right of the area.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn right_aligned(self) -> Self {
        self.alignment(HorizontalAlignment::Right)
    }

    /// The cells the text needs, as `(columns, rows)`: see [`measure`](super::measure).
    pub fn size(&self) -> (u16, u16) {
        super::measure(&self.text, self.font, self.encoding)
    }

    /// The characters the font lacks: see [`missing_glyphs`](super::missing_glyphs).
    pub fn missing_glyphs(&self) -> Vec<(usize, char)> {
        super::missing_glyphs(&self.text, self.font)
    }
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

// Implemented for a reference so that a screen can keep its titles and draw them every frame
// without cloning the text.
impl Widget for &BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.style);
        let line_rows = line_rows(self.font, self.encoding);
        for (index, line) in self.text.split('\n').enumerate() {
            let top = u32::from(area.y) + index as u32 * line_rows;
            if top >= u32::from(area.bottom()) {
                break;
            }
            let layout = LineLayout::new(line, self.font);
            self.render_line(&layout, area, top as u16, buf);
        }
    }
}

impl BigText<'_> {
    /// Draws one laid-out line whose top row is `top`, inside `area` (already within `buf`).
    fn render_line(&self, layout: &LineLayout, area: Rect, top: u16, buf: &mut Buffer) {
        let (cell_width, cell_height) = self.encoding.cell_size();
        let columns = layout.width_px.div_ceil(cell_width);
        let spare = u32::from(area.width).saturating_sub(columns);
        let left = u32::from(area.x)
            + match self.alignment {
                HorizontalAlignment::Left => 0,
                HorizontalAlignment::Center => spare / 2,
                HorizontalAlignment::Right => spare,
            };
        let right = u32::from(area.right()).min(left + columns);
        let bottom =
            u32::from(area.bottom()).min(u32::from(top) + line_rows(self.font, self.encoding));

        let bitmap = layout.rasterise((right - left) * cell_width);
        for y in u32::from(top)..bottom {
            let y_px = (y - u32::from(top)) * cell_height;
            // The row's cells as one slice (the area lies inside the buffer): indexing the
            // buffer cell by cell checks its bounds each time, and most of a frame of large
            // glyphs is these cells.
            let start = buf.index_of(left as u16, y as u16);
            let row = &mut buf.content[start..start + (right - left) as usize];
            for (x, cell) in (0u32..).zip(row.iter_mut()) {
                let symbol = self.encoding.symbol_at(&bitmap, x * cell_width, y_px);
                // Most cells of a glyph are blank, and a frame's cells start blank: writing a
                // symbol costs more than seeing that it is already there.
                if symbol != ' ' || cell.symbol() != " " {
                    cell.set_char(symbol);
                }
            }
        }

        let middle = u32::from(top) + (line_rows(self.font, self.encoding) - 1) / 2;
        if middle >= bottom {
            return;
        }
        for placed in layout
            .placed
            .iter()
            .filter(|p| !p.in_font && p.advance_px > 0)
        {
            // Every advance in b12 and b16 is 6, 8, 12 or 16 px (checked over every code point
            // when the fonts were chosen), so glyph boxes start and end on cell boundaries in
            // every encoding.
            let box_left = left + placed.x_px / cell_width;
            let box_columns = placed.advance_px / cell_width;
            let width = char_width(placed.c, AmbiguousWidth::Narrow) as u32;
            let x = box_left + box_columns.saturating_sub(width) / 2;
            if x + width <= right {
                let mut utf8 = [0; 4];
                let symbol = placed.c.encode_utf8(&mut utf8);
                buf.set_stringn(
                    x as u16,
                    middle as u16,
                    symbol,
                    width as usize,
                    Style::new(),
                );
            }
        }
    }
}

/// The cell rows one line of text takes.
fn line_rows(font: BigFont, encoding: CellEncoding) -> u32 {
    font.height_px().div_ceil(encoding.cell_size().1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(text: &BigText, width: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        text.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn ascii_and_kanji_in_b16_half_blocks() {
        let text = BigText::new("A使");
        assert_eq!(
            draw(&text, 24, 8),
            Buffer::with_lines([
                "             █    █     ",
                "            ▄▀▀▀▀▀█▀▀▀▀▀",
                "  ▄▀▀▄     ▄▀ ▄▄▄▄█▄▄▄▄ ",
                " ▄▀  ▀▄   ▄█  █   █   █ ",
                " █▄▄▄▄█  ▀ █  █▄▄▄█▄▄▄█ ",
                " █    █    █    ▀▄▀     ",
                " █    █    █    ▄▀▀▄    ",
                "           █▄▄▀▀    ▀▀▄▄",
            ])
        );
    }

    #[test]
    fn ascii_and_kanji_in_b12_half_blocks() {
        let text = BigText::new("A使").font(BigFont::B12);
        assert_eq!(
            draw(&text, 18, 6),
            Buffer::with_lines([
                "         █▄▄▄█▄▄▄ ",
                "  ▄▄▄   ▄▀▄▄▄█▄▄▄ ",
                " █   █ ▄█ █  █  █ ",
                " █▀▀▀█▀ █ █▀▀█▀▀▀ ",
                " █   █  █  ▀▄█    ",
                "        █▄▄▀  ▀▄▄ ",
            ])
        );
    }

    #[test]
    fn ascii_and_kanji_in_b16_sextants() {
        let text = BigText::new("A使").encoding(CellEncoding::Sextant);
        assert_eq!(
            draw(&text, 12, 6),
            Buffer::with_lines([
                "      ▐🬭🬭🬲🬭🬭",
                " 🬖🬢  🬞🬄🬭🬭🬲🬭🬏",
                "🬦🬀🬁🬓🬞🬫 ▌ ▌ ▌",
                "▐🬂🬂▌ ▐ 🬂🬥🬆🬂🬀",
                "🬉  🬄 ▐ 🬭🬅🬈🬭 ",
                "     🬁🬂    🬂",
            ])
        );
    }

    #[test]
    fn ascii_and_kanji_in_b16_braille() {
        let text = BigText::new("A使").encoding(CellEncoding::Braille);
        assert_eq!(
            draw(&text, 12, 4),
            Buffer::with_lines([
                "      ⡸⠤⠤⡧⠤⠤",
                "⢀⠎⠱⡀ ⣰⠁⡖⠒⡗⠒⡆",
                "⢸⠒⠒⡇⠈⢸ ⠓⢖⠗⠒⠃",
                "⠘  ⠃ ⢸⣀⠤⠊⠑⠤⣀",
            ])
        );
    }

    #[test]
    fn category_titles_show_the_fonts_own_pixels_on_one_baseline() {
        use std::collections::HashSet;
        use std::convert::Infallible;

        use embedded_graphics_core::Pixel;
        use embedded_graphics_core::pixelcolor::BinaryColor;
        use embedded_graphics_core::prelude::{DrawTarget, OriginDimensions, Point, Size};
        use u8g2_fonts::FontRenderer;
        use u8g2_fonts::fonts::u8g2_font_b16_t_japanese3;
        use u8g2_fonts::types::{FontColor, VerticalPosition};

        /// Collects lit pixels at any coordinate, negative included, so nothing is clipped.
        struct Pixels(HashSet<(i32, i32)>);
        impl OriginDimensions for Pixels {
            fn size(&self) -> Size {
                Size::new(u32::MAX, u32::MAX)
            }
        }
        impl DrawTarget for Pixels {
            type Color = BinaryColor;
            type Error = Infallible;
            fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Infallible>
            where
                I: IntoIterator<Item = Pixel<BinaryColor>>,
            {
                self.0.extend(
                    pixels
                        .into_iter()
                        .filter(|p| p.1.is_on())
                        .map(|p| (p.0.x, p.0.y)),
                );
                Ok(())
            }
        }

        let font = FontRenderer::new::<u8g2_font_b16_t_japanese3>();
        // The line's top row is the top of the font's bounding box, 14 px above the baseline.
        let top = font
            .get_font_bounding_box(VerticalPosition::Baseline)
            .top_left
            .y;
        assert_eq!(top, -14);
        let (left, first_row) = (3, 2);
        for title in [
            "使い方",
            "メリット",
            "安全・困ったとき",
            "カードと保険証",
            "すべての質問",
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 140, 12));
            BigText::new(title).render(Rect::new(left, first_row, 137, 10), &mut buf);
            for (index, c) in title.chars().enumerate() {
                let mut pixels = Pixels(HashSet::new());
                let on = FontColor::Transparent(BinaryColor::On);
                font.render(
                    c,
                    Point::zero(),
                    VerticalPosition::Baseline,
                    on,
                    &mut pixels,
                )
                .unwrap();
                for row in 0..8 {
                    let expected: String = (0..16)
                        .map(|x| {
                            let upper = pixels.0.contains(&(x, top + 2 * row));
                            let lower = pixels.0.contains(&(x, top + 2 * row + 1));
                            [' ', '▀', '▄', '█'][usize::from(upper) + 2 * usize::from(lower)]
                        })
                        .collect();
                    let x0 = left + 16 * index as u16;
                    let y = first_row + row as u16;
                    let drawn: String = (x0..x0 + 16).map(|x| buf[(x, y)].symbol()).collect();
                    assert_eq!(drawn, expected, "{title}: {c} row {row}");
                }
            }
        }
    }

    #[test]
    fn style_fills_the_area_and_colours_the_glyphs() {
        use ratatui::style::Color;
        let style = Style::new().fg(Color::Yellow).bg(Color::Blue);
        let text = BigText::new("A")
            .font(BigFont::B12)
            .encoding(CellEncoding::Braille)
            .style(style);
        let buf = draw(&text, 5, 4);
        let mut expected = Buffer::with_lines([" ⣀⡀  ", "⢸⠤⢼  ", "⠘ ⠘  ", "     "]);
        expected.set_style(expected.area, style);
        assert_eq!(buf, expected);
    }

    #[test]
    fn alignment_places_each_line_in_the_area() {
        let text = BigText::new("A\nAA")
            .font(BigFont::B12)
            .encoding(CellEncoding::Braille);
        assert_eq!(text.size(), (6, 6));
        let rows = |text: &BigText| {
            let buf = draw(text, 10, 6);
            (0..6)
                .map(|y| (0..10).map(|x| buf[(x, y)].symbol()).collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rows(&text.clone().centered()),
            [
                "    ⣀⡀    ",
                "   ⢸⠤⢼    ",
                "   ⠘ ⠘    ",
                "   ⣀⡀ ⣀⡀  ",
                "  ⢸⠤⢼⢸⠤⢼  ",
                "  ⠘ ⠘⠘ ⠘  ",
            ]
        );
        assert_eq!(
            rows(&text.right_aligned()),
            [
                "        ⣀⡀",
                "       ⢸⠤⢼",
                "       ⠘ ⠘",
                "     ⣀⡀ ⣀⡀",
                "    ⢸⠤⢼⢸⠤⢼",
                "    ⠘ ⠘⠘ ⠘",
            ]
        );
    }

    #[test]
    fn missing_characters_are_written_in_the_middle_of_a_full_width_box() {
        // ※ is one column, 😀 two; each gets a 16x8 box with the character on row 3.
        let text = BigText::new("※😀");
        assert_eq!(text.size(), (32, 8));
        assert_eq!(text.missing_glyphs(), vec![(0, '※'), (3, '😀')]);
        let mut expected = Buffer::empty(Rect::new(0, 0, 32, 8));
        expected.set_string(7, 3, "※", Style::new());
        expected.set_string(23, 3, "😀", Style::new());
        assert_eq!(draw(&text, 32, 8), expected);
    }

    #[test]
    fn a_line_wider_than_the_area_is_cut_on_the_right_whatever_the_alignment() {
        for alignment in [
            HorizontalAlignment::Left,
            HorizontalAlignment::Center,
            HorizontalAlignment::Right,
        ] {
            let text = BigText::new("AA")
                .font(BigFont::B12)
                .encoding(CellEncoding::Braille);
            let buf = draw(&text.alignment(alignment), 4, 3);
            assert_eq!(
                buf,
                Buffer::with_lines([" ⣀⡀ ", "⢸⠤⢼⢸", "⠘ ⠘⠘"]),
                "{alignment:?}"
            );
        }
    }

    #[test]
    fn a_missing_character_is_drawn_only_if_all_its_columns_fit() {
        // The emoji's box is 8 Braille columns and the emoji sits in columns 3 and 4.
        let text = BigText::new("😀").encoding(CellEncoding::Braille);
        let cut = draw(&text, 4, 4);
        assert_eq!(cut, Buffer::empty(cut.area));
        let whole = draw(&text, 5, 4);
        assert_eq!(whole[(3, 1)].symbol(), "😀");
    }

    #[test]
    fn degenerate_areas_do_not_panic() {
        let text = BigText::new("安全・困ったとき😀\n※").centered();
        for (width, height) in [(0, 0), (1, 1), (0, 5), (5, 0), (2, 1), (1, 9)] {
            let buf = draw(&text, width, height);
            assert_eq!(buf.area, Rect::new(0, 0, width, height));
        }
        let mut empty = Buffer::empty(Rect::ZERO);
        BigText::new("").render(Rect::new(0, 0, 10, 10), &mut empty);
        BigText::new("").render(Rect::ZERO, &mut empty);
    }

    #[test]
    fn areas_reaching_past_the_buffer_are_clipped_to_it() {
        let text = BigText::new("使")
            .encoding(CellEncoding::Braille)
            .right_aligned();
        // The buffer starts at (10, 10); the areas start before it or run past its far edge.
        for area in [
            Rect::new(0, 0, 14, 12),
            Rect::new(12, 11, 100, 100),
            Rect::new(u16::MAX - 2, u16::MAX - 2, 2, 2),
            Rect::new(0, 0, u16::MAX, u16::MAX),
        ] {
            let mut buf = Buffer::empty(Rect::new(10, 10, 6, 3));
            (&text).render(area, &mut buf);
        }
        let mut buf = Buffer::empty(Rect::new(10, 10, 6, 3));
        (&text).render(Rect::new(8, 9, 100, 100), &mut buf);
        // As in ratatui's widgets, the text is laid out in the part of the area inside the
        // buffer, (10, 10)-(16, 13): 8 columns in 6 are cut on the right, 4 rows in 3 at the
        // bottom.
        assert_eq!(buf, {
            let mut expected = Buffer::with_lines(["  ⡸⠤⠤⡧", " ⣰⠁⡖⠒⡗", "⠈⢸ ⠓⢖⠗"]);
            expected.area = Rect::new(10, 10, 6, 3);
            expected
        });
    }

    #[test]
    fn each_line_starts_a_new_row_of_glyphs() {
        let text = BigText::new("A\n\nA")
            .font(BigFont::B12)
            .encoding(CellEncoding::Braille);
        assert_eq!(text.size(), (3, 9));
        let buf = draw(&text, 3, 9);
        assert_eq!(buf[(1, 0)].symbol(), "⣀");
        assert_eq!(buf[(1, 3)].symbol(), " ");
        assert_eq!(buf[(1, 6)].symbol(), "⣀");
    }
}
