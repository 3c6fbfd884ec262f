//! Whole-screen snapshots, compared as text, at the sizes a kiosk is set up at.

use std::sync::Arc;

use super::*;
use crate::app::{Action, State};
use crate::content::Content;
use crate::layout::Geometry;

fn screen(width: u16, height: u16, actions: &[Action]) -> String {
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(width, height));
    for &action in actions {
        state.update(action);
    }
    buffer_text(&render_to_buffer(&state, &Styles::default()))
}

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (160, 45)];

#[test]
fn home_screen() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("home_{w}x{h}"), screen(w, h, &[]));
    }
}

#[test]
fn category_screen_listing_every_question() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("all_questions_{w}x{h}"),
            screen(w, h, &[Action::Open(5)])
        );
    }
}

#[test]
fn long_answer_first_and_last_page() {
    for (w, h) in SIZES {
        let open = [Action::Open(4), Action::Open(2)];
        insta::assert_snapshot!(format!("answer_q7_{w}x{h}"), screen(w, h, &open));
        let last = [
            Action::Open(4),
            Action::Open(2),
            Action::NextPage,
            Action::NextPage,
        ];
        insta::assert_snapshot!(format!("answer_q7_last_{w}x{h}"), screen(w, h, &last));
    }
}

#[test]
fn smallest_layout_and_below() {
    insta::assert_snapshot!(
        "answer_q3_40x12",
        screen(40, 12, &[Action::Open(3), Action::Open(1)])
    );
    insta::assert_snapshot!("too_small_30x8", screen(30, 8, &[]));
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    for w in 0..=90 {
        for h in [0, 1, 2, 5, 11, 12, 13, 24] {
            screen(w, h, &[Action::Open(5), Action::Open(7), Action::NextPage]);
        }
    }
}

#[test]
fn no_row_is_wider_than_the_terminal() {
    for (w, h) in SIZES.into_iter().chain([(40, 12), (41, 13), (57, 19)]) {
        for actions in [
            vec![],
            vec![Action::Open(5)],
            vec![Action::Open(4), Action::Open(3)],
        ] {
            let text = screen(w, h, &actions);
            for row in text.lines() {
                assert!(
                    crate::text::display_width(row) <= usize::from(w),
                    "{w}x{h}: {row}"
                );
            }
        }
    }
}
