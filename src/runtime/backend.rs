//! The terminal backend: crossterm's, except that a frame's changed cells are written in as few
//! bytes as a terminal can be trusted to follow.
//!
//! ratatui's `CrosstermBackend::draw` moves the cursor before every cell that does not follow
//! the previous one by exactly one column, and sets colours in their 256-colour form, so each
//! full-width character (nearly all of the kiosk's text) costs a cursor move of 6 to 8 bytes on
//! top of its own 3, and each change of colour 17: an answer screen came to 4.9 KB at 80x24,
//! against 3.1 KB for dialog's whole first frame. Here, as curses does:
//!
//! - the cursor is moved only where the terminal's own position is not certain, and then by
//!   the shortest of an absolute move and relative ones (`CR`, `BS`, up, down, forward);
//! - styles are set with one SGR sequence of only what changed, in the short forms of the 16
//!   ANSI colours;
//! - a long run of blank cells is erased (`ECH`) instead of written out.
//!
//! Its size is the one the kiosk's loop sets, not a fresh look at the terminal's: the size a
//! frame is laid out for and the size of ratatui's buffers are then one and the same value,
//! however a resize falls between the two. Everything else (clearing, the cursor) is left to
//! crossterm's backend.

use std::fmt::Write as _;
use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use crate::text::{AmbiguousWidth, cursor_width};

/// Each modifier and its SGR parameter.
const ATTRIBUTES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// The shortest run of blank cells worth erasing with `ECH` rather than printing: the erase
/// and the move past it cost up to 10 bytes.
const SHORTEST_ERASE: u16 = 12;

/// crossterm's backend with a leaner `draw`.
pub struct KioskBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Whether the cursor is known to be hidden: ratatui hides it again after every frame.
    cursor_hidden: bool,
    /// The size of the screen drawn on, as set by [`KioskBackend::set_size`]. Its width
    /// matters beyond that: a cursor left after the last column is in a state terminals treat
    /// differently, so it is never a starting point for a relative move.
    size: Size,
    /// Which cells the terminal shows blank, as far as this backend drew them.
    shadow: Shadow,
    /// The bytes of the frame being written, kept to be reused by the next.
    frame: String,
    /// Whether this terminal was measured to draw East Asian Ambiguous characters narrow: only
    /// then is the cursor's place after one of them certain.
    ambiguous_measured_narrow: bool,
}

impl<W: Write> KioskBackend<W> {
    /// A backend writing to `writer`.
    pub fn new(writer: W) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: false,
            size: Size::ZERO,
            shadow: Shadow::default(),
            frame: String::new(),
            ambiguous_measured_narrow: false,
        }
    }

    /// Sets the size [`Backend::size`] answers: the size the next frame was laid out for, to
    /// which ratatui resizes its buffers (clearing the screen) before drawing it.
    pub fn set_size(&mut self, size: Size) {
        self.size = size;
    }

    /// Lets the cursor's place after an East Asian Ambiguous character be taken as certain,
    /// now that the terminal has been measured to draw them narrow, as nearly all do. A
    /// terminal measured wide is not trusted as far: some keep line-drawing and block
    /// characters narrow even then, and an absolute move after each keeps the screen in step.
    pub fn trust_narrow_ambiguous(&mut self) {
        self.ambiguous_measured_narrow = true;
    }
}

/// How many columns the terminal's cursor moves on when `cell` is printed, if that is certain:
/// a single character that every terminal draws alike, or an East Asian Ambiguous one on a
/// terminal measured to draw them narrow (`ambiguous_narrow`). Never an emoji (terminals
/// built on older Unicode tables draw those narrow), a cluster of several characters, or a
/// cell whose width the painter forced.
fn certain_advance(cell: &Cell, ambiguous_narrow: bool) -> Option<u16> {
    let symbol = cell.symbol();
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    if cell.diff_option != CellDiffOption::None || u32::from(c) >= 0x1F000 {
        return None;
    }
    if c.is_ascii_graphic() || c == ' ' {
        return Some(1);
    }
    // Only a character one column wide when narrow can be Ambiguous: the wide lookup is
    // needed for those alone.
    match cursor_width(symbol, AmbiguousWidth::Narrow) {
        2 => Some(2),
        1 if ambiguous_narrow || cursor_width(symbol, AmbiguousWidth::Wide) == 1 => Some(1),
        _ => None,
    }
}

