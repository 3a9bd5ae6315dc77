mod common;

use chrono::Utc;
use common::*;
use governance_core::edit::{Edit, EditRequest};
use governance_core::review::{CycleState, Decision};
use governance_core::signoff::{Decided, SignedStatement};
use governance_core::*;
use governance_signing::{KeyFile, Signer};

/// A store with the starter published as version 1, each required signatory holding a key
/// whose certificate is registered in that version.
struct Published {
    store: Store,
    fw: String,
    signers: Vec<(String, Signer)>,
}

fn key_for(name: &str, party: &str) -> Signer {
    KeyFile::create(name, party, "correct horse", Utc::now()).unwrap().unlock("correct horse").unwrap()
}

fn edit(s: &mut Store, fw: &str, edit: Edit) {
    s.apply(&EditRequest { framework: fw.into(), edit, expected_version: None }, "setup").unwrap();
}

fn published() -> Published {
    let mut store = new_store();
    let fw = starter();
    store.import(&fw, "setup").unwrap();
    let mut signers = Vec::new();
    for id in &fw.review_schedule.required_signatories {
        let party = fw.parties.iter().find(|p| &p.id == id).unwrap();
        let signer = key_for(&party.name, id);
        let certificate = Some(signer.certificate().to_pem());
        edit(&mut store, &fw.id, Edit::SetCertificate { party: id.clone(), certificate });
        signers.push((id.clone(), signer));
    }
    store.publish(&fw.id, "First", "setup", today()).unwrap();
    Published { store, fw: fw.id, signers }
}

impl Published {
    fn signer(&self, i: usize) -> &Signer {
        &self.signers[i].1
    }

    fn signed(&self, signer: &Signer, version: u32, decision: Decision, comment: &str) -> Result<SignedStatement> {
        let decided = Decided { decision, comment: comment.into() };
        let statement = self.store.statement_for(&self.fw, version, signer.certificate(), &decided, Utc::now())?;
        SignedStatement::sign(&statement, signer)
    }

    fn sign(&mut self, i: usize, version: u32, decision: Decision, comment: &str) -> Result<review::ReviewStatus> {
        let signed = self.signed(&self.signers[i].1, version, decision, comment)?;
        self.store.record_signoff(&signed, today()).map(|r| r.status)
    }

    fn publish_change(&mut self) {
        let mut p = self.store.load(&self.fw).unwrap().parties[1].clone();
        p.title.push_str(" (acting)");
        edit(&mut self.store, &self.fw, Edit::PutParty { party: p });
        self.store.publish(&self.fw, "Second", "x", today()).unwrap();
    }
}

#[test]
fn a_cycle_becomes_due_and_then_overdue_as_time_passes() {
    let p = published();
    let due = starter().review_schedule.next_due;
    assert_eq!(p.store.review_status(&p.fw, day("2026-12-01")).unwrap().state, CycleState::Upcoming);
    let st = p.store.review_status(&p.fw, due - chrono::Days::new(3)).unwrap();
    assert_eq!((st.state, st.days_until_due), (CycleState::Due, 3));
    let st = p.store.review_status(&p.fw, due + chrono::Days::new(1)).unwrap();
    assert_eq!((st.state, st.days_until_due), (CycleState::Overdue, -1));
    assert_eq!(st.upcoming.len(), 4);
}

#[test]
fn a_cycle_completes_when_every_required_signatory_signs_an_approval_of_the_same_version() {
    let mut p = published();
    let due = starter().review_schedule.next_due;
    let n = p.signers.len();
    for i in 0..n {
        let st = p.sign(i, 1, Decision::Approved, "").unwrap();
        if i + 1 < n {
            assert_eq!(st.due, due, "still open after {} of {n}", i + 1);
            assert_eq!(st.waiting_for.len(), n - i - 1);
            assert!(st.signoffs.iter().all(|s| s.signed.is_some()));
        } else {
            let last = st.last_completed.unwrap();
            assert_eq!((last.due, last.version_number), (due, 1));
            assert!(st.due > due, "the next cycle is open");
            assert!(st.signoffs.is_empty());
        }
    }
    assert_eq!(p.store.completed_cycles(&p.fw).unwrap().len(), 1);
}

#[test]
fn a_rejection_keeps_the_cycle_open_and_shows_why() {
    let mut p = published();
    for i in 1..p.signers.len() {
        p.sign(i, 1, Decision::Approved, "").unwrap();
    }
    let st = p.sign(0, 1, Decision::Rejected, "The TikTok spend cap is too high.").unwrap();
    assert!(st.last_completed.is_none());
    assert_eq!(st.rejections.len(), 1);
    assert_eq!(st.rejections[0].comment, "The TikTok spend cap is too high.");
    assert_eq!(st.waiting_for, vec![p.signers[0].0.clone()]);
    let err = p.sign(0, 1, Decision::Rejected, " ").unwrap_err();
    assert_eq!(err.code(), "invalid");
    assert_eq!(err.findings()[0].field, "comment");
}

