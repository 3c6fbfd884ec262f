//! Choosing the size of large glyphs: the biggest font and cell encoding that fits.
//!
//! Titles are drawn large only when the whole thing fits: a menu with every numbered item, a
//! title with every word. Otherwise the screen keeps its normal-size text, which always fits.

use crate::big_text::{BigFont, CellEncoding, measure};
use crate::text::AmbiguousWidth;

use super::Geometry;

/// Which large-glyph sizes a kiosk may use, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigTextOptions {
    /// Whether large glyphs are used at all.
    pub enabled: bool,
    /// Half blocks (▀▄█) may be used; only where ambiguous characters are drawn narrow.
    pub half_block: bool,
    /// Sextants may be used (the terminal font must have them); only where narrow.
    pub sextant: bool,
    /// Braille may be used; always narrow, and the only choice on a wide terminal.
    pub braille: bool,
    /// The fonts allowed, largest first.
    pub fonts: FontChoice,
}

impl BigTextOptions {
    /// Large glyphs on, in half blocks (the settings' default), either font.
    pub const fn new() -> Self {
        Self {
            enabled: true,
            half_block: true,
            sextant: false,
            braille: false,
            fonts: FontChoice::Any,
        }
    }
}

impl Default for BigTextOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// Which of the two bitmap fonts may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontChoice {
    /// The largest that fits.
    #[default]
    Any,
    /// Only the 16-pixel font.
    Only16,
    /// Only the 12-pixel font.
    Only12,
}

/// A size of large glyphs: a font drawn in a cell encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BigStyle {
    /// The bitmap font.
    pub font: BigFont,
    /// How its pixels become cells.
    pub encoding: CellEncoding,
}

/// Lines of large text placed as one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigBlock {
    /// The size they are drawn at.
    pub style: BigStyle,
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// Blank rows between two lines, so that the strokes of one line do not run into the next.
    pub gap: u16,
    /// The rows the block takes, gaps included.
    pub rows: u16,
    /// The columns of its widest line.
    pub columns: u16,
}

impl BigStyle {
    /// The cells `text` takes in this style.
    pub fn measure(&self, text: &str) -> (u16, u16) {
        measure(text, self.font, self.encoding)
    }
}

/// The sizes allowed on this terminal, largest first.
///
/// Half blocks and sextants use East Asian Ambiguous characters, so a terminal that draws
/// those wide gets Braille instead, whatever the settings allow.
pub fn candidates(geometry: &Geometry) -> Vec<BigStyle> {
    let options = geometry.big_text;
    if !options.enabled {
        return Vec::new();
    }
    let wide = geometry.ambiguous == AmbiguousWidth::Wide;
    let encodings: Vec<CellEncoding> = if wide {
        vec![CellEncoding::Braille]
    } else {
        [
            (options.half_block, CellEncoding::HalfBlock),
            (options.sextant, CellEncoding::Sextant),
            (options.braille, CellEncoding::Braille),
        ]
        .into_iter()
        .filter_map(|(allowed, encoding)| allowed.then_some(encoding))
        .collect()
    };
    let fonts: &[BigFont] = match options.fonts {
        FontChoice::Any => &[BigFont::B16, BigFont::B12],
        FontChoice::Only16 => &[BigFont::B16],
        FontChoice::Only12 => &[BigFont::B12],
    };
    let mut styles: Vec<BigStyle> = encodings
        .iter()
        .flat_map(|&encoding| fonts.iter().map(move |&font| BigStyle { font, encoding }))
        .collect();
    // Largest first: by the cells one full-width character takes, then the larger font.
    styles.sort_by_key(|style| {
        let (columns, rows) = style.measure("字");
        std::cmp::Reverse((u32::from(columns) * u32::from(rows), style.font.height_px()))
    });
    styles
}

/// The largest allowed style in which every line fits `width` columns and all of them
/// together fit `rows` rows.
pub fn fit(geometry: &Geometry, lines: &[&str], width: u16, rows: u16) -> Option<BigBlock> {
    candidates(geometry)
        .into_iter()
        .find_map(|style| style.fit(lines, width, rows))
}

impl BigStyle {
    /// The lines as a block in this style, if every line fits `width` columns and all of them
    /// together fit `rows` rows.
    pub fn fit(&self, lines: &[&str], width: u16, rows: u16) -> Option<BigBlock> {
        self.fit_spaced(lines, width, rows, 0)
    }

