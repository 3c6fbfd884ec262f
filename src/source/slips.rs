//! The common slips of people who do not write TOML for a living, found where they are made.
//!
//! The toml crate reports where *it* got lost, in its own words: a full-width ＝ reads as "key
//! with no value", a line break inside "…" as a missing comma on the next line. Staff at a
//! nursing station type these files in a Japanese input method, which makes full-width ＝ ［ ］
//! ， and curly quotes easy to type by accident. [`find_slip`] scans the text as TOML's
//! grammar would (keys, values, strings, arrays, comments) and returns the first slip it
//! recognises, with its own position and, in plain Japanese, what to type instead.

use std::ops::Range;

/// A recognised slip: where it is, and what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// The byte offset of the slip in the text.
    pub offset: usize,
    /// What is wrong and what to type instead, in plain Japanese.
    pub message: String,
}

/// The table headers that must be written with double brackets (arrays of tables).
const ARRAY_TABLES: [&str; 5] = [
    "questions",
    "categories",
    "notices",
    "questions.links",
    "themes",
];

/// The first slip in `text` at or before the parse error at `error` (when the parser gave a
/// place), or `None` when nothing in the text is a slip this module knows.
///
/// `detail` is the parser's own message; schema errors (a string where a list belongs, a key
/// written twice) are recognised from it.
pub fn find_slip(text: &str, error: Option<Range<usize>>, detail: &str) -> Option<Slip> {
    let limit = error
        .clone()
        .map_or(text.len(), |span| line_end(text, span.end.min(text.len())));
    Scanner::new(text)
        .first_slip()
        .filter(|slip| slip.offset <= limit)
        .or_else(|| schema_slip(text, error, detail))
}

/// Slips that parse as TOML but do not fit the schema, recognised from the parser's message.
fn schema_slip(text: &str, error: Option<Range<usize>>, detail: &str) -> Option<Slip> {
    let span = error?;
    let value = text.get(span.clone())?;
    if detail.starts_with("invalid type: string") && detail.contains("expected a sequence") {
        let (start, end) = (line_start(text, span.start), line_end(text, span.end));
        let corrected = format!(
            "{}[{}]{}",
            &text[start..span.start],
            value,
            &text[span.end..end]
        );
        return Some(Slip {
            offset: span.start,
            message: format!(
                "ここは [ ] で囲んだ並びで書きます（答えなら段落ごとに \"…\" を並べます）。次のように直してください: {}",
                corrected.trim()
            ),
        });
    }
    if detail.contains("duplicate key") {
        let key = key_at(text, span.start)?;
        let first = earlier_key_line(text, span.start, &key);
        let where_first = first.map_or(String::new(), |line| format!("（{line}行目にもあります）"));
        return Some(Slip {
            offset: span.start,
            message: format!(
                "「{key}」が同じところに2回書かれています{where_first}。どちらか一方を消してください。新しい質問や分類なら、その前に [[questions]] や [[categories]] の行が要ります。"
            ),
        });
    }
    None
}

/// The key written at `offset` (the start of a line's key), if any.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let rest = &text[offset..];
    let end = rest.find(|c: char| !is_bare_key_char(c) && c != '.')?;
    (end > 0).then(|| rest[..end].to_string())
}

/// The line (from 1) where `key` was first set in the same table as `offset`.
fn earlier_key_line(text: &str, offset: usize, key: &str) -> Option<usize> {
    let before = &text[..line_start(text, offset)];
    let mut found = None;
    for (index, line) in before.lines().enumerate() {
        let line = line.trim_start();
        if line.starts_with('[') {
            found = None;
        } else if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            found = Some(index + 1);
        }
    }
    found
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, offset: usize) -> usize {
    text[offset..].find('\n').map_or(text.len(), |i| offset + i)
}

fn is_bare_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Characters that start a TOML value: strings, arrays, inline tables, numbers, booleans,
/// dates, inf and nan.
fn starts_value(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '[' | '{' | '+' | '-' | 't' | 'f' | 'i' | 'n'
    ) || c.is_ascii_digit()
}

/// A full-width (or typographic) character typed where TOML needs an ASCII one, and the one to
/// type instead.
fn full_width_stand_in(c: char) -> Option<&'static str> {
    Some(match c {
        '＝' => "=",
        '［' => "[",
        '］' => "]",
        '，' | '、' => ",",
        '“' | '”' | '„' | '＂' | '″' => "\"",
        '‘' | '’' | '＇' => "'",
        '：' => "=",
        '｛' => "{",
        '｝' => "}",
        _ => return None,
    })
}

