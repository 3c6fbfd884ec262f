//! Checks raw content and resolves it into [`Content`], collecting every problem at once.
//!
//! Staff fix a file faster when they see all its problems in one go, so validation never stops
//! at the first error.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::raw::{RawCategory, RawContent, RawLink, RawNotice, RawQuestion};
use super::{Category, Content, Link, MAX_NOTICE_WIDTH, Meta, Notice, Question};
use crate::big_text::{BigFont, missing_glyphs};
use crate::dates::{Date, past_deadlines};
use crate::qr::QrCode;
use crate::source::{Diagnostic, Diagnostics, Source};
use crate::text::{display_width, sanitize};

/// The widest a category title may be, in terminal columns: 8 full-width characters, so that
/// it can be drawn in large glyphs.
pub const MAX_CATEGORY_TITLE_WIDTH: usize = 16;

/// Collects diagnostics that point into one source.
struct Checker<'a> {
    source: &'a Source,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error<T>(&mut self, at: &Spanned<T>, message: String, detail: String) {
        let location = Some(self.source.span_location(&at.span()));
        self.problems
            .push(Diagnostic::error(location, message, detail));
    }

    fn warning<T>(&mut self, at: &Spanned<T>, message: String, detail: String) {
        let location = Some(self.source.span_location(&at.span()));
        self.problems
            .push(Diagnostic::warning(location, message, detail));
    }

    /// The text of a value made safe for the terminal; anything taken out is a warning at its
    /// place, since the file itself should be cleaned.
    fn safe_text(&mut self, value: &Spanned<String>) -> String {
        let clean = sanitize(value.get_ref());
        for removed in &clean.removed {
            let location = self
                .source
                .location(self.char_offset(value, removed.offset));
            let codes: Vec<String> = value.get_ref()
                [removed.offset..removed.offset + removed.byte_len]
                .chars()
                .map(|c| format!("U+{:04X}", u32::from(c)))
                .collect();
            self.problems.push(Diagnostic::warning(
                Some(location),
                format!(
                    "画面を乱すおそれのある見えない文字（{}）を取り除いて表示します。ファイルからも消してください。",
                    removed.kind.name_ja()
                ),
                format!("removed {}: {}", removed.kind.description(), codes.join(" ")),
            ));
        }
        clean.text
    }

    /// The place in the source of byte `offset` of a string value: exact for strings written
    /// without escapes, the opening quote otherwise (an escape makes the two lengths differ).
    fn char_offset(&self, value: &Spanned<String>, offset: usize) -> usize {
        let span = value.span();
        let token = self.source.text.get(span.clone()).unwrap_or_default();
        let quote = if token.starts_with("\"\"\"") || token.starts_with("'''") {
            3
        } else {
            1
        };
        let body = token.get(quote..).unwrap_or_default();
        let multiline_start = usize::from(quote == 3 && body.starts_with('\n'));
        if token.starts_with('"') && body.contains('\\') {
            span.start
        } else {
            span.start + quote + multiline_start + offset
        }
    }

    /// Warns about each character of a title that the large-glyph fonts lack: it will be drawn
    /// at normal size among the large ones.
    fn big_glyphs(&mut self, title: &Spanned<String>) {
        let mut missing: Vec<(usize, char)> = [BigFont::B16, BigFont::B12]
            .into_iter()
            .flat_map(|font| missing_glyphs(title.get_ref(), font))
            .filter(|(_, c)| !c.is_whitespace())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        for (offset, c) in missing {
            let location = self.source.location(self.char_offset(title, offset));
            self.problems.push(Diagnostic::warning(
                Some(location),
                format!(
                    "題の「{c}」は大きな文字の字形がないため、その文字だけ普通の大きさで表示されます。"
                ),
                format!("U+{:04X} is not in the efont b16/b12 bitmap fonts", u32::from(c)),
            ));
        }
    }

    /// Warns about each deadline-like date in `text` before `today`.
    fn stale_dates(&mut self, text: &Spanned<String>, today: Date) {
        for found in past_deadlines(text.get_ref(), today) {
            let written = &text.get_ref()[found.range.clone()];
            let location = self
                .source
                .location(self.char_offset(text, found.range.start));
            self.problems.push(Diagnostic::warning(
                Some(location),
                format!(
                    "期限の日付「{written}」（{}）は過ぎています。内容が今も正しいか確かめてください。",
                    found.date
                ),
                format!("deadline {} is before today, {today}", found.date),
            ));
        }
    }

    /// The `review_by` day, which must be a date alone; a warning once it has passed.
    fn review_date(
        &mut self,
        value: &Spanned<toml::value::Datetime>,
        today: Option<Date>,
    ) -> Option<Date> {
        let date = self.plain_date(value, "review_by")?;
        if today.is_some_and(|today| date < today) {
            let location = Some(self.source.span_location(&value.span()));
            self.problems.push(Diagnostic::warning(
                location,
                format!("見直しの日（{date}）を過ぎています。内容を確かめて、次の見直しの日を書いてください。"),
                format!("review_by {date} has passed"),
            ));
        }
        Some(date)
    }

    /// A value that must be a date alone (no time, no offset), written as `key = 2026-04-01`.
    fn plain_date(&mut self, value: &Spanned<toml::value::Datetime>, key: &str) -> Option<Date> {
        let datetime = value.get_ref();
        let date = datetime
            .date
            .filter(|_| datetime.time.is_none() && datetime.offset.is_none())
            .and_then(|d| Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)));
        if date.is_none() {
            self.error(
                value,
                format!("{key} は日付だけで書いてください（例: {key} = 2026-04-01）。"),
                format!("{key} must be a local date, not '{datetime}'"),
            );
        }
        date
    }

    /// A staff notice: its text on one line, its dates in order; with `today`, a warning once
    /// it is over, since it will never show again.
    fn notice(&mut self, entry: &Spanned<RawNotice>, today: Option<Date>) -> Notice {
        let raw = entry.get_ref();
        let text = self.required_text(&raw.text, "お知らせの文（text）", "notices.text");
        if text.contains('\n') {
            self.error(
                &raw.text,
                "お知らせは1行で書いてください（改行は使えません）。".to_string(),
                "a notice is one line".to_string(),
            );
        } else if display_width(&text) > MAX_NOTICE_WIDTH {
            self.warning(
                &raw.text,
                format!(
                    "お知らせが長すぎます（{} 桁）。80桁の画面では最後が切れるので、{MAX_NOTICE_WIDTH} 桁（全角 {} 文字）までにしてください。",
                    display_width(&text),
                    MAX_NOTICE_WIDTH / 2
                ),
                format!(
                    "notice is {} columns, more than the {MAX_NOTICE_WIDTH} an 80x24 screen shows",
                    display_width(&text)
                ),
            );
        }
        let from = raw.from.as_ref().and_then(|d| self.plain_date(d, "from"));
        let until = raw.until.as_ref().and_then(|d| self.plain_date(d, "until"));
        if let (Some(from), Some(until), Some(at)) = (from, until, raw.until.as_ref())
            && until < from
        {
            self.error(
                at,
                format!("お知らせの終わりの日（until = {until}）が始まりの日（from = {from}）より前です。一度も表示されません。"),
                format!("until {until} is before from {from}"),
            );
        } else if let (Some(until), Some(today), Some(at)) = (until, today, raw.until.as_ref())
            && until < today
        {
            self.warning(
                at,
                format!("このお知らせは {until} で終わっています。もう表示されないので、消してください。"),
                format!("notice ended on {until}, before today, {today}"),
            );
        }
        Notice {
            text,
            from,
            until,
            place: raw.show_on,
        }
    }

    /// The safe, trimmed text of an optional field; empty when it is absent.
    fn optional_text(&mut self, value: Option<&Spanned<String>>) -> String {
        value
            .map(|v| self.safe_text(v).trim().to_string())
            .unwrap_or_default()
    }

    /// The safe, trimmed text of a required field, or an error if it is blank.
    fn required_text(&mut self, value: &Spanned<String>, what: &str, key: &str) -> String {
        let text = self.safe_text(value);
        let text = text.trim();
        if text.is_empty() {
            self.error(
                value,
                format!("{what}が空です。文字を入れてください。"),
                format!("'{key}' must not be empty"),
            );
        }
        text.to_string()
    }
}

