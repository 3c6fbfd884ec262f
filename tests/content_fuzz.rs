//! Content fuzz: staff edit `faq.toml` and `kiosk.toml` by hand, so every broken file must give
//! problems that say where they are, and nothing in a file may crash the kiosk.
//!
//! The shipped files (and the small corpus in `tests/fixtures/fuzz/`) are mutated the ways hand
//! edits and bad copies go wrong: bits flipped (so also bytes that are not UTF-8), lines deleted
//! and duplicated, TOML fragments, quotes, control characters and huge strings inserted, the
//! file cut short. Every result either loads, with warnings that have a line and column, or
//! fails with errors that all have one, inside the file. The text engine is fed arbitrary
//! strings the same way.
//!
//! `FAQ_KIOSK_FUZZ_CASES` sets the number of mutated files per test (a few thousand by default,
//! for CI); set it to a million for a long run.

mod jlreq_oracle;

use faq_kiosk::config::Config;
use faq_kiosk::content::Content;
use faq_kiosk::source::{Diagnostics, Source};
use faq_kiosk::text::{
    AmbiguousWidth, HangingPunctuation, WrapOptions, display_width_with, pad_to_width, sanitize,
    truncate_to_width, wrap_japanese,
};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config as ProptestConfig;

const SHIPPED_CONTENT: &str = include_str!("../faq.toml");
const SHIPPED_CONFIG: &str = include_str!("../config/kiosk.toml");

/// Small hand-written files that reach parts of the loaders the shipped files do not.
const CONTENT_CORPUS: [&str; 2] = [
    include_str!("fixtures/fuzz/escapes.toml"),
    include_str!("fixtures/fuzz/inline.toml"),
];
const CONFIG_CORPUS: [&str; 1] = [include_str!("fixtures/fuzz/kiosk-keys.toml")];

fn cases() -> u32 {
    std::env::var("FAQ_KIOSK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000)
}

/// Pieces of TOML and text that hand edits leave behind.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    "\"", "'", "\"\"\"", "'''", "[", "]", "{", "}", "=", ",", "#", "\n", "\r\n", "\r", "\\",
    "\\u", "\\U0010FFFF", "\\x", "\t", " ", "\u{feff}", "\u{0}", "\u{7}", "\u{1b}[2J",
    "\u{1b}]0;title\u{7}", "\u{9b}", "\u{202e}", "\u{200b}", "\u{3000}", "、", "。", "※",
    "[meta]\n", "[[categories]]\n", "[[questions]]\n", "[keypad]\n", "[keypad.keys]\n",
    "[theme]\n", "[text]\n", "[meta.title]\n", "id = \"q1\"\n", "id = \"\"\n", "title = \"\"\n",
    "question = \"？\"\n", "answer = []\n", "answer = [\"\"]\n", "questions = [\"q99\"]\n",
    "questions = []\n", "all_questions = true\n", "all_questions = \"yes\"\n",
    "description = 1\n", "title = \"とても長い分類の題名です\"\n", "intro = '''\n",
    "idle_timeout_secs = -1\n", "idle_timeout_secs = 18446744073709551615\n",
    "idle_warning_secs = 3\n", "\"idle_warning_secs\" = 3\n", "'idle_warning_secs' = 3\n",
    "staff_sequence = \"F1\"\n", "\"staff_sequence\" = \"Esc\"\n", "staff_sequence = 1\n",
    "usage_log_max_kib = 1e9\n", "numlock_off = \"off\"\n", "\"q\" = \"home\"\n",
    "\"*\" = \"open-0\"\n", "accent = \"#12345\"\n", "ambiguous_width = \"auto\"\n",
    "hanging_punctuation = 1\n", "x.y.z = 1\n", "a = { b = [ { c = 1 } ] }\n",
    "1979-05-27T07:32:00Z", "inf", "nan", "0x1F", "1_000",
];

/// One way a file gets broken.
#[derive(Debug, Clone)]
enum Mutation {
    /// A bit of one byte flips.
    FlipBit(Index, u8),
    /// A line is deleted.
    DeleteLine(Index),
    /// A line is written twice.
    DuplicateLine(Index),
    /// Something is inserted.
    Insert(Index, Vec<u8>),
    /// The file ends early.
    Truncate(Index),
}

