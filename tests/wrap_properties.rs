//! Property tests of `wrap_japanese` over random Japanese, ASCII and mixed text.
//!
//! For every width from 1 to 200, both ambiguous modes and both punctuation modes: no line is
//! too wide, nothing is lost or duplicated, spaces go only at breaks, and no line starts or
//! ends against the kinsoku rules unless no allowed cut existed (see `jlreq_oracle::check_lines`).

mod jlreq_oracle;

use faq_kiosk::text::{AmbiguousWidth, HangingPunctuation, WrapOptions, wrap_japanese};
use proptest::prelude::*;

/// Pieces random paragraphs are built from: every kinsoku class, numbers in both widths with
/// units, ASCII words, spaces, ambiguous characters, emoji sequences and combining marks.
#[rustfmt::skip]
const ATOMS: &[&str] = &[
    "あ", "い", "う", "か", "が", "の", "は", "を", "マ", "イ", "ナ", "カ", "ド", "ン", "漢", "字",
    "保", "険", "証", "ー", "ッ", "ャ", "ょ", "ぁ", "ヶ", "々", "ゝ", "ヽ", "、", "。", "，", "．",
    "「", "」", "（", "）", "『", "』", "【", "】", "〔", "〕", "《", "》", "！", "？", "・", "：",
    "；", "〜", "‐", "——", "……", "…", "―", "a", "b", "Z", "Web", "J-LIS", "0", "1", "9", "０",
    "５", "－", "-", "時間", "か月", "日", "桁", " ", "  ", "　", "※", "(", ")", "[", "]", ",",
    ".", "!", "?", ":", "%", "％", "👨‍👩‍👧", "👍🏽", "🇯🇵", "❤️", "ｶﾞ", "ﾊﾟ", "ｰ", "ｯ", "e\u{301}",
    "ｶ\u{3099}", "\u{301}", "○", "■", "→", "0120-95-0178", "２４時間３６５日",
];

fn paragraph() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(prop::sample::select(ATOMS), 0..60),
    )
        .prop_map(|(note, atoms)| {
            let body = atoms.concat();
            if note { format!("※{body}") } else { body }
        })
}

fn options() -> impl Strategy<Value = WrapOptions> {
    (1usize..=200, any::<bool>(), any::<bool>()).prop_map(|(width, wide, hang)| {
        WrapOptions::new(width)
            .ambiguous(if wide {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            })
            .hanging_punctuation(if hang {
                HangingPunctuation::Hang
            } else {
                HangingPunctuation::Inside
            })
    })
}

proptest! {
    #[test]
    fn wrapped_lines_obey_every_rule(text in paragraph(), options in options()) {
        let lines = wrap_japanese(&text, options);
        if let Err(problem) = jlreq_oracle::check_lines(&text, &lines, options) {
            prop_assert!(false, "{problem}\ninput {text:?}\n{options:?}\nlines {lines:#?}");
        }
    }

    #[test]
    fn narrow_widths_obey_every_rule(text in paragraph(), width in 1usize..=12, wide: bool) {
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let options = WrapOptions::new(width).ambiguous(ambiguous);
        let lines = wrap_japanese(&text, options);
        if let Err(problem) = jlreq_oracle::check_lines(&text, &lines, options) {
            prop_assert!(false, "{problem}\ninput {text:?}\n{options:?}\nlines {lines:#?}");
        }
    }
}
