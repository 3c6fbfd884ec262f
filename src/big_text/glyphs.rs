//! Glyphs rasterised once and kept: u8g2 finds a glyph by walking its font's table, so asking
//! the font again for every character of every frame costs more than drawing the frame.

use std::cell::RefCell;
use std::collections::HashMap;

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

/// Glyphs kept before the store starts over: every glyph of both fonts (about 7,600) fits, so
/// only content full of characters the fonts lack (each kept as "missing") ever reaches it.
const MAX_KEPT: usize = 16_384;

thread_local! {
    static KEPT: RefCell<HashMap<(BigFont, char), Option<Glyph>>> =
        RefCell::new(HashMap::new());
}

/// `c` in `font`, rasterised the first time it is asked for on this thread; `None` if the font
/// lacks it.
pub(crate) fn glyph(font: BigFont, c: char) -> Option<Glyph> {
    KEPT.with(|kept| {
        if let Some(found) = kept.borrow().get(&(font, c)) {
            return *found;
        }
        let made = font.rasterise(c);
        let mut kept = kept.borrow_mut();
        if kept.len() >= MAX_KEPT {
            kept.clear();
        }
        kept.insert((font, c), made);
        made
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(glyph(BigFont::B16, '使').map(|g| g.advance_px), Some(16));
    }
}
