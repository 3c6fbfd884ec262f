//! Where a piece of TOML text came from, and diagnostics that point into it.
//!
//! Staff at a nursing station read these messages, so each one leads with the place
//! (`faq.toml:12:5`), says in plain Japanese what to fix, and gives the technical detail after.

mod nesting;
mod slips;

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::files::{MAX_FILE_BYTES, read_limited};

/// A TOML document and the name it is reported under.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file name shown in messages: a path, or a name for the built-in default.
    pub name: String,
    /// The whole text of the document.
    pub text: String,
    /// Where each line starts, found the first time a location is asked for: a file with
    /// thousands of problems is then reported in linear time, not by counting from the top
    /// for each one.
    line_starts: OnceLock<Vec<usize>>,
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.text == other.text
    }
}

impl Eq for Source {}

impl Source {
    /// A document named `name` holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// Reads a document from disk without waiting on it (see [`crate::files`]); a failure
    /// (including a file that is not a regular one or is over [`MAX_FILE_BYTES`]) is a
    /// diagnostic naming the file.
    pub fn read(path: &Path) -> Result<Self, Diagnostic> {
        let name = path.display().to_string();
        match read_limited(path, MAX_FILE_BYTES) {
            Ok(bytes) => Self::from_bytes(name, &bytes),
            Err(err) => Err(Diagnostic::error(
                None,
                format!("{name}: {}", err.advice()),
                format!("cannot read '{name}': {err}"),
            )),
        }
    }

