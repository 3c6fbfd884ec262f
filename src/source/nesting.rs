//! Finding the line whose key names are nested deepest, for the TOML parser's "recursion
//! limit" error, which comes without a place.
//!
//! The parser counts a key's parts (`a.b.c` is three) together with those of the table header
//! above it (`[x.y]`), and gives up past its limit; the first line reaching the deepest count
//! in the file is where it gave up.

/// The byte offset of the start of the first line whose key is nested deepest, counting the
/// parts of the table header it is under.
pub(super) fn deepest_key(text: &str) -> usize {
    let mut header = 0;
    let mut deepest = (0, 0);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let depth = if let Some(name) = trimmed.strip_prefix('[') {
            header = key_parts(name.trim_start_matches('['));
            header
        } else {
            header + key_parts(trimmed)
        };
        if depth > deepest.0 {
            deepest = (depth, offset);
        }
        offset += line.len();
    }
    deepest.1
}

/// How many dotted parts the key at the start of `text` has, up to `=` or `]`; quoted parts
/// may hold dots of their own.
fn key_parts(text: &str) -> usize {
    let mut parts = 1;
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '.') => parts += 1,
            (None, '=' | ']' | '#' | '\n') => return parts,
            (None, _) => {}
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_line_counts_its_header_and_ignores_quoted_dots() {
        let text = "a = 1\n[x.y]\nb.c = 2\n\"d.e.f.g.h\" = 3\n[p]\nq.r.s = 4\n";
        assert_eq!(
            &text[deepest_key(text)..],
            "b.c = 2\n\"d.e.f.g.h\" = 3\n[p]\nq.r.s = 4\n"
        );
        let deep = format!("x = 1\n\n{}b = 1\n", "a.".repeat(100));
        assert_eq!(deepest_key(&deep), 7);
    }
}
