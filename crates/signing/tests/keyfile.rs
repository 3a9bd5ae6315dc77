//! Key files and certificates: what the app writes, read back by OpenSSL, and what organisations'
//! PKCS#12 files (made here with `openssl pkcs12 -export`) become.

mod common;

use common::*;
use governance_signing::{verify_detached, Certificate, Error, KeyFile, KeyKind, SignOptions};

#[test]
fn a_new_key_file_holds_a_three_year_p256_signing_certificate_for_the_person_and_party() {
    let cert = ada_key_file().certificate();
    assert_eq!(cert.common_name().as_deref(), Some("Ada Lovelace"));
    assert_eq!(cert.organisational_unit().as_deref(), Some("party-ada"));
    assert_eq!(cert.key_kind(), KeyKind::EcdsaP256);
    assert_eq!(cert.not_before(), at("2026-01-05T09:30:00Z"));
    assert_eq!(cert.not_after(), at("2029-01-05T09:30:00Z"));
    let fingerprint = cert.sha256_fingerprint();
    assert_eq!(fingerprint.len(), 64);
    assert!(fingerprint.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)), "{fingerprint}");
}

#[test]
fn openssl_reads_the_certificate_as_a_self_signed_signing_certificate_with_the_same_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let cert = ada_key_file().certificate();
    let path = write(dir.path(), "cert.pem", cert.to_pem());
    let shown = run_ok("openssl", &["x509", "-in", path_str(&path), "-noout", "-text", "-fingerprint", "-sha256"]);
    assert!(shown.contains("Version: 3 (0x2)"), "{shown}");
    assert!(shown.contains("Subject: OU = party-ada, CN = Ada Lovelace"), "{shown}");
    assert!(shown.contains("Issuer: OU = party-ada, CN = Ada Lovelace"), "{shown}");
    assert!(
        shown.contains("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation"),
        "{shown}"
    );
    assert!(shown.contains("CA:FALSE"), "{shown}");
    assert!(shown.contains("ASN1 OID: prime256v1"), "{shown}");
    assert!(shown.contains("Not After : Jan  5 09:30:00 2029 GMT"), "{shown}");
    let openssl_fingerprint = shown.lines().find_map(|l| l.strip_prefix("sha256 Fingerprint=")).unwrap();
    assert_eq!(openssl_fingerprint.replace(':', "").to_lowercase(), cert.sha256_fingerprint());
    // The certificate verifies against itself: its signature is its own key's.
    run_ok("openssl", &["verify", "-CAfile", path_str(&path), "-purpose", "any", path_str(&path)]);
}

#[test]
fn two_new_key_files_have_different_keys_and_serial_numbers() {
    let other = KeyFile::create("Ada Lovelace", "party-ada", PASSPHRASE, at("2026-01-05T09:30:00Z")).unwrap();
    let (a, b) = (ada_key_file().certificate(), other.certificate());
    assert_ne!(a.sha256_fingerprint(), b.sha256_fingerprint());
    assert_ne!(a.der(), b.der());
}

#[test]
fn openssl_decrypts_the_key_file_with_the_passphrase_and_the_key_matches_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "ada.key", ada_key_file().to_pem());
    let pass = format!("pass:{PASSPHRASE}");
    let from_key = run_ok("openssl", &["pkey", "-in", path_str(&file), "-passin", &pass, "-pubout"]);
    let from_cert = run_ok("openssl", &["x509", "-in", path_str(&file), "-noout", "-pubkey"]);
    assert_eq!(from_key, from_cert);
    let text = ada_key_file().to_pem();
    let key_only = write(dir.path(), "key.pem", &text[text.find("-----BEGIN ENCRYPTED").unwrap()..]);
    let params = run_ok("openssl", &["asn1parse", "-in", path_str(&key_only)]);
    assert!(params.contains("PBES2") && params.contains(":scrypt") && params.contains("aes-256-cbc"), "{params}");
    let wrong = run("openssl", &["pkey", "-in", path_str(&file), "-passin", "pass:not the passphrase", "-noout"]);
    assert!(!wrong.status.success(), "openssl opened the key with a wrong passphrase");
}

