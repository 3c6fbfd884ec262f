//! Command-line parsing and the commands: run the kiosk, `check` the files, `render` a screen.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use std::time::{Instant, SystemTime};

use crate::clock::local_date;
use crate::content::{EMBEDDED_CONTENT, EMBEDDED_CONTENT_NAME};
use crate::dates::Date;
use crate::source::Source;

use crate::app::{Action, State};
use crate::config::Config;
use crate::content::Content;
use crate::input::{KeyLabel, Keymap, parse_key_labels};
use crate::runtime::{self, ExitKey, Start};
use crate::source::Diagnostics;
use crate::ui::{ColourMode, Styles, buffer_text, render_to_buffer};
use crate::usage::{self, read_log, usage_log_path};

/// A keypad-driven kiosk answering questions about the My Number health insurance card.
///
/// マイナ保険証のよくある質問に、テンキーだけで答えるキオスク端末です。
#[derive(Debug, Parser)]
#[command(name = "faq-kiosk", version, about, long_about)]
pub struct Cli {
    /// The content file (questions and answers) [built-in faq.toml] / 質問と答えのファイル
    #[arg(long, global = true, env = "FAQ_KIOSK_CONTENT", value_name = "FILE")]
    pub content: Option<PathBuf>,

    /// The settings file [built-in config/kiosk.toml] / 設定ファイル
    #[arg(long, global = true, env = "FAQ_KIOSK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// For development only: this key (one character, Esc or F1-F12) ends the kiosk.
    /// Without it no key leaves the program. / 開発用: このキーで終了します
    #[arg(long, value_name = "KEY")]
    pub exit_key: Option<ExitKey>,

    /// What to do; without a command the kiosk runs. / コマンドなしで起動します
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands besides running the kiosk.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Checks the content and settings files and lists every problem.
    /// / ファイルを検査し、問題をすべて表示します
    Check,
    /// Prints the screen that some key presses lead to, as plain text.
    /// / キー操作のあとの画面を文字で表示します
    Render {
        /// Terminal size, COLUMNSxROWS / 画面の大きさ（桁x行）
        #[arg(long, default_value = "80x24", value_parser = parse_size)]
        size: (u16, u16),
        /// Key labels separated by spaces, e.g. "2 1 +", pressed from the home screen
        /// / 最初のメニューから押すキー（空白区切り）
        #[arg(long, default_value = "", value_parser = parse_keys)]
        keys: KeyPresses,
        /// Start on the attract screen the kiosk waits on between visitors
        /// / 待ち受け画面から始めます
        #[arg(long)]
        attract: bool,
    },
    /// Prints how often each question and category was opened, from the usage log.
    /// / 利用の記録から、質問ごと・分類ごとの表示回数などを表示します
    Stats {
        /// The usage log [from the settings] / 利用の記録のファイル
        #[arg(long, value_name = "FILE")]
        log: Option<PathBuf>,
        /// Count events on or after this date, YYYY-MM-DD / この日以降を数えます
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<String>,
        /// Print CSV instead of tables / 表の代わりに CSV で出力します
        #[arg(long)]
        csv: bool,
    },
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

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{text}' is not a size: write COLUMNSxROWS, e.g. 80x24"))?;
    let number = |n: &str| {
        n.trim()
            .parse::<u16>()
            .map_err(|_| format!("'{n}' is not a number of cells (0-65535)"))
    };
    Ok((number(w)?, number(h)?))
}

/// The key labels of `--keys`, in the order pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPresses(pub Vec<KeyLabel>);

fn parse_keys(text: &str) -> Result<KeyPresses, String> {
    parse_key_labels(text).map(KeyPresses)
}

/// The content and settings the kiosk runs with, and the problems met while loading them.
pub struct Loaded {
    /// The content to show.
    pub content: Content,
    /// The settings to use.
    pub config: Config,
    /// Problems in the given files; when there are any, built-in defaults stand in.
    pub problems: Diagnostics,
}

/// Loads the settings, then the content: the command line or environment first, then the
/// settings file's `content_path`, then the built-in defaults.
///
/// A broken file never stops the kiosk: its problems are returned and the built-in default
/// stands in for it, so a visitor always sees the official leaflet. With `today`, dates in the
/// content that have passed are warned about too (for `check`).
pub fn load(
    content_path: Option<&Path>,
    config_path: Option<&Path>,
    today: Option<Date>,
) -> Loaded {
    let mut problems = Vec::new();
    let embedded_config = || Config::embedded().expect("the built-in config/kiosk.toml is valid");
    let config = match config_path.map(Config::load) {
        None => embedded_config(),
        Some(Ok(config)) => config,
        Some(Err(found)) => {
            problems.extend(found.0);
            embedded_config()
        }
    };
    let embedded_content = || Content::embedded().expect("the built-in faq.toml is valid");
    let path = content_path.or(config.content_path.as_deref());
    let checked = match path {
        Some(path) => Content::load_checked(path, today),
        None => {
            let source = Source::new(EMBEDDED_CONTENT_NAME, EMBEDDED_CONTENT);
            Content::check_on(&source, today)
        }
    };
    let content = match checked {
        Ok((content, warnings)) => {
            problems.extend(warnings.0);
            content
        }
        Err(found) => {
            problems.extend(found.0);
            embedded_content()
        }
    };
    Loaded {
        content,
        config,
        problems: Diagnostics(problems),
    }
}

