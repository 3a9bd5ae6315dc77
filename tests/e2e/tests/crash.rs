//! Issue 6: the app is killed (SIGKILL) in the middle of editing. After each restart the
//! database passes integrity_check and holds every edit the app had reported as saved.

use std::time::Duration;

use e2e::{default_db, Session};

#[tokio::test]
async fn killing_the_app_mid_edit_never_loses_a_saved_edit_or_corrupts_the_file() {
    let dq = governance_core::starter::starter_framework().data_quality[0].clone();
    let mut home = tempfile::tempdir().unwrap();
    let mut last_saved: Option<String> = None;
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos() as u64;
    println!("seed {seed}");
    for round in 0..6u64 {
        let s = Session::start(home).await;
        s.text("[data-testid=app-ready]").await;
        s.click("[data-testid=nav-data_quality]").await;
        s.click(&format!("[data-testid=\"dq-{}\"]", dq.id)).await;
        // One edit that the app reports as saved ...
        let saved = format!("Saved note from round {round}.");
        s.fill("[data-testid=dq-notes]", &saved).await;
        s.wait_saved().await;
        // ... and one that is killed at a random moment around its save.
        let pending = format!("Pending note from round {round}.");
        s.fill("[data-testid=dq-notes]", &pending).await;
        let delay = (seed.wrapping_mul(round + 7) >> 3) % 150;
        tokio::time::sleep(Duration::from_millis(delay)).await;
        s.kill_app();
        last_saved = Some(saved.clone());
        home = s.stop().await;

        let store = governance_core::Store::open(&default_db(home.path())).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
        let notes =
            store.load(&governance_core::starter::starter_framework().id).unwrap().data_quality[0].notes.clone();
        assert!(notes == saved || notes == pending, "round {round}: the note is {notes:?}");
    }
    assert!(last_saved.is_some());
}
