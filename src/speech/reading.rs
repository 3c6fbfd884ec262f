//! Text prepared for the ear: what a Japanese voice should say for what the screen shows.
//!
//! The screen keeps the leaflet's words; a voice reading them as written says "0120" as a
//! large number, reads ※ and brackets as symbols, and stumbles on full-width digits and
//! counters. So, before the text reaches the speech command:
//! - phone numbers are read digit by digit, group by group with a pause between
//!   (0120-95-0178: ぜろいちにぜろ、きゅうご、ぜろいちななはち);
//! - dates (era, kanji Gregorian, ISO) are written out as dates in ASCII digits
//!   (令和７年０１月０１日: 令和7年1月1日; 2025-12-01: 2025年12月1日);
//! - ※ and quotation brackets are dropped, parentheses become pauses;
//! - full-width digits become ASCII, and counters after a number read as counters
//!   (4桁: 4けた, ３か月: 3かげつ);
//! - words the content gives a reading for are replaced by it (`reading` in faq.toml);
//! - a long stretch without a pause gets one after a particle: Open JTalk draws out a breath
//!   group of some 20 characters or more absurdly (a 46-character sentence of the leaflet
//!   took 33 seconds to say; with one pause, 9).

use crate::dates::find_dates;
use crate::text::find_phone_numbers;

/// The readings of 0 to 9 when a number is read digit by digit.
const DIGITS: [&str; 10] = [
    "ぜろ",
    "いち",
    "に",
    "さん",
    "よん",
    "ご",
    "ろく",
    "なな",
    "はち",
    "きゅう",
];

/// Eras as [`crate::dates`] knows them: the Gregorian year before each era's first year.
const ERAS: [(&str, i32); 2] = [("令和", 2018), ("平成", 1988)];

/// Counters that follow a number and the reading that keeps a voice from guessing.
const COUNTERS: [(&str, &str); 6] = [
    ("か月", "かげつ"),
    ("ヶ月", "かげつ"),
    ("ヵ月", "かげつ"),
    ("カ月", "かげつ"),
    ("ケ月", "かげつ"),
    ("桁", "けた"),
];

/// `text` as it should be spoken; `readings` are (word, reading) pairs applied first, the
/// longest word first so that a longer word wins over a word inside it.
///
/// ```
/// use faq_kiosk::speech::for_the_ear;
///
/// assert_eq!(
///     for_the_ear("※窓口（0120-95-0178）へ", &[]),
///     "窓口、ぜろいちにぜろ、きゅうご、ぜろいちななはち、へ"
/// );
/// ```
pub fn for_the_ear(text: &str, readings: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> =
        readings.iter().filter(|(w, _)| !w.is_empty()).collect();
    sorted.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
    let mut text = text.to_string();
    for (word, reading) in sorted {
        text = text.replace(word.as_str(), reading);
    }
    let spoken = numbers_spoken(&text);
    let symbols = symbols_spoken(&spoken);
    breathe(&tidy_pauses(&symbols))
}

/// Morae said without a pause after which the next particle gets one, counting a kanji or a
/// digit as two (most are said in two) and anything else as one.
const BREATH: usize = 20;

/// Particles after which a pause sounds natural, when a new word follows.
const PARTICLES: [char; 9] = ['が', 'を', 'は', 'で', 'と', 'に', 'の', 'も', 'へ'];

/// `text` with a pause after a particle wherever [`BREATH`] morae have gone by without one,
/// and a word begins after it (a kanji, katakana or digit, or お and ご before a kanji).
fn breathe(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut since_pause = 0;
    for (index, &c) in chars.iter().enumerate() {
        out.push(c);
        if matches!(c, '、' | '。' | '？' | '！' | '?' | '!' | '\n' | ' ') {
            since_pause = 0;
            continue;
        }
        since_pause += if is_kanji(c) || c.is_ascii_digit() {
            2
        } else {
            1
        };
        let word_at = |at: usize| {
            chars.get(at).is_some_and(|&next| {
                is_kanji(next) || next.is_ascii_digit() || matches!(next, 'ァ'..='ヺ')
            })
        };
        let word_follows = word_at(index + 1)
            || (matches!(chars.get(index + 1), Some('お' | 'ご')) && word_at(index + 2));
        if since_pause >= BREATH && PARTICLES.contains(&c) && word_follows {
            out.push('、');
            since_pause = 0;
        }
    }
    out
}

