//! State machine tests: every answer reachable, back and home from everywhere, paging, the
//! idle reset on a fake clock, the staff screen, content swapped under a visitor.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;
use crate::config::Config;
use crate::content::Content;

/// The home screen, reached from the attract screen with a first key.
fn state(width: u16, height: u16) -> State {
    let mut state = State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(width, height),
        Instant::now(),
    );
    state.update(Action::OtherKey, Instant::now());
    state
}

fn after(mut state: State, actions: &[Action]) -> State {
    let now = Instant::now();
    for action in actions {
        state.update(action.clone(), now);
    }
    state
}

/// The usage-log lines among `effects`.
fn records(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| matches!(e, Effect::Record(_)))
        .collect()
}

/// Every (category, position) pair the menus offer.
fn every_answer(state: &State) -> Vec<(usize, usize)> {
    let content = state.content();
    (0..content.categories.len())
        .flat_map(|c| (0..content.categories[c].questions.len()).map(move |p| (c, p)))
        .collect()
}

#[test]
fn digits_walk_from_home_to_an_answer_and_back() {
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(2)), Action::Key(Intent::Open(1))],
    );
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 1,
            position: 0,
            page: 0
        }
    );
    assert_eq!(s.question().unwrap().id, "q2");
    let s = after(s, &[Action::Key(Intent::Back)]);
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 1,
            highlight: 0
        }
    );
    let s = after(s, &[Action::Key(Intent::Back)]);
    assert_eq!(s.screen(), Screen::Home { highlight: 1 });
    let s = after(s, &[Action::Key(Intent::Back)]);
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
}

#[test]
fn every_question_is_reachable_by_digits_at_every_size() {
    for (w, h) in [(80, 24), (100, 30), (160, 45), (40, 12)] {
        let start = state(w, h);
        let mut seen = std::collections::BTreeSet::new();
        for (category, position) in every_answer(&start) {
            let home = start.list_layout().unwrap();
            let page = home.page_of(category);
            let mut actions = vec![Action::Key(Intent::NextPage); page];
            actions.push(Action::Key(Intent::Open(
                (category - home.pages[page].start + 1) as u8,
            )));
            let s = after(start.clone(), &actions);
            let list = s.list_layout().unwrap();
            let page = list.page_of(position);
            let mut actions = vec![Action::Key(Intent::NextPage); page];
            actions.push(Action::Key(Intent::Open(
                (position - list.pages[page].start + 1) as u8,
            )));
            let s = after(s, &actions);
            assert_eq!(
                s.screen(),
                Screen::Answer {
                    category,
                    position,
                    page: 0
                },
                "at {w}x{h}"
            );
            seen.insert(s.question().unwrap().id.clone());
        }
        assert_eq!(seen.len(), 9, "at {w}x{h}");
    }
}

#[test]
fn home_reaches_home_from_every_screen() {
    let start = state(80, 24);
    for (category, position) in every_answer(&start) {
        let s = after(
            start.clone(),
            &[Action::Key(Intent::Open(category as u8 + 1))],
        );
        assert_eq!(
            after(s.clone(), &[Action::Key(Intent::Home)]).screen(),
            Screen::Home { highlight: 0 }
        );
        let s = after(
            s,
            &[
                Action::Key(Intent::Open(position as u8 + 1)),
                Action::Key(Intent::NextPage),
            ],
        );
        assert!(matches!(s.screen(), Screen::Answer { .. }));
        assert_eq!(
            after(s, &[Action::Key(Intent::Home)]).screen(),
            Screen::Home { highlight: 0 }
        );
    }
}

#[test]
fn back_from_an_answer_highlights_the_question_it_showed() {
    let s = after(
        state(80, 24),
        &[
            Action::Key(Intent::Open(5)),
            Action::Key(Intent::Open(7)),
            Action::Key(Intent::Back),
        ],
    );
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 4,
            highlight: 6
        }
    );
    let s = after(s, &[Action::Key(Intent::Select)]);
    assert_eq!(s.question().unwrap().id, "q7");
}

#[test]
fn numbers_past_the_list_do_nothing() {
    let s = after(state(80, 24), &[Action::Key(Intent::Open(9))]);
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(2)), Action::Key(Intent::Open(3))],
    );
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 1,
            highlight: 0
        }
    );
}

