//! The signer's certificate as the sign-off page shows it: its SHA-256 fingerprint (what
//! `openssl x509 -fingerprint -sha256` prints), upper-case, in lines of colon-separated bytes.

/// The SHA-256 of the certificate's DER, as 64 upper-case hex digits; `None` when `pem` holds
/// no readable certificate.
pub fn fingerprint(pem: &str) -> Option<String> {
    let cert = governance_signing::Certificate::from_pem(pem).ok()?;
    Some(cert.sha256_fingerprint().to_uppercase())
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
        assert_eq!(fingerprint("no certificate here"), None);
        assert_eq!(fingerprint("-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n"), None);
    }
}
