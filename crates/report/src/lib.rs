//! PDF rendering of published framework versions, from the domain types only (no SQL, no Tauri),
//! and the strict check of such a PDF.
//!
//! [`render_version`] lays the report of a [`ReportData`] out (SPEC section 4) with its own table
//! and grid layout on plain printpdf pages, embeds subset DejaVu Sans faces, and finishes the
//! file with lopdf: two associated files (the canonical JSON snapshot, and the report manifest
//! with everything else the pages are drawn from), PDF/A-3b metadata and output intent, a nested
//! outline, and IDs derived from the content hash. The pages are a function of those two files
//! alone: the same data always gives the same bytes.
//!
//! [`verify`] reads both files back, renders the pages again with the renderer of the recorded
//! report format ([`formats`]) and compares the result with the file byte for byte.

mod attachments;
mod certificate;
mod finish;
mod fonts;
pub mod formats;
mod icc;
mod layout;
mod sections;
mod shaping;
pub mod signing;
mod style;
mod text;
mod verify;

use governance_core::version::{ReportData, ReportManifest};
use sha2::{Digest, Sha256};

pub use certificate::fingerprint as certificate_fingerprint;
pub use sections::TITLES as SECTION_TITLES;
pub use verify::{base_revision, verify, Check, CheckKind, Outcome, Verdict, Verification};

#[derive(Debug, Clone)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: u32,
    /// Characters the font lacks (drawn as U+FFFD), sorted and deduplicated.
    pub missing_glyphs: Vec<char>,
    /// The fields whose text holds them (`parties[cmo].title`), so that they can be fixed.
    pub missing_in: Vec<String>,
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
    /// A signature or sign-off that cannot be made or accepted; the message says why.
    #[error("{0}")]
    Refused(String),
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Renders the report of one published version in the current report format.
///
/// Fails when the hashes are not lowercase SHA-256 hex, when the version's hash is not the hash
/// of the snapshot (a report must never print a hash its attachment does not have), or when the
/// publication time is not the one the version facts record (the manifest keeps only those).
pub fn render_version(data: &ReportData) -> Result<Rendered, ReportError> {
    let render = formats::renderer(formats::CURRENT).expect("the current format has a renderer");
    render(data)
}

/// Checks that `data` is what its manifest and snapshot will say it is.
fn check_input(data: &ReportData) -> Result<(), ReportError> {
    let info = &data.info;
    if !is_sha256_hex(&info.sha256) {
        return Err(ReportError::Input("the version's SHA-256 is not 64 lowercase hex digits".into()));
    }
    if info.previous_sha256.as_deref().is_some_and(|p| !is_sha256_hex(p)) {
        return Err(ReportError::Input("the previous version's SHA-256 is not 64 lowercase hex digits".into()));
    }
    let actual = governance_core::version::sha256_hex(&data.snapshot);
    if actual != info.sha256 {
        return Err(ReportError::Input(format!("SHA-256 {} is not the hash of the snapshot ({actual})", info.sha256)));
    }
    let recorded = chrono::DateTime::parse_from_rfc3339(&info.published_at).map(|d| d.to_utc());
    if recorded.ok() != Some(data.published_at) {
        return Err(ReportError::Input(format!(
            "the publication time {} is not the one the version records ({})",
            data.published_at.to_rfc3339(),
            governance_core::text::excerpt(&info.published_at)
        )));
    }
    Ok(())
}

/// Report format 2: the pages from `data` in DejaVu Sans alone, one glyph per character; the
/// snapshot and the manifest as associated files.
fn render_format_2(data: &ReportData) -> Result<Rendered, ReportError> {
    render_format(data, 2, text::Text::new())
}

/// Report format 3: as format 2, with text in every script (font fallback, bidi, shaping, line
/// breaks by UAX 14).
fn render_format_3(data: &ReportData) -> Result<Rendered, ReportError> {
    render_format(data, 3, text::Text::shaped())
}

/// Report format 4: as format 3, with the compliance rules, the coverage of the obligation
/// catalogues and the obligations each part answers.
fn render_format_4(data: &ReportData) -> Result<Rendered, ReportError> {
    render_format(data, 4, text::Text::shaped())
}

/// The pages from `data` with `text`'s way of setting text, as report format `FORMAT`.
#[allow(non_snake_case)]
fn render_format(data: &ReportData, FORMAT: u32, text: text::Text) -> Result<Rendered, ReportError> {
    check_input(data)?;
    let mut manifest = ReportManifest::new(data, FORMAT);
    // Formats before 4 cite no obligation, so their manifests hold no catalogues.
    if FORMAT < 4 {
        manifest.catalogues.clear();
    }
    let manifest = manifest.to_bytes();
    // The pages are drawn from the attachments read back as a verifier reads them, so that they
    // cannot show anything the file does not hold.
    let data = &ReportManifest::from_bytes(&manifest)
        .and_then(|m| ReportData::from_manifest(m, data.snapshot.clone()))
        .map_err(|e| ReportError::Input(format!("the report data does not read back from its attachments: {e}")))?;
    let mut doc = layout::Doc::new(FORMAT, text);
    sections::write(&mut doc, data);

    let (fw, info) = (&data.framework, &data.info);
    let mut seed = Sha256::new();
    seed.update(b"governance-report/1\0");
    seed.update(info.sha256.as_bytes());
    seed.update(info.number.to_be_bytes());
    let digest = seed.finalize();
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    let org = if fw.organisation.trim().is_empty() { String::new() } else { format!(" of {}", fw.organisation) };
    let meta = finish::Meta {
        title: format!("{}, version {}", fw.name, info.number),
        author: &info.author,
        subject: format!(
            "Governance framework{org}: published version {}, {}",
            info.number,
            sections::fmt_datetime(&data.published_at)
        ),
        keywords: format!(
            "governance framework, autonomous marketing agents, compatibility matrix, RACI, version {}, sha256:{}, report format {FORMAT}",
            info.number, info.sha256
        ),
        date: data.published_at,
        id,
        producer: formats::producer(FORMAT),
        files: vec![
            finish::Attachment {
                name: sections::attachment_name_for(&fw.id, info.number),
                desc: format!(
                    "Canonical JSON snapshot of version {} (SHA-256 {}), the source of this document",
                    info.number, info.sha256
                ),
                relationship: "Source",
                bytes: &data.snapshot,
            },
            finish::Attachment {
                name: sections::manifest_name_for(&fw.id, info.number),
                desc: format!(
                    "Report manifest of version {} (report format {FORMAT}): the version facts, changes, findings \
                     and sign-offs this document is rendered from",
                    info.number
                ),
                relationship: "Data",
                bytes: &manifest,
            },
        ],
    };
    let pdf = finish::build_pdf(&doc, &meta)?;
    let missing_glyphs: Vec<char> = doc.text.missing.iter().copied().collect();
    let missing_in = governance_core::scripts::fields_with(fw, &missing_glyphs);
    Ok(Rendered { pdf, pages: doc.pages.len() as u32, missing_glyphs, missing_in })
}

/// The canonical JSON snapshot attached to a report, byte for byte.
pub fn embedded_snapshot(pdf: &[u8]) -> Result<Vec<u8>, ReportError> {
    Ok(attachments::embedded(&attachments::load(pdf)?)?.snapshot)
}
