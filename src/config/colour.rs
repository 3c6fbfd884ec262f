//! Colours as written in the configuration: a terminal colour name or `#rrggbb`.

use std::fmt;

use serde::Deserialize;

/// A colour of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Colour {
    /// The terminal's own default colour.
    Reset,
    /// ANSI black.
    Black,
    /// ANSI red.
    Red,
    /// ANSI green.
    Green,
    /// ANSI yellow.
    Yellow,
    /// ANSI blue.
    Blue,
    /// ANSI magenta.
    Magenta,
    /// ANSI cyan.
    Cyan,
    /// ANSI white (often light gray).
    Gray,
    /// ANSI bright black.
    DarkGray,
    /// ANSI bright red.
    LightRed,
    /// ANSI bright green.
    LightGreen,
    /// ANSI bright yellow.
    LightYellow,
    /// ANSI bright blue.
    LightBlue,
    /// ANSI bright magenta.
    LightMagenta,
    /// ANSI bright cyan.
    LightCyan,
    /// ANSI bright white.
    White,
    /// A true colour.
    Rgb(u8, u8, u8),
}

const NAMES: [(&str, Colour); 17] = [
    ("reset", Colour::Reset),
    ("black", Colour::Black),
    ("red", Colour::Red),
    ("green", Colour::Green),
    ("yellow", Colour::Yellow),
    ("blue", Colour::Blue),
    ("magenta", Colour::Magenta),
    ("cyan", Colour::Cyan),
    ("gray", Colour::Gray),
    ("dark-gray", Colour::DarkGray),
    ("light-red", Colour::LightRed),
    ("light-green", Colour::LightGreen),
    ("light-yellow", Colour::LightYellow),
    ("light-blue", Colour::LightBlue),
    ("light-magenta", Colour::LightMagenta),
    ("light-cyan", Colour::LightCyan),
    ("white", Colour::White),
];

impl TryFrom<String> for Colour {
    type Error = String;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        if let Some(hex) = name.strip_prefix('#')
            && hex.len() == 6
            && let Ok(value) = u32::from_str_radix(hex, 16)
        {
            let [_, r, g, b] = value.to_be_bytes();
            return Ok(Colour::Rgb(r, g, b));
        }
        NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, colour)| colour)
            .ok_or_else(|| {
                let names: Vec<String> = NAMES.iter().map(|(n, _)| format!("`{n}`")).collect();
                format!(
                    "unknown variant `{name}`, expected `#rrggbb` or one of {}",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Colour::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            named => {
                let name = NAMES
                    .iter()
                    .find(|(_, c)| c == named)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_hex_parse_and_print_back() {
        for text in ["light-cyan", "black", "#0a0b0c"] {
            let colour = Colour::try_from(text.to_string()).unwrap();
            assert_eq!(colour.to_string(), text);
        }
        assert!(Colour::try_from("#12345".to_string()).is_err());
    }
}
