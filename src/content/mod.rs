//! The Q&A the kiosk shows: schema, loading and validation of `faq.toml`.
//!
//! Loading is in two stages: serde reads the file into raw structures that remember where each
//! value was written ([`raw`]), then [`validate`] checks them and builds a [`Content`] in which
//! every reference is resolved, so nothing downstream deals with missing or dangling data.

mod raw;
mod validate;

use std::path::Path;

use crate::source::{Diagnostics, Source};

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
}

impl Content {
    /// Parses and validates content from TOML text: the content and its warnings (characters
    /// removed to keep the terminal safe), or every problem found.
    pub fn check(source: &Source) -> Result<(Content, Diagnostics), Diagnostics> {
        let raw = toml::from_str(&source.text)
            .map_err(|err| Diagnostics(vec![source.toml_error(&err)]))?;
        validate::validate(raw, source)
    }

    /// Parses and validates content from TOML text; every problem found is reported.
    pub fn from_source(source: &Source) -> Result<Content, Diagnostics> {
        Self::check(source).map(|(content, _)| content)
    }

    /// Reads, parses and validates the content file at `path`, with its warnings.
    pub fn load_checked(path: &Path) -> Result<(Content, Diagnostics), Diagnostics> {
        let source = Source::read(path).map_err(|d| Diagnostics(vec![d]))?;
        Self::check(&source)
    }

    /// Reads, parses and validates the content file at `path`.
    pub fn load(path: &Path) -> Result<Content, Diagnostics> {
        Self::load_checked(path).map(|(content, _)| content)
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
}
