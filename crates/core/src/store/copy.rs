//! Copying everything one database holds into an empty one (a local file to a team server, or
//! back): every row of every table, ids and hashes unchanged, then checked row for row.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::db::{Db, Value};
use super::Store;
use crate::error::{Error, Result};

/// The tables copied, each after the tables it refers to. Undo steps are not copied: they are
/// one person's session on one database.
const TABLES: [&str; 14] = [
    "frameworks",
    "parties",
    "platforms",
    "capabilities",
    "matrix_cells",
    "raci_activities",
    "raci_assignments",
    "dq_standards",
    "hard_stops",
    "compliance_rules",
    "versions",
    "signoffs",
    "completed_cycles",
    "audit_log",
];

/// What a copy did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CopyReport {
    pub from: String,
    pub to: String,
    /// Rows copied per table, in copying order.
    #[ts(type = "Array<[string, number]>")]
    pub rows: Vec<(String, u64)>,
    pub frameworks: u64,
    pub versions: u64,
    pub signoffs: u64,
    pub audit_rows: u64,
}

impl std::fmt::Display for CopyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "copied {} framework(s), {} published version(s), {} sign-off(s) and {} audit row(s) from {} to {}",
            self.frameworks, self.versions, self.signoffs, self.audit_rows, self.from, self.to
        )?;
        for (table, n) in &self.rows {
            writeln!(f, "  {table}: {n} row(s)")?;
        }
        write!(f, "checked: every row reads back the same, and every version's hash and chain verify")
    }
}

/// The columns of a table, in order.
fn columns(db: &Db, table: &str) -> Result<Vec<String>> {
    let sql = if db.sqlite().is_some() {
        "SELECT name FROM pragma_table_info(?1) ORDER BY cid"
    } else {
        "SELECT column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position"
    };
    let st = db.prepare_cached(sql)?;
    Ok(st.query_map([table], |r| r.get(0))?.collect::<super::db::DbResult<_>>()?)
}

/// Every row of a table as values, sorted, so that two databases' rows compare whatever their
/// collation or physical order.
fn all_rows(db: &Db, table: &str, cols: &[String]) -> Result<Vec<Vec<Value>>> {
    let rows = db.rows(&format!("SELECT {} FROM {table}", cols.join(", ")), &[])?;
    let mut out: Vec<Vec<Value>> = rows
        .into_iter()
        .map(|r| (0..cols.len()).map(|i| r.value(i).cloned().unwrap_or(Value::Null)).collect())
        .collect();
    out.sort_by_cached_key(|r| format!("{r:?}"));
    Ok(out)
}

impl Store {
    /// Copies everything in this database into `to`, which must hold no framework and no audit
    /// row, in one transaction that is kept only when every row reads back the same from both
    /// and the copied versions' hashes and chain verify. On a team server, copy as its
    /// administrator so that the audit log keeps who did what (the server records anyone else
    /// as the actor, and the copy is then refused).
    pub fn copy_into(&self, to: &mut Store) -> Result<CopyReport> {
        let count = |s: &Store, t: &str| -> Result<i64> {
            Ok(s.db.query_row(&format!("SELECT count(*) FROM {t}"), (), |r| r.get(0))?)
        };
        if count(to, "frameworks")? > 0 || count(to, "audit_log")? > 0 {
            return Err(Error::Refused(format!(
                "{} already holds frameworks or an audit log; copy into an empty database, so that nothing is merged",
                to.location()
            )));
        }
        if to.is_team() {
            if let Some(owner) = super::team::administrator_other_than_me(to)? {
                return Err(Error::Refused(format!(
                    "copy into {} as its administrator {owner}: only the administrator may write the audit log's actors and the versions' authors as they were",
                    to.location()
                )));
            }
        }
        let read = self.db.read()?;
        let mut plan = Vec::new();
        for table in TABLES {
            let cols = columns(&read, table)?;
            let theirs = columns(&to.db, table)?;
            let mut a = cols.clone();
            let mut b = theirs.clone();
            a.sort();
            b.sort();
            if a != b {
                return Err(Error::Refused(format!(
                    "the table {table} has different columns in {} and {}; update the app that made the older one",
                    self.location(),
                    to.location()
                )));
            }
            plan.push((table, cols));
        }
        let tx = to.db.write()?;
        tx.defer_foreign_keys()?;
        let mut rows = Vec::new();
        for (table, cols) in &plan {
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            let insert = format!("INSERT INTO {table} ({}) VALUES ({})", cols.join(", "), marks.join(", "));
            let source = all_rows(&read, table, cols)?;
            for row in &source {
                tx.execute(&insert, row.clone())?;
            }
            rows.push((table.to_string(), source.len() as u64));
        }
        if tx.postgres().is_some() {
            // Rows came with their ids; the next id each table gives must follow them.
            for (table, cols) in &plan {
                if cols.iter().any(|c| c == "id") {
                    tx.batch(&format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                    ))?;
                }
            }
        }
        // Checked before it is kept: a copy that does not read back the same is rolled back.
        for (table, cols) in &plan {
            if all_rows(&read, table, cols)? != all_rows(&tx, table, cols)? {
                return Err(Error::Refused(format!(
                    "the copy of {table} into {} did not read back as it is in {}, so nothing was copied (on a team database, copy as its administrator, so the audit log keeps who did what)",
                    to.location(),
                    self.location()
                )));
            }
        }
        if let Some(p) = to.verify_versions()?.first() {
            return Err(Error::Refused(format!(
                "version {} of {} does not verify in the copy ({}), so nothing was copied",
                p.number, p.framework, p.message
            )));
        }
        tx.commit()?;
        drop(read);
        let n = |t: &str| rows.iter().find(|(name, _)| name == t).map_or(0, |(_, n)| *n);
        Ok(CopyReport {
            from: self.location(),
            to: to.location(),
            frameworks: n("frameworks"),
            versions: n("versions"),
            signoffs: n("signoffs"),
            audit_rows: n("audit_log"),
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_table_but_undo_steps_is_copied() {
        let store = super::Store::open_in_memory().unwrap();
        let conn = store.db.sqlite().unwrap();
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")
            .unwrap();
        let tables: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        let mut copied: Vec<&str> = super::TABLES.iter().copied().chain(["undo_entries"]).collect();
        copied.sort();
        assert_eq!(tables, copied, "a new table must be added to the copy (or named here as not copied)");
    }
}
