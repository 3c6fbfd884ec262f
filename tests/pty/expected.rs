//! Screens the library itself draws, to compare with what the kiosk shows in the pty.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::app::{Action, State};
use faq_kiosk::config::Config;
use faq_kiosk::content::Content;
use faq_kiosk::layout::Geometry;
use faq_kiosk::ui::{self, ColourMode, Styles};
use ratatui::buffer::Buffer;

use super::{Kiosk, PATIENCE};

/// What the kiosk draws at `width` x `height` after `actions`, drawn by the library itself.
pub fn expected_screen(width: u16, height: u16, actions: &[Action]) -> Buffer {
    let now = Instant::now();
    let content = Arc::new(Content::embedded().unwrap());
    let mut state = State::new(content, Geometry::new(width, height), now);
    for action in actions {
        state.update(action.clone(), now);
    }
    let config = Config::default();
    ui::render_to_buffer(
        &state,
        &Styles::for_theme(&config.themes[0], ColourMode::Sixteen),
    )
}

/// The cells where the terminal differs from `expected`, as `(column, row): shown, expected`;
/// wide characters are compared at their first cell. The terminal may be larger than
/// `expected` if `larger_blank` is set: every cell beyond it must then be blank.
fn differences(kiosk: &Kiosk, expected: &Buffer, larger_blank: bool) -> Vec<String> {
    kiosk.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        let area = expected.area;
        let larger = cols >= area.width && rows >= area.height;
        if (cols, rows) != (area.width, area.height) && !(larger_blank && larger) {
            return vec![format!(
                "size {cols}x{rows}, not {}x{}",
                area.width, area.height
            )];
        }
        let mut found = Vec::new();
        for y in 0..rows {
            for x in 0..cols {
                let cell = screen.cell(y, x).expect("a cell inside the screen");
                if cell.is_wide_continuation() {
                    continue;
                }
                let shown = if cell.has_contents() {
                    cell.contents()
                } else {
                    " "
                };
                let wanted = expected.cell((x, y)).map_or(" ", |cell| cell.symbol());
                if shown != wanted {
                    found.push(format!("({x}, {y}): {shown:?}, not {wanted:?}"));
                }
            }
        }
        found
    })
}

/// Waits until the kiosk shows `expected` cell for cell; fails the test with the first
/// differences and the screen if it never does.
pub fn wait_for_screen(kiosk: &Kiosk, expected: &Buffer) {
    wait_for(kiosk, expected, false);
}

/// Waits until the kiosk shows `expected` at the top left of a larger screen, and nothing
/// beyond it; fails the test as [`wait_for_screen`] does.
pub fn wait_for_screen_at_top_left(kiosk: &Kiosk, expected: &Buffer) {
    wait_for(kiosk, expected, true);
}

fn wait_for(kiosk: &Kiosk, expected: &Buffer, larger_blank: bool) {
    let waiting = Instant::now();
    let mut found = differences(kiosk, expected, larger_blank);
    while !found.is_empty() && waiting.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(100));
        found = differences(kiosk, expected, larger_blank);
    }
    assert!(
        found.is_empty(),
        "{} cells differ, first {:?}; the screen shows:\n{}",
        found.len(),
        &found[..found.len().min(10)],
        kiosk.text()
    );
}
