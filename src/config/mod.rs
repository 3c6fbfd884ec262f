//! Kiosk settings (`config/kiosk.toml`): content path, timeouts, keypad map, colours, text;
//! and the place where settings become the other modules' values (the keymap and key reader,
//! the action that hands the state its settings, which files are read), so that no other
//! module translates them again.
//!
//! Every key is optional. The shipped `config/kiosk.toml` spells out every default and is
//! compiled into the binary, so the binary alone runs with the documented settings.

mod checks;
mod colour;
mod hours;
mod theme;

pub use checks::{
    IDLE_TIMEOUT_SECS, IDLE_WARNING_SECS, MIN_STAFF_KEYS, REPEAT_GUARD_MS, USAGE_LOG_MAX_KIB,
};

pub use colour::Colour;
pub use hours::{CLOSED_MESSAGE_COLUMNS, HoursConfig};
pub use theme::{
    BODY_CONTRAST, Palette, SECONDARY_CONTRAST, Theme, contrast_ratio, nearest_xterm_256,
    rgb_contrast_ratio, xterm_256_rgb,
};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use std::time::Duration;

use crate::app::IdleSettings;
use crate::keys::{Binding, KeyLabel, KeyReader, Keymap, NumLockOff, parse_key_labels};
use crate::layout::{BigTextOptions, FontChoice};
use crate::source::{Diagnostic, Diagnostics, Location, Source};
use crate::text::AmbiguousWidth;

/// The configuration compiled into the binary: the shipped `config/kiosk.toml`.
pub const EMBEDDED_CONFIG: &str = include_str!("../../config/kiosk.toml");

/// The shortest idle countdown allowed: WCAG 2.2.1 gives a person at least 20 seconds to ask
/// for more time.
pub const MIN_IDLE_WARNING_SECS: u64 = *IDLE_WARNING_SECS.start();

/// The name the embedded configuration is reported under.
pub const EMBEDDED_CONFIG_NAME: &str = "config/kiosk.toml（組み込み）";

/// All kiosk settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The content file; relative paths are from the configuration file's folder. `None` uses
    /// the content compiled into the binary.
    pub content_path: Option<PathBuf>,
    /// Seconds without a key press before the kiosk warns that it will go back to the start;
    /// 0 turns the reset off.
    pub idle_timeout_secs: u64,
    /// Seconds the warning counts down before the reset (at least 20, as WCAG 2.2.1 asks).
    pub idle_warning_secs: u64,
    /// The keypad sequence that opens the staff screen, as key labels separated by spaces
    /// (e.g. `"* * 0 0 0 0 Enter"`); empty turns the staff screen off. One a visitor could
    /// type by chance is refused (see [`MIN_STAFF_KEYS`] and the rule in `checks`).
    pub staff_sequence: String,
    /// The usage log (JSON Lines); relative paths are from the configuration file's folder.
    /// `None` uses `$XDG_STATE_HOME/faq-kiosk/usage.jsonl`; an empty path turns the log off.
    pub usage_log: Option<PathBuf>,
    /// The size in KiB at which the usage log is rotated to `<name>.1`.
    pub usage_log_max_kib: u64,
    /// The name this kiosk gives itself in every usage-log line, so that the logs of several
    /// kiosks can be read together; empty uses the host name.
    pub kiosk_id: String,
    /// Milliseconds within which the same key pressed again is ignored (0: never). EN 301 549
    /// asks that this can reach 500 ms for people whose hands shake.
    pub repeat_guard_ms: u64,
    /// A command that reads its standard input aloud (program, then arguments); empty for no
    /// speech. Each answer opened is given to it as plain text.
    pub speech_command: Vec<String>,
    /// Whether every screen is spoken for every visitor (the voice guide); otherwise a visitor
    /// turns it on with Enter on the attract screen, until the next idle reset.
    pub voice_guide: bool,
    /// The speech's volume in percent of the voice's full volume, handed to the speech command
    /// as `FAQ_KIOSK_SPEECH_VOLUME`; within [`checks::SPEECH_VOLUME`].
    pub speech_volume: u64,
    /// The speech's speed in percent of the voice's normal speed, handed to the speech command
    /// as `FAQ_KIOSK_SPEECH_SPEED`; within [`checks::SPEECH_SPEED`].
    pub speech_speed: u64,
    /// Whether an answer with a deadline that has passed shows visitors a notice saying so,
    /// below the leaflet's unchanged text.
    pub deadline_notices: bool,
    /// Whether taps and clicks work too: the terminal is asked to report where a mouse button
    /// (or a finger, where the terminal turns touches into pointer events) went down.
    pub mouse: bool,
    /// The keypad map.
    pub keypad: KeypadConfig,
    /// The theme the kiosk starts with (and returns to after an idle reset): a `name` of
    /// `themes`.
    pub theme: String,
    /// The colour themes, in the order the `/` key goes through them.
    pub themes: Vec<Theme>,
    /// How text is measured.
    pub text: TextConfig,
    /// Large glyphs for titles and the home menu.
    pub big_text: BigTextConfig,
    /// Opening hours; `None` (no `[hours]` table): always open.
    pub hours: Option<HoursConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            content_path: None,
            idle_timeout_secs: 120,
            idle_warning_secs: MIN_IDLE_WARNING_SECS,
            staff_sequence: String::new(),
            usage_log: None,
            usage_log_max_kib: 1024,
            kiosk_id: String::new(),
            speech_command: Vec::new(),
            voice_guide: false,
            speech_volume: 100,
            speech_speed: 100,
            deadline_notices: true,
            mouse: true,
            repeat_guard_ms: 300,
            keypad: KeypadConfig::default(),
            theme: "default".to_string(),
            themes: vec![Theme::standard(), Theme::high_contrast()],
            text: TextConfig::default(),
            big_text: BigTextConfig::default(),
            hours: None,
        }
    }
}

