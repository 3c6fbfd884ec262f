//! `faq-kiosk stats`: views per question and category, sessions per day, time on answers;
//! for each kiosk and for all of them together.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Serialize, Serializer};

use super::LoggedEvent;
use crate::app::UsageEvent;
use crate::content::Content;
use crate::text::{display_width, truncate_to_width};

/// One counted row: an id, its title in the current content, and how often it was opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Questions, most viewed first.
    pub questions: Vec<Count>,
    /// Categories, most viewed first.
    pub categories: Vec<Count>,
    /// Sessions started per local date, oldest first.
    #[serde(serialize_with = "days_as_objects")]
    pub sessions_per_day: Vec<(String, u64)>,
    /// The median seconds an answer stayed open, over all answers.
    pub median_answer_seconds: Option<u64>,
}

const GONE: &str = "（削除済み）";

/// `[("2026-11-28", 3)]` as `[{"date": "2026-11-28", "sessions": 3}]`.
fn days_as_objects<S: Serializer>(days: &[(String, u64)], out: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Day<'a> {
        date: &'a str,
        sessions: u64,
    }
    out.collect_seq(days.iter().map(|(date, sessions)| Day {
        date,
        sessions: *sessions,
    }))
}

/// The figures of one kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KioskStats {
    /// The kiosk's name from its log lines.
    pub kiosk: String,
    /// Its figures.
    #[serde(flatten)]
    pub stats: Stats,
}

/// The figures of every kiosk in the logs read, and of all of them together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// All the kiosks together.
    pub total: Stats,
    /// Each kiosk, by name.
    pub kiosks: Vec<KioskStats>,
}

/// Counts the events on or after `since` for each kiosk and in total, titled from `content`.
pub fn report(events: &[LoggedEvent], content: &Content, since: Option<&str>) -> Report {
    let mut by_kiosk: BTreeMap<&str, Vec<&LoggedEvent>> = BTreeMap::new();
    for event in events {
        by_kiosk
            .entry(event.kiosk.as_deref().unwrap_or_default())
            .or_default()
            .push(event);
    }
    Report {
        total: stats(events, content, since),
        kiosks: by_kiosk
            .into_iter()
            .map(|(kiosk, events)| KioskStats {
                kiosk: kiosk.to_string(),
                stats: stats(events, content, since),
            })
            .collect(),
    }
}

