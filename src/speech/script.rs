//! What each screen says: the words a visitor who cannot read the screen needs, in the order
//! the screen shows them, ending with the keys that work there.

use crate::app::{Screen, State};
use crate::content::{NoticePlace, Question};
use crate::layout::{HOME_PROMPT, ListLayout};
use crate::view::{self, ATTRACT_HINT, ATTRACT_PROMPT, GuideItem, View};

use super::for_the_ear;

/// What the attract screen says about the voice guide: the key that turns it on.
pub const VOICE_GUIDE_INVITATION: &str =
    "音声による案内を聞くときは、エンターのキーを押してください。";

/// What the screen `state` shows, for the ear: for the attract screen, the title and how to
/// start (with the voice guide or without); for a list, its title, prompt and numbered items
/// of the page shown; for an answer, the question and the page shown; for a QR code, what it
/// holds; and then the staff's notices on the screen and the keys that work there. Empty for
/// the staff screen, the dark screen after hours and a terminal too small to use.
pub fn screen_speech(state: &State) -> String {
    let View::Screen(shown) = view::view(state) else {
        return String::new();
    };
    let content = state.content();
    let mut parts: Vec<String> = Vec::new();
    let place = match state.screen() {
        // The dark screen after hours is for nobody: a key wakes the attract screen, which
        // says how to start.
        Screen::Closed { .. } => return String::new(),
        Screen::Attract => {
            parts.push(content.meta.title.clone());
            parts.push(ATTRACT_PROMPT.to_string());
            parts.push(ATTRACT_HINT.to_string());
            parts.push(VOICE_GUIDE_INVITATION.to_string());
            NoticePlace::Attract
        }
        Screen::Home { highlight } => {
            parts.push(content.meta.title.clone());
            parts.push(HOME_PROMPT.to_string());
            let titles: Vec<&str> = content
                .categories
                .iter()
                .map(|c| c.title.as_str())
                .collect();
            list_items(&mut parts, &state.home_layout(), highlight, &titles);
            NoticePlace::Menu
        }
        Screen::Category {
            category,
            highlight,
        } => {
            if let Some(found) = content.categories.get(category) {
                parts.push(found.title.clone());
                parts.push(found.description.clone());
            }
            parts.push("質問の番号のキーを押してください。".to_string());
            let questions: Vec<&str> = content
                .category_questions(category)
                .map(|q| q.question.as_str())
                .collect();
            list_items(
                &mut parts,
                &state.category_layout(category),
                highlight,
                &questions,
            );
            NoticePlace::Every
        }
        Screen::Answer { page, .. } => {
            if let (Some(question), Some(layout)) = (state.question(), state.answer_layout()) {
                let pages = layout.pages.len();
                if page == 0 {
                    parts.push(question.question.clone());
                }
                if pages > 1 {
                    parts.push(format!("{}ページ目、全{pages}ページ。", page + 1));
                }
                parts.push(page_text(
                    layout.pages.get(page).map_or(&[][..], Vec::as_slice),
                ));
                if page + 1 == pages && pages > 1 {
                    parts.push("これで最後のページです。".to_string());
                }
            }
            NoticePlace::Every
        }
        Screen::TakeHome { item, .. } => {
            if let Some(target) = state
                .question()
                .and_then(|q| q.take_home().into_iter().nth(item))
            {
                parts.push(target.label.clone());
                parts.push(
                    "画面にQRコードを表示しています。スマートフォンのカメラで読み取ってください。"
                        .to_string(),
                );
            }
            NoticePlace::Every
        }
        Screen::Staff => return String::new(),
    };
    if let Some(today) = state.today() {
        for notice in &content.notices {
            if notice.is_shown_on(today) && notice.belongs_on(place) {
                parts.push(notice.text.clone());
            }
        }
    }
    let keys: Vec<&GuideItem> = shown.guide.iter().chain(&shown.guide_more).collect();
    if !keys.is_empty() {
        let mut guide = String::from("キーの案内。");
        for item in keys {
            guide.push_str(&format!("{}、{}。", key_spoken(&item.key), item.action));
        }
        parts.push(guide);
    }
    spoken(state, &parts)
}

