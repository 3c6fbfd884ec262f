//! Staff notices: a line of the staff's own (holidays, a changed reception desk) shown to
//! visitors between two dates, on the screens the staff choose.

use serde::Deserialize;

use crate::dates::Date;

/// Where a notice shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticePlace {
    /// The attract screen a visitor walks up to.
    Attract,
    /// The menu of categories.
    Menu,
    /// Every screen a visitor sees (not the staff screen).
    Every,
}

/// One `[[notices]]` entry, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The line shown, as the staff wrote it.
    pub text: String,
    /// The first day it shows, if it has one.
    pub from: Option<Date>,
    /// The last day it shows, if it has one.
    pub until: Option<Date>,
    /// The screens it shows on.
    pub place: NoticePlace,
}

/// Columns a notice may take and still show whole at the smallest size, 80x24: the width
/// inside the two-column margins.
pub const MAX_NOTICE_WIDTH: usize = 76;

impl Notice {
    /// Whether the notice shows on `today`: on or after `from` and on or before `until`.
    pub fn is_shown_on(&self, today: Date) -> bool {
        self.from.is_none_or(|from| from <= today) && self.until.is_none_or(|until| today <= until)
    }

    /// Whether the notice belongs on a screen shown at `place`: its own place, or every screen.
    pub fn belongs_on(&self, place: NoticePlace) -> bool {
        self.place == NoticePlace::Every || self.place == place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(from: Option<Date>, until: Option<Date>, place: NoticePlace) -> Notice {
        Notice {
            text: "年末年始はお休みです。".to_string(),
            from,
            until,
            place,
        }
    }

    #[test]
    fn a_notice_shows_from_its_first_to_its_last_day_inclusive() {
        let day = |d| Date::new(2026, 12, d);
        let dated = notice(day(20), day(28), NoticePlace::Every);
        let shown: Vec<u32> = (1..=31)
            .filter(|d| dated.is_shown_on(day(*d).unwrap()))
            .collect();
        assert_eq!(shown, (20..=28).collect::<Vec<_>>());
        let open_ended = notice(None, None, NoticePlace::Every);
        assert!(open_ended.is_shown_on(day(1).unwrap()));
    }

    #[test]
    fn every_screen_includes_the_attract_screen_and_the_menu() {
        let every = notice(None, None, NoticePlace::Every);
        let menu = notice(None, None, NoticePlace::Menu);
        assert!(every.belongs_on(NoticePlace::Attract) && every.belongs_on(NoticePlace::Menu));
        assert!(menu.belongs_on(NoticePlace::Menu) && !menu.belongs_on(NoticePlace::Attract));
    }
}
