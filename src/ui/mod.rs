//! Paints a [`View`] into a ratatui `Frame`: colours and cells only, no decisions.
//!
//! Every text handed over by the view already fits its width, so nothing here wraps; a
//! defensive width limit is still passed to ratatui so that an odd terminal size can never
//! make a wide character spill past its area.

mod plain_text;
mod theme;

pub use plain_text::buffer_text;
pub use theme::{Styles, color};

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::State;
use crate::layout::Geometry;
use crate::text::{AmbiguousWidth, display_width_with, truncate_to_width, wrap_japanese};
use crate::view::{BodyLine, GuideItem, Role, ScreenView, View, view};

/// Draws `view` over the whole frame.
pub fn draw(frame: &mut Frame, view: &View, styles: &Styles, geometry: &Geometry) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw_into(buf, area, view, styles, geometry);
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
/// If the terminal was resized between the layout and the drawing, the two sizes differ; the
/// view is then drawn at its own size and only the part that fits is copied, so a late resize
/// costs one stale frame, never a panic.
pub fn draw_into(buf: &mut Buffer, area: Rect, view: &View, styles: &Styles, geometry: &Geometry) {
    let laid_out = Rect::new(area.x, area.y, geometry.width, geometry.height);
    if laid_out != area {
        let mut scratch = Buffer::empty(laid_out);
        draw_laid_out(&mut scratch, laid_out, view, styles, geometry);
        let shared = laid_out.intersection(area);
        for y in shared.top()..shared.bottom() {
            for x in shared.left()..shared.right() {
                buf[(x, y)] = scratch[(x, y)].clone();
            }
        }
        return;
    }
    draw_laid_out(buf, area, view, styles, geometry);
}

fn draw_laid_out(buf: &mut Buffer, area: Rect, view: &View, styles: &Styles, geometry: &Geometry) {
    buf.set_style(area, styles.normal);
    match view {
        View::TooSmall(message) => draw_message(buf, area, message, styles, geometry.ambiguous),
        View::Screen(screen) => draw_screen(buf, area, screen, styles, geometry),
    }
}

fn draw_message(
    buf: &mut Buffer,
    area: Rect,
    message: &str,
    styles: &Styles,
    ambiguous: AmbiguousWidth,
) {
    let width = usize::from(area.width);
    if width == 0 || area.height == 0 {
        return;
    }
    let lines = wrap_japanese(
        message,
        crate::text::WrapOptions::new(width).ambiguous(ambiguous),
    );
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (row, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + top + row as u16;
        let x = area.x + (width.saturating_sub(display_width_with(line, ambiguous)) / 2) as u16;
        buf.set_stringn(x, y, line, width, styles.heading);
    }
}

fn draw_screen(
    buf: &mut Buffer,
    area: Rect,
    screen: &ScreenView,
    styles: &Styles,
    geometry: &Geometry,
) {
    let width = usize::from(area.width);
    let ambiguous = geometry.ambiguous;

    let header = Rect { height: 1, ..area };
    buf.set_style(header, styles.bar);
    let edition_width = display_width_with(&screen.edition, ambiguous);
    let title_room = width.saturating_sub(2);
    let title = truncate_to_width(&screen.title, title_room, ambiguous);
    buf.set_stringn(area.x + 1, area.y, &title, title_room, styles.bar_title);
    let title_end = 1 + display_width_with(&title, ambiguous);
    // Two columns keep title and edition apart, one keeps the edition off the edge.
    if title_end + 2 + edition_width < width {
        let x = area.x + (width - edition_width - 1) as u16;
        buf.set_stringn(x, area.y, &screen.edition, edition_width, styles.bar);
    }

    let body = geometry.body();
    for (row, line) in screen
        .body
        .iter()
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + row as u16;
        draw_body_line(buf, body.x, y, body.width, line, styles, ambiguous);
    }
    if let Some(notice) = &screen.notice {
        draw_notice(buf, body, notice, styles, ambiguous);
    }

    let status_y = area.bottom().saturating_sub(2);
    let (page, pages) = screen.page;
    if pages > 1 {
        let text = format!("ページ {page}/{pages}");
        let text_width = display_width_with(&text, ambiguous);
        let x = area.x + (width.saturating_sub(text_width + usize::from(body.x))) as u16;
        buf.set_stringn(x, status_y, &text, text_width, styles.heading);
    }

    let footer_y = area.bottom().saturating_sub(1);
    let footer = Rect {
        y: footer_y,
        height: 1,
        ..area
    };
    buf.set_style(footer, styles.bar);
    draw_guide(buf, footer, &screen.guide, styles, ambiguous);
}

