//! Whole-screen snapshots, compared as text, at the sizes a kiosk is set up at.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::app::{Action, State};
use crate::content::Content;
use crate::keys::Intent;
use crate::layout::Geometry;
use crate::text::AmbiguousWidth;

/// The screen after `actions`, starting from the home screen (past the attract screen).
fn screen(width: u16, height: u16, actions: &[Action]) -> String {
    let now = Instant::now();
    let mut actions = actions.to_vec();
    actions.insert(0, Action::OtherKey);
    screen_from_attract(width, height, &actions, now)
}

fn screen_from_attract(width: u16, height: u16, actions: &[Action], now: Instant) -> String {
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(width, height), now);
    for action in actions {
        state.update(action.clone(), now);
    }
    buffer_text(&render_to_buffer(&state, &Styles::default()))
}

const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (160, 45)];

#[test]
fn home_screen() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("home_{w}x{h}"), screen(w, h, &[]));
    }
}

#[test]
fn category_screen_listing_every_question() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("all_questions_{w}x{h}"),
            screen(w, h, &[Action::Key(Intent::Open(5))])
        );
    }
}

#[test]
fn long_answer_first_and_last_page() {
    for (w, h) in SIZES {
        let open = [Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))];
        insta::assert_snapshot!(format!("answer_q7_{w}x{h}"), screen(w, h, &open));
        // Two pages on, or to the last page if sooner: `+` there would show the hint that it
        // does nothing.
        let mut state = State::new(
            Arc::new(Content::embedded().unwrap()),
            Geometry::new(w, h),
            Instant::now(),
        );
        for action in [
            Action::OtherKey,
            Action::Key(Intent::Open(4)),
            Action::Key(Intent::Open(2)),
        ] {
            state.update(action, Instant::now());
        }
        let turns = (state.answer_page_count() - 1).min(2);
        let last: Vec<Action> = open
            .into_iter()
            .chain(std::iter::repeat_n(Action::Key(Intent::NextPage), turns))
            .collect();
        insta::assert_snapshot!(format!("answer_q7_last_{w}x{h}"), screen(w, h, &last));
    }
}

#[test]
fn smallest_layout_and_below() {
    insta::assert_snapshot!(
        "answer_q3_40x12",
        screen(
            40,
            12,
            &[Action::Key(Intent::Open(3)), Action::Key(Intent::Open(1))]
        )
    );
    insta::assert_snapshot!("too_small_30x8", screen(30, 8, &[]));
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    for w in 0..=90 {
        for h in [0, 1, 2, 5, 11, 12, 13, 24] {
            screen(
                w,
                h,
                &[
                    Action::Key(Intent::Open(5)),
                    Action::Key(Intent::Open(7)),
                    Action::Key(Intent::NextPage),
                ],
            );
        }
    }
}

#[test]
fn no_row_is_wider_than_the_terminal() {
    for (w, h) in SIZES.into_iter().chain([(40, 12), (41, 13), (57, 19)]) {
        for actions in [
            vec![],
            vec![Action::Key(Intent::Open(5))],
            vec![Action::Key(Intent::Open(4)), Action::Key(Intent::Open(3))],
        ] {
            let text = screen(w, h, &actions);
            for row in text.lines() {
                assert!(
                    crate::text::display_width(row) <= usize::from(w),
                    "{w}x{h}: {row}"
                );
            }
        }
    }
}

#[test]
fn attract_screen() {
    for (w, h) in SIZES.into_iter().chain([(240, 67)]) {
        let text = screen_from_attract(w, h, &[], Instant::now());
        insta::assert_snapshot!(format!("attract_{w}x{h}"), text);
    }
}

#[test]
fn idle_warning_over_an_answer() {
    let t0 = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(80, 24), t0);
    for action in [
        Action::OtherKey,
        Action::Key(Intent::Open(3)),
        Action::Key(Intent::Open(1)),
    ] {
        state.update(action, t0);
    }
    state.update(Action::Tick, t0 + Duration::from_secs(125));
    let text = buffer_text(&render_to_buffer(&state, &Styles::default()));
    insta::assert_snapshot!("idle_warning_80x24", text);
}

#[test]
fn staff_screen() {
    insta::assert_snapshot!("staff_80x24", screen(80, 24, &[Action::Key(Intent::Staff)]));
    let text = screen(
        80,
        24,
        &[
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
            Action::Key(Intent::Home),
            Action::Key(Intent::Staff),
            Action::StaffInfoChanged(crate::app::StaffInfo {
                review_overdue: Some("2026-04-01".to_string()),
                ..Default::default()
            }),
        ],
    );
    assert!(
        text.contains("見直しの日: 2026-04-01 を過ぎています"),
        "{text}"
    );
    assert!(text.contains("起動してから開かれた答え: 1 回"), "{text}");
    assert!(text.contains("マイナンバーカードって安全なの？"), "{text}");
}

