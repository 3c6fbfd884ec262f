//! `[hours]`: the opening hours as staff write them, checked, and as the state takes them.

use serde::Deserialize;

use super::path_location;
use crate::hours::{Hours, Schedule, WEEKDAY_KEYS, parse_closed_dates, parse_day};
use crate::source::{Diagnostic, Source};
use crate::text::{AmbiguousWidth, display_width_with};

/// The widest the staff's closed text may be, in columns: it must fit one line of the
/// smallest screen the kiosk lays out (full-width characters take two).
pub const CLOSED_MESSAGE_COLUMNS: usize = 40;

/// `[hours]`: when the kiosk is open. Without the table it is always open.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HoursConfig {
    /// Monday's hours: `"09:00-17:30"`, spans separated by commas, or `"closed"`; a day left
    /// out is closed.
    pub mon: String,
    /// Tuesday's hours.
    pub tue: String,
    /// Wednesday's hours.
    pub wed: String,
    /// Thursday's hours.
    pub thu: String,
    /// Friday's hours.
    pub fri: String,
    /// Saturday's hours.
    pub sat: String,
    /// Sunday's hours.
    pub sun: String,
    /// Dates closed all day: `"2026-12-29"`, or `"2026-12-29..2027-01-03"` for several.
    pub closed_dates: Vec<String>,
    /// What the dark screen says; empty for the kiosk's own text.
    pub closed_message: String,
}

impl HoursConfig {
    fn days(&self) -> [(&'static str, &str); 7] {
        let texts = [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ];
        std::array::from_fn(|i| (WEEKDAY_KEYS[i], texts[i].as_str()))
    }

    /// The hours the state keeps to. A value that cannot be read (settings built in code, not
    /// checked) counts as closed: dark is the safe side for an unattended screen.
    pub fn hours(&self) -> Hours {
        let mut schedule = Schedule::default();
        for (day, (key, text)) in schedule.week.iter_mut().zip(self.days()) {
            *day = parse_day(key, text).unwrap_or_default();
        }
        schedule.closed_dates = parse_closed_dates(&self.closed_dates).unwrap_or_default();
        let message = self.closed_message.trim();
        Hours {
            schedule,
            closed_message: (!message.is_empty()).then(|| message.to_string()),
        }
    }

    /// Every problem with these hours, placed in `source`.
    pub(super) fn problems(&self, source: &Source) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let mut every_day_closed = true;
        for (key, text) in self.days() {
            match parse_day(key, text) {
                Ok(spans) => every_day_closed &= spans.is_empty(),
                Err(problem) => {
                    every_day_closed = false;
                    problems.push(Diagnostic::error(
                        path_location(source, &["hours", key]),
                        problem.message,
                        problem.detail,
                    ));
                }
            }
        }
        if every_day_closed {
            problems.push(Diagnostic::error(
                path_location(source, &["hours"]),
                "[hours] では、どの曜日も休みになっています。開いている曜日の時間を \"09:00-17:30\" のように書いてください（いつも開けておくなら [hours] ごと消してください）。",
                "[hours] has no open day: the kiosk would never open",
            ));
        }
        if let Err(problem) = parse_closed_dates(&self.closed_dates) {
            problems.push(Diagnostic::error(
                path_location(source, &["hours", "closed_dates"]),
                problem.message,
                problem.detail,
            ));
        }
        let width = display_width_with(self.closed_message.trim(), AmbiguousWidth::Wide);
        if width > CLOSED_MESSAGE_COLUMNS || self.closed_message.contains(char::is_control) {
            problems.push(Diagnostic::error(
                path_location(source, &["hours", "closed_message"]),
                format!(
                    "hours.closed_message は1行で、全角 {} 文字（半角 {CLOSED_MESSAGE_COLUMNS} 文字）までにしてください。小さな画面にも収まるようにするためです。",
                    CLOSED_MESSAGE_COLUMNS / 2
                ),
                format!(
                    "hours.closed_message is {width} columns or has a line break; at most {CLOSED_MESSAGE_COLUMNS} on one line"
                ),
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::dates::Date;
    use crate::hours::{LocalTime, Span};

    fn parse(text: &str) -> Result<Config, String> {
        Config::from_source(&Source::new("kiosk.toml", text)).map_err(|err| err.to_string())
    }

    #[test]
    fn without_the_table_there_are_no_hours() {
        assert_eq!(parse("").unwrap().hours, None);
    }

    #[test]
    fn days_left_out_are_closed_and_the_staff_text_is_kept() {
        let config = parse(
            "[hours]\nmon = \"09:00-17:30\"\ntue = \"09:00-17:30\"\nsat = \"09:00-12:00\"\nclosed_dates = [\"2026-12-29..2027-01-03\"]\nclosed_message = \"本日は終了しました\"\n",
        )
        .unwrap();
        let hours = config.hours.unwrap().hours();
        assert_eq!(
            hours.schedule.week[0],
            vec![Span {
                open: 540,
                close: 1050
            }]
        );
        assert!(hours.schedule.week[2].is_empty());
        assert_eq!(hours.closed_message.as_deref(), Some("本日は終了しました"));
        let tuesday = |month, day| {
            let date = Date::new(if month == 12 { 2026 } else { 2027 }, month, day).unwrap();
            LocalTime::at(date, 600)
        };
        assert!(hours.schedule.is_open(tuesday(12, 22)));
        assert!(!hours.schedule.is_open(tuesday(12, 29)), "a closed date");
        assert!(hours.schedule.is_open(tuesday(1, 5)));
    }

    #[test]
    fn check_names_the_line_of_each_bad_value() {
        let message = parse(
            "idle_timeout_secs = 60\n[hours]\nmon = \"9時から17時\"\ntue = \"17:00-09:00\"\nclosed_dates = [\"2026/12/29\"]\n",
        )
        .unwrap_err();
        assert!(
            message.contains("kiosk.toml:3:1: エラー: hours.mon の \"9時から17時\""),
            "{message}"
        );
        assert!(
            message.contains("kiosk.toml:4:1: エラー: hours.tue"),
            "{message}"
        );
        assert!(
            message.contains("kiosk.toml:5:1: エラー: hours.closed_dates"),
            "{message}"
        );
    }

    #[test]
    fn hours_that_never_open_or_a_long_text_are_refused() {
        let never = parse("[hours]\nsun = \"closed\"\n").unwrap_err();
        assert!(never.contains("どの曜日も休み"), "{never}");
        let long = format!(
            "[hours]\nmon = \"09:00-17:00\"\nclosed_message = \"{}\"\n",
            "あ".repeat(21)
        );
        let message = parse(&long).unwrap_err();
        assert!(
            message.contains("kiosk.toml:3:1: エラー: hours.closed_message"),
            "{message}"
        );
        assert!(parse(&long.replace(&"あ".repeat(21), &"あ".repeat(20))).is_ok());
    }
}
