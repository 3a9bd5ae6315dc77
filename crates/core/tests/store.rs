mod common;

use chrono::TimeZone;
use common::*;
use governance_core::*;

fn fixed_store() -> Store {
    let mut s = new_store();
    s.set_clock(|| chrono::Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap());
    s
}

#[test]
fn importing_the_starter_then_exporting_gives_the_shipped_bytes() {
    let mut s = fixed_store();
    let fw = interchange::parse(starter::STARTER_JSON.as_bytes()).unwrap();
    s.import(&fw, "tester").unwrap();
    let out = interchange::to_pretty_json(&s.load(&fw.id).unwrap());
    assert!(out == starter::STARTER_JSON, "export differs from the shipped template");
}

#[test]
fn a_new_database_is_seeded_with_the_starter_once() {
    let mut s = fixed_store();
    assert!(s.seed_starter_if_empty("app").unwrap());
    assert!(!s.seed_starter_if_empty("app").unwrap());
    let list = s.list_frameworks().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, starter().id);
    assert_eq!(list[0].platforms as usize, starter().platforms.len());
}

#[test]
fn reimporting_an_unchanged_framework_records_no_change() {
    let mut s = fixed_store();
    let fw = starter();
    assert!(s.import(&fw, "a").unwrap().created);
    let again = s.import(&fw, "a").unwrap();
    assert!(!again.created);
    assert_eq!(again.changes, 0);
    assert_eq!(s.audit_log(&fw.id, 100).unwrap().len(), 1);
}

#[test]
fn reimporting_a_changed_framework_writes_field_level_audit_rows() {
    let mut s = fixed_store();
    let mut fw = starter();
    s.import(&fw, "alice").unwrap();
    let pid = fw.platforms[0].id.clone();
    let old_amount = fw.platforms[0].contract.required_latency.amount;
    fw.platforms[0].contract.required_latency.amount = old_amount + 7;
    let removed = fw.hard_stops.pop().unwrap();
    let outcome = s.import(&fw, "bob").unwrap();
    assert_eq!(outcome.changes, 2);
    let log = s.audit_log(&fw.id, 10).unwrap();
    assert_eq!(log.len(), 3);
    let latency = log.iter().find(|e| e.entity == format!("platforms[{pid}]")).unwrap();
    assert_eq!(latency.field, "contract.required_latency.amount");
    assert_eq!(latency.old.as_deref(), Some(old_amount.to_string().as_str()));
    assert_eq!(latency.new.as_deref(), Some((old_amount + 7).to_string().as_str()));
    assert_eq!(latency.actor, s.actor("bob"), "on a team server, the signed-in role");
    assert_eq!(latency.at, "2026-11-26T09:30:00.000Z");
    let gone = log.iter().find(|e| e.entity == format!("hard_stops[{}]", removed.id)).unwrap();
    assert_eq!(gone.field, "*");
    assert!(gone.new.is_none() && gone.old.as_deref().unwrap().contains(&removed.name));
    assert_eq!(s.load(&fw.id).unwrap(), fw);
}

#[test]
fn an_import_that_breaks_integrity_writes_nothing() {
    let mut s = fixed_store();
    let good = starter();
    s.import(&good, "a").unwrap();
    let mut bad = good.clone();
    bad.name = "Renamed".into();
    bad.raci[0].assignments[0].party = "ghost".into();
    let err = s.import(&bad, "a").unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert!(err.to_string().contains("ghost"), "{err}");
    assert_eq!(s.load(&good.id).unwrap(), good);
    assert_eq!(s.audit_log(&good.id, 10).unwrap().len(), 1);
}

