//! `make bench` part two: time from launching the app to an interactive window (the first
//! framework shown), on a new database and on the large framework, under Xvfb over WebDriver;
//! then, on the large framework, the time to open each grid page (the matrix, the RACI chart)
//! and its frame times while scrolling. Prints the median of several launches; a benchmark, not
//! a test.

use std::time::{Duration, Instant};

use e2e::{default_db, Session};
use governance_core::sample::{LARGE_ACTIVITIES, LARGE_CAPABILITIES, LARGE_PARTIES, LARGE_PLATFORMS};

/// Scrolls a page's grid (the scroll box `arguments[0]`) from its top left corner by (dy, dx)
/// pixels per animation frame for 60 frames and returns the longest and the mean frame in
/// milliseconds (a long frame is what a person sees as a stutter).
const SCROLL_SCRIPT: &str = "
    const [box, dy, dx, done] = arguments;
    const el = document.querySelector(box);
    el.scrollTop = 0; el.scrollLeft = 0;
    let worst = 0, total = 0, last = 0, i = 0;
    function step() {
        const now = performance.now();
        if (i > 0) { worst = Math.max(worst, now - last); total += now - last; }
        last = now;
        if (i++ >= 60) { done([worst, total / 60]); return; }
        el.scrollTop += dy; el.scrollLeft += dx;
        requestAnimationFrame(step);
    }
    setTimeout(() => requestAnimationFrame(step), 300);";

/// The two ways of scrolling measured: a fast fling (8 matrix rows down and a column right per
/// frame) and a mouse wheel (one matrix row per frame). Both pages scroll by the same pixels.
const SCROLLS: [(&str, i64, i64); 2] =
    [("a fast fling (240 px down, 40 px right per frame)", 240, 40), ("a wheel (30 px down per frame)", 30, 0)];

/// A grid page of the large framework: what it is called, its navigation link, the test id of
/// its first cell (drawn once the page is interactive) and its scroll box.
struct GridPage {
    name: String,
    nav: &'static str,
    first_cell: String,
    scroll_box: &'static str,
}

/// What one launch on the large framework measured for one grid page.
struct PageRun {
    open: Duration,
    /// Longest and mean frame for each of `SCROLLS`.
    frames: Vec<(f64, f64)>,
}

fn grid_pages(fw: &governance_core::Framework) -> Vec<GridPage> {
    vec![
        GridPage {
            name: format!("the {LARGE_PLATFORMS} x {LARGE_CAPABILITIES} matrix"),
            nav: "nav-matrix",
            first_cell: format!("cell-{}-{}", fw.capabilities[0].id, fw.platforms[0].id),
            scroll_box: ".matrix-body .scroll",
        },
        GridPage {
            name: format!("the {LARGE_ACTIVITIES} x {LARGE_PARTIES} RACI chart"),
            nav: "nav-raci",
            first_cell: format!("raci-{}-{}", fw.raci[0].id, fw.parties[0].id),
            scroll_box: ".raci-body .scroll",
        },
    ]
}

/// Opens a grid page and scrolls it each way of `SCROLLS`.
async fn measure_page(s: &Session, page: &GridPage) -> PageRun {
    let t = Instant::now();
    s.click(&format!("[data-testid={}]", page.nav)).await;
    s.find(&format!("[data-testid=\"{}\"]", page.first_cell)).await;
    let open = t.elapsed();
    let mut frames = Vec::new();
    for (_, dy, dx) in SCROLLS {
        let v =
            s.client.execute_async(SCROLL_SCRIPT, vec![page.scroll_box.into(), dy.into(), dx.into()]).await.unwrap();
        frames.push((v[0].as_f64().unwrap_or(f64::NAN), v[1].as_f64().unwrap_or(f64::NAN)));
    }
    PageRun { open, frames }
}

/// Resolves once every font the page uses has loaded (the app's own, from assets/fonts).
const FONTS_READY: &str = "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));";

