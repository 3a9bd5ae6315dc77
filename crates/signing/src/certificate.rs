//! X.509 certificates as the framework registers them: the exact DER bytes, read once.

use std::fmt;

use chrono::{DateTime, Utc};
use const_oid::db::rfc4519;
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::name::DirectoryString;

use crate::error::{Error, Result};
use crate::keys::{KeyKind, PublicKey};
use crate::time::from_asn1;

const PEM_LABEL: &str = "CERTIFICATE";

/// An X.509 certificate with an ECDSA P-256 or RSA key. Two certificates are equal when their DER
/// bytes are; the bytes are kept as they were read, never re-encoded.
#[derive(Clone)]
pub struct Certificate {
    der: Vec<u8>,
    parsed: x509_cert::Certificate,
    key: PublicKey,
}

impl Certificate {
    /// Reads a DER certificate. Trailing bytes, other key algorithms and damaged keys are refused.
    pub fn from_der(der: &[u8]) -> Result<Self> {
        let parsed =
            x509_cert::Certificate::from_der(der).map_err(|e| Error::Certificate(format!("not DER X.509: {e}")))?;
        let spki = parsed
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| Error::Certificate(format!("damaged public key: {e}")))?;
        let key = PublicKey::from_spki_der(&spki)?;
        Ok(Certificate { der: der.to_vec(), parsed, key })
    }

    /// Reads one PEM `CERTIFICATE` block (whitespace around it is allowed, nothing else).
    pub fn from_pem(text: &str) -> Result<Self> {
        let (label, der) = der::pem::decode_vec(text.trim().as_bytes())
            .map_err(|e| Error::Certificate(format!("not a PEM block: {e}")))?;
        if label != PEM_LABEL {
            return Err(Error::Certificate(format!("a PEM block labelled {label}, expected {PEM_LABEL}")));
        }
        Self::from_der(&der)
    }

    /// The certificate as one PEM block with LF line endings and a final newline.
    pub fn to_pem(&self) -> String {
        der::pem::encode_string(PEM_LABEL, der::pem::LineEnding::LF, &self.der)
            .expect("PEM encoding of bytes in memory cannot fail")
    }

    /// The DER bytes, exactly as read or made.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// SHA-256 of the DER bytes as 64 lowercase hex digits (what `openssl x509 -fingerprint
    /// -sha256` prints, without colons and in lower case).
    pub fn sha256_fingerprint(&self) -> String {
        hex(&Sha256::digest(&self.der))
    }

    /// The subject's common name (CN), if it has one.
    pub fn common_name(&self) -> Option<String> {
        self.subject_text(rfc4519::COMMON_NAME)
    }

    /// The subject's organisational unit (OU); key files made here hold the party id there.
    pub fn organisational_unit(&self) -> Option<String> {
        self.subject_text(rfc4519::ORGANIZATIONAL_UNIT_NAME)
    }

    /// The whole subject as an RFC 4514 string (for messages).
    pub fn subject(&self) -> String {
        self.parsed.tbs_certificate().subject().to_string()
    }

    /// Start of the validity period.
    pub fn not_before(&self) -> DateTime<Utc> {
        from_asn1(&self.parsed.tbs_certificate().validity().not_before).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// End of the validity period.
    pub fn not_after(&self) -> DateTime<Utc> {
        from_asn1(&self.parsed.tbs_certificate().validity().not_after).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// The kind of key the certificate carries.
    pub fn key_kind(&self) -> KeyKind {
        self.key.kind()
    }

    pub(crate) fn x509(&self) -> &x509_cert::Certificate {
        &self.parsed
    }

    pub(crate) fn public_key(&self) -> &PublicKey {
        &self.key
    }

    /// The DER SubjectPublicKeyInfo, to match a private key against.
    pub(crate) fn spki_der(&self) -> Result<Vec<u8>> {
        self.parsed.tbs_certificate().subject_public_key_info().to_der().map_err(|e| Error::Certificate(e.to_string()))
    }

    fn subject_text(&self, oid: der::asn1::ObjectIdentifier) -> Option<String> {
        let value = self.parsed.tbs_certificate().subject().by_oid::<DirectoryString>(oid).ok()??;
        Some(String::from(value))
    }
}

impl PartialEq for Certificate {
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

impl Eq for Certificate {}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("subject", &self.subject())
            .field("sha256", &self.sha256_fingerprint())
            .finish()
    }
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
