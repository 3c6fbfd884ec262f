//! `faq-kiosk stats`: views per question and category, sessions per day, time on answers.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::LoggedEvent;
use crate::app::UsageEvent;
use crate::content::Content;
use crate::text::{display_width, truncate_to_width};

/// One counted row: an id, its title in the current content, and how often it was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The category or question id from the log.
    pub id: String,
    /// Its title in the current content, or `（削除済み）` if it is gone.
    pub title: String,
    /// How many times it was opened.
    pub views: u64,
    /// For questions: the median seconds an answer stayed open.
    pub median_seconds: Option<u64>,
}

/// The usage figures over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Questions, most viewed first.
    pub questions: Vec<Count>,
    /// Categories, most viewed first.
    pub categories: Vec<Count>,
    /// Sessions started per local date, oldest first.
    pub sessions_per_day: Vec<(String, u64)>,
    /// The median seconds an answer stayed open, over all answers.
    pub median_answer_seconds: Option<u64>,
}

const GONE: &str = "（削除済み）";

/// Counts the events on or after `since` (a `YYYY-MM-DD` date), titled from `content`.
pub fn stats(events: &[LoggedEvent], content: &Content, since: Option<&str>) -> Stats {
    let mut question_views: BTreeMap<&str, u64> = BTreeMap::new();
    let mut category_views: BTreeMap<&str, u64> = BTreeMap::new();
    let mut sessions: BTreeMap<&str, u64> = BTreeMap::new();
    let mut seconds: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for logged in events
        .iter()
        .filter(|e| since.is_none_or(|d| e.date() >= d))
    {
        match &logged.event {
            UsageEvent::SessionStart => *sessions.entry(logged.date()).or_default() += 1,
            UsageEvent::CategoryOpened { category } => {
                *category_views.entry(category).or_default() += 1;
            }
            UsageEvent::AnswerOpened { question } => {
                *question_views.entry(question).or_default() += 1;
            }
            UsageEvent::AnswerClosed {
                question,
                seconds: s,
            } => {
                seconds.entry(question).or_default().push(*s);
            }
            UsageEvent::IdleReset => {}
        }
    }
    let question_title = |id: &str| {
        content
            .questions
            .iter()
            .find(|q| q.id == id)
            .map_or(GONE.to_string(), |q| q.question.clone())
    };
    let category_title = |id: &str| {
        content
            .categories
            .iter()
            .find(|c| c.id == id)
            .map_or(GONE.to_string(), |c| c.title.clone())
    };
    let mut questions: Vec<Count> = question_views
        .iter()
        .map(|(&id, &views)| Count {
            id: id.to_string(),
            title: question_title(id),
            views,
            median_seconds: seconds.get(id).and_then(|s| median(s.clone())),
        })
        .collect();
    questions.sort_by(|a, b| b.views.cmp(&a.views).then(a.id.cmp(&b.id)));
    let mut categories: Vec<Count> = category_views
        .iter()
        .map(|(&id, &views)| Count {
            id: id.to_string(),
            title: category_title(id),
            views,
            median_seconds: None,
        })
        .collect();
    categories.sort_by(|a, b| b.views.cmp(&a.views).then(a.id.cmp(&b.id)));
    Stats {
        questions,
        categories,
        sessions_per_day: sessions
            .into_iter()
            .map(|(d, n)| (d.to_string(), n))
            .collect(),
        median_answer_seconds: median(seconds.into_values().flatten().collect()),
    }
}

fn median(mut values: Vec<u64>) -> Option<u64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2
    } else {
        values[middle]
    })
}

fn seconds_text(value: Option<u64>) -> String {
    value.map_or("-".to_string(), |s| format!("{s}秒"))
}

/// `text` padded with spaces to `width` columns (cut with `…` if longer).
fn pad(text: &str, width: usize) -> String {
    let text = truncate_to_width(text, width, crate::text::AmbiguousWidth::Narrow);
    let room = width.saturating_sub(display_width(&text));
    format!("{text}{}", " ".repeat(room))
}

