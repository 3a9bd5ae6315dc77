//! Harness for the end-to-end suite: starts `tauri-driver` (which starts WebKitWebDriver, which
//! starts the real app binary) with a private data folder, and hands out a WebDriver client.

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// The workspace root, where `target/` is.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// The app binary under test: `$E2E_APP`, else the debug build (built by `make e2e` first,
/// because `cargo test` does not rebuild other packages' binaries).
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("E2E_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace().join("target"));
    target.join("debug/governance-workbench")
}

/// Where screenshots of each run go, so a person can look at them.
pub fn screenshot_dir() -> PathBuf {
    let d = workspace().join("target/e2e-screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Adds a 1 px square that changes colour on every animation frame (see `Session::screenshot`).
const TICKER_ON: &str = "
    const d = document.createElement('div');
    d.id = 'e2e-paint-ticker';
    Object.assign(d.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', pointerEvents: 'none', zIndex: '2147483647' });
    document.body.appendChild(d);
    let n = 0;
    (function tick() {
        if (!d.isConnected) return;
        d.style.background = n++ % 2 ? 'rgba(0, 0, 0, 0.01)' : 'rgba(0, 0, 0, 0.02)';
        requestAnimationFrame(tick);
    })();";

/// One app session: a data folder of its own, a driver process group, a WebDriver client.
pub struct Session {
    pub client: Client,
    pub data_home: tempfile::TempDir,
    driver: Child,
    session_id: String,
    closed: bool,
}

/// The default database path the app uses inside a data folder (XDG_DATA_HOME).
pub fn default_db(data_home: &Path) -> PathBuf {
    data_home.join("governance-workbench/governance.db")
}

/// The port tauri-driver listens on: `$E2E_DRIVER_PORT`, else 4444. Set it to run a suite beside
/// another one on the same machine.
pub fn driver_port() -> u16 {
    match std::env::var("E2E_DRIVER_PORT") {
        Ok(v) => v.parse().unwrap_or_else(|_| panic!("E2E_DRIVER_PORT is not a port number: {v:?}")),
        Err(_) => 4444,
    }
}

/// The port of the WebKitWebDriver that tauri-driver starts: the one after the driver's.
pub fn native_port() -> u16 {
    driver_port() + 1
}

fn wait_for_port(port: u16, within: Duration) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < within, "tauri-driver did not listen on port {port} within {within:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Session {
    /// Starts the app on `data_home` (a fresh folder unless the test prepared one).
    pub async fn start(data_home: tempfile::TempDir) -> Session {
        Self::start_timed(data_home).await.0
    }

    /// Starts the app with extra environment variables (they reach the app through the drivers).
    pub async fn start_with_env(data_home: tempfile::TempDir, env: &[(&str, &str)]) -> Session {
        Self::launch(data_home, env).await.0
    }

    /// Starts the app and also returns how long the session (app launch) took.
    pub async fn start_timed(data_home: tempfile::TempDir) -> (Session, Duration) {
        Self::launch(data_home, &[]).await
    }

    async fn launch(data_home: tempfile::TempDir, env: &[(&str, &str)]) -> (Session, Duration) {
        let app = app_binary();
        assert!(app.exists(), "no app binary at {}: build it first (make e2e does)", app.display());
        let (port, native) = (driver_port(), native_port());
        for taken in [port, native] {
            assert!(
                TcpStream::connect(("127.0.0.1", taken)).is_err(),
                "port {taken} is taken: a WebDriver from an earlier run is still running (stop its tauri-driver with SIGTERM)"
            );
        }
        let mut driver = Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
            .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
            .env("XDG_DATA_HOME", data_home.path())
            // The remembered team database too stays in the test's folder, never the user's own.
            .env("GOVERNANCE_CONFIG_DIR", data_home.path().join("config"))
            .env_remove("GOVERNANCE_DB")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            // Its own process group, so the drop below also ends WebKitWebDriver and the app.
            .process_group(0)
            .spawn()
            .expect("tauri-driver runs (cargo install tauri-driver --locked)");
        wait_for_port(port, Duration::from_secs(20));
        // Give WebKitWebDriver, started by tauri-driver, its port before the first session.
        wait_for_port(native, Duration::from_secs(20));
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), serde_json::json!({ "application": app }));
        let launched = Instant::now();
        let connected = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        let client = match connected {
            Ok(c) => c,
            Err(e) => {
                // No session, so no Drop: stop the driver here or it outlives the test.
                let _ = Command::new("kill").arg("-TERM").arg(driver.id().to_string()).status();
                let _ = driver.wait();
                panic!("no WebDriver session with the app: {e}");
            }
        };
        let session_id = client.session_id().await.unwrap().expect("a session id");
        (Session { client, data_home, driver, session_id, closed: false }, launched.elapsed())
    }

    /// Waits for the element and returns its text.
    pub async fn text(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .text()
            .await
            .unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
            .click()
            .await
            .unwrap();
    }

    /// All text in the main area, including text drawn vertically or cut by an ellipsis.
    pub async fn page_text(&self) -> String {
        self.text("main").await;
        let v = self.client.execute("return document.querySelector('main').textContent", vec![]).await.unwrap();
        v.as_str().unwrap_or_default().to_owned()
    }

    /// WebKitWebDriver does not scroll nested scroll containers for clear(); do it as a user would.
    pub async fn scroll_into_view(&self, el: &fantoccini::elements::Element) {
        self.client
            .execute("arguments[0].scrollIntoView({ block: 'center' })", vec![serde_json::to_value(el).unwrap()])
            .await
            .unwrap();
    }

    /// The element, once it is there.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css}: {e}"))
    }

    /// Replaces a field's text and leaves the field (Tab), which saves it.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.scroll_into_view(&el).await;
        el.clear().await.unwrap();
        el.send_keys(&format!("{text}\u{E004}")).await.unwrap();
    }

    /// Chooses an option of a <select> by its value, as a person picking it would: the value
    /// changes and the page gets `input` and `change` events. (WebKitWebDriver cannot click an
    /// <option> inside a closed drop-down.)
    pub async fn choose(&self, css: &str, value: &str) {
        let el = self.find(css).await;
        let options = self.client.find_all(Locator::Css(&format!("{css} option[value=\"{value}\"]"))).await.unwrap();
        assert!(!options.is_empty(), "{css} has no option {value}");
        self.client
            .execute(
                "const el = arguments[0]; el.value = arguments[1];
                 el.dispatchEvent(new Event('input', { bubbles: true }));
                 el.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![serde_json::to_value(&el).unwrap(), value.into()],
            )
            .await
            .unwrap();
    }

    /// Waits until `check` holds for the database the app writes (read with the core library).
    pub async fn wait_for_db(&self, what: &str, check: impl Fn(&governance_core::Framework) -> bool) {
        let db = default_db(self.data_home.path());
        let start = Instant::now();
        loop {
            if let Ok(store) = governance_core::Store::open(&db) {
                if let Ok(list) = store.list_frameworks() {
                    if list.iter().any(|f| store.load(&f.id).map(|fw| check(&fw)).unwrap_or(false)) {
                        return;
                    }
                }
            }
            assert!(start.elapsed() < Duration::from_secs(15), "not stored within 15 s: {what}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the page shows (or stops showing) an element.
    pub async fn wait_until_gone(&self, css: &str) {
        let start = Instant::now();
        while !self.client.find_all(Locator::Css(css)).await.unwrap().is_empty() {
            assert!(start.elapsed() < Duration::from_secs(15), "{css} is still there after 15 s");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the window under target/e2e-screenshots, after the page has painted.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        // Without OpenGL compositing (the app's choice on a machine without a GPU, as under
        // Xvfb) WebKitWebDriver's screenshot waits for the next paint, which an idle page never
        // makes: it hung for good. A 1 px, near-transparent square repainted every frame while
        // the screenshot is taken keeps paints coming.
        self.client.execute(TICKER_ON, vec![]).await.unwrap();
        let Ok(png) = tokio::time::timeout(Duration::from_secs(30), self.client.screenshot()).await else {
            panic!("the screenshot {name} did not come within 30 s");
        };
        let png = png.unwrap();
        self.client.execute("document.getElementById('e2e-paint-ticker')?.remove()", vec![]).await.unwrap();
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Ends the WebDriver session (the app closes); Drop then stops the driver.
    pub async fn close(self) {
        self.stop().await;
    }

    /// Closes the app and stops the driver, keeping the data folder for a restart.
    pub async fn stop(mut self) -> tempfile::TempDir {
        let _ = self.client.clone().close().await;
        self.closed = true;
        let home = tempfile::TempDir::new().unwrap();
        std::mem::replace(&mut self.data_home, home)
    }
}

/// (pid, command name) of the live processes in a process group.
fn group_processes(pgid: u32) -> Vec<(String, String)> {
    let out = Command::new("ps").args(["-eo", "pid=,pgid=,stat=,comm="]).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 4 && f[1] == pgid.to_string() && !f[2].starts_with('Z'))
                .then(|| (f[0].to_owned(), f[3..].join(" ")))
        })
        .collect()
}

/// The processes in a process group other than the drivers themselves (the app, WebKit helpers).
fn app_processes(pgid: u32) -> usize {
    group_processes(pgid).iter().filter(|(_, c)| !c.contains("tauri-driver") && !c.contains("WebKitWebDriver")).count()
}

/// Deletes a WebDriver session with a plain blocking request (Drop cannot await).
fn delete_session(id: &str) {
    use std::io::{Read, Write};
    let port = driver_port();
    if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
        let _ = s.set_read_timeout(Some(Duration::from_secs(15)));
        let req = format!(
            "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
        let _ = s.write_all(req.as_bytes());
        let _ = s.read_to_end(&mut Vec::new());
    }
}

impl Drop for Session {
    // Shutdown order matters on this machine: end the session so WebKitWebDriver closes the app
    // itself, wait for the app to be gone, then SIGTERM tauri-driver alone, which stops
    // WebKitWebDriver. Signalling WebKitWebDriver directly (TERM or KILL) while it tears a
    // session down took every process on the machine down with it.
    fn drop(&mut self) {
        if !self.closed {
            delete_session(&self.session_id);
        }
        let pgid = self.driver.id();
        let start = Instant::now();
        while app_processes(pgid) > 0 && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").arg("-TERM").arg(pgid.to_string()).status();
        let _ = self.driver.wait();
        // WebKitWebDriver goes down after tauri-driver; the next session needs both ports free.
        let start = Instant::now();
        while (TcpStream::connect(("127.0.0.1", driver_port())).is_ok()
            || TcpStream::connect(("127.0.0.1", native_port())).is_ok())
            && start.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Session {
    /// SIGKILLs the app process (only the app: never the WebDriver processes), as a crash would.
    pub fn kill_app(&self) {
        let procs = group_processes(self.driver.id());
        let (app, _) = procs
            .iter()
            .find(|(_, c)| c.contains("governance-work"))
            .unwrap_or_else(|| panic!("no app process in the driver's group: {procs:?}"));
        let _ = Command::new("kill").arg("-KILL").arg(app).status();
    }

    /// Waits until the save status says every change is saved.
    pub async fn wait_saved(&self) {
        let start = Instant::now();
        loop {
            let el = self.find("[data-testid=save-status]").await;
            if el.attr("data-state").await.unwrap().as_deref() == Some("saved") {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "not saved within 15 s");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
