//! Exporting the same version twice gives the same bytes (SPEC section 2), also in one process.

mod common;

use chrono::{TimeZone, Utc};
use common::Fixture;
use governance_core::review::Decision;
use governance_report::render_version;

fn second_version() -> Fixture {
    let old = governance_core::starter::starter_framework();
    let mut new = old.clone();
    new.platforms[0].contract.required_latency.amount = 30;
    new.capabilities.remove(1);
    new.matrix.retain(|c| c.capability != old.capabilities[1].id);
    new.hard_stops[0].notes.push_str(" Reviewed in January.");
    let mut f = Fixture::second_version(&old, new);
    f.signoffs = vec![f.unsigned_signoff(
        1,
        Decision::ApprovedWithComments,
        "Approved; please tighten the TikTok constraints next quarter.",
    )];
    f
}

#[test]
fn two_renders_of_the_same_input_are_byte_identical_in_one_process() {
    let f = Fixture::starter();
    let a = render_version(&f.data()).expect("renders");
    let b = render_version(&f.data()).expect("renders again");
    assert!(a.pdf == b.pdf, "two renders in one process differ");
    assert_eq!(a.pages, b.pages);
}

#[test]
fn a_second_version_with_changes_and_signoffs_renders_identically_twice() {
    let f = second_version();
    assert!(!f.changes.is_empty());
    let a = render_version(&f.data()).expect("renders");
    let b = render_version(&f.data()).expect("renders again");
    assert!(a.pdf == b.pdf, "two renders of version 2 differ");
}

#[test]
fn the_publication_date_is_the_only_date_in_the_file() {
    let f = Fixture::starter();
    let pdf = render_version(&f.data()).expect("renders").pdf;
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/CreationDate(D:20261126113909+00'00')"), "creation date is the publication date");
    assert!(text.contains("/ModDate(D:20261126113909+00'00')"), "modification date is the publication date");
    assert!(text.contains("<xmp:CreateDate>2026-11-26T11:39:09+00:00</xmp:CreateDate>"));
    // Any other PDF date in the file would be a date that did not come from the input.
    let dates = text.matches("(D:").count();
    let publication = text.matches("(D:20261126113909+00'00')").count();
    assert_eq!(dates, publication, "every PDF date is the publication date");

    let mut later = Fixture::starter();
    later.published_at = Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap();
    let other = render_version(&later.data()).expect("renders").pdf;
    assert!(String::from_utf8_lossy(&other).contains("/CreationDate(D:20270301080000+00'00')"));
}

#[test]
fn the_document_id_is_derived_from_the_snapshot_hash_and_version() {
    let f = Fixture::starter();
    let a = render_version(&f.data()).expect("renders").pdf;
    let id = |pdf: &[u8]| {
        let d = lopdf::Document::load_mem(pdf).expect("parses");
        d.trailer.get(b"ID").expect("has an /ID").clone()
    };
    let mut v2 = Fixture::starter();
    v2.version = 2;
    v2.previous = Some("0".repeat(64));
    let b = render_version(&v2.data()).expect("renders").pdf;
    assert_eq!(id(&a), id(&render_version(&f.data()).unwrap().pdf));
    assert_ne!(id(&a), id(&b), "another version has another document ID");
}
