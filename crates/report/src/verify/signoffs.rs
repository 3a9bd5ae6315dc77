//! The sign-offs a report lists, checked as far as that is possible without cryptography: each
//! names this version, its party is in the snapshot, and a signed one's statement says what the
//! page shows and comes with the certificate registered for its party; and a signed one's CMS
//! signature holds over its statement.

use governance_core::review::SignOff;
use governance_core::signoff::{SignedStatement, Statement};
use governance_core::text::quoted;
use governance_core::version::ReportData;

use super::{CheckKind, Outcome, Verification};

pub(super) fn check(v: &mut Verification, data: &ReportData) {
    for (i, s) in data.signoffs.iter().enumerate() {
        let n = i + 1;
        let who = format!("sign-off {n} ({}, {})", s.party_name, s.decision.label().to_lowercase());
        let problems = problems(data, s);
        if !problems.is_empty() {
            v.push(CheckKind::SignOff(n), Outcome::Failed, format!("{who}: {}", problems.join("; ")));
        } else if s.signed.is_some() {
            v.push(
                CheckKind::SignOff(n),
                Outcome::Passed,
                format!("{who}: its signed statement names this version and its certificate is the party's"),
            );
        } else {
            v.push(
                CheckKind::SignOff(n),
                Outcome::Passed,
                format!("{who}: names this version; unsigned (recorded before signing certificates)"),
            );
        }
        if let Some(signed) = &s.signed {
            let registered =
                data.framework.parties.iter().find(|p| p.id == s.party).and_then(|p| p.certificate.as_deref());
            let (outcome, message) = check_signature(signed, registered);
            v.push(CheckKind::Signature(n), outcome, format!("{who}: {message}"));
        }
    }
}

/// The CMS signature over the statement, made with the certificate registered for its party.
fn check_signature(signed: &SignedStatement, registered: Option<&str>) -> (Outcome, String) {
    let Some(registered) = registered else {
        return (Outcome::Failed, "its signature cannot hold: no certificate is registered for its party".into());
    };
    match governance_core::signoff::certificate(registered).and_then(|c| signed.verify(&c)) {
        Ok(_) => (Outcome::Passed, "its CMS signature over the statement holds, by the registered certificate".into()),
        Err(e) => (Outcome::Failed, e.to_string()),
    }
}

/// The DER of a PEM certificate; `None` when it is not readable.
fn der(pem: &str) -> Option<Vec<u8>> {
    governance_signing::Certificate::from_pem(pem).ok().map(|c| c.der().to_vec())
}

/// What is wrong with one sign-off, in words; empty when nothing is.
fn problems(data: &ReportData, s: &SignOff) -> Vec<String> {
    let info = &data.info;
    let mut out = Vec::new();
    if s.version_sha256 != info.sha256 || s.version_number != info.number {
        out.push(format!(
            "it is listed for version {} (SHA-256 {}), not for this version {}",
            s.version_number,
            short(&s.version_sha256),
            info.number
        ));
    }
    let party = data.framework.parties.iter().find(|p| p.id == s.party);
    if party.is_none() {
        out.push(format!("party {} is not in this version's framework", quoted(&s.party)));
    }
    let Some(signed) = &s.signed else { return out };
    match Statement::from_bytes(signed.statement.as_bytes()) {
        Err(e) => out.push(format!("its signed statement: {e}")),
        Ok(st) => out.extend(statement_mismatches(data, s, &st)),
    }
    match (party.and_then(|p| p.certificate.as_deref()), der(&signed.certificate)) {
        (_, None) => out.push("its certificate is not a readable PEM certificate".into()),
        (None, _) if party.is_some() => {
            out.push(format!("party {} has no certificate in this version", quoted(&s.party)))
        }
        (Some(registered), Some(embedded)) if der(registered).as_deref() != Some(embedded.as_slice()) => out
            .push(format!("its certificate is not the one registered for party {} in this version", quoted(&s.party))),
        _ => {}
    }
    out
}

/// Where the signed statement says something other than this report and its sign-off list.
fn statement_mismatches(data: &ReportData, s: &SignOff, st: &Statement) -> Vec<String> {
    let info = &data.info;
    let mut out = Vec::new();
    let mut differ = |what: &str, signed: String, here: String| {
        if signed != here {
            out.push(format!("the signed statement names {what} {}, not {}", quoted(&signed), quoted(&here)));
        }
    };
    differ("framework", st.framework.clone(), info.framework.clone());
    differ("version", st.version.to_string(), info.number.to_string());
    differ("snapshot SHA-256", st.snapshot_sha256.clone(), info.sha256.clone());
    differ("the review cycle due", st.cycle_due.to_string(), s.cycle_due.to_string());
    differ("party", st.party.clone(), s.party.clone());
    differ("decision", st.decision.label().to_owned(), s.decision.label().to_owned());
    differ("comment", st.comment.clone(), s.comment.clone());
    differ("signing time", st.signed_at.clone(), s.signed_at.clone());
    out
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
