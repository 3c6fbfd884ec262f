//! Tricky paragraphs with their expected lines written out, one test per kind of trouble.

use faq_kiosk::text::{AmbiguousWidth, HangingPunctuation, WrapOptions, wrap_japanese};

fn wide(width: usize) -> WrapOptions {
    WrapOptions::new(width).ambiguous(AmbiguousWidth::Wide)
}

fn hanging(width: usize) -> WrapOptions {
    WrapOptions::new(width).hanging_punctuation(HangingPunctuation::Hang)
}

#[test]
fn phone_numbers_move_whole_to_the_next_line() {
    assert_eq!(
        wrap_japanese("総合窓口：0120-95-0178まで", 14),
        ["総合窓口：", "0120-95-0178ま", "で"]
    );
    assert_eq!(
        wrap_japanese("電話：０１２０－９５－０１７８です。", 30),
        ["電話：０１２０－９５－０１７８", "です。"]
    );
    assert_eq!(
        wrap_japanese("電話：０１２０－９５－０１７８です。", 26),
        ["電話：", "０１２０－９５－０１７８で", "す。"]
    );
}

#[test]
fn a_phone_number_wider_than_the_line_is_cut_where_kinsoku_allows() {
    assert_eq!(
        wrap_japanese("電話：０１２０－９５－０１７８です。", 20),
        ["電話：０１２０－９", "５－０１７８です。"]
    );
}

#[test]
fn numbers_keep_their_units() {
    assert_eq!(
        wrap_japanese("24時間365日いつでも", 10),
        ["24時間", "365日いつ", "でも"]
    );
    assert_eq!(
        wrap_japanese("有効期間満了日の３か月前に", 16),
        ["有効期間満了日の", "３か月前に"]
    );
    assert_eq!(
        wrap_japanese("原則1週間で再交付", 8),
        ["原則", "1週間で", "再交付"]
    );
    assert_eq!(
        wrap_japanese("パスワード(4桁の番号)の初期化", 14),
        ["パスワード(4桁", "の番号)の初期", "化"]
    );
}

#[test]
fn note_text_aligns_after_the_mark_in_both_ambiguous_modes() {
    // ※ takes two columns in both: a narrow terminal draws it from the CJK font, two wide.
    assert_eq!(
        wrap_japanese("※暗証番号のロックを解除する", 12),
        ["※暗証番号の", "  ロックを解", "  除する"]
    );
    assert_eq!(
        wrap_japanese("※暗証番号のロックを解除する", wide(12)),
        ["※暗証番号の", "  ロックを解", "  除する"]
    );
}

#[test]
fn brackets_at_the_edges_move_with_their_neighbours() {
    assert_eq!(
        wrap_japanese("これは「重要」です。", 10),
        ["これは「重", "要」です。"]
    );
    assert_eq!(
        wrap_japanese("確認（目視確認）する", 12),
        ["確認（目視確", "認）する"]
    );
    assert_eq!(wrap_japanese("あい「うえ」", 6), ["あい", "「う", "え」"]);
}

#[test]
fn long_katakana_words_break_between_morae_but_not_before_small_kana_or_choon() {
    assert_eq!(
        wrap_japanese("マイナンバーカードプライバシー", 12),
        ["マイナンバー", "カードプライ", "バシー"]
    );
    assert_eq!(
        wrap_japanese("ショッピングセンター", 6),
        ["ショッ", "ピング", "セン", "ター"]
    );
}

#[test]
fn ascii_words_inside_japanese_stay_whole() {
    assert_eq!(
        wrap_japanese("マイナ在宅受付Webやマイナ資格確認アプリ", 16),
        ["マイナ在宅受付", "Webやマイナ資格", "確認アプリ"]
    );
    assert_eq!(
        wrap_japanese("機構（J-LIS）から", 10),
        ["機構", "（J-LIS）", "から"]
    );
    assert_eq!(
        wrap_japanese("Hello world, this is it.", 10),
        ["Hello", "world,", "this is", "it."]
    );
}

#[test]
fn emoji_sequences_and_halfwidth_voiced_kana_are_never_split() {
    assert_eq!(wrap_japanese("家族👨‍👩‍👧で来院", 6), ["家族👨‍👩‍👧", "で来院"]);
    assert_eq!(wrap_japanese("ｶﾞｲﾄﾞﾌﾞｯｸ", 5), ["ｶﾞｲﾄﾞ", "ﾌﾞｯｸ"]);
    assert_eq!(wrap_japanese("ｶﾞｲﾄﾞ", 1), ["ｶﾞ", "ｲ", "ﾄﾞ"]);
}

#[test]
fn dashes_and_ellipses_stay_in_pairs() {
    assert_eq!(
        wrap_japanese("待って——ください", 8),
        ["待って——", "ください"]
    );
    assert_eq!(wrap_japanese("それは……です", 8), ["それは……", "です"]);
}

#[test]
fn kinsoku_gives_way_only_when_no_cut_is_allowed() {
    assert_eq!(wrap_japanese("人々の声", 2), ["人", "々", "の", "声"]);
}

#[test]
fn punctuation_hangs_into_the_margin_only_when_asked() {
    assert_eq!(
        wrap_japanese("あいうえお。かきくけこ、さ", 10),
        ["あいうえ", "お。かきく", "けこ、さ"]
    );
    assert_eq!(
        wrap_japanese("あいうえお。かきくけこ、さ", hanging(10)),
        ["あいうえお。", "かきくけこ、", "さ"]
    );
}