/// Modifiers that show on a blank cell: a run of blanks with any of them is written out.
const SHOWN_ON_BLANKS: Modifier = Modifier::UNDERLINED
    .union(Modifier::REVERSED)
    .union(Modifier::CROSSED_OUT);

/// Whether `cell` is a space that an erase gives the same look: one erased with its style as
/// the terminal's current one.
fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && cell.diff_option == CellDiffOption::None
        && !cell.modifier.intersects(SHOWN_ON_BLANKS)
}

/// The style the terminal is set to, as far as this frame has set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    /// The terminal's style after a reset, where every frame starts and ends.
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Self {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    /// Writes the one SGR sequence that takes the terminal from `self` to `next`, if any.
    fn change_to(&mut self, next: Pen, out: &mut String) {
        if *self == next {
            return;
        }
        if next == Pen::RESET {
            out.push_str("\x1b[m");
            *self = next;
            return;
        }
        out.push_str("\x1b[");
        let added = if (self.modifier - next.modifier).is_empty() {
            next.modifier - self.modifier
        } else {
            // No code turns off bold alone on every terminal, so start again from a reset.
            out.push_str("0;");
            *self = Pen::RESET;
            next.modifier
        };
        for (flag, code) in ATTRIBUTES {
            if added.contains(flag) {
                let _ = write!(out, "{code};");
            }
        }
        if next.fg != self.fg {
            push_colour(out, next.fg, 30);
        }
        if next.bg != self.bg {
            push_colour(out, next.bg, 40);
        }
        out.pop();
        out.push('m');
        *self = next;
    }
}

/// Appends `colour`'s SGR parameter and a `;`, where `base` is 30 for the foreground and 40
/// for the background.
fn push_colour(out: &mut String, colour: Color, base: u8) {
    let ansi = |index: u8| {
        if index < 8 {
            base + index
        } else {
            base + 60 + index - 8
        }
    };
    let _ = match colour {
        Color::Reset => write!(out, "{};", base + 9),
        Color::Black => write!(out, "{};", ansi(0)),
        Color::Red => write!(out, "{};", ansi(1)),
        Color::Green => write!(out, "{};", ansi(2)),
        Color::Yellow => write!(out, "{};", ansi(3)),
        Color::Blue => write!(out, "{};", ansi(4)),
        Color::Magenta => write!(out, "{};", ansi(5)),
        Color::Cyan => write!(out, "{};", ansi(6)),
        Color::Gray => write!(out, "{};", ansi(7)),
        Color::DarkGray => write!(out, "{};", ansi(8)),
        Color::LightRed => write!(out, "{};", ansi(9)),
        Color::LightGreen => write!(out, "{};", ansi(10)),
        Color::LightYellow => write!(out, "{};", ansi(11)),
        Color::LightBlue => write!(out, "{};", ansi(12)),
        Color::LightMagenta => write!(out, "{};", ansi(13)),
        Color::LightCyan => write!(out, "{};", ansi(14)),
        Color::White => write!(out, "{};", ansi(15)),
        Color::Indexed(index) => write!(out, "{};5;{index};", base + 8),
        Color::Rgb(r, g, b) => write!(out, "{};2;{r};{g};{b};", base + 8),
    };
}

/// Appends a cursor move to `to` (0-based), absolute.
fn absolute_move(out: &mut String, to: Position) {
    let _ = match (to.x, to.y) {
        (0, 0) => write!(out, "\x1b[H"),
        (0, y) => write!(out, "\x1b[{}H", y + 1),
        (x, y) => write!(out, "\x1b[{};{}H", y + 1, x + 1),
    };
}

/// Appends a cursor move from `from` to `to`, relative.
fn relative_move(out: &mut String, from: Position, to: Position) {
    let _ = match to.y.cmp(&from.y) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Greater => match to.y - from.y {
            1 => write!(out, "\x1b[B"),
            n => write!(out, "\x1b[{n}B"),
        },
        std::cmp::Ordering::Less => match from.y - to.y {
            1 => write!(out, "\x1b[A"),
            n => write!(out, "\x1b[{n}A"),
        },
    };
    let _ = if to.x == from.x {
        Ok(())
    } else if to.x == 0 {
        write!(out, "\r")
    } else if to.x > from.x {
        match to.x - from.x {
            1 => write!(out, "\x1b[C"),
            n => write!(out, "\x1b[{n}C"),
        }
    } else {
        match from.x - to.x {
            n @ 1..=3 => write!(out, "{}", "\x08".repeat(usize::from(n))),
            n => write!(out, "\x1b[{n}D"),
        }
    };
}

