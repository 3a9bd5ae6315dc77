//! The signatory's key file: PEM text holding the signing certificate, then the private key as a
//! PKCS#8 EncryptedPrivateKeyInfo (PBES2: scrypt and AES-256-CBC), which OpenSSL reads as it is.

use chrono::{DateTime, Utc};
use getrandom::SysRng;
use pkcs8::pkcs5::pbes2;
use pkcs8::{EncryptedPrivateKeyInfoRef, PrivateKeyInfoRef};

use crate::certificate::Certificate;
use crate::error::{Error, Result};
use crate::keys::{new_p256_key, PrivateKey};
use crate::selfsigned;

const CERTIFICATE_LABEL: &str = "CERTIFICATE";
const KEY_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// A certificate and its passphrase-encrypted private key, as kept by the signatory.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyFile {
    certificate: Certificate,
    /// DER EncryptedPrivateKeyInfo.
    encrypted_key: Vec<u8>,
}

/// An unlocked private key with its certificate: what signs sign-offs and PDFs.
pub struct Signer {
    key: PrivateKey,
    certificate: Certificate,
}

impl KeyFile {
    /// Makes a new ECDSA P-256 key and a self-signed signing certificate for `common_name` (the
    /// person's full name) of party `party_id`, valid from `now` for three years.
    pub fn create(common_name: &str, party_id: &str, passphrase: &str, now: DateTime<Utc>) -> Result<KeyFile> {
        check_passphrase(passphrase)?;
        let key = new_p256_key()?;
        let certificate = selfsigned::issue(&key, common_name, party_id, now)?;
        seal(certificate, &PrivateKey::P256(key), passphrase)
    }

    /// Imports an organisation-issued PKCS#12 (.p12/.pfx) file holding one RSA or ECDSA P-256 key
    /// and its certificate; the key is re-encrypted into this format with the same passphrase.
    pub fn from_pkcs12(bytes: &[u8], passphrase: &str) -> Result<KeyFile> {
        check_passphrase(passphrase)?;
        let (certificate, key) = crate::pkcs12::read(bytes, passphrase)?;
        seal(certificate, &key, passphrase)
    }

    /// Reads a key file: a `CERTIFICATE` block, then an `ENCRYPTED PRIVATE KEY` block, and only
    /// whitespace around them.
    pub fn parse(text: &str) -> Result<KeyFile> {
        let blocks = pem_blocks(text)?;
        let [(first, cert_der), (second, key_der)] = blocks.as_slice() else {
            return Err(Error::KeyFile(format!(
                "expected 2 PEM blocks ({CERTIFICATE_LABEL}, then {KEY_LABEL}), found {}",
                blocks.len()
            )));
        };
        if first != CERTIFICATE_LABEL || second != KEY_LABEL {
            return Err(Error::KeyFile(format!(
                "expected a {CERTIFICATE_LABEL} block then an {KEY_LABEL} block, found {first} then {second}"
            )));
        }
        let certificate = Certificate::from_der(cert_der)?;
        EncryptedPrivateKeyInfoRef::try_from(key_der.as_slice())
            .map_err(|e| Error::KeyFile(format!("the {KEY_LABEL} block is damaged: {e}")))?;
        Ok(KeyFile { certificate, encrypted_key: key_der.clone() })
    }

    /// The key file's text (LF line endings).
    pub fn to_pem(&self) -> String {
        let key = der::pem::encode_string(KEY_LABEL, der::pem::LineEnding::LF, &self.encrypted_key)
            .expect("PEM encoding of bytes in memory cannot fail");
        format!("{}{key}", self.certificate.to_pem())
    }