    /// As [`BigStyle::fit`], with `gap` blank rows between two lines.
    pub fn fit_spaced(&self, lines: &[&str], width: u16, rows: u16, gap: u16) -> Option<BigBlock> {
        let mut total: u16 = 0;
        let mut widest: u16 = 0;
        for (index, line) in lines.iter().enumerate() {
            let (columns, height) = self.measure(line);
            widest = widest.max(columns);
            let spacing = if index > 0 { gap } else { 0 };
            total = total.saturating_add(height).saturating_add(spacing);
        }
        (widest <= width && total <= rows).then(|| BigBlock {
            style: *self,
            lines: lines.iter().map(|l| l.to_string()).collect(),
            gap,
            rows: total,
            columns: widest,
        })
    }

    /// The rows one line of text takes in this style.
    pub fn line_rows(&self) -> u16 {
        self.measure("字").1
    }
}

/// A title in large glyphs: on one line if it fits, else broken at its spaces, one word per
/// line (never inside a word).
pub fn fit_title(geometry: &Geometry, title: &str, width: u16, rows: u16) -> Option<BigBlock> {
    fit(geometry, &[title], width, rows).or_else(|| {
        let words: Vec<&str> = title.split_whitespace().collect();
        (words.len() > 1)
            .then(|| fit(geometry, &words, width, rows))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry(width: u16, height: u16) -> Geometry {
        Geometry::new(width, height)
    }

    #[test]
    fn half_blocks_by_default_largest_font_first() {
        let styles = candidates(&geometry(80, 24));
        assert_eq!(
            styles,
            [
                BigStyle {
                    font: BigFont::B16,
                    encoding: CellEncoding::HalfBlock
                },
                BigStyle {
                    font: BigFont::B12,
                    encoding: CellEncoding::HalfBlock
                },
            ]
        );
    }

    #[test]
    fn a_wide_terminal_gets_braille_only() {
        let wide = geometry(80, 24).ambiguous(AmbiguousWidth::Wide);
        let encodings: Vec<CellEncoding> = candidates(&wide).iter().map(|s| s.encoding).collect();
        assert_eq!(encodings, [CellEncoding::Braille, CellEncoding::Braille]);
    }

    #[test]
    fn every_allowed_size_is_ordered_by_cell_area() {
        let mut all = geometry(80, 24);
        all.big_text.sextant = true;
        all.big_text.braille = true;
        let areas: Vec<u32> = candidates(&all)
            .iter()
            .map(|s| {
                let (c, r) = s.measure("字");
                u32::from(c) * u32::from(r)
            })
            .collect();
        assert_eq!(areas.len(), 6);
        assert!(areas.windows(2).all(|w| w[0] >= w[1]), "{areas:?}");
    }

    #[test]
    fn off_means_never() {
        let mut off = geometry(240, 67);
        off.big_text.enabled = false;
        assert_eq!(fit(&off, &["使い方"], 200, 60), None);
    }

    #[test]
    fn fitting_picks_the_largest_that_fits_both_ways() {
        let block = fit(&geometry(240, 67), &["使い方"], 200, 60).unwrap();
        assert_eq!(block.style.font, BigFont::B16);
        assert_eq!(block.rows, 8);
        let block = fit(&geometry(120, 36), &["使い方", "メリット"], 100, 12).unwrap();
        assert_eq!(block.style.font, BigFont::B12);
        assert_eq!(fit(&geometry(80, 24), &["安全・困ったとき"], 60, 20), None);
    }

    #[test]
    fn gaps_go_between_lines_only() {
        let style = BigStyle {
            font: BigFont::B12,
            encoding: CellEncoding::Sextant,
        };
        let block = style.fit_spaced(&["使い方", "安全"], 80, 9, 1).unwrap();
        assert_eq!((block.rows, block.gap), (9, 1));
        assert_eq!(style.fit_spaced(&["使い方", "安全"], 80, 8, 1), None);
        assert_eq!(style.fit(&["使い方", "安全"], 80, 8).unwrap().gap, 0);
    }

    #[test]
    fn a_title_breaks_between_words_when_it_must() {
        let block = fit_title(&geometry(80, 24), "マイナ保険証 よくある質問", 76, 14).unwrap();
        assert_eq!(block.lines, ["マイナ保険証", "よくある質問"]);
        assert_eq!(block.style.font, BigFont::B12);
    }
}
