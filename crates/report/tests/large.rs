//! The SPEC section 6 large framework renders, splits its grids over pages and stays small. The
//! timing target is measured by `cargo bench -p governance-report --bench export`; this test only
//! guards against gross regressions, with a generous bound that holds in a debug build.

mod common;

use std::time::{Duration, Instant};

use common::{have, run, write_pdf, Fixture};
use governance_report::{embedded_snapshot, render_version};

#[test]
fn the_large_framework_renders_within_a_generous_bound_and_under_five_megabytes() {
    let f = Fixture::new(governance_core::sample::large_framework());
    let start = Instant::now();
    let r = render_version(&f.data()).expect("renders");
    let took = start.elapsed();
    assert!(took < Duration::from_secs(30), "rendering took {took:?}");
    assert!(r.pdf.len() < 5 * 1024 * 1024, "the PDF is {} bytes", r.pdf.len());
    assert!(r.pages > 100, "{} pages", r.pages);
    assert!(r.missing_glyphs.is_empty());
    assert!(embedded_snapshot(&r.pdf).unwrap() == f.json);
    if have("qpdf") {
        let dir = tempfile::tempdir().unwrap();
        let path = write_pdf(dir.path(), "large.pdf", &r.pdf);
        let (ok, out) = run("qpdf", &["--check", &path]);
        assert!(ok, "{out}");
    }
}
