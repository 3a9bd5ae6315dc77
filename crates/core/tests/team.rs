//! Team mode on a real PostgreSQL server (`make test` starts one): what the server itself
//! enforces, who is recorded, live change notices, concurrent writers, and copying.

mod common;

use std::time::{Duration, Instant};

use chrono::Utc;
use common::*;
use governance_core::edit::{Edit, EditRequest};
use governance_core::review::Decision;
use governance_core::signoff::{Decided, SignedStatement};
use governance_core::store::{team, ChangeListener, ServerAddress};
use governance_core::*;
use governance_signing::KeyFile;

/// A database set up by `team init`, signed in as its administrator (the superuser).
struct Team {
    db: ServerAddress,
}

impl Team {
    fn new() -> Team {
        let db = fresh_database();
        team::init(&db, None).unwrap();
        Team { db }
    }

    fn admin(&self) -> Store {
        Store::connect(&self.db, None).unwrap()
    }

    /// A store signed in as a new login role in `group` (owner, signatory or reader).
    fn member(&self, group: &str) -> Store {
        let name = unique(group);
        psql(&self.db)
            .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}' IN ROLE governance_{group}"))
            .unwrap();
        Store::connect(&self.db.with_user(&name, Some(&format!("pw-{name}"))), None).unwrap()
    }
}

fn with_starter(mut s: Store) -> (Store, String) {
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    (s, fw.id)
}

fn retitle(s: &mut Store, fw: &str, party: usize, title: &str, actor: &str) -> Result<store::EditOutcome> {
    let mut p = s.load(fw).unwrap().parties[party].clone();
    p.title = title.into();
    s.apply(&EditRequest { framework: fw.into(), edit: Edit::PutParty { party: p }, expected_version: None }, actor)
}

#[test]
fn the_server_itself_refuses_to_change_published_versions_or_the_audit_log() {
    let team = Team::new();
    let (mut s, fw) = with_starter(team.admin());
    s.publish(&fw, "First", "x", today()).unwrap();
    let mut sql = psql(&team.db);
    for (statement, refusal) in [
        ("UPDATE versions SET summary = 'x'", "published versions cannot be changed"),
        ("DELETE FROM versions", "published versions cannot be deleted"),
        ("TRUNCATE versions CASCADE", "published versions cannot be deleted"),
        ("UPDATE audit_log SET actor = 'someone else'", "the audit log is append-only"),
        ("DELETE FROM audit_log", "the audit log is append-only"),
        ("TRUNCATE audit_log", "the audit log is append-only"),
    ] {
        let err = sql.batch_execute(statement).unwrap_err();
        assert!(format!("{:?}", err).contains(refusal), "{statement}: {err:?}");
    }
    assert!(s.verify_versions().unwrap().is_empty());
    let err = s.delete_framework(&fw, "x").unwrap_err();
    assert_eq!(err.code(), "refused", "{err}");
}

#[test]
fn the_actor_is_the_role_the_server_authenticated_whatever_name_is_given() {
    let team = Team::new();
    let (_, fw) = with_starter(team.admin());
    let mut owner = team.member("owner");
    assert_eq!(owner.team_groups().unwrap(), vec!["owner".to_owned()]);
    assert_eq!(team.member("reader").team_groups().unwrap(), vec!["reader".to_owned()]);
    let role = owner.actor("typed name").to_owned();
    assert!(role.starts_with("owner_"), "{role}");
    retitle(&mut owner, &fw, 0, "Changed", "Mallory the typed name").unwrap();
    let published = owner.publish(&fw, "First", "Mallory", today()).unwrap();
    let log = owner.audit_log(&fw, 2).unwrap();
    assert!(log.iter().all(|e| e.actor == role), "{log:?}");
    assert_eq!(published.version.author, role);
    assert_eq!(owner.versions(&fw).unwrap()[0].author, role, "the server wrote the author too");
    // Even a client that writes its own rows cannot name someone else.
    let mut sql = postgres_as(&team.db, &role);
    sql.batch_execute(
        "INSERT INTO audit_log (at, actor, framework, entity, field) VALUES ('now', 'the CEO', 'x', 'y', 'z')",
    )
    .unwrap();
    assert_eq!(owner.audit_log("x", 1).unwrap()[0].actor, role);
}

