//! One running kiosk: the state, the settings in force, and the loop that feeds them events.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::time::{Instant, SystemTime};

use crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Rect, Size};

use super::diagnostics::{self, Priority};
use super::events::RuntimeEvent;
use super::exit_key::ExitKey;
use super::key_log::KeyLog;
use super::notify::{self, Watchdog};
use super::reloader::Reloader;
use super::speech::Speaker;
use super::terminal::{self, KioskTerminal};
use super::version::{content_version, file_hash, last_update};
use super::wall_clock::WallClock;
use super::watch::{Reload, Watch};
use crate::app::{Action, Effect, StaffInfo, State};
use crate::clock::{local_date, local_timestamp};
use crate::config::Config;
use crate::config::EMBEDDED_CONFIG_NAME;
use crate::content::{Content, EMBEDDED_CONTENT_NAME};
use crate::dates::Date;
use crate::hours::LocalTime;
use crate::keys::{Intent, KeyReader};
use crate::layout::Geometry;
use crate::text::AmbiguousWidth;
use crate::ui::{self, ColourMode, Styles};
use crate::usage::{UsageLog, state_folder, usage_log_target};
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
    /// The day to take as today instead of the clock's (`FAQ_KIOSK_TODAY`), for previews.
    pub today: Option<Date>,
    /// The local time to start the kiosk's clock at instead of the wall clock's
    /// (`FAQ_KIOSK_NOW`), for previews of the opening hours.
    pub now: Option<LocalTime>,
}

/// Whether the loop goes on.
enum Flow {
    Continue,
    Exit,
}

pub(super) struct Kiosk {
    state: State,
    keys: KeyReader,
    /// Whether taps and clicks are asked for and acted on (the settings' `mouse`).
    pointer: bool,
    /// The styles of each theme, in the order `/` goes through them.
    themes: Vec<Styles>,
    exit_key: Option<ExitKey>,
    reloader: Reloader,
    /// The content file in use, if one was given: the usage log must not be written over it.
    content_path: Option<PathBuf>,
    /// That file's short hash, for the staff screen.
    content_hash: Option<String>,
    /// The settings file in use, if one was given: the usage log must not be written over it.
    config_path: Option<PathBuf>,
    usage_log: UsageLog,
    speaker: Speaker,
    config_source: String,
    detected_ambiguous: Option<AmbiguousWidth>,
    loaded_at: String,
    last_error: Option<String>,
    /// The day given instead of the clock's, if any.
    fixed_today: Option<Date>,
    /// Where the local time comes from.
    clock: WallClock,
    /// The day the state was last told.
    today: Date,
    /// Where every key and its action is written, when `FAQ_KIOSK_KEY_LOG` names a file.
    key_log: Option<KeyLog>,
    /// systemd's watchdog, when the unit has one: pinged from this loop.
    watchdog: Option<Watchdog>,
    /// Whether a ping has failed (reported once).
    watchdog_failed: bool,
    test_panic_key: Option<char>,
    test_stderr_key: Option<char>,
    test_wedge_key: Option<char>,
    /// The next frame is drawn whole, not as a difference (after an idle reset).
    repaint: bool,
}

/// Test-only: in debug builds, `FAQ_KIOSK_TEST_PANIC_ON_KEY=9` makes the key `9` panic, so that
/// the end-to-end tests (which run the debug binary) can check that a panic restores the
/// terminal and ends the kiosk with a failure; `FAQ_KIOSK_TEST_STDERR_ON_KEY=8` makes the key
/// `8` write to stderr as a careless library would, so that they can check it never reaches
/// the screen; `FAQ_KIOSK_TEST_WEDGE_ON_KEY=7` makes the key `7` stop the main loop for good
/// (the process lives on), so that they can check the watchdog's pings stop with it. Release
/// builds never read the variables.
fn test_key(variable: &str) -> Option<char> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var(variable).ok()?.chars().next()
}

