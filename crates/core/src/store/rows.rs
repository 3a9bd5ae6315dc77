//! One place per table for the mapping between rows and domain types, and for writing an item.
//! Writes are upserts keyed by (framework, id) that bump the row's version.

use super::db::{params, Db, DbError, DbResult, OptionalExtension, Params, Row, Stmt, Value};
use chrono::NaiveDate;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::{Error, Result};
use crate::model::*;
use crate::text::{excerpt, quoted};

pub(crate) fn enc<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("enums serialise to strings, got {other:?}"),
    }
}

pub(crate) fn dec<T: DeserializeOwned>(s: String, col: usize) -> DbResult<T> {
    serde_json::from_value(serde_json::Value::String(s)).map_err(|e| conversion(col, e))
}

pub(crate) fn list(v: &[String]) -> String {
    serde_json::to_string(v).expect("a list of strings serialises")
}

/// A list of enumeration values, as a JSON list of their wire names.
pub(crate) fn enc_enums<T: Serialize>(v: &[T]) -> String {
    serde_json::to_string(v).expect("a list of enumeration values serialises")
}

pub(crate) fn dec_enums<T: DeserializeOwned>(s: String, col: usize) -> DbResult<Vec<T>> {
    serde_json::from_str(&s).map_err(|e| conversion(col, e))
}

pub(crate) fn dec_list(s: String, col: usize) -> DbResult<Vec<String>> {
    serde_json::from_str(&s).map_err(|e| conversion(col, e))
}

pub(crate) fn dec_date(s: String, col: usize) -> DbResult<NaiveDate> {
    s.parse::<NaiveDate>().map_err(|e| conversion(col, e))
}

pub(crate) fn dec_opt_date(s: Option<String>, col: usize) -> DbResult<Option<NaiveDate>> {
    s.map(|s| dec_date(s, col)).transpose()
}

fn conversion<E: std::error::Error>(col: usize, e: E) -> DbError {
    DbError::Conversion { col, message: e.to_string() }
}

/// The first `n` columns of a row as text, joined by '/': the row's name in a message.
fn row_name(r: &Row, n: usize) -> String {
    let parts: Vec<String> = (0..n)
        .map(|i| match r.value(i) {
            Some(Value::Text(t)) => t.clone(),
            Some(Value::Int(n)) => n.to_string(),
            _ => "(unreadable)".to_owned(),
        })
        .collect();
    parts.join("/")
}

/// The error for a row that does not map to a domain value: it names the table and the row.
fn damaged(table: &str, r: &Row, key_cols: usize, e: DbError) -> Error {
    let detail = match &e {
        DbError::Conversion { col, message } => format!("column {col}: {message}"),
        other => other.to_string(),
    };
    Error::Damaged(format!(
        "the {table} row {} cannot be read ({}); the database was changed outside the app or is damaged",
        quoted(&row_name(r, key_cols)),
        excerpt(&detail)
    ))
}

/// Maps every row of a query, naming the table and the row when one cannot be read.
/// The row's name is its first `key_cols` columns.
pub(crate) fn collect<T>(
    st: &Stmt<'_>,
    params: impl Params,
    table: &str,
    key_cols: usize,
    map: impl Fn(&Row) -> DbResult<T>,
) -> Result<Vec<T>> {
    let mut rows = st.query(params)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(map(r).map_err(|e| damaged(table, r, key_cols, e))?);
    }
    Ok(out)
}

/// The first row of a query, if any, mapped as `collect` maps rows.
pub(crate) fn first<T>(
    st: &Stmt<'_>,
    params: impl Params,
    table: &str,
    key_cols: usize,
    map: impl Fn(&Row) -> DbResult<T>,
) -> Result<Option<T>> {
    let mut rows = st.query(params)?;
    match rows.next()? {
        Some(r) => Ok(Some(map(r).map_err(|e| damaged(table, r, key_cols, e))?)),
        None => Ok(None),
    }
}

/// A table of items keyed by (fw, key): its columns, its row mapping and its upsert.
pub(crate) struct Table<T> {
    pub name: &'static str,
    /// The columns `map` reads, `key` first.
    pub cols: &'static str,
    pub map: fn(&Row) -> DbResult<T>,
    /// Inserts the item at a position, or replaces it there, moving its version.
    pub put: fn(&Db, i64, i64, &T) -> Result<()>,
    /// The item's id: its `key` column.
    pub key: fn(&T) -> &str,
}

