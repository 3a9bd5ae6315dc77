//! Undo against an edit made at the same moment by another process. This test binary runs itself
//! a second time as that other process (the ignored test below), so both sides are real
//! processes with their own connections to one database file.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use governance_core::edit::{Edit, EditRequest};
use governance_core::store::AuditEntry;
use governance_core::*;

const DB_ENV: &str = "UNDO_RACE_DB";
const RUN_FOR: Duration = Duration::from_secs(3);
const PARTY: &str = "cmo";

fn set_title(store: &mut Store, fw: &str, title: String, actor: &str) -> Result<()> {
    let mut party = store.load(fw)?.parties.into_iter().find(|p| p.id == PARTY).expect("the starter has a CMO");
    party.title = title;
    let req = EditRequest { framework: fw.to_owned(), edit: Edit::PutParty { party }, expected_version: None };
    store.apply(&req, actor).map(|_| ())
}

/// The other process: sets the party's title as fast as it can until the time is up.
#[test]
#[ignore = "run by undo_never_overwrites_an_edit_another_process_made_at_the_same_moment as its second process"]
fn undo_race_second_process() {
    let Some(db) = std::env::var_os(DB_ENV) else { return };
    let mut store = Store::open(Path::new(&db)).unwrap();
    let fw = store.sole_framework().unwrap();
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < RUN_FOR {
        set_title(&mut store, &fw, format!("B{n}"), "b").unwrap();
        n += 1;
    }
}

/// The title rows of the audit log, oldest first.
fn title_rows(store: &Store, fw: &str) -> Vec<AuditEntry> {
    let mut rows: Vec<AuditEntry> = store
        .audit_log(fw, u32::MAX)
        .unwrap()
        .into_iter()
        .filter(|r| r.entity == format!("parties[{PARTY}]") && r.field == "title")
        .collect();
    rows.reverse();
    rows
}

#[test]
fn undo_never_overwrites_an_edit_another_process_made_at_the_same_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("race.db");
    let mut store = Store::open(&db).unwrap();
    store.import(&starter::starter_framework(), "setup").unwrap();
    let fw = store.sole_framework().unwrap();

    let mut other = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "undo_race_second_process", "--ignored", "--nocapture", "--test-threads=1"])
        .env(DB_ENV, &db)
        .spawn()
        .unwrap();
    let (mut undone, mut refused) = (0, 0);
    let start = Instant::now();
    let mut n = 0;
    while start.elapsed() < RUN_FOR {
        set_title(&mut store, &fw, format!("A{n}"), "a").unwrap();
        // A short pause on every other turn lets the other process in between edit and undo
        // even when the machine is busy; the others race it head on.
        if n % 2 == 1 {
            std::thread::sleep(Duration::from_micros(300));
        }
        match store.undo(&fw, "a") {
            Ok(_) => undone += 1,
            Err(Error::Stale(_)) => refused += 1,
            Err(e) => panic!("undo failed with something other than a stale refusal: {e}"),
        }
        n += 1;
    }
    assert!(other.wait().unwrap().success(), "the second process failed");

    // A's edits write "A<n>"; A's undos write back what was there before, which is never an
    // A value (an undo that went through removed it; one that was refused means B wrote since).
    // Every undo must take back A's own edit: the row it follows is A's, and it replaces A's value.
    let rows = title_rows(&store, &fw);
    let is_undo = |r: &AuditEntry| r.actor == "a" && !r.new.as_deref().unwrap_or("").starts_with("\"A");
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| is_undo(r)) {
        let before = &rows[i - 1];
        assert_eq!(
            (before.actor.as_str(), &before.new),
            ("a", &row.old),
            "undo overwrote a change it did not make: {before:?} was followed by {row:?}"
        );
    }
    assert!(undone > 0, "no undo went through, so nothing was tested");
    assert!(refused > 0, "the other process never wrote between an edit and its undo, so the race did not happen");
    assert_eq!(rows.iter().filter(|r| is_undo(r)).count(), undone);
}