/// Writes to stderr both ways a library might: `eprintln!`, and a raw write to descriptor 2
/// with a sequence that would clear the screen.
fn write_stray_stderr(key: char) {
    eprintln!("FAQ_KIOSK_TEST_STDERR_ON_KEY: eprintln for key {key:?}");
    let raw = b"\x1b[2JFAQ_KIOSK_TEST_STDERR_ON_KEY: raw write to descriptor 2\n";
    // SAFETY: writes a valid buffer to descriptor 2, whatever it is now.
    unsafe { libc::write(libc::STDERR_FILENO, raw.as_ptr().cast(), raw.len()) };
}

impl Kiosk {
    /// A kiosk for `start` on the current terminal, which was measured to draw ambiguous
    /// characters as `detected` (if it was measured); edited files are reloaded by a thread
    /// that sends them to `events`.
    pub(super) fn new(
        start: Start,
        detected: Option<AmbiguousWidth>,
        events: SyncSender<RuntimeEvent>,
    ) -> io::Result<Self> {
        let (width, height) = terminal::size()?;
        let now = Instant::now();
        let geometry = Geometry::new(width, height);
        let mut state = State::new(Arc::new(start.content), geometry, now);
        state.update(start.config.state_settings(detected), now);
        let clock = WallClock::new(start.now, now);
        let local = clock.read(now);
        let today = start
            .today
            .or_else(|| local.date())
            .unwrap_or_else(|| local_date(SystemTime::now()));
        state.update(Action::DateChanged(today), now);
        state.update(Action::LocalTime(local), now);
        let watch = Watch::new(start.config_path.clone(), start.content_path, &start.config);
        let content_path = watch.content_path().map(Path::to_path_buf);
        let mut kiosk = Self {
            state,
            keys: start.config.key_reader(),
            pointer: start.config.mouse,
            themes: themes(&start.config),
            exit_key: start.exit_key,
            reloader: Reloader::spawn(watch, events),
            config_path: start.config_path.clone(),
            content_hash: content_path.as_deref().and_then(file_hash),
            content_path,
            usage_log: UsageLog::new(None, 0, String::new()),
            speaker: Speaker::new(
                start.config.speech_command.clone(),
                start.config.speech_environment(),
            ),
            config_source: start
                .config_path
                .map_or(EMBEDDED_CONFIG_NAME.to_string(), |p| {
                    p.display().to_string()
                }),
            detected_ambiguous: detected,
            loaded_at: local_timestamp(SystemTime::now()),
            last_error: start.problems,
            fixed_today: start.today,
            clock,
            today,
            key_log: None,
            watchdog: Watchdog::from_environment(|name| std::env::var(name).ok(), now),
            watchdog_failed: false,
            test_panic_key: test_key("FAQ_KIOSK_TEST_PANIC_ON_KEY"),
            test_stderr_key: test_key("FAQ_KIOSK_TEST_STDERR_ON_KEY"),
            test_wedge_key: test_key("FAQ_KIOSK_TEST_WEDGE_ON_KEY"),
            repaint: false,
        };
        terminal::report_pointer(kiosk.pointer);
        if let Some(problem) = kiosk.open_usage_log(&start.config) {
            kiosk.report(problem);
        }
        match KeyLog::from_env() {
            Some(Ok(log)) => kiosk.key_log = Some(log),
            Some(Err(problem)) => kiosk.report(problem),
            None => {}
        }
        kiosk.publish_staff_info();
        // The attract screen says how to start, and how to start with the voice guide.
        let welcome = crate::speech::screen_speech(&kiosk.state);
        if let Some(problem) = kiosk.speaker.speak(&welcome) {
            kiosk.report(problem);
        }
        Ok(kiosk)
    }

