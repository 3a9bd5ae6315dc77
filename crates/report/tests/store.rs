//! The adapter from the store: publish the starter, render the stored version, read it back.

mod common;

use chrono::NaiveDate;
use governance_core::Store;
use governance_report::{embedded_snapshot, render_version};

#[test]
fn a_published_version_renders_from_the_store_and_carries_its_stored_snapshot() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("gw.db")).unwrap();
    let fw = governance_core::starter::starter_framework();
    store.import(&fw, "test").unwrap();
    store.publish(&fw.id, "First published version", "Dana Okafor", today).unwrap();
    let data = store.report_data(&fw.id, 1).unwrap();
    let a = render_version(&data).expect("renders");
    let b = render_version(&store.report_data(&fw.id, 1).unwrap()).expect("renders again");
    assert!(a.pdf == b.pdf, "exporting the same stored version twice gives the same bytes");
    let back = embedded_snapshot(&a.pdf).unwrap();
    assert!(back == data.snapshot);
    assert_eq!(common::sha256_hex(&back), data.info.sha256);
}
