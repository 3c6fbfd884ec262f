//! A day of the Gregorian calendar, checked when it is made.

use std::fmt;

/// A valid day of the (proleptic) Gregorian calendar.
///
/// Dates compare in time order, so `deadline < today` reads as it should.
///
/// ```
/// use faq_kiosk::dates::Date;
///
/// let deadline = Date::new(2025, 12, 1).unwrap();
/// assert_eq!((deadline.year(), deadline.month(), deadline.day()), (2025, 12, 1));
/// assert_eq!(deadline.to_string(), "2025-12-01");
/// assert!(deadline < Date::new(2026, 11, 28).unwrap());
/// assert_eq!(Date::new(2025, 2, 29), None);
/// assert!(Date::new(2024, 2, 29).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order gives the derived Ord its meaning: year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date `year`-`month`-`day`, or `None` if that day does not exist (month 13,
    /// 30 February, 29 February outside leap years).
    pub const fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The date written `YYYY-MM-DD` (four-digit year, two-digit month and day), if that day
    /// exists.
    ///
    /// ```
    /// use faq_kiosk::dates::Date;
    ///
    /// assert_eq!(Date::parse_iso("2026-12-01"), Date::new(2026, 12, 1));
    /// assert_eq!(Date::parse_iso("2026-02-30"), None);
    /// assert_eq!(Date::parse_iso("2026-2-3"), None);
    /// ```
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let mut number = |len: usize| {
            parts
                .next()
                .filter(|part| part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|part| part.parse::<u32>().ok())
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        if parts.next().is_some() {
            return None;
        }
        Self::new(i32::try_from(year).ok()?, month, day)
    }

    /// The year, e.g. 2025.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u32 {
        self.month as u32
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u32 {
        self.day as u32
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before it), counting in the proleptic Gregorian
    /// calendar (Howard Hinnant's algorithm).
    ///
    /// ```
    /// use faq_kiosk::dates::Date;
    ///
    /// assert_eq!(Date::new(1970, 1, 2).unwrap().day_number(), 1);
    /// let day = Date::new(2026, 12, 1).unwrap();
    /// assert_eq!(Date::from_day_number(day.day_number()), Some(day));
    /// ```
    pub const fn day_number(self) -> i64 {
        let month = self.month as i64;
        let year = self.year as i64 - if month <= 2 { 1 } else { 0 };
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if its year fits the type.
    pub fn from_day_number(days: i64) -> Option<Self> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe.checked_add(era.checked_mul(400)?)? + i64::from(month <= 2);
        Self::new(i32::try_from(year).ok()?, month, day)
    }

    /// The day of the week, from 0 for Monday to 6 for Sunday.
    ///
    /// ```
    /// use faq_kiosk::dates::Date;
    ///
    /// assert_eq!(Date::new(2026, 12, 1).unwrap().weekday(), 1); // a Tuesday
    /// ```
    pub const fn weekday(self) -> u32 {
        Self::weekday_of_day_number(self.day_number())
    }

    /// The day of the week of the day `days` after 1970-01-01, from 0 for Monday.
    pub const fn weekday_of_day_number(days: i64) -> u32 {
        // 1970-01-01 was a Thursday.
        (days + 3).rem_euclid(7) as u32
    }
}

/// Written `YYYY-MM-DD`, as `faq-kiosk check` and the usage log write dates.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths_follow_the_gregorian_calendar() {
        assert!(Date::new(2025, 1, 31).is_some());
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(2025, 2, 30).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2025, 0, 1).is_none());
        assert!(Date::new(2025, 13, 1).is_none());
        assert!(Date::new(2025, 1, 0).is_none());
    }

    #[test]
    fn dates_order_by_year_then_month_then_day() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert!(date(2024, 12, 31) < date(2025, 1, 1));
        assert!(date(2025, 1, 31) < date(2025, 2, 1));
        assert!(date(2025, 2, 1) < date(2025, 2, 2));
    }

    #[test]
    fn day_numbers_count_from_1970_both_ways() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(date(1970, 1, 1).day_number(), 0);
        assert_eq!(date(1969, 12, 31).day_number(), -1);
        assert_eq!(date(2024, 1, 1).day_number(), 19_723);
        assert_eq!(date(2025, 11, 28).day_number(), 20_420);
        for days in [-800_000, -1, 0, 59, 60, 11_016, 20_423, 2_932_896] {
            let day = Date::from_day_number(days).unwrap();
            assert_eq!(day.day_number(), days, "{day}");
        }
        assert_eq!(Date::from_day_number(i64::MAX), None);
    }

    #[test]
    fn weekdays_start_on_monday() {
        let date = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(date(1970, 1, 1).weekday(), 3);
        assert_eq!(date(2026, 11, 30).weekday(), 0);
        assert_eq!(date(2026, 12, 6).weekday(), 6);
        assert_eq!(date(1969, 12, 29).weekday(), 0);
    }
}
