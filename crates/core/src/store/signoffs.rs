//! Signed sign-offs in the store: the statement a signatory is asked to sign, and recording a
//! signed statement once its signature, certificate, version and review cycle all hold.

use std::path::Path;

use super::db::{params, Db, OptionalExtension};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::base::{framework_row, Audit};
use super::review::{complete_cycle_if_done, last_completed};
use super::rows::{self, enc};
use super::{EditResult, Store};
use crate::edit::{Edit, EditRequest};
use crate::error::{Error, Result};
use crate::model::Framework;
use crate::review::{open_cycle_due, ReviewStatus};
use crate::signoff::{certificate, CertificateInfo, Decided, SignedStatement, Statement};
use crate::text::quoted;

/// What recording a signed sign-off did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordedSignOff {
    pub statement: Statement,
    /// False when this very sign-off was recorded before: it is kept once.
    pub recorded: bool,
    pub status: ReviewStatus,
}

impl Store {
    /// The statement the holder of `cert` would sign about version `version`, in the open review
    /// cycle, at `signed_at` (the signer's clock).
    pub fn statement_for(
        &self,
        framework: &str,
        version: u32,
        cert: &governance_signing::Certificate,
        decided: &Decided,
        signed_at: DateTime<Utc>,
    ) -> Result<Statement> {
        let fw = framework_row(&self.db, framework)?;
        let (info, snapshot) = self.version_framework(framework, version)?;
        let due = open_due(&self.db, fw)?;
        Statement::for_version(&snapshot, version, &info.sha256, due, cert, decided, signed_at)
    }

    /// Records a signed sign-off. It is accepted only when the statement is signed by the
    /// certificate registered for its party in the version it approves, names that version's
    /// exact snapshot hash and the open review cycle, and its party is a required signatory.
    /// Recording the same signed sign-off twice keeps it once.
    pub fn record_signoff(&mut self, signed: &SignedStatement, today: NaiveDate) -> Result<RecordedSignOff> {
        let statement = Statement::from_bytes(signed.statement.as_bytes())?;
        let (info, version) = self.version_framework(&statement.framework, statement.version)?;
        if info.sha256 != statement.snapshot_sha256 {
            return Err(Error::Refused(format!(
                "the sign-off approves content with SHA-256 {}, but version {} has {}",
                quoted(&statement.snapshot_sha256),
                statement.version,
                info.sha256
            )));
        }
        signed.verify(&registered_certificate(&version, &statement)?)?;
        let signature = signature_bytes(signed)?;
        let now = self.now();
        let tx = self.db.write()?;
        let fw = framework_row(&tx, &statement.framework)?;
        let recorded = !already_recorded(&tx, fw, &signature)?;
        if recorded {
            let schedule = rows::framework_parts(&tx, fw)?.review_schedule;
            check_cycle(&tx, fw, &statement, &schedule.required_signatories)?;
            let previous = previous_decision(&tx, fw, &statement)?;
            write(&tx, fw, &statement, signed, &signature, &version)?;
            let cert = certificate(&signed.certificate)?;
            let signer = format!("{} (certificate {})", statement.party, &cert.sha256_fingerprint()[..16]);
            let audit = Audit { at: &now, actor: self.actor(&signer), framework: &statement.framework };
            let mut what =
                format!("{} on version {}: {}", enc(&statement.decision), statement.version, statement.comment);
            if self.is_team() {
                // The actor is the signed-in role there; the row still names the signing certificate.
                what.push_str(&format!(" [signed by {signer}]"));
            }
            let entity = format!("signoff[{}]", statement.cycle_due);
            audit.row(&tx, &entity, &statement.party, previous.as_deref(), Some(&what))?;
            complete_cycle_if_done(&tx, fw, statement.cycle_due, &schedule.required_signatories, &audit)?;
        }
        tx.commit()?;
        let status = self.review_status(&statement.framework, today)?;
        Ok(RecordedSignOff { statement, recorded, status })
    }
}

