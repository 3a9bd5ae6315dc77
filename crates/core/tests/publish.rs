mod common;

use chrono::TimeZone;
use common::*;
use governance_core::edit::{Edit, EditRequest};
use governance_core::version::sha256_hex;
use governance_core::*;

fn store() -> (Store, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = new_store();
    (with_starter(s), starter().id, dir)
}

/// A store in a file, for the tests that change it behind the store's back.
fn file_store() -> (Store, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("g.db")).unwrap();
    (with_starter(s), starter().id, dir)
}

fn with_starter(mut s: Store) -> Store {
    s.set_clock(|| chrono::Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap());
    s.import(&starter(), "setup").unwrap();
    s
}

fn rename_party(s: &mut Store, id: &str, title: &str) {
    let mut p = s.load(id).unwrap().parties[0].clone();
    p.title = title.into();
    let req = EditRequest { framework: id.into(), edit: Edit::PutParty { party: p }, expected_version: None };
    s.apply(&req, "editor").unwrap();
}

#[test]
fn publishing_freezes_version_1_with_the_hash_of_its_canonical_snapshot() {
    let (mut s, id, _d) = store();
    let out = s.publish(&id, "First release", "Ann", today()).unwrap().version;
    assert_eq!(out.number, 1);
    assert_eq!(out.previous_sha256, None);
    assert_eq!(out.published_at, "2026-11-26T10:00:00.000Z");
    let (info, bytes) = s.version_snapshot(&id, 1).unwrap();
    assert_eq!(bytes, interchange::to_canonical_json(&starter()));
    assert_eq!(info.sha256, sha256_hex(&bytes));
    assert_eq!(info.sha256.len(), 64);
}

#[test]
fn publishing_twice_without_changes_keeps_one_version() {
    let (mut s, id, _d) = store();
    s.publish(&id, "First", "Ann", today()).unwrap();
    let err = s.publish(&id, "Again", "Ann", today()).unwrap_err();
    assert!(err.to_string().contains("nothing changed since version 1"), "{err}");
    assert_eq!(s.versions(&id).unwrap().len(), 1);
}

#[test]
fn a_new_version_chains_to_the_previous_hash_and_the_diff_shows_the_change() {
    let (mut s, id, _d) = store();
    let v1 = s.publish(&id, "First", "Ann", today()).unwrap().version;
    rename_party(&mut s, &id, "Chief Marketing Officer (interim)");
    let v2 = s.publish(&id, "Interim CMO", "Ann", today()).unwrap().version;
    assert_eq!(v2.number, 2);
    assert_eq!(v2.previous_sha256.as_deref(), Some(v1.sha256.as_str()));
    let changes = s.diff_versions(&id, 1, 2).unwrap();
    assert_eq!(changes.len(), 1);
    assert!(changes[0].path.ends_with(".title"));
    assert_eq!(changes[0].new, Some(serde_json::json!("Chief Marketing Officer (interim)")));
    assert!(s.verify_versions().unwrap().is_empty());
}

#[test]
fn publishing_is_refused_while_validation_errors_remain_and_the_message_lists_them() {
    let (mut s, id, _d) = store();
    let mut op = s.load(&id).unwrap().override_policy;
    op.kill_switch_holders.truncate(1);
    s.apply(
        &EditRequest { framework: id.clone(), edit: Edit::SetOverridePolicy { policy: op }, expected_version: None },
        "x",
    )
    .unwrap();
    let err = s.publish(&id, "Release", "Ann", today()).unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("at least two parties"), "{err}");
    assert!(s.versions(&id).unwrap().is_empty());
    assert!(s.publish(&id, "   ", "Ann", today()).unwrap_err().to_string().contains("change summary"));
}

#[test]
fn published_versions_cannot_be_changed_or_deleted_and_keep_their_framework() {
    let (mut s, id, d) = file_store();
    s.publish(&id, "First", "Ann", today()).unwrap();
    let conn = rusqlite::Connection::open(d.path().join("g.db")).unwrap();
    assert!(conn
        .execute("UPDATE versions SET summary = 'x'", [])
        .unwrap_err()
        .to_string()
        .contains("cannot be changed"));
    assert!(conn.execute("DELETE FROM versions", []).unwrap_err().to_string().contains("cannot be deleted"));
    let err = s.delete_framework(&id, "Ann").unwrap_err();
    assert!(err.to_string().contains("permanent records"), "{err}");
    assert_eq!(s.versions(&id).unwrap().len(), 1);
}

#[test]
fn verify_detects_a_snapshot_altered_behind_the_apps_back() {
    let (mut s, id, d) = file_store();
    s.publish(&id, "First", "Ann", today()).unwrap();
    rename_party(&mut s, &id, "Changed");
    s.publish(&id, "Second", "Ann", today()).unwrap();
    let conn = rusqlite::Connection::open(d.path().join("g.db")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER versions_immutable;
         UPDATE versions SET snapshot = CAST(replace(CAST(snapshot AS TEXT), 'Larkspur', 'Larkspar') AS BLOB) WHERE number = 1;",
    )
    .unwrap();
    let problems = s.verify_versions().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].number, 1);
    assert!(problems[0].message.contains("SHA-256"));
    conn.execute_batch("UPDATE versions SET sha256 = lower(hex(randomblob(32))) WHERE number = 1;").unwrap();
    let problems = s.verify_versions().unwrap();
    assert!(problems.iter().any(|p| p.number == 2 && p.message.contains("previous-version hash")), "{problems:?}");
}

#[test]
fn a_draft_whose_content_an_older_format_published_is_unchanged_though_its_bytes_differ() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let fw = starter().without_compliance();
    let mut s = Store::open(&path).unwrap();
    s.import(&fw, "setup").unwrap();
    // The snapshot as the app wrote it in interchange format 2, before rules and links.
    let old = serde_json::to_vec(&in_format_2(&fw)).unwrap();
    assert_ne!(old, interchange::to_canonical_json(&fw));
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO versions (framework, number, published_at, author, summary, snapshot, sha256, previous_sha256)
             SELECT id, 1, '2026-01-05T10:00:00.000Z', 'ann', 'First', ?1, ?2, NULL FROM frameworks",
            rusqlite::params![old, sha256_hex(&old)],
        )
        .unwrap();
    let err = s.publish(&fw.id, "Nothing new", "ann", today()).unwrap_err();
    assert_eq!(err.code(), "unchanged", "{err}");
    assert!(err.to_string().contains("since version 1"), "{err}");
}
