//! Signing keys and signed sign-offs from the command line: `key new|register|show|import` and
//! `import-signoff`. A key file never touches the database: only its certificate is registered.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use governance_core::edit::{Edit, EditRequest};
use governance_core::signoff::{CertificateInfo, SignOffFile};
use governance_core::{Error, Store};
use governance_signing::{Certificate, KeyFile};

/// The environment variable a passphrase may come from instead of a prompt (scripts, CI).
pub const PASSPHRASE_ENV: &str = "GOVERNANCE_KEY_PASSPHRASE";

#[derive(Subcommand)]
pub enum KeyCommand {
    /// Make a new signing key (ECDSA P-256) and its certificate, in a passphrase-encrypted file.
    /// With --db, also register the certificate on the party (an edit, published with the next version).
    New {
        /// The signatory's party id.
        #[arg(long)]
        party: String,
        /// The signatory's full name, written into the certificate.
        #[arg(long)]
        name: String,
        /// Where to write the key file (it holds the encrypted private key and the certificate).
        #[arg(long, value_name = "KEYFILE")]
        out: PathBuf,
        #[arg(long)]
        framework: Option<String>,
    },
    /// Turn an organisation-issued PKCS#12 file (.p12/.pfx, RSA or ECDSA) into a key file, encrypted
    /// with the same passphrase.
    Import {
        #[arg(value_name = "FILE.p12")]
        p12: PathBuf,
        #[arg(long, value_name = "KEYFILE")]
        out: PathBuf,
    },
    /// Register a signing certificate (a PEM certificate or a key file) on a party: an edit like any other.
    Register {
        #[arg(long)]
        party: String,
        #[arg(long, value_name = "FILE")]
        cert: PathBuf,
        #[arg(long)]
        framework: Option<String>,
    },
    /// Show a key file's or a certificate's subject, fingerprint, key and validity.
    Show {
        #[arg(value_name = "KEYFILE")]
        file: PathBuf,
    },
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))
}

fn refused(e: governance_signing::Error) -> Error {
    Error::Refused(e.to_string())
}

/// The passphrase: from `GOVERNANCE_KEY_PASSPHRASE`, else asked for at the terminal (twice when
/// it protects a new file).
pub fn passphrase(prompt: &str, confirm: bool) -> Result<String, Error> {
    if let Ok(p) = std::env::var(PASSPHRASE_ENV) {
        return Ok(p);
    }
    let ask =
        |p: &str| rpassword::prompt_password(p).map_err(|e| Error::Io(format!("cannot read the passphrase: {e}")));
    let first = ask(prompt)?;
    if confirm && ask("Repeat the passphrase: ")? != first {
        return Err(Error::Refused("the two passphrases differ; nothing was written".into()));
    }
    Ok(first)
}

/// Reads a certificate from a PEM certificate file or from a key file (its certificate part).
fn certificate_in(path: &Path) -> Result<Certificate, Error> {
    let text = String::from_utf8(read(path)?)
        .map_err(|_| Error::Parse(format!("{} is not a PEM text file", path.display())))?;
    match KeyFile::parse(&text) {
        Ok(key) => Ok(key.certificate().clone()),
        Err(_) => governance_core::signoff::certificate(&text),
    }
}

fn print_certificate(c: &Certificate) {
    let info = CertificateInfo::of(c);
    println!("subject:     {}", info.subject);
    println!("key:         {}", info.key);
    println!("valid:       {} to {}", info.not_before, info.not_after);
    println!("fingerprint: SHA-256 {}", info.fingerprint);
}

/// Registers `cert` on `party` in the draft of the framework in `db`.
fn register(db: &str, framework: &Option<String>, party: &str, cert: &Certificate, actor: &str) -> Result<(), Error> {
    let mut store = crate::team::open(db)?;
    let id = match framework {
        Some(id) => id.clone(),
        None => store.sole_framework()?,
    };
    let edit = Edit::SetCertificate { party: party.to_owned(), certificate: Some(cert.to_pem()) };
    let out = store.apply(&EditRequest { framework: id.clone(), edit, expected_version: None }, actor)?;
    println!("{} in the draft of {id}; it takes effect for sign-offs once a version is published", out.label);
    Ok(())
}

/// Writes a new file, refusing to replace an existing one (a key file is not to be lost).
fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Refused(format!("{} exists; choose another path", path.display())));
    }
    governance_core::fsutil::write_atomically(path, text.as_bytes())
}

