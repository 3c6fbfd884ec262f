//! One running kiosk: the state, the settings in force, and the loop that feeds them events.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Instant, SystemTime};

use crossterm::event::{Event, KeyCode};

use super::events::RuntimeEvent;
use super::exit_key::ExitKey;
use super::speech::Speaker;
use super::terminal::{self, KioskTerminal};
use super::watch::{Reload, Watch};
use crate::app::{Action, Effect, StaffInfo, State};
use crate::clock::{local_date, local_timestamp};
use crate::config::Config;
use crate::config::EMBEDDED_CONFIG_NAME;
use crate::content::{Content, EMBEDDED_CONTENT_NAME};
use crate::input::KeyReader;
use crate::text::AmbiguousWidth;
use crate::ui::{self, ColourMode, Styles};
use crate::usage::{UsageLog, usage_log_path};
use crate::view::view;

/// Events acted on at most between two frames, so that the screen keeps up during a burst
/// that outlasts it.
const EVENTS_PER_FRAME: usize = 1024;

/// What the kiosk starts with.
#[derive(Debug)]
pub struct Start {
    /// The content to show first.
    pub content: Content,
    /// The settings to use first.
    pub config: Config,
    /// The settings file to watch, if one was given.
    pub config_path: Option<PathBuf>,
    /// The content file named on the command line or in the environment, if any.
    pub content_path: Option<PathBuf>,
    /// Problems met loading the files at start-up, shown on the staff screen.
    pub problems: Option<String>,
    /// The development escape, if given.
    pub exit_key: Option<ExitKey>,
}

/// Whether the loop goes on.
enum Flow {
    Continue,
    Exit,
}

pub(super) struct Kiosk {
    state: State,
    keys: KeyReader,
    /// The styles of each theme, in the order `/` goes through them.
    themes: Vec<Styles>,
    exit_key: Option<ExitKey>,
    watch: Watch,
    usage_log: UsageLog,
    speaker: Speaker,
    config_source: String,
    detected_ambiguous: Option<AmbiguousWidth>,
    loaded_at: String,
    last_error: Option<String>,
    test_panic_key: Option<char>,
}

/// Test-only: in debug builds, `FAQ_KIOSK_TEST_PANIC_ON_KEY=9` makes the key `9` panic, so that
/// the end-to-end tests (which run the debug binary) can check that a panic restores the
/// terminal and ends the kiosk with a failure. Release builds never read the variable.
fn test_panic_key() -> Option<char> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("FAQ_KIOSK_TEST_PANIC_ON_KEY")
        .ok()?
        .chars()
        .next()
}

impl Kiosk {
    /// A kiosk for `start` on `terminal`, which was measured to draw ambiguous characters as
    /// `detected` (if it was measured).
    pub(super) fn new(
        start: Start,
        terminal: &KioskTerminal,
        detected: Option<AmbiguousWidth>,
    ) -> io::Result<Self> {
        let size = terminal.size()?;
        let now = Instant::now();
        let geometry = start.config.geometry(size.width, size.height, detected);
        let mut state = State::new(Arc::new(start.content), geometry, now);
        state.update(settings_changed(&start.config, detected), now);
        let watch = Watch::new(start.config_path.clone(), start.content_path, &start.config);
        let mut kiosk = Self {
            state,
            keys: key_reader(&start.config),
            themes: themes(&start.config),
            exit_key: start.exit_key,
            watch,
            usage_log: UsageLog::new(usage_log_path(&start.config), log_bytes(&start.config)),
            speaker: Speaker::new(start.config.speech_command.clone()),
            config_source: start
                .config_path
                .map_or(EMBEDDED_CONFIG_NAME.to_string(), |p| {
                    p.display().to_string()
                }),
            detected_ambiguous: detected,
            loaded_at: local_timestamp(SystemTime::now()),
            last_error: start.problems,
            test_panic_key: test_panic_key(),
        };
        kiosk.publish_staff_info();
        Ok(kiosk)
    }

