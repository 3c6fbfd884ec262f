//! Opening hours: when the kiosk is open, by day of the week and closed dates, and when that
//! next changes.
//!
//! Pure: nothing here reads a clock. The caller gives the local wall-clock time as a
//! [`LocalTime`]; the runtime reads it (see [`crate::clock::local_time`]) and the state turns
//! the next change into a deadline for the loop to sleep until.

mod parse;

pub use parse::{HoursProblem, parse_closed_dates, parse_day};

use crate::dates::Date;

/// Milliseconds in a day of local time.
const MS_PER_DAY: i64 = 86_400_000;

/// How many days ahead a change is looked for: beyond a year of closed dates the kiosk is
/// closed in practice, and the search stays short.
const SEARCH_DAYS: i64 = 400;

/// The names of the days of the week in the settings, Monday first.
pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The days of the week in Japanese, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// A moment of local wall-clock time: milliseconds since 1970-01-01 00:00 at the kiosk's
/// location (its time zone's offset already added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(i64);

impl LocalTime {
    /// The moment `millis` milliseconds after 1970-01-01 00:00 local time.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since 1970-01-01 00:00 local time.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// `minute` minutes after the start of `date` (1440 is the next midnight).
    pub const fn at(date: Date, minute: u32) -> Self {
        Self(date.day_number() * MS_PER_DAY + minute as i64 * 60_000)
    }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may stand for the `T`).
    ///
    /// ```
    /// use faq_kiosk::dates::Date;
    /// use faq_kiosk::hours::LocalTime;
    ///
    /// let day = Date::new(2026, 12, 1).unwrap();
    /// assert_eq!(LocalTime::parse("2026-12-01T17:30"), Some(LocalTime::at(day, 17 * 60 + 30)));
    /// assert_eq!(LocalTime::parse("2026-12-01 17:30:00"), LocalTime::parse("2026-12-01T17:30"));
    /// assert_eq!(LocalTime::parse("2026-12-01T25:00"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let (date, time) = text.split_once(['T', ' '])?;
        let date = Date::parse_iso(date)?;
        let mut parts = time.split(':');
        let mut number = |limit: u32| {
            parts
                .next()
                .filter(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|part| part.parse::<u32>().ok())
                .filter(|n| *n < limit)
        };
        let (hour, minute) = (number(24)?, number(60)?);
        let second = match parts.next() {
            None => 0,
            Some(part) if part.len() == 2 => part.parse::<u32>().ok().filter(|s| *s < 60)?,
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Self(
            Self::at(date, hour * 60 + minute).0 + i64::from(second) * 1000,
        ))
    }

    /// The day, counted from 1970-01-01.
    pub const fn day_number(self) -> i64 {
        self.0.div_euclid(MS_PER_DAY)
    }

    /// The local date.
    pub fn date(self) -> Option<Date> {
        Date::from_day_number(self.day_number())
    }

    /// Minutes since the start of the day, 0 to 1439.
    pub const fn minute_of_day(self) -> u32 {
        (self.0.rem_euclid(MS_PER_DAY) / 60_000) as u32
    }

    /// This moment moved by `millis` (later when positive), saturating.
    pub const fn plus_millis(self, millis: i64) -> Self {
        Self(self.0.saturating_add(millis))
    }

    fn start_of_day(day: i64) -> Self {
        Self(day.saturating_mul(MS_PER_DAY))
    }
}

/// One span of opening within a day: from `open` to `close`, in minutes since midnight
/// (`close` may be 1440, midnight at the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// When it opens, in minutes since midnight.
    pub open: u32,
    /// When it closes, in minutes since midnight, after `open`.
    pub close: u32,
}

/// The opening hours of each day of the week, and the dates closed all day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// The spans of each day of the week, Monday first, in order and apart; none: closed.
    pub week: [Vec<Span>; 7],
    /// Dates closed all day, as ranges from the first to the last (the same for one day).
    pub closed_dates: Vec<(Date, Date)>,
}

impl Schedule {
    /// Whether the kiosk is open at `at`.
    pub fn is_open(&self, at: LocalTime) -> bool {
        let day = at.day_number();
        if self.is_closed_day(day) {
            return false;
        }
        let minute = at.minute_of_day();
        self.week[weekday(day)]
            .iter()
            .any(|span| (span.open..span.close).contains(&minute))
    }

    /// The first moment after `at` when the kiosk opens or closes, if that happens within
    /// [`SEARCH_DAYS`].
    pub fn next_change(&self, at: LocalTime) -> Option<LocalTime> {
        let open = self.is_open(at);
        let first_day = at.day_number();
        (first_day..first_day.saturating_add(SEARCH_DAYS))
            .flat_map(|day| self.boundaries(day))
            .filter(|moment| *moment > at)
            .find(|moment| self.is_open(*moment) != open)
    }

