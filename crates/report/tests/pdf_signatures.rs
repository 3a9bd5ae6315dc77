//! `verify` on reports signed as PDFs (PAdES): it accepts the deterministic base revision plus
//! signature-only updates, names every signer with its certificate and party, and refuses any
//! other byte after the report.

mod common;

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use common::{test_signer, with_certificate, Fixture};
use governance_report::{base_revision, render_version, verify, CheckKind, Outcome, Verdict, Verification};
use governance_signing::pdf::sign_pdf;
use governance_signing::Signer;
use lopdf::IncrementalDocument;

/// Where legal counsel and the CMO stand in the starter's list of parties.
const LEGAL: usize = 3;
const CMO: usize = 0;

fn report(v: &Verification) -> String {
    v.checks.iter().map(|c| format!("{:?} {:?}: {}\n", c.kind, c.outcome, c.message)).collect()
}

/// The first failed check's message, after checking the verdict is NOT VERIFIED.
fn failure(v: &Verification) -> String {
    assert_eq!(v.verdict(), Verdict::NotVerified, "{}", report(v));
    v.first(Outcome::Failed).unwrap().message.clone()
}

fn check(v: &Verification, kind: CheckKind) -> &governance_report::Check {
    v.checks.iter().find(|c| c.kind == kind).unwrap_or_else(|| panic!("no {kind:?} check in:\n{}", report(v)))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

/// Two signatories, made once: scrypt makes every new key file cost real time.
fn eleanor() -> &'static Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    SIGNER.get_or_init(|| test_signer("Eleanor Voss", "legal-counsel"))
}

fn dana() -> &'static Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    SIGNER.get_or_init(|| test_signer("Dana Okafor", "cmo"))
}

/// The unsigned render of the starter with Eleanor registered for legal counsel and Dana for
/// the CMO, made once for every test.
fn unsigned() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let fw = governance_core::starter::starter_framework();
        let fw = with_certificate(fw, LEGAL, &eleanor().certificate().to_pem());
        let fw = with_certificate(fw, CMO, &dana().certificate().to_pem());
        render_version(&Fixture::new(fw).data()).unwrap().pdf
    })
}

/// The report signed by Eleanor Voss as a PDF.
fn signed_once() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        sign_pdf(unsigned(), eleanor(), at("2027-01-20T10:00:00Z"), "Eleanor Voss", "Sign-off of version 1: Approved")
            .unwrap()
    })
}

/// The file with one byte flipped at `at`.
fn flipped(pdf: &[u8], at: usize) -> Vec<u8> {
    let mut out = pdf.to_vec();
    out[at] ^= 0x01;
    out
}

/// Where `needle` first occurs in `pdf` at or after `from`.
fn find(pdf: &[u8], from: usize, needle: &[u8]) -> usize {
    from + pdf[from..].windows(needle.len()).position(|w| w == needle).expect("the bytes are in the file")
}

#[test]
fn a_report_signed_by_a_registered_partys_key_is_verified_and_names_the_signer_and_party() {
    let v = verify(signed_once());
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    let sig = check(&v, CheckKind::PdfSignature(1));
    assert_eq!(sig.outcome, Outcome::Passed, "{}", sig.message);
    let fingerprint = eleanor().certificate().sha256_fingerprint();
    let expected = format!(
        "PDF signature 1, by Eleanor Voss (certificate {}, registered for party legal-counsel), at 2027-01-20 10:00 \
         UTC by the signer's clock, reason \"Sign-off of version 1: Approved\": intact, and its update adds only the \
         signature",
        &fingerprint[..16]
    );
    assert_eq!(sig.message, expected);

    let [found] = v.pdf_signatures.as_slice() else { panic!("{:#?}", v.pdf_signatures) };
    assert_eq!((found.name.as_str(), found.reason.as_str()), ("Eleanor Voss", "Sign-off of version 1: Approved"));
    assert_eq!(found.when, Some(at("2027-01-20T10:00:00Z")));
    assert_eq!(found.certificate.as_ref(), Some(eleanor().certificate()));
    assert!(found.intact && found.exact_update && found.problem.is_none(), "{found:#?}");
    assert_eq!(found.range, unsigned().len()..signed_once().len());
}

