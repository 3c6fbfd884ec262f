//! What the terminal's compiled terminfo entry says about its colours: the `colors` number and
//! whether it declares direct colour (`RGB`, `Tc`, `setrgbf`).
//!
//! The entry is found by the `TERM` name where ncurses looks (`$TERMINFO`, `~/.terminfo`,
//! `$TERMINFO_DIRS`, then the system folders) and read in the format of term(5), legacy and
//! 32-bit numbers both, with the extended capabilities that name direct colour.

use std::path::{Path, PathBuf};

use crate::files::read_limited;
use crate::ui::TerminfoColours;

/// The largest entry read: real ones are a few KB.
const MAX_ENTRY_BYTES: u64 = 64 * 1024;
/// The magic number of an entry with 16-bit numbers.
const MAGIC_LEGACY: u16 = 0o432;
/// The magic number of an entry with 32-bit numbers (ncurses 6.1 and later).
const MAGIC_32BIT: u16 = 0o1036;
/// The index of `colors` among the standard numeric capabilities.
const COLORS: usize = 13;
/// The extended capabilities that declare direct colour, as tmux and ncurses name them.
const DIRECT_NAMES: [&str; 3] = ["RGB", "Tc", "setrgbf"];

/// The colours the entry for `term` declares, or `None` if there is no readable entry.
pub fn colours_of(term: &str) -> Option<TerminfoColours> {
    if term.is_empty() || term.contains('/') || term.starts_with('.') {
        return None;
    }
    let first = term.chars().next()?;
    entry_folders().into_iter().find_map(|folder| {
        [
            folder.join(first.to_string()).join(term),
            folder.join(format!("{:x}", u32::from(first))).join(term),
        ]
        .into_iter()
        .find_map(|path| read_limited(&path, MAX_ENTRY_BYTES).ok())
        .and_then(|bytes| parse(&bytes))
    })
}

/// The folders ncurses searches for entries, in its order.
fn entry_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(own) = std::env::var_os("TERMINFO") {
        folders.push(PathBuf::from(own));
    }
    if let Some(home) = std::env::var_os("HOME") {
        folders.push(Path::new(&home).join(".terminfo"));
    }
    if let Some(list) = std::env::var_os("TERMINFO_DIRS") {
        folders.extend(std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()));
    }
    for system in ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"] {
        folders.push(PathBuf::from(system));
    }
    folders
}

