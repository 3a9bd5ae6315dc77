//! The commands the webview may call. Each one gets the state, calls one core function and maps
//! the error; rules live in governance-core.

use governance_core::diff::Change;
use governance_core::edit::{Edit, EditRequest};
use governance_core::review::ReviewStatus;
use governance_core::signoff::Decided;
use governance_core::store::{
    AuditEntry, EditResult, FrameworkSummary, FrameworkView, ImportOutcome, KeyCreated, PublishOutcome, RecordedSignOff,
};
use governance_core::version::VersionInfo;
use governance_core::ErrorCode;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::api::{ApiError, AppInfo, ExportedPdf};
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

#[tauri::command(async)]
pub fn apply_edit(state: State<'_, AppState>, request: EditRequest) -> Result<EditResult, ApiError> {
    state.with_store(|s| s.edit(&request, state.actor(), today()))
}

#[tauri::command(async)]
pub fn undo_edit(state: State<'_, AppState>, framework: String) -> Result<EditResult, ApiError> {
    state.with_store(|s| s.undo_and_view(&framework, state.actor(), today()))
}

#[tauri::command(async)]
pub fn undo_labels(state: State<'_, AppState>, framework: String) -> Result<Vec<String>, ApiError> {
    state.with_store(|s| s.undo_labels(&framework, state.actor()))
}

#[tauri::command(async)]
pub fn removal_impact(state: State<'_, AppState>, framework: String, edit: Edit) -> Result<Vec<String>, ApiError> {
    state.with_store(|s| s.removal_impact(&framework, &edit))
}

#[tauri::command(async)]
pub fn create_framework(state: State<'_, AppState>, name: String, from_template: bool) -> Result<String, ApiError> {
    state.with_store(|s| s.create_framework(&name, from_template, today(), state.actor()))
}

#[tauri::command(async)]
pub fn duplicate_framework(state: State<'_, AppState>, id: String, name: String) -> Result<String, ApiError> {
    state.with_store(|s| s.duplicate_framework(&id, &name, state.actor()))
}

#[tauri::command(async)]
pub fn delete_framework(state: State<'_, AppState>, id: String) -> Result<(), ApiError> {
    state.with_store(|s| s.delete_framework(&id, state.actor()))
}

#[tauri::command(async)]
pub fn audit_log(state: State<'_, AppState>, framework: String, limit: u32) -> Result<Vec<AuditEntry>, ApiError> {
    state.with_store(|s| s.audit_log(&framework, limit))
}

/// Asks for a framework file with the native open dialog and imports it. `None` when cancelled.
#[tauri::command(async)]
pub fn import_framework<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<ImportOutcome>, ApiError> {
    let picked = app
        .dialog()
        .file()
        .set_title("Import a framework")
        .add_filter("Framework JSON", &["json"])
        .blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    state.with_store(|s| s.import_file(&path, state.actor())).map(Some)
}

/// Asks where to save with the native save dialog and exports the draft there. Returns the path,
/// or `None` when cancelled.
#[tauri::command(async)]
pub fn export_framework<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>, ApiError> {
    let Some(path) = save_path(&app, "Export the framework", ("Framework JSON", &["json"]), format!("{id}.json"))
    else {
        return Ok(None);
    };
    state.with_store(|s| s.export_file(&id, &path)).map(|_| Some(path.display().to_string()))
}

#[tauri::command(async)]
pub fn publish_version(
    state: State<'_, AppState>,
    framework: String,
    summary: String,
) -> Result<PublishOutcome, ApiError> {
    state.with_store(|s| s.publish(&framework, &summary, state.actor(), today()))
}

#[tauri::command(async)]
pub fn list_versions(state: State<'_, AppState>, framework: String) -> Result<Vec<VersionInfo>, ApiError> {
    state.with_store(|s| s.versions(&framework))
}

#[tauri::command(async)]
pub fn diff_versions(
    state: State<'_, AppState>,
    framework: String,
    from: u32,
    to: u32,
) -> Result<Vec<Change>, ApiError> {
    state.with_store(|s| s.diff_versions(&framework, from, to))
}

#[tauri::command(async)]
pub fn review_status(state: State<'_, AppState>, framework: String) -> Result<ReviewStatus, ApiError> {
    state.with_store(|s| s.review_status(&framework, today()))
}

/// Signs a published version with the signatory's key file (chosen with the native open dialog,
/// or `$GOVERNANCE_KEY_FILE`) and records the sign-off. `None` when no file was chosen.
#[tauri::command(async)]
pub fn sign_version<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    version: u32,
    decided: Decided,
    passphrase: String,
) -> Result<Option<RecordedSignOff>, ApiError> {
    let Some(path) = open_path(&app, "Choose your signing key file", ("Key file", &["pem", "key"]), KEY_FILE_ENV)
    else {
        return Ok(None);
    };
    state
        .with_store(|s| {
            s.sign_with_key_file(&framework, version, &path, &passphrase, &decided, chrono::Utc::now(), today())
        })
        .map(Some)
}

