//! Helpers shared by the integration tests: other people's tools, run as separate processes, and
//! the key files and PKCS#12 files the tests sign with.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use governance_signing::{KeyFile, Signer};

/// How to get each tool the tests call.
pub fn install_hint(tool: &str) -> &'static str {
    match tool {
        "openssl" => "apt-get install openssl",
        "pdfsig" => "apt-get install poppler-utils",
        "qpdf" => "apt-get install qpdf",
        "pyhanko" => "pip install pyhanko==0.38.0 pyhanko-cli==0.6.0 (make test does this)",
        _ => "install it",
    }
}

/// Runs `tool` with `args`; a missing tool fails the test with how to install it.
pub fn run(tool: &str, args: &[&str]) -> Output {
    match Command::new(tool).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("`{tool}` was not found on PATH ({e}): {}", install_hint(tool)),
    }
}

/// Runs `tool` and returns its stdout and stderr; fails the test when it exits non-zero.
pub fn run_ok(tool: &str, args: &[&str]) -> String {
    let out = run(tool, args);
    let text = text(&out);
    assert!(out.status.success(), "{tool} {args:?} failed ({}):\n{text}", out.status);
    text
}

pub fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

pub const PASSPHRASE: &str = "correct horse battery staple";

/// One key file per test binary: scrypt makes each unlock cost real time.
pub fn ada_key_file() -> &'static KeyFile {
    static FILE: OnceLock<KeyFile> = OnceLock::new();
    FILE.get_or_init(|| KeyFile::create("Ada Lovelace", "party-ada", PASSPHRASE, at("2026-01-05T09:30:00Z")).unwrap())
}

pub fn ada() -> &'static Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    SIGNER.get_or_init(|| ada_key_file().unlock(PASSPHRASE).unwrap())
}

pub fn grace() -> &'static Signer {
    static SIGNER: OnceLock<Signer> = OnceLock::new();
    SIGNER.get_or_init(|| {
        let file = KeyFile::create("Grace Hopper", "party-grace", PASSPHRASE, at("2026-01-05T09:30:00Z")).unwrap();
        file.unlock(PASSPHRASE).unwrap()
    })
}

/// Which key an organisation's PKCS#12 file holds.
#[derive(Clone, Copy)]
pub enum OrgKey {
    Rsa2048,
    EcP256,
}

/// Makes a key and a self-signed certificate with `openssl req -x509`, then exports them with
/// `openssl pkcs12 -export` (AES-256/PBKDF2 by default, or the old RC2/3DES with `legacy`).
/// Returns the .p12 bytes and the certificate's PEM.
pub fn org_pkcs12(dir: &Path, key: OrgKey, legacy: bool, extra: &[&str]) -> (Vec<u8>, String) {
    let key_path = dir.join("org-key.pem");
    let cert_path = dir.join("org-cert.pem");
    let p12_path = dir.join("org.p12");
    let newkey: &[&str] = match key {
        OrgKey::Rsa2048 => &["-newkey", "rsa:2048"],
        OrgKey::EcP256 => &["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
    };
    let mut req = vec!["req", "-x509", "-nodes", "-days", "365", "-subj", "/CN=Grace Org Signer/O=Larkspur"];
    req.extend_from_slice(newkey);
    req.extend_from_slice(&["-keyout", path_str(&key_path), "-out", path_str(&cert_path)]);
    run_ok("openssl", &req);
    let pass = format!("pass:{PASSPHRASE}");
    let mut export = vec!["pkcs12", "-export", "-inkey", path_str(&key_path), "-in", path_str(&cert_path)];
    export.extend_from_slice(&["-passout", &pass, "-out", path_str(&p12_path)]);
    if legacy {
        export.push("-legacy");
    }
    export.extend_from_slice(extra);
    run_ok("openssl", &export);
    (std::fs::read(&p12_path).unwrap(), std::fs::read_to_string(&cert_path).unwrap())
}
