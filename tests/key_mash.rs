//! Key mash: a million random key events, resizes and pauses thrown at the kiosk's state, with
//! its invariants checked after every one.
//!
//! The keys are every kind crossterm can report (every `KeyCode`, modifier, kind and state),
//! read through the real keypad map (both NumLock modes) and staff sequence, exactly as the
//! event loop reads them. Between keys the terminal is resized (1x1 to 300x100), time passes
//! (so idle warnings and resets happen) and the content is swapped for a longer one (so lists
//! have more than nine entries and pages). After each event:
//!
//! - the screen points at things that exist: category, question, highlight and page are in
//!   range for the content and the size;
//! - the home key `.` reaches the home screen, as documented (see [`check_home_key`]);
//! - at every [`DRAW_EVERY`]th event, the view is built and drawn into a buffer of the
//!   terminal's size.
//!
//! `FAQ_KIOSK_MASH_EVENTS` sets the number of key events (a million by default).

use std::fmt;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode, ModifierKeyCode,
};
use faq_kiosk::app::{Action, Screen, State};
use faq_kiosk::config::Config;
use faq_kiosk::content::Content;
use faq_kiosk::keys::{KeyReader, parse_key_labels};
use faq_kiosk::layout::Geometry;
use faq_kiosk::source::Source;
use faq_kiosk::ui::{self, ColourMode, Styles};
use faq_kiosk::view::{View, view};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError};

/// Key events in one generated script; the number of scripts makes up the total.
const EVENTS_PER_SCRIPT: usize = 10_000;

/// The view is drawn at one event in this many: drawing costs far more than a key.
const DRAW_EVERY: usize = 100;

/// Key events in all, from `FAQ_KIOSK_MASH_EVENTS` or a million.
fn total_events() -> usize {
    std::env::var("FAQ_KIOSK_MASH_EVENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

/// Something that happens before a key event.
#[derive(Clone, Debug)]
enum Before {
    /// The terminal is resized.
    Resize(u16, u16),
    /// Time passes, then the event loop's timer fires.
    Tick(Duration),
    /// The content file is edited: the shipped leaflet or the long one.
    SwapContent,
}

/// One step of a script: a few other events, then a key event a while after the last one.
#[derive(Clone, Debug)]
struct Step {
    before: Vec<Before>,
    pause: Duration,
    key: KeyEvent,
}

/// The settings a script runs under.
#[derive(Clone, Debug)]
struct Setup {
    config_text: String,
    /// The staff sequence, given to the key reader directly: the mash keeps sequences that
    /// `check` refuses because visitors type them (`0 0`, `* /`), to drive the matcher hard.
    staff: &'static str,
    width: u16,
    height: u16,
}

/// A whole script; its `Debug` is a summary, since a failure names the step and the ones
/// before it.
#[derive(Clone)]
struct Script {
    setup: Setup,
    steps: Vec<Step>,
}

impl fmt::Debug for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} then {} steps (the failure shows the last of them)",
            self.setup,
            self.steps.len()
        )
    }
}

/// Every key code crossterm has; the `match` stops compiling when crossterm adds one, so that
/// the new kind of key is added to [`key_code`] as well. A check at compile time only, so it
/// is named below rather than called.
fn covers_every_key_code(code: KeyCode) -> bool {
    match code {
        KeyCode::Backspace
        | KeyCode::Enter
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Up
        | KeyCode::Down
        | KeyCode::Home
        | KeyCode::End
        | KeyCode::PageUp
        | KeyCode::PageDown
        | KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Delete
        | KeyCode::Insert
        | KeyCode::F(_)
        | KeyCode::Char(_)
        | KeyCode::Null
        | KeyCode::Esc
        | KeyCode::CapsLock
        | KeyCode::ScrollLock
        | KeyCode::NumLock
        | KeyCode::PrintScreen
        | KeyCode::Pause
        | KeyCode::Menu
        | KeyCode::KeypadBegin
        | KeyCode::Media(_)
        | KeyCode::Modifier(_) => true,
    }
}