/// `[keypad]`: how keys are read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeypadConfig {
    /// How the keys a keypad sends with NumLock off are read.
    pub numlock_off: NumLockOff,
    /// Per-key changes to the default map: key label to intent, or nothing.
    pub keys: BTreeMap<KeyLabel, Binding>,
}

impl KeypadConfig {
    /// The keypad map these settings describe.
    pub fn keymap(&self) -> Keymap {
        Keymap::new(self.numlock_off, &self.keys)
    }
}

/// `[text]`: how text is measured and broken into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TextConfig {
    /// How many columns the terminal gives East Asian Ambiguous characters.
    pub ambiguous_width: AmbiguousWidthSetting,
    /// Whether 、。 may hang into the right margin (burasagari) instead of being pushed down with
    /// the character before them.
    pub hanging_punctuation: bool,
}

/// `[big_text]`: whether and how titles and the home menu are drawn in large glyphs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BigTextConfig {
    /// `auto`: the largest size that fits each screen; `off`: normal-size text only.
    pub mode: BigTextMode,
    /// The cell encodings allowed.
    pub encodings: Vec<BigEncoding>,
    /// Which font sizes may be used.
    pub font: BigFontSetting,
}

impl Default for BigTextConfig {
    fn default() -> Self {
        Self {
            mode: BigTextMode::Auto,
            encodings: vec![BigEncoding::HalfBlock, BigEncoding::SextantIfDrawn],
            font: BigFontSetting::Auto,
        }
    }
}

impl BigTextConfig {
    /// The layout's options for these settings on the terminal the kiosk runs in (`TERM`).
    pub fn options(&self) -> BigTextOptions {
        self.options_on(std::env::var("TERM").ok().as_deref())
    }

    /// The layout's options for these settings on a terminal whose `TERM` is `term`.
    pub fn options_on(&self, term: Option<&str>) -> BigTextOptions {
        let sextant = self.encodings.contains(&BigEncoding::Sextant)
            || (self.encodings.contains(&BigEncoding::SextantIfDrawn)
                && term.is_some_and(draws_sextants_itself));
        BigTextOptions {
            enabled: self.mode == BigTextMode::Auto,
            half_block: self.encodings.contains(&BigEncoding::HalfBlock),
            sextant,
            braille: self.encodings.contains(&BigEncoding::Braille),
            fonts: match self.font {
                BigFontSetting::Auto => FontChoice::Any,
                BigFontSetting::Large => FontChoice::Only16,
                BigFontSetting::Small => FontChoice::Only12,
            },
        }
    }
}

