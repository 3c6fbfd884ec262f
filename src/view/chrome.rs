//! The frame around every screen: the header's title and edition, the page line, and the key
//! guide, each fitted to the terminal's width here so that the painter only paints.

use super::{Areas, GuideItem, PageStatus};
use crate::content::{Notice, NoticePlace};
use crate::dates::Date;
use crate::keys::{Intent, Keymap};
use crate::layout::{Area, Geometry};
use crate::text::truncate_to_width;

/// Columns between the end of the title and the edition, and after the edition.
const HEADER_GAPS: usize = 3;

/// The header's title (cut with … if needed) and the edition, when there is room for both.
pub(super) fn header(geometry: &Geometry, title: &str, edition: &str) -> (String, Option<String>) {
    let width = usize::from(geometry.width);
    // One column of margin on each side.
    let title = truncate_to_width(title, width.saturating_sub(2), geometry.ambiguous);
    let used = 1 + geometry.text_width(&title) + HEADER_GAPS + geometry.text_width(edition);
    let edition = (used <= width).then(|| edition.to_string());
    (title, edition)
}

/// The staff's notices for a screen at `place` on `today`, on the row under the header: those
/// within their dates, in file order, a full-width space apart, cut with … to the body's width.
pub(super) fn staff_notice(
    geometry: &Geometry,
    notices: &[Notice],
    today: Date,
    place: NoticePlace,
) -> Option<String> {
    let shown: Vec<&str> = notices
        .iter()
        .filter(|notice| notice.is_shown_on(today) && notice.belongs_on(place))
        .map(|notice| notice.text.as_str())
        .collect();
    if shown.is_empty() {
        return None;
    }
    let width = usize::from(geometry.body().width);
    Some(truncate_to_width(
        &shown.join("　"),
        width,
        geometry.ambiguous,
    ))
}

/// The page line's text on the right of `line`: where the visitor is, and that more follows
/// with the key the keymap gives the next page (a tap on it turns the page too).
pub(super) fn status(
    geometry: &Geometry,
    keymap: &Keymap,
    (page, pages): (usize, usize),
    line: Area,
) -> Option<PageStatus> {
    if pages <= 1 {
        return None;
    }
    let more = page < pages;
    let next_key = keymap.key_for(Intent::NextPage).filter(|_| more);
    let text = match next_key {
        Some(key) => format!("つづきは {key} キー　ページ {page}/{pages}"),
        None => format!("ページ {page}/{pages}"),
    };
    let text = truncate_to_width(&text, usize::from(line.width), geometry.ambiguous);
    let width = geometry.text_width(&text) as u16;
    Some(PageStatus {
        x: (line.x + line.width).saturating_sub(width),
        width,
        text,
        intent: more.then_some(Intent::NextPage),
    })
}

/// Columns one guide item takes: the key cap ` k `, a space, the action, two spaces.
pub(super) fn guide_item_width(geometry: &Geometry, item: &GuideItem) -> usize {
    geometry.text_width(&item.key) + 2 + 1 + geometry.text_width(item.action) + 2
}

/// The guide items that fit in `room` columns, in their order; the least needed give way
/// first, and are returned second, most needed first.
fn fit_guide_into(
    geometry: &Geometry,
    mut items: Vec<GuideItem>,
    room: usize,
) -> (Vec<GuideItem>, Vec<GuideItem>) {
    let mut left_out = Vec::new();
    while items
        .iter()
        .map(|i| guide_item_width(geometry, i))
        .sum::<usize>()
        > room
    {
        let Some(drop) = items
            .iter()
            .enumerate()
            .max_by_key(|(index, item)| (item.rank, *index))
            .map(|(index, _)| index)
        else {
            break;
        };
        left_out.push(items.remove(drop));
    }
    left_out.sort_by_key(|item| item.rank);
    (items, left_out)
}

