//! Item 14: the RACI chart of the large framework (300 activities x 40 parties) draws only what
//! is in view. The keyboard still reaches its far corner, a letter typed there is stored and its
//! finding shows under the row, and the focused cell keeps the focus while the chart scrolls away.

use e2e::{default_db, Session};
use governance_core::{Framework, RaciRole};
use serde_json::{json, Value};

const KEY_CONTROL: &str = "\u{E009}";
const KEY_END: &str = "\u{E010}";
const KEY_HOME: &str = "\u{E011}";
const KEY_UP: &str = "\u{E013}";
const KEY_DOWN: &str = "\u{E015}";
const KEY_PAGE_UP: &str = "\u{E00E}";
const KEY_DELETE: &str = "\u{E017}";

/// The test id of the focused element and whether it lies inside the chart's scroll box, clear
/// of its sticky header row, first column and totals row.
const FOCUSED: &str = "
    const el = document.activeElement;
    const sc = document.querySelector('.raci-body .scroll');
    const box = sc.getBoundingClientRect();
    const head = sc.querySelector('thead').getBoundingClientRect().height;
    const foot = sc.querySelector('tfoot').getBoundingClientRect().height;
    const first = sc.querySelector('thead th.corner').getBoundingClientRect().width;
    const r = el.getBoundingClientRect();
    const inside = r.left >= box.left + first - 1 && r.right <= box.right + 1
        && r.top >= box.top + head - 1 && r.bottom <= box.bottom - foot + 1;
    return [el.getAttribute('data-testid'), inside];";

/// The screen-reader place of the focused cell: its row's aria-rowindex, its aria-colindex and
/// the chart's aria-rowcount and aria-colcount.
const FOCUSED_ARIA: &str = "
    const el = document.activeElement;
    const t = el.closest('table');
    return [el.closest('tr').getAttribute('aria-rowindex'), el.closest('td').getAttribute('aria-colindex'),
        t.getAttribute('aria-rowcount'), t.getAttribute('aria-colcount')];";

/// The height of everything the chart's scroll box scrolls over.
const HEIGHT: &str = "return document.querySelector('.raci-body .scroll').scrollHeight";

/// Scrolls the chart to its top left corner and waits for it to be drawn there.
const SCROLL_HOME: &str = "
    const done = arguments[arguments.length - 1];
    const sc = document.querySelector('.raci-body .scroll');
    sc.scrollTop = 0; sc.scrollLeft = 0;
    requestAnimationFrame(() => requestAnimationFrame(() => done()));";

/// The number of letter cells in the page.
const DRAWN: &str = "return document.querySelectorAll('.raci-table td[data-row]').length";

fn cell(activity: &str, party: &str) -> String {
    format!("raci-{activity}-{party}")
}

async fn focused(s: &Session) -> Value {
    s.client.execute(FOCUSED, vec![]).await.unwrap()
}