/// Validates `raw` (read from `source`) into content and its warnings, or every problem found.
pub(super) fn validate(
    raw: RawContent,
    source: &Source,
    today: Option<Date>,
) -> Result<(Content, Diagnostics), Diagnostics> {
    let mut checker = Checker {
        source,
        problems: Vec::new(),
    };
    let meta = Meta {
        title: {
            let title = checker.required_text(&raw.meta.title, "タイトル（title）", "meta.title");
            checker.big_glyphs(&raw.meta.title);
            title
        },
        edition: checker.required_text(&raw.meta.edition, "版（edition）", "meta.edition"),
        intro: checker.optional_text(raw.meta.intro.as_ref()),
        source: checker.optional_text(raw.meta.source.as_ref()),
        review_by: raw
            .meta
            .review_by
            .as_ref()
            .and_then(|d| checker.review_date(d, today)),
    };
    if raw.questions.is_empty() {
        checker.problems.push(Diagnostic::error(
            Some(source.location(0)),
            "質問が1つもありません。[[questions]] を書き足してください。",
            "at least one [[questions]] entry is required",
        ));
    }
    if raw.categories.is_empty() {
        checker.problems.push(Diagnostic::error(
            Some(source.location(0)),
            "分類が1つもありません。[[categories]] を書き足してください。",
            "at least one [[categories]] entry is required",
        ));
    }
    let questions: Vec<Question> = raw
        .questions
        .iter()
        .map(|q| check_question(&mut checker, q))
        .collect();
    let question_index = unique_ids(
        &mut checker,
        raw.questions.iter().map(|q| &q.get_ref().id),
        "質問",
    );
    unique_ids(
        &mut checker,
        raw.categories.iter().map(|c| &c.get_ref().id),
        "分類",
    );
    let categories: Vec<Category> = raw
        .categories
        .iter()
        .map(|c| check_category(&mut checker, c, &question_index, questions.len()))
        .collect();
    check_every_question_is_listed(&mut checker, &raw, &question_index);
    let notices: Vec<Notice> = raw
        .notices
        .iter()
        .map(|notice| checker.notice(notice, today))
        .collect();
    if let Some(today) = today {
        for question in &raw.questions {
            let question = question.get_ref();
            for text in std::iter::once(&question.question).chain(question.answer.get_ref()) {
                checker.stale_dates(text, today);
            }
        }
    }
    let problems = Diagnostics(checker.problems);
    if problems.has_errors() {
        Err(problems)
    } else {
        let content = Content {
            meta,
            categories,
            questions,
            notices,
        };
        Ok((content, problems))
    }
}

