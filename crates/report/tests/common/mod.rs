//! Shared fixtures for the report tests: framework inputs and the poppler/qpdf tools.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use governance_core::diff::Change;
use governance_core::interchange::to_canonical_json;
use governance_core::review::{Decision, SignOff};
use governance_core::version::{ReportData, VersionInfo};
use governance_core::{Finding, Framework};
use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The parts of a `ReportData`, to change one at a time before `data()`.
pub struct Fixture {
    pub framework: Framework,
    pub findings: Vec<Finding>,
    pub version: u32,
    pub published_at: DateTime<Utc>,
    pub summary: String,
    pub json: Vec<u8>,
    pub hash: String,
    pub previous: Option<String>,
    pub changes: Vec<Change>,
    pub signoffs: Vec<SignOff>,
}

impl Fixture {
    pub fn new(framework: Framework) -> Fixture {
        let json = to_canonical_json(&framework);
        let hash = sha256_hex(&json);
        let findings = governance_core::validate(&framework, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        Fixture {
            framework,
            findings,
            version: 1,
            published_at: Utc.with_ymd_and_hms(2026, 11, 26, 11, 39, 9).unwrap(),
            summary: "First published version, reviewed with legal and security.".into(),
            json,
            hash,
            previous: None,
            changes: Vec::new(),
            signoffs: Vec::new(),
        }
    }

    pub fn starter() -> Fixture {
        Fixture::new(governance_core::starter::starter_framework())
    }

    /// Version 2 of `old` as `new`: the previous hash and the changes filled in.
    pub fn second_version(old: &Framework, new: Framework) -> Fixture {
        let previous = sha256_hex(&to_canonical_json(old));
        let changes = governance_core::diff::diff(old, &new);
        let mut f = Fixture::new(new);
        f.version = 2;
        f.published_at = Utc.with_ymd_and_hms(2027, 1, 20, 9, 5, 0).unwrap();
        f.previous = Some(previous);
        f.changes = changes;
        f
    }

    pub fn data(&self) -> ReportData {
        ReportData {
            info: VersionInfo {
                framework: self.framework.id.clone(),
                number: self.version,
                published_at: self.published_at.to_rfc3339(),
                author: "Dana Okafor".into(),
                summary: self.summary.clone(),
                sha256: self.hash.clone(),
                previous_sha256: self.previous.clone(),
            },
            framework: self.framework.clone(),
            findings: self.findings.clone(),
            changes: self.changes.clone(),
            signoffs: self.signoffs.clone(),
            review_cycle_due: "2027-01-15".parse().unwrap(),
            snapshot: self.json.clone(),
            published_at: self.published_at,
            catalogues: governance_core::obligations::catalogues().to_vec(),
        }
    }

    /// An unsigned sign-off (recorded before certificates) of this version by the party at
    /// `party` in the framework's list.
    pub fn unsigned_signoff(&self, party: usize, decision: Decision, comment: &str) -> SignOff {
        let p = &self.framework.parties[party];
        SignOff {
            cycle_due: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            party: p.id.clone(),
            party_name: p.name.clone(),
            party_title: p.title.clone(),
            decision,
            comment: comment.into(),
            signed_at: "2027-01-22T10:15:00Z".into(),
            version_number: self.version,
            version_sha256: self.hash.clone(),
            signed: None,
        }
    }
}

/// The large framework cut down to keep the tests quick, but as wide as the large one: all 60
/// platforms and 40 parties, so the matrix and the RACI chart split across landscape pages.
pub fn wide_framework() -> Framework {
    let mut fw = governance_core::sample::large_framework();
    fw.capabilities.truncate(30);
    let caps: std::collections::HashSet<String> = fw.capabilities.iter().map(|c| c.id.clone()).collect();
    fw.matrix.retain(|c| caps.contains(&c.capability));
    fw.raci.truncate(40);
    fw.data_quality.truncate(12);
    fw
}

/// The starter framework with only its first two parties: a RACI chart with few columns.
pub fn two_party_framework() -> Framework {
    starter_with_parties(2)
}

/// The starter framework with only its first `n` parties, every reference to the others dropped
/// (or, where one is needed, moved to the first party).
pub fn starter_with_parties(n: usize) -> Framework {
    let mut fw = governance_core::starter::starter_framework();
    fw.parties.truncate(n);
    let kept: Vec<String> = fw.parties.iter().map(|p| p.id.clone()).collect();
    let keep = |list: &mut Vec<String>| {
        list.retain(|p| kept.contains(p));
        if list.is_empty() {
            list.push(kept[0].clone());
        }
    };
    for a in &mut fw.raci {
        a.assignments.retain(|x| kept.contains(&x.party));
    }
    for d in &mut fw.data_quality {
        if !kept.contains(&d.owner) {
            d.owner = kept[0].clone();
        }
    }
    for h in &mut fw.hard_stops {
        keep(&mut h.lift_authority);
    }
    keep(&mut fw.override_policy.kill_switch_holders);
    keep(&mut fw.review_schedule.required_signatories);
    fw
}

/// A framework built to break layouts: 200-character names, 20,000-character texts, words with
/// no break opportunity, markup, tabs and line breaks, empty lists and an empty matrix row.
pub fn adversarial_framework() -> Framework {
    let mut fw = governance_core::starter::starter_framework();
    let long_name = format!("{} {}", "Extremely-long-hyphenated-platform-name".repeat(4), "W".repeat(38));
    fw.name = "N".repeat(200);
    fw.organisation = "Organisation ".repeat(15).trim().to_owned();
    fw.platforms[0].name = long_name.chars().take(200).collect();
    fw.capabilities[0].name = "C".repeat(200);
    fw.parties[0].name = "P".repeat(200);
    fw.raci[0].name = "R".repeat(200);
    fw.platforms[1].contract.error_handling =
        "<script>alert('x')</script>\t tabbed\n\n".to_owned() + &"word ".repeat(3_990);
    fw.platforms[2].contract.policy_notes = format!("https://example.com/{}", "a".repeat(5_000));
    fw.platforms[3].contract.data_formats = vec![];
    fw.data_quality[0].validation_rules = (0..60).map(|i| format!("Rule {i}: {}", "x".repeat(150))).collect();
    fw.hard_stops[2].entries = (0..400).map(|i| format!("blocked keyword number {i}")).collect();
    fw.matrix.retain(|c| c.capability != fw.capabilities[1].id);
    fw.description = "Line one\nLine two\n\n\n".repeat(300);
    fw
}

/// Whether an external tool can be run; tests that need it say so and skip when it cannot.
pub fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok {
        eprintln!("skipping: {tool} is not installed (apt-get install poppler-utils qpdf)");
    }
    ok
}

