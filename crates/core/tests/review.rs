mod common;

use common::*;
use governance_core::edit::{Edit, EditRequest};
use governance_core::review::{CycleState, Decision};
use governance_core::store::SignOffRequest;
use governance_core::*;

/// A store with the starter published as version 1; returns the required signatories.
fn published() -> (Store, String, Vec<String>) {
    let mut s = Store::open_in_memory().unwrap();
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    s.publish(&fw.id, "First", "setup", today()).unwrap();
    let sig = fw.review_schedule.required_signatories.clone();
    (s, fw.id, sig)
}

fn sign(
    s: &mut Store,
    fw: &str,
    party: &str,
    version: u32,
    decision: Decision,
    comment: &str,
) -> Result<review::ReviewStatus> {
    let req = SignOffRequest { framework: fw.into(), party: party.into(), version, decision, comment: comment.into() };
    s.sign_off(&req, today())
}

fn publish_change(s: &mut Store, fw: &str) {
    let mut p = s.load(fw).unwrap().parties[1].clone();
    p.title.push_str(" (acting)");
    s.apply(&EditRequest { framework: fw.into(), edit: Edit::PutParty { party: p }, expected_version: None }, "x")
        .unwrap();
    s.publish(fw, "Second", "x", today()).unwrap();
}

#[test]
fn a_cycle_becomes_due_and_then_overdue_as_time_passes() {
    let (s, fw, _) = published();
    let due = starter().review_schedule.next_due;
    assert_eq!(s.review_status(&fw, day("2026-12-01")).unwrap().state, CycleState::Upcoming);
    let st = s.review_status(&fw, due - chrono::Days::new(3)).unwrap();
    assert_eq!((st.state, st.days_until_due), (CycleState::Due, 3));
    let st = s.review_status(&fw, due + chrono::Days::new(1)).unwrap();
    assert_eq!((st.state, st.days_until_due), (CycleState::Overdue, -1));
    assert_eq!(st.upcoming.len(), 4);
}

#[test]
fn a_cycle_completes_when_every_required_signatory_approves_the_same_version() {
    let (mut s, fw, sig) = published();
    let due = starter().review_schedule.next_due;
    for (i, p) in sig.iter().enumerate() {
        let st = sign(&mut s, &fw, p, 1, Decision::Approved, "").unwrap();
        if i + 1 < sig.len() {
            assert_eq!(st.due, due, "still open after {} of {}", i + 1, sig.len());
            assert_eq!(st.waiting_for.len(), sig.len() - i - 1);
        } else {
            let last = st.last_completed.unwrap();
            assert_eq!((last.due, last.version_number), (due, 1));
            assert!(st.due > due, "the next cycle is open");
            assert!(st.signoffs.is_empty());
        }
    }
    assert_eq!(s.completed_cycles(&fw).unwrap().len(), 1);
}

#[test]
fn a_rejection_keeps_the_cycle_open_and_shows_why() {
    let (mut s, fw, sig) = published();
    for p in &sig[1..] {
        sign(&mut s, &fw, p, 1, Decision::Approved, "").unwrap();
    }
    let st = sign(&mut s, &fw, &sig[0], 1, Decision::Rejected, "The TikTok spend cap is too high.").unwrap();
    assert!(st.last_completed.is_none());
    assert_eq!(st.rejections.len(), 1);
    assert_eq!(st.rejections[0].comment, "The TikTok spend cap is too high.");
    assert_eq!(st.waiting_for, vec![sig[0].clone()]);
    let err = sign(&mut s, &fw, &sig[0], 1, Decision::Rejected, " ").unwrap_err();
    assert!(err.to_string().contains("needs a comment"), "{err}");
}

#[test]
fn sign_offs_do_not_carry_over_to_a_new_version() {
    let (mut s, fw, sig) = published();
    for p in &sig[1..] {
        sign(&mut s, &fw, p, 1, Decision::Approved, "").unwrap();
    }
    publish_change(&mut s, &fw);
    let st = sign(&mut s, &fw, &sig[0], 2, Decision::Approved, "").unwrap();
    assert!(st.last_completed.is_none(), "approvals of version 1 do not count for version 2");
    assert_eq!(st.waiting_for.len(), sig.len() - 1);
    let v1 = s.versions(&fw).unwrap()[0].sha256.clone();
    let v2 = s.versions(&fw).unwrap()[1].sha256.clone();
    assert_eq!(s.signoffs_for_version(&fw, &v1).unwrap().len(), sig.len() - 1);
    assert_eq!(s.signoffs_for_version(&fw, &v2).unwrap().len(), 1);
    for p in &sig[1..] {
        sign(&mut s, &fw, p, 2, Decision::ApprovedWithComments, "Fine after the interim change.").unwrap();
    }
    assert_eq!(s.completed_cycles(&fw).unwrap()[0].version_number, 2);
}

#[test]
fn a_party_that_is_not_a_required_signatory_is_refused() {
    let (mut s, fw, sig) = published();
    let outsider = starter().parties.into_iter().find(|p| !sig.contains(&p.id)).unwrap();
    let err = sign(&mut s, &fw, &outsider.id, 1, Decision::Approved, "").unwrap_err();
    assert!(err.to_string().contains("not a required signatory"), "{err}");
    assert!(s.review_status(&fw, today()).unwrap().signoffs.is_empty());
    assert_eq!(sign(&mut s, &fw, &sig[0], 9, Decision::Approved, "").unwrap_err().code(), "not_found");
}

#[test]
fn a_second_sign_off_replaces_the_first_and_both_stay_in_the_audit_log() {
    let (mut s, fw, sig) = published();
    sign(&mut s, &fw, &sig[0], 1, Decision::Rejected, "Needs work.").unwrap();
    let st = sign(&mut s, &fw, &sig[0], 1, Decision::Approved, "").unwrap();
    assert_eq!(st.signoffs.len(), 1);
    assert_eq!(st.signoffs[0].decision, Decision::Approved);
    let log: Vec<_> = s.audit_log(&fw, 10).unwrap().into_iter().filter(|e| e.entity.starts_with("signoff[")).collect();
    assert_eq!(log.len(), 2);
    assert!(log[1].new.as_deref().unwrap().starts_with("rejected"));
    assert_eq!(log[0].old.as_deref(), Some("rejected on version 1"));
}