/// Phone numbers and dates replaced by their spoken forms; the rest as it is.
fn numbers_spoken(text: &str) -> String {
    let mut spans: Vec<(std::ops::Range<usize>, String)> = find_phone_numbers(text)
        .into_iter()
        .map(|number| {
            let spoken = phone_spoken(&text[number.range.clone()]);
            (number.range, spoken)
        })
        .collect();
    for date in find_dates(text) {
        let overlaps = spans
            .iter()
            .any(|(range, _)| range.start < date.range.end && date.range.start < range.end);
        if !overlaps {
            let spoken = date_spoken(&text[date.range.clone()], date.date);
            spans.push((date.range, spoken));
        }
    }
    spans.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, spoken) in spans {
        out.push_str(&text[at..range.start]);
        out.push_str(&spoken);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A phone number as written (hyphens, brackets, full-width digits) read digit by digit, its
/// groups separated by pauses.
fn phone_spoken(written: &str) -> String {
    let mut groups: Vec<String> = Vec::new();
    let mut group = String::new();
    for c in written.chars() {
        match ascii_digit(c) {
            Some(digit) => group.push_str(DIGITS[usize::from(digit)]),
            None if !group.is_empty() => groups.push(std::mem::take(&mut group)),
            None => {}
        }
    }
    if !group.is_empty() {
        groups.push(group);
    }
    format!("、{}、", groups.join("、"))
}

/// A date as a voice reads it best: the era kept if it was written, digits in ASCII without
/// leading zeros.
fn date_spoken(written: &str, date: crate::dates::Date) -> String {
    let (month, day) = (date.month(), date.day());
    match ERAS.iter().find(|(name, _)| written.starts_with(name)) {
        Some((name, before)) => {
            let year = date.year() - before;
            // 元年 keeps its word: a first year is always said so.
            let year = if written[name.len()..].starts_with('元') {
                "元".to_string()
            } else {
                year.to_string()
            };
            format!("{name}{year}年{month}月{day}日")
        }
        None => format!("{}年{month}月{day}日", date.year()),
    }
}

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '々')
}

