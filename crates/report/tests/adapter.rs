//! The adapter from core's published-version data: `render_version` shows exactly what a
//! `ReportData` holds, built here from domain types alone (the report knows no store).

mod common;

use chrono::NaiveDate;
use common::{have, pdf_text, write_pdf, Fixture};
use governance_core::review::{Decision, SignOff};
use governance_core::version::{ReportData, VersionInfo};
use governance_report::{embedded_snapshot, render, render_version, SignOffRow};

fn signoff(f: &Fixture, signed_at: &str) -> SignOff {
    SignOff {
        cycle_due: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        party: "eleanor-voss".into(),
        party_name: "Eleanor Voss".into(),
        party_title: "Senior Legal Counsel".into(),
        decision: Decision::ApprovedWithComments,
        comment: "Tighten the TikTok constraints next quarter.".into(),
        signed_at: signed_at.into(),
        version_number: 1,
        version_sha256: f.hash.clone(),
        signed: None,
    }
}

fn report_data(f: &Fixture, signoffs: Vec<SignOff>) -> ReportData {
    ReportData {
        info: VersionInfo {
            framework: f.framework.id.clone(),
            number: f.version,
            published_at: f.published_at.to_rfc3339(),
            author: "Dana Okafor".into(),
            summary: "First published version, reviewed with legal and security.".into(),
            sha256: f.hash.clone(),
            previous_sha256: None,
        },
        framework: f.framework.clone(),
        findings: f.findings.clone(),
        changes: Vec::new(),
        signoffs,
        snapshot: f.json.clone(),
        published_at: f.published_at,
    }
}

#[test]
fn a_version_renders_from_report_data_exactly_as_from_the_same_report_input() {
    let mut f = Fixture::starter();
    // Signed at 09:30 in UTC+1: the report prints the UTC time, with the decision's label.
    let data = report_data(&f, vec![signoff(&f, "2026-11-27T09:30:00+01:00")]);
    let from_data = render_version(&data).expect("renders");
    f.signoffs = vec![SignOffRow {
        name: "Eleanor Voss".into(),
        role: "Senior Legal Counsel".into(),
        decision: Decision::ApprovedWithComments,
        date: "2026-11-27 08:30 UTC".into(),
        comment: "Tighten the TikTok constraints next quarter.".into(),
        version_hash: f.hash.clone(),
    }];
    let from_input = render(&f.input()).expect("renders");
    assert!(from_data.pdf == from_input.pdf, "render_version and render of the same content differ");
    assert!(embedded_snapshot(&from_data.pdf).unwrap() == data.snapshot);
}

#[test]
fn a_sign_off_time_that_is_not_rfc3339_is_printed_as_stored() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::starter();
    let data = report_data(&f, vec![signoff(&f, "late November")]);
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "v1.pdf", &render_version(&data).unwrap().pdf);
    let text = pdf_text(&path);
    assert!(text.contains("Eleanor Voss") && text.contains("late November"), "{text}");
}