/// A plain client signed in as a test role (password `pw-<role>`).
fn postgres_as(db: &ServerAddress, role: &str) -> postgres::Client {
    let mut config: postgres::Config = db.to_string().parse().unwrap();
    config.user(role).password(format!("pw-{role}"));
    config.connect(postgres::NoTls).unwrap()
}

#[test]
fn a_reader_cannot_edit_and_a_signatory_cannot_publish_but_both_can_read_and_export() {
    let team = Team::new();
    let (mut admin, fw) = with_starter(team.admin());
    admin.publish(&fw, "First", "x", today()).unwrap();
    let mut reader = team.member("reader");
    let mut signatory = team.member("signatory");

    let err = retitle(&mut reader, &fw, 0, "Reader was here", "r").unwrap_err();
    assert_eq!(err.code(), "not_permitted", "{err}");
    assert!(err.to_string().contains("refused this for your role"), "{err}");
    assert_ne!(admin.load(&fw).unwrap().parties[0].title, "Reader was here");
    let mut renamed = starter();
    renamed.name = "Renamed by a reader".into();
    assert_eq!(reader.import(&renamed, "r").unwrap_err().code(), "not_permitted");

    retitle(&mut admin, &fw, 0, "Changed for version 2", "x").unwrap();
    let err = signatory.publish(&fw, "Second", "s", today()).unwrap_err();
    assert_eq!(err.code(), "not_permitted", "{err}");
    assert_eq!(admin.versions(&fw).unwrap().len(), 1, "nothing was published");
    assert_eq!(retitle(&mut signatory, &fw, 0, "x", "s").unwrap_err().code(), "not_permitted");

    for s in [&reader, &signatory] {
        assert_eq!(s.load(&fw).unwrap(), admin.load(&fw).unwrap());
        assert_eq!(s.report_data(&fw, 1).unwrap().info.number, 1, "reading for an export works");
    }
}

#[test]
fn a_signatory_signs_off_and_an_owner_may_not_record_a_sign_off() {
    let team = Team::new();
    let (mut admin, fw) = with_starter(team.admin());
    let framework = admin.load(&fw).unwrap();
    let mut signers = Vec::new();
    for id in &framework.review_schedule.required_signatories {
        let signer = KeyFile::create(id, id, "correct horse", Utc::now()).unwrap().unlock("correct horse").unwrap();
        let certificate = Some(signer.certificate().to_pem());
        let edit = Edit::SetCertificate { party: id.clone(), certificate };
        admin.apply(&EditRequest { framework: fw.clone(), edit, expected_version: None }, "x").unwrap();
        signers.push(signer);
    }
    admin.publish(&fw, "First", "x", today()).unwrap();
    let decided = Decided { decision: Decision::Approved, comment: "Fine".into() };
    let statement = admin.statement_for(&fw, 1, signers[0].certificate(), &decided, Utc::now()).unwrap();
    let signed = SignedStatement::sign(&statement, &signers[0]).unwrap();

    let mut owner = team.member("owner");
    assert_eq!(owner.record_signoff(&signed, today()).unwrap_err().code(), "not_permitted");
    let mut signatory = team.member("signatory");
    let recorded = signatory.record_signoff(&signed, today()).unwrap();
    assert!(recorded.recorded);
    let log = signatory.audit_log(&fw, 1).unwrap();
    assert_eq!(log[0].actor, signatory.actor(""), "{log:?}");
    let fingerprint = &signers[0].certificate().sha256_fingerprint()[..16];
    assert!(log[0].new.as_deref().unwrap().contains(fingerprint), "the row still names the certificate: {log:?}");
}

