//! The key guide's items. Each names the key the keymap gives its intent, so the guide cannot
//! offer a key that does something else, and an intent no key carries is not offered at all.

use crate::keys::{Intent, Keymap};

/// One key of the key guide: the key's label, what it does here, and the intent a tap on it
/// carries out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideItem {
    /// The key as printed on the keypad (or a run of them, `1～5`).
    pub key: String,
    /// What it does, in Japanese.
    pub action: &'static str,
    /// What pressing the key, or tapping the item, asks for.
    pub intent: Intent,
    /// The column the item starts at, once the guide is fitted to the screen.
    pub x: u16,
    /// The columns it takes there, the gap after it included.
    pub width: u16,
    /// How much the item matters when not all fit: lower stays longer.
    pub(super) rank: u8,
}

/// How much an intent matters in the guide when not all fit: going back and home first (a
/// lost visitor needs them most), then opening and the rest, then paging, then text size and
/// colours.
fn rank(intent: Intent) -> u8 {
    match intent {
        Intent::Back | Intent::Home => 0,
        Intent::NextPage => 2,
        Intent::PreviousPage => 3,
        Intent::TextSize => 4,
        Intent::Theme => 5,
        _ => 1,
    }
}

/// The guide item for `intent`, saying `action`, naming the key the keymap gives it; `None`
/// when no key carries it.
pub(super) fn item(keymap: &Keymap, intent: Intent, action: &'static str) -> Option<GuideItem> {
    let key = keymap.key_for(intent)?;
    Some(GuideItem {
        key: key.to_string(),
        action,
        intent,
        x: 0,
        width: 0,
        rank: rank(intent),
    })
}

/// The guide item for the keys that open items 1 to `count`, saying `action`; a tap on it
/// carries out `intent`. `None` when no key opens any of them.
pub(super) fn open_item(
    keymap: &Keymap,
    count: usize,
    intent: Intent,
    action: &'static str,
) -> Option<GuideItem> {
    let key = keymap.open_keys(count.clamp(1, 9) as u8)?;
    Some(GuideItem {
        key,
        action,
        intent,
        x: 0,
        width: 0,
        rank: rank(Intent::Open(1)),
    })
}

