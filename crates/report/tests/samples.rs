//! The committed sample reports (`tests/samples/`, see its README) pin the rendering: a format-2,
//! format-3 or format-4 sample's attached data must render again to exactly its bytes, so any change to the
//! rendering fails here until the report format number is bumped and the old renderer kept.

use governance_core::version::{ReportData, ReportManifest};
use governance_report::{embedded_snapshot, formats, verify, CheckKind, Outcome, Verdict};

const FORMAT_2: [&str; 2] = ["starter-v1-format2.pdf", "starter-v2-format2.pdf"];
/// Format 3 draws every script: one sample in Latin, one with every covered script.
const FORMAT_3: [&str; 2] = ["starter-v1-format3.pdf", "scripts-v1-format3.pdf"];
/// Format 4 adds the compliance rules and the coverage: the starter with its rules and links, a
/// second version with a rule and a link changed, and rules written in every script.
const FORMAT_4: [&str; 3] = ["starter-v1-format4.pdf", "starter-v2-format4.pdf", "scripts-v1-format4.pdf"];

fn sample(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/samples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Renders each sample's attached data again in its format and compares the bytes.
fn renders_again(format: u32, names: &[&str]) {
    for name in names {
        let pdf = sample(name);
        let manifest = verify(&pdf).manifest.unwrap_or_else(|| panic!("{name} has a readable manifest"));
        assert_eq!(manifest.report_format, format, "{name}");
        let data = ReportData::from_manifest(manifest, embedded_snapshot(&pdf).unwrap()).unwrap();
        let again = formats::render(format, &data).expect("the format has a renderer").unwrap();
        assert!(
            again.pdf == pdf,
            "{name}: the rendering changed; give the new rendering a new report format number and keep the format-{format} \
             renderer (never regenerate a sample to make this pass)"
        );
    }
}

#[test]
fn each_format_2_sample_renders_again_from_its_own_attachments_to_the_committed_bytes() {
    renders_again(2, &FORMAT_2);
}

#[test]
fn each_format_3_sample_renders_again_from_its_own_attachments_to_the_committed_bytes() {
    renders_again(3, &FORMAT_3);
    for name in FORMAT_3 {
        let v = verify(&sample(name));
        assert_eq!(v.verdict(), Verdict::Verified, "{name}: {:#?}", v.checks);
    }
}

#[test]
fn each_format_4_sample_renders_again_from_its_own_attachments_to_the_committed_bytes_and_is_verified() {
    renders_again(4, &FORMAT_4);
    for name in FORMAT_4 {
        let v = verify(&sample(name));
        assert_eq!(v.verdict(), Verdict::Verified, "{name}: {:#?}", v.checks);
        assert_eq!(v.report_format, Some(4), "{name}");
    }
    let v2 = verify(&sample(FORMAT_4[1])).manifest.unwrap();
    assert!(v2.changes.iter().any(|c| c.path.starts_with("compliance_rules[")), "a rule changed");
    assert!(v2.changes.iter().any(|c| c.path.ends_with("].obligations")), "a link changed");
}

#[test]
fn the_format_2_samples_are_verified_the_second_with_its_changes_and_unsigned_sign_off() {
    for name in FORMAT_2 {
        let v = verify(&sample(name));
        assert_eq!(v.verdict(), Verdict::Verified, "{name}: {:#?}", v.checks);
    }
    let v2 = verify(&sample(FORMAT_2[1])).manifest.unwrap();
    assert!(!v2.changes.is_empty() && v2.signoffs.len() == 1 && v2.signoffs[0].signed.is_none());
}

#[test]
fn the_format_1_sample_cannot_be_verified_and_says_that_it_checked_the_snapshot_hash() {
    let v = verify(&sample("starter-v1-format1.pdf"));
    assert_eq!(v.verdict(), Verdict::CannotVerify, "{:#?}", v.checks);
    assert_eq!(v.report_format, Some(1));
    let why = v.first(Outcome::NotChecked).unwrap();
    assert_eq!(why.kind, CheckKind::Format);
    assert!(why.message.starts_with("this app cannot compare the pages: report format 1"), "{}", why.message);
    let hash = v.checks.iter().find(|c| c.kind == CheckKind::SnapshotHash).unwrap();
    assert_eq!(hash.outcome, Outcome::Passed, "{}", hash.message);
    // The same version as the format-2 starter sample: one snapshot, two formats.
    let format_2 = ReportManifest::from_bytes(&manifest_bytes(&sample(FORMAT_2[0]))).unwrap();
    assert_eq!(v.snapshot_sha256.as_deref(), Some(format_2.version.sha256.as_str()));
}

/// The manifest attachment, read the way any PDF tool would.
fn manifest_bytes(pdf: &[u8]) -> Vec<u8> {
    let d = lopdf::Document::load_mem(pdf).unwrap();
    let af = d.catalog().unwrap().get(b"AF").unwrap().as_array().unwrap().clone();
    let spec = d.get_dictionary(af[1].as_reference().unwrap()).unwrap();
    let ef = spec.get(b"EF").unwrap().as_dict().unwrap().get(b"F").unwrap().as_reference().unwrap();
    d.get_object(ef).unwrap().as_stream().unwrap().decompressed_content().unwrap()
}