#[test]
fn the_key_file_is_a_certificate_block_then_an_encrypted_private_key_block() {
    let text = ada_key_file().to_pem();
    let begins: Vec<&str> = text.lines().filter(|l| l.starts_with("-----BEGIN")).collect();
    assert_eq!(begins, ["-----BEGIN CERTIFICATE-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----"]);
    let parsed = KeyFile::parse(&text).unwrap();
    assert_eq!(parsed, *ada_key_file());
    assert_eq!(parsed.to_pem(), text);
    assert_eq!(Certificate::from_pem(&ada_key_file().certificate().to_pem()).unwrap(), *parsed.certificate());
}

#[test]
fn a_wrong_passphrase_says_so() {
    let err = ada_key_file().unlock("correct horse battery stapler").unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase(_)), "{err:?}");
    assert!(err.to_string().contains("wrong passphrase"), "{err}");
}

#[test]
fn an_empty_passphrase_is_refused_when_creating_a_key_file() {
    let err = KeyFile::create("Ada Lovelace", "party-ada", "", at("2026-01-05T09:30:00Z")).unwrap_err();
    assert!(matches!(err, Error::Passphrase(_)), "{err:?}");
}

#[test]
fn names_that_a_certificate_cannot_hold_are_refused_with_the_reason() {
    let now = at("2026-01-05T09:30:00Z");
    let long = "x".repeat(65);
    for (name, party) in [("", "party-ada"), ("Ada", "  "), (long.as_str(), "party-ada"), ("Ada\u{7}", "p")] {
        let err = KeyFile::create(name, party, PASSPHRASE, now).unwrap_err();
        assert!(err.to_string().contains("1 to 64 characters"), "{name:?}/{party:?}: {err}");
    }
    let accented = KeyFile::create("Zoë Ångström-Nakamura 中村", "party-zoe", PASSPHRASE, now).unwrap();
    assert_eq!(accented.certificate().common_name().as_deref(), Some("Zoë Ångström-Nakamura 中村"));
}

#[test]
fn damaged_key_files_are_refused_with_what_is_wrong() {
    let text = ada_key_file().to_pem();
    let cut = &text[..text.len() - 80];
    let cases: Vec<(String, &str)> = vec![
        (cut.to_owned(), "no END line"),
        (String::new(), "found 0"),
        (ada_key_file().certificate().to_pem(), "found 1"),
        (format!("hello\n{text}"), "text outside the PEM blocks"),
        (text.replace("ENCRYPTED PRIVATE KEY", "PRIVATE KEY"), "found CERTIFICATE then PRIVATE KEY"),
        (text.replacen("MII", "MI!", 1), "damaged"),
    ];
    for (damaged, expected) in cases {
        let err = KeyFile::parse(&damaged).unwrap_err();
        assert!(matches!(err, Error::KeyFile(_) | Error::Certificate(_)), "{err:?}");
        assert!(err.to_string().contains(expected), "expected {expected:?} in: {err}");
    }
}

#[test]
fn a_key_file_whose_key_belongs_to_another_certificate_does_not_unlock() {
    let other = KeyFile::create("Mallory", "party-mallory", PASSPHRASE, at("2026-01-05T09:30:00Z")).unwrap();
    let other_text = other.to_pem();
    let key_block = &other_text[other_text.find("-----BEGIN ENCRYPTED").unwrap()..];
    let spliced = format!("{}{key_block}", ada_key_file().certificate().to_pem());
    let err = KeyFile::parse(&spliced).unwrap().unlock(PASSPHRASE).unwrap_err();
    assert!(matches!(err, Error::KeyMismatch { .. }), "{err:?}");
    assert!(err.to_string().contains(&ada_key_file().certificate().sha256_fingerprint()), "{err}");
}

fn import_and_sign(key: OrgKey, legacy: bool) -> (KeyFile, String) {
    let dir = tempfile::tempdir().unwrap();
    let (p12, cert_pem) = org_pkcs12(dir.path(), key, legacy, &[]);
    let file = KeyFile::from_pkcs12(&p12, PASSPHRASE).unwrap();
    assert_eq!(*file.certificate(), Certificate::from_pem(&cert_pem).unwrap());
    // The imported key is re-encrypted with the same passphrase, in the app's own format.
    let reread = KeyFile::parse(&file.to_pem()).unwrap();
    let signer = reread.unlock(PASSPHRASE).unwrap();
    let cms = signer.sign_detached(b"statement", &SignOptions::default()).unwrap();
    assert_eq!(verify_detached(b"statement", &cms).unwrap().certificate, *file.certificate());
    (file, cert_pem)
}

