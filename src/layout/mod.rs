//! Where text goes at a given terminal size: the screen's regions, wrapped lines and pages.
//!
//! Both the state machine (which item does digit 3 open? how many pages has this answer?) and
//! the view (what to draw) ask this module, so they can never disagree. Nothing here draws.

mod big;
mod cache;

pub use big::{BigBlock, BigStyle, BigTextOptions, FontChoice, candidates, fit, fit_title};
pub use cache::LayoutCache;

use std::ops::Range;

use crate::content::{Content, Question};
use crate::text::{
    AmbiguousWidth, HangingPunctuation, WrapOptions, display_width_with, wrap_japanese,
};

/// The narrowest terminal the kiosk lays out a screen for; below it, a short message is shown.
pub const MIN_WIDTH: u16 = 40;
/// The lowest terminal the kiosk lays out a screen for.
pub const MIN_HEIGHT: u16 = 12;
/// At most this many items are numbered on one page, so that one digit key opens each.
pub const MAX_ITEMS_PER_PAGE: usize = 9;
/// Columns taken by an item's number (` 1 ` as a key cap, then a space) before its text.
pub const NUMBER_COLUMNS: usize = 4;

/// The widest the body gets, in columns: 50 full-width characters. Longer lines are hard to
/// follow back to their start, above all for older eyes.
pub const MAX_BODY_WIDTH: u16 = 100;

/// The widest terminal the kiosk lays out, in columns: a 4K monitor (3840 pixels across) in
/// the smallest legible font (5x8 pixels) shows 768. A terminal may report any width up to
/// 65535 (an SSH client says what it likes), and every frame holds a few cells for each
/// column and row, so beyond this the kiosk lays out this many and leaves the rest blank.
pub const MAX_WIDTH: u16 = 800;
/// The tallest terminal the kiosk lays out, in rows: the same 4K monitor turned upright, as
/// lobby stands often are (3840 pixels high in an 8-pixel font: 480).
pub const MAX_HEIGHT: u16 = 480;

/// The size the kiosk lays out and draws on a terminal of `width` x `height`: the terminal's
/// own, capped at [`MAX_WIDTH`] x [`MAX_HEIGHT`].
pub const fn capped_size(width: u16, height: u16) -> (u16, u16) {
    let width = if width > MAX_WIDTH { MAX_WIDTH } else { width };
    let height = if height > MAX_HEIGHT {
        MAX_HEIGHT
    } else {
        height
    };
    (width, height)
}

/// Rows taken above the body (header bar, blank) and below it (page line, key guide).
const HEADER_ROWS: u16 = 2;
const FOOTER_ROWS: u16 = 2;

/// A terminal size and how to measure text on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Columns of the terminal.
    pub width: u16,
    /// Rows of the terminal.
    pub height: u16,
    /// How the terminal draws East Asian Ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// Whether 、。 may hang into the right margin; the body then keeps two columns for them.
    pub hanging_punctuation: bool,
    /// Which large-glyph sizes titles may be drawn in.
    pub big_text: BigTextOptions,
}

