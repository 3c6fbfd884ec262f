//! Which characters may not start or end a line (禁則処理), after JIS X 4051 and W3C JLReq.
//!
//! The classes follow JLReq appendix A ("Character Classes"), with the half-width and ASCII
//! forms that appear in Japanese text put in the class of their full-width counterpart. The
//! rules are the strict ones: small kana and the prolonged sound mark never start a line.

/// The JLReq character classes that take part in line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// cl-01, opening brackets: 「（『【 and friends.
    OpeningBracket,
    /// cl-02, closing brackets: 」）』】 and friends.
    ClosingBracket,
    /// cl-03, hyphens: ‐ 〜 ゠ –, and the hyphen-minus in both widths.
    Hyphen,
    /// cl-04, dividing punctuation: ！？.
    DividingPunctuation,
    /// cl-05, middle dots: ・：；.
    MiddleDot,
    /// cl-06, full stops: 。．.
    FullStop,
    /// cl-07, commas: 、，.
    Comma,
    /// cl-08, inseparable characters: — … ‥, which come in pairs (—— ……).
    Inseparable,
    /// cl-09, iteration marks: ヽヾゝゞ々〻.
    IterationMark,
    /// cl-10, the prolonged sound mark ー.
    ProlongedSoundMark,
    /// cl-11, small kana: ぁァっッゃャ and friends.
    SmallKana,
    /// cl-20, postfixed abbreviations such as ％ and ℃, read as part of the number before them.
    PostfixedAbbreviation,
}

/// The JLReq class of `c`, if it is one that line breaking cares about.
pub(crate) fn line_class(c: char) -> Option<LineClass> {
    use LineClass::*;
    let class = match c {
        '‘' | '“' | '（' | '〔' | '［' | '｛' | '〈' | '《' | '「' | '『' | '【' | '｟' | '〘'
        | '〖' | '«' | '〝' | '(' | '[' | '{' | '｢' => OpeningBracket,
        '’' | '”' | '）' | '〕' | '］' | '｝' | '〉' | '》' | '」' | '』' | '】' | '｠' | '〙'
        | '〗' | '»' | '〟' | ')' | ']' | '}' | '｣' => ClosingBracket,
        '‐' | '〜' | '～' | '゠' | '–' | '-' | '－' => Hyphen,
        '？' | '！' | '‼' | '⁇' | '⁈' | '⁉' | '?' | '!' => DividingPunctuation,
        '・' | '：' | '；' | '･' | ':' | ';' => MiddleDot,
        '。' | '．' | '｡' | '.' => FullStop,
        '、' | '，' | '､' | ',' => Comma,
        '—' | '―' | '…' | '‥' | '〳' | '〴' | '〵' => Inseparable,
        'ヽ' | 'ヾ' | 'ゝ' | 'ゞ' | '々' | '〻' => IterationMark,
        'ー' | 'ｰ' => ProlongedSoundMark,
        'ぁ'
        | 'ぃ'
        | 'ぅ'
        | 'ぇ'
        | 'ぉ'
        | 'っ'
        | 'ゃ'
        | 'ゅ'
        | 'ょ'
        | 'ゎ'
        | 'ゕ'
        | 'ゖ'
        | 'ァ'
        | 'ィ'
        | 'ゥ'
        | 'ェ'
        | 'ォ'
        | 'ッ'
        | 'ャ'
        | 'ュ'
        | 'ョ'
        | 'ヮ'
        | 'ヵ'
        | 'ヶ'
        | 'ㇰ'..='ㇿ'
        | 'ｧ'..='ｯ' => SmallKana,
        '％' | '%' | '‰' | '°' | '℃' | '′' | '″' | '¢' | '￠' => PostfixedAbbreviation,
        _ => return None,
    };
    Some(class)
}

/// Whether `c` must not begin a line (JLReq cl-02 to cl-07 and cl-09 to cl-11).
///
/// Postfixed abbreviations are included too: a line starting with ％ has lost its number.
pub(crate) fn cannot_start_line(c: char) -> bool {
    use LineClass::*;
    matches!(
        line_class(c),
        Some(
            ClosingBracket
                | Hyphen
                | DividingPunctuation
                | MiddleDot
                | FullStop
                | Comma
                | IterationMark
                | ProlongedSoundMark
                | SmallKana
                | PostfixedAbbreviation
        )
    )
}

/// Whether `c` must not end a line (JLReq cl-01, opening brackets).
pub(crate) fn cannot_end_line(c: char) -> bool {
    line_class(c) == Some(LineClass::OpeningBracket)
}

/// Whether a line may not break between `before` and `after` because they form one mark, as the
/// two halves of —— or …… do (JLReq cl-08).
pub(crate) fn inseparable(before: char, after: char) -> bool {
    line_class(before) == Some(LineClass::Inseparable)
        && line_class(after) == Some(LineClass::Inseparable)
}

/// Whether a line may break between the text `left` and the text `right`.
///
/// Spaces at the cut are dropped by the wrapper, so the kinsoku rules look past them: the last
/// character that stays on the line must not be an opening bracket and the first character of
/// the next line must not be one that cannot start a line. A cut with only spaces to its left
/// places nothing and is refused; a cut with only spaces to its right is always fine.
pub(crate) fn may_break(left: &str, right: &str) -> bool {
    let Some(last) = left.trim_end_matches(' ').chars().next_back() else {
        return false;
    };
    let Some(first) = right.trim_start_matches(' ').chars().next() else {
        return true;
    };
    let touching = left.ends_with(last) && right.starts_with(first);
    let forbidden =
        cannot_end_line(last) || cannot_start_line(first) || (touching && inseparable(last, first));
    !forbidden
}

/// Whether `c` may hang into the right margin (ぶら下がり): the ideographic comma and full stop.
pub(crate) fn may_hang(c: char) -> bool {
    matches!(c, '、' | '。' | '，' | '．')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_punctuation_and_small_kana_cannot_start_a_line() {
        for c in "、。，．）」』】！？・：；ーッょヶ々ゝ〜％".chars() {
            assert!(cannot_start_line(c), "{c}");
        }
        for c in "あア漢（「Ａa1".chars() {
            assert!(!cannot_start_line(c), "{c}");
        }
    }

    #[test]
    fn opening_brackets_cannot_end_a_line() {
        for c in "（「『【〔［｛〈《(“".chars() {
            assert!(cannot_end_line(c), "{c}");
        }
        assert!(!cannot_end_line('」'));
    }

    #[test]
    fn dashes_and_ellipses_stay_in_pairs() {
        assert!(inseparable('—', '—'));
        assert!(inseparable('…', '…'));
        assert!(!inseparable('…', 'あ'));
        assert!(!may_break("あ……", "……い"));
        assert!(may_break("あ……", "い"));
    }

    #[test]
    fn breaks_look_past_the_spaces_that_will_be_dropped() {
        assert!(!may_break("あ「 ", "い"));
        assert!(!may_break("あ ", " 。"));
        assert!(may_break("です。 ", "(マイナ"));
        assert!(!may_break("  ", "あ"));
        assert!(may_break("あ", "  "));
    }
}
