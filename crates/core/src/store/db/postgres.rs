//! The PostgreSQL backend (team mode): connecting with the password from the caller,
//! `PGPASSWORD` or `~/.pgpass`; statements prepared once per connection; values mapped to the
//! server's types; a lost connection noticed, reported, and replaced on the next statement
//! outside a transaction; numbered migrations; and listening for other clients' changes.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::error::Error as StdError;
use std::str::FromStr;
use std::time::Duration;

use bytes::BytesMut;
use postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
use postgres::{Client, Config, Statement};

use super::{dollar_placeholders, DbError, DbResult, Row, Value};
use crate::error::{Error, Result};

/// The schema migrations of a server, oldest first; the same steps as SQLite's, written in
/// PostgreSQL's dialect. Version 5 here is the schema of SQLite's version 5.
const MIGRATIONS: &[(i64, &str)] = &[
    (5, include_str!("../../../migrations/postgres/005_schema.sql")),
    (6, include_str!("../../../migrations/postgres/006_compliance.sql")),
];

/// The lock every writer takes first (`pg_advisory_xact_lock`), so that writes are serialised
/// as they are in SQLite: a version check and the write it guards, or a publication's number
/// and its previous hash, never interleave with another client's.
const WRITE_LOCK: i64 = 0x476f_7657_7269_7465; // "GovWrite"

/// The channel on which the server announces a changed framework (its id as the payload).
pub const CHANGES_CHANNEL: &str = "governance_changes";

/// A team database's address as given (`postgres://user@host:port/dbname`), checked, with the
/// password (if the address had one) kept out of what is shown.
#[derive(Clone)]
pub struct ServerAddress {
    config: Config,
    shown: String,
    /// With `sslmode=verify-full` (or `verify-ca`): the certificates that must vouch for the server.
    root_certificate: Option<std::path::PathBuf>,
    /// The options the address was given with (`sslmode=...`), without a password.
    options: Vec<String>,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl std::fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl ServerAddress {
    /// Whether a `--db` value names a server rather than a file.
    pub fn is_server(s: &str) -> bool {
        s.starts_with("postgres://") || s.starts_with("postgresql://")
    }

    pub fn parse(s: &str) -> Result<ServerAddress> {
        let (rest, verify, root) = tls_options(s.trim());
        let config = Config::from_str(&rest).map_err(|e| {
            Error::Parse(format!(
                "{} is not a PostgreSQL address ({e}); write postgres://user@host:port/database",
                crate::text::quoted(&redact(s))
            ))
        })?;
        if config.get_user().is_none() {
            return Err(Error::Parse("the address names no user; write postgres://user@host:port/database".into()));
        }
        let root = root.or_else(|| std::env::var_os("PGSSLROOTCERT").map(Into::into));
        let root_certificate = match (verify, root) {
            (false, _) => None,
            (true, Some(root)) => Some(root),
            (true, None) => {
                return Err(Error::Parse(
                    "sslmode=verify-full needs the server's root certificate: add sslrootcert=FILE to the address or set PGSSLROOTCERT".into(),
                ))
            }
        };
        let mut address = ServerAddress::from_config(config);
        address.root_certificate = root_certificate;
        address.options = s
            .trim()
            .split_once('?')
            .map(|(_, q)| q.split('&').filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("password=")))
            .into_iter()
            .flatten()
            .map(str::to_owned)
            .collect();
        Ok(address)
    }

    /// The address as it can be written down and remembered: server, role, database and the
    /// options it was given (TLS), never a password.
    pub fn without_password(&self) -> String {
        if self.options.is_empty() {
            self.shown.clone()
        } else {
            format!("{}?{}", self.shown, self.options.join("&"))
        }
    }

    pub(crate) fn root_certificate(&self) -> Option<&std::path::Path> {
        self.root_certificate.as_deref()
    }

    fn from_config(config: Config) -> ServerAddress {
        let mut address = ServerAddress { config, shown: String::new(), root_certificate: None, options: Vec::new() };
        address.shown =
            format!("postgres://{}@{}:{}/{}", address.user(), address.host(), address.port(), address.dbname());
        address
    }

    /// The same server and credentials, another database.
    pub fn with_database(&self, name: &str) -> ServerAddress {
        let mut config = self.config.clone();
        config.dbname(name);
        ServerAddress {
            root_certificate: self.root_certificate.clone(),
            options: self.options.clone(),
            ..ServerAddress::from_config(config)
        }
    }

