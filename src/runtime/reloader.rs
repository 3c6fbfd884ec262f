//! Reloading edited files off the main loop, so that a big file being parsed (or a file that
//! hangs on open, on a network share) never freezes the screen or the keys.
//!
//! A thread of its own owns the [`Watch`]. The loop asks it to look whenever the loop wakes
//! anyway, which costs one non-blocking send; the thread wakes itself for a change settling or
//! a retry, and sends back what it loaded (or why it could not) as a [`RuntimeEvent`], which
//! the loop applies when it comes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::Instant;

use super::events::RuntimeEvent;
use super::watch::{Reload, Watch};

/// The loop's side of the reloading thread.
#[derive(Debug)]
pub(super) struct Reloader {
    /// Holds at most one request: looks asked for while one is pending are the same look.
    wake: SyncSender<()>,
    /// Whether the next look reloads even if nothing seems changed.
    force: Arc<AtomicBool>,
}

impl Reloader {
    /// Starts the thread that watches with `watch` and sends what it loads to `events`; it
    /// ends when the [`Reloader`] is dropped or the loop is gone.
    pub(super) fn spawn(mut watch: Watch, events: SyncSender<RuntimeEvent>) -> Self {
        let (wake, woken) = mpsc::sync_channel(1);
        let force = Arc::new(AtomicBool::new(false));
        let forced = Arc::clone(&force);
        thread::spawn(move || {
            loop {
                let received = match watch.next_deadline() {
                    Some(at) => woken.recv_timeout(at.saturating_duration_since(Instant::now())),
                    None => woken.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                if received == Err(RecvTimeoutError::Disconnected) {
                    return;
                }
                let force = forced.swap(false, Ordering::SeqCst);
                let outcome = watch.check(Instant::now(), force);
                if !matches!(outcome, Reload::Unchanged)
                    && events
                        .send(RuntimeEvent::Reloaded(Box::new(outcome)))
                        .is_err()
                {
                    return;
                }
            }
        });
        Self { wake, force }
    }

    /// Asks for a look at the files; returns at once.
    pub(super) fn look(&self) {
        let _ = self.wake.try_send(());
    }

    /// Asks for the files to be read again even if they seem unchanged (the staff screen's
    /// reload); returns at once.
    pub(super) fn reload(&self) {
        self.force.store(true, Ordering::SeqCst);
        self.look();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::sync::mpsc::Receiver;
    use std::time::Duration;

    const PATIENCE: Duration = Duration::from_secs(30);

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("faq-kiosk-reloader-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn next_reload(events: &Receiver<RuntimeEvent>) -> Reload {
        match events.recv_timeout(PATIENCE) {
            Ok(RuntimeEvent::Reloaded(reload)) => *reload,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_forced_reload_is_sent_back_as_an_event() {
        let dir = scratch("forced");
        let path = dir.join("faq.toml");
        std::fs::write(&path, crate::content::EMBEDDED_CONTENT).unwrap();
        let (sender, events) = mpsc::sync_channel(16);
        let watch = Watch::new(None, Some(path.clone()), &Config::default());
        let reloader = Reloader::spawn(watch, sender);
        reloader.reload();
        match next_reload(&events) {
            Reload::Loaded {
                content: Some(content),
                content_path,
                ..
            } => {
                assert_eq!(content.questions.len(), 9);
                assert_eq!(content_path, Some(path));
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_broken_edit_is_retried_by_the_thread_itself_then_reported() {
        let dir = scratch("broken");
        let path = dir.join("faq.toml");
        std::fs::write(&path, crate::content::EMBEDDED_CONTENT).unwrap();
        let (sender, events) = mpsc::sync_channel(16);
        let watch = Watch::new(None, Some(path.clone()), &Config::default());
        let reloader = Reloader::spawn(watch, sender);
        std::fs::write(&path, "[meta\n").unwrap();
        // One look: the settling and the retry are the thread's own business after it.
        reloader.look();
        match next_reload(&events) {
            Reload::Failed(problems) => assert!(problems.to_string().contains("faq.toml:1:")),
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_thread_ends_with_the_reloader() {
        let (sender, events) = mpsc::sync_channel(16);
        let watch = Watch::new(None, None, &Config::default());
        drop(Reloader::spawn(watch, sender));
        assert!(
            matches!(
                events.recv_timeout(PATIENCE),
                Err(RecvTimeoutError::Disconnected)
            ),
            "the thread let go of its sender"
        );
    }
}