impl Store {
    /// Signs the statement the key's holder makes about version `version`, with the key file at
    /// `key_file` unlocked by `passphrase`, and records it.
    #[allow(clippy::too_many_arguments)]
    pub fn sign_with_key_file(
        &mut self,
        framework: &str,
        version: u32,
        key_file: &Path,
        passphrase: &str,
        decided: &Decided,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordedSignOff> {
        let signer = unlock_key_file(key_file, passphrase)?;
        self.sign_as(&signer, framework, version, decided, now, today)
    }

    /// Signs the statement `signer` makes about version `version` and records it.
    pub fn sign_as(
        &mut self,
        signer: &governance_signing::Signer,
        framework: &str,
        version: u32,
        decided: &Decided,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<RecordedSignOff> {
        let statement = self.statement_for(framework, version, signer.certificate(), decided, now)?;
        let signed = SignedStatement::sign(&statement, signer)?;
        self.record_signoff(&signed, today)
    }
}

/// A new signing key, saved, with its certificate registered on its party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KeyCreated {
    /// Where the passphrase-encrypted key file was written.
    pub key_file: String,
    pub certificate: CertificateInfo,
    pub result: EditResult,
}

impl Store {
    /// Makes a new signing key for `party` (its certificate names `name`), writes the
    /// passphrase-encrypted key file to `key_file` (never over an existing file) and registers
    /// the certificate on the party. The private key never reaches the database.
    #[allow(clippy::too_many_arguments)]
    pub fn create_signing_key(
        &mut self,
        framework: &str,
        party: &str,
        name: &str,
        passphrase: &str,
        key_file: &Path,
        now: DateTime<Utc>,
        actor: &str,
        today: NaiveDate,
    ) -> Result<KeyCreated> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::Invalid(vec![crate::validate::Finding::error(
                crate::validate::Section::Parties,
                "passphrase",
                format!("Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters."),
            )]));
        }
        let key = governance_signing::KeyFile::create(name.trim(), party, passphrase, now)
            .map_err(|e| Error::Refused(format!("the key could not be made: {e}")))?;
        if key_file.exists() {
            return Err(Error::Refused(format!("{} exists; a key file is never overwritten", key_file.display())));
        }
        crate::fsutil::write_atomically(key_file, key.to_pem().as_bytes())?;
        let result = self.set_certificate(framework, party, key.certificate(), actor, today)?;
        Ok(KeyCreated {
            key_file: key_file.display().to_string(),
            certificate: CertificateInfo::of(key.certificate()),
            result,
        })
    }

    /// Registers the certificate in `file` (a PEM certificate, or a key file's certificate) on `party`.
    pub fn register_certificate_file(
        &mut self,
        framework: &str,
        party: &str,
        file: &Path,
        actor: &str,
        today: NaiveDate,
    ) -> Result<EditResult> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Error::Io(format!("cannot read {} as text: {e}", file.display())))?;
        let cert = match governance_signing::KeyFile::parse(&text) {
            Ok(key) => key.certificate().clone(),
            Err(_) => certificate(&text)?,
        };
        self.set_certificate(framework, party, &cert, actor, today)
    }

    fn set_certificate(
        &mut self,
        framework: &str,
        party: &str,
        cert: &governance_signing::Certificate,
        actor: &str,
        today: NaiveDate,
    ) -> Result<EditResult> {
        let edit = Edit::SetCertificate { party: party.to_owned(), certificate: Some(cert.to_pem()) };
        self.edit(&EditRequest { framework: framework.to_owned(), edit, expected_version: None }, actor, today)
    }
}

/// Shortest passphrase accepted for a new key file.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Reads a key file from disk and unlocks it; a wrong passphrase is refused.
pub fn unlock_key_file(path: &Path, passphrase: &str) -> Result<governance_signing::Signer> {
    read_key_file(path)?.unlock(passphrase).map_err(|e| Error::Refused(e.to_string()))
}