impl<T> Table<T> {
    /// All items of a framework in list order.
    pub fn all(&self, conn: &Db, fw: i64) -> Result<Vec<T>> {
        let st = conn.prepare_cached(&format!("SELECT {} FROM {} WHERE fw = ?1 ORDER BY pos", self.cols, self.name))?;
        collect(&st, [fw], self.name, 1, self.map)
    }

    /// One item with its position.
    pub fn one(&self, conn: &Db, fw: i64, key: &str) -> Result<Option<(T, i64)>> {
        let st =
            conn.prepare_cached(&format!("SELECT {}, pos FROM {} WHERE fw = ?1 AND key = ?2", self.cols, self.name))?;
        let n = self.cols.split(',').count();
        first(&st, params![fw, key], self.name, 1, |r| Ok(((self.map)(r)?, r.get(n)?)))
    }

    /// The items' ids in list order.
    pub fn keys(&self, conn: &Db, fw: i64) -> Result<Vec<String>> {
        let st = conn.prepare_cached(&format!("SELECT key FROM {} WHERE fw = ?1 ORDER BY pos", self.name))?;
        let rows = st.query_map([fw], |r| r.get(0))?;
        Ok(rows.collect::<DbResult<_>>()?)
    }

    /// The next free position at the end of the list.
    pub fn next_pos(&self, conn: &Db, fw: i64) -> Result<i64> {
        let sql = format!("SELECT coalesce(max(pos) + 1, 0) FROM {} WHERE fw = ?1", self.name);
        Ok(conn.prepare_cached(&sql)?.query_row([fw], |r| r.get(0))?)
    }

    /// How many items stand before position `pos`: an item's index in the list.
    pub fn index_of(&self, conn: &Db, fw: i64, pos: i64) -> Result<u32> {
        let sql = format!("SELECT count(*) FROM {} WHERE fw = ?1 AND pos < ?2", self.name);
        Ok(conn.prepare_cached(&sql)?.query_row(params![fw, pos], |r| r.get(0))?)
    }

    pub fn delete(&self, conn: &Db, fw: i64, key: &str) -> Result<()> {
        conn.prepare_cached(&format!("DELETE FROM {} WHERE fw = ?1 AND key = ?2", self.name))?
            .execute(params![fw, key])?;
        Ok(())
    }

    /// The stored version of one item; 0 when it does not exist.
    pub fn version(&self, conn: &Db, fw: i64, key: &str) -> Result<i64> {
        let sql = format!("SELECT row_version FROM {} WHERE fw = ?1 AND key = ?2", self.name);
        Ok(conn.prepare_cached(&sql)?.query_row(params![fw, key], |r| r.get(0)).optional()?.unwrap_or(0))
    }

    /// Every item's id with its version.
    pub fn versions(&self, conn: &Db, fw: i64) -> Result<Vec<(String, i64)>> {
        let st = conn.prepare_cached(&format!("SELECT key, row_version FROM {} WHERE fw = ?1", self.name))?;
        let rows = st.query_map([fw], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<DbResult<_>>()?)
    }
}

pub(crate) const PARTIES: Table<Party> = Table {
    name: "parties",
    cols: "key, name, title, email, kind, certificate",
    map: |r| {
        Ok(Party {
            id: r.get(0)?,
            name: r.get(1)?,
            title: r.get(2)?,
            email: r.get(3)?,
            kind: dec(r.get(4)?, 4)?,
            certificate: r.get(5)?,
        })
    },
    put: put_party,
    key: |x| &x.id,
};

pub(crate) const PLATFORMS: Table<Platform> = Table {
    name: "platforms",
    cols: "key, name, kind, data_formats, latency_amount, latency_unit, error_handling, permission_scopes, \
           when_unavailable, when_unavailable_detail, latency_notes, policy_notes",
    map: |r| {
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
    },
    put: put_platform,
    key: |x| &x.id,
};

pub(crate) const CAPABILITIES: Table<Capability> = Table {
    name: "capabilities",
    cols: "key, name, description, risk, decision_mode, threshold, obligations",
    map: |r| {
        Ok(Capability {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            risk: dec(r.get(3)?, 3)?,
            decision_mode: dec(r.get(4)?, 4)?,
            threshold: r.get(5)?,
            obligations: dec_list(r.get(6)?, 6)?,
        })
    },
    put: put_capability,
    key: |x| &x.id,
};

