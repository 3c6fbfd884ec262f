//! Reading answers aloud through a command the settings name (espeak-ng, an Open JTalk
//! wrapper…), without ever making the kiosk wait for it.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::thread;

use super::diagnostics::capture;

/// The speech command and the reading in progress, if any.
#[derive(Debug)]
pub(super) struct Speaker {
    command: Vec<String>,
    child: Option<Child>,
    reported: bool,
}

impl Speaker {
    /// A speaker running `command` (program and arguments); an empty command is silent.
    pub(super) fn new(command: Vec<String>) -> Self {
        Self {
            command,
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

    /// Stops the reading in progress, if any.
    pub(super) fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            // The command has been killed, so this returns at once; it keeps no zombie.
            let _ = child.wait();
        }
    }
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
        let mut speaker = Speaker::new(Vec::new());
        assert_eq!(speaker.speak("こんにちは"), None);
    }

    #[test]
    fn a_missing_command_is_reported_once() {
        let mut speaker = Speaker::new(vec!["/nonexistent/speak".to_string()]);
        assert!(speaker.speak("一").unwrap().contains("/nonexistent/speak"));
        assert_eq!(speaker.speak("二"), None);
    }

    #[test]
    fn the_text_reaches_the_command_and_stop_ends_it() {
        let folder = std::env::temp_dir().join(format!("faq-kiosk-speech-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let said = folder.join("said.txt");
        let script = format!("cat > '{}'; sleep 30", said.display());
        let mut speaker = Speaker::new(vec!["sh".into(), "-c".into(), script]);
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
        assert!(
            !std::path::Path::new(&format!("/proc/{pid}")).exists(),
            "killed and reaped"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_command_that_never_reads_a_long_answer_is_stopped_all_the_same() {
        let mut speaker = Speaker::new(vec!["sleep".into(), "30".into()]);
        // Four times what a pipe holds: a write on the loop would wait until the command ends.
        let long = "あ".repeat(256 * 1024 / 3 + 1);
        assert_eq!(speaker.speak(&long), None);
        let child = speaker.child.as_mut().unwrap();
        let pid = child.id();
        assert!(
            child.try_wait().unwrap().is_none(),
            "speak returned while the command still ran, not when it gave up"
        );
        speaker.stop();
        assert!(
            !std::path::Path::new(&format!("/proc/{pid}")).exists(),
            "killed and reaped"
        );
    }
}