fn check_question(checker: &mut Checker, entry: &Spanned<RawQuestion>) -> Question {
    let raw = entry.get_ref();
    let id = checker.required_text(&raw.id, "質問のID（id）", "questions.id");
    let question =
        checker.required_text(&raw.question, "質問の文（question）", "questions.question");
    if raw.answer.get_ref().is_empty() {
        checker.error(
            &raw.answer,
            format!("質問「{id}」の答え（answer）が空です。段落を1つ以上書いてください。"),
            format!("question '{id}': 'answer' needs at least one paragraph"),
        );
    }
    let answer: Vec<String> = raw
        .answer
        .get_ref()
        .iter()
        .map(|paragraph| {
            checker.required_text(
                paragraph,
                &format!("質問「{id}」の答えの段落"),
                "questions.answer[]",
            )
        })
        .collect();
    let links = raw
        .links
        .iter()
        .map(|link| check_link(checker, &id, link))
        .collect();
    let reading = check_readings(checker, &id, &question, &answer, raw.reading.as_ref());
    Question {
        id,
        question,
        answer,
        links,
        reading,
    }
}

/// A reading is for a word the question or its answer contains, and is written in kana (what
/// a voice cannot misread); anything else is an error at its place.
fn check_readings(
    checker: &mut Checker,
    id: &str,
    question: &str,
    answer: &[String],
    table: Option<&Spanned<std::collections::BTreeMap<String, Spanned<String>>>>,
) -> Vec<(String, String)> {
    let Some(table) = table else {
        return Vec::new();
    };
    let mut readings = Vec::new();
    for (word, reading) in table.get_ref() {
        let used =
            question.contains(word.as_str()) || answer.iter().any(|p| p.contains(word.as_str()));
        if word.is_empty() || !used {
            checker.error(
                reading,
                format!("質問「{id}」の読み（reading）の「{word}」は、質問にも答えにもありません。"),
                format!("question '{id}': reading for '{word}', which neither the question nor the answer contains"),
            );
            continue;
        }
        let text = reading.get_ref();
        let kana =
            |c: char| matches!(c, 'ぁ'..='ゖ' | 'ァ'..='ヺ' | 'ー' | '、' | '。' | ' ' | '　');
        if text.trim().is_empty() || !text.chars().all(kana) {
            checker.error(
                reading,
                format!("質問「{id}」の「{word}」の読み「{text}」は、ひらがなかカタカナで書いてください。"),
                format!("question '{id}': the reading of '{word}' must be kana only"),
            );
            continue;
        }
        readings.push((word.clone(), text.clone()));
    }
    readings
}