/// RACI activities; their assignments are read separately.
pub(crate) const ACTIVITIES: Table<RaciActivity> = Table {
    name: "raci_activities",
    cols: "key, name, layer, obligations",
    map: |r| {
        Ok(RaciActivity {
            id: r.get(0)?,
            name: r.get(1)?,
            layer: dec(r.get(2)?, 2)?,
            assignments: Vec::new(),
            obligations: dec_list(r.get(3)?, 3)?,
        })
    },
    put: put_activity,
    key: |x| &x.id,
};

pub(crate) const DATA_QUALITY: Table<DataQualityStandard> = Table {
    name: "dq_standards",
    cols: "key, data_input, source_platform, owner, min_completeness_pct, max_age_amount, max_age_unit, \
           validation_rules, max_duplicate_pct, on_breach, notes, obligations",
    map: |r| {
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
            obligations: dec_list(r.get(11)?, 11)?,
        })
    },
    put: put_data_quality,
    key: |x| &x.id,
};

pub(crate) const HARD_STOPS: Table<HardStop> = Table {
    name: "hard_stops",
    cols: "key, name, kind, cap_amount, cap_currency, entries, all_platforms, platforms, lift_authority, notes, \
           obligations",
    map: |r| {
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
            obligations: dec_list(r.get(10)?, 10)?,
        })
    },
    put: put_hard_stop,
    key: |x| &x.id,
};

pub(crate) const RULES: Table<ComplianceRule> = Table {
    name: "compliance_rules",
    cols: "key, name, jurisdiction, kind, requirement, all_capabilities, capabilities, all_platforms, platforms, \
           enforced_by, evidence, owner, obligations",
    map: |r| {
        Ok(ComplianceRule {
            id: r.get(0)?,
            name: r.get(1)?,
            jurisdiction: r.get(2)?,
            kind: dec(r.get(3)?, 3)?,
            requirement: r.get(4)?,
            all_capabilities: r.get(5)?,
            capabilities: dec_list(r.get(6)?, 6)?,
            all_platforms: r.get(7)?,
            platforms: dec_list(r.get(8)?, 8)?,
            enforced_by: dec_enums(r.get(9)?, 9)?,
            evidence: r.get(10)?,
            owner: r.get(11)?,
            obligations: dec_list(r.get(12)?, 12)?,
        })
    },
    put: put_rule,
    key: |x| &x.id,
};

const CELL_COLS: &str = "capability, platform, support, mode, constraints, evidence, last_verified";

fn cell(r: &Row) -> DbResult<MatrixCell> {
    Ok(MatrixCell {
        capability: r.get(0)?,
        platform: r.get(1)?,
        support: dec(r.get(2)?, 2)?,
        mode: dec(r.get(3)?, 3)?,
        constraints: r.get(4)?,
        evidence: r.get(5)?,
        last_verified: dec_opt_date(r.get(6)?, 6)?,
    })
}

pub(crate) fn all_cells(conn: &Db, fw: i64) -> Result<Vec<MatrixCell>> {
    let st = conn.prepare_cached(&format!("SELECT {CELL_COLS} FROM matrix_cells WHERE fw = ?1 ORDER BY pos"))?;
    collect(&st, [fw], "matrix_cells", 2, cell)
}

/// One cell with its position.
pub(crate) fn one_cell(conn: &Db, fw: i64, cap: &str, plat: &str) -> Result<Option<(MatrixCell, i64)>> {
    let st = conn.prepare_cached(&format!(
        "SELECT {CELL_COLS}, pos FROM matrix_cells WHERE fw = ?1 AND capability = ?2 AND platform = ?3"
    ))?;
    first(&st, params![fw, cap, plat], "matrix_cells", 2, |r| Ok((cell(r)?, r.get(7)?)))
}

pub(crate) fn next_cell_pos(conn: &Db, fw: i64) -> Result<i64> {
    let sql = "SELECT coalesce(max(pos) + 1, 0) FROM matrix_cells WHERE fw = ?1";
    Ok(conn.prepare_cached(sql)?.query_row([fw], |r| r.get(0))?)
}

pub(crate) fn delete_cell(conn: &Db, fw: i64, cap: &str, plat: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM matrix_cells WHERE fw = ?1 AND capability = ?2 AND platform = ?3")?
        .execute(params![fw, cap, plat])?;
    Ok(())
}

