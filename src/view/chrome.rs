//! The frame around every screen: the header's title and edition, the page line, and the key
//! guide, each fitted to the terminal's width here so that the painter only paints.

use super::GuideItem;
use crate::content::{Notice, NoticePlace};
use crate::dates::Date;
use crate::layout::Geometry;
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

/// The page line: where the visitor is, and that more follows.
pub(super) fn status(geometry: &Geometry, (page, pages): (usize, usize)) -> Option<String> {
    if pages <= 1 {
        return None;
    }
    let text = if page < pages {
        format!("つづきは + キー　ページ {page}/{pages}")
    } else {
        format!("ページ {page}/{pages}")
    };
    let width = usize::from(geometry.body().width);
    Some(truncate_to_width(&text, width, geometry.ambiguous))
}

/// Columns one guide item takes: the key cap ` k `, a space, the action, two spaces.
pub(super) fn guide_item_width(geometry: &Geometry, item: &GuideItem) -> usize {
    geometry.text_width(item.key) + 2 + 1 + geometry.text_width(item.action) + 2
}

/// How much a key matters in the guide when not all fit: going back and home first (a lost
/// visitor needs them most), then choosing, then paging, then text size and colours.
fn priority(item: &GuideItem) -> u8 {
    // Stopping the voice matters to the visitor who hears it as much as opening does.
    if *item == super::KEY_STOP_SPEECH {
        return 1;
    }
    match item.key {
        "0" | "." => 0,
        "+" => 2,
        "-" => 3,
        "*" => 4,
        "/" => 5,
        _ => 1,
    }
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
            .max_by_key(|(index, item)| (priority(item), *index))
            .map(|(index, _)| index)
        else {
            break;
        };
        left_out.push(items.remove(drop));
    }
    left_out.sort_by_key(priority);
    (items, left_out)
}

/// The key guide on two lines: the footer, and the left of the page line for what the footer
/// has no room for (the page line's own text, `status`, keeps the right). What fits neither is
/// left out, the least needed first.
pub(super) fn fit_guide(
    geometry: &Geometry,
    items: Vec<GuideItem>,
    status: Option<&str>,
) -> (Vec<GuideItem>, Vec<GuideItem>) {
    let width = usize::from(geometry.width);
    let (footer, rest) = fit_guide_into(geometry, items, width.saturating_sub(1));
    let status_width = status.map_or(0, |s| geometry.text_width(s) + 2);
    let body_x = usize::from(geometry.body().x);
    let room = width.saturating_sub(2 * body_x + status_width);
    let (second, _) = fit_guide_into(geometry, rest, room);
    (footer, second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{KEY_BACK, KEY_HOME, KEY_NEXT, KEY_PREVIOUS};

    #[test]
    fn a_narrow_guide_keeps_back_and_home() {
        let items = vec![
            GuideItem {
                key: "1～2",
                action: "質問をえらぶ",
            },
            KEY_NEXT,
            KEY_PREVIOUS,
            KEY_BACK,
            KEY_HOME,
        ];
        let (footer, second) = fit_guide(&Geometry::new(40, 12), items.clone(), None);
        let keys: Vec<&str> = footer.iter().map(|i| i.key).collect();
        assert_eq!(keys, ["0", "."], "back and home stay in the footer");
        let keys: Vec<&str> = second.iter().map(|i| i.key).collect();
        assert_eq!(keys, ["1～2"], "the next most needed go on the page line");
        assert_eq!(
            fit_guide(&Geometry::new(160, 45), items.clone(), None),
            (items, vec![])
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
    fn the_page_line_says_more_follows() {
        let geometry = Geometry::new(80, 24);
        assert_eq!(status(&geometry, (1, 1)), None);
        assert_eq!(
            status(&geometry, (1, 2)).unwrap(),
            "つづきは + キー　ページ 1/2"
        );
        assert_eq!(status(&geometry, (2, 2)).unwrap(), "ページ 2/2");
    }
}