/// A space TOML does not take as a space: the full-width space of a Japanese input method, or
/// a no-break space pasted from a web page or a word processor.
fn odd_space(c: char) -> Option<&'static str> {
    match c {
        '\u{3000}' => Some("全角スペース"),
        '\u{00A0}' => Some("ノーブレークスペース（貼り付けた文にある見えない空白）"),
        '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{FEFF}' => Some("特殊な空白"),
        _ => None,
    }
}

/// What the scanner expects next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The start of a line: a key, a table header, a comment or nothing.
    LineStart,
    /// After a key: `=`.
    Equals,
    /// After `=`, or inside an array after `[` or `,`: a value.
    Value,
    /// Inside an array after a value: `,` or `]`.
    CommaOrClose,
    /// After a whole `key = value`: only a comment or the end of the line.
    LineEnd,
}

/// One array being read: where its `[` is, and where its last value ended.
#[derive(Debug, Clone, Copy)]
struct Array {
    open: usize,
    last_value_end: usize,
}

struct Scanner<'a> {
    text: &'a str,
    at: usize,
    expect: Expect,
    arrays: Vec<Array>,
    /// Where the key of the current line starts, for corrected lines.
    key_start: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            expect: Expect::LineStart,
            arrays: Vec::new(),
            key_start: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn slip(&self, offset: usize, message: String) -> Option<Slip> {
        Some(Slip { offset, message })
    }

    fn first_slip(mut self) -> Option<Slip> {
        while let Some(c) = self.peek() {
            let here = self.at;
            if let Some(space) = odd_space(c) {
                return self.slip(
                    here,
                    format!(
                        "ここに{space}があります。TOML の区切りには半角スペースを使ってください。"
                    ),
                );
            }
            match c {
                ' ' | '\t' | '\r' => self.at += 1,
                '\n' => {
                    self.at += 1;
                    if self.arrays.is_empty() {
                        if self.expect == Expect::Equals {
                            return self.missing_equals(here);
                        }
                        if self.expect == Expect::Value {
                            return self.slip(
                                here,
                                "「=」の後ろに値がありません。文字なら \"…\" で囲んで書いてください。"
                                    .to_string(),
                            );
                        }
                        self.expect = Expect::LineStart;
                    }
                }
                '#' => self.skip_comment(),
                _ => {
                    if let Some(slip) = self.token(c, here) {
                        return Some(slip);
                    }
                }
            }
        }
        self.arrays
            .first()
            .and_then(|array| self.unclosed_array(*array))
    }

    fn skip_comment(&mut self) {
        self.at = line_end(self.text, self.at);
    }

    fn missing_equals(&self, at: usize) -> Option<Slip> {
        self.slip(
            at,
            "項目の名前の後ろに「=」と値がありません。例: title = \"…\"".to_string(),
        )
    }

    fn unclosed_array(&self, array: Array) -> Option<Slip> {
        self.slip(
            array.open,
            "この [ で始まる並びを閉じる「]」がありません。並びの最後の \"…\" の後ろに ] を書いてください。"
                .to_string(),
        )
    }

    /// Reads one token starting with `c` at `here`; a slip if it is one.
    fn token(&mut self, c: char, here: usize) -> Option<Slip> {
        if let Some(ascii) = full_width_stand_in(c) {
            let message = match c {
                '：' if self.expect == Expect::Equals => {
                    "「：」ではなく、半角の「=」で書いてください。例: title = \"…\"".to_string()
                }
                '“' | '”' | '„' | '″' | '‘' | '’' => format!(
                    "「{c}」は使えません（ワープロなどが変えた引用符です）。半角の「{ascii}」で囲んでください。"
                ),
                '、' => format!("並びの区切りの「、」は、半角の「{ascii}」にしてください。"),
                _ => format!("「{c}」は全角の文字です。半角の「{ascii}」にしてください。"),
            };
            return self.slip(here, message);
        }
        match self.expect {
            Expect::LineStart => self.line_start(c, here),
            Expect::Equals => match c {
                '.' => {
                    // A dotted key whose parts are quoted: `"a".b = 1`.
                    self.at += 1;
                    self.expect = Expect::LineStart;
                    None
                }
                '=' => {
                    self.at += 1;
                    self.expect = Expect::Value;
                    None
                }
                ':' => self.slip(
                    here,
                    "「:」ではなく「=」で書いてください。例: title = \"…\"".to_string(),
                ),
                _ => self.missing_equals(here),
            },
            Expect::Value => self.value(c, here),
            Expect::CommaOrClose => match c {
                ',' => {
                    self.at += 1;
                    self.expect = Expect::Value;
                    None
                }
                ']' => self.close_array(),
                _ if starts_value(c) || c.is_alphanumeric() => {
                    let end = self.arrays.last().map_or(here, |a| a.last_value_end);
                    if self.text[end..here].contains('\n')
                        && at_line_start_of_table(self.text, here)
                    {
                        let array = *self.arrays.first().expect("inside an array");
                        return self.unclosed_array(array);
                    }
                    self.slip(
                        end,
                        "並びの項目の間に「,」がありません。この \"…\" の後ろに半角の「,」を書いてください。"
                            .to_string(),
                    )
                }
                _ => {
                    self.at += c.len_utf8();
                    None
                }
            },
            Expect::LineEnd => {
                self.at += c.len_utf8();
                None
            }
        }
    }

    /// A key or a table header at the start of a line.
    fn line_start(&mut self, c: char, here: usize) -> Option<Slip> {
        if c == '[' {
            let end = line_end(self.text, here);
            let line = self.text[here..end].trim_end();
            let line = line.split('#').next().unwrap_or(line).trim_end();
            if !line.starts_with("[[")
                && let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
                && ARRAY_TABLES.contains(&name.trim())
            {
                return self.slip(
                    here,
                    format!(
                        "[{name}] は角かっこを二重にして [[{name}]] と書きます（いくつも並べられる項目です）。"
                    ),
                );
            }
            self.at = end;
            self.expect = Expect::LineStart;
            return None;
        }
        if c == '"' || c == '\'' {
            self.key_start = here;
            if let Some(slip) = self.skip_string(here, c) {
                return Some(slip);
            }
            self.expect = Expect::Equals;
            return None;
        }
        if is_bare_key_char(c) {
            self.key_start = here;
            let rest = &self.text[here..];
            let len = rest
                .find(|c: char| !is_bare_key_char(c) && c != '.')
                .unwrap_or(rest.len());
            self.at += len;
            self.expect = Expect::Equals;
            return None;
        }
        self.slip(
            here,
            format!("「{c}」で始まる行は読めません。項目は 名前 = 値 の形で書いてください。"),
        )
    }

    /// A value after `=` or inside an array.
    fn value(&mut self, c: char, here: usize) -> Option<Slip> {
        match c {
            '"' | '\'' => {
                if let Some(slip) = self.skip_string(here, c) {
                    return Some(slip);
                }
                self.after_value();
                None
            }
            '[' => {
                self.at += 1;
                self.arrays.push(Array {
                    open: here,
                    last_value_end: here + 1,
                });
                self.expect = Expect::Value;
                None
            }
            ']' if !self.arrays.is_empty() => self.close_array(),
            '{' => {
                // Inline tables are not used by the kiosk's files: skip to the matching brace.
                let end = self.text[here..]
                    .find('}')
                    .map_or(self.text.len(), |i| here + i + 1);
                self.at = end;
                self.after_value();
                None
            }
            '０'..='９' => self.slip(
                here,
                "数字が全角です。日付や数は半角の数字で書いてください（例: 2026-04-01）。"
                    .to_string(),
            ),
            _ if starts_value(c) => {
                let rest = &self.text[here..];
                let len = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '#'))
                    .unwrap_or(rest.len());
                let word = &rest[..len];
                if let Some(wide) = word.chars().find(|c| ('０'..='９').contains(c)) {
                    let offset = here + word.find(wide).unwrap_or(0);
                    return self.slip(
                        offset,
                        "数字が全角です。日付や数は半角の数字で書いてください（例: 2026-04-01）。"
                            .to_string(),
                    );
                }
                self.at += len;
                self.after_value();
                None
            }
            _ => {
                let end = line_end(self.text, here);
                let written = self.text[here..end].trim_end();
                let corrected = format!("{}\"{}\"", &self.text[self.key_start..here], written);
                self.slip(
                    here,
                    format!(
                        "文字は \"…\" で囲んで書きます。次のように直してください: {}",
                        corrected.trim()
                    ),
                )
            }
        }
    }

    fn after_value(&mut self) {
        match self.arrays.last_mut() {
            Some(array) => {
                array.last_value_end = self.at;
                self.expect = Expect::CommaOrClose;
            }
            None => self.expect = Expect::LineEnd,
        }
    }

    fn close_array(&mut self) -> Option<Slip> {
        self.at += 1;
        self.arrays.pop();
        self.after_value();
        None
    }

    /// Skips the string opening at `open` with `quote`; a slip if it runs into a line break
    /// (single-line strings) or the end of the text.
    fn skip_string(&mut self, open: usize, quote: char) -> Option<Slip> {
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        let multiline = self.text[open..].starts_with(&triple);
        let body_start = open + if multiline { 3 } else { 1 };
        let mut chars = self.text[body_start..].char_indices();
        while let Some((offset, c)) = chars.next() {
            let at = body_start + offset;
            if quote == '"' && c == '\\' {
                chars.next();
                continue;
            }
            if multiline {
                if self.text[at..].starts_with(&triple) {
                    self.at = at + 3;
                    return None;
                }
            } else if c == quote {
                self.at = at + 1;
                return None;
            } else if c == '\n' {
                return self.line_break_in_string(open, quote, at);
            }
        }
        self.at = self.text.len();
        self.slip(
            open,
            format!("この「{quote}」で始まる文字が、閉じられないままファイルが終わっています。文の終わりに「{quote}」を書いてください。"),
        )
    }

    fn line_break_in_string(&self, open: usize, quote: char, line_break: usize) -> Option<Slip> {
        let next_start = line_break + 1;
        let next_line = &self.text[next_start..line_end(self.text, next_start)];
        let continues = next_line.contains(quote) && !at_line_start_of_table(self.text, next_start);
        let message = if continues {
            format!(
                "この「{quote}」で始まる文字の途中で改行されています。1行につなげるか、改行を入れたいときは {q}{q}{q}…{q}{q}{q} のように引用符を3つずつで囲んでください。",
                q = quote
            )
        } else {
            format!(
                "この「{quote}」で始まる文字を閉じる「{quote}」が、行の終わりまでにありません。文の終わりに「{quote}」を書いてください。"
            )
        };
        self.slip(open, message)
    }
}