    /// A document named `name` from the bytes of a file: its text if it is UTF-8, else an error
    /// at the first byte that is not, since a file saved as Shift_JIS (as some Japanese editors
    /// still do) would otherwise be reported as unreadable, which sends staff to check the path.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, Diagnostic> {
        let name = name.into();
        let err = match std::str::from_utf8(bytes) {
            Ok(text) => return Ok(Self::new(name, text)),
            Err(err) => err,
        };
        let offset = err.valid_up_to();
        let before = String::from_utf8_lossy(&bytes[..offset]);
        let location = Self::new(name.clone(), before).location(offset);
        Err(Diagnostic::error(
            Some(location),
            "文字コードが UTF-8 ではありません（Shift_JIS などで保存されたようです）。UTF-8 で保存し直してください。",
            format!(
                "'{name}' is not UTF-8: byte 0x{:02X} at offset {offset}",
                bytes[offset]
            ),
        ))
    }

    /// The line and column (both from 1, the column counted in characters) of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        // The number of line starts at or before the offset is its line, counted from 1.
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        Location {
            file: self.name.clone(),
            line,
            column,
        }
    }

    /// The location of the start of a byte span.
    pub fn span_location(&self, span: &Range<usize>) -> Location {
        self.location(span.start)
    }

    /// Turns a TOML syntax or schema error into a diagnostic with a plain-Japanese explanation.
    ///
    /// A common slip (a full-width ＝, curly quotes, a missing comma, a line break inside
    /// "…", a string where a list belongs…) is reported where it was made, saying what to type
    /// instead, rather than where the parser got lost.
    pub fn toml_error(&self, err: &toml::de::Error) -> Diagnostic {
        let detail = err.message().trim().to_string();
        if let Some(slip) = slips::find_slip(&self.text, err.span(), &detail) {
            return Diagnostic::error(Some(self.location(slip.offset)), slip.message, detail);
        }
        let location = match err.span() {
            Some(span) => Some(self.span_location(&span)),
            // The parser names no place for keys nested too deep; the deepest line is it.
            None if is_too_deep(&detail) => Some(self.location(nesting::deepest_key(&self.text))),
            None => None,
        };
        Diagnostic::error(location, explain_toml_error(&detail), detail)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A plain-Japanese explanation of one of the toml crate's error messages.
fn explain_toml_error(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        let expected = rest
            .split_once("expected ")
            .map(|(_, list)| choices(list))
            .unwrap_or_default();
        let hint = if expected.is_empty() {
            String::new()
        } else {
            format!("ここで使える項目: {expected}。")
        };
        return format!("「{field}」という項目は使えません。綴りを確かめてください。{hint}");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return format!("必要な項目「{field}」がありません。書き足してください。");
    }
    if message.starts_with("invalid type") {
        return "値の種類がちがいます。文字は \"…\" で囲み、並びは [ ] で書きます。".to_string();
    }
    if message.starts_with("unknown variant") {
        let choices = message
            .split_once("expected ")
            .map(|(_, list)| choices(list))
            .unwrap_or_default();
        return format!("この値は使えません。使える値: {choices}。");
    }
    if is_too_deep(message) {
        return "入れ子が深すぎます。[ ] や { } の中にさらに [ ] や { } を重ねたり、a.b.c.… のように名前を点で長くつないだりするのは、ここまでにしてください。".to_string();
    }
    if let Some(rest) = message.strip_prefix("invalid date") {
        let last_day = rest
            .split_once("day between 01 and ")
            .map(|(_, day)| format!("この月は {day} 日までです。"))
            .unwrap_or_default();
        return format!(
            "日付が正しくありません。{last_day}日付は 2026-03-31 のように「年-月-日」で、暦にある日を書きます。"
        );
    }
    if message.starts_with("invalid time")
        || message.starts_with("invalid date-time")
        || message.starts_with("invalid datetime")
    {
        return "日付か時刻の書き方が正しくありません。日付は 2026-03-31、時刻は 09:30:00 のように書きます。".to_string();
    }
    if message.starts_with("too few unicode value digits") {
        return "\\u のあとには16進数を4桁、\\U のあとには8桁書きます（例: \\u3042 は「あ」）。文字そのものを書くこともできます。".to_string();
    }
    if message.contains("unicode hexadecimal value") {
        return "\\u や \\U のあとの番号が、文字を表していません（\\uD800～\\uDFFF や 10FFFF を超える番号は文字ではありません）。文字そのものを書いてください。".to_string();
    }
    if message.starts_with("missing escaped value") {
        return "\\ のあとに使えない文字があります。\\ のあとに書けるのは n（改行）、t（タブ）、\", \\ などだけです。\\ そのものは \\\\ と書きます。".to_string();
    }
    let unclosed = message.contains("expected `\"`") || message.contains("expected `'`");
    if !unclosed
        && (message.contains("invalid basic string") || message.contains("invalid literal string"))
    {
        return "文字列の中に、そのままでは書けない文字（制御文字など）があります。その文字を消してください。".to_string();
    }
    if message.starts_with("invalid value") {
        return "値が使える範囲の外です（マイナスの数や、大きすぎる数など）。".to_string();
    }
    if message.contains("duplicate key") {
        return "同じ項目が2回書かれています。どちらか一方を消してください。".to_string();
    }
    "書き方（TOMLの文法）に誤りがあります。引用符 \" や括弧 [ ] の閉じ忘れ、= の書き忘れがないか確かめてください。".to_string()
}

/// Whether the parser gave up on a document nested too deep ("recursion limit" for dotted keys,
/// "max recursion depth met" for arrays and inline tables).
fn is_too_deep(message: &str) -> bool {
    message.contains("recursion limit") || message.contains("max recursion depth")
}

/// serde's list of choices ("one of `a`, `b`" or "`a` or `b`") in our quoting, in Japanese.
fn choices(list: &str) -> String {
    list.trim_start_matches("one of ")
        .replace(", or ", "、")
        .replace(" or ", "、")
        .replace(", ", "、")
        .replace('`', "'")
}

/// A place in a document: file, line and column, shown as `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The document's name.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The document cannot be used as it is.
    Error,
    /// The document works, but something in it deserves a look.
    Warning,
}

/// One problem found in a document: where, what to do (Japanese), and the technical detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether the document can still be used.
    pub severity: Severity,
    /// Where the problem is, when it is at one place.
    pub location: Option<Location>,
    /// What is wrong and how to fix it, in plain Japanese for staff.
    pub message: String,
    /// The technical detail, in English.
    pub detail: String,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(
        location: Option<Location>,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            location,
            message: message.into(),
            detail: detail.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(
        location: Option<Location>,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(location, message, detail)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "エラー",
            Severity::Warning => "注意",
        };
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{label}: {}\n    ({})", self.message, self.detail)
    }
}

