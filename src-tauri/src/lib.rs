//! Governance Workbench desktop shell. Only this crate depends on Tauri.

pub mod api;
pub mod commands;
pub mod connection;
pub mod live;
pub mod rendering;
pub mod state;

use tauri::{AppHandle, Builder, Manager, Runtime};

/// The app's setup, shared by `run` and the mock-runtime tests.
pub fn app<R: Runtime>(builder: Builder<R>, state: state::AppState) -> Builder<R> {
    // The handler lists every `#[tauri::command]` in commands.rs; build.rs writes it.
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .setup(|app| {
            let db = app.state::<state::AppState>().database();
            show_database(app.handle(), &db);
            Ok(())
        })
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
}

/// Names the open database in the title of the app's windows.
pub fn show_database<R: Runtime>(app: &AppHandle<R>, db: &api::DatabaseInfo) {
    let title = connection::window_title(db);
    for window in app.webview_windows().values() {
        // A window that cannot take a title still works; the sidebar names the database too.
        let _ = window.set_title(&title);
    }
}

pub fn run() {
    rendering::configure();
    let settings = connection::Settings::from_env();
    let location = settings.start_location();
    let state = state::AppState::open(&location, settings, &governance_core::paths::os_user());
    app(tauri::Builder::default(), state)
        .run(tauri::generate_context!())
        .expect("error while running Governance Workbench");
}
