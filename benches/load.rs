//! Loading grows linearly with the content: `check` and the first frames at 100, 1,000 and
//! 10,000 questions, and opening one answer of growing length.
//!
//! Each number of questions is ten times the last, so a linear load takes about ten times as
//! long at each step (criterion prints the time per question as throughput); a quadratic one
//! took a hundred times (7 s for `check` at 10,000 questions).

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use faq_kiosk::app::{Action, State};
use faq_kiosk::content::Content;
use faq_kiosk::dates::Date;
use faq_kiosk::keys::Intent;
use faq_kiosk::layout::Geometry;
use faq_kiosk::source::Source;
use faq_kiosk::ui::{Styles, render_to_buffer};

const GEOMETRY: Geometry = Geometry::new(80, 24);

/// A paragraph as long as the leaflet's, with a date for `check` to look at.
const PARAGRAPH: &str = "マイナ保険証で受付をした場合、毎回の提示は不要です。継続的に訪問看護が行われている間、訪問看護ステーション内で資格情報を確認できるため、毎回提示する必要がなくなります（令和8年12月1日まで）。";

/// A content file of `count` questions: one category naming every question, as a staff
/// member listing them by hand would, and one of all questions.
fn content_text(count: usize) -> String {
    let ids: Vec<String> = (0..count).map(|i| format!("\"q{i}\"")).collect();
    let mut text = format!(
        "[meta]\ntitle = \"よくある質問\"\nedition = \"令和7年5月版\"\n\n\
         [[categories]]\nid = \"listed\"\ntitle = \"使い方\"\nquestions = [{}]\n\n\
         [[categories]]\nid = \"all\"\ntitle = \"すべて\"\nall_questions = true\n",
        ids.join(", ")
    );
    for i in 0..count {
        text.push_str(&format!(
            "\n[[questions]]\nid = \"q{i}\"\nquestion = \"質問{i}はどうなるの？\"\n\
             answer = [\"{PARAGRAPH}\", \"※ 二つ目の段落です。\"]\n"
        ));
    }
    text
}

/// A content file with one question whose answer is one paragraph of about `bytes` bytes.
fn long_answer_text(bytes: usize) -> String {
    let answer = PARAGRAPH.repeat(bytes / PARAGRAPH.len() + 1);
    format!(
        "[meta]\ntitle = \"よくある質問\"\nedition = \"令和7年5月版\"\n\n\
         [[categories]]\nid = \"one\"\ntitle = \"使い方\"\nquestions = [\"q1\"]\n\n\
         [[questions]]\nid = \"q1\"\nquestion = \"長い答え？\"\nanswer = [\"{answer}\"]\n"
    )
}

/// What `check` does: parse, validate and look for passed dates.
fn check(c: &mut Criterion) {
    let today = Date::new(2026, 12, 1);
    let mut group = c.benchmark_group("check questions");
    group.sample_size(10);
    for count in [100, 1_000, 10_000] {
        let source = Source::new("faq.toml", content_text(count));
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &source, |b, source| {
            b.iter(|| Content::check_on(black_box(source), today).expect("valid"));
        });
    }
    group.finish();
}

/// What the kiosk does before a visitor sees the list of every question: load, lay out the
/// first screen, and open the category listing them all.
fn first_frames(c: &mut Criterion) {
    let styles = Styles::default();
    let mut group = c.benchmark_group("load and show the list of questions");
    group.sample_size(10);
    for count in [100, 1_000, 10_000] {
        let source = Source::new("faq.toml", content_text(count));
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::from_parameter(count), &source, |b, source| {
            b.iter(|| {
                let now = Instant::now();
                let content = Content::from_source(black_box(source)).expect("valid");
                let mut state = State::new(Arc::new(content), GEOMETRY, now);
                render_to_buffer(&state, &styles);
                state.update(Action::OtherKey, now);
                state.update(Action::Key(Intent::Open(1)), now);
                render_to_buffer(&state, &styles)
            });
        });
    }
    group.finish();
}

/// Loading and opening one long answer, from a page's worth to the size limit's half.
fn long_answer(c: &mut Criterion) {
    let styles = Styles::default();
    let mut group = c.benchmark_group("load and open one long answer");
    group.sample_size(10);
    for kib in [64, 512, 4096] {
        let source = Source::new("faq.toml", long_answer_text(kib * 1024));
        group.throughput(Throughput::Bytes(source.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("KiB", kib), &source, |b, source| {
            b.iter(|| {
                let now = Instant::now();
                let content = Content::from_source(black_box(source)).expect("valid");
                let mut state = State::new(Arc::new(content), GEOMETRY, now);
                state.update(Action::OtherKey, now);
                state.update(Action::Key(Intent::Open(1)), now);
                state.update(Action::Key(Intent::Open(1)), now);
                render_to_buffer(&state, &styles)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, check, first_frames, long_answer);
criterion_main!(benches);