#[test]
fn answers_page_forward_and_back_within_bounds() {
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
    );
    assert_eq!(s.question().unwrap().id, "q7");
    let pages = s.answer_page_count();
    assert!(pages >= 2);
    let forward = vec![Action::Key(Intent::NextPage); pages + 3];
    let s = after(s, &forward);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: pages - 1
        }
    );
    let s = after(
        s,
        &[Action::Key(Intent::PreviousPage), Action::Key(Intent::Up)],
    );
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: pages.saturating_sub(3)
        }
    );
}

#[test]
fn lists_page_and_digits_count_from_the_page_shown() {
    let s = after(state(40, 12), &[Action::Key(Intent::Open(5))]);
    let list = s.list_layout().unwrap();
    assert!(list.pages.len() >= 2);
    let second = list.pages[1].clone();
    let s = after(
        s,
        &[Action::Key(Intent::NextPage), Action::Key(Intent::Open(1))],
    );
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 4,
            position: second.start,
            page: 0
        }
    );
}

#[test]
fn the_highlight_moves_within_the_list_and_enter_opens_it() {
    let s = after(
        state(80, 24),
        &[
            Action::Key(Intent::Up),
            Action::Key(Intent::Down),
            Action::Key(Intent::Down),
        ],
    );
    assert_eq!(s.screen(), Screen::Home { highlight: 2 });
    let s = after(s, &vec![Action::Key(Intent::Down); 10]);
    assert_eq!(s.screen(), Screen::Home { highlight: 4 });
    let s = after(s, &[Action::Key(Intent::Select)]);
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 4,
            highlight: 0
        }
    );
}

#[test]
fn a_resize_keeps_the_answer_page_in_range() {
    let s = after(
        state(40, 12),
        &[
            Action::Key(Intent::Open(4)),
            Action::Key(Intent::Down),
            Action::Key(Intent::Select),
        ],
    );
    assert_eq!(s.question().unwrap().id, "q7");
    let s = after(s, &vec![Action::Key(Intent::NextPage); 20]);
    assert!(matches!(s.screen(), Screen::Answer { page, .. } if page > 0));
    let s = after(
        s,
        &[Action::Resize {
            width: 160,
            height: 45,
        }],
    );
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 3,
            position: 1,
            page: 0
        }
    );
}

#[test]
fn keys_are_not_acted_on_while_the_terminal_is_too_small() {
    let s = after(
        state(80, 24),
        &[
            Action::Resize {
                width: 10,
                height: 5,
            },
            Action::Key(Intent::Open(1)),
        ],
    );
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    let s = after(
        s,
        &[
            Action::Resize {
                width: 80,
                height: 24,
            },
            Action::Key(Intent::Open(1)),
        ],
    );
    assert_eq!(
        s.screen(),
        Screen::Category {
            category: 0,
            highlight: 0
        }
    );
}

#[test]
fn the_kiosk_starts_on_the_attract_screen_and_any_key_begins_a_session() {
    let now = Instant::now();
    let mut s = State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(80, 24),
        now,
    );
    assert_eq!(s.screen(), Screen::Attract);
    assert_eq!(
        s.next_deadline(),
        None,
        "nothing to time out on the attract screen"
    );
    let effects = s.update(Action::Key(Intent::Open(3)), now);
    assert_eq!(
        effects,
        [
            Effect::Record(UsageEvent::SessionStart),
            Effect::StopSpeaking
        ],
        "the attract screen's announcement ends: this visitor reads the screen"
    );
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    assert!(!s.voice_guide());
}

