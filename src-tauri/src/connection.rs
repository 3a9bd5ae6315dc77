//! Which database the app opens, and the team database it remembers for this user.
//!
//! `$GOVERNANCE_DB` (a file or a `postgres://` address) wins; else the team database this user
//! last connected to, kept in `<config folder>/governance-workbench/connection.json`; else the
//! default local file. The remembered file holds the address only, never a password.

use std::path::{Path, PathBuf};

use governance_core::paths::DB_ENV;
use governance_core::store::ServerAddress;
use serde::{Deserialize, Serialize};

use crate::api::DatabaseInfo;

/// Environment variable naming the folder of `connection.json` (the end-to-end tests use it so
/// that no run touches the user's own settings).
pub const CONFIG_DIR_ENV: &str = "GOVERNANCE_CONFIG_DIR";

/// Where the remembered team database is kept.
#[derive(Debug, Clone)]
pub struct Settings {
    file: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct Remembered {
    team_database: String,
}

impl Settings {
    /// `$GOVERNANCE_CONFIG_DIR/connection.json`, else `<user config folder>/governance-workbench/connection.json`
    /// (`~/.config/...` on Linux, honouring `XDG_CONFIG_HOME`).
    pub fn from_env() -> Settings {
        let dir = match std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => dirs::config_dir().unwrap_or_else(|| PathBuf::from(".")).join("governance-workbench"),
        };
        Settings::in_folder(&dir)
    }

    pub fn in_folder(dir: &Path) -> Settings {
        Settings { file: dir.join("connection.json") }
    }

    /// The team database remembered for this user. A missing or unreadable file remembers none.
    pub fn remembered(&self) -> Option<String> {
        let text = std::fs::read_to_string(&self.file).ok()?;
        let r: Remembered = serde_json::from_str(&text).ok()?;
        ServerAddress::is_server(&r.team_database).then_some(r.team_database)
    }

    /// Remembers a team database's address (without its password), or forgets it with `None`.
    pub fn remember(&self, address: Option<&str>) -> governance_core::Result<()> {
        match address {
            None if !self.file.exists() => Ok(()),
            None => std::fs::remove_file(&self.file).map_err(|e| {
                governance_core::Error::Io(format!("cannot forget the team database in {}: {e}", self.file.display()))
            }),
            Some(a) => {
                if let Some(dir) = self.file.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        governance_core::Error::Io(format!("cannot create the folder {}: {e}", dir.display()))
                    })?;
                }
                let json = serde_json::to_string_pretty(&Remembered { team_database: a.to_owned() })
                    .expect("a string serialises");
                governance_core::fsutil::write_atomically(&self.file, json.as_bytes())
            }
        }
    }

    /// What to open at start: `$GOVERNANCE_DB`, else the remembered team database, else the local file.
    pub fn start_location(&self) -> String {
        match std::env::var(DB_ENV) {
            Ok(v) if !v.trim().is_empty() => v,
            _ => self.remembered().unwrap_or_else(|| governance_core::paths::default_db_path().display().to_string()),
        }
    }
}

/// "TLSv1.3" as people write it: "TLS 1.3".
pub fn tls_label(version: &str) -> String {
    version.replacen("TLSv", "TLS ", 1)
}

/// The window's title: the app and which database is open.
pub fn window_title(db: &DatabaseInfo) -> String {
    let what = if db.team {
        let tls = match (&db.tls, db.open) {
            (_, false) => "not connected".to_owned(),
            (Some(v), true) => tls_label(v),
            (None, true) => "not encrypted".to_owned(),
        };
        format!("team database {} ({tls})", db.location)
    } else if db.open {
        format!("local file {}", db.location)
    } else {
        format!("local file {} (not open)", db.location)
    };
    format!("Governance Workbench — {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(team: bool, location: &str, tls: Option<&str>, open: bool) -> DatabaseInfo {
        DatabaseInfo {
            team,
            location: location.into(),
            address: None,
            tls: tls.map(Into::into),
            role: None,
            groups: Vec::new(),
            open,
        }
    }

    #[test]
    fn a_remembered_address_is_read_back_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::in_folder(&dir.path().join("nested"));
        assert_eq!(settings.remembered(), None);
        settings.remember(Some("postgres://alice@db.example:5432/gov")).unwrap();
        assert_eq!(settings.remembered().as_deref(), Some("postgres://alice@db.example:5432/gov"));
        settings.remember(None).unwrap();
        assert_eq!(settings.remembered(), None);
    }

    #[test]
    fn a_broken_settings_file_remembers_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("connection.json"), "{ not json").unwrap();
        assert_eq!(Settings::in_folder(dir.path()).remembered(), None);
    }

    #[test]
    fn the_title_names_the_team_database_and_its_tls_or_the_local_file() {
        let team = info(true, "postgres://alice@db:5432/gov", Some("TLSv1.3"), true);
        assert_eq!(window_title(&team), "Governance Workbench — team database postgres://alice@db:5432/gov (TLS 1.3)");
        let plain = info(true, "postgres://alice@db:5432/gov", None, true);
        assert!(window_title(&plain).ends_with("(not encrypted)"));
        let waiting = info(true, "postgres://alice@db:5432/gov", None, false);
        assert!(window_title(&waiting).ends_with("(not connected)"));
        let local = info(false, "/home/a/governance.db", None, true);
        assert_eq!(window_title(&local), "Governance Workbench — local file /home/a/governance.db");
    }
}
