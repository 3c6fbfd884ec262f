//! The parameters of one CSI or SS3 sequence, collected byte by byte in fixed room.

/// Parameter values kept; a sequence with more is not one the kiosk reads, and is ignored.
const MAX_VALUES: usize = 16;

/// A sequence's private marker (`<`, `=`, `>`, `?`), intermediate byte and parameters.
///
/// Parameters are numbers separated by `;`; a number may carry sub-parameters after `:`
/// (the kitty keyboard protocol's `code:alternate`), which are kept apart so that
/// [`Sequence::param`] counts only the main ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sequence {
    marker: Option<u8>,
    intermediate: Option<u8>,
    values: [u16; MAX_VALUES],
    /// Bit `i`: value `i` had digits (an empty one takes its default).
    present: u16,
    /// Bit `i`: value `i` came after `:`, a sub-parameter of the one before.
    sub: u16,
    /// Values begun so far.
    count: u8,
    /// Bytes taken so far, the introducer (`ESC [`) not counted.
    len: u8,
    /// Something no terminal sends for a key: the whole sequence is ignored.
    malformed: bool,
}

impl Sequence {
    /// Takes one parameter byte (0x30-0x3F).
    pub(super) fn param_byte(&mut self, byte: u8) {
        match byte {
            b'0'..=b'9' => {
                let i = self.begin_value();
                self.values[i] = self.values[i]
                    .saturating_mul(10)
                    .saturating_add(u16::from(byte - b'0'));
                self.present |= 1 << i;
            }
            b';' | b':' => {
                self.begin_value();
                if usize::from(self.count) == MAX_VALUES {
                    self.malformed = true;
                    return;
                }
                if byte == b':' {
                    self.sub |= 1 << self.count;
                }
                self.count += 1;
            }
            // A private marker is the first byte of a sequence or not one at all.
            _ if self.count == 0 && self.marker.is_none() && self.intermediate.is_none() => {
                self.marker = Some(byte);
            }
            _ => self.malformed = true,
        }
    }

    /// Takes one intermediate byte (0x20-0x2F).
    pub(super) fn intermediate_byte(&mut self, byte: u8) {
        if self.intermediate.replace(byte).is_some() {
            self.malformed = true;
        }
    }

    /// Counts one more byte of the sequence; false once it is longer than any kept.
    pub(super) fn take_byte(&mut self) -> bool {
        self.len = self.len.saturating_add(1);
        usize::from(self.len) < super::MAX_SEQUENCE_BYTES
    }

    /// The index of the value being written, beginning the first one if none has begun.
    fn begin_value(&mut self) -> usize {
        if self.count == 0 {
            self.count = 1;
        }
        usize::from(self.count - 1)
    }

    /// Whether this is a plain sequence: no marker, no intermediate, nothing malformed.
    pub(super) fn is_plain(&self) -> bool {
        self.marker.is_none() && self.intermediate.is_none() && !self.malformed
    }

    /// Whether the sequence is well formed and has this private marker and no intermediate.
    pub(super) fn has_marker(&self, marker: u8) -> bool {
        self.marker == Some(marker) && self.intermediate.is_none() && !self.malformed
    }

    /// The number of main parameters (sub-parameters not counted).
    pub(super) fn param_count(&self) -> usize {
        (0..usize::from(self.count))
            .filter(|&i| self.sub & (1 << i) == 0)
            .count()
    }

    /// Main parameter `n` (from 0), or `None` when it is absent or empty.
    pub(super) fn param(&self, n: usize) -> Option<u16> {
        self.value(self.main_index(n)?)
    }

    /// Sub-parameter `k` (from 1) of main parameter `n`, or `None` when it is absent or empty.
    pub(super) fn sub_param(&self, n: usize, k: usize) -> Option<u16> {
        let i = self.main_index(n)? + k;
        let is_sub =
            i < usize::from(self.count) && (1..=k).all(|j| self.sub & (1 << (i - k + j)) != 0);
        if is_sub { self.value(i) } else { None }
    }

    /// Where main parameter `n` is among the values.
    fn main_index(&self, n: usize) -> Option<usize> {
        (0..usize::from(self.count))
            .filter(|&i| self.sub & (1 << i) == 0)
            .nth(n)
    }

    /// Value `i`, if it had digits.
    fn value(&self, i: usize) -> Option<u16> {
        (self.present & (1 << i) != 0).then_some(self.values[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Sequence {
        let mut sequence = Sequence::default();
        for &b in bytes {
            sequence.param_byte(b);
        }
        sequence
    }

    #[test]
    fn parameters_are_numbers_between_semicolons_and_empty_ones_are_absent() {
        let sequence = parse(b"1;;25");
        assert_eq!(sequence.param_count(), 3);
        assert_eq!(sequence.param(0), Some(1));
        assert_eq!(sequence.param(1), None);
        assert_eq!(sequence.param(2), Some(25));
        assert_eq!(sequence.param(3), None);
        assert!(sequence.is_plain());
        assert_eq!(parse(b"").param_count(), 0);
    }

    #[test]
    fn sub_parameters_do_not_count_as_parameters() {
        let sequence = parse(b"97:65;2:3");
        assert_eq!(sequence.param_count(), 2);
        assert_eq!(sequence.param(0), Some(97));
        assert_eq!(sequence.param(1), Some(2));
        assert_eq!(sequence.sub_param(0, 1), Some(65));
        assert_eq!(sequence.sub_param(1, 1), Some(3));
        assert_eq!(sequence.sub_param(1, 2), None);
        assert_eq!(
            parse(b"1;5").sub_param(0, 1),
            None,
            "a main parameter is no sub-parameter"
        );
        assert_eq!(parse(b"1::4").sub_param(0, 1), None, "empty");
        assert_eq!(parse(b"1::4").sub_param(0, 2), Some(4));
    }

    #[test]
    fn a_marker_counts_only_first_and_huge_numbers_saturate() {
        let mouse = parse(b"<0;99999;3");
        assert!(mouse.has_marker(b'<') && !mouse.is_plain());
        assert_eq!(mouse.param(1), Some(u16::MAX));
        assert!(!parse(b"1<").is_plain());
        assert!(!parse(b"1<").has_marker(b'<'));
        let too_many = parse(&[b';'; MAX_VALUES]);
        assert!(!too_many.is_plain());
    }

    #[test]
    fn a_second_intermediate_makes_it_malformed() {
        let mut sequence = Sequence::default();
        sequence.intermediate_byte(b'$');
        assert!(!sequence.is_plain());
        assert!(!sequence.has_marker(b'?'));
        sequence.intermediate_byte(b' ');
        assert!(sequence.malformed);
    }
}
