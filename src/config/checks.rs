//! Checks on settings that parse but would hurt the kiosk in the lobby: durations out of range,
//! a staff sequence a visitor could type by chance, and a keypad map a visitor cannot get
//! around with.
//!
//! Each check says what is wrong in plain Japanese and where, for `check` and for a reload; the
//! running kiosk also clamps the durations (see [`super::Config::idle_settings`]), so a value
//! that slipped past these checks can slow it down but never stop it.

use std::ops::RangeInclusive;

use crate::keys::{KeyLabel, Keymap};

/// Seconds allowed for `idle_timeout_secs`: 0 turns the reset off, and more than a day is
/// no reset in practice (and far enough ahead, a moment the clock cannot hold).
pub const IDLE_TIMEOUT_SECS: RangeInclusive<u64> = 0..=86_400;

/// Seconds allowed for `idle_warning_secs`: at least 20, as WCAG 2.2.1 gives a person to ask
/// for more time; a countdown of more than ten minutes is no longer a warning.
pub const IDLE_WARNING_SECS: RangeInclusive<u64> = 20..=600;

/// Milliseconds allowed for `repeat_guard_ms`: 0 turns the guard off, EN 301 549 asks for up
/// to 500, and beyond a second a visitor's deliberate second press of a key (`+` for the next
/// page, twice) would be lost.
pub const REPEAT_GUARD_MS: RangeInclusive<u64> = 0..=1_000;

/// KiB allowed for `usage_log_max_kib`: at 0 every line would be rotated away at once, and a
/// gibibyte is more than years of visits.
pub const USAGE_LOG_MAX_KIB: RangeInclusive<u64> = 1..=1_048_576;

/// The most characters a `kiosk_id` may have: enough for a site and a place in it, short
/// enough for a column of the `stats` table.
pub const MAX_KIOSK_ID_CHARS: usize = 40;

/// Percent allowed for `speech_volume`: silent is what an empty `speech_command` is for, and
/// above the voice's own full volume it distorts.
pub const SPEECH_VOLUME: RangeInclusive<u64> = 1..=100;

/// Percent allowed for `speech_speed`: half to twice the voice's normal speed, beyond which
/// the words run together or fall apart.
pub const SPEECH_SPEED: RangeInclusive<u64> = 50..=200;

/// The fewest keys a staff sequence may have.
pub const MIN_STAFF_KEYS: usize = 4;

/// A number setting out of its range: the plain-Japanese message and the technical detail.
pub(super) fn out_of_range(
    key: &str,
    value: u64,
    range: &RangeInclusive<u64>,
    unit: &str,
    why: &str,
) -> Option<(String, String)> {
    if range.contains(&value) {
        return None;
    }
    let (low, high) = (range.start(), range.end());
    Some((
        format!("{key} は {low}～{high} {unit}の範囲にしてください（いまは {value}）。{why}"),
        format!("{key} is {value}; allowed {low}..={high}"),
    ))
}

/// Why a `kiosk_id` cannot name a kiosk in the usage log, if it cannot: too long, or with a
/// control character or a space at either end (which no column of a table would show).
pub(super) fn kiosk_id_problem(id: &str) -> Option<(String, String)> {
    let length = id.chars().count();
    if length > MAX_KIOSK_ID_CHARS {
        return Some((
            format!(
                "kiosk_id は {MAX_KIOSK_ID_CHARS} 文字までにしてください（いまは {length} 文字）。"
            ),
            format!("kiosk_id has {length} characters; at most {MAX_KIOSK_ID_CHARS}"),
        ));
    }
    if id.chars().any(char::is_control) || id.trim() != id {
        return Some((
            "kiosk_id に改行などの制御文字や、前後の空白は使えません（例: \"tokyo-1f-lobby\"）。"
                .to_string(),
            format!("kiosk_id {id:?} has a control character or surrounding spaces"),
        ));
    }
    None
}

/// Why a staff sequence could be typed by a visitor by chance, if it could.
///
/// The staff sequence is watched on every key before the repeat guard, so it must be
/// something no ordinary visit produces:
/// - at least [`MIN_STAFF_KEYS`] keys;
/// - at least two different keys, since a key held down repeats itself;
/// - at least one key that does not move between screens in the keypad map (in the default
///   map `*` or `/`, or any key set to `"nothing"`, `"theme"` or `"text-size"`), since a walk
///   through the screens (open 1, open 2, back, home, next page…) is what visitors type.
pub(super) fn staff_sequence_problem(
    keys: &[KeyLabel],
    keymap: &Keymap,
) -> Option<(String, String)> {
    if keys.is_empty() {
        return None;
    }
    let written = keys
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    if keys.len() < MIN_STAFF_KEYS {
        return Some((
            format!(
                "staff_sequence \"{written}\" は短すぎます。来館者がたまたま押してしまわないよう、{MIN_STAFF_KEYS} キー以上にしてください（例: \"* * 0 0 0 0 Enter\"）。"
            ),
            format!(
                "staff sequence is {} key(s) long; at least {MIN_STAFF_KEYS} are needed",
                keys.len()
            ),
        ));
    }
    if keys.iter().all(|key| *key == keys[0]) {
        return Some((
            format!(
                "staff_sequence \"{written}\" は同じキーのくり返しです。キーを押したままにするだけで入力されてしまうので、2種類以上のキーを使ってください（例: \"* * 0 0 0 0 Enter\"）。"
            ),
            "staff sequence repeats one key, which a key held down types".to_string(),
        ));
    }
    if keys
        .iter()
        .all(|key| keymap.intent(*key).is_some_and(|intent| intent.moves()))
    {
        return Some((
            format!(
                "staff_sequence \"{written}\" は、どのキーも画面を開いたり戻ったりするキーなので、来館者がふつうに操作するだけで押してしまうことがあります。画面を移動しないキー（* や / など）を1つ以上入れてください（例: \"* * 0 0 0 0 Enter\"）。"
            ),
            "every key of the staff sequence moves between screens, as a visitor's walk does"
                .to_string(),
        ));
    }
    None
}