    pub(super) fn run(
        &mut self,
        terminal: &mut KioskTerminal,
        events: &Receiver<RuntimeEvent>,
    ) -> io::Result<()> {
        if let Some(err) = notify::ready() {
            self.report(format!("systemd に起動を知らせられません: {err}"));
        }
        loop {
            // A resize that raced ahead of its event is applied before laying out the frame.
            let (width, height) = terminal::size()?;
            let geometry = self.state.geometry();
            if (width, height) != (geometry.width, geometry.height) {
                self.state
                    .update(Action::Resize { width, height }, Instant::now());
            }
            // ratatui sizes its buffers from the backend, which answers the size the frame is
            // laid out for: a resize landing from here on waits for the next frame.
            let geometry = self.state.geometry();
            terminal
                .backend_mut()
                .set_size(Size::new(geometry.width, geometry.height));
            if std::mem::take(&mut self.repaint) {
                // Whatever reached the terminal behind the renderer's back is painted over: the
                // screen is erased and the next frame drawn whole. `Terminal::clear` would ask
                // the terminal for its cursor position, racing the input thread for the answer;
                // a resize to the same size clears the same way without asking.
                terminal.resize(Rect::new(0, 0, geometry.width, geometry.height))?;
            }
            let state = &self.state;
            let styles = ui::styles_for(&self.themes, state);
            terminal.draw(|frame| ui::draw(frame, &view(state), styles, &state.geometry()))?;
            let due = self.state.next_deadline();
            let deadline = [due, self.watchdog.as_ref().map(Watchdog::deadline)]
                .into_iter()
                .flatten()
                .min();
            let received = match deadline {
                Some(at) => events.recv_timeout(at.saturating_duration_since(Instant::now())),
                None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let now = Instant::now();
            self.ping_watchdog(now);
            self.check_clock(now);
            if matches!(received, Err(RecvTimeoutError::Timeout)) && due.is_none_or(|at| now < at) {
                // Woken for the watchdog's ping alone: nothing for the state or the files.
                continue;
            }
            self.reloader.look();
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
            Ok(RuntimeEvent::Reloaded(outcome)) => {
                self.apply_reload(*outcome, now);
                None
            }
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
                if let KeyCode::Char(c) = key.code
                    && self.test_wedge_key == Some(c)
                {
                    loop {
                        std::thread::park();
                    }
                }
                if let KeyCode::Char(c) = key.code
                    && self.test_stderr_key == Some(c)
                {
                    write_stray_stderr(c);
                }
                let press = self.keys.read(key, Instant::now());
                if let Some(log) = &mut self.key_log {
                    log.record(key, press);
                }
                Ok(press.map(Action::from))
            }
            Event::Resize(width, height) => Ok(Some(Action::Resize {
                width: *width,
                height: *height,
            })),
            Event::Mouse(mouse) => Ok(self.tap(mouse)),
            _ => Ok(None),
        }
    }

    /// What a mouse report asks for: a press of the first button (or a finger's touch) where
    /// the screen shows something to tap does what its key does; elsewhere it still shows
    /// someone is there. Releases, drags, motion and the wheel do nothing.
    fn tap(&self, mouse: &MouseEvent) -> Option<Action> {
        if !self.pointer || mouse.kind != MouseEventKind::Down(MouseButton::Left) {
            return None;
        }
        let intent = view(&self.state).intent_at(mouse.column, mouse.row);
        Some(intent.map_or(Action::OtherKey, Action::Key))
    }

