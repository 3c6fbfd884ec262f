//! The Debian package installs every file the unit and the SSH drop-in start the kiosk with,
//! where they look for it, and depends on every program the unit runs.
//!
//! The package's contents are `Cargo.toml`'s `[package.metadata.deb]` (built by
//! `scripts/package-deb`); `deploy/README.md` says what is checked by installing it.

use std::path::Path;

/// The package's metadata table from `Cargo.toml`.
fn deb_metadata() -> toml::Table {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml parses");
    manifest["package"]["metadata"]["deb"]
        .as_table()
        .expect("[package.metadata.deb] is a table")
        .clone()
}

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The absolute paths the package installs its assets at (a destination ending in `/` keeps
/// the source's file name, as cargo-deb does).
fn installed_paths() -> Vec<String> {
    let assets = deb_metadata()["assets"]
        .as_array()
        .expect("assets is a list")
        .clone();
    assets
        .iter()
        .map(|asset| {
            let fields = asset
                .as_array()
                .expect("each asset is [source, dest, mode]");
            let source = fields[0].as_str().expect("source is a string");
            let dest = fields[1].as_str().expect("dest is a string");
            let file_name = source.rsplit('/').next().expect("source has a file name");
            if dest.ends_with('/') {
                format!("/{dest}{file_name}")
            } else {
                format!("/{dest}")
            }
        })
        .collect()
}

/// The value of every line of `file` that starts with `key`.
fn lines_starting<'a>(file: &'a str, key: &str) -> Vec<&'a str> {
    file.lines()
        .filter_map(|line| line.trim_start().strip_prefix(key))
        .collect()
}

/// Every word of `command` (split at spaces and `=`) under one of the package's own folders.
fn package_paths(command: &str) -> Vec<&str> {
    command
        .split([' ', '='])
        .filter(|word| {
            word.starts_with("/etc/faq-kiosk/") || word.starts_with("/usr/bin/faq-kiosk")
        })
        .collect()
}

#[test]
fn the_unit_and_the_ssh_drop_in_start_only_installed_files() {
    let installed = installed_paths();
    let unit = read("deploy/faq-kiosk.service");
    let ssh = read("deploy/ssh-kiosk.conf");
    let commands: Vec<&str> = lines_starting(&unit, "ExecStart=")
        .into_iter()
        .chain(lines_starting(&ssh, "ForceCommand "))
        .collect();
    assert_eq!(
        commands.len(),
        2,
        "one ExecStart= and one ForceCommand: {commands:?}"
    );
    for command in commands {
        let paths = package_paths(command);
        assert!(
            paths.contains(&"/usr/bin/faq-kiosk") && paths.contains(&"/etc/faq-kiosk/kiosk.toml"),
            "{command:?} runs the installed kiosk with the installed settings"
        );
        for path in paths {
            assert!(
                installed.iter().any(|p| p == path),
                "{path} (in {command:?}) is not in the package: {installed:?}"
            );
        }
    }
}

#[test]
fn the_package_depends_on_every_program_the_unit_runs() {
    let depends: Vec<String> = deb_metadata()["depends"]
        .as_str()
        .expect("depends is a string")
        .split(',')
        .map(|name| name.trim().to_string())
        .collect();
    let unit = read("deploy/faq-kiosk.service");
    // The Debian 12 package of each program the unit starts, and of what that program needs
    // at run time that Debian does not pull in itself.
    let needs = [
        ("/usr/bin/cage", &["cage", "xwayland"][..]),
        (
            "/usr/bin/foot",
            &["foot", "fonts-noto-cjk", "fonts-dejavu-core"][..],
        ),
        ("/usr/bin/setleds", &["kbd"][..]),
    ];
    let commands: Vec<&str> = lines_starting(&unit, "ExecStart")
        .into_iter()
        .flat_map(|line| line.split([' ', '=']))
        // systemd's prefixes: "-" (failure ignored), "@", "!", "+", ":".
        .map(|word| word.trim_start_matches(['-', '@', '!', '+', ':']))
        .filter(|word| word.starts_with("/usr/bin/") && !word.starts_with("/usr/bin/faq-kiosk"))
        .collect();
    assert!(!commands.is_empty(), "the unit runs programs");
    for program in commands {
        let (_, packages) = needs
            .iter()
            .find(|(path, _)| *path == program)
            .unwrap_or_else(|| panic!("the unit runs {program}: say here which package has it"));
        for package in *packages {
            assert!(
                depends.iter().any(|d| d == package),
                "Depends lacks {package} (for {program}): {depends:?}"
            );
        }
    }
}

