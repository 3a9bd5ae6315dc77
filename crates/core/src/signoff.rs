//! What a signatory signs (SPEC 3): one decision on one published version in one review cycle,
//! as a canonical statement, and the signed result as it travels between machines.
//!
//! The statement's bytes are what the detached CMS signature covers, so they are written in one
//! canonical form (compact JSON, fields in declaration order) and kept exactly as signed.

/// The unlocked key a signatory signs with (from the signing crate), for callers of core.
pub use governance_signing::Signer;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::Framework;
use crate::review::Decision;

/// What a statement says it is.
pub const STATEMENT_KIND: &str = "governance-workbench/sign-off-statement";
/// The version of the statement's form.
pub const STATEMENT_VERSION: u32 = 1;
/// What a `.signoff` file says it is.
pub const SIGNOFF_FILE_FORMAT: &str = "governance-workbench/signoff";
pub const SIGNOFF_FILE_VERSION: u32 = 1;

/// One signatory's decision on one published version, as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub kind: String,
    pub statement_version: u32,
    pub framework: String,
    /// The published version's number and the SHA-256 of its snapshot: the exact content approved.
    pub version: u32,
    pub snapshot_sha256: String,
    /// The review cycle, named by its due date.
    #[ts(type = "string")]
    pub cycle_due: NaiveDate,
    pub party: String,
    pub decision: Decision,
    pub comment: String,
    /// RFC 3339, UTC, to the second, from the signer's own clock.
    pub signed_at: String,
}

/// What a signatory decides, before it becomes a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Decided {
    pub decision: Decision,
    pub comment: String,
}

impl Statement {
    /// The statement the holder of `certificate` makes about version `version` (snapshot hash
    /// `sha256`) of `fw` in the review cycle due `cycle_due`. The party is the one whose
    /// registered certificate this is; a certificate registered for nobody is refused, so nobody
    /// can sign in someone else's name.
    #[allow(clippy::too_many_arguments)]
    pub fn for_version(
        fw: &Framework,
        version: u32,
        sha256: &str,
        cycle_due: NaiveDate,
        certificate: &governance_signing::Certificate,
        decided: &Decided,
        signed_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Statement> {
        let party = registered_party(fw, certificate).ok_or_else(|| {
            Error::Refused(format!(
                "the certificate {} is not registered for any party of version {version}; register it on your party and publish before signing",
                certificate.sha256_fingerprint()
            ))
        })?;
        let comment = decided.comment.trim().to_owned();
        if let Some(problem) = crate::validate::text_problem(crate::validate::TextKind::FreeText, "comment", &comment) {
            return Err(Error::Invalid(vec![crate::validate::Finding::error(
                crate::validate::Section::ReviewSchedule,
                "comment",
                problem,
            )]));
        }
        if decided.decision != Decision::Approved && comment.is_empty() {
            return Err(Error::Invalid(vec![crate::validate::Finding::error(
                crate::validate::Section::ReviewSchedule,
                "comment",
                format!("\"{}\" needs a comment that says why.", decided.decision.label()),
            )]));
        }
        Ok(Statement {
            kind: STATEMENT_KIND.to_owned(),
            statement_version: STATEMENT_VERSION,
            framework: fw.id.clone(),
            version,
            snapshot_sha256: sha256.to_owned(),
            cycle_due,
            party: party.id.clone(),
            decision: decided.decision,
            comment,
            signed_at: signed_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
    }

    /// The canonical bytes: what the signature covers.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a statement serialises")
    }

    /// Reads a statement, refusing anything that is not exactly its canonical form (so that two
    /// spellings of one decision never carry different signatures).
    pub fn from_bytes(bytes: &[u8]) -> Result<Statement> {
        let statement: Statement = serde_json::from_slice(bytes)
            .map_err(|e| Error::Parse(format!("the sign-off statement is not readable: {e}")))?;
        if statement.kind != STATEMENT_KIND || statement.statement_version != STATEMENT_VERSION {
            return Err(Error::Parse(format!(
                "this is not a sign-off statement this app reads ({} version {})",
                crate::text::quoted(&statement.kind),
                statement.statement_version
            )));
        }
        if statement.to_bytes() != bytes {
            return Err(Error::Parse("the sign-off statement is not in its canonical form".into()));
        }
        Ok(statement)
    }
}

/// A statement with its detached signature and the signer's certificate: what a `.signoff` file
/// carries, what the store keeps and what a PDF embeds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SignedStatement {
    /// The statement's exact bytes (its canonical JSON), as signed.
    pub statement: String,
    /// The detached CMS SignedData over `statement`, DER, in base64.
    pub signature: String,
    /// The signer's X.509 certificate, PEM.
    pub certificate: String,
}

impl SignedStatement {
    /// Signs `statement` with the signatory's unlocked key.
    pub fn sign(statement: &Statement, signer: &governance_signing::Signer) -> Result<SignedStatement> {
        use base64::Engine;
        let bytes = statement.to_bytes();
        let cms = signer
            .sign_detached(&bytes, &governance_signing::SignOptions::default())
            .map_err(|e| Error::Refused(format!("the sign-off could not be signed: {e}")))?;
        Ok(SignedStatement {
            statement: String::from_utf8(bytes).expect("JSON is UTF-8"),
            signature: base64::engine::general_purpose::STANDARD.encode(cms),
            certificate: signer.certificate().to_pem(),
        })
    }

