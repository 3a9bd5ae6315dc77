//! What crosses the IPC boundary besides the core types: the error shape and app facts.

use governance_core::{ErrorCode, Finding};
use serde::Serialize;
use ts_rs::TS;

/// Every failed command rejects with this object, never a bare string. The UI tells failures
/// apart by `code` and shows `findings` beside their fields; `message` is for people only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For `invalid`: each problem with its item, field, severity and sentence. Empty otherwise.
    pub findings: Vec<Finding>,
}

impl ApiError {
    /// A failure of the shell itself, outside core, which has no findings.
    pub fn new(code: ErrorCode, message: String) -> ApiError {
        ApiError { code, message, findings: Vec::new() }
    }
}

impl From<governance_core::Error> for ApiError {
    fn from(e: governance_core::Error) -> Self {
        ApiError { code: e.code(), message: e.to_string(), findings: e.findings().to_vec() }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database: DatabaseInfo,
    pub schema_version: u32,
}

/// Which database the app has open (or tried to open), as the window title and the sidebar show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseInfo {
    /// A team database on a server; otherwise a local file.
    pub team: bool,
    /// The server, role and database (`postgres://alice@db.example:5432/governance`), or the file's path.
    pub location: String,
    /// What to type to connect to this team database again: the address with its TLS options,
    /// never with a password.
    pub address: Option<String>,
    /// The TLS version protecting a team connection ("TLSv1.3"); none when it is not encrypted.
    pub tls: Option<String>,
    /// The role the team database signed in, which it records as the author of every change.
    pub role: Option<String>,
    /// The groups the role belongs to on the server ("owner", "signatory", "reader").
    pub groups: Vec<String>,
    /// False when it could not be opened: every command then reports why.
    pub open: bool,
}

/// What changed in the team database since the window last asked; polled a few times a second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LiveStatus {
    /// Whether changes are watched: only a team database has other people's changes to show.
    pub watching: bool,
    /// Whether the connection to the team database is up (always true for a local file).
    pub connected: bool,
    /// Grows with every change seen; the next call passes it back as `since`.
    pub seq: u32,
    /// The ids of the frameworks changed after `since` (by anyone, this window included).
    pub changed: Vec<String>,
    /// Grows each time the connection comes back; changes made while it was lost were not seen.
    pub reconnects: u32,
}

/// A PDF the app wrote, for the "open it" button.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportedPdf {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// Characters the embedded font lacks, printed as a replacement mark.
    pub missing_glyphs: String,
    /// The fields whose text holds those characters, as the diff names them (`parties[cmo].title`).
    pub missing_in: Vec<String>,
    /// Who signed the file as a PDF ("Name, certificate 1a2b3c4d"), when it is signed.
    pub signed_by: Option<String>,
}

/// A sign-off made in the app, and the PDF with it, signed by the signatory, when one was saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SignedInApp {
    pub recorded: governance_core::store::RecordedSignOff,
    pub pdf: Option<ExportedPdf>,
}
