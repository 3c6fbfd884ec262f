//! Terminal-column widths, Japanese line breaking and terminal-safe text, with no ratatui types.
//!
//! Everything that measures, breaks or cleans text for the screen goes through this module, so
//! that what is measured is what the terminal draws. The domain words are:
//!
//! - *width*: the number of terminal columns a string takes on the screen
//!   ([`display_width_with`]), summed over its grapheme clusters: the cursor's advance
//!   ([`cursor_width`], as ratatui's `Buffer::set_string` moves), plus a blank cell after an
//!   ambiguous character whose glyph comes wider from the CJK fallback font;
//! - *line*: a piece of a paragraph that fits the width, produced by [`wrap_japanese`];
//! - *kinsoku*: the Japanese rules (JIS X 4051, W3C JLReq) for which characters may not start
//!   or end a line.
//!
//! Text from the content file should pass through [`sanitize`] first, then be wrapped paragraph
//! by paragraph.
//!
//! ## Whitespace
//!
//! Only the ASCII space U+0020 is breakable whitespace, and [`wrap_japanese`] treats it so:
//!
//! - spaces at the start and end of a paragraph are dropped;
//! - spaces at a break are dropped: a line never ends with a space, and a continuation line
//!   never starts with one other than the `※` hanging indent;
//! - spaces inside a line are kept as they are, runs included.
//!
//! Every other space is an ordinary character: the ideographic space U+3000 keeps its two
//! columns wherever it stands, and the no-break space is never broken at. [`sanitize`] is where
//! tabs and the other Unicode spaces become U+0020. A newline (`\n`, `\r\n`, `\r`, U+2028,
//! U+2029) is a forced break: the text on each side is wrapped as a paragraph of its own, and the
//! newline itself is dropped.
//!
//! ## Files
//!
//! - `width`: the width functions, per grapheme cluster: cursor advance and room on screen;
//! - `kinsoku`: the JLReq character classes and the line start and end rules;
//! - `breaks`: where a line may break (UAX #14 tailored for Japanese);
//! - `wrap`: greedy filling of lines, the `※` hanging indent and hanging punctuation;
//! - `truncate` and `pad`: fitting a string into a fixed number of columns;
//! - `sanitize`: removing what could drive the terminal, normalising odd spaces.

#![deny(missing_docs)]

mod breaks;
mod kinsoku;
mod pad;
mod phone;
mod phrases;
mod sanitize;
mod truncate;
mod width;
mod wrap;

pub use pad::pad_to_width;
pub use phone::{PhoneNumber, find_phone_numbers};
pub use phrases::fill_phrases;
pub use sanitize::{CharKind, NormalisedChar, RemovedChar, Sanitized, sanitize};
pub use truncate::truncate_to_width;
pub use width::{
    AmbiguousWidth, char_width, cursor_width, display_width, display_width_with, grapheme_width,
};
pub use wrap::{HangingPunctuation, WrapOptions, wrap_japanese};
