//! Lines filled with whole phrases: short messages break only where a reader pauses.

use super::width::display_width_with;
use super::wrap::{WrapOptions, wrap_japanese};

/// Fills lines of at most `options.width` columns with `phrases` in order, each phrase whole:
/// a line ends before the phrase that would not fit. A phrase wider than a whole line is
/// wrapped on its own by [`wrap_japanese`], as ordinary text is.
///
/// Japanese has no spaces to show where a phrase ends, so a message broken by
/// [`wrap_japanese`] may split a word from its particle (`ウィンドウ|を`); a message written as
/// phrases (`["画面が", "小さすぎます。"]`) never is.
///
/// ```
/// use faq_kiosk::text::{WrapOptions, fill_phrases};
/// let phrases = ["ウィンドウを", "大きく", "してください。"];
/// assert_eq!(
///     fill_phrases(&phrases, WrapOptions::new(20)),
///     ["ウィンドウを大きく", "してください。"]
/// );
/// ```
pub fn fill_phrases(phrases: &[&str], options: WrapOptions) -> Vec<String> {
    let width = options.width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for phrase in phrases {
        let phrase_width = display_width_with(phrase, options.ambiguous);
        if used + phrase_width <= width {
            line.push_str(phrase);
            used += phrase_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if phrase_width <= width {
            line.push_str(phrase);
            used = phrase_width;
        } else {
            lines.extend(wrap_japanese(phrase, options));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::display_width;

    const PHRASES: [&str; 5] = [
        "画面が",
        "小さすぎます。",
        "ウィンドウを",
        "大きく",
        "してください。",
    ];

    #[test]
    fn phrases_stay_whole_and_in_order_at_every_width() {
        for width in 1..60 {
            let lines = fill_phrases(&PHRASES, WrapOptions::new(width));
            assert_eq!(lines.concat(), PHRASES.concat(), "width {width}");
            for line in &lines {
                assert!(display_width(line) <= width.max(2), "{line:?} at {width}");
            }
            if width >= 14 {
                // Every phrase fits a line: each line is made of whole phrases.
                let mut rest = PHRASES.iter();
                for line in &lines {
                    let mut text = line.as_str();
                    while !text.is_empty() {
                        let phrase = rest.next().expect("more phrases");
                        text = text
                            .strip_prefix(phrase)
                            .unwrap_or_else(|| panic!("{line:?} splits {phrase:?} at {width}"));
                    }
                }
            }
        }
    }

    #[test]
    fn a_line_holds_as_many_phrases_as_fit() {
        let lines = fill_phrases(&PHRASES, WrapOptions::new(26));
        assert_eq!(
            lines,
            [
                "画面が小さすぎます。",
                "ウィンドウを大きく",
                "してください。"
            ]
        );
        let lines = fill_phrases(&PHRASES, WrapOptions::new(100));
        assert_eq!(lines, [PHRASES.concat()]);
    }

    #[test]
    fn a_phrase_wider_than_a_line_is_wrapped_on_its_own() {
        let lines = fill_phrases(&["画面が", "小さすぎます。"], WrapOptions::new(8));
        assert_eq!(lines, ["画面が", "小さすぎ", "ます。"]);
    }
}