/// Every diagnostic found in one or more documents, printed one after another.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether any of them is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters_from_one() {
        let source = Source::new("faq.toml", "a = 1\nタイトル = 2\n");
        let offset = source.text.find('=').unwrap();
        assert_eq!(source.location(offset).to_string(), "faq.toml:1:3");
        let offset = source.text.rfind('=').unwrap();
        assert_eq!(source.location(offset).to_string(), "faq.toml:2:6");
    }

    #[test]
    fn locations_at_line_ends_and_starts_are_on_the_right_line() {
        let source = Source::new("faq.toml", "ab\n\nc\n");
        let at = |offset| source.location(offset).to_string();
        assert_eq!(at(2), "faq.toml:1:3", "the newline ends line 1");
        assert_eq!(at(3), "faq.toml:2:1", "an empty line");
        assert_eq!(at(4), "faq.toml:3:1");
        assert_eq!(at(6), "faq.toml:4:1", "past the last newline");
    }

    #[test]
    fn a_fifo_is_refused_with_a_message_naming_it() {
        let path =
            std::env::temp_dir().join(format!("faq-kiosk-source-fifo-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path for the duration of the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let err = Source::read(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(
            err.message.starts_with(path.to_str().unwrap()),
            "{}",
            err.message
        );
        assert!(err.message.contains("FIFO"), "{}", err.message);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_do_not_panic() {
        let source = Source::new("x", "あ");
        assert_eq!(source.location(1).column, 1);
        assert_eq!(source.location(99).column, 2);
    }

    #[test]
    fn a_file_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
        // 「あ」 in Shift_JIS after a line of ASCII.
        let err = Source::from_bytes("faq.toml", b"[meta]\ntitle = \"\x82\xa0\"\n").unwrap_err();
        assert_eq!(err.location.unwrap().to_string(), "faq.toml:2:10");
        assert!(err.message.contains("UTF-8"), "{}", err.message);
        assert!(err.detail.contains("0x82"), "{}", err.detail);
    }

    #[test]
    fn unknown_fields_are_explained_in_japanese() {
        let text = explain_toml_error("unknown field `titel`, expected `title` or `edition`");
        assert!(text.contains("「titel」という項目は使えません"), "{text}");
        assert!(text.contains("'title'、'edition'"), "{text}");
    }

    #[test]
    fn keys_nested_too_deep_are_placed_at_their_line_and_explained() {
        let text = format!("a = 1\n\n{}b = 1\n", "x.".repeat(200));
        let source = Source::new("faq.toml", text.as_str());
        let err = toml::from_str::<toml::Table>(&source.text).unwrap_err();
        assert_eq!(err.span(), None, "the parser still names no place");
        let d = source.toml_error(&err);
        assert_eq!(d.location.unwrap().to_string(), "faq.toml:3:1");
        assert!(d.message.starts_with("入れ子が深すぎます"), "{}", d.message);
    }

    #[test]
    fn dates_and_escapes_are_explained_as_what_they_are() {
        for (text, explained) in [
            ("d = 2026-02-30\n", "この月は 28 日までです"),
            ("d = 2028-02-30\n", "この月は 29 日までです"),
            ("s = \"\\uD800\"\n", "文字を表していません"),
            ("s = \"\\U0011FFFF\"\n", "文字を表していません"),
        ] {
            let source = Source::new("x.toml", text);
            let err = toml::from_str::<toml::Table>(text).unwrap_err();
            let d = source.toml_error(&err);
            assert!(d.message.contains(explained), "{text}: {}", d.message);
            assert_eq!(d.location.unwrap().line, 1);
        }
    }

    #[test]
    fn display_leads_with_the_location_and_ends_with_the_detail() {
        let source = Source::new("faq.toml", "x\n");
        let d = Diagnostic::error(Some(source.location(0)), "直してください。", "bad");
        assert_eq!(
            d.to_string(),
            "faq.toml:1:1: エラー: 直してください。\n    (bad)"
        );
    }
}
