//! The two ways modules become terminal cells: half blocks, and pairs of spaces.

use crate::text::AmbiguousWidth;

/// How a QR code's modules are drawn in terminal cells.
///
/// A scanner needs every module where the code's grid puts it, so an encoding is only usable
/// if the terminal gives each character exactly the columns ratatui expects. The block
/// characters are East Asian Ambiguous: a terminal set up for CJK draws them two columns wide,
/// which would tear the code apart. No solid character exists that is not ambiguous, except
/// emoji such as ⬛ (U+2B1B), which fonts draw in colour with margins; so the encoding for such
/// terminals draws only ASCII spaces, which every terminal and ratatui give one column, and
/// carries the pattern in the colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum QrEncoding {
    /// One module across and two down per cell, drawn with `▀ ▄ █` and space.
    ///
    /// The smallest: a terminal cell is about twice as tall as it is wide, so the modules come
    /// out square. Only for terminals that draw ambiguous characters narrow.
    #[default]
    HalfBlock,
    /// One module per two cells side by side, both spaces; dark modules are in reverse video.
    ///
    /// Four times the cells of [`QrEncoding::HalfBlock`], with the same square modules. Every
    /// character is an ASCII space, so it is drawn right whatever width the terminal gives
    /// ambiguous characters.
    SpacePairs,
}

impl QrEncoding {
    /// The encoding to use where the terminal draws ambiguous characters `ambiguous`: half
    /// blocks where they are narrow, space pairs where they are wide.
    ///
    /// ```
    /// use faq_kiosk::qr::QrEncoding;
    /// use faq_kiosk::text::AmbiguousWidth;
    ///
    /// assert_eq!(QrEncoding::for_ambiguous(AmbiguousWidth::Narrow), QrEncoding::HalfBlock);
    /// assert_eq!(QrEncoding::for_ambiguous(AmbiguousWidth::Wide), QrEncoding::SpacePairs);
    /// ```
    pub const fn for_ambiguous(ambiguous: AmbiguousWidth) -> Self {
        match ambiguous {
            AmbiguousWidth::Narrow => Self::HalfBlock,
            AmbiguousWidth::Wide => Self::SpacePairs,
        }
    }

    /// The cells `(columns, rows)` that a square of `modules` modules takes.
    pub(crate) const fn cells(self, modules: usize) -> (usize, usize) {
        match self {
            Self::HalfBlock => (modules, modules.div_ceil(2)),
            Self::SpacePairs => (2 * modules, modules),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthChar;

    #[test]
    fn half_blocks_are_ambiguous_and_no_solid_wide_character_is_plain_text() {
        // The half blocks change width with the terminal: the reason for SpacePairs.
        for c in ['▀', '▄', '█'] {
            assert_eq!(c.width(), Some(1), "{c}");
            assert_eq!(c.width_cjk(), Some(2), "{c}");
        }
        // The full-width candidates: the ideographic space is wide everywhere, but the only
        // wide solid squares are emoji, drawn in colour with margins.
        assert_eq!('\u{3000}'.width(), Some(2));
        assert_eq!('\u{3000}'.width_cjk(), Some(2));
        assert_eq!('⬛'.width(), Some(2));
        // The space is one column everywhere.
        assert_eq!(' '.width(), Some(1));
        assert_eq!(' '.width_cjk(), Some(1));
    }

    #[test]
    fn cells_round_half_block_rows_up() {
        assert_eq!(QrEncoding::HalfBlock.cells(29), (29, 15));
        assert_eq!(QrEncoding::HalfBlock.cells(30), (30, 15));
        assert_eq!(QrEncoding::SpacePairs.cells(29), (58, 29));
    }
}
