//! faq-kiosk: a keypad-driven terminal kiosk that answers questions about the My Number health
//! insurance card (マイナ保険証).
//!
//! ## Internal modules
//!
//! A pure core and thin edges, so the whole kiosk can be driven in tests without a terminal:
//!
//! - [`content`]: the Q&A schema, loading and validation of `faq.toml`.
//! - [`config`]: kiosk settings (`config/kiosk.toml`): keypad map, theme, timeouts, paths.
//! - [`source`]: where a piece of TOML text came from, and how to point at a line and column of it.
//! - [`text`]: terminal-column widths and Japanese line breaking; knows nothing of ratatui.
//! - [`app`]: the screens, selection and paging; `update(state, action)` with no I/O.
//! - [`view`]: turns a state into the lines each screen shows (all layout decisions live here).
//! - [`input`]: terminal key events and `--keys` labels into actions; the keypad map lives here.
//! - [`ui`]: draws a view into a ratatui `Frame`.
//! - [`runtime`]: the event loop, terminal set-up and restore.
//! - [`cli`]: command-line parsing and the `check` / `render` commands.

pub mod app;
pub mod config;
pub mod content;
pub mod input;
pub mod layout;
pub mod source;
pub mod text;
