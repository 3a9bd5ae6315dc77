//! Signing keys, signed sign-offs and PDF signatures through the `governance` command, checked
//! with other people's tools: poppler's `pdfsig`, pyHanko, `qpdf --check` and `openssl cms`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use governance_core::review::Decision;
use governance_core::signoff::{record_of, SignOffFile, SignedStatement, Statement, STATEMENT_KIND, STATEMENT_VERSION};
use governance_core::Store;
use lopdf::{Document, IncrementalDocument, Object};

mod common;
use common::{governance, ok, tool, tool_ok, PASSPHRASE, TEMPLATE};

const FRAMEWORK: &str = "larkspur-marketing-agents";

/// The error a refused command printed, after checking it exited with code 1.
fn refused(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{}{err}", String::from_utf8_lossy(&o.stdout));
    assert!(err.starts_with("error: "), "{err}");
    err
}

fn s(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// A database with the starter framework, signing keys for legal counsel and the CMO registered
/// on their parties, version 1 published and exported (unsigned) as `v1.pdf`.
struct Office {
    dir: tempfile::TempDir,
    db: PathBuf,
    legal: PathBuf,
    cmo: PathBuf,
    v1: PathBuf,
}

impl Office {
    fn new() -> Office {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("office.db");
        ok(&governance(Some(&db), &["import", TEMPLATE]));
        let key = |party: &str, name: &str| {
            let file = dir.path().join(format!("{party}.key"));
            let out = ok(&governance(Some(&db), &["key", "new", "--party", party, "--name", name, "--out", s(&file)]));
            assert!(out.contains(&format!("Registered the signing certificate of {name}")), "{out}");
            file
        };
        let (legal, cmo) = (key("legal-counsel", "Eleanor Voss"), key("cmo", "Dana Okafor"));
        ok(&governance(Some(&db), &["publish", "--summary", "First published framework"]));
        let v1 = dir.path().join("v1.pdf");
        ok(&governance(Some(&db), &["export-pdf", "--version", "1", "--out", s(&v1)]));
        Office { dir, db, legal, cmo, v1 }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    fn sha256(&self) -> String {
        self.store().versions(FRAMEWORK).unwrap()[0].sha256.clone()
    }
}

/// A key file's certificate as PEM, and its SHA-256 fingerprint.
fn certificate(key: &Path) -> (String, String) {
    let file = governance_signing::KeyFile::parse(&std::fs::read_to_string(key).unwrap()).unwrap();
    (file.certificate().to_pem(), file.certificate().sha256_fingerprint())
}

/// Signs `pdf` with `key` the way a signatory does on their own machine: no --db, and a default
/// database path that must stay untouched.
fn sign_elsewhere(pdf: &Path, key: &Path, decision: &[&str], out: &Path) -> Output {
    let absent = out.with_file_name("no-database-here.db");
    let mut args = vec!["sign", s(pdf), "--key", s(key)];
    args.extend(decision);
    args.extend(["--out", s(out)]);
    let o = Command::new(env!("CARGO_BIN_EXE_governance"))
        .args(&args)
        .env("GOVERNANCE_KEY_PASSPHRASE", PASSPHRASE)
        .env("GOVERNANCE_DB", &absent)
        .output()
        .unwrap();
    assert!(!absent.exists(), "sign opens no database");
    o
}

/// `governance verify FILE` without a database: its standard output, after checking the code.
fn verify(file: &Path, code: i32) -> String {
    let o = governance(None, &["verify", s(file)]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(code), "{out}{}", String::from_utf8_lossy(&o.stderr));
    out
}

/// pdfsig, pyHanko (the signer's certificate as the only trust anchor) and qpdf all accept
/// `pdf` as signed once, by the holder of `key`.
fn assert_signed_for_other_tools(pdf: &Path, key: &Path, common_name: &str) {
    let pdfsig = tool_ok("pdfsig", &[s(pdf)]);
    assert_eq!(pdfsig.matches("Signature #").count(), 1, "{pdfsig}");
    assert!(pdfsig.contains("Signature Validation: Signature is Valid."), "{pdfsig}");
    assert!(pdfsig.contains(&format!("Signer Certificate Common Name: {common_name}")), "{pdfsig}");
    assert!(pdfsig.contains("Signature Type: ETSI.CAdES.detached") && pdfsig.contains("Total document signed"));

    let (pem, fingerprint) = certificate(key);
    let trust = pdf.with_extension("trust.pem");
    std::fs::write(&trust, pem).unwrap();
    let args = ["sign", "validate", "--no-revocation-check", "--trust", s(&trust), "--trust-replace", s(pdf)];
    let pyhanko = tool_ok("pyhanko", &args);
    assert_eq!(pyhanko.trim(), format!("Signature1:{fingerprint}:INTACT:TRUSTED,UNTOUCHED"), "{pyhanko}");

    let qpdf = tool_ok("qpdf", &["--check", s(pdf)]);
    assert!(qpdf.contains("No syntax or stream encoding errors found"), "{qpdf}");
}

/// Checks a `.signoff` file's statement and signature with `openssl cms -verify`, the
/// certificate of `key` as the trust anchor; returns the statement's JSON.
fn openssl_verifies(signoff: &Path, key: &Path) -> serde_json::Value {
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(signoff).unwrap()).unwrap();
    let (statement, signature) = (signoff.with_extension("json"), signoff.with_extension("der"));
    std::fs::write(&statement, file["signed"]["statement"].as_str().unwrap()).unwrap();
    let b64 = signoff.with_extension("b64");
    std::fs::write(&b64, file["signed"]["signature"].as_str().unwrap()).unwrap();
    tool_ok("openssl", &["base64", "-d", "-A", "-in", s(&b64), "-out", s(&signature)]);
    let ca = signoff.with_extension("ca.pem");
    std::fs::write(&ca, certificate(key).0).unwrap();
    let cms = ["cms", "-verify", "-binary", "-inform", "DER", "-in", s(&signature), "-content", s(&statement)];
    let out = tool_ok("openssl", &[&cms[..], &["-CAfile", s(&ca), "-purpose", "any", "-out", "/dev/null"]].concat());
    assert!(out.contains("CMS Verification successful"), "{out}");

    // The same check refuses the statement with one word of its comment edited.
    let text = file["signed"]["statement"].as_str().unwrap();
    let edited = text.replacen("\"comment\":\"", "\"comment\":\"Edited. ", 1);
    assert_ne!(edited, text);
    std::fs::write(&statement, edited).unwrap();
    let o = tool("openssl", &[&cms[..], &["-CAfile", s(&ca), "-purpose", "any", "-out", "/dev/null"]].concat());
    assert!(!o.status.success(), "openssl accepted an edited statement");
    serde_json::from_str(text).unwrap()
}

#[test]
fn a_report_signed_on_another_machine_is_valid_for_pdfsig_pyhanko_qpdf_openssl_and_verify() {
    let office = Office::new();
    // Legal counsel signs the export, then the CMO signs legal counsel's signed copy: each new
    // PDF is re-rendered with every sign-off so far and signed as a PDF by its last signatory.
    let (legal_pdf, cmo_pdf) = (office.path("legal-signed.pdf"), office.path("cmo-signed.pdf"));
    let comment = ["--decision", "approved_with_comments", "--comment", "Review the DPA annex next quarter."];
    let out = ok(&sign_elsewhere(&office.v1, &office.legal, &comment, &legal_pdf));
    assert!(out.starts_with(&format!("signed version 1 of {FRAMEWORK} as legal-counsel (Approved with comments)")));
    ok(&sign_elsewhere(&legal_pdf, &office.cmo, &["--decision", "approved"], &cmo_pdf));

    assert_signed_for_other_tools(&legal_pdf, &office.legal, "Eleanor Voss");
    assert_signed_for_other_tools(&cmo_pdf, &office.cmo, "Dana Okafor");

    let legal = openssl_verifies(&legal_pdf.with_extension("signoff"), &office.legal);
    assert_eq!(
        (legal["party"].as_str(), legal["decision"].as_str()),
        (Some("legal-counsel"), Some("approved_with_comments"))
    );
    assert_eq!(legal["comment"], "Review the DPA annex next quarter.");
    assert_eq!(legal["snapshot_sha256"].as_str(), Some(office.sha256().as_str()));
    let cmo = openssl_verifies(&cmo_pdf.with_extension("signoff"), &office.cmo);
    assert_eq!((cmo["party"].as_str(), cmo["version"].as_u64()), (Some("cmo"), Some(1)));

    assert!(verify(&legal_pdf, 0).starts_with("VERIFIED: "));
    let out = verify(&cmo_pdf, 0);
    assert!(out.starts_with(&format!("VERIFIED: {} is version 1 of {FRAMEWORK}", s(&cmo_pdf))), "{out}");
    for line in [
        "  passed      sign-off 1 (Eleanor Voss, approved with comments): its CMS signature over the statement holds, \
         by the registered certificate",
        "  passed      sign-off 2 (Dana Okafor, approved): its CMS signature over the statement holds, by the \
         registered certificate",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} in {out}");
    }
    let by = format!(
        "PDF signature 1, by Dana Okafor (certificate {}, registered for party cmo)",
        &certificate(&office.cmo).1[..16]
    );
    assert!(out.contains(&by), "{out}");
}

