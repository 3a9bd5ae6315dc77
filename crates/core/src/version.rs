//! Published versions as domain types: what a version is, its hash, and everything the PDF of a
//! version shows. The store produces these; the report reads them without knowing the store.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::diff::Change;
use crate::model::Framework;

/// A published version, without its snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VersionInfo {
    pub framework: String,
    pub number: u32,
    /// RFC 3339, UTC.
    pub published_at: String,
    pub author: String,
    pub summary: String,
    pub sha256: String,
    pub previous_sha256: Option<String>,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything the PDF of one published version shows, as domain types.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    pub info: VersionInfo,
    pub framework: Framework,
    /// Validation findings of the version, as of its publication date.
    pub findings: Vec<crate::validate::Finding>,
    /// Changes since the previous version (empty for version 1).
    pub changes: Vec<Change>,
    pub signoffs: Vec<crate::review::SignOff>,
    /// The canonical JSON snapshot, exactly the bytes hashed.
    pub snapshot: Vec<u8>,
    pub published_at: chrono::DateTime<chrono::Utc>,
}
