//! The theme's colours as ratatui styles, one per role a piece of text can play.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Colour, Theme};

/// Ready-made styles for every role, built once from the configured theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styles {
    /// Body text on the screen's background.
    pub normal: Style,
    /// Titles and questions.
    pub heading: Style,
    /// Secondary text.
    pub muted: Style,
    /// The header and footer bars.
    pub bar: Style,
    /// The kiosk's title in the header bar.
    pub bar_title: Style,
    /// A highlighted list entry.
    pub highlight: Style,
    /// A key's label drawn as a key cap (` 1 `).
    pub key_cap: Style,
}

impl Styles {
    /// The styles of `theme`.
    pub fn new(theme: &Theme) -> Self {
        let normal = Style::new()
            .fg(color(theme.foreground))
            .bg(color(theme.background));
        let bar = Style::new()
            .fg(color(theme.bar_foreground))
            .bg(color(theme.bar_background));
        Self {
            normal,
            heading: normal.fg(color(theme.accent)).add_modifier(Modifier::BOLD),
            muted: normal.fg(color(theme.muted)),
            bar,
            bar_title: bar.add_modifier(Modifier::BOLD),
            highlight: bar,
            key_cap: Style::new()
                .fg(color(theme.background))
                .bg(color(theme.accent))
                .add_modifier(Modifier::BOLD),
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new(&Theme::default())
    }
}

/// The ratatui colour of a configured colour.
pub fn color(colour: Colour) -> Color {
    match colour {
        Colour::Reset => Color::Reset,
        Colour::Black => Color::Black,
        Colour::Red => Color::Red,
        Colour::Green => Color::Green,
        Colour::Yellow => Color::Yellow,
        Colour::Blue => Color::Blue,
        Colour::Magenta => Color::Magenta,
        Colour::Cyan => Color::Cyan,
        Colour::Gray => Color::Gray,
        Colour::DarkGray => Color::DarkGray,
        Colour::LightRed => Color::LightRed,
        Colour::LightGreen => Color::LightGreen,
        Colour::LightYellow => Color::LightYellow,
        Colour::LightBlue => Color::LightBlue,
        Colour::LightMagenta => Color::LightMagenta,
        Colour::LightCyan => Color::LightCyan,
        Colour::White => Color::White,
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}
