//! Reading the opening hours as staff write them in the settings, with a message in plain
//! Japanese for anything that cannot be read.

use super::Span;
use crate::dates::Date;

/// Why a value of `[hours]` cannot be used: the message for staff and a technical detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursProblem {
    /// What is wrong and what to write instead, in Japanese.
    pub message: String,
    /// The same for the technical reader, in English.
    pub detail: String,
}

/// The words that mean a day is closed.
const CLOSED_WORDS: [&str; 3] = ["closed", "休み", "休館"];

/// How a day's hours are written, for the messages.
const HOURS_EXAMPLE: &str =
    "\"09:00-17:30\"（昼休みがあれば \"09:00-12:00, 13:00-17:30\"、休みの日は \"closed\"）";

/// Reads one day's hours, `key` being its name in the settings (for the messages): spans
/// `HH:MM-HH:MM` separated by commas, in order and apart; `"closed"`, `"休み"` or nothing for
/// a closed day. Full-width digits and `：` `～` `〜` `、` are read as their ASCII forms.
pub fn parse_day(key: &str, text: &str) -> Result<Vec<Span>, HoursProblem> {
    let text = ascii(text).replace(is_wave_dash, "-");
    let trimmed = text.trim();
    if trimmed.is_empty() || CLOSED_WORDS.contains(&trimmed) {
        return Ok(Vec::new());
    }
    let mut spans: Vec<Span> = Vec::new();
    for part in trimmed.split(',') {
        let span = parse_span(part.trim()).ok_or_else(|| HoursProblem {
            message: format!(
                "hours.{key} の \"{}\" は時間の書き方が違います。{HOURS_EXAMPLE} のように書いてください。",
                part.trim()
            ),
            detail: format!("hours.{key}: cannot read {:?} as HH:MM-HH:MM", part.trim()),
        })?;
        if span.open >= span.close {
            return Err(HoursProblem {
                message: format!(
                    "hours.{key} の \"{}\" は、終わりが始まりより前か同じです。日をまたぐ時間は書けません。終わりは 24:00 までにしてください。",
                    part.trim()
                ),
                detail: format!("hours.{key}: {:?} closes before it opens", part.trim()),
            });
        }
        if let Some(last) = spans.last()
            && span.open < last.close
        {
            return Err(HoursProblem {
                message: format!(
                    "hours.{key} の時間が重なっているか、早い順になっていません（\"{}\"）。早い順に、重ならないように書いてください。",
                    part.trim()
                ),
                detail: format!(
                    "hours.{key}: {:?} starts before the span before it ends",
                    part.trim()
                ),
            });
        }
        spans.push(span);
    }
    Ok(spans)
}

/// Reads `hours.closed_dates`: each `YYYY-MM-DD`, or a range `YYYY-MM-DD..YYYY-MM-DD`
/// (also with `～`), first day to last.
pub fn parse_closed_dates(dates: &[String]) -> Result<Vec<(Date, Date)>, HoursProblem> {
    dates
        .iter()
        .map(|text| {
            let ascii = ascii(text).replace(is_wave_dash, "..");
            let trimmed = ascii.trim();
            let (first, last) = trimmed.split_once("..").unwrap_or((trimmed, trimmed));
            let (first, last) = (
                Date::parse_iso(first.trim()),
                Date::parse_iso(last.trim()),
            );
            match (first, last) {
                (Some(first), Some(last)) if first <= last => Ok((first, last)),
                (Some(_), Some(_)) => Err(HoursProblem {
                    message: format!(
                        "hours.closed_dates の \"{text}\" は、終わりの日が始まりの日より前です。"
                    ),
                    detail: format!("hours.closed_dates: {text:?} ends before it starts"),
                }),
                _ => Err(HoursProblem {
                    message: format!(
                        "hours.closed_dates の \"{text}\" は日付として読めません。\"2026-12-29\" のように、続く休みは \"2026-12-29..2027-01-03\" のように書いてください。"
                    ),
                    detail: format!("hours.closed_dates: cannot read {text:?} as YYYY-MM-DD"),
                }),
            }
        })
        .collect()
}

