//! The strict check of a report PDF, without a database: read the snapshot and the manifest
//! back, check the snapshot's hash, check each sign-off as far as that is possible without
//! cryptography, render the pages again with the renderer of the recorded report format, and
//! compare the result with the file byte for byte.
//!
//! A [`Verification`] is a list of checks, each passed, failed or not checked; its [`Verdict`] is
//! VERIFIED only when every check passed and the snapshot hash and the pages were among them. A
//! check that could not be made (the pages of a format this app cannot render, a signature no
//! verifier has checked) therefore can never end in VERIFIED.

mod compare;
mod signoffs;

use governance_core::version::{sha256_hex, ReportData, ReportManifest};

use crate::{attachments, formats, ReportError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    /// The check could not be made; never counts as passed.
    NotChecked,
}

/// What a check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// The file is a complete PDF of ours whose attached files can be read.
    File,
    /// The report format is one this app renders.
    Format,
    /// The attached snapshot hashes to the SHA-256 the report records.
    SnapshotHash,
    /// The manifest is readable and the snapshot is the framework it names.
    Data,
    /// Sign-off number N (from 1): what can be checked without cryptography.
    SignOff(usize),
    /// The CMS signature of sign-off number N.
    Signature(usize),
    /// PDF signature number N (from 1): an incremental update holding only a signature.
    PdfSignature(usize),
    /// The file is the rendering of its own attached data, byte for byte.
    Pages,
    /// A check against a database (`governance verify --db`).
    Database,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub kind: CheckKind,
    pub outcome: Outcome,
    /// A sentence that says what was checked and what was found.
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Verified,
    /// Something checked was wrong.
    NotVerified,
    /// Nothing checked was wrong, but something could not be checked.
    CannotVerify,
}

#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// The report format the file records (1 for a file without a manifest).
    pub report_format: Option<u32>,
    /// The SHA-256 of the attached snapshot, when there is one.
    pub snapshot_sha256: Option<String>,
    /// The manifest, when it could be read.
    pub manifest: Option<ReportManifest>,
    /// The PDF signatures after the base revision, in the order they were added.
    pub pdf_signatures: Vec<governance_signing::pdf::PdfSignature>,
    pub checks: Vec<Check>,
}

impl Verification {
    pub fn verdict(&self) -> Verdict {
        let passed = |kind| self.checks.iter().any(|c| c.kind == kind && c.outcome == Outcome::Passed);
        if self.checks.iter().any(|c| c.outcome == Outcome::Failed) {
            Verdict::NotVerified
        } else if self.checks.iter().any(|c| c.outcome == Outcome::NotChecked)
            || !passed(CheckKind::SnapshotHash)
            || !passed(CheckKind::Pages)
        {
            Verdict::CannotVerify
        } else {
            Verdict::Verified
        }
    }

    pub fn push(&mut self, kind: CheckKind, outcome: Outcome, message: impl Into<String>) {
        self.checks.push(Check { kind, outcome, message: message.into() });
    }

    /// The first check with this outcome: the reason for a verdict.
    pub fn first(&self, outcome: Outcome) -> Option<&Check> {
        self.checks.iter().find(|c| c.outcome == outcome)
    }
}

/// The part of the file the renderer wrote: everything before the PDF signatures' incremental
/// updates (for an unsigned file, the whole file).
pub fn base_revision(pdf: &[u8]) -> Result<&[u8], ReportError> {
    governance_signing::pdf::base_revision(pdf).map_err(|e| ReportError::NotAReport(e.to_string()))
}

/// Checks a report PDF against its own attached data, and each PDF signature after it. Never
/// panics on bad input: what is wrong is a failed check.
pub fn verify(pdf: &[u8]) -> Verification {
    let mut v = Verification::default();
    if !pdf.starts_with(b"%PDF-") {
        let e = ReportError::NotAReport("the file is not a PDF (it does not start with %PDF-)".into());
        v.push(CheckKind::File, Outcome::Failed, e.to_string());
        return v;
    }
    match governance_signing::pdf::signatures(pdf) {
        Ok(sigs) => {
            base_checks(&mut v, sigs.base(pdf));
            signature_checks(&mut v, pdf, sigs);
        }
        Err(e) => {
            // The revisions cannot be told apart: the file is checked whole, which names what
            // is wrong with it, and it can never pass.
            base_checks(&mut v, pdf);
            v.push(CheckKind::File, Outcome::Failed, format!("the file's revisions cannot be read: {e}"));
        }
    }
    v
}

