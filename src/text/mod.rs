//! Terminal-column widths, Japanese line breaking and terminal-safe text, with no ratatui types.
//!
//! Everything that measures, breaks or cleans text for the screen goes through this module, so
//! that what is measured is what the terminal draws. The domain words are:
//!
//! - *width*: the number of terminal columns a string takes ([`display_width`]);
//! - *line*: a piece of a paragraph that fits the width, produced by [`wrap_japanese`];
//! - *kinsoku*: the Japanese rules for which characters may not start or end a line.
//!
//! ## Files
//!
//! - `width`: the one width function, per grapheme cluster, matching ratatui's buffer;
//! - `kinsoku`: the JLReq character classes and the line start and end rules;
//! - `breaks`: where a line may break (UAX #14 tailored for Japanese);
//! - `wrap`: greedy filling of lines, the `※` hanging indent and hanging punctuation;
//! - `truncate` and `pad`: fitting a string into a fixed number of columns;

mod breaks;
mod kinsoku;
mod pad;
mod sanitize;
mod truncate;
mod width;
mod wrap;

pub use pad::pad_to_width;
pub use sanitize::{CharKind, NormalisedChar, RemovedChar, Sanitized, sanitize};
pub use truncate::truncate_to_width;
pub use width::{AmbiguousWidth, char_width, display_width, display_width_with, grapheme_width};
pub use wrap::{HangingPunctuation, WrapOptions, wrap_japanese};