#[test]
fn import_signoff_records_a_signed_pdf_once_with_an_audit_log_entry() {
    let office = Office::new();
    let signed = office.path("signed.pdf");
    ok(&sign_elsewhere(&office.v1, &office.legal, &["--decision", "approved"], &signed));
    let import = |file: &Path| ok(&governance(Some(&office.db), &["import-signoff", s(file)]));

    let first = import(&signed);
    let what = format!("legal-counsel Approved version 1 of {FRAMEWORK} (review due 2027-01-15)");
    assert!(first.starts_with(&format!("recorded: {what}\n")), "{first}");
    assert!(first.ends_with("waiting for: cmo, ciso\n"), "legal counsel is no longer awaited: {first}");
    // The same sign-off again, from the PDF and from its `.signoff` file, is kept once.
    for again in [&signed, &signed.with_extension("signoff")] {
        let out = import(again);
        assert!(out.starts_with(&format!("already recorded; kept once: {what}\n")), "{out}");
    }

    let store = office.store();
    let recorded = store.signoffs_for_version(FRAMEWORK, &office.sha256()).unwrap();
    let [signoff] = recorded.as_slice() else { panic!("{recorded:#?}") };
    assert_eq!((signoff.party.as_str(), signoff.decision), ("legal-counsel", Decision::Approved));
    assert!(signoff.signed.is_some(), "recorded as signed: {signoff:#?}");
    let log = store.audit_log(FRAMEWORK, 100).unwrap();
    let entries: Vec<_> = log.iter().filter(|e| e.entity == "signoff[2027-01-15]").collect();
    let [entry] = entries.as_slice() else { panic!("one audit entry for the sign-off: {log:#?}") };
    assert_eq!(entry.field, "legal-counsel");
    assert_eq!(entry.actor, format!("legal-counsel (certificate {})", &certificate(&office.legal).1[..16]));
    assert!(entry.new.as_deref().unwrap().contains("on version 1"), "{entry:#?}");

    let status = ok(&governance(Some(&office.db), &["review-status"]));
    assert!(status.contains("Eleanor Voss (") && status.contains("): Approved version 1 on "), "{status}");
}

