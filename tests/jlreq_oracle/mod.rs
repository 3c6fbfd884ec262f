//! An independent checker for wrapped lines, shared by the wrapping tests.
//!
//! The character classes are written out again from JLReq appendix A rather than taken from the
//! engine, so that a slip in the engine's table shows up as a failure here.

use faq_kiosk::text::{AmbiguousWidth, HangingPunctuation, WrapOptions, display_width_with};
use unicode_segmentation::UnicodeSegmentation;

/// cl-02 to cl-07, cl-09 to cl-11 and postfixed abbreviations: never at the start of a line.
const CANNOT_START: &str = "’”）〕］｝〉》」』】｠〙〗»〟)]}｣‐〜～゠–-－？！‼⁇⁈⁉?!・：；･:;。．｡.、，､,\
    ヽヾゝゞ々〻ーｰぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ\
    ｧｨｩｪｫｬｭｮｯ％%‰°℃′″¢￠";
/// cl-01: never at the end of a line.
const CANNOT_END: &str = "‘“（〔［｛〈《「『【｟〘〖«〝([{｢";
/// cl-08: never split between two of these.
const INSEPARABLE: &str = "—―…‥〳〴〵";
/// What may hang past the width with hanging punctuation on.
const HANGING: &str = "、。，．";

/// Whether a break is allowed between `left` (the end of a line) and `right` (the start of
/// the next), `touching` when no space was dropped between them.
pub fn kinsoku_allows(left: &str, right: &str, touching: bool) -> bool {
    let (Some(last), Some(first)) = (left.chars().next_back(), right.chars().next()) else {
        return true;
    };
    !(CANNOT_END.contains(last)
        || CANNOT_START.contains(first)
        || (touching && INSEPARABLE.contains(last) && INSEPARABLE.contains(first)))
}

/// Whether kinsoku would allow a cut anywhere inside `line`, between two of its clusters.
fn has_allowed_cut(line: &str) -> bool {
    line.grapheme_indices(true).skip(1).any(|(offset, _)| {
        let (left, right) = line.split_at(offset);
        let (trimmed, next) = (left.trim_end_matches(' '), right.trim_start_matches(' '));
        let touching = trimmed.len() == left.len() && next.len() == right.len();
        !trimmed.is_empty() && kinsoku_allows(trimmed, next, touching)
    })
}

/// Checks `lines`, the result of wrapping the one paragraph `input`, against every rule:
/// widths, nothing lost or duplicated, spaces only dropped at breaks, the ※ indent, and kinsoku
/// unless no allowed cut existed. Returns a description of the first violation.
pub fn check_lines(input: &str, lines: &[String], options: WrapOptions) -> Result<(), String> {
    let ambiguous = options.ambiguous;
    let width = options.width.max(1);
    let paragraph = skip_spaces(input).trim_end_matches(' ');
    let mark = display_width_with("※", ambiguous);
    let indent = if paragraph.starts_with('※') && mark < width {
        mark
    } else {
        0
    };
    let indent = " ".repeat(indent);

    let mut rest = paragraph;
    let mut bodies = Vec::new();
    let mut touching = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // A line may begin with a space that a mark extends (" ﾞ"), not the indent: a cluster
        // too wide for the room after the indent is placed without it.
        let body = match line.strip_prefix(&indent) {
            Some(body) if i > 0 && skip_spaces(rest).starts_with(body) => body,
            _ => line.as_str(),
        };
        let first = body.graphemes(true).next();
        if line.graphemes(true).next_back() == Some(" ") || (i > 0 && first == Some(" ")) {
            return Err(format!("line {i} {line:?} has a space at a break"));
        }
        let skipped = skip_spaces(rest);
        touching.push(skipped.len() == rest.len());
        rest = skipped
            .strip_prefix(body)
            .ok_or_else(|| format!("line {i} {line:?} does not continue the input at {rest:?}"))?;
        check_width(i, line, body, width, options.hanging_punctuation, ambiguous)?;
        bodies.push(body);
    }
    if !rest.trim_matches(' ').is_empty() {
        return Err(format!("input left over: {rest:?}"));
    }
    for i in 1..bodies.len() {
        let (left, right) = (bodies[i - 1], bodies[i]);
        if !kinsoku_allows(left, right, touching[i]) && has_allowed_cut(left) {
            return Err(format!("kinsoku broken between {left:?} and {right:?}"));
        }
    }
    Ok(())
}

/// `text` without its leading spaces, leaving a space that a combining mark extends.
fn skip_spaces(text: &str) -> &str {
    let mut rest = text;
    while rest.graphemes(true).next() == Some(" ") {
        rest = &rest[1..];
    }
    rest
}

fn check_width(
    i: usize,
    line: &str,
    body: &str,
    width: usize,
    hanging: HangingPunctuation,
    ambiguous: AmbiguousWidth,
) -> Result<(), String> {
    let line_width = display_width_with(line, ambiguous);
    if line_width <= width {
        return Ok(());
    }
    let single_cluster = body.graphemes(true).count() == 1 && body == line;
    let hangs = hanging == HangingPunctuation::Hang
        && body
            .chars()
            .next_back()
            .is_some_and(|c| HANGING.contains(c))
        && line_width - 2 <= width;
    if single_cluster || hangs {
        Ok(())
    } else {
        Err(format!(
            "line {i} {line:?} is {line_width} columns, wider than {width}"
        ))
    }
}
