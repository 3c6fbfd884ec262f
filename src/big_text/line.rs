//! One line of text laid out in a font: where each glyph, and each character the font lacks, goes.

use crate::text::{AmbiguousWidth, char_width};

use super::bitmap::Bitmap;
use super::font::BigFont;
use super::glyphs::glyph;

/// A character of a line and where it starts, in pixels from the line's left edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) c: char,
    pub(crate) x_px: u32,
    pub(crate) advance_px: u32,
    /// Whether the font has a glyph for `c`; if not, the widget writes `c` itself.
    pub(crate) in_font: bool,
}

/// The characters of one line (no `'\n'`) placed side by side in a font.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineLayout {
    pub(crate) font: BigFont,
    pub(crate) placed: Vec<Placed>,
    pub(crate) width_px: u32,
}

impl LineLayout {
    /// Places the characters of `line` one after another.
    ///
    /// A character the font lacks takes a full-width advance, so a title keeps its shape around
    /// it, unless the terminal would give it no column at all (a control or combining
    /// character), in which case it takes no room and is not drawn.
    pub(crate) fn new(line: &str, font: BigFont) -> Self {
        let mut placed = Vec::with_capacity(line.len());
        let mut x_px = 0;
        for c in line.chars() {
            let (advance_px, in_font) = match font.advance_px(c) {
                Some(advance) => (advance, true),
                None if char_width(c, AmbiguousWidth::Narrow) == 0 => (0, false),
                None => (font.full_width_px(), false),
            };
            placed.push(Placed {
                c,
                x_px,
                advance_px,
                in_font,
            });
            x_px += advance_px;
        }
        Self {
            font,
            placed,
            width_px: x_px,
        }
    }

    /// The line's glyphs drawn side by side, up to `width_px` from its left edge (what the
    /// area shows of it): a line of any length costs no more than that. Characters missing
    /// from the font leave a gap.
    pub(crate) fn rasterise(&self, width_px: u32) -> Bitmap {
        let mut bitmap = Bitmap::new(self.width_px.min(width_px), self.font.height_px());
        let shown = self
            .placed
            .iter()
            .take_while(|placed| placed.x_px < width_px);
        for placed in shown.filter(|placed| placed.in_font) {
            if let Some(glyph) = glyph(self.font, placed.c) {
                bitmap.blit_rows(&glyph.rows, placed.x_px);
            }
        }
        bitmap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_characters_take_a_full_width_advance_unless_zero_width() {
        let layout = LineLayout::new("A※\u{301}使", BigFont::B16);
        let xs: Vec<(char, u32, bool)> = layout
            .placed
            .iter()
            .map(|p| (p.c, p.x_px, p.in_font))
            .collect();
        assert_eq!(
            xs,
            [
                ('A', 0, true),
                ('※', 8, false),
                ('\u{301}', 24, false),
                ('使', 24, true)
            ]
        );
        assert_eq!(layout.width_px, 40);
    }

    #[test]
    fn only_the_part_shown_is_rasterised() {
        let whole = LineLayout::new("使い方", BigFont::B16).rasterise(u32::MAX);
        assert_eq!(whole.width(), 48);
        let long = LineLayout::new(&"使い方".repeat(100_000), BigFont::B16);
        let part = long.rasterise(20);
        assert_eq!((part.width(), part.height()), (20, whole.height()));
        for y in 0..whole.height() {
            for x in 0..20 {
                assert_eq!(part.get(x, y), whole.get(x, y), "({x}, {y})");
            }
        }
    }
}
