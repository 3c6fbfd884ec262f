//! What the largest screen the kiosk lays out costs: a resize to the cap (800x480, the size
//! any larger terminal is drawn at) and one frame there, against the same at 80x24.
//!
//! A frame is the view painted into a buffer and compared with the previous one, as ratatui
//! does before writing the changes; the terminal itself is measured by `benches/terminal.rs`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use faq_kiosk::app::{Action, State};
use faq_kiosk::content::Content;
use faq_kiosk::layout::{Geometry, MAX_HEIGHT, MAX_WIDTH};
use faq_kiosk::ui::{Styles, render_to_buffer};
use ratatui::buffer::Buffer;

/// The home screen at `width` x `height`.
fn home_at(width: u16, height: u16) -> State {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().expect("the shipped faq.toml is valid"));
    let mut state = State::new(content, Geometry::new(width, height), now);
    state.update(Action::OtherKey, now);
    state
}

/// A resize from 80x24 to a terminal of `width` x `height` and its first frame: the layout of
/// the home screen and every cell of the screen drawn and diffed against a blank one.
fn resize_and_draw(c: &mut Criterion) {
    let styles = Styles::default();
    let mut group = c.benchmark_group("resize from 80x24 and draw the home screen");
    for (name, (width, height)) in [
        ("to 80x24", (80, 24)),
        ("to the cap", (MAX_WIDTH, MAX_HEIGHT)),
        ("to 65535x65535", (u16::MAX, u16::MAX)),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || home_at(80, 24),
                |mut state| {
                    state.update(Action::Resize { width, height }, Instant::now());
                    let frame = render_to_buffer(&state, &styles);
                    let blank = Buffer::empty(frame.area);
                    black_box(blank.diff(&frame).len())
                },
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, resize_and_draw);
criterion_main!(benches);
