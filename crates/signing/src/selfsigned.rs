//! The self-signed X.509 v3 certificate of a key file made in the app: a signing certificate for
//! one person, named by full name (CN) and party id (OU), valid for three years.

use chrono::{DateTime, Months, Utc};
use const_oid::db::rfc4519;
use der::asn1::{SetOfVec, Utf8StringRef};
use der::{Any, Decode, Encode};
use getrandom::rand_core::UnwrapErr;
use getrandom::SysRng;
use spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::TbsCertificate;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::Validity;

use crate::certificate::Certificate;
use crate::error::{Error, Result};
use crate::time::to_asn1;

/// How long a certificate made here is valid.
const VALIDITY_MONTHS: u32 = 36;

/// RFC 5280's upper bound for a common name and an organisational unit.
const MAX_NAME_CHARS: usize = 64;

/// A self-signed end-entity certificate that may sign documents and nothing else.
struct SigningProfile {
    subject: Name,
}

impl BuilderProfile for SigningProfile {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions = Vec::new();
        let constraints = BasicConstraints { ca: false, path_len_constraint: None };
        extensions.push(constraints.to_extension(tbs.subject(), &extensions)?);
        let usage = KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation);
        extensions.push(usage.to_extension(tbs.subject(), &extensions)?);
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        extensions.push(ski.to_extension(tbs.subject(), &extensions)?);
        Ok(extensions)
    }
}

/// Issues the certificate of `key` to `common_name` of party `party_id`, valid from `now`
/// (to the second) for three years, with a random 136-bit serial number.
pub(crate) fn issue(
    key: &p256::ecdsa::SigningKey,
    common_name: &str,
    party_id: &str,
    now: DateTime<Utc>,
) -> Result<Certificate> {
    let subject = subject(common_name, party_id)?;
    let not_after = now
        .checked_add_months(Months::new(VALIDITY_MONTHS))
        .ok_or_else(|| Error::Signing(format!("{now} plus three years is out of range")))?;
    let validity = Validity::new(to_asn1(now)?, to_asn1(not_after)?);
    let serial = SerialNumber::generate(&mut UnwrapErr(SysRng));
    let spki = SubjectPublicKeyInfoOwned::from_key(key.verifying_key())
        .map_err(|e| Error::Signing(format!("cannot encode the public key: {e}")))?;
    let builder = CertificateBuilder::new(SigningProfile { subject }, serial, validity, spki)
        .map_err(|e| Error::Signing(format!("cannot build the certificate: {e}")))?;
    let cert = builder
        .build::<_, p256::ecdsa::DerSignature>(key)
        .map_err(|e| Error::Signing(format!("cannot sign the certificate: {e}")))?;
    let der = cert.to_der().map_err(|e| Error::Signing(format!("cannot encode the certificate: {e}")))?;
    Certificate::from_der(&der)
}

/// `OU=party_id, CN=common_name` (DER order: the unit first, the person last).
fn subject(common_name: &str, party_id: &str) -> Result<Name> {
    let mut rdns = RdnSequence::default();
    rdns.push(rdn(rfc4519::ORGANIZATIONAL_UNIT_NAME, "party id", party_id)?);
    rdns.push(rdn(rfc4519::COMMON_NAME, "name", common_name)?);
    let der = rdns.to_der().map_err(|e| Error::Signing(e.to_string()))?;
    Name::from_der(&der).map_err(|e| Error::Signing(e.to_string()))
}

fn rdn(oid: der::asn1::ObjectIdentifier, what: &str, text: &str) -> Result<RelativeDistinguishedName> {
    let chars = text.chars().count();
    if text.trim().is_empty() || chars > MAX_NAME_CHARS || text.chars().any(char::is_control) {
        return Err(Error::Signing(format!(
            "the certificate's {what} must be 1 to {MAX_NAME_CHARS} characters without control characters (it has {chars})"
        )));
    }
    let value = Utf8StringRef::new(text).map_err(|e| Error::Signing(e.to_string()))?;
    let value = Any::encode_from(&value).map_err(|e| Error::Signing(e.to_string()))?;
    let mut set = SetOfVec::new();
    set.insert(AttributeTypeAndValue { oid, value }).map_err(|e| Error::Signing(e.to_string()))?;
    Ok(RelativeDistinguishedName::from(set))
}