/// The stored version of one cell; 0 when it does not exist.
pub(crate) fn cell_version(conn: &Db, fw: i64, cap: &str, plat: &str) -> Result<i64> {
    let sql = "SELECT row_version FROM matrix_cells WHERE fw = ?1 AND capability = ?2 AND platform = ?3";
    Ok(conn.prepare_cached(sql)?.query_row(params![fw, cap, plat], |r| r.get(0)).optional()?.unwrap_or(0))
}

/// Every cell's (capability, platform) with its version.
pub(crate) fn cell_versions(conn: &Db, fw: i64) -> Result<Vec<(String, String, i64)>> {
    let st = conn.prepare_cached("SELECT capability, platform, row_version FROM matrix_cells WHERE fw = ?1")?;
    let rows = st.query_map([fw], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<DbResult<_>>()?)
}

fn assignment(r: &Row) -> DbResult<RaciAssignment> {
    Ok(RaciAssignment { party: r.get(1)?, role: dec(r.get(2)?, 2)? })
}

/// Fills in an activity's assignments, in order.
pub(crate) fn load_assignments(conn: &Db, fw: i64, a: &mut RaciActivity) -> Result<()> {
    let st = conn.prepare_cached(
        "SELECT activity, party, role FROM raci_assignments WHERE fw = ?1 AND activity = ?2 ORDER BY pos",
    )?;
    a.assignments = collect(&st, params![fw, a.id], "raci_assignments", 2, assignment)?;
    Ok(())
}

pub(crate) fn put_party(conn: &Db, fw: i64, pos: i64, p: &Party) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO parties (fw, key, pos, name, title, email, kind, certificate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name, title = excluded.title,
            email = excluded.email, kind = excluded.kind, certificate = excluded.certificate,
            row_version = parties.row_version + 1",
    )?
    .execute(params![fw, p.id, pos, p.name, p.title, p.email, enc(&p.kind), p.certificate])?;
    Ok(())
}

pub(crate) fn put_platform(conn: &Db, fw: i64, pos: i64, p: &Platform) -> Result<()> {
    let c = &p.contract;
    conn.prepare_cached(
        "INSERT INTO platforms (fw, key, pos, name, kind, data_formats, latency_amount, latency_unit,
            error_handling, permission_scopes, when_unavailable, when_unavailable_detail, latency_notes, policy_notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name, kind = excluded.kind,
            data_formats = excluded.data_formats, latency_amount = excluded.latency_amount,
            latency_unit = excluded.latency_unit, error_handling = excluded.error_handling,
            permission_scopes = excluded.permission_scopes, when_unavailable = excluded.when_unavailable,
            when_unavailable_detail = excluded.when_unavailable_detail, latency_notes = excluded.latency_notes,
            policy_notes = excluded.policy_notes, row_version = platforms.row_version + 1",
    )?
    .execute(params![
        fw,
        p.id,
        pos,
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
    Ok(())
}

pub(crate) fn put_capability(conn: &Db, fw: i64, pos: i64, c: &Capability) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO capabilities (fw, key, pos, name, description, risk, decision_mode, threshold, obligations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name,
            description = excluded.description, risk = excluded.risk, decision_mode = excluded.decision_mode,
            threshold = excluded.threshold, obligations = excluded.obligations,
            row_version = capabilities.row_version + 1",
    )?
    .execute(params![
        fw,
        c.id,
        pos,
        c.name,
        c.description,
        enc(&c.risk),
        enc(&c.decision_mode),
        c.threshold,
        list(&c.obligations)
    ])?;
    Ok(())
}

pub(crate) fn put_cell(conn: &Db, fw: i64, pos: i64, c: &MatrixCell) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO matrix_cells (fw, capability, platform, pos, support, mode, constraints, evidence, last_verified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (fw, capability, platform) DO UPDATE SET pos = excluded.pos, support = excluded.support,
            mode = excluded.mode, constraints = excluded.constraints, evidence = excluded.evidence,
            last_verified = excluded.last_verified, row_version = matrix_cells.row_version + 1",
    )?
    .execute(params![
        fw,
        c.capability,
        c.platform,
        pos,
        enc(&c.support),
        enc(&c.mode),
        c.constraints,
        c.evidence,
        c.last_verified.map(|d| d.to_string())
    ])?;
    Ok(())
}

