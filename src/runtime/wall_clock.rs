//! Where the kiosk's local time comes from: the wall clock, or a preview's starting time
//! (`FAQ_KIOSK_NOW`) carried on by the monotonic clock.

use std::time::{Duration, Instant, SystemTime};

use crate::clock::local_time;
use crate::hours::LocalTime;

/// The kiosk's source of local wall-clock time.
#[derive(Debug, Clone, Copy)]
pub(super) struct WallClock {
    /// The preview's starting time and when the kiosk started, if one was given.
    start: Option<(LocalTime, Instant)>,
}

impl WallClock {
    /// The wall clock, or one that reads `start` at `now` and runs on from there.
    pub(super) fn new(start: Option<LocalTime>, now: Instant) -> Self {
        Self {
            start: start.map(|local| (local, now)),
        }
    }

    /// The local time at `now`.
    pub(super) fn read(&self, now: Instant) -> LocalTime {
        match self.start {
            Some((local, then)) => {
                let since = now.saturating_duration_since(then);
                local.plus_millis(millis(since))
            }
            None => local_time(SystemTime::now()),
        }
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_clock_runs_on_from_its_start() {
        let t0 = Instant::now();
        let start = LocalTime::parse("2026-12-01T17:29:50").unwrap();
        let clock = WallClock::new(Some(start), t0);
        assert_eq!(clock.read(t0), start);
        assert_eq!(
            clock.read(t0 + Duration::from_secs(10)),
            LocalTime::parse("2026-12-01T17:30:00").unwrap()
        );
    }
}