    /// The statement, once its signature is checked and made with `registered`, the certificate
    /// registered for the statement's party. Anything else is refused with the reason.
    pub fn verify(&self, registered: &governance_signing::Certificate) -> Result<Statement> {
        use base64::Engine;
        let statement = Statement::from_bytes(self.statement.as_bytes())?;
        let cms = base64::engine::general_purpose::STANDARD
            .decode(self.signature.trim())
            .map_err(|e| Error::Refused(format!("the sign-off's signature is not base64: {e}")))?;
        let carried = certificate(&self.certificate)?;
        if carried != *registered {
            return Err(Error::Refused(format!(
                "the sign-off was signed with the certificate {}, but {} is registered for {} in version {}",
                carried.sha256_fingerprint(),
                registered.sha256_fingerprint(),
                crate::text::quoted(&statement.party),
                statement.version
            )));
        }
        governance_signing::verify_detached_with(self.statement.as_bytes(), &cms, registered)
            .map_err(|e| Error::Refused(format!("the sign-off's signature does not hold: {e}")))?;
        Ok(statement)
    }
}

/// What a person checks about a signing certificate before trusting it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CertificateInfo {
    /// SHA-256 over the certificate's DER, lowercase hex: what `openssl x509 -fingerprint -sha256` shows.
    pub fingerprint: String,
    pub subject: String,
    /// "ECDSA P-256", "RSA 2048".
    pub key: String,
    /// Validity, RFC 3339 UTC.
    pub not_before: String,
    pub not_after: String,
}

impl CertificateInfo {
    pub fn of(cert: &governance_signing::Certificate) -> CertificateInfo {
        let time = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        CertificateInfo {
            fingerprint: cert.sha256_fingerprint(),
            subject: cert.subject(),
            key: cert.key_kind().to_string(),
            not_before: time(cert.not_before()),
            not_after: time(cert.not_after()),
        }
    }
}

/// The readable certificates of a framework's parties, by party id.
pub fn certificate_infos(fw: &crate::model::Framework) -> std::collections::BTreeMap<String, CertificateInfo> {
    fw.parties
        .iter()
        .filter_map(|p| {
            let cert = certificate(p.certificate.as_deref()?).ok()?;
            Some((p.id.clone(), CertificateInfo::of(&cert)))
        })
        .collect()
}

/// The party of `fw` whose registered certificate is `certificate`.
pub fn registered_party<'a>(
    fw: &'a Framework,
    certificate: &governance_signing::Certificate,
) -> Option<&'a crate::model::Party> {
    fw.parties
        .iter()
        .find(|p| p.certificate.as_deref().and_then(|pem| self::certificate(pem).ok()).as_ref() == Some(certificate))
}