/// A rectangle of cells, in terminal coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Geometry {
    /// A terminal of `width` x `height` with narrow ambiguous characters, laid out no larger
    /// than [`capped_size`].
    pub const fn new(width: u16, height: u16) -> Self {
        let (width, height) = capped_size(width, height);
        Self {
            width,
            height,
            ambiguous: AmbiguousWidth::Narrow,
            hanging_punctuation: false,
            big_text: BigTextOptions::new(),
        }
    }

    /// The same terminal with large glyphs allowed as given.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn big_text(mut self, options: BigTextOptions) -> Self {
        self.big_text = options;
        self
    }

    /// The band for large titles: the whole width inside the side margins, not capped as the
    /// body is, since large glyphs need the room and are read from a step back.
    pub fn wide_area(&self) -> Area {
        let margin = self.side_margin();
        Area {
            x: margin.min(self.width / 2),
            width: self.width.saturating_sub(2 * margin),
            ..self.body()
        }
    }

    /// Columns kept free on each side: more on wide terminals.
    const fn side_margin(&self) -> u16 {
        if self.width >= 100 { 4 } else { 2 }
    }

    /// The same terminal with ambiguous characters measured as given.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn ambiguous(mut self, ambiguous: AmbiguousWidth) -> Self {
        self.ambiguous = ambiguous;
        self
    }

    /// The same terminal with hanging punctuation on or off.
    #[must_use = "method moves the value of self and returns the modified value"]
    pub const fn hanging_punctuation(mut self, hanging: bool) -> Self {
        self.hanging_punctuation = hanging;
        self
    }

    /// Whether the terminal is big enough for the kiosk's screens.
    pub const fn is_usable(&self) -> bool {
        self.width >= MIN_WIDTH && self.height >= MIN_HEIGHT
    }

    /// The body: between the header and footer, with side margins that grow with the width,
    /// and never wider than [`MAX_BODY_WIDTH`], centred on wide terminals.
    pub fn body(&self) -> Area {
        let width = self
            .width
            .saturating_sub(2 * self.side_margin())
            .min(MAX_BODY_WIDTH);
        Area {
            x: (self.width - width) / 2,
            y: HEADER_ROWS.min(self.height),
            width,
            height: self.height.saturating_sub(HEADER_ROWS + FOOTER_ROWS),
        }
    }

    /// Wraps `text` to lines of at most `width` columns, hanging punctuation included.
    fn wrap(&self, text: &str, width: usize) -> Vec<String> {
        let inside = WrapOptions::new(width).ambiguous(self.ambiguous);
        if !self.hanging_punctuation {
            return wrap_japanese(text, inside);
        }
        // The columns 、。 hang into are taken from the right of the same width.
        let hang = inside.hanging_punctuation(HangingPunctuation::Hang);
        let reserved = hang.max_line_width() - inside.max_line_width();
        let options = WrapOptions::new(width.saturating_sub(reserved).max(1))
            .ambiguous(self.ambiguous)
            .hanging_punctuation(HangingPunctuation::Hang);
        wrap_japanese(text, options)
    }

    /// The width of `text` on this terminal.
    pub fn text_width(&self, text: &str) -> usize {
        display_width_with(text, self.ambiguous)
    }
}

/// One numbered entry of a list, wrapped to the list's width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// The entry's main text, one string per line (indent not included).
    pub title: Vec<String>,
    /// A muted line or two under the title (a category's description); may be empty.
    pub detail: Vec<String>,
}

impl ListEntry {
    fn rows(&self) -> usize {
        self.title.len() + self.detail.len()
    }
}

/// A list screen laid out: the lines above the list, the entries, and how they fall in pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListLayout {
    /// A title in large glyphs above everything else (a category's title), if it fits.
    pub big_heading: Option<BigBlock>,
    /// Lines above the list (a prompt, or a category's title and description).
    pub heading: Vec<String>,
    /// Every entry of the list, wrapped.
    pub entries: Vec<ListEntry>,
    /// The entries on each page; never empty, at most nine entries each.
    pub pages: Vec<Range<usize>>,
    /// Whether a blank row separates entries (when there is room for it).
    pub spaced: bool,
    /// The entries' titles in large glyphs, one per line, when the whole list fits that way
    /// (then it has one page and no descriptions).
    pub big_entries: Option<BigBlock>,
}

impl ListLayout {
    /// The page that shows entry `index`.
    pub fn page_of(&self, index: usize) -> usize {
        self.pages
            .iter()
            .position(|page| page.contains(&index))
            .unwrap_or(0)
    }
}

