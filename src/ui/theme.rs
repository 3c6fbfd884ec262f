//! The theme's colours as ratatui styles, one per role a piece of text can play.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Colour, Palette, Theme};

/// How many colours the terminal shows, which decides the palette used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourMode {
    /// 24-bit colour: the theme's exact colours.
    TrueColour,
    /// The 16 ANSI colours: the theme's fallback.
    Sixteen,
    /// No colour at all (`NO_COLOR`): bold and reverse video only.
    None,
}

impl ColourMode {
    /// The mode the environment asks for: `NO_COLOR` (any non-empty value, per no-color.org)
    /// turns colour off; `COLORTERM=truecolor` or `24bit` means exact colours.
    pub fn from_environment(no_color: Option<&str>, colorterm: Option<&str>) -> Self {
        if no_color.is_some_and(|value| !value.is_empty()) {
            ColourMode::None
        } else if matches!(colorterm, Some("truecolor" | "24bit")) {
            ColourMode::TrueColour
        } else {
            ColourMode::Sixteen
        }
    }
}

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
    /// The bar in the margin that marks the highlighted entry.
    pub marker: Style,
    /// A key's label drawn as a key cap (` 1 `).
    pub key_cap: Style,
    /// Phone numbers and other things to note down, within body text.
    pub emphasis: Style,
    /// The dark screen outside the opening hours: dim text on black, whatever the theme, so
    /// that little is lit and nothing burns in.
    pub closed: Style,
}

impl Styles {
    /// The styles of `theme` on a terminal with `mode` colours.
    pub fn for_theme(theme: &Theme, mode: ColourMode) -> Self {
        match mode {
            ColourMode::TrueColour => Self::new(&theme.colours),
            ColourMode::Sixteen => Self::new(&theme.fallback),
            ColourMode::None => Self::monochrome(),
        }
    }

    /// The styles of one palette.
    pub fn new(palette: &Palette) -> Self {
        let normal = Style::new()
            .fg(color(palette.foreground))
            .bg(color(palette.background));
        let bar = Style::new()
            .fg(color(palette.bar_foreground))
            .bg(color(palette.bar_background));
        let heading = normal
            .fg(color(palette.accent))
            .add_modifier(Modifier::BOLD);
        Self {
            normal,
            heading,
            muted: normal.fg(color(palette.muted)),
            bar,
            bar_title: bar.add_modifier(Modifier::BOLD),
            // Only the background shows on the marker's blank cells; keeping the body's
            // foreground spares a colour change each time it moves.
            marker: normal.bg(color(palette.bar_background)),
            key_cap: Style::new()
                .fg(color(palette.key_foreground))
                .bg(color(palette.key_background))
                .add_modifier(Modifier::BOLD),
            emphasis: heading.add_modifier(Modifier::UNDERLINED),
            closed: Style::new().fg(Color::DarkGray).bg(Color::Black),
        }
    }

    /// Styles without colour, for `NO_COLOR`: headings bold, bars and the highlight in reverse
    /// video, so nothing depends on telling colours apart.
    pub fn monochrome() -> Self {
        let normal = Style::new().fg(Color::Reset).bg(Color::Reset);
        let reverse = normal.add_modifier(Modifier::REVERSED);
        Self {
            normal,
            heading: normal.add_modifier(Modifier::BOLD),
            muted: normal,
            bar: reverse,
            bar_title: reverse.add_modifier(Modifier::BOLD),
            marker: reverse,
            key_cap: reverse.add_modifier(Modifier::BOLD),
            emphasis: normal.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            // Without colours the terminal's own are all there is.
            closed: normal,
        }
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::for_theme(&Theme::standard(), ColourMode::Sixteen)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_and_truecolor_needs_saying() {
        assert_eq!(
            ColourMode::from_environment(Some("1"), Some("truecolor")),
            ColourMode::None
        );
        assert_eq!(
            ColourMode::from_environment(Some(""), Some("truecolor")),
            ColourMode::TrueColour
        );
        assert_eq!(
            ColourMode::from_environment(None, Some("24bit")),
            ColourMode::TrueColour
        );
        assert_eq!(
            ColourMode::from_environment(None, None),
            ColourMode::Sixteen
        );
    }

    #[test]
    fn monochrome_uses_reverse_video_for_the_highlight() {
        let styles = Styles::monochrome();
        assert!(styles.marker.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(styles.normal.fg, Some(Color::Reset));
    }

    #[test]
    fn the_palette_follows_the_mode() {
        let theme = Theme::standard();
        let exact = Styles::for_theme(&theme, ColourMode::TrueColour);
        assert_eq!(exact.normal.fg, Some(Color::Rgb(0xf5, 0xf5, 0xf5)));
        let sixteen = Styles::for_theme(&theme, ColourMode::Sixteen);
        assert_eq!(sixteen.normal.fg, Some(Color::White));
    }
}