/// The `systemd-units` entries, each as (unit name, folder cargo-deb takes its files from).
fn unit_entries() -> Vec<(String, String)> {
    deb_metadata()["systemd-units"]
        .as_array()
        .expect("systemd-units is a list")
        .iter()
        .map(|entry| {
            (
                entry["unit-name"].as_str().expect("unit-name").to_string(),
                entry["unit-scripts"]
                    .as_str()
                    .expect("unit-scripts")
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn the_package_holds_the_update_service_and_timer_and_the_script_they_run() {
    let entries = unit_entries();
    let (_, folder) = entries
        .iter()
        .find(|(name, _)| name == "faq-kiosk-update")
        .expect("an entry for faq-kiosk-update");
    // cargo-deb installs <unit-scripts>/<unit-name>.<type> as <unit-name>.<type>.
    let service = read(&format!("{folder}faq-kiosk-update.service"));
    let timer = read(&format!("{folder}faq-kiosk-update.timer"));
    assert!(timer.contains("[Timer]") && timer.contains("WantedBy=timers.target"));
    for (name, folder) in &entries {
        if folder != "deploy/" {
            assert!(
                !Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(folder)
                    .join(format!("{name}.tmpfile"))
                    .exists(),
                "the kiosk's own files stay in deploy/"
            );
        }
    }

    let installed = installed_paths();
    let commands = lines_starting(&service, "ExecStart=");
    assert_eq!(commands.len(), 1, "{commands:?}");
    let script = "/usr/lib/faq-kiosk/faq-kiosk-update";
    assert!(
        commands[0].starts_with(script) && installed.iter().any(|p| p == script),
        "the service runs the installed script: {commands:?}"
    );
    let assets = deb_metadata()["assets"].as_array().unwrap().clone();
    assert!(
        assets
            .iter()
            .any(|a| a[0].as_str() == Some("deploy/faq-kiosk-update")
                && a[2].as_str() == Some("755")),
        "the script is installed executable"
    );

    // Off until set: the unit needs the settings file, and the package does not ship it.
    let settings = lines_starting(&service, "EnvironmentFile=");
    assert_eq!(settings, ["/etc/faq-kiosk/update.conf"]);
    assert_eq!(
        lines_starting(&service, "ConditionPathExists="),
        settings,
        "the service does not run until update.conf exists"
    );
    assert!(!installed.iter().any(|p| p == settings[0]));
    assert!(
        installed
            .iter()
            .any(|p| p == "/usr/share/doc/faq-kiosk/examples/update.conf")
    );
    assert!(
        read("deploy/update/update.conf.example").contains("\nSOURCE="),
        "the example says how to set the source"
    );

    // StateDirectory= would give the kiosk's state folder (its usage log) to the service's
    // user, root; the kiosk's own unit names it for the kiosk user.
    let kiosk_unit = read("deploy/faq-kiosk.service");
    let state = lines_starting(&kiosk_unit, "StateDirectory=");
    assert!(
        lines_starting(&service, "StateDirectory=")
            .iter()
            .all(|folder| !state.contains(folder)),
        "the update service leaves the kiosk's state folder to the kiosk user"
    );

    let recommends = deb_metadata()["recommends"]
        .as_str()
        .expect("recommends is a string")
        .to_string();
    assert!(
        recommends.split(',').any(|name| name.trim() == "git"),
        "the script fetches with git: {recommends}"
    );
}

#[test]
fn the_package_ships_the_speech_wrapper_and_recommends_what_it_runs() {
    let assets = deb_metadata()["assets"].as_array().unwrap().clone();
    assert!(
        assets
            .iter()
            .any(|asset| asset.as_array().is_some_and(|fields| {
                fields[0].as_str() == Some("deploy/speak-ja")
                    && fields[1].as_str() == Some("usr/lib/faq-kiosk/speak-ja")
                    && fields[2].as_str() == Some("755")
            })),
        "deploy/speak-ja is installed, executable, at /usr/lib/faq-kiosk/speak-ja"
    );
    let recommends = deb_metadata()["recommends"]
        .as_str()
        .expect("recommends is a string")
        .to_string();
    let wrapper = read("deploy/speak-ja");
    // Each program and file the wrapper uses by default, and the Debian 12 package with it.
    let needs = [
        ("open_jtalk", "open-jtalk"),
        (
            "/var/lib/mecab/dic/open-jtalk/naist-jdic",
            "open-jtalk-mecab-naist-jdic",
        ),
        (
            "/usr/share/hts-voice/nitech-jp-atr503-m001/",
            "hts-voice-nitech-jp-atr503-m001",
        ),
        ("aplay", "alsa-utils"),
        ("pw-play", "pipewire-bin"),
    ];
    for (used, package) in needs {
        assert!(wrapper.contains(used), "the wrapper no longer uses {used}");
        assert!(
            recommends.split([',', '|']).any(|p| p.trim() == package),
            "Recommends lacks {package} (for {used}): {recommends}"
        );
    }
    let sysusers = read("deploy/faq-kiosk.sysusers");
    assert!(
        sysusers.lines().any(|line| line == "m kiosk audio"),
        "the kiosk user may open the sound card"
    );
}

#[test]
fn the_unit_restarts_a_kiosk_that_stops_pinging_its_watchdog() {
    let unit = read("deploy/faq-kiosk.service");
    let value = |key: &str| {
        let values = lines_starting(&unit, key);
        assert_eq!(values.len(), 1, "one {key} in the unit: {values:?}");
        values[0].trim().to_string()
    };
    let seconds: u64 = value("WatchdogSec=")
        .strip_suffix('s')
        .and_then(|number| number.parse().ok())
        .expect("WatchdogSec= in seconds, such as 30s");
    // Long enough for cage, foot and the kiosk to start and send the first ping; short
    // enough that a frozen screen is not left in the lobby for long.
    assert!((10..=120).contains(&seconds), "WatchdogSec={seconds}s");
    // The kiosk, a grandchild of the unit's main process, is heard only with "all".
    assert_eq!(value("NotifyAccess="), "all");
    assert_eq!(value("Restart="), "always");
}