/// Lays out a list of `(title, detail)` entries under a heading, in pages that fit the body
/// below `reserved` rows kept for something above the heading.
pub fn list_layout(
    geometry: &Geometry,
    reserved: usize,
    heading: &[&str],
    entries: &[(&str, &str)],
) -> ListLayout {
    let body = geometry.body();
    let width = usize::from(body.width);
    let entry_width = width.saturating_sub(NUMBER_COLUMNS).max(1);
    let heading: Vec<String> = heading
        .iter()
        .flat_map(|text| geometry.wrap(text, width))
        .collect();
    let wrap_entries = |with_detail: bool| -> Vec<ListEntry> {
        entries
            .iter()
            .map(|(title, detail)| ListEntry {
                title: geometry.wrap(title, entry_width),
                detail: if with_detail && !detail.is_empty() {
                    geometry.wrap(detail, entry_width)
                } else {
                    Vec::new()
                },
            })
            .collect()
    };
    // The heading is followed by one blank row.
    let rows = usize::from(body.height)
        .saturating_sub(reserved + heading.len() + 1)
        .max(1);
    // Fewer pages matter most (a visitor may not know to turn them), then the descriptions,
    // then the blank rows between entries.
    let detailed = wrap_entries(true);
    let bare = wrap_entries(false);
    let candidates = [(&detailed, 1), (&detailed, 0), (&bare, 1), (&bare, 0)];
    let (entries, gap, pages) = candidates
        .into_iter()
        .map(|(entries, gap)| (entries, gap, paginate(entries, rows, gap)))
        .min_by_key(|(_, _, pages)| pages.len())
        .expect("there are always candidates");
    ListLayout {
        big_heading: None,
        heading,
        entries: entries.clone(),
        pages,
        spaced: gap == 1,
        big_entries: None,
    }
}

/// Splits entries into pages of at most `rows` rows and nine entries; an entry taller than a
/// page gets a page of its own.
fn paginate(entries: &[ListEntry], rows: usize, gap: usize) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (index, entry) in entries.iter().enumerate() {
        let needed = entry.rows() + if index > start { gap } else { 0 };
        let full = index - start == MAX_ITEMS_PER_PAGE || used + needed > rows;
        if index > start && full {
            pages.push(start..index);
            start = index;
            used = entry.rows();
        } else {
            used += needed;
        }
    }
    pages.push(start..entries.len());
    pages
}

/// The home screen's menu: a prompt, then every category with its description.
pub fn home_layout(geometry: &Geometry, content: &Content) -> ListLayout {
    let entries: Vec<(&str, &str)> = content
        .categories
        .iter()
        .map(|c| (c.title.as_str(), c.description.as_str()))
        .collect();
    let normal = list_layout(geometry, 0, &[HOME_PROMPT], &entries);
    let numbered: Vec<String> = entries
        .iter()
        .enumerate()
        .map(|(index, (title, _))| format!("{} {title}", index + 1))
        .collect();
    let lines: Vec<&str> = numbered.iter().map(String::as_str).collect();
    if lines.is_empty() || lines.len() > MAX_ITEMS_PER_PAGE {
        return normal;
    }
    let area = geometry.wide_area();
    // The largest size wins; then a blank row between its lines (strokes of one line would
    // otherwise touch the next), then the prompt above it (and its blank row), when there is
    // room. The key guide says which keys choose, so the prompt gives way first.
    let with_prompt = area.height.saturating_sub(2);
    let found = big::candidates(geometry).into_iter().find_map(|style| {
        [(MENU_GAP, true), (MENU_GAP, false), (0, true), (0, false)]
            .into_iter()
            .find_map(|(gap, prompt)| {
                let rows = if prompt { with_prompt } else { area.height };
                let heading = if prompt {
                    normal.heading.clone()
                } else {
                    Vec::new()
                };
                style
                    .fit_spaced(&lines, area.width, rows, gap)
                    .map(|block| (heading, block))
            })
    });
    match found {
        Some((heading, block)) => ListLayout {
            heading,
            pages: std::iter::once(0..entries.len()).collect(),
            spaced: false,
            big_entries: Some(block),
            ..normal
        },
        None => normal,
    }
}

/// Blank rows between the lines of the large menu, where they fit.
const MENU_GAP: u16 = 1;

/// The prompt above the home menu.
pub const HOME_PROMPT: &str = "知りたいことの番号のキーを押してください。";

