//! Opening what `--db` names (a file, or a team database with its password asked for when the
//! server wants one), and the team commands: `team init` and `copy`.

use std::io::IsTerminal;
use std::path::Path;

use clap::Subcommand;
use governance_core::store::{team, ServerAddress};
use governance_core::{Error, ErrorCode, Store};

#[derive(Subcommand)]
pub enum TeamCommand {
    /// Set up a team database on a PostgreSQL server: the schema and the groups governance_owner
    /// (edit, publish), governance_signatory (read, sign off) and governance_reader (read,
    /// export). Run it as the role that is to own the tables; running it again changes nothing.
    Init {
        /// postgres://user@host:port/database
        address: String,
    },
}

/// Opens the database a `--db` value names. When a team database asks for a password that
/// neither the address, PGPASSWORD nor ~/.pgpass gives, it is asked for at the terminal.
pub fn open(location: &str) -> Result<Store, Error> {
    if !ServerAddress::is_server(location) {
        return Store::open(Path::new(location));
    }
    let address = ServerAddress::parse(location)?;
    match Store::connect(&address, None) {
        Err(e) if e.code() == ErrorCode::PasswordNeeded && std::io::stdin().is_terminal() => {
            let password = ask_password(&address)?;
            Store::connect(&address, Some(&password))
        }
        other => other,
    }
}

fn ask_password(address: &ServerAddress) -> Result<String, Error> {
    rpassword::prompt_password(format!("Password for {address}: "))
        .map_err(|e| Error::Io(format!("cannot read the password: {e}")))
}

pub fn run(cmd: &TeamCommand) -> Result<(), Error> {
    match cmd {
        TeamCommand::Init { address } => {
            let address = ServerAddress::parse(address)?;
            let done = match team::init(&address, None) {
                Err(e) if e.code() == ErrorCode::PasswordNeeded && std::io::stdin().is_terminal() => {
                    team::init(&address, Some(&ask_password(&address)?))?
                }
                other => other?,
            };
            println!(
                "{} is a team database (schema version {}), administered by {}",
                done.database, done.schema_version, done.administrator
            );
            for (group, may) in team::GROUPS {
                println!("  {group}: {may}");
            }
            println!("add a person with, in psql: CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE governance_owner;");
        }
    }
    Ok(())
}

/// Copies everything in one database into an empty other one, and says what it copied.
pub fn copy(from: &str, to: &str) -> Result<(), Error> {
    if !ServerAddress::is_server(from) && !Path::new(from).exists() {
        return Err(Error::NotFound(format!("there is no database at {from}")));
    }
    let source = open(from)?;
    let mut destination = open(to)?;
    let report = source.copy_into(&mut destination)?;
    println!("{report}");
    Ok(())
}
