//! Greedy first-fit filling of lines from the break opportunities of [`super::breaks`].
//!
//! A paragraph is cut into *segments*, the text between two break opportunities. Each segment
//! goes on the current line if it fits, else on a new line. A segment wider than a whole line is
//! cut between grapheme clusters where the kinsoku rules allow, filling the current line first.
//! Spaces follow the rules in the `text` module documentation: they hang at the end of a segment
//! and are placed only if more text follows on the same line.

use unicode_segmentation::UnicodeSegmentation;

use super::breaks::break_offsets;
use super::kinsoku::{may_break, may_hang};
use super::width::{AmbiguousWidth, Clusters, display_width_with};

/// The note mark whose paragraphs get a hanging indent, so the note text aligns after it.
const NOTE_MARK: char = '※';

/// How many columns a hanging 、。，． takes past the width: they are all two columns wide.
const HANGING_COLUMNS: usize = 2;

/// Whether 、。，． may hang past the end of a line (ぶら下がり, burasagari).
///
/// Hanging keeps a line from losing its last character to the next line just because a comma
/// or full stop follows it, at the price of two columns of margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HangingPunctuation {
    /// Every line fits the width; a comma or full stop that does not fit takes the character
    /// before it to the next line (追い出し). The default.
    #[default]
    Inside,
    /// A 、。，． that would not fit may hang past the width by one character (two columns).
    ///
    /// Lines are then up to [`WrapOptions::max_line_width`] columns wide. Wrap at the width of
    /// the text area minus two, and leave those two columns free on the right of every line.
    Hang,
}

/// How to wrap a paragraph: the width in columns, how to measure ambiguous characters and
/// whether punctuation may hang.
///
/// Build it with [`WrapOptions::new`] and the consuming setters; a bare width converts into it,
/// so `wrap_japanese(text, 38)` works too.
///
/// ```
/// use faq_kiosk::text::{AmbiguousWidth, HangingPunctuation, WrapOptions};
/// let options = WrapOptions::new(40);
/// assert_eq!(options.width, 40);
/// assert_eq!(options.ambiguous, AmbiguousWidth::Narrow);
/// assert_eq!(options.hanging_punctuation, HangingPunctuation::Inside);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WrapOptions {
    /// The widest a line may be, in terminal columns; zero is taken as one.
    pub width: usize,
    /// How to measure East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Whether 、。，． may hang past the width.
    pub hanging_punctuation: HangingPunctuation,
}

impl WrapOptions {
    /// Options for `width` columns, ambiguous characters narrow, punctuation inside the width.
    ///
    /// A width of zero is taken as one, so that every character still finds a line.
    pub const fn new(width: usize) -> Self {
        Self {
            width,
            ambiguous: AmbiguousWidth::Narrow,
            hanging_punctuation: HangingPunctuation::Inside,
        }
    }

    /// The same options measuring ambiguous characters as given.
    ///
    /// Use [`AmbiguousWidth::Wide`] when the terminal draws ※ ○ … in two columns.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn ambiguous(mut self, ambiguous: AmbiguousWidth) -> Self {
        self.ambiguous = ambiguous;
        self
    }

    /// The same options with punctuation hanging as given.
    ///
    /// With [`HangingPunctuation::Hang`], leave [`WrapOptions::max_line_width`] columns for each
    /// line.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn hanging_punctuation(mut self, hanging: HangingPunctuation) -> Self {
        self.hanging_punctuation = hanging;
        self
    }

    /// The widest a wrapped line can be, in columns, hanging punctuation included.
    ///
    /// ```
    /// use faq_kiosk::text::{HangingPunctuation, WrapOptions};
    /// assert_eq!(WrapOptions::new(38).max_line_width(), 38);
    /// let hanging = WrapOptions::new(38).hanging_punctuation(HangingPunctuation::Hang);
    /// assert_eq!(hanging.max_line_width(), 40);
    /// ```
    pub const fn max_line_width(&self) -> usize {
        let width = if self.width == 0 { 1 } else { self.width };
        match self.hanging_punctuation {
            HangingPunctuation::Inside => width,
            HangingPunctuation::Hang => width + HANGING_COLUMNS,
        }
    }
}

impl From<usize> for WrapOptions {
    fn from(width: usize) -> Self {
        Self::new(width)
    }
}

