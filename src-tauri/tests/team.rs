//! Team mode through the app's commands, on a real server (`make unit` starts one and sets
//! `GOVERNANCE_TEST_PG` and `PGPASSWORD`).

mod common;

use std::time::{Duration, Instant};

use common::App;
use governance_core::store::{team, ServerAddress};
use governance_core::Store;
use serde_json::{json, Value};

/// The groups are server-wide, so two tests must not create them at the same moment.
static INIT: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A new team database on the test server, set up by `team init`, as its superuser.
fn team_database() -> ServerAddress {
    let url = std::env::var("GOVERNANCE_TEST_PG")
        .expect("GOVERNANCE_TEST_PG must name a PostgreSQL server for these tests; `make unit` starts one");
    let admin = ServerAddress::parse(&url).unwrap();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let db = team::create_database(&admin, None, &format!("app_{}_{nanos}", std::process::id())).unwrap();
    let _one_at_a_time = INIT.lock().unwrap_or_else(|e| e.into_inner());
    team::init(&db, None).unwrap();
    db
}

/// Polls `live_status` as the window does until `id` is among the changes, or fails after `within`.
fn wait_for_change(app: &App, since: u64, id: &str, within: Duration) -> (Duration, Value) {
    let start = Instant::now();
    loop {
        let status = app.call("live_status", json!({ "since": since })).unwrap();
        if status["changed"].as_array().unwrap().iter().any(|c| c == id) {
            return (start.elapsed(), status);
        }
        assert!(start.elapsed() < within, "{id} not reported within {within:?}: {status}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_team_database_is_opened_named_remembered_and_its_changes_by_others_are_reported() {
    let db = team_database();
    let app = App::new();
    let info = app.call("connect_team", json!({ "address": db.to_string(), "password": null })).unwrap();
    assert_eq!(info["team"], true);
    assert_eq!(info["open"], true);
    assert_eq!(info["location"], db.to_string());
    assert_eq!(info["role"], "postgres");
    assert!(info["tls"].as_str().unwrap_or_default().starts_with("TLS"), "{info}");
    assert_eq!(app.call("app_info", json!({})).unwrap()["database"], info);
    // A team database starts empty: the starter framework is only for a new local file.
    assert_eq!(app.call("list_frameworks", json!({})).unwrap(), json!([]));

    let remembered = std::fs::read_to_string(app.dir.path().join("config/connection.json")).unwrap();
    assert!(remembered.contains(&db.to_string()), "{remembered}");
    assert!(!remembered.contains("governance-test"), "no password is remembered: {remembered}");

    let status = app.call("live_status", json!({ "since": 0 })).unwrap();
    assert_eq!((status["watching"].clone(), status["connected"].clone()), (json!(true), json!(true)));
    let mut other = Store::connect(&db, None).unwrap();
    let starter = governance_core::starter::starter_framework();
    other.import(&starter, "another client").unwrap();
    let (took, status) = wait_for_change(&app, status["seq"].as_u64().unwrap(), &starter.id, Duration::from_secs(2));
    eprintln!("a change by another client was reported after {took:?}");
    assert_eq!(app.call("list_frameworks", json!({})).unwrap().as_array().unwrap().len(), 1);
    let seq = status["seq"].as_u64().unwrap();
    assert_eq!(app.call("live_status", json!({ "since": seq })).unwrap()["changed"], json!([]));

    let local = app.call("use_local_file", json!({})).unwrap();
    assert_eq!(local["team"], false);
    assert!(!app.dir.path().join("config/connection.json").exists(), "the team database is forgotten");
    assert_eq!(app.call("live_status", json!({ "since": 0 })).unwrap()["watching"], false);
}

#[test]
fn a_wrong_password_is_reported_as_password_needed_and_the_open_file_stays_open() {
    let db = team_database();
    let app = App::new();
    // A typed password comes before PGPASSWORD, which holds the right one here.
    let err = app.call("connect_team", json!({ "address": db.to_string(), "password": "wrong" })).unwrap_err();
    assert_eq!(err["code"], "password_needed", "{err}");
    assert!(!err["message"].as_str().unwrap().contains("wrong"), "{err}");
    assert_eq!(app.call("app_info", json!({})).unwrap()["database"]["team"], false);
}
