//! `verify` without a database: a report is VERIFIED only when it is, byte for byte, the
//! rendering of its own attached data and every check passed; anything else says what and where.

mod common;

use common::{attachment, really_signed, test_signer, with_attachment, with_certificate, Fixture};
use governance_core::review::Decision;
use governance_report::{render_version, verify, CheckKind, Outcome, Verdict, Verification};

fn report(v: &Verification) -> String {
    v.checks.iter().map(|c| format!("{:?} {:?}: {}\n", c.kind, c.outcome, c.message)).collect()
}

fn failure(v: &Verification) -> String {
    assert_eq!(v.verdict(), Verdict::NotVerified, "{}", report(v));
    v.first(Outcome::Failed).unwrap().message.clone()
}

/// Version 2 of the starter with one unsigned sign-off recorded before certificates.
fn second_version() -> Fixture {
    let old = governance_core::starter::starter_framework();
    let mut new = old.clone();
    new.platforms[0].contract.required_latency.amount = 30;
    new.hard_stops.remove(1);
    let mut f = Fixture::second_version(&old, new);
    f.signoffs = vec![f.unsigned_signoff(1, Decision::ApprovedWithComments, "Tighten the TikTok constraints.")];
    f
}

#[test]
fn a_freshly_rendered_first_version_is_verified_without_a_database() {
    let f = Fixture::starter();
    let v = verify(&render_version(&f.data()).unwrap().pdf);
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    assert_eq!(v.report_format, Some(governance_report::formats::CURRENT));
    assert_eq!(v.snapshot_sha256.as_deref(), Some(f.hash.as_str()));
    assert!(v.checks.iter().all(|c| c.outcome == Outcome::Passed));
    let pages = v.checks.iter().find(|c| c.kind == CheckKind::Pages).unwrap();
    assert!(pages.message.contains("byte for byte"), "{}", pages.message);
}

#[test]
fn a_second_version_with_an_unsigned_sign_off_is_verified_and_says_it_is_unsigned() {
    let f = second_version();
    let v = verify(&render_version(&f.data()).unwrap().pdf);
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    let s = v.checks.iter().find(|c| c.kind == CheckKind::SignOff(1)).unwrap();
    assert!(s.message.contains("unsigned (recorded before signing certificates)"), "{}", s.message);
    assert_eq!(v.manifest.as_ref().unwrap().changes, f.changes);
}

/// The starter with the party at `party` holding `signer`'s certificate.
fn registered(signer: &governance_signing::Signer, party: usize) -> Fixture {
    let fw = governance_core::starter::starter_framework();
    Fixture::new(with_certificate(fw, party, &signer.certificate().to_pem()))
}

#[test]
fn a_report_with_a_properly_signed_sign_off_is_verified() {
    let signer = test_signer("Dana Okafor", "cmo");
    let mut f = registered(&signer, 0);
    f.signoffs = vec![really_signed(&f, 0, &signer)];
    let v = verify(&render_version(&f.data()).unwrap().pdf);
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    let sig = v.checks.iter().find(|c| c.kind == CheckKind::Signature(1)).unwrap();
    assert_eq!(sig.outcome, Outcome::Passed, "{}", sig.message);
}

#[test]
fn a_signed_statement_that_says_something_else_than_the_page_is_not_verified() {
    let signer = test_signer("Dana Okafor", "cmo");
    let mut f = registered(&signer, 0);
    let mut s = really_signed(&f, 0, &signer);
    s.comment = "Approved without reservations.".into();
    f.signoffs = vec![s];
    let msg = failure(&verify(&render_version(&f.data()).unwrap().pdf));
    assert!(msg.starts_with("sign-off 1 (") && msg.contains("the signed statement names comment"), "{msg}");
}

#[test]
fn a_sign_off_whose_certificate_is_not_the_partys_registered_one_is_not_verified() {
    let (registered_key, other_key) = (test_signer("Dana Okafor", "cmo"), test_signer("Mallory", "cmo"));
    let mut f = registered(&registered_key, 0);
    f.signoffs = vec![really_signed(&f, 0, &other_key)];
    let msg = failure(&verify(&render_version(&f.data()).unwrap().pdf));
    assert!(msg.contains("not the one registered for party"), "{msg}");

    let mut unregistered = Fixture::starter();
    unregistered.signoffs = vec![really_signed(&unregistered, 0, &registered_key)];
    let msg = failure(&verify(&render_version(&unregistered.data()).unwrap().pdf));
    assert!(msg.contains("has no certificate in this version"), "{msg}");
}

#[test]
fn an_edited_snapshot_is_not_verified_because_it_is_not_the_recorded_hash() {
    let f = Fixture::starter();
    let pdf = render_version(&f.data()).unwrap().pdf;
    let edited = String::from_utf8(f.json.clone()).unwrap().replacen("Larkspur", "Larkspvr", 1);
    let msg = failure(&verify(&with_attachment(&pdf, b"Source", edited.as_bytes())));
    assert!(msg.contains("the attached snapshot's SHA-256 is") && msg.contains(&f.hash), "{msg}");
}