#[test]
fn a_view_laid_out_for_another_size_is_never_drawn() {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(2, 1), now);
    // The too-small message starts with a full-width character: cut at one column, it
    // would be a wide character in the last cell, which ratatui's diff cannot take.
    let styles = Styles::default();
    assert!(buffer_text(&render_to_buffer(&state, &styles)).starts_with('画'));
    for (w, h) in [(1, 1), (3, 1), (80, 24)] {
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "x", Style::default());
        draw_into(&mut buf, area, &view(&state), &styles, &state.geometry());
        let mut blank = Buffer::empty(area);
        blank.set_style(area, styles.normal);
        assert_eq!(buf, blank, "{w}x{h}");
        let _ = Buffer::empty(area).diff(&buf);
    }
    state.update(
        Action::Resize {
            width: 80,
            height: 24,
        },
        now,
    );
    assert!(buffer_text(&render_to_buffer(&state, &styles)).contains("マイナ保険証"));
}

/// Whether every character of `buf` ends inside its row, as ratatui's diff needs.
fn every_character_fits_its_row(buf: &Buffer) -> bool {
    let area = buf.area;
    (area.top()..area.bottom()).all(|y| {
        (area.left()..area.right()).all(|x| {
            let cell = &buf[(x, y)];
            let width = match cell.diff_option {
                CellDiffOption::ForcedWidth(width) => width.get(),
                _ => cursor_width(cell.symbol(), AmbiguousWidth::Narrow) as u16,
            };
            x + width <= area.right()
        })
    })
}

#[test]
fn every_screen_fits_the_tiniest_terminals_and_diffs_from_any_other() {
    let t0 = Instant::now();
    let screens: [&[Action]; 6] = [
        &[],
        &[Action::OtherKey],
        &[Action::OtherKey, Action::Key(Intent::Open(5))],
        &[
            Action::OtherKey,
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
        ],
        &[Action::OtherKey, Action::Key(Intent::Staff)],
        &[
            Action::OtherKey,
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
            Action::Key(Intent::Open(1)),
        ],
    ];
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for (w, h) in [
            (1, 1),
            (2, 1),
            (1, 2),
            (3, 1),
            (2, 2),
            (3, 3),
            (5, 1),
            (40, 1),
        ] {
            let mut drawn: Vec<Buffer> = Vec::new();
            for actions in screens {
                let content = Arc::new(Content::embedded().unwrap());
                let geometry = Geometry::new(80, 24).ambiguous(ambiguous);
                let mut state = State::new(content, geometry, t0);
                for action in actions {
                    state.update(action.clone(), t0);
                }
                state.update(
                    Action::Resize {
                        width: w,
                        height: h,
                    },
                    t0,
                );
                // The idle warning too, drawn over whatever the screen shows.
                for at in [t0, t0 + Duration::from_secs(125)] {
                    state.update(Action::Tick, at);
                    let buf = render_to_buffer(&state, &Styles::default());
                    assert!(every_character_fits_its_row(&buf), "{w}x{h} {actions:?}");
                    drawn.push(buf);
                }
            }
            let blank = Buffer::empty(drawn[0].area);
            for previous in drawn.iter().chain([&blank]) {
                for next in &drawn {
                    assert!(previous.diff(next).len() <= usize::from(w * h));
                }
            }
        }
    }
}

#[test]
fn large_glyphs_and_codes_fit_the_tiniest_areas() {
    use crate::big_text::{BigFont, CellEncoding};
    let code = QrCode::new("tel:0120950178").unwrap();
    for (w, h) in [(1, 1), (2, 1), (1, 2), (3, 1), (3, 3)] {
        let area = Rect::new(0, 0, w, h);
        for encoding in [
            CellEncoding::HalfBlock,
            CellEncoding::Sextant,
            CellEncoding::Braille,
        ] {
            for font in [BigFont::B12, BigFont::B16] {
                // 〓 is in neither font: it is drawn as itself, two columns wide, if it fits.
                for text in ["画", "〓", "a〓"] {
                    let mut buf = Buffer::empty(area);
                    BigText::new(text)
                        .font(font)
                        .encoding(encoding)
                        .render(area, &mut buf);
                    assert!(every_character_fits_its_row(&buf), "{text} {w}x{h}");
                    let _ = Buffer::empty(area).diff(&buf);
                }
            }
            let mut buf = Buffer::empty(area);
            QrWidget::new(&code).render(area, &mut buf);
            assert!(every_character_fits_its_row(&buf), "QR {w}x{h}");
        }
    }
}

