//! What a finished CSI or SS3 sequence means: the keys of xterm, foot, VTE, rxvt, tmux, the
//! Linux console and Tera Term, in both NumLock states and both keypad modes.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::mouse;
use super::sequence::Sequence;

/// What the parser does after a CSI sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Csi {
    /// The sequence is this event.
    Event(Event),
    /// A sequence the kiosk has no use for (a report, an unknown key): dropped.
    Ignored,
    /// `CSI M`: an X10 mouse report, whose three raw bytes come next.
    X10Mouse,
    /// `CSI 200 ~`: a bracketed paste begins; its text is skipped up to `CSI 201 ~`.
    PasteStart,
    /// `CSI [`: a Linux console function key, named by the letter that comes next.
    LinuxFunctionKey,
}

/// A key press with these modifiers.
pub(super) fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// The key of a CSI sequence, whose second parameter holds the modifiers and, in the kitty
/// keyboard protocol, the event type as its sub-parameter (1 press, 2 repeat, 3 release).
fn csi_key(sequence: &Sequence, code: KeyCode, state: KeyEventState) -> Event {
    let kind = match sequence.sub_param(1, 1) {
        Some(2) => KeyEventKind::Repeat,
        Some(3) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    Event::Key(KeyEvent::new_with_kind_and_state(
        code,
        modifiers(sequence.param(1)),
        kind,
        state,
    ))
}

/// A key press from the keypad (application keypad mode tells it apart from the main keys).
fn keypad_key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new_with_kind_and_state(
        code,
        modifiers,
        KeyEventKind::Press,
        KeyEventState::KEYPAD,
    ))
}

/// A printable character typed on its own; an upper-case letter carries Shift, as crossterm
/// reports it.
pub(super) fn char_key(c: char) -> Event {
    let modifiers = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers)
}

/// The modifiers of xterm's modifier parameter (1 + a bit mask; absent means none).
fn modifiers(parameter: Option<u16>) -> KeyModifiers {
    let bits = parameter.unwrap_or(1).saturating_sub(1);
    [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ]
    .into_iter()
    .filter(|&(bit, _)| bits & bit != 0)
    .fold(KeyModifiers::NONE, |all, (_, modifier)| all | modifier)
}

/// What `CSI <parameters> <final_byte>` means.
pub(super) fn csi(sequence: &Sequence, final_byte: u8) -> Csi {
    if sequence.has_marker(b'<') && matches!(final_byte, b'M' | b'm') {
        return mouse::sgr(sequence, final_byte).map_or(Csi::Ignored, Csi::Event);
    }
    if !sequence.is_plain() {
        return Csi::Ignored;
    }
    let bare = sequence.param_count() == 0;
    let code = match final_byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        // Keypad 5 with NumLock off: xterm, foot and VTE send CSI E, the Linux console CSI G.
        b'E' | b'G' => KeyCode::KeypadBegin,
        // A cursor position report (`CSI row;col R`) ends like F3; only row 1 can be F3.
        b'R' if sequence.param_count() > 1 && sequence.param(0) != Some(1) => {
            return Csi::Ignored;
        }
        b'P'..=b'S' => KeyCode::F(final_byte - b'P' + 1),
        b'Z' => {
            let pressed = modifiers(sequence.param(1));
            return Csi::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT | pressed));
        }
        b'I' if bare => return Csi::Event(Event::FocusGained),
        b'O' if bare => return Csi::Event(Event::FocusLost),
        b'M' if bare => return Csi::X10Mouse,
        b'[' if bare => return Csi::LinuxFunctionKey,
        b'~' => return tilde(sequence),
        b'u' => return csi_u(sequence),
        _ => return Csi::Ignored,
    };
    Csi::Event(csi_key(sequence, code, KeyEventState::NONE))
}

/// What `CSI <number> ; <modifiers> ~` means (VT220 editing and function keys).
fn tilde(sequence: &Sequence) -> Csi {
    let Some(number) = sequence.param(0) else {
        return Csi::Ignored;
    };
    let code = match number {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((number - 10) as u8),
        17..=21 => KeyCode::F((number - 11) as u8),
        23..=26 => KeyCode::F((number - 12) as u8),
        28 | 29 => KeyCode::F((number - 13) as u8),
        31..=34 => KeyCode::F((number - 14) as u8),
        // xterm's modifyOtherKeys: `CSI 27 ; modifiers ; character ~`.
        27 => match sequence.param(2).and_then(other_key) {
            Some(code) => code,
            None => return Csi::Ignored,
        },
        200 => return Csi::PasteStart,
        _ => return Csi::Ignored,
    };
    Csi::Event(csi_key(sequence, code, KeyEventState::NONE))
}

