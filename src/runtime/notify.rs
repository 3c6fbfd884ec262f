//! Telling systemd how the kiosk is: ready once it runs, and alive at regular pings from the
//! main loop, so that systemd restarts a kiosk whose loop has stopped (`WatchdogSec=` in the
//! unit).
//!
//! The pings are sent by the loop itself, between two frames, never by a thread of their
//! own: a loop stuck in a draw, a reload or a bug stops them, and that is what the watchdog
//! is for. The loop wakes for a ping only when nothing else woke it within the last quarter
//! of the interval, so a kiosk in use sends them with its own wake-ups.
//!
//! The kiosk is not the unit's main process: systemd starts cage, which starts foot, which
//! starts the kiosk. So the unit says `NotifyAccess=all`, and the kiosk takes the watchdog's
//! interval from `WATCHDOG_USEC` whatever `WATCHDOG_PID` says (it names cage, the main
//! process); `sd_notify::watchdog_enabled` would compare the two and turn the pings off.

use std::io;
use std::time::{Duration, Instant};

use sd_notify::NotifyState;

/// The environment variable systemd gives the unit's processes with the socket to write to.
const NOTIFY_SOCKET: &str = "NOTIFY_SOCKET";
/// The environment variable with the watchdog's interval, in microseconds.
const WATCHDOG_USEC: &str = "WATCHDOG_USEC";

/// The watchdog's pings: how often, and when the next is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Watchdog {
    /// Half the watchdog's interval, as sd_watchdog_enabled(3) advises.
    every: Duration,
    /// When the next ping is due.
    next: Instant,
}

impl Watchdog {
    /// The pings systemd asks for through `variable` (the environment, or a test's), starting
    /// at `now`; `None` unless both a notify socket and a watchdog interval are given.
    pub(super) fn from_environment(
        variable: impl Fn(&str) -> Option<String>,
        now: Instant,
    ) -> Option<Self> {
        variable(NOTIFY_SOCKET).filter(|socket| !socket.is_empty())?;
        let micros: u64 = variable(WATCHDOG_USEC)?.trim().parse().ok()?;
        let every = Duration::from_micros(micros) / 2;
        (!every.is_zero()).then_some(Self { every, next: now })
    }

    /// How often it pings.
    pub(super) fn every(&self) -> Duration {
        self.every
    }

    /// When the loop must wake to ping, at the latest.
    pub(super) fn deadline(&self) -> Instant {
        self.next
    }

    /// Pings if one is due at `now`, or nearly (within a quarter of the interval, so that a
    /// wake-up for something else saves a wake-up for the ping). Returns why a ping failed.
    pub(super) fn ping_if_due(&mut self, now: Instant) -> Option<io::Error> {
        let early = self.every / 2;
        if now + early < self.next {
            return None;
        }
        self.next = now + self.every;
        sd_notify::notify(&[NotifyState::Watchdog]).err()
    }
}

/// Tells systemd the kiosk is up (`READY=1`), when there is a notify socket; a failure is
/// returned to report, and changes nothing.
pub(super) fn ready() -> Option<io::Error> {
    sd_notify::notify(&[NotifyState::Ready]).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    #[test]
    fn pings_only_with_both_a_socket_and_an_interval_whoever_the_main_process_is() {
        let now = Instant::now();
        let both = [
            ("NOTIFY_SOCKET", "/run/systemd/notify"),
            ("WATCHDOG_USEC", "30000000"),
            ("WATCHDOG_PID", "1"),
        ];
        let watchdog = Watchdog::from_environment(environment(&both), now).unwrap();
        assert_eq!(watchdog.every, Duration::from_secs(15));
        assert_eq!(watchdog.deadline(), now, "the first ping at once");
        for partial in [&both[..1], &both[1..]] {
            assert_eq!(Watchdog::from_environment(environment(partial), now), None);
        }
        let zero = [("NOTIFY_SOCKET", "/x"), ("WATCHDOG_USEC", "0")];
        assert_eq!(Watchdog::from_environment(environment(&zero), now), None);
        let junk = [("NOTIFY_SOCKET", "/x"), ("WATCHDOG_USEC", "soon")];
        assert_eq!(Watchdog::from_environment(environment(&junk), now), None);
    }

    #[test]
    fn a_ping_is_due_at_half_the_interval_or_a_little_before() {
        let now = Instant::now();
        let mut watchdog = Watchdog {
            every: Duration::from_secs(15),
            next: now,
        };
        watchdog.ping_if_due(now);
        assert_eq!(watchdog.deadline(), now + Duration::from_secs(15));
        watchdog.ping_if_due(now + Duration::from_secs(7));
        assert_eq!(
            watchdog.deadline(),
            now + Duration::from_secs(15),
            "too early"
        );
        watchdog.ping_if_due(now + Duration::from_secs(8));
        assert_eq!(
            watchdog.deadline(),
            now + Duration::from_secs(23),
            "close enough"
        );
    }
}
