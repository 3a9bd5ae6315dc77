//! Governance Workbench desktop shell. Only this crate depends on Tauri.

pub mod api;
pub mod commands;
pub mod rendering;
pub mod state;

use tauri::{Builder, Runtime};

/// The app's setup, shared by `run` and the mock-runtime tests.
pub fn app<R: Runtime>(builder: Builder<R>, state: state::AppState) -> Builder<R> {
    builder.plugin(tauri_plugin_dialog::init()).manage(state).invoke_handler(tauri::generate_handler![
        commands::app_info,
        commands::list_frameworks,
        commands::open_framework,
        commands::apply_edit,
        commands::undo_edit,
        commands::undo_labels,
        commands::removal_impact,
        commands::create_framework,
        commands::duplicate_framework,
        commands::delete_framework,
        commands::audit_log,
        commands::import_framework,
        commands::export_framework,
        commands::publish_version,
        commands::list_versions,
        commands::diff_versions,
        commands::review_status,
        commands::sign_off,
        commands::export_calendar,
        commands::export_odcs,
        commands::export_pdf,
        commands::open_exported
    ])
}

pub fn run() {
    rendering::configure();
    let db = governance_core::paths::default_db_path();
    let state = state::AppState::open(db, &governance_core::paths::os_user());
    app(tauri::Builder::default(), state)
        .run(tauri::generate_context!())
        .expect("error while running Governance Workbench");
}
