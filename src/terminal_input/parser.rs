//! The byte-at-a-time state machine: at most one event per byte, constant memory.

use crossterm::event::{Event, KeyCode, KeyModifiers};

use super::keys::{self, Csi, char_key, key};
use super::mouse;
use super::sequence::Sequence;

/// What ends a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// Where the parser is within the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between keys.
    Ground,
    /// After ESC: a sequence, an Alt-modified key, or the Esc key alone.
    Escape,
    /// Within `ESC [`.
    Csi,
    /// Within `ESC O`.
    Ss3,
    /// After `ESC [ [`: one letter, A to E, names F1 to F5 on the Linux console.
    LinuxFunctionKey,
    /// Within a UTF-8 character of `need` bytes, `len` of them in `bytes`.
    Utf8 { bytes: [u8; 4], len: u8, need: u8 },
    /// After `CSI M`: `len` of the X10 mouse report's three bytes.
    X10Mouse { bytes: [u8; 3], len: u8 },
    /// Within a bracketed paste, `matched` bytes of [`PASTE_END`] seen: the text is skipped.
    Paste { matched: u8 },
}

/// Reads a terminal's input bytes as events; see the module's documentation.
///
/// ```
/// use crossterm::event::{Event, KeyCode, KeyEvent};
/// use faq_kiosk::terminal_input::Parser;
///
/// let mut parser = Parser::new();
/// let events: Vec<Event> = b"\x1b[E5".iter().filter_map(|&b| parser.feed(b)).collect();
/// assert_eq!(events, [
///     Event::Key(KeyEvent::from(KeyCode::KeypadBegin)),
///     Event::Key(KeyEvent::from(KeyCode::Char('5'))),
/// ]);
/// // A stray prefix waits for its next byte, then is dropped.
/// assert_eq!(parser.feed(0x1b), None);
/// assert_eq!(parser.feed(b'['), None);
/// assert!(parser.is_pending());
/// assert_eq!(parser.flush(), None);
/// assert_eq!(parser.feed(b'1'), Some(Event::Key(KeyEvent::from(KeyCode::Char('1')))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parser {
    state: State,
    sequence: Sequence,
}

impl Default for Parser {
    fn default() -> Self {
        Self::new()
    }
}

impl Parser {
    /// A parser between keys.
    pub fn new() -> Self {
        Self {
            state: State::Ground,
            sequence: Sequence::default(),
        }
    }

    /// Takes the next input byte; the event it completes, if any.
    pub fn feed(&mut self, byte: u8) -> Option<Event> {
        match self.state {
            State::Ground => self.ground(byte),
            State::Escape => self.escape(byte),
            State::Csi => self.csi(byte),
            State::Ss3 => self.ss3(byte),
            State::LinuxFunctionKey => match byte {
                b'A'..=b'E' => {
                    self.state = State::Ground;
                    Some(key(KeyCode::F(byte - b'A' + 1), KeyModifiers::NONE))
                }
                _ => self.abort(byte),
            },
            State::Utf8 { bytes, len, need } => self.utf8(bytes, len, need, byte),
            State::X10Mouse { mut bytes, len } => {
                bytes[usize::from(len)] = byte;
                if len < 2 {
                    self.state = State::X10Mouse {
                        bytes,
                        len: len + 1,
                    };
                    return None;
                }
                self.state = State::Ground;
                mouse::x10(bytes)
            }
            State::Paste { matched } => {
                let matched = if byte == PASTE_END[usize::from(matched)] {
                    matched + 1
                } else {
                    u8::from(byte == PASTE_END[0])
                };
                self.state = if usize::from(matched) == PASTE_END.len() {
                    State::Ground
                } else {
                    State::Paste { matched }
                };
                None
            }
        }
    }

    /// Whether a sequence has begun and not ended: the reader then waits at most
    /// [`super::SEQUENCE_TIMEOUT`] for more input before calling [`Parser::flush`].
    pub fn is_pending(&self) -> bool {
        self.state != State::Ground
    }

    /// No more input came in time: a lone ESC is the Esc key, and anything else unfinished is
    /// dropped, its bytes read neither as keys nor as the start of the next sequence.
    pub fn flush(&mut self) -> Option<Event> {
        let state = std::mem::replace(&mut self.state, State::Ground);
        (state == State::Escape).then(|| key(KeyCode::Esc, KeyModifiers::NONE))
    }

