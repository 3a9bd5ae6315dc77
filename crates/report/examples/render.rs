//! Renders a report to a file, for looking at: `cargo run -p governance-report --example render --
//! [starter|v2|large] OUT.pdf`. `v2` is a second version of the starter with changes and sign-offs.

use chrono::{NaiveDate, TimeZone, Utc};
use governance_core::interchange::to_canonical_json;
use governance_core::review::Decision;
use governance_report::{render, ReportInput, SignOffRow};
use sha2::{Digest, Sha256};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("starter");
    let out = args.get(2).cloned().unwrap_or_else(|| format!("/tmp/{which}.pdf"));
    let starter = governance_core::starter::starter_framework();
    let fw = match which {
        "large" => governance_core::sample::large_framework(),
        "v2" => {
            let mut fw = starter.clone();
            fw.platforms[0].contract.required_latency.amount = 30;
            fw.capabilities[2].risk = governance_core::RiskLevel::Medium;
            fw.hard_stops.remove(1);
            fw.raci[0].name.push_str(" (incl. creator programmes)");
            fw
        }
        _ => starter.clone(),
    };
    let hex = |b: &[u8]| -> String { Sha256::digest(b).iter().map(|b| format!("{b:02x}")).collect() };
    let json = to_canonical_json(&fw);
    let hash = hex(&json);
    let previous = hex(&to_canonical_json(&starter));
    let v2 = which == "v2";
    let changes = if v2 { governance_core::diff::diff(&starter, &fw) } else { Vec::new() };
    let signoffs = if v2 {
        vec![
            SignOffRow {
                name: "Dana Okafor".into(),
                role: "Chief Marketing Officer".into(),
                decision: Decision::Approved,
                date: "2027-01-21".into(),
                comment: String::new(),
                version_hash: hash.clone(),
            },
            SignOffRow {
                name: "Eleanor Voss".into(),
                role: "Senior Legal Counsel, Marketing and Consumer Law".into(),
                decision: Decision::ApprovedWithComments,
                date: "2027-01-22".into(),
                comment: "Approved. Tighten the TikTok constraints before the next review.".into(),
                version_hash: previous.clone(),
            },
        ]
    } else {
        Vec::new()
    };
    let findings = governance_core::validate(&fw, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    let input = ReportInput {
        framework: &fw,
        findings: &findings,
        version: if v2 { 2 } else { 1 },
        published_at: Utc.with_ymd_and_hms(2026, 11, 26, 11, 39, 9).unwrap(),
        author: "Dana Okafor",
        summary: if v2 {
            "Google Ads latency relaxed to 30 minutes; budget pacing re-rated medium risk; one hard stop retired."
        } else {
            "First published version, from the starter template."
        },
        snapshot_sha256: &hash,
        previous_sha256: v2.then_some(previous.as_str()),
        changes: &changes,
        signoffs: &signoffs,
        snapshot_json: &json,
    };
    let t = std::time::Instant::now();
    let r = render(&input).expect("renders");
    eprintln!("{} pages, {} bytes, {:?}, missing {:?}", r.pages, r.pdf.len(), t.elapsed(), r.missing_glyphs);
    std::fs::write(&out, &r.pdf).expect("writes");
}
