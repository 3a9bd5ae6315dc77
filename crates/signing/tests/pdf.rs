//! PAdES B-B signatures of PDFs, checked by poppler's `pdfsig`, `qpdf --check` and pyHanko, and by
//! this crate's own verifier against tampering.
//!
//! `fixtures/starter-v1.pdf` is one of the app's real PDFs: `governance --db x.db import
//! assets/starter-framework.json`, `publish --summary First`, `export-pdf --version 1`.

mod common;

use std::path::Path;

use common::*;
use governance_signing::pdf::{base_revision, sign_pdf, signatures};
use governance_signing::{Error, KeyFile, SignOptions, Signer};
use lopdf::{dictionary, Document, IncrementalDocument, Object, Stream};

const STARTER: &[u8] = include_bytes!("fixtures/starter-v1.pdf");

/// A two-page PDF made with lopdf; with `indirect`, page 1's /Annots and the catalog's
/// /AcroForm and its /Fields are objects of their own, the other layout a signer must handle.
fn small_pdf(indirect: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"});
    let content = doc.add_object(Stream::new(dictionary! {}, b"BT /F1 24 Tf 72 720 Td (Hello) Tj ET".to_vec()));
    let mut kids = Vec::new();
    for _ in 0..2 {
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "Resources" => dictionary! {"Font" => dictionary! {"F1" => font}},
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(595.28), Object::Real(841.89)],
        };
        if indirect {
            page.set("Annots", doc.add_object(Object::Array(vec![])));
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => 2}));
    let mut catalog = dictionary! {"Type" => "Catalog", "Pages" => pages_id};
    if indirect {
        let fields = doc.add_object(Object::Array(vec![]));
        catalog.set("AcroForm", doc.add_object(dictionary! {"Fields" => fields}));
    }
    let root = doc.add_object(catalog);
    doc.trailer.set("Root", root);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn rsa_signer() -> Signer {
    let dir = tempfile::tempdir().unwrap();
    let (p12, _) = org_pkcs12(dir.path(), OrgKey::Rsa2048, false, &[]);
    KeyFile::from_pkcs12(&p12, PASSPHRASE).unwrap().unlock(PASSPHRASE).unwrap()
}

