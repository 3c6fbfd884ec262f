//! The terminal backend: crossterm's, except that a frame's changed cells are written with
//! fewer cursor moves and resets.
//!
//! ratatui's `CrosstermBackend::draw` moves the cursor before every cell that does not follow
//! the previous one by exactly one column, so each full-width character (nearly all of the
//! kiosk's text) costs a cursor move of 6 to 8 bytes on top of its own 3: an answer screen
//! came to 4.9 KB at 80x24, against 3.1 KB for dialog's whole first frame. Here the cursor is
//! moved only where the terminal's own position is not certain, and the rest (sizes, clearing,
//! the cursor) is left to crossterm's backend.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{Attribute, Colors, Print, SetAttribute, SetColors};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use crate::text::{AmbiguousWidth, grapheme_width};

/// Each modifier and the attribute that turns it on.
const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// crossterm's backend with a leaner `draw`.
pub struct KioskBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Whether the cursor is known to be hidden: ratatui hides it again after every frame.
    cursor_hidden: bool,
}

impl<W: Write> KioskBackend<W> {
    /// A backend writing to `writer`.
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: false,
        }
    }
}

/// How many columns the terminal's cursor moves on when `cell` is printed, if every terminal
/// agrees: a single character that is not East Asian Ambiguous, and not an emoji (terminals
/// built on older Unicode tables draw those narrow). `None` for anything else, and for cells
/// whose width the painter forced to match a terminal that draws ambiguous characters wide.
fn certain_advance(cell: &Cell) -> Option<u16> {
    let symbol = cell.symbol();
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    if cell.diff_option != CellDiffOption::None || u32::from(c) >= 0x1F000 {
        return None;
    }
    let narrow = grapheme_width(symbol, AmbiguousWidth::Narrow);
    let wide = grapheme_width(symbol, AmbiguousWidth::Wide);
    match (narrow, wide) {
        (1, 1) => Some(1),
        (2, 2) => Some(2),
        _ => None,
    }
}

impl<W: Write> Backend for KioskBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.inner;
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        // Where the terminal's cursor is, when that is certain.
        let mut cursor: Option<Position> = None;
        for (x, y, cell) in content {
            if cursor != Some(Position { x, y }) {
                queue!(out, MoveTo(x, y))?;
            }
            cursor = certain_advance(cell).map(|advance| Position {
                x: x.saturating_add(advance),
                y,
            });
            if cell.modifier != modifier {
                let mut added = cell.modifier - modifier;
                if !(modifier - cell.modifier).is_empty() {
                    // A reset and the new set is no longer than undoing modifiers one by one
                    // for the kiosk's styles (bold or not); it also clears the colours.
                    queue!(out, SetAttribute(Attribute::Reset))?;
                    (fg, bg, added) = (Color::Reset, Color::Reset, cell.modifier);
                }
                for (flag, attribute) in ATTRIBUTES {
                    if added.contains(flag) {
                        queue!(out, SetAttribute(attribute))?;
                    }
                }
                modifier = cell.modifier;
            }
            if (cell.fg, cell.bg) != (fg, bg) {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(out, SetColors(colors))?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            queue!(out, Print(cell.symbol()))?;
        }
        queue!(out, SetAttribute(Attribute::Reset))
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            self.inner.hide_cursor()?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// What drawing `next` over `previous` writes.
    fn written(previous: &Buffer, next: &Buffer) -> String {
        let mut out = Vec::new();
        KioskBackend::new(&mut out)
            .draw(previous.diff(next).into_iter())
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn full_width_text_is_written_with_one_cursor_move() {
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "使い方a", Style::default());
        assert_eq!(written(&blank, &next), "\x1b[1;1H使い方a\x1b[0m");
    }

    #[test]
    fn the_cursor_is_moved_after_characters_terminals_disagree_on() {
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "※x😀y", Style::default());
        assert_eq!(
            written(&blank, &next),
            "\x1b[1;1H※\x1b[1;2Hx😀\x1b[1;5Hy\x1b[0m"
        );
    }

    #[test]
    fn a_forced_width_is_not_trusted() {
        // As the painter draws ※ for a terminal that draws it two columns wide.
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "a", Style::default());
        next[(0, 0)].set_diff_option(CellDiffOption::ForcedWidth(2.try_into().unwrap()));
        next.set_string(2, 0, "c", Style::default());
        assert_eq!(written(&blank, &next), "\x1b[1;1Ha\x1b[1;3Hc\x1b[0m");
    }

    #[test]
    fn styles_are_set_once_per_run_and_reset_at_the_end() {
        let blank = Buffer::empty(Rect::new(0, 0, 4, 1));
        let mut next = blank.clone();
        let bold = Style::default().fg(Color::Yellow).bg(Color::Black).bold();
        next.set_string(0, 0, "ab", bold);
        next.set_string(
            2,
            0,
            "c",
            Style::default().fg(Color::Yellow).bg(Color::Black),
        );
        assert_eq!(
            written(&blank, &next),
            "\x1b[1;1H\x1b[1m\x1b[38;5;3;48;5;0mab\x1b[0m\x1b[38;5;3;48;5;0mc\x1b[0m"
        );
    }
}
