//! Publishing and the PDF through the `governance` command, as counsel or an auditor would
//! receive it: identical bytes on every export, valid, searchable, and verifiable.

use std::path::Path;
use std::process::{Command, Output};

const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/starter-framework.json");

fn governance(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_governance")).arg("--db").arg(db).args(args).output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

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
    ok(&governance(&db, &["import", TEMPLATE]));
    ok(&governance(&db, &["publish", "--summary", "First published framework"]));
    db
}

#[test]
fn export_pdf_twice_gives_identical_bytes_that_qpdf_pdffonts_and_pdftotext_accept() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path());
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    ok(&governance(&db, &["export-pdf", "--version", "1", "--out", a.to_str().unwrap()]));
    ok(&governance(&db, &["export-pdf", "--version", "1", "--out", b.to_str().unwrap()]));
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

#[test]
fn verify_passes_on_the_exported_file_and_fails_on_a_copy_whose_attachment_was_altered() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path());
    let pdf = dir.path().join("v1.pdf");
    ok(&governance(&db, &["export-pdf", "--version", "1", "--out", pdf.to_str().unwrap()]));
    let out = ok(&governance(&db, &["verify", pdf.to_str().unwrap()]));
    assert!(out.contains("VERIFIED") && out.contains("byte-identical"), "{out}");

    // Uncompress the streams, change one letter of the attached JSON, keep the file valid.
    let plain = dir.path().join("plain.pdf");
    let st = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&pdf).arg(&plain).status().unwrap();
    assert!(st.code() == Some(0) || st.code() == Some(3));
    let mut bytes = std::fs::read(&plain).unwrap();
    let needle = b"\"organisation\":\"Larkspur";
    let at = bytes.windows(needle.len()).position(|w| w == needle).expect("the attached JSON is in the file");
    bytes[at + needle.len() - 1] = b'q';
    let altered = dir.path().join("altered.pdf");
    std::fs::write(&altered, &bytes).unwrap();
    let o = governance(&db, &["verify", altered.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let msg = String::from_utf8_lossy(&o.stdout);
    assert!(msg.contains("NOT VERIFIED") && msg.contains("matches no published version"), "{msg}");

    let o = governance(&db, &["verify", TEMPLATE]);
    assert_eq!(o.status.code(), Some(1), "a file that is not a report is refused");
}