/// The file with one byte flipped in the middle of page `n`'s content stream.
fn with_flipped_page(pdf: &[u8], n: u32) -> Vec<u8> {
    let d = Document::load_mem(pdf).unwrap();
    let contents = d.get_dictionary(d.get_pages()[&n]).unwrap().get(b"Contents").and_then(Object::as_reference);
    let raw = &d.get_object(contents.unwrap()).and_then(Object::as_stream).unwrap().content;
    let at = pdf.windows(raw.len()).position(|w| w == raw.as_slice()).unwrap() + raw.len() / 2;
    let mut out = pdf.to_vec();
    out[at] ^= 0x01;
    out
}

/// Neither the signed PDF nor its `.signoff` file exists.
fn assert_nothing_written(out: &Path) {
    assert!(!out.exists(), "{} was written", out.display());
    assert!(!out.with_extension("signoff").exists(), "a .signoff file was written");
}

#[test]
fn sign_refuses_a_pdf_that_does_not_verify_and_writes_nothing() {
    let office = Office::new();
    let tampered = office.path("tampered.pdf");
    std::fs::write(&tampered, with_flipped_page(&std::fs::read(&office.v1).unwrap(), 2)).unwrap();
    let out = office.path("signed.pdf");
    let err = refused(&sign_elsewhere(&tampered, &office.legal, &["--decision", "approved"], &out));
    // The reason is the first check that failed, with the file named.
    assert!(err.contains(s(&tampered)) && err.contains("does not verify"), "{err}");
    assert!(err.contains("page 2: its content stream"), "{err}");
    assert_nothing_written(&out);
}