/// pdfsig, qpdf and pyHanko (each signer's certificate its own trust anchor) all accept `pdf`
/// as signed by `signers`, in that order.
fn assert_valid_for_other_tools(dir: &Path, pdf: &[u8], signers: &[&Signer]) {
    let file = write(dir, "signed.pdf", pdf);
    let pdfsig = run_ok("pdfsig", &[path_str(&file)]);
    assert_eq!(pdfsig.matches("Signature is Valid.").count(), signers.len(), "{pdfsig}");
    assert_eq!(pdfsig.matches("Signature Type: ETSI.CAdES.detached").count(), signers.len(), "{pdfsig}");
    assert!(pdfsig.contains("Total document signed"), "{pdfsig}");

    let qpdf = run_ok("qpdf", &["--check", path_str(&file)]);
    assert!(qpdf.contains("No syntax or stream encoding errors found"), "{qpdf}");

    let mut args = vec!["sign".to_owned(), "validate".to_owned(), "--no-revocation-check".to_owned()];
    for (i, signer) in signers.iter().enumerate() {
        let cert = write(dir, &format!("trust{i}.pem"), signer.certificate().to_pem());
        args.extend(["--trust".to_owned(), path_str(&cert).to_owned()]);
    }
    args.extend(["--trust-replace".to_owned(), path_str(&file).to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let pyhanko = run_ok("pyhanko", &args);
    let lines: Vec<&str> = pyhanko.lines().filter(|l| l.starts_with("Signature")).collect();
    assert_eq!(lines.len(), signers.len(), "{pyhanko}");
    for (i, (line, signer)) in lines.iter().zip(signers).enumerate() {
        let expected = format!("Signature{}:{}:INTACT:TRUSTED,", i + 1, signer.certificate().sha256_fingerprint());
        assert!(line.starts_with(&expected), "expected {expected} in:\n{pyhanko}");
        let last = i + 1 == signers.len();
        let modifications = if last { "UNTOUCHED" } else { "ACCEPTABLE_MODIFICATIONS" };
        assert!(line.ends_with(modifications), "expected {modifications} in:\n{pyhanko}");
    }
}

#[test]
fn a_signed_app_pdf_is_valid_for_pdfsig_qpdf_and_pyhanko_and_for_our_verifier() {
    let dir = tempfile::tempdir().unwrap();
    let when = at("2026-04-01T12:00:00Z");
    let signed = sign_pdf(STARTER, ada(), when, "Ada Lovelace", "Approved version 1").unwrap();
    assert_valid_for_other_tools(dir.path(), &signed, &[ada()]);

    let found = signatures(&signed).unwrap();
    assert!(found.all_hold(), "{found:#?}");
    assert_eq!(found.base_len, STARTER.len());
    assert_eq!(found.base(&signed), STARTER);
    assert!(found.other_updates.is_empty());
    let [sig] = found.revisions.as_slice() else { panic!("{found:#?}") };
    assert_eq!((sig.name.as_str(), sig.reason.as_str(), sig.when), ("Ada Lovelace", "Approved version 1", Some(when)));
    assert_eq!(sig.certificate.as_ref(), Some(ada().certificate()));
    assert!(sig.intact && sig.exact_update && sig.problem.is_none(), "{sig:#?}");
    assert_eq!(sig.range, STARTER.len()..signed.len());
}

#[test]
fn two_people_sign_in_turn_and_both_signatures_hold() {
    let dir = tempfile::tempdir().unwrap();
    let rsa = rsa_signer();
    let one = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    let two = sign_pdf(&one, &rsa, at("2026-04-02T08:15:00Z"), "Zoë Ångström (legal)", "Reviewed for counsel").unwrap();
    assert_valid_for_other_tools(dir.path(), &two, &[ada(), &rsa]);
    let found = signatures(&two).unwrap();
    assert!(found.all_hold(), "{found:#?}");
    assert_eq!(base_revision(&two).unwrap(), STARTER);
    let names: Vec<&str> = found.revisions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Zoë Ångström (legal)"]);
    assert_eq!(found.revisions[1].certificate.as_ref(), Some(rsa.certificate()));
    assert_eq!(found.revisions[0].range.end, found.revisions[1].range.start);
}

#[test]
fn a_small_pdf_with_direct_or_indirect_annotation_and_field_arrays_signs_validly() {
    let dir = tempfile::tempdir().unwrap();
    for indirect in [false, true] {
        let base = small_pdf(indirect);
        let one = sign_pdf(&base, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "First").unwrap();
        let two = sign_pdf(&one, grace(), at("2026-04-01T13:00:00Z"), "Grace Hopper", "Second").unwrap();
        assert_valid_for_other_tools(dir.path(), &two, &[ada(), grace()]);
        let found = signatures(&two).unwrap();
        assert!(found.all_hold(), "indirect {indirect}: {found:#?}");
        assert_eq!(found.base(&two), base);
    }
}

#[test]
fn the_update_adds_the_field_and_signature_and_rewrites_only_page_1_and_the_catalog() {
    let signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    let update = String::from_utf8_lossy(&signed[STARTER.len()..]);
    assert!(update.starts_with('\n'), "the update starts on a line of its own");
    assert_eq!(update.matches(" obj\n").count(), 4, "{}", &update[..update.find("/Contents").unwrap()]);
    assert!(
        update.contains("/Type /Catalog") && update.contains("/AcroForm <</SigFlags 3/Fields [169 0 R]>>"),
        "catalog"
    );
    assert!(update.contains("/Type /Page") && update.contains("/Annots [169 0 R]"), "page 1");
    assert!(update.contains("/FT /Sig/T (Signature1)") && update.contains("/Rect [0 0 0 0]"), "invisible field");
    assert!(update.contains("/SubFilter /ETSI.CAdES.detached") && update.contains("/M (D:20260401120000+00'00')"));
    let prev = STARTER.windows(9).rposition(|w| w == b"startxref").unwrap();
    let prev: String =
        String::from_utf8_lossy(&STARTER[prev + 10..]).chars().take_while(char::is_ascii_digit).collect();
    assert!(update.contains(&format!("/Prev {prev}>>")), "the trailer points at the previous xref {prev}");
    assert!(update.ends_with("%%EOF\n"));
}

#[test]
fn the_same_rsa_signature_twice_gives_byte_identical_pdfs() {
    // PKCS#1 v1.5 is deterministic, so the whole file is a function of its inputs.
    let rsa = rsa_signer();
    let sign = || sign_pdf(STARTER, &rsa, at("2026-04-01T12:00:00Z"), "Org signer", "Approved").unwrap();
    assert_eq!(sign(), sign());
}

#[test]
fn an_unsigned_pdf_is_all_base_and_has_no_signatures() {
    let found = signatures(STARTER).unwrap();
    assert_eq!((found.base_len, found.revisions.len(), found.other_updates.len()), (STARTER.len(), 0, 0));
    assert!(found.all_hold(), "nothing to refuse");
}

#[test]
fn a_flipped_byte_inside_the_signed_range_breaks_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let mut signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    // A byte of the Info dictionary's producer text: still a readable PDF, other content.
    let at = signed.windows(8).position(|w| w == b"/Author(").unwrap() + 8;
    signed[at] ^= 0x01;
    let found = signatures(&signed).unwrap();
    let sig = &found.revisions[0];
    assert!(!sig.intact, "{sig:#?}");
    assert!(sig.problem.as_deref().unwrap().contains("the content has changed"), "{sig:#?}");
    assert!(!found.all_hold());
    let pdfsig = run_ok("pdfsig", &[path_str(&write(dir.path(), "flipped.pdf", &signed))]);
    assert!(!pdfsig.contains("Signature is Valid."), "{pdfsig}");
}

#[test]
fn an_update_appended_after_the_signature_that_changes_a_page_is_reported() {
    let signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    let mut doc = IncrementalDocument::load_from(&signed[..]).unwrap();
    let page = *doc.get_prev_documents().get_pages().get(&1).unwrap();
    doc.opt_clone_object_to_new_document(page).unwrap();
    doc.new_document.get_dictionary_mut(page).unwrap().set("Rotate", 90);
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();

    let found = signatures(&changed).unwrap();
    let sig = &found.revisions[0];
    assert!(sig.intact && sig.exact_update, "the signature itself still holds: {sig:#?}");
    assert_eq!(found.other_updates, vec![(signed.len()..changed.len())]);
    assert!(!found.all_hold());
}

#[test]
fn a_signed_update_that_also_changes_the_page_is_refused_as_not_signature_only() {
    let signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    // Change page 1's MediaBox inside the update, then sign it again properly: the CMS holds,
    // but the update is no longer the one a signature makes.
    let update_at = STARTER.len();
    let mut tampered = signed.clone();
    let text = String::from_utf8_lossy(&tampered[update_at..]).into_owned();
    let media = text.find("/MediaBox [0 0 ").unwrap() + update_at + "/MediaBox [0 0 ".len();
    tampered[media] = if tampered[media] == b'1' { b'2' } else { b'1' };
    let range_at = text.find("/ByteRange [").unwrap() + "/ByteRange [".len();
    let numbers: Vec<usize> =
        text[range_at..].split(']').next().unwrap().split(' ').map(|n| n.parse().unwrap()).collect();
    let content = [&tampered[..numbers[1]], &tampered[numbers[2]..]].concat();
    let cms = ada().sign_detached(&content, &SignOptions::default()).unwrap();
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    tampered[numbers[1] + 1..numbers[1] + 1 + hex.len()].copy_from_slice(hex.as_bytes());

    let found = signatures(&tampered).unwrap();
    let sig = &found.revisions[0];
    assert!(sig.intact, "the CMS over the byte range holds: {sig:#?}");
    assert!(!sig.exact_update, "{sig:#?}");
    assert!(sig.problem.as_deref().unwrap().contains("not signature-only"), "{sig:#?}");
    assert!(!found.all_hold());
}

#[test]
fn a_truncated_signed_pdf_does_not_verify() {
    let signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    // Cut inside the signature's update: what is left of it belongs to no revision.
    let cut = STARTER.len() + 500;
    let found = signatures(&signed[..cut]).unwrap();
    assert_eq!((found.base_len, found.revisions.len()), (STARTER.len(), 0), "{found:#?}");
    assert_eq!(found.other_updates, vec![(STARTER.len()..cut)]);
    assert!(!found.all_hold());
    // Cut at the very end: the signature covers bytes that are gone.
    let found = signatures(&signed[..signed.len() - 1]).unwrap();
    let sig = &found.revisions[0];
    assert!(!sig.intact && !sig.exact_update, "{sig:#?}");
    assert!(sig.problem.as_deref().unwrap().contains("truncated"), "{sig:#?}");
    assert!(!found.all_hold());
    // Cut inside the trailer: no longer a PDF that can be read.
    let err = signatures(&signed[..signed.len() - 200]).unwrap_err();
    assert!(err.to_string().contains("not a PDF this verifier reads"), "{err}");
}

#[test]
fn files_that_are_not_pdfs_are_refused_with_an_error() {
    for bytes in [&b""[..], b"%PDF-1.7\ngarbage", b"not a pdf at all"] {
        let err = signatures(bytes).unwrap_err();
        assert!(matches!(err, Error::Pdf(_)), "{err:?}");
        let err = sign_pdf(bytes, ada(), at("2026-04-01T12:00:00Z"), "Ada", "x").unwrap_err();
        assert!(matches!(err, Error::Pdf(_)), "{err:?}");
    }
}

#[test]
fn a_pdf_with_a_cross_reference_stream_is_refused_for_signing() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.pdf", STARTER);
    let output = dir.path().join("streams.pdf");
    run_ok("qpdf", &["--object-streams=generate", path_str(&input), path_str(&output)]);
    let err = sign_pdf(&std::fs::read(&output).unwrap(), ada(), at("2026-04-01T12:00:00Z"), "Ada", "x").unwrap_err();
    assert!(err.to_string().contains("cross-reference stream"), "{err}");
}