/// Appends the shortest move of the cursor from `from` (if known) to `to`. A cursor at or past
/// the last column (`width`) may be waiting to wrap, so only an absolute move is trusted
/// from there.
fn move_cursor(out: &mut String, from: Option<Position>, to: Position, width: u16) {
    if from == Some(to) {
        return;
    }
    let start = out.len();
    absolute_move(out, to);
    let Some(from) = from.filter(|from| from.x < width) else {
        return;
    };
    let relative_start = out.len();
    relative_move(out, from, to);
    if out.len() - relative_start < relative_start - start {
        out.replace_range(start..relative_start, "");
    } else {
        out.truncate(relative_start);
    }
}

/// What each cell of the terminal shows, reduced to what matters for skipping over it: the
/// background of a blank cell (a space with nothing that shows on a space), or `None` for a
/// cell that holds something else or that this backend has not drawn.
///
/// curses keeps a whole copy of the screen for the same purpose; this keeps 4 bytes a cell.
/// With it, a gap between two changed cells that the terminal already shows blank in the
/// right colour is written over or erased along with them, rather than stepped over with a
/// cursor move for each changed cell (clearing the large-glyph menu took one move per pixel).
#[derive(Debug, Default)]
struct Shadow {
    width: u16,
    height: u16,
    blanks: Vec<Option<Color>>,
}

impl Shadow {
    /// Forgets everything, for a screen of `width` x `height` in an unknown state.
    fn reset(&mut self, width: u16, height: u16, every_cell: Option<Color>) {
        self.width = width;
        self.height = height;
        self.blanks.clear();
        self.blanks
            .resize(usize::from(width) * usize::from(height), every_cell);
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width && y < self.height)
            .then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    /// Whether every cell of row `y` from `from` up to `to` is known to be blank on `bg`.
    fn blank_between(&self, from: u16, to: u16, y: u16, bg: Color) -> bool {
        (from..to).all(|x| self.index(x, y).is_some_and(|i| self.blanks[i] == Some(bg)))
    }

    /// Records what cells `from` up to `to` of row `y` now show.
    fn record(&mut self, from: u16, to: u16, y: u16, shows: Option<Color>) {
        for x in from..to {
            if let Some(i) = self.index(x, y) {
                self.blanks[i] = shows;
            }
        }
    }
}

/// The longest gap of known blank cells written out as spaces rather than stepped over: a
/// step forward costs 3 or 4 bytes.
const LONGEST_GAP_WRITTEN: u16 = 3;

/// Appends what makes a terminal showing one frame show the next, given the cells that
/// changed (in the row-major order of ratatui's diff) and the screen's width.
fn encode_changes<'a>(
    changes: impl Iterator<Item = (u16, u16, &'a Cell)>,
    width: u16,
    ambiguous_narrow: bool,
    shadow: &mut Shadow,
    out: &mut String,
) {
    let mut changes = changes.peekable();
    let mut pen = Pen::RESET;
    // Where the terminal's cursor is, when that is certain.
    let mut cursor: Option<Position> = None;
    while let Some((x, y, cell)) = changes.next() {
        if let Some(at) = cursor.filter(|at| at.y == y && at.x < x) {
            // Spaces over a short gap the terminal already shows blank in the pen's colours
            // are shorter than a move past it.
            if x - at.x <= LONGEST_GAP_WRITTEN
                && !pen.modifier.intersects(SHOWN_ON_BLANKS)
                && shadow.blank_between(at.x, x, y, pen.bg)
            {
                out.extend(std::iter::repeat_n(' ', usize::from(x - at.x)));
                cursor = Some(Position { x, y });
            }
        }
        move_cursor(out, cursor, Position { x, y }, width);
        pen.change_to(Pen::of(cell), out);
        if is_blank(cell) {
            // The run goes on through changed blanks of the same style, and through unchanged
            // cells between them that are already blank in its colours.
            let mut end = x + 1;
            while let Some((next_x, _, _)) = changes.next_if(|&(next_x, next_y, next)| {
                next_y == y
                    && next_x >= end
                    && is_blank(next)
                    && Pen::of(next) == pen
                    && shadow.blank_between(end, next_x, y, pen.bg)
            }) {
                end = next_x + 1;
            }
            let run = end - x;
            if run >= SHORTEST_ERASE {
                // Erasing leaves the cursor where it is; the next move steps over the run.
                let _ = write!(out, "\x1b[{run}X");
                cursor = Some(Position { x, y });
            } else {
                out.extend(std::iter::repeat_n(' ', usize::from(run)));
                cursor = Some(Position { x: end, y });
            }
            shadow.record(x, end, y, Some(pen.bg));
            continue;
        }
        out.push_str(cell.symbol());
        let advance = certain_advance(cell, ambiguous_narrow);
        // A character whose width is uncertain may cover the cell after it too.
        let covered = advance.unwrap_or(2);
        shadow.record(x, x.saturating_add(covered), y, None);
        cursor = advance.map(|advance| Position {
            x: x.saturating_add(advance),
            y,
        });
    }
    pen.change_to(Pen::RESET, out);
}

