//! Japanese phone numbers in running text, and the `tel:` URI a phone can call.
//!
//! The leaflet prints numbers the way Japanese print does, `0120-95-0178` or in full-width
//! `０１２０－９５－０１７８`; the kiosk emphasises them and offers them as a QR code. A run of
//! characters is a phone number when all of these hold:
//!
//! - **Characters**: digits, half- or full-width (`0`–`9`, `０`–`９`); hyphens of any of the
//!   kinds Japanese text uses between digits (`-` `‐` `‑` `‒` `–` `−` `－`, and `ー` `ｰ`,
//!   which input methods often give instead); round brackets, half- or full-width.
//! - **Shape**: one of
//!   - `0AAA-BB-CCCC`: three groups joined by hyphens;
//!   - `(0AAA)BB-CCCC`: the area code in brackets, then two groups joined by a hyphen;
//!   - `0AA(BBB)CCCC`: the local exchange in brackets;
//!   - `0AAABBCCCC`: the digits alone.
//!
//!   In the grouped shapes the first group (the area code, with its `0`) has 2 to 5 digits,
//!   the second 1 to 4 and the last 3 or 4.
//! - **Digits**: the number starts with `0` but not `00` (a carrier or international prefix);
//!   it has 11 digits where it starts `020`, `050`, `060`, `070`, `080` or `090` (mobile, IP
//!   phone, `0800` free dial) and 10 otherwise (fixed lines, `0120`, `0570`).
//! - **Alone**: the run is not part of a longer one: no digit or Latin letter touches it, nor
//!   a `-` `.` `/` that has a digit on its far side, nor a `+` before it (international
//!   numbers, `+81…`, are not found).
//!
//! These rules leave out dates (`令和7年12月1日`, `2025-12-01`: no leading `0`, wrong counts),
//! times (`24時間365日`), postal codes (`〒060-0001`: two groups, seven digits) and digit runs of
//! other lengths, without a list of exceptions.

use std::ops::Range;

/// A phone number found in text by [`find_phone_numbers`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    /// Where the number is written, in bytes of the text, brackets and hyphens included.
    pub range: Range<usize>,
    /// The number as a `tel:` URI of ASCII digits alone, e.g. `tel:0120950178`.
    pub uri: String,
}

impl PhoneNumber {
    /// The number's ASCII digits, without the `tel:` scheme.
    pub fn digits(&self) -> &str {
        &self.uri["tel:".len()..]
    }
}

/// The Japanese phone numbers in `text`, in order, by the rules of this module.
///
/// ```
/// use faq_kiosk::text::find_phone_numbers;
///
/// let text = "マイナンバーカード総合窓口：０１２０－９５－０１７８（24時間365日）";
/// let found = find_phone_numbers(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(&text[found[0].range.clone()], "０１２０－９５－０１７８");
/// assert_eq!(found[0].uri, "tel:0120950178");
/// assert_eq!(found[0].digits(), "0120950178");
/// ```
pub fn find_phone_numbers(text: &str) -> Vec<PhoneNumber> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let Some((end, digits)) = number_at(&chars, start) else {
            start += 1;
            continue;
        };
        let byte_end = chars.get(end).map_or(text.len(), |&(offset, _)| offset);
        found.push(PhoneNumber {
            range: chars[start].0..byte_end,
            uri: format!("tel:{digits}"),
        });
        start = end;
    }
    found
}

/// The phone number starting at `chars[start]`, as the index just past it and its digits.
fn number_at(chars: &[(usize, char)], start: usize) -> Option<(usize, String)> {
    if joins_before(chars, start) {
        return None;
    }
    let mut scan = Scan {
        chars,
        at: start,
        digits: String::new(),
    };
    let grouped = if scan.eat(is_open) {
        // (0AAA)BB-CCCC
        let area = scan.group();
        scan.expect(is_close)?;
        let exchange = scan.group();
        scan.expect(is_hyphen)?;
        Some([area, exchange, scan.group()])
    } else {
        let area = scan.group();
        if scan.eat(is_hyphen) {
            // 0AAA-BB-CCCC
            let exchange = scan.group();
            scan.expect(is_hyphen)?;
            Some([area, exchange, scan.group()])
        } else if scan.eat(is_open) {
            // 0AA(BBB)CCCC
            let exchange = scan.group();
            scan.expect(is_close)?;
            Some([area, exchange, scan.group()])
        } else {
            None
        }
    };
    if let Some([area, exchange, subscriber]) = grouped {
        let fits = |length: usize, range: Range<usize>| range.contains(&length);
        if !(fits(area, 2..6) && fits(exchange, 1..5) && fits(subscriber, 3..5)) {
            return None;
        }
    }
    if joins_after(chars, scan.at) || !is_japanese_number(&scan.digits) {
        return None;
    }
    Some((scan.at, scan.digits))
}

/// A cursor over the characters of a candidate number, collecting its digits as ASCII.
struct Scan<'a> {
    chars: &'a [(usize, char)],
    at: usize,
    digits: String,
}

impl Scan<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).map(|&(_, c)| c)
    }

    /// Moves past the next character if `accept` takes it.
    fn eat(&mut self, accept: fn(char) -> bool) -> bool {
        let taken = self.peek().is_some_and(accept);
        self.at += usize::from(taken);
        taken
    }

    fn expect(&mut self, accept: fn(char) -> bool) -> Option<()> {
        self.eat(accept).then_some(())
    }

    /// Reads a run of digits and returns how many there were.
    fn group(&mut self) -> usize {
        let before = self.digits.len();
        while let Some(digit) = self.peek().and_then(ascii_digit) {
            self.digits.push(digit);
            self.at += 1;
        }
        self.digits.len() - before
    }
}

