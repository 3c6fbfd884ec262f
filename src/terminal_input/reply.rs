//! The terminal's answers to the kiosk's own questions, read apart from keys.

/// The cursor position in a terminal's answer to DSR 6 (`CSI row ; column R`), as a
/// zero-based (column, row); `None` if `bytes` holds no complete answer.
///
/// The answer is read on its own, not by the key parser: `CSI 1 ; 2 R`, the answer for the
/// top row, is also what xterm sends for Shift+F3. Other bytes around it (a key pressed while
/// the kiosk starts) are skipped.
pub fn find_cursor_report(bytes: &[u8]) -> Option<(u16, u16)> {
    bytes
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair == b"\x1b[")
        .find_map(|(at, _)| report_at(&bytes[at + 2..]))
}

/// `row ; column R` at the start of `rest`.
fn report_at(rest: &[u8]) -> Option<(u16, u16)> {
    let (row, rest) = number(rest)?;
    let rest = rest.strip_prefix(b";")?;
    let (column, rest) = number(rest)?;
    rest.starts_with(b"R")
        .then(|| (column.saturating_sub(1), row.saturating_sub(1)))
}

/// A decimal number of 1 to 5 digits at the start of `bytes`, and what follows it.
fn number(bytes: &[u8]) -> Option<(u16, &[u8])> {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let text = std::str::from_utf8(&bytes[..digits]).ok()?;
    Some((text.parse().ok()?, &bytes[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_answer_among_other_bytes() {
        assert_eq!(find_cursor_report(b"\x1b[1;3R"), Some((2, 0)));
        assert_eq!(find_cursor_report(b"5\x1b[A\x1b[12;80Rx"), Some((79, 11)));
        assert_eq!(find_cursor_report(b"\x1b[\x1b[2;1R"), Some((0, 1)));
    }

    #[test]
    fn an_unfinished_or_malformed_answer_is_none() {
        for bytes in [
            &b""[..],
            b"\x1b[1;3",
            b"\x1b[1;R",
            b"\x1b[;3R",
            b"\x1b[1;3~",
            b"\x1b[999999;1R",
            b"\x1b[70000;1R",
        ] {
            assert_eq!(find_cursor_report(bytes), None, "{bytes:?}");
        }
    }
}