/// A certificate read from PEM, with a readable error.
pub fn certificate(pem: &str) -> Result<governance_signing::Certificate> {
    governance_signing::Certificate::from_pem(pem)
        .map_err(|e| Error::Parse(format!("the signing certificate is not readable: {e}")))
}

/// The sign-off record a signed statement makes, naming its party as the version knows it.
pub fn record_of(statement: &Statement, signed: &SignedStatement, fw: &Framework) -> Result<crate::review::SignOff> {
    let party = fw.parties.iter().find(|p| p.id == statement.party).ok_or_else(|| {
        Error::Refused(format!(
            "{} is not a party of version {}",
            crate::text::quoted(&statement.party),
            statement.version
        ))
    })?;
    Ok(crate::review::SignOff {
        cycle_due: statement.cycle_due,
        party: party.id.clone(),
        party_name: party.name.clone(),
        party_title: party.title.clone(),
        decision: statement.decision,
        comment: statement.comment.clone(),
        signed_at: statement.signed_at.clone(),
        version_number: statement.version,
        version_sha256: statement.snapshot_sha256.clone(),
        signed: Some(signed.clone()),
    })
}

/// A `.signoff` file: one signed statement, for carrying a sign-off from one machine to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOffFile {
    pub format: String,
    pub format_version: u32,
    pub signed: SignedStatement,
}

impl SignOffFile {
    pub fn new(signed: SignedStatement) -> SignOffFile {
        SignOffFile { format: SIGNOFF_FILE_FORMAT.to_owned(), format_version: SIGNOFF_FILE_VERSION, signed }
    }

    pub fn to_pretty_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a sign-off file serialises");
        s.push('\n');
        s
    }

    pub fn parse(bytes: &[u8]) -> Result<SignOffFile> {
        let file: SignOffFile =
            serde_json::from_slice(bytes).map_err(|e| Error::Parse(format!("this is not a sign-off file: {e}")))?;
        if file.format != SIGNOFF_FILE_FORMAT || file.format_version != SIGNOFF_FILE_VERSION {
            return Err(Error::Parse(format!(
                "this is not a sign-off file this app reads ({} version {})",
                crate::text::quoted(&file.format),
                file.format_version
            )));
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> Statement {
        Statement {
            kind: STATEMENT_KIND.into(),
            statement_version: STATEMENT_VERSION,
            framework: "larkspur".into(),
            version: 2,
            snapshot_sha256: "ab".repeat(32),
            cycle_due: "2027-01-15".parse().unwrap(),
            party: "legal".into(),
            decision: Decision::ApprovedWithComments,
            comment: "Approved; \"quote\" and émoji 🙂 kept".into(),
            signed_at: "2026-11-29T12:00:00Z".into(),
        }
    }

    #[test]
    fn a_statement_reads_back_from_its_canonical_bytes_only() {
        let s = statement();
        let bytes = s.to_bytes();
        assert_eq!(Statement::from_bytes(&bytes).unwrap(), s);
        let spaced = String::from_utf8(bytes.clone()).unwrap().replacen(",", ", ", 1);
        assert!(Statement::from_bytes(spaced.as_bytes()).unwrap_err().to_string().contains("canonical"));
        let other = String::from_utf8(bytes).unwrap().replace(STATEMENT_KIND, "something-else");
        assert!(Statement::from_bytes(other.as_bytes()).is_err());
    }

    #[test]
    fn a_sign_off_file_round_trips_and_refuses_other_formats() {
        let file = SignOffFile::new(SignedStatement {
            statement: String::from_utf8(statement().to_bytes()).unwrap(),
            signature: "MIIB".into(),
            certificate: "-----BEGIN CERTIFICATE-----\n...".into(),
        });
        assert_eq!(SignOffFile::parse(file.to_pretty_json().as_bytes()).unwrap(), file);
        let wrong = file.to_pretty_json().replace(SIGNOFF_FILE_FORMAT, "x");
        assert!(SignOffFile::parse(wrong.as_bytes()).is_err());
    }
}
