//! The kiosk's state machine: which screen is shown, what is highlighted, which page.
//!
//! [`State::update`] is the only way the state changes, and it does no I/O, so every sequence of
//! key presses can be replayed in a test without a terminal.

mod action;

pub use action::Action;

use std::sync::Arc;

use crate::content::{Content, Question};
use crate::layout::{self, Geometry, ListLayout};

/// One of the kiosk's screens, with the little state it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The top menu of categories.
    Home {
        /// The highlighted category.
        highlight: usize,
    },
    /// The questions of one category.
    Category {
        /// Which category (index into the content's categories).
        category: usize,
        /// The highlighted question (position in the category's list).
        highlight: usize,
    },
    /// One answer, opened from a category.
    Answer {
        /// The category it was opened from, where Back returns.
        category: usize,
        /// The question's position in that category's list.
        position: usize,
        /// The page of the answer shown, from 0.
        page: usize,
    },
}

/// Everything the kiosk shows depends on this and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    content: Arc<Content>,
    geometry: Geometry,
    screen: Screen,
}

impl State {
    /// The home screen of `content` on a terminal of the given geometry.
    pub fn new(content: Arc<Content>, geometry: Geometry) -> Self {
        Self {
            content,
            geometry,
            screen: Screen::Home { highlight: 0 },
        }
    }

    /// The content shown.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The terminal size and measuring rules the screens are laid out for.
    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    /// The screen shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The list on screen (home or category), laid out for the current size.
    pub fn list_layout(&self) -> Option<ListLayout> {
        match self.screen {
            Screen::Home { .. } => Some(layout::home_layout(&self.geometry, &self.content)),
            Screen::Category { category, .. } => Some(layout::category_layout(
                &self.geometry,
                &self.content,
                category,
            )),
            Screen::Answer { .. } => None,
        }
    }

    /// The question on screen, when an answer is shown.
    pub fn question(&self) -> Option<&Question> {
        match self.screen {
            Screen::Answer {
                category, position, ..
            } => self.content.category_questions(category).nth(position),
            _ => None,
        }
    }

    /// The state after `action`.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize { width, height } = action {
            self.geometry.width = width;
            self.geometry.height = height;
            self.clamp_answer_page();
            return;
        }
        // Keys pressed while the terminal is too small to show anything are not acted on
        // blindly: the visitor cannot see what they would do.
        if !self.geometry.is_usable() {
            return;
        }
        match action {
            Action::Home => self.screen = Screen::Home { highlight: 0 },
            Action::Back => self.back(),
            Action::Open(number) => self.open_number(number),
            Action::Select => self.open_highlighted(),
            Action::NextPage => self.turn_page(true),
            Action::PreviousPage => self.turn_page(false),
            Action::MoveDown => self.move_highlight(true),
            Action::MoveUp => self.move_highlight(false),
            Action::Resize { .. } => {}
        }
    }

    fn back(&mut self) {
        self.screen = match self.screen {
            Screen::Home { .. } => Screen::Home { highlight: 0 },
            Screen::Category { category, .. } => Screen::Home {
                highlight: category,
            },
            Screen::Answer {
                category, position, ..
            } => Screen::Category {
                category,
                highlight: position,
            },
        };
    }

    /// Opens item `number` (1 to 9) of the list page on screen.
    fn open_number(&mut self, number: u8) {
        let Some(list) = self.list_layout() else {
            return;
        };
        let page = &list.pages[list.page_of(self.highlight())];
        let index = page.start + usize::from(number).saturating_sub(1);
        if number >= 1 && index < page.end {
            self.open(index);
        }
    }

    fn open_highlighted(&mut self) {
        if !matches!(self.screen, Screen::Answer { .. }) {
            let highlight = self.highlight();
            let count = self.list_layout().map_or(0, |list| list.entries.len());
            if highlight < count {
                self.open(highlight);
            }
        }
    }

    fn open(&mut self, index: usize) {
        self.screen = match self.screen {
            Screen::Home { .. } => Screen::Category {
                category: index,
                highlight: 0,
            },
            Screen::Category { category, .. } => Screen::Answer {
                category,
                position: index,
                page: 0,
            },
            answer @ Screen::Answer { .. } => answer,
        };
    }

    fn highlight(&self) -> usize {
        match self.screen {
            Screen::Home { highlight } | Screen::Category { highlight, .. } => highlight,
            Screen::Answer { position, .. } => position,
        }
    }

    fn set_highlight(&mut self, value: usize) {
        if let Screen::Home { highlight } | Screen::Category { highlight, .. } = &mut self.screen {
            *highlight = value;
        }
    }

    fn turn_page(&mut self, forward: bool) {
        if let Screen::Answer { page, .. } = &mut self.screen {
            *page = if forward {
                *page + 1
            } else {
                page.saturating_sub(1)
            };
            self.clamp_answer_page();
            return;
        }
        let Some(list) = self.list_layout() else {
            return;
        };
        let current = list.page_of(self.highlight());
        let target = if forward {
            (current + 1).min(list.pages.len() - 1)
        } else {
            current.saturating_sub(1)
        };
        if target != current {
            self.set_highlight(list.pages[target].start);
        }
    }

    fn move_highlight(&mut self, down: bool) {
        if matches!(self.screen, Screen::Answer { .. }) {
            self.turn_page(down);
            return;
        }
        let count = self.list_layout().map_or(0, |list| list.entries.len());
        let highlight = self.highlight();
        let moved = if down {
            (highlight + 1).min(count.saturating_sub(1))
        } else {
            highlight.saturating_sub(1)
        };
        self.set_highlight(moved);
    }

    /// The number of pages of the answer on screen (1 on other screens).
    pub fn answer_page_count(&self) -> usize {
        self.question()
            .map_or(1, |q| layout::answer_layout(&self.geometry, q).pages.len())
    }

    fn clamp_answer_page(&mut self) {
        let last = self.answer_page_count() - 1;
        if let Screen::Answer { page, .. } = &mut self.screen {
            *page = (*page).min(last);
        }
    }
}

#[cfg(test)]
mod tests;