/// Counts the events on or after `since` (a `YYYY-MM-DD` date), titled from `content`.
pub fn stats<'a>(
    events: impl IntoIterator<Item = &'a LoggedEvent>,
    content: &Content,
    since: Option<&str>,
) -> Stats {
    let mut question_views: BTreeMap<&str, u64> = BTreeMap::new();
    let mut category_views: BTreeMap<&str, u64> = BTreeMap::new();
    let mut sessions: BTreeMap<&str, u64> = BTreeMap::new();
    let mut seconds: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for logged in events
        .into_iter()
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

/// `text` right-aligned in `width` display columns.
fn right(text: &str, width: usize) -> String {
    format!(
        "{}{text}",
        " ".repeat(width.saturating_sub(display_width(text)))
    )
}

impl Stats {
    /// Sessions over the whole period.
    pub fn sessions(&self) -> u64 {
        self.sessions_per_day.iter().map(|(_, n)| n).sum()
    }

    /// Answers opened over the whole period.
    pub fn answers_opened(&self) -> u64 {
        self.questions.iter().map(|q| q.views).sum()
    }

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

    /// The figures as CSV rows (`section,id,title,count,median_seconds`), each line begun
    /// with `prefix`.
    fn csv_rows(&self, prefix: &str) -> String {
        let field = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
        let mut out = String::new();
        for count in &self.questions {
            let median = count
                .median_seconds
                .map_or(String::new(), |s| s.to_string());
            let _ = writeln!(
                out,
                "{prefix}question,{},{},{},{median}",
                field(&count.id),
                field(&count.title),
                count.views
            );
        }
        for count in &self.categories {
            let _ = writeln!(
                out,
                "{prefix}category,{},{},{},",
                field(&count.id),
                field(&count.title),
                count.views
            );
        }
        for (date, sessions) in &self.sessions_per_day {
            let _ = writeln!(out, "{prefix}sessions,{date},,{sessions},");
        }
        out
    }
}

impl Report {
    /// A table with one row per kiosk, then the figures of all of them together.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "端末ごと");
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  期間",
            pad("端末", 24),
            right("利用", 6),
            right("答え", 8),
            right("中央値", 6)
        );
        let rows = self
            .kiosks
            .iter()
            .map(|k| (k.kiosk.as_str(), &k.stats))
            .chain(std::iter::once(("合計", &self.total)));
        for (name, stats) in rows {
            let period = match (
                stats.sessions_per_day.first(),
                stats.sessions_per_day.last(),
            ) {
                (Some((first, _)), Some((last, _))) => format!("{first}～{last}"),
                _ => "-".to_string(),
            };
            let _ = writeln!(
                out,
                "  {}  {}  {}  {}  {period}",
                pad(name, 24),
                right(&format!("{}人", stats.sessions()), 6),
                right(&format!("{}回", stats.answers_opened()), 8),
                right(&seconds_text(stats.median_answer_seconds), 6),
            );
        }
        let _ = writeln!(out, "\n合計（すべての端末）\n");
        out.push_str(&self.total.table());
        out
    }

    /// The figures as CSV: `kiosk,section,id,title,count,median_seconds`, each kiosk's rows
    /// and then the totals' (with an empty kiosk).
    pub fn csv(&self) -> String {
        let mut out = String::from("kiosk,section,id,title,count,median_seconds\n");
        for kiosk in &self.kiosks {
            let prefix = format!("\"{}\",", kiosk.kiosk.replace('"', "\"\""));
            out.push_str(&kiosk.stats.csv_rows(&prefix));
        }
        out.push_str(&self.total.csv_rows(","));
        out
    }

    /// The figures as JSON: `{"total": {...}, "kiosks": [{"kiosk": "...", ...}]}`.
    pub fn json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the figures always serialise");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time: &str, event: UsageEvent) -> LoggedEvent {
        LoggedEvent {
            time: time.to_string(),
            kiosk: Some("lobby".to_string()),
            event,
        }
    }

    /// The sample, and one more session with one answer at a second kiosk.
    fn two_kiosks() -> Vec<LoggedEvent> {
        let mut events = sample();
        for (time, what) in [
            ("2026-11-29T11:00:00+09:00", UsageEvent::SessionStart),
            (
                "2026-11-29T11:00:05+09:00",
                UsageEvent::AnswerOpened {
                    question: "q3".into(),
                },
            ),
        ] {
            let mut logged = event(time, what);
            logged.kiosk = Some("annex".to_string());
            events.push(logged);
        }
        events
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
    fn each_kiosk_is_counted_alone_and_all_together() {
        let content = Content::embedded().unwrap();
        let report = report(&two_kiosks(), &content, None);
        let names: Vec<&str> = report.kiosks.iter().map(|k| k.kiosk.as_str()).collect();
        assert_eq!(names, ["annex", "lobby"]);
        assert_eq!(report.kiosks[0].stats.sessions(), 1);
        assert_eq!(report.kiosks[1].stats.sessions(), 2);
        assert_eq!(report.total.sessions(), 3);
        assert_eq!(report.kiosks[0].stats.answers_opened(), 1);
        assert_eq!(report.total.answers_opened(), 4);
        assert_eq!(report.total.questions[0].views, 3);
        let table = report.table();
        assert!(table.contains("annex"), "{table}");
        let total_row = table
            .lines()
            .find(|l| l.trim_start().starts_with("合計 "))
            .unwrap();
        assert!(
            total_row.contains("3人") && total_row.contains("4回"),
            "{table}"
        );
    }

    #[test]
    fn csv_names_the_kiosk_of_each_row_and_quotes_titles() {
        let content = Content::embedded().unwrap();
        let csv = report(&two_kiosks(), &content, None).csv();
        assert!(csv.starts_with("kiosk,section,id,title,count,median_seconds\n"));
        assert!(
            csv.contains("\"lobby\",question,\"q3\",\"マイナンバーカードって安全なの？\",2,20\n"),
            "{csv}"
        );
        assert!(csv.contains("\"annex\",sessions,2026-11-29,,1,\n"), "{csv}");
        assert!(
            csv.contains(",question,\"q3\",\"マイナンバーカードって安全なの？\",3,20\n"),
            "the total, with an empty kiosk: {csv}"
        );
    }

    #[test]
    fn json_holds_the_total_and_each_kiosk() {
        let content = Content::embedded().unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&report(&two_kiosks(), &content, None).json()).unwrap();
        assert_eq!(json["total"]["questions"][0]["id"], "q3");
        assert_eq!(json["total"]["questions"][0]["views"], 3);
        assert_eq!(json["kiosks"][0]["kiosk"], "annex");
        assert_eq!(
            json["kiosks"][1]["sessions_per_day"][0],
            serde_json::json!({"date": "2026-11-27", "sessions": 1})
        );
        assert_eq!(json["kiosks"][1]["median_answer_seconds"], 20);
    }
}
