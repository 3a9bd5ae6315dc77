//! The command line against a team database on the test server (`make test` starts one and
//! sets GOVERNANCE_TEST_PG): setting it up, working on it, and copying to it and back.

mod common;

use std::process::{Command, Output};

use common::*;
use governance_core::store::{team, ServerAddress};

/// A new empty database on the test server, as its superuser.
fn fresh_database(name: &str) -> ServerAddress {
    let url =
        std::env::var("GOVERNANCE_TEST_PG").expect("GOVERNANCE_TEST_PG names the test server; `make test` starts one");
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let name = format!("cli_{name}_{}_{nanos}", std::process::id());
    team::create_database(&ServerAddress::parse(&url).unwrap(), None, &name).unwrap()
}

/// Runs `governance --db URL ...`, with the test server's password only where the test says.
fn on(db: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_governance"));
    cmd.arg("--db").arg(db).args(args).env("GOVERNANCE_KEY_PASSPHRASE", PASSPHRASE);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn failed(o: &Output) -> String {
    assert!(!o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn team_init_then_every_command_works_on_the_server_and_a_second_init_changes_nothing() {
    let db = fresh_database("init").to_string();
    let out = ok(&on(&db, &["team", "init", &db], &[]));
    assert!(out.contains("governance_signatory: read, and sign off"), "{out}");
    ok(&on(&db, &["import", TEMPLATE], &[]));
    ok(&on(&db, &["publish", "--summary", "First"], &[]));
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("v1.pdf");
    ok(&on(&db, &["export-pdf", "--version", "1", "--out", pdf.to_str().unwrap()], &[]));
    let verified = ok(&on(&db, &["verify", pdf.to_str().unwrap()], &[]));
    assert!(verified.starts_with("VERIFIED"), "{verified}");
    ok(&on(&db, &["team", "init", &db], &[]));
    let versions = ok(&on(&db, &["versions"], &[]));
    assert_eq!(versions.lines().count(), 1, "{versions}");
    assert!(versions.contains("postgres"), "the author is the signed-in role: {versions}");
}

#[test]
fn the_password_comes_from_pgpassword_or_a_private_pgpass_file_and_otherwise_the_error_says_how_to_give_it() {
    let db = fresh_database("pass").to_string();
    ok(&on(&db, &["team", "init", &db], &[]));
    let password = std::env::var("PGPASSWORD").expect("make test gives the test server's password in PGPASSWORD");
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(&pgpass, format!("# the test server\n*:*:*:postgres:{password}\n")).unwrap();
    let file = pgpass.to_str().unwrap();
    use std::os::unix::fs::PermissionsExt;

    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    ok(&on(&db, &["list"], &[("PGPASSWORD", ""), ("PGPASSFILE", file)]));

    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = failed(&on(&db, &["list"], &[("PGPASSWORD", ""), ("PGPASSFILE", file)]));
    assert!(err.contains("asks for postgres's password"), "a file others can read is ignored: {err}");

    let err = failed(&on(&db, &["list"], &[("PGPASSWORD", "wrong"), ("PGPASSFILE", "/nonexistent")]));
    assert!(err.contains("refused the password"), "{err}");
    assert!(!err.contains("wrong"), "the password is never echoed: {err}");
}

#[test]
fn copy_moves_a_file_to_a_server_and_back_and_says_what_it_copied() {
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("local.db");
    let local = local.to_str().unwrap();
    ok(&governance(Some(local.as_ref()), &["import", TEMPLATE]));
    ok(&governance(Some(local.as_ref()), &["--actor", "Ann", "publish", "--summary", "First"]));
    let before = ok(&governance(Some(local.as_ref()), &["versions"]));

    let db = fresh_database("copy").to_string();
    ok(&on(&db, &["team", "init", &db], &[]));
    let out = ok(&on(&db, &["copy", "--from", local, "--to", &db], &[]));
    assert!(out.contains("copied 1 framework(s), 1 published version(s), 0 sign-off(s) and 2 audit row(s)"), "{out}");
    assert!(out.contains("every version's hash and chain verify"), "{out}");
    assert_eq!(ok(&on(&db, &["versions"], &[])), before, "same numbers, times, authors and hashes");

    let back = dir.path().join("back.db");
    let back = back.to_str().unwrap();
    ok(&on(&db, &["copy", "--to", back], &[]));
    assert_eq!(ok(&governance(Some(back.as_ref()), &["versions"])), before);
    assert!(ok(&governance(Some(back.as_ref()), &["verify-db"])).contains("the hash chain is intact"));

    let err = failed(&on(&db, &["copy", "--from", local, "--to", back], &[]));
    assert!(err.contains("copy into an empty database"), "{err}");
}
