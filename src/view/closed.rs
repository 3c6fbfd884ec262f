//! The dark screen outside the opening hours: a short message, and when the kiosk opens
//! again, placed somewhere new at each move so that nothing burns into the display.

use crate::app::State;
use crate::hours::{LocalTime, WEEKDAY_NAMES, clock_text};
use crate::text::{display_width_with, truncate_to_width};

/// What the dark screen says when the kiosk will not open again today.
pub const CLOSED_TODAY: &str = "本日の受付は終了しました";
/// What the dark screen says when the kiosk opens again later today (a lunch break, or the
/// morning before opening).
pub const CLOSED_FOR_NOW: &str = "ただいま受付時間外です";

/// The dark screen: its lines, and where the block of them starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedView {
    /// The message, then when the kiosk opens again; each fits the screen's width.
    pub lines: Vec<String>,
    /// The column the block starts at; each line is centred within the block.
    pub x: u16,
    /// The row of the first line.
    pub y: u16,
    /// The block's width in columns.
    pub width: u16,
}

/// The dark screen of `state` at its message's `step`th place.
pub(super) fn closed_view(state: &State, step: u64) -> ClosedView {
    let geometry = state.geometry();
    let opening = state.next_opening();
    let today = state.local_time().map(LocalTime::day_number);
    let later_today = opening.is_some_and(|at| Some(at.day_number()) == today);
    let message = state.closed_message().unwrap_or(if later_today {
        CLOSED_FOR_NOW
    } else {
        CLOSED_TODAY
    });
    let mut lines = vec![message.to_string()];
    if let Some(at) = opening {
        lines.push(if later_today {
            format!("受付は {} からです", clock_text(at.minute_of_day()))
        } else {
            format!("次の受付は {} からです", day_and_time(at))
        });
    }
    let screen_width = usize::from(geometry.width);
    let lines: Vec<String> = lines
        .iter()
        .take(usize::from(geometry.height.max(1)))
        .map(|line| truncate_to_width(line, screen_width, geometry.ambiguous))
        .collect();
    let width = lines
        .iter()
        .map(|line| display_width_with(line, geometry.ambiguous))
        .max()
        .unwrap_or(0) as u16;
    let free_x = geometry.width.saturating_sub(width);
    let free_y = geometry.height.saturating_sub(lines.len() as u16);
    let (x, y) = place(step, free_x, free_y);
    ClosedView { lines, x, y, width }
}

/// Where the block goes at its `step`th place, within `free_x` + 1 columns and `free_y` + 1
/// rows: the middle first, then scattered places, each far from the last in most steps.
fn place(step: u64, free_x: u16, free_y: u16) -> (u16, u16) {
    if step == 0 {
        return (free_x / 2, free_y / 2);
    }
    let mixed = splitmix(step);
    let pick = |bits: u64, free: u16| (bits % (u64::from(free) + 1)) as u16;
    (pick(mixed, free_x), pick(mixed >> 32, free_y))
}

/// A well-mixed 64-bit number from `n` (the SplitMix64 finaliser).
fn splitmix(n: u64) -> u64 {
    let mut z = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `12月2日（水）9:00`.
pub(super) fn day_and_time(at: LocalTime) -> String {
    let Some(date) = at.date() else {
        return clock_text(at.minute_of_day());
    };
    format!(
        "{}月{}日（{}）{}",
        date.month(),
        date.day(),
        WEEKDAY_NAMES[date.weekday() as usize],
        clock_text(at.minute_of_day())
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::*;
    use crate::app::{Action, Screen};
    use crate::config::Config;
    use crate::content::Content;
    use crate::layout::Geometry;
    use crate::text::AmbiguousWidth;

    /// A kiosk at `width` x `height` after hours (a Sunday, with weekday hours), on its dark
    /// screen's `step`th place.
    fn dark(width: u16, height: u16) -> State {
        let config: Config = toml::from_str("[hours]\nmon = \"09:00-17:30\"\n").unwrap();
        let now = Instant::now();
        let mut state = State::new(
            Arc::new(Content::embedded().unwrap()),
            Geometry::new(width, height),
            now,
        );
        state.update(config.state_settings(None), now);
        state.update(
            Action::LocalTime(LocalTime::parse("2026-12-06T20:00").unwrap()),
            now,
        );
        assert_eq!(state.screen(), Screen::Closed { step: 0 });
        state
    }

    #[test]
    fn the_block_fits_every_screen_down_to_one_cell() {
        for (width, height) in [(80, 24), (40, 12), (20, 3), (5, 1), (1, 1)] {
            let state = dark(width, height);
            for step in 0..20 {
                let view = closed_view(&state, step);
                assert!(view.lines.len() <= usize::from(height));
                assert!(view.x + view.width <= width, "{width}x{height} step {step}");
                assert!(view.y as usize + view.lines.len() <= usize::from(height));
                for line in &view.lines {
                    assert!(
                        display_width_with(line, AmbiguousWidth::Narrow) <= usize::from(view.width)
                    );
                }
            }
            // Every cell is black but the second halves of wide characters, which ratatui
            // leaves blank in the default colours and the terminal covers with the character.
            let drawn = crate::ui::render_to_buffer(&state, &crate::ui::Styles::default());
            let cells = &drawn.content;
            let covered = |i: usize| {
                !i.is_multiple_of(usize::from(width))
                    && display_width_with(cells[i - 1].symbol(), AmbiguousWidth::Narrow) == 2
            };
            assert!(
                (0..cells.len()).all(|i| cells[i].bg == ratatui::style::Color::Black || covered(i)),
                "dark everywhere at {width}x{height}"
            );
        }
        let full = closed_view(&dark(80, 24), 0);
        assert_eq!(
            full.lines,
            [
                "本日の受付は終了しました",
                "次の受付は 12月7日（月）9:00 からです"
            ]
        );
    }

    #[test]
    fn the_message_starts_in_the_middle_and_moves_within_the_screen() {
        assert_eq!(place(0, 40, 20), (20, 10));
        let places: Vec<(u16, u16)> = (1..=50).map(|step| place(step, 40, 20)).collect();
        assert!(places.iter().all(|&(x, y)| x <= 40 && y <= 20));
        let distinct: std::collections::BTreeSet<_> = places.iter().collect();
        assert!(distinct.len() > 40, "{distinct:?}");
        assert!(places.windows(2).all(|pair| pair[0] != pair[1]));
        assert_eq!(place(7, 0, 0), (0, 0));
    }
}
