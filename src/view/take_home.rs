//! The take-home screen: a QR code of a link or phone number from an answer, with what it
//! holds printed beside it for those who would rather write it down.

use super::{BodyLine, Parts, Role, guide};
use crate::app::State;
use crate::content::TakeHome;
use crate::layout::Geometry;
use crate::qr::{QrCode, QrEncoding};
use crate::text::{WrapOptions, wrap_japanese};

/// A QR code placed in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPlacement {
    /// What the code holds.
    pub text: String,
    /// The body row of its top.
    pub row: u16,
    /// The body column of its left edge.
    pub x: u16,
    /// How its modules become cells on this terminal.
    pub encoding: QrEncoding,
}

/// Columns between the code and the text beside it.
const GAP: u16 = 3;
/// The narrowest the text beside the code may be before it goes below instead.
const MIN_SIDE_WIDTH: u16 = 20;

pub(super) fn take_home_view(state: &State, item: usize) -> (Parts, Option<QrPlacement>) {
    let geometry = state.geometry();
    let body = geometry.body();
    let Some(target) = state
        .question()
        .and_then(|q| q.take_home().into_iter().nth(item))
    else {
        return (
            Parts::new(Vec::new(), (1, 1), guide::back_and_home(state.keymap())),
            None,
        );
    };
    let wrap = |text: &str, width: u16| {
        let options = WrapOptions::new(usize::from(width.max(1))).ambiguous(geometry.ambiguous);
        wrap_japanese(text, options)
    };
    let mut parts = Parts::new(Vec::new(), (1, 1), guide::back_and_home(state.keymap()));
    let label = wrap(&target.label, body.width);
    let Ok(code) = QrCode::new(&target.encoded) else {
        push_label(&mut parts.body, &label);
        explanation(&mut parts.body, &target, body.width, &wrap);
        return (parts, None);
    };
    let Some((encoding, label_above)) = choose(&code, &geometry, label.len() as u16) else {
        push_label(&mut parts.body, &label);
        for line in wrap("画面が小さいため、コードを表示できません。", body.width)
        {
            parts.body.push(BodyLine::plain(line, Role::Muted));
        }
        explanation(&mut parts.body, &target, body.width, &wrap);
        return (parts, None);
    };
    if label_above {
        push_label(&mut parts.body, &label);
    }
    let (columns, rows) = code.size(encoding);
    let top = parts.body.len() as u16;
    let side = body.width.saturating_sub(columns + GAP);
    let placement = QrPlacement {
        text: target.encoded.clone(),
        row: top,
        x: 0,
        encoding,
    };
    if side >= MIN_SIDE_WIDTH {
        let mut beside = Vec::new();
        if !label_above {
            push_label(&mut beside, &wrap(&target.label, side));
        }
        explanation(&mut beside, &target, side, &wrap);
        for line in beside.into_iter() {
            parts.body.push(BodyLine {
                indent: usize::from(columns + GAP),
                ..line
            });
        }
    } else {
        for _ in 0..rows {
            parts.body.push(BodyLine::blank());
        }
        explanation(&mut parts.body, &target, body.width, &wrap);
    }
    fit_rows(&mut parts, &geometry);
    (parts, Some(placement))
}

/// The label (what the code is) and a blank line after it.
fn push_label(lines: &mut Vec<BodyLine>, label: &[String]) {
    for line in label {
        lines.push(BodyLine::plain(line.clone(), Role::Heading));
    }
    lines.push(BodyLine::blank());
}

