//! Where a line may break: the UAX #14 opportunities, tailored for Japanese.
//!
//! `unicode-linebreak` gives the Unicode line breaking algorithm's opportunities. They are then
//! narrowed, never widened, by four rules that UAX #14 does not know or gets wrong for Japanese:
//!
//! 1. never inside a grapheme cluster, so that what is measured is what is drawn;
//! 2. the JLReq kinsoku rules of [`super::kinsoku`] (UAX #14 treats small kana and ー as
//!    breakable in its default, non-strict mode);
//! 3. never inside a number with its separators, prefix and unit (`０１２０－９５－０１７８`,
//!    `24時間`, `３か月`, `￥1,000`): UAX #14 puts full-width digits in class ID, which breaks
//!    anywhere, and knows nothing of counters;
//! 4. never after the hyphen of an ASCII compound such as `J-LIS`, which a Japanese reader would
//!    take for two words if it were split.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::kinsoku::may_break;

/// Counters and units that belong to the number before them, longest first so that `か月間`
/// wins over `か月`.
const UNITS: &[&str] = &[
    "か月間",
    "カ月間",
    "ヶ月間",
    "ケ月間",
    "ヵ月間",
    "箇月間",
    "か月",
    "カ月",
    "ヶ月",
    "ケ月",
    "ヵ月",
    "箇月",
    "時間",
    "週間",
    "日間",
    "年間",
    "分間",
    "秒間",
    "年度",
    "回目",
    "番目",
    "日目",
    "年目",
    "人目",
    "パーセント",
    "ページ",
    "年",
    "月",
    "日",
    "時",
    "分",
    "秒",
    "週",
    "桁",
    "回",
    "歳",
    "才",
    "円",
    "人",
    "件",
    "個",
    "枚",
    "割",
    "倍",
    "度",
    "号",
    "番",
    "名",
    "点",
    "階",
    "本",
    "冊",
    "台",
    "代",
    "位",
    "種",
    "部",
    "条",
    "項",
    "章",
    "頁",
    "％",
    "%",
    "‰",
    "°",
    "℃",
    "′",
    "″",
];

/// Large-number kanji that may sit between a number and its unit (`1万円`).
const MULTIPLIERS: &[char] = &['万', '億', '兆'];

/// Signs that belong to the number after them (`￥100`, `第2回`).
const PREFIXES: &[char] = &['¥', '￥', '$', '＄', '€', '£', '#', '＃', '№', '第'];

/// Characters that continue a number when a digit follows them (`0120-95-0178`, `1,000`).
const SEPARATORS: &[char] = &[
    '-', '－', '‐', '−', '.', '．', ',', '，', ':', '：', '/', '／',
];

/// The byte offsets strictly inside `text` where a line may break.
///
/// `is_boundary` tells where grapheme clusters start. `text` must hold no mandatory breaks
/// (newlines): the wrapper splits at those first.
pub(crate) fn break_offsets(text: &str, is_boundary: impl Fn(usize) -> bool) -> Vec<usize> {
    let numbers = number_spans(text);
    // The offsets come in order, and so do the spans, which never overlap: the only span that
    // can hold an offset is the first one ending after it. Searching them all for each offset
    // made a long answer full of numbers quadratic.
    let mut next_number = 0;
    linebreaks(text)
        .filter(|&(offset, opportunity)| {
            opportunity == BreakOpportunity::Allowed && 0 < offset && offset < text.len()
        })
        .map(|(offset, _)| offset)
        .filter(|&offset| is_boundary(offset))
        .filter(|&offset| may_break(&text[..offset], &text[offset..]))
        .filter(|&offset| {
            while numbers
                .get(next_number)
                .is_some_and(|span| span.end <= offset)
            {
                next_number += 1;
            }
            !numbers
                .get(next_number)
                .is_some_and(|span| span.start < offset && offset < span.end)
        })
        .filter(|&offset| !splits_ascii_compound(&text[..offset], &text[offset..]))
        .collect()
}

/// The byte ranges of the numbers in `text`, each with its prefix, separators and unit.
fn number_spans(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(offset, _)| offset);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i].1) {
            i += 1;
            continue;
        }
        let start = match i.checked_sub(1) {
            Some(before) if PREFIXES.contains(&chars[before].1) => chars[before].0,
            _ => chars[i].0,
        };
        loop {
            while i < chars.len() && is_digit(chars[i].1) {
                i += 1;
            }
            let continues =
                i + 1 < chars.len() && SEPARATORS.contains(&chars[i].1) && is_digit(chars[i + 1].1);
            if !continues {
                break;
            }
            i += 1;
        }
        if i < chars.len() && MULTIPLIERS.contains(&chars[i].1) {
            i += 1;
        }
        let rest = &text[end_of(i)..];
        if let Some(unit) = UNITS.iter().find(|unit| rest.starts_with(*unit)) {
            i += unit.chars().count();
        }
        spans.push(start..end_of(i));
    }
    spans
}

/// Whether `c` is a digit in either width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a break between `left` and `right` would split an ASCII compound like `J-LIS`.
fn splits_ascii_compound(left: &str, right: &str) -> bool {
    let mut back = left.chars().rev();
    back.next() == Some('-')
        && back.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && right.starts_with(|c: char| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::{AmbiguousWidth, Clusters};

    /// `text` cut at every break opportunity.
    fn pieces(text: &str) -> Vec<&str> {
        let clusters = Clusters::new(text, AmbiguousWidth::Narrow);
        let mut out = Vec::new();
        let mut start = 0;
        for offset in break_offsets(text, |offset| clusters.is_boundary(offset)) {
            out.push(&text[start..offset]);
            start = offset;
        }
        out.push(&text[start..]);
        out
    }

    #[test]
    fn phone_numbers_never_break_in_either_width() {
        assert_eq!(
            pieces("窓口：0120-95-0178)"),
            ["窓", "口：", "0120-95-0178)"]
        );
        assert_eq!(
            pieces("０１２０－９５－０１７８へ"),
            ["０１２０－９５－０１７８", "へ"]
        );
    }

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(pieces("24時間365日"), ["24時間", "365日"]);
        assert_eq!(pieces("３か月前"), ["３か月", "前"]);
        assert_eq!(pieces("原則1週間で"), ["原", "則", "1週間", "で"]);
        assert_eq!(pieces("(4桁の番号)"), ["(4桁", "の", "番", "号)"]);
        assert_eq!(pieces("3ヶ月間は"), ["3ヶ月間", "は"]);
        assert_eq!(pieces("1万円"), ["1万円"]);
        assert_eq!(pieces("第2回"), ["第2回"]);
    }

    #[test]
    fn kinsoku_removes_opportunities_that_uax14_allows() {
        assert_eq!(pieces("ショック"), ["ショッ", "ク"]);
        assert_eq!(pieces("カード。」と"), ["カー", "ド。」", "と"]);
        assert_eq!(pieces("あ「い"), ["あ", "「い"]);
        assert_eq!(pieces("待って……ね"), ["待っ", "て……", "ね"]);
    }

    #[test]
    fn grapheme_clusters_and_ascii_compounds_stay_whole() {
        assert_eq!(pieces("ｶﾞｷﾞ"), ["ｶﾞ", "ｷﾞ"]);
        assert_eq!(pieces("（J-LIS）から"), ["（J-LIS）", "か", "ら"]);
        assert_eq!(pieces("👨‍👩‍👧あ"), ["👨‍👩‍👧", "あ"]);
    }
}