    fn apply(&mut self, action: Action, now: Instant) -> Flow {
        if action == Action::Key(Intent::Staff) {
            // An update may have run, or been refused, since the files were last loaded.
            self.publish_staff_info();
        }
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
                Effect::Reload => self.reloader.reload(),
                Effect::Repaint => self.repaint = true,
                Effect::Record(event) => {
                    if let Some(problem) = self.usage_log.record(&event, SystemTime::now()) {
                        self.report(problem);
                    }
                }
            }
        }
        Flow::Continue
    }

    /// Pings systemd's watchdog if a ping is due; a failure is reported once.
    fn ping_watchdog(&mut self, now: Instant) {
        let Some(watchdog) = &mut self.watchdog else {
            return;
        };
        if let Some(err) = watchdog.ping_if_due(now)
            && !std::mem::replace(&mut self.watchdog_failed, true)
        {
            self.report(format!(
                "systemd の見張り（watchdog）に応答できません: {err}"
            ));
        }
    }

    /// Tells the state the local time, at every wake-up, for the opening hours; and the day
    /// when it has changed since it was last told (a kiosk left on overnight), so that
    /// deadlines passed at midnight are noticed at the next wake-up.
    fn check_clock(&mut self, now: Instant) {
        let local = self.clock.read(now);
        let today = self
            .fixed_today
            .or_else(|| local.date())
            .unwrap_or(self.today);
        if today != self.today {
            self.today = today;
            self.state.update(Action::DateChanged(today), now);
            self.publish_staff_info();
        }
        self.apply(Action::LocalTime(local), now);
    }

    /// Applies edited files (or keeps the running ones and records why not).
    fn apply_reload(&mut self, outcome: Reload, now: Instant) {
        match outcome {
            Reload::Unchanged => return,
            Reload::Failed(problems) => {
                diagnostics::report(Priority::Warning, problems.to_string().trim_end());
                self.last_error = Some(problems.to_string());
            }
            Reload::Loaded {
                config,
                content,
                content_path,
                content_hash,
            } => {
                self.content_path = content_path;
                self.content_hash = content_hash;
                self.keys = config.key_reader();
                self.pointer = config.mouse;
                terminal::report_pointer(self.pointer);
                self.themes = themes(&config);
                self.speaker =
                    Speaker::new(config.speech_command.clone(), config.speech_environment());
                self.state
                    .update(config.state_settings(self.detected_ambiguous), now);
                let content = content.map_or_else(
                    || Content::embedded().expect("the built-in faq.toml is valid"),
                    |content| *content,
                );
                self.state
                    .update(Action::ContentChanged(Arc::new(content)), now);
                self.last_error = None;
                self.loaded_at = local_timestamp(SystemTime::now());
                if let Some(problem) = self.open_usage_log(&config) {
                    self.report(problem);
                }
            }
        }
        self.publish_staff_info();
    }

    /// Starts writing the usage log `config` names, unless it would write onto the screen,
    /// block, or overwrite the kiosk's own files: then the kiosk runs without a log, and the
    /// returned problem says why.
    fn open_usage_log(&mut self, config: &Config) -> Option<String> {
        let target = usage_log_target(
            config,
            self.config_path.as_deref(),
            self.content_path.as_deref(),
        );
        let (path, problem) = match target {
            Ok(path) => (path, None),
            Err(problem) => (None, Some(problem.to_string())),
        };
        self.usage_log = UsageLog::new(path, config.usage_log_max_bytes(), config.kiosk_id());
        problem
    }

    /// Reports a problem that does not stop the kiosk: to the diagnostics sink (the journal or
    /// the kiosk's log file, never the visitor's screen) and on the staff screen.
    fn report(&mut self, problem: String) {
        diagnostics::report(Priority::Warning, &problem);
        self.last_error = Some(problem);
        self.publish_staff_info();
    }

    fn publish_staff_info(&mut self) {
        let version = content_version(self.content_path.as_deref(), self.content_hash.as_deref());
        let info = StaffInfo {
            content_source: self
                .content_path
                .as_deref()
                .map_or(EMBEDDED_CONTENT_NAME.to_string(), |p| {
                    p.display().to_string()
                }),
            config_source: self.config_source.clone(),
            loaded_at: self.loaded_at.clone(),
            content_version: Some(version.version),
            content_changed: version.changed,
            last_update: last_update(state_folder().as_deref()),
            last_error: self.last_error.clone(),
            usage_log: self
                .usage_log
                .path()
                .map_or("記録しない".to_string(), |p| p.display().to_string()),
            kiosk_id: self.usage_log.kiosk().to_string(),
            review_overdue: self
                .state
                .content()
                .meta
                .review_by
                .filter(|day| *day < self.today)
                .map(|day| day.to_string()),
            watchdog_every: self.watchdog.as_ref().map(Watchdog::every),
        };
        self.state
            .update(Action::StaffInfoChanged(info), Instant::now());
    }
}

/// The styles of every theme, for the colours this terminal shows (see [`ColourMode::detect`]).
fn themes(config: &Config) -> Vec<Styles> {
    let no_color = std::env::var("NO_COLOR").ok();
    let colorterm = std::env::var("COLORTERM").ok();
    let terminfo = std::env::var("TERM")
        .ok()
        .and_then(|term| super::terminfo::colours_of(&term));
    let mode = ColourMode::detect(no_color.as_deref(), colorterm.as_deref(), terminfo);
    config
        .theme_cycle()
        .into_iter()
        .map(|theme| Styles::for_theme(theme, mode))
        .collect()
}
