//! Making text safe to print on a terminal and normalising what displays badly.
//!
//! Content comes from a file that anyone with access to the kiosk can edit, and a terminal obeys
//! what it prints: an escape sequence can move the cursor, set the window title (OSC 0), write
//! the clipboard (OSC 52) or switch character sets (ESC ( 0, SO). [`sanitize`] is the one place
//! that decides what reaches the screen:
//!
//! - *removed*: C0 and C1 control characters other than `\n`, escape sequences whole (CSI, OSC
//!   up to BEL or ST, DCS/SOS/PM/APC up to ST, and two- or three-character ESC sequences), bidi
//!   overrides, isolates and marks, and invisible format characters (Unicode category Cf: zero
//!   width space, word joiner, byte order mark, soft hyphen…). A zero width joiner is kept inside
//!   a grapheme cluster (emoji ZWJ sequences), a variation selector after a base character, and
//!   tag characters inside an emoji flag tag sequence (🏴 + tags); elsewhere they are removed.
//! - *normalised*: a tab becomes one space; the no-break space and the other Unicode spaces
//!   (category Zs) become a plain space, except the ideographic space U+3000, which keeps its
//!   two columns; the line and paragraph separators U+2028 and U+2029 become `\n`.
//!
//! `\n` itself is kept: it separates paragraphs, and [`super::wrap_japanese`] treats it as a
//! forced break and never returns it in a line.

use unicode_segmentation::UnicodeSegmentation;

/// The text with everything unsafe removed, and a record of each change.
///
/// Removals and normalisations are kept apart so that a report can tell an editor which
/// characters were dropped and which were only made plainer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Sanitized {
    /// The clean text.
    pub text: String,
    /// What was taken out, in the order it appeared.
    pub removed: Vec<RemovedChar>,
    /// What was replaced by a plainer character, in the order it appeared.
    pub normalised: Vec<NormalisedChar>,
}

impl Sanitized {
    /// Whether the text came through unchanged.
    ///
    /// True when nothing was removed and nothing normalised, so there is nothing to report.
    pub fn is_unchanged(&self) -> bool {
        self.removed.is_empty() && self.normalised.is_empty()
    }
}

/// A character, or a whole escape sequence, taken out of the text.
///
/// `offset` and `byte_len` point into the original text, so a loader can turn them into a line
/// and column and quote what was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RemovedChar {
    /// The byte offset of `ch` in the original text.
    pub offset: usize,
    /// The character removed; for an escape sequence, its first character (ESC or a C1 control).
    pub ch: char,
    /// How many bytes of the original were removed from `offset`: more than `ch` for an escape
    /// sequence, so that `&original[offset..offset + byte_len]` is the whole sequence.
    pub byte_len: usize,
    /// What kind of character it was.
    pub kind: CharKind,
}

/// A character replaced by a plainer one.
///
/// The replacement takes the same place in the clean text; `offset` points into the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct NormalisedChar {
    /// The byte offset of `ch` in the original text.
    pub offset: usize,
    /// The character that was there.
    pub ch: char,
    /// The character put in its place.
    pub replacement: char,
    /// What kind of character it was.
    pub kind: CharKind,
}

/// The kinds of character that [`sanitize`] removes or normalises.
///
/// [`CharKind::description`] names each kind for messages to content editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CharKind {
    /// A C0 or C1 control character such as BEL, CR or NEL.
    Control,
    /// A terminal escape sequence (CSI, OSC, DCS, ESC x…).
    EscapeSequence,
    /// A bidirectional override, embedding, isolate or mark.
    Bidi,
    /// An invisible format character (zero width space, BOM, soft hyphen…), or a joiner or
    /// selector with nothing to join or select.
    InvisibleFormat,
    /// A tab.
    Tab,
    /// A space other than U+0020 and U+3000 (no-break space, thin space…).
    Space,
    /// The line separator U+2028 or paragraph separator U+2029.
    LineSeparator,
}

