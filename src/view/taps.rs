//! What a tap or click on a screen asks for: a numbered entry opens it, the page line turns
//! the page, an item of the key guide does what its key does. Found from the places the view
//! gave each part, the same ones the painter draws at.

use super::{BodyLine, ScreenView, View};
use crate::keys::Intent;
use crate::layout::Area;

impl View {
    /// What a tap at (`column`, `row`) asks for; `None` where nothing is to be tapped.
    pub fn intent_at(&self, column: u16, row: u16) -> Option<Intent> {
        match self {
            View::Screen(screen) => screen.intent_at(column, row),
            View::TooSmall(_) | View::Closed(_) => None,
        }
    }
}

impl ScreenView {
    /// What a tap at (`column`, `row`) on this screen asks for, if anything.
    pub fn intent_at(&self, column: u16, row: u16) -> Option<Intent> {
        let areas = &self.areas;
        let on = |area: Area, x: u16, width: u16| {
            row == area.y && (x..x.saturating_add(width)).contains(&column)
        };
        if let Some(status) = &self.status
            && on(areas.page_line, status.x, status.width)
        {
            return status.intent;
        }
        for (line, items) in [
            (areas.footer, &self.guide),
            (areas.page_line, &self.guide_more),
        ] {
            if let Some(item) = items.iter().find(|item| on(line, item.x, item.width)) {
                return Some(item.intent);
            }
        }
        if !contains(areas.wide, column, row) {
            return None;
        }
        let body_row = row - areas.body.y;
        self.big
            .iter()
            .find(|line| {
                let rows = line.style.measure(&line.text).1;
                (line.row..line.row.saturating_add(rows)).contains(&body_row)
            })
            .and_then(|line| line.number)
            .or_else(|| entry_at(&self.body, usize::from(body_row)))
            .map(Intent::Open)
    }
}

/// Whether (`column`, `row`) falls inside `area`.
fn contains(area: Area, column: u16, row: u16) -> bool {
    (area.x..area.x.saturating_add(area.width)).contains(&column)
        && (area.y..area.y.saturating_add(area.height)).contains(&row)
}

/// The number of the list entry body row `row` belongs to: its numbered first line, or a line
/// after it before the next blank line.
fn entry_at(body: &[BodyLine], row: usize) -> Option<u8> {
    let mut entry = None;
    for line in body.iter().take(row + 1) {
        entry = match line.number {
            Some(number) => Some(number),
            None if line.text.is_empty() => None,
            None => entry,
        };
    }
    entry
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::*;
    use crate::app::{Action, State};
    use crate::content::Content;
    use crate::layout::Geometry;
    use crate::view::view;

    fn shown(width: u16, height: u16, intents: &[Intent]) -> View {
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, Geometry::new(width, height), now);
        state.update(Action::OtherKey, now);
        for intent in intents {
            state.update(Action::Key(*intent), now);
        }
        view(&state)
    }

    fn screen(view: &View) -> &ScreenView {
        match view {
            View::Screen(screen) => screen,
            _ => panic!("not a screen"),
        }
    }

    #[test]
    fn a_tap_on_any_row_of_an_entry_opens_it() {
        let home = shown(80, 24, &[]);
        let body = screen(&home).areas.body;
        let rows: Vec<(usize, Option<u8>)> = screen(&home)
            .body
            .iter()
            .enumerate()
            .map(|(row, line)| (row, line.number))
            .collect();
        for (row, number) in rows.into_iter().filter(|(_, n)| n.is_some()) {
            let y = body.y + row as u16;
            assert_eq!(home.intent_at(body.x + 10, y), number.map(Intent::Open));
        }
        assert_eq!(
            home.intent_at(body.x, body.y),
            None,
            "the heading opens nothing"
        );
        assert_eq!(home.intent_at(0, 0), None, "nor does the header");
    }

    #[test]
    fn a_tap_on_a_guide_item_does_what_its_key_does() {
        let answer = shown(80, 24, &[Intent::Open(4), Intent::Open(2)]);
        let shown = screen(&answer);
        for item in &shown.guide {
            let y = shown.areas.footer.y;
            assert_eq!(
                answer.intent_at(item.x, y),
                Some(item.intent),
                "{}",
                item.key
            );
            assert_eq!(
                answer.intent_at(item.x + item.width - 1, y),
                Some(item.intent)
            );
        }
        let intents: Vec<Intent> = shown.guide.iter().map(|item| item.intent).collect();
        assert!(intents.contains(&Intent::Back) && intents.contains(&Intent::TextSize));
    }

    #[test]
    fn a_tap_on_the_page_line_turns_the_page_while_more_follows() {
        let first = shown(80, 24, &[Intent::Open(4), Intent::Open(2)]);
        let status = screen(&first).status.clone().expect("two pages");
        let y = screen(&first).areas.page_line.y;
        assert_eq!(first.intent_at(status.x, y), Some(Intent::NextPage));
        let last = shown(
            80,
            24,
            &[Intent::Open(4), Intent::Open(2), Intent::NextPage],
        );
        let status = screen(&last).status.clone().expect("two pages");
        assert_eq!(last.intent_at(status.x, y), None);
    }

    #[test]
    fn large_menu_entries_open_from_every_row_they_cover() {
        let home = shown(160, 45, &[]);
        let shown = screen(&home);
        let line = shown
            .big
            .iter()
            .find(|line| line.number == Some(2))
            .expect("a large menu at 160x45");
        let rows = line.style.measure(&line.text).1;
        let y = shown.areas.body.y + line.row;
        let x = shown.areas.wide.x + line.x;
        assert_eq!(home.intent_at(x, y), Some(Intent::Open(2)));
        assert_eq!(home.intent_at(x, y + rows - 1), Some(Intent::Open(2)));
    }
}