/// The screen of an answer with ※ notes, on a terminal that draws ambiguous characters wide.
fn wide_terminal_answer(width: u16, height: u16) -> Buffer {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let geometry = Geometry::new(width, height).ambiguous(AmbiguousWidth::Wide);
    let mut state = State::new(content, geometry, now);
    for action in [
        Action::OtherKey,
        Action::Key(Intent::Open(3)),
        Action::Key(Intent::Open(2)),
    ] {
        state.update(action, now);
    }
    render_to_buffer(&state, &Styles::default())
}

#[test]
fn wide_ambiguous_characters_take_two_cells_and_rows_still_fit() {
    for (w, h) in [(80, 24), (40, 12)] {
        let buf = wide_terminal_answer(w, h);
        let text = buffer_text(&buf);
        for row in text.lines() {
            let columns = crate::text::display_width_with(row, AmbiguousWidth::Wide);
            assert!(
                columns <= usize::from(w),
                "{w}x{h}: {columns} columns: {row}"
            );
        }
        let mut marks = 0;
        for y in 0..h {
            for x in 0..w {
                if buf[(x, y)].symbol() == "※" {
                    marks += 1;
                    assert_eq!(buf[(x + 1, y)].diff_option, CellDiffOption::Skip);
                }
            }
        }
        assert!(marks >= 1 || h < 24, "{text}");
    }
    insta::assert_snapshot!(
        "answer_q8_wide_80x24",
        buffer_text(&wide_terminal_answer(80, 24))
    );
}

#[test]
fn a_glyph_wider_than_its_cursor_advance_gets_a_blank_cell() {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(80, 24), now);
    for action in [
        Action::OtherKey,
        Action::Key(Intent::Open(3)),
        Action::Key(Intent::Open(2)),
    ] {
        state.update(action, now);
    }
    let buf = render_to_buffer(&state, &Styles::default());
    let text = buffer_text(&buf);
    let row = text.lines().position(|l| l.contains('※')).unwrap() as u16;
    let x = (0..80).find(|&x| buf[(x, row)].symbol() == "※").unwrap();
    // The terminal moves the cursor one column, so the cell after is painted, blank, for
    // the glyph's second half; the text goes on after it.
    assert_eq!(buf[(x + 1, row)].diff_option, CellDiffOption::None);
    assert_eq!(buf[(x + 1, row)].symbol(), " ");
    assert_ne!(buf[(x + 2, row)].symbol(), " ");
}

/// The home screen drawn with large glyphs in one encoding only.
fn home_in(width: u16, height: u16, encoding: crate::big_text::CellEncoding) -> String {
    use crate::big_text::CellEncoding;
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let options = crate::layout::BigTextOptions {
        half_block: encoding == CellEncoding::HalfBlock,
        sextant: encoding == CellEncoding::Sextant,
        braille: encoding == CellEncoding::Braille,
        ..Default::default()
    };
    let mut state = State::new(content, Geometry::new(width, height).big_text(options), now);
    state.update(Action::OtherKey, now);
    buffer_text(&render_to_buffer(&state, &Styles::default()))
}

const BIG_TEXT_SIZES: [(u16, u16); 4] = [(80, 24), (120, 36), (160, 45), (240, 67)];

#[test]
fn home_screen_in_each_large_glyph_encoding() {
    use crate::big_text::CellEncoding;
    for (w, h) in BIG_TEXT_SIZES {
        for (name, encoding) in [
            ("half_block", CellEncoding::HalfBlock),
            ("sextant", CellEncoding::Sextant),
            ("braille", CellEncoding::Braille),
        ] {
            insta::assert_snapshot!(format!("home_{name}_{w}x{h}"), home_in(w, h, encoding));
        }
    }
}

#[test]
fn large_glyph_menus_fit_or_give_way_to_the_normal_menu() {
    use crate::big_text::CellEncoding;
    for (w, h) in BIG_TEXT_SIZES {
        let text = home_in(w, h, CellEncoding::HalfBlock);
        let big = text.contains('▀') || text.contains('▄');
        let normal = text.contains("使い方");
        assert!(big != normal, "{w}x{h}: one menu or the other:\n{text}");
        for row in text.lines() {
            assert!(
                crate::text::display_width(row) <= usize::from(w),
                "{w}x{h}: {row}"
            );
        }
    }
    assert!(
        home_in(80, 24, CellEncoding::HalfBlock).contains("使い方"),
        "too small at 80x24"
    );
    assert!(home_in(240, 67, CellEncoding::HalfBlock).contains('█'));
}

