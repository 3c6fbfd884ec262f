//! The keypad's vocabulary, in one place: the labels a keypad has, the intents a key can carry,
//! the keymap between them, and how presses are read (the staff sequence, the repeat guard).
//!
//! Everything else speaks in these words: the settings name labels and intents, the state is
//! handed an [`Intent`], and the key guide asks the [`Keymap`] which label to print for one, so
//! it cannot offer a key that does something else. Adding an intent is one variant and its
//! settings name in `intent.rs`, one default binding in `keymap.rs` and one arm in `app` (the
//! compiler asks for it); to be offered in the key guide, one item in the view says its words.

mod intent;
mod keymap;
mod label;
mod reader;

pub use intent::{Binding, Intent};
pub use keymap::{Keymap, NumLockOff};
pub use label::{KeyLabel, parse_key_labels};
pub use reader::{KeyReader, Press, RepeatGuard, SequenceMatcher};
