//! The canonical JSON snapshot and the report manifest are attached to the PDF, so that
//! `governance verify` can render the pages again from them.

mod common;

use chrono::TimeZone;
use common::{sha256_hex, Fixture};
use governance_core::version::ReportManifest;
use governance_report::{embedded_snapshot, formats, render_version, ReportError};
use lopdf::Object;

#[test]
fn embedded_snapshot_returns_the_exact_snapshot_bytes() {
    let f = Fixture::starter();
    let pdf = render_version(&f.data()).expect("renders").pdf;
    let back = embedded_snapshot(&pdf).expect("has a snapshot");
    assert!(back == f.json, "the attachment is not the snapshot byte for byte");
    assert_eq!(sha256_hex(&back), f.hash);
    let parsed = governance_core::interchange::parse(&back).expect("the attachment parses as a framework file");
    assert_eq!(parsed, f.framework);
}

#[test]
fn the_attachment_is_an_associated_source_file_with_pdfa_metadata_and_an_srgb_intent() {
    let f = Fixture::starter();
    let rendered = render_version(&f.data()).expect("renders");
    let d = lopdf::Document::load_mem(&rendered.pdf).expect("parses");
    assert_eq!(d.get_pages().len() as u32, rendered.pages);
    let cat = d.catalog().expect("catalog");
    let af = cat.get(b"AF").and_then(Object::as_array).expect("/AF array");
    assert_eq!(af.len(), 2, "the snapshot and the manifest");
    let file = |i: usize| {
        let spec = d.get_dictionary(af[i].as_reference().unwrap()).expect("file specification");
        let ef = spec.get(b"EF").and_then(Object::as_dict).unwrap().get(b"F").and_then(Object::as_reference).unwrap();
        let stream = d.get_object(ef).and_then(Object::as_stream).unwrap();
        assert_eq!(stream.dict.get(b"Subtype").and_then(Object::as_name).unwrap(), b"application/json");
        let name = String::from_utf8(spec.get(b"F").and_then(Object::as_str).unwrap().to_vec()).unwrap();
        let relationship = spec.get(b"AFRelationship").and_then(Object::as_name).unwrap().to_vec();
        (name, relationship, stream.decompressed_content().unwrap())
    };
    let (name, relationship, bytes) = file(0);
    assert_eq!((name.as_str(), relationship.as_slice()), ("larkspur-marketing-agents-v1.json", b"Source".as_slice()));
    assert!(bytes == f.json);
    let (name, relationship, bytes) = file(1);
    assert_eq!(
        (name.as_str(), relationship.as_slice()),
        ("larkspur-marketing-agents-v1.manifest.json", b"Data".as_slice())
    );
    assert_eq!(ReportManifest::from_bytes(&bytes).unwrap(), ReportManifest::new(&f.data(), formats::CURRENT));
    let names = cat.get(b"Names").and_then(Object::as_dict).unwrap().get(b"EmbeddedFiles").and_then(Object::as_dict);
    let names = names.unwrap().get(b"Names").and_then(Object::as_array).unwrap();
    let listed: Vec<&[u8]> = names.iter().step_by(2).map(|n| n.as_str().unwrap()).collect();
    assert!(listed.windows(2).all(|w| w[0] < w[1]), "a name tree lists its names in order");

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
fn a_pdf_without_a_snapshot_is_refused() {
    let f = Fixture::starter();
    let pdf = render_version(&f.data()).expect("renders").pdf;
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
    assert!(matches!(render_version(&f.data()), Err(ReportError::Input(_))));
    f.hash = "not hex".into();
    assert!(matches!(render_version(&f.data()), Err(ReportError::Input(_))));
}

#[test]
fn a_report_whose_publication_time_is_not_the_recorded_one_is_refused() {
    // The manifest keeps the recorded time only; the pages must not show another.
    let f = Fixture::starter();
    let mut data = f.data();
    data.published_at = chrono::Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let e = render_version(&data).unwrap_err().to_string();
    assert!(e.contains("publication time"), "{e}");
}
