//! The hint after a key that did nothing: the screen says so, and which keys work here, so a
//! visitor is never left with a key that seems broken (a bell alone says nothing of what to do).

use super::GuideItem;
use crate::layout::Geometry;
use crate::text::{WrapOptions, fill_phrases};

/// The hint's first line.
const KEY_HINT: &str = "そのキーは、ここでは使えません";

/// The line before the keys that work.
const KEY_HINT_KEYS: &str = "使えるキー：";

/// The hint's lines for a screen whose keys are `guide`, each fitted to the body's width less
/// a margin; the keys are listed whole, a key never parted from what it does.
pub(super) fn key_hint(geometry: &Geometry, guide: &[GuideItem]) -> Vec<String> {
    let width = usize::from(geometry.body().width).saturating_sub(4).max(1);
    let options = WrapOptions::new(width).ambiguous(geometry.ambiguous);
    let mut lines = fill_phrases(&[KEY_HINT], options);
    if guide.is_empty() {
        return lines;
    }
    let items: Vec<String> = guide
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let gap = if index + 1 < guide.len() { "　" } else { "" };
            format!("{} {}{gap}", item.key, item.action)
        })
        .collect();
    let phrases: Vec<&str> = std::iter::once(KEY_HINT_KEYS)
        .chain(items.iter().map(String::as_str))
        .collect();
    lines.extend(
        fill_phrases(&phrases, options)
            .into_iter()
            .map(|line| line.trim_end_matches('　').to_string()),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Intent, Keymap};
    use crate::view::guide;

    #[test]
    fn the_hint_lists_every_key_that_works_whole_and_within_the_body() {
        let keymap = Keymap::default();
        let mut guide = vec![guide::open_item(&keymap, 5, Intent::Open(1), "えらぶ").unwrap()];
        guide.extend(guide::item(&keymap, Intent::NextPage, "次のページ"));
        guide.extend(guide::back_and_home(&keymap));
        assert_eq!(guide.len(), 4);
        let wide = key_hint(&Geometry::new(160, 45), &guide);
        assert_eq!(
            wide,
            [
                KEY_HINT,
                "使えるキー：1～5 えらぶ　+ 次のページ　0 もどる　. はじめの画面"
            ]
        );
        let geometry = Geometry::new(40, 12);
        let narrow = key_hint(&geometry, &guide);
        assert!(narrow.len() > 2, "{narrow:?}");
        let body = usize::from(geometry.body().width);
        for line in &narrow {
            assert!(geometry.text_width(line) <= body, "{line:?}");
        }
        let listed = narrow[1..].join("　");
        for item in &guide {
            assert!(
                listed.contains(&format!("{} {}", item.key, item.action)),
                "{listed}"
            );
        }
    }
}