/// The checks of the base revision: the document the renderer wrote.
fn base_checks(v: &mut Verification, base: &[u8]) {
    let Some(eof) = base.windows(5).rposition(|w| w == b"%%EOF") else {
        let e =
            format!("the file is incomplete: its {} bytes have no %%EOF end marker (was it truncated?)", base.len());
        v.push(CheckKind::File, Outcome::Failed, e);
        return;
    };
    let (document, tail) = base.split_at(eof + 5);
    document_checks(v, document);
    // Listed last, so that a difference in the pages, if any, is named first.
    if !tail.is_empty() {
        let e = match tail {
            b"\n" | b"\r\n" | b"\r" => "the file has an end-of-line after its %%EOF that the renderer never writes \
                                       (it was saved again by another program)"
                .to_owned(),
            _ => format!(
                "{} bytes follow the end of the document (its %%EOF at byte {eof}); they are not a signature revision",
                tail.len()
            ),
        };
        v.push(CheckKind::File, Outcome::Failed, e);
    }
}

/// One check per PDF signature, and a failed check for anything else after the base revision.
fn signature_checks(v: &mut Verification, pdf: &[u8], sigs: governance_signing::pdf::PdfSignatures) {
    let snapshot = v.manifest.as_ref().and_then(|_| embedded_framework(pdf));
    for (i, s) in sigs.revisions.iter().enumerate() {
        let n = i + 1;
        let who = signer_words(s, snapshot.as_ref());
        let (outcome, how) = match (s.intact, s.exact_update, &s.problem) {
            (true, true, _) => (Outcome::Passed, "intact, and its update adds only the signature".to_owned()),
            (_, _, Some(problem)) => (Outcome::Failed, problem.clone()),
            (false, _, None) => (Outcome::Failed, "its signature does not hold over the signed bytes".to_owned()),
            (true, false, None) => (Outcome::Failed, "its update changes more than a signature".to_owned()),
        };
        v.push(CheckKind::PdfSignature(n), outcome, format!("PDF signature {n}, {who}: {how}"));
    }
    for r in &sigs.other_updates {
        let what = format!("bytes {} to {} after the report are not a signature revision", r.start, r.end);
        v.push(CheckKind::File, Outcome::Failed, what);
    }
    v.pdf_signatures = sigs.revisions;
}

/// The framework in the base revision's snapshot attachment, to name signers by party.
fn embedded_framework(pdf: &[u8]) -> Option<governance_core::Framework> {
    let base = governance_signing::pdf::base_revision(pdf).ok()?;
    let embedded = attachments::embedded(&attachments::load(base).ok()?).ok()?;
    governance_core::interchange::parse(&embedded.snapshot).ok()
}

/// "by Eleanor Voss (certificate 3f2a…, registered for party legal-counsel), at 2026-11-29
/// 14:02 UTC by the signer's clock, reason "Sign-off of version 1: Approved"".
fn signer_words(s: &governance_signing::pdf::PdfSignature, fw: Option<&governance_core::Framework>) -> String {
    let name = if s.name.is_empty() { "an unnamed signer".to_owned() } else { s.name.clone() };
    let cert = match &s.certificate {
        // The signing crate reads the certificate only from a CMS that verifies.
        None => "no certificate that its signature verifies with".to_owned(),
        Some(c) => {
            let party = fw.and_then(|fw| governance_core::signoff::registered_party(fw, c));
            let registered = match party {
                Some(p) => format!("registered for party {}", p.id),
                None => "not registered for any party of this version".to_owned(),
            };
            format!("certificate {}, {registered}", &c.sha256_fingerprint()[..16])
        }
    };
    let when =
        s.when.map(|t| format!(", at {} by the signer's clock", t.format("%Y-%m-%d %H:%M UTC"))).unwrap_or_default();
    let reason = if s.reason.is_empty() {
        String::new()
    } else {
        format!(", reason \"{}\"", governance_core::text::excerpt(&s.reason))
    };
    format!("by {name} ({cert}){when}{reason}")
}

/// The checks of the document, up to its %%EOF.
fn document_checks(v: &mut Verification, document: &[u8]) {
    let parsed = attachments::load(document).and_then(|d| Ok((attachments::embedded(&d)?, d)));
    let (embedded, doc) = match parsed {
        Ok(p) => p,
        Err(e) => return v.push(CheckKind::File, Outcome::Failed, e.to_string()),
    };
    let sha = sha256_hex(&embedded.snapshot);
    v.snapshot_sha256 = Some(sha.clone());
    let holds =
        if embedded.manifest.is_some() { "a framework snapshot and a report manifest" } else { "a framework snapshot" };
    v.push(CheckKind::File, Outcome::Passed, format!("the file is a PDF with {holds} attached"));
    match embedded.manifest {
        None => unrenderable(v, &doc, 1, &sha),
        Some(manifest) => with_manifest(v, &doc, document, &manifest, embedded.snapshot),
    }
}

