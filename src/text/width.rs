//! The one place where the terminal width of text is decided.
//!
//! Text is measured grapheme cluster by grapheme cluster. [`cursor_width`] is how far the
//! terminal moves its cursor, exactly as ratatui's `Buffer::set_string` advances: a cluster with
//! a control character draws nothing, a one-byte cluster takes one column, any other cluster
//! takes its `unicode-width` string width plus one column for each half-width sound mark
//! (ﾞ U+FF9E, ﾟ U+FF9F).
//!
//! [`grapheme_width`] is the room the glyph takes on the screen, which can be more: a terminal
//! that moves its cursor one column for an East Asian Ambiguous character still draws ※ ① ℃
//! from its CJK fallback font when the main (Latin) font lacks them, two columns wide. xterm
//! then squeezes the glyph into its cell, foot lets it run into the next character (※暗). Such
//! a character is given a blank cell after it, so it is whole in both. Wrapping, truncation and
//! padding all measure the room, so what the engine lays out is what the screen shows.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How many columns the terminal gives East Asian Ambiguous characters (※ ○ … → ■).
///
/// Western terminals draw them in one column, terminals set up for CJK in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    /// One column (the Unicode default, and what ratatui assumes).
    #[default]
    Narrow,
    /// Two columns, as in a CJK-configured terminal.
    Wide,
}

/// The number of terminal columns one grapheme cluster takes on the screen: its cursor advance
/// ([`cursor_width`]), and one more for an ambiguous character whose glyph comes from the CJK
/// fallback font two columns wide on a terminal that moves the cursor one column for it.
///
/// `grapheme` should be a single extended grapheme cluster (as split by `unicode-segmentation`);
/// a longer string is measured as if it were one cluster.
///
/// ```
/// use faq_kiosk::text::{AmbiguousWidth, grapheme_width};
/// assert_eq!(grapheme_width("ｶﾞ", AmbiguousWidth::Narrow), 2);
/// assert_eq!(grapheme_width("※", AmbiguousWidth::Narrow), 2);
/// assert_eq!(grapheme_width("※", AmbiguousWidth::Wide), 2);
/// assert_eq!(grapheme_width("○", AmbiguousWidth::Narrow), 1);
/// ```
pub fn grapheme_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    let advance = cursor_width(grapheme, ambiguous);
    if advance == 1 && has_wide_fallback_glyph(grapheme) {
        2
    } else {
        advance
    }
}

/// How many columns the terminal moves its cursor for one grapheme cluster, as ratatui's
/// buffer assumes when `ambiguous` is [`AmbiguousWidth::Narrow`].
///
/// Clusters holding a control character take no columns, because ratatui skips them instead
/// of drawing them.
///
/// ```
/// use faq_kiosk::text::{AmbiguousWidth, cursor_width};
/// assert_eq!(cursor_width("👨‍👩‍👧", AmbiguousWidth::Narrow), 2);
/// assert_eq!(cursor_width("※", AmbiguousWidth::Narrow), 1);
/// assert_eq!(cursor_width("※", AmbiguousWidth::Wide), 2);
/// ```
pub fn cursor_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    if grapheme.contains(char::is_control) {
        return 0;
    }
    // ratatui gives every one-byte cluster one column without asking unicode-width.
    if grapheme.len() == 1 {
        return 1;
    }
    let base = match ambiguous {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => grapheme.width_cjk(),
    };
    // unicode-width calls ﾞ and ﾟ zero-width (they extend the cluster), but terminals and
    // ratatui give each its own column.
    base + grapheme
        .chars()
        .filter(|&c| is_halfwidth_sound_mark(c))
        .count()
}

/// The number of terminal columns `c` takes when drawn on its own.
///
/// Prefer [`display_width_with`] for strings: a cluster such as `👨‍👩‍👧` is narrower than the
/// sum of its characters.
pub fn char_width(c: char, ambiguous: AmbiguousWidth) -> usize {
    grapheme_width(c.encode_utf8(&mut [0; 4]), ambiguous)
}

/// The number of terminal columns `text` takes on a terminal that moves the cursor one column
/// for ambiguous characters (ratatui's assumption); use [`display_width_with`] for a CJK
/// terminal.
pub fn display_width(text: &str) -> usize {
    display_width_with(text, AmbiguousWidth::Narrow)
}

/// The number of terminal columns `text` takes, with ambiguous characters as given.
///
/// This is the sum of [`grapheme_width`] over the grapheme clusters of `text`.
pub fn display_width_with(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.graphemes(true)
        .map(|g| grapheme_width(g, ambiguous))
        .sum()
}

/// The grapheme clusters of one text, segmented and measured once.
///
/// Wrapping asks for the width of many slices of a paragraph; segmenting each slice anew cost
/// more than the whole rest of the layout.
pub(crate) struct Clusters {
    /// The byte offset where each cluster starts, then the length of the text.
    offsets: Vec<usize>,
    /// The columns taken by the text before each entry of `offsets`.
    columns: Vec<usize>,
}

impl Clusters {
    pub(crate) fn new(text: &str, ambiguous: AmbiguousWidth) -> Self {
        let mut offsets = Vec::with_capacity(text.len() / 2 + 1);
        let mut columns = Vec::with_capacity(text.len() / 2 + 1);
        let mut used = 0;
        for (offset, grapheme) in text.grapheme_indices(true) {
            offsets.push(offset);
            columns.push(used);
            used += grapheme_width(grapheme, ambiguous);
        }
        offsets.push(text.len());
        columns.push(used);
        Self { offsets, columns }
    }