// Makes `covers_every_key_code` part of the build without pretending to test at run time.
const _: fn(KeyCode) -> bool = covers_every_key_code;

const NAMED_CODES: [KeyCode; 23] = [
    KeyCode::Backspace,
    KeyCode::Enter,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Null,
    KeyCode::Esc,
    KeyCode::CapsLock,
    KeyCode::ScrollLock,
    KeyCode::NumLock,
    KeyCode::PrintScreen,
    KeyCode::Pause,
    KeyCode::Menu,
    KeyCode::KeypadBegin,
];

const MEDIA_CODES: [MediaKeyCode; 13] = [
    MediaKeyCode::Play,
    MediaKeyCode::Pause,
    MediaKeyCode::PlayPause,
    MediaKeyCode::Reverse,
    MediaKeyCode::Stop,
    MediaKeyCode::FastForward,
    MediaKeyCode::Rewind,
    MediaKeyCode::TrackNext,
    MediaKeyCode::TrackPrevious,
    MediaKeyCode::Record,
    MediaKeyCode::LowerVolume,
    MediaKeyCode::RaiseVolume,
    MediaKeyCode::MuteVolume,
];

const MODIFIER_CODES: [ModifierKeyCode; 14] = [
    ModifierKeyCode::LeftShift,
    ModifierKeyCode::LeftControl,
    ModifierKeyCode::LeftAlt,
    ModifierKeyCode::LeftSuper,
    ModifierKeyCode::LeftHyper,
    ModifierKeyCode::LeftMeta,
    ModifierKeyCode::RightShift,
    ModifierKeyCode::RightControl,
    ModifierKeyCode::RightAlt,
    ModifierKeyCode::RightSuper,
    ModifierKeyCode::RightHyper,
    ModifierKeyCode::RightMeta,
    ModifierKeyCode::IsoLevel3Shift,
    ModifierKeyCode::IsoLevel5Shift,
];

/// The characters of a numeric keypad, most of what a visitor presses.
/// Paging keys come twice, so that visitors reach the later pages of long answers.
const KEYPAD_CHARS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', '+', '-', '*', '/', '+', '-',
];

fn key_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(KEYPAD_CHARS),
        1 => prop::sample::select(&['j', 'q', 'c', 'z', '\\', ' ', '\n', '\u{7f}', '\u{1b}'][..]),
        // Japanese an input method may send: kana, kanji, full-width digits and punctuation.
        1 => prop_oneof![
            prop::char::range('\u{3041}', '\u{30ff}'),
            prop::char::range('\u{4e00}', '\u{9fff}'),
            prop::char::range('\u{ff01}', '\u{ff5e}'),
            prop::char::range('\u{3000}', '\u{303f}'),
        ],
        1 => any::<char>(),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        10 => key_char().prop_map(KeyCode::Char),
        4 => prop::sample::select(&NAMED_CODES[..]),
        1 => (1u8..=24).prop_map(KeyCode::F),
        1 => any::<u8>().prop_map(KeyCode::F),
        1 => prop::sample::select(&MEDIA_CODES[..]).prop_map(KeyCode::Media),
        1 => prop::sample::select(&MODIFIER_CODES[..]).prop_map(KeyCode::Modifier),
    ]
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    let modifiers = prop_oneof![
        6 => Just(KeyModifiers::NONE),
        1 => any::<u8>().prop_map(KeyModifiers::from_bits_truncate),
    ];
    let kind = prop_oneof![
        8 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ];
    let state = prop_oneof![
        6 => Just(KeyEventState::NONE),
        1 => any::<u8>().prop_map(KeyEventState::from_bits_truncate),
    ];
    (key_code(), modifiers, kind, state).prop_map(|(code, modifiers, kind, state)| {
        KeyEvent::new_with_kind_and_state(code, modifiers, kind, state)
    })
}