#[test]
fn each_persons_undo_takes_back_only_their_own_edits() {
    let team = Team::new();
    let (_, fw) = with_starter(team.admin());
    let mut alice = team.member("owner");
    let mut bob = team.member("owner");
    retitle(&mut alice, &fw, 0, "By Alice", "a").unwrap();
    retitle(&mut bob, &fw, 1, "By Bob", "b").unwrap();
    assert_eq!(bob.undo_labels(&fw, "b").unwrap().len(), 1, "Bob sees only his own step");
    assert_eq!(alice.undo(&fw, "a").unwrap_err().code(), "stale", "Bob edited after Alice's step");
    bob.undo(&fw, "b").unwrap();
    let after = alice.load(&fw).unwrap();
    assert_eq!(after.parties[0].title, "By Alice");
    assert_ne!(after.parties[1].title, "By Bob");
    // The server hides other people's steps: Alice cannot even see Bob's.
    let hidden: i64 = postgres_as(&team.db, alice.actor(""))
        .query_one("SELECT count(*) FROM undo_entries WHERE actor <> session_user", &[])
        .unwrap()
        .get(0);
    assert_eq!(hidden, 0);
}

#[test]
fn an_edit_based_on_what_another_client_changed_since_is_refused_not_merged() {
    let team = Team::new();
    let (mut a, fw) = with_starter(team.admin());
    let mut b = team.member("owner");
    let view = b.open_view(&fw, today()).unwrap();
    let key = edit::RecordKey::Item(edit::ListKind::Parties, view.framework.parties[0].id.clone());
    let seen = view.versions[&key.to_string()];
    retitle(&mut a, &fw, 0, "A's title", "a").unwrap();
    let mut p = view.framework.parties[0].clone();
    p.title = "B's title".into();
    let req = EditRequest { framework: fw.clone(), edit: Edit::PutParty { party: p }, expected_version: Some(seen) };
    let err = b.apply(&req, "b").unwrap_err();
    assert_eq!(err.code(), "stale", "{err}");
    assert_eq!(b.load(&fw).unwrap().parties[0].title, "A's title");
}

#[test]
fn another_client_hears_of_a_change_within_a_second() {
    let team = Team::new();
    let (mut s, fw) = with_starter(team.admin());
    let mut listener = ChangeListener::connect(&team.db, None).unwrap();
    assert!(listener.wait(Duration::from_millis(50)).unwrap().is_empty(), "nothing changed yet");
    let started = Instant::now();
    retitle(&mut s, &fw, 0, "Heard?", "x").unwrap();
    let heard = listener.wait(Duration::from_secs(1)).unwrap();
    assert_eq!(heard, vec![fw.clone()]);
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    s.publish(&fw, "First", "x", today()).unwrap();
    assert_eq!(listener.wait(Duration::from_secs(1)).unwrap(), vec![fw.clone()], "publishing is a change too");
}

#[test]
fn five_people_publishing_at_once_get_versions_one_to_n_with_an_intact_chain() {
    let team = Team::new();
    let (_, fw) = with_starter(team.admin());
    let publishers: Vec<_> = (0..5)
        .map(|i| {
            let db = team.db.clone();
            let fw = fw.clone();
            std::thread::spawn(move || {
                let mut s = Store::connect(&db, None).unwrap();
                let mut published = 0;
                for round in 0..4 {
                    retitle(&mut s, &fw, i % 3, &format!("Publisher {i} round {round}"), "p").unwrap();
                    match s.publish(&fw, &format!("By {i}, round {round}"), "p", today()) {
                        Ok(_) => published += 1,
                        // Another publisher froze this very draft first.
                        Err(e) if e.code() == "unchanged" => {}
                        Err(e) => panic!("{e}"),
                    }
                }
                published
            })
        })
        .collect();
    let published: u32 = publishers.into_iter().map(|t| t.join().unwrap()).sum();
    let s = team.admin();
    let versions = s.versions(&fw).unwrap();
    assert_eq!(versions.len() as u32, published);
    assert!(published >= 5, "{published}");
    assert_eq!(versions.iter().map(|v| v.number).collect::<Vec<_>>(), (1..=published).collect::<Vec<_>>());
    assert!(s.verify_versions().unwrap().is_empty(), "the chain is intact");
}

#[test]
fn a_schema_newer_than_the_app_is_refused_and_left_alone() {
    let team = Team::new();
    psql(&team.db).batch_execute("INSERT INTO governance_schema (version) VALUES (99)").unwrap();
    let err = Store::connect(&team.db, None).unwrap_err();
    assert_eq!(err.code(), "database_too_new", "{err}");
    let versions: i64 = psql(&team.db).query_one("SELECT max(version) FROM governance_schema", &[]).unwrap().get(0);
    assert_eq!(versions, 99);
}