/// A category's screen: its title and description, then its questions.
pub fn category_layout(geometry: &Geometry, content: &Content, category: usize) -> ListLayout {
    let Some(found) = content.categories.get(category) else {
        return list_layout(geometry, 0, &[], &[]);
    };
    let entries: Vec<(&str, &str)> = content
        .category_questions(category)
        .map(|q| (q.question.as_str(), ""))
        .collect();
    let description: Vec<&str> = Some(found.description.as_str())
        .filter(|d| !d.is_empty())
        .into_iter()
        .collect();
    let mut heading = vec![found.title.as_str()];
    heading.extend(&description);
    let normal = list_layout(geometry, 0, &heading, &entries);
    // The title is drawn large only if its questions still take as few pages.
    let area = geometry.wide_area();
    let Some(block) = big::fit_title(geometry, &found.title, area.width, area.height / 2) else {
        return normal;
    };
    let big = list_layout(geometry, usize::from(block.rows), &description, &entries);
    if big.pages.len() > normal.pages.len() {
        return normal;
    }
    ListLayout {
        big_heading: Some(block),
        ..big
    }
}

/// The kiosk's title in large glyphs for the attract screen, leaving `reserved` rows of the
/// body for the lines under it.
pub fn attract_title(geometry: &Geometry, title: &str, reserved: u16) -> Option<BigBlock> {
    let area = geometry.wide_area();
    big::fit_title(
        geometry,
        title,
        area.width,
        area.height.saturating_sub(reserved),
    )
}

/// An answer screen laid out: the question on top of every page, the answer in pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLayout {
    /// The question, wrapped (cut short with `…` if it would leave no room for the answer).
    pub question: Vec<String>,
    /// The answer's lines, page by page; a blank string separates paragraphs.
    pub pages: Vec<Vec<String>>,
    /// The size of large glyphs the answer is drawn in, when the visitor chose large text and
    /// a size fits; `None` for normal text.
    pub big: Option<BigStyle>,
    /// How many of the last lines are the notice below the leaflet's text (a passed deadline),
    /// set apart from it by a blank line; 0 without a notice.
    pub notice_lines: usize,
}

impl AnswerLayout {
    /// Whether the `line`th line of page `page` belongs to the notice below the answer.
    pub fn is_notice(&self, page: usize, line: usize) -> bool {
        let Some(lines) = self.pages.get(page) else {
            return false;
        };
        let after: usize = self.pages[page + 1..].iter().map(Vec::len).sum();
        line < lines.len() && lines.len() - line + after <= self.notice_lines
    }
}

/// Rows of answer text a page keeps at the least, however long the question.
const MIN_ANSWER_ROWS: usize = 3;

/// Full-width characters a line of large answer text holds at the least, so that words are
/// not chopped into single characters.
const MIN_LARGE_LINE_CHARACTERS: u16 = 8;

/// Full-width characters a page of large answer text holds at the least where some size
/// allows it: two or three of the leaflet's sentences, so that a long answer reads as a few
/// pages rather than a long run of them.
const MIN_LARGE_PAGE_CHARACTERS: usize = 60;

/// Blank rows between two lines of large answer text, so that the strokes of one line do not
/// run into the next. A paragraph break adds one more.
pub const LARGE_LINE_GAP: u16 = 1;

/// Lays out a question and its answer in pages that fit the body, in large glyphs if `large`
/// and some size fits, else in normal text; a `notice` (see [`Question::deadline_notice`])
/// comes last, after a blank line.
pub fn answer_layout(
    geometry: &Geometry,
    question: &Question,
    large: bool,
    notice: Option<&str>,
) -> AnswerLayout {
    let body = geometry.body();
    let width = usize::from(body.width).max(1);
    let height = usize::from(body.height);
    let mut question_lines = geometry.wrap(&question.question, width);
    let max_question_rows = height.saturating_sub(MIN_ANSWER_ROWS + 1).max(1);
    if question_lines.len() > max_question_rows {
        question_lines.truncate(max_question_rows);
        if let Some(last) = question_lines.last_mut() {
            last.push('…');
            *last = crate::text::truncate_to_width(last, width, geometry.ambiguous);
        }
    }
    let rows = height.saturating_sub(question_lines.len() + 1).max(1);
    // Large text follows the question with no blank row: the change of size sets them apart,
    // and the row makes room for one more line of glyphs on a small screen (four lines of
    // 12-pixel sextants instead of three at 80x24).
    if large
        && let Some((style, pages, notice_lines)) =
            large_answer_pages(geometry, question, notice, rows + 1)
    {
        return AnswerLayout {
            question: question_lines,
            pages,
            big: Some(style),
            notice_lines,
        };
    }
    let (lines, notice_lines) = paragraph_lines(question, notice, |paragraph| {
        geometry.wrap(paragraph, width)
    });
    AnswerLayout {
        question: question_lines,
        pages: paginate_lines(lines, rows, |_| 1),
        big: None,
        notice_lines,
    }
}

