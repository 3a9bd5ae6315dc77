//! The sign-off page: every sign-off with its signer, decision, comment, time (from the signer's
//! clock), the SHA-256 fingerprint of the signer's certificate and whether it is signed.

mod common;

use std::process::Command;

use common::{have, page_text, signoff_with_fake_signature, with_certificate, write_pdf, Fixture};
use governance_core::review::Decision;
use governance_report::{certificate_fingerprint, render_version};

/// A real certificate, as a signatory makes one: `openssl req -x509 -newkey ec` on P-256, and
/// the fingerprint `openssl x509 -fingerprint -sha256` prints for it (colons, upper case).
fn openssl_certificate(dir: &std::path::Path) -> (String, String) {
    let (key, cert) = (dir.join("key.pem"), dir.join("cert.pem"));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "365"])
        .args(["-subj", "/CN=Eleanor Voss/O=Larkspur Outdoor Co."])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let o = Command::new("openssl").args(["x509", "-noout", "-fingerprint", "-sha256", "-in"]).arg(&cert).output();
    let printed = String::from_utf8(o.unwrap().stdout).unwrap();
    let fingerprint = printed.trim().split_once('=').expect("openssl prints NAME=FINGERPRINT").1.to_owned();
    (std::fs::read_to_string(cert).unwrap(), fingerprint)
}

fn last_page(pdf: &[u8], dir: &std::path::Path) -> String {
    let pages = lopdf::Document::load_mem(pdf).unwrap().get_pages().len() as u32;
    page_text(&write_pdf(dir, "report.pdf", pdf), pages)
}

#[test]
fn a_signed_sign_off_shows_the_sha256_fingerprint_openssl_computes_for_its_certificate() {
    if !have("openssl") || !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (pem, openssl) = openssl_certificate(dir.path());
    assert_eq!(certificate_fingerprint(&pem).unwrap(), openssl.replace(':', ""));

    let legal = 3;
    let mut f = Fixture::new(with_certificate(governance_core::starter::starter_framework(), legal, &pem));
    f.signoffs = vec![signoff_with_fake_signature(&f, legal, &pem)];
    let text = last_page(&render_version(&f.data()).unwrap().pdf, dir.path());
    let bytes: Vec<&str> = openssl.split(':').collect();
    assert_eq!(bytes.len(), 32);
    for line in bytes.chunks(8).map(|l| l.join(":")) {
        assert!(text.contains(&line), "the fingerprint line {line} is on the page: {text}");
    }
    let party = &f.framework.parties[legal];
    for shown in [
        party.name.as_str(),
        party.title.as_str(),
        "Approved",
        "Approved after the January review.",
        "2027-01-22 10:15:00 UTC, from the signer's clock",
        "Due 2027-02-01",
        "\u{2713} this version",
        "Signed The statement, its CMS signature and the certificate are in the attached manifest",
    ] {
        assert!(text.contains(shown), "{shown:?} is on the page: {text}");
    }
}

#[test]
fn an_unsigned_sign_off_says_it_was_recorded_before_signing_certificates_and_has_no_fingerprint() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut f = Fixture::starter();
    f.signoffs = vec![f.unsigned_signoff(5, Decision::Rejected, "The kill-switch test is overdue.")];
    let text = last_page(&render_version(&f.data()).unwrap().pdf, dir.path());
    assert!(text.contains("Sign-off 1 of 1") && text.contains("Aisha Bello") && text.contains("Rejected"), "{text}");
    assert!(text.contains("Unsigned (recorded before signing certificates)"), "{text}");
    assert!(text.contains("None: not counted as a signed approval"), "{text}");
    assert!(!text.contains("Each required signatory signs below"), "no empty signature lines now: {text}");
}

#[test]
fn a_sign_off_time_that_is_not_rfc3339_is_printed_as_stored() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut f = Fixture::starter();
    let mut s = f.unsigned_signoff(3, Decision::Approved, "");
    s.signed_at = "late November".into();
    f.signoffs = vec![s];
    let text = last_page(&render_version(&f.data()).unwrap().pdf, dir.path());
    assert!(text.contains("late November, from the signer's clock") && text.contains("No comment."), "{text}");
}