    /// The signing certificate, which is registered in the framework.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// Decrypts the private key and checks that it belongs to the certificate.
    pub fn unlock(&self, passphrase: &str) -> Result<Signer> {
        let info = EncryptedPrivateKeyInfoRef::try_from(self.encrypted_key.as_slice())
            .map_err(|e| Error::KeyFile(format!("the {KEY_LABEL} block is damaged: {e}")))?;
        let plain = info.decrypt(passphrase).map_err(|e| match e {
            pkcs8::Error::EncryptedPrivateKey(pkcs8::pkcs5::Error::UnsupportedAlgorithm { oid }) => {
                Error::Unsupported(format!("key encryption algorithm {oid}"))
            }
            _ => Error::WrongPassphrase("the passphrase does not open this key file".into()),
        })?;
        // One wrong passphrase in 256 passes the padding check and yields garbage that does not parse.
        let key = PrivateKey::from_pkcs8_der(plain.as_bytes())
            .map_err(|_| Error::WrongPassphrase("the passphrase does not open this key file".into()))?;
        Signer::new(key, self.certificate.clone())
    }
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyFile").field("certificate", &self.certificate).finish_non_exhaustive()
    }
}

impl Signer {
    /// Pairs a key with its certificate, refusing a key that does not belong to it.
    pub(crate) fn new(key: PrivateKey, certificate: Certificate) -> Result<Signer> {
        check_pair(&key, &certificate)?;
        Ok(Signer { key, certificate })
    }

    /// The certificate whose key signs.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    pub(crate) fn key(&self) -> &PrivateKey {
        &self.key
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer").field("certificate", &self.certificate).finish_non_exhaustive()
    }
}

/// Encrypts `key` under `passphrase` with scrypt (N = 2^14, r = 8, p = 1, OpenSSL's limits) and
/// AES-256-CBC, after checking that it belongs to `certificate`.
fn seal(certificate: Certificate, key: &PrivateKey, passphrase: &str) -> Result<KeyFile> {
    check_pair(key, &certificate)?;
    let plain = key.to_pkcs8_der()?;
    let info = PrivateKeyInfoRef::try_from(plain.as_bytes()).map_err(|e| Error::Signing(e.to_string()))?;
    let params = pbes2::Parameters::generate_scrypt(&mut SysRng)
        .map_err(|e| Error::Signing(format!("cannot make encryption parameters: {e}")))?;
    let encrypted = info
        .encrypt_with_params(params, passphrase)
        .map_err(|e| Error::Signing(format!("cannot encrypt the private key: {e}")))?;
    Ok(KeyFile { certificate, encrypted_key: encrypted.as_bytes().to_vec() })
}

fn check_pair(key: &PrivateKey, certificate: &Certificate) -> Result<()> {
    if key.public_key_der()? != certificate.spki_der()? {
        return Err(Error::KeyMismatch { fingerprint: certificate.sha256_fingerprint() });
    }
    Ok(())
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.is_empty() {
        return Err(Error::Passphrase(
            "a key file needs a passphrase; an empty one would leave the key readable".into(),
        ));
    }
    Ok(())
}

/// Splits PEM text into (label, DER) blocks; anything but whitespace outside blocks is refused.
fn pem_blocks(text: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let mut blocks = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        if !rest.starts_with("-----BEGIN ") {
            return Err(Error::KeyFile("text outside the PEM blocks".into()));
        }
        let label_end = rest.find("-----\n").or_else(|| rest.find("-----\r\n"));
        let label = label_end.map(|end| &rest["-----BEGIN ".len()..end]).unwrap_or_default();
        let end_line = format!("-----END {label}-----");
        let end = rest
            .find(&end_line)
            .ok_or_else(|| Error::KeyFile(format!("the {label} block has no END line (is the file truncated?)")))?
            + end_line.len();
        let (decoded_label, der) = der::pem::decode_vec(&rest.as_bytes()[..end])
            .map_err(|e| Error::KeyFile(format!("the {label} block is damaged: {e}")))?;
        blocks.push((decoded_label.to_owned(), der));
        rest = rest[end..].trim_start();
    }
    Ok(blocks)
}