/// Breaks one paragraph into lines no wider than the options' width.
///
/// Breaks fall where UAX #14 and the JLReq kinsoku rules allow: lines never start with closing
/// brackets, 、。！？・ー, small kana or iteration marks, never end with an opening bracket, and
/// never split —— ……, a number from its unit (`24時間`, `３か月`) or a grapheme cluster. A
/// paragraph that starts with `※` has its following lines indented with spaces to align after
/// the mark. Spaces at a break are dropped and a newline is a forced break; the `text` module
/// documentation gives the whitespace rules in full. An empty paragraph gives one empty line.
///
/// A line is wider than the width only when it holds a single grapheme cluster wider than the
/// width, or when [`HangingPunctuation::Hang`] lets a 、。 hang. When a run of characters has no
/// allowed break at all and is wider than a line, it is cut where the kinsoku rules allow, or,
/// where they allow nowhere, as late as fits.
///
/// ```
/// use faq_kiosk::text::wrap_japanese;
/// assert_eq!(wrap_japanese("あいうえお。", 10), ["あいうえ", "お。"]);
/// // ※ takes two columns: its glyph comes from the CJK font even where the cursor moves one.
/// assert_eq!(wrap_japanese("※あいうえおかき", 8), ["※あいう", "  えおか", "  き"]);
/// ```
pub fn wrap_japanese(text: &str, options: impl Into<WrapOptions>) -> Vec<String> {
    let options = options.into();
    let mut lines = Vec::new();
    for paragraph in text.split("\r\n").flat_map(|part| part.split(is_newline)) {
        Filler::new(trim_spaces(paragraph), &options, &mut lines).fill();
    }
    lines
}

/// `text` without the spaces at either end, keeping a space that a combining mark extends.
fn trim_spaces(text: &str) -> &str {
    let mut text = text.trim_end_matches(' ');
    while text.graphemes(true).next() == Some(" ") {
        text = &text[1..];
    }
    text
}

/// Whether `c` forces a line break.
fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The state of one paragraph being filled into lines.
///
/// Positions are byte offsets into the paragraph, always on grapheme cluster boundaries.
struct Filler<'a> {
    paragraph: &'a str,
    clusters: Clusters,
    lines: &'a mut Vec<String>,
    width: usize,
    hang: bool,
    /// The hanging indent of continuation lines, in spaces.
    indent: usize,
    line: String,
    line_width: usize,
    /// Whether the line holds any text beyond its indent.
    has_text: bool,
    /// Spaces after the last segment, placed only if more text follows on the same line.
    pending_spaces: usize,
}

impl<'a> Filler<'a> {
    fn new(paragraph: &'a str, options: &WrapOptions, lines: &'a mut Vec<String>) -> Self {
        let width = options.width.max(1);
        let mark = if paragraph.starts_with(NOTE_MARK) {
            display_width_with("※", options.ambiguous)
        } else {
            0
        };
        Self {
            paragraph,
            clusters: Clusters::new(paragraph, options.ambiguous),
            lines,
            width,
            hang: options.hanging_punctuation == HangingPunctuation::Hang,
            // An indent as wide as the line would leave no room for text.
            indent: if mark < width { mark } else { 0 },
            line: String::new(),
            line_width: 0,
            has_text: false,
            pending_spaces: 0,
        }
    }

    fn fill(mut self) {
        let len = self.paragraph.len();
        let breaks = break_offsets(self.paragraph, |offset| self.clusters.is_boundary(offset));
        let mut start = 0;
        for end in breaks.into_iter().chain([len]) {
            self.place_segment(start, end);
            start = end;
        }
        self.end_line();
    }

    /// Columns left on the current line once the pending spaces are placed.
    fn room(&self) -> usize {
        self.width
            .saturating_sub(self.line_width + self.pending_spaces)
    }

    /// The end of the text from `start` to `end` without its trailing spaces.
    fn trim_end(&self, start: usize, end: usize) -> usize {
        start + self.paragraph[start..end].trim_end_matches(' ').len()
    }

    fn place_segment(&mut self, start: usize, end: usize) {
        let body_end = self.trim_end(start, end);
        let body_width = self.clusters.width(start, body_end);
        if body_width <= self.room() || self.hangs_fully(start, body_end, body_width) {
            self.push(start, body_end, body_width);
        } else if self.has_text && body_width <= self.width - self.indent {
            self.end_line();
            self.push(start, body_end, body_width);
        } else {
            self.place_by_clusters(start, body_end);
        }
        self.pending_spaces += end - body_end;
    }

    /// Whether the text from `start` to `end` fits once its last character hangs past the width.
    fn hangs_fully(&self, start: usize, end: usize, width: usize) -> bool {
        self.hang
            && self.paragraph[start..end]
                .chars()
                .next_back()
                .is_some_and(|c| may_hang(c) && width - HANGING_COLUMNS <= self.room())
    }

    /// Places the text from `start` to `end`, too wide for a line of its own, cutting it between
    /// grapheme clusters.
    fn place_by_clusters(&mut self, start: usize, end: usize) {
        let mut rest = start;
        while rest < end {
            let rest_width = self.clusters.width(rest, end);
            if rest_width <= self.room() || self.hangs_fully(rest, end, rest_width) {
                self.push(rest, end, rest_width);
                return;
            }
            let cut = self.cut_point(rest, end);
            if cut == rest {
                self.end_line();
                continue;
            }
            let head_end = self.trim_end(rest, cut);
            let head_width = self.clusters.width(rest, head_end);
            let single = self.clusters.boundaries(rest, head_end).len() == 1;
            if !self.has_text && single && head_width > self.room() {
                // A cluster wider than the room after the indent is better shown without it.
                self.line.clear();
                self.line_width = 0;
            }
            self.push(rest, head_end, head_width);
            rest = cut;
            // A space that a combining mark extends is a visible cluster, not a gap.
            while rest < end
                && self.paragraph[rest..].starts_with(' ')
                && self.clusters.is_boundary(rest + 1)
            {
                rest += 1;
            }
            if rest < end {
                self.end_line();
            }
        }
    }

