//! The event loop: read a key, update the state, redraw if anything changed.
//!
//! The loop blocks on the terminal until something happens; there is no tick, so an idle kiosk
//! uses no CPU at all.

mod exit_key;
mod terminal;

pub use exit_key::ExitKey;

use std::io;
use std::sync::Arc;

use crossterm::event::{self, Event};

use crate::app::{Action, State};
use crate::config::Config;
use crate::content::Content;
use crate::layout::Geometry;
use crate::ui::{self, Styles};
use crate::view::view;

/// Runs the kiosk on the current terminal until the exit key (if any) is pressed or the
/// terminal goes away; the terminal is restored in every case.
pub fn run(content: Arc<Content>, config: &Config, exit_key: Option<ExitKey>) -> io::Result<()> {
    let mut terminal = terminal::enter()?;
    let result = event_loop(&mut terminal, content, config, exit_key);
    terminal::restore();
    result
}

fn event_loop(
    terminal: &mut terminal::KioskTerminal,
    content: Arc<Content>,
    config: &Config,
    exit_key: Option<ExitKey>,
) -> io::Result<()> {
    let keymap = config.keypad.keymap();
    let styles = Styles::new(&config.theme);
    let size = terminal.size()?;
    let geometry = Geometry {
        ambiguous: config.text.ambiguous_width.into(),
        ..Geometry::new(size.width, size.height)
    };
    let mut state = State::new(content, geometry);
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &view(&state), &styles, &state.geometry()))?;
            dirty = false;
        }
        let action = match event::read()? {
            Event::Key(key) if exit_key.is_some_and(|exit| exit.matches(&key)) => return Ok(()),
            Event::Key(key) => keymap.action_for_event(&key),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            let before = (state.screen(), state.geometry());
            state.update(action);
            dirty = before != (state.screen(), state.geometry());
        }
    }
}
