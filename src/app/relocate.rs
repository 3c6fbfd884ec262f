//! Where a visitor's screen goes when the content changes under it.
//!
//! Screens hold positions; content edits move things around. So the place on screen is first
//! named by ids, then found again in the new content: the same question if it still exists,
//! else its category, else the home screen.

use crate::content::Content;

use super::Screen;

/// The screen's place, by ids rather than positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    /// A screen that does not depend on the content.
    Fixed(Screen),
    /// The home menu, with the highlighted category's id.
    Home(Option<String>),
    /// A category, with the highlighted question's id.
    Category {
        category: String,
        highlight: Option<String>,
    },
    /// An answer: its category, question and page.
    Answer {
        category: String,
        question: String,
        page: usize,
    },
}

impl Place {
    /// Names the place of `screen` in `content`.
    pub(super) fn of(screen: &Screen, content: &Content) -> Place {
        let category_id = |index: usize| content.categories.get(index).map(|c| c.id.clone());
        let question_id = |category: usize, position: usize| {
            content
                .category_questions(category)
                .nth(position)
                .map(|q| q.id.clone())
        };
        match *screen {
            Screen::Home { highlight } => Place::Home(category_id(highlight)),
            Screen::Category {
                category,
                highlight,
            } => match category_id(category) {
                Some(id) => Place::Category {
                    category: id,
                    highlight: question_id(category, highlight),
                },
                None => Place::Home(None),
            },
            Screen::Answer {
                category,
                position,
                page,
            }
            | Screen::TakeHome {
                category,
                position,
                page,
                ..
            } => match (category_id(category), question_id(category, position)) {
                (Some(category), Some(question)) => Place::Answer {
                    category,
                    question,
                    page,
                },
                _ => Place::Home(None),
            },
            fixed => Place::Fixed(fixed),
        }
    }
}

/// The screen in `content` nearest to `place`.
pub(super) fn relocate(place: &Place, content: &Content) -> Screen {
    let category_index = |id: &str| content.categories.iter().position(|c| c.id == id);
    let position_in = |category: usize, id: &str| {
        content
            .category_questions(category)
            .position(|q| q.id == id)
    };
    match place {
        Place::Fixed(screen) => *screen,
        Place::Home(highlight) => Screen::Home {
            highlight: highlight.as_deref().and_then(category_index).unwrap_or(0),
        },
        Place::Category {
            category,
            highlight,
        } => match category_index(category) {
            Some(index) => Screen::Category {
                category: index,
                highlight: highlight
                    .as_deref()
                    .and_then(|q| position_in(index, q))
                    .unwrap_or(0),
            },
            None => Screen::Home { highlight: 0 },
        },
        Place::Answer {
            category,
            question,
            page,
        } => {
            let same_category = category_index(category);
            let found = same_category
                .and_then(|c| Some((c, position_in(c, question)?)))
                .or_else(|| {
                    (0..content.categories.len()).find_map(|c| Some((c, position_in(c, question)?)))
                });
            match (found, same_category) {
                (Some((category, position)), _) => Screen::Answer {
                    category,
                    position,
                    page: *page,
                },
                (None, Some(category)) => Screen::Category {
                    category,
                    highlight: 0,
                },
                (None, None) => Screen::Home { highlight: 0 },
            }
        }
    }
}
