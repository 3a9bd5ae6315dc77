//! Crash safety: the CLI is killed with SIGKILL at random points of imports, edits and
//! publishes. After each kill the database must pass integrity_check, hold every change that
//! was reported saved, and show each change either whole or not at all.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use governance_core::{interchange, Framework, Store};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn spawn(db: &Path, args: &[String]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_governance"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Runs a command and kills it after `delay`. Returns (was killed while running, exited with success).
fn run_and_kill(db: &Path, args: &[String], delay: Duration) -> (bool, bool) {
    let mut child = spawn(db, args);
    let start = Instant::now();
    while start.elapsed() < delay {
        if let Some(status) = child.try_wait().unwrap() {
            return (false, status.success());
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    match child.try_wait().unwrap() {
        Some(status) => (false, status.success()),
        None => {
            child.kill().unwrap();
            let status = child.wait().unwrap();
            (true, status.success())
        }
    }
}

fn variant(base: &Framework, i: usize) -> Framework {
    let mut f = base.clone();
    f.description = format!("Variant {i} of the framework.");
    f.platforms[0].contract.latency_notes = format!("Latency measured in round {i}.");
    let n = f.matrix.len();
    f.matrix[i % n].evidence = format!("Re-verified in round {i}.");
    f.parties.rotate_left(i % 3);
    f
}

#[test]
fn killing_the_cli_at_random_points_never_loses_saved_changes_or_half_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let base = governance_core::starter::starter_framework();
    let id = base.id.clone();
    Store::open(&db).unwrap().import(&base, "setup").unwrap();

    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    println!("seed {seed}");
    let mut rng = Rng(seed);
    let mut kills = 0;
    let mut saved = 0;
    let mut draft = base.clone();
    for i in 0..600 {
        if kills >= 60 && i >= 90 {
            break;
        }
        let versions_before = Store::open(&db).unwrap().versions(&id).unwrap().len();
        let (args, after): (Vec<String>, Framework) = match i % 3 {
            0 => {
                let v = variant(&base, i);
                let file = dir.path().join(format!("v{i}.json"));
                std::fs::write(&file, interchange::to_pretty_json(&v)).unwrap();
                (vec!["import".into(), file.display().to_string()], v)
            }
            1 => {
                let mut next = draft.clone();
                next.name = format!("Edited name {i}");
                let req = serde_json::json!({
                    "framework": id,
                    "edit": { "op": "set_details", "details": {
                        "name": next.name, "organisation": next.organisation,
                        "description": next.description, "jurisdictions": next.jurisdictions } },
                    "expected_version": null
                });
                (vec!["edit".into(), req.to_string()], next)
            }
            _ => (vec!["publish".into(), "--summary".into(), format!("Round {i}")], draft.clone()),
        };
        let delay = Duration::from_micros(rng.next() % 40_000);
        let (killed, ok) = run_and_kill(&db, &args, delay);
        kills += usize::from(killed);
        saved += usize::from(ok);

        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {i}");
        let now = store.load(&id).unwrap();
        if ok {
            assert_eq!(now, after, "round {i}: a change reported saved is missing");
        } else {
            assert!(now == after || now == draft, "round {i}: the draft is neither before nor after the change");
        }
        let versions = store.versions(&id).unwrap();
        assert!(versions.len() == versions_before || versions.len() == versions_before + 1, "round {i}");
        if i % 3 == 2 && ok {
            assert_eq!(versions.len(), versions_before + 1, "round {i}: a reported publish is missing");
        }
        if versions.len() > versions_before {
            let (_, snapshot) = store.version_snapshot(&id, versions.len() as u32).unwrap();
            assert_eq!(snapshot, interchange::to_canonical_json(&now), "round {i}: half a version");
        }
        assert!(store.verify_versions().unwrap().is_empty(), "round {i}");
        draft = now;
    }
    println!("{kills} kills, {saved} completed commands");
    assert!(kills >= 50, "only {kills} commands were killed while running");
}
