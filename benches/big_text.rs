//! How long the home screen's five category titles take to lay out and draw as big text.
//!
//! The home screen is redrawn after every key press, so this is time a visitor waits for; the
//! numbers decide whether rasterised glyphs need a cache (see the `big_text` commit messages).

use criterion::{Criterion, criterion_group, criterion_main};
use faq_kiosk::big_text::{BigFont, BigText, CellEncoding, measure};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const TITLES: [&str; 5] = [
    "使い方",
    "メリット",
    "安全・困ったとき",
    "カードと保険証",
    "すべての質問",
];

fn draw_titles(c: &mut Criterion) {
    let titles: Vec<BigText> = TITLES
        .iter()
        .map(|&title| {
            BigText::new(title)
                .font(BigFont::B16)
                .encoding(CellEncoding::HalfBlock)
        })
        .collect();
    let mut buf = Buffer::empty(Rect::new(0, 0, 128, 40));
    c.bench_function("draw five category titles, b16 half-block", |b| {
        b.iter(|| {
            for (row, title) in (0u16..).step_by(8).zip(&titles) {
                title.render(Rect::new(0, row, 128, 8), &mut buf);
            }
            std::hint::black_box(&buf);
        });
    });
}

// Layout code measures titles without drawing them; this is the font-lookup part of a draw.
fn measure_titles(c: &mut Criterion) {
    c.bench_function("measure five category titles, b16 half-block", |b| {
        b.iter(|| {
            for title in TITLES {
                std::hint::black_box(measure(title, BigFont::B16, CellEncoding::HalfBlock));
            }
        });
    });
}

criterion_group!(benches, draw_titles, measure_titles);
criterion_main!(benches);