fn terminal_size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        // Around the smallest usable screen, where pages and cut-off text begin.
        1 => (36u16..=44, 10u16..=14),
        // Common terminals, where long answers take a few pages.
        2 => (40u16..=120, 12u16..=40),
        1 => (40u16..=300, 12u16..=100),
        1 => (1u16..=300, 1u16..=100),
    ]
}

fn before() -> impl Strategy<Value = Before> {
    prop_oneof![
        4 => terminal_size().prop_map(|(w, h)| Before::Resize(w, h)),
        // Mostly short waits, sometimes long enough for the warning (120 s) or the reset.
        5 => prop_oneof![
            3 => (0u64..5_000).prop_map(Duration::from_millis),
            1 => (100u64..200).prop_map(Duration::from_secs),
        ]
        .prop_map(Before::Tick),
        1 => Just(Before::SwapContent),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let before = prop_oneof![
        8 => Just(Vec::new()),
        2 => prop::collection::vec(before(), 1..=3),
    ];
    (before, 0u64..3_000, key_event()).prop_map(|(before, pause, key)| Step {
        before,
        pause: Duration::from_millis(pause),
        key,
    })
}

/// Settings with the keys a keypad sends with NumLock off read as `numlock` says.
fn setup(numlock: &'static str) -> impl Strategy<Value = Setup> {
    // Sequences of keypad keys that do other things too; none ends with `.`, so `.` stays home.
    let staff = prop::sample::select(&["* * 0 0 0 0 Enter", "* /", "0 0", "Up Down PgDn", ""][..]);
    let ambiguous = prop::sample::select(&["narrow", "wide"][..]);
    // Two kiosks in three speak: the voice guide (on for all, or by Enter on the attract
    // screen) says every screen, and `/` stops it instead of changing the colours.
    let speech = prop::sample::select(
        &[
            "",
            "speech_command = [\"speak\"]\n",
            "speech_command = [\"speak\"]\nvoice_guide = true\n",
        ][..],
    );
    (staff, ambiguous, any::<bool>(), terminal_size(), speech).prop_map(
        move |(staff, ambiguous, hanging, (width, height), speech)| Setup {
            staff,
            config_text: format!(
                "{speech}[keypad]\nnumlock_off = \"{numlock}\"\n\
                 [keypad.keys]\n\"*\" = \"select\"\n\
                 [text]\nambiguous_width = \"{ambiguous}\"\nhanging_punctuation = {hanging}\n"
            ),
            width,
            height,
        },
    )
}

fn script(numlock: &'static str) -> impl Strategy<Value = Script> {
    (
        setup(numlock),
        prop::collection::vec(step(), EVENTS_PER_SCRIPT),
    )
        .prop_map(|(setup, steps)| Script { setup, steps })
}

/// The shipped leaflet, loaded once for every script.
static SHIPPED: LazyLock<Arc<Content>> =
    LazyLock::new(|| Arc::new(Content::embedded().expect("the shipped content is valid")));

/// The long leaflet, loaded once for every script.
static LONG: LazyLock<Arc<Content>> = LazyLock::new(|| Arc::new(long_content()));

/// A leaflet longer than the shipped one: more than nine categories and questions, so that
/// lists have pages, and a question long enough to be cut short on a small terminal.
fn long_content() -> Content {
    let mut text = String::from("[meta]\ntitle = \"長い質問集\"\nedition = \"試験版\"\n");
    for c in 0..12 {
        let ids: Vec<String> = (0..20)
            .filter(|q| q % 12 == c || c == 0)
            .map(|q| format!("\"q{q}\""))
            .collect();
        text += &format!(
            "[[categories]]\nid = \"c{c}\"\ntitle = \"分類{c}\"\ndescription = \"{}\"\nquestions = [{}]\n",
            "説明の文です。".repeat(c),
            ids.join(", ")
        );
    }
    for q in 0..20 {
        text += &format!(
            "[[questions]]\nid = \"q{q}\"\nquestion = \"{}質問{q}ですか？\"\nanswer = [\"{}\", \"※{}\"]\n",
            "とても長い".repeat(q % 4 * 5),
            "答えの段落です。".repeat(q % 5 * 8 + 1),
            "注意書きです。".repeat(q % 3 + 1)
        );
    }
    Content::from_source(&Source::new("long.toml", text)).expect("the long content is valid")
}

/// The kiosk's state with the key reading the event loop does, on a clock the test moves.
#[derive(Clone)]
struct Kiosk {
    state: State,
    keys: KeyReader,
    now: Instant,
}

impl Kiosk {
    fn apply(&mut self, before: &Before, shipped: &Arc<Content>, long: &Arc<Content>) {
        let action = match *before {
            Before::Resize(width, height) => Action::Resize { width, height },
            Before::Tick(pause) => {
                self.now += pause;
                Action::Tick
            }
            Before::SwapContent => {
                let showing_shipped = std::ptr::eq(self.state.content(), &**shipped);
                let other = if showing_shipped { long } else { shipped };
                Action::ContentChanged(Arc::clone(other))
            }
        };
        self.state.update(action, self.now);
    }

    fn press(&mut self, key: &KeyEvent) {
        if let Some(press) = self.keys.read(key, self.now) {
            self.state.update(press.into(), self.now);
        }
    }
}

/// The screen is one that exists in the content, with its highlight and page in range.
fn check_in_range(state: &State) -> Result<(), String> {
    let content = state.content();
    let categories = content.categories.len();
    // The state keeps each layout once made, so asking again after every key costs little.
    let on_a_page = |highlight: usize| {
        state.list_layout().is_some_and(|list| {
            list.pages.iter().any(|page| page.contains(&highlight))
                && list.pages.iter().all(|page| page.len() <= 9)
        })
    };
    let in_range = match state.screen() {
        Screen::Attract | Screen::Staff | Screen::Closed { .. } => true,
        Screen::Home { highlight } => highlight < categories && on_a_page(highlight),
        Screen::Category {
            category,
            highlight,
        } => {
            category < categories
                && highlight < content.category_questions(category).count()
                && on_a_page(highlight)
        }
        Screen::Answer { page, .. } => {
            state.question().is_some() && page < state.answer_page_count()
        }
        Screen::TakeHome { page, item, .. } => {
            state.question().is_some_and(|q| item < q.take_home().len())
                && page < state.answer_page_count()
        }
    };
    if in_range {
        Ok(())
    } else {
        Err(format!("out of range: {:?}", state.screen()))
    }
}

/// The home key does what the key guide says, from a copy of the kiosk:
///
/// - on a terminal too small to show a screen, keys are not acted on (nothing can be seen);
/// - during the idle warning, the first key only keeps the page, so `.` takes two presses;
/// - from the attract screen, any key (`.` too) begins, on the home screen;
/// - from the staff screen, `.` leaves it for the attract screen, not for a visitor's menu;
/// - from anywhere else, `.` goes to the home screen with its first entry highlighted.
fn check_home_key(kiosk: &Kiosk) -> Result<(), String> {
    let mut copy = kiosk.clone();
    let before = copy.state.screen();
    let dot = KeyEvent::new(KeyCode::Char('.'), KeyModifiers::NONE);
    // A person's presses come further apart than the repeat guard's window.
    copy.now += Duration::from_secs(1);
    if copy.state.idle_warning().is_some() {
        copy.press(&dot);
        copy.now += Duration::from_secs(1);
        if copy.state.screen() != before || copy.state.idle_warning().is_some() {
            return Err("a key during the idle warning keeps the page".to_string());
        }
    }
    copy.press(&dot);
    let expected = if !copy.state.geometry().is_usable() {
        before
    } else if before == Screen::Staff {
        Screen::Attract
    } else {
        Screen::Home { highlight: 0 }
    };
    let after = copy.state.screen();
    if after == expected {
        Ok(())
    } else {
        Err(format!(
            "`.` from {before:?} gave {after:?}, not {expected:?}"
        ))
    }
}

/// The view is a screen exactly when the terminal is big enough, and draws at its size.
fn check_drawing(state: &State, styles: &Styles) -> Result<(), String> {
    let geometry = state.geometry();
    let is_screen = matches!(view(state), View::Screen(_));
    if is_screen != geometry.is_usable() {
        return Err(format!("screen view {is_screen} at {geometry:?}"));
    }
    let buffer = ui::render_to_buffer(state, styles);
    let area = buffer.area;
    if (area.width, area.height) != (geometry.width, geometry.height) {
        return Err(format!("drew {area:?} for {geometry:?}"));
    }
    Ok(())
}

/// Runs `script`, checking every invariant after every step; a failure names the step and
/// shows the steps that led to it.
fn run(script: &Script, shipped: &Arc<Content>, long: &Arc<Content>) -> Result<(), String> {
    let setup = &script.setup;
    let config = Config::from_source(&Source::new("kiosk.toml", setup.config_text.as_str()))
        .map_err(|e| format!("the test's settings are invalid: {e}"))?;
    let styles = Styles::for_theme(&config.themes[0], ColourMode::Sixteen);
    let now = Instant::now();
    let geometry = Geometry::new(setup.width, setup.height);
    let mut kiosk = Kiosk {
        state: State::new(Arc::clone(shipped), geometry, now),
        keys: KeyReader::new(
            config.keypad.keymap(),
            parse_key_labels(setup.staff).map_err(|e| format!("the test's staff keys: {e}"))?,
            config.repeat_guard(),
        ),
        now,
    };
    kiosk.state.update(config.state_settings(None), now);
    for (index, step) in script.steps.iter().enumerate() {
        let mut checked = Ok(());
        for before in &step.before {
            kiosk.apply(before, shipped, long);
            checked = checked
                .and_then(|()| check_in_range(&kiosk.state))
                .and_then(|()| check_home_key(&kiosk));
        }
        kiosk.now += step.pause;
        kiosk.press(&step.key);
        checked = checked
            .and_then(|()| check_in_range(&kiosk.state))
            .and_then(|()| check_home_key(&kiosk));
        if index % DRAW_EVERY == 0 {
            checked = checked.and_then(|()| check_drawing(&kiosk.state, &styles));
        }
        if let Err(problem) = checked {
            let first = index.saturating_sub(30);
            return Err(format!(
                "step {index}: {problem}\nsettings:\n{}staff keys {:?}\nsize {}x{}; steps {first}..={index}:\n{:#?}",
                setup.config_text,
                setup.staff,
                setup.width,
                setup.height,
                &script.steps[first..=index]
            ));
        }
    }
    Ok(())
}

proptest! {
    // Half the events in each NumLock mode; the two tests run side by side.
    #![proptest_config(ProptestConfig {
        cases: (total_events() / 2).div_ceil(EVENTS_PER_SCRIPT) as u32,
        // A failure shows its own last steps; shrinking ten thousand of them would take
        // minutes and tell little more.
        max_shrink_iters: 64,
        // proptest's default generator, ChaCha, would take a third of the time.
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_keep_screens_in_range_and_home_reachable_with_numlock_digits(
        script in script("digits")
    ) {
        check_script(&script)?;
    }

    #[test]
    fn random_keys_keep_screens_in_range_and_home_reachable_with_navigation_keys(
        script in script("navigation")
    ) {
        check_script(&script)?;
    }
}

fn check_script(script: &Script) -> Result<(), TestCaseError> {
    if let Err(problem) = run(script, &SHIPPED, &LONG) {
        prop_assert!(false, "{problem}");
    }
    Ok(())
}