/// Reads a key file from disk.
pub fn read_key_file(path: &Path) -> Result<governance_signing::KeyFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Io(format!("cannot read the key file {}: {e}", path.display())))?;
    governance_signing::KeyFile::parse(&text)
        .map_err(|e| Error::Parse(format!("{} is not a signing key file: {e}", path.display())))
}

/// The due date of a framework's open review cycle.
pub(super) fn open_due(conn: &Db, fw: i64) -> Result<NaiveDate> {
    let schedule = rows::framework_parts(conn, fw)?.review_schedule;
    Ok(open_cycle_due(&schedule, last_completed(conn, fw)?.map(|c| c.due)))
}

/// The certificate registered for the statement's party in the version it approves.
fn registered_certificate(version: &Framework, statement: &Statement) -> Result<governance_signing::Certificate> {
    let party = version.parties.iter().find(|p| p.id == statement.party).ok_or_else(|| {
        Error::Refused(format!("{} is not a party of version {}", quoted(&statement.party), statement.version))
    })?;
    let pem = party.certificate.as_deref().ok_or_else(|| {
        Error::Refused(format!(
            "{} has no signing certificate in version {}; register one and publish before signing",
            party.name, statement.version
        ))
    })?;
    certificate(pem)
}

fn signature_bytes(signed: &SignedStatement) -> Result<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(signed.signature.trim())
        .map_err(|e| Error::Refused(format!("the sign-off's signature is not base64: {e}")))
}

fn already_recorded(conn: &Db, fw: i64, signature: &[u8]) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM signoffs WHERE framework = ?1 AND signature = ?2")?
        .query_row(params![fw, signature], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Refuses a statement for another cycle than the open one, or by a party that is not required.
fn check_cycle(conn: &Db, fw: i64, statement: &Statement, required: &[String]) -> Result<()> {
    let due = open_due(conn, fw)?;
    if statement.cycle_due != due {
        return Err(Error::Refused(format!(
            "the sign-off is for the review due {}, but the open review is due {due}",
            statement.cycle_due
        )));
    }
    if !required.contains(&statement.party) {
        return Err(Error::Refused(format!(
            "{} is not a required signatory of this framework's reviews",
            quoted(&statement.party)
        )));
    }
    Ok(())
}

/// The party's earlier decision in this cycle, as the audit log names it ("rejected on version 1").
fn previous_decision(conn: &Db, fw: i64, statement: &Statement) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT decision, version_number FROM signoffs WHERE framework = ?1 AND cycle_due = ?2 AND party = ?3",
        )?
        .query_row(params![fw, statement.cycle_due.to_string(), statement.party], |r| {
            Ok(format!("{} on version {}", r.get::<_, String>(0)?, r.get::<_, u32>(1)?))
        })
        .optional()?)
}

/// Stores the sign-off; a party's later sign-off in the same cycle replaces the earlier one
/// (the audit log keeps both).
fn write(
    conn: &Db,
    fw: i64,
    statement: &Statement,
    signed: &SignedStatement,
    signature: &[u8],
    version: &Framework,
) -> Result<()> {
    let party = version.parties.iter().find(|p| p.id == statement.party).expect("checked by registered_certificate");
    conn.execute(
        "INSERT INTO signoffs (framework, cycle_due, party, party_name, party_title, decision, comment, signed_at,
            version_number, version_sha256, statement, signature, certificate)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (framework, cycle_due, party) DO UPDATE SET party_name = excluded.party_name,
            party_title = excluded.party_title, decision = excluded.decision, comment = excluded.comment,
            signed_at = excluded.signed_at, version_number = excluded.version_number,
            version_sha256 = excluded.version_sha256, statement = excluded.statement,
            signature = excluded.signature, certificate = excluded.certificate",
        params![
            fw,
            statement.cycle_due.to_string(),
            statement.party,
            party.name,
            party.title,
            enc(&statement.decision),
            statement.comment,
            statement.signed_at,
            statement.version,
            statement.snapshot_sha256,
            signed.statement,
            signature,
            signed.certificate
        ],
    )?;
    Ok(())
}