/// What a visitor could not do with this keypad map, if anything: open an item, or get back
/// from one.
pub(super) fn keymap_problems(keymap: &Keymap) -> Vec<(String, String)> {
    let intents: Vec<_> = KeyLabel::all()
        .filter_map(|label| keymap.intent(label))
        .collect();
    let mut problems = Vec::new();
    if !intents.iter().any(|intent| intent.opens()) {
        problems.push((
            "キーの割り当て（[keypad.keys]）に、項目を開くキーがありません。来館者が答えを開けません。どれかのキーを \"open-1\"～\"open-9\" か \"select\" にしてください。".to_string(),
            "no key opens an item (open-1..open-9 or select)".to_string(),
        ));
    }
    if !intents.iter().any(|intent| intent.leads_back()) {
        problems.push((
            "キーの割り当て（[keypad.keys]）に、前の画面（\"back\"）にも最初の画面（\"home\"）にも戻るキーがありません。開いた答えから戻れなくなるので、どれかのキーをそのどちらかにしてください。".to_string(),
            "no key goes back or home".to_string(),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::keys::{Binding, Intent, NumLockOff, parse_key_labels};

    #[test]
    fn a_kiosk_id_must_be_short_and_plain() {
        assert_eq!(kiosk_id_problem(""), None);
        assert_eq!(kiosk_id_problem("本庁舎1階-受付"), None);
        assert!(kiosk_id_problem(&"a".repeat(MAX_KIOSK_ID_CHARS + 1)).is_some());
        assert_eq!(kiosk_id_problem(&"あ".repeat(MAX_KIOSK_ID_CHARS)), None);
        assert!(kiosk_id_problem("lobby\n").is_some());
        assert!(kiosk_id_problem(" lobby").is_some());
    }

    fn staff(keys: &str, keymap: &Keymap) -> Option<String> {
        staff_sequence_problem(&parse_key_labels(keys).unwrap(), keymap).map(|(_, detail)| detail)
    }

    #[test]
    fn a_staff_sequence_a_visitor_could_type_is_refused() {
        let keymap = Keymap::default();
        for (keys, refused) in [
            ("", false),
            ("1", true),
            ("* * 0", true),
            ("* * * *", true),
            ("- - - -", true),
            ("1 2 3 4", true),
            ("0 0 0 0 Enter", true),
            ("3 1 + 0 .", true),
            ("* * 0 0 0 0 Enter", false),
            ("/ 0 0 0", false),
        ] {
            assert_eq!(staff(keys, &keymap).is_some(), refused, "{keys:?}");
        }
    }

    #[test]
    fn what_moves_between_screens_follows_the_keypad_map() {
        let star_home = Keymap::new(
            NumLockOff::Digits,
            &BTreeMap::from([(KeyLabel::Star, Binding(Some(Intent::Home)))]),
        );
        assert!(staff("* * 0 0 0 0 Enter", &star_home).is_some());
        let quiet_minus = Keymap::new(
            NumLockOff::Digits,
            &BTreeMap::from([(KeyLabel::Minus, Binding(None))]),
        );
        assert!(staff("- 0 - 0", &quiet_minus).is_none());
        // In navigation mode Begin opens the highlighted item; in digit mode it is 5.
        let navigation = Keymap::new(NumLockOff::Navigation, &BTreeMap::new());
        assert!(staff("Begin Begin * Begin", &navigation).is_none());
    }

    #[test]
    fn a_keypad_map_needs_a_way_in_and_a_way_out() {
        assert!(keymap_problems(&Keymap::default()).is_empty());
        // Every key switched off, then the given ones set.
        let problems = |set: &[(KeyLabel, Intent)]| {
            let mut keys: BTreeMap<KeyLabel, Binding> =
                KeyLabel::all().map(|k| (k, Binding(None))).collect();
            keys.extend(set.iter().map(|&(k, intent)| (k, Binding(Some(intent)))));
            keymap_problems(&Keymap::new(NumLockOff::Digits, &keys))
                .into_iter()
                .map(|(_, detail)| detail)
                .collect::<Vec<_>>()
        };
        assert_eq!(problems(&[]).len(), 2);
        let enter = (KeyLabel::Enter, Intent::Select);
        let dot = (KeyLabel::Dot, Intent::Home);
        assert_eq!(problems(&[enter]), ["no key goes back or home"]);
        assert_eq!(
            problems(&[dot, (KeyLabel::Star, Intent::TextSize)]),
            ["no key opens an item (open-1..open-9 or select)"]
        );
        assert!(problems(&[(KeyLabel::Digit(4), Intent::Open(1)), dot]).is_empty());
    }

    #[test]
    fn numbers_out_of_range_say_the_range() {
        assert!(out_of_range("x", 20, &IDLE_WARNING_SECS, "秒", "").is_none());
        let (message, detail) = out_of_range("x", 19, &IDLE_WARNING_SECS, "秒", "").unwrap();
        assert!(message.contains("20～600 秒の範囲"), "{message}");
        assert_eq!(detail, "x is 19; allowed 20..=600");
    }
}
