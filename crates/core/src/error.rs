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
    /// The record changed elsewhere (another window, process or import) since it was read;
    /// reloading shows the current version. Nothing was written.
    #[error("{0}")]
    Stale(String),
    /// A rule of the domain refuses the action as asked (nothing to publish, a framework with
    /// published versions cannot be deleted ...). Nothing was written.
    #[error("{0}")]
    Refused(String),
    /// Publishing was asked for, but the draft is the same as the last published version.
    #[error("{0}")]
    Unchanged(String),
    /// A stored row does not map to a domain value: the database was changed outside the app.
    #[error("{0}")]
    Damaged(String),
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
            Error::Stale(_) => "stale",
            Error::Refused(_) => "refused",
            Error::Unchanged(_) => "unchanged",
            Error::Damaged(_) => "damaged",
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