    /// The same server and database, signed in as another role (with that role's password).
    pub fn with_user(&self, user: &str, password: Option<&str>) -> ServerAddress {
        let config = &self.config;
        // A new Config has no password; keep every other setting of this one.
        let mut fresh = Config::new();
        fresh.user(user);
        for host in config.get_hosts() {
            match host {
                postgres::config::Host::Tcp(h) => fresh.host(h),
                postgres::config::Host::Unix(p) => fresh.host_path(p),
            };
        }
        for port in config.get_ports() {
            fresh.port(*port);
        }
        fresh.dbname(&self.dbname());
        fresh.ssl_mode(config.get_ssl_mode());
        if let Some(p) = password {
            fresh.password(p);
        }
        ServerAddress {
            root_certificate: self.root_certificate.clone(),
            options: self.options.clone(),
            ..ServerAddress::from_config(fresh)
        }
    }

    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            _ => "localhost".into(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn dbname(&self) -> String {
        self.config.get_dbname().unwrap_or(self.user()).to_owned()
    }

    /// The connection settings with a password from, in libpq's order, the address itself, the
    /// one typed at a prompt, `PGPASSWORD`, or the password file (`PGPASSFILE` or `~/.pgpass`).
    fn settings(&self, typed: Option<&str>) -> Config {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            let found = typed
                .map(str::to_owned)
                .or_else(|| std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()))
                .or_else(|| super::super::pgpass::lookup(&self.host(), self.port(), &self.dbname(), self.user()));
            if let Some(p) = found {
                config.password(p);
            }
        }
        config.connect_timeout(Duration::from_secs(5));
        config.keepalives(true);
        config.keepalives_idle(Duration::from_secs(30));
        config.application_name("Governance Workbench");
        config
    }
}

/// Takes out of an address the TLS options that libpq knows and the postgres crate does not:
/// `sslmode=verify-full` / `verify-ca` (kept as `require` plus a check of the certificate) and
/// `sslrootcert`. Returns the rest, whether to verify, and the root certificate file.
fn tls_options(s: &str) -> (String, bool, Option<std::path::PathBuf>) {
    let Some((base, query)) = s.split_once('?') else { return (s.to_owned(), false, None) };
    let mut verify = false;
    let mut root = None;
    let mut kept = Vec::new();
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("sslmode", "verify-full" | "verify-ca")) => {
                verify = true;
                kept.push("sslmode=require".to_owned());
            }
            Some(("sslrootcert", file)) => root = Some(std::path::PathBuf::from(file)),
            _ => kept.push(pair.to_owned()),
        }
    }
    let rest = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
    (rest, verify, root)
}

/// An address with any password in it replaced, for messages.
fn redact(s: &str) -> String {
    match (s.find("://"), s.find('@')) {
        (Some(a), Some(b)) if b > a => {
            let creds = &s[a + 3..b];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &s[..a + 3], &s[b..]),
                None => s.to_owned(),
            }
        }
        _ => s.to_owned(),
    }
}

/// A connection to a team database. It is replaced after it is lost, on the first statement
/// outside a transaction; inside one, the loss is reported and nothing is retried.
pub(crate) struct Conn {
    address: ServerAddress,
    password: Option<String>,
    client: RefCell<Option<Client>>,
    statements: RefCell<HashMap<String, Statement>>,
    in_transaction: Cell<bool>,
}

impl Conn {
    pub fn connect(address: &ServerAddress, password: Option<&str>) -> Result<Conn> {
        let conn = Conn {
            address: address.clone(),
            password: password.map(str::to_owned),
            client: RefCell::new(None),
            statements: RefCell::new(HashMap::new()),
            in_transaction: Cell::new(false),
        };
        *conn.client.borrow_mut() = Some(conn.new_client()?);
        Ok(conn)
    }

    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    fn new_client(&self) -> Result<Client> {
        let config = self.address.settings(self.password.as_deref());
        let mut client =
            super::super::tls::connect(&config, &self.address).map_err(|e| connect_error(&self.address, e))?;
        // A writer waiting for another's lock gives up after a while instead of hanging the window.
        client
            .batch_execute("SET lock_timeout = '15s'; SET idle_in_transaction_session_timeout = '60s'")
            .map_err(|e| server_refusal(&self.address, e))?;
        Ok(client)
    }

