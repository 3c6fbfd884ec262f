//! Colour themes: exact colours for terminals that show true colour, a 16-colour fallback for
//! the others, and the WCAG contrast arithmetic that keeps both readable.

use serde::Deserialize;

use super::Colour;

/// The colours of one theme for every role a piece of text plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    /// Body text.
    pub foreground: Colour,
    /// The screen's background.
    pub background: Colour,
    /// Titles and the question on an answer page.
    pub accent: Colour,
    /// Descriptions and other secondary text.
    pub muted: Colour,
    /// Text of the header, footer and highlighted item.
    pub bar_foreground: Colour,
    /// Background of the header, footer and highlighted item.
    pub bar_background: Colour,
    /// The label of a key cap (` 1 `).
    pub key_foreground: Colour,
    /// The face of a key cap.
    pub key_background: Colour,
}

/// One `[[themes]]` entry: a name, its exact colours and its 16-colour fallback.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The name `theme = "…"` refers to.
    pub name: String,
    /// The colours on a terminal that shows true colour (`COLORTERM=truecolor`).
    pub colours: Palette,
    /// The colours on a 16-colour terminal.
    pub fallback: Palette,
}

impl Theme {
    /// The dark default: white on black, yellow headings, light-blue bars.
    pub fn standard() -> Self {
        Self {
            name: "default".to_string(),
            colours: Palette {
                foreground: Colour::Rgb(0xf5, 0xf5, 0xf5),
                background: Colour::Rgb(0x10, 0x10, 0x10),
                accent: Colour::Rgb(0xff, 0xd7, 0x5f),
                muted: Colour::Rgb(0xbc, 0xbc, 0xbc),
                bar_foreground: Colour::Rgb(0x00, 0x00, 0x00),
                bar_background: Colour::Rgb(0x87, 0xd7, 0xff),
                key_foreground: Colour::Rgb(0x00, 0x00, 0x00),
                key_background: Colour::Rgb(0xff, 0xd7, 0x5f),
            },
            fallback: Palette {
                foreground: Colour::White,
                background: Colour::Black,
                accent: Colour::LightYellow,
                muted: Colour::Gray,
                bar_foreground: Colour::Black,
                bar_background: Colour::LightCyan,
                key_foreground: Colour::Black,
                key_background: Colour::LightYellow,
            },
        }
    }

    /// The high-contrast theme: yellow on black, the strongest pair for low vision.
    pub fn high_contrast() -> Self {
        Self {
            name: "high-contrast".to_string(),
            colours: Palette {
                foreground: Colour::Rgb(0xff, 0xff, 0x00),
                background: Colour::Rgb(0x00, 0x00, 0x00),
                accent: Colour::Rgb(0xff, 0xff, 0xff),
                muted: Colour::Rgb(0xff, 0xff, 0x00),
                bar_foreground: Colour::Rgb(0x00, 0x00, 0x00),
                bar_background: Colour::Rgb(0xff, 0xff, 0xff),
                key_foreground: Colour::Rgb(0x00, 0x00, 0x00),
                key_background: Colour::Rgb(0xff, 0xff, 0x00),
            },
            fallback: Palette {
                foreground: Colour::LightYellow,
                background: Colour::Black,
                accent: Colour::White,
                muted: Colour::LightYellow,
                bar_foreground: Colour::Black,
                bar_background: Colour::White,
                key_foreground: Colour::Black,
                key_background: Colour::LightYellow,
            },
        }
    }
}

/// The red, green and blue of a colour as shown: exact for `#rrggbb`, xterm's default palette
/// for the 16 named colours. `reset` counts as white text on black.
pub fn rgb(colour: Colour, as_background: bool) -> (u8, u8, u8) {
    match colour {
        Colour::Rgb(r, g, b) => (r, g, b),
        Colour::Reset if as_background => (0, 0, 0),
        Colour::Reset => (0xe5, 0xe5, 0xe5),
        Colour::Black => (0x00, 0x00, 0x00),
        Colour::Red => (0xcd, 0x00, 0x00),
        Colour::Green => (0x00, 0xcd, 0x00),
        Colour::Yellow => (0xcd, 0xcd, 0x00),
        Colour::Blue => (0x00, 0x00, 0xee),
        Colour::Magenta => (0xcd, 0x00, 0xcd),
        Colour::Cyan => (0x00, 0xcd, 0xcd),
        Colour::Gray => (0xe5, 0xe5, 0xe5),
        Colour::DarkGray => (0x7f, 0x7f, 0x7f),
        Colour::LightRed => (0xff, 0x00, 0x00),
        Colour::LightGreen => (0x00, 0xff, 0x00),
        Colour::LightYellow => (0xff, 0xff, 0x00),
        Colour::LightBlue => (0x5c, 0x5c, 0xff),
        Colour::LightMagenta => (0xff, 0x00, 0xff),
        Colour::LightCyan => (0x00, 0xff, 0xff),
        Colour::White => (0xff, 0xff, 0xff),
    }
}

/// The levels of the 6x6x6 colour cube of xterm's 256 colours (indices 16 to 231).
const CUBE_LEVELS: [u8; 6] = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];

