//! The two bitmap fonts, their metrics, and glyphs rasterised from them.
//!
//! Both are efont's Unicode bitmap fonts as converted by u8g2 (`b16_t_japanese3` and
//! `b12_t_japanese3`): about 3,800 glyphs each, the jōyō kanji, kana, ASCII and the full-width
//! forms. Their licences are in `LICENSES/efont.txt`.

use embedded_graphics_core::pixelcolor::BinaryColor;
use embedded_graphics_core::prelude::Point;
use u8g2_fonts::FontRenderer;
use u8g2_fonts::fonts::{u8g2_font_b12_t_japanese3, u8g2_font_b16_t_japanese3};
use u8g2_fonts::types::{FontColor, VerticalPosition};

use super::glyphs::{Glyph, GlyphCanvas, advance};

// Built at compile time (`FontRenderer::new` is const), so choosing a font costs nothing.
static B16: FontRenderer = FontRenderer::new::<u8g2_font_b16_t_japanese3>();
static B12: FontRenderer = FontRenderer::new::<u8g2_font_b12_t_japanese3>();

/// A bitmap font to draw big text with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BigFont {
    /// efont 16 px (`u8g2_font_b16_t_japanese3`): kanji 16x16 pixels, ASCII 8x16.
    #[default]
    B16,
    /// efont 12 px (`u8g2_font_b12_t_japanese3`): kanji 12x12 pixels, ASCII 6x12.
    B12,
}

impl BigFont {
    fn renderer(self) -> &'static FontRenderer {
        match self {
            Self::B16 => &B16,
            Self::B12 => &B12,
        }
    }

    /// The height of a line in pixels: from the top of the tallest glyph to the bottom of the
    /// deepest descender (16 for [`BigFont::B16`], 12 for [`BigFont::B12`]).
    ///
    /// This is the font's bounding box, not u8g2's ascent and descent: u8g2 measures the ascent
    /// on the letter `A` (10 px in b16), and kanji reach 4 px higher.
    pub fn height_px(self) -> u32 {
        self.renderer()
            .get_font_bounding_box(VerticalPosition::Baseline)
            .size
            .height
    }

    /// How far a full-width character (a kanji, kana, or one missing from the font) advances,
    /// in pixels: 16 for [`BigFont::B16`], 12 for [`BigFont::B12`].
    pub fn full_width_px(self) -> u32 {
        self.advance_px('\u{3000}').unwrap_or_else(|| {
            self.renderer()
                .get_font_bounding_box(VerticalPosition::Baseline)
                .size
                .width
        })
    }

    /// Whether the font has a glyph for `c`.
    pub fn has_glyph(self, c: char) -> bool {
        self.advance_px(c).is_some()
    }

    /// The rows from the top of a line down to the baseline: the tallest glyph's height above it.
    fn baseline_px(self) -> i32 {
        -self
            .renderer()
            .get_font_bounding_box(VerticalPosition::Baseline)
            .top_left
            .y
    }

    /// How far `c` advances in pixels, or `None` if the font has no glyph for it.
    pub(crate) fn advance_px(self, c: char) -> Option<u32> {
        advance(self, c)
    }

    /// How far `c` advances in pixels, or `None` if the font has no glyph for it, asked of the
    /// font itself: [`advance`] keeps what this finds.
    pub(crate) fn advance_of(self, c: char) -> Option<u32> {
        // Control characters never reach the font: u8g2's lookup answers for '\0' and '\n' with
        // made-up advances (-29 px for '\0' in b16) instead of "not found".
        if c.is_control() {
            return None;
        }
        let dimensions = self
            .renderer()
            .get_rendered_dimensions(c, Point::zero(), VerticalPosition::Baseline)
            .ok()?;
        u32::try_from(dimensions.advance.x).ok()
    }

    /// `c` rasterised, as the font draws it, with its baseline where every other glyph of the
    /// font has it; `None` if the font lacks `c`. Asks the font itself: [`glyph`] keeps what
    /// this makes.
    pub(crate) fn rasterise(self, c: char) -> Option<Glyph> {
        let advance_px = self.advance_of(c)?;
        // Drawn into a box as wide as its advance: efont's glyphs stay inside it (a test below
        // checks the leaflet's), and any pixel past it would be cut here.
        let mut canvas = GlyphCanvas::new(advance_px, self.height_px());
        // The only error left is the canvas's, which is `Infallible`: the glyph exists.
        self.renderer()
            .render(
                c,
                Point::new(0, self.baseline_px()),
                VerticalPosition::Baseline,
                FontColor::Transparent(BinaryColor::On),
                &mut canvas,
            )
            .ok()?;
        let rows = canvas.rows;
        Some(Glyph { advance_px, rows })
    }
}