/// A link needs a label and an address a phone can open from a QR code.
fn check_link(checker: &mut Checker, question: &str, entry: &Spanned<RawLink>) -> Link {
    let raw = entry.get_ref();
    let label = checker.required_text(&raw.label, "リンクの名前（label）", "links.label");
    let url = checker.required_text(&raw.url, "リンクのアドレス（url）", "links.url");
    let web = url.starts_with("https://") || url.starts_with("http://");
    if !url.is_empty() && !web {
        checker.error(
            &raw.url,
            format!("質問「{question}」のリンクのアドレス「{url}」は https:// で始めてください。"),
            format!("link url '{url}' must start with https:// or http://"),
        );
    } else if let Err(err) = QrCode::new(&url) {
        checker.error(
            &raw.url,
            "リンクのアドレスが長すぎて、QRコードにできません。短いアドレスにしてください。"
                .to_string(),
            err.to_string(),
        );
    }
    Link { label, url }
}

/// Reports ids used twice; returns the index of each id's first use.
fn unique_ids<'a>(
    checker: &mut Checker,
    ids: impl Iterator<Item = &'a Spanned<String>>,
    what: &str,
) -> HashMap<String, usize> {
    let mut first_use: HashMap<String, usize> = HashMap::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (index, id) in ids.enumerate() {
        let key = id.get_ref().trim().to_string();
        if key.is_empty() {
            continue;
        }
        if let Some(line) = first_line.get(&key) {
            checker.error(
                id,
                format!(
                    "{what}のID「{key}」が2回使われています（最初は{line}行目）。片方を別のIDに変えてください。"
                ),
                format!("duplicate id '{key}'; first used on line {line}"),
            );
        } else {
            first_line.insert(key.clone(), checker.source.span_location(&id.span()).line);
            first_use.insert(key, index);
        }
    }
    first_use
}

fn check_category(
    checker: &mut Checker,
    entry: &Spanned<RawCategory>,
    question_index: &HashMap<String, usize>,
    question_count: usize,
) -> Category {
    let raw = entry.get_ref();
    let id = checker.required_text(&raw.id, "分類のID（id）", "categories.id");
    let title = checker.required_text(&raw.title, "分類の題（title）", "categories.title");
    checker.big_glyphs(&raw.title);
    let width = display_width(&title);
    if width > MAX_CATEGORY_TITLE_WIDTH {
        checker.error(
            &raw.title,
            format!(
                "分類の題「{title}」が長すぎます。大きな文字で表示するため、全角8文字（半角16文字）までにしてください。"
            ),
            format!(
                "category title is {width} columns wide; the limit is {MAX_CATEGORY_TITLE_WIDTH}"
            ),
        );
    }
    let all = raw.all_questions.as_ref().is_some_and(|a| *a.get_ref());
    let questions = match (&raw.questions, all) {
        (Some(list), true) => {
            checker.error(
                list,
                format!(
                    "分類「{id}」に questions と all_questions = true の両方が書かれています。どちらか一方にしてください。"
                ),
                format!("category '{id}': 'questions' and 'all_questions' exclude each other"),
            );
            Vec::new()
        }
        (None, true) => (0..question_count).collect(),
        (None, false) => {
            checker.error(
                &raw.id,
                format!(
                    "分類「{id}」に質問の一覧（questions）がありません。questions = [\"q1\", …] を書き足すか、all_questions = true にしてください。"
                ),
                format!("category '{id}' needs 'questions' or 'all_questions = true'"),
            );
            Vec::new()
        }
        (Some(list), false) => resolve_question_ids(checker, &id, list, question_index),
    };
    Category {
        id,
        title,
        description: checker.optional_text(raw.description.as_ref()),
        questions,
    }
}

