//! Dates in Japanese text, and the deadlines among them that have passed.
//!
//! The leaflet carries deadlines (`令和7年12月1日まで`, `令和6年12月2日時点`); once they pass,
//! its answers mislead, and `faq-kiosk check` should say so. This module finds the dates; it
//! reads no clock, so the caller passes today's local date.
//!
//! ## Forms
//!
//! Digits may be half- or full-width (`令和６年１２月２日`):
//!
//! - era dates, `令和7年12月1日` and `平成31年4月30日`, with a one- or two-digit year or `元`
//!   for the first (`令和元年5月1日`); 令和 n is 2018 + n and 平成 n is 1988 + n. A year past
//!   the era's end is converted the same way (`平成32年` is 2020, as forms printed before 2019
//!   meant it);
//! - Gregorian dates with a four-digit year, `2025年12月1日`;
//! - numeric dates, `2025-12-01` or `2025/12/1` (also `－` `／`), one separator throughout.
//!
//! A date is found only if the day exists (`令和7年2月30日` is not a date) and it is not part of
//! a longer number: no digit comes just before it, nor a separator (`-` `/` `.`) with a digit
//! before that, and a numeric date is not followed by another separator and digit
//! (`2025-12-01-2`). Month-only dates (`令和7年5月版`, an edition), kanji numerals
//! (`令和七年`), abbreviations (`R7.12.1`) and 昭和 and earlier eras are not found.
//!
//! ## What a date is
//!
//! A word near the date says what it is to its sentence ([`DateRole`]). Within five characters
//! and in the same sentence (no `。` `．` `！` `？` or line break between), the date is
//!
//! - followed, in the same clause (no `、` `，` between either), by
//!   - `まで` `までに` `迄` (until), `期限` (limit), `締切` `締め切り` (closing), `より前`
//!     (before): a **deadline**;
//!   - `時点` `現在` `当時` (as of): a **point in time**, true then and still true of then;
//!   - `から` `以降` `以後` `以来` (from): the **start** of a period;
//!
//!   five characters leave room for a weekday, `令和7年12月1日（月）まで`;
//! - or preceded by `最長で` (at the longest: `最長で1年間(令和7年12月1日まで)`), `期限` or
//!   `締切` (`有効期限が令和7年12月1日より前に`): a deadline.
//!
//! A word after the date wins over one before it. Only deadlines go stale:
//! [`past_deadlines`] ignores the other roles. [`Found::cue`] gives the word, for messages.

mod cue;
mod date;
mod forms;

use std::ops::Range;

pub use cue::{Cue, DateRole};
pub use date::Date;

/// A date found in text by [`find_dates`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Found {
    /// Where the date is written, in bytes of the text.
    pub range: Range<usize>,
    /// The day, in the Gregorian calendar.
    pub date: Date,
    /// The word near the date that says what it is (`まで`, `時点`…), if any.
    pub cue: Option<Cue>,
}

impl Found {
    /// What the date is to its sentence, if a word near it says so.
    pub fn role(&self) -> Option<DateRole> {
        self.cue.map(|cue| cue.role)
    }

    /// Whether the date is a deadline (see the module's rules).
    pub fn is_deadline(&self) -> bool {
        self.role() == Some(DateRole::Deadline)
    }
}

/// The dates written in `text`, in order.
///
/// ```
/// use faq_kiosk::dates::{Date, DateRole, find_dates};
///
/// let text = "令和6年12月2日に発行が終了し、令和７年１２月１日まで使えます。";
/// let found = find_dates(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].range.clone()], "令和6年12月2日");
/// assert_eq!(found[0].date, Date::new(2024, 12, 2).unwrap());
/// assert_eq!(found[0].cue, None);
/// assert_eq!(&text[found[1].range.clone()], "令和７年１２月１日");
/// assert_eq!(found[1].date, Date::new(2025, 12, 1).unwrap());
/// assert_eq!(found[1].cue.unwrap().word, "まで");
/// assert_eq!(found[1].role(), Some(DateRole::Deadline));
/// ```
pub fn find_dates(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let (mut previous, mut beyond) = (None, None);
    let mut resume = 0;
    for (start, c) in text.char_indices() {
        let continued = previous.is_some_and(|previous| forms::continues(previous, beyond));
        (previous, beyond) = (Some(c), previous);
        if start < resume || continued {
            continue;
        }
        if let Some((length, date)) = forms::date_at(&text[start..]) {
            let end = start + length;
            found.push(Found {
                range: start..end,
                date,
                cue: cue::date_cue(&text[..start], &text[end..]),
            });
            resume = end;
        }
    }
    found
}