/// The characters of `text` that `font` has no glyph for, with their byte offsets in `text`.
///
/// Line breaks (`'\n'`) are not characters to draw and are never listed; every other control
/// character is. The content checker turns the offsets into lines and columns.
///
/// ```
/// use faq_kiosk::big_text::{BigFont, missing_glyphs};
///
/// assert_eq!(missing_glyphs("※注意", BigFont::B16), vec![(0, '※')]);
/// assert_eq!(missing_glyphs("使い方", BigFont::B12), vec![]);
/// ```
pub fn missing_glyphs(text: &str, font: BigFont) -> Vec<(usize, char)> {
    text.char_indices()
        .filter(|&(_, c)| c != '\n' && !font.has_glyph(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_cover_the_tallest_glyph() {
        assert_eq!(
            (BigFont::B16.height_px(), BigFont::B16.full_width_px()),
            (16, 16)
        );
        assert_eq!(
            (BigFont::B12.height_px(), BigFont::B12.full_width_px()),
            (12, 12)
        );
        assert_eq!(BigFont::B16.baseline_px(), 14);
        assert_eq!(BigFont::B12.baseline_px(), 10);
    }

    #[test]
    fn kanji_touch_the_top_and_bottom_rows_of_the_line() {
        // 使 is as tall as the font: if the baseline were placed by u8g2's ascent (the top of
        // `A`), its top rows would be cut off.
        for font in [BigFont::B16, BigFont::B12] {
            let glyph = font.rasterise('使').unwrap();
            let bottom = font.height_px() as usize - 1;
            assert_ne!(glyph.rows[0], 0, "{font:?} top row");
            assert_ne!(glyph.rows[bottom], 0, "{font:?} bottom row");
        }
    }

    #[test]
    fn control_characters_are_missing() {
        for c in ['\0', '\n', '\t', '\r'] {
            assert!(!BigFont::B16.has_glyph(c), "{c:?}");
            assert!(!BigFont::B12.has_glyph(c), "{c:?}");
        }
    }

    #[test]
    fn missing_glyphs_gives_byte_offsets_and_skips_line_breaks() {
        let text = "A😀\n髙※\t";
        assert_eq!(
            missing_glyphs(text, BigFont::B16),
            vec![(1, '😀'), (6, '髙'), (9, '※'), (12, '\t')]
        );
    }

    #[test]
    fn glyphs_of_the_leaflet_stay_inside_their_advance() {
        // Each glyph is cut to its own advance box before it is placed, so a glyph that drew
        // past its advance would lose pixels; efont's never do, as this checks for every
        // character of the shipped leaflet.
        let leaflet = include_str!("../../faq.toml");
        for font in [BigFont::B16, BigFont::B12] {
            for c in leaflet.chars().filter(|&c| font.has_glyph(c)) {
                let dimensions = font
                    .renderer()
                    .get_rendered_dimensions(c, Point::zero(), VerticalPosition::Baseline)
                    .unwrap();
                if let Some(bounds) = dimensions.bounding_box {
                    let right = bounds.top_left.x + bounds.size.width as i32;
                    assert!(
                        bounds.top_left.x >= 0 && right <= dimensions.advance.x,
                        "{c}"
                    );
                }
            }
        }
    }
}