/// What is read when an answer opens without the voice guide: the question, then each
/// paragraph, then the notice of a passed deadline shown below it, a line each.
pub fn answer_speech(state: &State, question: &Question) -> String {
    let notice = state
        .notices_on()
        .and_then(|today| question.deadline_notice(today));
    let mut parts = vec![question.question.clone()];
    parts.extend(question.answer.iter().chain(&notice).cloned());
    spoken(state, &parts)
}

/// The idle warning, said when its countdown starts.
pub fn idle_warning_speech(seconds: u64) -> String {
    format!(
        "まもなく最初の画面にもどります。あと{seconds}秒です。続けるときは、どれかキーを押してください。"
    )
}

/// The numbered items of the list page shown: 「1、使い方。2、メリット。」, after the page
/// number when there are several.
fn list_items(parts: &mut Vec<String>, list: &ListLayout, highlight: usize, titles: &[&str]) {
    let page = list.page_of(highlight);
    let Some(range) = list.pages.get(page) else {
        return;
    };
    if list.pages.len() > 1 {
        parts.push(format!(
            "{}ページ目、全{}ページ。",
            page + 1,
            list.pages.len()
        ));
    }
    let mut items = String::new();
    for (number, index) in range.clone().enumerate() {
        if let Some(title) = titles.get(index) {
            let title = title.trim_end_matches('。');
            let end = if title.ends_with(['？', '！', '?', '!']) {
                ""
            } else {
                "。"
            };
            items.push_str(&format!("{}、{title}{end}", number + 1));
        }
    }
    parts.push(items);
}

/// One answer page's lines as running text: wrapped lines joined, paragraphs apart.
fn page_text(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        if line.is_empty() {
            text.push('\n');
        } else {
            text.push_str(line);
        }
    }
    text
}

/// How a key of the key guide is said.
fn key_spoken(key: &str) -> String {
    match key {
        "0" => "ゼロ".to_string(),
        "." => "ドット".to_string(),
        "+" => "プラス".to_string(),
        "-" => "マイナス".to_string(),
        "*" => "アスタリスク".to_string(),
        "/" => "スラッシュ".to_string(),
        "Enter" => "エンター".to_string(),
        other => other.replace('～', "から"),
    }
}

