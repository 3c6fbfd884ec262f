//! The terminal's input bytes into key, mouse and focus events; no I/O, no clock, no heap.
//!
//! The kiosk reads its terminal itself (see `runtime`) and hands every byte to a [`Parser`].
//! A terminal sends each key as one short write, so a sequence that stops half-way is a glitch
//! or a stray prefix (Alt+`[` then `?`, a line error, an SSH client's probe): the reader waits
//! [`SEQUENCE_TIMEOUT`] for its next byte and then calls [`Parser::flush`], which drops it,
//! or reads a lone Esc as the Esc key. Nothing a terminal sends can leave the parser waiting
//! for ever, and it holds at most one sequence of [`MAX_SEQUENCE_BYTES`] bytes.
//!
//! It produces crossterm's event types, which the keypad map in [`crate::keys`] reads, for
//! every form crossterm itself parses that a keypad or the development exit key can send, and
//! also for the keypad forms crossterm drops: keypad 5 with NumLock off (`CSI E`, `SS3 E`,
//! the Linux console's `CSI G`), the application-keypad keys (`SS3 p`…`SS3 y` and the
//! operators), and the kitty keyboard protocol's keypad keys (`CSI 57399 u`…, with press,
//! repeat and release), ready for a terminal where the kiosk turns that protocol on.

mod keys;
mod mouse;
mod parser;
mod reply;
mod sequence;
#[cfg(test)]
mod tests;

pub use parser::Parser;
pub use reply::find_cursor_report;

use std::time::Duration;

/// How long an unfinished escape sequence waits for its next byte before it is dropped.
///
/// Terminals write a key's sequence at once, so its bytes arrive together even over SSH;
/// a visitor cannot press two keys this close together. Editors and multiplexers use 10 to
/// 100 ms for the same decision (tmux's escape-time, vim's ttimeoutlen).
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(50);

/// The longest escape sequence kept: longer ones are dropped at this length and the bytes
/// after them read as keys. An SGR mouse report at 65535x65535 takes 20 bytes.
pub const MAX_SEQUENCE_BYTES: usize = 64;