#[test]
fn a_damaged_contents_string_that_hides_the_signature_is_still_reported_as_an_update() {
    let signed = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    // A letter in the zero padding of /Contents: the signature dictionary no longer parses.
    let mut damaged = signed.clone();
    let padding = signed.len() - 600;
    assert_eq!(damaged[padding], b'0', "inside the padding");
    damaged[padding] = b'j';
    let found = signatures(&damaged).unwrap();
    assert_eq!(found.base_len, STARTER.len());
    assert_eq!(found.other_updates, vec![(STARTER.len()..signed.len())], "{found:#?}");
    assert!(!found.all_hold());
}

#[test]
fn an_update_between_the_base_and_the_first_signature_is_reported() {
    let mut doc = IncrementalDocument::load_from(STARTER).unwrap();
    let page = *doc.get_prev_documents().get_pages().get(&1).unwrap();
    doc.opt_clone_object_to_new_document(page).unwrap();
    doc.new_document.get_dictionary_mut(page).unwrap().set("Rotate", 90);
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();
    let signed = sign_pdf(&changed, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();

    let found = signatures(&signed).unwrap();
    assert!(found.revisions[0].intact && found.revisions[0].exact_update, "{found:#?}");
    assert_eq!(found.base(&signed), STARTER);
    assert_eq!(found.other_updates, vec![(STARTER.len()..changed.len())]);
    assert!(!found.all_hold());
}

#[test]
fn no_flipped_byte_or_cut_anywhere_in_a_twice_signed_pdf_passes_or_panics() {
    let one = sign_pdf(STARTER, ada(), at("2026-04-01T12:00:00Z"), "Ada Lovelace", "Approved").unwrap();
    let two = sign_pdf(&one, grace(), at("2026-04-01T13:00:00Z"), "Grace Hopper", "Approved").unwrap();
    assert!(signatures(&two).unwrap().all_hold());
    let positions = (0..24).map(|i| i * two.len() / 24 + i).chain([one.len() - 1, one.len() + 1, two.len() - 1]);
    for at in positions {
        let mut flipped = two.clone();
        flipped[at] ^= 0x5a;
        for (what, bytes) in [("flip", &flipped[..]), ("cut", &two[..at])] {
            if let Ok(found) = signatures(bytes) {
                assert!(!found.all_hold(), "{what} at {at} still passes: {found:#?}");
            }
        }
    }
}
