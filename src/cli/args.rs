//! The command line: what it may say, how it is read, and the help in English and Japanese.
//!
//! Read with lexopt (as ripgrep does) rather than clap: the kiosk has few options, and clap
//! was a tenth of the binary on a thin client that has little room.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;

use crate::dates::Date;
use crate::hours::LocalTime;
use crate::keys::{KeyLabel, parse_key_labels};
use crate::runtime::ExitKey;

/// The help text, in English and Japanese.
pub const HELP: &str = "\
faq-kiosk: a keypad-driven kiosk answering questions about the My Number health insurance card.
マイナ保険証のよくある質問に、テンキーだけで答えるキオスク端末です。

Usage / 使い方:
  faq-kiosk [OPTIONS]                run the kiosk / キオスクを起動します
  faq-kiosk check [OPTIONS]          check the files, list every problem
                                     / ファイルを検査し、問題をすべて表示します
  faq-kiosk render [OPTIONS]         print the screen some keys lead to, as text
                                     / キー操作のあとの画面を文字で表示します
  faq-kiosk stats [OPTIONS] [LOG...] views per question and category, per kiosk and in
                                     total, from usage logs (files, or folders of *.jsonl)
                                     / 利用の記録から、端末ごとと合計の表示回数などを表示します

Options / オプション:
  --content FILE    the content file (questions and answers) [built-in faq.toml];
                    also FAQ_KIOSK_CONTENT / 質問と答えのファイル
  --config FILE     the settings file [built-in config/kiosk.toml];
                    also FAQ_KIOSK_CONFIG / 設定ファイル
  --today DATE      check, render: take YYYY-MM-DD as today, to preview what dates do
                    (passed deadlines, review_by); also FAQ_KIOSK_TODAY, which the kiosk
                    reads too / この日を今日として扱います
  FAQ_KIOSK_NOW     the kiosk and render: start the clock at this local time
                    (YYYY-MM-DDTHH:MM[:SS]) and run on from there, to preview the
                    opening hours; today too, unless FAQ_KIOSK_TODAY is set
                    / この時刻から時計を進めます
  --exit-key KEY    development only: this key (one character, Esc or F1-F12) ends the
                    kiosk; without it no key leaves the program / 開発用: このキーで終了します
  -h, --help        this help / この説明
  -V, --version     the version / 版

render:
  --size COLSxROWS  terminal size [80x24] / 画面の大きさ
  --keys \"2 1 +\"    key labels separated by spaces, pressed from the menu: 0-9 . + - * /
                    Enter Backspace Home Up PgUp Left Begin Right End Down PgDn Insert
                    Delete / 最初のメニューから押すキー（空白区切り）
  --attract         start on the attract screen / 待ち受け画面から始めます

stats:
  LOG...            usage logs, or folders of them (*.jsonl, several kiosks' logs together)
                    [the settings' usage log] / 利用の記録のファイルまたはフォルダ
  --log FILE        one more usage log (may be given again) / 利用の記録のファイル
  --since DATE      count events on or after YYYY-MM-DD / この日以降を数えます
  --csv             CSV instead of tables / 表の代わりに CSV で出力します
  --json            JSON instead of tables / 表の代わりに JSON で出力します
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cli {
    /// The content file, from `--content` or `FAQ_KIOSK_CONTENT`.
    pub content: Option<PathBuf>,
    /// The settings file, from `--config` or `FAQ_KIOSK_CONFIG`.
    pub config: Option<PathBuf>,
    /// The development escape.
    pub exit_key: Option<ExitKey>,
    /// The day to take as today instead of the clock's, from `--today` or `FAQ_KIOSK_TODAY`.
    pub today: Option<Date>,
    /// The local time the kiosk's clock starts at instead of the wall clock's, from
    /// `FAQ_KIOSK_NOW`.
    pub now: Option<LocalTime>,
    /// What to do; `None` runs the kiosk.
    pub command: Option<Command>,
}

/// The commands besides running the kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Check the files and list every problem.
    Check,
    /// Print the screen some key presses lead to.
    Render {
        /// Terminal size, columns and rows.
        size: (u16, u16),
        /// The keys, in the order pressed.
        keys: Vec<KeyLabel>,
        /// Start on the attract screen instead of the menu.
        attract: bool,
    },
    /// Print usage figures from usage logs.
    Stats {
        /// The usage logs and folders of them; none reads the settings' one.
        logs: Vec<PathBuf>,
        /// Count events on or after this `YYYY-MM-DD` date.
        since: Option<String>,
        /// How to print the figures.
        format: StatsFormat,
    },
}

/// How `stats` prints its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsFormat {
    /// Tables for a person at a terminal.
    Table,
    /// CSV, for a spreadsheet.
    Csv,
    /// JSON, for another program.
    Json,
}

