//! A changed report is never VERIFIED: each tampered copy of an exported PDF gets NOT VERIFIED,
//! exit code 1, and a message that names the place that was changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use lopdf::{Document, Object, ObjectId};

mod common;
use common::{governance, ok, TEMPLATE};

struct Exported {
    v1: Vec<u8>,
    v2: Vec<u8>,
}

/// Signs version `n`'s PDF as the holder of `key` and records the sign-off in the database.
fn sign(db: &Path, dir: &Path, n: &str, key: &Path, decision_and_comment: &[&str]) {
    let pdf = dir.join(format!("v{n}-for-signing.pdf"));
    let signed = dir.join(format!("v{n}-signed-{}.pdf", key.file_stem().unwrap().to_str().unwrap()));
    ok(&governance(Some(db), &["export-pdf", "--version", n, "--out", pdf.to_str().unwrap()]));
    let args = [&["sign", pdf.to_str().unwrap(), "--key", key.to_str().unwrap()][..], decision_and_comment].concat();
    ok(&governance(Some(db), &[&args[..], &["--out", signed.to_str().unwrap()]].concat()));
    ok(&governance(Some(db), &["import-signoff", signed.to_str().unwrap()]));
}

/// A new database in `dir` with version 1 (signed off by the CMO) and version 2 (with changes
/// and a sign-off with a comment by legal counsel), both exported after the sign-offs.
fn two_versions(dir: &Path) -> (PathBuf, Exported) {
    let db = dir.join("x.db");
    ok(&governance(Some(&db), &["import", TEMPLATE]));
    let key = |party: &str, name: &str| {
        let file = dir.join(format!("{party}.pem"));
        ok(&governance(Some(&db), &["key", "new", "--party", party, "--name", name, "--out", file.to_str().unwrap()]));
        file
    };
    let (cmo, legal) = (key("cmo", "Dana Okafor"), key("legal-counsel", "Eleanor Voss"));
    ok(&governance(Some(&db), &["publish", "--summary", "First published framework"]));
    sign(&db, dir, "1", &cmo, &["--decision", "approved"]);
    // The draft as stored (with its certificates), with one latency changed.
    let file = dir.join("v2.json");
    ok(&governance(Some(&db), &["export-json", "--out", file.to_str().unwrap()]));
    let changed = std::fs::read_to_string(&file).unwrap().replacen("\"amount\": 15", "\"amount\": 30", 1);
    std::fs::write(&file, changed).unwrap();
    ok(&governance(Some(&db), &["import", file.to_str().unwrap()]));
    ok(&governance(Some(&db), &["publish", "--summary", "Relaxed a latency"]));
    let comment = ["--decision", "approved_with_comments", "--comment", "Tighten the TikTok constraints next quarter."];
    sign(&db, dir, "2", &legal, &comment);
    let export = |n: &str| {
        let out = dir.join(format!("v{n}.pdf"));
        ok(&governance(Some(&db), &["export-pdf", "--version", n, "--out", out.to_str().unwrap()]));
        std::fs::read(out).unwrap()
    };
    let exported = Exported { v1: export("1"), v2: export("2") };
    (db, exported)
}

/// The two versions, exported once for all the tests that need no database.
fn exported() -> &'static Exported {
    static EXPORTED: OnceLock<Exported> = OnceLock::new();
    EXPORTED.get_or_init(|| two_versions(tempfile::tempdir().unwrap().path()).1)
}

/// Verifies `pdf` as a file and returns what it printed, after checking NOT VERIFIED and exit 1.
fn not_verified(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tampered.pdf");
    std::fs::write(&path, pdf).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_governance")).arg("verify").arg(&path).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(o.status.code(), Some(1), "{out}{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.starts_with("NOT VERIFIED: "), "{out}");
    out.lines().next().unwrap().to_owned()
}