#[test]
fn an_organisation_pkcs12_with_an_rsa_2048_key_imports_and_signs() {
    let (file, _) = import_and_sign(OrgKey::Rsa2048, false);
    assert_eq!(file.certificate().key_kind(), KeyKind::Rsa { bits: 2048 });
    assert_eq!(file.certificate().common_name().as_deref(), Some("Grace Org Signer"));
}

#[test]
fn an_organisation_pkcs12_with_an_ec_p256_key_imports_and_signs() {
    let (file, _) = import_and_sign(OrgKey::EcP256, false);
    assert_eq!(file.certificate().key_kind(), KeyKind::EcdsaP256);
}

#[test]
fn a_legacy_pkcs12_with_rc2_and_triple_des_imports_and_signs() {
    let (file, _) = import_and_sign(OrgKey::Rsa2048, true);
    assert_eq!(file.certificate().key_kind(), KeyKind::Rsa { bits: 2048 });
    import_and_sign(OrgKey::EcP256, true);
}

#[test]
fn a_pkcs12_opened_with_a_wrong_passphrase_says_so() {
    let dir = tempfile::tempdir().unwrap();
    for legacy in [false, true] {
        let (p12, _) = org_pkcs12(dir.path(), OrgKey::EcP256, legacy, &[]);
        let err = KeyFile::from_pkcs12(&p12, "not the passphrase").unwrap_err();
        assert!(matches!(err, Error::WrongPassphrase(_)), "legacy {legacy}: {err:?}");
    }
}

#[test]
fn a_pkcs12_without_a_private_key_is_refused_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let (_, cert_pem) = org_pkcs12(dir.path(), OrgKey::EcP256, false, &[]);
    let cert = write(dir.path(), "cert.pem", cert_pem);
    let out = dir.path().join("nokey.p12");
    let pass = format!("pass:{PASSPHRASE}");
    run_ok(
        "openssl",
        &["pkcs12", "-export", "-nokeys", "-in", path_str(&cert), "-passout", &pass, "-out", path_str(&out)],
    );
    let err = KeyFile::from_pkcs12(&std::fs::read(&out).unwrap(), PASSPHRASE).unwrap_err();
    assert!(err.to_string().contains("holds no private key"), "{err}");
}

#[test]
fn a_pkcs12_whose_certificate_is_for_another_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    org_pkcs12(dir.path(), OrgKey::EcP256, false, &[]);
    let stray_cert = write(dir.path(), "ada.pem", ada_key_file().certificate().to_pem());
    let out = dir.path().join("mixed.p12");
    let pass = format!("pass:{PASSPHRASE}");
    let key = dir.path().join("org-key.pem");
    let args = ["pkcs12", "-export", "-nocerts", "-inkey", path_str(&key), "-certfile", path_str(&stray_cert)];
    run_ok("openssl", &[&args[..], &["-passout", &pass, "-out", path_str(&out)]].concat());
    let err = KeyFile::from_pkcs12(&std::fs::read(&out).unwrap(), PASSPHRASE).unwrap_err();
    assert!(err.to_string().contains("carries the private key's public key"), "{err}");
}

#[test]
fn garbage_and_truncated_pkcs12_files_are_refused_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (p12, _) = org_pkcs12(dir.path(), OrgKey::Rsa2048, false, &[]);
    for bytes in [&b"not a pkcs12 file"[..], &p12[..p12.len() / 2], &[]] {
        let err = KeyFile::from_pkcs12(bytes, PASSPHRASE).unwrap_err();
        assert!(matches!(err, Error::Pkcs12(_)), "{err:?}");
    }
}

#[test]
fn certificates_with_other_keys_or_damage_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k.pem");
    let cert = dir.path().join("c.pem");
    let args = ["req", "-x509", "-nodes", "-subj", "/CN=P384", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"];
    run_ok("openssl", &[&args[..], &["-keyout", path_str(&key), "-out", path_str(&cert)]].concat());
    let err = Certificate::from_pem(&std::fs::read_to_string(&cert).unwrap()).unwrap_err();
    assert!(err.to_string().contains("only P-256 is supported"), "{err}");
    let der = ada_key_file().certificate().der();
    assert!(Certificate::from_der(&der[..der.len() - 1]).is_err());
    assert!(Certificate::from_der(&[der, b"x"].concat()).is_err(), "trailing bytes are refused");
    let err = Certificate::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").unwrap_err();
    assert!(err.to_string().contains("expected CERTIFICATE"), "{err}");
}
