//! Where a reader is in an answer, kept when the answer is laid out again.
//!
//! A resize, the text size or a new notice lays the answer out anew, and page 2 of the old
//! layout is no page of the new one. So the place is named by the text, not the page: how many
//! of the answer's characters come before the first line on screen. Wrapping only moves spaces
//! (dropped at a break, added as a hanging indent) and blank lines (the gap between paragraphs
//! is left out at the top of a page), so the place counts the characters that are neither, and
//! is found again in any layout of the same answer.

/// The start of the first line shown: the answer's characters before it, spaces not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ReadingPlace(usize);

/// The characters of `line` that wrapping never adds or drops.
fn counted(line: &str) -> usize {
    line.chars().filter(|&c| c != ' ').count()
}

/// The page of each line of `pages` with text, and the range of characters it holds.
fn lines(pages: &[Vec<String>]) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + '_ {
    let mut before = 0;
    pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| lines.iter().map(move |line| (page, counted(line))))
        .filter(|&(_, count)| count > 0)
        .map(move |(page, count)| {
            before += count;
            (page, before - count..before)
        })
}

impl ReadingPlace {
    /// The place of the first line of page `page` of `pages`; `None` for a page with no text.
    pub(super) fn of(pages: &[Vec<String>], page: usize) -> Option<ReadingPlace> {
        lines(pages)
            .find(|(on, _)| *on == page)
            .map(|(_, range)| ReadingPlace(range.start))
    }

    /// The page of `pages` with the line this place falls in, else (an answer grown shorter)
    /// the last.
    pub(super) fn page_in(self, pages: &[Vec<String>]) -> usize {
        lines(pages)
            .find(|(_, range)| self.0 < range.end)
            .map_or(pages.len().saturating_sub(1), |(page, _)| page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(pages: &[&[&str]]) -> Vec<Vec<String>> {
        pages
            .iter()
            .map(|lines| lines.iter().map(|l| l.to_string()).collect())
            .collect()
    }

    #[test]
    fn the_place_is_the_characters_before_the_first_line() {
        let narrow = pages(&[&["あいう", "えお", ""], &["かきく", "けこ"], &["さし"]]);
        assert_eq!(ReadingPlace::of(&narrow, 0), Some(ReadingPlace(0)));
        assert_eq!(ReadingPlace::of(&narrow, 1), Some(ReadingPlace(5)));
        assert_eq!(ReadingPlace::of(&narrow, 2), Some(ReadingPlace(10)));
        assert_eq!(ReadingPlace::of(&pages(&[&[]]), 0), None);
    }

    #[test]
    fn a_place_is_found_again_in_another_layout() {
        let narrow = pages(&[&["あいう", "えお", ""], &["かきく", "けこ"], &["さし"]]);
        let wide = pages(&[&["あいうえお", "", "かきくけこさし"]]);
        assert_eq!(ReadingPlace::of(&narrow, 2).unwrap().page_in(&wide), 0);
        assert_eq!(ReadingPlace::of(&wide, 0).unwrap().page_in(&narrow), 0);
        // Where the place falls inside a line of the new layout, that line's page: the start
        // of the line read stays on screen.
        let split = pages(&[&["あいうえ"], &["お", "", "かき"], &["くけこさし"]]);
        assert_eq!(ReadingPlace::of(&narrow, 1).unwrap().page_in(&split), 1);
        assert_eq!(ReadingPlace::of(&narrow, 2).unwrap().page_in(&split), 2);
    }

    #[test]
    fn spaces_and_blank_lines_moved_by_wrapping_do_not_move_the_place() {
        // A hanging indent after a note mark, a space dropped at a break, and the blank line
        // between paragraphs left out at the top of a page.
        let one = pages(&[&["※ あいう", "  えお", ""], &["abc def"]]);
        let two = pages(&[&["※ あいうえお"], &["abc", "def"]]);
        assert_eq!(ReadingPlace::of(&one, 1).unwrap().page_in(&two), 1);
        assert_eq!(ReadingPlace::of(&two, 1).unwrap().page_in(&one), 1);
    }

    #[test]
    fn a_place_past_the_end_is_on_the_last_page() {
        let long = pages(&[&["あいう", ""], &["えお"]]);
        let short = pages(&[&["あいう"]]);
        assert_eq!(ReadingPlace::of(&long, 1).unwrap().page_in(&short), 0);
    }
}
