//! End to end: systemd's watchdog, from the kiosk's side. There is no systemd as PID 1 here,
//! so the test plays its part: it listens on a Unix datagram socket given as `NOTIFY_SOCKET`
//! with a `WATCHDOG_USEC`, as systemd gives them to every process of a unit with
//! `WatchdogSec=` and `NotifyAccess=all`, and checks that the kiosk says `READY=1`, pings
//! `WATCHDOG=1` regularly, and stops pinging when its main loop is stuck, which is when
//! systemd would kill and restart it.

mod pty;

use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use pty::Kiosk;

/// The watchdog's interval given to the kiosk: pings every half second.
const WATCHDOG_USEC: &str = "1000000";

/// A notify socket of the test's own, removed when done.
struct NotifySocket {
    path: PathBuf,
    socket: UnixDatagram,
}

impl NotifySocket {
    fn bind(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "faq-kiosk-notify-{}-{name}.sock",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        let socket = UnixDatagram::bind(&path).unwrap();
        Self { path, socket }
    }

    fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }

    /// The messages received within `within`, each as its text.
    fn messages(&self, within: Duration) -> Vec<String> {
        let end = Instant::now() + within;
        let mut messages = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return messages;
            }
            self.socket.set_read_timeout(Some(left)).unwrap();
            match self.socket.recv(&mut buffer) {
                Ok(len) => messages.push(String::from_utf8_lossy(&buffer[..len]).into_owned()),
                Err(_) => return messages,
            }
        }
    }
}

impl NotifySocket {
    /// Waits until nothing has come for `gap`; fails the test if that takes more than 30 s.
    fn wait_for_silence(&self, gap: Duration) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            if self.messages(gap).is_empty() {
                return;
            }
        }
        panic!("the kiosk never stopped sending");
    }
}

impl Drop for NotifySocket {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn count(messages: &[String], line: &str) -> usize {
    messages
        .iter()
        .filter(|message| message.lines().any(|l| l == line))
        .count()
}

#[test]
fn the_kiosk_says_ready_then_pings_until_its_loop_is_stuck() {
    let notify = NotifySocket::bind("wedge");
    let mut kiosk = Kiosk::start_with_env(
        80,
        24,
        &[],
        &[
            ("NOTIFY_SOCKET", notify.path()),
            ("WATCHDOG_USEC", WATCHDOG_USEC),
            // systemd names the unit's main process, cage; the kiosk pings all the same.
            ("WATCHDOG_PID", "1"),
            ("FAQ_KIOSK_TEST_WEDGE_ON_KEY", "7"),
        ],
    );
    kiosk.wait_for("どのキーを押しても始まります");
    let first = notify.messages(Duration::from_millis(2500));
    assert_eq!(
        first.first().map(String::as_str),
        Some("READY=1\n"),
        "{first:?}"
    );
    let pings = count(&first, "WATCHDOG=1");
    assert!(
        (3..=8).contains(&pings),
        "a ping each half second: {first:?}"
    );
    // Still pinging on an idle attract screen, where nothing else wakes the loop.
    let idle = notify.messages(Duration::from_secs(2));
    assert!(count(&idle, "WATCHDOG=1") >= 3, "{idle:?}");
    kiosk.press("7");
    // The pings stop (more than two intervals pass without one) and do not come back.
    notify.wait_for_silence(Duration::from_millis(1200));
    let stuck = notify.messages(Duration::from_secs(3));
    assert_eq!(count(&stuck, "WATCHDOG=1"), 0, "{stuck:?}");
    assert!(
        kiosk.is_running(),
        "stuck, not ended: systemd's watchdog ends it"
    );
}

#[test]
fn without_a_watchdog_the_kiosk_only_says_ready() {
    let notify = NotifySocket::bind("ready");
    let kiosk = Kiosk::start_with_env(80, 24, &[], &[("NOTIFY_SOCKET", notify.path())]);
    kiosk.wait_for("どのキーを押しても始まります");
    let messages = notify.messages(Duration::from_secs(2));
    assert_eq!(messages, vec!["READY=1\n".to_string()]);
}
