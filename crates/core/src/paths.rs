//! Where the default database lives, shared by the app and the CLI so both open the same file.

use std::path::PathBuf;

/// Environment variable that overrides the default database path.
pub const DB_ENV: &str = "GOVERNANCE_DB";

/// `$GOVERNANCE_DB`, else `<user data folder>/governance-workbench/governance.db`
/// (`~/.local/share/...` on Linux, honouring `XDG_DATA_HOME`).
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("governance-workbench").join("governance.db")
}
