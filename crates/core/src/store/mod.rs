//! The SQLite store: schema migrations, loading and saving frameworks, and the audit log.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::diff::diff;
use crate::error::{Error, Result};
use crate::model::*;
use crate::validate::integrity;

mod apply;
mod publish;
mod review;
pub use apply::{EditOutcome, EditResult};
pub use publish::{IntegrityProblem, PublishOutcome};
pub use review::SignOffRequest;
pub(crate) mod rows;

/// The schema migrations, oldest first. Never edit a released one: add a new one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../migrations/001_initial.sql")),
        M::up(include_str!("../../migrations/002_versions.sql")),
        M::up(include_str!("../../migrations/003_reviews.sql")),
    ])
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 3;

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

/// Splits a change path into the audit log's entity and field:
/// `platforms[tiktok].contract.required_latency` -> (`platforms[tiktok]`, `contract.required_latency`).
fn entity_and_field(path: &str) -> (String, String) {
    let first = path.split('.').next().unwrap_or(path);
    if first.contains('[') {
        let end = path.find(']').map_or(path.len(), |i| i + 1);
        let rest = path[end..].trim_start_matches('.');
        (path[..end].to_owned(), if rest.is_empty() { "*".to_owned() } else { rest.to_owned() })
    } else if let Some((e, f)) = path.split_once('.') {
        (e.to_owned(), f.to_owned())
    } else {
        ("framework".to_owned(), path.to_owned())
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
            many => Err(Error::Conflict(format!(
                "the database holds {} frameworks ({}); name one with --framework",
                many.len(),
                many.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    fn framework_row(&self, key: &str) -> Result<i64> {
        self.conn
            .query_row("SELECT id FROM frameworks WHERE key = ?1", [key], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("there is no framework with id \"{}\"", key.escape_debug())))
    }

    /// Loads the working draft of a framework.
    pub fn load(&self, key: &str) -> Result<Framework> {
        let fw = self.framework_row(key)?;
        rows::load(&self.conn, fw)
    }

    /// Loads a framework and validates it as of `today`.
    pub fn open_view(&self, key: &str, today: NaiveDate) -> Result<FrameworkView> {
        let fw = self.framework_row(key)?;
        let framework = rows::load(&self.conn, fw)?;
        let findings = crate::validate::validate(&framework, today);
        Ok(FrameworkView { framework, findings, versions: versions(&self.conn, fw)? })
    }

    /// Stores `framework` as the working draft: a new framework, or a replacement of the draft with
    /// the same id. Refused, with nothing written, if it breaks an integrity rule.
    pub fn import(&mut self, framework: &Framework, actor: &str) -> Result<ImportOutcome> {
        let problems = integrity(framework);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let now = self.now();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let existing: Option<i64> =
            tx.query_row("SELECT id FROM frameworks WHERE key = ?1", [&framework.id], |r| r.get(0)).optional()?;
        let outcome = match existing {
            None => {
                let fw = insert_framework_row(&tx, framework, &now)?;
                let empty = Framework {
                    parties: vec![],
                    platforms: vec![],
                    capabilities: vec![],
                    matrix: vec![],
                    raci: vec![],
                    data_quality: vec![],
                    hard_stops: vec![],
                    ..framework.clone()
                };
                rows::sync(&tx, fw, &empty, framework)?;
                let summary = format!(
                    "created: {} parties, {} platforms, {} capabilities, {} matrix cells, {} RACI activities, {} data-quality standards, {} hard stops",
                    framework.parties.len(),
                    framework.platforms.len(),
                    framework.capabilities.len(),
                    framework.matrix.len(),
                    framework.raci.len(),
                    framework.data_quality.len(),
                    framework.hard_stops.len()
                );
                append_audit(&tx, &now, actor, &framework.id, "framework", "*", None, Some(&summary))?;
                ImportOutcome { framework: framework.id.clone(), created: true, changes: 1 }
            }
            Some(fw) => {
                let old = rows::load(&tx, fw)?;
                let changes = diff(&old, framework);
                if !changes.is_empty() {
                    rows::sync(&tx, fw, &old, framework)?;
                    apply::touch(&tx, fw, &now)?;
                    audit_changes(&tx, &now, actor, &framework.id, &changes)?;
                }
                ImportOutcome { framework: framework.id.clone(), created: false, changes: changes.len() as u32 }
            }
        };
        tx.commit()?;
        Ok(outcome)
    }

    /// Fills an empty database with the starter framework. Returns whether it did.
    pub fn seed_starter_if_empty(&mut self, actor: &str) -> Result<bool> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM frameworks", [], |r| r.get(0))?;
        if n > 0 {
            return Ok(false);
        }
        let starter = crate::starter::starter_framework();
        self.import(&starter, actor)?;
        Ok(true)
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

#[allow(clippy::too_many_arguments)]
pub(crate) fn append_audit(
    tx: &Connection,
    at: &str,
    actor: &str,
    framework: &str,
    entity: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, framework, entity, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![at, actor, framework, entity, field, old, new])?;
    Ok(())
}

/// Writes one audit row per change, naming items by id.
pub(crate) fn audit_changes(
    tx: &Connection,
    at: &str,
    actor: &str,
    framework: &str,
    changes: &[crate::diff::Change],
) -> Result<()> {
    for c in changes {
        let (entity, field) = entity_and_field(&c.path);
        let old = c.old.as_ref().map(|v| v.to_string());
        let new = c.new.as_ref().map(|v| v.to_string());
        append_audit(tx, at, actor, framework, &entity, &field, old.as_deref(), new.as_deref())?;
    }
    Ok(())
}

fn insert_framework_row(tx: &Connection, f: &Framework, now: &str) -> Result<i64> {
    let op = &f.override_policy;
    let rs = &f.review_schedule;
    tx.execute(
        "INSERT INTO frameworks (key, name, organisation, description, jurisdictions,
            ks_holders, ks_trigger, ks_test_cadence, ks_test_custom_days, ks_last_tested, ks_notes,
            review_cadence, review_custom_days, review_signatories, review_next_due, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
        params![
            f.id,
            f.name,
            f.organisation,
            f.description,
            rows::list(&f.jurisdictions),
            rows::list(&op.kill_switch_holders),
            op.trigger_procedure,
            rows::enc(&op.test_cadence.kind),
            op.test_cadence.custom_days,
            op.last_tested.map(|d| d.to_string()),
            op.notes,
            rows::enc(&rs.cadence.kind),
            rs.cadence.custom_days,
            rows::list(&rs.required_signatories),
            rs.next_due.to_string(),
            now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The version of every editable record of a framework, keyed as `Edit::version_key` names them.
fn versions(conn: &Connection, fw: i64) -> Result<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    let (d, o, s): (i64, i64, i64) = conn.query_row(
        "SELECT details_version, override_version, schedule_version FROM frameworks WHERE id = ?1",
        [fw],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    out.insert("details".to_owned(), d);
    out.insert("override_policy".to_owned(), o);
    out.insert("review_schedule".to_owned(), s);
    for (list, table) in [
        ("parties", "parties"),
        ("platforms", "platforms"),
        ("capabilities", "capabilities"),
        ("raci", "raci_activities"),
        ("data_quality", "dq_standards"),
        ("hard_stops", "hard_stops"),
    ] {
        let mut st = conn.prepare_cached(&format!("SELECT key, row_version FROM {table} WHERE fw = ?1"))?;
        let mut rows = st.query([fw])?;
        while let Some(r) = rows.next()? {
            out.insert(format!("{list}/{}", r.get::<_, String>(0)?), r.get(1)?);
        }
    }
    let mut st = conn.prepare_cached("SELECT capability, platform, row_version FROM matrix_cells WHERE fw = ?1")?;
    let mut rows = st.query([fw])?;
    while let Some(r) = rows.next()? {
        out.insert(format!("matrix/{}/{}", r.get::<_, String>(0)?, r.get::<_, String>(1)?), r.get(2)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_paths_split_into_entity_and_field() {
        assert_eq!(entity_and_field("name"), ("framework".into(), "name".into()));
        assert_eq!(
            entity_and_field("override_policy.kill_switch_holders"),
            ("override_policy".into(), "kill_switch_holders".into())
        );
        assert_eq!(
            entity_and_field("platforms[tiktok].contract.required_latency.amount"),
            ("platforms[tiktok]".into(), "contract.required_latency.amount".into())
        );
        assert_eq!(entity_and_field("matrix[a/b]"), ("matrix[a/b]".into(), "*".into()));
    }
}
