//! The one error type of the core crate. Each variant has a stable code the UI can switch on.

use crate::validate::Finding;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file is not valid JSON or does not match the interchange schema.
    #[error("{0}")]
    Parse(String),
    /// The data is well-formed but breaks an integrity rule; nothing was written.
    #[error("{}", summarise(.0))]
    Invalid(Vec<Finding>),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// The database was written by a newer version of the app.
    #[error("{0}")]
    TooNew(String),
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(String),
}

impl Error {
    /// A stable machine-readable code, used by the CLI and sent to the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Parse(_) => "parse",
            Error::Invalid(_) => "invalid",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "conflict",
            Error::TooNew(_) => "database_too_new",
            Error::Db(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
        }
    }
}

fn summarise(findings: &[Finding]) -> String {
    let mut s = format!("the framework breaks {} rule(s) and was not saved:", findings.len());
    for f in findings.iter().take(20) {
        s.push_str("\n  - ");
        s.push_str(&f.to_string());
    }
    if findings.len() > 20 {
        s.push_str(&format!("\n  ... and {} more", findings.len() - 20));
    }
    s
}

pub type Result<T> = std::result::Result<T, Error>;
