//! Signing for Governance Workbench, over bytes only (no store, no Tauri, no SQL): signing
//! certificates, the signatory's passphrase-encrypted key file, detached CMS signatures over
//! sign-off statements, and PAdES baseline B-B signatures of PDFs as incremental updates.
//!
//! Every format here is checked in the tests with other people's tools: OpenSSL, pyHanko,
//! poppler's `pdfsig` and `qpdf`.

mod certificate;
mod cms;
mod error;
mod ess;
mod keyfile;
mod keys;
pub mod pdf;
mod pkcs12;
mod selfsigned;
mod time;

pub use certificate::Certificate;
pub use cms::{verify_detached, verify_detached_with, SignOptions, Verified};
pub use error::{Error, Result};
pub use keyfile::{KeyFile, Signer};
pub use keys::KeyKind;

/// A SHA-256 digest.
pub(crate) type Sha256Digest = [u8; 32];
