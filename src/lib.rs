//! faq-kiosk: a keypad-driven terminal kiosk that answers questions about the My Number health
//! insurance card (マイナ保険証).

pub mod text;
