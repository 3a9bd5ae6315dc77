//! PDF rendering of published framework versions, from the domain types only (no SQL, no Tauri).
//!
//! [`render`] lays the report out (SPEC section 4) with its own table and grid layout on plain
//! printpdf pages, embeds subset DejaVu Sans faces, and finishes the file with lopdf: the
//! canonical JSON snapshot as an associated file, PDF/A-3b metadata and output intent, a nested
//! outline, and IDs derived from the content hash. The same input always gives the same bytes.
//! [`embedded_snapshot`] reads the attached snapshot back (for `governance verify`).

mod finish;
mod fonts;
mod icc;
mod layout;
mod sections;
mod style;
mod text;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

pub use sections::TITLES as SECTION_TITLES;

/// Everything a report shows. Only `published_at` supplies dates and times: the report never
/// reads the clock.
pub struct ReportInput<'a> {
    pub framework: &'a governance_core::Framework,
    /// Validation findings of this version; RACI findings appear under the RACI chart, the others at
    /// the end of the section they concern.
    pub findings: &'a [governance_core::Finding],
    pub version: u32,
    /// Publication time: the only date used anywhere, including the PDF metadata.
    pub published_at: DateTime<Utc>,
    pub author: &'a str,
    /// Change summary written by the publisher.
    pub summary: &'a str,
    /// Lowercase hex SHA-256 of `snapshot_json`.
    pub snapshot_sha256: &'a str,
    pub previous_sha256: Option<&'a str>,
    /// Changes since the previous version (empty for version 1).
    pub changes: &'a [governance_core::diff::Change],
    /// Sign-offs of this version; when empty, the sign-off page has empty signature lines for the
    /// review schedule's required signatories.
    pub signoffs: &'a [SignOffRow],
    /// The canonical JSON snapshot, embedded as the file attachment.
    pub snapshot_json: &'a [u8],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffRow {
    pub name: String,
    pub role: String,
    pub decision: governance_core::review::Decision,
    pub date: String,
    pub comment: String,
    pub version_hash: String,
}

#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: u32,
    /// Characters the font lacks (drawn as U+FFFD), sorted and deduplicated.
    pub missing_glyphs: Vec<char>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("invalid report input: {0}")]
    Input(String),
    #[error("font error: {0}")]
    Font(String),
    #[error("PDF error: {0}")]
    Pdf(String),
    #[error("not a Governance Workbench report: {0}")]
    NotAReport(String),
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Renders the report of one published version.
///
/// Fails when the hashes are not lowercase SHA-256 hex or when `snapshot_sha256` is not the hash
/// of `snapshot_json` (a report must never print a hash its attachment does not have).
pub fn render(input: &ReportInput) -> Result<Rendered, ReportError> {
    if !is_sha256_hex(input.snapshot_sha256) {
        return Err(ReportError::Input("snapshot_sha256 is not 64 lowercase hex digits".into()));
    }
    if let Some(p) = input.previous_sha256 {
        if !is_sha256_hex(p) {
            return Err(ReportError::Input("previous_sha256 is not 64 lowercase hex digits".into()));
        }
    }
    let actual = governance_core::version::sha256_hex(input.snapshot_json);
    if actual != input.snapshot_sha256 {
        return Err(ReportError::Input(format!(
            "snapshot_sha256 {} is not the hash of the snapshot ({actual})",
            input.snapshot_sha256
        )));
    }

    let mut doc = layout::Doc::new();
    sections::write(&mut doc, input);

    let fw = input.framework;
    let mut seed = Sha256::new();
    seed.update(b"governance-report/1\0");
    seed.update(input.snapshot_sha256.as_bytes());
    seed.update(input.version.to_be_bytes());
    let digest = seed.finalize();
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    let org = if fw.organisation.trim().is_empty() { String::new() } else { format!(" of {}", fw.organisation) };
    let meta = finish::Meta {
        title: format!("{}, version {}", fw.name, input.version),
        author: input.author,
        subject: format!(
            "Governance framework{org}: published version {}, {}",
            input.version,
            sections::fmt_datetime(&input.published_at)
        ),
        keywords: format!(
            "governance framework, autonomous marketing agents, compatibility matrix, RACI, version {}, sha256:{}",
            input.version, input.snapshot_sha256
        ),
        date: input.published_at,
        id,
        attachment_name: sections::attachment_name_for(&fw.id, input.version),
        attachment_desc: format!(
            "Canonical JSON snapshot of version {} (SHA-256 {}), the source of this document",
            input.version, input.snapshot_sha256
        ),
        snapshot: input.snapshot_json,
    };
    let pdf = finish::build_pdf(&doc, &meta)?;
    Ok(Rendered { pdf, pages: doc.pages.len() as u32, missing_glyphs: doc.text.missing.iter().copied().collect() })
}

/// Renders a stored version, from the store's [`ReportData`](governance_core::version::ReportData)
/// (`Store::report_data`): the adapter the app and the CLI use.
pub fn render_version(data: &governance_core::version::ReportData) -> Result<Rendered, ReportError> {
    let signoffs: Vec<SignOffRow> = data
        .signoffs
        .iter()
        .map(|s| SignOffRow {
            name: s.party_name.clone(),
            role: s.party_title.clone(),
            decision: s.decision,
            date: DateTime::parse_from_rfc3339(&s.signed_at)
                .map(|d| d.with_timezone(&Utc).format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_else(|_| s.signed_at.clone()),
            comment: s.comment.clone(),
            version_hash: s.version_sha256.clone(),
        })
        .collect();
    render(&ReportInput {
        framework: &data.framework,
        findings: &data.findings,
        version: data.info.number,
        published_at: data.published_at,
        author: &data.info.author,
        summary: &data.info.summary,
        snapshot_sha256: &data.info.sha256,
        previous_sha256: data.info.previous_sha256.as_deref(),
        changes: &data.changes,
        signoffs: &signoffs,
        snapshot_json: &data.snapshot,
    })
}

/// The canonical JSON snapshot attached to a report, byte for byte.
pub fn embedded_snapshot(pdf: &[u8]) -> Result<Vec<u8>, ReportError> {
    finish::read_attachment(pdf)
}