fn resolve_question_ids(
    checker: &mut Checker,
    category_id: &str,
    list: &Spanned<Vec<Spanned<String>>>,
    question_index: &HashMap<String, usize>,
) -> Vec<usize> {
    if list.get_ref().is_empty() {
        checker.error(
            list,
            format!("分類「{category_id}」の質問の一覧が空です。質問のIDを1つ以上書いてください。"),
            format!("category '{category_id}': 'questions' is empty"),
        );
    }
    let mut resolved = Vec::new();
    // A set beside the list: searching the list for each id made a long category quadratic.
    let mut seen = HashSet::new();
    for reference in list.get_ref() {
        let wanted = reference.get_ref().trim();
        match question_index.get(wanted) {
            Some(&index) if !seen.insert(index) => checker.error(
                reference,
                format!("分類「{category_id}」に質問「{wanted}」が2回あります。1回にしてください。"),
                format!("category '{category_id}' lists question '{wanted}' twice"),
            ),
            Some(&index) => resolved.push(index),
            None => checker.error(
                reference,
                format!(
                    "分類「{category_id}」が、ない質問「{wanted}」を指しています。[[questions]] の id と同じ綴りにしてください。"
                ),
                format!("category '{category_id}' names unknown question id '{wanted}'"),
            ),
        }
    }
    resolved
}

