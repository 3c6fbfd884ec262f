//! The theme's colours as ratatui styles, one per role a piece of text can play.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Colour, Palette, Theme, nearest_xterm_256};

/// How many colours the terminal shows, which decides the palette used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourMode {
    /// 24-bit colour: the theme's exact colours.
    TrueColour,
    /// xterm's 256 colours: the theme's exact colours, each as the nearest of the 256.
    Indexed,
    /// The 16 ANSI colours: the theme's fallback.
    Sixteen,
    /// No colour at all (`NO_COLOR`): reverse video and underline only.
    None,
}

/// What the terminal's terminfo entry (found by the `TERM` name) says about its colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerminfoColours {
    /// The `colors` number, if the entry has one.
    pub colours: Option<u32>,
    /// Whether the entry declares direct (24-bit) colour: the `RGB` or `Tc` extension, or a
    /// `setrgbf` string.
    pub direct: bool,
}

impl ColourMode {
    /// The mode for what the environment and the terminal say, most certain first:
    /// `NO_COLOR` (any non-empty value, per no-color.org) turns colour off;
    /// `COLORTERM=truecolor` or `24bit`, or a terminfo entry declaring direct colour, means
    /// exact colours; a terminfo entry with 256 colours or more means the nearest of xterm's 256;
    /// anything else (8 or 16 colours, no entry) the 16-colour fallback, which every terminal
    /// the kiosk meets shows.
    ///
    /// ```
    /// use faq_kiosk::ui::{ColourMode, TerminfoColours};
    /// let xterm_256 = TerminfoColours { colours: Some(256), direct: false };
    /// assert_eq!(ColourMode::detect(None, None, Some(xterm_256)), ColourMode::Indexed);
    /// assert_eq!(ColourMode::detect(None, Some("truecolor"), Some(xterm_256)), ColourMode::TrueColour);
    /// ```
    pub fn detect(
        no_color: Option<&str>,
        colorterm: Option<&str>,
        terminfo: Option<TerminfoColours>,
    ) -> Self {
        let terminfo = terminfo.unwrap_or_default();
        if no_color.is_some_and(|value| !value.is_empty()) {
            ColourMode::None
        } else if matches!(colorterm, Some("truecolor" | "24bit")) || terminfo.direct {
            ColourMode::TrueColour
        } else if terminfo.colours.is_some_and(|n| n >= 256) {
            ColourMode::Indexed
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
            ColourMode::TrueColour => Self::new(&theme.colours, color),
            ColourMode::Indexed => Self::new(&theme.colours, indexed_color),
            ColourMode::Sixteen => Self::new(&theme.fallback, color),
            ColourMode::None => Self::monochrome(),
        }
    }

    /// The styles of one palette, each colour made a ratatui colour by `to_color`.
    ///
    /// Nothing is bold: xterm draws bold text in the colours 0 to 7 in their bright forms
    /// (its `boldColors`), which turned black key numbers on yellow grey (3.2:1). Roles are told
    /// apart by colour alone, and emphasis by an underline.
    pub fn new(palette: &Palette, to_color: fn(Colour) -> Color) -> Self {
        let normal = Style::new()
            .fg(to_color(palette.foreground))
            .bg(to_color(palette.background));
        let bar = Style::new()
            .fg(to_color(palette.bar_foreground))
            .bg(to_color(palette.bar_background));
        let heading = normal.fg(to_color(palette.accent));
        Self {
            normal,
            heading,
            muted: normal.fg(to_color(palette.muted)),
            bar,
            bar_title: bar,
            // Only the background shows on the marker's blank cells; keeping the body's
            // foreground spares a colour change each time it moves.
            marker: normal.bg(to_color(palette.bar_background)),
            key_cap: Style::new()
                .fg(to_color(palette.key_foreground))
                .bg(to_color(palette.key_background)),
            emphasis: heading.add_modifier(Modifier::UNDERLINED),
            closed: Style::new().fg(Color::DarkGray).bg(Color::Black),
        }
    }

    /// Styles without colour, for `NO_COLOR`: headings and emphasis underlined, bars, key caps
    /// and the highlight in reverse video, so nothing depends on telling colours apart or on
    /// how a terminal draws bold.
    pub fn monochrome() -> Self {
        let normal = Style::new().fg(Color::Reset).bg(Color::Reset);
        let reverse = normal.add_modifier(Modifier::REVERSED);
        let underlined = normal.add_modifier(Modifier::UNDERLINED);
        Self {
            normal,
            heading: underlined,
            muted: normal,
            bar: reverse,
            bar_title: reverse,
            marker: reverse,
            key_cap: reverse,
            emphasis: underlined,
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

/// The ratatui colour of a configured colour on a 256-colour terminal: an exact colour becomes
/// the nearest of xterm's 256, a named one stays as it is.
pub fn indexed_color(colour: Colour) -> Color {
    match colour {
        Colour::Rgb(r, g, b) => Color::Indexed(nearest_xterm_256((r, g, b))),
        other => color(other),
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

    const FOOT: TerminfoColours = TerminfoColours {
        colours: Some(256),
        direct: true,
    };
    const XTERM_256: TerminfoColours = TerminfoColours {
        colours: Some(256),
        direct: false,
    };
    const XTERM: TerminfoColours = TerminfoColours {
        colours: Some(8),
        direct: false,
    };

    #[test]
    fn no_color_wins_over_everything() {
        assert_eq!(
            ColourMode::detect(Some("1"), Some("truecolor"), Some(FOOT)),
            ColourMode::None
        );
        assert_eq!(
            ColourMode::detect(Some(""), Some("truecolor"), None),
            ColourMode::TrueColour
        );
    }

    #[test]
    fn colorterm_or_a_direct_colour_entry_means_exact_colours() {
        assert_eq!(
            ColourMode::detect(None, Some("24bit"), Some(XTERM)),
            ColourMode::TrueColour
        );
        assert_eq!(
            ColourMode::detect(None, None, Some(FOOT)),
            ColourMode::TrueColour
        );
    }

    #[test]
    fn a_256_colour_entry_without_colorterm_gets_the_nearest_of_256() {
        assert_eq!(
            ColourMode::detect(None, None, Some(XTERM_256)),
            ColourMode::Indexed
        );
        assert_eq!(
            ColourMode::detect(None, Some("yes"), Some(XTERM_256)),
            ColourMode::Indexed
        );
    }

    #[test]
    fn eight_colours_or_no_entry_get_the_16_colour_fallback() {
        assert_eq!(
            ColourMode::detect(None, None, Some(XTERM)),
            ColourMode::Sixteen
        );
        assert_eq!(ColourMode::detect(None, None, None), ColourMode::Sixteen);
    }

    #[test]
    fn nothing_is_bold_in_any_mode() {
        let theme = Theme::high_contrast();
        for mode in [
            ColourMode::TrueColour,
            ColourMode::Indexed,
            ColourMode::Sixteen,
            ColourMode::None,
        ] {
            let styles = Styles::for_theme(&theme, mode);
            for style in [
                styles.normal,
                styles.heading,
                styles.muted,
                styles.bar,
                styles.bar_title,
                styles.marker,
                styles.key_cap,
                styles.emphasis,
            ] {
                assert!(!style.add_modifier.contains(Modifier::BOLD), "{mode:?}");
            }
        }
    }

    #[test]
    fn indexed_mode_uses_the_nearest_of_256() {
        let styles = Styles::for_theme(&Theme::standard(), ColourMode::Indexed);
        assert_eq!(styles.normal.bg, Some(Color::Indexed(233)));
        assert_eq!(styles.key_cap.bg, Some(Color::Indexed(221)));
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
