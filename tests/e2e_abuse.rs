//! End to end: the terminal abused. A storm of resizes, a panic, the SSH link dropping; the
//! real binary in a pseudo-terminal each time. (SIGTERM and SIGHUP are in `e2e_unattended`.)

mod pty;

use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::app::Action;
use faq_kiosk::keys::Intent;
use pty::Kiosk;
use pty::expected::{expected_screen, wait_for_screen};

#[test]
fn a_storm_of_fifty_resizes_in_a_second_ends_with_the_right_screen_at_the_last_size() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.press("1");
    kiosk.wait_for("マイナンバーカードには、プライバシー性の高い");
    let start = Instant::now();
    // Sizes from tiny (the too-small message) to wide, in no order, as a window dragged about.
    let sizes: Vec<(u16, u16)> = (0..50u16)
        .map(|i| (10 + i * 37 % 190, 4 + i * 13 % 50))
        .collect();
    for &(cols, rows) in &sizes {
        kiosk.resize(cols, rows);
        thread::sleep(Duration::from_millis(15));
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    let (cols, rows) = (97, 29);
    kiosk.resize(cols, rows);
    let expected = expected_screen(
        cols,
        rows,
        &[
            Action::OtherKey,
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
        ],
    );
    wait_for_screen(&kiosk, &expected);
    assert!(kiosk.is_running());
}

#[test]
fn a_panic_restores_the_terminal_and_ends_the_kiosk_with_a_failure() {
    // Without a backtrace, so that the whole report fits on the screen.
    let env = [
        ("FAQ_KIOSK_TEST_PANIC_ON_KEY", "9"),
        ("RUST_BACKTRACE", "0"),
    ];
    let mut kiosk = Kiosk::start_with_env(80, 24, &[], &env);
    kiosk.begin();
    kiosk.press("9");
    let status = kiosk.wait_for_exit_status();
    assert!(!status.success(), "{status:?}");
    assert_eq!(status.exit_code(), 101, "Rust's exit code for a panic");
    kiosk.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "the alternate screen is left");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
    });
    assert!(kiosk.terminal_is_cooked(), "raw mode is switched off");
    assert_eq!(
        kiosk.keyboard_modes_pushed(),
        0,
        "the keyboard mode is popped"
    );
    assert!(
        kiosk.text().contains("FAQ_KIOSK_TEST_PANIC_ON_KEY"),
        "the panic's report is readable:\n{}",
        kiosk.text()
    );
}

/// The state letter and the CPU time used so far (in clock ticks) of process `pid`, from
/// `/proc`, while it runs or is a zombie not yet reaped.
fn process_state(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name, in parentheses, may hold spaces; the fields after it do not.
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let state = fields[0].chars().next()?;
    let ticks = |i: usize| fields[i].parse::<u64>().ok();
    // utime and stime are fields 14 and 15 of the whole line, 11 and 12 after the name.
    Some((state, ticks(11)? + ticks(12)?))
}

/// Hangs up `kiosk`'s terminal and checks that the kiosk process `pid` ends within a second
/// without spinning meanwhile.
fn hang_up_and_see_it_end(kiosk: &mut Kiosk, pid: u32) {
    let (_, before) = process_state(pid).expect("the kiosk runs");
    kiosk.hang_up();
    let hung_up = Instant::now();
    let mut last = before;
    let ended = loop {
        match process_state(pid) {
            Some(('Z', ticks)) => {
                last = ticks;
                break true;
            }
            Some((_, ticks)) => last = ticks,
            None => break true,
        }
        if hung_up.elapsed() > Duration::from_secs(1) {
            break false;
        }
        thread::sleep(Duration::from_millis(10));
    };
    // /proc counts in USER_HZ, which is 100 a second on Linux.
    let cpu = Duration::from_millis((last - before) * 10);
    assert!(
        ended,
        "still running a second after the hang-up, {cpu:?} of CPU used"
    );
    assert!(
        cpu < Duration::from_millis(200),
        "{cpu:?} of CPU used before it ended"
    );
}

#[test]
fn a_dropped_terminal_ends_the_kiosk_cleanly_within_a_second_without_spinning() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.press("3");
    kiosk.wait_for("安全性、暗証番号を忘れたとき");
    let pid = kiosk.pid();
    hang_up_and_see_it_end(&mut kiosk, pid);
    // It ends cleanly, as on SIGHUP: not by a panic (ratatui reports a cursor it cannot show
    // with eprintln!, which panics when stderr is the closed terminal) nor by a signal.
    let status = kiosk.wait_for_exit_status();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_dropped_terminal_ends_the_kiosk_even_when_no_sighup_reaches_it() {
    let mut kiosk = Kiosk::start_under_shell_ignoring_hangups(80, 24);
    kiosk.begin();
    let shell = kiosk.pid();
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .expect("the shell's children");
    let pid: u32 = children
        .split_whitespace()
        .next()
        .and_then(|pid| pid.parse().ok())
        .expect("the kiosk runs under the shell");
    hang_up_and_see_it_end(&mut kiosk, pid);
}