#[test]
fn a_report_signed_twice_lists_both_signatures_in_order_and_is_verified() {
    let twice = sign_pdf(signed_once(), dana(), at("2027-01-21T08:30:00Z"), "Dana Okafor", "Reviewed").unwrap();
    let v = verify(&twice);
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    let names: Vec<&str> = v.pdf_signatures.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Eleanor Voss", "Dana Okafor"]);
    let certificates: Vec<_> = v.pdf_signatures.iter().map(|s| s.certificate.clone().unwrap()).collect();
    assert_eq!(certificates, [eleanor().certificate().clone(), dana().certificate().clone()]);
    assert_eq!(v.pdf_signatures[0].range.end, v.pdf_signatures[1].range.start, "one update follows the other");

    let first = check(&v, CheckKind::PdfSignature(1));
    assert!(first.message.starts_with("PDF signature 1, by Eleanor Voss") && first.message.contains("legal-counsel"));
    let second = check(&v, CheckKind::PdfSignature(2));
    assert_eq!(second.outcome, Outcome::Passed, "{}", second.message);
    let dana_fingerprint = dana().certificate().sha256_fingerprint();
    assert!(
        second.message.starts_with(&format!(
            "PDF signature 2, by Dana Okafor (certificate {}, registered for party cmo), at 2027-01-21 08:30 UTC",
            &dana_fingerprint[..16]
        )),
        "{}",
        second.message
    );
    // The signatures are listed after the pages, in the order they were added.
    let kinds: Vec<CheckKind> = v.checks.iter().map(|c| c.kind).collect();
    let tail = &kinds[kinds.len() - 3..];
    assert_eq!(tail, [CheckKind::Pages, CheckKind::PdfSignature(1), CheckKind::PdfSignature(2)]);
}

#[test]
fn a_pdf_signature_by_a_certificate_registered_for_no_party_is_reported_as_not_registered_but_verified() {
    // A PDF signature says who wrote or passed on the file; only sign-offs need a registered
    // certificate, so an outsider's signature is reported as such and the report still holds.
    let outsider = test_signer("Olive Outsider", "auditor");
    let pdf = sign_pdf(unsigned(), &outsider, at("2027-01-22T09:00:00Z"), "Olive Outsider", "Received").unwrap();
    let v = verify(&pdf);
    assert_eq!(v.verdict(), Verdict::Verified, "{}", report(&v));
    let sig = check(&v, CheckKind::PdfSignature(1));
    assert_eq!(sig.outcome, Outcome::Passed, "{}", sig.message);
    let fingerprint = outsider.certificate().sha256_fingerprint();
    let words =
        format!("by Olive Outsider (certificate {}, not registered for any party of this version)", &fingerprint[..16]);
    assert!(sig.message.contains(&words), "{}", sig.message);
    assert_eq!(v.pdf_signatures[0].certificate.as_ref(), Some(outsider.certificate()));
}

#[test]
fn one_flipped_byte_inside_the_signature_revision_is_not_verified() {
    let signed = signed_once();
    let update = unsigned().len();
    // A letter of the signed /Reason, and a hex digit of the CMS in /Contents.
    let reason = find(signed, update, b"(Sign-off of version 1") + 3;
    let contents = find(signed, update, b"/Contents <") + "/Contents <".len() + 40;
    for (at, why) in [(reason, "the content has changed"), (contents, "")] {
        let v = verify(&flipped(signed, at));
        let msg = failure(&v);
        assert!(
            msg.starts_with("PDF signature 1, by Eleanor Voss (no certificate that its signature verifies with)"),
            "byte {at}: {msg}"
        );
        assert!(msg.contains(why), "byte {at}: {msg}");
        assert!(!v.pdf_signatures[0].intact, "byte {at}: {:#?}", v.pdf_signatures);
        // The report itself is untouched: its pages still pass.
        assert_eq!(check(&v, CheckKind::Pages).outcome, Outcome::Passed, "byte {at}");
    }
}