/// Why the command line was not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// `--help` was asked for.
    Help,
    /// `--version` was asked for.
    Version,
    /// The command line is wrong; the message says how.
    Usage(String),
}

/// Reads the command line (without the program name) and the two environment variables.
pub fn parse(
    args: impl IntoIterator<Item = OsString>,
    environment: impl Fn(&str) -> Option<OsString>,
) -> Result<Cli, Stop> {
    read(args, environment).map_err(|err| match err {
        Failure::Stop(stop) => stop,
        Failure::Lexopt(err) => Stop::Usage(err.to_string()),
    })
}

enum Failure {
    Stop(Stop),
    Lexopt(lexopt::Error),
}

impl From<lexopt::Error> for Failure {
    fn from(err: lexopt::Error) -> Self {
        Failure::Lexopt(err)
    }
}

fn usage(message: String) -> Failure {
    Failure::Stop(Stop::Usage(message))
}

fn read(
    args: impl IntoIterator<Item = OsString>,
    environment: impl Fn(&str) -> Option<OsString>,
) -> Result<Cli, Failure> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut cli = Cli {
        content: None,
        config: None,
        exit_key: None,
        today: None,
        now: None,
        command: None,
    };
    let (mut size, mut keys, mut attract) = ((80, 24), Vec::new(), false);
    let (mut logs, mut since, mut format) = (Vec::new(), None, StatsFormat::Table);
    let mut command_name: Option<String> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Err(Failure::Stop(Stop::Help)),
            Short('V') | Long("version") => return Err(Failure::Stop(Stop::Version)),
            Long("content") => cli.content = Some(parser.value()?.into()),
            Long("config") => cli.config = Some(parser.value()?.into()),
            Long("exit-key") => {
                let value = text(parser.value()?)?;
                cli.exit_key = Some(value.parse().map_err(usage)?);
            }
            Long("size") if command_name.as_deref() == Some("render") => {
                size = parse_size(&text(parser.value()?)?).map_err(usage)?;
            }
            Long("keys") if command_name.as_deref() == Some("render") => {
                keys = parse_key_labels(&text(parser.value()?)?).map_err(usage)?;
            }
            Long("attract") if command_name.as_deref() == Some("render") => attract = true,
            Long("today") if matches!(command_name.as_deref(), Some("check" | "render")) => {
                cli.today = Some(parse_today(&text(parser.value()?)?).map_err(usage)?);
            }
            Long("log") if command_name.as_deref() == Some("stats") => {
                logs.push(parser.value()?.into());
            }
            Long("since") if command_name.as_deref() == Some("stats") => {
                since = Some(parse_date(&text(parser.value()?)?).map_err(usage)?);
            }
            Long(name @ ("csv" | "json")) if command_name.as_deref() == Some("stats") => {
                let chosen = if name == "csv" {
                    StatsFormat::Csv
                } else {
                    StatsFormat::Json
                };
                if format != StatsFormat::Table && format != chosen {
                    return Err(usage("--csv and --json: choose one".to_string()));
                }
                format = chosen;
            }
            Value(value) if command_name.as_deref() == Some("stats") => logs.push(value.into()),
            Value(value) if command_name.is_none() => {
                let name = text(value)?;
                if !matches!(name.as_str(), "check" | "render" | "stats") {
                    return Err(usage(format!(
                        "unknown command '{name}': use check, render or stats (see --help)"
                    )));
                }
                command_name = Some(name);
            }
            other => return Err(other.unexpected().into()),
        }
    }
    cli.command = match command_name.as_deref() {
        None => None,
        Some("check") => Some(Command::Check),
        Some("render") => Some(Command::Render {
            size,
            keys,
            attract,
        }),
        Some(_) => Some(Command::Stats {
            logs,
            since,
            format,
        }),
    };
    let from_environment = |name: &str| {
        environment(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    cli.content = cli
        .content
        .or_else(|| from_environment("FAQ_KIOSK_CONTENT"));
    cli.config = cli.config.or_else(|| from_environment("FAQ_KIOSK_CONFIG"));
    if cli.today.is_none()
        && let Some(value) = environment("FAQ_KIOSK_TODAY").filter(|v| !v.is_empty())
    {
        let value = text(value)?;
        cli.today = Some(
            parse_today(&value).map_err(|message| usage(format!("FAQ_KIOSK_TODAY: {message}")))?,
        );
    }
    if let Some(value) = environment("FAQ_KIOSK_NOW").filter(|v| !v.is_empty()) {
        let value = text(value)?;
        cli.now = Some(LocalTime::parse(&value).ok_or_else(|| {
            usage(format!(
                "FAQ_KIOSK_NOW: '{value}' is not a local time: write YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS"
            ))
        })?);
    }
    Ok(cli)
}

fn text(value: OsString) -> Result<String, Failure> {
    value
        .into_string()
        .map_err(|bad| usage(format!("{bad:?} is not valid UTF-8")))
}

/// The largest terminal side `render` lays out: a screen this big is already far beyond any
/// display, and a buffer of 65535 x 65535 cells would not fit in memory.
const MAX_RENDER_SIDE: u16 = 1000;

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{text}' is not a size: write COLUMNSxROWS, e.g. 80x24"))?;
    let number = |n: &str| {
        n.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| *n <= MAX_RENDER_SIDE)
            .ok_or_else(|| format!("'{n}' is not a number of cells from 0 to {MAX_RENDER_SIDE}"))
    };
    Ok((number(w)?, number(h)?))
}

