//! Reports and signatures together, for the CLI and the app alike: the data of a report that
//! verifies, the sign-offs a signed report or a `.signoff` file carries, a report signed as a
//! PDF by the person who writes it, and a report signed off by a signatory on any machine.

use chrono::{DateTime, Utc};
use governance_core::signoff::{record_of, Decided, SignOffFile, SignedStatement, Statement};
use governance_core::version::ReportData;
use governance_signing::Signer;

use crate::{render_version, verify, Outcome, ReportError, Verdict};

fn refused(e: impl std::fmt::Display) -> ReportError {
    ReportError::Refused(e.to_string())
}

/// The data a report PDF was rendered from, when the file verifies strictly; anything else is
/// refused with the first check that did not pass.
pub fn verified_data(pdf: &[u8]) -> Result<ReportData, ReportError> {
    let v = verify(pdf);
    if v.verdict() != Verdict::Verified {
        let why = v.checks.iter().find(|c| c.outcome != Outcome::Passed);
        return Err(ReportError::Refused(format!(
            "the PDF does not verify: {}",
            why.map_or("not every check could be made", |c| c.message.as_str())
        )));
    }
    let base = crate::base_revision(pdf)?;
    let snapshot = crate::embedded_snapshot(base)?;
    let manifest = v.manifest.ok_or_else(|| ReportError::NotAReport("a verified report has no manifest".into()))?;
    ReportData::from_manifest(manifest, snapshot).map_err(|e| ReportError::NotAReport(e.to_string()))
}

/// The signed sign-offs in a file: a `.signoff` file's one, or every signed sign-off of a
/// report PDF that verifies strictly (unsigned ones are never imported).
pub fn signed_statements(bytes: &[u8]) -> Result<Vec<SignedStatement>, ReportError> {
    if bytes.starts_with(b"%PDF-") {
        let data = verified_data(bytes)?;
        return Ok(data.signoffs.into_iter().filter_map(|s| s.signed).collect());
    }
    Ok(vec![SignOffFile::parse(bytes).map_err(refused)?.signed])
}

/// Signs a rendered report as a PDF (PAdES B-B, an incremental update) in `signer`'s name.
pub fn seal(pdf: &[u8], signer: &Signer, now: DateTime<Utc>, reason: &str) -> Result<Vec<u8>, ReportError> {
    let name = signer.certificate().common_name().unwrap_or_default();
    governance_signing::pdf::sign_pdf(pdf, signer, now, &name, reason).map_err(refused)
}

/// A report signed off by a signatory: the PDF and the signed statement it now carries.
pub struct SignedOff {
    pub pdf: Vec<u8>,
    pub statement: Statement,
    pub signed: SignedStatement,
}

/// Signs off the version a verified report shows, with no database: signs the statement,
/// renders the report again with the sign-off added (replacing the party's earlier one in the
/// same cycle, as the store keeps only the newest) and signs that PDF in the signatory's name.
/// The certificate must be the one the version registers for a party.
pub fn sign_off(
    mut data: ReportData,
    signer: &Signer,
    decided: &Decided,
    now: DateTime<Utc>,
) -> Result<SignedOff, ReportError> {
    let info = &data.info;
    let statement = Statement::for_version(
        &data.framework,
        info.number,
        &info.sha256,
        data.review_cycle_due,
        signer.certificate(),
        decided,
        now,
    )
    .map_err(refused)?;
    let signed = SignedStatement::sign(&statement, signer).map_err(refused)?;
    let record = record_of(&statement, &signed, &data.framework).map_err(refused)?;
    data.signoffs.retain(|s| !(s.party == statement.party && s.cycle_due == statement.cycle_due));
    data.signoffs.push(record);
    let rendered = render_version(&data)?;
    let reason = format!("Sign-off of version {}: {}", data.info.number, statement.decision.label());
    let pdf = seal(&rendered.pdf, signer, now, &reason)?;
    Ok(SignedOff { pdf, statement, signed })
}
