//! The real app in a real window (Xvfb), driven over WebDriver. Run with --test-threads=1:
//! tauri-driver serves one session at a time on its port (4444, or $E2E_DRIVER_PORT).

use e2e::{default_db, Session};
use governance_core::{RaciAssignment, RaciRole, Store};

#[tokio::test]
async fn the_app_starts_on_a_fresh_data_folder_and_shows_the_starter_framework() {
    let home = tempfile::tempdir().unwrap();
    let db = default_db(home.path());
    assert!(!db.exists());
    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    let starter = governance_core::starter::starter_framework();
    assert_eq!(s.text("[data-testid=framework-name]").await, starter.name);
    assert!(db.exists(), "the app created its database in the data folder");
    s.screenshot("01-overview").await;

    s.click("[data-testid=nav-matrix]").await;
    s.screenshot("02-matrix").await;
    let page = s.page_text().await;
    for p in &starter.platforms {
        assert!(page.contains(&p.name), "the matrix shows platform {}", p.name);
    }
    s.click("[data-testid=nav-raci]").await;
    assert!(s.text("main").await.contains(&starter.raci[0].name));
    s.screenshot("03-raci").await;
    s.close().await;
}

#[tokio::test]
async fn a_validation_finding_appears_when_the_data_has_an_error() {
    let home = tempfile::tempdir().unwrap();
    let mut fw = governance_core::starter::starter_framework();
    let act = &mut fw.raci[0];
    let extra = fw.parties.iter().find(|p| !act.assignments.iter().any(|a| a.party == p.id)).unwrap();
    act.assignments.push(RaciAssignment { party: extra.id.clone(), role: RaciRole::A });
    let activity = act.name.clone();
    let mut store = Store::open(&default_db(home.path())).unwrap();
    store.import(&fw, "e2e").unwrap();
    drop(store);

    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-findings]").await;
    let finding = s.text("[data-testid=finding][data-severity=error]").await;
    assert!(finding.contains(&format!("Activity \"{activity}\" has 2 Accountable parties")), "{finding}");
    s.screenshot("04-findings").await;
    s.close().await;
}
