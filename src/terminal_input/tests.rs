//! The parser against every form a keypad, a keyboard and a terminal's reports take, split at
//! every byte, cut short, and mashed at random.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use proptest::prelude::*;

use super::{MAX_SEQUENCE_BYTES, Parser};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn with(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

fn keypad(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new_with_kind_and_state(
        code,
        KeyModifiers::NONE,
        KeyEventKind::Press,
        KeyEventState::KEYPAD,
    ))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// Feeds all of `bytes`, then says the terminal sent nothing more.
fn parse(bytes: &[u8]) -> Vec<Event> {
    let mut parser = Parser::new();
    let mut events: Vec<Event> = bytes.iter().filter_map(|&b| parser.feed(b)).collect();
    events.extend(parser.flush());
    events
}

/// Every complete input the kiosk must read, and what each is.
fn cases() -> Vec<(Vec<u8>, Vec<Event>)> {
    let ctrl = KeyModifiers::CONTROL;
    let shift = KeyModifiers::SHIFT;
    let alt = KeyModifiers::ALT;
    let mut cases: Vec<(Vec<u8>, Vec<Event>)> = Vec::new();
    let mut add = |bytes: &[u8], events: &[Event]| cases.push((bytes.to_vec(), events.to_vec()));
    // The keypad with NumLock on, and the keys it shares with a keyboard.
    for c in "0123456789.,+-*/q=".chars() {
        add(c.to_string().as_bytes(), &[ch(c)]);
    }
    add(b"Q", &[with(KeyCode::Char('Q'), shift)]);
    add(b"\r", &[key(KeyCode::Enter)]);
    add(b"\n", &[with(KeyCode::Char('j'), ctrl)]);
    add(b"\x7f", &[key(KeyCode::Backspace)]);
    add(b"\x08", &[key(KeyCode::Backspace)]);
    add(b"\t", &[key(KeyCode::Tab)]);
    // Ctrl keys a visitor may mash, read as plain keys in raw mode.
    add(b"\x03", &[with(KeyCode::Char('c'), ctrl)]);
    add(b"\x1a", &[with(KeyCode::Char('z'), ctrl)]);
    add(b"\x1c", &[with(KeyCode::Char('\\'), ctrl)]);
    add(b"\x00", &[with(KeyCode::Char(' '), ctrl)]);
    for c in ['é', 'あ', '※', '😀'] {
        add(c.to_string().as_bytes(), &[ch(c)]);
    }
    // NumLock off: arrows and editing keys, in normal and application cursor mode.
    for (bytes, code) in [
        (&b"\x1b[A"[..], KeyCode::Up),
        (b"\x1b[B", KeyCode::Down),
        (b"\x1b[C", KeyCode::Right),
        (b"\x1b[D", KeyCode::Left),
        (b"\x1bOA", KeyCode::Up),
        (b"\x1bOB", KeyCode::Down),
        (b"\x1bOC", KeyCode::Right),
        (b"\x1bOD", KeyCode::Left),
        (b"\x1b[H", KeyCode::Home),
        (b"\x1b[F", KeyCode::End),
        (b"\x1bOH", KeyCode::Home),
        (b"\x1bOF", KeyCode::End),
        (b"\x1b[1~", KeyCode::Home),
        (b"\x1b[4~", KeyCode::End),
        (b"\x1b[7~", KeyCode::Home),
        (b"\x1b[8~", KeyCode::End),
        (b"\x1b[2~", KeyCode::Insert),
        (b"\x1b[3~", KeyCode::Delete),
        (b"\x1b[5~", KeyCode::PageUp),
        (b"\x1b[6~", KeyCode::PageDown),
        // Keypad 5 with NumLock off: xterm, foot and VTE, and the Linux console.
        (b"\x1b[E", KeyCode::KeypadBegin),
        (b"\x1b[G", KeyCode::KeypadBegin),
        (b"\x1b[Z", KeyCode::BackTab),
    ] {
        let event = if code == KeyCode::BackTab {
            with(code, shift)
        } else {
            key(code)
        };
        add(bytes, &[event]);
    }
    add(b"\x1b[1;5A", &[with(KeyCode::Up, ctrl)]);
    add(b"\x1b[1;2D", &[with(KeyCode::Left, shift)]);
    add(b"\x1b[3;5~", &[with(KeyCode::Delete, ctrl)]);
    add(b"\x1b[1;3E", &[with(KeyCode::KeypadBegin, alt)]);
    // The keypad in application mode (Tera Term, the Linux console, some SSH clients).
    add(b"\x1bOE", &[keypad(KeyCode::KeypadBegin)]);
    for (final_byte, digit) in (b'p'..=b'y').zip('0'..='9') {
        add(&[0x1b, b'O', final_byte], &[keypad(KeyCode::Char(digit))]);
    }
    for (final_byte, c) in [
        (b'j', '*'),
        (b'k', '+'),
        (b'l', ','),
        (b'm', '-'),
        (b'n', '.'),
        (b'o', '/'),
        (b'X', '='),
    ] {
        add(&[0x1b, b'O', final_byte], &[keypad(KeyCode::Char(c))]);
    }
    add(b"\x1bOM", &[keypad(KeyCode::Enter)]);
    // PF1-PF4 and the function keys (the development exit key may be any of F1-F12).
    for (n, final_byte) in (1..=4).zip(b'P'..=b'S') {
        add(&[0x1b, b'O', final_byte], &[key(KeyCode::F(n))]);
        add(&[0x1b, b'[', final_byte], &[key(KeyCode::F(n))]);
    }
    for (n, number) in (1..=12).zip([11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]) {
        add(format!("\x1b[{number}~").as_bytes(), &[key(KeyCode::F(n))]);
    }
    add(b"\x1b[34~", &[key(KeyCode::F(20))]);
    add(b"\x1b[[A", &[key(KeyCode::F(1))]);
    add(b"\x1b[[E", &[key(KeyCode::F(5))]);
    add(b"\x1b[1;2P", &[with(KeyCode::F(1), shift)]);
    add(b"\x1bO2P", &[with(KeyCode::F(1), shift)]);
    add(b"\x1b[1;3R", &[with(KeyCode::F(3), alt)]);
    add(b"\x1b[21;5~", &[with(KeyCode::F(10), ctrl)]);
    // Alt+key, and keys typed right after Esc.
    add(b"\x1b1", &[with(KeyCode::Char('1'), alt)]);
    add(b"\x1bq", &[with(KeyCode::Char('q'), alt)]);
    add(b"\x1b\r", &[with(KeyCode::Enter, alt)]);
    add(b"\x1b\x1b", &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    add(b"\x1b", &[key(KeyCode::Esc)]);
    // xterm's modifyOtherKeys.
    add(b"\x1b[27;5;49~", &[with(KeyCode::Char('1'), ctrl)]);
    add(b"\x1b[27;1;13~", &[key(KeyCode::Enter)]);
    // The kitty keyboard protocol: keypad keys by codes of their own, in both NumLock states.
    add(b"\x1b[57404u", &[keypad(KeyCode::Char('5'))]);
    add(b"\x1b[57427u", &[keypad(KeyCode::KeypadBegin)]);
    add(b"\x1b[57414u", &[keypad(KeyCode::Enter)]);
    add(b"\x1b[57409u", &[keypad(KeyCode::Char('.'))]);
    add(b"\x1b[57426u", &[keypad(KeyCode::Delete)]);
    add(b"\x1b[13u", &[key(KeyCode::Enter)]);
    add(b"\x1b[27u", &[key(KeyCode::Esc)]);
    add(b"\x1b[49;5u", &[with(KeyCode::Char('1'), ctrl)]);
    add(b"\x1b[97:65;2u", &[with(KeyCode::Char('a'), shift)]);
    add(
        b"\x1b[57399;1:3u",
        &[Event::Key(KeyEvent::new_with_kind_and_state(
            KeyCode::Char('0'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
            KeyEventState::KEYPAD,
        ))],
    );
    add(
        b"\x1b[1;1:2A",
        &[Event::Key(KeyEvent::new_with_kind_and_state(
            KeyCode::Up,
            KeyModifiers::NONE,
            KeyEventKind::Repeat,
            KeyEventState::NONE,
        ))],
    );
    // Reports: focus and mouse are events; the rest is dropped.
    add(b"\x1b[I", &[Event::FocusGained]);
    add(b"\x1b[O", &[Event::FocusLost]);
    add(
        b"\x1b[<0;10;5M",
        &[mouse(MouseEventKind::Down(MouseButton::Left), 9, 4)],
    );
    add(
        b"\x1b[<2;10;5m",
        &[mouse(MouseEventKind::Up(MouseButton::Right), 9, 4)],
    );
    add(b"\x1b[<64;1;1M", &[mouse(MouseEventKind::ScrollUp, 0, 0)]);
    add(b"\x1b[<35;3;4M", &[mouse(MouseEventKind::Moved, 2, 3)]);
    add(
        b"\x1b[<32;65535;65535M",
        &[mouse(MouseEventKind::Drag(MouseButton::Left), 65534, 65534)],
    );
    add(
        b"\x1b[M !\"",
        &[mouse(MouseEventKind::Down(MouseButton::Left), 0, 1)],
    );
    add(
        b"\x1b[M#!!",
        &[mouse(MouseEventKind::Up(MouseButton::Left), 0, 0)],
    );
    for ignored in [
        &b"\x1b[?1;2c"[..],
        b"\x1b[>0;10;1c",
        b"\x1b[?2004;1$y",
        b"\x1b[12;40R",
        b"\x1b[200~1234\x1b[5~\x1b[201~",
        b"\x1b[99~",
        b"\x1b[65535u",
        b"\x1b[u",
        b"\x1b[<1;2M",
        b"\x1b[1 q",
        b"\x1b[27;5;1~",
    ] {
        add(ignored, &[]);
    }
    cases
}

#[test]
fn every_sequence_is_read_as_its_key() {
    for (bytes, expected) in cases() {
        assert_eq!(parse(&bytes), expected, "{bytes:?}");
    }
}

#[test]
fn a_sequence_read_in_two_parts_is_the_same_and_waits_only_inside_a_sequence() {
    for (bytes, expected) in cases() {
        for split in 1..bytes.len() {
            let mut parser = Parser::new();
            let mut events: Vec<Event> = bytes[..split]
                .iter()
                .filter_map(|&b| parser.feed(b))
                .collect();
            // Only the Esc and Alt cases complete an event before their last byte.
            if events.is_empty() {
                assert!(parser.is_pending(), "{bytes:?} split at {split}");
            }
            events.extend(bytes[split..].iter().filter_map(|&b| parser.feed(b)));
            events.extend(parser.flush());
            assert_eq!(events, expected, "{bytes:?} split at {split}");
        }
    }
}

#[test]
fn every_keypad_key_in_both_numlock_states_reaches_the_keymap() {
    use crate::keys::KeyLabel;
    let label = |bytes: &[u8]| match parse(bytes).as_slice() {
        [Event::Key(event)] => KeyLabel::of(event),
        other => panic!("{bytes:?} read as {other:?}"),
    };
    let digits = [
        (&b"\x1b[2~"[..], &b"\x1bOp"[..]),
        (b"\x1b[F", b"\x1bOq"),
        (b"\x1b[B", b"\x1bOr"),
        (b"\x1b[6~", b"\x1bOs"),
        (b"\x1b[D", b"\x1bOt"),
        (b"\x1b[E", b"\x1bOu"),
        (b"\x1b[C", b"\x1bOv"),
        (b"\x1b[H", b"\x1bOw"),
        (b"\x1b[A", b"\x1bOx"),
        (b"\x1b[5~", b"\x1bOy"),
    ];
    for (digit, (numlock_off, application)) in (0u8..).zip(digits) {
        assert_eq!(label(&[b'0' + digit]), Some(KeyLabel::Digit(digit)));
        assert_eq!(label(application), Some(KeyLabel::Digit(digit)));
        assert!(label(numlock_off).is_some(), "{numlock_off:?}");
    }
    for digit in 0..10u8 {
        let kitty = format!("\x1b[{}u", 57399 + u16::from(digit));
        assert_eq!(label(kitty.as_bytes()), Some(KeyLabel::Digit(digit)));
    }
    assert_eq!(label(b"\x1b[57427u"), Some(KeyLabel::Begin));
    assert_eq!(label(b"\x1b[57404;1:3u"), None, "a release");
    assert_eq!(label(b"\x1b[E"), Some(KeyLabel::Begin));
    assert_eq!(label(b"\x1bOE"), Some(KeyLabel::Begin));
    assert_eq!(label(b"\x1b[3~"), Some(KeyLabel::Delete));
    assert_eq!(label(b"\x1bOn"), Some(KeyLabel::Dot));
    assert_eq!(label(b"\x1bOM"), Some(KeyLabel::Enter));
    assert_eq!(label(b"\r"), Some(KeyLabel::Enter));
    assert_eq!(label(b"\n"), Some(KeyLabel::Enter));
    assert_eq!(label(b"\x7f"), Some(KeyLabel::Backspace));
    for (bytes, expected) in [
        (&b"\x1bOk"[..], KeyLabel::Plus),
        (b"\x1bOm", KeyLabel::Minus),
        (b"\x1bOj", KeyLabel::Star),
        (b"\x1bOo", KeyLabel::Slash),
        (b"\x1bOQ", KeyLabel::Slash),
        (b"\x1bOR", KeyLabel::Star),
        (b"\x1bOS", KeyLabel::Minus),
    ] {
        assert_eq!(label(bytes), Some(expected), "{bytes:?}");
    }
}

#[test]
fn kitty_keypad_codes_do_what_the_printed_key_does_in_both_numlock_states() {
    use crate::keys::{Intent, KeyLabel, Keymap};
    let keymap = Keymap::default();
    let action = |code: u16| match parse(format!("\x1b[{code}u").as_bytes()).as_slice() {
        [Event::Key(event)] => KeyLabel::of(event).and_then(|label| keymap.intent(label)),
        other => panic!("{code} read as {other:?}"),
    };
    // Each code of the keypad with NumLock off, with the code of the same key with it on.
    let numlock_off = [
        (57417, 57403), // Left: 4
        (57418, 57405), // Right: 6
        (57419, 57407), // Up: 8
        (57420, 57401), // Down: 2
        (57421, 57408), // PgUp: 9
        (57422, 57402), // PgDn: 3
        (57423, 57406), // Home: 7
        (57424, 57400), // End: 1
        (57425, 57399), // Insert: 0
        (57426, 57409), // Delete: .
        (57427, 57404), // Begin: 5
    ];
    for (off, on) in numlock_off {
        assert!(action(off).is_some(), "{off} does nothing");
        assert_eq!(action(off), action(on), "{off} and {on}");
    }
    let expected = [
        (57399, Intent::Back),
        (57404, Intent::Open(5)),
        (57409, Intent::Home),
        (57410, Intent::Theme),
        (57411, Intent::TextSize),
        (57412, Intent::PreviousPage),
        (57413, Intent::NextPage),
        (57414, Intent::Select),
    ];
    for (code, expected) in expected {
        assert_eq!(action(code), Some(expected), "{code}");
    }
}

/// Prefixes that crossterm 0.29 waited on for ever, or that swallowed the keys after them.
const STRAY_PREFIXES: [&[u8]; 9] = [
    b"\x1b[?",
    b"\x1b[<",
    b"\x1b[200~",
    b"\x1b[1",
    b"\x1b[1;",
    b"\x1bO",
    b"\x1b[",
    b"\x1b[M!",
    b"\x1b[[",
];

#[test]
fn a_stray_prefix_is_dropped_when_nothing_follows_and_the_next_keys_count() {
    for prefix in STRAY_PREFIXES {
        let mut parser = Parser::new();
        let read: Vec<Event> = prefix.iter().filter_map(|&b| parser.feed(b)).collect();
        assert_eq!(read, [], "{prefix:?}");
        assert!(parser.is_pending(), "{prefix:?}");
        assert_eq!(parser.flush(), None, "{prefix:?} is dropped, not read");
        assert!(!parser.is_pending());
        let next: Vec<Event> = b"12\x1b[F".iter().filter_map(|&b| parser.feed(b)).collect();
        assert_eq!(next, [ch('1'), ch('2'), key(KeyCode::End)], "{prefix:?}");
    }
}

#[test]
fn an_unfinished_character_is_dropped_too() {
    let mut parser = Parser::new();
    assert_eq!(parser.feed(0xe3), None);
    assert_eq!(parser.feed(0x81), None);
    assert_eq!(parser.flush(), None);
    assert_eq!(parser.feed(b'5'), Some(ch('5')));
    assert_eq!(parse(&[0xe3, b'5']), [ch('5')], "cut short by a key");
    assert_eq!(parse(&[0xe0, 0x80, 0x80, b'5']), [ch('5')], "overlong");
    assert_eq!(parse(&[0x80, 0xff, b'5']), [ch('5')], "no character");
}

#[test]
fn a_byte_that_cannot_continue_a_sequence_ends_it_and_counts() {
    assert_eq!(parse(b"\x1b[1\r"), [key(KeyCode::Enter)]);
    assert_eq!(parse(b"\x1b[1\x1b[F"), [key(KeyCode::End)]);
    assert_eq!(parse(b"\x1bO\x1bOq"), [keypad(KeyCode::Char('1'))]);
    assert_eq!(parse(b"\x1b[[5"), [ch('5')]);
    assert_eq!(parse("\x1b[1あ".as_bytes()), [ch('あ')]);
}

#[test]
fn a_sequence_too_long_to_be_a_key_is_dropped_and_what_follows_is_read() {
    let mut bytes = b"\x1b[".to_vec();
    bytes.extend([b'1'; 100]);
    let read = parse(&bytes);
    assert_eq!(read.len(), 100 - MAX_SEQUENCE_BYTES);
    assert!(read.iter().all(|event| *event == ch('1')));
}

#[test]
fn a_paste_is_skipped_until_it_ends_or_stops_coming() {
    assert_eq!(parse(b"\x1b[200~12\x1b\x1b[201~3"), [ch('3')]);
    assert_eq!(parse(b"\x1b[200~\x1b[201\x1b[201~3"), [ch('3')]);
    let mut parser = Parser::new();
    for &b in b"\x1b[200~1234" {
        assert_eq!(parser.feed(b), None);
    }
    assert!(parser.is_pending());
    assert_eq!(parser.flush(), None);
    assert_eq!(parser.feed(b'3'), Some(ch('3')));
}

/// One key's bytes and its event, for building random key streams.
fn single_keys() -> Vec<(Vec<u8>, Event)> {
    cases()
        .into_iter()
        // A lone ESC joins whatever follows it (Alt+key); every other form stands alone.
        .filter(|(bytes, events)| events.len() == 1 && bytes != b"\x1b")
        .map(|(bytes, mut events)| (bytes, events.remove(0)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases_to_run()))]

    #[test]
    fn any_stream_of_keys_is_read_back_exactly(picks in prop::collection::vec(any::<prop::sample::Index>(), 0..200)) {
        let keys = single_keys();
        let mut bytes = Vec::new();
        let mut expected = Vec::new();
        for pick in picks {
            let (key_bytes, event) = &keys[pick.index(keys.len())];
            bytes.extend_from_slice(key_bytes);
            expected.push(event.clone());
        }
        prop_assert_eq!(parse(&bytes), expected);
    }

    #[test]
    fn random_bytes_never_panic_and_never_leave_it_deaf(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
        pauses in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut parser = Parser::new();
        let pauses: Vec<usize> = pauses.iter().map(|p| p.index(bytes.len() + 1)).collect();
        for (at, &b) in bytes.iter().enumerate() {
            if pauses.contains(&at) {
                parser.flush();
            }
            let _ = parser.feed(b);
        }
        parser.flush();
        prop_assert!(!parser.is_pending());
        prop_assert_eq!(parser.feed(b'5'), Some(ch('5')));
        prop_assert_eq!(parser.feed(0x1b), None);
        prop_assert_eq!(parser.feed(b'['), None);
        prop_assert_eq!(parser.feed(b'E'), Some(key(KeyCode::KeypadBegin)));
    }
}

/// Random cases per property: cheap in `cargo test`, as many as a developer asks for with
/// `FAQ_KIOSK_INPUT_FUZZ_CASES` (as for the raw-input fuzz through the real binary).
fn cases_to_run() -> u32 {
    std::env::var("FAQ_KIOSK_INPUT_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

#[test]
fn the_parser_holds_no_more_than_one_short_sequence() {
    // All of its state is inline (no buffer grows with the input): its size is the bound.
    assert!(std::mem::size_of::<Parser>() <= 2 * MAX_SEQUENCE_BYTES);
}
