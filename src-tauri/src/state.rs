//! The app's state: the open store (a local file or a team database, replaceable while the app
//! runs) or why it could not be opened, which database that is, and the watch on its changes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use governance_core::store::ServerAddress;
use governance_core::{ErrorCode, Store};

use crate::api::{ApiError, AppInfo, DatabaseInfo, LiveStatus};
use crate::connection::Settings;
use crate::live::Live;

pub struct AppState {
    settings: Settings,
    /// Files this app exported in this run: the only files it will ask the desktop to open.
    exported: Mutex<Vec<PathBuf>>,
    actor: String,
    // A store that failed to open (a database from a newer app, a team database that wants a
    // password) keeps the window usable: every command then reports the reason.
    store: Mutex<Result<Store, ApiError>>,
    database: Mutex<DatabaseInfo>,
    live: Arc<Live>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another command must not lock the user out of their data.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` on a plain thread. The team database's client runs a Tokio runtime of its own and
/// blocks on it (also when a connection is dropped), which Tokio forbids on the threads of
/// Tauri's runtime, where the commands run.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
}

impl AppState {
    /// Opens what `location` names: a team database (`postgres://...`), or a database file,
    /// seeding the starter framework into a new file.
    pub fn open(location: &str, settings: Settings, actor: &str) -> AppState {
        let state = AppState {
            settings,
            exported: Mutex::new(Vec::new()),
            actor: actor.to_owned(),
            store: Mutex::new(Err(ApiError::new(ErrorCode::Database, "no database is open yet".into()))),
            database: Mutex::new(unopened(location)),
            live: Arc::new(Live::default()),
        };
        let opened = if ServerAddress::is_server(location) {
            ServerAddress::parse(location).map_err(ApiError::from).and_then(|a| state.open_team(&a, None))
        } else {
            state.open_file(Path::new(location))
        };
        if let Err(e) = opened {
            *lock(&state.store) = Err(e);
        }
        state
    }

    /// Who edits, for the audit log: the OS user running the app (a team database records its
    /// signed-in role instead).
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn remember_export(&self, path: PathBuf) {
        lock(&self.exported).push(path);
    }

    pub fn was_exported(&self, path: &std::path::Path) -> bool {
        lock(&self.exported).iter().any(|p| p == path)
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database: self.database(),
            schema_version: governance_core::store::SCHEMA_VERSION as u32,
        }
    }

    pub fn database(&self) -> DatabaseInfo {
        lock(&self.database).clone()
    }

    pub fn live_status(&self, since: u32) -> LiveStatus {
        self.live.status(since)
    }

    pub fn with_store<T: Send>(
        &self,
        f: impl FnOnce(&mut Store) -> governance_core::Result<T> + Send,
    ) -> Result<T, ApiError> {
        off_runtime(|| {
            let mut guard = lock(&self.store);
            let store = guard.as_mut().map_err(|e| e.clone())?;
            f(store).map_err(ApiError::from)
        })
    }

    /// Connects to a team database and uses it from now on, remembering its address (never the
    /// password) for the next start. On failure the open database stays open.
    pub fn connect_team(&self, given: &str, password: Option<&str>) -> Result<DatabaseInfo, ApiError> {
        let given = given.trim();
        if !ServerAddress::is_server(given) {
            let hint = "a team database's address starts with postgres://; write postgres://user@host:port/database";
            return Err(ApiError::new(ErrorCode::Parse, hint.into()));
        }
        let address = ServerAddress::parse(given)?;
        let info = off_runtime(|| self.open_team(&address, password.filter(|p| !p.is_empty())))?;
        // The connection works without it; the next start then opens the local file again.
        if let Err(e) = self.settings.remember(info.address.as_deref()) {
            eprintln!("the team database will not be remembered: {e}");
        }
        Ok(info)
    }

    /// Goes back to the local database file and forgets the remembered team database.
    pub fn use_local_file(&self) -> Result<DatabaseInfo, ApiError> {
        let info = off_runtime(|| self.open_file(&governance_core::paths::default_db_path()))?;
        self.settings.remember(None)?;
        Ok(info)
    }

    fn open_team(&self, address: &ServerAddress, password: Option<&str>) -> Result<DatabaseInfo, ApiError> {
        let store = Store::connect(address, password)?;
        let info = DatabaseInfo {
            team: true,
            location: store.location(),
            address: Some(address.without_password()),
            // Only the title bar depends on it: a failed query leaves it unnamed.
            tls: store.tls_version().ok().flatten(),
            role: Some(store.actor("").to_owned()),
            groups: store.team_groups().unwrap_or_default(),
            open: true,
        };
        self.replace(store, info.clone());
        self.live.start(address.clone(), password.map(str::to_owned));
        Ok(info)
    }

    fn open_file(&self, path: &Path) -> Result<DatabaseInfo, ApiError> {
        // A team database starts empty; only a new local file gets the starter framework.
        let store = Store::open(path).and_then(|mut s| s.seed_starter_if_empty(&self.actor).map(|_| s))?;
        let info = DatabaseInfo {
            team: false,
            location: store.location(),
            address: None,
            tls: None,
            role: None,
            groups: Vec::new(),
            open: true,
        };
        self.live.stop();
        self.replace(store, info.clone());
        Ok(info)
    }

    fn replace(&self, store: Store, info: DatabaseInfo) {
        *lock(&self.store) = Ok(store);
        *lock(&self.database) = info;
    }
}

/// A database that is not open (yet): where it is, as far as can be told without a password.
fn unopened(location: &str) -> DatabaseInfo {
    let team = ServerAddress::is_server(location);
    let (shown, address) = match ServerAddress::parse(location) {
        Ok(a) if team => (a.to_string(), Some(a.without_password())),
        _ if team => ("a team database whose address cannot be read".to_owned(), None),
        _ => (location.to_owned(), None),
    };
    DatabaseInfo { team, location: shown, address, tls: None, role: None, groups: Vec::new(), open: false }
}