impl CharKind {
    /// A short English and Japanese description, for messages to content editors.
    ///
    /// ```
    /// use faq_kiosk::text::CharKind;
    /// assert_eq!(CharKind::EscapeSequence.description(), "escape sequence (エスケープシーケンス)");
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Self::Control => "control character (制御文字)",
            Self::EscapeSequence => "escape sequence (エスケープシーケンス)",
            Self::Bidi => "bidirectional control (双方向制御文字)",
            Self::InvisibleFormat => "invisible format character (不可視の書式文字)",
            Self::Tab => "tab (タブ)",
            Self::Space => "special space (特殊な空白)",
            Self::LineSeparator => "line or paragraph separator (行・段落区切り)",
        }
    }

    /// The kind's name in Japanese alone, for messages to staff.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Self::Control => "制御文字",
            Self::EscapeSequence => "エスケープシーケンス",
            Self::Bidi => "双方向制御文字",
            Self::InvisibleFormat => "不可視の書式文字",
            Self::Tab => "タブ",
            Self::Space => "特殊な空白",
            Self::LineSeparator => "行・段落区切り",
        }
    }
}

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const ST: char = '\u{9C}';
const ZWJ: char = '\u{200D}';
const BLACK_FLAG: char = '\u{1F3F4}';

/// `text` with everything that could drive the terminal removed and odd spaces normalised.
///
/// See the module documentation for exactly what is removed and what is normalised. Offsets in
/// the report are byte offsets into `text`, for turning into a line and column.
///
/// ```
/// use faq_kiosk::text::{CharKind, sanitize};
/// let clean = sanitize("\u{1b}]0;title\u{7}Q1\tマイナ\u{200b}保険証");
/// assert_eq!(clean.text, "Q1 マイナ保険証");
/// assert_eq!(clean.removed[0].kind, CharKind::EscapeSequence);
/// assert_eq!(clean.removed[0].byte_len, 10);
/// assert_eq!(clean.normalised[0].kind, CharKind::Tab);
/// ```
pub fn sanitize(text: &str) -> Sanitized {
    let mut out = Sanitized::default();
    // Only joiners, variation selectors and tags depend on their cluster.
    let attached = |c: char| c == ZWJ || is_variation_selector(c) || is_tag(c);
    // Nearly all text (all of the leaflet) has nothing to remove, replace or judge by its
    // neighbours: it is taken whole, without listing its characters one by one.
    if text
        .chars()
        .all(|c| matches!(classify(c), Class::Keep) && !attached(c))
    {
        out.text = text.to_string();
        return out;
    }
    let kept = remove_controls(text, &mut out);
    // Text without characters that attach (most of what is left) is kept as it is, without
    // segmenting it into graphemes.
    if !kept.iter().any(|&(_, c)| attached(c)) {
        out.text = kept.into_iter().map(|(_, c)| c).collect();
        return out;
    }
    let joined: String = kept.iter().map(|&(_, c)| c).collect();
    let mut origin = kept.into_iter();
    for grapheme in joined.graphemes(true) {
        let base = grapheme.chars().next();
        let last = grapheme.chars().count() - 1;
        // Whether something visible already stands in this cluster for a joiner or selector
        // to attach to.
        let mut has_base = false;
        for (index, c) in grapheme.chars().enumerate() {
            let Some((offset, _)) = origin.next() else {
                break;
            };
            let keep = match c {
                ZWJ => has_base && index < last,
                _ if is_variation_selector(c) => has_base,
                _ if is_tag(c) => has_base && base == Some(BLACK_FLAG),
                _ => true,
            };
            if keep {
                out.text.push(c);
                has_base = true;
            } else {
                out.removed
                    .push(removed(offset, c, CharKind::InvisibleFormat));
            }
        }
    }
    out
}

