//! End to end: what the voice guide says on each screen, through the real binary in a
//! pseudo-terminal, with a recording speech command (a small script that appends each text it
//! is given to a file) in place of a voice.
//!
//! The walk attract → menu → category → answer → QR code → back → home, with the guide turned
//! on by Enter as the attract screen announces; the idle countdown and reset; and a visitor
//! without the guide, who hears only the answers.

mod pty;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use pty::{Kiosk, PATIENCE, keys};

/// What separates one recorded speech from the next.
const END: &str = "### end of speech";

/// A folder with the settings and the recording of one test.
struct Recording(PathBuf);

impl Recording {
    /// Settings that record every speech in this folder, with `extra` settings after them.
    fn new(name: &str, extra: &str) -> (Self, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("faq-kiosk-voice-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let said = dir.join("said.txt");
        // The text is read whole before anything is written, so a speech cut short by the
        // next screen is recorded whole or, if cut before it was read, not at all.
        let script = format!(
            "text=$(cat); printf 'volume=%s speed=%s\\n%s\\n{END}\\n' \
             \"$FAQ_KIOSK_SPEECH_VOLUME\" \"$FAQ_KIOSK_SPEECH_SPEED\" \"$text\" >> '{}'",
            said.display()
        );
        let settings =
            format!("speech_command = [\"sh\", \"-c\", {script:?}]\nusage_log = \"\"\n{extra}\n");
        let config = dir.join("kiosk.toml");
        std::fs::write(&config, settings).unwrap();
        (Self(dir), config)
    }

    /// Every speech recorded so far.
    fn speeches(&self) -> Vec<String> {
        let text = std::fs::read_to_string(self.0.join("said.txt")).unwrap_or_default();
        text.split(&format!("{END}\n"))
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Waits for speech number `count` (from 1) and returns it.
    fn wait_for_speech(&self, count: usize) -> String {
        let start = Instant::now();
        loop {
            let speeches = self.speeches();
            if let Some(speech) = speeches.get(count - 1) {
                return speech.clone();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "speech {count} never came; so far: {speeches:#?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn start(config: &Path) -> Kiosk {
    Kiosk::start(
        80,
        24,
        &["--config", config.to_str().unwrap(), "--exit-key", "F10"],
    )
}

fn assert_says(speech: &str, parts: &[&str]) {
    for part in parts {
        assert!(speech.contains(part), "{part:?} is not said in:\n{speech}");
    }
}

#[test]
fn the_guide_says_every_screen_of_the_walk_from_attract_to_a_qr_code_and_home() {
    let (recording, config) = Recording::new("walk", "speech_volume = 70\nspeech_speed = 90");
    let mut kiosk = start(&config);
    // Said aloud, and shown for those who can see it.
    kiosk.wait_for("音声案内ではじめる");
    let attract = recording.wait_for_speech(1);
    assert!(attract.starts_with("volume=70 speed=90\n"), "{attract}");
    assert_says(
        &attract,
        &[
            "マイナ保険証 よくある質問。",
            "番号のキーを押してください。",
            "音声による案内を聞くときは、エンターのキーを押してください。",
        ],
    );

    kiosk.press(keys::ENTER);
    kiosk.wait_for("もう一度聞く");
    let menu = recording.wait_for_speech(2);
    assert_says(
        &menu,
        &[
            "知りたいことの番号のキーを押してください。",
            "1、使い方。2、メリット。3、安全・困ったとき。4、カードと保険証。5、すべての質問。",
            "キーの案内。1から5、えらぶ。エンター、もう一度聞く。スラッシュ、音声を止める。",
        ],
    );

    kiosk.press("3");
    let category = recording.wait_for_speech(3);
    assert_says(
        &category,
        &[
            "安全・困ったとき。",
            "1、マイナンバーカードって安全なの？",
            "ゼロ、もどる。",
        ],
    );

    kiosk.press("1");
    let answer = recording.wait_for_speech(4);
    let lines: Vec<&str> = answer.lines().collect();
    assert_eq!(
        lines[1], "マイナンバーカードって安全なの？",
        "the question first:\n{answer}"
    );
    assert_says(
        &answer,
        &[
            "マイナンバーカード総合窓口：ぜろいちにぜろ、きゅうご、ぜろいちななはち、",
            "キーの案内。1、電話番号をスマホへ。",
        ],
    );
    assert!(!answer.contains("0120"), "never a large number:\n{answer}");
    assert!(!answer.contains('※') && !answer.contains('('), "{answer}");
    assert!(
        lines.last().unwrap().starts_with("キーの案内。"),
        "the keys last:\n{answer}"
    );

    kiosk.press("1");
    let code = recording.wait_for_speech(5);
    assert_says(
        &code,
        &[
            "電話 ぜろいちにぜろ、きゅうご、ぜろいちななはち。",
            "QRコード",
        ],
    );

    kiosk.press("0");
    assert_eq!(
        recording.wait_for_speech(6),
        answer,
        "back: the answer again"
    );
    kiosk.press(".");
    assert_eq!(recording.wait_for_speech(7), menu, "home: the menu again");
    kiosk.press(keys::ENTER);
    assert_eq!(recording.wait_for_speech(8), menu, "Enter: the same again");

    // The screen is what it always was: the guide speaks, it does not redraw.
    kiosk.wait_for("知りたいことの番号のキーを押してください");
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}

#[test]
fn the_guide_says_the_idle_countdown_and_the_attract_screen_after_the_reset() {
    let (recording, config) =
        Recording::new("idle", "idle_timeout_secs = 1\nidle_warning_secs = 20");
    let mut kiosk = start(&config);
    kiosk.wait_for("どのキーを押しても始まります");
    recording.wait_for_speech(1);
    kiosk.press(keys::ENTER);
    recording.wait_for_speech(2);
    let warning = recording.wait_for_speech(3);
    assert_says(
        &warning,
        &[
            "まもなく最初の画面にもどります。あと20秒です。続けるときは、どれかキーを押してください。",
        ],
    );
    kiosk.wait_for("まもなく最初の画面にもどります");
    let attract = recording.wait_for_speech(4);
    assert_says(&attract, &["エンターのキーを押してください。"]);
    kiosk.wait_for("どのキーを押しても始まります");

    // The reset turned the guide off: the next visitor, starting with a number, hears nothing
    // until an answer opens, and that without the guide's key list. (In one go: the idle
    // timeout of a second would turn a slower visitor's keys into "still here".)
    kiosk.press("531");
    kiosk.wait_for("マイナンバーカードって安全なの？");
    let answer = recording.wait_for_speech(5);
    assert!(
        answer.contains("マイナンバーカードって安全なの？"),
        "{answer}"
    );
    assert!(!answer.contains("キーの案内"), "no guide:\n{answer}");
    assert!(
        !kiosk.text().contains("もう一度聞く"),
        "nor its keys on screen"
    );
    assert_eq!(recording.speeches().len(), 5, "{:#?}", recording.speeches());
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}

#[test]
fn the_settings_turn_the_guide_on_for_every_visitor() {
    let (recording, config) = Recording::new("always", "voice_guide = true");
    let mut kiosk = start(&config);
    kiosk.wait_for("どのキーを押しても始まります");
    recording.wait_for_speech(1);
    kiosk.press("2");
    kiosk.wait_for("もう一度聞く");
    assert_says(&recording.wait_for_speech(2), &["1、使い方。"]);
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}