/// A question that only the all-questions entry lists is hard to find by topic, and usually
/// means a category was forgotten.
fn check_every_question_is_listed(
    checker: &mut Checker,
    raw: &RawContent,
    question_index: &HashMap<String, usize>,
) {
    let mut listed = vec![false; raw.questions.len()];
    for category in &raw.categories {
        for reference in category
            .get_ref()
            .questions
            .iter()
            .flat_map(|l| l.get_ref())
        {
            if let Some(&index) = question_index.get(reference.get_ref().trim()) {
                listed[index] = true;
            }
        }
    }
    for (index, (entry, listed)) in raw.questions.iter().zip(listed).enumerate() {
        let id = entry.get_ref().id.get_ref().trim();
        // A duplicate id is reported once, as a duplicate.
        let first_use = question_index.get(id) == Some(&index);
        if !listed && first_use {
            checker.error(
                &entry.get_ref().id,
                format!(
                    "質問「{id}」がどの分類にも入っていません。どれかの分類の questions に「{id}」を加えてください。"
                ),
                format!("question '{id}' is in no category"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::Content;
    use crate::dates::Date;
    use crate::source::{Diagnostics, Source};

    const VALID: &str = r#"[meta]
title = "テスト"
edition = "令和7年5月版"

[[categories]]
id = "usage"
title = "使い方"
questions = ["q1"]

[[questions]]
id = "q1"
question = "質問ですか？"
answer = ["答えです。"]
"#;

    fn errors(text: &str) -> Diagnostics {
        Content::from_source(&Source::new("faq.toml", text)).expect_err("must be rejected")
    }

    fn only_error(text: &str) -> String {
        let found = errors(text);
        assert_eq!(found.0.len(), 1, "{found}");
        found.0[0].to_string()
    }

    #[test]
    fn a_minimal_file_is_valid() {
        let content = Content::from_source(&Source::new("faq.toml", VALID)).unwrap();
        assert_eq!(content.categories[0].questions, [0]);
        assert_eq!(content.meta.intro, "");
    }

    #[test]
    fn readings_are_kept_for_words_the_question_has_and_checked() {
        let text = format!("{VALID}reading = {{ \"答え\" = \"こたえ\" }}\n");
        let content = Content::from_source(&Source::new("faq.toml", &text)).unwrap();
        assert_eq!(
            content.questions[0].reading,
            [("答え".to_string(), "こたえ".to_string())]
        );
        let absent = only_error(&format!("{VALID}reading = {{ \"医師\" = \"いし\" }}\n"));
        assert!(absent.starts_with("faq.toml:14:"), "{absent}");
        assert!(
            absent.contains("「医師」は、質問にも答えにもありません"),
            "{absent}"
        );
        let kanji = only_error(&format!("{VALID}reading = {{ \"答え\" = \"答\" }}\n"));
        assert!(
            kanji.contains("ひらがなかカタカナで書いてください"),
            "{kanji}"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_their_place() {
        let text = VALID.replace("edition =", "editon =");
        let message = only_error(&text);
        assert!(message.starts_with("faq.toml:3:1: エラー:"), "{message}");
        assert!(
            message.contains("「editon」という項目は使えません"),
            "{message}"
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let text = VALID.replace("title = \"使い方\"", "title = \"使い方");
        let message = only_error(&text);
        assert!(message.starts_with("faq.toml:7:9:"), "{message}");
        assert!(
            message.contains("閉じる「\"」が、行の終わりまでにありません"),
            "{message}"
        );
    }

    #[test]
    fn duplicate_question_ids_point_at_the_second_one() {
        let text =
            format!("{VALID}\n[[questions]]\nid = \"q1\"\nquestion = \"別\"\nanswer = [\"x\"]\n");
        let message = only_error(&text);
        assert!(message.starts_with("faq.toml:16:6:"), "{message}");
        assert!(
            message.contains("2回使われています（最初は11行目）"),
            "{message}"
        );
    }

    #[test]
    fn duplicate_category_ids_are_errors() {
        let text = VALID.replacen(
            "[[questions]]",
            "[[categories]]\nid = \"usage\"\ntitle = \"別\"\nquestions = [\"q1\"]\n\n[[questions]]",
            1,
        );
        let message = only_error(&text);
        assert!(message.contains("分類のID「usage」が2回"), "{message}");
        assert!(message.starts_with("faq.toml:11:6:"), "{message}");
    }

    #[test]
    fn a_category_naming_a_missing_question_is_an_error() {
        let text = VALID.replace("questions = [\"q1\"]", "questions = [\"q1\", \"q9\"]");
        let message = only_error(&text);
        assert!(message.starts_with("faq.toml:8:20:"), "{message}");
        assert!(message.contains("ない質問「q9」"), "{message}");
    }

    #[test]
    fn a_question_in_no_category_is_an_error() {
        let text =
            format!("{VALID}\n[[questions]]\nid = \"q2\"\nquestion = \"別\"\nanswer = [\"x\"]\n");
        let message = only_error(&text);
        assert!(message.starts_with("faq.toml:16:6:"), "{message}");
        assert!(message.contains("どの分類にも入っていません"), "{message}");
    }

    #[test]
    fn the_all_questions_entry_does_not_count_as_a_category() {
        let text = format!(
            "{VALID}\n[[questions]]\nid = \"q2\"\nquestion = \"別\"\nanswer = [\"x\"]\n\n[[categories]]\nid = \"all\"\ntitle = \"すべて\"\nall_questions = true\n"
        );
        assert!(only_error(&text).contains("「q2」がどの分類にも入っていません"));
    }

    #[test]
    fn empty_texts_are_errors() {
        let message = only_error(&VALID.replace("\"答えです。\"", "\"  \""));
        assert!(message.starts_with("faq.toml:13:11:"), "{message}");
        assert!(message.contains("答えの段落が空です"), "{message}");
        assert!(
            only_error(&VALID.replace("[\"答えです。\"]", "[]")).contains("答え（answer）が空です")
        );
        assert!(
            only_error(&VALID.replace("\"使い方\"", "\"\"")).contains("分類の題（title）が空です")
        );
        assert!(only_error(&VALID.replace("\"質問ですか？\"", "\"\"")).contains("質問の文"));
    }

    #[test]
    fn invisible_characters_are_removed_and_reported_where_they_are() {
        let text = VALID.replace("答えです。", "答え\u{202E}です。\u{200B}");
        let (content, warnings) = Content::check(&Source::new("faq.toml", text)).unwrap();
        assert_eq!(content.questions[0].answer[0], "答えです。");
        assert!(!warnings.has_errors());
        let found: Vec<String> = warnings.0.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 2, "{warnings}");
        assert!(
            found[0].starts_with("faq.toml:13:14: 注意: 画面を乱すおそれのある"),
            "{}",
            found[0]
        );
        assert!(found[0].contains("U+202E"), "{}", found[0]);
        assert!(found[1].starts_with("faq.toml:13:18:"), "{}", found[1]);
    }

    #[test]
    fn escape_sequences_written_as_toml_escapes_are_removed_whole() {
        let text = VALID.replace("答えです。", "答え\\u001b]0;乗っ取り\\u0007です。");
        let (content, warnings) = Content::check(&Source::new("faq.toml", text)).unwrap();
        assert_eq!(content.questions[0].answer[0], "答えです。");
        assert_eq!(warnings.0.len(), 1, "{warnings}");
        let message = warnings.0[0].to_string();
        assert!(message.starts_with("faq.toml:13:11:"), "{message}");
        assert!(message.contains("U+001B U+005D U+0030 U+003B"), "{message}");
    }

    #[test]
    fn a_raw_control_character_is_a_syntax_error_that_says_so() {
        let message = only_error(&VALID.replace("答えです。", "答え\x1bです。"));
        assert!(message.starts_with("faq.toml:13:"), "{message}");
        assert!(message.contains("制御文字"), "{message}");
    }

    #[test]
    fn title_characters_the_large_font_lacks_are_warnings_at_their_place() {
        let text = VALID.replace("title = \"使い方\"", "title = \"※使い方😀\"");
        let (_, warnings) = Content::check(&Source::new("faq.toml", text)).unwrap();
        let found: Vec<String> = warnings.0.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("faq.toml:7:10: 注意: 題の「※」は大きな文字の字形がない"),
            "{}",
            found[0]
        );
        assert!(
            found[1].starts_with("faq.toml:7:14: 注意: 題の「😀」"),
            "{}",
            found[1]
        );
    }

    #[test]
    fn the_shipped_titles_have_every_large_glyph() {
        let source = Source::new("faq.toml", crate::content::EMBEDDED_CONTENT);
        let (_, warnings) = Content::check(&source).unwrap();
        assert!(warnings.0.is_empty(), "{warnings}");
    }

    #[test]
    fn links_need_a_label_and_a_web_address() {
        let with_link = |url: &str| {
            format!("{VALID}\n[[questions.links]]\nlabel = \"案内\"\nurl = \"{url}\"\n")
        };
        let content =
            Content::from_source(&Source::new("faq.toml", with_link("https://example.jp/a")));
        let links = &content.unwrap().questions[0].links;
        assert_eq!(links[0].label, "案内");
        let message = only_error(&with_link("example.jp/a"));
        assert!(message.starts_with("faq.toml:17:7:"), "{message}");
        assert!(message.contains("https:// で始めて"), "{message}");
        let long = format!("https://example.jp/{}", "a".repeat(3000));
        assert!(only_error(&with_link(&long)).contains("QRコードにできません"));
    }

    #[test]
    fn past_deadlines_in_the_leaflet_are_warnings_for_staff() {
        let today = Date::new(2026, 11, 28);
        let source = Source::new("faq.toml", crate::content::EMBEDDED_CONTENT);
        let (_, warnings) = Content::check_on(&source, today).unwrap();
        let found: Vec<String> = warnings.0.iter().map(ToString::to_string).collect();
        let dates: Vec<&str> = found
            .iter()
            .filter_map(|w| w.split_once("期限の日付「")?.1.split_once('」'))
            .map(|(date, _)| date)
            .collect();
        // 令和6年12月2日 is written twice, as an event and as a point in time (時点): neither
        // goes stale, so only the one deadline, written twice, is warned about.
        assert_eq!(dates, ["令和7年12月1日", "令和7年12月1日"], "{found:?}");
        let early = Date::new(2024, 1, 1);
        assert!(
            Content::check_on(&source, early).unwrap().1.0.is_empty(),
            "not yet stale"
        );
    }

    #[test]
    fn a_stale_date_is_reported_where_it_is_written() {
        let text = VALID.replace("答えです。", "令和7年12月1日まで使えます。");
        let (_, warnings) =
            Content::check_on(&Source::new("faq.toml", text), Date::new(2026, 1, 1)).unwrap();
        assert!(
            warnings.0[0]
                .to_string()
                .starts_with("faq.toml:13:12: 注意: 期限の日付"),
            "{warnings}"
        );
    }

    #[test]
    fn review_by_is_a_date_and_warns_once_passed() {
        let text = VALID.replace("[meta]\n", "[meta]\nreview_by = 2026-04-01\n");
        let source = Source::new("faq.toml", text);
        let (content, warnings) = Content::check_on(&source, Date::new(2026, 11, 28)).unwrap();
        assert_eq!(content.meta.review_by, Date::new(2026, 4, 1));
        assert!(
            warnings.0[0]
                .to_string()
                .starts_with("faq.toml:2:13: 注意: 見直しの日（2026-04-01）を過ぎています"),
            "{warnings}"
        );
        let (_, none) = Content::check_on(&source, Date::new(2026, 3, 1)).unwrap();
        assert!(none.0.is_empty());
        let with_time = VALID.replace("[meta]\n", "[meta]\nreview_by = 2026-04-01T10:00:00\n");
        assert!(only_error(&with_time).contains("日付だけで"));
    }

    #[test]
    fn long_category_titles_are_errors() {
        let message = only_error(&VALID.replace("\"使い方\"", "\"とても長い分類の題です\""));
        assert!(message.contains("全角8文字"), "{message}");
    }

    #[test]
    fn missing_fields_are_named() {
        let message = only_error(&VALID.replace("question = \"質問ですか？\"\n", ""));
        assert!(
            message.contains("必要な項目「question」がありません"),
            "{message}"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = VALID
            .replace("\"使い方\"", "\"\"")
            .replace("[\"q1\"]", "[\"q1\", \"nope\"]");
        assert_eq!(errors(&text).0.len(), 2);
    }

    #[test]
    fn notices_are_read_with_their_dates_and_screens() {
        let text = format!(
            "{VALID}\n[[notices]]\ntext = \"年末年始はお休みです。\"\nfrom = 2026-12-28\nuntil = 2027-01-03\nshow_on = \"menu\"\n\n[[notices]]\ntext = \"相談会があります。\"\n"
        );
        let content = Content::from_source(&Source::new("faq.toml", text)).unwrap();
        assert_eq!(
            content.notices,
            [
                crate::content::Notice {
                    text: "年末年始はお休みです。".to_string(),
                    from: Date::new(2026, 12, 28),
                    until: Date::new(2027, 1, 3),
                    place: crate::content::NoticePlace::Menu,
                },
                crate::content::Notice {
                    text: "相談会があります。".to_string(),
                    from: None,
                    until: None,
                    place: crate::content::NoticePlace::Every,
                },
            ]
        );
    }

    #[test]
    fn check_finds_notices_that_can_never_show_or_no_longer_fit() {
        let notice = |fields: &str| format!("{VALID}\n[[notices]]\n{fields}\n");
        let reversed = notice("text = \"お休み\"\nfrom = 2027-01-03\nuntil = 2026-12-28");
        let message = only_error(&reversed);
        assert!(
            message.starts_with("faq.toml:18:9: エラー: お知らせの終わりの日"),
            "{message}"
        );

        let with_time = notice("text = \"お休み\"\nfrom = 2027-01-03T09:00:00");
        assert!(only_error(&with_time).contains("from は日付だけで書いてください"));

        let wrong_place = notice("text = \"お休み\"\nshow_on = \"everywhere\"");
        assert!(only_error(&wrong_place).contains("'attract'、'menu'、'every'"));

        let warnings = |text: &str, today| {
            let source = Source::new("faq.toml", text);
            let (_, warnings) = Content::check_on(&source, Date::new(2027, 1, today)).unwrap();
            warnings
                .0
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        let over = notice("text = \"お休み\"\nuntil = 2027-01-03");
        assert_eq!(
            warnings(&over, 3),
            Vec::<String>::new(),
            "its last day is not over"
        );
        let found = warnings(&over, 4);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("faq.toml:17:9: 注意: このお知らせは 2027-01-03 で終わっています")
        );

        let long = notice(&format!("text = \"{}\"", "あ".repeat(39)));
        let found = warnings(&long, 1);
        assert!(
            found[0].contains("お知らせが長すぎます（78 桁）"),
            "{found:?}"
        );
        let fits = notice(&format!("text = \"{}\"", "あ".repeat(38)));
        assert_eq!(warnings(&fits, 1), Vec::<String>::new());
    }
}