/// The answer's paragraphs and then the notice, if any, wrapped by `wrap` with a blank line
/// between them; and how many lines the notice took.
fn paragraph_lines(
    question: &Question,
    notice: Option<&str>,
    wrap: impl Fn(&str) -> Vec<String>,
) -> (Vec<String>, usize) {
    let mut lines: Vec<String> = Vec::new();
    let mut notice_lines = 0;
    let paragraphs = question.answer.iter().map(|p| (p.as_str(), false));
    for (paragraph, is_notice) in paragraphs.chain(notice.map(|n| (n, true))) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let wrapped = wrap(paragraph);
        if is_notice {
            notice_lines = wrapped.len();
        }
        lines.extend(wrapped);
    }
    (lines, notice_lines)
}

/// The answer in the largest allowed glyphs whose lines hold a few words and whose pages a few
/// sentences, else in the allowed size whose pages hold the most; `None` where nothing fits.
///
/// Lines are broken by the same engine as normal text, at the width in terminal columns that
/// the glyphs allow: a large full-width character is `ratio` times two columns wide, an ASCII
/// one `ratio` times one. Characters the font lacks are drawn in a full-width box, so
/// ambiguous ones are measured as wide. A line of glyphs is followed by [`LARGE_LINE_GAP`]
/// blank rows unless it ends its page, and a paragraph break by one more; pages do not end
/// with a paragraph break.
fn large_answer_pages(
    geometry: &Geometry,
    question: &Question,
    notice: Option<&str>,
    rows: usize,
) -> Option<(BigStyle, Vec<Vec<String>>, usize)> {
    let area = geometry.wide_area();
    let measuring = geometry.ambiguous(AmbiguousWidth::Wide);
    let gap = usize::from(LARGE_LINE_GAP);
    // For each size: the columns a line of text may take, the rows a line of glyphs takes, and
    // how many full-width characters a line and a page hold.
    let sizes: Vec<(BigStyle, u16, usize, u16, usize)> = big::candidates(geometry)
        .into_iter()
        .filter_map(|style| {
            let (columns, glyph_rows) = style.measure("字");
            let ratio = (columns / 2).max(1);
            let text_width = area.width / ratio;
            let line_characters = text_width / 2;
            let lines = (rows + gap) / (usize::from(glyph_rows) + gap);
            (line_characters > 0 && lines > 0).then_some((
                style,
                text_width,
                usize::from(glyph_rows),
                line_characters,
                lines * usize::from(line_characters),
            ))
        })
        .collect();
    let (style, text_width, glyph_rows, _, _) = sizes
        .iter()
        .find(|(_, _, _, line, page)| {
            *line >= MIN_LARGE_LINE_CHARACTERS && *page >= MIN_LARGE_PAGE_CHARACTERS
        })
        .or_else(|| {
            // The first of the largest pages: sizes come largest first.
            sizes.iter().rev().max_by_key(|(_, _, _, _, page)| *page)
        })
        .copied()?;
    let (lines, notice_lines) = paragraph_lines(question, notice, |paragraph| {
        measuring.wrap(paragraph, usize::from(text_width))
    });
    // A text line takes a glyph's rows and the gap after it; the blank between paragraphs one
    // row more. The last line's gap may fall past the page's rows.
    let cost = |line: &str| {
        if line.is_empty() { 1 } else { glyph_rows + gap }
    };
    let mut pages = paginate_lines(lines, rows + gap, cost);
    for page in &mut pages {
        while page.len() > 1 && page.last().is_some_and(String::is_empty) {
            page.pop();
        }
    }
    Some((style, pages, notice_lines))
}

