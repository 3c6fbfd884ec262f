//! `deploy/faq-kiosk-update`, the real script, against a local bare git repository: a good
//! change arrives, a broken one is refused and leaves DEST as it was, an unreachable source
//! changes nothing, and a kiosk running on DEST shows the change at its next key press.

mod pty;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pty::{Kiosk, keys};

/// A bare repository, a clone to commit in, the folder the kiosk reads, and the script's
/// state and cache folders, all in one scratch folder.
struct Fleet {
    root: PathBuf,
}

impl Fleet {
    fn new(name: &str) -> Self {
        let root =
            std::env::temp_dir().join(format!("faq-kiosk-update-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("dest")).unwrap();
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
        let fleet = Self { root };
        fleet.git(&["init", "--quiet", "--bare", "source.git"], &fleet.root);
        fleet.git(&["clone", "--quiet", "source.git", "work"], &fleet.root);
        fleet
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    fn source(&self) -> String {
        self.path("source.git").to_str().unwrap().to_string()
    }

    fn dest(&self) -> PathBuf {
        self.path("dest")
    }

    fn git(&self, args: &[&str], folder: &Path) -> String {
        let output = Command::new("git")
            .args(args)
            .current_dir(folder)
            .env("GIT_AUTHOR_NAME", "content editor")
            .env("GIT_AUTHOR_EMAIL", "editor@example.org")
            .env("GIT_COMMITTER_NAME", "content editor")
            .env("GIT_COMMITTER_EMAIL", "editor@example.org")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    }

    /// Commits `files` (name, text) at the repository's root and pushes; returns the commit.
    fn push(&self, files: &[(&str, &str)], message: &str) -> String {
        let work = self.path("work");
        for (name, text) in files {
            std::fs::write(work.join(name), text).unwrap();
        }
        self.git(&["add", "--all"], &work);
        self.git(&["commit", "--quiet", "-m", message], &work);
        self.git(&["push", "--quiet", "origin", "HEAD"], &work);
        self.git(&["rev-parse", "HEAD"], &work)
    }

    /// Runs the script as the timer's service would, with the kiosk built for these tests.
    fn update_from(&self, source: &str) -> Output {
        Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/faq-kiosk-update"))
            .args([source, self.dest().to_str().unwrap()])
            .env("FAQ_KIOSK_BIN", env!("CARGO_BIN_EXE_faq-kiosk"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .output()
            .expect("the script runs")
    }

    fn update(&self) -> Output {
        self.update_from(&self.source())
    }

    /// Every file in DEST and its bytes.
    fn dest_files(&self) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(self.dest())
            .unwrap()
            .map(|entry| {
                let entry = entry.unwrap();
                (
                    entry.file_name().into_string().unwrap(),
                    std::fs::read(entry.path()).unwrap(),
                )
            })
            .collect()
    }

    fn dest_text(&self, name: &str) -> String {
        std::fs::read_to_string(self.dest().join(name)).unwrap()
    }

    /// The value of `key` in the last run's record.
    fn last_update(&self, key: &str) -> String {
        let record = std::fs::read_to_string(self.path("state/faq-kiosk/last-update")).unwrap();
        record
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key} in {record}"))
            .to_string()
    }
}

impl Drop for Fleet {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn shipped_content() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("faq.toml")).unwrap()
}

/// The shipped content with one question renamed.
fn revised_content() -> String {
    let content = shipped_content();
    assert!(content.contains("暗証番号を忘れました"));
    content.replace("暗証番号を忘れました", "暗証番号の再設定【改訂】")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

const SETTINGS: &str = "content_path = \"faq.toml\"\nstaff_sequence = \"* * 0 0 0 0 Enter\"\n";

#[test]
fn a_good_change_arrives_with_its_commit_recorded() {
    let fleet = Fleet::new("good");
    let first = fleet.push(&[("faq.toml", &shipped_content())], "first");
    let output = fleet.update();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fleet.dest_text("faq.toml"), shipped_content());
    assert!(
        fleet
            .dest_text("content-version")
            .contains(&format!("commit={first}\n"))
    );
    assert_eq!(fleet.last_update("result"), "ok");

    let second = fleet.push(
        &[("faq.toml", &revised_content()), ("kiosk.toml", SETTINGS)],
        "rename a question",
    );
    let output = fleet.update();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fleet.dest_text("faq.toml"), revised_content());
    assert_eq!(fleet.dest_text("kiosk.toml"), SETTINGS);
    assert!(
        fleet
            .dest_text("content-version")
            .contains(&format!("commit={second}\n"))
    );
    let names: Vec<String> = fleet.dest_files().into_keys().collect();
    assert_eq!(
        names,
        ["content-version", "faq.toml", "kiosk.toml"],
        "nothing half-written is left beside them"
    );

    let again = fleet.update();
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(fleet.last_update("result"), "unchanged");
}

#[test]
fn a_broken_change_is_refused_and_dest_is_unchanged() {
    let fleet = Fleet::new("broken");
    fleet.push(
        &[("faq.toml", &shipped_content()), ("kiosk.toml", SETTINGS)],
        "first",
    );
    assert!(fleet.update().status.success());
    let before = fleet.dest_files();

    let broken = format!("{}\n[meta\n", revised_content());
    let refused = fleet.push(&[("faq.toml", &broken)], "a slip");
    let output = fleet.update();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("faq.toml:") && stderr(&output).contains("unchanged"),
        "the reason, with the line: {}",
        stderr(&output)
    );
    assert_eq!(fleet.dest_files(), before, "DEST is as it was");
    assert_eq!(fleet.last_update("result"), "refused");
    assert_eq!(fleet.last_update("commit"), refused);
    assert!(fleet.last_update("reason").contains("faq.toml:"));