/// What one launch measured: the time to the first framework shown, the time until its fonts
/// had loaded too, and `pages`.
struct Launch {
    ready: Duration,
    fonts: Duration,
    pages: Vec<PageRun>,
}

/// Launches the app and times the first framework shown and its fonts, then measures `pages`.
async fn launch(home: tempfile::TempDir, pages: &[GridPage]) -> Launch {
    let start = Instant::now();
    let (s, _) = Session::start_timed(home).await;
    s.text("[data-testid=app-ready]").await;
    let ready = start.elapsed();
    s.client.execute_async(FONTS_READY, vec![]).await.unwrap();
    let fonts = start.elapsed();
    let mut runs = Vec::new();
    for page in pages {
        runs.push(measure_page(&s, page).await);
    }
    s.close().await;
    Launch { ready, fonts, pages: runs }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn median_f64(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Prints a page's open time and, for each way of scrolling, the median mean and longest frame.
fn print_page(page: &GridPage, runs: &[PageRun], launches: usize, mode: &str) {
    let open = median(runs.iter().map(|r| r.open).collect());
    println!("{:<52} {:>7.0} ms", format!("open {} page (large framework)", page.name), ms(open));
    println!("scrolling {} ({mode}); median of {launches} launches:", page.name);
    for (i, (what, _, _)) in SCROLLS.iter().enumerate() {
        let mean = median_f64(runs.iter().map(|r| r.frames[i].1).collect());
        let worst = median_f64(runs.iter().map(|r| r.frames[i].0).collect());
        println!("  {what:<50} mean frame {mean:>4.0} ms, longest {worst:>4.0} ms");
    }
}

#[tokio::main]
async fn main() {
    let launches = 5;
    let mut starter = Vec::new();
    for _ in 0..launches {
        starter.push(launch(tempfile::tempdir().unwrap(), &[]).await);
    }
    let large_fw = governance_core::sample::large_framework();
    let pages = grid_pages(&large_fw);
    let mut large = Vec::new();
    let mut per_page: Vec<Vec<PageRun>> = pages.iter().map(|_| Vec::new()).collect();
    for _ in 0..launches {
        let home = tempfile::tempdir().unwrap();
        governance_core::Store::open(&default_db(home.path())).unwrap().import(&large_fw, "bench").unwrap();
        let mut run = launch(home, &pages).await;
        for (list, page) in per_page.iter_mut().zip(std::mem::take(&mut run.pages)) {
            list.push(page);
        }
        large.push(run);
    }
    println!();
    println!("App start to interactive (median of {launches} launches, {})", e2e::app_binary().display());
    println!("{:<52} {:>10}   target (SPEC 6)", "figure", "measured");
    println!("{}", "-".repeat(84));
    for (what, runs) in [("new database", starter), ("large framework", large)] {
        let shown = median(runs.iter().map(|r| r.ready).collect());
        let fonts = median(runs.iter().map(|r| r.fonts).collect());
        for (figure, t) in [("launch to first framework shown", shown), ("  ... and its fonts loaded", fonts)] {
            println!(
                "{:<52} {:>7.0} ms   < 1500 ms {}",
                format!("{figure} ({what})"),
                ms(t),
                if t.as_millis() < 1500 { "ok" } else { "MISSED" }
            );
        }
    }
    // The app paints without OpenGL compositing when it finds no GPU (src-tauri/src/rendering.rs).
    let mode = match std::env::var("WEBKIT_DISABLE_COMPOSITING_MODE") {
        Ok(v) => format!("WEBKIT_DISABLE_COMPOSITING_MODE={v} set by the caller"),
        Err(_) if std::path::Path::new("/dev/dri").exists() => "/dev/dri present: GPU compositing".to_string(),
        Err(_) => "no /dev/dri: painted without OpenGL compositing".to_string(),
    };
    for (page, runs) in pages.iter().zip(&per_page) {
        print_page(page, runs, launches, &mode);
    }
}
