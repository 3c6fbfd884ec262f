//! Paints a [`View`] into a ratatui `Frame`: colours and cells only, no decisions.
//!
//! Every text handed over by the view already fits its place, so nothing here wraps, cuts or
//! chooses. Text is placed grapheme by grapheme with the text module's widths (see
//! [`Painter::put`]), so a terminal that draws ambiguous characters wide stays in step.

mod plain_text;
mod theme;

pub use plain_text::buffer_text;
pub use theme::{ColourMode, Styles, TerminfoColours, color, indexed_color};

use ratatui::Frame;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use crate::app::State;
use crate::big_text::BigText;
use crate::layout::{Area, Geometry};
use crate::qr::{QrCode, QrWidget};
use crate::text::{AmbiguousWidth, cursor_width, display_width_with, grapheme_width};
use crate::view::{
    BigLine, BodyLine, ClosedView, GuideItem, QrPlacement, Role, ScreenView, View, view,
};

/// How wide the highlight marker is: as wide as a full-width character, so it reads as a
/// block rather than a line.
const MARKER_COLUMNS: u16 = 2;
/// The tallest a marker gets beside a line of large glyphs.
const MARKER_ROWS_MAX: u16 = 4;

/// Draws `view` over the whole frame, which the kiosk gives the size `geometry` has.
pub fn draw(frame: &mut Frame, view: &View, styles: &Styles, geometry: &Geometry) {
    let area = frame.area();
    draw_into(frame.buffer_mut(), area, view, styles, geometry);
}

/// The styles of the theme `state` shows, from the styles of the settings' theme cycle.
pub fn styles_for<'a>(themes: &'a [Styles], state: &State) -> &'a Styles {
    &themes[state.theme() % themes.len().max(1)]
}

/// Draws the view of `state` into a new buffer the size of its terminal: what the terminal
/// would show, without one.
pub fn render_to_buffer(state: &State, styles: &Styles) -> Buffer {
    let geometry = state.geometry();
    let area = Rect::new(0, 0, geometry.width, geometry.height);
    let mut buf = Buffer::empty(area);
    draw_into(&mut buf, area, &view(state), styles, &geometry);
    buf
}

/// Draws `view`, laid out for `geometry`, into `buf` over `area` (the whole terminal).
///
/// A view laid out for another size is not drawn at all: `area` is only filled with the
/// theme's background. Any part of it could be wrong there, and a wide character cut at the
/// buffer's edge is more than ratatui's diff can take (it indexes past the buffer's end). The
/// kiosk sizes each frame from the layout, so there this never happens.
pub fn draw_into(buf: &mut Buffer, area: Rect, view: &View, styles: &Styles, geometry: &Geometry) {
    if (area.width, area.height) != (geometry.width, geometry.height) {
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.reset();
                    cell.set_style(styles.normal);
                }
            }
        }
        return;
    }
    draw_laid_out(buf, area, view, styles, geometry.ambiguous);
}

fn draw_laid_out(
    buf: &mut Buffer,
    area: Rect,
    view: &View,
    styles: &Styles,
    ambiguous: AmbiguousWidth,
) {
    let background = match view {
        View::Closed(_) => styles.closed,
        _ => styles.normal,
    };
    fill(buf, area, background);
    let mut painter = Painter {
        buf,
        styles,
        ambiguous,
    };
    match view {
        View::TooSmall(lines) => painter.message(area, lines),
        View::Screen(screen) => painter.screen(area, screen),
        View::Closed(closed) => painter.closed(area, closed),
    }
}

/// Sets the style of every cell of `area`, a row at a time: every frame fills the whole
/// screen, and ratatui's `Buffer::set_style` works out each cell's index anew (a tenth of the
/// kiosk's start-up).
fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

/// A buffer being painted, with the theme and the terminal's way of measuring.
struct Painter<'a> {
    buf: &'a mut Buffer,
    styles: &'a Styles,
    ambiguous: AmbiguousWidth,
}

