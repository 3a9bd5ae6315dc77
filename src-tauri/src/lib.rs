//! Governance Workbench desktop shell. Only this crate depends on Tauri.

pub mod api;
pub mod commands;
pub mod rendering;
pub mod state;

use tauri::{Builder, Runtime};

/// The app's setup, shared by `run` and the mock-runtime tests.
pub fn app<R: Runtime>(builder: Builder<R>, state: state::AppState) -> Builder<R> {
    // The handler lists every `#[tauri::command]` in commands.rs; build.rs writes it.
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
}

pub fn run() {
    rendering::configure();
    let db = governance_core::paths::default_db_path();
    let state = state::AppState::open(db, &governance_core::paths::os_user());
    app(tauri::Builder::default(), state)
        .run(tauri::generate_context!())
        .expect("error while running Governance Workbench");
}
