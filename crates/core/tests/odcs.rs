//! The ODCS v3 export, checked with the official linter (`datacontract lint`, from the PyPI
//! package datacontract-cli) and read back with PyYAML (which datacontract-cli brings).
//! `make test` installs them into target/pyenv and puts it first on PATH.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use governance_core::odcs::{to_odcs_yaml, API_VERSION};
use governance_core::*;
use serde_json::{json, Value};

const INSTALL: &str = "pip install datacontract-cli (make test does this)";

/// Runs `datacontract lint FILE` and fails the test, with the linter's output, unless it passes
/// without a warning.
fn lint(path: &Path) {
    let out = match Command::new("datacontract").arg("lint").arg(path).env("NO_COLOR", "1").output() {
        Ok(o) => o,
        Err(e) => panic!("`datacontract` was not found on PATH ({e}): {INSTALL}"),
    };
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "datacontract lint {} failed ({}):\n{text}", path.display(), out.status);
    assert!(text.contains("passed"), "datacontract lint did not report a pass:\n{text}");
    assert!(!text.to_lowercase().contains("warning"), "datacontract lint warned:\n{text}");
}

/// Reads the YAML back with PyYAML's safe loader and returns it as JSON.
fn read_yaml(path: &Path) -> Value {
    const SCRIPT: &str = "import json, sys, yaml\n\
        print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), ensure_ascii=True))";
    let out = match Command::new("python3").arg("-c").arg(SCRIPT).arg(path).output() {
        Ok(o) => o,
        Err(e) => panic!("python3 was not found on PATH ({e}): {INSTALL}"),
    };
    assert!(
        out.status.success(),
        "PyYAML could not read {} (is PyYAML installed? {INSTALL}):\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn write(dir: &tempfile::TempDir, name: &str, yaml: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, yaml).unwrap();
    path
}

/// The schema object, SLA entry and team member of every standard agree with the framework.
fn assert_maps_every_standard(fw: &Framework, doc: &Value) {
    let schema = doc["schema"].as_array().expect("schema is a list");
    assert_eq!(schema.len(), fw.data_quality.len(), "one schema object per standard");
    let sla = doc["slaProperties"].as_array().expect("slaProperties is a list");
    assert_eq!(sla.len(), fw.data_quality.len(), "one latency SLA per standard");
    for ((dq, obj), sla) in fw.data_quality.iter().zip(schema).zip(sla) {
        assert_eq!(obj["businessName"], dq.data_input.as_str());
        assert_eq!(obj["logicalType"], "object");
        let name = obj["name"].as_str().unwrap();
        let quality = obj["quality"].as_array().unwrap();

        let completeness = quality.iter().find(|q| q["dimension"] == "completeness").expect("completeness rule");
        assert_eq!(completeness["type"], "custom");
        assert_eq!(completeness["engine"], "governance-workbench");
        assert_eq!(completeness["implementation"]["mustBeGreaterOrEqualTo"].as_f64(), Some(dq.min_completeness_pct));
        assert_eq!(completeness["implementation"]["unit"], "percent");

        let dup = quality.iter().find(|q| q["dimension"] == "uniqueness");
        match dq.max_duplicate_pct {
            Some(limit) => {
                assert_eq!(dup.expect("duplicate rule")["implementation"]["mustBeLessOrEqualTo"].as_f64(), Some(limit))
            }
            None => assert!(dup.is_none(), "no duplicate rule without a limit"),
        }

        let texts: Vec<&str> =
            quality.iter().filter(|q| q["type"] == "text").map(|q| q["description"].as_str().unwrap()).collect();
        assert_eq!(texts, dq.validation_rules.iter().map(String::as_str).collect::<Vec<_>>());

        let props = obj["customProperties"].as_array().unwrap();
        let prop = |k: &str| &props.iter().find(|p| p["property"] == k).unwrap_or_else(|| panic!("{k}"))["value"];
        assert_eq!(prop("owner"), dq.owner.as_str());
        assert_eq!(prop("maxAge"), dq.max_age.to_string().as_str());
        assert_eq!(*prop("sourcePlatform"), dq.source_platform.as_deref().map_or(Value::Null, |p| json!(p)));
        let breach = serde_json::to_value(dq.on_breach).unwrap();
        assert_eq!(*prop("onBreach"), breach);

        assert_eq!(sla["property"], "latency");
        assert_eq!(sla["element"], name);
        assert_eq!(sla["value"].as_u64(), Some(u64::from(dq.max_age.amount)));
        let unit = match dq.max_age.unit {
            DurationUnit::Minutes => "min",
            DurationUnit::Hours => "h",
            DurationUnit::Days => "d",
        };
        assert_eq!(sla["unit"], unit);
    }

    // Team: each owner once, named by the party with its title as role.
    let members = doc["team"]["members"].as_array().expect("team.members");
    let mut unique: Vec<&str> = Vec::new();
    for dq in &fw.data_quality {
        if !unique.contains(&dq.owner.as_str()) {
            unique.push(&dq.owner);
        }
    }
    assert_eq!(members.len(), unique.len());
    for (m, owner) in members.iter().zip(&unique) {
        if let Some(p) = fw.parties.iter().find(|p| p.id == *owner) {
            assert_eq!(m["name"], p.name.as_str());
            assert_eq!(m["role"], p.title.as_str());
            assert_eq!(m["username"], p.email.as_deref().unwrap_or(owner));
        } else {
            assert_eq!(m["username"], *owner);
        }
    }
}

#[test]
fn the_starter_framework_exports_an_odcs_contract_that_the_official_linter_accepts() {
    let fw = starter();
    let yaml = to_odcs_yaml(&fw, "1.0.0");
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "starter.odcs.yaml", &yaml);
    lint(&path);

    let doc = read_yaml(&path);
    assert_eq!(doc["apiVersion"], API_VERSION);
    assert_eq!(doc["kind"], "DataContract");
    assert_eq!(doc["id"], "larkspur-marketing-agents-data-quality");
    assert_eq!(doc["version"], "1.0.0");
    assert_eq!(doc["status"], "active");
    assert_eq!(doc["tenant"], "Larkspur Outdoor Co.");
    assert_maps_every_standard(&fw, &doc);

    // The figures of the first starter standard, spelled out.
    let seg = &doc["schema"][0];
    assert_eq!(seg["name"], "audience-segments");
    assert_eq!(seg["quality"][0]["implementation"]["mustBeGreaterOrEqualTo"].as_f64(), Some(98.0));
    assert_eq!(seg["quality"][1]["implementation"]["mustBeLessOrEqualTo"].as_f64(), Some(0.5));
    assert_eq!(doc["slaProperties"][0]["value"], 24);
    assert_eq!(doc["slaProperties"][0]["unit"], "h");
    assert!(yaml.contains("mustBeGreaterOrEqualTo: 98\n"));
    assert!(doc["team"]["members"].as_array().unwrap().iter().any(|m| m["name"] == "Priya Raman"
        && m["role"] == "Marketing Data Lead"
        && m["username"] == "priya.raman@larkspur.example.com"));
    // Source platforms become custom servers, once each.
    let servers = doc["servers"].as_array().unwrap();
    assert!(servers.iter().any(|s| s["server"] == "segment-cdp"
        && s["type"] == "custom"
        && s["description"] == "Segment (Customer Data Platform)"));
    let mut ids: Vec<&str> = servers.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "server ids are unique");
}