/// Sends keys to whatever has the focus, as a person typing would (sending them to an element
/// would focus it first and hide a lost focus).
async fn press(s: &Session, keys: &str) {
    s.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

fn letters_of(fw: &Framework, activity: &str, party: &str) -> Vec<RaciRole> {
    fw.raci
        .iter()
        .filter(|a| a.id == activity)
        .flat_map(|a| a.assignments.iter().filter(|x| x.party == party).map(|x| x.role))
        .collect()
}

#[tokio::test]
async fn the_large_raci_chart_draws_only_the_cells_in_view_and_the_keyboard_reaches_its_far_corner() {
    let large = governance_core::sample::large_framework();
    let (first_act, last_act) = (&large.raci[0], large.raci.last().unwrap());
    let above = &large.raci[large.raci.len() - 2];
    let page_up = &large.raci[large.raci.len() - 1 - 10];
    let (first_party, last_party) = (&large.parties[0], large.parties.last().unwrap());
    assert!(
        !letters_of(&large, &last_act.id, &last_party.id).contains(&RaciRole::A),
        "the last party is not the last activity's Accountable, so an A there is a second one"
    );
    let home = tempfile::tempdir().unwrap();
    governance_core::Store::open(&default_db(home.path())).unwrap().import(&large, "e2e").unwrap();
    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-raci]").await;
    let first = s.find(&format!("[data-testid=\"{}\"]", cell(&first_act.id, &first_party.id))).await;
    let height = s.client.execute(HEIGHT, vec![]).await.unwrap();

    let total = (large.raci.len() * large.parties.len()) as u64;
    let drawn = s.client.execute(DRAWN, vec![]).await.unwrap().as_u64().unwrap();
    assert!(drawn > 0 && drawn * 10 < total, "{drawn} of {total} cells drawn: only those in view should be");
    s.screenshot("23-large-raci").await;

    // Ctrl+End goes to the last activity and the last party, far outside the first view.
    first.click().await.unwrap();
    press(&s, &format!("{KEY_CONTROL}{KEY_END}")).await;
    let far = cell(&last_act.id, &last_party.id);
    assert_eq!(focused(&s).await, json!([far, true]), "the far corner cell has the focus and is in view");
    let n = large.parties.len() + 1;
    let aria = s.client.execute(FOCUSED_ARIA, vec![]).await.unwrap();
    let count: u64 = aria[2].as_str().unwrap().parse().unwrap();
    assert_eq!(
        aria,
        json!([(count - 1).to_string(), n.to_string(), count.to_string(), n.to_string()]),
        "the last activity's row comes just before the totals row, the last party is the last column"
    );

    // Scrolled back to the top, as a wheel would, the cell far below keeps the focus, and the
    // keyboard goes on from it. The spacers stand in for exactly the rows not drawn: the chart
    // is as tall as when it opened.
    s.client.execute_async(SCROLL_HOME, vec![]).await.unwrap();
    assert_eq!(focused(&s).await, json!([far, false]), "the focused cell is still in the page, out of view");
    let drawn = s.client.execute(DRAWN, vec![]).await.unwrap().as_u64().unwrap();
    assert!(drawn * 10 < total, "{drawn} cells drawn at the top with the focused cell far below");
    assert_eq!(s.client.execute(HEIGHT, vec![]).await.unwrap(), height, "the chart's height did not change");
    s.screenshot("24-large-raci-scrolled-away").await;
    press(&s, KEY_UP).await;
    assert_eq!(focused(&s).await, json!([cell(&above.id, &last_party.id), true]), "ArrowUp moves on from the cell");
    press(&s, KEY_DOWN).await;
    assert_eq!(focused(&s).await, json!([far, true]));

    // A typed A lands in the database, and the row shows the finding about its second A.
    press(&s, "a").await;
    s.wait_for_db("the far corner's letter", |fw| letters_of(fw, &last_act.id, &last_party.id) == [RaciRole::A]).await;
    let row_findings = format!("[data-testid=\"raci-row-{}\"] [data-testid=finding]", last_act.id);
    let finding = s.text(&row_findings).await;
    assert!(finding.contains("2 Accountable parties"), "{finding}");
    assert_eq!(focused(&s).await, json!([far, true]), "the cell stays focused and in view above its finding");
    let rows = s.client.execute(FOCUSED_ARIA, vec![]).await.unwrap();
    assert_eq!(rows[2], json!((count + 1).to_string()), "the findings row counts as a row of the chart");
    s.client.execute("document.querySelector('.raci-body .scroll').scrollTop += 1e6", vec![]).await.unwrap();
    s.screenshot("25-large-raci-far-corner-finding").await;

    // Delete clears the letter again, and the finding goes.
    press(&s, KEY_DELETE).await;
    s.wait_for_db("the far corner cleared", |fw| letters_of(fw, &last_act.id, &last_party.id).is_empty()).await;
    s.wait_until_gone(&row_findings).await;

    // PageUp moves ten activities up, Home to the first party, Ctrl+Home to the first cell.
    press(&s, KEY_PAGE_UP).await;
    assert_eq!(focused(&s).await, json!([cell(&page_up.id, &last_party.id), true]));
    press(&s, KEY_HOME).await;
    assert_eq!(focused(&s).await, json!([cell(&page_up.id, &first_party.id), true]));
    press(&s, &format!("{KEY_CONTROL}{KEY_HOME}")).await;
    assert_eq!(focused(&s).await, json!([cell(&first_act.id, &first_party.id), true]));

    // The activity's name opens its editor beside the chart; the focused cell stays in view.
    s.click(&format!("[data-activity=\"{}\"]", first_act.id)).await;
    let name = s.find("[data-testid=activity-name]").await;
    assert_eq!(name.prop("value").await.unwrap().as_deref(), Some(first_act.name.as_str()));
    s.screenshot("26-large-raci-activity-editor").await;
    s.close().await;
}
