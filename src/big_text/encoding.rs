//! The ways a block of pixels becomes one terminal cell: half blocks, sextants and Braille.

use super::bitmap::Bitmap;

/// How many pixels one terminal cell shows, and with which characters.
///
/// Finer encodings make smaller text: one 16 px kanji is 16x8 cells in half blocks, 8x6 in
/// sextants and 8x4 in Braille.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum CellEncoding {
    /// 1x2 pixels a cell, drawn with `▀ ▄ █` and space: the largest, and legible on any font.
    ///
    /// The block characters are East Asian Ambiguous, so a terminal set to draw ambiguous
    /// characters two columns wide doubles every cell; use [`CellEncoding::Braille`] there.
    #[default]
    HalfBlock,
    /// 2x3 pixels a cell, drawn with the sextants of Unicode 13 (U+1FB00–U+1FB3B), plus
    /// `▌ ▐ █` and space for the four patterns that block leaves out.
    ///
    /// Needs a terminal font with the "Symbols for Legacy Computing" block; `▌ ▐ █` are East
    /// Asian Ambiguous as for [`CellEncoding::HalfBlock`].
    Sextant,
    /// 2x4 pixels a cell, drawn with Braille patterns (U+2801–U+28FF) and space, which every
    /// terminal draws one column wide; the dots leave gaps, so strokes look dotted.
    Braille,
}

impl CellEncoding {
    /// The pixels one cell shows, as `(width, height)`.
    pub const fn cell_size(self) -> (u32, u32) {
        match self {
            Self::HalfBlock => (1, 2),
            Self::Sextant => (2, 3),
            Self::Braille => (2, 4),
        }
    }

    /// Whether every character this encoding writes is one column wide on every terminal,
    /// including those that draw East Asian Ambiguous characters wide.
    pub const fn is_always_narrow(self) -> bool {
        matches!(self, Self::Braille)
    }

    /// The character for the cell whose top-left pixel is `(x, y)` in `bitmap`.
    pub(crate) fn symbol_at(self, bitmap: &Bitmap, x: u32, y: u32) -> char {
        let (width, height) = self.cell_size();
        // Bit `row * width + column` is the pixel at (column, row) inside the cell, reading
        // left to right, top to bottom; each encoding maps that pattern to its own character.
        let mut pattern = 0u8;
        for row in 0..height {
            for column in 0..width {
                if bitmap.get(x + column, y + row) {
                    pattern |= 1 << (row * width + column);
                }
            }
        }
        self.symbol(pattern)
    }

    /// The character for a reading-order pixel pattern (see [`CellEncoding::symbol_at`]).
    fn symbol(self, pattern: u8) -> char {
        match self {
            Self::HalfBlock => [' ', '▀', '▄', '█'][usize::from(pattern & 0b11)],
            Self::Sextant => sextant(pattern & 0b11_1111),
            Self::Braille => braille(pattern),
        }
    }
}

/// The sextant character for a 2x3 pattern.
///
/// Unicode numbers sextant cells 1–6 in reading order, the same as our bits, and U+1FB00 onward
/// lists the patterns 1..=62 in order, skipping the two that already existed as `▌` (cells 1, 3
/// and 5) and `▐` (cells 2, 4 and 6); empty and full are space and `█`.
fn sextant(pattern: u8) -> char {
    const LEFT_HALF: u8 = 0b01_0101;
    const RIGHT_HALF: u8 = 0b10_1010;
    match pattern {
        0 => ' ',
        LEFT_HALF => '▌',
        RIGHT_HALF => '▐',
        0b11_1111 => '█',
        _ => {
            let skipped = u32::from(pattern > LEFT_HALF) + u32::from(pattern > RIGHT_HALF);
            char::from_u32(0x1FB00 + u32::from(pattern) - 1 - skipped).unwrap_or(' ')
        }
    }
}

/// The Braille character for a 2x4 pattern.
///
/// Braille numbers its dots down the left column (1, 2, 3), down the right (4, 5, 6), then the
/// bottom row (7, 8), and dot n is bit n-1 above U+2800; this table moves each reading-order bit
/// to its dot's bit. An empty cell is a space, as in the other encodings, rather than the blank
/// pattern U+2800, which some terminal fonts draw as a visible box.
fn braille(pattern: u8) -> char {
    const DOT_BIT: [u8; 8] = [0, 3, 1, 4, 2, 5, 6, 7];
    if pattern == 0 {
        return ' ';
    }
    let mut dots = 0u32;
    for (bit, dot_bit) in DOT_BIT.iter().enumerate() {
        if pattern & (1 << bit) != 0 {
            dots |= 1 << dot_bit;
        }
    }
    char::from_u32(0x2800 + dots).unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_blocks_read_top_then_bottom() {
        let symbols: String = (0..4).map(|p| CellEncoding::HalfBlock.symbol(p)).collect();
        assert_eq!(symbols, " ▀▄█");
    }

    #[test]
    fn every_sextant_pattern_has_its_own_character() {
        let symbols: Vec<char> = (0..64).map(sextant).collect();
        let mut unique = symbols.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 64);
        assert_eq!(symbols[1], '\u{1FB00}', "cell 1 alone is BLOCK SEXTANT-1");
        assert_eq!(
            symbols[62], '\u{1FB3B}',
            "cells 2-6 are BLOCK SEXTANT-23456"
        );
        assert_eq!(
            symbols[0b01_0110], '\u{1FB14}',
            "cells 2, 3 and 5: BLOCK SEXTANT-235"
        );
        assert_eq!(
            symbols[0b10_1011], '\u{1FB28}',
            "cells 1, 2, 4 and 6: BLOCK SEXTANT-1246"
        );
    }

    #[test]
    fn braille_dots_follow_their_numbering() {
        assert_eq!(braille(0), ' ');
        // Top-left is dot 1, bottom-left dot 7, bottom-right dot 8.
        assert_eq!(braille(0b0000_0001), '⠁');
        assert_eq!(braille(0b0100_0000), '⡀');
        assert_eq!(braille(0b1000_0000), '⢀');
        // The left column of the top three rows is dots 1, 2, 3.
        assert_eq!(braille(0b0001_0101), '⠇');
        assert_eq!(braille(0xFF), '⣿');
    }

    #[test]
    fn only_braille_is_narrow_everywhere() {
        use unicode_width::UnicodeWidthChar;
        for encoding in [
            CellEncoding::HalfBlock,
            CellEncoding::Sextant,
            CellEncoding::Braille,
        ] {
            let (w, h) = encoding.cell_size();
            let narrow_cjk = (0..1u16 << (w * h))
                .map(|p| encoding.symbol(p as u8))
                .all(|c| c.width_cjk() == Some(1));
            assert_eq!(narrow_cjk, encoding.is_always_narrow(), "{encoding:?}");
        }
    }
}
