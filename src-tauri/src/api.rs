//! What crosses the IPC boundary besides the core types: the error shape and app facts.

use serde::Serialize;
use ts_rs::TS;

/// Every failed command rejects with this object, never a bare string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

impl From<governance_core::Error> for ApiError {
    fn from(e: governance_core::Error) -> Self {
        ApiError { code: e.code().to_owned(), message: e.to_string() }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub schema_version: u32,
}

/// A PDF the app wrote, for the "open it" button.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportedPdf {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// Characters the embedded font lacks, printed as a replacement mark.
    pub missing_glyphs: String,
}
