//! The attract screen: the kiosk's title, large when it fits, and an invitation to press a key.

use super::{BodyLine, Parts, Role, guide};
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
    // Any key begins; the guide names the number keys the prompt asks for. A tap on it
    // begins as a number key does (Enter would also turn the voice guide on).
    parts.guide = guide::open_item(state.keymap(), 9, Intent::Open(1), "はじめる")
        .into_iter()
        .collect();
    // What the attract screen also says aloud, for those who can see it.
    if state.speech() {
        let voice = guide::item(state.keymap(), Intent::Select, "音声案内ではじめる");
        parts.guide.extend(voice);
    }
    parts
}