#[test]
fn idle_warning_counts_down_rings_once_and_resets_to_the_attract_screen() {
    let t0 = Instant::now();
    let at = |secs: f64| t0 + Duration::from_secs_f64(secs);
    let mut s = State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(80, 24),
        t0,
    );
    s.update(Action::OtherKey, t0);
    s.update(Action::Key(Intent::Open(4)), t0);
    s.update(Action::Key(Intent::Open(2)), t0);
    s.update(Action::Key(Intent::NextPage), at(10.0));
    assert_eq!(s.next_deadline(), Some(at(130.0)));
    assert!(s.update(Action::Tick, at(129.9)).is_empty());
    assert_eq!(s.idle_warning(), None);
    assert_eq!(s.update(Action::Tick, at(130.0)), [Effect::Bell]);
    assert_eq!(s.idle_warning(), Some(20));
    assert!(
        s.update(Action::Tick, at(131.0)).is_empty(),
        "the bell rings once"
    );
    assert_eq!(s.idle_warning(), Some(19));
    let effects = s.update(Action::Tick, at(150.0));
    assert!(
        effects.contains(&Effect::Repaint),
        "the next visitor's screen is drawn whole: {effects:?}"
    );
    assert_eq!(
        records(effects),
        [
            Effect::Record(UsageEvent::AnswerClosed {
                question: "q7".into(),
                seconds: 10
            }),
            Effect::Record(UsageEvent::IdleReset),
        ]
    );
    assert_eq!(s.screen(), Screen::Attract);
    assert_eq!(s.idle_warning(), None);
    assert_eq!(s.next_deadline(), None);
}

#[test]
fn a_key_during_the_warning_keeps_the_page_and_does_nothing_else() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    s.update(Action::Key(Intent::Open(4)), t0);
    s.update(Action::Key(Intent::Open(2)), t0);
    let page = s.screen();
    s.update(Action::Tick, t0 + Duration::from_secs(125));
    assert!(s.idle_warning().is_some());
    s.update(Action::Key(Intent::Back), t0 + Duration::from_secs(126));
    assert_eq!(s.screen(), page, "the key only cancels the warning");
    assert_eq!(s.idle_warning(), None);
    assert_eq!(s.next_deadline(), Some(t0 + Duration::from_secs(246)));
    s.update(Action::Key(Intent::Back), t0 + Duration::from_secs(127));
    assert!(matches!(s.screen(), Screen::Category { .. }));
}

#[test]
fn idle_settings_can_turn_the_reset_off() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    let off = IdleSettings {
        timeout: None,
        countdown: Duration::from_secs(20),
    };
    let settings = Action::SettingsChanged {
        idle: off,
        ambiguous: Default::default(),
        hanging_punctuation: false,
        big_text: Default::default(),
        deadline_notices: true,
        voice_guide: false,
        hours: None,
        keymap: Default::default(),
        speech: false,
    };
    s.update(settings, t0);
    assert_eq!(s.next_deadline(), None);
}

#[test]
fn idle_settings_beyond_the_clock_never_warn_and_never_panic() {
    let t0 = Instant::now();
    let huge = Duration::from_secs(u64::MAX);
    for idle in [
        IdleSettings {
            timeout: Some(huge),
            countdown: Duration::from_secs(20),
        },
        IdleSettings {
            timeout: Some(Duration::from_secs(1)),
            countdown: huge,
        },
    ] {
        let mut s = state(80, 24);
        let settings = Action::SettingsChanged {
            idle,
            ambiguous: Default::default(),
            hanging_punctuation: false,
            big_text: Default::default(),
            deadline_notices: true,
            voice_guide: false,
            hours: None,
            keymap: Default::default(),
            speech: false,
        };
        s.update(settings, t0);
        s.update(Action::Key(Intent::Open(3)), t0 + Duration::from_secs(1));
        let page = s.screen();
        s.update(Action::Tick, t0 + Duration::from_secs(30));
        assert_eq!(s.idle_warning(), None, "{idle:?}");
        assert_eq!(s.next_deadline(), None, "{idle:?}");
        s.update(Action::Key(Intent::Open(1)), t0 + Duration::from_secs(31));
        assert_ne!(s.screen(), page, "keys still act: {idle:?}");
    }
}

#[test]
fn usage_events_name_categories_and_questions_by_id() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    let events = records;
    assert_eq!(
        events(s.update(Action::Key(Intent::Open(3)), t0)),
        [Effect::Record(UsageEvent::CategoryOpened {
            category: "safety".into()
        })]
    );
    assert_eq!(
        events(s.update(Action::Key(Intent::Open(2)), t0)),
        [Effect::Record(UsageEvent::AnswerOpened {
            question: "q8".into()
        })]
    );
    assert!(s.update(Action::Key(Intent::NextPage), t0).is_empty());
    assert_eq!(
        records(s.update(Action::Key(Intent::Home), t0 + Duration::from_secs(42))),
        [Effect::Record(UsageEvent::AnswerClosed {
            question: "q8".into(),
            seconds: 42
        })]
    );
    assert_eq!(s.answer_views().get("q8"), Some(&1));
}

