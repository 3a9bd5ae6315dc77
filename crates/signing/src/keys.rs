//! The two key kinds the crate signs and verifies with: ECDSA P-256 and RSA (PKCS#1 v1.5), both
//! over SHA-256. Everything that depends on the kind of key is matched here and nowhere else.

use const_oid::db::rfc5912::{
    ECDSA_WITH_SHA_256, ID_EC_PUBLIC_KEY, RSA_ENCRYPTION, SECP_256_R_1, SHA_256_WITH_RSA_ENCRYPTION,
};
use der::asn1::ObjectIdentifier;
use der::{Any, Encode};
use pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use sha2::Sha256;
use signature::{SignatureEncoding, Signer as _, Verifier as _};
use spki::AlgorithmIdentifierOwned;

use crate::error::{Error, Result};

/// The kind of key a certificate carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// ECDSA on the NIST P-256 curve.
    EcdsaP256,
    /// RSA with a modulus of this many bits.
    Rsa {
        /// The modulus length.
        bits: u32,
    },
}

impl std::fmt::Display for KeyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyKind::EcdsaP256 => f.write_str("ECDSA P-256"),
            KeyKind::Rsa { bits } => write!(f, "RSA {bits}"),
        }
    }
}

/// A public key that checks signatures.
#[derive(Clone)]
pub(crate) enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    Rsa(rsa::PublicKey),
}

impl PublicKey {
    /// Reads a SubjectPublicKeyInfo; other algorithms and curves are refused by name.
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self> {
        let spki = spki::SubjectPublicKeyInfoRef::try_from(der).map_err(|e| Error::Certificate(e.to_string()))?;
        let oid = spki.algorithm.oid;
        if oid == ID_EC_PUBLIC_KEY {
            let curve: Option<ObjectIdentifier> =
                spki.algorithm.parameters.as_ref().and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            if curve != Some(SECP_256_R_1) {
                let name = curve.map_or_else(|| "no curve".to_owned(), |c| c.to_string());
                return Err(Error::Unsupported(format!("an EC key on {name}; only P-256 is supported")));
            }
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(der)
                .map_err(|e| Error::Certificate(format!("damaged P-256 public key: {e}")))?;
            Ok(PublicKey::P256(key))
        } else if oid == RSA_ENCRYPTION {
            let key = rsa::PublicKey::from_public_key_der(der)
                .map_err(|e| Error::Certificate(format!("damaged or too small RSA public key: {e}")))?;
            Ok(PublicKey::Rsa(key))
        } else {
            Err(Error::Unsupported(format!("a key of algorithm {oid}; only ECDSA P-256 and RSA are supported")))
        }
    }

    pub(crate) fn kind(&self) -> KeyKind {
        match self {
            PublicKey::P256(_) => KeyKind::EcdsaP256,
            PublicKey::Rsa(key) => KeyKind::Rsa { bits: key.n().bit_width() },
        }
    }

    /// Checks `signature` over `message` (SHA-256 is applied here) for a signature algorithm
    /// identifier found in a CMS SignerInfo.
    pub(crate) fn verify(&self, algorithm: &ObjectIdentifier, message: &[u8], signature: &[u8]) -> Result<()> {
        let holds = match self {
            PublicKey::P256(key) => {
                if *algorithm != ECDSA_WITH_SHA_256 {
                    return Err(Error::Unsupported(format!("signature algorithm {algorithm} with a P-256 key")));
                }
                let sig = p256::ecdsa::DerSignature::try_from(signature)
                    .map_err(|_| Error::Invalid("the ECDSA signature value is not DER".into()))?;
                key.verify(message, &sig).is_ok()
            }
            PublicKey::Rsa(key) => {
                // OpenSSL writes rsaEncryption here; RFC 5754 allows either identifier.
                if *algorithm != SHA_256_WITH_RSA_ENCRYPTION && *algorithm != RSA_ENCRYPTION {
                    return Err(Error::Unsupported(format!("signature algorithm {algorithm} with an RSA key")));
                }
                let sig = rsa::pkcs1v15::Signature::try_from(signature)
                    .map_err(|_| Error::Invalid("the RSA signature value is malformed".into()))?;
                rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key.clone()).verify(message, &sig).is_ok()
            }
        };
        if holds {
            Ok(())
        } else {
            Err(Error::Invalid("the signature value does not verify with the certificate's public key".into()))
        }
    }
}

