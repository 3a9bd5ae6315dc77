//! Other people's changes to a team database: a thread listens for the server's change notices
//! and records which frameworks changed and whether the connection is up. The window polls
//! `status` (an app command, so the capability needs no event permission).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use governance_core::store::{ChangeListener, ServerAddress};

use crate::api::LiveStatus;

/// How long one wait for notices lasts: also how soon a replaced listener notices it must stop.
const WAIT: Duration = Duration::from_millis(250);

/// How often a lost connection is tried again.
const RETRY: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Live {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Bumped whenever the store is replaced: a listener of an older generation stops.
    generation: u64,
    watching: bool,
    connected: bool,
    seq: u32,
    reconnects: u32,
    /// The newest `seq` at which each framework changed.
    changed: HashMap<String, u32>,
}

impl Live {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// What changed after `since`, and the state of the connection.
    pub fn status(&self, since: u32) -> LiveStatus {
        let inner = self.lock();
        let mut changed: Vec<String> =
            inner.changed.iter().filter(|(_, &seq)| seq > since).map(|(id, _)| id.clone()).collect();
        changed.sort();
        LiveStatus {
            watching: inner.watching,
            connected: inner.connected || !inner.watching,
            seq: inner.seq,
            changed,
            reconnects: inner.reconnects,
        }
    }

    /// Stops watching (a local file is open, or none).
    pub fn stop(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.watching = false;
        inner.connected = false;
    }

    /// Watches a team database on a thread of its own, replacing any earlier watch. The store
    /// has just connected, so the connection counts as up until the listener finds otherwise.
    pub fn start(self: &Arc<Self>, address: ServerAddress, password: Option<String>) {
        let generation = {
            let mut inner = self.lock();
            inner.generation += 1;
            inner.watching = true;
            inner.connected = true;
            inner.generation
        };
        let live = Arc::clone(self);
        std::thread::Builder::new()
            .name("team-changes".into())
            .spawn(move || live.listen(generation, &address, password.as_deref()))
            .expect("a thread can be started");
    }

    fn is_current(&self, generation: u64) -> bool {
        self.lock().generation == generation
    }

    /// Runs until the store is replaced: waits for notices, and after a loss tries to connect
    /// again every second.
    fn listen(&self, generation: u64, address: &ServerAddress, password: Option<&str>) {
        let mut listener: Option<ChangeListener> = None;
        let mut lost = false;
        while self.is_current(generation) {
            match listener.as_mut() {
                None => match ChangeListener::connect(address, password) {
                    Ok(l) => {
                        listener = Some(l);
                        self.set_connected(generation, true, lost);
                        lost = false;
                    }
                    Err(_) => {
                        lost = true;
                        self.set_connected(generation, false, false);
                        std::thread::sleep(RETRY);
                    }
                },
                Some(l) => match l.wait(WAIT) {
                    Ok(ids) => self.record(generation, ids),
                    Err(_) => {
                        listener = None;
                        lost = true;
                        self.set_connected(generation, false, false);
                    }
                },
            }
        }
    }

    fn set_connected(&self, generation: u64, connected: bool, came_back: bool) {
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        inner.connected = connected;
        if came_back {
            inner.reconnects += 1;
        }
    }

    fn record(&self, generation: u64, ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        inner.seq += 1;
        let seq = inner.seq;
        for id in ids {
            inner.changed.insert(id, seq);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_file_is_not_watched_and_counts_as_connected() {
        let live = Live::default();
        let s = live.status(0);
        assert!(!s.watching);
        assert!(s.connected);
        assert!(s.changed.is_empty());
    }

    #[test]
    fn changes_are_reported_once_to_a_caller_that_passes_back_the_seq() {
        let live = Live::default();
        live.lock().watching = true;
        live.record(0, vec!["a".into(), "b".into()]);
        let first = live.status(0);
        assert_eq!(first.changed, ["a", "b"]);
        live.record(0, vec!["b".into()]);
        let second = live.status(first.seq);
        assert_eq!(second.changed, ["b"]);
        assert!(live.status(second.seq).changed.is_empty());
    }

    #[test]
    fn a_replaced_listener_records_nothing() {
        let live = Live::default();
        live.stop();
        live.record(0, vec!["a".into()]);
        live.set_connected(0, false, true);
        let s = live.status(0);
        assert!(s.changed.is_empty());
        assert_eq!(s.reconnects, 0);
    }

    #[test]
    fn a_connection_that_comes_back_is_counted() {
        let live = Live::default();
        live.lock().watching = true;
        live.set_connected(0, false, false);
        assert!(!live.status(0).connected);
        live.set_connected(0, true, true);
        let s = live.status(0);
        assert!(s.connected);
        assert_eq!(s.reconnects, 1);
    }
}
