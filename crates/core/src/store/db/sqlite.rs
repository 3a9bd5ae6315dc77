//! The SQLite backend: a local file (or memory), its pragmas, its numbered migrations, and
//! statements run through rusqlite's statement cache.

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use super::{DbError, DbResult, Row, Value};
use crate::error::{Error, Result};

/// The schema migrations, oldest first. Never edit a released one: add a new one, and the same
/// change to the PostgreSQL schema (`migrations/postgres/`).
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../../../migrations/001_initial.sql")),
        M::up(include_str!("../../../migrations/002_versions.sql")),
        M::up(include_str!("../../../migrations/003_reviews.sql")),
        M::up(include_str!("../../../migrations/004_undo_per_actor.sql")),
        M::up(include_str!("../../../migrations/005_signing.sql")),
        M::up(include_str!("../../../migrations/006_compliance.sql")),
    ])
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Real(x) => ToSqlOutput::Borrowed(ValueRef::Real(*x)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(x) => Value::Real(x),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

pub(super) fn query(conn: &Connection, sql: &str, params: &[Value]) -> DbResult<Vec<Row>> {
    let mut st = conn.prepare_cached(sql)?;
    let n = st.column_count();
    let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let values = (0..n).map(|i| r.get_ref(i).map(value)).collect::<rusqlite::Result<_>>()?;
        out.push(Row { values });
    }
    Ok(out)
}

pub(super) fn execute(conn: &Connection, sql: &str, params: &[Value]) -> DbResult<usize> {
    Ok(conn.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params.iter()))?)
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
    let latest = super::super::SCHEMA_VERSION;
    if current > latest {
        return Err(Error::TooNew(format!(
            "the database{} has schema version {current}, written by a newer Governance Workbench; this version reads up to {latest}. Update the app; the file was not changed.",
            path.map(|p| format!(" {}", p.display())).unwrap_or_default()
        )));
    }
    if current > 0 && current < latest {
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

/// Opens (creating if needed) a database file and brings its schema up to date.
pub(crate) fn open_file(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    configure(&conn, true)?;
    migrate(&mut conn, Some(path))?;
    Ok(conn)
}

pub(crate) fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&mut conn, None)?;
    Ok(conn)
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::from(DbError::Sqlite(e))
    }
}
