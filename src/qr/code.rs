//! A text encoded as a QR code, with its quiet zone, and the code as terminal text.

use std::fmt;

use qrcode::EcLevel;

use super::encoding::QrEncoding;

/// The light border around the code, in modules: the four the standard (ISO/IEC 18004) asks
/// for. Scanners find the code by its finder squares, and lose them without it.
const QUIET_ZONE: usize = 4;

/// A text encoded as a QR code, ready to draw: a square of dark and light modules, the quiet
/// zone included.
///
/// The code uses error correction level M (15% of the code may be lost): a screen is not
/// soiled or folded like paper, but a reflection or a finger can hide part of it, and M costs
/// few modules over L for a link or a phone number.
///
/// ```
/// use faq_kiosk::qr::{QrCode, QrEncoding};
///
/// let code = QrCode::new("tel:0120950178").unwrap();
/// // Version 1 is 21 modules; the quiet zone adds 4 on each side.
/// assert_eq!(code.modules(), 29);
/// assert_eq!(code.size(QrEncoding::HalfBlock), (29, 15));
/// assert_eq!(code.size(QrEncoding::SpacePairs), (58, 29));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QrCode {
    text: String,
    /// Modules on a side, quiet zone included.
    modules: usize,
    /// Row by row, `true` for a dark module; quiet zone included.
    dark: Vec<bool>,
}

/// A text too long for any QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TooLong {
    /// The length of the text, in UTF-8 bytes.
    pub bytes: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a text of {} bytes is too long for a QR code (level M holds 2331 bytes of text)",
            self.bytes
        )
    }
}

impl std::error::Error for TooLong {}

impl QrCode {
    /// The QR code for `text`, in the smallest version that holds it.
    ///
    /// The text is encoded as UTF-8, digits in numeric mode where that is shorter; a phone
    /// reads a URL or a `tel:` URI from it.
    ///
    /// # Errors
    ///
    /// [`TooLong`] if the text does not fit in the largest code, version 40.
    pub fn new(text: &str) -> Result<Self, TooLong> {
        // For automatic versions qrcode fails only with DataTooLong: its other errors concern
        // versions, ECI designators or Kanji mode chosen by the caller, none of which is used.
        let symbol = qrcode::QrCode::with_error_correction_level(text, EcLevel::M)
            .map_err(|_| TooLong { bytes: text.len() })?;
        let inner = symbol.width();
        let modules = inner + 2 * QUIET_ZONE;
        let colours = symbol.to_colors();
        let dark = (0..modules * modules)
            .map(|index| {
                let (x, y) = (index % modules, index / modules);
                let inside = |n: usize| (QUIET_ZONE..QUIET_ZONE + inner).contains(&n);
                inside(x)
                    && inside(y)
                    && colours[(y - QUIET_ZONE) * inner + (x - QUIET_ZONE)] == qrcode::Color::Dark
            })
            .collect();
        Ok(Self {
            text: text.to_owned(),
            modules,
            dark,
        })
    }

    /// The text the code holds.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The modules on a side, quiet zone included.
    pub fn modules(&self) -> usize {
        self.modules
    }

    /// Whether the module in column `x`, row `y` (from the top left of the quiet zone) is
    /// dark; modules outside the code are light, as the quiet zone is.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.modules && y < self.modules && self.dark[y * self.modules + x]
    }

    /// The cells the code takes in `encoding`, as `(columns, rows)`, quiet zone included.
    ///
    /// Sizes beyond `u16::MAX` are capped (a version 40 code is 185 modules, 370 columns in
    /// [`QrEncoding::SpacePairs`]).
    pub fn size(&self, encoding: QrEncoding) -> (u16, u16) {
        let (columns, rows) = encoding.cells(self.modules);
        (saturate(columns), saturate(rows))
    }

    /// The code as text, one string per terminal row, quiet zone included (as spaces).
    ///
    /// For [`QrEncoding::HalfBlock`] these are the characters [`QrWidget`](super::QrWidget)
    /// writes. For [`QrEncoding::SpacePairs`] the widget writes only spaces and shows dark
    /// modules in reverse video, which plain text cannot hold, so here a dark module is `██`:
    /// a picture of the same size for logs and tests, right only where ambiguous characters
    /// are narrow.
    ///
    /// ```
    /// use faq_kiosk::qr::{QrCode, QrEncoding};
    ///
    /// let code = QrCode::new("tel:0120950178").unwrap();
    /// let rows = code.rows(QrEncoding::HalfBlock);
    /// assert_eq!(rows.len(), 15);
    /// // Two rows of quiet zone, then the top of the finder squares.
    /// assert_eq!(rows[1], " ".repeat(29));
    /// assert_eq!(rows[2], "    █▀▀▀▀▀█ █ █▀  █▀▀▀▀▀█    ");
    /// let pairs = code.rows(QrEncoding::SpacePairs);
    /// assert_eq!(pairs[4].trim_end(), "        ██████████████  ██  ████    ██████████████");
    /// ```
    pub fn rows(&self, encoding: QrEncoding) -> Vec<String> {
        let (columns, rows) = encoding.cells(self.modules);
        (0..rows)
            .map(|row| {
                (0..columns)
                    .map(|column| match encoding {
                        QrEncoding::HalfBlock => self.half_block(column, row),
                        QrEncoding::SpacePairs if self.is_dark(column / 2, row) => '█',
                        QrEncoding::SpacePairs => ' ',
                    })
                    .collect()
            })
            .collect()
    }

    /// The half block for the cell in `column`, `row`: its top module is row `2 * row`.
    pub(crate) fn half_block(&self, column: usize, row: usize) -> char {
        let top = self.is_dark(column, 2 * row);
        let bottom = self.is_dark(column, 2 * row + 1);
        match (top, bottom) {
            (false, false) => ' ',
            (true, false) => '▀',
            (false, true) => '▄',
            (true, true) => '█',
        }
    }
}

fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quiet_zone_is_four_light_modules_on_every_side() {
        let code = QrCode::new("https://www.mhlw.go.jp/").unwrap();
        let n = code.modules();
        for i in 0..n {
            for q in 0..QUIET_ZONE {
                assert!(!code.is_dark(i, q) && !code.is_dark(i, n - 1 - q));
                assert!(!code.is_dark(q, i) && !code.is_dark(n - 1 - q, i));
            }
        }
        // The finder square's corner starts right inside the quiet zone.
        assert!(code.is_dark(QUIET_ZONE, QUIET_ZONE));
        assert!(code.is_dark(n - 1 - QUIET_ZONE, QUIET_ZONE));
        assert!(code.is_dark(QUIET_ZONE, n - 1 - QUIET_ZONE));
    }

    #[test]
    fn the_version_grows_with_the_text() {
        // Version v is 17 + 4v modules, plus 8 for the quiet zone: the phone number fits
        // version 1, and a 45-byte URL version 4 (version 3 holds 42 bytes at level M).
        assert_eq!(QrCode::new("tel:0120950178").unwrap().modules(), 29);
        let url = "https://www.mhlw.go.jp/stf/newpage_08277.html";
        assert_eq!(QrCode::new(url).unwrap().modules(), 41);
    }

    #[test]
    fn half_block_rows_pair_modules_and_pad_the_last_row() {
        let code = QrCode::new("tel:0120950178").unwrap();
        let rows = code.rows(QrEncoding::HalfBlock);
        assert_eq!(rows.len(), 15);
        for (row, text) in rows.iter().enumerate() {
            assert_eq!(text.chars().count(), 29);
            for (column, c) in text.chars().enumerate() {
                let top = code.is_dark(column, 2 * row);
                let bottom = code.is_dark(column, 2 * row + 1);
                assert_eq!(
                    c,
                    [' ', '▀', '▄', '█'][usize::from(top) + 2 * usize::from(bottom)]
                );
            }
        }
        // 29 modules make 14.5 cell rows: the last row's bottom half lies past the code.
        assert!(rows[14].chars().all(|c| c == ' '));
    }

    #[test]
    fn space_pair_rows_give_each_module_two_columns() {
        let code = QrCode::new("tel:0120950178").unwrap();
        let rows = code.rows(QrEncoding::SpacePairs);
        assert_eq!(rows.len(), 29);
        for (y, text) in rows.iter().enumerate() {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(chars.len(), 58);
            for x in 0..29 {
                let expected = if code.is_dark(x, y) { '█' } else { ' ' };
                assert_eq!((chars[2 * x], chars[2 * x + 1]), (expected, expected));
            }
        }
    }

    #[test]
    fn any_text_is_encoded_and_kept() {
        let code = QrCode::new("マイナンバー総合フリーダイヤル").unwrap();
        assert_eq!(code.text(), "マイナンバー総合フリーダイヤル");
        let empty = QrCode::new("").unwrap();
        assert_eq!(empty.modules(), 29);
    }

    #[test]
    fn a_text_past_version_40_is_too_long() {
        let text = "x".repeat(2332);
        assert_eq!(QrCode::new(&text), Err(TooLong { bytes: 2332 }));
        assert!(QrCode::new(&text[..2331]).is_ok());
        assert_eq!(
            TooLong { bytes: 2332 }.to_string(),
            "a text of 2332 bytes is too long for a QR code (level M holds 2331 bytes of text)"
        );
    }

    #[test]
    fn outside_the_square_is_light() {
        let code = QrCode::new("tel:0120950178").unwrap();
        assert!(!code.is_dark(29, 4));
        assert!(!code.is_dark(4, usize::MAX));
    }
}