/// Writes an activity and replaces its assignments.
pub(crate) fn put_activity(conn: &Db, fw: i64, pos: i64, a: &RaciActivity) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO raci_activities (fw, key, pos, name, layer, obligations) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name, layer = excluded.layer,
            obligations = excluded.obligations, row_version = raci_activities.row_version + 1",
    )?
    .execute(params![fw, a.id, pos, a.name, enc(&a.layer), list(&a.obligations)])?;
    conn.prepare_cached("DELETE FROM raci_assignments WHERE fw = ?1 AND activity = ?2")?.execute(params![fw, a.id])?;
    let st = conn
        .prepare_cached("INSERT INTO raci_assignments (fw, activity, party, pos, role) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (j, x) in a.assignments.iter().enumerate() {
        st.execute(params![fw, a.id, x.party, j as i64, enc(&x.role)])?;
    }
    Ok(())
}

pub(crate) fn put_data_quality(conn: &Db, fw: i64, pos: i64, d: &DataQualityStandard) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO dq_standards (fw, key, pos, data_input, source_platform, owner, min_completeness_pct,
            max_age_amount, max_age_unit, validation_rules, max_duplicate_pct, on_breach, notes, obligations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, data_input = excluded.data_input,
            source_platform = excluded.source_platform, owner = excluded.owner,
            min_completeness_pct = excluded.min_completeness_pct, max_age_amount = excluded.max_age_amount,
            max_age_unit = excluded.max_age_unit, validation_rules = excluded.validation_rules,
            max_duplicate_pct = excluded.max_duplicate_pct, on_breach = excluded.on_breach, notes = excluded.notes,
            obligations = excluded.obligations, row_version = dq_standards.row_version + 1",
    )?
    .execute(params![
        fw,
        d.id,
        pos,
        d.data_input,
        d.source_platform,
        d.owner,
        d.min_completeness_pct,
        d.max_age.amount,
        enc(&d.max_age.unit),
        list(&d.validation_rules),
        d.max_duplicate_pct,
        enc(&d.on_breach),
        d.notes,
        list(&d.obligations)
    ])?;
    Ok(())
}

pub(crate) fn put_hard_stop(conn: &Db, fw: i64, pos: i64, h: &HardStop) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO hard_stops (fw, key, pos, name, kind, cap_amount, cap_currency, entries, all_platforms,
            platforms, lift_authority, notes, obligations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name, kind = excluded.kind,
            cap_amount = excluded.cap_amount, cap_currency = excluded.cap_currency, entries = excluded.entries,
            all_platforms = excluded.all_platforms, platforms = excluded.platforms,
            lift_authority = excluded.lift_authority, notes = excluded.notes, obligations = excluded.obligations,
            row_version = hard_stops.row_version + 1",
    )?
    .execute(params![
        fw,
        h.id,
        pos,
        h.name,
        enc(&h.kind),
        h.cap.as_ref().map(|m| m.amount.as_str()),
        h.cap.as_ref().map(|m| m.currency.as_str()),
        list(&h.entries),
        h.all_platforms,
        list(&h.platforms),
        list(&h.lift_authority),
        h.notes,
        list(&h.obligations)
    ])?;
    Ok(())
}

pub(crate) fn put_rule(conn: &Db, fw: i64, pos: i64, x: &ComplianceRule) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO compliance_rules (fw, key, pos, name, jurisdiction, kind, requirement, all_capabilities,
            capabilities, all_platforms, platforms, enforced_by, evidence, owner, obligations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (fw, key) DO UPDATE SET pos = excluded.pos, name = excluded.name,
            jurisdiction = excluded.jurisdiction, kind = excluded.kind, requirement = excluded.requirement,
            all_capabilities = excluded.all_capabilities, capabilities = excluded.capabilities,
            all_platforms = excluded.all_platforms, platforms = excluded.platforms,
            enforced_by = excluded.enforced_by, evidence = excluded.evidence, owner = excluded.owner,
            obligations = excluded.obligations, row_version = compliance_rules.row_version + 1",
    )?
    .execute(params![
        fw,
        x.id,
        pos,
        x.name,
        x.jurisdiction,
        enc(&x.kind),
        x.requirement,
        x.all_capabilities,
        list(&x.capabilities),
        x.all_platforms,
        list(&x.platforms),
        enc_enums(&x.enforced_by),
        x.evidence,
        x.owner,
        list(&x.obligations)
    ])?;
    Ok(())
}