/// The value of an ASCII or full-width digit.
fn ascii_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Symbols a voice would name dropped or turned into pauses, full-width digits made ASCII,
/// and counters after a number spelt as they are read.
fn symbols_spoken(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_digit = out.chars().last().is_some_and(|p| p.is_ascii_digit());
        if after_digit
            && let Some((written, reading)) = COUNTERS.iter().find(|(w, _)| rest.starts_with(w))
        {
            out.push_str(reading);
            rest = &rest[written.len()..];
            continue;
        }
        match c {
            '※' | '＊' | '「' | '」' | '『' | '』' | '〝' | '〟' | '“' | '”' | '"' => {
            }
            '（' | '）' | '(' | ')' | '【' | '】' | '〔' | '〕' | '［' | '］' | '[' | ']'
            | '〈' | '〉' | '《' | '》' => out.push('、'),
            '０'..='９' => out.push(char::from(b'0' + ascii_digit(c).unwrap_or(0))),
            '\n' => out.push('\n'),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Pauses made from symbols tidied: never two in a row, none at the start of a line, none
/// just before a full stop, and none hanging at a line's end where the line already ends.
fn tidy_pauses(text: &str) -> String {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let mut out = String::with_capacity(line.len());
        for c in line.chars() {
            let last = out.chars().last();
            match c {
                '、' if matches!(last, None | Some('、' | '。' | ' ' | '：' | ':')) => {}
                '。' if last == Some('、') => {
                    out.pop();
                    out.push('。');
                }
                ' ' if matches!(last, None | Some(' ' | '、' | '。')) => {}
                c => out.push(c),
            }
        }
        while out.ends_with('、') || out.ends_with(' ') {
            out.pop();
        }
        lines.push(out);
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ear(text: &str) -> String {
        for_the_ear(text, &[])
    }

    #[test]
    fn a_phone_number_is_read_digit_by_digit_with_pauses() {
        assert_eq!(
            ear("0120-95-0178"),
            "ぜろいちにぜろ、きゅうご、ぜろいちななはち"
        );
        assert_eq!(
            ear("総合窓口：０１２０－９５－０１７８（24時間365日）"),
            "総合窓口：ぜろいちにぜろ、きゅうご、ぜろいちななはち、24時間365日"
        );
    }

    #[test]
    fn reference_marks_and_brackets_are_not_read_as_symbols() {
        assert_eq!(
            ear("※「資格確認書」をお持ちください"),
            "資格確認書をお持ちください"
        );
        assert_eq!(ear("保険証（紙）も使えます。"), "保険証、紙、も使えます。");
        assert_eq!(ear("【ご注意】期限です"), "ご注意、期限です");
        assert_eq!(ear("（注）"), "注");
    }

    #[test]
    fn dates_are_read_as_dates() {
        assert_eq!(ear("令和７年１２月０１日まで"), "令和7年12月1日まで");
        assert_eq!(ear("令和元年5月1日から"), "令和元年5月1日から");
        assert_eq!(ear("2025-12-01 時点"), "2025年12月1日 時点");
        assert_eq!(ear("平成31年4月30日"), "平成31年4月30日");
    }

    #[test]
    fn counters_after_numbers_read_naturally() {
        assert_eq!(ear("暗証番号は4桁の数字"), "暗証番号は4けたの数字");
        assert_eq!(ear("３か月ごと"), "3かげつごと");
        assert_eq!(ear("6ヶ月"), "6かげつ");
        // Not after a number: the word is left alone.
        assert_eq!(ear("桁が違う"), "桁が違う");
    }

    #[test]
    fn paragraphs_stay_on_their_own_lines() {
        assert_eq!(ear("一つ目（注）\n※二つ目"), "一つ目、注\n二つ目");
    }

    #[test]
    fn readings_replace_words_the_longest_first() {
        let readings = vec![
            ("保険証".to_string(), "ほけんしょう".to_string()),
            ("マイナ保険証".to_string(), "まいなほけんしょう".to_string()),
        ];
        assert_eq!(
            for_the_ear("マイナ保険証と保険証", &readings),
            "まいなほけんしょうとほけんしょう"
        );
    }

    #[test]
    fn a_long_stretch_gets_a_pause_after_a_particle() {
        assert_eq!(
            ear(
                "高額療養費制度を活用する場合の書類での事前申請が不要になったりと様々なメリットがあります。"
            ),
            "高額療養費制度を活用する場合の、書類での事前申請が不要になったりと、様々なメリットがあります。"
        );
        // Dates and digits are long to say: お手元 begins a word after で.
        assert_eq!(
            ear("令和6年12月2日時点でお手元にある有効な健康保険証は、"),
            "令和6年12月2日時点で、お手元にある有効な健康保険証は"
        );
        // Short clauses are left as they are.
        assert_eq!(
            ear("医療費の自己負担が減ります。"),
            "医療費の自己負担が減ります。"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_prepared_without_symbols_or_stray_pauses(
            text in "[0-9０-９\\-－（）()「」※：年月日令和平成元桁か月ヶ 、。\nあ-んア-ン医療情報]{0,60}",
        ) {
            let spoken = ear(&text);
            proptest::prop_assert!(!spoken.contains(['※', '「', '」', '（', '）', '(', ')']), "{}", spoken);
            proptest::prop_assert!(!spoken.contains("、、"), "{}", spoken);
            for line in spoken.lines() {
                proptest::prop_assert!(!line.starts_with('、') && !line.ends_with('、'), "{}", spoken);
            }
        }
    }

    #[test]
    fn no_pause_is_doubled_or_left_hanging() {
        assert_eq!(ear("（（注））。"), "注。");
        assert_eq!(ear("、、はい、、"), "はい");
    }
}