#[test]
fn a_role_without_rights_on_an_empty_database_is_told_to_run_team_init() {
    let db = fresh_database();
    let name = unique("nobody");
    psql(&db)
        .batch_execute(&format!(
            "CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'; REVOKE CREATE ON SCHEMA public FROM PUBLIC"
        ))
        .unwrap();
    let err = Store::connect(&db.with_user(&name, Some(&format!("pw-{name}"))), None).unwrap_err();
    assert_eq!(err.code(), "not_permitted", "{err}");
    assert!(err.to_string().contains("governance team init"), "{err}");
}

#[test]
fn a_wrong_or_missing_password_asks_for_one() {
    let team = Team::new();
    let name = unique("owner");
    psql(&team.db)
        .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD 'right' IN ROLE governance_owner"))
        .unwrap();
    let err = Store::connect(&team.db.with_user(&name, Some("wrong")), None).unwrap_err();
    assert_eq!(err.code(), "password_needed", "{err}");
    let err = Store::connect(&team.db.with_user(&name, None), Some("wrong")).unwrap_err();
    assert_eq!(err.code(), "password_needed", "{err}");
    let s = Store::connect(&team.db.with_user(&name, None), Some("right")).unwrap();
    assert_eq!(s.tls_version().unwrap().as_deref(), Some("TLSv1.3"), "the server offers TLS, so it is used");
}

#[test]
fn a_file_copied_to_a_server_and_back_keeps_every_row_hash_and_signature() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = Store::open(&dir.path().join("local.db")).unwrap();
    let fw = starter();
    file.import(&fw, "Ann").unwrap();
    file.publish(&fw.id, "First", "Ann", today()).unwrap();
    retitle(&mut file, &fw.id, 0, "Second title", "Ben").unwrap();
    file.publish(&fw.id, "Second", "Ben", today()).unwrap();
    retitle(&mut file, &fw.id, 1, "A draft change", "Cy").unwrap();

    let team = Team::new();
    let mut server = team.admin();
    let report = file.copy_into(&mut server).unwrap();
    assert_eq!((report.frameworks, report.versions), (1, 2));
    assert!(report.audit_rows >= 5, "{report}");
    assert_eq!(server.load(&fw.id).unwrap(), file.load(&fw.id).unwrap(), "the draft came along");
    assert_eq!(server.versions(&fw.id).unwrap(), file.versions(&fw.id).unwrap(), "hashes, authors and times too");
    assert_eq!(server.audit_log(&fw.id, 100).unwrap(), file.audit_log(&fw.id, 100).unwrap());

    // The server keeps numbering after the copied rows.
    let mut owner = team.member("owner");
    owner.publish(&fw.id, "Third", "x", today()).unwrap();
    assert!(owner.verify_versions().unwrap().is_empty());

    let mut back = Store::open(&dir.path().join("back.db")).unwrap();
    let report = server.copy_into(&mut back).unwrap();
    assert_eq!(report.versions, 3);
    assert_eq!(back.versions(&fw.id).unwrap(), server.versions(&fw.id).unwrap());
    assert!(back.verify_versions().unwrap().is_empty());

    let err = file.copy_into(&mut back).unwrap_err();
    assert_eq!(err.code(), "refused", "nothing is merged into a database that holds data: {err}");
}

#[test]
fn the_server_schema_has_the_same_tables_and_columns_as_the_sqlite_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    drop(Store::open(&path).unwrap());
    let file = rusqlite::Connection::open(&path).unwrap();
    let mut st = file
        .prepare(
            "SELECT m.name, p.name, p.type FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2",
        )
        .unwrap();
    let sqlite: Vec<(String, String)> =
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();

    let db = fresh_database();
    drop(Store::connect(&db, None).unwrap());
    let server: Vec<(String, String)> = psql(&db)
        .query(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> 'governance_schema' ORDER BY 1, 2",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut sqlite = sqlite;
    sqlite.sort();
    assert_eq!(server, sqlite, "a migration changed one backend's schema and not the other's");
}

