//! Whether a date reads like a deadline, from the words around it.

/// Words that make the date before them a deadline or a reference date: `まで` (until), `期限`
/// (time limit), `締切` (closing), `時点` and `現在` (as of), `以降` (from then on). Longer
/// words come first, so `までに` is reported rather than `まで`.
const AFTER: [&str; 10] = [
    "までに",
    "まで",
    "迄",
    "期限",
    "締め切り",
    "締切",
    "時点",
    "現在",
    "以降",
    "以後",
];

/// Words that make the date after them a deadline: `最長で…` (at the longest, …), and a
/// `期限` or `締切` the date is the value of (`有効期限が令和7年12月1日より前に`).
const BEFORE: [&str; 4] = ["最長で", "期限", "締め切り", "締切"];

/// How many characters may stand between the date and its cue: enough for a weekday such as
/// `(月)` or `（水曜日）`, or `1年間(` in `最長で1年間(令和7年12月1日まで)`, and too few for
/// the cue to belong to another phrase.
const NEAR: usize = 5;

/// Characters a cue is never looked for across: the date and the cue must be in one sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '．' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// Characters a cue after the date is not looked for across: a comma ends the clause the date
/// belongs to (`2025/12/1から、締切は…` starts another). A cue before the date may introduce
/// it across one (`期限は、令和7年12月1日`).
fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '、' | '，' | ',')
}

/// The cue that makes the date between `before` and `after` read like a deadline, if any.
///
/// A cue from [`AFTER`] must start within [`NEAR`] characters after the date in the same
/// clause, or one from [`BEFORE`] end within [`NEAR`] characters before it in the same
/// sentence.
pub(super) fn deadline_cue(before: &str, after: &str) -> Option<&'static str> {
    following_cue(after).or_else(|| preceding_cue(before))
}

fn following_cue(after: &str) -> Option<&'static str> {
    for (offset, c) in after.char_indices().take(NEAR + 1) {
        if let Some(cue) = AFTER.iter().find(|cue| after[offset..].starts_with(**cue)) {
            return Some(cue);
        }
        if ends_clause(c) {
            return None;
        }
    }
    None
}

fn preceding_cue(before: &str) -> Option<&'static str> {
    let mut end = before.len();
    let mut chars = before.char_indices().rev();
    for _ in 0..=NEAR {
        if let Some(cue) = BEFORE.iter().find(|cue| before[..end].ends_with(**cue)) {
            return Some(cue);
        }
        match chars.next() {
            Some((start, c)) if !ends_sentence(c) => end = start,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_after_the_date_within_five_characters() {
        let table = [
            ("まで使用できます", Some("まで")),
            ("までに申請", Some("までに")),
            ("迄", Some("迄")),
            ("時点でお手元に", Some("時点")),
            ("現在", Some("現在")),
            ("以降は", Some("以降")),
            ("の期限", Some("期限")),
            ("締切", Some("締切")),
            ("(月)まで", Some("まで")),
            ("（水曜日）まで", Some("まで")),
            ("（水曜日）にまで", None),
            ("に従来の健康保険証", None),
            ("より前に切れる場合", None),
            ("。まで", None),
            ("、まで", None),
            ("から、締切は", None),
            ("に終了。期限", None),
            ("", None),
        ];
        for (after, cue) in table {
            assert_eq!(deadline_cue("", after), cue, "{after}");
        }
    }

    #[test]
    fn words_before_the_date_within_five_characters() {
        let table = [
            ("最長で1年間(", Some("最長で")),
            ("有効期限が", Some("期限")),
            ("申込締切：", Some("締切")),
            ("最長で", Some("最長で")),
            ("最長で1年と6か月(", None),
            ("期限は、", Some("期限")),
            ("期限。", None),
            ("期限です。次は", None),
            ("※", None),
            ("", None),
        ];
        for (before, cue) in table {
            assert_eq!(deadline_cue(before, ""), cue, "{before}");
        }
    }

    #[test]
    fn a_cue_after_the_date_wins() {
        assert_eq!(deadline_cue("最長で", "まで"), Some("まで"));
    }
}