fn draw_body_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    line: &BodyLine,
    styles: &Styles,
    ambiguous: AmbiguousWidth,
) {
    let row_style = if line.highlighted {
        styles.highlight
    } else {
        styles.normal
    };
    if line.highlighted {
        buf.set_style(
            Rect {
                x,
                y,
                width,
                height: 1,
            },
            row_style,
        );
    }
    if let Some(number) = line.number {
        buf.set_stringn(x, y, format!(" {number} "), 3, styles.key_cap);
    }
    let text_style = if line.highlighted {
        styles.highlight
    } else {
        match line.role {
            Role::Body => styles.normal,
            Role::Heading => styles.heading,
            Role::Muted => styles.muted,
        }
    };
    let indent = if line.centered {
        usize::from(width).saturating_sub(display_width_with(&line.text, ambiguous)) / 2
    } else {
        line.indent
    };
    let indent = indent.min(usize::from(width)) as u16;
    let room = usize::from(width - indent);
    buf.set_stringn(x + indent, y, &line.text, room, text_style);
}

/// Draws a notice in a band of colour across the middle of `area`, over what is there.
///
/// The band spans the whole width of the body, so no wide character of the text below can
/// straddle its edge, and it is a block of colour rather than a frame of line-drawing
/// characters, which are East Asian Ambiguous and would shift on terminals that draw them wide.
fn draw_notice(
    buf: &mut Buffer,
    area: crate::layout::Area,
    lines: &[String],
    styles: &Styles,
    ambiguous: AmbiguousWidth,
) {
    let height = (lines.len() + 2).min(usize::from(area.height)) as u16;
    let band = Rect::new(
        area.x,
        area.y + (area.height - height) / 2,
        area.width,
        height,
    );
    for y in band.top()..band.bottom() {
        for x in band.left()..band.right() {
            buf[(x, y)].reset();
        }
    }
    buf.set_style(band, styles.bar_title);
    let width = usize::from(band.width);
    for (row, line) in lines
        .iter()
        .take(usize::from(height.saturating_sub(2)))
        .enumerate()
    {
        let line = truncate_to_width(line, width, ambiguous);
        let offset = (width - display_width_with(&line, ambiguous)) / 2;
        let y = band.y + 1 + row as u16;
        buf.set_stringn(band.x + offset as u16, y, &line, width, styles.bar_title);
    }
}

/// Draws the key guide, keeping whole items only: a half-shown key would mislead.
fn draw_guide(
    buf: &mut Buffer,
    area: Rect,
    guide: &[GuideItem],
    styles: &Styles,
    ambiguous: AmbiguousWidth,
) {
    let mut x = usize::from(area.x) + 1;
    let right = usize::from(area.right());
    for item in guide {
        let cap = format!(" {} ", item.key);
        let cap_width = display_width_with(&cap, ambiguous);
        let action_width = display_width_with(item.action, ambiguous);
        if x + cap_width + 1 + action_width > right {
            break;
        }
        buf.set_stringn(x as u16, area.y, &cap, cap_width, styles.key_cap);
        x += cap_width + 1;
        buf.set_stringn(x as u16, area.y, item.action, action_width, styles.bar);
        x += action_width + 2;
    }
}

#[cfg(test)]
mod tests;
