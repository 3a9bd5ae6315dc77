//! The one error type of the crate. Each variant says what was wrong with which input.

/// What went wrong, in words a signatory or an auditor can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes or text are not an X.509 certificate this crate can use.
    #[error("not a usable certificate: {0}")]
    Certificate(String),

    /// The key file's text is not the PEM layout this crate writes, or a block inside it is damaged.
    #[error("not a valid key file: {0}")]
    KeyFile(String),

    /// The passphrase does not open the key file or the PKCS#12 file.
    #[error("wrong passphrase: {0}")]
    WrongPassphrase(String),

    /// A passphrase that cannot protect a key (for example an empty one).
    #[error("unusable passphrase: {0}")]
    Passphrase(String),

    /// The PKCS#12 (.p12/.pfx) file cannot be read or holds no usable key and certificate.
    #[error("cannot import the PKCS#12 file: {0}")]
    Pkcs12(String),

    /// A key or algorithm other than ECDSA P-256 or RSA with SHA-256.
    #[error("unsupported key or algorithm: {0}")]
    Unsupported(String),

    /// The private key does not belong to the certificate it came with.
    #[error("the private key does not match the certificate {fingerprint}")]
    KeyMismatch {
        /// SHA-256 fingerprint of the certificate.
        fingerprint: String,
    },

    /// Creating a key, a certificate or a signature failed.
    #[error("signing failed: {0}")]
    Signing(String),

    /// The bytes are not a CMS SignedData of the profile this crate reads.
    #[error("not a readable CMS signature: {0}")]
    Cms(String),

    /// The CMS signature is well formed but does not hold for the content.
    #[error("the signature is not valid: {0}")]
    Invalid(String),

    /// The signature holds, but was made with another certificate than the expected one.
    #[error("signed with certificate {actual}, not with the expected certificate {expected}")]
    WrongCertificate {
        /// SHA-256 fingerprint of the certificate the caller expected.
        expected: String,
        /// SHA-256 fingerprint of the certificate that made the signature.
        actual: String,
    },

    /// The PDF cannot be signed or its signatures cannot be read.
    #[error("PDF: {0}")]
    Pdf(String),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