/// Whether the terminal called `term` draws the sextant characters itself, as it draws block
/// elements, rather than taking them from a font: then they line up with no gaps and need no
/// font that has them. foot does (Debian 12's foot 1.13 included); its `TERM` is foot, or
/// foot-direct for 24-bit colour.
fn draws_sextants_itself(term: &str) -> bool {
    matches!(
        term,
        "foot" | "foot-extra" | "foot-direct" | "foot-extra-direct"
    )
}

/// `big_text.mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BigTextMode {
    /// The largest size that fits each screen.
    #[default]
    Auto,
    /// Normal-size text only.
    Off,
}

/// One of `big_text.encodings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BigEncoding {
    /// ▀▄█: the largest and clearest; needs ambiguous characters drawn narrow.
    HalfBlock,
    /// Unicode 13 sextants: needs a terminal font that has them, and narrow ambiguous width.
    Sextant,
    /// Sextants only on a terminal that draws them itself (foot), so no font needs them.
    SextantIfDrawn,
    /// Braille dots: works everywhere, harder to read.
    Braille,
}

/// `big_text.font`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BigFontSetting {
    /// The larger font where it fits, else the smaller.
    #[default]
    Auto,
    /// Only the 16-pixel font.
    Large,
    /// Only the 12-pixel font.
    Small,
}

impl TextConfig {
    /// The ambiguous width in force: as set, or for `auto` what the terminal was measured to
    /// do (`detected`), narrow when it could not be measured.
    pub fn ambiguous_width(&self, detected: Option<AmbiguousWidth>) -> AmbiguousWidth {
        match self.ambiguous_width {
            AmbiguousWidthSetting::Narrow => AmbiguousWidth::Narrow,
            AmbiguousWidthSetting::Wide => AmbiguousWidth::Wide,
            AmbiguousWidthSetting::Auto => detected.unwrap_or_default(),
        }
    }
}

/// `ambiguous_width` in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmbiguousWidthSetting {
    /// Measure the terminal at start-up (print ※, read back the cursor), like vim's
    /// ambiwidth detection; narrow if the terminal does not answer.
    #[default]
    Auto,
    /// One column, as in most Western-configured terminals.
    Narrow,
    /// Two columns, as in terminals set up for CJK.
    Wide,
}