#[test]
fn sign_refuses_a_key_whose_certificate_is_not_registered_for_any_party_of_the_version() {
    let office = Office::new();
    // A key registered nowhere, and one registered in the draft only after version 1 was published.
    let stranger = office.path("stranger.key");
    ok(&governance(None, &["key", "new", "--party", "ciso", "--name", "Aisha Bello", "--out", s(&stranger)]));
    let late = office.path("late.key");
    ok(&governance(
        Some(&office.db),
        &["key", "new", "--party", "dpo", "--name", "Tomasz Wierzbicki", "--out", s(&late)],
    ));
    for key in [&stranger, &late] {
        let out = office.path("signed.pdf");
        let err = refused(&sign_elsewhere(&office.v1, key, &["--decision", "approved"], &out));
        let why = format!("the certificate {} is not registered for any party of version 1", certificate(key).1);
        assert!(err.contains(&why) && err.contains("register it on your party and publish before signing"), "{err}");
        assert_nothing_written(&out);
    }
}

#[test]
fn export_pdf_with_a_key_writes_a_pdf_signed_by_the_writer_that_pdfsig_and_verify_accept() {
    let office = Office::new();
    let signed = office.path("v1-signed.pdf");
    ok(&governance(
        Some(&office.db),
        &["export-pdf", "--version", "1", "--out", s(&signed), "--key", s(&office.legal)],
    ));
    assert_signed_for_other_tools(&signed, &office.legal, "Eleanor Voss");
    let pdfsig = tool_ok("pdfsig", &[s(&signed)]);
    assert!(pdfsig.contains("Signed Ranges: [0 - "), "{pdfsig}");

    let bytes = std::fs::read(&signed).unwrap();
    let plain = std::fs::read(&office.v1).unwrap();
    assert!(governance_report::base_revision(&bytes).unwrap() == plain, "the signature is added to the plain export");
    let out = verify(&signed, 0);
    assert!(out.starts_with("VERIFIED: "), "{out}");
    let line = format!(
        "  passed      PDF signature 1, by Eleanor Voss (certificate {}, registered for party legal-counsel), at ",
        &certificate(&office.legal).1[..16]
    );
    let found = out.lines().find(|l| l.starts_with(&line)).unwrap_or_else(|| panic!("{line:?} in {out}"));
    let tail =
        " UTC by the signer's clock, reason \"Exported version 1\": intact, and its update adds only the signature";
    assert!(found.ends_with(tail), "{found}");
    let reason = &governance_signing::pdf::signatures(&bytes).unwrap().revisions[0].reason;
    assert_eq!(reason, "Exported version 1");
}

