//! TLS to a team database, with libpq's meaning of `sslmode`: `prefer` (the default) encrypts
//! whenever the server offers TLS and `require` insists on it, both accepting the server's
//! certificate as it is, as psql does; `verify-full` (and `verify-ca`, checked as strictly)
//! also checks the certificate against `sslrootcert` and the host name.

use std::path::Path;
use std::sync::Arc;

use postgres::{Client, Config};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{ring, verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::db::ServerAddress;
use crate::error::{Error, Result};

/// Accepts any certificate, but still checks the handshake's signatures: the server must hold
/// the key of the certificate it shows.
#[derive(Debug)]
struct AnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The TLS side of a connection: any certificate, or only those `root` vouches for.
fn connector(root: Option<&Path>) -> Result<MakeRustlsConnect> {
    // An explicit provider, so no process-wide default is needed.
    let provider = Arc::new(ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Disconnected(format!("TLS cannot be set up: {e}")))?;
    let config = match root {
        None => builder.dangerous().with_custom_certificate_verifier(Arc::new(AnyCertificate(provider))),
        Some(path) => {
            let unreadable = |e: &dyn std::fmt::Display| {
                Error::Io(format!("cannot read the root certificate {}: {e}", path.display()))
            };
            let mut roots = RootCertStore::empty();
            for cert in CertificateDer::pem_file_iter(path).map_err(|e| unreadable(&e))? {
                roots.add(cert.map_err(|e| unreadable(&e))?).map_err(|e| unreadable(&e))?;
            }
            builder.with_root_certificates(roots)
        }
    };
    Ok(MakeRustlsConnect::new(config.with_no_client_auth()))
}

/// Connects with the address's TLS settings.
pub(crate) fn connect(config: &Config, address: &ServerAddress) -> std::result::Result<Client, ConnectError> {
    let tls = connector(address.root_certificate()).map_err(ConnectError::Setup)?;
    config.connect(tls).map_err(ConnectError::Server)
}

/// Why a connection failed: before reaching the server, or at it.
pub(crate) enum ConnectError {
    Setup(Error),
    Server(postgres::Error),
}