#[test]
fn the_staff_screen_reloads_exits_and_goes_back_to_the_start() {
    let t0 = Instant::now();
    let s = after(state(80, 24), &[Action::Key(Intent::Staff)]);
    assert_eq!(s.screen(), Screen::Staff);
    let mut reload = s.clone();
    assert_eq!(
        reload.update(Action::Key(Intent::Open(1)), t0),
        [Effect::Reload]
    );
    let mut exit = s.clone();
    assert_eq!(
        exit.update(Action::Key(Intent::Open(9)), t0),
        [Effect::Exit]
    );
    let mut other = s.clone();
    assert!(other.update(Action::Key(Intent::Open(5)), t0).is_empty());
    assert_eq!(other.screen(), Screen::Staff);
    assert_eq!(
        after(s, &[Action::Key(Intent::Back)]).screen(),
        Screen::Attract
    );
}

fn edited(edit: impl FnOnce(&mut Content)) -> Arc<Content> {
    let mut content = Content::embedded().unwrap();
    edit(&mut content);
    Arc::new(content)
}

#[test]
fn new_content_keeps_the_visitor_on_the_same_question_wherever_it_moved() {
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
    );
    assert_eq!(s.question().unwrap().id, "q7");
    let content = edited(|c| c.categories.swap(0, 3));
    let s = after(s, &[Action::ContentChanged(content)]);
    assert_eq!(
        s.screen(),
        Screen::Answer {
            category: 0,
            position: 1,
            page: 0
        }
    );
    assert_eq!(s.question().unwrap().id, "q7");
}

#[test]
fn new_content_without_the_question_falls_back_to_its_category_then_home() {
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
    );
    let without_q7 = edited(|c| {
        for category in &mut c.categories {
            category.questions.retain(|&q| q != 6);
        }
    });
    let in_category = after(s.clone(), &[Action::ContentChanged(without_q7)]);
    assert_eq!(
        in_category.screen(),
        Screen::Category {
            category: 3,
            highlight: 0
        }
    );
    let without_category = edited(|c| {
        c.categories.remove(3);
        for category in &mut c.categories {
            category.questions.retain(|&q| q != 6);
        }
    });
    let home = after(s, &[Action::ContentChanged(without_category)]);
    assert_eq!(home.screen(), Screen::Home { highlight: 0 });
}

#[test]
fn opening_an_answer_reads_it_enter_reads_it_again_and_leaving_stops() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    s.update(Action::Key(Intent::Open(4)), t0);
    let opened = s.update(Action::Key(Intent::Open(2)), t0);
    let Some(Effect::Speak(text)) = opened.iter().find(|e| matches!(e, Effect::Speak(_))) else {
        panic!("{opened:?}");
    };
    assert!(text.starts_with(
        "マイナンバーカードを作らなくても、従来の健康保険証のままでいいの？\n令和6年12月2日に"
    ));
    assert_eq!(text.lines().count(), 7, "the question and six paragraphs");
    assert!(matches!(
        s.update(Action::Key(Intent::Select), t0).as_slice(),
        [Effect::Speak(_)]
    ));
    assert_eq!(
        s.update(Action::Key(Intent::NextPage), t0),
        [Effect::StopSpeaking],
        "a new page stops it"
    );
    assert!(
        s.update(Action::Key(Intent::Back), t0)
            .contains(&Effect::StopSpeaking)
    );
}

#[test]
fn the_phone_number_opens_as_a_take_home_code_and_back_returns_to_the_page() {
    let t0 = Instant::now();
    let s = after(
        state(80, 24),
        &[Action::Key(Intent::Open(3)), Action::Key(Intent::Open(1))],
    );
    assert_eq!(s.question().unwrap().id, "q3");
    let mut code = after(s.clone(), &[Action::Key(Intent::Open(1))]);
    assert_eq!(
        code.screen(),
        Screen::TakeHome {
            category: 2,
            position: 0,
            page: 0,
            item: 0
        }
    );
    assert!(
        code.update(Action::Key(Intent::Back), t0).is_empty(),
        "still the same answer: nothing logged"
    );
    assert_eq!(
        code.screen(),
        Screen::Answer {
            category: 2,
            position: 0,
            page: 0
        }
    );
    assert_eq!(
        after(s.clone(), &[Action::Key(Intent::Open(2))]).screen(),
        s.screen(),
        "only one item"
    );
    let q8 = after(
        state(80, 24),
        &[
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(2)),
            Action::Key(Intent::Open(1)),
        ],
    );
    assert!(
        matches!(q8.screen(), Screen::Answer { .. }),
        "q8 has nothing to take home"
    );
}

