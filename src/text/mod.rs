//! Terminal-column widths and Japanese line breaking, with no ratatui types.
//!
//! Everything that measures or breaks text for the screen goes through this module, so that what
//! is measured is what the terminal draws. The domain words are:
//!
//! - *width*: the number of terminal columns a string takes ([`display_width`]);
//! - *line*: a piece of a paragraph that fits the width, produced by [`wrap_japanese`];
//! - *kinsoku*: the Japanese rules for which characters may not start or end a line.

mod kinsoku;
mod truncate;
mod width;
mod wrap;

pub use truncate::truncate_to_width;
pub use width::{AmbiguousWidth, char_width, display_width, display_width_with, grapheme_width};
pub use wrap::{WrapOptions, wrap_japanese};
