//! Detached CMS SignedData (RFC 5652) over bytes the caller supplies: one signer, SHA-256, the
//! signer's certificate included, signed attributes content-type, message-digest,
//! signing-certificate-v2 and (only when asked) signing-time. `openssl cms -verify` checks it.

use chrono::{DateTime, Utc};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use const_oid::db::rfc5911::{
    ID_AA_SIGNING_CERTIFICATE_V_2, ID_CONTENT_TYPE, ID_DATA, ID_MESSAGE_DIGEST, ID_SIGNED_DATA, ID_SIGNING_TIME,
};
use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::{ObjectIdentifier, OctetString, OctetStringRef, SetOfVec};
use der::{Any, Decode, Encode};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::time::Time;

use crate::certificate::Certificate;
use crate::error::{Error, Result};
use crate::keyfile::Signer;
use crate::keys::to_der;
use crate::time::{from_asn1, to_asn1};
use crate::{ess, Sha256Digest};

/// Choices for a detached signature.
#[derive(Debug, Clone, Default)]
pub struct SignOptions {
    /// Adds a signing-time signed attribute with this time. PAdES signatures leave it out (their
    /// time is the signature dictionary's /M); sign-off statements carry their own time.
    pub signing_time: Option<DateTime<Utc>>,
}

/// What a valid signature tells: who signed, and when they said they did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The certificate inside the signature whose key made it.
    pub certificate: Certificate,
    /// The signing-time signed attribute, when present.
    pub signing_time: Option<DateTime<Utc>>,
}

impl Signer {
    /// A DER ContentInfo holding a detached SignedData over `content`.
    pub fn sign_detached(&self, content: &[u8], options: &SignOptions) -> Result<Vec<u8>> {
        sign_digest(self, &Sha256::digest(content).into(), options)
    }
}

/// Checks a detached signature over `content`: the message digest, the signature with the
/// included certificate, and signing-certificate-v2 (when present) naming that certificate.
/// Whether that certificate is the right one is the caller's question; see
/// [`verify_detached_with`].
pub fn verify_detached(content: &[u8], cms_der: &[u8]) -> Result<Verified> {
    verify_digest(&Sha256::digest(content).into(), cms_der)
}

/// [`verify_detached`], and the signature must be made with `expected`.
pub fn verify_detached_with(content: &[u8], cms_der: &[u8], expected: &Certificate) -> Result<Verified> {
    let verified = verify_detached(content, cms_der)?;
    require_certificate(&verified, expected)?;
    Ok(verified)
}

/// Refuses a signature made with another certificate than `expected`, naming both.
fn require_certificate(verified: &Verified, expected: &Certificate) -> Result<()> {
    if verified.certificate != *expected {
        return Err(Error::WrongCertificate {
            expected: expected.sha256_fingerprint(),
            actual: verified.certificate.sha256_fingerprint(),
        });
    }
    Ok(())
}

/// Signs content known by its SHA-256 digest (the PDF's byte range is hashed in two pieces).
pub(crate) fn sign_digest(signer: &Signer, digest: &Sha256Digest, options: &SignOptions) -> Result<Vec<u8>> {
    let certificate = signer.certificate();
    let mut attributes = SetOfVec::new();
    for attribute in signed_attributes(certificate, digest, options)? {
        attributes.insert(attribute).map_err(|e| Error::Signing(e.to_string()))?;
    }
    // RFC 5652 5.4: the signature covers the DER of the attributes with the SET OF tag.
    let signature = signer.key().sign(&to_der(&attributes, "signed attributes")?)?;
    let tbs = certificate.x509().tbs_certificate();
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: sha256_algorithm(),
        signed_attrs: Some(attributes),
        signature_algorithm: signer.key().signature_algorithm(),
        signature: OctetString::new(signature).map_err(|e| Error::Signing(e.to_string()))?,
        unsigned_attrs: None,
    };
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: set_of(sha256_algorithm())?,
        encap_content_info: EncapsulatedContentInfo { econtent_type: ID_DATA, econtent: None },
        certificates: Some(CertificateSet(set_of(CertificateChoices::Certificate(certificate.x509().clone()))?)),
        crls: None,
        signer_infos: SignerInfos(set_of(signer_info)?),
    };
    let content = Any::from_der(&to_der(&signed_data, "SignedData")?).map_err(|e| Error::Signing(e.to_string()))?;
    to_der(&ContentInfo { content_type: ID_SIGNED_DATA, content }, "ContentInfo")
}

fn signed_attributes(
    certificate: &Certificate,
    digest: &Sha256Digest,
    options: &SignOptions,
) -> Result<Vec<Attribute>> {
    let encode = |e: der::Error| Error::Signing(e.to_string());
    let mut attributes = vec![
        attribute(ID_CONTENT_TYPE, Any::encode_from(&ID_DATA).map_err(encode)?)?,
        attribute(ID_MESSAGE_DIGEST, Any::encode_from(&OctetStringRef::new(digest).map_err(encode)?).map_err(encode)?)?,
        ess::attribute(certificate)?,
    ];
    if let Some(when) = options.signing_time {
        attributes.push(attribute(ID_SIGNING_TIME, Any::encode_from(&to_asn1(when)?).map_err(encode)?)?);
    }
    Ok(attributes)
}

