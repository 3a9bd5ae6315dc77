//! Team mode's administration: setting up a team database's schema and groups, and making a
//! fresh database on a server (for `team init` on a new server, and for tests).

use super::db::{ServerAddress, Value};
use super::Store;
use crate::error::{Error, Result};

/// The server's groups, by what their members may do.
pub const GROUPS: [(&str, &str); 3] = [
    ("governance_owner", "edit drafts and publish versions"),
    ("governance_signatory", "read, and sign off review cycles"),
    ("governance_reader", "read and export"),
];

/// What `team init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamInit {
    pub database: String,
    pub schema_version: i64,
    pub administrator: String,
}

/// Creates (or brings up to date) a team database's schema, the three groups and their rights.
/// Run by the administrator, who then owns the tables; running it again changes nothing.
pub fn init(address: &ServerAddress, password: Option<&str>) -> Result<TeamInit> {
    let store = Store::connect(address, password)?;
    let me = store.actor("");
    if let Some(owner) = administrator_other_than_me(&store)? {
        return Err(Error::NotPermitted(format!(
            "the tables of {address} belong to {owner}; run team init as {owner} (or a member of it), not {me}"
        )));
    }
    let tx = store.db.write()?;
    tx.batch(include_str!("../../migrations/postgres/team.sql"))?;
    tx.commit()?;
    Ok(TeamInit { database: address.to_string(), schema_version: super::SCHEMA_VERSION, administrator: me.to_owned() })
}

/// The team database's administrator (the owner of its tables), when the signed-in role is
/// not it (nor a member of it); None when it is.
pub(crate) fn administrator_other_than_me(store: &Store) -> Result<Option<String>> {
    let sql = "SELECT tableowner::text, pg_has_role(session_user, tableowner, 'MEMBER')
               FROM pg_tables WHERE tablename = 'frameworks' AND schemaname = current_schema()";
    let (owner, me): (String, bool) = store.db.query_row(sql, (), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((!me).then_some(owner))
}

/// Creates an empty database `name` on the server of `admin` (a role that may create databases)
/// and returns its address, for the same role.
pub fn create_database(admin: &ServerAddress, password: Option<&str>, name: &str) -> Result<ServerAddress> {
    let conn = super::db::postgres::Conn::connect(admin, password)?;
    let exists = conn.query("SELECT 1 FROM pg_database WHERE datname = ?1", &[Value::Text(name.to_owned())])?;
    if exists.is_empty() {
        // Names cannot be parameters; quote_ident makes any name safe.
        let quoted: String = conn.query("SELECT quote_ident(?1)", &[Value::Text(name.to_owned())])?[0].get(0usize)?;
        conn.batch(&format!("CREATE DATABASE {quoted}"))?;
    }
    Ok(admin.with_database(name))
}
