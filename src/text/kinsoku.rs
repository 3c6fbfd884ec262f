//! Which characters may not start or end a line (禁則処理, after JIS X 4051 / JLReq).

/// Characters that must not begin a line: closing brackets, punctuation, small kana, prolonged
/// sound marks and iteration marks.
pub(crate) fn cannot_start_line(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | ','
            | '.'
            | '）'
            | ')'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '］'
            | ']'
            | '｝'
            | '}'
            | '’'
            | '”'
            | '！'
            | '？'
            | '!'
            | '?'
            | '・'
            | '：'
            | '；'
            | ':'
            | ';'
            | 'ー'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '‐'
            | '〜'
            | '～'
            | 'ぁ'
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
            | '％'
            | '%'
    )
}

/// Characters that must not end a line: opening brackets.
pub(crate) fn cannot_end_line(c: char) -> bool {
    matches!(
        c,
        '（' | '(' | '「' | '『' | '【' | '〔' | '〈' | '《' | '［' | '[' | '｛' | '{' | '‘' | '“'
    )
}