/// User text that breaks naive YAML: indicators, quotes, comments, line breaks, unicode, HTML,
/// values YAML would read as other types, and control characters.
const NASTY: [&str; 16] = [
    "key: value # not a comment",
    "- looks like a list item",
    "\"double\" and 'single' quotes, \\backslash\\",
    "line one\nline two\r\nline three\n",
    "  leading and trailing spaces  ",
    "<script>alert('x')</script> &amp; <b>bold</b>",
    "Ünïcödé 漢字 العربية עברית 🚀👩🏽‍💻",
    "null",
    "true",
    "1.0",
    "~",
    "*alias &anchor !tag %directive @at `tick` | > ? { } [ ] ,",
    "tab\there, bell\u{7}, escape\u{1b}, nul\u{0}, del\u{7f}, nel\u{85}, ls\u{2028}, bom\u{feff}",
    "",
    "---\n...\n",
    "{{ template }} ${variable} %s",
];

fn nasty() -> Framework {
    let mut fw = starter();
    fw.name = NASTY[0].into();
    fw.organisation = NASTY[2].into();
    fw.description = NASTY[3].into();
    fw.parties[2].name = NASTY[6].into();
    fw.parties[2].title = NASTY[5].into();
    fw.parties[2].email = None;
    let dq = &mut fw.data_quality[0];
    dq.data_input = NASTY[1].into();
    dq.notes = NASTY[4].into();
    dq.validation_rules = NASTY.iter().map(|s| s.to_string()).collect();
    dq.min_completeness_pct = 99.95;
    dq.max_duplicate_pct = None;
    dq.max_age = Duration { amount: 90, unit: DurationUnit::Minutes };
    dq.on_breach = BreachAction::AlertOwner;
    // An id ODCS's StableId pattern refuses, an owner and a platform that do not exist, no source.
    fw.data_quality[1].id = "attribution.data v2".into();
    fw.data_quality[1].owner = "ghost-owner".into();
    fw.data_quality[1].source_platform = Some("ghost.platform".into());
    fw.data_quality[2].source_platform = None;
    fw
}