impl<W: Write> Backend for KioskBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out = std::mem::take(&mut self.frame);
        out.clear();
        let Size { width, height } = self.size;
        if (self.shadow.width, self.shadow.height) != (width, height) {
            self.shadow.reset(width, height, None);
        }
        encode_changes(
            content,
            width,
            self.ambiguous_measured_narrow,
            &mut self.shadow,
            &mut out,
        );
        let written = self.inner.write_all(out.as_bytes());
        self.frame = out;
        written
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            self.inner.hide_cursor()?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    /// Shows the cursor if the terminal can still be written to. ratatui calls this as the
    /// kiosk ends and reports a failure with `eprintln!`, which panics when stderr is the
    /// terminal that just hung up; [`super::terminal::restore`] has already reported it.
    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        let _ = self.inner.show_cursor();
        Ok(())
    }

    /// Never asks the terminal: its answer would come through the kiosk's own input thread,
    /// not to here. A full-screen ratatui terminal does not ask for it.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Err(io::Error::other(
            "the kiosk does not ask the terminal where its cursor is while it runs",
        ))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Frames end with the style reset, so a whole-screen clear leaves every cell blank in
        // the terminal's default colours; what other clears leave is not tracked.
        let every_cell = (clear_type == ClearType::All).then_some(Color::Reset);
        self.shadow
            .reset(self.size.width, self.size.height, every_cell);
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
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
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    /// What drawing `next` over `previous` writes, on a screen as wide as they are.
    fn written(previous: &Buffer, next: &Buffer) -> String {
        written_by(previous, next, |_| ())
    }

    /// What a backend for a screen the size of the buffers, set up by `configure`, writes to
    /// draw `next` over `previous`. It knows nothing of what the screen shows.
    fn written_by(
        previous: &Buffer,
        next: &Buffer,
        configure: impl FnOnce(&mut KioskBackend<&mut Vec<u8>>),
    ) -> String {
        let mut out = Vec::new();
        let mut backend = sized_backend(&mut out, previous.area);
        configure(&mut backend);
        backend.draw(previous.diff(next).into_iter()).unwrap();
        drop(backend);
        String::from_utf8(out).unwrap()
    }

    /// A backend writing to `out`, told the screen is as large as `area`, as the loop does.
    fn sized_backend(out: &mut Vec<u8>, area: Rect) -> KioskBackend<&mut Vec<u8>> {
        let mut backend = KioskBackend::new(out);
        backend.set_size(area.as_size());
        backend
    }

    #[test]
    fn ratatui_is_told_the_size_the_loop_set_and_draws_at_it() {
        // The test's own terminal, if it has one, is of another size: it is never asked.
        let mut out = Vec::new();
        let mut backend = KioskBackend::new(&mut out);
        backend.set_size(Size::new(2, 1));
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        assert_eq!(terminal.size().unwrap(), Size::new(2, 1));
        terminal.backend_mut().set_size(Size::new(1, 1));
        let frame = terminal
            .draw(|frame| assert_eq!(frame.area(), Rect::new(0, 0, 1, 1)))
            .unwrap();
        assert_eq!(frame.area, Rect::new(0, 0, 1, 1));
    }

    #[test]
    fn full_width_text_is_written_with_one_cursor_move() {
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "使い方a", Style::default());
        assert_eq!(written(&blank, &next), "\x1b[H使い方a");
    }

    #[test]
    fn the_cursor_is_moved_after_characters_terminals_disagree_on() {
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "※x😀y", Style::default());
        assert_eq!(written(&blank, &next), "\x1b[H※\x1b[1;2Hx😀\x1b[1;5Hy");
    }

    #[test]
    fn ambiguous_characters_are_followed_on_a_terminal_measured_to_draw_them_narrow() {
        let blank = Buffer::empty(Rect::new(0, 0, 10, 1));
        let mut next = blank.clone();
        next.set_string(0, 0, "※x▄y", Style::default());
        assert_eq!(
            written_by(&blank, &next, |backend| backend.trust_narrow_ambiguous()),
            "\x1b[H※x▄y"
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
        assert_eq!(written(&blank, &next), "\x1b[Ha\x1b[1;3Hc");
    }

    #[test]
    fn styles_are_set_once_per_run_in_short_form_and_reset_at_the_end() {
        let blank = Buffer::empty(Rect::new(0, 0, 4, 1));
        let mut next = blank.clone();
        let bold = Style::default().fg(Color::Yellow).bg(Color::Black).bold();
        next.set_string(0, 0, "ab", bold);
        let plain = Style::default().fg(Color::LightYellow).bg(Color::Black);
        next.set_string(2, 0, "c", plain);
        next.set_string(3, 0, "d", plain.bg(Color::Indexed(17)));
        assert_eq!(
            written(&blank, &next),
            "\x1b[H\x1b[1;33;40mab\x1b[0;93;40mc\x1b[48;5;17md\x1b[m"
        );
    }

    #[test]
    fn the_cursor_takes_the_shorter_of_an_absolute_and_a_relative_move() {
        let blank = Buffer::empty(Rect::new(0, 0, 40, 3));
        let mut next = blank.clone();
        next.set_string(30, 0, "a", Style::default());
        next.set_string(30, 1, "b", Style::default());
        next.set_string(35, 1, "c", Style::default());
        next.set_string(2, 2, "d", Style::default());
        assert_eq!(
            written(&blank, &next),
            "\x1b[1;31Ha\x1b[B\x08b\x1b[4Cc\x1b[3;3Hd"
        );
    }

    #[test]
    fn a_cursor_past_the_last_column_is_only_moved_absolutely() {
        let blank = Buffer::empty(Rect::new(0, 0, 4, 2));
        let mut next = blank.clone();
        next.set_string(3, 0, "a", Style::default());
        next.set_string(3, 1, "b", Style::default());
        assert_eq!(written(&blank, &next), "\x1b[1;4Ha\x1b[2;4Hb");
    }

    #[test]
    fn long_runs_of_blank_cells_are_erased_and_short_ones_written() {
        let mut previous = Buffer::empty(Rect::new(0, 0, 30, 2));
        previous.set_string(0, 0, "x".repeat(30), Style::default());
        previous.set_string(0, 1, "x".repeat(5), Style::default());
        let mut next = Buffer::empty(Rect::new(0, 0, 30, 2));
        next.set_style(next.area, Style::default().bg(Color::Blue));
        next.set_string(20, 0, "y", Style::default().bg(Color::Blue));
        assert_eq!(
            written(&previous, &next),
            "\x1b[H\x1b[44m\x1b[20X\x1b[20Cy         \x1b[2H\x1b[30X\x1b[m"
        );
    }

    /// What a terminal shows of a cell: its text, and its foreground, bold and reverse where
    /// they show (not on a blank), its background and underline.
    type Look = (
        String,
        Option<(vt100::Color, bool)>,
        vt100::Color,
        bool,
        bool,
    );

    fn shown(cell: &vt100::Cell, blank: bool) -> Look {
        let text = match cell.contents() {
            "" => " ",
            text => text,
        };
        (
            text.to_string(),
            (!blank).then(|| (cell.fgcolor(), cell.bold())),
            cell.bgcolor(),
            cell.underline(),
            cell.inverse(),
        )
    }

    fn wanted(cell: &Cell) -> Look {
        (
            cell.symbol().to_string(),
            (!is_blank(cell)).then(|| (vt_colour(cell.fg), cell.modifier.contains(Modifier::BOLD))),
            vt_colour(cell.bg),
            cell.modifier.contains(Modifier::UNDERLINED),
            cell.modifier.contains(Modifier::REVERSED),
        )
    }

    fn vt_colour(colour: Color) -> vt100::Color {
        const NAMED: [Color; 16] = [
            Color::Black,
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Blue,
            Color::Magenta,
            Color::Cyan,
            Color::Gray,
            Color::DarkGray,
            Color::LightRed,
            Color::LightGreen,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightMagenta,
            Color::LightCyan,
            Color::White,
        ];
        match colour {
            Color::Reset => vt100::Color::Default,
            Color::Indexed(index) => vt100::Color::Idx(index),
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            named => vt100::Color::Idx(NAMED.iter().position(|&c| c == named).unwrap() as u8),
        }
    }

    /// A run of one symbol in one style: what the frames below are painted with.
    type Run = (&'static str, usize, Color, Color, Modifier, (u16, u16));

    fn runs(count: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Run>> {
        let symbol = prop::sample::select(vec![" ", " ", " ", "a", "Z", "使", "方", "※", "ｶ"]);
        // Few colours, so that unchanged blank cells often lie between changed ones.
        let colour = prop::sample::select(vec![
            Color::Black,
            Color::Black,
            Color::Reset,
            Color::LightCyan,
            Color::Indexed(200),
            Color::Rgb(10, 20, 30),
        ]);
        let modifier = prop::sample::select(vec![
            Modifier::empty(),
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::UNDERLINED,
            Modifier::REVERSED,
        ]);
        let run = (
            symbol,
            1..20usize,
            colour.clone(),
            colour,
            modifier,
            (0..24u16, 0..6u16),
        );
        prop::collection::vec(run, count)
    }

    /// `buffer` with `runs` painted over it, each where it says. A wide character whose second
    /// half a run starts on is blanked, as a terminal does, so the buffer stays as ratatui's
    /// diff expects (no wide character followed by anything but its hidden half).
    fn painted(mut buffer: Buffer, runs: &[Run]) -> Buffer {
        for &(symbol, count, fg, bg, modifier, (x, y)) in runs {
            if x > 0 && cursor_width(buffer[(x - 1, y)].symbol(), AmbiguousWidth::Narrow) == 2 {
                buffer[(x - 1, y)].set_symbol(" ");
            }
            let style = Style::default().fg(fg).bg(bg).add_modifier(modifier);
            buffer.set_stringn(x, y, symbol.repeat(count), usize::from(24 - x), style);
        }
        buffer
    }

    proptest! {
        /// Whatever two frames are, a terminal shown the first and then sent the changes
        /// shows the second: every character, colour and visible attribute in its place.
        #[test]
        fn a_terminal_sent_the_changes_shows_the_next_frame(
            first in runs(1..60),
            then in runs(0..8),
        ) {
            // The next frame is the previous one with a few runs painted over, as a screen
            // changes in the kiosk: most cells stay, blank or not.
            let area = Rect::new(0, 0, 24, 6);
            let previous = painted(Buffer::empty(area), &first);
            let next = painted(previous.clone(), &then);
            let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
            let mut terminal = vt100::Parser::new(size(area.height), size(area.width), 0);
            // One backend for both frames, as in the kiosk: it starts from a cleared screen
            // and knows which cells it left blank.
            let mut out = Vec::new();
            let mut backend = sized_backend(&mut out, area);
            backend.clear().unwrap();
            backend.draw(Buffer::empty(area).diff(&previous).into_iter()).unwrap();
            backend.draw(previous.diff(&next).into_iter()).unwrap();
            drop(backend);
            terminal.process(&out);
            for y in 0..area.height {
                let mut x = 0;
                while x < area.width {
                    let cell = &next[(x, y)];
                    let width = cursor_width(cell.symbol(), AmbiguousWidth::Narrow).max(1) as u16;
                    // ratatui's diff leaves the second half of a wide character that a narrow
                    // one replaced to the terminal, which blanks it in the current colours.
                    let orphan = x > 0
                        && cursor_width(previous[(x - 1, y)].symbol(), AmbiguousWidth::Narrow) == 2
                        && cursor_width(next[(x - 1, y)].symbol(), AmbiguousWidth::Narrow) == 1;
                    if orphan {
                        x += width;
                        continue;
                    }
                    let on_screen = terminal.screen().cell(y, x).unwrap();
                    prop_assert_eq!(shown(on_screen, is_blank(cell)), wanted(cell), "at {},{}", x, y);
                    x += width;
                }
            }
        }
    }
}