    /// Whether a cluster starts or the text ends at `offset`.
    pub(crate) fn is_boundary(&self, offset: usize) -> bool {
        self.offsets.binary_search(&offset).is_ok()
    }

    /// The columns taken by the text between the boundaries `start` and `end`.
    pub(crate) fn width(&self, start: usize, end: usize) -> usize {
        self.columns[self.index(end)] - self.columns[self.index(start)]
    }

    /// The boundaries after `start`, up to and including `end`.
    pub(crate) fn boundaries(&self, start: usize, end: usize) -> &[usize] {
        &self.offsets[self.index(start) + 1..=self.index(end)]
    }

    /// Where `offset` is, or would be, in `offsets`; clamped so that indexing cannot fail.
    fn index(&self, offset: usize) -> usize {
        self.offsets
            .partition_point(|&o| o < offset)
            .min(self.offsets.len() - 1)
    }
}

/// East Asian Ambiguous characters that Latin monospace fonts lack (DejaVu Sans Mono, the
/// shipped main font, has none of them) and CJK fonts draw a full cell pair wide (Noto Sans
/// Mono CJK JP, the shipped fallback): reference mark, two-dot leader, units, Roman numerals,
/// circled and parenthesised numbers and letters. Found by comparing the two fonts' character
/// sets over the ambiguous characters; those both fonts draw (○ … → ■ ▀) fit one cell.
const WIDE_FALLBACK_GLYPHS: &[(char, char)] = &[
    ('\u{2025}', '\u{2025}'), // ‥
    ('\u{2027}', '\u{2027}'), // ‧
    ('\u{203B}', '\u{203B}'), // ※
    ('\u{2103}', '\u{2103}'), // ℃
    ('\u{2109}', '\u{2109}'), // ℉
    ('\u{2113}', '\u{2113}'), // ℓ
    ('\u{2121}', '\u{2121}'), // ℡
    ('\u{2160}', '\u{216B}'), // Ⅰ to Ⅻ
    ('\u{2170}', '\u{2179}'), // ⅰ to ⅹ
    ('\u{2225}', '\u{2225}'), // ∥
    ('\u{222E}', '\u{222E}'), // ∮
    ('\u{226A}', '\u{226B}'), // ≪ ≫
    ('\u{22BF}', '\u{22BF}'), // ⊿
    ('\u{2460}', '\u{24E9}'), // ① to ⓩ
    ('\u{24EB}', '\u{24FF}'), // ⓫ to ⓿
    ('\u{2776}', '\u{277F}'), // ❶ to ❿
];

/// Whether the cluster starts with a character of [`WIDE_FALLBACK_GLYPHS`].
fn has_wide_fallback_glyph(grapheme: &str) -> bool {
    grapheme.chars().next().is_some_and(|c| {
        WIDE_FALLBACK_GLYPHS
            .iter()
            .any(|&(first, last)| (first..=last).contains(&c))
    })
}

/// Whether `c` is a half-width voiced or semi-voiced sound mark (ﾞ or ﾟ).
fn is_halfwidth_sound_mark(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_narrow_characters() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("マイナ保険証"), 12);
        assert_eq!(display_width("０１２０"), 8);
        assert_eq!(display_width("(4桁の番号)"), 11);
    }

    #[test]
    fn ambiguous_characters_follow_the_mode() {
        assert_eq!(display_width_with("○", AmbiguousWidth::Narrow), 1);
        assert_eq!(display_width_with("※", AmbiguousWidth::Wide), 2);
        assert_eq!(display_width_with("…", AmbiguousWidth::Wide), 2);
    }

    #[test]
    fn glyphs_from_the_cjk_fallback_get_the_room_they_take() {
        for glyph in ["※", "①", "℃", "Ⅻ", "❿", "≪"] {
            assert_eq!(cursor_width(glyph, AmbiguousWidth::Narrow), 1, "{glyph}");
            assert_eq!(grapheme_width(glyph, AmbiguousWidth::Narrow), 2, "{glyph}");
            assert_eq!(grapheme_width(glyph, AmbiguousWidth::Wide), 2, "{glyph}");
        }
        for glyph in ["…", "→", "■", "▀", "é", "—"] {
            assert_eq!(grapheme_width(glyph, AmbiguousWidth::Narrow), 1, "{glyph}");
        }
        assert_eq!(display_width_with("※暗証", AmbiguousWidth::Narrow), 6);
    }

    #[test]
    fn halfwidth_sound_marks_take_their_own_column() {
        assert_eq!(display_width("ｶﾞｷﾞ"), 4);
        assert_eq!(display_width("ﾊﾟ"), 2);
        assert_eq!(char_width('ﾞ', AmbiguousWidth::Narrow), 1);
    }

    #[test]
    fn combining_marks_and_emoji_sequences_are_measured_as_clusters() {
        assert_eq!(display_width("ｶ\u{3099}"), 1);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("👍🏽"), 2);
        assert_eq!(display_width("🏳️‍🌈"), 2);
    }

    #[test]
    fn clusters_measure_slices_between_boundaries() {
        let clusters = Clusters::new("aｶﾞ👨‍👩‍👧漢", AmbiguousWidth::Narrow);
        assert!(clusters.is_boundary(1));
        assert!(!clusters.is_boundary(4));
        assert_eq!(clusters.width(0, 7), 3);
        assert_eq!(clusters.width(1, 25), 4);
        assert_eq!(clusters.width(0, 28), 7);
        assert_eq!(clusters.boundaries(1, 25), [7, 25]);
    }

    #[test]
    fn control_characters_take_no_columns() {
        assert_eq!(char_width('\u{1b}', AmbiguousWidth::Narrow), 0);
        assert_eq!(display_width("a\tb"), 2);
    }
}