#[test]
fn nasty_user_text_round_trips_exactly_and_the_official_linter_accepts_the_contract() {
    let fw = nasty();
    let yaml = to_odcs_yaml(&fw, "draft");
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "nasty.odcs.yaml", &yaml);
    lint(&path);

    let doc = read_yaml(&path);
    assert_eq!(doc["status"], "draft");
    assert_eq!(doc["version"], "draft");
    assert_eq!(doc["tenant"], NASTY[2]);
    assert_eq!(doc["name"], format!("{}: data-quality standards", NASTY[0]));
    assert_maps_every_standard(&fw, &doc);

    let obj = &doc["schema"][0];
    assert_eq!(obj["businessName"], NASTY[1]);
    assert_eq!(obj["description"], NASTY[4]);
    let texts: Vec<&str> = obj["quality"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["type"] == "text")
        .map(|q| q["description"].as_str().unwrap())
        .collect();
    assert_eq!(texts, NASTY, "every validation rule comes back exactly");
    assert_eq!(obj["quality"][0]["implementation"]["mustBeGreaterOrEqualTo"].as_f64(), Some(99.95));
    assert_eq!(obj["quality"][0]["severity"], "warning", "alerting the owner is a warning");
    assert_eq!(doc["slaProperties"][0]["value"], 90);
    assert_eq!(doc["slaProperties"][0]["unit"], "min");

    let member = doc["team"]["members"].as_array().unwrap().iter().find(|m| m["username"] == "data-lead").unwrap();
    assert_eq!(member["name"], NASTY[6]);
    assert_eq!(member["role"], NASTY[5]);
    let ghost = doc["team"]["members"].as_array().unwrap().iter().find(|m| m["username"] == "ghost-owner").unwrap();
    assert!(ghost["description"].as_str().unwrap().contains("not among the framework's parties"));

    assert_eq!(doc["schema"][1]["id"], "attribution_data_v2");
    assert_eq!(doc["slaProperties"][1]["element"], "attribution_data_v2");
    let description = &doc["description"]["customProperties"][0];
    assert_eq!(description["value"], NASTY[3]);
    assert_eq!(doc["customProperties"][1]["value"], NASTY[0]);
    assert_eq!(doc["customProperties"][2]["value"], NASTY[2]);
}

#[test]
fn the_export_is_deterministic_and_a_framework_without_standards_still_lints() {
    let fw = starter();
    assert_eq!(to_odcs_yaml(&fw, "2.0.0"), to_odcs_yaml(&fw, "2.0.0"));

    let mut empty = starter();
    empty.data_quality.clear();
    let yaml = to_odcs_yaml(&empty, "DRAFT");
    assert!(yaml.contains("schema: []\n") && yaml.contains("members: []\n"), "{yaml}");
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "empty.odcs.yaml", &yaml);
    lint(&path);
    let doc = read_yaml(&path);
    assert_eq!(doc["status"], "draft");
    assert_eq!(doc["schema"], json!([]));
}
