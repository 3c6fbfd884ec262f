//! End to end: every size a terminal can report, from 1x1 to 65535x65535, flips between them
//! faster than the kiosk draws, and a terminal that stops reading what it draws; the real
//! binary in a pseudo-terminal each time.

mod pty;

use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::app::Action;
use faq_kiosk::keys::Intent;
use faq_kiosk::layout::{MAX_HEIGHT, MAX_WIDTH};
use nix::sys::signal::Signal;
use pty::expected::{expected_screen, wait_for_screen, wait_for_screen_at_top_left};
use pty::{Kiosk, PATIENCE};

/// The most address space the kiosk is given (`ulimit -v`), in MiB: its debug build peaks at
/// about 250 with frames at the cap, and one frame at 4000x4000 took more than 1500.
const MEMORY_LIMIT_MIB: u64 = 512;

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
    assert!(
        kiosk.is_running(),
        "the kiosk ended after {flips} flips: {:?}",
        kiosk.wait_for_exit_status()
    );
    kiosk.resize(80, 24);
    // The key waits for the screen, as a visitor's does: one pressed before the kiosk has
    // seen the new size is ignored, since the last size it drew was too small to show it.
    wait_for_screen(&kiosk, &expected_screen(80, 24, &[Action::OtherKey]));
    kiosk.press("3");
    let expected = expected_screen(80, 24, &[Action::OtherKey, Action::Key(Intent::Open(3))]);
    wait_for_screen(&kiosk, &expected);
    assert!(kiosk.is_running());
}

#[test]
fn a_huge_reported_size_is_drawn_at_the_cap_in_bounded_memory_and_shrinks_back() {
    let mut kiosk = Kiosk::start_with_memory_limit(80, 24, MEMORY_LIMIT_MIB, &[]);
    kiosk.begin();
    let home = [Action::OtherKey];
    for (cols, rows) in [(u16::MAX, u16::MAX), (4000, 4000), (MAX_WIDTH + 1, 30)] {
        // The emulated window is a little larger than the cap, so the whole capped frame and
        // the blank beyond it can be seen; the pty reports much larger still.
        kiosk.resize_screen(MAX_WIDTH + 7, MAX_HEIGHT + 3);
        kiosk.report_size(cols, rows);
        wait_for_screen_at_top_left(&kiosk, &expected_screen(cols, rows, &home));
        assert!(kiosk.is_running(), "{cols}x{rows}");
        kiosk.resize(80, 24);
        wait_for_screen(&kiosk, &expected_screen(80, 24, &home));
    }
    kiosk.press("3");
    wait_for_screen(
        &kiosk,
        &expected_screen(80, 24, &[Action::OtherKey, Action::Key(Intent::Open(3))]),
    );
}

#[test]
fn sigterm_ends_a_kiosk_blocked_on_a_terminal_that_stopped_reading() {
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let mut kiosk = Kiosk::start(80, 24, &[]);
        kiosk.begin();
        kiosk.stop_reading();
        // Each new size redraws the whole screen, until the pty's buffer is full.
        let filling = Instant::now();
        let mut widths = (100..200).cycle();
        while !kiosk.is_blocked_writing() {
            assert!(filling.elapsed() < PATIENCE, "the kiosk never blocked");
            kiosk.report_size(widths.next().unwrap(), 60);
            thread::sleep(Duration::from_millis(20));
        }
        let signalled = Instant::now();
        kiosk.signal(signal);
        while kiosk.is_running() && signalled.elapsed() < Duration::from_secs(10) {
            thread::sleep(Duration::from_millis(20));
        }
        let took = signalled.elapsed();
        // The terminal's mode is checked before reading resumes: nothing the kiosk wrote
        // before or after could have restored it.
        let cooked = kiosk.terminal_is_cooked();
        kiosk.resume_reading();
        let status = kiosk.wait_for_exit_status();
        assert!(
            took < Duration::from_secs(4),
            "{signal}: ended after {took:?}"
        );
        assert!(status.success(), "{signal}: {status:?}");
        assert!(cooked, "{signal}: raw mode off");
    }
}
