//! Command-line parsing and the commands: run the kiosk, `check` the files, `render` a
//! screen, print `stats`.

mod args;

pub use args::{Cli, Command, HELP, StatsFormat, Stop, parse};

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::clock::local_date;
use crate::content::{EMBEDDED_CONTENT, EMBEDDED_CONTENT_NAME};
use crate::dates::Date;
use crate::hours::LocalTime;
use crate::source::Source;

use crate::app::{Action, Screen, State};
use crate::config::Config;
use crate::content::Content;
use crate::keys::{KeyLabel, Keymap};
use crate::layout::Geometry;
use crate::runtime::diagnostics::{self, Priority};
use crate::runtime::{self, Start};
use crate::source::Diagnostics;
use crate::ui::{ColourMode, Styles, buffer_text, render_to_buffer};
use crate::usage::{self, read_logs, usage_log_path, usage_log_target};

/// The content and settings the kiosk runs with, and the problems met while loading them.
pub struct Loaded {
    /// The content to show.
    pub content: Content,
    /// The settings to use.
    pub config: Config,
    /// Problems in the given files.
    pub problems: Diagnostics,
    /// Whether a built-in default stands in for a file with errors.
    pub fell_back: bool,
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
    let mut fell_back = false;
    let config = Config::read(config_path).unwrap_or_else(|found| {
        problems.extend(found.0);
        fell_back = true;
        Config::read(None).expect("the built-in config/kiosk.toml is valid")
    });
    let embedded_content = || Content::embedded().expect("the built-in faq.toml is valid");
    let path = config.content_file(content_path);
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
            fell_back = true;
            embedded_content()
        }
    };
    let content_path = path.map(Path::to_path_buf);
    let mut config = config;
    if let Err(problem) = usage_log_target(&config, config_path, content_path.as_deref()) {
        problems.push(problem);
        // The kiosk runs on without a log rather than write where it would hurt.
        config.usage_log = Some(PathBuf::new());
    }
    Loaded {
        content,
        config,
        problems: Diagnostics(problems),
        fell_back,
    }
}

