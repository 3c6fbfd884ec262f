//! The Q&A the kiosk shows: schema, loading and validation of `faq.toml`.
//!
//! Loading is in two stages: serde reads the file into raw structures that remember where each
//! value was written ([`raw`]), then [`validate`] checks them and builds a [`Content`] in which
//! every reference is resolved, so nothing downstream deals with missing or dangling data.

mod notice;
mod raw;
mod validate;

pub use notice::{MAX_NOTICE_WIDTH, Notice, NoticePlace};

use std::path::Path;

use crate::dates::{Date, past_deadlines};
use crate::source::{Diagnostics, Source};
use crate::text::find_phone_numbers;

/// The content compiled into the binary: the shipped `faq.toml`.
pub const EMBEDDED_CONTENT: &str = include_str!("../../faq.toml");

/// The name the embedded content is reported under.
pub const EMBEDDED_CONTENT_NAME: &str = "faq.toml（組み込み）";

/// Validated content: every category's questions exist, every text is non-empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    /// The kiosk's title, edition and source.
    pub meta: Meta,
    /// The home screen's menu, in order.
    pub categories: Vec<Category>,
    /// Every question, in file order.
    pub questions: Vec<Question>,
    /// The staff's notices, in file order, whatever their dates.
    pub notices: Vec<Notice>,
}

/// What the kiosk shows about the content as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The kiosk's title, e.g. マイナ保険証 よくある質問.
    pub title: String,
    /// The edition of the source leaflet, e.g. 令和7年5月版.
    pub edition: String,
    /// A line introducing the content; may be empty.
    pub intro: String,
    /// Where the content comes from; may be empty.
    pub source: String,
    /// The day by which staff should check the content is still right, if set.
    pub review_by: Option<Date>,
}

/// One entry of the home menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// A stable identifier, unique among categories.
    pub id: String,
    /// A short title (at most 8 full-width characters).
    pub title: String,
    /// One line saying what the category covers; may be empty.
    pub description: String,
    /// Indices into [`Content::questions`], in the order shown.
    pub questions: Vec<usize>,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// A stable identifier, unique among questions.
    pub id: String,
    /// The question as the visitor reads it.
    pub question: String,
    /// The answer, one string per paragraph.
    pub answer: Vec<String>,
    /// Pages about the answer a visitor can take home as a QR code.
    pub links: Vec<Link>,
    /// Words of the question and answer a voice misreads, with what to say instead, for
    /// [`crate::speech::for_the_ear`]; the screen shows the words as written.
    pub reading: Vec<(String, String)>,
}

/// A web page given with an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What the page is, in a few words.
    pub label: String,
    /// The page's address (`https://…`).
    pub url: String,
}

/// Something a visitor can take home from an answer by scanning a QR code with a phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeHome {
    /// What it is, in Japanese: a link's label, or 電話 and the number.
    pub label: String,
    /// What is printed beside the code: the address or the phone number as written.
    pub shown: String,
    /// What the code holds: the address, or a `tel:` URI.
    pub encoded: String,
    /// Whether scanning it calls a number (else it opens a page).
    pub is_phone: bool,
}

impl Question {
    /// What the answer offers to take home, at most nine: its links, then each distinct phone
    /// number in its text, in order.
    pub fn take_home(&self) -> Vec<TakeHome> {
        let links = self.links.iter().map(|link| TakeHome {
            label: link.label.clone(),
            shown: link.url.clone(),
            encoded: link.url.clone(),
            is_phone: false,
        });
        let mut phones: Vec<TakeHome> = Vec::new();
        for paragraph in &self.answer {
            for number in find_phone_numbers(paragraph) {
                if phones.iter().all(|p| p.encoded != number.uri) {
                    let shown = paragraph[number.range].to_string();
                    phones.push(TakeHome {
                        label: format!("電話 {shown}"),
                        shown,
                        encoded: number.uri,
                        is_phone: true,
                    });
                }
            }
        }
        links.chain(phones).take(9).collect()
    }

