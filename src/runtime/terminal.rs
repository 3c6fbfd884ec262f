//! Putting the terminal into kiosk mode and giving it back exactly as it was found.

use std::io::{self, BufWriter, Stdout, Write, stdout};

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::execute;
use crossterm::style::Print;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::backend::KioskBackend;
use super::diagnostics::{self, Priority};

use crate::layout::capped_size;
use crate::text::AmbiguousWidth;

/// The terminal the kiosk draws on.
pub type KioskTerminal = Terminal<KioskBackend<BufWriter<Stdout>>>;

/// Room for a whole frame, so that it reaches the terminal in one write: Rust's stdout holds
/// 1 KiB, which cut a 2.4 KB attract screen into three, and a slow link can show the parts
/// apart. A full 160x45 screen of Japanese text is about 15 KB.
const FRAME_BUFFER_BYTES: usize = 32 * 1024;

/// DECKPNM: the keypad in normal (numeric) mode, so its keys send digits and the plain
/// sequences every terminal agrees on (the application-mode ones are read too, for terminals
/// that keep to them).
const KEYPAD_NUMERIC_MODE: &str = "\x1b>";

/// The kitty keyboard protocol's "disambiguate escape codes" flag, pushed on the terminal's
/// stack of keyboard modes: foot, kitty, WezTerm and Ghostty then send every keypad key that
/// types no text as a code of its own (`CSI 57427 u` for keypad 5 with NumLock off), so that
/// no keypad key is lost to the legacy sequences' guesswork. Terminals without the protocol
/// ignore it, and keep sending the legacy sequences the parser reads too.
pub(super) const KITTY_KEYBOARD_PUSH: &str = "\x1b[>1u";

/// Pops the flags [`KITTY_KEYBOARD_PUSH`] pushed, giving the terminal back the keyboard mode
/// it had (the alternate screen keeps a stack of its own, so this comes before leaving it).
pub(super) const KITTY_KEYBOARD_POP: &str = "\x1b[<u";

/// Asks for a report of each mouse button pressed and released (1000), in SGR form (1006):
/// the places of taps and clicks, without drags, motion or the wheel.
const POINTER_ON: &str = "\x1b[?1000h\x1b[?1006h";

/// Stops the reports [`POINTER_ON`] asked for.
const POINTER_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// Enters raw mode (so Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys instead of signals) and the
/// alternate screen, hides the cursor, and makes sure a panic restores all of it first.
pub fn enter() -> io::Result<KioskTerminal> {
    install_panic_hook();
    enable_raw_mode()?;
    let setup = execute!(stdout(), EnterAlternateScreen, Hide).and_then(|()| {
        stdout().write_all(KEYPAD_NUMERIC_MODE.as_bytes())?;
        stdout().write_all(KITTY_KEYBOARD_PUSH.as_bytes())?;
        stdout().flush()
    });
    if let Err(err) = setup {
        restore();
        return Err(err);
    }
    Terminal::new(KioskBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER_BYTES,
        stdout(),
    )))
}

/// Turns the reports of taps and clicks on or off (the settings' `mouse`).
pub fn report_pointer(on: bool) {
    let mut out = stdout();
    let sequence = if on { POINTER_ON } else { POINTER_OFF };
    let _ = out
        .write_all(sequence.as_bytes())
        .and_then(|()| out.flush());
}

/// Stops the mouse reports, gives back the keyboard mode, leaves raw mode and the alternate
/// screen and shows the cursor again; safe to call twice (a second pop finds the stack empty,
/// which terminals allow).
pub fn restore() {
    let raw = disable_raw_mode();
    let screen = execute!(
        stdout(),
        Print(POINTER_OFF),
        Print(KITTY_KEYBOARD_POP),
        LeaveAlternateScreen,
        Show
    );
    let _ = stdout().flush();
    if let Err(err) = raw.and(screen) {
        diagnostics::report(
            Priority::Error,
            &format!("could not restore the terminal: {err}"),
        );
    }
}

/// The terminal's size now, capped to what the kiosk lays out (see
/// [`crate::layout::capped_size`]): the terminal is free to report up to 65535x65535.
pub fn size() -> io::Result<(u16, u16)> {
    let (width, height) = crossterm::terminal::size()?;
    Ok(capped_size(width, height))
}

/// Measures how wide the terminal draws East Asian Ambiguous characters: prints ※ at the top
/// left and reads back where the cursor went (as vim's ambiwidth detection does). `None` if
/// the terminal does not answer in time.
pub fn probe_ambiguous_width() -> Option<AmbiguousWidth> {
    let probe = execute!(stdout(), MoveTo(0, 0), Print("※"))
        .and_then(|()| super::input_reader::cursor_position());
    let _ = execute!(stdout(), MoveTo(0, 0), Clear(ClearType::CurrentLine));
    match probe {
        Ok((column, _)) if column >= 2 => Some(AmbiguousWidth::Wide),
        Ok(_) => Some(AmbiguousWidth::Narrow),
        Err(_) => None,
    }
}

/// Rings the terminal bell.
pub fn bell() {
    let mut out = stdout();
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// A panic restores the terminal and stderr first, so the report is readable and the shell
/// usable, and sends the report to the diagnostics sink, where it is kept; the process then
/// ends with a failure code and a supervisor (systemd) starts it again.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        diagnostics::capture::restore();
        diagnostics::report(Priority::Error, &info.to_string());
        previous(info);
    }));
}
