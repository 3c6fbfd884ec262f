//! Layouts kept once made, for as long as the terminal's size and the content stay the same.
//!
//! Laying a screen out (wrapping every line, fitting large glyphs) is the costliest step of a
//! key press, and the state machine and the view each need the layout of the screen on show.
//! Made once per size and content, a key press only looks it up.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::content::{Content, Question};
use crate::dates::Date;

use super::{AnswerLayout, Geometry, ListLayout, answer_layout, category_layout, home_layout};

/// Which list a list layout is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ListKey {
    Home,
    Category(usize),
}

/// An answer: its category, its place in it, and whether it is in large text.
type AnswerKey = (usize, usize, bool);

#[derive(Debug, Clone, Default)]
struct Made {
    /// What the layouts were made for. Holding the content keeps its address from being
    /// reused by a newer one, which would make a stale layout look current.
    made_for: Option<(Geometry, Arc<Content>)>,
    lists: HashMap<ListKey, Arc<ListLayout>>,
    /// The day the answers' deadline notices were made for (`None`: no notices).
    answers_on: Option<Date>,
    answers: HashMap<AnswerKey, Arc<AnswerLayout>>,
}

impl Made {
    /// Forgets every layout unless they were made for `geometry` and `content`.
    fn keep_only_for(&mut self, geometry: &Geometry, content: &Arc<Content>) {
        let current = self
            .made_for
            .as_ref()
            .is_some_and(|(made, of)| made == geometry && Arc::ptr_eq(of, content));
        if !current {
            *self = Made {
                made_for: Some((*geometry, Arc::clone(content))),
                ..Made::default()
            };
        }
    }
}

/// Layouts already made for one geometry and one content.
///
/// It is a memo, not state: two caches always compare equal, so a [`crate::app::State`]
/// equals another whatever each has looked up.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    made: RefCell<Made>,
}

impl PartialEq for LayoutCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LayoutCache {}

impl LayoutCache {
    /// The home screen's list.
    pub fn home(&self, geometry: &Geometry, content: &Arc<Content>) -> Arc<ListLayout> {
        self.list(ListKey::Home, geometry, content)
    }

    /// The list of `category`'s questions.
    pub fn category(
        &self,
        geometry: &Geometry,
        content: &Arc<Content>,
        category: usize,
    ) -> Arc<ListLayout> {
        self.list(ListKey::Category(category), geometry, content)
    }

    /// The answer to `question`, the `position`th of `category`, in normal or `large` text,
    /// with the notice of its deadlines passed by `notices_on` (no notice when `None`).
    ///
    /// A new day makes the answers again, and only them: the lists hold no dates.
    pub fn answer(
        &self,
        geometry: &Geometry,
        content: &Arc<Content>,
        (category, position): (usize, usize),
        question: &Question,
        large: bool,
        notices_on: Option<Date>,
    ) -> Arc<AnswerLayout> {
        let mut made = self.made.borrow_mut();
        made.keep_only_for(geometry, content);
        if made.answers_on != notices_on {
            made.answers.clear();
            made.answers_on = notices_on;
        }
        Arc::clone(
            made.answers
                .entry((category, position, large))
                .or_insert_with(|| {
                    let notice = notices_on.and_then(|today| question.deadline_notice(today));
                    Arc::new(answer_layout(geometry, question, large, notice.as_deref()))
                }),
        )
    }

    fn list(&self, key: ListKey, geometry: &Geometry, content: &Arc<Content>) -> Arc<ListLayout> {
        let mut made = self.made.borrow_mut();
        made.keep_only_for(geometry, content);
        Arc::clone(made.lists.entry(key).or_insert_with(|| {
            Arc::new(match key {
                ListKey::Home => home_layout(geometry, content),
                ListKey::Category(category) => category_layout(geometry, content, category),
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Arc<Content> {
        Arc::new(Content::embedded().unwrap())
    }

    #[test]
    fn a_layout_is_made_once_and_then_shared() {
        let cache = LayoutCache::default();
        let content = content();
        let geometry = Geometry::new(80, 24);
        let first = cache.home(&geometry, &content);
        assert!(Arc::ptr_eq(&first, &cache.home(&geometry, &content)));
        assert_eq!(*first, home_layout(&geometry, &content));
    }

    #[test]
    fn a_new_size_or_new_content_makes_the_layout_again() {
        let cache = LayoutCache::default();
        let content = content();
        let small = Geometry::new(80, 24);
        let first = cache.category(&small, &content, 4);
        let wide = Geometry::new(160, 45);
        let resized = cache.category(&wide, &content, 4);
        assert!(!Arc::ptr_eq(&first, &resized));
        assert_eq!(*resized, category_layout(&wide, &content, 4));
        let reloaded = Arc::new(Content::embedded().unwrap());
        let again = cache.category(&wide, &reloaded, 4);
        assert!(!Arc::ptr_eq(&resized, &again));
        assert_eq!(*again, *resized);
    }

    #[test]
    fn answers_are_kept_apart_by_place_and_text_size() {
        let cache = LayoutCache::default();
        let content = content();
        let geometry = Geometry::new(80, 24);
        let question = content.category_questions(4).next().unwrap();
        let normal = cache.answer(&geometry, &content, (4, 0), question, false, None);
        let large = cache.answer(&geometry, &content, (4, 0), question, true, None);
        assert_eq!(*normal, answer_layout(&geometry, question, false, None));
        assert_eq!(*large, answer_layout(&geometry, question, true, None));
        assert_ne!(*normal, *large);
    }

    #[test]
    fn a_new_day_makes_the_answers_again_with_their_notices() {
        let cache = LayoutCache::default();
        let content = content();
        let geometry = Geometry::new(80, 24);
        let q7 = content.questions.iter().position(|q| q.id == "q7").unwrap();
        let question = &content.questions[q7];
        let place = (4, q7);
        let day = |d| Date::new(2025, 12, d);
        let before = cache.answer(&geometry, &content, place, question, false, day(1));
        assert_eq!(before.notice_lines, 0);
        let after = cache.answer(&geometry, &content, place, question, false, day(2));
        assert!(after.notice_lines > 0);
        let notice = question.deadline_notice(day(2).unwrap());
        assert_eq!(
            *after,
            answer_layout(&geometry, question, false, notice.as_deref())
        );
        let off = cache.answer(&geometry, &content, place, question, false, None);
        assert_eq!(off.notice_lines, 0);
    }
}
