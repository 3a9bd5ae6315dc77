//! The commands the webview may call. Each one gets the state, calls one core function and maps
//! the error; rules live in governance-core.

use governance_core::diff::Change;
use governance_core::edit::{Edit, EditRequest};
use governance_core::obligations::Catalogue;
use governance_core::review::ReviewStatus;
use governance_core::signoff::{Decided, Signer};
use governance_core::store::unlock_key_file;
use governance_core::store::{
    AuditEntry, EditResult, FrameworkSummary, FrameworkView, ImportOutcome, KeyCreated, PublishOutcome, RecordedSignOff,
};
use governance_core::version::VersionInfo;
use governance_core::ErrorCode;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::api::{ApiError, AppInfo, DatabaseInfo, ExportedPdf, LiveStatus, SignedInApp};
use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ApiError> {
    Ok(state.info())
}

/// Connects to a team database and makes it the open one; the window title follows. The password
/// is kept for this run only (to reconnect), never stored.
#[tauri::command(async)]
pub fn connect_team<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    address: String,
    password: Option<String>,
) -> Result<DatabaseInfo, ApiError> {
    let info = state.connect_team(&address, password.as_deref())?;
    crate::show_database(&app, &info);
    Ok(info)
}

/// Goes back from a team database to the local file.
#[tauri::command(async)]
pub fn use_local_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<DatabaseInfo, ApiError> {
    let info = state.use_local_file()?;
    crate::show_database(&app, &info);
    Ok(info)
}

/// Which frameworks changed in the team database after `since`, and whether it is reachable.
/// The window polls it: an app command keeps the capability free of event permissions.
#[tauri::command(async)]
pub fn live_status(state: State<'_, AppState>, since: u32) -> Result<LiveStatus, ApiError> {
    Ok(state.live_status(since))
}

#[tauri::command(async)]
pub fn list_frameworks(state: State<'_, AppState>) -> Result<Vec<FrameworkSummary>, ApiError> {
    state.with_store(|s| s.list_frameworks())
}

#[tauri::command(async)]
pub fn open_framework(state: State<'_, AppState>, id: String) -> Result<FrameworkView, ApiError> {
    state.with_store(|s| s.open_view(&id, today()))
}

/// The shipped obligation catalogues, which parts of a framework link to.
#[tauri::command(async)]
pub fn obligation_catalogues() -> Result<Vec<Catalogue>, ApiError> {
    Ok(governance_core::obligations::catalogues().to_vec())
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
/// or `$GOVERNANCE_KEY_FILE`) and records the sign-off. With `save_pdf`, also saves the version's
/// PDF with the sign-off on it, signed as a PDF by the signatory. `None` when no file was chosen.
#[tauri::command(async)]
pub fn sign_version<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    version: u32,
    decided: Decided,
    passphrase: String,
    save_pdf: bool,
) -> Result<Option<SignedInApp>, ApiError> {
    let Some(key) = open_path(&app, "Choose your signing key file", KEY_FILTER, KEY_FILE_ENV) else {
        return Ok(None);
    };
    let signer = unlock_key_file(&key, &passphrase)?;
    let now = chrono::Utc::now();
    let recorded = state.with_store(|s| s.sign_as(&signer, &framework, version, &decided, now, today()))?;
    let pdf = if save_pdf {
        let reason = format!("Sign-off of version {version}: {}", recorded.statement.decision.label());
        save_pdf_of(&app, &state, &framework, version, Some((&signer, reason.as_str())))?
    } else {
        None
    };
    Ok(Some(SignedInApp { recorded, pdf }))
}

/// Records the signed sign-offs of a signed report PDF or a `.signoff` file, chosen with the
/// native open dialog (or `$GOVERNANCE_SIGNOFF_FILE`). Each is checked as one signed in the app
/// is; one recorded before is kept once. `None` when no file was chosen.
#[tauri::command(async)]
pub fn import_signoff<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Vec<RecordedSignOff>>, ApiError> {
    let filter = ("Signed PDF or sign-off", &["pdf", "signoff"][..]);
    let Some(path) = open_path(&app, "Import a signed PDF or sign-off", filter, SIGNOFF_FILE_ENV) else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path)
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot read {}: {e}", path.display())))?;
    let signed = governance_report::signing::signed_statements(&bytes)
        .map_err(|e| ApiError::new(ErrorCode::Refused, format!("{}: {e}", path.display())))?;
    state.with_store(|s| signed.iter().map(|x| s.record_signoff(x, today())).collect()).map(Some)
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

/// The environment variable naming the signed PDF or `.signoff` file to import without a dialog.
pub const SIGNOFF_FILE_ENV: &str = "GOVERNANCE_SIGNOFF_FILE";

const KEY_FILTER: (&str, &[&str]) = ("Key file", &["pem", "key"]);

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

/// Renders a published version and saves it through the native save dialog. With a
/// passphrase, the PDF is also signed as a PDF with the writer's key file (chosen with the open
/// dialog, or `$GOVERNANCE_KEY_FILE`). `None` when cancelled.
#[tauri::command(async)]
pub fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    framework: String,
    version: u32,
    passphrase: Option<String>,
) -> Result<Option<ExportedPdf>, ApiError> {
    let signer = match passphrase {
        None => None,
        Some(p) => match open_path(&app, "Choose your signing key file", KEY_FILTER, KEY_FILE_ENV) {
            None => return Ok(None),
            Some(key) => Some(unlock_key_file(&key, &p)?),
        },
    };
    let reason = format!("Exported version {version}");
    save_pdf_of(&app, &state, &framework, version, signer.as_ref().map(|s| (s, reason.as_str())))
}

/// Renders a published version, signs it as a PDF when a signer is given, and saves it where
/// the user chooses. `None` when the save dialog was cancelled.
fn save_pdf_of<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    framework: &str,
    version: u32,
    signer: Option<(&Signer, &str)>,
) -> Result<Option<ExportedPdf>, ApiError> {
    let Some(path) = save_path(app, "Export the PDF", ("PDF", &["pdf"]), format!("{framework}-v{version}.pdf")) else {
        return Ok(None);
    };
    let report_error =
        |e: governance_report::ReportError| ApiError::new(ErrorCode::Report, format!("the PDF could not be made: {e}"));
    let data = state.with_store(|s| s.report_data(framework, version))?;
    let r = governance_report::render_version(&data).map_err(report_error)?;
    let (pdf, signed_by) = match signer {
        None => (r.pdf, None),
        Some((signer, reason)) => {
            let pdf =
                governance_report::signing::seal(&r.pdf, signer, chrono::Utc::now(), reason).map_err(report_error)?;
            let cert = signer.certificate();
            let name = cert.common_name().unwrap_or_default();
            (pdf, Some(format!("{name}, certificate {}", &cert.sha256_fingerprint()[..8])))
        }
    };
    governance_core::fsutil::write_atomically(&path, &pdf).map_err(ApiError::from)?;
    state.remember_export(path.clone());
    Ok(Some(ExportedPdf {
        path: path.display().to_string(),
        pages: r.pages,
        bytes: pdf.len() as u32,
        missing_glyphs: r.missing_glyphs.iter().collect(),
        missing_in: r.missing_in,
        signed_by,
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
