//! The store: frameworks, their drafts, published versions, sign-offs and the audit log, in a
//! local SQLite file or on a shared PostgreSQL server (team mode), with the same rules on both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::*;

mod apply;
mod base;
mod copy;
pub(crate) mod db;
mod edits;
mod frameworks;
pub(crate) mod lists;
mod pgpass;
mod publish;
mod review;
pub(crate) mod rows;
mod signoffs;
pub mod team;
mod tls;
pub use apply::{EditOutcome, EditResult};
pub use copy::CopyReport;
pub use db::{ChangeListener, DbError, ServerAddress};
pub use publish::{IntegrityProblem, PublishOutcome};
pub use signoffs::{read_key_file, unlock_key_file, KeyCreated, RecordedSignOff, MIN_PASSPHRASE_CHARS};

use base::framework_row;
use db::{params, OptionalExtension};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 6;

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
    /// Which obligations the framework answers, per jurisdiction and catalogue.
    pub coverage: crate::coverage::Coverage,
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
    db: db::Db,
    path: Option<PathBuf>,
    clock: Clock,
    /// On a team database, the role the server authenticated: the actor of every change.
    session_user: Option<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("location", &self.location()).finish()
    }
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
        let conn = db::sqlite::open_file(path)?;
        Ok(Store::with(db::Backend::Sqlite(conn), Some(path.to_owned()), None))
    }

    pub fn open_in_memory() -> Result<Store> {
        Ok(Store::with(db::Backend::Sqlite(db::sqlite::open_in_memory()?), None, None))
    }

    /// Connects to a team database and brings its schema up to date (when the role may).
    /// `password` is one typed at a prompt; without it, the address, `PGPASSWORD` and
    /// `~/.pgpass` are tried, in that order.
    pub fn connect(address: &ServerAddress, password: Option<&str>) -> Result<Store> {
        let conn = db::postgres::Conn::connect(address, password)?;
        db::postgres::migrate(&conn)?;
        let user = conn.session_user()?;
        Ok(Store::with(db::Backend::Postgres(Box::new(conn)), None, Some(user)))
    }

    /// Opens what a `--db` value names: a team database (`postgres://...`) or a file.
    pub fn open_location(location: &str, password: Option<&str>) -> Result<Store> {
        if ServerAddress::is_server(location) {
            Store::connect(&ServerAddress::parse(location)?, password)
        } else {
            Store::open(Path::new(location))
        }
    }

    fn with(backend: db::Backend, path: Option<PathBuf>, session_user: Option<String>) -> Store {
        Store { db: db::Db::new(backend), path, clock: Box::new(Utc::now), session_user }
    }

    /// Which database is open, as the title bar and messages name it.
    pub fn location(&self) -> String {
        match (self.db.postgres(), &self.path) {
            (Some(pg), _) => pg.address().to_string(),
            (None, Some(path)) => path.display().to_string(),
            (None, None) => "a database in memory".into(),
        }
    }

    /// On a team database, the TLS version protecting the connection ("TLSv1.3"), or None when
    /// the server did not offer TLS; None for a local file.
    pub fn tls_version(&self) -> Result<Option<String>> {
        if self.db.postgres().is_none() {
            return Ok(None);
        }
        let sql = "SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl";
        Ok(self.db.query_row(sql, (), |r| r.get(0)).optional()?)
    }

    /// On a team database, the groups of `team::GROUPS` the signed-in role belongs to, by the
    /// server's own account (directly or through other roles), without the `governance_` prefix.
    pub fn team_groups(&self) -> Result<Vec<String>> {
        if self.db.postgres().is_none() {
            return Ok(Vec::new());
        }
        let mut groups = Vec::new();
        for (group, _) in team::GROUPS {
            let sql = "SELECT to_regrole(?1) IS NOT NULL AND pg_has_role(session_user, ?1::text, 'MEMBER')";
            if self.db.query_row(sql, [group], |r| r.get::<_, bool>(0))? {
                groups.push(group.trim_start_matches("governance_").to_owned());
            }
        }
        Ok(groups)
    }

    /// Whether this is a team database on a server.
    pub fn is_team(&self) -> bool {
        self.db.postgres().is_some()
    }

    /// Who the changes are recorded as: on a team database the authenticated role, whatever
    /// name the caller gives; on a local file, that name.
    pub fn actor<'a>(&'a self, given: &'a str) -> &'a str {
        self.session_user.as_deref().unwrap_or(given)
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
        let st = self.db.prepare_cached(
            "SELECT f.key, f.name, f.organisation,
                    (SELECT count(*) FROM platforms p WHERE p.fw = f.id),
                    (SELECT count(*) FROM capabilities c WHERE c.fw = f.id),
                    f.updated_at
             FROM frameworks f ORDER BY lower(f.name), f.key",
        )?;
        let rows = st.query_map((), |r| {
            Ok(FrameworkSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                platforms: r.get(3)?,
                capabilities: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<db::DbResult<_>>()?)
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
        let tx = self.db.read()?;
        rows::load(&tx, framework_row(&tx, key)?)
    }

    /// Loads a framework and validates it as of `today`.
    pub fn open_view(&self, key: &str, today: NaiveDate) -> Result<FrameworkView> {
        let tx = self.db.read()?;
        let fw = framework_row(&tx, key)?;
        let framework = rows::load(&tx, fw)?;
        let versions = lists::versions(&tx, fw)?;
        drop(tx);
        let findings = crate::validate::validate(&framework, today);
        let certificates = crate::signoff::certificate_infos(&framework);
        let coverage = crate::coverage::coverage(&framework);
        Ok(FrameworkView { framework, findings, versions, certificates, coverage })
    }

    /// The newest audit log rows of a framework, newest first.
    pub fn audit_log(&self, key: &str, limit: u32) -> Result<Vec<AuditEntry>> {
        let st = self.db.prepare_cached(
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
        Ok(rows.collect::<db::DbResult<_>>()?)
    }

    /// SQLite's own check of a database file ("ok"); a team database's server checks itself.
    pub fn integrity_check(&self) -> Result<String> {
        match self.db.sqlite() {
            Some(conn) => Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?),
            None => Ok("not checked here: a team database's server checks its own storage".into()),
        }
    }
}