fn parse_today(text: &str) -> Result<Date, String> {
    Date::parse_iso(text)
        .ok_or_else(|| format!("'{text}' is not a day: write YYYY-MM-DD, e.g. 2026-12-01"))
}

fn parse_date(text: &str) -> Result<String, String> {
    if crate::clock::is_iso_date(text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "'{text}' is not a date: write YYYY-MM-DD, e.g. 2026-11-01"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &str) -> Result<Cli, Stop> {
        parse(words.split_whitespace().map(OsString::from), |_| None)
    }

    #[test]
    fn no_arguments_run_the_kiosk_on_the_built_in_files() {
        let cli = parse_words("").unwrap();
        assert_eq!((cli.content, cli.config, cli.command), (None, None, None));
    }

    #[test]
    fn commands_and_their_options_are_read() {
        let cli = parse_words("render --size 100x30 --keys 2 --attract --config k.toml").unwrap();
        assert_eq!(cli.config, Some(PathBuf::from("k.toml")));
        assert_eq!(
            cli.command,
            Some(Command::Render {
                size: (100, 30),
                keys: vec![KeyLabel::Digit(2)],
                attract: true
            })
        );
        let cli = parse_words("stats --since 2026-11-01 --csv").unwrap();
        assert_eq!(
            cli.command,
            Some(Command::Stats {
                logs: Vec::new(),
                since: Some("2026-11-01".into()),
                format: StatsFormat::Csv
            })
        );
        let cli = parse_words("stats a.jsonl --log b.jsonl logs/ --json").unwrap();
        assert_eq!(
            cli.command,
            Some(Command::Stats {
                logs: ["a.jsonl", "b.jsonl", "logs/"].map(PathBuf::from).to_vec(),
                since: None,
                format: StatsFormat::Json
            })
        );
        assert_eq!(parse_words("check").unwrap().command, Some(Command::Check));
        let cli = parse_words("check --today 2026-12-01").unwrap();
        assert_eq!(cli.today, Date::new(2026, 12, 1));
        let cli = parse_words("render --today 2025-12-02").unwrap();
        assert_eq!(cli.today, Date::new(2025, 12, 2));
    }

    #[test]
    fn the_environment_can_start_the_kiosks_clock() {
        let env =
            |name: &str| (name == "FAQ_KIOSK_NOW").then(|| OsString::from("2026-12-01T17:29:50"));
        let cli = parse(Vec::<OsString>::new(), env).unwrap();
        assert_eq!(cli.now, LocalTime::parse("2026-12-01T17:29:50"));
        let bad = |name: &str| (name == "FAQ_KIOSK_NOW").then(|| OsString::from("17:29"));
        match parse(Vec::<OsString>::new(), bad) {
            Err(Stop::Usage(message)) => assert!(message.contains("FAQ_KIOSK_NOW"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_environment_can_set_today_for_the_kiosk_too() {
        let env = |name: &str| (name == "FAQ_KIOSK_TODAY").then(|| OsString::from("2025-12-02"));
        let cli = parse(Vec::<OsString>::new(), env).unwrap();
        assert_eq!(cli.today, Date::new(2025, 12, 2));
        let cli = parse(["check", "--today", "2026-01-01"].map(OsString::from), env).unwrap();
        assert_eq!(
            cli.today,
            Date::new(2026, 1, 1),
            "the command line comes first"
        );
        let bad = |name: &str| (name == "FAQ_KIOSK_TODAY").then(|| OsString::from("2026-02-30"));
        match parse(Vec::<OsString>::new(), bad) {
            Err(Stop::Usage(message)) => assert!(message.contains("FAQ_KIOSK_TODAY"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_environment_names_files_the_command_line_does_not() {
        let env = |name: &str| (name == "FAQ_KIOSK_CONTENT").then(|| OsString::from("e.toml"));
        let cli = parse(Vec::<OsString>::new(), env).unwrap();
        assert_eq!(cli.content, Some(PathBuf::from("e.toml")));
        let cli = parse(["--content", "c.toml"].map(OsString::from), env).unwrap();
        assert_eq!(cli.content, Some(PathBuf::from("c.toml")));
    }

    #[test]
    fn mistakes_say_what_is_wrong() {
        let wrong = |words| match parse_words(words) {
            Err(Stop::Usage(message)) => message,
            other => panic!("{words}: {other:?}"),
        };
        assert!(wrong("render --size 80").contains("COLUMNSxROWS"));
        assert!(wrong("render --size 65535x65535").contains("0 to 1000"));
        assert!(wrong("stats --since 2026/11/01").contains("YYYY-MM-DD"));
        assert!(wrong("stats --csv --json").contains("choose one"));
        assert!(wrong("check --today 2026-02-30").contains("not a day"));
        assert!(wrong("stats --today 2026-12-01").contains("--today"));
        assert!(wrong("frobnicate").contains("unknown command 'frobnicate'"));
        assert!(
            wrong("check --keys 1").contains("--keys"),
            "render's options belong to render"
        );
        assert!(wrong("--exit-key Enter").contains("'Enter' is not a key"));
        assert_eq!(parse_words("check --help"), Err(Stop::Help));
        assert_eq!(parse_words("-V"), Err(Stop::Version));
    }
}
