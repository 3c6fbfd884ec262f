//! Take-home QR codes: a link or a phone number as a code a visitor's phone can scan.
//!
//! A visitor who wants to keep an answer points a phone at the screen; the phone opens the link,
//! or offers to call the number (`tel:0120950178`). The words used here:
//!
//! - *module*: one square of the code, dark or light; a [`QrCode`] is a square of modules with
//!   the four-module light border the standard calls the *quiet zone*, which scanners need;
//! - *cell*: one terminal cell, showing modules through a [`QrEncoding`].
//!
//! [`QrWidget`] is the ratatui widget; [`QrCode::size`] tells layout code how many cells the
//! code takes, and [`QrCode::rows`] gives it as text.

mod code;
mod encoding;
mod widget;

pub use code::{QrCode, TooLong};
pub use encoding::QrEncoding;
pub use widget::QrWidget;
