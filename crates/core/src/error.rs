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
    Db(crate::store::DbError),
    /// A team database needs a password that was not given, or refused the one given.
    #[error("{0}")]
    PasswordNeeded(String),
    /// The team database cannot be reached or the connection was lost; nothing was saved.
    #[error("{0}")]
    Disconnected(String),
    /// The team database refused the action for the signed-in role (its group does not allow it).
    #[error("{0}")]
    NotPermitted(String),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(String),
}

/// What kind of failure an error is: what the UI switches on (never the message text) and what
/// the CLI prints. It also names the shell's own failures, so that one list covers every code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The file is not a framework file (JSON, encoding, schema).
    Parse,
    /// Integrity rules refuse the data; the findings say which field and why.
    Invalid,
    NotFound,
    /// Changed elsewhere since it was read: reload.
    Stale,
    /// A rule refuses the action as asked.
    Refused,
    /// Nothing changed since the last published version.
    Unchanged,
    /// A stored row is unreadable.
    Damaged,
    DatabaseTooNew,
    Database,
    Migration,
    Io,
    /// The PDF could not be made.
    Report,
    /// The app will not do this for the window (open a file it did not export).
    Forbidden,
    /// A team database asks for a password: prompt for it and try again.
    PasswordNeeded,
    /// The team database is out of reach; nothing was saved. The next action reconnects.
    Disconnected,
    /// The team database does not let this role do this (a reader editing, a signatory publishing).
    NotPermitted,
}

impl ErrorCode {
    /// The code as it crosses the IPC boundary (`"not_found"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Parse => "parse",
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Stale => "stale",
            ErrorCode::Refused => "refused",
            ErrorCode::Unchanged => "unchanged",
            ErrorCode::Damaged => "damaged",
            ErrorCode::DatabaseTooNew => "database_too_new",
            ErrorCode::Database => "database",
            ErrorCode::Migration => "migration",
            ErrorCode::Io => "io",
            ErrorCode::Report => "report",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::PasswordNeeded => "password_needed",
            ErrorCode::Disconnected => "disconnected",
            ErrorCode::NotPermitted => "not_permitted",
        }
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// A stable machine-readable code, used by the CLI and sent to the UI.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Parse(_) => ErrorCode::Parse,
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Stale(_) => ErrorCode::Stale,
            Error::Refused(_) => ErrorCode::Refused,
            Error::Unchanged(_) => ErrorCode::Unchanged,
            Error::Damaged(_) => ErrorCode::Damaged,
            Error::TooNew(_) => ErrorCode::DatabaseTooNew,
            Error::Db(_) => ErrorCode::Database,
            Error::Migration(_) => ErrorCode::Migration,
            Error::Io(_) => ErrorCode::Io,
            Error::PasswordNeeded(_) => ErrorCode::PasswordNeeded,
            Error::Disconnected(_) => ErrorCode::Disconnected,
            Error::NotPermitted(_) => ErrorCode::NotPermitted,
        }
    }

    /// The findings of an `Invalid` error; none for the others.
    pub fn findings(&self) -> &[Finding] {
        match self {
            Error::Invalid(f) => f,
            _ => &[],
        }
    }
}

/// The findings in words: one finding is its sentence and place; more are listed under a count.
fn summarise(findings: &[Finding]) -> String {
    if let [one] = findings {
        return format!("{} ({})", one.message, one.path);
    }
    let mut s = format!("{} problems; nothing was changed:", findings.len());
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

impl From<crate::store::DbError> for Error {
    /// A server's refusal (a missing privilege, a trigger) and a lost connection are errors of
    /// their own kinds; everything else is a database error.
    fn from(e: crate::store::DbError) -> Error {
        use crate::store::DbError;
        match e {
            DbError::Lost(message) => Error::Disconnected(message),
            DbError::Postgres(pg) => match crate::store::db::postgres::classify(&pg) {
                Some(kind) => kind,
                None => Error::Db(DbError::Postgres(pg)),
            },
            other => Error::Db(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn an_error_codes_text_is_its_wire_name() {
        for code in [ErrorCode::NotFound, ErrorCode::DatabaseTooNew, ErrorCode::Stale, ErrorCode::Forbidden] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
