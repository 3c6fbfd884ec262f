//! Mouse reports (SGR `CSI < b ; x ; y M`, and the X10 form with raw bytes) into crossterm's
//! mouse events. The kiosk asks for SGR reports of taps and clicks (the settings' `mouse`);
//! a terminal left in another mouse mode by the program before sends the X10 form anyway, and
//! neither must be read as keys.

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::sequence::Sequence;

/// `CSI < button ; column ; row M` (pressed or moved) or `… m` (released), from 1,1.
pub(super) fn sgr(sequence: &Sequence, final_byte: u8) -> Option<Event> {
    if sequence.param_count() != 3 {
        return None;
    }
    let code = sequence.param(0)?;
    let column = sequence.param(1)?;
    let row = sequence.param(2)?;
    decode(code, column, row, final_byte == b'm')
}

/// `CSI M` and three bytes, each a number plus 32: button, column and row, from 1,1.
pub(super) fn x10(bytes: [u8; 3]) -> Option<Event> {
    let [code, column, row] = bytes.map(|b| u16::from(b).checked_sub(32));
    let code = code?;
    // X10 has no release per button: button code 3 is "released".
    decode(code, column?, row?, code & 0b11 == 3)
}

/// The event of a button code (buttons, motion, wheel and modifier bits) at a place.
fn decode(code: u16, column: u16, row: u16, released: bool) -> Option<Event> {
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if code & bit != 0 {
            modifiers |= modifier;
        }
    }
    let button = match code & 0b11 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = if code & 64 != 0 {
        match code & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if code & 32 != 0 {
        button.map_or(MouseEventKind::Moved, MouseEventKind::Drag)
    } else if released {
        MouseEventKind::Up(button.unwrap_or(MouseButton::Left))
    } else {
        MouseEventKind::Down(button?)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers,
    }))
}