#[test]
fn theme_and_text_size_last_until_the_idle_reset() {
    let t0 = Instant::now();
    let mut s = after(
        state(80, 24),
        &[Action::Key(Intent::Theme), Action::Key(Intent::TextSize)],
    );
    assert_eq!((s.theme(), s.large_text()), (1, true));
    s.update(Action::Key(Intent::Open(1)), t0);
    s.update(Action::Tick, t0 + Duration::from_secs(200));
    s.update(Action::Tick, t0 + Duration::from_secs(400));
    assert_eq!(s.screen(), Screen::Attract);
    assert_eq!((s.theme(), s.large_text()), (0, false));
}

#[test]
fn the_page_to_go_back_to_stays_in_range_when_the_terminal_grows_under_a_code() {
    let t0 = Instant::now();
    let s = after(
        state(80, 24),
        &[
            Action::Key(Intent::Open(3)),
            Action::Key(Intent::Open(1)),
            Action::Key(Intent::TextSize),
        ],
    );
    let s = after(
        s,
        &[
            Action::Key(Intent::NextPage),
            Action::Key(Intent::NextPage),
            Action::Key(Intent::Open(1)),
        ],
    );
    assert!(
        matches!(s.screen(), Screen::TakeHome { page: 2, .. }),
        "{:?}",
        s.screen()
    );
    let mut s = after(
        s,
        &[
            Action::Resize {
                width: 240,
                height: 67,
            },
            Action::Key(Intent::TextSize),
        ],
    );
    let last = s.answer_page_count() - 1;
    assert!(matches!(s.screen(), Screen::TakeHome { page, .. } if page <= last));
    s.update(Action::Key(Intent::Back), t0);
    assert!(matches!(s.screen(), Screen::Answer { page, .. } if page <= last));
}

#[test]
fn a_passed_deadline_is_shown_and_read_below_the_answer_unless_turned_off() {
    let day = |d| Date::new(2025, 12, d).unwrap();
    // As said: the brackets of the screen's notice are pauses for the ear.
    let notice = "この回答にある期限、令和7年12月1日、は過ぎています";
    let spoken = |s: &mut State| {
        let effects = s.update(Action::Key(Intent::Select), Instant::now());
        effects.into_iter().find_map(|e| match e {
            Effect::Speak(text) => Some(text),
            _ => None,
        })
    };
    let mut s = after(state(80, 24), &[Action::DateChanged(day(1))]);
    s = after(
        s,
        &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
    );
    assert_eq!(s.question().unwrap().id, "q7");
    assert_eq!(s.answer_layout().unwrap().notice_lines, 0);
    assert!(!spoken(&mut s).unwrap().contains(notice));

    // The day changes while the answer is on screen: the notice appears at once.
    s = after(s, &[Action::DateChanged(day(2))]);
    assert!(s.answer_layout().unwrap().notice_lines > 0);
    let text = spoken(&mut s).unwrap();
    let last_line = text.lines().last().unwrap();
    assert!(last_line.contains(notice), "read last, as shown: {text}");

    let settings = Config {
        deadline_notices: false,
        ..Config::default()
    };
    s = after(s, &[settings.state_settings(None)]);
    assert_eq!(s.answer_layout().unwrap().notice_lines, 0);
    assert!(!spoken(&mut s).unwrap().contains(notice));
}

/// Characters of the answer before page `page`, spaces not counted (wrapping moves only those).
fn text_before_page(state: &State, page: usize) -> usize {
    let answer = state.answer_layout().unwrap();
    answer.pages[..page]
        .iter()
        .flatten()
        .map(|line| line.chars().filter(|&c| c != ' ').count())
        .sum()
}

fn answer_page(state: &State) -> usize {
    match state.screen() {
        Screen::Answer { page, .. } | Screen::TakeHome { page, .. } => page,
        other => panic!("not an answer: {other:?}"),
    }
}