/// Reads the process's command line and environment and runs what they ask for.
pub fn run_from_environment() -> ExitCode {
    match parse(std::env::args_os().skip(1), |name| std::env::var_os(name)) {
        Ok(cli) => main(cli),
        Err(Stop::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Err(Stop::Version) => {
            println!("faq-kiosk {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Err(Stop::Usage(message)) => {
            runtime::report(format_args!(
                "faq-kiosk: {message}\n(faq-kiosk --help で使い方を表示します / see --help)\n"
            ));
            ExitCode::from(2)
        }
    }
}

/// Runs the parsed command line; the exit code says whether it went well.
pub fn main(cli: Cli) -> ExitCode {
    let today = cli.today.unwrap_or_else(|| local_date(SystemTime::now()));
    // Only `check` warns staff about the files' dates; visitors see notices on answers.
    let checked_on = matches!(cli.command, Some(Command::Check)).then_some(today);
    let loaded = load(cli.content.as_deref(), cli.config.as_deref(), checked_on);
    match cli.command {
        Some(Command::Check) => check(&loaded),
        Some(Command::Render {
            size,
            keys,
            attract,
        }) => render(&loaded, size, &keys, attract, (today, cli.now)),
        Some(Command::Stats {
            logs,
            since,
            format,
        }) => stats(&loaded, logs, since.as_deref(), format),
        None => run(loaded, &cli),
    }
}

fn check(loaded: &Loaded) -> ExitCode {
    if loaded.problems.has_errors() {
        runtime::report(format_args!("{}", loaded.problems));
        let errors = loaded
            .problems
            .0
            .iter()
            .filter(|d| d.severity == crate::source::Severity::Error)
            .count();
        runtime::report(format_args!(
            "エラーが {errors} 件見つかりました。直してから、もう一度 check してください。\n"
        ));
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
    (today, local): (Date, Option<LocalTime>),
) -> ExitCode {
    if loaded.problems.has_errors() {
        runtime::report(format_args!("{}", loaded.problems));
        return ExitCode::FAILURE;
    }
    let keymap: Keymap = loaded.config.keypad.keymap();
    // No terminal to measure: `auto` counts ambiguous characters narrow.
    let geometry = Geometry::new(width, height);
    let now = Instant::now();
    let mut state = State::new(Arc::new(loaded.content.clone()), geometry, now);
    state.update(loaded.config.state_settings(None), now);
    state.update(Action::DateChanged(today), now);
    // Only a time given (FAQ_KIOSK_NOW) is kept to, so that a render is the same at any hour.
    if let Some(local) = local {
        state.update(Action::LocalTime(local), now);
    }
    if !attract {
        state.update(Action::OtherKey, now);
        // After hours the first key only wakes the attract screen: the next one starts.
        if state.screen() == Screen::Attract {
            state.update(Action::OtherKey, now);
        }
    }
    for &key in keys {
        if let Some(intent) = keymap.intent(key) {
            state.update(Action::Key(intent), now);
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

fn stats(
    loaded: &Loaded,
    logs: Vec<PathBuf>,
    since: Option<&str>,
    format: StatsFormat,
) -> ExitCode {
    let logs = if logs.is_empty() {
        let Some(path) = usage_log_path(&loaded.config) else {
            // A usage log refused while loading is turned off; say why rather than blame the
            // setting.
            if loaded.problems.has_errors() {
                runtime::report(format_args!("{}", loaded.problems));
            } else {
                runtime::report(format_args!(
                    "利用の記録は設定で止められています（usage_log = \"\"）。"
                ));
            }
            runtime::report(format_args!("--log でファイルを指定してください。\n"));
            return ExitCode::FAILURE;
        };
        vec![path]
    } else {
        logs
    };
    match read_logs(&logs) {
        Ok((events, skipped)) => {
            let report = usage::report(&events, &loaded.content, since);
            print!(
                "{}",
                match format {
                    StatsFormat::Table => report.table(),
                    StatsFormat::Csv => report.csv(),
                    StatsFormat::Json => report.json(),
                }
            );
            if skipped > 0 {
                runtime::report(format_args!(
                    "読めない行を {skipped} 行とばしました（電源が切れたときの書きかけなど）。\n"
                ));
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            runtime::report(format_args!("利用の記録を読めません: {err}\n"));
            ExitCode::FAILURE
        }
    }
}

fn run(loaded: Loaded, cli: &Cli) -> ExitCode {
    let problems = (!loaded.problems.0.is_empty()).then(|| loaded.problems.to_string());
    // The terminal is about to become the visitor's screen, so the files' problems go where
    // every problem of the running kiosk goes.
    diagnostics::open();
    if let Some(problems) = &problems {
        let fallback = if loaded.fell_back {
            "\n問題のあるファイルの代わりに、組み込みの内容で起動します。"
        } else {
            ""
        };
        diagnostics::report(
            Priority::Warning,
            &format!("{}{fallback}", problems.trim_end()),
        );
    }
    let start = Start {
        content: loaded.content,
        config: loaded.config,
        config_path: cli.config.clone(),
        content_path: cli.content.clone(),
        problems,
        exit_key: cli.exit_key,
        today: cli.today,
        now: cli.now,
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
    fn a_broken_content_file_falls_back_to_the_built_in_content_with_its_problems() {
        let path =
            std::env::temp_dir().join(format!("faq-kiosk-broken-{}.toml", std::process::id()));
        std::fs::write(&path, "[meta\n").unwrap();
        let loaded = load(Some(&path), None, None);
        std::fs::remove_file(&path).unwrap();
        assert!(loaded.problems.has_errors());
        assert_eq!(loaded.content, Content::embedded().unwrap());
    }
}
