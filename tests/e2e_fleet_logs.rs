//! End to end: the usage logs of several kiosks read together. Each running kiosk names itself
//! in every line (its `kiosk_id`, else the host name), and `stats` on a folder of their logs
//! shows each kiosk and the total, as a table, CSV and JSON.

mod pty;

use std::process::{Command, Output};

use pty::scratch::{Scratch, arg};
use pty::{Kiosk, keys};

/// Runs a kiosk with `settings`, opens one answer `times` times, checks that the staff screen
/// gives the name `named` it goes by, and ends it.
fn visit(scratch: &Scratch, name: &str, settings: &str, times: usize, named: &str) {
    let config = scratch.path(&format!("{name}.toml"));
    std::fs::write(
        &config,
        format!("staff_sequence = \"* * 0 0 0 0 Enter\"\n{settings}"),
    )
    .unwrap();
    let mut kiosk = Kiosk::start(80, 24, &["--config", arg(&config), "--exit-key", "F10"]);
    kiosk.begin();
    for _ in 0..times {
        kiosk.press("3");
        kiosk.wait_for("暗証番号を忘れました");
        kiosk.press("1");
        kiosk.wait_for("マイナンバーカードには、プライバシー性の高い");
        kiosk.press(keys::INSERT);
        kiosk.wait_for_absence("マイナンバーカードには、プライバシー性の高い");
        kiosk.press(keys::INSERT);
        kiosk.wait_for_absence("暗証番号を忘れました");
    }
    for key in ["*", "*", "0", "0", "0", "0", keys::ENTER] {
        kiosk.press(key);
    }
    kiosk.wait_for(&format!("端末の名前: {named}"));
    kiosk.press(keys::F10);
    assert!(kiosk.wait_for_exit());
}

fn stats(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_faq-kiosk"))
        .arg("stats")
        .args(args)
        .env_remove("FAQ_KIOSK_CONFIG")
        .env_remove("FAQ_KIOSK_CONTENT")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    output
}

#[test]
fn the_logs_of_two_kiosks_are_counted_per_kiosk_and_together() {
    let scratch = Scratch::new("two");
    std::fs::create_dir_all(scratch.path("logs")).unwrap();
    let logs = scratch.path("logs");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_string();
    visit(
        &scratch,
        "east",
        &format!(
            "kiosk_id = \"east-1f\"\nusage_log = \"{}\"\n",
            arg(&logs.join("east.jsonl"))
        ),
        2,
        "east-1f",
    );
    visit(
        &scratch,
        "west",
        &format!("usage_log = \"{}\"\n", arg(&logs.join("west.jsonl"))),
        1,
        &host,
    );
    let west = std::fs::read_to_string(logs.join("west.jsonl")).unwrap();
    assert!(
        west.lines()
            .all(|line| line.contains(&format!("\"kiosk\":\"{host}\""))),
        "without kiosk_id, every line names the host: {west}"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&stats(&[arg(&logs), "--json"]).stdout).unwrap();
    let kiosks = json["kiosks"].as_array().unwrap();
    let views = |stats: &serde_json::Value| stats["questions"][0]["views"].as_u64();
    let east = kiosks.iter().find(|k| k["kiosk"] == "east-1f").unwrap();
    let west = kiosks.iter().find(|k| k["kiosk"] == host.as_str()).unwrap();
    assert_eq!(kiosks.len(), 2, "{json}");
    assert_eq!((views(east), views(west)), (Some(2), Some(1)), "{json}");
    assert_eq!(views(&json["total"]), Some(3), "{json}");

    let table = String::from_utf8(stats(&[arg(&logs)]).stdout).unwrap();
    assert!(
        table.contains("east-1f") && table.contains(&host),
        "{table}"
    );
    let csv = String::from_utf8(
        stats(&[
            "--log",
            arg(&logs.join("east.jsonl")),
            arg(&logs.join("west.jsonl")),
            "--csv",
        ])
        .stdout,
    )
    .unwrap();
    assert!(csv.contains("\"east-1f\",question,\"q"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with(",question,") && l.contains(",3,")),
        "{csv}"
    );
}