#[test]
fn a_resize_or_the_text_size_keeps_the_first_line_read_on_the_page() {
    let sizes = [
        (80, 24),
        (60, 20),
        (100, 30),
        (40, 12),
        (160, 45),
        (120, 32),
        (80, 24),
    ];
    for pages_in in 1..4 {
        let mut s = after(
            state(80, 24),
            &[Action::Key(Intent::Open(4)), Action::Key(Intent::Open(2))],
        );
        assert_eq!(s.question().unwrap().id, "q7");
        s = after(s, &vec![Action::Key(Intent::NextPage); pages_in]);
        let first = text_before_page(&s, answer_page(&s));
        let first_line = &s.answer_layout().unwrap().pages[answer_page(&s)][0];
        let first_words: String = first_line.chars().filter(|&c| c != ' ').take(2).collect();
        let changes = sizes
            .iter()
            .map(|&(width, height)| Action::Resize { width, height })
            .chain([Action::Key(Intent::TextSize), Action::Key(Intent::TextSize)]);
        for change in changes {
            s = after(s, std::slice::from_ref(&change));
            let page = answer_page(&s);
            let shown = text_before_page(&s, page)..text_before_page(&s, page + 1);
            assert!(
                shown.contains(&first),
                "{change:?}: the first line read, at {first}, is not on the page, {shown:?}"
            );
            let text: String = s.answer_layout().unwrap().pages[page].concat();
            let text: String = text.chars().filter(|&c| c != ' ').collect();
            assert!(
                text.contains(&first_words),
                "{change:?}: {first_words} not in {text}"
            );
        }
    }
}

#[test]
fn a_key_that_does_nothing_here_shows_the_hint_until_the_next_key_or_a_while() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    assert!(!s.key_hint(), "the first key began a session");
    // 7 on a menu of five, `-` on its only page, a key the keymap ignores.
    for nothing in [
        Action::Key(Intent::Open(7)),
        Action::Key(Intent::PreviousPage),
        Action::OtherKey,
    ] {
        let effects = s.update(nothing.clone(), t0);
        assert!(s.key_hint(), "{nothing:?}");
        assert!(!effects.contains(&Effect::Bell), "never a bell alone");
        assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    }
    assert_eq!(s.next_deadline(), Some(t0 + KEY_HINT_DURATION));
    s.update(Action::Tick, t0 + KEY_HINT_DURATION / 2);
    assert!(s.key_hint(), "still there to be read");
    s.update(Action::Tick, t0 + KEY_HINT_DURATION);
    assert!(!s.key_hint(), "gone after a while");
    assert_eq!(s.next_deadline(), Some(t0 + Duration::from_secs(120)));
    s.update(Action::OtherKey, t0);
    s.update(Action::Key(Intent::Open(2)), t0);
    assert!(!s.key_hint(), "a key that works ends it");
    for works in [
        Action::Key(Intent::Theme),
        Action::Key(Intent::Back),
        Action::Key(Intent::Open(1)),
    ] {
        s.update(works.clone(), t0);
        assert!(!s.key_hint(), "{works:?}");
    }
}

#[test]
fn the_staff_screen_hints_too_but_not_a_terminal_too_small_to_show_it() {
    let t0 = Instant::now();
    let mut s = after(state(80, 24), &[Action::Key(Intent::Staff)]);
    s.update(Action::Key(Intent::Open(5)), t0);
    assert!(s.key_hint());
    let effects = s.update(Action::Key(Intent::Open(1)), t0);
    assert_eq!(effects, [Effect::Reload]);
    assert!(!s.key_hint());
    let mut s = after(
        state(80, 24),
        &[Action::Resize {
            width: 10,
            height: 3,
        }],
    );
    s.update(Action::OtherKey, t0);
    assert!(!s.key_hint(), "the too-small message stays as it is");
}

/// The text of the one `Speak` among `effects`, if any.
fn said(effects: &[Effect]) -> Option<&str> {
    let mut spoken = effects.iter().filter_map(|e| match e {
        Effect::Speak(text) => Some(text.as_str()),
        _ => None,
    });
    let first = spoken.next();
    assert_eq!(spoken.next(), None, "one speech at a time: {effects:?}");
    first
}

/// The attract screen of a kiosk whose settings name a speech command.
fn speaking(now: Instant) -> State {
    let mut state = State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(80, 24),
        now,
    );
    let settings = Config {
        speech_command: vec!["speak".to_string()],
        ..Config::default()
    };
    state.update(settings.state_settings(None), now);
    state
}