/// The object of page `n`'s content stream, and of the first font file it uses.
fn page_parts(d: &Document, n: u32) -> (ObjectId, ObjectId) {
    let page = d.get_pages()[&n];
    let dict = d.get_dictionary(page).unwrap();
    let contents = dict.get(b"Contents").unwrap();
    let contents = contents.as_reference().or_else(|_| contents.as_array().unwrap()[0].as_reference()).unwrap();
    let fonts = d.get_page_fonts(page).unwrap();
    let font = fonts.values().next().expect("the page uses a font");
    let dict = |o: &Object| d.dereference(o).unwrap().1.as_dict().unwrap().clone();
    let descendant = dict(&font.get(b"DescendantFonts").and_then(Object::as_array).unwrap()[0]);
    let descriptor = dict(descendant.get(b"FontDescriptor").unwrap());
    let file = descriptor.get(b"FontFile2").unwrap().as_reference().unwrap();
    (contents, file)
}

/// The file with one byte flipped in the middle of the stored bytes of stream `id`.
fn flipped(pdf: &[u8], id: ObjectId) -> Vec<u8> {
    let d = Document::load_mem(pdf).unwrap();
    let raw = &d.get_object(id).and_then(Object::as_stream).unwrap().content;
    let at = pdf.windows(raw.len()).position(|w| w == raw.as_slice()).expect("the stream's bytes are in the file");
    let mut out = pdf.to_vec();
    out[at + raw.len() / 2] ^= 0x01;
    out
}

/// The file with its attached file of this relationship (`Source`, `Data`) edited by `edit`.
fn with_edited_attachment(pdf: &[u8], relationship: &[u8], edit: impl FnOnce(String) -> String) -> Vec<u8> {
    let mut d = Document::load_mem(pdf).unwrap();
    let spec = d
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|s| s.get(b"AFRelationship").and_then(Object::as_name).ok() == Some(relationship))
        .unwrap();
    let ef = spec.get(b"EF").and_then(Object::as_dict).unwrap().get(b"F").and_then(Object::as_reference).unwrap();
    let stream = d.get_object_mut(ef).unwrap().as_stream_mut().unwrap();
    let text = String::from_utf8(stream.decompressed_content().unwrap()).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changes the attachment");
    stream.dict.remove(b"Filter");
    stream.set_content(edited.into_bytes());
    let mut out = Vec::new();
    d.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_pdf_with_one_flipped_byte_in_a_page_content_stream_is_not_verified() {
    let v2 = &exported().v2;
    let (contents, _) = page_parts(&Document::load_mem(v2).unwrap(), 3);
    let msg = not_verified(&flipped(v2, contents));
    assert!(msg.contains(&format!("page 3: its content stream (object {} {})", contents.0, contents.1)), "{msg}");
}

#[test]
fn a_pdf_with_one_flipped_byte_in_a_pages_embedded_font_is_not_verified() {
    let v2 = &exported().v2;
    let (_, font) = page_parts(&Document::load_mem(v2).unwrap(), 1);
    let msg = not_verified(&flipped(v2, font));
    assert!(msg.contains("page 1: its resources, at /Font/"), "{msg}");
    assert!(msg.contains(&format!("FontFile2 (object {} {})", font.0, font.1)), "{msg}");
}

#[test]
fn a_changed_glyph_of_visible_text_on_page_one_is_not_verified() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, qdf) = (dir.path().join("v2.pdf"), dir.path().join("v2-qdf.pdf"));
    std::fs::write(&pdf, &exported().v2).unwrap();
    let st = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&pdf).arg(&qdf).status();
    assert!(st.expect("qpdf is needed").code().is_some_and(|c| c == 0 || c == 3));
    // Change one glyph of the first text string of page 1 (glyph ids in hex, two bytes each).
    let mut bytes = std::fs::read(&qdf).unwrap();
    let page1 = bytes.windows(8).position(|w| w == b"%% Page ").expect("qdf marks the pages");
    // Text is shown as glyph ids in hex strings (`<0012> Tj` or `[<0012> -20 <0034>] TJ`).
    let text_op = |op: &[u8]| bytes[page1..].windows(op.len()).position(|w| w == op);
    let shown = text_op(b"] TJ").into_iter().chain(text_op(b"> Tj")).min().expect("page 1 draws text") + page1;
    let open = page1 + bytes[page1..shown].iter().rposition(|b| *b == b'[' || *b == b'<').expect("a shown string");
    let close = open + bytes[open..].iter().position(|b| *b == b'>').expect("a hex string");
    let last_digit = close - 1;
    bytes[last_digit] = if bytes[last_digit] == b'1' { b'2' } else { b'1' };
    let edited = dir.path().join("edited.pdf");
    std::fs::write(&edited, &bytes).unwrap();
    let text = |p: &PathBuf| {
        let o = Command::new("pdftotext").args(["-f", "1", "-l", "1"]).arg(p).arg("-").output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert_ne!(text(&qdf), text(&edited), "the visible text of page 1 changed");
    let msg = not_verified(&bytes);
    assert!(msg.contains("page 1: its content stream"), "{msg}");
}

