//! Rows changed outside the app (by hand, by another tool, by a damaged disk) are reported as
//! errors that name the table and the row; reading them never panics.

mod common;

use governance_core::*;
use rusqlite::Connection;

/// A database file with the starter framework, and a raw connection to damage it with.
fn damaged(sql: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    Store::open(&path).unwrap().import(&common::starter(), "test").unwrap();
    Connection::open(&path).unwrap().execute_batch(sql).unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

fn damage_message(e: Error) -> String {
    assert_eq!(e.code(), "damaged", "{e}");
    e.to_string()
}

#[test]
fn a_platform_row_with_an_unknown_kind_names_the_table_and_the_platform() {
    let (_d, s) = damaged("UPDATE platforms SET kind = 'spaceship' WHERE key = 'tiktok'");
    let fw = s.sole_framework().unwrap();
    let msg = damage_message(s.load(&fw).unwrap_err());
    assert!(msg.contains("platforms row \"tiktok\""), "{msg}");
    assert!(msg.contains("spaceship"), "{msg}");
    let msg = damage_message(s.open_view(&fw, common::today()).unwrap_err());
    assert!(msg.contains("platforms row \"tiktok\""), "{msg}");
}

#[test]
fn a_framework_row_with_an_unreadable_date_or_list_names_the_framework() {
    for sql in [
        "UPDATE frameworks SET review_next_due = 'soon'",
        "UPDATE frameworks SET jurisdictions = '[\"US\",'",
        "UPDATE frameworks SET ks_last_tested = '2026-02-30'",
    ] {
        let (_d, s) = damaged(sql);
        let fw = s.sole_framework().unwrap();
        let msg = damage_message(s.load(&fw).unwrap_err());
        assert!(msg.contains(&format!("frameworks row \"{fw}\"")), "{sql}: {msg}");
        assert_eq!(s.review_status(&fw, common::today()).unwrap_err().code(), "damaged", "{sql}");
    }
}

#[test]
fn damaged_cells_letters_and_review_rows_name_their_row() {
    let cases = [
        ("UPDATE matrix_cells SET last_verified = 'yesterday' WHERE rowid = 1", "matrix_cells row"),
        ("UPDATE dq_standards SET validation_rules = 'not json' WHERE pos = 0", "dq_standards row"),
        ("UPDATE hard_stops SET entries = '{}' WHERE pos = 0", "hard_stops row"),
        ("INSERT INTO completed_cycles VALUES (1, 'never', 'x', 1, 'y')", "completed_cycles row \"never\""),
    ];
    for (sql, names) in cases {
        let (_d, s) = damaged(sql);
        let fw = s.sole_framework().unwrap();
        let e = match s.load(&fw) {
            Err(e) => e,
            Ok(_) => s.review_status(&fw, common::today()).unwrap_err(),
        };
        let msg = damage_message(e);
        assert!(msg.contains(names), "{sql}: {msg}");
    }
}

#[test]
fn a_huge_damaged_value_is_cut_in_the_message() {
    let (_d, s) = damaged(&format!("UPDATE platforms SET kind = '{}' WHERE key = 'tiktok'", "x".repeat(1_000_000)));
    let msg = damage_message(s.load(&s.sole_framework().unwrap()).unwrap_err());
    assert!(msg.len() < 1_000, "{} bytes", msg.len());
}
