//! The content file exactly as written, with the position of every value for error messages.

use serde::Deserialize;
use toml::Spanned;

use super::NoticePlace;

/// A whole `faq.toml` before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContent {
    pub meta: RawMeta,
    #[serde(default)]
    pub categories: Vec<Spanned<RawCategory>>,
    #[serde(default)]
    pub questions: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    pub notices: Vec<Spanned<RawNotice>>,
}

/// `[meta]`: what the kiosk shows at the top of its screens.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    pub title: Spanned<String>,
    pub edition: Spanned<String>,
    #[serde(default)]
    pub intro: Option<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    #[serde(default)]
    pub review_by: Option<Spanned<toml::value::Datetime>>,
}

/// One `[[categories]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCategory {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub description: Option<Spanned<String>>,
    #[serde(default)]
    pub questions: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub all_questions: Option<Spanned<bool>>,
}

/// One `[[questions]]` entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub id: Spanned<String>,
    pub question: Spanned<String>,
    pub answer: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub links: Vec<Spanned<RawLink>>,
    /// Words of this question a voice misreads, and how to say them (`"word" = "reading"`).
    #[serde(default)]
    pub reading: Option<Spanned<std::collections::BTreeMap<String, Spanned<String>>>>,
}

/// One `[[questions.links]]` entry: a page a visitor can take home as a QR code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink {
    pub label: Spanned<String>,
    pub url: Spanned<String>,
}

/// One `[[notices]]` entry: a staff notice shown between two dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotice {
    pub text: Spanned<String>,
    #[serde(default)]
    pub from: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    pub until: Option<Spanned<toml::value::Datetime>>,
    #[serde(default = "every_screen")]
    pub show_on: NoticePlace,
}

fn every_screen() -> NoticePlace {
    NoticePlace::Every
}
