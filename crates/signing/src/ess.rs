//! The signing-certificate-v2 signed attribute (RFC 5035): binds a CMS signature to the SHA-256
//! hash of the signer's certificate, as PAdES and CAdES require.

use const_oid::db::rfc5911::ID_AA_SIGNING_CERTIFICATE_V_2;
use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::serial_number::SerialNumber;

use crate::certificate::Certificate;
use crate::error::{Error, Result};

/// `SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies ... OPTIONAL }`
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

/// `ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }`
#[derive(Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

/// `IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }`
#[derive(Sequence)]
struct IssuerSerial {
    issuer: GeneralNames,
    serial_number: SerialNumber,
}

/// The attribute naming `certificate` by its SHA-256 hash, issuer and serial number. The hash
/// algorithm is left out, as DER requires for the DEFAULT value SHA-256.
pub(crate) fn attribute(certificate: &Certificate) -> Result<Attribute> {
    let tbs = certificate.x509().tbs_certificate();
    let id = EssCertIdV2 {
        hash_algorithm: None,
        cert_hash: OctetString::new(Sha256::digest(certificate.der()).to_vec()).map_err(encode_error)?,
        issuer_serial: Some(IssuerSerial {
            issuer: vec![GeneralName::DirectoryName(tbs.issuer().clone())],
            serial_number: tbs.serial_number().clone(),
        }),
    };
    let value = SigningCertificateV2 { certs: vec![id], policies: None };
    let value = Any::from_der(&value.to_der().map_err(encode_error)?).map_err(encode_error)?;
    let mut values = SetOfVec::new();
    values.insert(value).map_err(encode_error)?;
    Ok(Attribute { oid: ID_AA_SIGNING_CERTIFICATE_V_2, values })
}

/// Checks that the attribute's first ESSCertIDv2 names `certificate`: the hash and, when present,
/// the issuer and serial number.
pub(crate) fn check(attribute: &Attribute, certificate: &Certificate) -> Result<()> {
    let [value] = attribute.values.as_slice() else {
        return Err(Error::Cms("signing-certificate-v2 must have exactly one value".into()));
    };
    let value: SigningCertificateV2 =
        value.decode_as().map_err(|e| Error::Cms(format!("damaged signing-certificate-v2: {e}")))?;
    let first = value.certs.first().ok_or_else(|| Error::Cms("signing-certificate-v2 names no certificate".into()))?;
    if let Some(alg) = &first.hash_algorithm {
        if alg.oid != ID_SHA_256 {
            return Err(Error::Unsupported(format!("signing-certificate-v2 hash algorithm {}", alg.oid)));
        }
    }
    if first.cert_hash.as_bytes() != Sha256::digest(certificate.der()).as_slice() {
        return Err(Error::Invalid(format!(
            "the signing-certificate-v2 attribute names another certificate than the included {}",
            certificate.sha256_fingerprint()
        )));
    }
    if let Some(issuer_serial) = &first.issuer_serial {
        let tbs = certificate.x509().tbs_certificate();
        let issuer_named =
            issuer_serial.issuer.iter().any(|name| matches!(name, GeneralName::DirectoryName(n) if n == tbs.issuer()));
        if !issuer_named || issuer_serial.serial_number != *tbs.serial_number() {
            return Err(Error::Invalid(
                "the signing-certificate-v2 issuer and serial number are not the included certificate's".into(),
            ));
        }
    }
    Ok(())
}

fn encode_error(e: der::Error) -> Error {
    Error::Signing(format!("cannot encode signing-certificate-v2: {e}"))
}