#[test]
fn an_edited_snapshot_attachment_is_not_verified() {
    let edited = with_edited_attachment(&exported().v2, b"Source", |s| s.replacen("Larkspur", "Larkspvr", 1));
    let msg = not_verified(&edited);
    assert!(msg.contains("the attached snapshot's SHA-256 is") && msg.contains("the manifest and the cover name"));
}

#[test]
fn a_signed_statement_whose_comment_was_edited_is_not_verified() {
    let v2 = &exported().v2;
    // The comment changed everywhere in the manifest, the signed statement included.
    let edited = with_edited_attachment(v2, b"Data", |s| s.replace("next quarter.", "some day."));
    let msg = not_verified(&edited);
    assert!(
        msg.contains("sign-off 1 (Eleanor Voss, approved with comments): the sign-off's signature does not hold"),
        "{msg}"
    );
}

#[test]
fn a_sign_off_whose_listed_comment_differs_from_its_signed_statement_is_not_verified() {
    let v2 = &exported().v2;
    let edited = with_edited_attachment(v2, b"Data", |s| {
        let mut m: serde_json::Value = serde_json::from_str(&s).unwrap();
        m["signoffs"][0]["comment"] = "Approved without reservation.".into();
        serde_json::to_string(&m).unwrap()
    });
    let msg = not_verified(&edited);
    assert!(msg.contains("the signed statement names comment"), "{msg}");
}

#[test]
fn a_sign_off_taken_from_version_ones_pdf_into_version_twos_manifest_is_not_verified() {
    let Exported { v1, v2 } = exported();
    let mut taken = None;
    with_edited_attachment(v1, b"Data", |s| {
        let m: serde_json::Value = serde_json::from_str(&s).unwrap();
        taken = Some(m["signoffs"][0].clone());
        s + " "
    });
    let edited = with_edited_attachment(v2, b"Data", |s| {
        let mut m: serde_json::Value = serde_json::from_str(&s).unwrap();
        m["signoffs"].as_array_mut().unwrap().push(taken.take().unwrap());
        serde_json::to_string(&m).unwrap()
    });
    let msg = not_verified(&edited);
    assert!(msg.contains("sign-off 2 (Dana Okafor, approved): it is listed for version 1"), "{msg}");
}

#[test]
fn a_truncated_file_is_not_verified() {
    let v2 = &exported().v2;
    let msg = not_verified(&v2[..v2.len() - 40]);
    assert!(msg.contains("the file is incomplete") && msg.contains("no %%EOF"), "{msg}");
}

#[test]
fn bytes_appended_after_eof_that_are_not_a_signature_revision_are_not_verified() {
    let mut v2 = exported().v2.clone();
    let end = v2.len();
    v2.extend_from_slice(b"\n1 0 obj\n(not a signature)\nendobj\n");
    let msg = not_verified(&v2);
    assert!(
        msg.contains(&format!("bytes {end} to {} after the report are not a signature revision", v2.len())),
        "{msg}"
    );
}

#[test]
fn a_manifest_whose_changes_are_not_the_databases_diff_is_not_verified_with_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (db, Exported { v2, .. }) = two_versions(dir.path());
    let edited = with_edited_attachment(&v2, b"Data", |s| {
        let mut m: serde_json::Value = serde_json::from_str(&s).unwrap();
        m["changes"] = serde_json::json!([]);
        serde_json::to_string(&m).unwrap()
    });
    let path = dir.path().join("edited.pdf");
    std::fs::write(&path, edited).unwrap();
    let o = governance(Some(&db), &["verify", path.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.starts_with("NOT VERIFIED: "), "{out}");
    let line = "  FAILED      the report lists 0 change(s), the database's diff from the previous version has 1; they \
                first differ at change 1 (platforms[google-ads].contract.required_latency.amount)";
    assert!(out.lines().any(|l| l == line), "{out}");
}
