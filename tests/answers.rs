//! The nine shipped answers, wrapped at every width the kiosk uses, break no rule at all.
//!
//! `fixtures/answers.txt` holds the answer paragraphs of `shared/content/seed-faq-pairs.md`
//! word for word, one paragraph per line.

mod jlreq_oracle;

use faq_kiosk::text::{AmbiguousWidth, HangingPunctuation, WrapOptions, wrap_japanese};

const ANSWERS: &str = include_str!("fixtures/answers.txt");

const WIDTHS: [usize; 6] = [20, 30, 38, 40, 60, 78];

/// Numbers with their units and separators, which no line may split.
const WHOLE: &[&str] = &[
    "0120-95-0178",
    "24時間",
    "365日",
    "1週間",
    "３か月",
    "3カ月",
    "3ヶ月",
    "4桁",
    "(4桁",
    "75歳",
    "1年間",
    "2回目",
    "6年",
    "7年",
    "12月",
    "2日",
    "1日",
    "J-LIS",
    "Web",
];

fn every_option() -> impl Iterator<Item = WrapOptions> {
    WIDTHS.into_iter().flat_map(|width| {
        [AmbiguousWidth::Narrow, AmbiguousWidth::Wide]
            .into_iter()
            .flat_map(move |ambiguous| {
                [HangingPunctuation::Inside, HangingPunctuation::Hang].map(|hanging| {
                    WrapOptions::new(width)
                        .ambiguous(ambiguous)
                        .hanging_punctuation(hanging)
                })
            })
    })
}

#[test]
fn fixture_holds_the_nine_answers() {
    assert_eq!(ANSWERS.lines().count(), 23);
    assert!(ANSWERS.lines().all(|line| !line.trim().is_empty()));
}

#[test]
fn answers_break_no_rule_at_any_kiosk_width() {
    for paragraph in ANSWERS.lines() {
        for options in every_option() {
            let lines = wrap_japanese(paragraph, options);
            let context = format!("{options:?}\n{lines:#?}");
            if let Err(problem) = jlreq_oracle::check_lines(paragraph, &lines, options) {
                panic!("{problem}\n{context}");
            }
            for pair in lines.windows(2) {
                let next = pair[1].trim_start_matches(' ');
                assert!(
                    jlreq_oracle::kinsoku_allows(&pair[0], next, true),
                    "kinsoku at {pair:?}\n{context}"
                );
            }
            for whole in WHOLE {
                let inside: usize = lines.iter().map(|line| line.matches(whole).count()).sum();
                assert_eq!(
                    inside,
                    paragraph.matches(whole).count(),
                    "{whole} split\n{context}"
                );
            }
        }
    }
}
