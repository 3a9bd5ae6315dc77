//! Two processes on one database: an edit based on a stale version is refused, never applied
//! over the other's change; edits to different records both succeed.

use std::path::Path;
use std::process::{Command, Output};

use governance_core::Store;

fn edit(db: &Path, req: &serde_json::Value) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_governance"))
        .arg("--db")
        .arg(db)
        .arg("edit")
        .arg(req.to_string())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn put_title(fw: &str, party: &serde_json::Value, title: &str, version: i64) -> serde_json::Value {
    let mut p = party.clone();
    p["title"] = title.into();
    serde_json::json!({ "framework": fw, "edit": { "op": "put_party", "party": p }, "expected_version": version })
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let fw = governance_core::starter::starter_framework();
    Store::open(&db).unwrap().import(&fw, "setup").unwrap();
    (dir, db, fw.id)
}

#[test]
fn two_processes_editing_the_same_record_never_overwrite_each_other() {
    let (_dir, db, id) = setup();
    for round in 0..15 {
        let view = Store::open(&db).unwrap().open_view(&id, chrono::NaiveDate::MIN).unwrap();
        let party = serde_json::to_value(&view.framework.parties[0]).unwrap();
        let v = view.versions[&format!("parties/{}", view.framework.parties[0].id)];
        let a = edit(&db, &put_title(&id, &party, &format!("Title A{round}"), v));
        let b = edit(&db, &put_title(&id, &party, &format!("Title B{round}"), v));
        let (a, b): (Output, Output) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success() != b.status.success(), "round {round}: exactly one edit wins");
        let loser = if a.status.success() { &b } else { &a };
        let msg = String::from_utf8_lossy(&loser.stderr);
        assert!(msg.contains("changed elsewhere") && msg.contains("reload"), "{msg}");
        let title = Store::open(&db).unwrap().load(&id).unwrap().parties[0].title.clone();
        let expected = if a.status.success() { format!("Title A{round}") } else { format!("Title B{round}") };
        assert_eq!(title, expected);
    }
}

#[test]
fn two_processes_editing_different_records_both_succeed() {
    let (_dir, db, id) = setup();
    let view = Store::open(&db).unwrap().open_view(&id, chrono::NaiveDate::MIN).unwrap();
    let mut children = Vec::new();
    for (i, p) in view.framework.parties.iter().enumerate().take(8) {
        let v = view.versions[&format!("parties/{}", p.id)];
        children.push(edit(&db, &put_title(&id, &serde_json::to_value(p).unwrap(), &format!("Parallel {i}"), v)));
    }
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let fw = Store::open(&db).unwrap().load(&id).unwrap();
    for (i, p) in fw.parties.iter().enumerate().take(8) {
        assert_eq!(p.title, format!("Parallel {i}"));
    }
}
