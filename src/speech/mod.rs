//! What the kiosk says aloud: the text of each screen for the voice guide, prepared for the
//! ear. Pure: the runtime only plays what this decides.

mod reading;
mod script;

pub use reading::for_the_ear;
pub use script::{answer_speech, idle_warning_speech, screen_speech};