/// Checks a signature over content known by its SHA-256 digest.
pub(crate) fn verify_digest(digest: &Sha256Digest, cms_der: &[u8]) -> Result<Verified> {
    let signed_data = read_signed_data(cms_der)?;
    let signer_info = match signed_data.signer_infos.0.as_slice() {
        [one] => one,
        other => return Err(Error::Cms(format!("expected one signer, found {}", other.len()))),
    };
    if signer_info.digest_alg.oid != ID_SHA_256 {
        return Err(Error::Unsupported(format!("digest algorithm {}", signer_info.digest_alg.oid)));
    }
    let certificate = signer_certificate(&signed_data, &signer_info.sid)?;
    let attributes =
        signer_info.signed_attrs.as_ref().ok_or_else(|| Error::Cms("the signer has no signed attributes".into()))?;
    let content_type: ObjectIdentifier = single_value(attributes, ID_CONTENT_TYPE, "content-type")?;
    if content_type != ID_DATA {
        return Err(Error::Invalid(format!("the content-type attribute is {content_type}, not id-data")));
    }
    let message_digest: OctetString = single_value(attributes, ID_MESSAGE_DIGEST, "message-digest")?;
    if message_digest.as_bytes() != digest.as_slice() {
        return Err(Error::Invalid("the content has changed: its SHA-256 is not the signed message digest".into()));
    }
    let signed = attributes.to_der().map_err(|e| Error::Cms(e.to_string()))?;
    certificate.public_key().verify(&signer_info.signature_algorithm.oid, &signed, signer_info.signature.as_bytes())?;
    if let Some(attribute) = attributes.iter().find(|a| a.oid == ID_AA_SIGNING_CERTIFICATE_V_2) {
        ess::check(attribute, &certificate)?;
    }
    let signing_time = match attributes.iter().any(|a| a.oid == ID_SIGNING_TIME) {
        true => Some(from_asn1(&single_value::<Time>(attributes, ID_SIGNING_TIME, "signing-time")?)?),
        false => None,
    };
    Ok(Verified { certificate, signing_time })
}

/// Reads a DER ContentInfo holding a detached SignedData.
fn read_signed_data(cms_der: &[u8]) -> Result<SignedData> {
    let info = ContentInfo::from_der(cms_der).map_err(|e| Error::Cms(format!("not a DER CMS ContentInfo: {e}")))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(Error::Cms(format!("content type {} is not signed-data", info.content_type)));
    }
    let signed_data: SignedData =
        info.content.decode_as().map_err(|e| Error::Cms(format!("damaged SignedData: {e}")))?;
    if signed_data.encap_content_info.econtent.is_some() {
        return Err(Error::Cms("the signature encloses its content; a detached signature was expected".into()));
    }
    Ok(signed_data)
}

/// The included certificate that the signer identifier names.
fn signer_certificate(signed_data: &SignedData, sid: &SignerIdentifier) -> Result<Certificate> {
    let certificates = signed_data.certificates.as_ref().map(|set| set.0.as_slice()).unwrap_or_default();
    for choice in certificates {
        let CertificateChoices::Certificate(cert) = choice else { continue };
        let tbs = cert.tbs_certificate();
        let named = match sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => {
                id.issuer == *tbs.issuer() && id.serial_number == *tbs.serial_number()
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => cert
                .tbs_certificate()
                .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                .ok()
                .flatten()
                .is_some_and(|(_, found)| found == *ski),
        };
        if named {
            return Certificate::from_der(&cert.to_der().map_err(|e| Error::Cms(e.to_string()))?);
        }
    }
    Err(Error::Cms("the signer's certificate is not included in the signature".into()))
}

/// The one value of a signed attribute, decoded; missing or repeated attributes are refused.
fn single_value<T: for<'a> Decode<'a, Error = der::Error>>(
    attributes: &SetOfVec<Attribute>,
    oid: ObjectIdentifier,
    name: &str,
) -> Result<T> {
    let mut found = attributes.iter().filter(|a| a.oid == oid);
    let (Some(attribute), None) = (found.next(), found.next()) else {
        return Err(Error::Cms(format!("expected exactly one {name} signed attribute")));
    };
    let [value] = attribute.values.as_slice() else {
        return Err(Error::Cms(format!("the {name} attribute must have exactly one value")));
    };
    let der = value.to_der().map_err(|e| Error::Cms(e.to_string()))?;
    T::from_der(&der).map_err(|e| Error::Cms(format!("damaged {name} attribute: {e}")))
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute> {
    let mut values = SetOfVec::new();
    values.insert(value).map_err(|e| Error::Signing(e.to_string()))?;
    Ok(Attribute { oid, values })
}

fn set_of<T: der::DerOrd>(item: T) -> Result<SetOfVec<T>> {
    let mut set = SetOfVec::new();
    set.insert(item).map_err(|e| Error::Signing(e.to_string()))?;
    Ok(set)
}

fn sha256_algorithm() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned { oid: ID_SHA_256, parameters: None }
}
