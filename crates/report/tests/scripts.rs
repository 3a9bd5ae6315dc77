//! Every script a user types, in the PDF (issue 12): a framework with samples of every covered
//! script in names, notes and table cells renders them all, gives them back to pdftotext in
//! logical order, reports nothing missing, and gives the same bytes every time.

mod common;

use common::{have, run, write_pdf, Fixture};
use governance_core::scripts::{scripts_framework, SCRIPT_SAMPLES};
use governance_report::{render_version, verify, Verdict};

const CHILD: &str = "GOVERNANCE_SCRIPTS_CHILD_OUT";

fn render() -> Vec<u8> {
    let r = render_version(&Fixture::new(scripts_framework()).data()).expect("renders");
    assert!(r.missing_glyphs.is_empty(), "missing: {:?}", r.missing_glyphs);
    r.pdf
}

/// pdftotext's text (reading order, not raw), without the direction marks poppler puts around
/// right-to-left text and with white space collapsed.
fn extracted(path: &str) -> String {
    let (ok, text) = run("pdftotext", &["-enc", "UTF-8", path, "-"]);
    assert!(ok, "pdftotext failed: {text}");
    let text: String = text.chars().filter(|c| !('\u{202A}'..='\u{202E}').contains(c)).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdftotext_gives_back_every_sample_in_logical_order_and_no_replacement_mark() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "scripts.pdf", &render());
    let text = extracted(&path);
    for (script, sample) in SCRIPT_SAMPLES {
        assert!(text.contains(sample), "{script}: {sample} not found");
    }
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn a_framework_in_every_script_gives_the_same_bytes_twice_and_in_another_process() {
    if let Ok(out) = std::env::var(CHILD) {
        std::fs::write(out, render()).unwrap();
        return;
    }
    let first = render();
    assert!(first == render(), "two exports in one process differ");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("child.pdf");
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_framework_in_every_script_gives_the_same_bytes_twice_and_in_another_process"])
        .env(CHILD, &out)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(std::fs::read(&out).unwrap() == first, "another process made other bytes");
}

#[test]
fn a_report_in_every_script_passes_qpdf_and_is_verified() {
    let pdf = render();
    let v = verify(&pdf);
    assert_eq!(v.verdict(), Verdict::Verified, "{:#?}", v.checks);
    if have("qpdf") {
        let dir = tempfile::tempdir().unwrap();
        let path = write_pdf(dir.path(), "scripts.pdf", &pdf);
        let (ok, out) = run("qpdf", &["--check", &path]);
        assert!(ok, "{out}");
    }
}