/// The red, green and blue xterm shows for one of its 256 colours (foot, VTE and most others
/// use the same table).
pub fn xterm_256_rgb(index: u8) -> (u8, u8, u8) {
    match index {
        0..=15 => rgb(ANSI[usize::from(index)], false),
        16..=231 => {
            let i = index - 16;
            let level = |n: u8| CUBE_LEVELS[usize::from(n)];
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        232..=255 => {
            let grey = 8 + 10 * (index - 232);
            (grey, grey, grey)
        }
    }
}

/// The 16 named colours in the order of their indices.
const ANSI: [Colour; 16] = [
    Colour::Black,
    Colour::Red,
    Colour::Green,
    Colour::Yellow,
    Colour::Blue,
    Colour::Magenta,
    Colour::Cyan,
    Colour::Gray,
    Colour::DarkGray,
    Colour::LightRed,
    Colour::LightGreen,
    Colour::LightYellow,
    Colour::LightBlue,
    Colour::LightMagenta,
    Colour::LightCyan,
    Colour::White,
];

/// The colour of xterm's 256 (cube and grey ramp, which no one redefines) nearest to `rgb`,
/// for a terminal that shows 256 colours but not true colour.
pub fn nearest_xterm_256((r, g, b): (u8, u8, u8)) -> u8 {
    let distance = |index: u8| {
        let (cr, cg, cb) = xterm_256_rgb(index);
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, cr) + d(g, cg) + d(b, cb)
    };
    (16..=255)
        .min_by_key(|&index| distance(index))
        .expect("a non-empty range")
}

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG contrast ratio of text in `foreground` on `background`, from 1 to 21.
pub fn contrast_ratio(foreground: Colour, background: Colour) -> f64 {
    rgb_contrast_ratio(rgb(foreground, false), rgb(background, true))
}

/// The WCAG contrast ratio of two colours given as red, green and blue.
pub fn rgb_contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let a = luminance(a);
    let b = luminance(b);
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

/// The contrast WCAG asks for body text at level AAA (1.4.6).
pub const BODY_CONTRAST: f64 = 7.0;
/// The contrast WCAG asks for any text at level AA (1.4.3); secondary text must reach it.
pub const SECONDARY_CONTRAST: f64 = 4.5;
/// The contrast WCAG asks for the parts of a control at level AA (1.4.11): the highlight
/// marker against the background.
pub const NON_TEXT_CONTRAST: f64 = 3.0;

impl Palette {
    /// Every text colour on its background, and the highlight marker on the background, with
    /// the contrast each must reach and a name.
    pub fn pairs(&self) -> [(&'static str, Colour, Colour, f64); 6] {
        [
            ("body text", self.foreground, self.background, BODY_CONTRAST),
            ("headings", self.accent, self.background, BODY_CONTRAST),
            (
                "bars",
                self.bar_foreground,
                self.bar_background,
                BODY_CONTRAST,
            ),
            (
                "key caps",
                self.key_foreground,
                self.key_background,
                BODY_CONTRAST,
            ),
            (
                "secondary text",
                self.muted,
                self.background,
                SECONDARY_CONTRAST,
            ),
            (
                "highlight marker",
                self.bar_background,
                self.background,
                NON_TEXT_CONTRAST,
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast_ratio(Colour::White, Colour::Black) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Colour::Black, Colour::Black) - 1.0).abs() < 0.01);
        // #777777 on white is the classic 4.48:1, just short of AA.
        let grey = contrast_ratio(Colour::Rgb(0x77, 0x77, 0x77), Colour::White);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
    }

    #[test]
    fn the_256_colour_table_is_xterms() {
        assert_eq!(xterm_256_rgb(11), (0xff, 0xff, 0x00));
        assert_eq!(xterm_256_rgb(16), (0, 0, 0));
        assert_eq!(xterm_256_rgb(221), (0xff, 0xd7, 0x5f));
        assert_eq!(xterm_256_rgb(117), (0x87, 0xd7, 0xff));
        assert_eq!(xterm_256_rgb(232), (8, 8, 8));
        assert_eq!(xterm_256_rgb(255), (0xee, 0xee, 0xee));
        assert_eq!(nearest_xterm_256((0xff, 0xd7, 0x5f)), 221);
        assert_eq!(nearest_xterm_256((0x10, 0x10, 0x10)), 233);
        assert_eq!(nearest_xterm_256((0xf5, 0xf5, 0xf5)), 255);
    }

    #[test]
    fn the_shipped_themes_keep_their_contrast_in_256_colours() {
        let shown = |colour: Colour| match colour {
            Colour::Rgb(r, g, b) => xterm_256_rgb(nearest_xterm_256((r, g, b))),
            other => rgb(other, false),
        };
        for theme in [Theme::standard(), Theme::high_contrast()] {
            for (role, fg, bg, needed) in theme.colours.pairs() {
                let ratio = rgb_contrast_ratio(shown(fg), shown(bg));
                assert!(
                    ratio >= needed,
                    "{} {role}: {fg} on {bg} in 256 colours is {ratio:.2}:1, needs {needed}:1",
                    theme.name
                );
            }
        }
    }

    #[test]
    fn the_shipped_themes_reach_aaa_for_body_text_and_aa_for_the_rest() {
        for theme in [Theme::standard(), Theme::high_contrast()] {
            for (palette_name, palette) in
                [("colours", theme.colours), ("fallback", theme.fallback)]
            {
                for (role, fg, bg, needed) in palette.pairs() {
                    let ratio = contrast_ratio(fg, bg);
                    assert!(
                        ratio >= needed,
                        "{} {palette_name} {role}: {fg} on {bg} is {ratio:.2}:1, needs {needed}:1",
                        theme.name
                    );
                }
            }
        }
    }
}
