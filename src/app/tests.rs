//! State machine tests: every answer reachable, back and home from everywhere, paging.

use std::sync::Arc;

use super::*;
use crate::content::Content;

fn state(width: u16, height: u16) -> State {
    State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(width, height),
    )
}

fn after(mut state: State, actions: &[Action]) -> State {
    for &action in actions {
        state.update(action);
    }
    state
}

/// Every (category, position) pair the menus offer.
fn every_answer(state: &State) -> Vec<(usize, usize)> {
    let content = state.content();
    (0..content.categories.len())
        .flat_map(|c| (0..content.categories[c].questions.len()).map(move |p| (c, p)))
        .collect()
}

#[test]
fn digits_walk_from_home_to_an_answer_and_back() {
    let s = after(state(80, 24), &[Action::Open(2), Action::Open(1)]);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 1,
            position: 0,
            page: 0
        }
    );
    assert_eq!(s.question().unwrap().id, "q2");
    let s = after(s, &[Action::Back]);
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 1,
            highlight: 0
        }
    );
    let s = after(s, &[Action::Back]);
    assert_eq!(s.screen(), Screen::Home { highlight: 1 });
    let s = after(s, &[Action::Back]);
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
}

#[test]
fn every_question_is_reachable_by_digits_at_every_size() {
    for (w, h) in [(80, 24), (100, 30), (160, 45), (40, 12)] {
        let start = state(w, h);
        let mut seen = std::collections::BTreeSet::new();
        for (category, position) in every_answer(&start) {
            let home = start.list_layout().unwrap();
            let page = home.page_of(category);
            let mut actions = vec![Action::NextPage; page];
            actions.push(Action::Open((category - home.pages[page].start + 1) as u8));
            let mut s = after(start.clone(), &actions);
            let list = s.list_layout().unwrap();
            let page = list.page_of(position);
            for _ in 0..page {
                s.update(Action::NextPage);
            }
            s.update(Action::Open((position - list.pages[page].start + 1) as u8));
            assert_eq!(
                s.screen(),
                Screen::Answer {
                    category,
                    position,
                    page: 0
                },
                "at {w}x{h}"
            );
            seen.insert(s.question().unwrap().id.clone());
        }
        assert_eq!(seen.len(), 9, "at {w}x{h}");
    }
}

#[test]
fn home_reaches_home_from_every_screen() {
    let start = state(80, 24);
    for (category, position) in every_answer(&start) {
        let s = after(start.clone(), &[Action::Open(category as u8 + 1)]);
        assert_eq!(
            after(s.clone(), &[Action::Home]).screen(),
            Screen::Home { highlight: 0 }
        );
        let s = after(s, &[Action::Open(position as u8 + 1), Action::NextPage]);
        assert!(matches!(s.screen(), Screen::Answer { .. }));
        assert_eq!(
            after(s, &[Action::Home]).screen(),
            Screen::Home { highlight: 0 }
        );
    }
}

#[test]
fn back_from_an_answer_highlights_the_question_it_showed() {
    let s = after(
        state(80, 24),
        &[Action::Open(5), Action::Open(7), Action::Back],
    );
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 4,
            highlight: 6
        }
    );
    let s = after(s, &[Action::Select]);
    assert_eq!(s.question().unwrap().id, "q7");
}

#[test]
fn numbers_past_the_list_do_nothing() {
    let s = after(state(80, 24), &[Action::Open(9)]);
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    let s = after(state(80, 24), &[Action::Open(2), Action::Open(3)]);
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 1,
            highlight: 0
        }
    );
}

#[test]
fn answers_page_forward_and_back_within_bounds() {
    let s = after(state(80, 24), &[Action::Open(4), Action::Open(2)]);
    assert_eq!(s.question().unwrap().id, "q7");
    let pages = s.answer_page_count();
    assert!(pages >= 2);
    let forward = vec![Action::NextPage; pages + 3];
    let s = after(s, &forward);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: pages - 1
        }
    );
    let s = after(s, &[Action::PreviousPage, Action::MoveUp]);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: pages.saturating_sub(3)
        }
    );
}

#[test]
fn lists_page_and_digits_count_from_the_page_shown() {
    let s = after(state(40, 12), &[Action::Open(5)]);
    let list = s.list_layout().unwrap();
    assert!(list.pages.len() >= 2);
    let second = list.pages[1].clone();
    let s = after(s, &[Action::NextPage, Action::Open(1)]);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 4,
            position: second.start,
            page: 0
        }
    );
}

#[test]
fn the_highlight_moves_within_the_list_and_enter_opens_it() {
    let s = after(
        state(80, 24),
        &[Action::MoveUp, Action::MoveDown, Action::MoveDown],
    );
    assert_eq!(s.screen(), Screen::Home { highlight: 2 });
    let s = after(s, &[Action::MoveDown; 10]);
    assert_eq!(s.screen(), Screen::Home { highlight: 4 });
    let s = after(s, &[Action::Select]);
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 4,
            highlight: 0
        }
    );
}

#[test]
fn a_resize_keeps_the_answer_page_in_range() {
    let s = after(
        state(40, 12),
        &[Action::Open(4), Action::MoveDown, Action::Select],
    );
    assert_eq!(s.question().unwrap().id, "q7");
    let s = after(s, &[Action::NextPage; 20]);
    assert!(matches!(s.screen(), Screen::Answer { page, .. } if page > 0));
    let s = after(
        s,
        &[Action::Resize {
            width: 160,
            height: 45,
        }],
    );
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: 0
        }
    );
}

#[test]
fn keys_are_not_acted_on_while_the_terminal_is_too_small() {
    let s = after(
        state(80, 24),
        &[
            Action::Resize {
                width: 10,
                height: 5,
            },
            Action::Open(1),
        ],
    );
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    let s = after(
        s,
        &[
            Action::Resize {
                width: 80,
                height: 24,
            },
            Action::Open(1),
        ],
    );
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 0,
            highlight: 0
        }
    );
}
