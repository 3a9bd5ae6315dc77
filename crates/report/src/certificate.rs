//! The signer's certificate as the sign-off page shows it and as verify compares it: the DER
//! inside a PEM block, and its SHA-256 fingerprint (what `openssl x509 -fingerprint -sha256`
//! prints).

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The DER bytes of the first certificate in `pem`; `None` when there is no readable one.
pub fn der(pem: &str) -> Option<Vec<u8>> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let start = pem.find(BEGIN)? + BEGIN.len();
    let len = pem[start..].find(END)?;
    let body: String = pem[start..start + len].chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(body).ok()?;
    (!der.is_empty()).then_some(der)
}

/// The SHA-256 of the certificate's DER, as 64 upper-case hex digits.
pub fn fingerprint(pem: &str) -> Option<String> {
    Some(Sha256::digest(der(pem)?).iter().map(|b| format!("{b:02X}")).collect())
}

/// A fingerprint in 4 lines of 8 colon-separated bytes, as `openssl` writes bytes.
pub(crate) fn fingerprint_lines(fingerprint: &str) -> Vec<String> {
    let pairs: Vec<&str> = (0..fingerprint.len() / 2).filter_map(|i| fingerprint.get(2 * i..2 * i + 2)).collect();
    pairs.chunks(8).map(|line| line.join(":")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_grouped_in_four_lines_of_sixteen_hex_digits() {
        let lines = fingerprint_lines(&"0123456789ABCDEF".repeat(4));
        assert_eq!(lines, vec!["01:23:45:67:89:AB:CD:EF"; 4]);
    }

    #[test]
    fn text_that_is_not_a_pem_certificate_has_no_fingerprint() {
        assert_eq!(der("no certificate here"), None);
        assert_eq!(der("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"), None);
        assert_eq!(der("-----BEGIN CERTIFICATE-----\nAAEC"), None, "no end line");
        assert_eq!(der("-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n"), Some(vec![0, 1, 2]));
    }
}
