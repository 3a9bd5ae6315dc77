//! The commands through Tauri's IPC layer, with the mock runtime (no window, no display).

use governance_workbench::state::AppState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;

/// The app on a new database in a temporary folder, with its main window, on the mock runtime.
struct App {
    _dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    webview: tauri::WebviewWindow<MockRuntime>,
}

impl App {
    fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("app.db"), "ipc-test");
        let app = governance_workbench::app(mock_builder(), state)
            .build(tauri::generate_context!("tauri.conf.json", test = true))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        App { _dir: dir, _app: app, webview }
    }

    fn call_from(&self, origin: &str, cmd: &str, body: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: origin.parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(body),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn call(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        self.call_from("tauri://localhost", cmd, body)
    }
}

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
