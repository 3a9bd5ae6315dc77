//! Issue 13: the app on a team database. Each test starts a PostgreSQL server of its own
//! (`tests/pg/server`), so that pausing it disturbs no other test. Needs `PGPASSWORD` set to the
//! test servers' superuser password (`make e2e` sets it).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use e2e::{workspace, Session};
use fantoccini::Locator;
use governance_core::edit::{Edit, EditRequest};
use governance_core::store::{team, ServerAddress};
use governance_core::Store;

const OWNER: (&str, &str) = ("olivia", "owner-pw");
const READER: (&str, &str) = ("rory", "reader-pw");

/// A private server with one team database holding the starter framework, an owner and a reader.
struct Server {
    dir: tempfile::TempDir,
    db: ServerAddress,
}

/// Runs `f` on a plain thread: the postgres client blocks on a runtime of its own (also when it
/// is dropped), which Tokio forbids inside the test's runtime.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
}

fn pg(action: &str, dir: &std::path::Path) -> String {
    let out = Command::new(workspace().join("tests/pg/server")).arg(action).arg(dir).output().unwrap();
    assert!(out.status.success(), "server {action}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

impl Server {
    fn start() -> Server {
        off_runtime(Server::set_up)
    }

    fn set_up() -> Server {
        assert!(
            std::env::var_os("PGPASSWORD").is_some(),
            "PGPASSWORD must be the test servers' password (make e2e sets it)"
        );
        let dir = tempfile::tempdir().unwrap();
        let admin = ServerAddress::parse(&pg("start", dir.path())).unwrap();
        let db = team::create_database(&admin, None, "governance").unwrap();
        team::init(&db, None).unwrap();
        let mut sql: postgres::Config = db.to_string().parse().unwrap();
        sql.password(std::env::var("PGPASSWORD").unwrap());
        let mut sql = sql.connect(postgres::NoTls).unwrap();
        for ((name, pw), group) in [(OWNER, "owner"), (READER, "reader")] {
            sql.batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD '{pw}' IN ROLE governance_{group}")).unwrap();
        }
        Store::connect(&db, None).unwrap().import(&governance_core::starter::starter_framework(), "setup").unwrap();
        Server { dir, db }
    }

    /// The address a person signs in with: no password in it.
    fn address(&self, (name, _): (&str, &str)) -> String {
        self.db.with_user(name, None).to_string()
    }

    /// Runs `f` as another client of the database: the administrator, from another machine.
    fn other_client<T: Send>(&self, f: impl FnOnce(&mut Store) -> T + Send) -> T {
        off_runtime(|| f(&mut Store::connect(&self.db, None).unwrap()))
    }
}

impl Drop for Server {
    // No assertion here: a failing test is already unwinding.
    fn drop(&mut self) {
        let _ = Command::new(workspace().join("tests/pg/server")).arg("stop").arg(self.dir.path()).output();
    }
}

/// The app as `who`, on the team database named by `GOVERNANCE_DB`, with the password in `PGPASSWORD`.
async fn app_as(server: &Server, who: (&str, &str)) -> Session {
    let address = server.address(who);
    let s =
        Session::start_with_env(tempfile::tempdir().unwrap(), &[("GOVERNANCE_DB", &address), ("PGPASSWORD", who.1)])
            .await;
    s.text("[data-testid=app-ready]").await;
    s
}

/// The titles of the X windows on the display (the app's window title is not the page's).
fn window_titles() -> String {
    let out = Command::new("xwininfo").args(["-root", "-tree"]).output().expect("xwininfo (x11-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn wait_for_window_title(part: &str) {
    let start = Instant::now();
    while !window_titles().contains(part) {
        assert!(start.elapsed() < Duration::from_secs(10), "no window titled with {part:?}:\n{}", window_titles());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the main area shows `text`; returns how long that took.
async fn wait_for_text(s: &Session, text: &str, within: Duration) -> Duration {
    let start = Instant::now();
    while !s.page_text().await.contains(text) {
        assert!(start.elapsed() < within, "{text:?} not shown within {within:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    start.elapsed()
}

async fn shown(s: &Session, css: &str) -> bool {
    !s.client.find_all(Locator::Css(css)).await.unwrap().is_empty()
}

async fn wait_until_shown(s: &Session, css: &str, within: Duration) -> Duration {
    let start = Instant::now();
    while !shown(s, css).await {
        assert!(start.elapsed() < within, "{css} not shown within {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

async fn wait_until_gone(s: &Session, css: &str, within: Duration) -> Duration {
    let start = Instant::now();
    while shown(s, css).await {
        assert!(start.elapsed() < within, "{css} still shown after {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

/// Renames a party and returns the moment just before the change was sent.
fn rename_party(store: &mut Store, index: usize, name: &str) -> Instant {
    let fw = governance_core::starter::starter_framework().id;
    let mut party = store.load(&fw).unwrap().parties[index].clone();
    party.name = name.into();
    let edit = EditRequest { framework: fw, edit: Edit::PutParty { party }, expected_version: None };
    let sent = Instant::now();
    store.apply(&edit, "another client").unwrap();
    sent
}

fn party(store: &mut Store, index: usize) -> governance_core::Party {
    store.load(&governance_core::starter::starter_framework().id).unwrap().parties[index].clone()
}

fn screenshot_path(name: &str) -> PathBuf {
    e2e::screenshot_dir().join(format!("{name}.png"))
}

#[tokio::test]
async fn the_app_on_a_team_database_shows_others_changes_within_a_second_and_outlives_the_server_going_away() {
    let server = Server::start();
    let s = app_as(&server, OWNER).await;
    let address = server.address(OWNER);

    // (a) The window and the sidebar name the team database, its TLS and the signed-in role.
    wait_for_window_title(&format!("team database {address} (TLS 1.3)")).await;
    assert_eq!(s.text("[data-testid=database-location]").await, address);
    assert_eq!(s.text("[data-testid=database-role]").await, format!("Signed in as {} (owner)", OWNER.0));
    assert_eq!(s.text("[data-testid=database-tls]").await, "TLS 1.3");

    // (b) A change by another client shows without any action in the app.
    let starter = governance_core::starter::starter_framework();
    s.click("[data-testid=nav-parties]").await;
    s.click(&format!("[data-testid=\"party-{}\"]", starter.parties[1].id)).await;
    let mut worst = Duration::ZERO;
    for round in 1..=3 {
        let name = format!("Renamed elsewhere {round}");
        let changed = server.other_client(|other| rename_party(other, 1, &name));
        wait_for_text(&s, &name, Duration::from_secs(3)).await;
        let took = changed.elapsed();
        eprintln!("a change by another client showed in the app after {} ms", took.as_millis());
        worst = worst.max(took);
    }
    // One second, plus the slack of this test's own polling of the page.
    assert!(worst < Duration::from_millis(1200), "a change took {worst:?} to show");
    let field = s.find("[data-testid=party-name]").await.prop("value").await.unwrap();
    assert_eq!(field.as_deref(), Some("Renamed elsewhere 3"), "the open form shows the new name");
    s.screenshot("60-team-database").await;

    // A name being typed while another client renames the same party is refused as stale when
    // it is saved: the typing keeps the view it was based on, and nothing is merged.
    let field = s.find("[data-testid=party-name]").await;
    field.send_keys(" (typed here)").await.unwrap();
    server.other_client(|other| rename_party(other, 1, "Renamed elsewhere while typing"));
    s.text("[data-testid=conflict-banner]").await;
    assert_eq!(server.other_client(|other| party(other, 1).name), "Renamed elsewhere while typing");
    s.screenshot("60b-team-stale-while-typing").await;
    s.click("[data-testid=conflict-reload]").await;
    s.wait_until_gone("[data-testid=conflict-banner]").await;
    let field = s.find("[data-testid=party-name]").await.prop("value").await.unwrap();
    assert_eq!(field.as_deref(), Some("Renamed elsewhere while typing"));

    // (c) The server goes away: the app says so; it comes back: the app carries on.
    pg("pause", server.dir.path());
    let noticed = wait_until_shown(&s, "[data-testid=connection-lost]", Duration::from_secs(5)).await;
    eprintln!("the lost connection showed after {} ms", noticed.as_millis());
    s.screenshot("61-team-connection-lost").await;
    pg("resume", server.dir.path());
    let back = wait_until_gone(&s, "[data-testid=connection-lost]", Duration::from_secs(10)).await;
    eprintln!("the banner went {} ms after the server was back", back.as_millis());
    s.fill("[data-testid=party-name]", "Edited after the outage").await;
    s.wait_saved().await;
    let start = Instant::now();
    while server.other_client(|other| party(other, 1).name) != "Edited after the outage" {
        assert!(start.elapsed() < Duration::from_secs(10), "the edit after the outage is not in the database");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    s.screenshot("62-team-after-outage").await;
    s.close().await;
}

#[tokio::test]
async fn a_reader_who_edits_sees_the_servers_refusal() {
    let server = Server::start();
    let s = app_as(&server, READER).await;
    assert_eq!(s.text("[data-testid=database-role]").await, format!("Signed in as {} (reader)", READER.0));
    let starter = governance_core::starter::starter_framework();
    s.click("[data-testid=nav-parties]").await;
    s.click(&format!("[data-testid=\"party-{}\"]", starter.parties[0].id)).await;
    s.fill("[data-testid=party-title]", "A reader's change").await;
    let banner = s.text("[data-testid=error-banner]").await;
    assert!(banner.contains("refused this for your role"), "{banner}");
    let status = s.find("[data-testid=save-status]").await;
    assert_eq!(status.attr("data-state").await.unwrap().as_deref(), Some("error"));
    assert!(!shown(&s, "[data-testid=field-error]").await, "the refusal is about the role, not the field");
    s.screenshot("63-team-reader-refused").await;
    // The refusal stays in sight while the page scrolls.
    s.client.execute("document.querySelector('main').scrollTo(0, 100000)", vec![]).await.unwrap();
    let top = s
        .client
        .execute("return document.querySelector('[data-testid=error-banner]').getBoundingClientRect().top", vec![])
        .await
        .unwrap();
    assert!(top.as_f64().unwrap() < 120.0, "the banner scrolled away: top {top}");
    s.screenshot("63b-team-reader-refused-scrolled").await;
    assert_eq!(server.other_client(|other| party(other, 0).title), starter.parties[0].title);
    s.close().await;
}

#[tokio::test]
async fn the_connect_dialog_asks_for_the_password_and_the_address_is_remembered_without_it() {
    let server = Server::start();
    let address = server.address(OWNER);
    // An empty PGPASSWORD counts as none: only a typed password can open the database.
    let s = Session::start_with_env(tempfile::tempdir().unwrap(), &[("PGPASSWORD", "")]).await;
    s.text("[data-testid=app-ready]").await;
    wait_for_window_title("Governance Workbench — local file ").await;
    s.click("[data-testid=database-connect]").await;
    s.find("[data-testid=connect-address]").await.send_keys(&address).await.unwrap();
    s.find("[data-testid=connect-password]").await.send_keys("wrong").await.unwrap();
    s.click("[data-testid=connect-submit]").await;
    let error = s.text("[data-testid=connect-password-error]").await;
    assert!(error.contains("refused the password"), "{error}");
    let focused = s.client.execute("return document.activeElement.dataset.testid", vec![]).await.unwrap();
    assert_eq!(focused, "connect-password");
    s.screenshot("64-team-connect-wrong-password").await;
    let password = s.find("[data-testid=connect-password]").await;
    password.clear().await.unwrap();
    password.send_keys(OWNER.1).await.unwrap();
    s.click("[data-testid=connect-submit]").await;
    s.wait_until_gone("[data-testid=dialog-connect]").await;
    assert_eq!(s.text("[data-testid=database-location]").await, address);
    wait_for_text(&s, &governance_core::starter::starter_framework().name, Duration::from_secs(10)).await;
    wait_for_window_title(&format!("team database {address} (TLS 1.3)")).await;
    s.screenshot("65-team-connected").await;
    let remembered = std::fs::read_to_string(s.data_home.path().join("config/connection.json")).unwrap();
    assert!(remembered.contains(&address) && !remembered.contains(OWNER.1), "{remembered}");

    // The next start opens the remembered team database and asks for the password it needs.
    let home = s.stop().await;
    let s = Session::start_with_env(home, &[("PGPASSWORD", "")]).await;
    let error = s.text("[data-testid=connect-password-error]").await;
    assert!(error.contains("password"), "{error}");
    let address_field = s.find("[data-testid=connect-address]").await.prop("value").await.unwrap();
    assert_eq!(address_field.as_deref(), Some(address.as_str()));
    wait_for_window_title(&format!("team database {address} (not connected)")).await;
    s.screenshot("66-team-password-at-start").await;
    s.find("[data-testid=connect-password]").await.send_keys(&format!("{}\u{E007}", OWNER.1)).await.unwrap();
    s.text("[data-testid=app-ready]").await;
    assert_eq!(s.text("[data-testid=database-role]").await, format!("Signed in as {} (owner)", OWNER.0));

    // Back to the local file, which is then what the next start opens.
    s.click("[data-testid=database-connect]").await;
    s.click("[data-testid=connect-local]").await;
    s.wait_until_gone("[data-testid=dialog-connect]").await;
    wait_for_window_title("Governance Workbench — local file ").await;
    assert!(!s.data_home.path().join("config/connection.json").exists());
    assert!(screenshot_path("65-team-connected").exists());
    s.close().await;
}