/// How to draw `code` in this body, and whether its label (`label_rows` rows) goes above it
/// (else beside it): the first that fits of
///
/// 1. space pairs, label above: every cell a space, so the code has no seams. xterm draws
///    ▀ ▄ █ from the font, whose glyphs stop short of the cell's edges at some sizes (14 to
///    16 points with DejaVu Sans Mono): the thin lines between them kept scanners from
///    decoding the code. Space pairs take twice the rows of half blocks.
/// 2. half blocks, label above, where the terminal draws them one column wide;
/// 3. half blocks, label beside the code, for the few rows of a large font.
fn choose(code: &QrCode, geometry: &Geometry, label_rows: u16) -> Option<(QrEncoding, bool)> {
    let body = geometry.body();
    let half = QrEncoding::for_ambiguous(geometry.ambiguous);
    [(QrEncoding::SpacePairs, true), (half, true), (half, false)]
        .into_iter()
        .find(|&(encoding, label_above)| {
            let (columns, rows) = code.size(encoding);
            let top = if label_above { label_rows + 1 } else { 0 };
            let side = body.width.saturating_sub(columns + GAP);
            columns <= body.width
                && top + rows <= body.height
                && (label_above || side >= MIN_SIDE_WIDTH)
        })
}

/// What the code holds and what to do with it.
fn explanation(
    lines: &mut Vec<BodyLine>,
    target: &TakeHome,
    width: u16,
    wrap: &impl Fn(&str, u16) -> Vec<String>,
) {
    for line in wrap(&target.shown, width) {
        lines.push(BodyLine::plain(line, Role::Heading));
    }
    lines.push(BodyLine::blank());
    let hint = if target.is_phone {
        "スマートフォンのカメラでこのコードを読み取ると、この番号に電話をかけられます。"
    } else {
        "スマートフォンのカメラでこのコードを読み取ると、このページを開けます。"
    };
    for line in wrap(hint, width) {
        lines.push(BodyLine::plain(line, Role::Body));
    }
}

/// Drops lines that would fall below the body: the code and the number come first.
fn fit_rows(parts: &mut Parts, geometry: &Geometry) {
    parts.body.truncate(usize::from(geometry.body().height));
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use crate::app::{Action, State};
    use crate::content::Content;
    use crate::keys::Intent;
    use crate::layout::Geometry;
    use crate::view::{View, view};

    fn screen(width: u16, height: u16) -> crate::view::ScreenView {
        let now = Instant::now();
        let content = Arc::new(Content::embedded().unwrap());
        let mut state = State::new(content, Geometry::new(width, height), now);
        for action in [
            Action::OtherKey,
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
            Action::Key(Intent::Open(1)),
        ] {
            state.update(action, now);
        }
        match view(&state) {
            View::Screen(screen) => *screen,
            View::TooSmall(_) | View::Closed(_) => panic!("not a screen"),
        }
    }

    #[test]
    fn the_phone_number_is_shown_as_a_code_with_the_number_beside_it() {
        let shown = screen(80, 24);
        let qr = shown.qr.expect("a code fits at 80x24");
        assert_eq!(qr.text, "tel:0120950178");
        assert!(
            shown
                .body
                .iter()
                .any(|l| l.text == "0120-95-0178" && l.indent > 0)
        );
        let keys: Vec<&str> = shown.guide.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["0", "."]);
    }

    #[test]
    fn space_pairs_where_they_fit_half_blocks_where_they_do_not() {
        use crate::qr::QrEncoding;
        // 29 modules with the quiet zone: space pairs need 58 columns and 29 rows.
        assert_eq!(screen(147, 39).qr.unwrap().encoding, QrEncoding::SpacePairs);
        assert_eq!(screen(120, 32).qr.unwrap().encoding, QrEncoding::HalfBlock);
        assert_eq!(screen(80, 24).qr.unwrap().encoding, QrEncoding::HalfBlock);
    }

    #[test]
    fn the_label_goes_beside_the_code_when_the_rows_are_few() {
        // 73x20 is what foot gives at 32 points on 1920x1080.
        let shown = screen(73, 20);
        let qr = shown.qr.expect("a code fits at 73x20");
        assert_eq!(qr.row, 0);
        assert!(
            shown
                .body
                .iter()
                .any(|l| l.text.contains("電話") && l.indent > 0)
        );
    }

    #[test]
    fn a_screen_too_small_for_the_code_still_gives_the_number() {
        let shown = screen(40, 12);
        assert!(shown.qr.is_none());
        assert!(shown.body.iter().any(|l| l.text == "0120-95-0178"));
    }
}