/// A new random P-256 key from the operating system's random source.
pub(crate) fn new_p256_key() -> Result<p256::ecdsa::SigningKey> {
    use p256::elliptic_curve::Generate;
    p256::ecdsa::SigningKey::try_generate().map_err(|e| Error::Signing(format!("the system random source failed: {e}")))
}

/// A private key that makes signatures.
pub(crate) enum PrivateKey {
    P256(p256::ecdsa::SigningKey),
    Rsa(rsa::pkcs1v15::SigningKey<Sha256>),
}

impl PrivateKey {
    /// Reads an unencrypted PKCS#8 PrivateKeyInfo of either kind.
    pub(crate) fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let info =
            pkcs8::PrivateKeyInfoRef::try_from(der).map_err(|e| Error::KeyFile(format!("damaged private key: {e}")))?;
        let oid = info.algorithm.oid;
        if oid == ID_EC_PUBLIC_KEY {
            let key = p256::ecdsa::SigningKey::from_pkcs8_der(der)
                .map_err(|e| Error::Unsupported(format!("an EC private key that is not P-256 ({e})")))?;
            Ok(PrivateKey::P256(key))
        } else if oid == RSA_ENCRYPTION {
            let key = rsa::PrivateKey::from_pkcs8_der(der)
                .map_err(|e| Error::Unsupported(format!("an RSA private key that cannot be used ({e})")))?;
            Ok(PrivateKey::Rsa(rsa::pkcs1v15::SigningKey::new(key)))
        } else {
            Err(Error::Unsupported(format!("a private key of algorithm {oid}; only ECDSA P-256 and RSA are supported")))
        }
    }

    /// The key as an unencrypted PKCS#8 document, to be encrypted at once by the caller.
    pub(crate) fn to_pkcs8_der(&self) -> Result<pkcs8::SecretDocument> {
        match self {
            PrivateKey::P256(key) => key.to_pkcs8_der(),
            PrivateKey::Rsa(key) => key.as_ref().to_pkcs8_der(),
        }
        .map_err(|e| Error::Signing(format!("cannot encode the private key: {e}")))
    }

    /// The DER SubjectPublicKeyInfo of the matching public key.
    pub(crate) fn public_key_der(&self) -> Result<Vec<u8>> {
        let doc = match self {
            PrivateKey::P256(key) => key.verifying_key().to_public_key_der(),
            PrivateKey::Rsa(key) => key.as_ref().to_public_key().to_public_key_der(),
        }
        .map_err(|e| Error::Signing(format!("cannot encode the public key: {e}")))?;
        Ok(doc.into_vec())
    }

    /// The signature algorithm identifier written into certificates and SignerInfos.
    pub(crate) fn signature_algorithm(&self) -> AlgorithmIdentifierOwned {
        match self {
            PrivateKey::P256(_) => AlgorithmIdentifierOwned { oid: ECDSA_WITH_SHA_256, parameters: None },
            PrivateKey::Rsa(_) => {
                AlgorithmIdentifierOwned { oid: SHA_256_WITH_RSA_ENCRYPTION, parameters: Some(Any::null()) }
            }
        }
    }

    /// Signs `message` with SHA-256: a DER ECDSA signature or a PKCS#1 v1.5 signature.
    pub(crate) fn sign(&self, message: &[u8]) -> Result<Vec<u8>> {
        match self {
            PrivateKey::P256(key) => {
                let sig: p256::ecdsa::DerSignature =
                    key.try_sign(message).map_err(|e| Error::Signing(e.to_string()))?;
                Ok(sig.to_vec())
            }
            PrivateKey::Rsa(key) => {
                let sig = key.try_sign(message).map_err(|e| Error::Signing(e.to_string()))?;
                Ok(sig.to_vec())
            }
        }
    }
}

/// Encodes a value, naming the structure in the error.
pub(crate) fn to_der(value: &impl Encode, what: &str) -> Result<Vec<u8>> {
    value.to_der().map_err(|e| Error::Signing(format!("cannot encode the {what}: {e}")))
}
