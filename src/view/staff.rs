//! The staff screen: what is running, from where, what went wrong, and what people read.

use super::closed::day_and_time;
use super::{BodyLine, Parts, Role, guide};
use crate::app::{STAFF_EXIT, STAFF_RELOAD, State};
use crate::hours::{LocalTime, clock_text};
use crate::keys::Intent;
use crate::text::{WrapOptions, wrap_japanese};

pub(super) fn staff_view(state: &State) -> Parts {
    let content = state.content();
    let info = state.staff_info();
    let geometry = state.geometry();
    let width = usize::from(geometry.body().width);
    let wrap =
        |text: &str| wrap_japanese(text, WrapOptions::new(width).ambiguous(geometry.ambiguous));
    let mut body = vec![BodyLine::plain("係員用の画面", Role::Heading)];
    let mut field = |label: &str, value: &str, role: Role| {
        for line in wrap(&format!("{label}: {value}")) {
            body.push(BodyLine::plain(line, role));
        }
    };
    field(
        "内容",
        &format!("{}（{}）", content.meta.title, content.meta.edition),
        Role::Body,
    );
    field("内容のファイル", &info.content_source, Role::Body);
    if let Some(version) = &info.content_version {
        field("内容の版", version, Role::Body);
    }
    if let Some(changed) = &info.content_changed {
        field("内容の変更", changed, Role::Body);
    }
    field("読み込んだ時刻", &info.loaded_at, Role::Body);
    field("設定のファイル", &info.config_source, Role::Body);
    field("利用の記録", &info.usage_log, Role::Body);
    if !info.kiosk_id.is_empty() {
        field("端末の名前", &info.kiosk_id, Role::Body);
    }
    if let Some(day) = &info.review_overdue {
        field(
            "見直しの日",
            &format!("{day} を過ぎています。内容を確かめてください。"),
            Role::Heading,
        );
    }
    if let Some(update) = &info.last_update {
        field("最後の自動更新", update, Role::Body);
    }
    if let Some((open, change)) = state.hours_status() {
        let today = state.local_time().map(LocalTime::day_number);
        let when = |at: LocalTime| {
            if Some(at.day_number()) == today {
                clock_text(at.minute_of_day())
            } else {
                day_and_time(at)
            }
        };
        let status = match (open, change) {
            (true, Some(at)) => format!("受付中（{} まで）", when(at)),
            (true, None) => "受付中".to_string(),
            (false, Some(at)) => format!("時間外（次の受付 {}）", when(at)),
            (false, None) => "時間外".to_string(),
        };
        field("受付時間", &status, Role::Body);
    }
    if let Some(every) = info.watchdog_every {
        field(
            "systemd の見張り",
            &format!("{} 秒ごとに応答", every.as_secs_f64()),
            Role::Body,
        );
    }
    match &info.last_error {
        None => field("最後の読み込み", "問題なし", Role::Body),
        Some(error) => field("最後の読み込みの問題", error, Role::Heading),
    }
    let views = state.answer_views();
    let total: u64 = views.values().sum();
    field(
        "起動してから開かれた答え",
        &format!("{total} 回"),
        Role::Body,
    );
    for question in &content.questions {
        if let Some(count) = views.get(&question.id) {
            let line = format!("  {:>4} 回  {}", count, question.question);
            body.push(BodyLine::plain(
                crate::text::truncate_to_width(&line, width, geometry.ambiguous),
                Role::Muted,
            ));
        }
    }
    let keymap = state.keymap();
    let guide = [
        guide::item(keymap, STAFF_RELOAD, "読み込み直す"),
        guide::item(keymap, STAFF_EXIT, "終了する"),
        guide::item(keymap, Intent::Back, "もどる"),
    ];
    Parts::new(body, (1, 1), guide.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::app::{Action, StaffInfo};
    use crate::config::Config;
    use crate::content::Content;
    use crate::layout::Geometry;

    fn staff_lines(settings: &str, now_local: &str, info: StaffInfo) -> Vec<String> {
        let config: Config = toml::from_str(settings).unwrap();
        let now = Instant::now();
        let mut state = State::new(
            Arc::new(Content::embedded().unwrap()),
            Geometry::new(100, 40),
            now,
        );
        state.update(config.state_settings(None), now);
        state.update(Action::LocalTime(LocalTime::parse(now_local).unwrap()), now);
        state.update(Action::StaffInfoChanged(info), now);
        state.update(Action::Key(Intent::Staff), now);
        staff_view(&state)
            .body
            .into_iter()
            .map(|line| line.text)
            .collect()
    }

    #[test]
    fn the_hours_and_the_watchdog_are_shown_when_in_use() {
        let hours = "[hours]\nmon = \"09:00-17:30\"\n";
        let closed = staff_lines(hours, "2026-12-06T20:00", StaffInfo::default());
        assert!(
            closed.contains(&"受付時間: 時間外（次の受付 12月7日（月）9:00）".to_string()),
            "{closed:?}"
        );
        assert!(!closed.iter().any(|line| line.contains("見張り")));
        let info = StaffInfo {
            watchdog_every: Some(Duration::from_secs(15)),
            ..StaffInfo::default()
        };
        let open = staff_lines(hours, "2026-12-07T10:00", info.clone());
        assert!(
            open.contains(&"受付時間: 受付中（17:30 まで）".to_string()),
            "{open:?}"
        );
        assert!(
            open.contains(&"systemd の見張り: 15 秒ごとに応答".to_string()),
            "{open:?}"
        );
        let always = staff_lines("", "2026-12-07T10:00", info);
        assert!(
            !always.iter().any(|line| line.starts_with("受付時間")),
            "{always:?}"
        );
    }
}