impl Stats {
    /// The figures as tables for a terminal, columns aligned in display columns.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "質問ごとの表示回数（答えを開いていた時間の中央値）");
        for count in &self.questions {
            let _ = writeln!(
                out,
                "  {:>5}回  {:>6}  {:<4} {}",
                count.views,
                seconds_text(count.median_seconds),
                count.id,
                pad(&count.title, 60).trim_end()
            );
        }
        let _ = writeln!(out, "\n分類ごとの表示回数");
        for count in &self.categories {
            let _ = writeln!(
                out,
                "  {:>5}回  {:<8} {}",
                count.views, count.id, count.title
            );
        }
        let _ = writeln!(
            out,
            "\n日ごとの利用（最初のキーから、最初の画面にもどるまで）"
        );
        for (date, sessions) in &self.sessions_per_day {
            let _ = writeln!(out, "  {date}  {sessions:>5}人");
        }
        let _ = writeln!(
            out,
            "\n答えを開いていた時間の中央値: {}",
            seconds_text(self.median_answer_seconds)
        );
        out
    }

    /// The figures as CSV: `section,id,title,count,median_seconds`.
    pub fn csv(&self) -> String {
        let field = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
        let mut out = String::from("section,id,title,count,median_seconds\n");
        for count in &self.questions {
            let median = count
                .median_seconds
                .map_or(String::new(), |s| s.to_string());
            let _ = writeln!(
                out,
                "question,{},{},{},{median}",
                field(&count.id),
                field(&count.title),
                count.views
            );
        }
        for count in &self.categories {
            let _ = writeln!(
                out,
                "category,{},{},{},",
                field(&count.id),
                field(&count.title),
                count.views
            );
        }
        for (date, sessions) in &self.sessions_per_day {
            let _ = writeln!(out, "sessions,{date},,{sessions},");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time: &str, event: UsageEvent) -> LoggedEvent {
        LoggedEvent {
            time: time.to_string(),
            event,
        }
    }

    fn sample() -> Vec<LoggedEvent> {
        let opened = |q: &str| UsageEvent::AnswerOpened { question: q.into() };
        let closed = |q: &str, s| UsageEvent::AnswerClosed {
            question: q.into(),
            seconds: s,
        };
        vec![
            event("2026-11-27T10:00:00+09:00", UsageEvent::SessionStart),
            event(
                "2026-11-27T10:00:05+09:00",
                UsageEvent::CategoryOpened {
                    category: "safety".into(),
                },
            ),
            event("2026-11-27T10:00:09+09:00", opened("q3")),
            event("2026-11-27T10:00:39+09:00", closed("q3", 30)),
            event("2026-11-28T09:00:00+09:00", UsageEvent::SessionStart),
            event("2026-11-28T09:00:05+09:00", opened("q3")),
            event("2026-11-28T09:00:15+09:00", closed("q3", 10)),
            event("2026-11-28T09:00:20+09:00", opened("gone")),
            event("2026-11-28T09:00:40+09:00", closed("gone", 20)),
            event("2026-11-28T09:03:00+09:00", UsageEvent::IdleReset),
        ]
    }

    #[test]
    fn counts_views_sessions_and_median_times() {
        let content = Content::embedded().unwrap();
        let stats = stats(&sample(), &content, None);
        assert_eq!(stats.questions[0].id, "q3");
        assert_eq!(stats.questions[0].views, 2);
        assert_eq!(stats.questions[0].median_seconds, Some(20));
        assert_eq!(stats.questions[1].title, GONE);
        assert_eq!(stats.categories[0].title, "安全・困ったとき");
        assert_eq!(
            stats.sessions_per_day,
            [("2026-11-27".to_string(), 1), ("2026-11-28".to_string(), 1)]
        );
        assert_eq!(stats.median_answer_seconds, Some(20));
    }

    #[test]
    fn since_keeps_the_later_days_only() {
        let content = Content::embedded().unwrap();
        let stats = stats(&sample(), &content, Some("2026-11-28"));
        assert_eq!(stats.sessions_per_day, [("2026-11-28".to_string(), 1)]);
        assert!(stats.categories.is_empty());
        assert_eq!(stats.questions[0].views, 1);
    }

    #[test]
    fn csv_quotes_titles() {
        let content = Content::embedded().unwrap();
        let csv = stats(&sample(), &content, None).csv();
        assert!(csv.starts_with("section,id,title,count,median_seconds\n"));
        assert!(
            csv.contains("question,\"q3\",\"マイナンバーカードって安全なの？\",2,20\n"),
            "{csv}"
        );
        assert!(csv.contains("sessions,2026-11-28,,1,\n"));
    }
}
