//! Cutting a string to a width without splitting a character, marking the cut.

use unicode_segmentation::UnicodeSegmentation;

use super::width::{AmbiguousWidth, display_width_with, grapheme_width};

/// The mark put where text was cut.
const CUT_MARK: &str = "…";

/// `text` shortened to at most `width` columns; a cut is marked with `…`.
///
/// The cut falls between grapheme clusters, so a wide character or an emoji sequence that would
/// straddle the edge is left out whole, never split. Spaces just before the cut are dropped so
/// the mark follows the last word. The mark is an East Asian Ambiguous character: it takes two
/// columns when `ambiguous` is [`AmbiguousWidth::Wide`]. A width too narrow for the mark gives an
/// empty string.
///
/// ```
/// use faq_kiosk::text::{AmbiguousWidth, truncate_to_width};
/// assert_eq!(truncate_to_width("マイナ保険証", 7, AmbiguousWidth::Narrow), "マイナ…");
/// assert_eq!(truncate_to_width("マイナ保険証", 7, AmbiguousWidth::Wide), "マイ…");
/// ```
pub fn truncate_to_width(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    if display_width_with(text, ambiguous) <= width {
        return text.to_string();
    }
    let Some(room) = width.checked_sub(display_width_with(CUT_MARK, ambiguous)) else {
        return String::new();
    };
    let mut used = 0;
    let mut end = 0;
    for (offset, grapheme) in text.grapheme_indices(true) {
        used += grapheme_width(grapheme, ambiguous);
        if used > room {
            break;
        }
        end = offset + grapheme.len();
    }
    let mut out = text[..end].trim_end_matches(' ').to_string();
    out.push_str(CUT_MARK);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_unchanged() {
        assert_eq!(
            truncate_to_width("使い方", 6, AmbiguousWidth::Narrow),
            "使い方"
        );
    }

    #[test]
    fn cut_is_marked_and_never_splits_a_wide_character() {
        assert_eq!(
            truncate_to_width("マイナ保険証", 6, AmbiguousWidth::Narrow),
            "マイ…"
        );
        assert_eq!(
            truncate_to_width("マイナ保険証", 0, AmbiguousWidth::Narrow),
            ""
        );
        assert_eq!(
            truncate_to_width("マイナ保険証", 1, AmbiguousWidth::Wide),
            ""
        );
    }

    #[test]
    fn cut_never_splits_a_grapheme_cluster() {
        assert_eq!(truncate_to_width("ｶﾞｷﾞｸﾞ", 4, AmbiguousWidth::Narrow), "ｶﾞ…");
        assert_eq!(
            truncate_to_width("a👨‍👩‍👧bc", 4, AmbiguousWidth::Narrow),
            "a👨‍👩‍👧…"
        );
    }

    #[test]
    fn spaces_before_the_mark_are_dropped() {
        assert_eq!(
            truncate_to_width("Q1 毎回", 5, AmbiguousWidth::Narrow),
            "Q1…"
        );
    }
}
