//! Fitting a string into exactly a given number of columns, for fixed-width cells.

use super::truncate::truncate_to_width;
use super::width::{AmbiguousWidth, display_width_with};

/// `text` made exactly `width` columns wide: cut with `…` if too wide, then filled with spaces.
///
/// Filling happens after cutting, so a wide character that did not fit before the edge leaves
/// a space in its place and the result is always `width` columns.
///
/// ```
/// use faq_kiosk::text::{AmbiguousWidth, pad_to_width};
/// assert_eq!(pad_to_width("Q1", 4, AmbiguousWidth::Narrow), "Q1  ");
/// assert_eq!(pad_to_width("質問", 5, AmbiguousWidth::Narrow), "質問 ");
/// assert_eq!(pad_to_width("マイナ保険証", 6, AmbiguousWidth::Narrow), "マイ… ");
/// ```
pub fn pad_to_width(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let mut out = truncate_to_width(text, width, ambiguous);
    let used = display_width_with(&out, ambiguous);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_is_always_exactly_the_width() {
        for width in 0..12 {
            for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
                let padded = pad_to_width("※マイナ保険証", width, ambiguous);
                assert_eq!(display_width_with(&padded, ambiguous), width, "{padded:?}");
            }
        }
    }
}
