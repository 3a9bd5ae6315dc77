//! The published JSON Schema (`docs/framework.schema.json`) accepts exactly what the importer
//! accepts. Every file of `tests/corpus/accepted` and `tests/corpus/refused` (and the shipped
//! starter) gets one verdict from the importer (parse, then the integrity rules) and one from an
//! independent validator, `check-jsonschema` (PyPI, pinned in the Makefile's PY_PACKAGES), and
//! the two must agree with each other and with the folder. `tests/corpus/beyond-schema` holds
//! what JSON Schema cannot say (unique ids, references, a key written twice): the schema accepts
//! those files and the importer refuses them, naming the place. `make test` installs the tool
//! into target/pyenv and puts it first on PATH.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use governance_core::*;

const INSTALL: &str = "pip install check-jsonschema at the version pinned in the Makefile's PY_PACKAGES \
    (make test does this)";

fn corpus(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(folder)
}

fn json_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// `reasons.txt` of a folder: file name -> the rest of its line.
fn reasons(folder: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus(folder).join("reasons.txt")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, reason) = l.split_once(": ").unwrap_or_else(|| panic!("no reason on the line {l:?}"));
            (file.to_owned(), reason.to_owned())
        })
        .collect()
}

/// The importer's verdict: `Ok` when it would store the file, else its error.
fn import(path: &Path) -> std::result::Result<(), Error> {
    let framework = interchange::parse(&std::fs::read(path).unwrap())?;
    let problems = integrity(&framework);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The files check-jsonschema refuses among `files`, checked in one run against the schema.
fn refused_by_the_schema(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/framework.schema.json");
    let out = match Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(&schema)
        .args(["--output-format", "json"])
        .args(files)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("`check-jsonschema` was not found on PATH ({e}): {INSTALL}"),
    };
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check-jsonschema did not print a JSON report ({e}; {}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut refused = BTreeSet::new();
    // A report lists `parse_errors` only when some file could not be read.
    for kind in ["errors", "parse_errors"] {
        for e in report.get(kind).and_then(|v| v.as_array()).into_iter().flatten() {
            refused.insert(PathBuf::from(e["filename"].as_str().unwrap()));
        }
    }
    assert_eq!(refused.is_empty(), out.status.success(), "{report}");
    refused
}

#[test]
fn the_importer_and_check_jsonschema_give_every_corpus_file_the_same_verdict() {
    let starter = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/starter-framework.json");
    let accepted: Vec<PathBuf> = json_files("accepted").into_iter().chain([starter]).collect();
    let refused = json_files("refused");
    assert!(accepted.len() >= 5 && refused.len() >= 50, "the corpus is incomplete");
    let all: Vec<PathBuf> = accepted.iter().chain(&refused).cloned().collect();
    let by_schema = refused_by_the_schema(&all);

    let mut disagreements = Vec::new();
    for path in &all {
        let expected_ok = accepted.contains(path);
        let importer = import(path);
        let schema_ok = !by_schema.contains(path);
        if importer.is_ok() != expected_ok || schema_ok != expected_ok {
            disagreements.push(format!(
                "{}: expected {}, importer {}, schema {}",
                name(path),
                if expected_ok { "accepted" } else { "refused" },
                importer.map_or_else(|e| format!("refused ({e})"), |_| "accepted".into()),
                if schema_ok { "accepted" } else { "refused" }
            ));
        }
    }
    assert!(disagreements.is_empty(), "verdicts differ:\n{}", disagreements.join("\n"));
}

#[test]
fn every_refused_corpus_file_has_a_one_line_reason() {
    let files: BTreeSet<String> = json_files("refused").iter().map(|p| name(p)).collect();
    let reasons = reasons("refused");
    assert_eq!(files, reasons.keys().cloned().collect::<BTreeSet<_>>(), "refused/reasons.txt and the files differ");
    assert!(reasons.values().all(|r| r.len() > 10), "{reasons:?}");
}

#[test]
fn rules_beyond_json_schema_are_refused_by_the_importer_naming_the_place() {
    let files = json_files("beyond-schema");
    let reasons = reasons("beyond-schema");
    let names: BTreeSet<String> = files.iter().map(|p| name(p)).collect();
    assert_eq!(
        names,
        reasons.keys().cloned().collect::<BTreeSet<_>>(),
        "beyond-schema/reasons.txt and the files differ"
    );
    assert!(refused_by_the_schema(&files).is_empty(), "the schema refuses a file it is said not to be able to judge");
    for path in &files {
        let place = reasons[&name(path)].split_once(": ").unwrap().0;
        match import(path) {
            Ok(()) => panic!("{}: the importer accepted it", name(path)),
            Err(Error::Invalid(problems)) => {
                assert!(problems.iter().any(|p| p.path == place), "{}: no finding at {place}: {problems:?}", name(path))
            }
            Err(e) => assert!(e.to_string().contains(&format!("at {place}:")), "{}: {e}", name(path)),
        }
    }
}
