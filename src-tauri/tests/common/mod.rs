//! The app on the mock runtime (no window, no display), called through Tauri's IPC and ACL.
// Each test file uses a part of it.
#![allow(dead_code)]

use governance_workbench::connection::Settings;
use governance_workbench::state::AppState;
use serde_json::Value;
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;

/// The app on a new database in a temporary folder, with its main window, on the mock runtime.
pub struct App {
    pub dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    webview: tauri::WebviewWindow<MockRuntime>,
}

impl App {
    pub fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("app.db");
        let state =
            AppState::open(&db.display().to_string(), Settings::in_folder(&dir.path().join("config")), "ipc-test");
        let app = governance_workbench::app(mock_builder(), state)
            .build(tauri::generate_context!("tauri.conf.json", test = true))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        App { dir, _app: app, webview }
    }

    pub fn call_from(&self, origin: &str, cmd: &str, body: Value) -> Result<Value, Value> {
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

    pub fn call(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        self.call_from("tauri://localhost", cmd, body)
    }
}