#[test]
fn frameworks_are_listed_by_name_and_missing_ones_are_not_found() {
    let mut s = fixed_store();
    let mut a = starter();
    a.id = "zeta".into();
    a.name = "Alpha brand".into();
    let mut b = starter();
    b.id = "alpha".into();
    b.name = "Zeta brand".into();
    s.import(&b, "x").unwrap();
    s.import(&a, "x").unwrap();
    let names: Vec<_> = s.list_frameworks().unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["Alpha brand", "Zeta brand"]);
    assert_eq!(s.load("nope").unwrap_err().code(), "not_found");
    assert_eq!(s.sole_framework().unwrap_err().code(), "refused");
}

#[test]
fn the_audit_log_is_append_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut s = Store::open(&path).unwrap();
    s.import(&starter(), "a").unwrap();
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let upd = conn.execute("UPDATE audit_log SET actor = 'mallory'", []).unwrap_err();
    assert!(upd.to_string().contains("append-only"));
    let del = conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(del.to_string().contains("append-only"));
}

#[test]
fn a_file_database_uses_wal_foreign_keys_and_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/g.db");
    let s = Store::open(&path).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, store::SCHEMA_VERSION);
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;").unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), "database_too_new");
    assert!(err.to_string().contains("schema version 99"), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 99);
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn open_view_returns_the_framework_with_its_findings() {
    let mut s = fixed_store();
    let mut fw = starter();
    fw.override_policy.kill_switch_holders.truncate(1);
    s.import(&fw, "a").unwrap();
    let view = s.open_view(&fw.id, today()).unwrap();
    assert_eq!(view.framework, fw);
    assert_eq!(errors(&view.findings).len(), 1);
    assert_eq!(errors(&view.findings)[0].section, Section::OverridePolicy);
}

const MIGRATIONS: [&str; 6] = [
    include_str!("../migrations/001_initial.sql"),
    include_str!("../migrations/002_versions.sql"),
    include_str!("../migrations/003_reviews.sql"),
    include_str!("../migrations/004_undo_per_actor.sql"),
    include_str!("../migrations/005_signing.sql"),
    include_str!("../migrations/006_compliance.sql"),
];

#[test]
fn a_database_at_every_earlier_schema_version_is_backed_up_then_upgraded_with_its_data() {
    assert_eq!(MIGRATIONS.len() as i64, store::SCHEMA_VERSION, "a new migration needs a line above");
    for old in 1..store::SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for m in &MIGRATIONS[..old as usize] {
                conn.execute_batch(m).unwrap();
            }
            conn.execute_batch(&format!(
                "INSERT INTO frameworks (key, name, organisation, description, jurisdictions, ks_holders, ks_trigger,
                    ks_test_cadence, ks_notes, review_cadence, review_signatories, review_next_due, created_at, updated_at)
                 VALUES ('old', 'Old framework', 'Org', '', '[]', '[]', '', 'quarterly', '', 'quarterly', '[]',
                    '2027-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                 INSERT INTO hard_stops (fw, key, pos, name, kind, entries, all_platforms, platforms, lift_authority, notes)
                 VALUES (1, 'blocklist', 0, 'Blocked words', 'keyword_blocklist', '[\"x\"]', 1, '[]', '[]', '');
                 PRAGMA user_version = {old};"
            ))
            .unwrap();
        }
        let s = Store::open(&path).unwrap();
        let fw = s.load("old").unwrap();
        assert_eq!(fw.name, "Old framework", "from schema {old}");
        assert_eq!(fw.hard_stops[0].entries, ["x"], "from schema {old}");
        assert!(fw.hard_stops[0].obligations.is_empty() && fw.compliance_rules.is_empty());
        assert!(fw.override_policy.obligations.is_empty() && fw.review_schedule.obligations.is_empty());
        assert!(s.versions("old").unwrap().is_empty());
        assert!(s.review_status("old", today()).is_ok());
        drop(s);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, store::SCHEMA_VERSION);
        let backup = dir.path().join(format!("old.v{old}.bak"));
        let b = rusqlite::Connection::open(&backup).unwrap();
        let v: i64 = b.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, old, "the backup is the file as it was");
        let n: i64 = b.query_row("SELECT count(*) FROM frameworks", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