/// Makes a new signing key for a party, saves its passphrase-encrypted key file where the user
/// chooses (native save dialog, or `$GOVERNANCE_EXPORT_DIR`) and registers its certificate.
#[tauri::command(async)]
pub fn create_signing_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    party: String,
    name: String,
    passphrase: String,
) -> Result<Option<KeyCreated>, ApiError> {
    let file_name = format!("{party}-signing-key.pem");
    let Some(path) = save_path(&app, "Save the signing key file", ("Key file", &["pem"]), file_name) else {
        return Ok(None);
    };
    state
        .with_store(|s| {
            s.create_signing_key(
                &framework,
                &party,
                &name,
                &passphrase,
                &path,
                chrono::Utc::now(),
                state.actor(),
                today(),
            )
        })
        .map(Some)
}

/// Registers a party's certificate from a PEM certificate or key file chosen with the native open
/// dialog. `None` when no file was chosen.
#[tauri::command(async)]
pub fn register_certificate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    party: String,
) -> Result<Option<EditResult>, ApiError> {
    let filter = ("Certificate or key file", &["pem", "crt", "cer", "key"][..]);
    let Some(path) = open_path(&app, "Choose the signing certificate", filter, KEY_FILE_ENV) else {
        return Ok(None);
    };
    state.with_store(|s| s.register_certificate_file(&framework, &party, &path, state.actor(), today())).map(Some)
}

/// The environment variable naming the key file to use without an open dialog (unattended runs
/// and the end-to-end tests, which cannot drive a native dialog).
pub const KEY_FILE_ENV: &str = "GOVERNANCE_KEY_FILE";

/// A file to read: `$env` when set, else the native open dialog.
fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: (&str, &[&str]),
    env: &str,
) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return Some(std::path::PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Environment variable naming a folder that exports go to without a save dialog, for
/// unattended runs (and the end-to-end tests, which cannot drive a native dialog).
pub const EXPORT_DIR_ENV: &str = "GOVERNANCE_EXPORT_DIR";

/// Where to save an export: `$GOVERNANCE_EXPORT_DIR/<file_name>`, else the native save dialog.
fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: (&str, &[&str]),
    file_name: String,
) -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(std::path::PathBuf::from(dir).join(file_name));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .set_file_name(file_name)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks where to save and writes a text export there. `None` when cancelled.
fn save_text<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: (&str, &[&str]),
    file_name: String,
    text: impl FnOnce() -> Result<String, ApiError>,
) -> Result<Option<String>, ApiError> {
    let Some(path) = save_path(app, title, filter, file_name) else { return Ok(None) };
    let text = text()?;
    governance_core::fsutil::write_atomically(&path, text.as_bytes()).map_err(ApiError::from)?;
    Ok(Some(path.display().to_string()))
}

/// Saves the next review dates as an iCalendar file through the native save dialog.
#[tauri::command(async)]
pub fn export_calendar<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
) -> Result<Option<String>, ApiError> {
    save_text(&app, "Export the review calendar", ("iCalendar", &["ics"]), format!("{framework}-reviews.ics"), || {
        state.with_store(|s| s.calendar_ics(&framework, today(), chrono::Utc::now()))
    })
}

/// Saves the data-quality standards as an ODCS v3 contract through the native save dialog.
#[tauri::command(async)]
pub fn export_odcs<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    version: Option<u32>,
) -> Result<Option<String>, ApiError> {
    save_text(
        &app,
        "Export the data contract",
        ("ODCS YAML", &["yaml", "yml"]),
        format!("{framework}-data-contract.yaml"),
        || state.with_store(|s| s.odcs_yaml(&framework, version)),
    )
}

/// Renders a published version and saves it through the native save dialog. `None` when cancelled.
#[tauri::command(async)]
pub fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    version: u32,
) -> Result<Option<ExportedPdf>, ApiError> {
    let Some(path) = save_path(&app, "Export the PDF", ("PDF", &["pdf"]), format!("{framework}-v{version}.pdf")) else {
        return Ok(None);
    };
    let data = state.with_store(|s| s.report_data(&framework, version))?;
    let r = governance_report::render_version(&data)
        .map_err(|e| ApiError::new(ErrorCode::Report, format!("the PDF could not be made: {e}")))?;
    governance_core::fsutil::write_atomically(&path, &r.pdf).map_err(ApiError::from)?;
    state.remember_export(path.clone());
    Ok(Some(ExportedPdf {
        path: path.display().to_string(),
        pages: r.pages,
        bytes: r.pdf.len() as u32,
        missing_glyphs: r.missing_glyphs.iter().collect(),
    }))
}

/// Opens a file this app exported in this run with the desktop's default viewer.
#[tauri::command(async)]
pub fn open_exported(state: State<'_, AppState>, path: String) -> Result<(), ApiError> {
    let path = std::path::PathBuf::from(path);
    if !state.was_exported(&path) {
        return Err(ApiError::new(ErrorCode::Forbidden, "only files exported in this session can be opened".into()));
    }
    std::process::Command::new("xdg-open").arg(&path).spawn().map(|_| ()).map_err(|e| {
        ApiError::new(ErrorCode::Io, format!("no viewer could be started for {} (xdg-open: {e})", path.display()))
    })
}
