// Shared fixtures for the core tests.
#![allow(dead_code)]

use governance_core::*;

pub fn starter() -> Framework {
    governance_core::starter::starter_framework()
}

/// A framework without rules or links as interchange format 2 wrote it: no `compliance_rules`
/// and no `obligations` fields, as a JSON value.
pub fn in_format_2(fw: &Framework) -> serde_json::Value {
    let file = FrameworkFile { format: model::FORMAT_NAME.into(), format_version: 2, framework: fw.clone() };
    let mut v = serde_json::to_value(file).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.shift_remove("obligations");
                m.shift_remove("compliance_rules");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

pub fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// The date the starter template was written for; date rules are checked against it.
pub fn today() -> chrono::NaiveDate {
    day("2026-11-26")
}

pub fn errors(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity == Severity::Error).collect()
}

pub fn warnings(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|x| x.severity == Severity::Warning).collect()
}

/// A new, empty store on the backend these tests run against: SQLite in memory, or a fresh
/// database on the test server when `GOVERNANCE_TEST_BACKEND=postgres` (`make test` runs the
/// store tests both ways).
pub fn new_store() -> Store {
    match std::env::var("GOVERNANCE_TEST_BACKEND").as_deref() {
        Ok("postgres") => team_store(),
        _ => Store::open_in_memory().unwrap(),
    }
}

/// Whether this run's stores are on a team server.
pub fn on_server() -> bool {
    std::env::var("GOVERNANCE_TEST_BACKEND").as_deref() == Ok("postgres")
}

/// The test server, as its superuser (`make test` starts one and sets `GOVERNANCE_TEST_PG`).
pub fn test_server() -> store::ServerAddress {
    let url = std::env::var("GOVERNANCE_TEST_PG")
        .expect("GOVERNANCE_TEST_PG must name a PostgreSQL server for these tests; `make test` starts one");
    store::ServerAddress::parse(&url).unwrap()
}

/// A new empty database on the test server, with a name no other test uses.
pub fn fresh_database() -> store::ServerAddress {
    store::team::create_database(&test_server(), None, &unique("t")).unwrap()
}

/// A store on a new database of the test server, signed in as its superuser.
pub fn team_store() -> Store {
    Store::connect(&fresh_database(), None).unwrap()
}

/// A new name no other test uses, for databases and roles (both are server-wide).
pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A plain client of the test server's database `db`, as its superuser, for what a person
/// could type into psql behind the app's back.
pub fn psql(db: &store::ServerAddress) -> postgres::Client {
    let mut config: postgres::Config = db.to_string().parse().unwrap();
    if let Ok(p) = std::env::var("PGPASSWORD") {
        config.password(p);
    }
    config.connect(postgres::NoTls).unwrap()
}

/// A server of a test's own (`tests/pg/server`), which the test may stop and start again
/// without disturbing other tests. It is removed when dropped.
pub struct PrivateServer {
    dir: std::path::PathBuf,
    pub address: store::ServerAddress,
}

const SERVER_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/pg/server");

fn server_script(args: &[&str]) -> String {
    let out = std::process::Command::new(SERVER_SCRIPT).args(args).output().unwrap();
    assert!(out.status.success(), "tests/pg/server {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

impl PrivateServer {
    pub fn start() -> PrivateServer {
        // In /tmp, which the server's own user can enter (run as root, it runs as postgres, who
        // may not be able to enter the clone's folders).
        let dir = std::env::temp_dir().join(unique("governance-pg"));
        let url = server_script(&["start", dir.to_str().unwrap()]);
        // The script's superuser password, given here so no environment is needed.
        let address = store::ServerAddress::parse(url.trim()).unwrap().with_user("postgres", Some("governance-test"));
        PrivateServer { address, dir }
    }

    /// Stops the server, keeping its data: every connection to it is cut.
    pub fn pause(&self) {
        server_script(&["pause", self.dir.to_str().unwrap()]);
    }

    pub fn resume(&self) {
        server_script(&["resume", self.dir.to_str().unwrap()]);
    }
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        let _ = std::process::Command::new(SERVER_SCRIPT).args(["stop", self.dir.to_str().unwrap()]).output();
    }
}