/// Going back one level and going home.
pub(super) fn back_and_home(keymap: &Keymap) -> Vec<GuideItem> {
    [
        item(keymap, Intent::Back, "もどる"),
        item(keymap, Intent::Home, "はじめの画面"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The paging keys that do something on page `page` (from 0) of `pages`.
pub(super) fn page_keys(keymap: &Keymap, page: usize, pages: usize) -> Vec<GuideItem> {
    let next = (page + 1 < pages).then(|| item(keymap, Intent::NextPage, "次のページ"));
    let previous = (page > 0).then(|| item(keymap, Intent::PreviousPage, "前のページ"));
    [next, previous].into_iter().flatten().flatten().collect()
}

/// With the voice guide on, Select repeats the screen and Theme stops the speech instead of
/// changing the colours; stopping the voice matters to the visitor who hears it as much as
/// opening does.
pub(super) fn voice_keys(keymap: &Keymap, guide: &mut Vec<GuideItem>) {
    guide.retain(|item| item.intent != Intent::Theme);
    guide.extend(item(keymap, Intent::Select, "もう一度聞く"));
    guide.extend(
        item(keymap, Intent::Theme, "音声を止める").map(|stop| GuideItem { rank: 1, ..stop }),
    );
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::*;
    use crate::app::{Action, State};
    use crate::config::Config;
    use crate::content::Content;
    use crate::source::Source;
    use crate::view::{View, view};

    /// The footer's guide and the page line's text after `intents`, under the settings `keys`
    /// (the lines of `[keypad]`, `[keypad.keys]` included).
    fn guide_after(keypad: &str, intents: &[Intent]) -> (Vec<String>, Option<String>) {
        let config = Config::from_source(&Source::new("kiosk.toml", format!("[keypad]\n{keypad}")))
            .expect("valid settings");
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, crate::layout::Geometry::new(80, 24), now);
        state.update(config.state_settings(None), now);
        state.update(Action::OtherKey, now);
        for intent in intents {
            state.update(Action::Key(*intent), now);
        }
        let View::Screen(screen) = view(&state) else {
            panic!("not a screen");
        };
        let items = screen.guide.iter().chain(&screen.guide_more);
        (
            items
                .map(|item| format!("{} {}", item.key, item.action))
                .collect(),
            screen.status.map(|status| status.text),
        )
    }

    const ANSWER: [Intent; 2] = [Intent::Open(4), Intent::Open(2)];

    #[test]
    fn the_default_keys_are_the_ones_the_guide_has_always_named() {
        let (guide, status) = guide_after("", &ANSWER);
        assert_eq!(
            guide,
            [
                "+ 次のページ",
                "0 もどる",
                ". はじめの画面",
                "* 大きな文字",
                "/ 色をかえる"
            ]
        );
        assert_eq!(status.as_deref(), Some("つづきは + キー　ページ 1/2"));
    }

    #[test]
    fn a_key_set_to_nothing_leaves_the_guide() {
        // The example the settings file gives.
        let (guide, _) = guide_after("[keypad.keys]\n\"*\" = \"nothing\"", &ANSWER);
        assert!(
            !guide.iter().any(|item| item.starts_with("* ")),
            "{guide:?}"
        );
        assert!(
            !guide.iter().any(|item| item.contains("大きな文字")),
            "{guide:?}"
        );
        let (guide, _) = guide_after("[keypad.keys]\n\"/\" = \"nothing\"", &ANSWER);
        assert!(
            !guide.iter().any(|item| item.contains("色をかえる")),
            "{guide:?}"
        );
    }

    #[test]
    fn a_moved_intent_is_named_by_its_new_key() {
        let keys = "[keypad.keys]\n\"+\" = \"nothing\"\n\"Enter\" = \"next-page\"";
        let (guide, status) = guide_after(keys, &ANSWER);
        assert_eq!(guide[0], "Enter 次のページ");
        assert_eq!(status.as_deref(), Some("つづきは Enter キー　ページ 1/2"));
        let (guide, _) = guide_after(
            "[keypad.keys]\n\"*\" = \"home\"\n\".\" = \"theme\"",
            &ANSWER,
        );
        assert!(guide.contains(&"* はじめの画面".to_string()), "{guide:?}");
        assert!(guide.contains(&". 色をかえる".to_string()), "{guide:?}");
        assert!(
            !guide.iter().any(|item| item.contains("大きな文字")),
            "{guide:?}"
        );
    }

    #[test]
    fn back_is_named_by_the_key_left_for_it() {
        let (guide, _) = guide_after("[keypad.keys]\n\"0\" = \"text-size\"", &ANSWER);
        assert!(guide.contains(&"Backspace もどる".to_string()), "{guide:?}");
        assert!(guide.contains(&"0 大きな文字".to_string()), "{guide:?}");
    }

    #[test]
    fn the_number_keys_named_are_those_that_open() {
        let (guide, _) = guide_after("", &[]);
        assert_eq!(guide[0], "1～5 えらぶ");
        let keys = "[keypad.keys]\n\"3\" = \"nothing\"\n\"PgDn\" = \"nothing\"";
        let (guide, _) = guide_after(keys, &[]);
        assert_eq!(guide[0], "1～2・4～5 えらぶ");
    }

    #[test]
    fn navigation_mode_keeps_the_keypads_face_in_the_guide() {
        let (guide, _) = guide_after("numlock_off = \"navigation\"", &ANSWER);
        assert_eq!(guide, guide_after("", &ANSWER).0);
    }

    #[test]
    fn the_staff_screen_names_the_keys_that_reload_and_end() {
        let (guide, _) = guide_after("", &[Intent::Staff]);
        assert_eq!(guide, ["1 読み込み直す", "9 終了する", "0 もどる"]);
        let keys = "[keypad.keys]\n\"9\" = \"nothing\"\n\"PgUp\" = \"nothing\"\n\"-\" = \"open-1\"";
        let (guide, _) = guide_after(keys, &[Intent::Staff]);
        assert_eq!(guide, ["1 読み込み直す", "0 もどる"]);
        let keys = "[keypad.keys]\n\"1\" = \"nothing\"\n\"End\" = \"nothing\"\n\"-\" = \"open-1\"";
        let (guide, _) = guide_after(keys, &[Intent::Staff]);
        assert_eq!(guide[0], "- 読み込み直す");
    }

    #[test]
    fn with_the_voice_guide_select_repeats_and_theme_stops() {
        let (guide, _) = guide_after("", &[Intent::Open(1)]);
        assert!(!guide.iter().any(|item| item.contains("聞く")));
        let config = Config::from_source(&Source::new(
            "kiosk.toml",
            "voice_guide = true\nspeech_command = [\"speak\"]\n",
        ))
        .expect("valid settings");
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, crate::layout::Geometry::new(100, 30), now);
        state.update(config.state_settings(None), now);
        state.update(Action::OtherKey, now);
        let View::Screen(screen) = view(&state) else {
            panic!("not a screen");
        };
        let items: Vec<String> = screen
            .guide
            .iter()
            .chain(&screen.guide_more)
            .map(|item| format!("{} {}", item.key, item.action))
            .collect();
        assert!(
            items.contains(&"Enter もう一度聞く".to_string()),
            "{items:?}"
        );
        assert!(items.contains(&"/ 音声を止める".to_string()), "{items:?}");
    }
}