    /// Runs `f` on a live client: a lost one is replaced first unless a transaction was open on it.
    fn with_client<T>(
        &self,
        mut f: impl FnMut(&mut Client, &mut HashMap<String, Statement>) -> std::result::Result<T, postgres::Error>,
    ) -> DbResult<T> {
        let mut slot = self.client.borrow_mut();
        let mut statements = self.statements.borrow_mut();
        let mut fresh = false;
        loop {
            if slot.as_ref().is_none_or(Client::is_closed) {
                *slot = None;
                statements.clear();
                if self.in_transaction.get() {
                    return Err(self.lost());
                }
                let again = self.new_client().map_err(|e| {
                    DbError::Lost(format!(
                        "{e}; nothing of this action was saved, and it is tried again on the next one"
                    ))
                })?;
                *slot = Some(again);
                fresh = true;
            }
            let client = slot.as_mut().expect("connected above");
            match f(client, &mut statements) {
                Ok(v) => return Ok(v),
                Err(e) if client.is_closed() || e.as_db_error().is_none() && is_io(&e) => {
                    *slot = None;
                    statements.clear();
                    // A connection found gone when a transaction starts, or for a read outside one
                    // (every write runs inside a transaction), went away while idle, say with a
                    // restarted server: the statement is tried once on a new connection.
                    if fresh || self.in_transaction.get() {
                        return Err(self.lost());
                    }
                }
                Err(e) => return Err(DbError::Postgres(e)),
            }
        }
    }

    fn lost(&self) -> DbError {
        DbError::Lost(format!(
            "the connection to the team database {} was lost; nothing of this action was saved",
            self.address
        ))
    }

    pub fn query(&self, sql: &str, params: &[Value]) -> DbResult<Vec<Row>> {
        self.with_client(|client, statements| {
            let st = prepared(client, statements, sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
            let rows = client.query(&st, &refs)?;
            rows.iter()
                .map(|r| {
                    Ok(Row {
                        values: (0..r.len())
                            .map(|i| r.try_get::<_, Value>(i))
                            .collect::<std::result::Result<_, _>>()?,
                    })
                })
                .collect()
        })
    }

    pub fn execute(&self, sql: &str, params: &[Value]) -> DbResult<usize> {
        self.with_client(|client, statements| {
            let st = prepared(client, statements, sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
            Ok(client.execute(&st, &refs)? as usize)
        })
    }

    pub fn batch(&self, sql: &str) -> DbResult<()> {
        self.with_client(|client, _| client.batch_execute(sql))
    }

    pub fn begin_write(&self) -> DbResult<()> {
        self.batch(&format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})"))?;
        self.in_transaction.set(true);
        Ok(())
    }

    pub fn begin_read(&self) -> DbResult<()> {
        self.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
        self.in_transaction.set(true);
        Ok(())
    }

    /// Ends the open transaction. It is over even when the statement fails (a lost connection
    /// rolled it back).
    pub fn end(&self, commit: bool) -> DbResult<()> {
        let result = self.batch(if commit { "COMMIT" } else { "ROLLBACK" });
        self.in_transaction.set(false);
        result
    }

    /// The role the server authenticated: the actor of everything this connection records.
    pub fn session_user(&self) -> DbResult<String> {
        self.query("SELECT session_user::text", &[])?.first().map_or(Err(DbError::NoRow), |r| r.get(0usize))
    }
}

fn prepared(
    client: &mut Client,
    statements: &mut HashMap<String, Statement>,
    sql: &str,
) -> std::result::Result<Statement, postgres::Error> {
    if let Some(st) = statements.get(sql) {
        return Ok(st.clone());
    }
    let st = client.prepare(&dollar_placeholders(sql))?;
    statements.insert(sql.to_owned(), st.clone());
    Ok(st)
}

fn is_io(e: &postgres::Error) -> bool {
    let mut source = e.source();
    while let Some(s) = source {
        if s.is::<std::io::Error>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// Why a connection could not be made, in words a person can act on.
fn connect_error(address: &ServerAddress, e: super::super::tls::ConnectError) -> Error {
    match e {
        super::super::tls::ConnectError::Setup(e) => e,
        super::super::tls::ConnectError::Server(e) => server_refusal(address, e),
    }
}

fn server_refusal(address: &ServerAddress, e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        return match db.code().code() {
            // invalid_password, invalid_authorization_specification
            "28P01" | "28000" => Error::PasswordNeeded(format!(
                "the team database {address} refused the password for {}: {}",
                address.user(),
                db.message()
            )),
            "3D000" => Error::NotFound(format!("the team database {address} does not exist: {}", db.message())),
            _ => Error::Disconnected(format!("cannot connect to the team database {address}: {}", db.message())),
        };
    }
    if describe(&e).contains("password missing") {
        return Error::PasswordNeeded(format!(
            "the team database {address} asks for {}'s password; type it, or set PGPASSWORD or ~/.pgpass",
            address.user()
        ));
    }
    Error::Disconnected(format!("cannot connect to the team database {address}: {}", describe(&e)))
}

/// A server error in one line: its message, detail and SQLSTATE.
pub(crate) fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let detail = db.detail().map(|d| format!(" ({d})")).unwrap_or_default();
            format!("{}{detail} [SQLSTATE {}]", db.message(), db.code().code())
        }
        None => {
            let mut text = e.to_string();
            let mut source = e.source();
            while let Some(s) = source {
                text = format!("{text}: {s}");
                source = s.source();
            }
            text
        }
    }
}