#[test]
fn a_manifest_with_a_changed_sign_off_comment_is_not_verified_and_names_the_sign_off_page() {
    let f = second_version();
    let rendered = render_version(&f.data()).unwrap();
    let manifest = String::from_utf8(attachment(&rendered.pdf, b"Data")).unwrap();
    let edited = manifest.replace("Tighten the TikTok constraints.", "No concerns at all.");
    assert_ne!(edited, manifest);
    let msg = failure(&verify(&with_attachment(&rendered.pdf, b"Data", edited.as_bytes())));
    assert!(msg.starts_with(&format!("page {}: its content stream", rendered.pages)), "{msg}");
}

#[test]
fn a_report_of_a_newer_format_cannot_be_verified_and_says_what_was_checked() {
    let f = Fixture::starter();
    let pdf = render_version(&f.data()).unwrap().pdf;
    let mut manifest: serde_json::Value = serde_json::from_slice(&attachment(&pdf, b"Data")).unwrap();
    manifest["report_format"] = 9.into();
    manifest["pages"] = serde_json::json!([]);
    let v = verify(&with_attachment(&pdf, b"Data", &serde_json::to_vec(&manifest).unwrap()));
    assert_eq!(v.verdict(), Verdict::CannotVerify, "{}", report(&v));
    assert_eq!(v.report_format, Some(9));
    let why = v.first(Outcome::NotChecked).unwrap();
    assert!(
        why.message.contains("cannot compare the pages: report format 9 is newer than this app"),
        "{}",
        why.message
    );
    let hash = v.checks.iter().find(|c| c.kind == CheckKind::SnapshotHash).unwrap();
    assert_eq!(hash.outcome, Outcome::Passed, "{}", hash.message);
}

#[test]
fn a_manifest_that_is_not_one_is_not_verified() {
    let pdf = render_version(&Fixture::starter().data()).unwrap().pdf;
    for garbage in
        [&b"[1,2"[..], b"{}", b"\xff\xfe", br#"{"kind":"governance-workbench/report-manifest","report_format":2}"#]
    {
        let msg = failure(&verify(&with_attachment(&pdf, b"Data", garbage)));
        assert!(msg.starts_with("the attached manifest") || msg.contains("manifest"), "{msg}");
    }
    let manifest = attachment(&pdf, b"Data");
    let spaced = String::from_utf8(manifest).unwrap().replacen(',', ", ", 1);
    let msg = failure(&verify(&with_attachment(&pdf, b"Data", spaced.as_bytes())));
    assert!(msg.contains("canonical"), "{msg}");
}

#[test]
fn files_that_are_not_our_reports_get_a_clear_message_and_never_a_panic() {
    let template = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/starter-framework.json")).unwrap();
    let msg = failure(&verify(&template));
    assert!(msg.contains("not a PDF"), "{msg}");
    assert!(failure(&verify(b"")).contains("not a PDF"));

    let pdf = render_version(&Fixture::starter().data()).unwrap().pdf;
    let mut d = lopdf::Document::load_mem(&pdf).unwrap();
    let cat = d.catalog_mut().unwrap();
    cat.remove(b"AF");
    cat.remove(b"Names");
    let mut stripped = Vec::new();
    d.save_to(&mut stripped).unwrap();
    let msg = failure(&verify(&stripped));
    assert!(msg.contains("no attached framework snapshot"), "{msg}");

    let msg = failure(&verify(&with_attachment(&pdf, b"Source", b"not json")));
    assert!(msg.contains("SHA-256"), "{msg}");
    // Cut anywhere, the file is refused with a sentence.
    for cut in (0..pdf.len()).step_by(pdf.len() / 97) {
        let v = verify(&pdf[..cut]);
        assert_eq!(v.verdict(), Verdict::NotVerified, "cut at {cut}: {}", report(&v));
    }
}

#[test]
fn no_single_flipped_byte_anywhere_in_the_file_is_verified() {
    let pdf = render_version(&Fixture::starter().data()).unwrap().pdf;
    for at in (0..pdf.len()).step_by(pdf.len() / 23) {
        let mut changed = pdf.clone();
        changed[at] ^= 0x20;
        let v = verify(&changed);
        assert_eq!(v.verdict(), Verdict::NotVerified, "byte {at}: {}", report(&v));
        assert!(!v.first(Outcome::Failed).unwrap().message.is_empty());
    }
}

#[test]
fn a_snapshot_that_is_not_a_framework_is_not_verified_even_when_the_manifest_names_its_hash() {
    let pdf = render_version(&Fixture::starter().data()).unwrap().pdf;
    let garbage = b"{\"not\":\"a framework\"}";
    let mut manifest: serde_json::Value = serde_json::from_slice(&attachment(&pdf, b"Data")).unwrap();
    manifest["version"]["sha256"] = common::sha256_hex(garbage).into();
    let pdf = with_attachment(&pdf, b"Data", &serde_json::to_vec(&manifest).unwrap());
    let msg = failure(&verify(&with_attachment(&pdf, b"Source", garbage)));
    assert!(msg.starts_with("the snapshot is not a framework file"), "{msg}");
}