pub fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

pub fn write_pdf(dir: &Path, name: &str, pdf: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("writes the PDF");
    path.to_str().expect("UTF-8 temp path").to_owned()
}

/// pdftotext output with every run of white space collapsed to one space.
pub fn pdf_text(path: &str) -> String {
    let (ok, text) = run("pdftotext", &["-enc", "UTF-8", path, "-"]);
    assert!(ok, "pdftotext failed: {text}");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text of one page (1-based), white space collapsed.
pub fn page_text(path: &str, page: u32) -> String {
    let p = page.to_string();
    let (ok, text) = run("pdftotext", &["-enc", "UTF-8", "-f", &p, "-l", &p, path, "-"]);
    assert!(ok, "pdftotext failed: {text}");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF with the attached file of this relationship (`Source`: the snapshot, `Data`: the
/// manifest) replaced by `bytes`, saved again by lopdf: what someone editing an attachment does.
pub fn with_attachment(pdf: &[u8], relationship: &[u8], bytes: &[u8]) -> Vec<u8> {
    use lopdf::Object;
    let mut d = lopdf::Document::load_mem(pdf).expect("parses");
    let spec = d
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|s| s.get(b"AFRelationship").and_then(Object::as_name).ok() == Some(relationship))
        .expect("the attachment's file specification")
        .clone();
    let ef = spec.get(b"EF").and_then(Object::as_dict).unwrap().get(b"F").and_then(Object::as_reference).unwrap();
    let stream = d.get_object_mut(ef).unwrap().as_stream_mut().unwrap();
    stream.dict.remove(b"Filter");
    stream.set_content(bytes.to_vec());
    let mut out = Vec::new();
    d.save_to(&mut out).expect("saves");
    out
}

/// The attached file of this relationship, decompressed.
pub fn attachment(pdf: &[u8], relationship: &[u8]) -> Vec<u8> {
    use lopdf::Object;
    let d = lopdf::Document::load_mem(pdf).expect("parses");
    let spec = d
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|s| s.get(b"AFRelationship").and_then(Object::as_name).ok() == Some(relationship))
        .expect("the attachment's file specification");
    let ef = spec.get(b"EF").and_then(Object::as_dict).unwrap().get(b"F").and_then(Object::as_reference).unwrap();
    d.get_object(ef).and_then(Object::as_stream).unwrap().decompressed_content().unwrap()
}

/// A certificate PEM that decodes (three bytes of DER): enough for every check but the CMS one.
/// A sign-off of this version by the party at `party` that carries a signed statement saying
/// exactly what the sign-off lists, with `certificate`, for rendering only: the signature bytes
/// are not a real CMS signature, so verify refuses it.
pub fn signoff_with_fake_signature(f: &Fixture, party: usize, certificate: &str) -> SignOff {
    use governance_core::signoff::{SignedStatement, Statement, STATEMENT_KIND, STATEMENT_VERSION};
    let mut s = f.unsigned_signoff(party, Decision::Approved, "Approved after the January review.");
    let statement = Statement {
        kind: STATEMENT_KIND.into(),
        statement_version: STATEMENT_VERSION,
        framework: f.framework.id.clone(),
        version: f.version,
        snapshot_sha256: f.hash.clone(),
        cycle_due: s.cycle_due,
        party: s.party.clone(),
        decision: s.decision,
        comment: s.comment.clone(),
        signed_at: s.signed_at.clone(),
    };
    s.signed = Some(SignedStatement {
        statement: String::from_utf8(statement.to_bytes()).unwrap(),
        signature: "MIIBnotarealsignature".into(),
        certificate: certificate.into(),
    });
    s
}

/// A new signing key for a test signatory, unlocked.
pub fn test_signer(name: &str, party: &str) -> governance_signing::Signer {
    governance_signing::KeyFile::create(name, party, "a test passphrase", chrono::Utc::now())
        .unwrap()
        .unlock("a test passphrase")
        .unwrap()
}

/// A sign-off of this version by the party at `party`, signed for real by `signer`.
pub fn really_signed(f: &Fixture, party: usize, signer: &governance_signing::Signer) -> SignOff {
    use governance_core::signoff::{record_of, Decided, SignedStatement, Statement};
    let decided = Decided { decision: Decision::Approved, comment: "Approved after the January review.".into() };
    let due = f.framework.review_schedule.next_due;
    let when = "2027-01-20T10:00:00Z".parse().unwrap();
    let cert = signer.certificate();
    let mut fw = f.framework.clone();
    fw.parties[party].certificate = Some(cert.to_pem());
    let statement = Statement::for_version(&fw, f.version, &f.hash, due, cert, &decided, when).unwrap();
    let signed = SignedStatement::sign(&statement, signer).unwrap();
    record_of(&statement, &signed, &fw).unwrap()
}

/// `fw` with a certificate registered for the party at `party`.
pub fn with_certificate(mut fw: Framework, party: usize, certificate: &str) -> Framework {
    fw.parties[party].certificate = Some(certificate.into());
    fw
}
