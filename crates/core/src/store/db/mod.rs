//! The store's one way to talk to its database, SQLite (a local file) or PostgreSQL (a team
//! server). Statements are written once, with `?N` placeholders; values cross in one small type;
//! rows are read the same way from either backend. The method names follow rusqlite's, so the
//! store reads as it did when it knew SQLite only.

use std::ops::Deref;

pub(crate) mod postgres;
pub(crate) mod sqlite;

pub use self::postgres::{ChangeListener, ServerAddress};

/// A value as it crosses between the store and either database.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// What went wrong below the store: the database's own error, a value that does not map, or a
/// lost connection.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", self::postgres::describe(.0))]
    Postgres(#[from] ::postgres::Error),
    /// A stored value that is not what its column should hold.
    #[error("column {col}: {message}")]
    Conversion { col: usize, message: String },
    #[error("the query returned no row")]
    NoRow,
    /// The server cannot be reached or went away; `.0` says where.
    #[error("{0}")]
    Lost(String),
}

pub(crate) type DbResult<T> = std::result::Result<T, DbError>;

/// A Rust value that can be a statement parameter.
pub(crate) trait ToValue {
    fn to_value(&self) -> Value;
}

impl ToValue for i64 {
    fn to_value(&self) -> Value {
        Value::Int(*self)
    }
}
impl ToValue for u32 {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}
impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

/// A statement's parameters: `()`, an array of one type, or `params![...]`.
pub(crate) trait Params {
    fn values(&self) -> Vec<Value>;
}
impl Params for () {
    fn values(&self) -> Vec<Value> {
        Vec::new()
    }
}
impl Params for &[&dyn ToValue] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(|v| v.to_value()).collect()
    }
}
impl<T: ToValue, const N: usize> Params for [T; N] {
    fn values(&self) -> Vec<Value> {
        self.iter().map(ToValue::to_value).collect()
    }
}
impl Params for Vec<Value> {
    fn values(&self) -> Vec<Value> {
        self.clone()
    }
}

/// Parameters of mixed types, as rusqlite's `params!`.
macro_rules! params {
    ($($x:expr),+ $(,)?) => {
        &[$(&$x as &dyn $crate::store::db::ToValue),+] as &[&dyn $crate::store::db::ToValue]
    };
}
pub(crate) use params;

/// A column value read as a Rust value.
pub(crate) trait FromValue: Sized {
    fn from_value(v: &Value, col: usize) -> DbResult<Self>;
}

fn mismatch<T>(col: usize, v: &Value, wanted: &str) -> DbResult<T> {
    let found = match v {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Real(_) => "a real number",
        Value::Text(_) => "text",
        Value::Blob(_) => "bytes",
    };
    Err(DbError::Conversion { col, message: format!("expected {wanted}, found {found}") })
}

impl FromValue for i64 {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Int(n) => Ok(*n),
            other => mismatch(col, other, "an integer"),
        }
    }
}
impl FromValue for u32 {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        let n = i64::from_value(v, col)?;
        u32::try_from(n).map_err(|_| DbError::Conversion { col, message: format!("{n} is out of range") })
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Real(x) => Ok(*x),
            // SQLite keeps a REAL that is a whole number as written; both are numbers.
            Value::Int(n) => Ok(*n as f64),
            other => mismatch(col, other, "a number"),
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Int(0) => Ok(false),
            Value::Int(1) => Ok(true),
            other => mismatch(col, other, "0 or 1"),
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Text(s) => Ok(s.clone()),
            other => mismatch(col, other, "text"),
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Blob(b) => Ok(b.clone()),
            other => mismatch(col, other, "bytes"),
        }
    }
}
impl FromValue for Value {
    fn from_value(v: &Value, _col: usize) -> DbResult<Self> {
        Ok(v.clone())
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value, col: usize) -> DbResult<Self> {
        match v {
            Value::Null => Ok(None),
            other => T::from_value(other, col).map(Some),
        }
    }
}

/// A column position (rusqlite's `RowIndex`, kept for its two-parameter `get::<_, T>`).
pub(crate) trait ColumnIndex {
    fn index(self) -> usize;
}
impl ColumnIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// One row of a result, read in full.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    values: Vec<Value>,
}

impl Row {
    pub fn get<I: ColumnIndex, T: FromValue>(&self, i: I) -> DbResult<T> {
        let col = i.index();
        match self.values.get(col) {
            Some(v) => T::from_value(v, col),
            None => Err(DbError::Conversion { col, message: "no such column".into() }),
        }
    }

    pub fn value(&self, col: usize) -> Option<&Value> {
        self.values.get(col)
    }
}

/// The rows of a query, read one after another as rusqlite's `Rows` are.
pub(crate) struct Rows {
    rows: std::vec::IntoIter<Row>,
    current: Option<Row>,
}

impl Rows {
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> DbResult<Option<&Row>> {
        self.current = self.rows.next();
        Ok(self.current.as_ref())
    }
}

/// Which database a store talks to.
pub(crate) enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<self::postgres::Conn>),
}

/// The connection of a store.
pub(crate) struct Db {
    backend: Backend,
}

impl Db {
    pub fn new(backend: Backend) -> Db {
        Db { backend }
    }