impl Painter<'_> {
    fn width_of(&self, text: &str) -> u16 {
        display_width_with(text, self.ambiguous) as u16
    }

    /// Writes `text` from (`x`, `y`) up to column `right`, as the terminal will draw it.
    ///
    /// ratatui's buffer gives East Asian Ambiguous characters one cell. Where the terminal moves
    /// the cursor two columns for them, the character's cell is given that width and the cell
    /// after is marked skipped: ratatui then neither paints over the glyph's second half nor
    /// loses its place, since it moves the cursor before the next cell it paints. Where the
    /// cursor moves one column but the glyph takes two (see [`grapheme_width`]), the cell after
    /// is painted blank, which foot lets the glyph run into and xterm leaves empty.
    fn put(&mut self, x: u16, y: u16, text: &str, right: u16, style: Style) {
        let area = self.buf.area;
        if y < area.top() || y >= area.bottom() {
            return;
        }
        let right = right.min(area.right());
        let mut x = x.max(area.left());
        for grapheme in text.graphemes(true) {
            let drawn = grapheme_width(grapheme, self.ambiguous) as u16;
            let advance = cursor_width(grapheme, self.ambiguous) as u16;
            let assumed = cursor_width(grapheme, AmbiguousWidth::Narrow) as u16;
            if drawn == 0 || grapheme.contains(char::is_control) {
                continue;
            }
            if x + drawn > right {
                break;
            }
            self.buf
                .set_stringn(x, y, grapheme, usize::from(assumed), style);
            if advance > assumed {
                let forced =
                    CellDiffOption::ForcedWidth(NonZeroU16::new(advance).expect("advance > 0"));
                self.buf[(x, y)].set_diff_option(forced);
                for covered in x + assumed..x + advance {
                    self.buf[(covered, y)].reset();
                    self.buf[(covered, y)]
                        .set_style(style)
                        .set_diff_option(CellDiffOption::Skip);
                }
            }
            for blank in x + advance..x + drawn {
                self.buf[(blank, y)].reset();
                self.buf[(blank, y)].set_style(style);
            }
            x += drawn;
        }
    }

    fn fill(&mut self, area: Rect, style: Style) {
        fill(self.buf, area, style);
    }

    fn message(&mut self, area: Rect, lines: &[String]) {
        let top = area.height.saturating_sub(lines.len() as u16) / 2;
        for (row, line) in lines.iter().enumerate() {
            let x = area.x + area.width.saturating_sub(self.width_of(line)) / 2;
            let style = self.styles.heading;
            self.put(x, area.y + top + row as u16, line, area.right(), style);
        }
    }

    /// The dark screen: each line centred within the block, the block where the view put it.
    fn closed(&mut self, area: Rect, closed: &ClosedView) {
        for (row, line) in closed.lines.iter().enumerate() {
            let x = area.x + closed.x + closed.width.saturating_sub(self.width_of(line)) / 2;
            let y = area.y + closed.y + row as u16;
            self.put(x, y, line, area.right(), self.styles.closed);
        }
    }

    fn screen(&mut self, area: Rect, screen: &ScreenView) {
        let styles = self.styles;
        self.fill(Rect { height: 1, ..area }, styles.bar);
        self.put(
            area.x + 1,
            area.y,
            &screen.title,
            area.right(),
            styles.bar_title,
        );
        if let Some(edition) = &screen.edition {
            let x = area.right().saturating_sub(self.width_of(edition) + 1);
            self.put(x, area.y, edition, area.right(), styles.bar);
        }

        let at = |part: Area| Rect::new(area.x + part.x, area.y + part.y, part.width, part.height);
        let body = at(screen.areas.body);
        if let Some(notice) = &screen.staff_notice {
            // The row between the header and the body, blank on screens without a notice.
            self.put(body.x, area.y + 1, notice, body.right(), styles.heading);
        }
        for (row, line) in screen
            .body
            .iter()
            .take(usize::from(body.height))
            .enumerate()
        {
            self.body_line(body, body.y + row as u16, line);
        }
        let wide = at(screen.areas.wide);
        for line in &screen.big {
            self.big_line(wide, line);
        }
        if let Some(qr) = &screen.qr {
            self.qr(body, qr);
        }
        if let Some(notice) = &screen.notice {
            self.notice(body, notice);
        }

        let page_line = at(screen.areas.page_line);
        if let Some(status) = &screen.status {
            let x = area.x + status.x;
            self.put(
                x,
                page_line.y,
                &status.text,
                page_line.right(),
                styles.heading,
            );
        }
        let footer = at(screen.areas.footer);
        self.fill(footer, styles.bar);
        self.guide(area.x, footer, &screen.guide, styles.bar);
        self.guide(area.x, page_line, &screen.guide_more, styles.normal);
    }

    fn body_line(&mut self, body: Rect, y: u16, line: &BodyLine) {
        let styles = self.styles;
        // The highlight is a marker in the margin (which every usable layout has), so moving
        // it rewrites a few cells rather than two whole rows.
        if line.highlighted {
            self.marker(body.x, y, 1);
        }
        if let Some(number) = line.number {
            self.put(
                body.x,
                y,
                &format!(" {number} "),
                body.right(),
                styles.key_cap,
            );
        }
        let style = match line.role {
            Role::Body => styles.normal,
            Role::Heading => styles.heading,
            Role::Muted => styles.muted,
        };
        let indent = if line.centered {
            body.width.saturating_sub(self.width_of(&line.text)) / 2
        } else {
            line.indent as u16
        };
        self.put(body.x + indent, y, &line.text, body.right(), style);
        for range in &line.emphasis {
            let Some(part) = line.text.get(range.clone()) else {
                continue;
            };
            let x = body.x + indent + self.width_of(&line.text[..range.start]);
            self.put(x, y, part, body.right(), styles.emphasis);
        }
    }

    /// Paints the highlight marker, a bar [`MARKER_COLUMNS`] wide and `rows` high, just left
    /// of column `x` from row `top`.
    fn marker(&mut self, x: u16, top: u16, rows: u16) {
        let left = x.saturating_sub(MARKER_COLUMNS);
        let style = self.styles.marker;
        self.fill(Rect::new(left, top, x - left, rows), style);
    }

    /// Paints a QR code, dark modules black on white whatever the theme: scanners expect
    /// dark on light, and the white quiet zone must stand out from a dark background.
    fn qr(&mut self, body: Rect, qr: &QrPlacement) {
        let Ok(code) = QrCode::new(&qr.text) else {
            return;
        };
        let (columns, rows) = code.size(qr.encoding);
        let area = Rect::new(body.x + qr.x, body.y + qr.row, columns, rows);
        QrWidget::new(&code)
            .encoding(qr.encoding)
            .style(Style::new().fg(Color::Black).bg(Color::White))
            .render(area.intersection(self.buf.area), self.buf);
    }

    /// Paints a line of large glyphs: its number in the key colour, then its text.
    fn big_line(&mut self, wide: Rect, line: &BigLine) {
        let styles = self.styles;
        let number = line.number.map(|n| format!("{n} "));
        let number_columns = number.as_deref().map_or(0, |n| line.style.measure(n).0);
        let (text_columns, rows) = line.style.measure(&line.text);
        let x = wide.x + line.x;
        let y = wide.y + line.row;
        let row_area = Rect::new(wide.x, y, wide.width, rows).intersection(self.buf.area);
        // A tall line gets a marker no taller than a normal one would look beside it, centred.
        let marker_rows = rows.min(MARKER_ROWS_MAX);
        let marker_top = y + (rows - marker_rows) / 2;
        if line.highlighted {
            self.marker(x, marker_top, marker_rows);
        }
        let text_style = match line.role {
            Role::Heading => styles.heading,
            Role::Muted => styles.muted,
            Role::Body => styles.normal,
        };
        let big = |text: &str, style: Style| {
            BigText::new(text.to_string())
                .font(line.style.font)
                .encoding(line.style.encoding)
                .style(style)
        };
        if let Some(number) = &number {
            let area = Rect::new(x, y, number_columns, rows).intersection(row_area);
            big(number, styles.heading).render(area, self.buf);
        }
        let area = Rect::new(x + number_columns, y, text_columns, rows).intersection(row_area);
        big(&line.text, text_style).render(area, self.buf);
    }

    /// Paints a notice in a band of colour across the middle of the body, over what is there.
    ///
    /// The band spans the whole width of the body, so no wide character of the text below can
    /// straddle its edge, and it is a block of colour rather than a frame of line-drawing
    /// characters, which are East Asian Ambiguous and would shift on terminals that draw them
    /// wide.
    fn notice(&mut self, body: Rect, lines: &[String]) {
        let height = (lines.len() as u16 + 2).min(body.height);
        let band = Rect::new(
            body.x,
            body.y + (body.height - height) / 2,
            body.width,
            height,
        );
        for y in band.top()..band.bottom() {
            for x in band.left()..band.right() {
                self.buf[(x, y)].reset();
            }
        }
        let style = self.styles.bar_title;
        self.fill(band, style);
        for (row, line) in lines
            .iter()
            .take(usize::from(height.saturating_sub(2)))
            .enumerate()
        {
            let x = band.x + band.width.saturating_sub(self.width_of(line)) / 2;
            self.put(x, band.y + 1 + row as u16, line, band.right(), style);
        }
    }

    /// Paints key caps and what they do along `row`, each where the view placed it (from
    /// column `left`), the actions in `style`.
    fn guide(&mut self, left: u16, row: Rect, guide: &[GuideItem], style: Style) {
        let key_cap = self.styles.key_cap;
        for item in guide {
            let cap = format!(" {} ", item.key);
            let x = left + item.x;
            self.put(x, row.y, &cap, row.right(), key_cap);
            let action_x = x + self.width_of(&cap) + 1;
            self.put(action_x, row.y, item.action, row.right(), style);
        }
    }
}

#[cfg(test)]
mod tests;