/// `H:MM-HH:MM` as a span, if it reads as one (hours 0 to 24, 24 only as 24:00).
fn parse_span(text: &str) -> Option<Span> {
    let (open, close) = text.split_once('-')?;
    Some(Span {
        open: parse_clock(open.trim())?,
        close: parse_clock(close.trim())?,
    })
}

fn parse_clock(text: &str) -> Option<u32> {
    let (hour, minute) = text.split_once(':')?;
    let digits = |s: &str, lengths: &[usize]| {
        (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (hour, minute) = (digits(hour, &[1, 2])?, digits(minute, &[2])?);
    let total = hour * 60 + minute;
    (minute < 60 && total <= 24 * 60).then_some(total)
}

/// Full-width digits, colon, commas and minus signs as their ASCII forms, as staff may type
/// them.
fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '：' => ':',
            '、' | '，' => ',',
            '－' | '−' => '-',
            other => other,
        })
        .collect()
}

/// A wave dash (`～` `〜`), which staff write between two times or two dates.
fn is_wave_dash(c: char) -> bool {
    matches!(c, '～' | '〜')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(open: u32, close: u32) -> Span {
        Span { open, close }
    }

    #[test]
    fn spans_closed_days_and_full_width_forms_are_read() {
        assert_eq!(parse_day("mon", "09:00-17:30"), Ok(vec![span(540, 1050)]));
        assert_eq!(
            parse_day("mon", "9:00-12:00, 13:00-24:00"),
            Ok(vec![span(540, 720), span(780, 1440)])
        );
        assert_eq!(
            parse_day("mon", "９：００～１７：３０"),
            Ok(vec![span(540, 1050)])
        );
        assert_eq!(parse_day("sun", "closed"), Ok(vec![]));
        assert_eq!(parse_day("sun", "休み"), Ok(vec![]));
        assert_eq!(parse_day("sun", ""), Ok(vec![]));
    }

    #[test]
    fn unreadable_backwards_and_overlapping_hours_say_what_to_write() {
        let problem = parse_day("mon", "9-17").unwrap_err();
        assert!(problem.message.contains("hours.mon"), "{}", problem.message);
        assert!(
            problem.message.contains("\"09:00-17:30\""),
            "{}",
            problem.message
        );
        for bad in [
            "25:00-26:00",
            "09:60-10:00",
            "09:00-24:01",
            "0900-1700",
            "open",
        ] {
            assert!(parse_day("tue", bad).is_err(), "{bad}");
        }
        let backwards = parse_day("wed", "17:30-09:00").unwrap_err();
        assert!(
            backwards.message.contains("日をまたぐ"),
            "{}",
            backwards.message
        );
        let overlap = parse_day("thu", "09:00-13:00, 12:00-17:00").unwrap_err();
        assert!(overlap.message.contains("重なって"), "{}", overlap.message);
    }

    #[test]
    fn closed_dates_are_days_or_ranges() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        let dates = [
            "2026-12-29..2027-01-03".to_string(),
            "2027-02-11".to_string(),
            "2027-05-03～2027-05-05".to_string(),
        ];
        assert_eq!(
            parse_closed_dates(&dates),
            Ok(vec![
                (date(2026, 12, 29), date(2027, 1, 3)),
                (date(2027, 2, 11), date(2027, 2, 11)),
                (date(2027, 5, 3), date(2027, 5, 5)),
            ])
        );
        let backwards = parse_closed_dates(&["2027-01-03..2026-12-29".to_string()]).unwrap_err();
        assert!(
            backwards.message.contains("前です"),
            "{}",
            backwards.message
        );
        let bad = parse_closed_dates(&["12/29".to_string()]).unwrap_err();
        assert!(bad.message.contains("\"2026-12-29\""), "{}", bad.message);
    }
}