    /// The SQLite connection, for what only SQLite has (integrity check, backups).
    pub fn sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.backend {
            Backend::Sqlite(c) => Some(c),
            Backend::Postgres(_) => None,
        }
    }

    pub fn postgres(&self) -> Option<&self::postgres::Conn> {
        match &self.backend {
            Backend::Postgres(c) => Some(c),
            Backend::Sqlite(_) => None,
        }
    }

    /// Runs a statement and reads every row it returns.
    pub fn rows(&self, sql: &str, params: &[Value]) -> DbResult<Vec<Row>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::query(c, sql, params),
            Backend::Postgres(c) => c.query(sql, params),
        }
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> DbResult<usize> {
        let values = params.values();
        match &self.backend {
            Backend::Sqlite(c) => sqlite::execute(c, sql, &values),
            Backend::Postgres(c) => c.execute(sql, &values),
        }
    }

    /// Runs statements without parameters or results (schema changes, transaction control).
    pub fn batch(&self, sql: &str) -> DbResult<()> {
        match &self.backend {
            Backend::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Backend::Postgres(c) => c.batch(sql),
        }
    }

    pub fn query_row<T>(&self, sql: &str, params: impl Params, f: impl FnOnce(&Row) -> DbResult<T>) -> DbResult<T> {
        let rows = self.rows(sql, &params.values())?;
        rows.first().map_or(Err(DbError::NoRow), f)
    }

    pub fn prepare_cached(&self, sql: &str) -> DbResult<Stmt<'_>> {
        Ok(Stmt { db: self, sql: sql.to_owned() })
    }

    /// Starts a write transaction. Writers are serialised, as in SQLite's IMMEDIATE
    /// transactions: on a server, every writer first takes one transaction-scoped lock, so a
    /// version check and the write it guards cannot interleave with another client's.
    pub fn write(&self) -> DbResult<Tx<'_>> {
        match &self.backend {
            Backend::Sqlite(c) => c.execute_batch("BEGIN IMMEDIATE")?,
            Backend::Postgres(c) => c.begin_write()?,
        }
        Ok(Tx { db: self, open: true })
    }

    /// Starts a read transaction, so that a framework read in several statements is one state.
    pub fn read(&self) -> DbResult<Tx<'_>> {
        match &self.backend {
            Backend::Sqlite(c) => c.execute_batch("BEGIN DEFERRED")?,
            Backend::Postgres(c) => c.begin_read()?,
        }
        Ok(Tx { db: self, open: true })
    }

    /// Ends the open transaction, keeping or dropping its changes.
    fn end(&self, commit: bool) -> DbResult<()> {
        match &self.backend {
            Backend::Sqlite(c) => Ok(c.execute_batch(if commit { "COMMIT" } else { "ROLLBACK" })?),
            Backend::Postgres(c) => c.end(commit),
        }
    }

    /// Checks foreign keys at commit instead of at each statement, for the rest of the transaction.
    pub fn defer_foreign_keys(&self) -> DbResult<()> {
        match &self.backend {
            Backend::Sqlite(c) => Ok(c.pragma_update(None, "defer_foreign_keys", "ON")?),
            Backend::Postgres(c) => c.batch("SET CONSTRAINTS ALL DEFERRED"),
        }
    }
}

/// A statement bound to its connection, as rusqlite's `Statement`.
pub(crate) struct Stmt<'a> {
    db: &'a Db,
    sql: String,
}

impl Stmt<'_> {
    pub fn execute(&self, params: impl Params) -> DbResult<usize> {
        self.db.execute(&self.sql, params)
    }

    pub fn query(&self, params: impl Params) -> DbResult<Rows> {
        Ok(Rows { rows: self.db.rows(&self.sql, &params.values())?.into_iter(), current: None })
    }

    pub fn query_row<T>(&self, params: impl Params, f: impl FnOnce(&Row) -> DbResult<T>) -> DbResult<T> {
        self.db.query_row(&self.sql, params, f)
    }

    pub fn query_map<T>(
        &self,
        params: impl Params,
        f: impl FnMut(&Row) -> DbResult<T>,
    ) -> DbResult<std::vec::IntoIter<DbResult<T>>> {
        let rows = self.db.rows(&self.sql, &params.values())?;
        Ok(rows.iter().map(f).collect::<Vec<_>>().into_iter())
    }
}

/// A transaction: rolled back when dropped before `commit`.
pub(crate) struct Tx<'a> {
    db: &'a Db,
    open: bool,
}

impl Tx<'_> {
    pub fn commit(mut self) -> DbResult<()> {
        self.open = false;
        self.db.end(true)
    }
}

impl Deref for Tx<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // A lost connection has rolled back already; there is nothing else to do.
            let _ = self.db.end(false);
        }
    }
}

/// `.optional()` on a single-row query, as rusqlite's `OptionalExtension`.
pub(crate) trait OptionalExtension<T> {
    fn optional(self) -> DbResult<Option<T>>;
}

impl<T> OptionalExtension<T> for DbResult<T> {
    fn optional(self) -> DbResult<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(DbError::NoRow) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Rewrites `?N` placeholders as PostgreSQL's `$N`, leaving quoted text alone.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' && chars.peek().is_some_and(|d| d.is_ascii_digit()) => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dollar_placeholders;

    #[test]
    fn placeholders_become_dollar_numbers_outside_quotes() {
        assert_eq!(
            dollar_placeholders("SELECT '?1', x FROM t WHERE a = ?1 AND b = ?12 AND c = '?'"),
            "SELECT '?1', x FROM t WHERE a = $1 AND b = $12 AND c = '?'"
        );
    }
}