/// Whether ten or eleven ASCII digits are a Japanese number by their leading digits.
fn is_japanese_number(digits: &str) -> bool {
    let bytes = digits.as_bytes();
    if bytes.len() < 3 || bytes[0] != b'0' || bytes[1] == b'0' {
        return false;
    }
    // 0X0 with X in 2, 5-9 are the 11-digit ranges: 020 (M2M), 050 (IP), 060 (UPT),
    // 070/080/090 (mobile) and 0800 (free dial). Every other range has 10 digits.
    let eleven = bytes[2] == b'0' && matches!(bytes[1], b'2' | b'5'..=b'9');
    bytes.len() == if eleven { 11 } else { 10 }
}

/// Whether the character before `chars[start]` would make the number part of a longer run.
fn joins_before(chars: &[(usize, char)], start: usize) -> bool {
    let Some(&(_, previous)) = start.checked_sub(1).and_then(|i| chars.get(i)) else {
        return false;
    };
    let beyond = start
        .checked_sub(2)
        .and_then(|i| chars.get(i))
        .map(|&(_, c)| c);
    previous == '+' || joins(previous, beyond)
}

/// Whether the character at `chars[end]` would make the number part of a longer run.
fn joins_after(chars: &[(usize, char)], end: usize) -> bool {
    let Some(&(_, next)) = chars.get(end) else {
        return false;
    };
    joins(next, chars.get(end + 1).map(|&(_, c)| c))
}

/// Whether `neighbour`, next to a number, continues it: a digit or Latin letter, or a joining
/// mark with a digit on its far side (`beyond`).
fn joins(neighbour: char, beyond: Option<char>) -> bool {
    let joining_mark = is_hyphen(neighbour) || matches!(neighbour, '.' | '/' | '．' | '／');
    ascii_digit(neighbour).is_some()
        || is_latin_letter(neighbour)
        || (joining_mark && beyond.and_then(ascii_digit).is_some())
}

/// The ASCII digit for a half- or full-width digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '－' | 'ー' | 'ｰ'
    )
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers found in `text`, as written and as digits.
    fn found(text: &str) -> Vec<(&str, String)> {
        find_phone_numbers(text)
            .into_iter()
            .map(|number| (&text[number.range.clone()], number.digits().to_owned()))
            .collect()
    }

    #[test]
    fn numbers_in_every_written_form_are_found() {
        let table = [
            ("0120-95-0178", "0120-95-0178", "0120950178"),
            (
                "０１２０－９５－０１７８",
                "０１２０－９５－０１７８",
                "0120950178",
            ),
            (
                "０１２０ー９５ー０１７８",
                "０１２０ー９５ー０１７８",
                "0120950178",
            ),
            ("0120‐95‐0178", "0120‐95‐0178", "0120950178"),
            ("03-1234-5678", "03-1234-5678", "0312345678"),
            ("090-1234-5678", "090-1234-5678", "09012345678"),
            ("0800-123-4567", "0800-123-4567", "08001234567"),
            ("050-1234-5678", "050-1234-5678", "05012345678"),
            ("0570-064-556", "0570-064-556", "0570064556"),
            ("(0120)95-0178", "(0120)95-0178", "0120950178"),
            (
                "（０１２０）９５－０１７８",
                "（０１２０）９５－０１７８",
                "0120950178",
            ),
            ("03(1234)5678", "03(1234)5678", "0312345678"),
            ("0312345678", "0312345678", "0312345678"),
            ("09012345678", "09012345678", "09012345678"),
            ("窓口：0120-95-0178)また", "0120-95-0178", "0120950178"),
            ("電話0120-95-0178。", "0120-95-0178", "0120950178"),
            ("(0120-95-0178)", "0120-95-0178", "0120950178"),
            ("番号は0120-95-0178です", "0120-95-0178", "0120950178"),
        ];
        for (text, written, digits) in table {
            assert_eq!(found(text), [(written, digits.to_owned())], "{text}");
        }
    }

    #[test]
    fn dates_times_postal_codes_and_other_digit_runs_are_not_numbers() {
        let table = [
            "令和7年12月1日",
            "令和６年１２月２日時点",
            "2025-12-01",
            "2025/12/01",
            "24時間365日",
            "9:00-17:00",
            "〒123-4567",
            "〒060-0001",
            "原則1週間で",
            "1234567890",
            "0012345678",
            "031234567",
            "031234567890",
            "0901234567",
            "09012345678901",
            "123-0120-95-0178",
            "0120-95-0178-1",
            "0120-95-01789",
            "0120-95-017",
            "01209-5-0178-9",
            "+81-120-95-0178",
            "ABC0120950178",
            "0120950178X",
            "0120-950-178.5",
            "0-12-0950178",
            "0120--95-0178",
            "(0120)(95)0178",
            "0120-95",
        ];
        for text in table {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn several_numbers_in_one_text_are_found_in_order() {
        let text = "平日は03-1234-5678、夜間は０９０－１２３４－５６７８へ。";
        assert_eq!(
            found(text),
            [
                ("03-1234-5678", "0312345678".to_owned()),
                ("０９０－１２３４－５６７８", "09012345678".to_owned()),
            ]
        );
    }

    #[test]
    fn the_shipped_leaflet_holds_exactly_the_helpline() {
        let text = include_str!("../../faq.toml");
        let numbers = find_phone_numbers(text);
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        assert_eq!(&text[numbers[0].range.clone()], "0120-95-0178");
        assert_eq!(numbers[0].uri, "tel:0120950178");
    }

    #[test]
    fn byte_ranges_point_into_the_text() {
        let text = "電話：０１２０－９５－０１７８";
        let numbers = find_phone_numbers(text);
        assert_eq!(numbers[0].range, "電話：".len()..text.len());
    }
}