pub fn key(cmd: &KeyCommand, db: Option<&str>, actor: &str) -> Result<ExitCode, Error> {
    match cmd {
        KeyCommand::New { party, name, out, framework } => {
            let pass = passphrase("Passphrase for the new key file: ", true)?;
            let key = KeyFile::create(name, party, &pass, chrono::Utc::now()).map_err(refused)?;
            write_new(out, &key.to_pem())?;
            println!("wrote the key file {}", out.display());
            print_certificate(key.certificate());
            if let Some(db) = db {
                register(db, framework, party, key.certificate(), actor)?;
            }
        }
        KeyCommand::Import { p12, out } => {
            let pass = passphrase("Passphrase of the PKCS#12 file: ", false)?;
            let key = KeyFile::from_pkcs12(&read(p12)?, &pass).map_err(refused)?;
            write_new(out, &key.to_pem())?;
            println!("wrote the key file {} (encrypted with the same passphrase)", out.display());
            print_certificate(key.certificate());
        }
        KeyCommand::Register { party, cert, framework } => {
            let cert = certificate_in(cert)?;
            let db = db.map(str::to_owned).unwrap_or_else(governance_core::paths::default_location);
            register(&db, framework, party, &cert, actor)?;
            print_certificate(&cert);
        }
        KeyCommand::Show { file } => print_certificate(&certificate_in(file)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// Records the sign-off of a `.signoff` file, or the signed sign-offs of a report PDF that
/// verifies strictly.
pub fn import_signoff(store: &mut Store, file: &Path) -> Result<ExitCode, Error> {
    let signed = governance_report::signing::signed_statements(&read(file)?).map_err(|e| in_file(file, e))?;
    if signed.is_empty() {
        println!("{} holds no signed sign-off; nothing to record", file.display());
    }
    let today = chrono::Local::now().date_naive();
    for s in &signed {
        report_recorded(&store.record_signoff(s, today)?);
    }
    Ok(ExitCode::SUCCESS)
}

/// A report error about `file`, named in the message.
fn in_file(file: &Path, e: governance_report::ReportError) -> Error {
    Error::Refused(format!("{}: {e}", file.display()))
}

/// What `governance sign` signs.
pub struct SignArgs<'a> {
    pub file: &'a Path,
    pub key: &'a Path,
    pub decided: governance_core::signoff::Decided,
    pub out: &'a Path,
}

/// Signs a report PDF on any machine, with no database: the PDF must verify strictly; the
/// signatory's statement about its version is signed, the PDF is rendered again with that
/// sign-off added and signed as a PDF by the signatory, and a `.signoff` file is written beside it.
pub fn sign(args: &SignArgs) -> Result<ExitCode, Error> {
    let data = governance_report::signing::verified_data(&read(args.file)?).map_err(|e| in_file(args.file, e))?;
    let signer = unlock(args.key)?;
    let done = governance_report::signing::sign_off(data, &signer, &args.decided, chrono::Utc::now())
        .map_err(|e| in_file(args.file, e))?;
    governance_core::fsutil::write_atomically(args.out, &done.pdf)?;
    let signoff_file = args.out.with_extension("signoff");
    let text = SignOffFile::new(done.signed).to_pretty_json();
    governance_core::fsutil::write_atomically(&signoff_file, text.as_bytes())?;
    let s = &done.statement;
    println!(
        "signed version {} of {} as {} ({}): {}",
        s.version,
        s.framework,
        s.party,
        s.decision.label(),
        args.out.display()
    );
    println!("the sign-off alone: {}; import either with `governance import-signoff`", signoff_file.display());
    Ok(ExitCode::SUCCESS)
}

/// The signer of a key file, unlocked with the passphrase from the environment or a prompt.
fn unlock(key: &Path) -> Result<governance_signing::Signer, Error> {
    governance_core::store::unlock_key_file(key, &passphrase("Passphrase of your key file: ", false)?)
}

fn report_recorded(done: &governance_core::store::RecordedSignOff) {
    let s = &done.statement;
    let what = if done.recorded { "recorded" } else { "already recorded; kept once" };
    println!(
        "{what}: {} {} version {} of {} (review due {})",
        s.party,
        s.decision.label(),
        s.version,
        s.framework,
        s.cycle_due
    );
    match &done.status.last_completed {
        Some(c) if c.due == s.cycle_due => {
            println!("the review cycle due {} is complete on version {}", c.due, c.version_number)
        }
        _ => println!("waiting for: {}", done.status.waiting_for.join(", ")),
    }
}

/// Signs an exported report as a PDF (PAdES) by the person who exported it.
pub fn sign_export(pdf: &[u8], key: &Path, version: u32) -> Result<Vec<u8>, Error> {
    let reason = format!("Exported version {version}");
    governance_report::signing::seal(pdf, &unlock(key)?, chrono::Utc::now(), &reason)
        .map_err(|e| Error::Refused(e.to_string()))
}