fn inserted() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => prop::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
        2 => any::<String>().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 1..8),
        // A huge string, as when a whole document is pasted into one value.
        1 => (1usize..200_000, prop::sample::select(&["あ", "a", "\"", "\\\\"][..]))
            .prop_map(|(n, unit)| unit.repeat(n).into_bytes()),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        3 => (any::<Index>(), inserted()).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// The byte offsets where lines start.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&start| start < bytes.len())
        .collect()
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        if let Mutation::Insert(_, inserted) = mutation {
            bytes.extend_from_slice(inserted);
        }
        return;
    }
    let starts = line_starts(bytes);
    let line = |at: &Index| {
        let start = starts[at.index(starts.len())];
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |n| start + n + 1);
        start..end
    };
    match mutation {
        Mutation::FlipBit(at, bit) => {
            let at = at.index(bytes.len());
            bytes[at] ^= 1 << bit;
        }
        Mutation::DeleteLine(at) => {
            let range = line(at);
            bytes.drain(range);
        }
        Mutation::DuplicateLine(at) => {
            let range = line(at);
            let copy = bytes[range.clone()].to_vec();
            bytes.splice(range.start..range.start, copy);
        }
        Mutation::Insert(at, inserted) => {
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mutation::Truncate(at) => bytes.truncate(at.index(bytes.len())),
    }
}

/// The bytes of a file, shown as text when a test fails.
#[derive(Clone)]
struct File(Vec<u8>);

impl std::fmt::Debug for File {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

/// A shipped or corpus file, broken by a few mutations.
fn mutated(files: &'static [&'static str]) -> impl Strategy<Value = File> {
    (
        prop::sample::select(files),
        prop::collection::vec(mutation(), 1..6),
    )
        .prop_map(|(file, mutations)| {
            let mut bytes = file.as_bytes().to_vec();
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            File(bytes)
        })
}

/// Every diagnostic has a location inside `text` (line and column from 1, at most one past
/// the end of a line), and a failure has at least one error.
fn check_located(text: &str, diagnostics: &Diagnostics, failed: bool) -> Result<(), TestCaseError> {
    prop_assert!(
        !failed || diagnostics.has_errors(),
        "a failure without an error"
    );
    let lines: Vec<&str> = text.split('\n').collect();
    for diagnostic in &diagnostics.0 {
        let Some(at) = &diagnostic.location else {
            return Err(TestCaseError::fail(format!("no location: {diagnostic}")));
        };
        prop_assert!(
            (1..=lines.len()).contains(&at.line),
            "line {} of {}: {diagnostic}",
            at.line,
            lines.len()
        );
        let columns = lines[at.line - 1].chars().count() + 1;
        prop_assert!(
            (1..=columns).contains(&at.column),
            "column {} of {columns}: {diagnostic}",
            at.column
        );
    }
    Ok(())
}

/// Reads `bytes` as a file named `name` is read, then parses it with `parse`, which returns
/// the warnings of a file that loads.
fn check_file(
    bytes: &[u8],
    parse: impl Fn(&Source) -> Result<Diagnostics, Diagnostics>,
) -> Result<(), TestCaseError> {
    let source = match Source::from_bytes("fuzz.toml", bytes) {
        Ok(source) => source,
        Err(problem) => {
            let text = String::from_utf8_lossy(bytes);
            return check_located(&text, &Diagnostics(vec![problem]), true);
        }
    };
    match parse(&source) {
        Ok(warnings) => check_located(&source.text, &warnings, false),
        Err(errors) => check_located(&source.text, &errors, true),
    }
}

fn parse_content(source: &Source) -> Result<Diagnostics, Diagnostics> {
    Content::check(source).map(|(_, warnings)| warnings)
}

fn parse_config(source: &Source) -> Result<Diagnostics, Diagnostics> {
    Config::from_source(source).map(|_| Diagnostics::default())
}