#[test]
fn an_incremental_update_after_a_signature_that_changes_a_page_is_not_verified() {
    let office = Office::new();
    let signed = office.path("signed.pdf");
    ok(&sign_elsewhere(&office.v1, &office.legal, &["--decision", "approved"], &signed));
    let bytes = std::fs::read(&signed).unwrap();
    // What a PDF editor saving "rotate page 1" does: an incremental update after the signature.
    let mut doc = IncrementalDocument::load_from(&bytes[..]).unwrap();
    let page = *doc.get_prev_documents().get_pages().get(&1).unwrap();
    doc.opt_clone_object_to_new_document(page).unwrap();
    doc.new_document.get_dictionary_mut(page).unwrap().set("Rotate", 90);
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();
    let rotated = office.path("rotated.pdf");
    std::fs::write(&rotated, &changed).unwrap();

    let out = verify(&rotated, 1);
    let first = format!(
        "NOT VERIFIED: {}: bytes {} to {} after the report are not a signature revision",
        s(&rotated),
        bytes.len(),
        changed.len()
    );
    assert_eq!(out.lines().next(), Some(first.as_str()), "{out}");
    let err = refused(&governance(Some(&office.db), &["import-signoff", s(&rotated)]));
    assert!(err.contains("does not verify") && err.contains("are not a signature revision"), "{err}");
}

#[test]
fn a_sign_off_by_a_certificate_registered_for_another_party_is_not_verified_and_not_recorded() {
    let office = Office::new();
    let pdf = std::fs::read(&office.v1).unwrap();
    // The CMO's own key signs a statement in legal counsel's name; the report is rendered from
    // its data with that sign-off, so everything but the sign-off holds.
    let v = governance_report::verify(&pdf);
    let snapshot = governance_report::embedded_snapshot(&pdf).unwrap();
    let mut data = governance_core::version::ReportData::from_manifest(v.manifest.unwrap(), snapshot).unwrap();
    let statement = Statement {
        kind: STATEMENT_KIND.into(),
        statement_version: STATEMENT_VERSION,
        framework: FRAMEWORK.into(),
        version: 1,
        snapshot_sha256: data.info.sha256.clone(),
        cycle_due: data.review_cycle_due,
        party: "legal-counsel".into(),
        decision: Decision::Approved,
        comment: String::new(),
        signed_at: "2026-12-01T09:00:00Z".into(),
    };
    let cmo = governance_signing::KeyFile::parse(&std::fs::read_to_string(&office.cmo).unwrap()).unwrap();
    let signed = SignedStatement::sign(&statement, &cmo.unlock(PASSPHRASE).unwrap()).unwrap();
    data.signoffs.push(record_of(&statement, &signed, &data.framework).unwrap());
    let forged = office.path("forged.pdf");
    std::fs::write(&forged, governance_report::render_version(&data).unwrap().pdf).unwrap();

    let out = verify(&forged, 1);
    let why = "sign-off 1 (Eleanor Voss, approved): its certificate is not the one registered for party \
               \"legal-counsel\" in this version";
    assert!(out.lines().next().unwrap().ends_with(why), "{out}");
    let pages = Document::load(&forged).unwrap().get_pages().len();
    let all_pages = format!("  passed      all {pages} pages are, byte for byte, the rendering of the attached data");
    assert!(out.contains(&all_pages), "{out}");

    let file = office.path("forged.signoff");
    std::fs::write(&file, SignOffFile::new(signed).to_pretty_json()).unwrap();
    let err = refused(&governance(Some(&office.db), &["import-signoff", s(&file)]));
    let (cmo_fp, legal_fp) = (certificate(&office.cmo).1, certificate(&office.legal).1);
    let why = format!("signed with the certificate {cmo_fp}, but {legal_fp} is registered for \"legal-counsel\"");
    assert!(err.contains(&why), "{err}");
    refused(&governance(Some(&office.db), &["import-signoff", s(&forged)]));
    assert!(office.store().signoffs_for_version(FRAMEWORK, &office.sha256()).unwrap().is_empty(), "nothing recorded");
}
