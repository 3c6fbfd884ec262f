//! Saying what the state decides through a command the settings name (the shipped Open JTalk
//! wrapper, `speak-ja`), without ever making the kiosk wait for it.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::diagnostics::capture;

/// The speech command and the reading in progress, if any.
#[derive(Debug)]
pub(super) struct Speaker {
    command: Vec<String>,
    /// Variables set for the command (the volume and speed the settings ask for).
    environment: Vec<(String, String)>,
    child: Option<Child>,
    reported: bool,
}

impl Speaker {
    /// A speaker running `command` (program and arguments) with `environment` added; an empty
    /// command is silent.
    pub(super) fn new(command: Vec<String>, environment: Vec<(String, String)>) -> Self {
        Self {
            command,
            environment,
            child: None,
            reported: false,
        }
    }

    /// Starts reading `text` (on the command's standard input), stopping any reading first.
    /// Returns a message the first time the command cannot be run, to be reported once.
    pub(super) fn speak(&mut self, text: &str) -> Option<String> {
        self.stop();
        let (program, arguments) = self.command.split_first()?;
        let spawned = Command::new(program)
            .args(arguments)
            .envs(self.environment.iter().map(|(k, v)| (k, v)))
            // A group of its own: a stop reaches the player and synthesiser the command
            // started, not only the command (a wrapper script) itself.
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            // Never the terminal: what the command complains of goes to the diagnostics.
            .stderr(capture::child_stderr())
            .spawn();
        match spawned {
            Ok(mut child) => {
                // A long answer is more than a pipe holds, and a command may read slowly or not
                // at all, so the text is fed by a thread of its own; the loop never waits. When
                // the command is stopped, the write fails and the thread ends; dropping stdin
                // tells the command the text is complete.
                if let Some(mut stdin) = child.stdin.take() {
                    let text = text.to_string();
                    thread::spawn(move || {
                        let _ = stdin.write_all(text.as_bytes());
                    });
                }
                self.child = Some(child);
                None
            }
            Err(err) if !self.reported => {
                self.reported = true;
                Some(format!("speech command '{program}' cannot be run: {err}"))
            }
            Err(_) => None,
        }
    }

    /// Stops the reading in progress, if any, without waiting for it to end.
    ///
    /// The command's whole process group is asked to end (SIGTERM, so that a wrapper can stop
    /// its player cleanly); one still running after [`STOP_GRACE`] is killed. The waiting is
    /// done by a thread of its own, which also reaps the command, so the loop never waits.
    pub(super) fn stop(&mut self) {
        if let Some(child) = self.child.take() {
            signal_group(&child, libc::SIGTERM);
            thread::spawn(move || reap(child));
        }
    }
}

/// How long a stopped speech command has to end by itself before it is killed.
pub(super) const STOP_GRACE: Duration = Duration::from_secs(2);

/// Sends `signal` to the process group `child` leads. Only called while `child` is not yet
/// reaped, so the group's id cannot have been given to anyone else.
fn signal_group(child: &Child, signal: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill has no memory-safety preconditions; a negative pid names a group.
        unsafe {
            libc::kill(-pid, signal);
        }
    }
}

