//! faq-kiosk: a keypad-driven terminal kiosk that answers questions about the My Number health
//! insurance card (マイナ保険証).
//!
//! ## Internal modules
//!
//! A pure core and thin edges, so the whole kiosk can be driven in tests without a terminal:
//!
//! - [`content`]: the Q&A schema, loading and validation of `faq.toml`.
//! - [`keys`]: the keypad's vocabulary, on the ground floor: the labels a keypad has, the
//!   intents a key carries (open n, select, back, home, pages, up/down, text size, theme,
//!   staff), the keymap between them (and back, for the key guide), the repeat guard and the
//!   staff sequence. Imports nothing of the kiosk's own.
//! - [`config`]: the settings file (`config/kiosk.toml`), and the one place where settings
//!   become the other modules' values: the keymap and key reader ([`keys`]), what the state
//!   is told (`Config::state_settings`, an [`app::Action`]), large-text options ([`layout`]),
//!   and which settings and content files are read (`Config::read`, `Config::content_file`).
//! - [`dates`]: era and Gregorian dates in Japanese text, and the deadlines that have passed.
//! - [`files`]: opening files without waiting on them: regular files only, up to a size.
//! - [`hours`]: opening hours by day of the week and closed dates, and when they next change;
//!   told the local time, never reads a clock.
//! - [`source`]: where a piece of TOML text came from, and diagnostics pointing into it.
//! - [`text`]: terminal-column widths and Japanese line breaking; knows nothing of ratatui.
//! - [`big_text`]: large titles drawn from Japanese bitmap fonts with block characters.
//! - [`qr`]: take-home QR codes for links and phone numbers, drawn to scan in any terminal.
//! - [`layout`]: where text goes at a terminal size: the regions of a screen, and the wrapped
//!   lines and pages of the screens the state must count in (the home menu, each category's
//!   list, each answer) and the attract screen's large title. The take-home, staff, dark and
//!   too-small screens have no pages, and [`view`] lays them out itself.
//! - [`app`]: the screens, highlight, page and idle timer; `State::update(action, now)` does no
//!   I/O and returns the effects (bell, log line, speech, reload, repaint) for the runtime to
//!   carry out.
//! - [`speech`]: what each screen says aloud, and its text prepared for the ear.
//! - [`view`]: what one screen shows for a state: lines with their roles, page, the key guide
//!   (each item naming the key the keymap gives its intent), and the areas it is drawn in,
//!   which [`ui`] paints and a tap is looked up in.
//! - [`terminal_input`]: the terminal's input bytes into key events, never waiting for ever
//!   on an unfinished escape sequence.
//! - [`ui`]: paints a view into a ratatui `Frame` where the view placed each part, and reads a
//!   drawn screen back as text.
//! - [`runtime`]: the event loop (keys read through [`keys`], taps looked up in the [`view`]),
//!   terminal set-up and restore, signals, watching the files, systemd's readiness and
//!   watchdog pings, the local time, and the diagnostics (journal or log file) that keep every
//!   message off the visitor's screen; also the content's version and last update for the
//!   staff screen (from the records `deploy/faq-kiosk-update` writes).
//! - [`usage`]: the usage log (JSON Lines, each line naming its kiosk) and the `stats` report
//!   over one kiosk's log or many.
//! - [`clock`]: local date and time text.
//! - [`cli`]: command-line parsing and the `check` / `render` / `stats` commands.

pub mod app;
pub mod big_text;
pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod dates;
pub mod files;
pub mod hours;
pub mod keys;
pub mod layout;
pub mod qr;
pub mod runtime;
pub mod source;
pub mod speech;
pub mod terminal_input;
pub mod text;
pub mod ui;
pub mod usage;
pub mod view;