#[test]
fn sign_offs_do_not_carry_over_to_a_new_version() {
    let mut p = published();
    let n = p.signers.len();
    for i in 1..n {
        p.sign(i, 1, Decision::Approved, "").unwrap();
    }
    p.publish_change();
    let st = p.sign(0, 2, Decision::Approved, "").unwrap();
    assert!(st.last_completed.is_none(), "approvals of version 1 do not count for version 2");
    assert_eq!(st.waiting_for.len(), n - 1);
    let versions = p.store.versions(&p.fw).unwrap();
    assert_eq!(p.store.signoffs_for_version(&p.fw, &versions[0].sha256).unwrap().len(), n - 1);
    assert_eq!(p.store.signoffs_for_version(&p.fw, &versions[1].sha256).unwrap().len(), 1);
    for i in 1..n {
        p.sign(i, 2, Decision::ApprovedWithComments, "Fine after the interim change.").unwrap();
    }
    assert_eq!(p.store.completed_cycles(&p.fw).unwrap()[0].version_number, 2);
}

#[test]
fn nobody_can_sign_in_anothers_name_or_without_a_registered_certificate() {
    let mut p = published();
    // A statement made for party 0, signed with party 1's key.
    let for_first = p.signed(p.signer(0), 1, Decision::Approved, "").unwrap();
    let forged =
        SignedStatement::sign(&signoff::Statement::from_bytes(for_first.statement.as_bytes()).unwrap(), p.signer(1))
            .unwrap();
    let err = p.store.record_signoff(&forged, today()).unwrap_err();
    assert_eq!(err.code(), "refused");
    assert!(err.to_string().contains("is registered for"), "{err}");
    // A key nobody registered.
    let stranger = key_for("Mallory", "mallory");
    let err = p.signed(&stranger, 1, Decision::Approved, "").unwrap_err();
    assert!(err.to_string().contains("not registered for any party"), "{err}");
    assert!(p.store.review_status(&p.fw, today()).unwrap().signoffs.is_empty(), "nothing was recorded");
    assert_eq!(p.sign(0, 9, Decision::Approved, "").unwrap_err().code(), "not_found");
}

#[test]
fn a_statement_changed_after_it_was_signed_is_refused() {
    let mut p = published();
    let mut signed = p.signed(p.signer(0), 1, Decision::ApprovedWithComments, "Approved for one quarter.").unwrap();
    signed.statement = signed.statement.replace("one quarter", "two years");
    let err = p.store.record_signoff(&signed, today()).unwrap_err();
    assert!(err.to_string().contains("signature does not hold"), "{err}");
    assert!(p.store.review_status(&p.fw, today()).unwrap().signoffs.is_empty());
}

#[test]
fn recording_the_same_signed_sign_off_twice_keeps_it_once() {
    let mut p = published();
    let signed = p.signed(p.signer(0), 1, Decision::Approved, "").unwrap();
    assert!(p.store.record_signoff(&signed, today()).unwrap().recorded);
    let again = p.store.record_signoff(&signed, today()).unwrap();
    assert!(!again.recorded);
    assert_eq!(again.status.signoffs.len(), 1);
    let rows = p.store.audit_log(&p.fw, 50).unwrap();
    assert_eq!(rows.iter().filter(|e| e.entity.starts_with("signoff[")).count(), 1);
}

#[test]
fn a_party_that_is_not_a_required_signatory_is_refused_even_with_a_registered_key() {
    let mut p = published();
    let sig = starter().review_schedule.required_signatories;
    let outsider = starter().parties.into_iter().find(|x| !sig.contains(&x.id)).unwrap();
    let key = key_for(&outsider.name, &outsider.id);
    let certificate = Some(key.certificate().to_pem());
    edit(&mut p.store, &p.fw, Edit::SetCertificate { party: outsider.id.clone(), certificate });
    p.publish_change();
    let signed = p.signed(&key, 2, Decision::Approved, "").unwrap();
    let err = p.store.record_signoff(&signed, today()).unwrap_err();
    assert!(err.to_string().contains("not a required signatory"), "{err}");
}

#[test]
fn a_second_sign_off_replaces_the_first_and_both_stay_in_the_audit_log() {
    let mut p = published();
    p.sign(0, 1, Decision::Rejected, "Needs work.").unwrap();
    let st = p.sign(0, 1, Decision::Approved, "").unwrap();
    assert_eq!(st.signoffs.len(), 1);
    assert_eq!(st.signoffs[0].decision, Decision::Approved);
    let log: Vec<_> =
        p.store.audit_log(&p.fw, 10).unwrap().into_iter().filter(|e| e.entity.starts_with("signoff[")).collect();
    assert_eq!(log.len(), 2);
    assert!(log[1].new.as_deref().unwrap().starts_with("rejected"));
    assert_eq!(log[0].old.as_deref(), Some("rejected on version 1"));
}
