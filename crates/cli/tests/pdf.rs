//! Publishing and the PDF through the `governance` command, as counsel or an auditor would
//! receive it: identical bytes on every export, valid, searchable, and verifiable.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{governance, ok, TEMPLATE};

fn tool(name: &str, args: &[&str]) -> String {
    let o = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (poppler-utils, qpdf): {e}"));
    assert!(o.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn published(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("x.db");
    ok(&governance(Some(&db), &["import", TEMPLATE]));
    ok(&governance(Some(&db), &["publish", "--summary", "First published framework"]));
    db
}

#[test]
fn export_pdf_twice_gives_identical_bytes_that_qpdf_pdffonts_and_pdftotext_accept() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path());
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    ok(&governance(Some(&db), &["export-pdf", "--version", "1", "--out", a.to_str().unwrap()]));
    ok(&governance(Some(&db), &["export-pdf", "--version", "1", "--out", b.to_str().unwrap()]));
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(), "two exports differ");
    tool("qpdf", &["--check", a.to_str().unwrap()]);
    let fonts = tool("pdffonts", &[a.to_str().unwrap()]);
    assert!(fonts.contains("DejaVuSans") && fonts.lines().skip(2).all(|l| l.contains(" yes ")), "{fonts}");
    let text = tool("pdftotext", &["-layout", a.to_str().unwrap(), "-"]);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let fw = governance_core::starter::starter_framework();
    for t in governance_report::SECTION_TITLES {
        assert!(flat.contains(t), "section title {t}");
    }
    for name in fw.platforms.iter().map(|p| &p.name).chain(fw.capabilities.iter().map(|c| &c.name)) {
        let short: String = name.chars().take(14).collect();
        assert!(flat.contains(short.as_str()), "name {name}");
    }
    for a in &fw.raci {
        let short: String = a.name.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&short), "activity {}", a.name);
    }
    assert!(flat.contains("Page 1 of") && flat.contains("Version 1"));
}

fn verify(db: Option<&Path>, file: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_governance"));
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    cmd.arg("verify").arg(file).output().unwrap()
}

/// Standard output of a verify that exited with `code`.
fn verify_out(o: &Output, code: i32) -> String {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(code), "{out}{}", String::from_utf8_lossy(&o.stderr));
    out
}

const FORMAT_1: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../report/tests/samples/starter-v1-format1.pdf");

#[test]
fn verify_says_verified_for_an_exported_file_without_a_database_and_opens_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path());
    let pdf = dir.path().join("v1.pdf");
    ok(&governance(Some(&db), &["export-pdf", "--version", "1", "--out", pdf.to_str().unwrap()]));
    let absent = dir.path().join("default.db");
    let o = Command::new(env!("CARGO_BIN_EXE_governance"))
        .env("GOVERNANCE_DB", &absent)
        .arg("verify")
        .arg(&pdf)
        .output()
        .unwrap();
    let out = verify_out(&o, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("VERIFIED: ") && lines[0].contains("is version 1 of larkspur-marketing-agents"));
    assert!(lines[1..].iter().all(|l| l.starts_with("  passed ")), "each check on its own line: {out}");
    let pages = lopdf::Document::load(&pdf).unwrap().get_pages().len();
    assert!(
        out.contains(&format!("all {pages} pages are, byte for byte, the rendering of the attached data")),
        "{out}"
    );
    assert!(!absent.exists(), "verify without --db opens no database");
}

#[test]
fn verify_with_a_database_also_checks_the_version_the_hash_chain_and_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path());
    let changed = std::fs::read_to_string(TEMPLATE).unwrap().replacen("\"amount\": 15", "\"amount\": 30", 1);
    let file = dir.path().join("v2.json");
    std::fs::write(&file, changed).unwrap();
    ok(&governance(Some(&db), &["import", file.to_str().unwrap()]));
    ok(&governance(Some(&db), &["publish", "--summary", "Relaxed a latency"]));
    let pdf = dir.path().join("v2.pdf");
    ok(&governance(Some(&db), &["export-pdf", "--version", "2", "--out", pdf.to_str().unwrap()]));
    let out = verify_out(&verify(Some(&db), &pdf), 0);
    assert!(out.starts_with("VERIFIED: "), "{out}");
    for line in [
        "  passed      the database has this snapshot as version 2 of larkspur-marketing-agents, with the same SHA-256",
        "  passed      the database's hash chain from version 1 to version 2 is intact",
        "  passed      the 1 change(s) listed are the database's diff from the previous version",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} in {out}");
    }

    // Another database, where this version was never published.
    let other = dir.path().join("other.db");
    ok(&governance(Some(&other), &["import", TEMPLATE]));
    ok(&governance(Some(&other), &["publish", "--summary", "First published framework"]));
    let out = verify_out(&verify(Some(&other), &pdf), 1);
    assert!(out.starts_with("NOT VERIFIED: ") && out.contains("no published version in the database has SHA-256"));

    let o = verify(Some(&dir.path().join("absent.db")), &pdf);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no database at"));
    assert!(!dir.path().join("absent.db").exists());
}

#[test]
fn verify_says_cannot_verify_for_a_format_1_report_and_lists_what_it_checked() {
    let out = verify_out(&verify(None, Path::new(FORMAT_1)), 1);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("CANNOT VERIFY: ") && first.contains("cannot compare the pages: report format 1"),
        "{out}"
    );
    assert!(out.contains("  not checked this app cannot compare the pages"), "{out}");
    assert!(out.contains("  passed      the attached snapshot's SHA-256 c2f2f133"), "{out}");

    // A database where an older app published this very snapshot knows it; the pages stay unchecked.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    ok(&governance(Some(&db), &["import", TEMPLATE]));
    let snapshot = governance_report::embedded_snapshot(&std::fs::read(FORMAT_1).unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO versions (framework, number, published_at, author, summary, snapshot, sha256, previous_sha256)
         SELECT id, 1, '2026-01-05T10:00:00Z', 'an older app', 'First', ?1, ?2, NULL FROM frameworks",
        rusqlite::params![snapshot, governance_core::version::sha256_hex(&snapshot)],
    )
    .unwrap();
    drop(conn);
    let out = verify_out(&verify(Some(&db), Path::new(FORMAT_1)), 1);
    assert!(
        out.starts_with("CANNOT VERIFY: ") && out.contains("  passed      the database has this snapshot as version 1")
    );
}

#[test]
fn verify_refuses_a_file_that_is_not_a_pdf_or_not_one_of_ours_with_a_clear_message() {
    let out = verify_out(&verify(None, Path::new(TEMPLATE)), 1);
    assert!(out.starts_with("NOT VERIFIED: ") && out.contains("the file is not a PDF (it does not start with %PDF-)"));

    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pdf");
    tool("qpdf", &["--empty", empty.to_str().unwrap()]);
    let out = verify_out(&verify(None, &empty), 1);
    assert!(out.contains("not a Governance Workbench report: the PDF has no attached framework snapshot"), "{out}");

    let o = verify(None, &dir.path().join("missing.pdf"));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read"));
}
