//! The attract screen: the kiosk's title and an invitation to press a key, centred.

use super::{BodyLine, GuideItem, Parts, Role};
use crate::app::State;

/// What the attract screen invites the visitor to do.
pub const ATTRACT_PROMPT: &str = "番号のキーを押してください";
/// The reassurance under the prompt: no key is wrong here.
pub const ATTRACT_HINT: &str = "どのキーを押しても始まります";

pub(super) fn attract_view(state: &State) -> Parts {
    let content = state.content();
    let geometry = state.geometry();
    let lines = [
        BodyLine::centered(content.meta.title.clone(), Role::Heading),
        BodyLine::centered(content.meta.edition.clone(), Role::Muted),
        BodyLine::centered("", Role::Body),
        BodyLine::centered("", Role::Body),
        BodyLine::centered(ATTRACT_PROMPT, Role::Heading),
        BodyLine::centered("", Role::Body),
        BodyLine::centered(ATTRACT_HINT, Role::Body),
    ];
    let width = usize::from(geometry.body().width);
    let fits = |line: &BodyLine| geometry.text_width(&line.text) <= width;
    let lines: Vec<BodyLine> = lines
        .into_iter()
        .map(|line| {
            if fits(&line) {
                line
            } else {
                let text = crate::text::truncate_to_width(&line.text, width, geometry.ambiguous);
                BodyLine { text, ..line }
            }
        })
        .collect();
    let top = usize::from(geometry.body().height).saturating_sub(lines.len()) / 2;
    let mut body = vec![BodyLine::plain("", Role::Body); top];
    body.extend(lines);
    let guide = vec![GuideItem {
        key: "1～9",
        action: "はじめる",
    }];
    (body, (1, 1), guide)
}