/// A report whose pages this app cannot render: format 1 (no manifest) or an unknown format.
/// What can be checked is the snapshot against the hash the document's keywords record.
fn unrenderable(v: &mut Verification, doc: &lopdf::Document, number: u32, sha: &str) {
    v.report_format = Some(number);
    let why = match formats::format(number) {
        Some(f) => format!("this app cannot compare the pages: report format {number} was {}", f.about),
        None => format!("this app cannot compare the pages: report format {number} is newer than this app"),
    };
    v.push(CheckKind::Format, Outcome::NotChecked, why);
    match recorded_hash(doc) {
        Some(recorded) if recorded == sha => v.push(
            CheckKind::SnapshotHash,
            Outcome::Passed,
            format!("the attached snapshot's SHA-256 {sha} is the one the document's keywords record"),
        ),
        Some(recorded) => v.push(
            CheckKind::SnapshotHash,
            Outcome::Failed,
            format!("the attached snapshot's SHA-256 is {sha}, but the document's keywords record {recorded}"),
        ),
        None => v.push(
            CheckKind::SnapshotHash,
            Outcome::NotChecked,
            format!("the attached snapshot's SHA-256 is {sha}; the document records no hash to compare it with"),
        ),
    }
}

/// The `sha256:` hash in the document information's keywords (written by every format).
fn recorded_hash(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok().and_then(|o| doc.dereference(o).ok()).map(|(_, o)| o)?;
    let keywords = info.as_dict().ok()?.get(b"Keywords").ok()?.as_str().ok()?;
    let keywords = String::from_utf8_lossy(keywords);
    let at = keywords.find("sha256:")? + "sha256:".len();
    Some(keywords[at..].chars().take_while(char::is_ascii_hexdigit).collect())
}

/// Format 2 and later: the manifest, the hash, the sign-offs, and the pages rendered again.
fn with_manifest(v: &mut Verification, doc: &lopdf::Document, document: &[u8], manifest: &[u8], snapshot: Vec<u8>) {
    let number = match ReportManifest::format_of(manifest) {
        Ok(n) => n,
        Err(e) => return v.push(CheckKind::Data, Outcome::Failed, format!("the attached manifest: {e}")),
    };
    v.report_format = Some(number);
    let Some(render) = formats::renderer(number) else {
        let sha = v.snapshot_sha256.clone().unwrap_or_default();
        return unrenderable(v, doc, number, &sha);
    };
    v.push(CheckKind::Format, Outcome::Passed, format!("report format {number}, which this app renders"));
    let manifest = match ReportManifest::from_bytes(manifest) {
        Ok(m) => m,
        Err(e) => return v.push(CheckKind::Data, Outcome::Failed, format!("the attached manifest: {e}")),
    };
    v.manifest = Some(manifest.clone());
    let (sha, named) = (v.snapshot_sha256.clone().unwrap_or_default(), &manifest.version.sha256);
    if &sha != named {
        let e = format!("the attached snapshot's SHA-256 is {sha}, but the manifest and the cover name {named}");
        return v.push(CheckKind::SnapshotHash, Outcome::Failed, e);
    }
    v.push(CheckKind::SnapshotHash, Outcome::Passed, format!("the attached snapshot's SHA-256 is {sha}, as recorded"));
    let data = match ReportData::from_manifest(manifest, snapshot) {
        Ok(d) => d,
        Err(e) => return v.push(CheckKind::Data, Outcome::Failed, e.to_string()),
    };
    let info = &data.info;
    v.push(
        CheckKind::Data,
        Outcome::Passed,
        format!(
            "the snapshot is version {} of {}, published {} by {}",
            info.number,
            governance_core::text::quoted(&info.framework),
            info.published_at,
            governance_core::text::quoted(&info.author)
        ),
    );
    signoffs::check(v, &data);
    pages(v, render, &data, document);
}

/// Renders the data again and compares it with the file.
fn pages(v: &mut Verification, render: formats::Renderer, data: &ReportData, document: &[u8]) {
    match render(data) {
        Err(e) => v.push(CheckKind::Pages, Outcome::Failed, format!("the attached data cannot be rendered: {e}")),
        Ok(fresh) if fresh.pdf == document => v.push(
            CheckKind::Pages,
            Outcome::Passed,
            format!("all {} pages are, byte for byte, the rendering of the attached data", fresh.pages),
        ),
        Ok(fresh) => v.push(CheckKind::Pages, Outcome::Failed, compare::first_difference(&fresh.pdf, document)),
    }
}