/// The parts as lines, each ending a sentence, prepared for the ear with every reading the
/// content gives.
fn spoken(state: &State, parts: &[String]) -> String {
    let readings: Vec<(String, String)> = state
        .content()
        .questions
        .iter()
        .flat_map(|q| q.reading.iter().cloned())
        .collect();
    let lines: Vec<String> = parts
        .iter()
        .flat_map(|part| part.split('\n'))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let mut line = for_the_ear(line, &readings);
            if !line.ends_with(['。', '？', '！', '?', '!']) {
                line.push('。');
            }
            line
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::*;
    use crate::app::Action;
    use crate::config::Config;
    use crate::content::Content;
    use crate::dates::Date;
    use crate::keys::Intent;
    use crate::layout::Geometry;

    fn guided(actions: &[Action]) -> State {
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, Geometry::new(80, 24), now);
        state.update(Action::DateChanged(Date::new(2026, 12, 1).unwrap()), now);
        let settings = Config {
            speech_command: vec!["speak".to_string()],
            ..Config::default()
        };
        state.update(settings.state_settings(None), now);
        state.update(Action::Key(Intent::Select), now);
        for action in actions {
            state.update(action.clone(), now);
        }
        state
    }

    #[test]
    fn the_menu_says_its_prompt_and_every_item_with_its_number_then_the_keys() {
        let state = guided(&[]);
        let text = screen_speech(&state);
        let content = state.content();
        assert!(text.starts_with(&content.meta.title), "{text}");
        assert!(text.contains(HOME_PROMPT), "{text}");
        let items: String = content
            .categories
            .iter()
            .enumerate()
            .map(|(n, c)| format!("{}、{}。", n + 1, c.title))
            .collect();
        assert!(text.contains(&items), "{items} in {text}");
        let last = text.lines().last().unwrap();
        assert!(last.starts_with("キーの案内。1から"), "{last}");
    }

    #[test]
    fn an_answer_is_its_question_then_its_first_page_prepared_for_the_ear() {
        let state = guided(&[Action::Key(Intent::Open(3)), Action::Key(Intent::Open(1))]);
        let question = state.question().unwrap();
        assert!(
            question.answer.iter().any(|p| p.contains("0120")),
            "q3 gives the number"
        );
        let text = screen_speech(&state);
        assert!(text.starts_with(&question.question), "{text}");
        assert!(!text.contains("0120"), "never a large number: {text}");
        assert!(
            text.contains("ぜろいちにぜろ、きゅうご、ぜろいちななはち"),
            "{text}"
        );
        assert!(text.contains("1、電話番号をスマホへ。"), "{text}");
    }

    #[test]
    fn a_qr_code_says_what_it_holds_and_how_to_take_it() {
        let state = guided(&[
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
            Action::Key(Intent::Open(1)),
        ]);
        let text = screen_speech(&state);
        assert!(text.contains("QRコード"), "{text}");
        assert!(text.contains("ゼロ、もどる。"), "{text}");
    }

    #[test]
    fn the_attract_screen_offers_the_guide_on_screen_too() {
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, Geometry::new(80, 24), now);
        let keys = |state: &State| match view::view(state) {
            View::Screen(shown) => shown
                .guide
                .iter()
                .map(|g| g.key.clone())
                .collect::<Vec<_>>(),
            View::TooSmall(_) | View::Closed(_) => Vec::new(),
        };
        assert_eq!(
            keys(&state),
            ["どのキーでも"],
            "no speech command, no guide to offer"
        );
        let settings = Config {
            speech_command: vec!["speak".to_string()],
            ..Config::default()
        };
        state.update(settings.state_settings(None), now);
        assert_eq!(keys(&state), ["どのキーでも", "Enter"]);
        let text = screen_speech(&state);
        assert!(text.contains(VOICE_GUIDE_INVITATION), "{text}");
        assert!(
            text.ends_with("キーの案内。どのキーでも、はじめる。エンター、音声案内ではじめる。"),
            "{text}"
        );
    }

    #[test]
    fn staff_notices_are_said_where_they_are_shown() {
        let mut content = Content::embedded().unwrap();
        content.notices.push(crate::content::Notice {
            text: "12月29日から1月3日までは、窓口がお休みです。".to_string(),
            from: None,
            until: None,
            place: NoticePlace::Menu,
        });
        let now = Instant::now();
        let mut state = guided(&[]);
        state.update(Action::ContentChanged(Arc::new(content)), now);
        let menu = screen_speech(&state);
        assert!(menu.contains("窓口がお休みです。\nキーの案内。"), "{menu}");
        state.update(Action::Key(Intent::Open(1)), now);
        assert!(
            !screen_speech(&state).contains("お休み"),
            "the menu's notice only"
        );
    }

    #[test]
    fn the_notice_of_a_passed_deadline_is_said_on_the_page_that_shows_it() {
        let mut walk = vec![Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))];
        walk.extend(std::iter::repeat_n(Action::Key(Intent::NextPage), 9));
        let state = guided(&walk);
        assert_eq!(state.question().unwrap().id, "q7");
        let text = screen_speech(&state);
        assert!(
            text.contains("この回答にある期限、令和7年12月1日、は過ぎています。"),
            "{text}"
        );
        assert!(text.contains("これで最後のページです。"), "{text}");
    }

    #[test]
    fn the_staff_screen_says_nothing() {
        let state = guided(&[Action::Key(Intent::Staff)]);
        assert_eq!(screen_speech(&state), "");
    }

    #[test]
    fn keys_are_said_by_name() {
        assert_eq!(key_spoken("1～5"), "1から5");
        assert_eq!(key_spoken("."), "ドット");
        assert_eq!(key_spoken("Enter"), "エンター");
    }
}
