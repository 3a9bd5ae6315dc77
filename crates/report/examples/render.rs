//! Renders a report to a file, for looking at and for the samples in `tests/samples/`:
//! `cargo run -p governance-report --example render -- [starter|v2|large|scripts] OUT.pdf`. `v2` is a
//! second version of the starter with changes and an unsigned sign-off recorded before signing
//! certificates (and, since report format 4, a compliance rule and a hard stop's obligations changed).
//! `FRAMEWORK=FILE.json` renders that interchange file instead of the starter.

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::{NaiveDate, TimeZone, Utc};
use governance_core::interchange::to_canonical_json;
use governance_core::review::{Decision, SignOff};
use governance_core::version::{sha256_hex, ReportData, VersionInfo};
use governance_report::render_version;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("starter");
    let out = args.get(2).cloned().unwrap_or_else(|| format!("/tmp/{which}.pdf"));
    let starter = match std::env::var("FRAMEWORK") {
        Ok(path) => governance_core::interchange::parse(&std::fs::read(&path).expect("reads FRAMEWORK"))
            .expect("FRAMEWORK is a framework"),
        Err(_) => governance_core::starter::starter_framework(),
    };
    let v2 = which == "v2";
    let fw = match which {
        "large" => governance_core::sample::large_framework(),
        "scripts" => governance_core::scripts::scripts_framework(),
        "large-scripts" => governance_core::scripts::large_scripts_framework(),
        "heavy" => governance_core::scripts::text_heavy_framework(),
        "v2" => {
            let mut fw = starter.clone();
            fw.platforms[0].contract.required_latency.amount = 30;
            fw.capabilities[2].risk = governance_core::RiskLevel::Medium;
            fw.hard_stops.remove(1);
            fw.raci[0].name.push_str(" (incl. creator programmes)");
            // A rule and a link changed (report format 4 names them; the starter had no rules
            // when the format-2 sample was made).
            if let Some(r) = fw.compliance_rules.first_mut() {
                r.requirement.push_str(" Opt-outs are honoured within 24 hours on every platform.");
                if !r.enforced_by.contains(&governance_core::Enforcement::PrePublicationCheck) {
                    r.enforced_by.push(governance_core::Enforcement::PrePublicationCheck);
                }
            }
            if let Some(h) = fw.hard_stops.first_mut() {
                h.obligations.push("nist-ai-rmf-manage-2.4".into());
            }
            fw
        }
        _ => starter.clone(),
    };
    let snapshot = to_canonical_json(&fw);
    let sha256 = sha256_hex(&snapshot);
    let published_at = if v2 {
        Utc.with_ymd_and_hms(2027, 1, 20, 9, 5, 0).unwrap()
    } else {
        Utc.with_ymd_and_hms(2026, 11, 26, 11, 39, 9).unwrap()
    };
    let legal = &fw.parties[1];
    let signoffs = if v2 {
        vec![SignOff {
            cycle_due: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
            party: legal.id.clone(),
            party_name: legal.name.clone(),
            party_title: legal.title.clone(),
            decision: Decision::ApprovedWithComments,
            comment: "Approved. Tighten the TikTok constraints before the next review.".into(),
            signed_at: "2027-01-22T10:15:00Z".into(),
            version_number: 2,
            version_sha256: sha256.clone(),
            signed: None,
        }]
    } else {
        Vec::new()
    };
    let data = ReportData {
        info: VersionInfo {
            framework: fw.id.clone(),
            number: if v2 { 2 } else { 1 },
            published_at: published_at.to_rfc3339(),
            author: "Dana Okafor".into(),
            summary: if v2 {
                "Google Ads latency relaxed to 30 minutes; budget pacing re-rated medium risk; one hard stop retired."
            } else {
                "First published version, from the starter template."
            }
            .into(),
            sha256,
            previous_sha256: v2.then(|| sha256_hex(&to_canonical_json(&starter))),
        },
        findings: governance_core::validate(&fw, published_at.date_naive()),
        changes: if v2 { governance_core::diff::diff(&starter, &fw) } else { Vec::new() },
        framework: fw,
        signoffs,
        review_cycle_due: "2027-01-15".parse().unwrap(),
        snapshot,
        published_at,
        catalogues: governance_core::obligations::catalogues().to_vec(),
    };
    let t = std::time::Instant::now();
    // FORMAT=2 renders in an older report format, for comparing.
    let r = match std::env::var("FORMAT").ok().and_then(|f| f.parse().ok()) {
        Some(n) => governance_report::formats::render(n, &data).expect("a format this app renders").expect("renders"),
        None => render_version(&data).expect("renders"),
    };
    eprintln!("{} pages, {} bytes, {:?}, missing {:?}", r.pages, r.pdf.len(), t.elapsed(), r.missing_glyphs);
    std::fs::write(&out, &r.pdf).expect("writes");
}