/// Runs the parsed command line; the exit code says whether it went well.
pub fn main(cli: Cli) -> ExitCode {
    // Only `check` is about the files' upkeep; the kiosk itself shows no date warnings.
    let today = matches!(cli.command, Some(Command::Check)).then(|| local_date(SystemTime::now()));
    let loaded = load(cli.content.as_deref(), cli.config.as_deref(), today);
    match cli.command {
        Some(Command::Check) => check(&loaded),
        Some(Command::Render {
            size,
            keys,
            attract,
        }) => render(&loaded, size, &keys.0, attract),
        Some(Command::Stats { log, since, csv }) => stats(&loaded, log, since.as_deref(), csv),
        None => run(loaded, cli.content, cli.config, cli.exit_key),
    }
}

fn check(loaded: &Loaded) -> ExitCode {
    if loaded.problems.has_errors() {
        eprint!("{}", loaded.problems);
        let errors = loaded
            .problems
            .0
            .iter()
            .filter(|d| d.severity == crate::source::Severity::Error)
            .count();
        eprintln!("エラーが {errors} 件見つかりました。直してから、もう一度 check してください。");
        return ExitCode::FAILURE;
    }
    print!("{}", loaded.problems);
    let content = &loaded.content;
    let verdict = match loaded.problems.0.len() {
        0 => "問題ありません".to_string(),
        notes => format!("エラーはありません（注意 {notes} 件）"),
    };
    println!(
        "{verdict}: 「{}」{}、分類 {}、質問 {}。",
        content.meta.title,
        content.meta.edition,
        content.categories.len(),
        content.questions.len()
    );
    ExitCode::SUCCESS
}

fn render(
    loaded: &Loaded,
    (width, height): (u16, u16),
    keys: &[KeyLabel],
    attract: bool,
) -> ExitCode {
    if loaded.problems.has_errors() {
        eprint!("{}", loaded.problems);
        return ExitCode::FAILURE;
    }
    let keymap: Keymap = loaded.config.keypad.keymap();
    // No terminal to measure: `auto` counts ambiguous characters narrow.
    let geometry = loaded.config.geometry(width, height, None);
    let now = Instant::now();
    let mut state = State::new(Arc::new(loaded.content.clone()), geometry, now);
    if !attract {
        state.update(Action::OtherKey, now);
    }
    for &key in keys {
        if let Some(action) = keymap.action(key) {
            state.update(action, now);
        }
    }
    print!(
        "{}",
        buffer_text(&render_to_buffer(
            &state,
            &Styles::for_theme(&loaded.config.themes[0], ColourMode::Sixteen)
        ))
    );
    ExitCode::SUCCESS
}

fn stats(loaded: &Loaded, log: Option<PathBuf>, since: Option<&str>, csv: bool) -> ExitCode {
    let Some(path) = log.or_else(|| usage_log_path(&loaded.config)) else {
        eprintln!(
            "利用の記録は設定で止められています（usage_log = \"\"）。--log でファイルを指定してください。"
        );
        return ExitCode::FAILURE;
    };
    match read_log(&path) {
        Ok((events, skipped)) => {
            let stats = usage::stats(&events, &loaded.content, since);
            print!("{}", if csv { stats.csv() } else { stats.table() });
            if skipped > 0 {
                eprintln!(
                    "読めない行を {skipped} 行とばしました（電源が切れたときの書きかけなど）。"
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("利用の記録を読めません: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(
    loaded: Loaded,
    content_path: Option<PathBuf>,
    config_path: Option<PathBuf>,
    exit_key: Option<ExitKey>,
) -> ExitCode {
    let problems = (!loaded.problems.0.is_empty()).then(|| loaded.problems.to_string());
    if let Some(problems) = &problems {
        eprint!("{problems}");
    }
    if loaded.problems.has_errors() {
        eprintln!("faq-kiosk: 問題のあるファイルの代わりに、組み込みの内容で起動します。");
    }
    let start = Start {
        content: loaded.content,
        config: loaded.config,
        config_path,
        content_path,
        problems,
        exit_key,
    };
    match runtime::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            runtime::report(format_args!("faq-kiosk: the terminal failed: {err}\n"));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_say_how_to_write_them() {
        assert_eq!(parse_size("80x24"), Ok((80, 24)));
        assert_eq!(parse_size("160X45"), Ok((160, 45)));
        assert!(parse_size("80").unwrap_err().contains("COLUMNSxROWS"));
        assert!(parse_size("80xa").is_err());
    }

    #[test]
    fn a_broken_content_file_falls_back_to_the_built_in_content_with_its_problems() {
        let path =
            std::env::temp_dir().join(format!("faq-kiosk-broken-{}.toml", std::process::id()));
        std::fs::write(&path, "[meta\n").unwrap();
        let loaded = load(Some(&path), None, None);
        std::fs::remove_file(&path).unwrap();
        assert!(loaded.problems.has_errors());
        assert_eq!(loaded.content, Content::embedded().unwrap());
    }

    #[test]
    fn the_cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