#[test]
fn an_incremental_update_after_the_signature_that_changes_a_page_is_not_verified() {
    let signed = signed_once();
    let mut doc = IncrementalDocument::load_from(signed).unwrap();
    let page = *doc.get_prev_documents().get_pages().get(&1).unwrap();
    doc.opt_clone_object_to_new_document(page).unwrap();
    doc.new_document.get_dictionary_mut(page).unwrap().set("Rotate", 90);
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();

    let v = verify(&changed);
    let msg = failure(&v);
    let expected = format!("bytes {} to {} after the report are not a signature revision", signed.len(), changed.len());
    assert_eq!(msg, expected);
    // The signature still holds over what it signed; the update after it is what is refused.
    assert_eq!(check(&v, CheckKind::PdfSignature(1)).outcome, Outcome::Passed, "{}", report(&v));
    assert_eq!(check(&v, CheckKind::Pages).outcome, Outcome::Passed, "{}", report(&v));
}

#[test]
fn bytes_appended_after_the_last_signature_are_not_verified() {
    let signed = signed_once();
    for tail in [&b"\n"[..], b"%% a note\n", b"\n1 0 obj\n(not a signature)\nendobj\n"] {
        let appended = [signed, tail].concat();
        let msg = failure(&verify(&appended));
        let expected =
            format!("bytes {} to {} after the report are not a signature revision", signed.len(), appended.len());
        assert_eq!(msg, expected, "tail {:?}", String::from_utf8_lossy(tail));
    }
}

#[test]
fn a_signed_report_truncated_inside_its_signature_revision_is_not_verified() {
    let (signed, base) = (signed_once(), unsigned().len());
    // Cut early in the update: what is left of it is no signature revision.
    let cut = base + 500;
    let msg = failure(&verify(&signed[..cut]));
    assert_eq!(msg, format!("bytes {base} to {cut} after the report are not a signature revision"));
    // Cut just before the end: the signature covers bytes that are gone.
    let v = verify(&signed[..signed.len() - 1]);
    let msg = failure(&v);
    assert!(msg.starts_with("PDF signature 1, by ") && msg.contains("truncated"), "{msg}");
    // Cut anywhere in between: never verified, never a panic.
    for cut in (base + 1..signed.len()).step_by((signed.len() - base) / 17) {
        let v = verify(&signed[..cut]);
        assert_eq!(v.verdict(), Verdict::NotVerified, "cut at {cut}: {}", report(&v));
    }
}

#[test]
fn the_base_revision_of_a_signed_report_is_byte_identical_to_the_unsigned_render() {
    let twice = sign_pdf(signed_once(), dana(), at("2027-01-21T08:30:00Z"), "Dana Okafor", "Reviewed").unwrap();
    for pdf in [unsigned(), signed_once(), &twice[..]] {
        assert!(base_revision(pdf).unwrap() == unsigned(), "the base of a {}-byte file", pdf.len());
    }
    assert!(twice.starts_with(signed_once()), "a second signature only appends");
}

#[test]
fn a_signed_report_whose_base_was_changed_names_the_page_before_the_signature() {
    // A byte flipped in page 1's content stream breaks the signature too, but the page is what
    // an auditor needs to hear about first.
    let pdf = unsigned();
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let page = doc.get_pages()[&1];
    let contents = doc.get_dictionary(page).unwrap().get(b"Contents").unwrap().as_reference().unwrap();
    let raw = &doc.get_object(contents).unwrap().as_stream().unwrap().content;
    let at = find(signed_once(), 0, raw) + raw.len() / 2;
    let v = verify(&flipped(signed_once(), at));
    let msg = failure(&v);
    assert!(msg.starts_with("page 1: its content stream"), "{msg}");
    assert_eq!(check(&v, CheckKind::PdfSignature(1)).outcome, Outcome::Failed, "{}", report(&v));
}
