//! What a date is to its sentence, from the words around it: a deadline, a point in time, or
//! the start of a period.

/// What a date means where it is written.
///
/// Only a [`DateRole::Deadline`] goes stale: `令和7年12月1日まで使えます` is false once the day has
/// passed, while `令和6年12月2日時点で` (as of) and `令和6年12月2日以降` (from then on) stay true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRole {
    /// Something ends on the date: `まで`, `までに`, `期限`, `締切`, `最長で…`.
    Deadline,
    /// The date is the moment a statement describes: `時点`, `現在`, `当時`.
    PointInTime,
    /// Something begins on the date: `から`, `以降`, `以後`, `以来`.
    Start,
}

/// A word near a date that says what the date is, and the role it gives the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cue {
    /// The word as written (`まで`, `時点`…), for messages.
    pub word: &'static str,
    /// What the word makes the date.
    pub role: DateRole,
}

/// Words that say what the date before them is. A longer word comes before any word it
/// starts with, so `までに` is reported rather than `まで`.
const AFTER: [(&str, DateRole); 14] = [
    ("までに", DateRole::Deadline),
    ("まで", DateRole::Deadline),
    ("迄", DateRole::Deadline),
    ("期限", DateRole::Deadline),
    ("締め切り", DateRole::Deadline),
    ("締切", DateRole::Deadline),
    ("時点", DateRole::PointInTime),
    ("現在", DateRole::PointInTime),
    ("当時", DateRole::PointInTime),
    ("から", DateRole::Start),
    ("以降", DateRole::Start),
    ("以後", DateRole::Start),
    ("以来", DateRole::Start),
    ("より前", DateRole::Deadline),
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

/// The cue that says what the date between `before` and `after` is, if any.
///
/// A cue from [`AFTER`] must start within [`NEAR`] characters after the date in the same
/// clause, or one from [`BEFORE`] end within [`NEAR`] characters before it in the same
/// sentence. A cue after the date wins: in `期限は令和6年12月2日時点の…` the date is a point
/// in time.
pub(super) fn date_cue(before: &str, after: &str) -> Option<Cue> {
    following_cue(after).or_else(|| preceding_cue(before))
}

fn following_cue(after: &str) -> Option<Cue> {
    for (offset, c) in after.char_indices().take(NEAR + 1) {
        let found = AFTER
            .iter()
            .find(|(word, _)| after[offset..].starts_with(word));
        if let Some(&(word, role)) = found {
            return Some(Cue { word, role });
        }
        if ends_clause(c) {
            return None;
        }
    }
    None
}

fn preceding_cue(before: &str) -> Option<Cue> {
    let mut end = before.len();
    let mut chars = before.char_indices().rev();
    for _ in 0..=NEAR {
        if let Some(word) = BEFORE.iter().find(|word| before[..end].ends_with(**word)) {
            return Some(Cue {
                word,
                role: DateRole::Deadline,
            });
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

    fn cue(before: &str, after: &str) -> Option<(&'static str, DateRole)> {
        date_cue(before, after).map(|cue| (cue.word, cue.role))
    }

    #[test]
    fn words_after_the_date_within_five_characters() {
        use DateRole::*;
        let table = [
            ("まで使用できます", Some(("まで", Deadline))),
            ("までに申請", Some(("までに", Deadline))),
            ("迄", Some(("迄", Deadline))),
            ("時点でお手元に", Some(("時点", PointInTime))),
            ("現在", Some(("現在", PointInTime))),
            ("以降は", Some(("以降", Start))),
            ("から使えます", Some(("から", Start))),
            ("の期限", Some(("期限", Deadline))),
            ("締切", Some(("締切", Deadline))),
            ("(月)まで", Some(("まで", Deadline))),
            ("（水曜日）まで", Some(("まで", Deadline))),
            ("（水曜日）にまで", None),
            ("に従来の健康保険証", None),
            ("。まで", None),
            ("、まで", None),
            ("から、締切は", Some(("から", Start))),
            ("に終了。期限", None),
            ("", None),
        ];
        for (after, expected) in table {
            assert_eq!(cue("", after), expected, "{after}");
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
        for (before, expected) in table {
            let expected = expected.map(|word| (word, DateRole::Deadline));
            assert_eq!(cue(before, ""), expected, "{before}");
        }
    }

    #[test]
    fn a_cue_after_the_date_wins() {
        assert_eq!(cue("最長で", "まで"), Some(("まで", DateRole::Deadline)));
        assert_eq!(
            cue("期限は", "時点の"),
            Some(("時点", DateRole::PointInTime))
        );
    }
}
