//! Issue 3: the 60 x 200 matrix draws only what is in view, and the keyboard still reaches
//! every cell of it (the grid scrolls the cell in and draws it before focusing it).

use e2e::{default_db, Session};
use governance_core::Support;

const KEY_CONTROL: &str = "\u{E009}";
const KEY_END: &str = "\u{E010}";
const KEY_HOME: &str = "\u{E011}";
const KEY_ENTER: &str = "\u{E007}";

/// The test id of the focused element and whether it lies inside the matrix's scroll box.
const FOCUSED: &str = "
    const el = document.activeElement;
    const box = document.querySelector('.matrix-body .scroll').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const inside = r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    return [el.getAttribute('data-testid'), inside];";

#[tokio::test]
async fn the_large_matrix_draws_only_the_cells_in_view_and_the_keyboard_reaches_its_far_corner() {
    let large = governance_core::sample::large_framework();
    let (first_cap, last_cap) = (&large.capabilities[0], large.capabilities.last().unwrap());
    let (first_plat, last_plat) = (&large.platforms[0], large.platforms.last().unwrap());
    let home = tempfile::tempdir().unwrap();
    governance_core::Store::open(&default_db(home.path())).unwrap().import(&large, "e2e").unwrap();
    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-matrix]").await;
    s.find(&format!("[data-testid=\"cell-{}-{}\"]", first_cap.id, first_plat.id)).await;

    let drawn = s.client.execute("return document.querySelectorAll('td[data-key]').length", vec![]).await.unwrap();
    let drawn = drawn.as_u64().unwrap();
    let total = (large.capabilities.len() * large.platforms.len()) as u64;
    assert!(drawn > 0 && drawn * 10 < total, "{drawn} of {total} cells drawn: only those in view should be");

    // Clicking the rightmost cell in view opens its editor beside the grid, which narrows the
    // grid over that cell: the grid scrolls it back into view and it keeps the focus. Scrolled
    // 6 columns right, the narrowed grid's drawn columns would end before that cell.
    let right = s
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             document.querySelector('.matrix-body .scroll').scrollLeft = 240;
             requestAnimationFrame(() => requestAnimationFrame(() => {
             const box = document.querySelector('.matrix-body .scroll').getBoundingClientRect();
             const cells = [...document.querySelectorAll('tbody tr:not(.spacer)')[0].querySelectorAll('td[data-key]')];
             done(cells.filter((c) => c.getBoundingClientRect().right <= box.right).pop().getAttribute('data-testid'));
             }));",
            vec![],
        )
        .await
        .unwrap();
    let right = right.as_str().unwrap().to_owned();
    s.click(&format!("[data-testid=\"{right}\"]")).await;
    s.find("[data-testid=cell-support]").await;
    let focused = s.client.execute(FOCUSED, vec![]).await.unwrap();
    assert_eq!(
        focused,
        serde_json::json!([right, true]),
        "the clicked cell stays focused and in view beside the editor"
    );
    s.screenshot("17-large-matrix-editor-beside").await;

    // Escape closes the editor; then Ctrl+End goes to the last capability on the last
    // platform, far outside the first view.
    let cell = s.find(&format!("[data-testid=\"{right}\"]")).await;
    cell.send_keys("\u{E00C}").await.unwrap();
    s.wait_until_gone("[data-testid=cell-support]").await;

    // Making the window narrower leaves that cell outside the view, but it keeps the focus.
    let (w, h) = s.client.get_window_size().await.unwrap();
    s.client.set_window_size(w as u32 - 380, h as u32).await.unwrap();
    s.screenshot("18-large-matrix-narrow-window").await;
    let focused = s.client.execute(FOCUSED, vec![]).await.unwrap();
    assert_eq!(focused[0], serde_json::json!(right), "the focused cell is still drawn after the window narrowed");
    s.client.set_window_size(w as u32, h as u32).await.unwrap();
    cell.send_keys(&format!("{KEY_CONTROL}{KEY_END}")).await.unwrap();
    let far = format!("cell-{}-{}", last_cap.id, last_plat.id);
    let focused = s.client.execute(FOCUSED, vec![]).await.unwrap();
    assert_eq!(focused, serde_json::json!([far, true]), "the far corner cell has the focus and is in view");
    s.screenshot("16-large-matrix-far-corner").await;

    // Enter edits it, and the edit lands on that cell.
    let before =
        large.matrix.iter().find(|c| c.capability == last_cap.id && c.platform == last_plat.id).map(|c| c.support);
    let want = if before == Some(Support::Unsupported) { "full" } else { "unsupported" };
    let corner = s.find(&format!("[data-testid=\"{far}\"]")).await;
    corner.send_keys(KEY_ENTER).await.unwrap();
    s.choose("[data-testid=cell-support]", want).await;
    let want_support = if want == "full" { Support::Full } else { Support::Unsupported };
    s.wait_for_db("far corner cell", |fw| {
        fw.matrix.iter().any(|c| c.capability == last_cap.id && c.platform == last_plat.id && c.support == want_support)
    })
    .await;

    // Escape closes the editor; the grid widens and the cell keeps the focus.
    let corner = s.find(&format!("[data-testid=\"{far}\"]")).await;
    corner.send_keys("\u{E00C}").await.unwrap();
    s.wait_until_gone("[data-testid=cell-support]").await;
    let focused = s.client.execute(FOCUSED, vec![]).await.unwrap();
    assert_eq!(focused, serde_json::json!([far, true]), "the cell keeps the focus when the editor closes");

    // Ctrl+Home comes back to the first cell.
    corner.send_keys(&format!("{KEY_CONTROL}{KEY_HOME}")).await.unwrap();
    let focused = s.client.execute(FOCUSED, vec![]).await.unwrap();
    assert_eq!(focused, serde_json::json!([format!("cell-{}-{}", first_cap.id, first_plat.id), true]));
    s.close().await;
}