    pub(super) fn run(
        &mut self,
        terminal: &mut KioskTerminal,
        events: &Receiver<RuntimeEvent>,
    ) -> io::Result<()> {
        loop {
            // A resize that raced ahead of its event is applied before laying out the frame.
            let size = terminal.size()?;
            let geometry = self.state.geometry();
            if (size.width, size.height) != (geometry.width, geometry.height) {
                let resize = Action::Resize {
                    width: size.width,
                    height: size.height,
                };
                self.state.update(resize, Instant::now());
            }
            let state = &self.state;
            let styles = ui::styles_for(&self.themes, state);
            terminal.draw(|frame| ui::draw(frame, &view(state), styles, &state.geometry()))?;
            let deadline = [self.state.next_deadline(), self.watch.next_deadline()]
                .into_iter()
                .flatten()
                .min();
            let received = match deadline {
                Some(at) => events.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            self.check_files(Instant::now(), false);
            // Everything already waiting is acted on before the next frame: a frame after
            // every key of a 50,000-key burst kept the screen seconds behind the keypad.
            let mut received = received;
            for _ in 0..EVENTS_PER_FRAME {
                if let Some(end) = self.handle(received) {
                    return end;
                }
                match events.try_recv() {
                    Ok(event) => received = Ok(event),
                    Err(_) => break,
                }
            }
        }
    }

    /// Acts on one wake-up of the loop; `Some` when the kiosk is to end, and how.
    fn handle(
        &mut self,
        received: Result<RuntimeEvent, RecvTimeoutError>,
    ) -> Option<io::Result<()>> {
        let now = Instant::now();
        let action = match received {
            Err(RecvTimeoutError::Timeout) => Some(Action::Tick),
            Err(RecvTimeoutError::Disconnected) | Ok(RuntimeEvent::Terminate) => {
                return Some(Ok(()));
            }
            Ok(RuntimeEvent::InputFailed(err)) => return Some(Err(err)),
            Ok(RuntimeEvent::Input(event)) => match self.action_for(&event) {
                Ok(action) => action,
                Err(Flow::Exit) => return Some(Ok(())),
                Err(Flow::Continue) => None,
            },
        };
        if let Some(action) = action
            && let Flow::Exit = self.apply(action, now)
        {
            return Some(Ok(()));
        }
        None
    }

    /// The action a terminal event asks for; `Err(Flow::Exit)` for the development escape.
    fn action_for(&mut self, event: &Event) -> Result<Option<Action>, Flow> {
        match event {
            Event::Key(key) => {
                if self.exit_key.is_some_and(|exit| exit.matches(key)) {
                    return Err(Flow::Exit);
                }
                if let KeyCode::Char(c) = key.code
                    && self.test_panic_key == Some(c)
                {
                    panic!("FAQ_KIOSK_TEST_PANIC_ON_KEY: key {c:?} pressed");
                }
                Ok(self.keys.action(key, Instant::now()))
            }
            Event::Resize(width, height) => Ok(Some(Action::Resize {
                width: *width,
                height: *height,
            })),
            _ => Ok(None),
        }
    }

    fn apply(&mut self, action: Action, now: Instant) -> Flow {
        for effect in self.state.update(action, now) {
            match effect {
                Effect::Bell => terminal::bell(),
                Effect::Speak(text) => {
                    if let Some(problem) = self.speaker.speak(&text) {
                        self.report(problem);
                    }
                }
                Effect::StopSpeaking => self.speaker.stop(),
                Effect::Exit => return Flow::Exit,
                Effect::Reload => self.check_files(now, true),
                Effect::Record(event) => {
                    if let Some(problem) = self.usage_log.record(&event, SystemTime::now()) {
                        self.report(problem);
                    }
                }
            }
        }
        Flow::Continue
    }

    /// Applies edited files (or keeps the running ones and records why not).
    fn check_files(&mut self, now: Instant, force: bool) {
        match self.watch.check(now, force) {
            Reload::Unchanged => return,
            Reload::Failed(problems) => {
                super::report(format_args!("{problems}"));
                self.last_error = Some(problems.to_string());
            }
            Reload::Loaded { config, content } => {
                self.keys = key_reader(&config);
                self.themes = themes(&config);
                self.usage_log = UsageLog::new(usage_log_path(&config), log_bytes(&config));
                self.speaker = Speaker::new(config.speech_command.clone());
                self.state
                    .update(settings_changed(&config, self.detected_ambiguous), now);
                let content = content.unwrap_or_else(|| {
                    Content::embedded().expect("the built-in faq.toml is valid")
                });
                self.state
                    .update(Action::ContentChanged(Arc::new(content)), now);
                self.last_error = None;
                self.loaded_at = local_timestamp(SystemTime::now());
            }
        }
        self.publish_staff_info();
    }

    /// Reports a problem that does not stop the kiosk: on stderr (the journal) and on the
    /// staff screen.
    fn report(&mut self, problem: String) {
        eprintln!("faq-kiosk: {problem}");
        self.last_error = Some(problem);
        self.publish_staff_info();
    }

    fn publish_staff_info(&mut self) {
        let info = StaffInfo {
            content_source: self
                .watch
                .content_path()
                .map_or(EMBEDDED_CONTENT_NAME.to_string(), |p| {
                    p.display().to_string()
                }),
            config_source: self.config_source.clone(),
            loaded_at: self.loaded_at.clone(),
            last_error: self.last_error.clone(),
            usage_log: self
                .usage_log
                .path()
                .map_or("記録しない".to_string(), |p| p.display().to_string()),
            review_overdue: self
                .state
                .content()
                .meta
                .review_by
                .filter(|day| *day < local_date(SystemTime::now()))
                .map(|day| day.to_string()),
        };
        self.state
            .update(Action::StaffInfoChanged(info), Instant::now());
    }
}

/// How keys are read under these settings.
fn key_reader(config: &Config) -> KeyReader {
    KeyReader::new(
        config.keypad.keymap(),
        config.staff_keys(),
        config.repeat_guard(),
    )
}

/// The styles of every theme, for the colours this terminal shows.
fn themes(config: &Config) -> Vec<Styles> {
    let no_color = std::env::var("NO_COLOR").ok();
    let colorterm = std::env::var("COLORTERM").ok();
    let mode = ColourMode::from_environment(no_color.as_deref(), colorterm.as_deref());
    config
        .theme_cycle()
        .into_iter()
        .map(|theme| Styles::for_theme(theme, mode))
        .collect()
}

fn settings_changed(config: &Config, detected: Option<AmbiguousWidth>) -> Action {
    Action::SettingsChanged {
        idle: config.idle_settings(),
        ambiguous: config.text.ambiguous_width(detected),
        hanging_punctuation: config.text.hanging_punctuation,
        big_text: config.big_text.options(),
    }
}

fn log_bytes(config: &Config) -> u64 {
    config.usage_log_max_kib.saturating_mul(1024)
}
