//! The one place where the terminal width of a character or string is decided.

use unicode_width::UnicodeWidthChar;

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

/// The number of terminal columns `c` takes; control characters take none.
pub fn char_width(c: char, ambiguous: AmbiguousWidth) -> usize {
    match ambiguous {
        AmbiguousWidth::Narrow => c.width().unwrap_or(0),
        AmbiguousWidth::Wide => c.width_cjk().unwrap_or(0),
    }
}

/// The number of terminal columns `text` takes, with ambiguous characters narrow.
pub fn display_width(text: &str) -> usize {
    display_width_with(text, AmbiguousWidth::Narrow)
}

/// The number of terminal columns `text` takes, with ambiguous characters as given.
pub fn display_width_with(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.chars().map(|c| char_width(c, ambiguous)).sum()
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
        assert_eq!(display_width_with("※", AmbiguousWidth::Narrow), 1);
        assert_eq!(display_width_with("※", AmbiguousWidth::Wide), 2);
    }
}