#[test]
fn the_shipped_files_and_the_corpus_load() {
    for file in std::iter::once(SHIPPED_CONTENT).chain(CONTENT_CORPUS) {
        let source = Source::new("faq.toml", file);
        assert!(Content::check(&source).is_ok(), "{file}");
    }
    for file in std::iter::once(SHIPPED_CONFIG).chain(CONFIG_CORPUS) {
        let source = Source::new("kiosk.toml", file);
        assert!(Config::from_source(&source).is_ok(), "{file}");
    }
}

/// Pieces that stress the text engine: controls, escapes, joiners, combining marks, wide and
/// ambiguous characters, kinsoku classes.
#[rustfmt::skip]
const TEXT_PIECES: &[&str] = &[
    "あ", "漢", "。", "、", "「", "」", "ー", "ッ", "※", "…", "—", " ", "  ", "\u{3000}", "a", "1",
    "-", "\u{1b}[31m", "\u{1b}]8;;x\u{7}", "\u{1b}", "\u{9b}", "\u{7f}", "\u{0}", "\t", "\u{85}",
    "\u{200d}", "\u{200b}", "\u{fe0f}", "\u{301}", "\u{3099}", "\u{e0061}", "\u{202e}", "ｶ", "ﾞ",
    "👨\u{200d}👩", "🇯", "🇵", "\u{10ffff}", "\u{fffd}", "\u{ad}", "\u{2028}", "\r", "\n",
];

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(TEXT_PIECES), 0..80).prop_map(|p| p.concat()),
    ]
}

fn any_ambiguous() -> impl Strategy<Value = AmbiguousWidth> {
    prop_oneof![Just(AmbiguousWidth::Narrow), Just(AmbiguousWidth::Wide)]
}

/// Newlines and the characters the wrapper treats as them: the line checker takes one
/// paragraph at a time.
fn one_paragraph(text: &str) -> String {
    text.replace(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'], "")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_content_file_loads_or_every_problem_has_a_line_and_column(
        file in mutated(&[SHIPPED_CONTENT, CONTENT_CORPUS[0], CONTENT_CORPUS[1]])
    ) {
        check_file(&file.0, parse_content)?;
    }

    #[test]
    fn a_mutated_settings_file_loads_or_every_problem_has_a_line_and_column(
        file in mutated(&[SHIPPED_CONFIG, CONFIG_CORPUS[0]])
    ) {
        check_file(&file.0, parse_config)?;
    }

    #[test]
    fn sanitized_text_of_any_string_holds_no_terminal_control(text in any_text()) {
        let clean = sanitize(&text).text;
        prop_assert!(
            !clean.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?} gave {clean:?}"
        );
    }

    #[test]
    fn any_sanitized_paragraph_wraps_by_every_rule(
        text in any_text(),
        width in 0usize..=120,
        ambiguous in any_ambiguous(),
        hang: bool,
    ) {
        let paragraph = one_paragraph(&sanitize(&text).text);
        let hanging = if hang { HangingPunctuation::Hang } else { HangingPunctuation::Inside };
        let options = WrapOptions::new(width).ambiguous(ambiguous).hanging_punctuation(hanging);
        let lines = wrap_japanese(&paragraph, options);
        if let Err(problem) = jlreq_oracle::check_lines(&paragraph, &lines, options) {
            prop_assert!(false, "{problem}\ninput {paragraph:?}\n{options:?}\nlines {lines:#?}");
        }
    }

    #[test]
    fn raw_text_of_any_kind_is_measured_wrapped_and_cut_without_panicking(
        text in any_text(),
        width in 0usize..=300,
        ambiguous in any_ambiguous(),
    ) {
        let lines = wrap_japanese(&text, WrapOptions::new(width).ambiguous(ambiguous));
        prop_assert!(lines.iter().all(|line| !line.contains('\n')));
        let cut = truncate_to_width(&text, width, ambiguous);
        prop_assert!(display_width_with(&cut, ambiguous) <= width);
        let padded = pad_to_width(&text, width, ambiguous);
        prop_assert_eq!(display_width_with(&padded, ambiguous), width);
    }
}