#[test]
fn without_a_speech_command_enter_on_the_attract_screen_only_begins() {
    let t0 = Instant::now();
    let mut s = State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(80, 24),
        t0,
    );
    s.update(Action::Key(Intent::Select), t0);
    assert_eq!(s.screen(), Screen::Home { highlight: 0 });
    assert!(!s.voice_guide());
}

#[test]
fn enter_on_the_attract_screen_starts_the_voice_guide_and_every_screen_is_said() {
    let t0 = Instant::now();
    let mut s = speaking(t0);
    let home = s.update(Action::Key(Intent::Select), t0);
    assert!(s.voice_guide());
    let text = said(&home).expect("the menu is said");
    assert!(text.contains("1、"), "numbered items: {text}");
    assert!(text.contains("キーの案内。"), "{text}");
    assert!(text.contains("エンター、もう一度聞く。"), "{text}");
    assert!(text.contains("スラッシュ、音声を止める。"), "{text}");

    let category = s.update(Action::Key(Intent::Open(4)), t0);
    let text = said(&category).expect("the category is said");
    assert!(text.starts_with(&s.content().categories[3].title), "{text}");

    let answer = s.update(Action::Key(Intent::Open(2)), t0);
    let text = said(&answer).expect("the answer is said");
    assert!(
        text.starts_with("マイナンバーカードを作らなくても"),
        "{text}"
    );
    assert!(text.contains("1ページ目、全"), "{text}");
    let next = s.update(Action::Key(Intent::NextPage), t0);
    assert!(next.contains(&Effect::StopSpeaking) || said(&next).is_some());
    let text = said(&next).expect("the next page is said");
    assert!(
        text.starts_with("2ページ目、全"),
        "the page, not the question again: {text}"
    );

    let again = s.update(Action::Key(Intent::Select), t0);
    assert_eq!(said(&again), Some(text), "Enter says the screen again");
    assert_eq!(
        s.update(Action::Key(Intent::Theme), t0),
        [Effect::StopSpeaking]
    );
    assert_eq!(
        s.theme(),
        0,
        "/ stops the voice instead of changing colours"
    );
    assert_eq!(
        s.update(Action::OtherKey, t0),
        [],
        "a key that opens nothing says nothing"
    );
}

#[test]
fn the_idle_countdown_is_said_and_the_reset_turns_the_guide_off() {
    let t0 = Instant::now();
    let mut s = speaking(t0);
    s.update(Action::Key(Intent::Select), t0);
    let warning = s.update(Action::Tick, t0 + Duration::from_secs(120));
    assert!(warning.contains(&Effect::Bell));
    assert!(said(&warning).unwrap().contains("あと20秒"));
    let reset = s.update(Action::Tick, t0 + Duration::from_secs(140));
    assert_eq!(s.screen(), Screen::Attract);
    assert!(!s.voice_guide());
    let text = said(&reset).expect("the attract screen is said");
    assert!(text.contains("エンターのキーを押してください"), "{text}");

    // A visitor without the guide hears nothing but answers.
    let home = s.update(Action::Key(Intent::Open(1)), t0 + Duration::from_secs(141));
    assert_eq!(said(&home), None);
    let category = s.update(Action::Key(Intent::Open(1)), t0 + Duration::from_secs(141));
    assert_eq!(said(&category), None);
}

#[test]
fn the_settings_turn_the_guide_on_for_every_visitor() {
    let t0 = Instant::now();
    let mut s = state(80, 24);
    let silent = Config {
        voice_guide: true,
        ..Config::default()
    };
    s.update(silent.state_settings(None), t0);
    assert!(!s.voice_guide(), "no speech command, no guide");
    let settings = Config {
        speech_command: vec!["speak".to_string()],
        ..silent
    };
    s.update(settings.state_settings(None), t0);
    assert!(s.voice_guide());
    assert!(said(&s.update(Action::Key(Intent::Open(1)), t0)).is_some());
    s.update(Action::Tick, t0 + Duration::from_secs(500));
    s.update(Action::Tick, t0 + Duration::from_secs(1000));
    assert_eq!(s.screen(), Screen::Attract);
    assert!(s.voice_guide(), "still on after the reset");
}
