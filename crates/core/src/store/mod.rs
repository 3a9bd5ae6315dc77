//! The SQLite store: schema migrations, loading and saving frameworks, and the audit log.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection};
use rusqlite_migration::{Migrations, M};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::*;

mod apply;
mod base;
mod edits;
mod frameworks;
pub(crate) mod lists;
mod publish;
mod review;
pub(crate) mod rows;
mod signoffs;
pub use apply::{EditOutcome, EditResult};
pub use publish::{IntegrityProblem, PublishOutcome};
pub use signoffs::{read_key_file, unlock_key_file, KeyCreated, RecordedSignOff, MIN_PASSPHRASE_CHARS};

use base::framework_row;

/// The schema migrations, oldest first. Never edit a released one: add a new one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/001_initial.sql")),
        M::up(include_str!("../../migrations/002_versions.sql")),
        M::up(include_str!("../../migrations/003_reviews.sql")),
        M::up(include_str!("../../migrations/004_undo_per_actor.sql")),
        M::up(include_str!("../../migrations/005_signing.sql")),
    ])
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 5;

/// One line of the frameworks list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkSummary {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub platforms: u32,
    pub capabilities: u32,
    pub updated_at: String,
}

/// One append-only audit log row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub framework: String,
    pub entity: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A framework's working draft with its current findings, as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkView {
    pub framework: Framework,
    pub findings: Vec<crate::validate::Finding>,
    /// The stored version of every editable record (see `Edit::version_key`); an edit sends back
    /// the version it was based on.
    #[ts(type = "Record<string, number>")]
    pub versions: BTreeMap<String, i64>,
    /// Each party's signing certificate as a person checks it, by party id.
    #[ts(type = "Record<string, CertificateInfo>")]
    pub certificates: BTreeMap<String, crate::signoff::CertificateInfo>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub framework: String,
    pub created: bool,
    /// Field-level changes recorded in the audit log (0 when nothing changed).
    pub changes: u32,
}

type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Clock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

fn configure(conn: &Connection, file: bool) -> Result<()> {
    if file {
        // WAL lets a reader (the CLI) run beside a writer (the app); FULL sync makes a reported
        // save survive a power cut, not only a killed process.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(Error::TooNew(format!(
            "the database{} has schema version {current}, written by a newer Governance Workbench; this version reads up to {SCHEMA_VERSION}. Update the app; the file was not changed.",
            path.map(|p| format!(" {}", p.display())).unwrap_or_default()
        )));
    }
    if current > 0 && current < SCHEMA_VERSION {
        if let Some(p) = path {
            // A copy of the old file is kept before its schema changes, in case a migration is wrong.
            let backup = p.with_extension(format!("v{current}.bak"));
            let _ = std::fs::remove_file(&backup);
            conn.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;
        }
    }
    migrations().to_latest(conn)?;
    Ok(())
}

impl Store {
    /// Opens (creating if needed) the database file, with its folder, and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::Io(format!("cannot create the folder {}: {e}", dir.display())))?;
            }
        }
        let mut conn = Connection::open(path)?;
        configure(&conn, true)?;
        migrate(&mut conn, Some(path))?;
        Ok(Store { conn, path: Some(path.to_owned()), clock: Box::new(Utc::now) })
    }

    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn, false)?;
        migrate(&mut conn, None)?;
        Ok(Store { conn, path: None, clock: Box::new(Utc::now) })
    }

    /// Replaces the clock used for timestamps (tests use a fixed one).
    pub fn set_clock(&mut self, clock: impl Fn() -> DateTime<Utc> + Send + 'static) {
        self.clock = Box::new(clock);
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn now(&self) -> String {
        (self.clock)().to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    pub fn list_frameworks(&self) -> Result<Vec<FrameworkSummary>> {
        let mut st = self.conn.prepare(
            "SELECT f.key, f.name, f.organisation,
                    (SELECT count(*) FROM platforms p WHERE p.fw = f.id),
                    (SELECT count(*) FROM capabilities c WHERE c.fw = f.id),
                    f.updated_at
             FROM frameworks f ORDER BY f.name COLLATE NOCASE, f.key",
        )?;
        let rows = st.query_map([], |r| {
            Ok(FrameworkSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                platforms: r.get(3)?,
                capabilities: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The id of the only framework, for commands that default to it.
    pub fn sole_framework(&self) -> Result<String> {
        let all = self.list_frameworks()?;
        match all.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(Error::NotFound("the database holds no framework; import one first".into())),
            many => Err(Error::Refused(format!(
                "the database holds {} frameworks ({}); name one with --framework",
                many.len(),
                many.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    /// Loads the working draft of a framework.
    pub fn load(&self, key: &str) -> Result<Framework> {
        rows::load(&self.conn, framework_row(&self.conn, key)?)
    }

    /// Loads a framework and validates it as of `today`.
    pub fn open_view(&self, key: &str, today: NaiveDate) -> Result<FrameworkView> {
        let fw = framework_row(&self.conn, key)?;
        let framework = rows::load(&self.conn, fw)?;
        let findings = crate::validate::validate(&framework, today);
        let certificates = crate::signoff::certificate_infos(&framework);
        Ok(FrameworkView { framework, findings, versions: lists::versions(&self.conn, fw)?, certificates })
    }

    /// The newest audit log rows of a framework, newest first.
    pub fn audit_log(&self, key: &str, limit: u32) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, at, actor, framework, entity, field, old, new FROM audit_log
             WHERE framework = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![key, limit], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                framework: r.get(3)?,
                entity: r.get(4)?,
                field: r.get(5)?,
                old: r.get(6)?,
                new: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Direct access for tests and diagnostics in this crate's callers (integrity checks).
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}