    fn ground(&mut self, byte: u8) -> Option<Event> {
        let (code, modifiers) = match byte {
            0x1b => {
                self.state = State::Escape;
                return None;
            }
            b'\r' => (KeyCode::Enter, KeyModifiers::NONE),
            // In raw mode a terminal sends LF only for Ctrl+J (tmux does for keypad Enter);
            // crossterm reports it so, and the keypad map reads it as Enter.
            b'\n' => (KeyCode::Char('j'), KeyModifiers::CONTROL),
            b'\t' => (KeyCode::Tab, KeyModifiers::NONE),
            // DEL from most terminals, BS from the Linux console set up so and some SSH clients.
            0x7f | 0x08 => (KeyCode::Backspace, KeyModifiers::NONE),
            0x00 => (KeyCode::Char(' '), KeyModifiers::CONTROL),
            0x01..=0x1a => (
                KeyCode::Char(char::from(b'a' + byte - 1)),
                KeyModifiers::CONTROL,
            ),
            0x1c..=0x1f => (
                KeyCode::Char(char::from(b'\\' + byte - 0x1c)),
                KeyModifiers::CONTROL,
            ),
            0x20..=0x7e => return Some(char_key(char::from(byte))),
            0xc2..=0xdf => return self.begin_utf8(byte, 2),
            0xe0..=0xef => return self.begin_utf8(byte, 3),
            0xf0..=0xf4 => return self.begin_utf8(byte, 4),
            // A continuation byte out of place, or a byte UTF-8 never uses.
            _ => return None,
        };
        Some(key(code, modifiers))
    }

    fn begin_utf8(&mut self, byte: u8, need: u8) -> Option<Event> {
        self.state = State::Utf8 {
            bytes: [byte, 0, 0, 0],
            len: 1,
            need,
        };
        None
    }

    fn utf8(&mut self, mut bytes: [u8; 4], len: u8, need: u8, byte: u8) -> Option<Event> {
        if byte & 0xc0 != 0x80 {
            return self.abort(byte);
        }
        bytes[usize::from(len)] = byte;
        let len = len + 1;
        if len < need {
            self.state = State::Utf8 { bytes, len, need };
            return None;
        }
        self.state = State::Ground;
        // Overlong forms and surrogates are not characters: dropped.
        let text = std::str::from_utf8(&bytes[..usize::from(need)]).ok()?;
        text.chars().next().map(char_key)
    }

    fn escape(&mut self, byte: u8) -> Option<Event> {
        match byte {
            b'[' => self.begin_sequence(State::Csi),
            b'O' => self.begin_sequence(State::Ss3),
            // ESC ESC: the first was the Esc key; the second may begin a sequence.
            0x1b => Some(key(KeyCode::Esc, KeyModifiers::NONE)),
            _ => {
                self.state = State::Ground;
                // A key right after ESC is that key with Alt, as terminals send Alt+key.
                self.ground(byte).map(|event| match event {
                    Event::Key(mut key) => {
                        key.modifiers |= KeyModifiers::ALT;
                        Event::Key(key)
                    }
                    other => other,
                })
            }
        }
    }

    fn begin_sequence(&mut self, state: State) -> Option<Event> {
        self.state = state;
        self.sequence = Sequence::default();
        None
    }

    fn csi(&mut self, byte: u8) -> Option<Event> {
        match byte {
            0x30..=0x3f => {
                self.sequence.param_byte(byte);
                self.count_byte()
            }
            0x20..=0x2f => {
                self.sequence.intermediate_byte(byte);
                self.count_byte()
            }
            0x40..=0x7e => {
                self.state = State::Ground;
                match keys::csi(&self.sequence, byte) {
                    Csi::Event(event) => Some(event),
                    Csi::Ignored => None,
                    Csi::X10Mouse => {
                        self.state = State::X10Mouse {
                            bytes: [0; 3],
                            len: 0,
                        };
                        None
                    }
                    Csi::PasteStart => {
                        self.state = State::Paste { matched: 0 };
                        None
                    }
                    Csi::LinuxFunctionKey => {
                        self.state = State::LinuxFunctionKey;
                        None
                    }
                }
            }
            _ => self.abort(byte),
        }
    }

    fn ss3(&mut self, byte: u8) -> Option<Event> {
        match byte {
            b'0'..=b'9' | b';' => {
                self.sequence.param_byte(byte);
                self.count_byte()
            }
            0x40..=0x7e => {
                self.state = State::Ground;
                keys::ss3(&self.sequence, byte)
            }
            _ => self.abort(byte),
        }
    }

    /// Counts a byte of a CSI or SS3 sequence; one longer than any kept is dropped here, and
    /// the bytes after it are read afresh.
    fn count_byte(&mut self) -> Option<Event> {
        if !self.sequence.take_byte() {
            self.state = State::Ground;
        }
        None
    }

    /// A byte that cannot continue the sequence under way ends it unread and is read afresh:
    /// ESC begins the next sequence, a control key or character is that key.
    fn abort(&mut self, byte: u8) -> Option<Event> {
        self.state = State::Ground;
        self.ground(byte)
    }
}