/// The answer to q3 after `extra` keys, drawn in the styles of theme `theme` of the cycle.
fn answer_in(width: u16, height: u16, extra: &[Action], theme: usize) -> Buffer {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(width, height), now);
    for action in [
        Action::OtherKey,
        Action::Key(Intent::Open(3)),
        Action::Key(Intent::Open(1)),
    ] {
        state.update(action, now);
    }
    for action in extra {
        state.update(action.clone(), now);
    }
    let config = crate::config::Config::default();
    let themes: Vec<Styles> = config
        .theme_cycle()
        .into_iter()
        .map(|t| Styles::for_theme(t, ColourMode::TrueColour))
        .collect();
    assert_eq!(state.theme() % themes.len(), theme);
    render_to_buffer(&state, styles_for(&themes, &state))
}

#[test]
fn answer_screen_in_normal_and_large_text() {
    for (w, h) in [(80, 24), (160, 45)] {
        let normal = buffer_text(&answer_in(w, h, &[], 0));
        insta::assert_snapshot!(format!("answer_q3_normal_{w}x{h}"), normal);
        let large = buffer_text(&answer_in(w, h, &[Action::Key(Intent::TextSize)], 0));
        assert!(large.contains('█') || large.contains('▀'), "{large}");
        insta::assert_snapshot!(format!("answer_q3_large_{w}x{h}"), large);
        let paged = buffer_text(&answer_in(
            w,
            h,
            &[Action::Key(Intent::TextSize), Action::Key(Intent::NextPage)],
            0,
        ));
        assert_ne!(paged, large, "+ turns a page of large text");
    }
}

#[test]
fn answer_screen_in_both_themes() {
    use ratatui::style::Color;
    let config = crate::config::Config::default();
    for (index, theme) in config.theme_cycle().into_iter().enumerate() {
        let keys = vec![Action::Key(Intent::Theme); index];
        for (w, h) in [(80, 24), (160, 45)] {
            let buf = answer_in(w, h, &keys, index);
            let rgb = |c: crate::config::Colour| crate::ui::color(c);
            let colours = theme.colours;
            let question = &buf[(Geometry::new(w, h).body().x, 2)];
            assert_eq!(question.fg, rgb(colours.accent), "{} {w}x{h}", theme.name);
            assert_eq!(question.bg, rgb(colours.background));
            let header = &buf[(0, 0)];
            assert_eq!(header.bg, rgb(colours.bar_background));
            let body = Geometry::new(w, h).body();
            let text = &buf[(body.x, body.y + 2)];
            assert_eq!(text.fg, rgb(colours.foreground), "{} {w}x{h}", theme.name);
            assert_ne!(text.fg, Color::Reset);
        }
    }
}

/// The buffers of the home screen before and after the highlight moves down one entry.
fn highlight_move(geometry: Geometry) -> (Buffer, Buffer) {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, geometry, now);
    state.update(Action::OtherKey, now);
    let before = render_to_buffer(&state, &Styles::default());
    state.update(Action::Key(Intent::Down), now);
    (before, render_to_buffer(&state, &Styles::default()))
}

#[test]
fn the_highlight_is_a_marker_in_the_margin_and_the_text_keeps_its_colours() {
    let (before, after) = highlight_move(Geometry::new(80, 24));
    let styles = Styles::default();
    let marked_rows = |buffer: &Buffer| -> Vec<u16> {
        // The body's rows, between the header and the key guide, which share its colour.
        (1..23)
            .filter(|&y| buffer[(0, y)].bg == styles.marker.bg.unwrap())
            .collect()
    };
    // The first entry's title and detail rows, then the second's.
    assert_eq!(marked_rows(&before), [4, 5]);
    assert_eq!(marked_rows(&after), [7, 8]);
    let changed: Vec<(u16, u16)> = before
        .diff(&after)
        .into_iter()
        .map(|(x, y, _)| (x, y))
        .collect();
    assert_eq!(
        changed,
        [
            (0, 4),
            (1, 4),
            (0, 5),
            (1, 5),
            (0, 7),
            (1, 7),
            (0, 8),
            (1, 8)
        ],
        "only the two markers change"
    );
}

#[test]
fn a_large_glyph_menu_is_marked_beside_its_entry() {
    let options = crate::layout::BigTextOptions {
        half_block: true,
        ..Default::default()
    };
    let (before, after) = highlight_move(Geometry::new(160, 45).big_text(options));
    let changed = before.diff(&after);
    assert!(!changed.is_empty());
    assert!(
        changed.len() <= 2 * 2 * usize::from(MARKER_ROWS_MAX),
        "{} cells changed",
        changed.len()
    );
    let marker = Styles::default().marker;
    assert!(
        changed
            .iter()
            .any(|(_, _, cell)| cell.bg == marker.bg.unwrap())
    );
}
