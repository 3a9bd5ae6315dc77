//! The canonical JSON snapshot is attached to the PDF, so `governance verify` can check it.

mod common;

use common::{sha256_hex, Fixture};
use governance_report::{embedded_snapshot, render, ReportError};
use lopdf::Object;

#[test]
fn embedded_snapshot_returns_the_exact_snapshot_bytes() {
    let f = Fixture::starter();
    let pdf = render(&f.input()).expect("renders").pdf;
    let back = embedded_snapshot(&pdf).expect("has a snapshot");
    assert!(back == f.json, "the attachment is not the snapshot byte for byte");
    assert_eq!(sha256_hex(&back), f.hash);
    let parsed = governance_core::interchange::parse(&back).expect("the attachment parses as a framework file");
    assert_eq!(parsed, f.framework);
}

#[test]
fn the_attachment_is_an_associated_source_file_with_pdfa_metadata_and_an_srgb_intent() {
    let f = Fixture::starter();
    let rendered = render(&f.input()).expect("renders");
    let d = lopdf::Document::load_mem(&rendered.pdf).expect("parses");
    assert_eq!(d.get_pages().len() as u32, rendered.pages);
    let cat = d.catalog().expect("catalog");
    let af = cat.get(b"AF").and_then(Object::as_array).expect("/AF array");
    let spec = d.get_dictionary(af[0].as_reference().unwrap()).expect("file specification");
    assert_eq!(spec.get(b"AFRelationship").and_then(Object::as_name).unwrap(), b"Source");
    assert_eq!(spec.get(b"F").and_then(Object::as_str).unwrap(), b"larkspur-marketing-agents-v1.json");
    let ef = spec.get(b"EF").and_then(Object::as_dict).unwrap().get(b"F").and_then(Object::as_reference).unwrap();
    let stream = d.get_object(ef).and_then(Object::as_stream).unwrap();
    assert_eq!(stream.dict.get(b"Subtype").and_then(Object::as_name).unwrap(), b"application/json");
    assert!(cat.get(b"Names").and_then(Object::as_dict).unwrap().has(b"EmbeddedFiles"));

    let meta = d.get_object(cat.get(b"Metadata").unwrap().as_reference().unwrap()).and_then(Object::as_stream).unwrap();
    assert!(!meta.dict.has(b"Filter"), "PDF/A metadata is not compressed");
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    assert!(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(xmp.contains("Larkspur marketing agents governance framework, version 1"));

    let intents = cat.get(b"OutputIntents").and_then(Object::as_array).unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").and_then(Object::as_name).unwrap(), b"GTS_PDFA1");
    let icc = d.get_object(intent.get(b"DestOutputProfile").unwrap().as_reference().unwrap()).unwrap();
    let icc = icc.as_stream().unwrap().decompressed_content().unwrap();
    assert_eq!(&icc[36..40], b"acsp");
    assert_eq!(&icc[16..20], b"RGB ");
}

#[test]
fn an_altered_attachment_no_longer_matches_the_printed_hash() {
    let f = Fixture::starter();
    let pdf = render(&f.input()).expect("renders").pdf;
    // Someone edits the attached JSON and saves the PDF again.
    let mut d = lopdf::Document::load_mem(&pdf).expect("parses");
    let ids: Vec<_> = d
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| s.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"EmbeddedFile"))
        })
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(ids.len(), 1, "one embedded file");
    let tampered =
        String::from_utf8(f.json.clone()).unwrap().replace("\"amount\":\"18000.00\"", "\"amount\":\"99000.00\"");
    let tampered = tampered.replacen("Larkspur", "Larkspvr", 1).into_bytes();
    let stream = d.get_object_mut(ids[0]).unwrap().as_stream_mut().unwrap();
    stream.dict.remove(b"Filter");
    stream.set_content(tampered.clone());
    let mut altered = Vec::new();
    d.save_to(&mut altered).expect("saves");

    let back = embedded_snapshot(&altered).expect("still has a snapshot");
    assert_eq!(back, tampered);
    assert_ne!(back, f.json);
    assert_ne!(sha256_hex(&back), f.hash, "the verifier sees that the hash no longer matches");
}

#[test]
fn a_pdf_without_a_snapshot_is_refused() {
    let f = Fixture::starter();
    let pdf = render(&f.input()).expect("renders").pdf;
    let mut d = lopdf::Document::load_mem(&pdf).expect("parses");
    let root = d.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let cat = d.get_dictionary_mut(root).unwrap();
    cat.remove(b"AF");
    cat.remove(b"Names");
    let mut stripped = Vec::new();
    d.save_to(&mut stripped).unwrap();
    assert!(matches!(embedded_snapshot(&stripped), Err(ReportError::NotAReport(_))));
    assert!(matches!(embedded_snapshot(b"not a pdf at all"), Err(ReportError::NotAReport(_))));
}

#[test]
fn a_report_whose_hash_is_not_the_snapshot_hash_is_refused() {
    let mut f = Fixture::starter();
    f.hash = "0".repeat(64);
    assert!(matches!(render(&f.input()), Err(ReportError::Input(_))));
    f.hash = "not hex".into();
    assert!(matches!(render(&f.input()), Err(ReportError::Input(_))));
}
