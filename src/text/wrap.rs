//! Greedy first-fit line breaking for Japanese text mixed with ASCII.

use super::kinsoku::{cannot_end_line, cannot_start_line};
use super::width::{AmbiguousWidth, char_width, display_width_with};

/// The note mark whose paragraphs get a hanging indent, so the note text aligns after it.
const NOTE_MARK: char = '※';

/// How to wrap a paragraph: the width in columns and how to measure ambiguous characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WrapOptions {
    /// The widest a line may be, in terminal columns.
    pub width: usize,
    /// How to measure East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
}

impl WrapOptions {
    /// Options for `width` columns with ambiguous characters narrow.
    pub const fn new(width: usize) -> Self {
        Self {
            width,
            ambiguous: AmbiguousWidth::Narrow,
        }
    }

    /// The same options measuring ambiguous characters as given.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn ambiguous(mut self, ambiguous: AmbiguousWidth) -> Self {
        self.ambiguous = ambiguous;
        self
    }
}

impl From<usize> for WrapOptions {
    fn from(width: usize) -> Self {
        Self::new(width)
    }
}

/// Breaks one paragraph into lines no wider than the options' width.
///
/// Lines never start with closing punctuation (、。）」…) or end with an opening bracket
/// (「（…), ASCII words stay whole where they fit, and a paragraph that starts with `※` has its
/// following lines indented to align after the mark. Spaces at a break are dropped. An empty
/// paragraph gives one empty line.
///
/// ```
/// use faq_kiosk::text::wrap_japanese;
/// assert_eq!(wrap_japanese("あいうえお。", 10), ["あいうえ", "お。"]);
/// ```
pub fn wrap_japanese(text: &str, options: impl Into<WrapOptions>) -> Vec<String> {
    let options = options.into();
    let width = options.width.max(1);
    let indent = if text.starts_with(NOTE_MARK) {
        char_width(NOTE_MARK, options.ambiguous)
    } else {
        0
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    for cluster in clusters(text) {
        let cluster_width = display_width_with(&cluster, options.ambiguous);
        if line_width + cluster_width > width && line_width > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            // The indent is only kept while there is room left for text after it.
            if indent < width {
                line.push_str(&" ".repeat(indent));
                line_width = indent;
            } else {
                line_width = 0;
            }
            if cluster.trim().is_empty() {
                continue;
            }
        }
        if line_width + cluster_width <= width {
            line.push_str(&cluster);
            line_width += cluster_width;
            continue;
        }
        for c in cluster.chars() {
            let w = char_width(c, options.ambiguous);
            if line_width + w > width && line_width > 0 && !line.trim().is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += w;
        }
    }
    lines.push(line.trim_end().to_string());
    lines
}

/// Splits text into the pieces between which a line may break.
fn clusters(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let joins = previous.is_some_and(|p| !may_break_between(p, c));
        match out.last_mut() {
            Some(last) if joins => last.push(c),
            _ => out.push(c.to_string()),
        }
        previous = Some(c);
    }
    out
}

fn may_break_between(before: char, after: char) -> bool {
    if cannot_start_line(after) || cannot_end_line(before) {
        return false;
    }
    let word = |c: char| c.is_ascii_alphanumeric() || c.is_ascii_punctuation();
    !(word(before) && word(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_start_with_closing_punctuation() {
        let lines = wrap_japanese("あいう。えお", 6);
        assert_eq!(lines, ["あい", "う。え", "お"]);
    }

    #[test]
    fn lines_never_end_with_an_opening_bracket() {
        assert_eq!(wrap_japanese("あい「うえ」", 6), ["あい", "「う", "え」"]);
    }

    #[test]
    fn note_paragraphs_hang_after_the_mark() {
        let lines = wrap_japanese("※あいうえおかき", 8);
        assert_eq!(lines, ["※あいう", " えおか", " き"]);
    }

    #[test]
    fn ascii_words_stay_whole() {
        assert_eq!(
            wrap_japanese("マイナ在宅受付Web", 16),
            ["マイナ在宅受付", "Web"]
        );
    }

    #[test]
    fn width_one_still_places_every_character() {
        let lines = wrap_japanese("あa", 1);
        assert_eq!(lines.concat(), "あa");
    }
}