impl Config {
    /// Parses and checks a configuration from TOML text.
    pub fn from_source(source: &Source) -> Result<Config, Diagnostics> {
        let config: Config = toml::from_str(&source.text)
            .map_err(|err| Diagnostics(vec![source.toml_error(&err)]))?;
        let mut problems = Vec::new();
        if config.idle_warning_secs < MIN_IDLE_WARNING_SECS {
            problems.push(Diagnostic::error(
                key_location(source, "idle_warning_secs"),
                format!(
                    "idle_warning_secs は {MIN_IDLE_WARNING_SECS} 秒以上にしてください。操作の遅い方にも、続けるかどうか決める時間が必要です。"
                ),
                format!(
                    "idle_warning_secs is {}; the minimum is {MIN_IDLE_WARNING_SECS} (WCAG 2.2.1)",
                    config.idle_warning_secs
                ),
            ));
        }
        let numbers = [
            (
                "idle_timeout_secs",
                config.idle_timeout_secs,
                &IDLE_TIMEOUT_SECS,
                "秒",
                "0 にすると最初の画面に戻りません。",
            ),
            // Below the minimum has its own message, above.
            (
                "idle_warning_secs",
                config.idle_warning_secs.max(MIN_IDLE_WARNING_SECS),
                &IDLE_WARNING_SECS,
                "秒",
                "",
            ),
            (
                "repeat_guard_ms",
                config.repeat_guard_ms,
                &REPEAT_GUARD_MS,
                "ミリ秒",
                "長すぎると、続けて押したキーが効かなくなります。",
            ),
            (
                "usage_log_max_kib",
                config.usage_log_max_kib,
                &USAGE_LOG_MAX_KIB,
                "KiB ",
                "",
            ),
            (
                "speech_volume",
                config.speech_volume,
                &checks::SPEECH_VOLUME,
                "% ",
                "",
            ),
            (
                "speech_speed",
                config.speech_speed,
                &checks::SPEECH_SPEED,
                "% ",
                "遅すぎても速すぎても聞き取りにくくなります。",
            ),
        ];
        for (key, value, range, unit, why) in numbers {
            if let Some((message, detail)) = checks::out_of_range(key, value, range, unit, why) {
                problems.push(Diagnostic::error(
                    key_location(source, key),
                    message,
                    detail,
                ));
            }
        }
        if let Some((message, detail)) = checks::kiosk_id_problem(&config.kiosk_id) {
            problems.push(Diagnostic::error(
                key_location(source, "kiosk_id"),
                message,
                detail,
            ));
        }
        problems.extend(check_themes(source, &config));
        if config.voice_guide && config.speech_command.is_empty() {
            problems.push(Diagnostic::error(
                key_location(source, "voice_guide"),
                "voice_guide = true には、読み上げるコマンド（speech_command）が必要です。例: speech_command = [\"/usr/lib/faq-kiosk/speak-ja\"]",
                "voice_guide is true but speech_command is empty",
            ));
        }
        let keymap = config.keypad.keymap();
        match parse_key_labels(&config.staff_sequence) {
            Err(err) => problems.push(Diagnostic::error(
                key_location(source, "staff_sequence"),
                "staff_sequence に使えないキーの名前があります。キーは空白で区切って書きます（例: \"* * 0 0 0 0 Enter\"）。",
                err,
            )),
            Ok(keys) => {
                if let Some((message, detail)) = checks::staff_sequence_problem(&keys, &keymap) {
                    problems.push(Diagnostic::error(
                        key_location(source, "staff_sequence"),
                        message,
                        detail,
                    ));
                }
            }
        }
        if let Some(hours) = &config.hours {
            problems.extend(hours.problems(source));
        }
        for (message, detail) in checks::keymap_problems(&keymap) {
            problems.push(Diagnostic::error(
                key_location(source, "keypad"),
                message,
                detail,
            ));
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// The settings the kiosk's state takes from these settings, as the action that hands them
    /// over; `detected` is what the terminal was measured to do with ambiguous characters.
    pub fn state_settings(&self, detected: Option<AmbiguousWidth>) -> crate::app::Action {
        crate::app::Action::SettingsChanged {
            idle: self.idle_settings(),
            ambiguous: self.text.ambiguous_width(detected),
            hanging_punctuation: self.text.hanging_punctuation,
            big_text: self.big_text.options(),
            deadline_notices: self.deadline_notices,
            voice_guide: self.voice_guide,
            hours: self.hours.as_ref().map(HoursConfig::hours),
            keymap: self.keypad.keymap(),
            speech: !self.speech_command.is_empty(),
        }
    }

    /// The themes in the order `/` goes through them, starting with the one named by `theme`.
    pub fn theme_cycle(&self) -> Vec<&Theme> {
        let start = self
            .themes
            .iter()
            .position(|t| t.name == self.theme)
            .unwrap_or(0);
        self.themes[start..]
            .iter()
            .chain(&self.themes[..start])
            .collect()
    }

    /// The environment the speech command runs with: the volume and speed in percent, within
    /// their ranges, for the command to apply (the shipped Open JTalk wrapper does).
    pub fn speech_environment(&self) -> Vec<(String, String)> {
        vec![
            (
                "FAQ_KIOSK_SPEECH_VOLUME".to_string(),
                clamp(self.speech_volume, &checks::SPEECH_VOLUME).to_string(),
            ),
            (
                "FAQ_KIOSK_SPEECH_SPEED".to_string(),
                clamp(self.speech_speed, &checks::SPEECH_SPEED).to_string(),
            ),
        ]
    }

    /// How the running kiosk reads key presses with these settings: their keymap, staff
    /// sequence and repeat guard.
    pub fn key_reader(&self) -> KeyReader {
        KeyReader::new(self.keypad.keymap(), self.staff_keys(), self.repeat_guard())
    }

    /// The repeat guard's window, within [`REPEAT_GUARD_MS`].
    pub fn repeat_guard(&self) -> Duration {
        Duration::from_millis(clamp(self.repeat_guard_ms, &REPEAT_GUARD_MS))
    }

    /// The idle timer's settings, within [`IDLE_TIMEOUT_SECS`] and [`IDLE_WARNING_SECS`].
    ///
    /// `check` refuses values outside them; settings built in code, or checked by an older
    /// version, are clamped here so that no deadline lies beyond what the clock can hold.
    pub fn idle_settings(&self) -> IdleSettings {
        IdleSettings {
            timeout: (self.idle_timeout_secs > 0)
                .then(|| Duration::from_secs(clamp(self.idle_timeout_secs, &IDLE_TIMEOUT_SECS))),
            countdown: Duration::from_secs(clamp(self.idle_warning_secs, &IDLE_WARNING_SECS)),
        }
    }

    /// The size in bytes at which the usage log is rotated, within [`USAGE_LOG_MAX_KIB`].
    pub fn usage_log_max_bytes(&self) -> u64 {
        clamp(self.usage_log_max_kib, &USAGE_LOG_MAX_KIB) * 1024
    }

    /// The name written in every usage-log line: `kiosk_id`, else the host name, else
    /// `unknown` (a host with no name).
    pub fn kiosk_id(&self) -> String {
        if !self.kiosk_id.is_empty() {
            return self.kiosk_id.clone();
        }
        host_name().unwrap_or_else(|| "unknown".to_string())
    }

    /// The staff sequence as key labels; empty when the staff screen is off.
    pub fn staff_keys(&self) -> Vec<KeyLabel> {
        parse_key_labels(&self.staff_sequence).unwrap_or_default()
    }

    /// The settings in `path`, or the built-in ones when no file is given: the one rule for
    /// which settings the kiosk runs with, for `check`, start-up and every reload.
    pub fn read(path: Option<&Path>) -> Result<Config, Diagnostics> {
        match path {
            Some(path) => Self::load(path),
            None => Ok(Self::embedded().expect("the built-in config/kiosk.toml is valid")),
        }
    }

    /// The content file these settings run with: the one `given` on the command line or in the
    /// environment, else their `content_path`; `None` for the content built into the program.
    /// The one rule for which content is shown, for `check`, start-up and every reload.
    pub fn content_file<'a>(&'a self, given: Option<&'a Path>) -> Option<&'a Path> {
        given.or(self.content_path.as_deref())
    }

    /// Reads a configuration file; a relative `content_path` is taken from the file's folder.
    pub fn load(path: &Path) -> Result<Config, Diagnostics> {
        let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
        let mut config = Self::from_source(&source)?;
        let folder = path.parent().unwrap_or(Path::new(""));
        for file in [&mut config.content_path, &mut config.usage_log] {
            if let Some(relative) = file
                .as_ref()
                .filter(|p| p.is_relative() && !p.as_os_str().is_empty())
            {
                *file = Some(folder.join(relative));
            }
        }
        Ok(config)
    }

    /// The configuration compiled into the binary.
    pub fn embedded() -> Result<Config, Diagnostics> {
        Self::from_source(&Source::new(EMBEDDED_CONFIG_NAME, EMBEDDED_CONFIG))
    }
}

/// The machine's host name, as `hostname` prints it.
fn host_name() -> Option<String> {
    let mut buffer = [0u8; 256];
    // SAFETY: the buffer is valid for its whole length, and gethostname writes at most that.
    let status = unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) };
    if status != 0 {
        return None;
    }
    let end = buffer.iter().position(|&b| b == 0).unwrap_or(buffer.len());
    let name = String::from_utf8_lossy(&buffer[..end]).trim().to_string();
    (!name.is_empty()).then_some(name)
}

