//! Issue 14: the regulation crosswalk in the real window. A gap on the Coverage page is closed by
//! linking a hard stop to the obligation with the picker, and the answer links back to the stop.

use std::time::Instant;

use e2e::Session;
use governance_core::{Framework, Store};

/// The obligation the test leaves unanswered, then answers: the FTC's disclosure of material connections.
const OBLIGATION: &str = "ftc-255-5";
const CITATION: &str = "16 CFR 255.5";

/// The starter with every link to `id` taken out, so the obligation is a gap.
fn without_links(mut fw: Framework, id: &str) -> Framework {
    let strip = |links: &mut Vec<String>| links.retain(|x| x != id);
    fw.capabilities.iter_mut().for_each(|c| strip(&mut c.obligations));
    fw.raci.iter_mut().for_each(|a| strip(&mut a.obligations));
    fw.data_quality.iter_mut().for_each(|d| strip(&mut d.obligations));
    fw.hard_stops.iter_mut().for_each(|h| strip(&mut h.obligations));
    fw.compliance_rules.iter_mut().for_each(|r| strip(&mut r.obligations));
    strip(&mut fw.override_policy.obligations);
    strip(&mut fw.review_schedule.obligations);
    fw
}

async fn state_of(s: &Session, css: &str) -> String {
    s.find(css).await.attr("data-state").await.unwrap().unwrap_or_default()
}

async fn wait_for_state(s: &Session, css: &str, want: &str) {
    let start = Instant::now();
    loop {
        if state_of(s, css).await == want {
            return;
        }
        assert!(start.elapsed().as_secs() < 15, "{css} is not {want} within 15 s");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn linking_a_hard_stop_closes_a_gap_on_the_coverage_page() {
    let starter = governance_core::starter::starter_framework();
    assert!(starter.jurisdictions.iter().any(|j| j == "US"), "the starter declares the US");
    let stop = starter.hard_stops[0].clone();

    // A database whose framework answers 16 CFR 255.5 nowhere.
    let home = tempfile::tempdir().unwrap();
    let db = e2e::default_db(home.path());
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    Store::open(&db).unwrap().import(&without_links(starter.clone(), OBLIGATION), "e2e").unwrap();

    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;

    // The compliance rules page, with a rule open in its editor.
    let rule = &starter.compliance_rules[0];
    s.click("[data-testid=nav-compliance_rules]").await;
    s.text(&format!("[data-testid=\"rules-group-{}\"]", rule.jurisdiction)).await;
    s.screenshot("50-compliance-rules").await;
    s.click(&format!("[data-testid=\"rule-{}\"]", rule.id)).await;
    let name = s.find("[data-testid=rule-name]").await.prop("value").await.unwrap();
    assert_eq!(name.as_deref(), Some(rule.name.as_str()));
    s.screenshot("51-compliance-rule-form").await;

    // Coverage: the obligation is a gap in the US, named by its citation and marked in words.
    let item = format!("[data-testid=\"coverage-item-US-{OBLIGATION}\"]");
    let opened = Instant::now();
    s.click("[data-testid=nav-coverage]").await;
    s.find(&item).await;
    let render = opened.elapsed();
    s.text("[data-testid=coverage-notice]").await;
    s.choose("[data-testid=coverage-jurisdiction]", "=US").await;
    assert_eq!(state_of(&s, &item).await, "gap");
    let text = s.text(&item).await;
    assert!(text.contains(CITATION), "{text}");
    assert!(text.contains("Gap"), "the gap is said in words: {text}");
    s.scroll_into_view(&s.find(&item).await).await;
    s.screenshot("52-coverage-gap").await;

    // The hard stop's editor links it to the obligation with the picker.
    s.click("[data-testid=nav-hard_stops]").await;
    s.click(&format!("[data-testid=\"hardstop-{}\"]", stop.id)).await;
    s.click("[data-testid=hardstop-obligations-add]").await;
    let search = s.find("[data-testid=hardstop-obligations-search]").await;
    s.scroll_into_view(&search).await;
    search.send_keys("255.5").await.unwrap();
    let option = s.find(&format!("[data-testid=\"hardstop-obligations-option-{OBLIGATION}\"]")).await;
    s.text("[data-testid=hardstop-obligations-notice]").await;
    s.scroll_into_view(&option).await;
    s.screenshot("53-obligation-picker").await;
    option.click().await.unwrap();
    let chip = s.text(&format!("[data-testid=\"hardstop-obligations-linked-{OBLIGATION}\"]")).await;
    assert!(chip.contains(CITATION), "{chip}");
    s.wait_saved().await;
    s.wait_for_db("the link", |fw| {
        fw.hard_stops.iter().any(|h| h.id == stop.id && h.obligations.iter().any(|o| o == OBLIGATION))
    })
    .await;
    s.screenshot("54-obligation-linked").await;

    // Back on Coverage (still filtered to the US): answered, by the hard stop.
    s.click("[data-testid=nav-coverage]").await;
    wait_for_state(&s, &item, "answered").await;
    let answer = format!("{item} [data-testid=coverage-answer][data-section=hard_stops][data-item=\"{}\"]", stop.id);
    let link = s.text(&answer).await;
    assert!(link.contains(&stop.name), "{link}");
    assert!(!s.text(&item).await.contains("Gap"));
    s.scroll_into_view(&s.find(&item).await).await;
    s.screenshot("55-coverage-answered").await;

    // The answer jumps to the hard stop, open in its editor.
    s.click(&answer).await;
    let start = Instant::now();
    loop {
        let shown = s.find("[data-testid=hardstop-name]").await.prop("value").await.unwrap().unwrap_or_default();
        if shown == stop.name {
            break;
        }
        assert!(start.elapsed().as_secs() < 15, "the hard stop's editor shows {shown:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let open = s.find(&format!("[data-testid=\"hardstop-{}\"]", stop.id)).await.attr("aria-expanded").await.unwrap();
    assert_eq!(open.as_deref(), Some("true"));
    s.screenshot("56-answer-opened-hard-stop").await;
    eprintln!("coverage page: first render {render:?} after the click");
    s.close().await;
}
