//! Where the default database lives, shared by the app and the CLI so both open the same file.

use std::path::PathBuf;

/// Environment variable that overrides the default database path.
pub const DB_ENV: &str = "GOVERNANCE_DB";

/// The local database file: `$GOVERNANCE_DB` when it names a file (not a team database), else
/// `<user data folder>/governance-workbench/governance.db` (`~/.local/share/...` on Linux,
/// honouring `XDG_DATA_HOME`).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        if !crate::store::ServerAddress::is_server(&p.to_string_lossy()) {
            return PathBuf::from(p);
        }
    }
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("governance-workbench").join("governance.db")
}

/// What `--db` defaults to: `$GOVERNANCE_DB` (a file or a team database's postgres:// address),
/// else the default file.
pub fn default_location() -> String {
    match std::env::var(DB_ENV) {
        Ok(v) if !v.trim().is_empty() => v,
        _ => default_db_path().display().to_string(),
    }
}

/// The name of the person running the program, for the audit log and publication records:
/// `$USER`, `$USERNAME` or `$LOGNAME`, else the name of the home folder, else "unknown".
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .chain(dirs::home_dir().and_then(|h| h.file_name().map(|n| n.to_string_lossy().into_owned())))
        .find(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}
