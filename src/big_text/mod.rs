//! Large text for titles, drawn from bitmap fonts with block characters.
//!
//! A terminal cannot enlarge its font for part of the screen, so this module draws each
//! character from a Japanese bitmap font, several terminal cells per character, as
//! tui-big-text does for ASCII. The words used here:
//!
//! - *glyph*: a character's picture in a [`BigFont`], a grid of pixels on a common baseline;
//! - *cell*: one terminal cell, showing a few pixels through a [`CellEncoding`];
//! - *missing glyph*: a character the font has no picture for, found by [`missing_glyphs`].
//!
//! [`BigText`] is the ratatui widget; [`measure`] tells layout code how many cells a text takes
//! without drawing it.

mod bitmap;
mod encoding;
mod font;
mod glyphs;
mod line;
mod widget;

pub use encoding::CellEncoding;
pub use font::{BigFont, missing_glyphs};
pub use widget::BigText;

use line::LineLayout;

/// The cells `text` takes in `font` and `encoding`, as `(columns, rows)`.
///
/// Columns are those of the widest line; rows are the line height times the number of lines
/// (`text` split at `'\n'`); an empty text takes `(0, 0)`. Characters missing from the font
/// count as full-width, except those a terminal gives no column (controls, combining marks),
/// which count as nothing, as [`BigText`] draws them. Sizes beyond `u16::MAX` are capped.
///
/// ```
/// use faq_kiosk::big_text::{BigFont, CellEncoding, measure};
///
/// assert_eq!(measure("使", BigFont::B16, CellEncoding::HalfBlock), (16, 8));
/// assert_eq!(measure("使", BigFont::B12, CellEncoding::HalfBlock), (12, 6));
/// assert_eq!(measure("使", BigFont::B16, CellEncoding::Sextant), (8, 6));
/// assert_eq!(measure("使", BigFont::B16, CellEncoding::Braille), (8, 4));
/// assert_eq!(measure("1 使い方\nA", BigFont::B16, CellEncoding::HalfBlock), (64, 16));
/// ```
pub fn measure(text: &str, font: BigFont, encoding: CellEncoding) -> (u16, u16) {
    if text.is_empty() {
        return (0, 0);
    }
    let (cell_width, cell_height) = encoding.cell_size();
    let columns = text
        .split('\n')
        .map(|line| LineLayout::new(line, font).width_px.div_ceil(cell_width))
        .max()
        .unwrap_or(0);
    let lines = text.split('\n').count() as u32;
    let rows = lines.saturating_mul(font.height_px().div_ceil(cell_height));
    (saturate(columns), saturate(rows))
}

fn saturate(n: u32) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