/// Cuts lines into pages of `rows`, each line taking `cost(line)` rows, never starting a page
/// with a blank line.
fn paginate_lines(
    lines: Vec<String>,
    rows: usize,
    cost: impl Fn(&str) -> usize,
) -> Vec<Vec<String>> {
    let mut pages: Vec<Vec<String>> = vec![Vec::new()];
    let mut used = 0;
    for line in lines {
        let needed = cost(&line);
        let page = pages.last_mut().expect("there is always a page");
        if used + needed > rows && !page.is_empty() {
            if line.is_empty() {
                continue;
            }
            pages.push(vec![line]);
            used = needed;
        } else if !(page.is_empty() && line.is_empty()) {
            page.push(line);
            used += needed;
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content::embedded().unwrap()
    }

    #[test]
    fn sizes_up_to_the_cap_are_kept_and_larger_ones_capped_each_way() {
        assert_eq!(capped_size(1, 1), (1, 1));
        assert_eq!(capped_size(MAX_WIDTH, MAX_HEIGHT), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(capped_size(MAX_WIDTH + 1, 24), (MAX_WIDTH, 24));
        assert_eq!(capped_size(80, MAX_HEIGHT + 1), (80, MAX_HEIGHT));
        assert_eq!(capped_size(u16::MAX, u16::MAX), (MAX_WIDTH, MAX_HEIGHT));
        let geometry = Geometry::new(4000, 4000);
        assert_eq!((geometry.width, geometry.height), (MAX_WIDTH, MAX_HEIGHT));
    }

    #[test]
    fn the_body_sits_between_header_and_footer() {
        let body = Geometry::new(80, 24).body();
        assert_eq!(
            body,
            Area {
                x: 2,
                y: 2,
                width: 76,
                height: 20
            }
        );
        let body = Geometry::new(160, 45).body();
        assert_eq!(
            body,
            Area {
                x: 30,
                y: 2,
                width: 100,
                height: 41
            }
        );
    }

    #[test]
    fn tiny_terminals_give_empty_areas_without_panicking() {
        for (w, h) in [(0, 0), (1, 1), (3, 2)] {
            let geometry = Geometry::new(w, h);
            assert!(!geometry.is_usable());
            let body = geometry.body();
            assert!(body.x + body.width <= w.max(body.x));
        }
    }

    #[test]
    fn lists_page_by_nine_at_most() {
        let titles: Vec<String> = (1..=20).map(|i| format!("質問{i}")).collect();
        let entries: Vec<(&str, &str)> = titles.iter().map(|t| (t.as_str(), "")).collect();
        let layout = list_layout(&Geometry::new(160, 45), 0, &["見出し"], &entries);
        assert_eq!(layout.pages, [0..9, 9..18, 18..20]);
        assert_eq!(layout.page_of(10), 1);
    }

    #[test]
    fn lists_drop_the_gaps_before_they_need_another_page() {
        let content = content();
        let all = content.categories.len() - 1;
        let layout = category_layout(&Geometry::new(80, 24), &content, all);
        assert_eq!(layout.pages.len(), 1);
        assert_eq!(layout.pages[0], 0..9);
        assert!(!layout.spaced);
        let layout = category_layout(&Geometry::new(160, 45), &content, all);
        assert!(layout.spaced);
    }

    #[test]
    fn lists_fill_pages_by_rows_on_short_terminals() {
        let content = content();
        let all = content.categories.len() - 1;
        let layout = category_layout(&Geometry::new(40, 12), &content, all);
        assert!(layout.pages.len() > 1);
        let body_rows = usize::from(Geometry::new(40, 12).body().height);
        for page in &layout.pages {
            let rows: usize = layout.entries[page.clone()]
                .iter()
                .map(ListEntry::rows)
                .sum();
            assert!(rows + layout.heading.len() < body_rows || page.len() == 1);
        }
    }

    #[test]
    fn answers_page_to_the_body_and_never_start_a_page_blank() {
        let content = content();
        let q7 = &content.questions[6];
        let geometry = Geometry::new(80, 24);
        let layout = answer_layout(&geometry, q7, false, None);
        assert!(layout.pages.len() >= 2, "{layout:?}");
        let rows = usize::from(geometry.body().height) - layout.question.len() - 1;
        for page in &layout.pages {
            assert!(page.len() <= rows);
            assert!(!page[0].is_empty());
        }
        let text: String = layout.pages.concat().concat();
        assert!(text.contains("令和7年12月1日まで"));
    }

    #[test]
    fn a_notice_comes_last_set_apart_and_is_told_from_the_answer() {
        let content = content();
        let q7 = &content.questions[6];
        let notice = "※ この回答にある期限（令和7年12月1日）は過ぎています。くわしくは職員におたずねください。";
        for (width, height, large) in [(80, 24, false), (160, 45, false), (80, 24, true)] {
            let geometry = Geometry::new(width, height);
            let without = answer_layout(&geometry, q7, large, None);
            let with = answer_layout(&geometry, q7, large, Some(notice));
            assert_eq!(without.notice_lines, 0);
            assert!(with.notice_lines >= 1, "{width}x{height}");
            let lines: Vec<&String> = with.pages.iter().flatten().collect();
            let (answer, notice_part) = lines.split_at(lines.len() - with.notice_lines);
            let notice_text: String = notice_part.iter().map(|l| l.trim_start()).collect();
            assert_eq!(notice_text, notice, "{width}x{height}");
            let starts_a_page = with.pages.iter().any(|page| {
                page.first()
                    .is_some_and(|first| std::ptr::eq(first, *notice_part.first().unwrap()))
            });
            assert!(
                starts_a_page || answer.last().unwrap().is_empty(),
                "a blank line or a new page sets it apart"
            );
            // The leaflet's own lines are the same with or without the notice.
            let answer_lines: Vec<&String> = without.pages.iter().flatten().collect();
            assert_eq!(&answer[..answer_lines.len()], answer_lines.as_slice());
            for (page, page_lines) in with.pages.iter().enumerate() {
                for (index, line) in page_lines.iter().enumerate() {
                    let is_notice = notice_part.iter().any(|n| std::ptr::eq(*n, line));
                    assert_eq!(with.is_notice(page, index), is_notice, "{page}:{index}");
                }
            }
            assert!(!with.is_notice(with.pages.len(), 0));
        }
    }

    #[test]
    fn hanging_punctuation_stays_within_the_body() {
        let content = content();
        for width in [40, 80, 81, 120] {
            let geometry = Geometry::new(width, 24).hanging_punctuation(true);
            let body = usize::from(geometry.body().width);
            let mut hung = 0;
            for question in &content.questions {
                for line in answer_layout(&geometry, question, false, None)
                    .pages
                    .concat()
                {
                    let columns = geometry.text_width(&line);
                    assert!(columns <= body, "{width}: {line}");
                    hung += usize::from(columns > body - 2);
                }
            }
            assert!(
                hung > 0,
                "at {width} some 、。 hang into the reserved columns"
            );
        }
    }

    /// The rows a page of large text takes as the view draws it: each line of glyphs, a gap
    /// after each but the page's last line, one row for a paragraph break.
    fn large_page_rows(page: &[String], glyph_rows: usize) -> usize {
        page.iter()
            .enumerate()
            .map(
                |(index, line)| match (line.is_empty(), index + 1 < page.len()) {
                    (true, _) => 1,
                    (false, true) => glyph_rows + usize::from(LARGE_LINE_GAP),
                    (false, false) => glyph_rows,
                },
            )
            .sum()
    }

    /// A terminal that draws sextants itself, as foot does with the shipped settings.
    fn foot(width: u16, height: u16) -> Geometry {
        let mut geometry = Geometry::new(width, height);
        geometry.big_text.sextant = true;
        geometry
    }

    #[test]
    fn large_answers_use_glyph_widths_and_fit_their_pages() {
        let content = content();
        for (w, h) in [
            (80, 24),
            (120, 32),
            (120, 36),
            (159, 44),
            (160, 45),
            (240, 67),
        ] {
            for geometry in [Geometry::new(w, h), foot(w, h)] {
                let rows = usize::from(geometry.body().height);
                for question in &content.questions {
                    let layout = answer_layout(&geometry, question, true, None);
                    let style = layout.big.expect("some size fits");
                    let glyph_rows = usize::from(style.line_rows());
                    for page in &layout.pages {
                        assert!(
                            large_page_rows(page, glyph_rows) + layout.question.len() <= rows,
                            "{w}x{h} {}",
                            question.id
                        );
                        assert!(!page.last().unwrap().is_empty(), "{w}x{h} {}", question.id);
                        for line in page {
                            assert!(
                                style.measure(line).0 <= geometry.wide_area().width,
                                "{line}"
                            );
                        }
                    }
                    let text: String = layout.pages.concat().concat();
                    let original: String = question.answer.concat().replace(' ', "");
                    assert_eq!(text.replace(' ', ""), original, "{w}x{h} {}", question.id);
                }
            }
        }
    }

    #[test]
    fn q7_in_large_text_takes_at_most_half_the_pages_it_did() {
        // Issue 12: 27 pages at 80x24 and 14 at 120x32 before; at most 13 and 8 now, on the
        // shipped setup (foot, which draws sextants), with the deadline notice of today.
        let content = content();
        let q7 = &content.questions[6];
        let notice = "※ この回答にある期限（令和7年12月1日）は過ぎています。くわしくは職員におたずねください。";
        for ((w, h), most) in [((80, 24), 13), ((120, 32), 8)] {
            let layout = answer_layout(&foot(w, h), q7, true, Some(notice));
            assert!(
                layout.pages.len() <= most,
                "{w}x{h}: {}",
                layout.pages.len()
            );
        }
    }

    #[test]
    fn in_foot_the_menu_is_large_on_every_grid_from_80x24() {
        // Every width from 80 and height from 24, up to beyond the shipped setup's grids
        // (159x44 at 1920x1080, 113x31, 106x42, 85x31), with the largest sizes spot-checked.
        let content = content();
        let grids = (80..=170)
            .flat_map(|w| (24..=50).map(move |h| (w, h)))
            .chain([(240, 67), (320, 90)]);
        for (w, h) in grids {
            let layout = home_layout(&foot(w, h), &content);
            let block = layout
                .big_entries
                .unwrap_or_else(|| panic!("{w}x{h}: no large menu"));
            let (columns, rows) = block.style.measure("字");
            assert!(columns >= 6 && rows >= 4, "{w}x{h}: {:?}", block.style);
        }
        let shipped = |w, h| home_layout(&foot(w, h), &content).big_entries.unwrap();
        assert_eq!(shipped(80, 24).gap, 0, "no room for gaps at 80x24");
        for (w, h) in [(85, 31), (113, 31), (106, 42)] {
            assert_eq!(shipped(w, h).gap, MENU_GAP, "{w}x{h}");
        }
    }

    #[test]
    fn large_answer_glyphs_are_never_smaller_than_the_small_font_in_sextants() {
        // 12-pixel glyphs with every stroke, each kanji 6 columns by 4 rows: three times the
        // terminal's own characters each way, the size of the large menu at 80x24.
        let content = content();
        for (w, h) in [
            (80, 24),
            (85, 31),
            (106, 42),
            (113, 31),
            (120, 32),
            (159, 44),
        ] {
            for question in &content.questions {
                let style = answer_layout(&foot(w, h), question, true, None)
                    .big
                    .unwrap();
                let (columns, rows) = style.measure("字");
                assert!(columns >= 6 && rows >= 4, "{w}x{h}: {style:?}");
                assert_ne!(style.encoding, crate::big_text::CellEncoding::Braille);
            }
        }
    }

    #[test]
    fn large_text_off_or_unfitting_falls_back_to_normal() {
        let content = content();
        let mut off = Geometry::new(80, 24);
        off.big_text.enabled = false;
        assert_eq!(
            answer_layout(&off, &content.questions[0], true, None).big,
            None
        );
        assert_eq!(
            answer_layout(&Geometry::new(80, 24), &content.questions[0], false, None).big,
            None
        );
    }

    #[test]
    fn a_long_question_leaves_room_for_the_answer() {
        let mut question = content().questions[1].clone();
        question.question = question.question.repeat(3);
        let geometry = Geometry::new(40, 12);
        let layout = answer_layout(&geometry, &question, false, None);
        let body_rows = usize::from(geometry.body().height);
        assert_eq!(layout.question.len() + 1 + MIN_ANSWER_ROWS, body_rows);
        let last = layout.question.last().unwrap();
        assert!(last.ends_with('…'), "{last}");
        assert!(geometry.text_width(last) <= usize::from(geometry.body().width));
    }
}
