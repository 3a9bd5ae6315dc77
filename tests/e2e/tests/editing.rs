//! Issue 3: editing in the real window. Every editor saves through the store and the edits
//! survive a restart; typed HTML stays text; RACI findings follow the letters.

use e2e::Session;
use governance_core::{OperatingMode, RaciRole, Support};

const KEY_BACKSPACE: &str = "\u{E003}";

#[tokio::test]
async fn edits_in_every_editor_are_saved_and_survive_a_restart() {
    let starter = governance_core::starter::starter_framework();
    let s = Session::start(tempfile::tempdir().unwrap()).await;
    s.text("[data-testid=app-ready]").await;

    // A matrix cell: full support becomes partial, constrained, with its constraints.
    let cell = starter.matrix.iter().find(|c| c.support == Support::Full).unwrap().clone();
    s.click("[data-testid=nav-matrix]").await;
    s.click(&format!("[data-testid=\"cell-{}-{}\"]", cell.capability, cell.platform)).await;
    s.choose("[data-testid=cell-support]", "partial").await;
    s.choose("[data-testid=cell-mode]", "constrained").await;
    s.screenshot("09-matrix-cell-panel-open").await;
    s.fill("[data-testid=cell-constraints]", "Read-only until the API v3 migration is verified.").await;
    s.screenshot("10-matrix-cell-panel").await;
    s.wait_for_db("matrix cell", |fw| {
        fw.matrix.iter().any(|c| {
            c.capability == cell.capability
                && c.platform == cell.platform
                && c.support == Support::Partial
                && c.mode == OperatingMode::Constrained
                && c.constraints.starts_with("Read-only until")
        })
    })
    .await;

    // A RACI letter.
    let act = &starter.raci[1];
    let party = starter.parties.iter().find(|p| !act.assignments.iter().any(|a| a.party == p.id)).unwrap();
    s.click("[data-testid=nav-raci]").await;
    let cell_el = s.find(&format!("[data-testid=\"raci-{}-{}\"]", act.id, party.id)).await;
    cell_el.click().await.unwrap();
    cell_el.send_keys("c").await.unwrap();
    s.wait_for_db("RACI letter", |fw| {
        fw.raci
            .iter()
            .any(|a| a.id == act.id && a.assignments.iter().any(|x| x.party == party.id && x.role == RaciRole::C))
    })
    .await;

    // A data-quality threshold.
    let dq = &starter.data_quality[0];
    s.click("[data-testid=nav-data_quality]").await;
    s.click(&format!("[data-testid=\"dq-{}\"]", dq.id)).await;
    s.fill("[data-testid=dq-min-completeness]", "87.5").await;
    s.screenshot("11-data-quality-form").await;
    s.wait_for_db("completeness", |fw| fw.data_quality.iter().any(|d| d.id == dq.id && d.min_completeness_pct == 87.5))
        .await;

    // A platform contract field.
    let platform = &starter.platforms[2];
    s.click("[data-testid=nav-platforms]").await;
    s.click(&format!("[data-testid=\"platform-{}\"]", platform.id)).await;
    s.fill("[data-testid=contract-error-handling]", "Retry twice, then pause and page the on-call lead.").await;
    s.screenshot("12-platform-contract").await;
    s.wait_for_db("contract", |fw| {
        fw.platforms.iter().any(|p| p.id == platform.id && p.contract.error_handling.starts_with("Retry twice"))
    })
    .await;

    // A hard stop.
    let stop = &starter.hard_stops[0];
    s.click("[data-testid=nav-hard_stops]").await;
    s.click(&format!("[data-testid=\"hardstop-{}\"]", stop.id)).await;
    s.fill("[data-testid=hardstop-notes]", "Reviewed with finance on 2026-11-26.").await;
    s.wait_for_db("hard stop", |fw| {
        fw.hard_stops.iter().any(|h| h.id == stop.id && h.notes.starts_with("Reviewed with"))
    })
    .await;
    s.screenshot("13-hard-stop-form").await;

    // Restart on the same data folder: the app shows what was stored.
    let home = s.stop().await;
    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-data_quality]").await;
    s.click(&format!("[data-testid=\"dq-{}\"]", dq.id)).await;
    let value = s.find("[data-testid=dq-min-completeness]").await.prop("value").await.unwrap();
    assert_eq!(value.as_deref(), Some("87.5"));
    s.click("[data-testid=nav-platforms]").await;
    s.click(&format!("[data-testid=\"platform-{}\"]", platform.id)).await;
    let value = s.find("[data-testid=contract-error-handling]").await.prop("value").await.unwrap();
    assert!(value.unwrap_or_default().starts_with("Retry twice, then pause"));
    s.close().await;
}