/// The characters of `text` left after removing controls, escape sequences, bidi and format
/// characters, each with its byte offset; normalised characters are already replaced.
fn remove_controls(text: &str, out: &mut Sanitized) -> Vec<(usize, char)> {
    let mut kept = Vec::with_capacity(text.len());
    let mut offset = 0;
    while let Some(c) = text[offset..].chars().next() {
        let mut len = c.len_utf8();
        match classify(c) {
            Class::Keep => kept.push((offset, c)),
            Class::Normalise(replacement, kind) => {
                kept.push((offset, replacement));
                out.normalised.push(NormalisedChar {
                    offset,
                    ch: c,
                    replacement,
                    kind,
                });
            }
            Class::Remove(kind) => out.removed.push(removed(offset, c, kind)),
            Class::Escape => {
                len = escape_sequence_len(&text[offset..]);
                out.removed.push(RemovedChar {
                    offset,
                    ch: c,
                    byte_len: len,
                    kind: CharKind::EscapeSequence,
                });
            }
        }
        offset += len;
    }
    kept
}

fn removed(offset: usize, ch: char, kind: CharKind) -> RemovedChar {
    RemovedChar {
        offset,
        ch,
        byte_len: ch.len_utf8(),
        kind,
    }
}

/// What the first pass does with one character.
enum Class {
    Keep,
    Normalise(char, CharKind),
    Remove(CharKind),
    /// The character starts an escape sequence, to be removed whole.
    Escape,
}

fn classify(c: char) -> Class {
    match c {
        '\n' => Class::Keep,
        '\t' => Class::Normalise(' ', CharKind::Tab),
        ESC | '\u{90}' | '\u{98}' | '\u{9B}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => Class::Escape,
        _ if c.is_control() => Class::Remove(CharKind::Control),
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Class::Remove(CharKind::Bidi),
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
            Class::Normalise(' ', CharKind::Space)
        }
        '\u{2028}' | '\u{2029}' => Class::Normalise('\n', CharKind::LineSeparator),
        _ if is_invisible_format(c) => Class::Remove(CharKind::InvisibleFormat),
        _ => Class::Keep,
    }
}

/// Whether `c` is in Unicode category Cf, apart from the bidi controls, the zero width joiner
/// and the emoji tag characters, which [`sanitize`] judges by their neighbours.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
    )
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0020}'..='\u{E007F}')
}

/// The length in bytes of the escape sequence at the start of `text`, as a terminal would
/// consume it (ECMA-48). `text` starts with ESC or a C1 sequence introducer.
fn escape_sequence_len(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let csi = if first == ESC {
        match chars.peek() {
            Some(&(_, '[')) => {
                chars.next();
                true
            }
            Some(&(_, ']' | 'P' | 'X' | '^' | '_')) => {
                chars.next();
                false
            }
            Some(&(_, '\u{20}'..='\u{2F}')) => {
                // nF sequences (ESC ( 0 switches character sets): intermediates, then a final.
                while chars
                    .next_if(|&(_, c)| matches!(c, '\u{20}'..='\u{2F}'))
                    .is_some()
                {}
                chars.next_if(|&(_, c)| matches!(c, '\u{30}'..='\u{7E}'));
                return end(&mut chars, text);
            }
            Some(&(_, '\u{30}'..='\u{7E}')) => {
                chars.next();
                return end(&mut chars, text);
            }
            _ => return end(&mut chars, text),
        }
    } else {
        first == '\u{9B}'
    };
    if csi {
        while chars
            .next_if(|&(_, c)| matches!(c, '\u{20}'..='\u{3F}'))
            .is_some()
        {}
        chars.next_if(|&(_, c)| matches!(c, '\u{40}'..='\u{7E}'));
        return end(&mut chars, text);
    }
    // A control string (OSC, DCS, SOS, PM, APC) runs to BEL or ST, or to the end of the text,
    // as the terminal would have swallowed it. An ESC other than ESC \ ends it and starts anew.
    while let Some(&(offset, c)) = chars.peek() {
        match c {
            BEL | ST => {
                chars.next();
                break;
            }
            ESC if text[offset + 1..].starts_with('\\') => return offset + 2,
            ESC => return offset,
            _ => {
                chars.next();
            }
        }
    }
    end(&mut chars, text)
}

