//! Detached CMS signatures over sign-off statements, checked by `openssl cms -verify` and by this
//! crate's verifier, including signatures OpenSSL made and signatures that were tampered with.

mod common;

use std::path::Path;

use common::*;
use governance_signing::{verify_detached, verify_detached_with, Error, KeyFile, SignOptions, Signer};

const STATEMENT: &[u8] = br#"{"framework":"larkspur","version":3,"snapshot_sha256":"fb5627393fe1a007e311cb6939a427c3f465903efa8a63bfaee0811456508a15","decision":"approved","party":"party-ada"}"#;

/// `openssl cms -verify` of a detached DER signature, the certificate as the only trust anchor.
fn openssl_verify(dir: &Path, content: &[u8], cms: &[u8], cert_pem: &str) -> std::process::Output {
    let content = write(dir, "statement.json", content);
    let sig = write(dir, "sig.der", cms);
    let cert = write(dir, "cert.pem", cert_pem);
    let args = ["cms", "-verify", "-binary", "-inform", "DER", "-in", path_str(&sig), "-content", path_str(&content)];
    let rest = ["-CAfile", path_str(&cert), "-purpose", "any", "-out", "/dev/null"];
    run("openssl", &[&args[..], &rest[..]].concat())
}

fn signed_by_openssl_and_here(signer: &Signer) {
    let dir = tempfile::tempdir().unwrap();
    let cms = signer.sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    let pem = signer.certificate().to_pem();
    let out = openssl_verify(dir.path(), STATEMENT, &cms, &pem);
    assert!(out.status.success() && text(&out).contains("Verification successful"), "{}", text(&out));

    let mut changed = STATEMENT.to_vec();
    changed[20] ^= 0x01;
    let out = openssl_verify(dir.path(), &changed, &cms, &pem);
    assert!(!out.status.success(), "openssl accepted a changed statement: {}", text(&out));
    assert!(text(&out).contains("content verify error"), "{}", text(&out));
}

#[test]
fn a_statement_signed_with_a_p256_key_verifies_with_openssl_cms_and_fails_when_one_byte_changes() {
    signed_by_openssl_and_here(ada());
}

#[test]
fn a_statement_signed_with_an_organisation_rsa_key_verifies_with_openssl_cms() {
    let dir = tempfile::tempdir().unwrap();
    let (p12, _) = org_pkcs12(dir.path(), OrgKey::Rsa2048, false, &[]);
    signed_by_openssl_and_here(&KeyFile::from_pkcs12(&p12, PASSPHRASE).unwrap().unlock(PASSPHRASE).unwrap());
}

#[test]
fn the_signature_carries_signing_certificate_v2_and_a_signing_time_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plain = ada().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    let when = at("2026-04-01T12:00:00Z");
    let timed = ada().sign_detached(STATEMENT, &SignOptions { signing_time: Some(when) }).unwrap();
    let print = |cms: &[u8]| {
        let path = write(dir.path(), "sig.der", cms);
        run_ok("openssl", &["cms", "-cmsout", "-print", "-inform", "DER", "-in", path_str(&path)])
    };
    let shown = print(&plain);
    assert!(shown.contains("id-smime-aa-signingCertificateV2"), "{shown}");
    assert!(shown.contains("eContent: <ABSENT>"), "detached: {shown}");
    assert!(!shown.contains("signingTime"), "{shown}");
    assert!(print(&timed).contains("signingTime"));

    let verified = verify_detached(STATEMENT, &plain).unwrap();
    assert_eq!(verified.certificate, *ada().certificate());
    assert_eq!(verified.signing_time, None);
    assert_eq!(verify_detached(STATEMENT, &timed).unwrap().signing_time, Some(when));
}

