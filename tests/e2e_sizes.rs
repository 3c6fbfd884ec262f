//! End to end: every size a terminal can report, from 1x1 to 65535x65535, and flips between
//! them faster than the kiosk draws; the real binary in a pseudo-terminal each time.

mod support;

use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::app::Action;
use support::Kiosk;
use support::expected::{expected_screen, wait_for_screen};

#[test]
fn flipping_between_two_by_one_and_one_by_one_for_seconds_leaves_a_working_kiosk() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    let start = Instant::now();
    let mut flips = 0;
    while start.elapsed() < Duration::from_secs(4) {
        // The smallest sizes: the too-small message's wide characters fit neither.
        kiosk.resize(2, 1);
        thread::sleep(Duration::from_micros(500));
        kiosk.resize(1, 1);
        thread::sleep(Duration::from_micros(500));
        flips += 1;
    }
    assert!(kiosk.is_running(), "the kiosk ended after {flips} flips");
    kiosk.resize(80, 24);
    kiosk.press("3");
    let expected = expected_screen(80, 24, &[Action::OtherKey, Action::Open(3)]);
    wait_for_screen(&kiosk, &expected);
    assert!(kiosk.is_running());
}

#[test]
fn probe_stalled() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.stop_reading();
    for i in 0..60u16 {
        kiosk.report_size(200 - i % 2, 60);
        thread::sleep(Duration::from_millis(30));
        let pid = kiosk.pid();
        let wchan = std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
        let sys = std::fs::read_to_string(format!("/proc/{pid}/syscall")).unwrap_or_default();
        eprintln!("{i} {wchan} {}", sys.split(' ').next().unwrap_or(""));
    }
    let t = Instant::now();
    kiosk.signal(nix::sys::signal::Signal::SIGTERM);
    while kiosk.is_running() && t.elapsed() < Duration::from_secs(5) {
        thread::sleep(Duration::from_millis(50));
    }
    eprintln!("running after {:?}: {}", t.elapsed(), kiosk.is_running());
    kiosk.resume_reading();
    eprintln!(
        "status {:?} cooked {}",
        kiosk.wait_for_exit_status(),
        kiosk.terminal_is_cooked()
    );
}
