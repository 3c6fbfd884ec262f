//! How long a full layout of the nine answers takes at the kiosk's widest, 78 columns.
//!
//! The kiosk re-wraps a whole answer page on every resize, so this must stay far below a frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use faq_kiosk::text::{AmbiguousWidth, WrapOptions, display_width, wrap_japanese};

const ANSWERS: &str = include_str!("../tests/fixtures/answers.txt");

fn wrap_all(options: WrapOptions) -> usize {
    ANSWERS
        .lines()
        .map(|paragraph| wrap_japanese(black_box(paragraph), options).len())
        .sum()
}

fn bench_wrap(c: &mut Criterion) {
    c.bench_function("wrap nine answers at 78 columns", |b| {
        b.iter(|| wrap_all(WrapOptions::new(78)));
    });
    c.bench_function("wrap nine answers at 78 columns, ambiguous wide", |b| {
        b.iter(|| wrap_all(WrapOptions::new(78).ambiguous(AmbiguousWidth::Wide)));
    });
}

/// Measuring alone, to tell how much of a layout is spent on widths.
fn bench_width(c: &mut Criterion) {
    c.bench_function("measure nine answers", |b| {
        b.iter(|| {
            ANSWERS
                .lines()
                .map(|paragraph| display_width(black_box(paragraph)))
                .sum::<usize>()
        });
    });
}

criterion_group!(benches, bench_wrap, bench_width);
criterion_main!(benches);
