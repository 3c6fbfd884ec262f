//! The kiosk's own work for each thing a visitor does, without a terminal: loading the content,
//! laying out the answers, drawing each screen into a buffer, a run of key presses, and reading
//! a burst of keys from the terminal's bytes.
//!
//! `benches/terminal.rs` measures the same program from outside; these numbers say which part
//! of a start-up or a key press the time goes to.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::Event;
use faq_kiosk::app::{Action, State};
use faq_kiosk::content::{Content, EMBEDDED_CONTENT};
use faq_kiosk::keys::Intent;
use faq_kiosk::keys::KeyLabel;
use faq_kiosk::layout::{Geometry, answer_layout};
use faq_kiosk::source::Source;
use faq_kiosk::terminal_input::Parser;
use faq_kiosk::ui::{Styles, render_to_buffer};

/// The smallest usual terminal; its body is 76 columns wide.
const GEOMETRY: Geometry = Geometry::new(80, 24);

fn content() -> Arc<Content> {
    Arc::new(Content::embedded().expect("the shipped faq.toml is valid"))
}

/// The state after `actions`, starting from the attract screen.
fn state_after(actions: &[Action]) -> State {
    let now = Instant::now();
    let mut state = State::new(content(), GEOMETRY, now);
    for action in actions {
        state.update(action.clone(), now);
    }
    state
}

/// Start-up work: parse and check the shipped faq.toml.
fn load(c: &mut Criterion) {
    let source = Source::new("faq.toml", EMBEDDED_CONTENT);
    c.bench_function("load and validate faq.toml", |b| {
        b.iter(|| Content::from_source(black_box(&source)).expect("valid"));
    });
}

/// What a resize costs at most: every answer laid out again.
fn lay_out_answers(c: &mut Criterion) {
    let content = content();
    c.bench_function("lay out every answer at 80x24", |b| {
        b.iter(|| {
            content
                .questions
                .iter()
                .map(|question| {
                    answer_layout(black_box(&GEOMETRY), question, false, None)
                        .pages
                        .len()
                })
                .sum::<usize>()
        });
    });
}

/// One frame of each screen: the view built from the state and painted into a buffer.
fn draw_screens(c: &mut Criterion) {
    let styles = Styles::default();
    let screens = [
        ("attract", state_after(&[])),
        ("home", state_after(&[Action::OtherKey])),
        (
            "category",
            state_after(&[Action::OtherKey, Action::Key(Intent::Open(5))]),
        ),
        (
            "answer",
            state_after(&[
                Action::OtherKey,
                Action::Key(Intent::Open(4)),
                Action::Key(Intent::Open(2)),
            ]),
        ),
    ];
    let mut group = c.benchmark_group("draw at 80x24");
    for (name, state) in &screens {
        group.bench_function(*name, |b| {
            b.iter(|| render_to_buffer(black_box(state), &styles))
        });
    }
    group.finish();
}

/// A visitor's hundred key presses: into each category, through answers and their pages, and
/// back, as the state machine sees them (layout included, drawing not).
fn navigate(c: &mut Criterion) {
    let round = [
        Action::Key(Intent::Open(4)),
        Action::Key(Intent::Open(2)),
        Action::Key(Intent::NextPage),
        Action::Key(Intent::PreviousPage),
        Action::Key(Intent::Back),
        Action::Key(Intent::Down),
        Action::Key(Intent::Select),
        Action::Key(Intent::Back),
        Action::Key(Intent::Back),
        Action::Key(Intent::Open(5)),
        Action::Key(Intent::NextPage),
        Action::Key(Intent::PreviousPage),
        Action::Key(Intent::Open(9)),
        Action::Key(Intent::NextPage),
        Action::Key(Intent::Home),
        Action::Key(Intent::Down),
        Action::Key(Intent::Down),
        Action::Key(Intent::Select),
        Action::Key(Intent::Open(1)),
        Action::Key(Intent::Home),
    ];
    let keys: Vec<Action> = round.iter().cycle().take(100).cloned().collect();
    let home = state_after(&[Action::OtherKey]);
    let now = Instant::now();
    c.bench_function("100 key presses through State::update", |b| {
        b.iter(|| {
            let mut state = home.clone();
            for key in &keys {
                black_box(state.update(key.clone(), now));
            }
            state
        });
    });
}

/// Reading a burst of 50,000 keys from the terminal's bytes: digits, NumLock-off and
/// application-keypad sequences, keypad 5 in both forms and Enter, as the input thread does.
fn parse_input(c: &mut Criterion) {
    let round: [&[u8]; 10] = [
        b"3",
        b"\x1b[6~",
        b"\x1bOs",
        b"\x1b[E",
        b"\x1bOE",
        b"\x1b[2~",
        b"+",
        b"\x1b[1;5A",
        "※".as_bytes(),
        b"\r",
    ];
    let bytes: Vec<u8> = round
        .iter()
        .cycle()
        .take(50_000)
        .flat_map(|key| key.iter().copied())
        .collect();
    c.bench_function("parse a burst of 50,000 keys", |b| {
        b.iter(|| {
            let mut parser = Parser::new();
            let mut keys = 0usize;
            for &byte in black_box(&bytes) {
                if let Some(Event::Key(key)) = parser.feed(byte) {
                    black_box(KeyLabel::of(&key));
                    keys += 1;
                }
            }
            assert_eq!(keys, 50_000);
        });
    });
}

criterion_group!(
    benches,
    load,
    lay_out_answers,
    draw_screens,
    navigate,
    parse_input
);
criterion_main!(benches);
