//! The `governance` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/starter-framework.json");

fn governance(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_governance"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("USER", "cli-test")
        .output()
        .expect("the governance binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn import_then_export_reproduces_the_template_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let imp = governance(&db, &["import", TEMPLATE]);
    assert!(imp.status.success(), "{}", stderr(&imp));
    assert!(stdout(&imp).contains("as a new framework"));
    let exp = governance(&db, &["export-json"]);
    assert!(exp.status.success(), "{}", stderr(&exp));
    assert!(exp.stdout == std::fs::read(TEMPLATE).unwrap(), "export differs from the template");

    let out = dir.path().join("out.json");
    let exp = governance(&db, &["export-json", "--out", out.to_str().unwrap()]);
    assert!(exp.status.success());
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(TEMPLATE).unwrap());
}

#[test]
fn a_truncated_file_gives_a_clear_error_and_leaves_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    assert!(governance(&db, &["import", TEMPLATE]).status.success());
    let before = governance(&db, &["export-json"]).stdout;

    let text = std::fs::read_to_string(TEMPLATE).unwrap();
    // Change the name so a partial import would show, then cut the file in half.
    let changed = text.replacen("\"name\": \"", "\"name\": \"CHANGED ", 1);
    let truncated = dir.path().join("truncated.json");
    std::fs::write(&truncated, &changed[..changed.len() / 2]).unwrap();
    let imp = governance(&db, &["import", truncated.to_str().unwrap()]);
    assert_eq!(imp.status.code(), Some(1));
    let err = stderr(&imp);
    assert!(err.contains("truncated.json") && err.contains("ends too early") && err.contains("line "), "{err}");

    assert_eq!(governance(&db, &["export-json"]).stdout, before);
}

#[test]
fn validate_reports_an_activity_with_two_accountables_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(TEMPLATE).unwrap()).unwrap();
    let act = &mut v["framework"]["raci"][0];
    let name = act["name"].as_str().unwrap().to_owned();
    let assignments = act["assignments"].as_array_mut().unwrap();
    let other = assignments.iter_mut().find(|a| a["role"] != "A").unwrap();
    other["role"] = "A".into();
    let file = dir.path().join("two-a.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    assert!(governance(&db, &["import", file.to_str().unwrap()]).status.success());
    let val = governance(&db, &["validate"]);
    assert_eq!(val.status.code(), Some(1), "{}", stdout(&val));
    let out = stdout(&val);
    assert!(out.contains(&format!("error: Activity \"{name}\" has 2 Accountable parties")), "{out}");
    assert!(out.contains("1 error(s)"), "{out}");
}

#[test]
fn validate_passes_on_the_template_with_exit_0_and_can_print_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    assert!(governance(&db, &["import", TEMPLATE]).status.success());
    let val = governance(&db, &["validate", "--json"]);
    assert_eq!(val.status.code(), Some(0), "{}", stdout(&val));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&val.stdout).unwrap();
    assert!(findings.iter().all(|f| f["severity"] != "error"));
}

#[test]
fn commands_on_an_empty_database_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let exp = governance(&db, &["export-json"]);
    assert_eq!(exp.status.code(), Some(1));
    assert!(stderr(&exp).contains("no framework; import one first"));
    let missing = governance(&db, &["import", "/no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read /no/such/file.json"));
}
