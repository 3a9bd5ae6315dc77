//! The SQLite store: schema migrations, loading and saving frameworks, and the audit log.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use ts_rs::TS;

use crate::diff::diff;
use crate::error::{Error, Result};
use crate::model::*;
use crate::validate::integrity;

/// The schema migrations, oldest first. Never edit a released one: add a new one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(include_str!("../migrations/001_initial.sql"))])
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 1;

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

fn enc<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("enums serialise to strings, got {other:?}"),
    }
}

fn dec<T: DeserializeOwned>(s: String, col: usize) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s)).map_err(|e| conversion(col, e))
}

fn list(v: &[String]) -> String {
    serde_json::to_string(v).expect("a list of strings serialises")
}

fn dec_list(s: String, col: usize) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(&s).map_err(|e| conversion(col, e))
}

fn dec_date(s: Option<String>, col: usize) -> rusqlite::Result<Option<NaiveDate>> {
    s.map(|s| s.parse::<NaiveDate>().map_err(|e| conversion(col, e))).transpose()
}

fn conversion<E: std::error::Error + Send + Sync + 'static>(col: usize, e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
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
        load_with(&self.conn, fw)
    }

    /// Loads a framework and validates it as of `today`.
    pub fn open_view(&self, key: &str, today: NaiveDate) -> Result<FrameworkView> {
        let framework = self.load(key)?;
        let findings = crate::validate::validate(&framework, today);
        Ok(FrameworkView { framework, findings })
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
                insert_children(&tx, fw, framework)?;
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
                let old = load_with(&tx, fw)?;
                let changes = diff(&old, framework);
                if !changes.is_empty() {
                    for table in [
                        "matrix_cells",
                        "raci_assignments",
                        "raci_activities",
                        "dq_standards",
                        "hard_stops",
                        "capabilities",
                        "platforms",
                        "parties",
                    ] {
                        tx.execute(&format!("DELETE FROM {table} WHERE fw = ?1"), [fw])?;
                    }
                    update_framework_row(&tx, fw, framework, &now)?;
                    insert_children(&tx, fw, framework)?;
                    for c in &changes {
                        let (entity, field) = entity_and_field(&c.path);
                        let old = c.old.as_ref().map(|v| v.to_string());
                        let new = c.new.as_ref().map(|v| v.to_string());
                        append_audit(&tx, &now, actor, &framework.id, &entity, &field, old.as_deref(), new.as_deref())?;
                    }
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
fn append_audit(
    tx: &Transaction,
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

fn insert_framework_row(tx: &Transaction, f: &Framework, now: &str) -> Result<i64> {
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
            list(&f.jurisdictions),
            list(&op.kill_switch_holders),
            op.trigger_procedure,
            enc(&op.test_cadence.kind),
            op.test_cadence.custom_days,
            op.last_tested.map(|d| d.to_string()),
            op.notes,
            enc(&rs.cadence.kind),
            rs.cadence.custom_days,
            list(&rs.required_signatories),
            rs.next_due.to_string(),
            now,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn update_framework_row(tx: &Transaction, fw: i64, f: &Framework, now: &str) -> Result<()> {
    let op = &f.override_policy;
    let rs = &f.review_schedule;
    tx.execute(
        "UPDATE frameworks SET name = ?2, organisation = ?3, description = ?4, jurisdictions = ?5,
            ks_holders = ?6, ks_trigger = ?7, ks_test_cadence = ?8, ks_test_custom_days = ?9,
            ks_last_tested = ?10, ks_notes = ?11, review_cadence = ?12, review_custom_days = ?13,
            review_signatories = ?14, review_next_due = ?15, updated_at = ?16,
            row_version = row_version + 1
         WHERE id = ?1",
        params![
            fw,
            f.name,
            f.organisation,
            f.description,
            list(&f.jurisdictions),
            list(&op.kill_switch_holders),
            op.trigger_procedure,
            enc(&op.test_cadence.kind),
            op.test_cadence.custom_days,
            op.last_tested.map(|d| d.to_string()),
            op.notes,
            enc(&rs.cadence.kind),
            rs.cadence.custom_days,
            list(&rs.required_signatories),
            rs.next_due.to_string(),
            now,
        ],
    )?;
    Ok(())
}

fn insert_children(tx: &Transaction, fw: i64, f: &Framework) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO parties (fw, key, pos, name, title, email, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, p) in f.parties.iter().enumerate() {
        let i = i as i64;
        st.execute(params![fw, p.id, i, p.name, p.title, p.email, enc(&p.kind)])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO platforms (fw, key, pos, name, kind, data_formats, latency_amount, latency_unit,
            error_handling, permission_scopes, when_unavailable, when_unavailable_detail, latency_notes, policy_notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for (i, p) in f.platforms.iter().enumerate() {
        let i = i as i64;
        let c = &p.contract;
        st.execute(params![
            fw,
            p.id,
            i,
            p.name,
            enc(&p.kind),
            list(&c.data_formats),
            c.required_latency.amount,
            enc(&c.required_latency.unit),
            c.error_handling,
            list(&c.permission_scopes),
            enc(&c.when_unavailable),
            c.when_unavailable_detail,
            c.latency_notes,
            c.policy_notes
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO capabilities (fw, key, pos, name, description, risk, decision_mode, threshold)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, c) in f.capabilities.iter().enumerate() {
        let i = i as i64;
        st.execute(params![fw, c.id, i, c.name, c.description, enc(&c.risk), enc(&c.decision_mode), c.threshold])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO matrix_cells (fw, capability, platform, pos, support, mode, constraints, evidence, last_verified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, c) in f.matrix.iter().enumerate() {
        let i = i as i64;
        st.execute(params![
            fw,
            c.capability,
            c.platform,
            i,
            enc(&c.support),
            enc(&c.mode),
            c.constraints,
            c.evidence,
            c.last_verified.map(|d| d.to_string())
        ])?;
    }
    let mut act =
        tx.prepare_cached("INSERT INTO raci_activities (fw, key, pos, name, layer) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut asg =
        tx.prepare_cached("INSERT INTO raci_assignments (fw, activity, party, pos, role) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, a) in f.raci.iter().enumerate() {
        let i = i as i64;
        act.execute(params![fw, a.id, i, a.name, enc(&a.layer)])?;
        for (j, x) in a.assignments.iter().enumerate() {
            let j = j as i64;
            asg.execute(params![fw, a.id, x.party, j, enc(&x.role)])?;
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO dq_standards (fw, key, pos, data_input, source_platform, owner, min_completeness_pct,
            max_age_amount, max_age_unit, validation_rules, max_duplicate_pct, on_breach, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (i, d) in f.data_quality.iter().enumerate() {
        let i = i as i64;
        st.execute(params![
            fw,
            d.id,
            i,
            d.data_input,
            d.source_platform,
            d.owner,
            d.min_completeness_pct,
            d.max_age.amount,
            enc(&d.max_age.unit),
            list(&d.validation_rules),
            d.max_duplicate_pct,
            enc(&d.on_breach),
            d.notes
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO hard_stops (fw, key, pos, name, kind, cap_amount, cap_currency, entries, all_platforms,
            platforms, lift_authority, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, h) in f.hard_stops.iter().enumerate() {
        let i = i as i64;
        st.execute(params![
            fw,
            h.id,
            i,
            h.name,
            enc(&h.kind),
            h.cap.as_ref().map(|m| m.amount.as_str()),
            h.cap.as_ref().map(|m| m.currency.as_str()),
            list(&h.entries),
            h.all_platforms,
            list(&h.platforms),
            list(&h.lift_authority),
            h.notes
        ])?;
    }
    Ok(())
}

fn load_with(conn: &Connection, fw: i64) -> Result<Framework> {
    let mut framework = conn.query_row(
        "SELECT key, name, organisation, description, jurisdictions, ks_holders, ks_trigger, ks_test_cadence,
                ks_test_custom_days, ks_last_tested, ks_notes, review_cadence, review_custom_days,
                review_signatories, review_next_due
         FROM frameworks WHERE id = ?1",
        [fw],
        |r| {
            Ok(Framework {
                id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                description: r.get(3)?,
                jurisdictions: dec_list(r.get(4)?, 4)?,
                parties: Vec::new(),
                platforms: Vec::new(),
                capabilities: Vec::new(),
                matrix: Vec::new(),
                raci: Vec::new(),
                data_quality: Vec::new(),
                hard_stops: Vec::new(),
                override_policy: OverridePolicy {
                    kill_switch_holders: dec_list(r.get(5)?, 5)?,
                    trigger_procedure: r.get(6)?,
                    test_cadence: Cadence { kind: dec(r.get(7)?, 7)?, custom_days: r.get(8)? },
                    last_tested: dec_date(r.get(9)?, 9)?,
                    notes: r.get(10)?,
                },
                review_schedule: ReviewSchedule {
                    cadence: Cadence { kind: dec(r.get(11)?, 11)?, custom_days: r.get(12)? },
                    required_signatories: dec_list(r.get(13)?, 13)?,
                    next_due: dec_date(Some(r.get(14)?), 14)?.expect("present"),
                },
            })
        },
    )?;

    let mut st = conn.prepare_cached("SELECT key, name, title, email, kind FROM parties WHERE fw = ?1 ORDER BY pos")?;
    framework.parties = st
        .query_map([fw], |r| {
            Ok(Party { id: r.get(0)?, name: r.get(1)?, title: r.get(2)?, email: r.get(3)?, kind: dec(r.get(4)?, 4)? })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached(
        "SELECT key, name, kind, data_formats, latency_amount, latency_unit, error_handling, permission_scopes,
                when_unavailable, when_unavailable_detail, latency_notes, policy_notes
         FROM platforms WHERE fw = ?1 ORDER BY pos",
    )?;
    framework.platforms = st
        .query_map([fw], |r| {
            Ok(Platform {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: dec(r.get(2)?, 2)?,
                contract: InteropContract {
                    data_formats: dec_list(r.get(3)?, 3)?,
                    required_latency: Duration { amount: r.get(4)?, unit: dec(r.get(5)?, 5)? },
                    error_handling: r.get(6)?,
                    permission_scopes: dec_list(r.get(7)?, 7)?,
                    when_unavailable: dec(r.get(8)?, 8)?,
                    when_unavailable_detail: r.get(9)?,
                    latency_notes: r.get(10)?,
                    policy_notes: r.get(11)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached(
        "SELECT key, name, description, risk, decision_mode, threshold FROM capabilities WHERE fw = ?1 ORDER BY pos",
    )?;
    framework.capabilities = st
        .query_map([fw], |r| {
            Ok(Capability {
                id: r.get(0)?,
                name: r.get(1)?,
                description: r.get(2)?,
                risk: dec(r.get(3)?, 3)?,
                decision_mode: dec(r.get(4)?, 4)?,
                threshold: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached(
        "SELECT capability, platform, support, mode, constraints, evidence, last_verified
         FROM matrix_cells WHERE fw = ?1 ORDER BY pos",
    )?;
    framework.matrix = st
        .query_map([fw], |r| {
            Ok(MatrixCell {
                capability: r.get(0)?,
                platform: r.get(1)?,
                support: dec(r.get(2)?, 2)?,
                mode: dec(r.get(3)?, 3)?,
                constraints: r.get(4)?,
                evidence: r.get(5)?,
                last_verified: dec_date(r.get(6)?, 6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached("SELECT key, name, layer FROM raci_activities WHERE fw = ?1 ORDER BY pos")?;
    framework.raci = st
        .query_map([fw], |r| {
            Ok(RaciActivity { id: r.get(0)?, name: r.get(1)?, layer: dec(r.get(2)?, 2)?, assignments: Vec::new() })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: std::collections::HashMap<String, usize> =
        framework.raci.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut st =
        conn.prepare_cached("SELECT activity, party, role FROM raci_assignments WHERE fw = ?1 ORDER BY activity, pos")?;
    let mut rows = st.query([fw])?;
    while let Some(r) = rows.next()? {
        let activity: String = r.get(0)?;
        let assignment = RaciAssignment { party: r.get(1)?, role: dec(r.get(2)?, 2)? };
        if let Some(&i) = index.get(&activity) {
            framework.raci[i].assignments.push(assignment);
        }
    }

    let mut st = conn.prepare_cached(
        "SELECT key, data_input, source_platform, owner, min_completeness_pct, max_age_amount, max_age_unit,
                validation_rules, max_duplicate_pct, on_breach, notes
         FROM dq_standards WHERE fw = ?1 ORDER BY pos",
    )?;
    framework.data_quality = st
        .query_map([fw], |r| {
            Ok(DataQualityStandard {
                id: r.get(0)?,
                data_input: r.get(1)?,
                source_platform: r.get(2)?,
                owner: r.get(3)?,
                min_completeness_pct: r.get(4)?,
                max_age: Duration { amount: r.get(5)?, unit: dec(r.get(6)?, 6)? },
                validation_rules: dec_list(r.get(7)?, 7)?,
                max_duplicate_pct: r.get(8)?,
                on_breach: dec(r.get(9)?, 9)?,
                notes: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut st = conn.prepare_cached(
        "SELECT key, name, kind, cap_amount, cap_currency, entries, all_platforms, platforms, lift_authority, notes
         FROM hard_stops WHERE fw = ?1 ORDER BY pos",
    )?;
    framework.hard_stops = st
        .query_map([fw], |r| {
            let amount: Option<String> = r.get(3)?;
            let currency: Option<String> = r.get(4)?;
            Ok(HardStop {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: dec(r.get(2)?, 2)?,
                cap: match (amount, currency) {
                    (Some(amount), Some(currency)) => Some(Money { amount, currency }),
                    _ => None,
                },
                entries: dec_list(r.get(5)?, 5)?,
                all_platforms: r.get(6)?,
                platforms: dec_list(r.get(7)?, 7)?,
                lift_authority: dec_list(r.get(8)?, 8)?,
                notes: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    Ok(framework)
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
