//! The commands the webview may call. Each one gets the state, calls one core function and maps
//! the error; rules live in governance-core.

use governance_core::store::{FrameworkSummary, FrameworkView};
use tauri::State;

use crate::api::{ApiError, AppInfo};
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    Ok(state.info())
}

#[tauri::command(async)]
pub fn list_frameworks(state: State<'_, AppState>) -> Result<Vec<FrameworkSummary>, ApiError> {
    state.with_store(|s| s.list_frameworks())
}

#[tauri::command(async)]
pub fn open_framework(state: State<'_, AppState>, id: String) -> Result<FrameworkView, ApiError> {
    state.with_store(|s| s.open_view(&id, today()))
}