/// The byte offset the iterator has reached in `text`.
fn end(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, text: &str) -> usize {
    chars.peek().map_or(text.len(), |&(offset, _)| offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> String {
        sanitize(text).text
    }

    #[test]
    fn plain_japanese_is_unchanged() {
        let text = "マイナ保険証（J-LIS）：0120-95-0178。※注\n次の段落";
        let result = sanitize(text);
        assert_eq!(result.text, text);
        assert!(result.is_unchanged());
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[31;1mb\u{1b}[0mc"), "abc");
        assert_eq!(clean("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(clean("a\u{1b}]52;c;aGk=\u{1b}\\b"), "ab");
        assert_eq!(clean("a\u{1b}P1$r\u{1b}\\b"), "ab");
        assert_eq!(clean("a\u{1b}(0b"), "ab");
        assert_eq!(clean("a\u{1b}cb\u{1b}7"), "ab");
        assert_eq!(clean("a\u{9b}2Jb"), "ab");
        assert_eq!(clean("a\u{9d}2;t\u{9c}b"), "ab");
        assert_eq!(clean("a\u{1b}"), "a");
    }

    #[test]
    fn an_unterminated_control_string_runs_to_the_end() {
        assert_eq!(clean("a\u{1b}]0;title"), "a");
        assert_eq!(clean("a\u{1b}]0;t\u{1b}[1mb"), "ab");
    }

    #[test]
    fn removals_report_offsets_in_the_original() {
        let result = sanitize("あ\u{1b}[2Jい\u{7}");
        assert_eq!(result.text, "あい");
        assert_eq!(
            result.removed,
            [
                RemovedChar {
                    offset: 3,
                    ch: ESC,
                    byte_len: 4,
                    kind: CharKind::EscapeSequence
                },
                RemovedChar {
                    offset: 10,
                    ch: BEL,
                    byte_len: 1,
                    kind: CharKind::Control
                },
            ]
        );
    }

    #[test]
    fn controls_bidi_and_invisible_characters_are_removed() {
        assert_eq!(clean("a\rb\u{0}c\u{7f}d\u{85}e\u{e}f"), "abcdef");
        assert_eq!(
            clean("\u{feff}a\u{202e}b\u{2066}c\u{2069}\u{200b}d\u{ad}e\u{2060}"),
            "abcde"
        );
        let kinds: Vec<CharKind> = sanitize("\u{202e}\u{200b}")
            .removed
            .iter()
            .map(|r| r.kind)
            .collect();
        assert_eq!(kinds, [CharKind::Bidi, CharKind::InvisibleFormat]);
    }

    #[test]
    fn joiners_and_selectors_stay_only_where_they_join_or_select() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean(family), family);
        assert_eq!(clean("❤\u{fe0f}"), "❤\u{fe0f}");
        assert_eq!(clean("a\u{200d}b"), "ab");
        assert_eq!(clean("\u{200d}\u{fe0f}a"), "a");
        let england = "🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(clean(england), england);
        assert_eq!(clean("a\u{e0068}\u{e0069}"), "a");
    }

    #[test]
    fn odd_spaces_are_normalised_not_removed() {
        let result = sanitize("a\tb\u{a0}c\u{3000}d\u{2028}e");
        assert_eq!(result.text, "a b c\u{3000}d\ne");
        assert!(result.removed.is_empty());
        let kinds: Vec<CharKind> = result.normalised.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [CharKind::Tab, CharKind::Space, CharKind::LineSeparator]
        );
        assert_eq!(result.normalised[1].offset, 3);
    }

    #[test]
    fn nothing_left_can_reach_the_terminal_as_a_command() {
        let nasty = "\u{1b}[H\u{1b}]52;c;x\u{7}\u{9b}1;1H\u{e}\u{f}\u{1b}(0\u{8}\u{1b}";
        let text = clean(nasty);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
}
