//! `export-oscal` as a GRC team would receive it: identical bytes on every export, and every file
//! valid for compliance-trestle 3.12.4's OSCAL 1.1.3 models (`make py-deps` installs it into
//! target/pyenv, which `make test` puts first on PATH), checked by `tests/oscal/validate.py`
//! together with what trestle leaves unchecked (UUIDs used twice, control-ids missing from the
//! catalog a `source` names). A missing trestle fails the test: it must run in `make test`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{governance, ok};
use governance_core::model::Framework;
use governance_core::obligations::catalogues;
use governance_core::{interchange, scripts, starter};

const VALIDATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/oscal/validate.py");

/// Runs the validator on `files` and returns its report; fails the test when any file is invalid.
fn trestle_validates(files: &[PathBuf]) -> String {
    let o = Command::new("python3")
        .arg(VALIDATE)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed ({e}): apt-get install python3-venv, then make py-deps"));
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(
        !text.contains("ModuleNotFoundError"),
        "compliance-trestle is missing: make py-deps (make test does)\n{text}"
    );
    assert!(o.status.success(), "trestle finds invalid OSCAL:\n{text}");
    assert!(text.starts_with("compliance-trestle 3.12.4, OSCAL 1.1.3 models"), "{text}");
    text
}

/// The framework with links from several kinds of part (compliance rules come with the starter).
fn linked(mut fw: Framework) -> Framework {
    fw.hard_stops[0].obligations = vec!["ftc-255-5".into(), "gdpr-art-22".into()];
    fw.capabilities[0].obligations = vec!["eu-ai-act-art-50".into()];
    fw.raci[0].obligations = vec!["ftc-255-5".into(), "iso-42001-a.2.2".into()];
    fw.override_policy.obligations = vec!["nist-ai-rmf-manage-2.4".into()];
    fw
}

/// A database with `fw` imported and published as version 1.
fn published(dir: &Path, fw: &Framework) -> PathBuf {
    let (db, file) = (dir.join("x.db"), dir.join("fw.json"));
    std::fs::write(&file, interchange::to_pretty_json(fw)).unwrap();
    ok(&governance(Some(&db), &["import", file.to_str().unwrap()]));
    ok(&governance(Some(&db), &["publish", "--summary", "First published framework"]));
    db
}

/// Exports version 1 into `dir`, the catalogs into `dir/catalogs`; returns every file written.
fn export(db: &Path, dir: &Path, catalogs: &str) -> Vec<PathBuf> {
    let (out, cats) = (dir.join("component-definition.json"), dir.join(catalogs));
    let args = ["export-oscal", "--version", "1", "--out", out.to_str().unwrap(), "--catalogs", cats.to_str().unwrap()];
    ok(&governance(Some(db), &args));
    let mut files = vec![out];
    files.extend(catalogues().iter().map(|c| cats.join(format!("{}.json", c.id))));
    files
}

fn obligation_ids(component_definition: &Path) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(component_definition).unwrap()).unwrap();
    let impls = json["component-definition"]["components"][0]["control-implementations"].as_array().unwrap();
    impls
        .iter()
        .flat_map(|ci| ci["implemented-requirements"].as_array().unwrap())
        .map(|r| r["control-id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn export_oscal_twice_gives_identical_files_that_compliance_trestle_validates() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path(), &linked(starter::starter_framework()));
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let first = export(&db, &a, "catalogs");
    let second = export(&db, &b, "catalogs");
    for (x, y) in first.iter().zip(&second) {
        assert!(std::fs::read(x).unwrap() == std::fs::read(y).unwrap(), "{} differs between exports", x.display());
    }
    let report = trestle_validates(&first);
    assert_eq!(report.matches("VALID   ").count(), 1 + catalogues().len(), "{report}");
    let ids = obligation_ids(&first[0]);
    for id in ["ftc-255-5", "gdpr-art-22", "eu-ai-act-art-50", "iso-42001-a.2.2"] {
        assert!(ids.iter().any(|i| i == id), "{id} is not an implemented requirement: {ids:?}");
    }
    // trestle's own command agrees on both kinds of file.
    for (file, kind) in [(&first[0], "component-definition"), (&first[1], "catalog")] {
        let o = Command::new("trestle")
            .args(["partial-object-validate", "-f", file.to_str().unwrap(), "-e", kind])
            .output()
            .expect("trestle is needed: make py-deps");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    }
}

#[test]
fn a_framework_named_in_cjk_arabic_and_emoji_exports_valid_oscal_into_a_folder_with_such_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut fw = linked(scripts::scripts_framework());
    fw.organisation = format!("{} {}", scripts::sample("Arabic"), scripts::sample("Emoji"));
    fw.hard_stops[0].name = format!("{} {}", scripts::sample("Korean"), scripts::sample("Emoji"));
    let db = published(dir.path(), &fw);
    let files = export(&db, dir.path(), "目录 كتالوج 📁");
    trestle_validates(&files);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains(&fw.name) && text.contains(&fw.hard_stops[0].name), "names are kept as they are");
    assert!(text.contains("\"source\": \"%E7%9B%AE%E5%BD%95%20"), "the folder is a percent-encoded URI reference");
}

#[test]
fn without_catalogs_the_definition_names_them_beside_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path(), &linked(starter::starter_framework()));
    let out = dir.path().join("cd.json");
    let said = ok(&governance(Some(&db), &["export-oscal", "--version", "1", "--out", out.to_str().unwrap()]));
    assert!(said.contains("OSCAL 1.1.3 component definition of version 1"), "{said}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("\"source\": \"ftc.json\""));
}

#[test]
fn export_oscal_names_a_missing_version_and_an_unwritable_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path(), &linked(starter::starter_framework()));
    let out = dir.path().join("cd.json");
    let o = governance(Some(&db), &["export-oscal", "--version", "7", "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no version 7"));
    let missing = dir.path().join("no such folder/cd.json");
    let o = governance(Some(&db), &["export-oscal", "--version", "1", "--out", missing.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!out.exists(), "nothing is written for a missing version");
}

#[test]
fn the_validator_refuses_an_unknown_control_id_an_empty_array_a_reused_uuid_and_a_naive_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = published(dir.path(), &linked(starter::starter_framework()));
    let files = export(&db, dir.path(), "catalogs");
    let good = std::fs::read_to_string(&files[0]).unwrap();
    let json: serde_json::Value = serde_json::from_str(&good).unwrap();
    let component_uuid = json["component-definition"]["components"][0]["uuid"].as_str().unwrap();
    let document_uuid = json["component-definition"]["uuid"].as_str().unwrap();
    let last_modified = json["component-definition"]["metadata"]["last-modified"].as_str().unwrap();
    let broken = [
        (
            "unknown",
            "unknown control-ids",
            good.replace("\"control-id\": \"ftc-255-5\"", "\"control-id\": \"ftc-999\""),
        ),
        ("empty", "an empty array", good.replacen("\"props\": [", "\"links\": [],\n\"props\": [", 1)),
        ("reused", "a UUID appears twice", good.replace(component_uuid, document_uuid)),
        ("naive", "no time zone", good.replace(last_modified, last_modified.trim_end_matches('Z'))),
    ];
    for (name, why, text) in broken {
        assert_ne!(text, good, "{name}: the change must apply");
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, text).unwrap();
        let o = Command::new("python3").arg(VALIDATE).arg(&file).output().unwrap();
        let said = String::from_utf8_lossy(&o.stdout);
        assert!(!o.status.success() && said.contains(why), "{name}: expected {why:?}:\n{said}");
    }
}
