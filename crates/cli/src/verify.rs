//! `governance verify FILE.pdf`: the strict check of an exported report, which needs no
//! database. With `--db` it also checks the report against the store: the version and its hash,
//! the hash chain up to it, and the list of changes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use governance_core::version::ReportManifest;
use governance_core::{Error, Store};
use governance_report::{CheckKind, Outcome, Verdict, Verification};

/// Verifies `file`; exit code 0 only when VERIFIED.
pub(crate) fn run(file: &Path, db: Option<&str>) -> Result<ExitCode, Error> {
    let bytes = std::fs::read(file).map_err(|e| Error::Io(format!("cannot read {}: {e}", file.display())))?;
    let mut v = governance_report::verify(&bytes);
    if let Some(db) = db {
        if !governance_core::store::ServerAddress::is_server(db) && !Path::new(db).exists() {
            return Err(Error::NotFound(format!("there is no database at {db}")));
        }
        against_store(&mut v, &crate::team::open(db)?)?;
    }
    print(file, &v);
    Ok(if v.verdict() == Verdict::Verified { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The verdict on the first line, then each check on its own line.
fn print(file: &Path, v: &Verification) {
    let name = file.display();
    let mut out = String::new();
    match v.verdict() {
        Verdict::Verified => {
            let what = v.manifest.as_ref().map(|m| &m.version).map_or(String::new(), |i| {
                format!(" is version {} of {}, published {} by {},", i.number, i.framework, i.published_at, i.author)
            });
            let _ = writeln!(out, "VERIFIED: {name}{what} and every check below passed");
        }
        Verdict::NotVerified => {
            let why = v.first(Outcome::Failed).map_or("", |c| c.message.as_str());
            let _ = writeln!(out, "NOT VERIFIED: {name}: {why}");
        }
        Verdict::CannotVerify => {
            let why = v.first(Outcome::NotChecked).map_or("not every check could be made", |c| c.message.as_str());
            let _ = writeln!(
                out,
                "CANNOT VERIFY: {name}: {why}; nothing that was checked is wrong, but this is not a verification"
            );
        }
    }
    for c in &v.checks {
        let outcome = match c.outcome {
            Outcome::Passed => "passed",
            Outcome::Failed => "FAILED",
            Outcome::NotChecked => "not checked",
        };
        let _ = writeln!(out, "  {outcome:<12}{}", c.message);
    }
    // A closed pipe (`| head -1`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}

/// The checks against the store: the version with this hash, the chain up to it, the changes.
fn against_store(v: &mut Verification, store: &Store) -> Result<(), Error> {
    let Some(sha) = v.snapshot_sha256.clone() else {
        v.push(CheckKind::Database, Outcome::NotChecked, "the database was not consulted: the file has no snapshot");
        return Ok(());
    };
    let Some(stored) = store.version_by_hash(&sha)? else {
        let e = format!("no published version in the database has SHA-256 {sha}");
        v.push(CheckKind::Database, Outcome::Failed, e);
        return Ok(());
    };
    let (framework, number) = (stored.framework.clone(), stored.number);
    match v.manifest.as_ref().map(|m| &m.version) {
        Some(recorded) if recorded != &stored => v.push(
            CheckKind::Database,
            Outcome::Failed,
            format!(
                "the database has SHA-256 {sha} as version {number} of {framework}, but with other version facts \
                 (number, publication time, author, summary or previous hash) than the report records"
            ),
        ),
        _ => v.push(
            CheckKind::Database,
            Outcome::Passed,
            format!("the database has this snapshot as version {number} of {framework}, with the same SHA-256"),
        ),
    }
    let broken: Vec<String> = store
        .verify_versions()?
        .into_iter()
        .filter(|p| p.framework == framework && p.number <= number)
        .map(|p| format!("version {}: {}", p.number, p.message))
        .collect();
    if broken.is_empty() {
        let e = format!("the database's hash chain from version 1 to version {number} is intact");
        v.push(CheckKind::Database, Outcome::Passed, e);
    } else {
        let e = format!("the database's hash chain up to version {number} is broken: {}", broken.join("; "));
        v.push(CheckKind::Database, Outcome::Failed, e);
    }
    if let Some(manifest) = v.manifest.clone() {
        changes(v, store, &manifest, &framework, number)?;
    }
    Ok(())
}

/// The changes the report lists against the store's diff from the previous version.
fn changes(v: &mut Verification, store: &Store, m: &ReportManifest, framework: &str, number: u32) -> Result<(), Error> {
    let stored = if number > 1 { store.diff_versions(framework, number - 1, number)? } else { Vec::new() };
    if stored == m.changes {
        let e = format!("the {} change(s) listed are the database's diff from the previous version", stored.len());
        v.push(CheckKind::Database, Outcome::Passed, e);
        return Ok(());
    }
    let at = stored.iter().zip(&m.changes).position(|(a, b)| a != b).unwrap_or(stored.len().min(m.changes.len()));
    let path = m.changes.get(at).or(stored.get(at)).map_or("", |c| c.path.as_str());
    v.push(
        CheckKind::Database,
        Outcome::Failed,
        format!(
            "the report lists {} change(s), the database's diff from the previous version has {}; they first differ \
             at change {} ({path})",
            m.changes.len(),
            stored.len(),
            at + 1
        ),
    );
    Ok(())
}