    /// The notice a visitor sees below the answer when a deadline in it has passed by `today`,
    /// naming each such date as the answer writes it; `None` while every deadline still holds.
    ///
    /// The leaflet's own words stay as they are: the notice only says that they are out of
    /// date and whom to ask.
    ///
    /// ```
    /// use faq_kiosk::content::Content;
    /// use faq_kiosk::dates::Date;
    ///
    /// let content = Content::embedded().unwrap();
    /// let q7 = content.questions.iter().find(|q| q.id == "q7").unwrap();
    /// assert_eq!(q7.deadline_notice(Date::new(2025, 12, 1).unwrap()), None);
    /// assert_eq!(
    ///     q7.deadline_notice(Date::new(2025, 12, 2).unwrap()).unwrap(),
    ///     "※ この回答にある期限（令和7年12月1日）は過ぎています。くわしくは職員におたずねください。",
    /// );
    /// ```
    pub fn deadline_notice(&self, today: Date) -> Option<String> {
        let mut written: Vec<&str> = Vec::new();
        for text in std::iter::once(&self.question).chain(&self.answer) {
            for found in past_deadlines(text, today) {
                let date = &text[found.range];
                if !written.contains(&date) {
                    written.push(date);
                }
            }
        }
        (!written.is_empty()).then(|| {
            format!(
                "※ この回答にある期限（{}）は過ぎています。くわしくは職員におたずねください。",
                written.join("、")
            )
        })
    }
}

impl Content {
    /// Parses and validates content from TOML text: the content and its warnings (characters
    /// removed to keep the terminal safe, title characters without large glyphs), or every
    /// problem found.
    pub fn check(source: &Source) -> Result<(Content, Diagnostics), Diagnostics> {
        Self::check_on(source, None)
    }

    /// As [`Content::check`], and if `today` is given, also warns about every deadline-like
    /// date in the text that has passed and a `review_by` day that has: an official leaflet's
    /// deadlines go stale, and staff should know before visitors read them.
    pub fn check_on(
        source: &Source,
        today: Option<Date>,
    ) -> Result<(Content, Diagnostics), Diagnostics> {
        let raw = toml::from_str(&source.text)
            .map_err(|err| Diagnostics(vec![source.toml_error(&err)]))?;
        validate::validate(raw, source, today)
    }

    /// Parses and validates content from TOML text; every problem found is reported.
    pub fn from_source(source: &Source) -> Result<Content, Diagnostics> {
        Self::check(source).map(|(content, _)| content)
    }

    /// Reads, parses and validates the content file at `path`, with its warnings (including
    /// stale dates when `today` is given).
    pub fn load_checked(
        path: &Path,
        today: Option<Date>,
    ) -> Result<(Content, Diagnostics), Diagnostics> {
        let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
        Self::check_on(&source, today)
    }

    /// Reads, parses and validates the content file at `path`.
    pub fn load(path: &Path) -> Result<Content, Diagnostics> {
        Self::load_checked(path, None).map(|(content, _)| content)
    }

    /// The content compiled into the binary.
    pub fn embedded() -> Result<Content, Diagnostics> {
        Self::from_source(&Source::new(EMBEDDED_CONTENT_NAME, EMBEDDED_CONTENT))
    }

    /// The questions of category `index`, in the order shown.
    pub fn category_questions(&self, index: usize) -> impl Iterator<Item = &Question> {
        self.categories
            .get(index)
            .into_iter()
            .flat_map(|c| c.questions.iter().map(|&q| &self.questions[q]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_content_is_the_whole_leaflet() {
        let content = Content::embedded().expect("the shipped faq.toml is valid");
        assert_eq!(content.meta.edition, "令和7年5月版");
        assert_eq!(content.questions.len(), 9);
        let listed: std::collections::BTreeSet<usize> = content
            .categories
            .iter()
            .flat_map(|c| c.questions.iter().copied())
            .collect();
        assert_eq!(listed.len(), 9, "every question is reachable from the menu");
        assert!((4..=6).contains(&content.categories.len()));
    }

    #[test]
    fn the_shipped_content_is_due_for_review_a_year_after_its_edition() {
        let content = Content::embedded().unwrap();
        // 令和7年5月版: the edition of May 2025, so staff are asked to review it by May 2026.
        assert_eq!(content.meta.review_by, crate::dates::Date::new(2026, 5, 1));
    }

    #[test]
    fn the_phone_number_in_the_leaflet_can_be_taken_home() {
        let content = Content::embedded().unwrap();
        let q3 = content.questions.iter().find(|q| q.id == "q3").unwrap();
        let take_home = q3.take_home();
        assert_eq!(take_home.len(), 1);
        assert_eq!(take_home[0].encoded, "tel:0120950178");
        assert_eq!(take_home[0].shown, "0120-95-0178");
        let others = content.questions.iter().filter(|q| q.id != "q3");
        assert!(others.into_iter().all(|q| q.take_home().is_empty()));
    }
}