    // Settings that would have the kiosk read some other content are refused too.
    fleet.push(
        &[
            ("faq.toml", &revised_content()),
            ("kiosk.toml", "content_path = \"/srv/other.toml\"\n"),
        ],
        "settings pointing elsewhere",
    );
    let output = fleet.update();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("content_path"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fleet.dest_files(), before, "DEST is as it was");
}

#[test]
fn an_unreachable_source_changes_nothing() {
    let fleet = Fleet::new("unreachable");
    fleet.push(&[("faq.toml", &shipped_content())], "first");
    assert!(fleet.update().status.success());
    let before = fleet.dest_files();
    let gone = fleet.path("moved-away.git");
    let output = fleet.update_from(gone.to_str().unwrap());
    assert_eq!(output.status.code(), Some(75), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("keeps the last good files"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fleet.dest_files(), before);
    assert_eq!(fleet.last_update("result"), "unreachable");
}

#[test]
fn no_source_set_is_not_a_failure() {
    let fleet = Fleet::new("unset");
    let output = fleet.update_from("");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no SOURCE set"),
        "{}",
        stderr(&output)
    );
    assert!(fleet.dest_files().is_empty());
}

#[test]
fn a_kiosk_running_on_dest_shows_the_change_at_its_next_key_press() {
    let fleet = Fleet::new("kiosk");
    fleet.push(
        &[("faq.toml", &shipped_content()), ("kiosk.toml", SETTINGS)],
        "first",
    );
    assert!(fleet.update().status.success());
    let config = fleet.dest().join("kiosk.toml");
    // The kiosk reads the last update's record from its state folder, as on a real kiosk.
    let state = fleet.path("state");
    let mut kiosk = Kiosk::start_with_env(
        80,
        24,
        &["--config", config.to_str().unwrap(), "--exit-key", "F10"],
        &[("XDG_STATE_HOME", state.to_str().unwrap())],
    );
    kiosk.begin();
    kiosk.press("3");
    kiosk.wait_for("暗証番号を忘れました");

    let commit = fleet.push(&[("faq.toml", &revised_content())], "rename a question");
    let output = fleet.update();
    assert!(output.status.success(), "{}", stderr(&output));
    kiosk.press(keys::DOWN);
    kiosk.wait_for("暗証番号の再設定【改訂】");

    // The staff screen says which commit is on screen and how the last update went.
    for key in ["*", "*", "0", "0", "0", "0", keys::ENTER] {
        kiosk.press(key);
    }
    kiosk.wait_for("係員用の画面");
    kiosk.wait_for(&commit[..10]);
    kiosk.wait_for("成功");
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}

#[test]
fn the_kiosks_own_settings_are_kept_and_a_warning_says_when_they_lead_elsewhere() {
    let fleet = Fleet::new("own-settings");
    std::fs::write(fleet.dest().join("kiosk.toml"), "idle_timeout_secs = 60\n").unwrap();
    fleet.push(&[("faq.toml", &revised_content())], "content only");
    let output = fleet.update();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fleet.dest_text("faq.toml"), revised_content());
    assert_eq!(fleet.dest_text("kiosk.toml"), "idle_timeout_secs = 60\n");
    assert!(
        stderr(&output).contains("will not show the faq.toml deployed there"),
        "{}",
        stderr(&output)
    );

    std::fs::write(fleet.dest().join("kiosk.toml"), SETTINGS).unwrap();
    fleet.push(&[("faq.toml", &shipped_content())], "back");
    let output = fleet.update();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("will not show"),
        "{}",
        stderr(&output)
    );
}
