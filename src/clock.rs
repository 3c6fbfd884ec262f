//! Wall-clock time as people read it: local dates and times with their UTC offset.
//!
//! The usage log and the staff screen speak of the day at the kiosk's location, so times are
//! written in local time (from the system's time zone, `TZ` or `/etc/localtime`) with the offset,
//! e.g. `2026-11-28T16:55:00+09:00`: readable, sortable within a day, and unambiguous.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::dates::Date;
use crate::hours::LocalTime;

/// The first and last seconds dated, of the years 0000 and 9999 (UTC): times beyond them (a
/// clock set absurdly wrong) are read as these, so that no arithmetic on them can overflow.
const FIRST_SECOND: i64 = -62_167_219_200;
const LAST_SECOND: i64 = 253_402_300_799;

/// Seconds since the Unix epoch and the local offset from UTC at `time`, within the years 0000
/// to 9999.
fn local_seconds(time: SystemTime) -> (i64, i64) {
    let seconds = match time.duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
    };
    let seconds = seconds.clamp(FIRST_SECOND, LAST_SECOND);
    let offset = utc_offset_seconds(seconds);
    (seconds + offset, offset)
}

/// The local calendar date at `time`.
pub fn local_date(time: SystemTime) -> Date {
    let (local, _) = local_seconds(time);
    Date::from_day_number(local.div_euclid(86_400)).expect("years 0000 to 9999 are dates")
}

/// The local wall-clock time at `time`, to the millisecond, for the opening hours.
pub fn local_time(time: SystemTime) -> LocalTime {
    let (local, _) = local_seconds(time);
    // A clock set before 1970 is wrong by decades anyway: whole seconds do there.
    let millis = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_millis());
    LocalTime::from_millis(local * 1000 + i64::from(millis))
}

/// `time` as local ISO 8601 with seconds and the UTC offset.
pub fn local_timestamp(time: SystemTime) -> String {
    let (local, offset) = local_seconds(time);
    let date = Date::from_day_number(local.div_euclid(86_400)).expect("years 0000 to 9999");
    let (year, month, day) = (date.year(), date.month(), date.day());
    let second_of_day = local.rem_euclid(86_400);
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60,
        offset / 3600,
        offset / 60 % 60
    )
}

/// The local time zone's offset from UTC at the Unix time `seconds`.
fn utc_offset_seconds(seconds: i64) -> i64 {
    // The type is libc's time_t, left to inference: musl's libc crate marks the name as about
    // to change.
    let time = seconds as _;
    // SAFETY: localtime_r only writes the struct it is given; a zeroed tm is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the duration of the call.
    let result = unsafe { libc::localtime_r(&time, &mut tm) };
    if result.is_null() {
        0
    } else {
        i64::from(tm.tm_gmtoff as i32)
    }
}

/// Whether `text` is a date written `YYYY-MM-DD` with a real month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn the_local_time_agrees_with_the_timestamp() {
        let now = SystemTime::now();
        let local = local_time(now);
        let text = local_timestamp(now);
        assert_eq!(local.date().unwrap().to_string(), text[..10]);
        let minute: u32 =
            text[11..13].parse::<u32>().unwrap() * 60 + text[14..16].parse::<u32>().unwrap();
        assert_eq!(local.minute_of_day(), minute, "{text}");
    }

    #[test]
    fn timestamps_carry_their_offset() {
        let text = local_timestamp(UNIX_EPOCH + Duration::from_secs(1_764_316_800));
        assert_eq!(text.len(), 25, "{text}");
        assert!(text.as_bytes()[10] == b'T' && matches!(text.as_bytes()[19], b'+' | b'-'));
    }

    #[test]
    fn the_local_date_agrees_with_the_timestamp() {
        let now = SystemTime::now();
        assert_eq!(local_date(now).to_string(), local_timestamp(now)[..10]);
    }

    #[test]
    fn times_beyond_four_digit_years_are_read_as_their_ends() {
        let far = UNIX_EPOCH + Duration::from_secs(i64::MAX as u64);
        assert!(
            local_timestamp(far).starts_with("9999-12-31T")
                || local_timestamp(far).starts_with("10000-01-01T")
        );
        let long_ago = UNIX_EPOCH - Duration::from_secs(i64::MAX as u64);
        let text = local_timestamp(long_ago);
        assert!(
            text.starts_with("0000-01-01T") || text.starts_with("-001-12-31T"),
            "{text}"
        );
        assert_eq!(local_date(far).to_string(), local_timestamp(far)[..10]);
    }

    #[test]
    fn iso_dates_are_recognised() {
        assert!(is_iso_date("2026-11-01"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(!is_iso_date("2026/11/01"));
        assert!(!is_iso_date("26-11-01"));
    }
}
