//! The written forms of a date: era (令和7年12月1日), kanji Gregorian (2025年12月1日) and
//! numeric (2025-12-01, 2025/12/1).

use super::date::Date;

/// The Japanese eras a leaflet's dates are written in, with the Gregorian year before each
/// era's first year: 令和 n is 2018 + n, 平成 n is 1988 + n.
const ERAS: [(&str, i32); 2] = [("令和", 2018), ("平成", 1988)];

/// The separators of the numeric form, half- and full-width; a date uses one kind throughout.
const SEPARATORS: [char; 4] = ['-', '/', '－', '／'];

/// The date written at the start of `rest`, as its length in bytes and its day.
///
/// The caller has checked that nothing before `rest` continues it (see [`continues`]).
pub(super) fn date_at(rest: &str) -> Option<(usize, Date)> {
    let mut cursor = Cursor { rest, at: 0 };
    let date = if let Some(base) = ERAS
        .iter()
        .find_map(|&(name, base)| cursor.eat(name).then_some(base))
    {
        // 元年 is the first year of an era, as 令和元年5月1日.
        let year = if cursor.eat("元") {
            1
        } else {
            cursor.number(1..=2)?
        };
        if year == 0 || !cursor.eat("年") {
            return None;
        }
        cursor.month_and_day(base + year as i32)?
    } else {
        let year = cursor.number(4..=4)?;
        if year < 1000 {
            return None;
        }
        if cursor.eat("年") {
            cursor.month_and_day(year as i32)?
        } else {
            cursor.numeric_month_and_day(year as i32)?
        }
    };
    Some((cursor.at, date))
}

/// A position in the text after the start of a candidate date.
struct Cursor<'a> {
    rest: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn remaining(&self) -> &str {
        &self.rest[self.at..]
    }

    fn peek(&self) -> Option<char> {
        self.remaining().chars().next()
    }

    /// Moves past `word` if the text continues with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.remaining().starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// Reads a run of half- or full-width digits, if its length is in `digits`.
    fn number(&mut self, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let mut value = 0u32;
        let mut count = 0;
        while let Some(digit) = self.peek().and_then(digit_value) {
            value = value.saturating_mul(10).saturating_add(digit);
            count += 1;
            self.at += self.peek().map_or(0, char::len_utf8);
        }
        digits.contains(&count).then_some(value)
    }

    /// `12月1日`, after the year.
    fn month_and_day(&mut self, year: i32) -> Option<Date> {
        let month = self.number(1..=2)?;
        self.eat("月").then_some(())?;
        let day = self.number(1..=2)?;
        self.eat("日").then_some(())?;
        Date::new(year, month, day)
    }

    /// `-12-01` or `/12/1`, after the year, with nothing after that would continue it.
    fn numeric_month_and_day(&mut self, year: i32) -> Option<Date> {
        let separator = self.peek().filter(|c| SEPARATORS.contains(c))?;
        let mut separator_text = [0; 4];
        let separator_text = separator.encode_utf8(&mut separator_text);
        self.eat(separator_text);
        let month = self.number(1..=2)?;
        self.eat(separator_text).then_some(())?;
        let day = self.number(1..=2)?;
        // 2025-12-01-2 or 2025/12/1/3 is some other numbering, not a date.
        let mut after = self.remaining().chars();
        if after.next() == Some(separator) && after.next().and_then(digit_value).is_some() {
            return None;
        }
        Date::new(year, month, day)
    }
}

/// Whether `previous`, the character before a candidate date (with `beyond` before it), would
/// make the date part of a longer number: a digit, or a separator with a digit before it
/// (`12/2025/12/01`, `1-2025-12-01`).
pub(super) fn continues(previous: char, beyond: Option<char>) -> bool {
    let separator = SEPARATORS.contains(&previous) || matches!(previous, '.' | '．');
    digit_value(previous).is_some() || (separator && beyond.and_then(digit_value).is_some())
}

/// The value of a half- or full-width digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<(usize, (i32, u32, u32))> {
        date_at(text).map(|(length, date)| (length, (date.year(), date.month(), date.day())))
    }

    #[test]
    fn every_written_form_gives_its_day_and_length() {
        let table = [
            ("令和7年12月1日", (2025, 12, 1)),
            ("令和６年１２月２日", (2024, 12, 2)),
            ("平成31年4月30日", (2019, 4, 30)),
            ("令和元年5月1日", (2019, 5, 1)),
            ("平成元年1月8日", (1989, 1, 8)),
            ("令和07年01月01日", (2025, 1, 1)),
            ("2025年12月1日", (2025, 12, 1)),
            ("２０２５年１２月１日", (2025, 12, 1)),
            ("2025-12-01", (2025, 12, 1)),
            ("2025/12/1", (2025, 12, 1)),
            ("２０２５／１２／０１", (2025, 12, 1)),
            ("２０２５－１２－０１", (2025, 12, 1)),
        ];
        for (text, date) in table {
            assert_eq!(parse(text), Some((text.len(), date)), "{text}");
            // What follows is not part of the date.
            let longer = format!("{text}まで");
            assert_eq!(parse(&longer), Some((text.len(), date)), "{longer}");
        }
    }

    #[test]
    fn era_years_convert_to_gregorian() {
        for n in 1..=20 {
            let reiwa = format!("令和{n}年1月1日");
            assert_eq!(parse(&reiwa).unwrap().1.0, 2018 + n, "{reiwa}");
        }
        for n in 1..=31 {
            let heisei = format!("平成{n}年1月1日");
            assert_eq!(parse(&heisei).unwrap().1.0, 1988 + n, "{heisei}");
        }
        assert_eq!(parse("令和元年1月1日").unwrap().1.0, 2019);
        assert_eq!(parse("平成元年1月1日").unwrap().1.0, 1989);
        // Forms printed before 2019 ran on in 平成: 平成32年 is what the writer meant by 2020.
        assert_eq!(parse("平成32年3月31日").unwrap().1.0, 2020);
    }

    #[test]
    fn days_that_do_not_exist_and_broken_forms_are_rejected() {
        let table = [
            "令和7年2月30日",
            "令和7年13月1日",
            "令和7年4月31日",
            "令和6年2月30日",
            "令和0年1月1日",
            "令和123年1月1日",
            "令和7年5月",
            "令和7年5月版",
            "令和7年12月1",
            "令和7年1２月",
            "令和七年十二月一日",
            "2025年2月29日",
            "202年1月1日",
            "0999-01-01",
            "2025-12/01",
            "2025-12-001",
            "2025-12-01-2",
            "2025/12/1/3",
            "2025.12.1",
            "0120-95-0178",
            "24時間365日",
        ];
        for text in table {
            assert_eq!(parse(text), None, "{text}");
        }
        assert_eq!(parse("2024年2月29日"), Some((16, (2024, 2, 29))));
    }
}
