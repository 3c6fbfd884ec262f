//! The attract screen: the kiosk's title, large when it fits, and an invitation to press a key.

use super::{BodyLine, GuideItem, Parts, Role, guide};
use crate::app::State;
use crate::keys::Intent;
use crate::layout::attract_title;
use crate::text::truncate_to_width;

/// What the attract screen invites the visitor to do.
pub const ATTRACT_PROMPT: &str = "番号のキーを押してください";
/// The reassurance under the prompt: no key is wrong here.
pub const ATTRACT_HINT: &str = "どのキーを押しても始まります";

pub(super) fn attract_view(state: &State) -> Parts {
    let content = state.content();
    let geometry = state.geometry();
    let width = usize::from(geometry.body().width);
    let fitted = |text: &str, role: Role| {
        BodyLine::centered(truncate_to_width(text, width, geometry.ambiguous), role)
    };
    let below = [
        fitted(&content.meta.edition, Role::Muted),
        BodyLine::blank(),
        fitted(ATTRACT_PROMPT, Role::Heading),
        BodyLine::blank(),
        fitted(ATTRACT_HINT, Role::Body),
    ];
    // The title, a blank row, then the lines below it.
    let reserved = below.len() as u16 + 1;
    let big = attract_title(&geometry, &content.meta.title, reserved);
    let title_rows = big.as_ref().map_or(1, |block| usize::from(block.rows));
    let height = title_rows + 1 + below.len();
    let top = usize::from(geometry.body().height).saturating_sub(height) / 2;
    let mut parts = Parts::new(vec![BodyLine::blank(); top], (1, 1), Vec::new());
    match &big {
        Some(block) => {
            let width = geometry.wide_area().width;
            let centred = |line: &str| width.saturating_sub(block.style.measure(line).0) / 2;
            parts.push_big(block, false, Role::Heading, centred);
        }
        None => parts.body.push(fitted(&content.meta.title, Role::Heading)),
    }
    parts.body.push(BodyLine::blank());
    parts.body.extend(below);
    // Any key begins, as the hint above says: the footer must not ask for a number key only.
    // A tap on it begins as a number key does (Enter would also turn the voice guide on).
    parts.guide = vec![GuideItem {
        key: "どのキーでも".to_string(),
        action: "はじめる",
        intent: Intent::Open(1),
        x: 0,
        width: 0,
        rank: 0,
    }];
    // What the attract screen also says aloud, for those who can see it.
    if state.speech() {
        let voice = guide::item(state.keymap(), Intent::Select, "音声案内ではじめる");
        parts.guide.extend(voice);
    }
    parts
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use crate::app::State;
    use crate::content::Content;
    use crate::layout::Geometry;
    use crate::view::{View, view};

    #[test]
    fn the_footer_says_what_the_hint_says_any_key_begins() {
        for (width, height) in [(40, 12), (80, 24), (160, 45)] {
            let content = Arc::new(Content::embedded().unwrap());
            let state = State::new(content, Geometry::new(width, height), Instant::now());
            let View::Screen(screen) = view(&state) else {
                panic!("{width}x{height} is usable");
            };
            let guide: Vec<(&str, &str)> = screen
                .guide
                .iter()
                .map(|i| (i.key.as_str(), i.action))
                .collect();
            assert_eq!(guide, [("どのキーでも", "はじめる")], "{width}x{height}");
            assert!(super::ATTRACT_HINT.starts_with("どのキー"));
        }
    }
}