/// The key guide on two lines: the footer, and the left of the page line for what the footer
/// has no room for (the page line's own text, `status`, keeps the right). What fits neither is
/// left out, the least needed first. Each item is given its place on its line.
pub(super) fn fit_guide(
    geometry: &Geometry,
    items: Vec<GuideItem>,
    status: Option<&str>,
    areas: &Areas,
) -> (Vec<GuideItem>, Vec<GuideItem>) {
    let width = usize::from(geometry.width);
    let (footer, rest) = fit_guide_into(geometry, items, width.saturating_sub(1));
    let status_width = status.map_or(0, |s| geometry.text_width(s) + 2);
    let room = width.saturating_sub(2 * usize::from(areas.page_line.x) + status_width);
    let (second, _) = fit_guide_into(geometry, rest, room);
    // The footer spans the screen and starts a column in; the page line starts with the body.
    let footer_x = areas.footer.x + u16::from(areas.footer.x == 0);
    (
        place(geometry, footer, footer_x),
        place(geometry, second, areas.page_line.x),
    )
}

/// Gives each item its column, one after another from `x`.
fn place(geometry: &Geometry, mut items: Vec<GuideItem>, mut x: u16) -> Vec<GuideItem> {
    for item in &mut items {
        item.x = x;
        item.width = guide_item_width(geometry, item) as u16;
        x = x.saturating_add(item.width);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::guide;

    #[test]
    fn a_narrow_guide_keeps_back_and_home() {
        let keymap = Keymap::default();
        let mut items: Vec<GuideItem> =
            guide::open_item(&keymap, 2, Intent::Select, "質問をえらぶ")
                .into_iter()
                .collect();
        items.extend(guide::page_keys(&keymap, 1, 3));
        items.extend(guide::back_and_home(&keymap));
        let narrow = Geometry::new(40, 12);
        let (footer, second) = fit_guide(&narrow, items.clone(), None, &Areas::of(&narrow));
        let keys: Vec<&str> = footer.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["0", "."], "back and home stay in the footer");
        let keys: Vec<&str> = second.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["1～2"], "the next most needed go on the page line");
        let wide = Geometry::new(160, 45);
        let (footer, second) = fit_guide(&wide, items.clone(), None, &Areas::of(&wide));
        let keys: Vec<&str> = footer.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["1～2", "+", "-", "0", "."]);
        assert_eq!(second, []);
        let columns: Vec<u16> = footer.iter().map(|i| i.x).collect();
        assert_eq!(
            columns[..2],
            [1, 1 + (4 + 2) + 1 + 12 + 2],
            "each after the one before"
        );
    }

    #[test]
    fn the_edition_gives_way_to_the_title() {
        let (title, edition) = header(&Geometry::new(80, 24), "マイナ保険証", "令和7年5月版");
        assert_eq!(
            (title.as_str(), edition.as_deref()),
            ("マイナ保険証", Some("令和7年5月版"))
        );
        let (title, edition) = header(
            &Geometry::new(20, 5),
            "マイナ保険証 よくある質問",
            "令和7年5月版",
        );
        assert_eq!((title.as_str(), edition), ("マイナ保険証 よく…", None));
    }

    #[test]
    fn the_page_line_says_more_follows_with_the_key_that_shows_it() {
        let geometry = Geometry::new(80, 24);
        let line = Areas::of(&geometry).page_line;
        let keymap = Keymap::default();
        let text = |keymap: &Keymap, page| status(&geometry, keymap, page, line).map(|s| s.text);
        assert_eq!(text(&keymap, (1, 1)), None);
        assert_eq!(
            text(&keymap, (1, 2)).unwrap(),
            "つづきは + キー　ページ 1/2"
        );
        assert_eq!(text(&keymap, (2, 2)).unwrap(), "ページ 2/2");
        let first = status(&geometry, &keymap, (1, 2), line).unwrap();
        assert_eq!(first.intent, Some(Intent::NextPage));
        assert_eq!(first.x + first.width, line.x + line.width, "on the right");
        assert_eq!(
            status(&geometry, &keymap, (2, 2), line).unwrap().intent,
            None
        );
        let moved = Keymap::new(
            crate::keys::NumLockOff::Digits,
            &std::collections::BTreeMap::from([
                (crate::keys::KeyLabel::Plus, crate::keys::Binding(None)),
                (
                    crate::keys::KeyLabel::Enter,
                    crate::keys::Binding(Some(Intent::NextPage)),
                ),
            ]),
        );
        assert_eq!(
            text(&moved, (1, 2)).unwrap(),
            "つづきは Enter キー　ページ 1/2"
        );
    }
}