pub(crate) fn put_details(conn: &Db, fw: i64, name: &str, org: &str, desc: &str, jur: &[String]) -> Result<()> {
    conn.prepare_cached(
        "UPDATE frameworks SET name = ?2, organisation = ?3, description = ?4, jurisdictions = ?5,
            details_version = details_version + 1 WHERE id = ?1",
    )?
    .execute(params![fw, name, org, desc, list(jur)])?;
    Ok(())
}

pub(crate) fn put_override(conn: &Db, fw: i64, op: &OverridePolicy) -> Result<()> {
    conn.prepare_cached(
        "UPDATE frameworks SET ks_holders = ?2, ks_trigger = ?3, ks_test_cadence = ?4, ks_test_custom_days = ?5,
            ks_last_tested = ?6, ks_notes = ?7, ks_obligations = ?8, override_version = override_version + 1
         WHERE id = ?1",
    )?
    .execute(params![
        fw,
        list(&op.kill_switch_holders),
        op.trigger_procedure,
        enc(&op.test_cadence.kind),
        op.test_cadence.custom_days,
        op.last_tested.map(|d| d.to_string()),
        op.notes,
        list(&op.obligations)
    ])?;
    Ok(())
}

pub(crate) fn put_schedule(conn: &Db, fw: i64, rs: &ReviewSchedule) -> Result<()> {
    conn.prepare_cached(
        "UPDATE frameworks SET review_cadence = ?2, review_custom_days = ?3, review_signatories = ?4,
            review_next_due = ?5, review_obligations = ?6, schedule_version = schedule_version + 1 WHERE id = ?1",
    )?
    .execute(params![
        fw,
        enc(&rs.cadence.kind),
        rs.cadence.custom_days,
        list(&rs.required_signatories),
        rs.next_due.to_string(),
        list(&rs.obligations)
    ])?;
    Ok(())
}

const FRAMEWORK_COLS: &str = "key, name, organisation, description, jurisdictions, ks_holders, ks_trigger, \
    ks_test_cadence, ks_test_custom_days, ks_last_tested, ks_notes, review_cadence, review_custom_days, \
    review_signatories, review_next_due, ks_obligations, review_obligations";

fn framework_parts_row(r: &Row) -> DbResult<Framework> {
    Ok(Framework::with_own_fields(
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        dec_list(r.get(4)?, 4)?,
        OverridePolicy {
            kill_switch_holders: dec_list(r.get(5)?, 5)?,
            trigger_procedure: r.get(6)?,
            test_cadence: Cadence { kind: dec(r.get(7)?, 7)?, custom_days: r.get(8)? },
            last_tested: dec_opt_date(r.get(9)?, 9)?,
            notes: r.get(10)?,
            obligations: dec_list(r.get(15)?, 15)?,
        },
        ReviewSchedule {
            cadence: Cadence { kind: dec(r.get(11)?, 11)?, custom_days: r.get(12)? },
            required_signatories: dec_list(r.get(13)?, 13)?,
            next_due: dec_date(r.get(14)?, 14)?,
            obligations: dec_list(r.get(16)?, 16)?,
        },
    ))
}

/// Inserts a new framework row with its own fields; returns its row id.
pub(crate) fn insert_framework(tx: &Db, f: &Framework, now: &str) -> Result<i64> {
    let op = &f.override_policy;
    let rs = &f.review_schedule;
    Ok(tx.query_row(
        "INSERT INTO frameworks (key, name, organisation, description, jurisdictions,
            ks_holders, ks_trigger, ks_test_cadence, ks_test_custom_days, ks_last_tested, ks_notes,
            review_cadence, review_custom_days, review_signatories, review_next_due, created_at, updated_at,
            ks_obligations, review_obligations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18)
         RETURNING id",
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
            list(&op.obligations),
            list(&rs.obligations),
        ],
        |r| r.get(0),
    )?)
}

