//! Organisation-issued PKCS#12 files: the one private key and the certificate that carries its
//! public key. Decryption and the MAC check are p12-keystore's.

use p12_keystore::error::Error as P12Error;
use p12_keystore::Pkcs12Archive;

use crate::certificate::Certificate;
use crate::error::{Error, Result};
use crate::keys::PrivateKey;

/// The certificate and private key inside a PKCS#12 file.
pub(crate) fn read(bytes: &[u8], passphrase: &str) -> Result<(Certificate, PrivateKey)> {
    let archive = Pkcs12Archive::from_pkcs12(bytes, passphrase).map_err(describe)?;
    let key = match archive.keys.as_slice() {
        [] => return Err(Error::Pkcs12("it holds no private key (was it exported without -nokeys?)".into())),
        [one] => PrivateKey::from_pkcs8_der(one.key.as_der())?,
        many => {
            return Err(Error::Pkcs12(format!("it holds {} private keys; export the signing key alone", many.len())))
        }
    };
    let public = key.public_key_der()?;
    let mut unreadable = Vec::new();
    for bag in &archive.certs {
        match Certificate::from_der(bag.cert.as_der()) {
            Ok(cert) if cert.spki_der()? == public => return Ok((cert, key)),
            Ok(_) => {}
            Err(e) => unreadable.push(e.to_string()),
        }
    }
    let why = if unreadable.is_empty() { String::new() } else { format!(" ({})", unreadable.join("; ")) };
    Err(Error::Pkcs12(format!(
        "none of its {} certificates carries the private key's public key{why}",
        archive.certs.len()
    )))
}

/// p12-keystore's errors in the words of this crate: a failed MAC means a wrong passphrase.
fn describe(error: P12Error) -> Error {
    match error {
        P12Error::MacError(_) => Error::WrongPassphrase("the passphrase does not open this PKCS#12 file".into()),
        P12Error::UnsupportedEncryptionScheme | P12Error::UnsupportedMacAlgorithm => {
            Error::Pkcs12(format!("{error}; export it with AES-256 (OpenSSL 3's default) or -legacy"))
        }
        P12Error::DerError(e) => Error::Pkcs12(format!("not a PKCS#12 file, or a damaged one: {e}")),
        // Without a MAC a wrong passphrase shows as a decryption failure.
        P12Error::UnpadError | P12Error::Pkcs5Error(_) => {
            Error::WrongPassphrase(format!("the passphrase does not decrypt this PKCS#12 file ({error})"))
        }
        other => Error::Pkcs12(other.to_string()),
    }
}
