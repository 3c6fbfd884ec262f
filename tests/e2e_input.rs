//! End to end: whatever bytes the terminal sends, the real binary keeps reading the keypad.
//!
//! A stray escape prefix (Alt+`[` then `?`, a line glitch, an SSH client's probe) once left
//! the kiosk deaf for good, and a key after a large burst waited for the next key. The last
//! test mashes raw bytes at it: `FAQ_KIOSK_INPUT_FUZZ_CASES` raises its count for a long run
//! (each case takes under a second).

mod pty;

use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pty::{Kiosk, REPEAT_PAUSE, keys};

/// The home screen's prompt.
const HOME: &str = "知りたいことの番号のキーを押してください。";
/// A question listed only in category 3.
const CATEGORY_3: &str = "暗証番号を忘れました";
/// A question listed first in item 5, the list of every question.
const ALL_QUESTIONS: &str = "毎回マイナ保険証を提示する必要があるの？";

/// Ten times as long as the kiosk waits for the rest of an escape sequence, so that a busy
/// machine's scheduling cannot join the prefix and the next key.
const PAUSE: Duration = Duration::from_millis(500);

/// Keypad 3 with NumLock off (PgDn).
const PGDN: &str = "\x1b[6~";

#[test]
fn after_any_stray_prefix_and_a_pause_the_keypad_keys_act() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.wait_for(HOME);
    let prefixes = [
        "\x1b[?",
        "\x1b[<",
        "\x1b[200~",
        "\x1b[1",
        "\x1b[1;",
        "\x1b",
        "\x1bO",
    ];
    for (i, prefix) in prefixes.into_iter().enumerate() {
        // NumLock on and off in turn: the digit, and the sequence that swallowed digits.
        let (open, back) = if i % 2 == 0 {
            ("3", "0")
        } else {
            (PGDN, keys::INSERT)
        };
        kiosk.press(prefix);
        thread::sleep(PAUSE);
        kiosk.press(open);
        kiosk.wait_for(CATEGORY_3);
        kiosk.press(back);
        kiosk.wait_for(HOME);
    }
    assert!(kiosk.is_running());
}

#[test]
fn a_key_after_a_burst_of_four_thousand_bytes_acts_without_another_key() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    kiosk.wait_for(HOME);
    // Keys the keypad map ignores and focus reports, 4000 bytes in one write; then keypad 3.
    let burst = "q\x1b[I".repeat(1000);
    assert_eq!(burst.len(), 4000);
    kiosk.press(&burst);
    kiosk.press("3");
    kiosk.wait_for(CATEGORY_3);
}

#[test]
fn keypad_five_with_numlock_off_opens_item_five_in_both_keypad_modes() {
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    // CSI E: xterm and foot in normal keypad mode; SS3 E: application keypad mode.
    for begin in ["\x1b[E", "\x1bOE"] {
        kiosk.wait_for(HOME);
        kiosk.press(begin);
        kiosk.wait_for(ALL_QUESTIONS);
        kiosk.press("0");
    }
    kiosk.wait_for(HOME);
}

#[test]
fn a_lone_escape_is_the_esc_key_for_the_development_exit_key() {
    let mut kiosk = Kiosk::start(80, 24, &["--exit-key", "Esc"]);
    kiosk.begin();
    kiosk.press("\x1b");
    assert!(kiosk.wait_for_exit(), "exits with success");
    assert!(kiosk.terminal_is_cooked(), "raw mode is switched off");
}

/// A small xorshift generator: the fuzz needs no quality, only a seed to replay.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Pieces of the input a glitching terminal, a careless visitor and an SSH client send.
const PIECES: [&[u8]; 24] = [
    b"\x1b",
    b"\x1b[",
    b"\x1bO",
    b"?",
    b"<",
    b";",
    b"1",
    b"5",
    b"200~",
    b"201~",
    b"M",
    b"~",
    b"\x1b[E",
    b"\x1bOE",
    b"\x1b[6~",
    b"\x1b[2~",
    b"\x1bOq",
    b"\x1b[<0;3;4M",
    b"\x1b[1;5A",
    b"\r",
    b"+",
    b"\x7f",
    "あ※".as_bytes(),
    b"\x1b[[A",
];

/// Random bytes and pieces of sequences, up to a few hundred bytes.
fn junk(random: &mut Random) -> Vec<u8> {
    let mut bytes = Vec::new();
    for _ in 0..=random.below(120) {
        if random.below(5) < 2 {
            bytes.push(random.below(256) as u8);
        } else {
            bytes.extend_from_slice(PIECES[random.below(PIECES.len())]);
        }
    }
    bytes
}

fn cases() -> usize {
    std::env::var("FAQ_KIOSK_INPUT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6)
}

#[test]
fn raw_input_mashed_at_random_never_stops_the_keypad() {
    let seed = std::env::var("FAQ_KIOSK_INPUT_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| {
            let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
            now.as_nanos() as u64 | 1
        });
    eprintln!("raw-input fuzz: FAQ_KIOSK_INPUT_FUZZ_SEED={seed}");
    let mut random = Random(seed);
    let mut kiosk = Kiosk::start(80, 24, &[]);
    kiosk.begin();
    for case in 0..cases() {
        let bytes = junk(&mut random);
        // In up to three writes with short pauses, as a glitch or a slow link splits them.
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            let (now, later) = rest.split_at(1 + random.below(rest.len()));
            kiosk.send_bytes(now);
            thread::sleep(Duration::from_millis(random.below(60) as u64));
            rest = later;
        }
        // Past the repeat guard for any key the junk held, then home and into category 3.
        thread::sleep(REPEAT_PAUSE);
        assert!(kiosk.is_running(), "case {case}: {bytes:?}");
        kiosk.press(".");
        kiosk.wait_for(HOME);
        kiosk.press("3");
        kiosk.wait_for(CATEGORY_3);
    }
}
