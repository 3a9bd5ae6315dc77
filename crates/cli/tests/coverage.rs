//! `governance coverage`: what the framework answers per jurisdiction and catalogue, and its gaps.

mod common;
use common::{governance, ok, TEMPLATE};

#[test]
fn coverage_counts_each_catalogue_per_jurisdiction_and_names_a_gap_once_its_links_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let text = std::fs::read_to_string(TEMPLATE).unwrap();
    let without = text.replace("\"ftc-255-5\",\n", "").replace(",\n            \"ftc-255-5\"", "");
    assert!(!without.contains("\"ftc-255-5\""), "every link to 16 CFR 255.5 is taken out");
    let file = dir.path().join("f.json");
    std::fs::write(&file, without).unwrap();
    ok(&governance(Some(&db), &["import", file.to_str().unwrap()]));
    let out = ok(&governance(Some(&db), &["coverage"]));
    assert!(out.contains("US, FTC Act section 5 and the Endorsement Guides: 8 of 9 answered\n"), "{out}");
    assert!(out.contains("  gap       16 CFR 255.5  Disclosure of material connections\n"), "{out}");
    assert!(out.contains("every jurisdiction, ISO/IEC 42001:2023 Annex A controls: 38 of 38 answered"), "{out}");
    assert!(out.ends_with("1 gap(s); summaries in our own words, not legal advice\n"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&governance(Some(&db), &["coverage", "--json"]))).unwrap();
    assert_eq!(json["groups"][0]["catalogue"], "ftc");
    let findings = ok(&governance(Some(&db), &["validate"]));
    assert!(findings.contains("warning: FTC Act section 5") && findings.contains("1 of 9 obligations"), "{findings}");
}
