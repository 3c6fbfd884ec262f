//! The shipped Open JTalk wrapper (`deploy/speak-ja`) with the real voice: every answer of
//! the shipped content, as the kiosk says it, becomes audio of a plausible length, one file
//! per paragraph; the volume and speed settings change it; and a stop ends it at once, with
//! its player.
//!
//! Open JTalk, its dictionary, the voice (Debian contrib) and sox are installed by
//! `scripts/install-voice` when missing and the test runs as root; under `CI=true` a machine
//! where they cannot be installed fails the test, elsewhere it is skipped with a message.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use faq_kiosk::app::State;
use faq_kiosk::content::Content;
use faq_kiosk::layout::Geometry;
use faq_kiosk::speech::answer_speech;

const VOICE: &str = "/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn installed() -> bool {
    [
        "/usr/bin/open_jtalk",
        VOICE,
        "/usr/bin/soxi",
        "/usr/bin/aplay",
    ]
    .iter()
    .all(|path| Path::new(path).exists())
}

/// Whether the voice is there to test, installing it when this test may.
fn voice_ready() -> bool {
    if installed() {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if nix::unistd::geteuid().is_root() {
        let status = Command::new(root().join("scripts/install-voice"))
            .status()
            .expect("scripts/install-voice runs");
        assert!(status.success(), "scripts/install-voice failed: {status}");
        assert!(installed(), "scripts/install-voice left something out");
        return true;
    }
    assert!(
        !ci,
        "CI=true but Open JTalk, the voice or sox is missing and this is not root: \
         run scripts/install-voice as root first"
    );
    eprintln!("skipped: Open JTalk is not installed (run scripts/install-voice as root)");
    false
}

/// A folder of its own for one test's audio.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("faq-kiosk-speak-ja-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The wrapper with a player that keeps each paragraph's audio in `dir` as N.wav, then
/// takes as long as a real player would (`paced`), or returns at once.
fn wrapper(dir: &Path, paced: bool, environment: &[(&str, &str)]) -> Child {
    let keep = format!("cat > '{}'/$SPEAK_JA_PARAGRAPH.wav", dir.display());
    let player = if paced {
        format!(
            "{keep}; sleep \"$(soxi -D '{}'/$SPEAK_JA_PARAGRAPH.wav)\"",
            dir.display()
        )
    } else {
        keep
    };
    Command::new(root().join("deploy/speak-ja"))
        .env("SPEAK_JA_PLAYER", player)
        // Its own audio files go here too, to be seen gone when it ends.
        .env_remove("XDG_RUNTIME_DIR")
        .env("TMPDIR", dir)
        .envs(environment.iter().copied())
        .stdin(Stdio::piped())
        .spawn()
        .expect("deploy/speak-ja runs")
}

/// Speaks `text` to the end, and returns the seconds of each paragraph's audio.
fn spoken_seconds(dir: &Path, text: &str, environment: &[(&str, &str)]) -> Vec<f64> {
    let mut child = wrapper(dir, false, environment);
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "speak-ja failed: {status}");
    assert_no_work_left(dir);
    let paragraphs = text.lines().filter(|l| !l.trim().is_empty()).count();
    (1..=paragraphs)
        .map(|n| {
            let file = dir.join(format!("{n}.wav"));
            let out = Command::new("soxi").arg("-D").arg(&file).output().unwrap();
            assert!(out.status.success(), "{}: not audio", file.display());
            String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect()
}

fn shipped_state() -> State {
    State::new(
        Arc::new(Content::embedded().unwrap()),
        Geometry::new(80, 24),
        Instant::now(),
    )
}

#[test]
fn every_answer_becomes_audio_of_a_plausible_length_a_file_per_paragraph() {
    if !voice_ready() {
        return;
    }
    let state = shipped_state();
    for question in &state.content().questions {
        let text = answer_speech(&state, question);
        let dir = scratch(&question.id);
        let seconds = spoken_seconds(&dir, &text, &[]);
        for (line, seconds) in text.lines().zip(&seconds) {
            // Japanese is said at 5 to 10 morae a second; a kana is one mora, a kanji one to
            // three: so between 0.07 and 0.3 seconds a character.
            let characters = line.chars().filter(|c| !"、。？！ ".contains(*c)).count() as f64;
            assert!(
                (0.07 * characters..0.3 * characters).contains(seconds),
                "{}: {seconds} s for {characters} characters: {line}",
                question.id
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn the_speed_and_volume_settings_change_the_audio() {
    if !voice_ready() {
        return;
    }
    let text = "マイナ保険証は、受付の機械にかざして使います。\n";
    let normal = scratch("normal");
    let changed = scratch("changed");
    let at_normal = spoken_seconds(&normal, text, &[])[0];
    let settings = [
        ("FAQ_KIOSK_SPEECH_SPEED", "200"),
        ("FAQ_KIOSK_SPEECH_VOLUME", "10"),
    ];
    let at_double = spoken_seconds(&changed, text, &settings)[0];
    let ratio = at_double / at_normal;
    assert!(
        (0.4..0.65).contains(&ratio),
        "twice the speed, {ratio} of the time"
    );
    let rms = |dir: &Path| -> f64 {
        let out = Command::new("sox")
            .arg(dir.join("1.wav"))
            .args(["-n", "stat"])
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stderr).to_string();
        let line = report
            .lines()
            .find(|l| l.starts_with("RMS     amplitude"))
            .unwrap_or_else(|| panic!("sox stat: {report}"));
        line.rsplit(' ').next().unwrap().parse().unwrap()
    };
    let loudness = rms(&changed) / rms(&normal);
    assert!(
        (0.05..0.2).contains(&loudness),
        "10 % volume, {loudness} of the amplitude"
    );
    std::fs::remove_dir_all(&normal).unwrap();
    std::fs::remove_dir_all(&changed).unwrap();
}

#[test]
fn the_default_player_is_aplay_and_it_plays_through_alsa() {
    if !voice_ready() {
        return;
    }
    // No sound card on a build machine: ALSA's null device takes the audio all the same.
    let mut child = Command::new(root().join("deploy/speak-ja"))
        .env("SPEAK_JA_PLAYER", "aplay -q -D null -")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("こんにちは。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_stop_ends_the_wrapper_and_its_player_at_once() {
    if !voice_ready() {
        return;
    }
    let dir = scratch("stop");
    let mut child = wrapper(&dir, true, &[]);
    let pid = child.id();
    let text =
        "一つ目の段落を、ゆっくりと読み上げています。\n二つ目の段落です。\n三つ目の段落です。\n";
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let started = Instant::now();
    while !dir.join("1.wav").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the first paragraph never came"
        );
        thread::sleep(Duration::from_millis(10));
    }
    // The player is now playing the first paragraph (it lasts seconds).
    thread::sleep(Duration::from_millis(300));
    let stopped = Instant::now();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    let status = child.wait().unwrap();
    assert!(stopped.elapsed() < Duration::from_secs(1), "ended at once");
    assert!(
        !status.success(),
        "a stopped reading is not a finished one: {status}"
    );
    // Nothing of its group is left playing.
    let deadline = Instant::now() + Duration::from_secs(5);
    while group_members(pid) > 0 {
        assert!(Instant::now() < deadline, "the player outlived the wrapper");
        thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !dir.join("2.wav").exists(),
        "the next paragraph was never played"
    );
    assert_no_work_left(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The wrapper's folder of audio in the making is gone from `dir`.
fn assert_no_work_left(dir: &Path) {
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("speak-ja."))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// How many processes are in process group `group`.
fn group_members(group: u32) -> usize {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|entry| {
            let stat = std::fs::read_to_string(entry.ok()?.path().join("stat")).ok()?;
            let after_name = &stat[stat.rfind(')')? + 2..];
            let fields: Vec<&str> = after_name.split(' ').collect();
            // A zombie has ended; it only waits for its parent to notice.
            (fields[0] != "Z" && fields.get(2)?.parse::<u32>().ok()? == group).then_some(())
        })
        .count()
}

#[test]
fn every_paragraph_is_said_though_open_jtalk_reads_one_line() {
    if !voice_ready() {
        return;
    }
    let dir = scratch("paragraphs");
    let seconds = spoken_seconds(&dir, "一つ目です。\n\n二つ目です。\n三つ目です。", &[]);
    assert_eq!(seconds.len(), 3, "{seconds:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