/// The versions of the framework row's three parts: details, override policy, review schedule.
pub(crate) fn part_versions(conn: &Db, fw: i64) -> Result<(i64, i64, i64)> {
    let sql = "SELECT details_version, override_version, schedule_version FROM frameworks WHERE id = ?1";
    Ok(conn.prepare_cached(sql)?.query_row([fw], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?)
}

/// The framework row's own parts: details, override policy and review schedule.
pub(crate) fn framework_parts(conn: &Db, fw: i64) -> Result<Framework> {
    let st = conn.prepare_cached(&format!("SELECT {FRAMEWORK_COLS} FROM frameworks WHERE id = ?1"))?;
    first(&st, [fw], "frameworks", 1, framework_parts_row)?
        .ok_or_else(|| Error::NotFound(format!("there is no framework row {fw}")))
}

/// A whole framework draft.
pub(crate) fn load(conn: &Db, fw: i64) -> Result<Framework> {
    let mut f = framework_parts(conn, fw)?;
    f.parties = PARTIES.all(conn, fw)?;
    f.platforms = PLATFORMS.all(conn, fw)?;
    f.capabilities = CAPABILITIES.all(conn, fw)?;
    f.matrix = all_cells(conn, fw)?;
    f.raci = ACTIVITIES.all(conn, fw)?;
    let index: std::collections::HashMap<String, usize> =
        f.raci.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let st =
        conn.prepare_cached("SELECT activity, party, role FROM raci_assignments WHERE fw = ?1 ORDER BY activity, pos")?;
    let all = collect(&st, [fw], "raci_assignments", 2, |r| Ok((r.get::<_, String>(0)?, assignment(r)?)))?;
    for (activity, x) in all {
        if let Some(&i) = index.get(&activity) {
            f.raci[i].assignments.push(x);
        }
    }
    f.data_quality = DATA_QUALITY.all(conn, fw)?;
    f.hard_stops = HARD_STOPS.all(conn, fw)?;
    f.compliance_rules = RULES.all(conn, fw)?;
    Ok(f)
}

/// Writes `new` over the draft `old` of framework row `fw`: only changed rows are written (their
/// versions move), rows that are gone are deleted. Foreign keys are checked at commit.
pub(crate) fn sync(conn: &Db, fw: i64, old: &Framework, new: &Framework) -> Result<()> {
    use std::collections::{HashMap, HashSet};
    conn.defer_foreign_keys()?;
    if (old.name.as_str(), old.organisation.as_str(), old.description.as_str(), &old.jurisdictions)
        != (new.name.as_str(), new.organisation.as_str(), new.description.as_str(), &new.jurisdictions)
    {
        put_details(conn, fw, &new.name, &new.organisation, &new.description, &new.jurisdictions)?;
    }
    if old.override_policy != new.override_policy {
        put_override(conn, fw, &new.override_policy)?;
    }
    if old.review_schedule != new.review_schedule {
        put_schedule(conn, fw, &new.review_schedule)?;
    }

    fn sync_list<T: PartialEq>(conn: &Db, fw: i64, table: &Table<T>, old: &[T], new: &[T]) -> Result<()> {
        let before: HashMap<&str, (usize, &T)> =
            old.iter().enumerate().map(|(i, x)| ((table.key)(x), (i, x))).collect();
        let keep: HashSet<&str> = new.iter().map(table.key).collect();
        for k in before.keys().filter(|k| !keep.contains(*k)) {
            table.delete(conn, fw, k)?;
        }
        for (i, x) in new.iter().enumerate() {
            if before.get((table.key)(x)) != Some(&(i, x)) {
                (table.put)(conn, fw, i as i64, x)?;
            }
        }
        Ok(())
    }
    sync_list(conn, fw, &PARTIES, &old.parties, &new.parties)?;
    sync_list(conn, fw, &PLATFORMS, &old.platforms, &new.platforms)?;
    sync_list(conn, fw, &CAPABILITIES, &old.capabilities, &new.capabilities)?;
    sync_list(conn, fw, &ACTIVITIES, &old.raci, &new.raci)?;
    sync_list(conn, fw, &DATA_QUALITY, &old.data_quality, &new.data_quality)?;
    sync_list(conn, fw, &HARD_STOPS, &old.hard_stops, &new.hard_stops)?;
    sync_list(conn, fw, &RULES, &old.compliance_rules, &new.compliance_rules)?;

    let before: HashMap<(&str, &str), (usize, &MatrixCell)> =
        old.matrix.iter().enumerate().map(|(i, c)| ((c.capability.as_str(), c.platform.as_str()), (i, c))).collect();
    let keep: HashSet<(&str, &str)> = new.matrix.iter().map(|c| (c.capability.as_str(), c.platform.as_str())).collect();
    for (c, p) in before.keys().filter(|k| !keep.contains(*k)) {
        delete_cell(conn, fw, c, p)?;
    }
    for (i, c) in new.matrix.iter().enumerate() {
        if before.get(&(c.capability.as_str(), c.platform.as_str())) != Some(&(i, c)) {
            put_cell(conn, fw, i as i64, c)?;
        }
    }
    Ok(())
}
