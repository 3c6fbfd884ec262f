//! The staff screen: what is running, from where, what went wrong, and what people read.

use super::{BodyLine, Parts, Role, guide};
use crate::app::{STAFF_EXIT, STAFF_RELOAD, State};
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
