//! Glyphs rasterised once and kept: u8g2 finds a glyph by walking its font's table, so asking
//! the font again for every character of every frame costs more than drawing the frame.

use std::cell::RefCell;
use std::collections::HashMap;
use std::convert::Infallible;

use embedded_graphics_core::Pixel;
use embedded_graphics_core::pixelcolor::BinaryColor;
use embedded_graphics_core::prelude::{DrawTarget, OriginDimensions, Point, Size};

use super::font::BigFont;

/// A glyph's pixels, one row a `u16` (bit `x` is the pixel `x` from the left), with its
/// advance. Both fonts' glyphs are at most 16 px wide and tall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Glyph {
    /// How far the glyph advances, in pixels.
    pub(crate) advance_px: u32,
    /// The rows from the top of the line; rows past the font's height are empty.
    pub(crate) rows: [u16; MAX_GLYPH_PX],
}

/// The widest and tallest glyph either font has, in pixels.
pub(crate) const MAX_GLYPH_PX: usize = 16;

/// What `u8g2_fonts::FontRenderer` draws one glyph on: the glyph's rows of bits, in a box of
/// `width` x `height` pixels (at most [`MAX_GLYPH_PX`] each way). Pixels drawn outside the box
/// are dropped, so a renderer asked to draw out of bounds clips instead of failing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GlyphCanvas {
    width: u32,
    height: u32,
    /// The pixels drawn so far, one row a `u16` as in [`Glyph`].
    pub(crate) rows: [u16; MAX_GLYPH_PX],
}

impl GlyphCanvas {
    /// An empty box of `width` x `height` pixels, cut to [`MAX_GLYPH_PX`] each way.
    pub(crate) fn new(width: u32, height: u32) -> Self {
        let max = MAX_GLYPH_PX as u32;
        Self {
            width: width.min(max),
            height: height.min(max),
            rows: [0; MAX_GLYPH_PX],
        }
    }
}

impl OriginDimensions for GlyphCanvas {
    fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }
}

impl DrawTarget for GlyphCanvas {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(Point { x, y }, colour) in pixels {
            if colour.is_on()
                && let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y))
                && x < self.width
                && y < self.height
            {
                self.rows[y as usize] |= 1 << x;
            }
        }
        Ok(())
    }
}

/// Characters kept before the store starts over: every glyph of both fonts (about 7,600) fits,
/// so only content full of characters the fonts lack (each kept as "missing") ever reaches it.
const MAX_KEPT: usize = 16_384;

/// What is known of a character in a font: its advance (`None`: the font lacks it), and its
/// pixels once it has been drawn. Layout asks for advances of every size it tries, so pixels
/// are made only for the glyphs drawn.
#[derive(Debug, Clone, Copy)]
struct Known {
    advance_px: Option<u32>,
    rows: Option<[u16; MAX_GLYPH_PX]>,
}

thread_local! {
    static KEPT: RefCell<HashMap<(BigFont, char), Known>> = RefCell::new(HashMap::new());
}

/// Looks `c` up in `font`, asking the font only for what is not yet known on this thread.
fn known(font: BigFont, c: char, with_pixels: bool) -> Known {
    KEPT.with(|kept| {
        let found = kept.borrow().get(&(font, c)).copied();
        let mut known = match found {
            Some(known) if known.rows.is_some() || !with_pixels || known.advance_px.is_none() => {
                return known;
            }
            Some(known) => known,
            None => Known {
                advance_px: font.advance_of(c),
                rows: None,
            },
        };
        if with_pixels && known.advance_px.is_some() {
            known.rows = font.rasterise(c).map(|glyph| glyph.rows);
        }
        let mut kept = kept.borrow_mut();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert((font, c), known);
        known
    })
}

/// How far `c` advances in `font`, in pixels; `None` if the font lacks it.
pub(crate) fn advance(font: BigFont, c: char) -> Option<u32> {
    known(font, c, false).advance_px
}

/// `c` in `font`, rasterised the first time it is drawn on this thread; `None` if the font
/// lacks it.
pub(crate) fn glyph(font: BigFont, c: char) -> Option<Glyph> {
    let known = known(font, c, true);
    Some(Glyph {
        advance_px: known.advance_px?,
        rows: known.rows?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_outside_the_canvas_are_dropped() {
        let mut canvas = GlyphCanvas::new(3, 2);
        canvas
            .draw_iter([
                Pixel(Point::new(1, 1), BinaryColor::On),
                Pixel(Point::new(2, 0), BinaryColor::On),
                Pixel(Point::new(-1, 0), BinaryColor::On),
                Pixel(Point::new(3, 0), BinaryColor::On),
                Pixel(Point::new(0, 2), BinaryColor::On),
                Pixel(Point::new(0, 0), BinaryColor::Off),
            ])
            .unwrap();
        assert_eq!(canvas.rows[..3], [0b100, 0b010, 0]);
        assert_eq!(GlyphCanvas::new(40, 40).size(), Size::new(16, 16));
    }

    #[test]
    fn a_kept_glyph_is_the_fonts_own() {
        for font in [BigFont::B16, BigFont::B12] {
            for c in ['使', 'A', 'ー', '※'] {
                let first = glyph(font, c);
                assert_eq!(first, font.rasterise(c), "{font:?} {c}");
                assert_eq!(glyph(font, c), first, "asked again: {font:?} {c}");
            }
        }
        assert_eq!(glyph(BigFont::B16, '※'), None);
        assert_eq!(advance(BigFont::B16, '※'), None);
        assert_eq!(advance(BigFont::B12, '字'), Some(12));
        assert_eq!(
            advance(BigFont::B12, 'A'),
            glyph(BigFont::B12, 'A').map(|g| g.advance_px)
        );
        assert_eq!(glyph(BigFont::B16, '使').map(|g| g.advance_px), Some(16));
    }
}