/// Little-endian 16-bit values from `bytes` at `at`.
fn short(bytes: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

/// A count or size from a header: never negative.
fn count(bytes: &[u8], at: usize) -> Option<usize> {
    usize::try_from(short(bytes, at)?).ok()
}

/// The colours a compiled entry declares; `None` if the bytes are not an entry.
fn parse(bytes: &[u8]) -> Option<TerminfoColours> {
    let magic = u16::from_le_bytes([*bytes.first()?, *bytes.get(1)?]);
    let number_size = match magic {
        MAGIC_LEGACY => 2,
        MAGIC_32BIT => 4,
        _ => return None,
    };
    let names = count(bytes, 2)?;
    let booleans = count(bytes, 4)?;
    let numbers = count(bytes, 6)?;
    let strings = count(bytes, 8)?;
    let table = count(bytes, 10)?;
    let mut at = 12 + names + booleans;
    at += at % 2;
    let number = |at: usize| -> Option<i32> {
        if number_size == 2 {
            short(bytes, at).map(i32::from)
        } else {
            Some(i32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
        }
    };
    let colours = if COLORS < numbers {
        number(at + COLORS * number_size).and_then(|n| u32::try_from(n).ok())
    } else {
        None
    };
    at += numbers * number_size + strings * 2 + table;
    at += at % 2;
    let direct = extended_direct(bytes, at, number_size, number).unwrap_or(false);
    Some(TerminfoColours { colours, direct })
}

/// Whether the extended section at `at` has a capability named in [`DIRECT_NAMES`] that is set.
fn extended_direct(
    bytes: &[u8],
    mut at: usize,
    number_size: usize,
    number: impl Fn(usize) -> Option<i32>,
) -> Option<bool> {
    let booleans = count(bytes, at)?;
    let numbers = count(bytes, at + 2)?;
    let strings = count(bytes, at + 4)?;
    let table = count(bytes, at + 8)?;
    at += 10;
    let boolean_values = bytes.get(at..at + booleans)?;
    at += booleans;
    at += at % 2;
    let number_values = (0..numbers)
        .map(|i| number(at + i * number_size))
        .collect::<Option<Vec<_>>>()?;
    at += numbers * number_size;
    let string_offsets = (0..strings)
        .map(|i| short(bytes, at + i * 2))
        .collect::<Option<Vec<_>>>()?;
    // The offsets of the names follow those of the strings; the names themselves are the last
    // NUL-terminated strings of the table, in the order booleans, numbers, strings.
    at += (strings + booleans + numbers + strings) * 2;
    let text = bytes.get(at..at + table)?;
    let all: Vec<&[u8]> = text.strip_suffix(b"\0")?.split(|&b| b == 0).collect();
    let names = all.get(all.len().checked_sub(booleans + numbers + strings)?..)?;
    let set = |i: usize| {
        if i < booleans {
            boolean_values[i] == 1
        } else if i < booleans + numbers {
            number_values[i - booleans] >= 0
        } else {
            string_offsets[i - booleans - numbers] >= 0
        }
    };
    Some(
        names.iter().enumerate().any(|(i, name)| {
            DIRECT_NAMES.iter().any(|direct| direct.as_bytes() == *name) && set(i)
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compiled entry: `numbers` as its standard numbers, and extended capabilities.
    struct Entry {
        magic: u16,
        numbers: Vec<i32>,
        ext_booleans: Vec<(&'static str, bool)>,
        ext_numbers: Vec<(&'static str, i32)>,
        ext_strings: Vec<(&'static str, &'static str)>,
    }

    impl Entry {
        fn bytes(&self) -> Vec<u8> {
            let size = if self.magic == MAGIC_32BIT { 4 } else { 2 };
            let push_number = |out: &mut Vec<u8>, n: i32| {
                if size == 2 {
                    out.extend((n as i16).to_le_bytes());
                } else {
                    out.extend(n.to_le_bytes());
                }
            };
            let names = b"test|a test entry\0";
            let mut out = Vec::new();
            out.extend(self.magic.to_le_bytes());
            for n in [names.len(), 1, self.numbers.len(), 1, 2] {
                out.extend((n as i16).to_le_bytes());
            }
            out.extend(names);
            out.push(1);
            if out.len() % 2 == 1 {
                out.push(0);
            }
            for &n in &self.numbers {
                push_number(&mut out, n);
            }
            out.extend(0i16.to_le_bytes());
            out.extend(b"x\0");
            if out.len() % 2 == 1 {
                out.push(0);
            }
            let mut table = Vec::new();
            let mut string_offsets = Vec::new();
            for (_, value) in &self.ext_strings {
                string_offsets.push(table.len() as i16);
                table.extend(value.as_bytes());
                table.push(0);
            }
            let mut name_offsets = Vec::new();
            let names = self.ext_booleans.iter().map(|(n, _)| *n);
            let names = names.chain(self.ext_numbers.iter().map(|(n, _)| *n));
            let names = names.chain(self.ext_strings.iter().map(|(n, _)| *n));
            let start = table.len();
            for name in names {
                name_offsets.push((table.len() - start) as i16);
                table.extend(name.as_bytes());
                table.push(0);
            }
            let items =
                self.ext_booleans.len() + self.ext_numbers.len() + 2 * self.ext_strings.len();
            for n in [
                self.ext_booleans.len(),
                self.ext_numbers.len(),
                self.ext_strings.len(),
                items,
                table.len(),
            ] {
                out.extend((n as i16).to_le_bytes());
            }
            out.extend(self.ext_booleans.iter().map(|&(_, b)| u8::from(b)));
            if out.len() % 2 == 1 {
                out.push(0);
            }
            for &(_, n) in &self.ext_numbers {
                push_number(&mut out, n);
            }
            for offset in string_offsets.iter().chain(&name_offsets) {
                out.extend(offset.to_le_bytes());
            }
            out.extend(table);
            out
        }
    }

    fn numbers_with_colours(colours: i32) -> Vec<i32> {
        let mut numbers = vec![-1; 15];
        numbers[COLORS] = colours;
        numbers
    }

    #[test]
    fn colours_and_direct_colour_are_read_from_both_formats() {
        for magic in [MAGIC_LEGACY, MAGIC_32BIT] {
            let foot = Entry {
                magic,
                numbers: numbers_with_colours(256),
                ext_booleans: vec![("AX", true), ("Tc", true)],
                ext_numbers: vec![],
                ext_strings: vec![("setrgbf", "\x1b[38:2::%p1%d:%p2%d:%p3%dm")],
            };
            assert_eq!(
                parse(&foot.bytes()),
                Some(TerminfoColours {
                    colours: Some(256),
                    direct: true
                })
            );
        }
    }

    #[test]
    fn a_256_colour_entry_without_the_extensions_is_not_direct() {
        let xterm_256 = Entry {
            magic: MAGIC_LEGACY,
            numbers: numbers_with_colours(256),
            ext_booleans: vec![("AX", true), ("XT", true)],
            ext_numbers: vec![],
            ext_strings: vec![("kDC3", "\x1b[3;3~")],
        };
        assert_eq!(
            parse(&xterm_256.bytes()),
            Some(TerminfoColours {
                colours: Some(256),
                direct: false
            })
        );
    }

    #[test]
    fn rgb_as_a_number_and_a_cleared_flag_count_as_declared_only_when_set() {
        let direct = Entry {
            magic: MAGIC_32BIT,
            numbers: numbers_with_colours(0x100_0000),
            ext_booleans: vec![("Tc", false)],
            ext_numbers: vec![("RGB", 8)],
            ext_strings: vec![],
        };
        let parsed = parse(&direct.bytes()).unwrap();
        assert_eq!(parsed.colours, Some(0x100_0000));
        assert!(parsed.direct);
        let cleared = Entry {
            magic: MAGIC_LEGACY,
            numbers: numbers_with_colours(8),
            ext_booleans: vec![("Tc", false)],
            ext_numbers: vec![],
            ext_strings: vec![],
        };
        assert!(!parse(&cleared.bytes()).unwrap().direct);
    }

    #[test]
    fn an_entry_without_extensions_or_colors_still_reads() {
        let mut bytes = Entry {
            magic: MAGIC_LEGACY,
            numbers: vec![80, -1],
            ext_booleans: vec![],
            ext_numbers: vec![],
            ext_strings: vec![],
        }
        .bytes();
        // Cut the extended section off, as in an entry compiled without one.
        let standard_end = 12 + 18 + 1 + 1 + 4 + 2 + 2;
        bytes.truncate(standard_end);
        assert_eq!(parse(&bytes), Some(TerminfoColours::default()));
    }

    #[test]
    fn other_files_and_odd_names_are_not_entries() {
        assert_eq!(parse(b"#!/bin/sh\n"), None);
        assert_eq!(parse(&[]), None);
        assert_eq!(colours_of("../../etc/passwd"), None);
        assert_eq!(colours_of(""), None);
    }
}