#[test]
fn a_copy_that_would_not_keep_who_did_what_is_refused_and_leaves_nothing_behind() {
    let file = new_file_store();
    let team = Team::new();
    let mut owner = team.member("owner");
    let err = file.0.copy_into(&mut owner).unwrap_err();
    assert_eq!(err.code(), "refused", "{err}");
    assert!(err.to_string().contains("as its administrator"), "{err}");
    assert!(team.admin().list_frameworks().unwrap().is_empty(), "the copy was rolled back");
    let rows: i64 = psql(&team.db).query_one("SELECT count(*) FROM audit_log", &[]).unwrap().get(0);
    assert_eq!(rows, 0);
    file.0.copy_into(&mut team.admin()).unwrap();
}

/// A file store with the starter imported by "Ann" and published once.
fn new_file_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("g.db")).unwrap();
    s.import(&starter(), "Ann").unwrap();
    s.publish(&starter().id, "First", "Ann", today()).unwrap();
    (s, dir)
}

#[test]
fn an_address_is_remembered_with_its_tls_options_and_never_its_password() {
    let given = "postgres://alice:secret@db.example:5433/gov?sslmode=require&password=x";
    let address = ServerAddress::parse(given).unwrap();
    assert_eq!(address.without_password(), "postgres://alice@db.example:5433/gov?sslmode=require");
    assert_eq!(address.to_string(), "postgres://alice@db.example:5433/gov");
    let plain = ServerAddress::parse("postgres://alice@db.example/gov").unwrap();
    assert_eq!(plain.without_password(), "postgres://alice@db.example:5432/gov");
}

#[test]
fn a_team_database_set_up_at_schema_5_is_migrated_with_its_data_and_owners_may_then_write_rules() {
    // The database as `team init` left it before compliance rules: schema 5 and its grants.
    let db = fresh_database();
    let grants_of_5 = include_str!("../migrations/postgres/team.sql").replace("compliance_rules, ", "");
    psql(&db)
        .batch_execute(&format!(
            "CREATE TABLE governance_schema (version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
             {}
             INSERT INTO governance_schema (version) VALUES (5);
             {grants_of_5}
             INSERT INTO frameworks (key, name, organisation, description, jurisdictions, ks_holders, ks_trigger,
                ks_test_cadence, ks_notes, review_cadence, review_signatories, review_next_due, created_at, updated_at)
             VALUES ('old', 'Old framework', 'Org', '', '[\"US\"]', '[]', '', 'quarterly', '', 'quarterly', '[]',
                '2027-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO parties (fw, key, pos, name, title, email, kind)
             SELECT id, 'ann', 0, 'Ann', '', NULL, 'person' FROM frameworks;",
            include_str!("../migrations/postgres/005_schema.sql")
        ))
        .unwrap();
    let admin = Store::connect(&db, None).unwrap();
    let fw = admin.load("old").unwrap();
    assert_eq!((fw.name.as_str(), fw.parties.len()), ("Old framework", 1));
    assert!(fw.compliance_rules.is_empty() && fw.override_policy.obligations.is_empty());
    let version: i64 = psql(&db).query_one("SELECT max(version) FROM governance_schema", &[]).unwrap().get(0);
    assert_eq!(version, store::SCHEMA_VERSION);

    let name = unique("owner");
    psql(&db)
        .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}' IN ROLE governance_owner"))
        .unwrap();
    let mut owner = Store::connect(&db.with_user(&name, Some(&format!("pw-{name}"))), None).unwrap();
    let rule = ComplianceRule {
        id: "us-consent".into(),
        name: "Consent before targeting".into(),
        jurisdiction: "US".into(),
        kind: RuleKind::Consent,
        requirement: "Honour opt-outs.".into(),
        all_capabilities: true,
        capabilities: vec![],
        all_platforms: true,
        platforms: vec![],
        enforced_by: vec![Enforcement::Agent],
        evidence: "Agent log.".into(),
        owner: "ann".into(),
        obligations: vec!["ftc-act-5-unfairness".into()],
    };
    let req =
        EditRequest { framework: "old".into(), edit: Edit::PutRule { rule: rule.clone() }, expected_version: None };
    owner.apply(&req, "ignored").unwrap();
    assert_eq!(admin.load("old").unwrap().compliance_rules, [rule]);
}