/// Whether `offset` starts a line that begins a new table or key (so an array left open above
/// it was never closed) rather than another value of the array.
fn at_line_start_of_table(text: &str, offset: usize) -> bool {
    let line = &text[line_start(text, offset)..line_end(text, offset)];
    let trimmed = line.trim_start();
    trimmed.starts_with('[')
        || trimmed.split_once('=').is_some_and(|(key, _)| {
            !key.trim().is_empty() && key.trim().chars().all(|c| is_bare_key_char(c) || c == '.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_toml_has_no_slip() {
        let text = include_str!("../../faq.toml");
        assert_eq!(Scanner::new(text).first_slip(), None);
        let text = include_str!("../../config/kiosk.toml");
        assert_eq!(Scanner::new(text).first_slip(), None);
        let text =
            "a = [\n  \"x\", # note\n  'y',\n]\nb = \"\"\"\n1\n2\"\"\"\nc = 2026-04-01\nd = true\n";
        assert_eq!(Scanner::new(text).first_slip(), None);
    }

    /// A minimal valid content file the slips are made in.
    const VALID: &str = r#"[meta]
title = "テスト"
edition = "令和7年5月版"

[[categories]]
id = "usage"
title = "使い方"
questions = ["q1", "q2"]

[[questions]]
id = "q1"
question = "質問ですか？"
answer = ["答えです。", "二つ目です。"]

[[questions]]
id = "q2"
question = "二つ目の質問ですか？"
answer = ["答えです。"]
"#;

    /// The message and position `check` gives for `text`.
    fn reported(text: &str) -> String {
        let source = crate::source::Source::new("faq.toml", text);
        let problems = crate::content::Content::from_source(&source).expect_err("a slip");
        problems.0[0].to_string()
    }

    #[test]
    fn common_slips_are_reported_where_they_are_made_with_what_to_type() {
        // (what the member of staff did, the file after the slip, where, what the message says)
        let table: [(&str, String, &str, &str); 18] = [
            (
                "full-width equals",
                VALID.replace("title = \"テスト\"", "title ＝ \"テスト\""),
                "2:7",
                "「＝」は全角の文字です。半角の「=」にしてください。",
            ),
            (
                "full-width brackets in a header",
                VALID.replace(
                    "[[questions]]\nid = \"q2\"",
                    "［［questions］］\nid = \"q2\"",
                ),
                "15:1",
                "半角の「[」",
            ),
            (
                "full-width brackets around a list",
                VALID.replace("answer = [\"答えです。\"]", "answer = ［\"答えです。\"］"),
                "18:10",
                "半角の「[」",
            ),
            (
                "full-width comma",
                VALID.replace("\"答えです。\", \"二つ目", "\"答えです。\"，\"二つ目"),
                "13:18",
                "「，」は全角の文字です。半角の「,」",
            ),
            (
                "Japanese comma between items",
                VALID.replace("\"答えです。\", \"二つ目", "\"答えです。\"、\"二つ目"),
                "13:18",
                "「、」は、半角の「,」",
            ),
            (
                "curly quotes",
                VALID.replace("title = \"テスト\"", "title = “テスト”"),
                "2:9",
                "「“」は使えません",
            ),
            (
                "full-width double quote",
                VALID.replace("title = \"テスト\"", "title = ＂テスト＂"),
                "2:9",
                "半角の「\"」",
            ),
            (
                "missing comma on one line",
                VALID.replace("\"答えです。\", \"二つ目", "\"答えです。\" \"二つ目"),
                "13:18",
                "「,」がありません",
            ),
            (
                "missing comma across lines",
                VALID.replace(
                    "[\"答えです。\", \"二つ目です。\"]",
                    "[\n  \"答えです。\"\n  \"二つ目です。\"\n]",
                ),
                "14:10",
                "「,」がありません",
            ),
            (
                "missing closing bracket",
                VALID.replace("\"二つ目です。\"]", "\"二つ目です。\""),
                "13:10",
                "閉じる「]」がありません",
            ),
            (
                "line break pasted inside a string",
                VALID.replace(
                    "\"答えです。\", \"二つ目",
                    "\"答えです。\n続きです。\", \"二つ目",
                ),
                "13:11",
                "\"\"\"…\"\"\"",
            ),
            (
                "quote never closed",
                VALID.replace("title = \"テスト\"", "title = \"テスト"),
                "2:9",
                "閉じる「\"」が、行の終わりまでにありません",
            ),
            (
                "a string where the answer's list belongs",
                VALID.replace("answer = [\"答えです。\"]", "answer = \"答えです。\""),
                "18:10",
                "answer = [\"答えです。\"]",
            ),
            (
                "full-width space",
                VALID.replace("title = \"テスト\"", "title\u{3000}= \"テスト\""),
                "2:6",
                "全角スペース",
            ),
            (
                "no-break space pasted from a web page",
                VALID.replace("title = \"テスト\"", "title\u{a0}= \"テスト\""),
                "2:6",
                "ノーブレークスペース",
            ),
            (
                "a key written twice",
                VALID.replace("id = \"q1\"\n", "id = \"q1\"\nid = \"q3\"\n"),
                "12:1",
                "「id」が同じところに2回書かれています（11行目にもあります）",
            ),
            (
                "single brackets for a repeated table",
                VALID.replace("[[questions]]\nid = \"q2\"", "[questions]\nid = \"q2\""),
                "15:1",
                "[[questions]] と書きます",
            ),
            (
                "text without quotes",
                VALID.replace("title = \"テスト\"", "title = テスト"),
                "2:9",
                "次のように直してください: title = \"テスト\"",
            ),
        ];
        for (slip, text, position, message) in table {
            let reported = reported(&text);
            assert!(
                reported.starts_with(&format!("faq.toml:{position}: エラー: ")),
                "{slip}: {reported}"
            );
            assert!(reported.contains(message), "{slip}: {reported}");
        }
    }

    #[test]
    fn more_slips_in_the_settings_and_dates() {
        let reported_config = |text: &str| {
            let source = crate::source::Source::new("kiosk.toml", text);
            crate::config::Config::from_source(&source)
                .expect_err("a slip")
                .0[0]
                .to_string()
        };
        let colon = reported_config("theme: \"default\"\n");
        assert!(
            colon.starts_with("kiosk.toml:1:6: エラー: 「:」ではなく「=」"),
            "{colon}"
        );
        let list = reported_config("speech_command = \"espeak-ng\"\n");
        assert!(list.contains("speech_command = [\"espeak-ng\"]"), "{list}");
        let no_value = reported_config("theme =\n");
        assert!(
            no_value.starts_with("kiosk.toml:1:8: エラー: 「=」の後ろに値がありません"),
            "{no_value}"
        );
        let wide_date = reported(&VALID.replace(
            "edition = \"令和7年5月版\"",
            "edition = \"令和7年5月版\"\nreview_by = ２０２６-０５-０１",
        ));
        assert!(
            wide_date.starts_with("faq.toml:4:13: エラー: 数字が全角です"),
            "{wide_date}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_panicking(
            text in "[a-z =\"'\\[\\],#\n\t{}.:０-９＝［］，、“”　\u{a0}あ-ん0-9-]{0,80}",
            start in 0usize..100,
            len in 0usize..20,
        ) {
            let start = (0..=start.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap();
            let end = (start..=(start + len).min(text.len())).find(|i| text.is_char_boundary(*i)).unwrap();
            let found = find_slip(&text, Some(start..end), "duplicate key");
            if let Some(slip) = found {
                proptest::prop_assert!(slip.offset <= text.len());
            }
            find_slip(&text, None, "invalid type: string \"x\", expected a sequence");
        }
    }
}