/// The store's error for a server's refusal: a missing privilege, a trigger's refusal, or other.
pub(crate) fn classify(e: &postgres::Error) -> Option<Error> {
    let db = e.as_db_error()?;
    Some(match db.code().code() {
        "42501" => Error::NotPermitted(format!(
            "the team database refused this for your role: {} (your role's group does not allow it; ask the database's administrator)",
            db.message()
        )),
        // Raised by the schema's triggers (published versions, the audit log).
        "P0001" => Error::Refused(db.message().to_owned()),
        "55P03" => Error::Refused(
            "the team database is busy with another person's change; try again in a moment".into(),
        ),
        _ => return None,
    })
}

/// Text types a text value may be sent as; `unknown` is a parameter whose type the server left open.
fn is_text(ty: &Type) -> bool {
    matches!(*ty, Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN)
}

impl ToSql for Value {
    /// Each value goes to the server in the binary form of the parameter's type. A value that
    /// does not fit its column's type is an error, never bytes sent under another type.
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> std::result::Result<IsNull, Box<dyn StdError + Sync + Send>> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
            (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::FLOAT8) => (*n as f64).to_sql(ty, out),
            (Value::Int(n), &Type::BOOL) => (*n != 0).to_sql(ty, out),
            (Value::Int(n), t) if is_text(t) => n.to_string().as_str().to_sql(&Type::TEXT, out),
            (Value::Real(x), &Type::FLOAT8) => x.to_sql(ty, out),
            (Value::Real(x), &Type::FLOAT4) => (*x as f32).to_sql(ty, out),
            (Value::Text(s), t) if is_text(t) => s.as_str().to_sql(&Type::TEXT, out),
            (Value::Blob(b), &Type::BYTEA) => b.as_slice().to_sql(ty, out),
            (value, ty) => {
                let kind = match value {
                    Value::Null => "NULL",
                    Value::Int(_) => "an integer",
                    Value::Real(_) => "a real number",
                    Value::Text(_) => "text",
                    Value::Blob(_) => "bytes",
                };
                Err(format!("{kind} cannot be stored in a column of type {ty}").into())
            }
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl<'a> FromSql<'a> for Value {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> std::result::Result<Self, Box<dyn StdError + Sync + Send>> {
        Ok(match *ty {
            Type::INT8 => Value::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Value::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Value::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::OID => Value::Int(i64::from(u32::from_sql(ty, raw)?)),
            Type::BOOL => Value::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::FLOAT8 => Value::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Value::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::BYTEA => Value::Blob(Vec::<u8>::from_sql(ty, raw)?),
            _ => Value::Text(String::from_utf8(raw.to_vec())?),
        })
    }

    fn from_sql_null(_: &Type) -> std::result::Result<Self, Box<dyn StdError + Sync + Send>> {
        Ok(Value::Null)
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// Brings a server's schema up to date: at most one client migrates at a time, each step and
/// its record commit together, and a schema newer than this build is refused untouched. A role
/// without the right to change the schema can open a current one.
pub(crate) fn migrate(conn: &Conn) -> Result<()> {
    let latest = super::super::SCHEMA_VERSION;
    let current = schema_version(conn)?;
    if current > latest {
        return Err(Error::TooNew(format!(
            "the team database {} has schema version {current}, written by a newer Governance Workbench; this version reads up to {latest}. Update the app; nothing was changed.",
            conn.address()
        )));
    }
    if current == latest {
        return Ok(());
    }
    conn.begin_write()?;
    let result = (|| -> Result<()> {
        conn.batch("CREATE TABLE IF NOT EXISTS governance_schema (version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")?;
        let current = schema_version(conn)?;
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
            conn.batch(sql)?;
            conn.execute("INSERT INTO governance_schema (version) VALUES (?1)", &[Value::Int(*version)])?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(conn.end(true)?),
        Err(e) => {
            let _ = conn.end(false);
            Err(match e {
                Error::NotPermitted(_) => Error::NotPermitted(format!(
                    "the team database {} has no current schema (version {current}, this app needs {latest}), and your role may not create it; its administrator runs `governance team init {}`",
                    conn.address(),
                    conn.address()
                )),
                other => other,
            })
        }
    }
}

fn schema_version(conn: &Conn) -> Result<i64> {
    let exists = conn.query("SELECT to_regclass('governance_schema') IS NOT NULL", &[])?;
    if exists.first().map(|r| r.get::<_, bool>(0usize)).transpose()? != Some(true) {
        return Ok(0);
    }
    let rows = conn.query("SELECT coalesce(max(version), 0) FROM governance_schema", &[])?;
    Ok(rows.first().map(|r| r.get::<_, i64>(0usize)).transpose()?.unwrap_or(0))
}

/// Waits for other clients' changes on its own connection (LISTEN/NOTIFY).
pub struct ChangeListener {
    address: ServerAddress,
    password: Option<String>,
    client: Client,
}

impl ChangeListener {
    pub fn connect(address: &ServerAddress, password: Option<&str>) -> Result<ChangeListener> {
        let config = address.settings(password);
        let mut client = super::super::tls::connect(&config, address).map_err(|e| connect_error(address, e))?;
        client.batch_execute(&format!("LISTEN {CHANGES_CHANNEL}")).map_err(|e| server_refusal(address, e))?;
        Ok(ChangeListener { address: address.clone(), password: password.map(str::to_owned), client })
    }

    /// The ids of the frameworks changed by anyone, waiting up to `timeout` for the first;
    /// empty when nothing changed. An error means the connection is lost: `reconnect` it.
    pub fn wait(&mut self, timeout: Duration) -> Result<Vec<String>> {
        use postgres::fallible_iterator::FallibleIterator;
        let mut changed: Vec<String> = Vec::new();
        let mut wait = timeout;
        loop {
            let next = self.client.notifications().timeout_iter(wait).next();
            let lost = |e: postgres::Error| {
                Error::Disconnected(format!("the team database {} went away: {}", self.address, describe(&e)))
            };
            let Some(n) = next.map_err(lost)? else { break };
            if !changed.iter().any(|c| c == n.payload()) {
                changed.push(n.payload().to_owned());
            }
            // Notices that have already arrived are reported together; no more waiting.
            wait = Duration::ZERO;
        }
        if changed.is_empty() && self.client.is_closed() {
            return Err(Error::Disconnected(format!("the team database {} went away", self.address)));
        }
        Ok(changed)
    }

    pub fn reconnect(&mut self) -> Result<()> {
        *self = ChangeListener::connect(&self.address, self.password.as_deref())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_does_not_fit_its_parameters_type_is_refused_not_sent_as_other_bytes() {
        let mut out = BytesMut::new();
        assert!(Value::Text("x".into()).to_sql(&Type::BYTEA, &mut out).is_err());
        assert!(Value::Text("12".into()).to_sql(&Type::INT8, &mut out).is_err());
        assert!(Value::Blob(vec![1]).to_sql(&Type::TEXT, &mut out).is_err());
        assert!(Value::Int(i64::from(i32::MAX) + 1).to_sql(&Type::INT4, &mut out).is_err());
        let Err(e) = Value::Text("a secret typed value".into()).to_sql(&Type::INT8, &mut out) else {
            panic!("text went out as an integer")
        };
        let message = e.to_string();
        assert_eq!(message, "text cannot be stored in a column of type int8", "no typed value in the message");
        assert!(Value::Int(7).to_sql(&Type::TEXT, &mut out).is_ok());
        assert!(Value::Real(0.5).to_sql(&Type::FLOAT8, &mut out).is_ok());
    }

    #[test]
    fn a_password_in_an_address_is_never_shown() {
        let a = ServerAddress::parse("postgres://alice:s3cret@db.example/gov?sslmode=require").unwrap();
        assert!(!format!("{a} {a:?} {}", a.without_password()).contains("s3cret"));
        let err = ServerAddress::parse("postgres://alice:s3cret@db.example:notaport/gov").unwrap_err().to_string();
        assert!(!err.contains("s3cret"), "{err}");
    }
}
