//! Cutting a string to a width without splitting a character, marking the cut.

use super::width::{AmbiguousWidth, char_width, display_width_with};

/// The mark put where text was cut.
const CUT_MARK: char = '…';

/// `text` shortened to at most `width` columns; a cut is marked with `…`.
///
/// A wide character that would straddle the edge is left out whole, never split.
pub fn truncate_to_width(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    if display_width_with(text, ambiguous) <= width {
        return text.to_string();
    }
    let mark_width = char_width(CUT_MARK, ambiguous);
    if width < mark_width {
        return String::new();
    }
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_width(c, ambiguous);
        if used + w + mark_width > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(CUT_MARK);
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
            truncate_to_width("マイナ保険証", 7, AmbiguousWidth::Narrow),
            "マイナ…"
        );
        assert_eq!(
            truncate_to_width("マイナ保険証", 0, AmbiguousWidth::Narrow),
            ""
        );
    }
}
