//! The commands through Tauri's IPC layer, with the mock runtime (no window, no display).

mod common;

use common::App;
use serde_json::{json, Value};

fn invoke(cmd: &str, body: Value) -> Result<Value, Value> {
    App::new().call(cmd, body)
}

fn invoke_from(origin: &str, cmd: &str, body: Value) -> Result<Value, Value> {
    App::new().call_from(origin, cmd, body)
}

#[test]
fn a_fresh_database_lists_the_starter_framework() {
    let list = invoke("list_frameworks", json!({})).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], governance_core::starter::starter_framework().id.as_str());
}

#[test]
fn opening_a_framework_returns_it_with_findings() {
    let id = governance_core::starter::starter_framework().id;
    let view = invoke("open_framework", json!({ "id": id })).unwrap();
    assert_eq!(view["framework"]["id"], id.as_str());
    assert!(view["findings"].is_array());
}

#[test]
fn a_failed_command_rejects_with_a_code_and_a_message() {
    let err = invoke("open_framework", json!({ "id": "no-such-framework" })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert!(err["message"].as_str().unwrap().contains("no-such-framework"));
}

#[test]
fn a_remote_page_may_not_call_the_commands() {
    let err = invoke_from("https://example.com", "list_frameworks", json!({})).unwrap_err();
    assert!(err.as_str().unwrap().contains("not allowed"), "{err}");
}

#[test]
fn an_unknown_command_is_refused() {
    let err = invoke("plugin:fs|read_file", json!({ "path": "/etc/passwd" })).unwrap_err();
    assert!(err.to_string().contains("not allowed") || err.to_string().contains("not found"), "{err}");
}

#[test]
fn an_edit_through_ipc_is_saved_and_a_stale_one_is_refused_as_stale() {
    let app = App::new();
    let call = |cmd: &str, body: Value| app.call(cmd, body);
    let id = governance_core::starter::starter_framework().id;
    let view = call("open_framework", json!({ "id": id })).unwrap();
    let mut party = view["framework"]["parties"][0].clone();
    let key = format!("parties/{}", party["id"].as_str().unwrap());
    let version = view["versions"][&key].clone();
    party["title"] = json!("Interim CMO");
    let edit = json!({ "framework": id, "edit": { "op": "put_party", "party": party }, "expected_version": version });
    let result = call("apply_edit", json!({ "request": edit })).unwrap();
    assert_eq!(result["view"]["framework"]["parties"][0]["title"], "Interim CMO");
    let err = call("apply_edit", json!({ "request": edit })).unwrap_err();
    assert_eq!(err["code"], "stale");

    let created = call("create_framework", json!({ "name": "Second brand", "fromTemplate": false })).unwrap();
    assert_eq!(created, "second-brand");
}

#[test]
fn an_invalid_edit_rejects_with_findings_that_name_the_item_and_the_field() {
    let app = App::new();
    let id = governance_core::starter::starter_framework().id;
    let view = app.call("open_framework", json!({ "id": id })).unwrap();
    let mut standard = view["framework"]["data_quality"][0].clone();
    standard["min_completeness_pct"] = json!(140.0);
    let edit = json!({ "framework": id, "edit": { "op": "put_data_quality", "standard": standard }, "expected_version": null });
    let err = app.call("apply_edit", json!({ "request": edit })).unwrap_err();
    assert_eq!(err["code"], "invalid");
    let findings = err["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{err}");
    assert_eq!(findings[0]["item"], standard["id"]);
    assert_eq!(findings[0]["field"], "min_completeness_pct");
    assert_eq!(findings[0]["severity"], "error");
    assert!(findings[0]["message"].as_str().unwrap().contains("140"), "{err}");
}

#[test]
fn publishing_an_unchanged_draft_rejects_as_unchanged_and_other_failures_carry_no_findings() {
    let app = App::new();
    let id = governance_core::starter::starter_framework().id;
    let body = json!({ "framework": id, "summary": "First version" });
    app.call("publish_version", body.clone()).unwrap();
    let err = app.call("publish_version", body).unwrap_err();
    assert_eq!(err["code"], "unchanged");
    assert_eq!(err["findings"], json!([]));
}

#[test]
fn the_app_names_the_local_file_it_opened() {
    let info = invoke("app_info", json!({})).unwrap();
    let db = &info["database"];
    assert_eq!(db["team"], false);
    assert_eq!(db["open"], true);
    assert!(db["location"].as_str().unwrap().ends_with("app.db"), "{db}");
    assert_eq!(db["role"], Value::Null);
}

#[test]
fn a_local_file_is_not_watched_for_changes() {
    let status = invoke("live_status", json!({ "since": 0 })).unwrap();
    assert_eq!(status["watching"], false);
    assert_eq!(status["connected"], true);
    assert_eq!(status["changed"], json!([]));
}

#[test]
fn an_address_that_is_not_a_team_database_is_refused_and_the_open_file_stays_open() {
    let app = App::new();
    for address in ["/tmp/some.db", "postgres://", "postgres://host:notaport/db"] {
        let err = app.call("connect_team", json!({ "address": address, "password": null })).unwrap_err();
        assert_eq!(err["code"], "parse", "{address}: {err}");
    }
    assert_eq!(app.call("list_frameworks", json!({})).unwrap().as_array().unwrap().len(), 1);
    assert_eq!(app.call("app_info", json!({})).unwrap()["database"]["team"], false);
}

#[test]
fn a_team_database_that_cannot_be_reached_is_reported_as_disconnected() {
    // Port 1 on this machine refuses connections at once.
    let err =
        invoke("connect_team", json!({ "address": "postgres://alice@127.0.0.1:1/gov", "password": "x" })).unwrap_err();
    assert_eq!(err["code"], "disconnected", "{err}");
}