    /// The moments of `day` at which being open can change: its midnight, and each span's
    /// opening and closing, in order.
    fn boundaries(&self, day: i64) -> impl Iterator<Item = LocalTime> + '_ {
        let midnight = LocalTime::start_of_day(day);
        let minute = move |m: u32| LocalTime(midnight.0.saturating_add(i64::from(m) * 60_000));
        std::iter::once(midnight).chain(
            self.week[weekday(day)]
                .iter()
                .flat_map(move |span| [minute(span.open), minute(span.close)]),
        )
    }

    fn is_closed_day(&self, day: i64) -> bool {
        let Some(date) = Date::from_day_number(day) else {
            return true;
        };
        self.closed_dates
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&date))
    }
}

/// Opening hours in force: when the kiosk is open, and what it says when it is not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hours {
    /// When it is open.
    pub schedule: Schedule,
    /// The staff's own text for the dark screen; `None` for the kiosk's own.
    pub closed_message: Option<String>,
}

/// The day of the week of a day number, 0 for Monday.
fn weekday(day: i64) -> usize {
    Date::weekday_of_day_number(day) as usize
}

/// A time of day written `H:MM` as visitors read it (`9:00`, `17:30`).
pub fn clock_text(minute: u32) -> String {
    format!("{}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Date {
        // 2026-11-30 is a Monday.
        Date::from_day_number(Date::new(2026, 11, 30).unwrap().day_number() + i64::from(d)).unwrap()
    }

    fn at(d: u32, hour: u32, minute: u32) -> LocalTime {
        LocalTime::at(day(d), hour * 60 + minute)
    }

    fn weekdays_nine_to_half_five() -> Schedule {
        let span = vec![Span {
            open: 9 * 60,
            close: 17 * 60 + 30,
        }];
        let mut week: [Vec<Span>; 7] = Default::default();
        for d in &mut week[..5] {
            d.clone_from(&span);
        }
        Schedule {
            week,
            closed_dates: Vec::new(),
        }
    }

    #[test]
    fn open_within_the_span_and_closed_outside_it() {
        let hours = weekdays_nine_to_half_five();
        assert!(!hours.is_open(at(0, 8, 59)));
        assert!(hours.is_open(at(0, 9, 0)));
        assert!(hours.is_open(at(0, 17, 29)));
        assert!(!hours.is_open(at(0, 17, 30)));
        assert!(!hours.is_open(at(5, 12, 0)), "Saturday is closed");
    }

    #[test]
    fn the_next_change_is_the_next_opening_or_closing() {
        let hours = weekdays_nine_to_half_five();
        assert_eq!(hours.next_change(at(0, 8, 0)), Some(at(0, 9, 0)));
        assert_eq!(hours.next_change(at(0, 9, 0)), Some(at(0, 17, 30)));
        assert_eq!(hours.next_change(at(0, 17, 30)), Some(at(1, 9, 0)));
        // Friday evening: closed over the weekend until Monday.
        assert_eq!(hours.next_change(at(4, 18, 0)), Some(at(7, 9, 0)));
    }

    #[test]
    fn closed_dates_close_the_whole_day() {
        let mut hours = weekdays_nine_to_half_five();
        hours.closed_dates = vec![(day(1), day(2))];
        assert!(!hours.is_open(at(1, 10, 0)));
        assert!(!hours.is_open(at(2, 10, 0)));
        assert_eq!(hours.next_change(at(0, 12, 0)), Some(at(0, 17, 30)));
        assert_eq!(hours.next_change(at(0, 17, 30)), Some(at(3, 9, 0)));
    }

    #[test]
    fn a_lunch_break_and_spans_that_meet() {
        let mut hours = Schedule::default();
        hours.week[0] = vec![
            Span {
                open: 9 * 60,
                close: 12 * 60,
            },
            Span {
                open: 13 * 60,
                close: 24 * 60,
            },
        ];
        hours.week[1] = vec![Span {
            open: 0,
            close: 10 * 60,
        }];
        assert_eq!(hours.next_change(at(0, 9, 0)), Some(at(0, 12, 0)));
        assert_eq!(hours.next_change(at(0, 12, 0)), Some(at(0, 13, 0)));
        // Open through midnight into Tuesday morning.
        assert_eq!(hours.next_change(at(0, 13, 0)), Some(at(1, 10, 0)));
    }

    #[test]
    fn no_change_when_never_open_or_always_open() {
        assert_eq!(Schedule::default().next_change(at(0, 0, 0)), None);
        let mut always = Schedule::default();
        for d in &mut always.week {
            *d = vec![Span {
                open: 0,
                close: 1440,
            }];
        }
        assert_eq!(always.next_change(at(0, 0, 0)), None);
        assert!(always.is_open(at(3, 23, 59)));
    }

    #[test]
    fn local_times_know_their_day_and_minute() {
        let moment = at(1, 17, 30).plus_millis(1_500);
        assert_eq!(moment.date(), Some(day(1)));
        assert_eq!(moment.minute_of_day(), 17 * 60 + 30);
        assert_eq!(clock_text(9 * 60), "9:00");
    }
}