fn clamp(value: u64, range: &std::ops::RangeInclusive<u64>) -> u64 {
    value.clamp(*range.start(), *range.end())
}

/// The themes must exist, have distinct names, and include the one `theme` names.
fn check_themes(source: &Source, config: &Config) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let names: Vec<&str> = config.themes.iter().map(|t| t.name.as_str()).collect();
    if names.is_empty() {
        problems.push(Diagnostic::error(
            key_location(source, "[[themes]]"),
            "色の組み合わせ（[[themes]]）が1つもありません。1つ以上書いてください。",
            "at least one [[themes]] entry is required",
        ));
    }
    for (index, name) in names.iter().enumerate() {
        if names[..index].contains(name) {
            problems.push(Diagnostic::error(
                key_location(source, "[[themes]]"),
                format!(
                    "色の組み合わせの名前「{name}」が2回使われています。別の名前にしてください。"
                ),
                format!("duplicate theme name '{name}'"),
            ));
        }
    }
    if !names.is_empty() && !names.contains(&config.theme.as_str()) {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        problems.push(Diagnostic::error(
            key_location(source, "theme"),
            format!(
                "theme = \"{}\" という色の組み合わせはありません。使える名前: {}。",
                config.theme,
                quoted.join("、")
            ),
            format!("theme '{}' is not among the [[themes]]", config.theme),
        ));
    }
    problems
}