/// The deadlines in `text` that are before `today`, in order.
///
/// A deadline of today has not passed yet; a point in time or a start never passes. `today` is the local date at the kiosk, given by
/// the caller.
///
/// ```
/// use faq_kiosk::dates::{Date, past_deadlines};
///
/// let text = "令和6年12月2日時点の保険証は、最長で1年間(令和7年12月1日まで)使えます。";
/// assert_eq!(past_deadlines(text, Date::new(2025, 6, 1).unwrap()), []);
/// let passed = past_deadlines(text, Date::new(2026, 11, 28).unwrap());
/// assert_eq!(passed.len(), 1);
/// assert_eq!(passed[0].cue.unwrap().word, "まで");
/// ```
pub fn past_deadlines(text: &str, today: Date) -> Vec<Found> {
    find_dates(text)
        .into_iter()
        .filter(|found| found.is_deadline() && found.date < today)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn dates_in_running_text_with_their_ranges() {
        let text = "受付は2025/12/1から、締切は２０２５年１２月２５日（木）まで。";
        let found = find_dates(text);
        let written: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(written, ["2025/12/1", "２０２５年１２月２５日"]);
        assert_eq!(found[0].date, date(2025, 12, 1));
        assert_eq!(found[0].role(), Some(DateRole::Start));
        assert_eq!(found[1].date, date(2025, 12, 25));
        // Both cues apply; the one after the date is reported.
        assert_eq!(found[1].cue.map(|cue| cue.word), Some("まで"));
    }

    #[test]
    fn a_date_inside_a_longer_number_is_not_found() {
        assert_eq!(find_dates("12025年1月1日"), []);
        assert_eq!(find_dates("No.32025-01-01"), []);
        assert_eq!(find_dates("12/2025/12/01"), []);
    }

    #[test]
    fn a_date_right_after_another_is_found() {
        let text = "2025-12-01～2025-12-05";
        let found = find_dates(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].date, date(2025, 12, 5));
    }

    #[test]
    fn only_deadlines_before_today_have_passed() {
        let text = "2025年12月1日まで。2025年12月2日に。2025年12月3日までに。";
        let passed = |today| {
            past_deadlines(text, today)
                .into_iter()
                .map(|found| found.date)
                .collect::<Vec<_>>()
        };
        assert_eq!(passed(date(2025, 12, 1)), []);
        assert_eq!(passed(date(2025, 12, 2)), [date(2025, 12, 1)]);
        assert_eq!(passed(date(2025, 12, 3)), [date(2025, 12, 1)]);
        assert_eq!(
            passed(date(2025, 12, 4)),
            [date(2025, 12, 1), date(2025, 12, 3)]
        );
    }

    #[test]
    fn deadlines_are_told_apart_from_points_in_time_and_starts() {
        use DateRole::*;
        // Each sentence with the role of each date in it, in order. The first four are the
        // leaflet's own (faq.toml); the rest are made up the way staff write notices.
        let table: [(&str, &[Option<DateRole>]); 16] = [
            (
                "令和6年12月2日に従来の健康保険証の新規発行が終了したため、",
                &[None],
            ),
            (
                "令和6年12月2日時点でお手元にある有効な健康保険証は、",
                &[Some(PointInTime)],
            ),
            (
                "最長で1年間(令和7年12月1日まで)使用することができます。",
                &[Some(Deadline)],
            ),
            (
                "※有効期限が令和7年12月1日より前に切れる場合や、",
                &[Some(Deadline)],
            ),
            ("申請は令和8年3月31日までに窓口へ。", &[Some(Deadline)]),
            ("受付期限：2026年1月30日", &[Some(Deadline)]),
            ("2026年4月1日以降は新しい様式になります。", &[Some(Start)]),
            ("令和8年4月1日から受付を始めます。", &[Some(Start)]),
            ("2026年10月1日現在の情報です。", &[Some(PointInTime)]),
            ("令和元年5月1日以来の取り扱いです。", &[Some(Start)]),
            ("2019年4月30日当時の制度では", &[Some(PointInTime)]),
            ("締切は令和8年2月27日（金）です。", &[Some(Deadline)]),
            (
                "令和8年1月5日から令和8年1月30日まで受け付けます。",
                &[Some(Start), Some(Deadline)],
            ),
            ("2026/12/1に変わりました。", &[None]),
            ("令和7年12月1日。までと書いても別の文です。", &[None]),
            ("説明会は2026年5月20日、締切は6月です。", &[None]),
        ];
        for (sentence, roles) in table {
            let found: Vec<Option<DateRole>> =
                find_dates(sentence).iter().map(Found::role).collect();
            assert_eq!(found, roles, "{sentence}");
        }
    }

    #[test]
    fn the_shipped_leaflets_one_deadline_has_passed_by_late_2026() {
        let content = crate::content::Content::embedded().unwrap();
        let texts = content
            .questions
            .iter()
            .flat_map(|q| std::iter::once(&q.question).chain(&q.answer));
        let text = texts.map(String::as_str).collect::<Vec<_>>().join("\n");
        // Four mentions of two days in the questions and answers.
        let found = find_dates(&text);
        let written: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|f| (&text[f.range.clone()], f.cue.map(|cue| cue.word)))
            .collect();
        assert_eq!(
            written,
            [
                ("令和6年12月2日", None),
                ("令和6年12月2日", Some("時点")),
                ("令和7年12月1日", Some("まで")),
                ("令和7年12月1日", Some("より前")),
            ]
        );
        // 令和6年12月2日 is when the old cards stopped being issued and the point the next
        // sentence speaks of: true for ever, never stale.
        let passed = past_deadlines(&text, date(2026, 11, 28));
        let days: Vec<Date> = passed.iter().map(|found| found.date).collect();
        assert_eq!(days, [date(2025, 12, 1), date(2025, 12, 1)]);
        assert!(passed.iter().all(Found::is_deadline));
    }
}