#[tokio::test]
async fn html_typed_as_a_name_is_shown_literally_and_runs_no_script() {
    let payload = "<img src=x onerror=alert(1)>";
    let starter = governance_core::starter::starter_framework();
    let party = &starter.parties[0];
    let s = Session::start(tempfile::tempdir().unwrap()).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-parties]").await;
    s.click(&format!("[data-testid=\"party-{}\"]", party.id)).await;
    s.fill("[data-testid=party-name]", payload).await;
    s.wait_for_db("party name", |fw| fw.parties.iter().any(|p| p.name == payload)).await;
    s.click("[data-testid=nav-raci]").await;
    assert!(s.page_text().await.contains(payload), "the RACI header shows the name as text");
    s.click("[data-testid=nav-parties]").await;
    assert!(s.page_text().await.contains(payload));
    let injected = s.client.execute("return document.querySelectorAll('img[src=\"x\"]').length", vec![]).await.unwrap();
    assert_eq!(injected, serde_json::json!(0), "no <img> element was created");
    assert!(s.client.get_alert_text().await.is_err(), "no alert dialog opened");
    s.screenshot("14-literal-html-name").await;
    s.close().await;
}

#[tokio::test]
async fn a_raci_row_with_two_accountables_shows_its_finding_until_fixed() {
    let starter = governance_core::starter::starter_framework();
    let act = &starter.raci[0];
    let party = starter.parties.iter().find(|p| !act.assignments.iter().any(|a| a.party == p.id)).unwrap();
    let s = Session::start(tempfile::tempdir().unwrap()).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-raci]").await;
    let row_findings = format!("[data-testid=\"raci-row-{}\"] [data-testid=finding]", act.id);
    assert!(s.client.find_all(fantoccini::Locator::Css(&row_findings)).await.unwrap().is_empty());
    let cell = s.find(&format!("[data-testid=\"raci-{}-{}\"]", act.id, party.id)).await;
    cell.click().await.unwrap();
    cell.send_keys("a").await.unwrap();
    let finding = s.text(&row_findings).await;
    assert!(finding.contains("2 Accountable parties"), "{finding}");
    s.screenshot("15-raci-two-accountables").await;
    let cell = s.find(&format!("[data-testid=\"raci-{}-{}\"]", act.id, party.id)).await;
    cell.click().await.unwrap();
    cell.send_keys(KEY_BACKSPACE).await.unwrap();
    s.wait_until_gone(&row_findings).await;
    s.wait_for_db("letter cleared", |fw| fw.raci[0] == *act).await;
    s.close().await;
}

#[tokio::test]
async fn a_refused_edit_shows_its_finding_beside_the_field_and_a_stale_one_offers_a_reload() {
    let starter = governance_core::starter::starter_framework();
    let party = starter.parties[1].clone();
    let s = Session::start(tempfile::tempdir().unwrap()).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-parties]").await;
    s.click(&format!("[data-testid=\"party-{}\"]", party.id)).await;

    // Only the back end knows what an email address looks like: its finding names the field.
    s.fill("[data-testid=party-email]", "dana at larkspur").await;
    let error = s.text("[data-testid=field-error]").await;
    assert!(error.to_lowercase().contains("email"), "{error}");
    s.screenshot("27-refused-edit-field-error").await;
    let db = e2e::default_db(s.data_home.path());
    let stored = governance_core::Store::open(&db).unwrap().load(&starter.id).unwrap();
    assert_ne!(stored.parties[1].email.as_deref(), Some("dana at larkspur"), "the refused value was not stored");

    // Someone else changes the same party; the app's next edit of it is stale.
    let mut theirs = stored.parties[1].clone();
    theirs.title = "Changed in another window".into();
    let edit = governance_core::edit::Edit::PutParty { party: theirs };
    let req = governance_core::edit::EditRequest { framework: starter.id.clone(), edit, expected_version: None };
    governance_core::Store::open(&db).unwrap().apply(&req, "someone-else").unwrap();
    s.fill("[data-testid=party-title]", "Changed here").await;
    s.text("[data-testid=conflict-banner]").await;
    s.screenshot("28-stale-edit-reload-banner").await;
    let stored = governance_core::Store::open(&db).unwrap().load(&starter.id).unwrap();
    assert_eq!(stored.parties[1].title, "Changed in another window", "the stale edit did not overwrite theirs");
    s.click("[data-testid=conflict-reload]").await;
    s.wait_until_gone("[data-testid=conflict-banner]").await;
    let shown = s.find("[data-testid=party-title]").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(shown, "Changed in another window");
    s.close().await;
}
