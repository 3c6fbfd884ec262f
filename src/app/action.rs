//! What a visitor, the terminal or the runtime asks the kiosk to do, and what it asks back.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::content::Content;
use crate::dates::Date;
use crate::hours::{Hours, LocalTime};
use crate::keys::{Intent, Keymap, Press};
use crate::layout::BigTextOptions;
use crate::text::AmbiguousWidth;

/// One step of input to [`super::State::update`], already freed of key codes and files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key carrying this intent was pressed (or the staff sequence typed, or an item
    /// tapped).
    Key(Intent),
    /// A key that means nothing here was pressed, or the screen tapped where nothing is: it
    /// still shows someone is there.
    OtherKey,
    /// Time passed; checks the idle timer.
    Tick,
    /// The terminal now has this size; the state lays out no more of it than
    /// [`crate::layout::capped_size`] gives.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// New content was loaded and checked; move to the nearest place that still exists.
    ContentChanged(Arc<Content>),
    /// New settings were loaded: the idle timer and how text is measured and broken.
    SettingsChanged {
        /// The idle timer's settings.
        idle: IdleSettings,
        /// How wide the terminal draws East Asian Ambiguous characters.
        ambiguous: AmbiguousWidth,
        /// Whether 、。 may hang into the right margin.
        hanging_punctuation: bool,
        /// Which large-glyph sizes titles may be drawn in.
        big_text: BigTextOptions,
        /// Whether an answer with a passed deadline shows a notice saying so.
        deadline_notices: bool,
        /// Whether every visitor gets the voice guide (else only those who ask for it).
        voice_guide: bool,
        /// The opening hours; `None`: always open.
        hours: Option<Hours>,
        /// What each key does: the key guide names the keys from it.
        keymap: Keymap,
        /// Whether a speech command is set: without one there is no voice guide to offer.
        speech: bool,
    },
    /// The local date is now this (at start, and when the runtime sees the day change).
    DateChanged(Date),
    /// The local wall-clock time is now this: the runtime says so at every wake-up, and the
    /// state keeps to the opening hours by it (a step of the clock is followed at once).
    LocalTime(LocalTime),
    /// Facts for the staff screen, gathered by the runtime.
    StaffInfoChanged(StaffInfo),
}

impl Action {
    /// Whether the action comes from a person at the keypad (and so counts as activity).
    pub fn is_key(&self) -> bool {
        matches!(self, Action::Key(_) | Action::OtherKey)
    }
}

impl From<Press> for Action {
    fn from(press: Press) -> Self {
        match press {
            Press::Intent(intent) => Action::Key(intent),
            Press::Meaningless => Action::OtherKey,
        }
    }
}

/// How long the kiosk waits before warning, and how long the warning counts down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleSettings {
    /// Time without a key before the warning; `None` never resets.
    pub timeout: Option<Duration>,
    /// How long the warning counts down before the reset.
    pub countdown: Duration,
}

impl Default for IdleSettings {
    fn default() -> Self {
        Self {
            timeout: Some(Duration::from_secs(120)),
            countdown: Duration::from_secs(20),
        }
    }
}

/// What the staff screen shows about the running kiosk; gathered by the runtime.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StaffInfo {
    /// Where the content came from (a path, or the built-in name).
    pub content_source: String,
    /// Where the settings came from.
    pub config_source: String,
    /// When the content was last loaded, as local time text.
    pub loaded_at: String,
    /// The content's version: the git commit the update script deployed, else a short hash of
    /// the content file.
    pub content_version: Option<String>,
    /// When the content file last changed, as local time text.
    pub content_changed: Option<String>,
    /// How the last content update went, if the update script has run here.
    pub last_update: Option<String>,
    /// The last reload's problems, if the last reload failed.
    pub last_error: Option<String>,
    /// Where the usage log is written, if anywhere.
    pub usage_log: String,
    /// The name the kiosk writes in its usage log (`kiosk_id`, else the host name).
    pub kiosk_id: String,
    /// The content's review day, once it has passed.
    pub review_overdue: Option<String>,
    /// How often systemd's watchdog is pinged, when it is.
    pub watchdog_every: Option<std::time::Duration>,
}

/// Something the state asks the runtime to do; the state itself never does I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Ring the terminal bell.
    Bell,
    /// Reload the content and settings files now.
    Reload,
    /// End the kiosk (from the staff screen).
    Exit,
    /// Read this text aloud (when a speech command is set), stopping what was being read.
    Speak(String),
    /// Stop reading aloud.
    StopSpeaking,
    /// Append an event to the usage log.
    Record(UsageEvent),
    /// Draw the next frame whole, not as the difference from the last one: whatever reached
    /// the terminal behind the renderer's back is painted over for the next visitor.
    Repaint,
}

/// One line of the usage log: ids and durations only, nothing about the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum UsageEvent {
    /// Someone pressed a key on the attract screen.
    SessionStart,
    /// A category was opened.
    CategoryOpened {
        /// The category's id.
        category: String,
    },
    /// An answer was opened.
    AnswerOpened {
        /// The question's id.
        question: String,
    },
    /// An answer was left; `seconds` runs from opening to the last key on it.
    AnswerClosed {
        /// The question's id.
        question: String,
        /// Seconds the answer was read.
        seconds: u64,
    },
    /// The kiosk went back to the attract screen after nobody pressed a key.
    IdleReset,
}