/// What `CSI <code> ; <modifiers> u` means: the kitty keyboard protocol, where keypad keys
/// have codes of their own in both NumLock states (57399 on), and xterm's modifyOtherKeys
/// with formatOtherKeys set. The code's alternates (after `:`) are not needed.
fn csi_u(sequence: &Sequence) -> Csi {
    let Some(number) = sequence.param(0) else {
        return Csi::Ignored;
    };
    let keypad = |c: char| (KeyCode::Char(c), KeyEventState::KEYPAD);
    let (code, state) = match number {
        57399..=57408 => keypad(char::from(b'0' + (number - 57399) as u8)),
        57409 => keypad('.'),
        57410 => keypad('/'),
        57411 => keypad('*'),
        57412 => keypad('-'),
        57413 => keypad('+'),
        57414 => (KeyCode::Enter, KeyEventState::KEYPAD),
        57415 => keypad('='),
        57416 => keypad(','),
        57417..=57427 => {
            let codes = [
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Insert,
                KeyCode::Delete,
                KeyCode::KeypadBegin,
            ];
            (codes[usize::from(number - 57417)], KeyEventState::KEYPAD)
        }
        // Code points past 65535 do not fit a parameter kept here: not a keypad key anyway.
        u16::MAX => return Csi::Ignored,
        _ => match other_key(number) {
            Some(code) => (code, KeyEventState::NONE),
            None => return Csi::Ignored,
        },
    };
    Csi::Event(csi_key(sequence, code, state))
}

/// The key of a modifyOtherKeys character code.
fn other_key(code: u16) -> Option<KeyCode> {
    Some(match code {
        8 | 127 => KeyCode::Backspace,
        9 => KeyCode::Tab,
        13 => KeyCode::Enter,
        27 => KeyCode::Esc,
        _ => KeyCode::Char(char::from_u32(u32::from(code)).filter(|c| !c.is_control())?),
    })
}

/// What `SS3 <final_byte>` means (`ESC O`): cursor keys in application cursor mode, PF1-PF4,
/// and the keypad in application keypad mode, which the kiosk turns off but Tera Term, the
/// Linux console and some SSH clients keep to. Old xterms put a modifier digit before the
/// final byte (`SS3 5 P`).
pub(super) fn ss3(sequence: &Sequence, final_byte: u8) -> Option<Event> {
    if !sequence.is_plain() {
        return None;
    }
    let pressed = modifiers(
        sequence
            .param_count()
            .checked_sub(1)
            .and_then(|last| sequence.param(last)),
    );
    let code = match final_byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(final_byte - b'P' + 1),
        _ => return keypad(final_byte).map(|code| keypad_key(code, pressed)),
    };
    Some(key(code, pressed))
}

/// The application-mode keypad key `SS3 <final_byte>`.
fn keypad(final_byte: u8) -> Option<KeyCode> {
    Some(match final_byte {
        b'p'..=b'y' => KeyCode::Char(char::from(b'0' + final_byte - b'p')),
        b'E' => KeyCode::KeypadBegin,
        b'M' => KeyCode::Enter,
        b'j' => KeyCode::Char('*'),
        b'k' => KeyCode::Char('+'),
        b'l' => KeyCode::Char(','),
        b'm' => KeyCode::Char('-'),
        b'n' => KeyCode::Char('.'),
        b'o' => KeyCode::Char('/'),
        b'X' => KeyCode::Char('='),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modifier_parameter_is_one_plus_a_bit_mask() {
        assert_eq!(modifiers(None), KeyModifiers::NONE);
        assert_eq!(modifiers(Some(0)), KeyModifiers::NONE);
        assert_eq!(modifiers(Some(1)), KeyModifiers::NONE);
        assert_eq!(modifiers(Some(2)), KeyModifiers::SHIFT);
        assert_eq!(modifiers(Some(5)), KeyModifiers::CONTROL);
        assert_eq!(
            modifiers(Some(8)),
            KeyModifiers::SHIFT | KeyModifiers::ALT | KeyModifiers::CONTROL
        );
        assert_eq!(modifiers(Some(64)).bits().count_ones(), 6);
        assert_eq!(modifiers(Some(u16::MAX)).bits().count_ones(), 5);
    }

    #[test]
    fn modify_other_keys_codes_are_keys_or_nothing() {
        assert_eq!(other_key(13), Some(KeyCode::Enter));
        assert_eq!(other_key(127), Some(KeyCode::Backspace));
        assert_eq!(other_key(u16::from(b'5')), Some(KeyCode::Char('5')));
        assert_eq!(other_key(1), None);
        assert_eq!(other_key(0xD800), None, "a lone surrogate is no character");
    }
}