/// Where `key = …` is written in the settings file at `path`, for a problem found with it
/// after loading, such as a usage log that turns out to be a terminal.
pub fn setting_location(path: &Path, key: &str) -> Option<Location> {
    Source::read(path)
        .ok()
        .and_then(|source| key_location(&source, key))
}

/// Where a top-level `key = …` is written, for checks made after parsing.
///
/// The TOML parser finds the key however it is spelt (`key`, `"key"`, `'key'`); the start of
/// the file stands in should it not be there, so a problem always has a place.
fn key_location(source: &Source, key: &str) -> Option<Location> {
    path_location(source, &[key])
}

/// Where the key at `path` (a table's name, then a key in it, and so on) is written; where as
/// much of the path as is written starts, when not all of it is.
fn path_location(source: &Source, path: &[&str]) -> Option<Location> {
    let table = toml::de::DeTable::parse(&source.text).ok();
    let mut found = None;
    let mut current = table.as_ref().map(|table| table.get_ref());
    for key in path {
        let Some((name, value)) = current.and_then(|table| {
            table
                .iter()
                .find(|(name, _)| name.get_ref().as_ref() == *key)
        }) else {
            break;
        };
        found = Some(name.span());
        current = match value.get_ref() {
            toml::de::DeValue::Table(inner) => Some(inner),
            _ => None,
        };
    }
    Some(source.location(found.map_or(0, |span| span.start)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostics> {
        Config::from_source(&Source::new("kiosk.toml", text))
    }

    #[test]
    fn the_shipped_file_documents_exactly_the_defaults() {
        assert_eq!(Config::embedded().unwrap(), Config::default());
    }

    #[test]
    fn speech_volume_and_speed_are_checked_and_handed_to_the_command_within_range() {
        let config = parse(
            "speech_command = [\"speak\"]\nspeech_volume = 60\nspeech_speed = 120\nvoice_guide = true\n",
        )
        .unwrap();
        assert!(config.voice_guide);
        let environment = config.speech_environment();
        assert!(environment.contains(&("FAQ_KIOSK_SPEECH_VOLUME".into(), "60".into())));
        assert!(environment.contains(&("FAQ_KIOSK_SPEECH_SPEED".into(), "120".into())));
        let silent = parse("voice_guide = true\n").unwrap_err().to_string();
        assert!(silent.starts_with("kiosk.toml:1:1: エラー:"), "{silent}");
        assert!(silent.contains("speech_command"), "{silent}");
        let message = parse("speech_speed = 400\n").unwrap_err().to_string();
        assert!(message.starts_with("kiosk.toml:1:1: エラー:"), "{message}");
        assert!(
            message.contains("speech_speed は 50～200 % の範囲"),
            "{message}"
        );
        let loud = Config {
            speech_volume: 1000,
            ..Config::default()
        };
        assert!(
            loud.speech_environment()
                .contains(&("FAQ_KIOSK_SPEECH_VOLUME".into(), "100".into())),
            "a value that slipped past check is clamped"
        );
    }

    #[test]
    fn every_key_is_optional() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn keys_and_colours_parse() {
        let config = parse(
            "idle_timeout_secs = 60\n[keypad]\nnumlock_off = \"navigation\"\n[keypad.keys]\n\"*\" = \"home\"\n[text]\nambiguous_width = \"wide\"\n",
        )
        .unwrap();
        assert_eq!(config.idle_timeout_secs, 60);
        assert_eq!(config.keypad.numlock_off, NumLockOff::Navigation);
        assert_eq!(
            config.keypad.keys[&KeyLabel::Star],
            Binding(Some(crate::keys::Intent::Home))
        );
        assert_eq!(config.text.ambiguous_width(None), AmbiguousWidth::Wide);
    }

    #[test]
    fn unknown_keys_are_errors_with_their_place() {
        let err =
            parse("[text]\nhanging_punctuation = true\nambigous_width = \"wide\"\n").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("kiosk.toml:3:1: エラー:"), "{message}");
        assert!(
            message.contains("「ambigous_width」という項目は使えません"),
            "{message}"
        );
    }

    #[test]
    fn bad_values_list_the_choices() {
        let message = parse("[keypad.keys]\n\"*\" = \"exit\"\n")
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("kiosk.toml:2:"), "{message}");
        assert!(
            message.contains("使える値") && message.contains("'next-page'"),
            "{message}"
        );
        let message = parse("[keypad.keys]\n\"q\" = \"home\"\n")
            .unwrap_err()
            .to_string();
        assert!(message.contains("'Enter'"), "{message}");
        let theme = THEME.replace("muted = \"#bcbcbc\"", "muted = \"grey50\"");
        let message = parse(&theme).unwrap_err().to_string();
        assert!(message.contains("'dark-gray'"), "{message}");
    }

    const THEME: &str = "theme = \"mine\"\n[[themes]]\nname = \"mine\"\n[themes.colours]\nforeground = \"#f5f5f5\"\nbackground = \"#101010\"\naccent = \"#ffd75f\"\nmuted = \"#bcbcbc\"\nbar_foreground = \"#000000\"\nbar_background = \"#87d7ff\"\nkey_foreground = \"#000000\"\nkey_background = \"#ffd75f\"\n[themes.fallback]\nforeground = \"white\"\nbackground = \"black\"\naccent = \"light-yellow\"\nmuted = \"gray\"\nbar_foreground = \"black\"\nbar_background = \"light-cyan\"\nkey_foreground = \"black\"\nkey_background = \"light-yellow\"\n";

    #[test]
    fn themes_are_defined_in_the_settings() {
        let config = parse(THEME).unwrap();
        assert_eq!(config.theme_cycle().len(), 1);
        assert_eq!(
            config.themes[0].colours.accent,
            Colour::Rgb(0xff, 0xd7, 0x5f)
        );
        let message = parse(&THEME.replace("theme = \"mine\"", "theme = \"yours\""))
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("kiosk.toml:1:1:"), "{message}");
        assert!(message.contains("'mine'"), "{message}");
        let twice = format!("{THEME}{}", &THEME[THEME.find("[[themes]]").unwrap()..]);
        assert!(parse(&twice).unwrap_err().to_string().contains("2回"));
    }

    #[test]
    fn the_theme_cycle_starts_with_the_chosen_theme() {
        let config = Config {
            theme: "high-contrast".to_string(),
            ..Config::default()
        };
        let names: Vec<&str> = config
            .theme_cycle()
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["high-contrast", "default"]);
    }

    #[test]
    fn a_short_idle_countdown_is_an_error_at_its_line() {
        let message = parse("idle_timeout_secs = 60\nidle_warning_secs = 5\n")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("kiosk.toml:2:1: エラー: idle_warning_secs は 20 秒以上"),
            "{message}"
        );
    }

    #[test]
    fn every_problem_has_a_location_even_with_quoted_keys() {
        for (text, at) in [
            (
                "idle_timeout_secs = 9\n\"idle_warning_secs\" = 5\n",
                "kiosk.toml:2:1:",
            ),
            ("\n 'staff_sequence' = \"Esc\"\n", "kiosk.toml:2:2:"),
        ] {
            let message = parse(text).unwrap_err().to_string();
            assert!(message.starts_with(at), "{message}");
        }
    }

    #[test]
    fn the_staff_sequence_is_checked_and_parsed() {
        let message = parse("staff_sequence = \"* * F1\"\n")
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("kiosk.toml:1:1:"), "{message}");
        let config = parse("staff_sequence = \"* * 0 Enter\"\n").unwrap();
        assert_eq!(config.staff_keys().len(), 4);
        assert!(Config::default().staff_keys().is_empty());
    }

    #[test]
    fn auto_uses_what_the_terminal_was_measured_to_do() {
        let text = Config::default().text;
        assert_eq!(text.ambiguous_width(None), AmbiguousWidth::Narrow);
        assert_eq!(
            text.ambiguous_width(Some(AmbiguousWidth::Wide)),
            AmbiguousWidth::Wide
        );
        let narrow = parse("[text]\nambiguous_width = \"narrow\"\n")
            .unwrap()
            .text;
        assert_eq!(
            narrow.ambiguous_width(Some(AmbiguousWidth::Wide)),
            AmbiguousWidth::Narrow
        );
    }

    #[test]
    fn big_text_settings_become_layout_options() {
        let shipped = Config::default().big_text;
        assert_eq!(
            shipped.options_on(Some("xterm-256color")),
            BigTextOptions::new()
        );
        assert_eq!(shipped.options_on(None), BigTextOptions::new());
        let on_foot = shipped.options_on(Some("foot"));
        assert!(on_foot.sextant && on_foot.half_block);
        let config = parse("[big_text]\nmode = \"off\"\nencodings = [\"sextant\", \"braille\"]\nfont = \"small\"\n").unwrap();
        let options = config.big_text.options();
        assert!(!options.enabled && !options.half_block && options.sextant && options.braille);
        assert_eq!(options.fonts, FontChoice::Only12);
        let message = parse("[big_text]\nencodings = [\"quarter\"]\n")
            .unwrap_err()
            .to_string();
        assert!(message.contains("'half-block'"), "{message}");
    }

    #[test]
    fn a_zero_timeout_turns_the_reset_off() {
        assert_eq!(
            parse("idle_timeout_secs = 0\n")
                .unwrap()
                .idle_settings()
                .timeout,
            None
        );
        assert_eq!(
            Config::default().idle_settings(),
            IdleSettings {
                timeout: Some(Duration::from_secs(120)),
                countdown: Duration::from_secs(20)
            }
        );
    }

    #[test]
    fn values_that_slip_past_the_checks_are_clamped() {
        let config = Config {
            idle_timeout_secs: u64::MAX,
            idle_warning_secs: u64::MAX,
            repeat_guard_ms: u64::MAX,
            usage_log_max_kib: u64::MAX,
            ..Config::default()
        };
        assert_eq!(
            config.idle_settings(),
            IdleSettings {
                timeout: Some(Duration::from_secs(86_400)),
                countdown: Duration::from_secs(600)
            }
        );
        assert_eq!(config.repeat_guard(), Duration::from_secs(1));
        assert_eq!(config.usage_log_max_bytes(), 1 << 30);
        let short = Config {
            idle_warning_secs: 0,
            usage_log_max_kib: 0,
            ..Config::default()
        };
        assert_eq!(short.idle_settings().countdown, Duration::from_secs(20));
        assert_eq!(short.usage_log_max_bytes(), 1024);
    }

    #[test]
    fn a_relative_content_path_is_taken_from_the_config_folder() {
        let folder = std::env::temp_dir().join(format!("faq-kiosk-config-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("kiosk.toml");
        std::fs::write(&file, "content_path = \"my-faq.toml\"\n").unwrap();
        let config = Config::load(&file).unwrap();
        std::fs::remove_dir_all(&folder).unwrap();
        assert_eq!(config.content_path, Some(folder.join("my-faq.toml")));
    }
}