/// Waits for a stopped command to end, killing its group after [`STOP_GRACE`], and reaps it.
fn reap(mut child: Child) {
    let deadline = Instant::now() + STOP_GRACE;
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            _ => return,
        }
    }
    signal_group(&child, libc::SIGKILL);
    let _ = child.wait();
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_speaker_does_nothing() {
        let mut speaker = Speaker::new(Vec::new(), Vec::new());
        assert_eq!(speaker.speak("こんにちは"), None);
    }

    #[test]
    fn a_missing_command_is_reported_once() {
        let mut speaker = Speaker::new(vec!["/nonexistent/speak".to_string()], Vec::new());
        assert!(speaker.speak("一").unwrap().contains("/nonexistent/speak"));
        assert_eq!(speaker.speak("二"), None);
    }

    #[test]
    fn the_text_reaches_the_command_and_stop_ends_it() {
        let folder = std::env::temp_dir().join(format!("faq-kiosk-speech-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let said = folder.join("said.txt");
        let script = format!("cat > '{}'; sleep 30", said.display());
        let mut speaker = Speaker::new(vec!["sh".into(), "-c".into(), script], Vec::new());
        assert_eq!(speaker.speak("質問\n答え"), None);
        let pid = speaker.child.as_ref().unwrap().id();
        let start = std::time::Instant::now();
        while std::fs::read_to_string(&said).unwrap_or_default() != "質問\n答え" {
            assert!(
                start.elapsed().as_secs() < 20,
                "the command never got the text"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        speaker.stop();
        assert_ends(pid);
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_command_that_never_reads_a_long_answer_is_stopped_all_the_same() {
        let mut speaker = Speaker::new(vec!["sleep".into(), "30".into()], Vec::new());
        // Four times what a pipe holds: a write on the loop would wait until the command ends.
        let long = "あ".repeat(256 * 1024 / 3 + 1);
        assert_eq!(speaker.speak(&long), None);
        let child = speaker.child.as_mut().unwrap();
        let pid = child.id();
        assert!(
            child.try_wait().unwrap().is_none(),
            "speak returned while the command still ran, not when it gave up"
        );
        let started = std::time::Instant::now();
        speaker.stop();
        assert!(
            started.elapsed() < Duration::from_millis(100),
            "stop does not wait for the command"
        );
        assert_ends(pid);
    }

    /// Waits until process `pid` (and every process of its group) has ended and been reaped.
    fn assert_ends(pid: u32) {
        let start = Instant::now();
        let gone = || {
            let members = std::fs::read_dir("/proc").unwrap().filter_map(|entry| {
                let stat = std::fs::read_to_string(entry.ok()?.path().join("stat")).ok()?;
                let after_name = &stat[stat.rfind(')')? + 2..];
                after_name.split(' ').nth(2)?.parse::<u32>().ok()
            });
            !std::path::Path::new(&format!("/proc/{pid}")).exists()
                && !members.into_iter().any(|group| group == pid)
        };
        while !gone() {
            assert!(
                start.elapsed() < STOP_GRACE + Duration::from_secs(5),
                "process group {pid} still runs"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn a_command_that_ignores_sigterm_is_killed_after_the_grace_time() {
        let ready =
            std::env::temp_dir().join(format!("faq-kiosk-speech-deaf-{}", std::process::id()));
        let _ = std::fs::remove_file(&ready);
        let script = format!(
            "trap '' TERM; sleep 30 & echo > '{}'; wait; sleep 30",
            ready.display()
        );
        let mut speaker = Speaker::new(vec!["sh".into(), "-c".into(), script], Vec::new());
        assert_eq!(speaker.speak("あ"), None);
        let pid = speaker.child.as_ref().unwrap().id();
        let start = Instant::now();
        while !ready.exists() {
            assert!(start.elapsed().as_secs() < 20, "the command never started");
            thread::sleep(Duration::from_millis(20));
        }
        speaker.stop();
        thread::sleep(STOP_GRACE / 2);
        assert!(
            std::path::Path::new(&format!("/proc/{pid}")).exists(),
            "still in its grace time"
        );
        assert_ends(pid);
        std::fs::remove_file(&ready).unwrap();
    }

    #[test]
    fn the_settings_volume_and_speed_reach_the_command() {
        let folder =
            std::env::temp_dir().join(format!("faq-kiosk-speech-env-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let said = folder.join("env.txt");
        let script = format!(
            "cat >/dev/null; echo \"$FAQ_KIOSK_SPEECH_VOLUME $FAQ_KIOSK_SPEECH_SPEED\" > '{}'",
            said.display()
        );
        let environment = vec![
            ("FAQ_KIOSK_SPEECH_VOLUME".to_string(), "70".to_string()),
            ("FAQ_KIOSK_SPEECH_SPEED".to_string(), "85".to_string()),
        ];
        let mut speaker = Speaker::new(vec!["sh".into(), "-c".into(), script], environment);
        assert_eq!(speaker.speak("あ"), None);
        let start = Instant::now();
        while std::fs::read_to_string(&said).unwrap_or_default() != "70 85\n" {
            assert!(start.elapsed().as_secs() < 20, "the command never saw them");
            thread::sleep(Duration::from_millis(20));
        }
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
