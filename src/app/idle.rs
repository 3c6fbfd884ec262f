//! The idle timer: after a quiet spell, warn with a countdown, then reset for the next visitor.
//!
//! WCAG 2.2.1 / JIS X 8341-3 ask that a time limit is announced and can be extended with a
//! simple action: any key during the countdown keeps the page.

use std::time::{Duration, Instant};

use super::IdleSettings;

/// What the timer found when asked at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// Nothing to do (or the countdown merely moved on).
    Quiet,
    /// The countdown has just begun: ring the bell once.
    WarningStarted,
    /// The countdown ran out: reset.
    Expired,
}

/// When the last key was pressed, and the countdown shown, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IdleTimer {
    settings: IdleSettings,
    last_input: Instant,
    warning: Option<u64>,
}

impl IdleTimer {
    pub(super) fn new(settings: IdleSettings, now: Instant) -> Self {
        Self {
            settings,
            last_input: now,
            warning: None,
        }
    }

    /// A key was pressed at `now`: the quiet spell starts again and any warning goes.
    pub(super) fn touch(&mut self, now: Instant) {
        self.last_input = now;
        self.warning = None;
    }

    pub(super) fn set_settings(&mut self, settings: IdleSettings, now: Instant) {
        self.settings = settings;
        self.touch(now);
    }

    /// The quiet spell before the warning; `None` when the reset is off.
    pub(super) fn timeout(&self) -> Option<std::time::Duration> {
        self.settings.timeout
    }

    pub(super) fn last_input(&self) -> Instant {
        self.last_input
    }

    pub(super) fn is_warning(&self) -> bool {
        self.warning.is_some()
    }

    pub(super) fn warning_seconds(&self) -> Option<u64> {
        self.warning
    }

    /// When the warning starts; `None` when never, including a moment past what the clock can
    /// hold, which is as good as never and must not panic.
    fn warn_at(&self) -> Option<Instant> {
        self.last_input.checked_add(self.settings.timeout?)
    }

    /// When the countdown runs out; `None` as for [`Self::warn_at`].
    fn reset_at(&self) -> Option<Instant> {
        self.warn_at()?.checked_add(self.settings.countdown)
    }

    /// The next moment something changes: the warning starts, the count drops, or the reset.
    pub(super) fn next_deadline(&self) -> Option<Instant> {
        // Without a reset there is no warning either: waking for one would spin.
        self.reset_at()?;
        match self.warning {
            None => self.warn_at(),
            Some(seconds) => {
                let reset_at = self.reset_at()?;
                let next_second = Duration::from_secs(seconds.saturating_sub(1));
                Some(reset_at.checked_sub(next_second).unwrap_or(reset_at))
            }
        }
    }

    /// Brings the timer up to `now`.
    pub(super) fn check(&mut self, now: Instant) -> Check {
        let (Some(warn_at), Some(reset_at)) = (self.warn_at(), self.reset_at()) else {
            return Check::Quiet;
        };
        if now < warn_at {
            return Check::Quiet;
        }
        if now >= reset_at {
            self.warning = None;
            return Check::Expired;
        }
        let left = reset_at - now;
        let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        let started = self.warning.is_none();
        self.warning = Some(seconds);
        if started {
            Check::WarningStarted
        } else {
            Check::Quiet
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(at: Instant) -> IdleTimer {
        IdleTimer::new(
            IdleSettings {
                timeout: Some(Duration::from_secs(120)),
                countdown: Duration::from_secs(20),
            },
            at,
        )
    }

    #[test]
    fn warns_after_the_timeout_then_counts_down_each_second_then_expires() {
        let t0 = Instant::now();
        let mut idle = timer(t0);
        assert_eq!(idle.next_deadline(), Some(t0 + Duration::from_secs(120)));
        assert_eq!(idle.check(t0 + Duration::from_secs(119)), Check::Quiet);
        assert_eq!(
            idle.check(t0 + Duration::from_secs(120)),
            Check::WarningStarted
        );
        assert_eq!(idle.warning_seconds(), Some(20));
        assert_eq!(idle.next_deadline(), Some(t0 + Duration::from_secs(121)));
        assert_eq!(
            idle.check(t0 + Duration::from_millis(121_500)),
            Check::Quiet
        );
        assert_eq!(idle.warning_seconds(), Some(19));
        assert_eq!(idle.next_deadline(), Some(t0 + Duration::from_secs(122)));
        assert_eq!(idle.check(t0 + Duration::from_secs(139)), Check::Quiet);
        assert_eq!(idle.warning_seconds(), Some(1));
        assert_eq!(idle.next_deadline(), Some(t0 + Duration::from_secs(140)));
        assert_eq!(idle.check(t0 + Duration::from_secs(140)), Check::Expired);
    }

    #[test]
    fn a_key_starts_the_quiet_spell_again() {
        let t0 = Instant::now();
        let mut idle = timer(t0);
        idle.check(t0 + Duration::from_secs(125));
        assert!(idle.is_warning());
        idle.touch(t0 + Duration::from_secs(126));
        assert!(!idle.is_warning());
        assert_eq!(idle.next_deadline(), Some(t0 + Duration::from_secs(246)));
    }

    #[test]
    fn times_past_what_the_clock_holds_are_never_and_do_not_panic() {
        let t0 = Instant::now();
        let huge = Duration::from_secs(u64::MAX);
        let mut idle = IdleTimer::new(
            IdleSettings {
                timeout: Some(huge),
                countdown: Duration::from_secs(20),
            },
            t0,
        );
        assert_eq!(idle.next_deadline(), None);
        assert_eq!(idle.check(t0 + Duration::from_secs(1)), Check::Quiet);
        idle.touch(t0 + Duration::from_secs(2));
        assert_eq!(idle.check(t0 + Duration::from_secs(3)), Check::Quiet);
        // A countdown too long to add: the warning never starts either.
        idle.set_settings(
            IdleSettings {
                timeout: Some(Duration::from_secs(1)),
                countdown: huge,
            },
            t0,
        );
        assert_eq!(idle.check(t0 + Duration::from_secs(5)), Check::Quiet);
        assert_eq!(idle.next_deadline(), None);
    }

    #[test]
    fn no_timeout_means_no_deadline() {
        let t0 = Instant::now();
        let mut idle = timer(t0);
        idle.set_settings(
            IdleSettings {
                timeout: None,
                countdown: Duration::from_secs(20),
            },
            t0,
        );
        assert_eq!(idle.next_deadline(), None);
        assert_eq!(idle.check(t0 + Duration::from_secs(100_000)), Check::Quiet);
    }
}