#[test]
fn a_detached_signature_made_by_openssl_verifies_here() {
    let dir = tempfile::tempdir().unwrap();
    let (p12, cert_pem) = org_pkcs12(dir.path(), OrgKey::Rsa2048, false, &[]);
    let statement = write(dir.path(), "statement.json", STATEMENT);
    let sig = dir.path().join("openssl.der");
    let key = dir.path().join("org-key.pem");
    let cert = dir.path().join("org-cert.pem");
    let args = ["cms", "-sign", "-binary", "-in", path_str(&statement), "-signer", path_str(&cert)];
    let rest = ["-inkey", path_str(&key), "-outform", "DER", "-out", path_str(&sig)];
    run_ok("openssl", &[&args[..], &rest[..]].concat());
    let cms = std::fs::read(&sig).unwrap();
    let expected = KeyFile::from_pkcs12(&p12, PASSPHRASE).unwrap().certificate().clone();
    let verified = verify_detached_with(STATEMENT, &cms, &expected).unwrap();
    assert_eq!(verified.certificate.to_pem(), cert_pem.replace("\r\n", "\n"));
    assert!(verified.signing_time.is_some(), "openssl adds a signing time");
    assert!(matches!(verify_detached(b"other", &cms), Err(Error::Invalid(_))));
}

#[test]
fn a_changed_statement_is_refused_as_changed_content() {
    let cms = ada().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    let mut changed = STATEMENT.to_vec();
    let last = changed.len() - 3;
    changed[last] = b'X';
    let err = verify_detached(&changed, &cms).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("the content has changed"), "{err}");
}

#[test]
fn a_changed_byte_of_the_signature_value_is_refused() {
    let cms = ada().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    // The signature value is the last field of the SignerInfo, at the end of the DER.
    let mut tampered = cms.clone();
    let at = tampered.len() - 10;
    tampered[at] ^= 0x40;
    let err = verify_detached(STATEMENT, &tampered).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
}

/// Replaces the certificates inside a CMS ContentInfo, leaving everything else as it was.
fn with_certificates(cms_der: &[u8], certs: &[&[u8]]) -> Vec<u8> {
    use cms::cert::CertificateChoices;
    use cms::content_info::ContentInfo;
    use cms::signed_data::{CertificateSet, SignedData};
    use der::{Decode, Encode};
    let mut info = ContentInfo::from_der(cms_der).unwrap();
    let mut signed: SignedData = info.content.decode_as().unwrap();
    let mut set = der::asn1::SetOfVec::new();
    for der in certs {
        set.insert(CertificateChoices::Certificate(x509_cert::Certificate::from_der(der).unwrap())).unwrap();
    }
    signed.certificates = Some(CertificateSet(set));
    info.content = der::Any::from_der(&signed.to_der().unwrap()).unwrap();
    info.to_der().unwrap()
}

#[test]
fn a_signature_with_another_certificate_swapped_in_is_refused() {
    let cms = ada().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    let (ada_der, grace_der) = (ada().certificate().der(), grace().certificate().der());
    assert_eq!(with_certificates(&cms, &[ada_der]), cms, "the helper changes nothing else");
    let err = verify_detached(STATEMENT, &with_certificates(&cms, &[grace_der])).unwrap_err();
    assert!(err.to_string().contains("certificate is not included"), "{err}");
    // With both certificates present the signer identifier picks Ada's.
    let both = with_certificates(&cms, &[grace_der, ada_der]);
    assert_eq!(verify_detached(STATEMENT, &both).unwrap().certificate, *ada().certificate());
}

#[test]
fn a_valid_signature_by_another_certificate_than_the_registered_one_names_both_fingerprints() {
    let cms = grace().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    let err = verify_detached_with(STATEMENT, &cms, ada().certificate()).unwrap_err();
    let Error::WrongCertificate { expected, actual } = &err else { panic!("{err:?}") };
    assert_eq!(*expected, ada().certificate().sha256_fingerprint());
    assert_eq!(*actual, grace().certificate().sha256_fingerprint());
    assert!(err.to_string().contains(expected) && err.to_string().contains(actual), "{err}");
    assert!(verify_detached_with(STATEMENT, &cms, grace().certificate()).is_ok());
}

#[test]
fn garbage_and_truncated_signatures_are_refused_as_unreadable() {
    let cms = ada().sign_detached(STATEMENT, &SignOptions::default()).unwrap();
    for bad in [&b""[..], b"garbage", &cms[..cms.len() - 1], &cms[..40], &[cms.as_slice(), b"\0"].concat()] {
        let err = verify_detached(STATEMENT, bad).unwrap_err();
        assert!(matches!(err, Error::Cms(_)), "{err:?}");
    }
}