    /// Where to cut the text from `start` to `end` so that its head ends the current line: the
    /// last cluster boundary that fits and that kinsoku allows, or `start` to break before it.
    fn cut_point(&self, start: usize, end: usize) -> usize {
        let room = self.room();
        let mut fits = Vec::new();
        let mut before = start;
        for &after in self.clusters.boundaries(start, end) {
            let used = self.clusters.width(start, before);
            let width = self.clusters.width(before, after);
            let hangs = self.hang && self.paragraph[before..after].chars().all(may_hang);
            if used + width > room && !(hangs && used <= room) {
                break;
            }
            fits.push(after);
            before = after;
        }
        let text = self.paragraph;
        if let Some(&cut) = fits
            .iter()
            .rev()
            .find(|&&cut| cut < end && may_break(&text[start..cut], &text[cut..end]))
        {
            return cut;
        }
        if self.has_text {
            return start;
        }
        // Kinsoku allows no cut on an empty line: cut as late as fits, and at least one cluster.
        let first = self.clusters.boundaries(start, end).first().copied();
        fits.into_iter()
            .rev()
            .find(|&cut| cut < end)
            .or(first)
            .unwrap_or(end)
    }

    fn push(&mut self, start: usize, end: usize, width: usize) {
        self.line
            .extend(std::iter::repeat_n(' ', self.pending_spaces));
        self.line_width += self.pending_spaces;
        self.pending_spaces = 0;
        self.line.push_str(&self.paragraph[start..end]);
        self.line_width += width;
        self.has_text = true;
    }

    fn end_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.line.extend(std::iter::repeat_n(' ', self.indent));
        self.line_width = self.indent;
        self.has_text = false;
        self.pending_spaces = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_start_with_closing_punctuation() {
        assert_eq!(wrap_japanese("あいう。えお", 6), ["あい", "う。え", "お"]);
    }

    #[test]
    fn lines_never_end_with_an_opening_bracket() {
        assert_eq!(wrap_japanese("あい「うえ」", 6), ["あい", "「う", "え」"]);
    }

    #[test]
    fn note_paragraphs_hang_after_the_mark_in_both_modes() {
        // ※ takes two columns either way: its glyph comes from the CJK font.
        assert_eq!(
            wrap_japanese("※あいうえおかき", 8),
            ["※あいう", "  えおか", "  き"]
        );
        let wide = WrapOptions::new(8).ambiguous(AmbiguousWidth::Wide);
        assert_eq!(
            wrap_japanese("※あいうえおかき", wide),
            ["※あいう", "  えおか", "  き"]
        );
    }

    #[test]
    fn ascii_words_stay_whole() {
        assert_eq!(
            wrap_japanese("マイナ在宅受付Web", 16),
            ["マイナ在宅受付", "Web"]
        );
    }

    #[test]
    fn spaces_at_a_break_are_dropped_and_inner_spaces_kept() {
        assert_eq!(wrap_japanese("  ab  cd ef  ", 5), ["ab", "cd ef"]);
        assert_eq!(wrap_japanese("ab  cd", 6), ["ab  cd"]);
    }

    #[test]
    fn newlines_are_forced_breaks() {
        assert_eq!(wrap_japanese("あ\nい\r\nう", 10), ["あ", "い", "う"]);
        assert_eq!(wrap_japanese("※注\n※注", 10), ["※注", "※注"]);
        assert_eq!(wrap_japanese("あ\n", 10), ["あ", ""]);
    }

    #[test]
    fn empty_paragraph_gives_one_empty_line() {
        assert_eq!(wrap_japanese("", 10), [""]);
        assert_eq!(wrap_japanese("   ", 10), [""]);
        assert_eq!(wrap_japanese(" \u{301}a ", 10), [" \u{301}a"]);
    }

    #[test]
    fn punctuation_hangs_only_when_asked() {
        assert_eq!(wrap_japanese("あいう。", 6), ["あい", "う。"]);
        let hang = WrapOptions::new(6).hanging_punctuation(HangingPunctuation::Hang);
        assert_eq!(wrap_japanese("あいう。", hang), ["あいう。"]);
        assert_eq!(wrap_japanese("あいう。」", hang), ["あい", "う。」"]);
    }

    #[test]
    fn long_words_are_cut_between_characters_obeying_kinsoku() {
        assert_eq!(
            wrap_japanese("名前はabcdefghijklmnです", 10),
            ["名前はabcd", "efghijklmn", "です"]
        );
        // A hyphen cannot start a line, so each cut takes a digit along with it.
        assert_eq!(
            wrap_japanese("０１２０－９５－０１７８。", 8),
            ["０１２", "０－９", "５－０１", "７８。"]
        );
    }

    #[test]
    fn width_one_still_places_every_character() {
        assert_eq!(wrap_japanese("あa", 1), ["あ", "a"]);
        assert_eq!(wrap_japanese("あa", 0), ["あ", "a"]);
    }
}
