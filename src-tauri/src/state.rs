//! The app's state: the one open store, or why it could not be opened.

use std::path::PathBuf;
use std::sync::Mutex;

use governance_core::Store;

use crate::api::{ApiError, AppInfo};

pub struct AppState {
    db_path: PathBuf,
    /// Files this app exported in this run: the only files it will ask the desktop to open.
    exported: Mutex<Vec<PathBuf>>,
    actor: String,
    // A store that failed to open (e.g. a database from a newer app) keeps the window usable:
    // every command then reports the reason.
    store: Result<Mutex<Store>, ApiError>,
}

impl AppState {
    /// Opens the database, seeding the starter framework into a new one.
    pub fn open(db_path: PathBuf, actor: &str) -> AppState {
        let store = Store::open(&db_path)
            .and_then(|mut s| s.seed_starter_if_empty(actor).map(|_| s))
            .map(Mutex::new)
            .map_err(ApiError::from);
        AppState { db_path, exported: Mutex::new(Vec::new()), actor: actor.to_owned(), store }
    }

    /// Who edits, for the audit log: the OS user running the app.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn remember_export(&self, path: PathBuf) {
        self.exported.lock().unwrap_or_else(|p| p.into_inner()).push(path);
    }

    pub fn was_exported(&self, path: &std::path::Path) -> bool {
        self.exported.lock().unwrap_or_else(|p| p.into_inner()).iter().any(|p| p == path)
    }

    pub fn info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            db_path: self.db_path.display().to_string(),
            schema_version: governance_core::store::SCHEMA_VERSION as u32,
        }
    }

    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> governance_core::Result<T>) -> Result<T, ApiError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic in another command must not lock the user out of their data.
        let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard).map_err(ApiError::from)
    }
}
