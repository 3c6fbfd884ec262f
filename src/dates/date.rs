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
}
