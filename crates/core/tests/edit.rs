mod common;

use common::*;
use governance_core::edit::{Details, Edit, EditRequest, ListKind};
use governance_core::*;

fn store_with_starter() -> (Store, String) {
    let mut s = new_store();
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    (s, fw.id)
}

fn req(fw: &str, edit: Edit) -> EditRequest {
    EditRequest { framework: fw.to_owned(), edit, expected_version: None }
}

fn versioned(fw: &str, edit: Edit, v: i64) -> EditRequest {
    EditRequest { framework: fw.to_owned(), edit, expected_version: Some(v) }
}

#[test]
fn an_edit_changes_one_field_and_writes_one_audit_row() {
    let (mut s, id) = store_with_starter();
    let mut p = s.load(&id).unwrap().platforms[2].clone();
    p.contract.required_latency.amount = 45;
    let out = s.apply(&req(&id, Edit::PutPlatform { platform: p.clone() }), "ann").unwrap();
    assert_eq!(out.changes, 1);
    assert_eq!(s.load(&id).unwrap().platforms[2], p);
    let log = s.audit_log(&id, 1).unwrap();
    assert_eq!(log[0].entity, format!("platforms[{}]", p.id));
    assert_eq!(log[0].field, "contract.required_latency.amount");
    assert_eq!(log[0].new.as_deref(), Some("45"));
    assert_eq!(log[0].actor, s.actor("ann"), "on a team server the actor is the signed-in role");
}

#[test]
fn an_edit_based_on_a_stale_version_is_refused_and_changes_nothing() {
    let (mut s, id) = store_with_starter();
    let view = s.open_view(&id, today()).unwrap();
    let key = format!("parties/{}", view.framework.parties[0].id);
    let v = view.versions[&key];
    let mut first = view.framework.parties[0].clone();
    first.title = "Chief Marketing Officer (acting)".into();
    s.apply(&versioned(&id, Edit::PutParty { party: first.clone() }, v), "window-a").unwrap();
    let mut second = view.framework.parties[0].clone();
    second.title = "Something else".into();
    let err = s.apply(&versioned(&id, Edit::PutParty { party: second }, v), "window-b").unwrap_err();
    assert_eq!(err.code(), "stale");
    assert!(err.to_string().contains("changed elsewhere"), "{err}");
    assert_eq!(s.load(&id).unwrap().parties[0], first);
    let fresh = s.open_view(&id, today()).unwrap().versions[&key];
    assert_eq!(fresh, v + 1);
}

#[test]
fn versions_of_different_records_are_independent() {
    let (mut s, id) = store_with_starter();
    let view = s.open_view(&id, today()).unwrap();
    let fw = view.framework.clone();
    let mut op = fw.override_policy.clone();
    op.notes = "Tested again.".into();
    s.apply(&versioned(&id, Edit::SetOverridePolicy { policy: op }, view.versions["override_policy"]), "a").unwrap();
    let details = Details {
        name: "Renamed".into(),
        organisation: fw.organisation.clone(),
        description: fw.description.clone(),
        jurisdictions: fw.jurisdictions.clone(),
    };
    s.apply(&versioned(&id, Edit::SetDetails { details }, view.versions["details"]), "b").unwrap();
    assert_eq!(s.load(&id).unwrap().name, "Renamed");
}

#[test]
fn an_edit_that_breaks_an_integrity_rule_is_refused_with_the_field() {
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let mut d = before.data_quality[0].clone();
    d.min_completeness_pct = 140.0;
    let err = s.apply(&req(&id, Edit::PutDataQuality { standard: d.clone() }), "a").unwrap_err();
    match &err {
        Error::Invalid(f) => {
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].path, format!("data_quality[{}].min_completeness_pct", d.id));
        }
        other => panic!("{other:?}"),
    }
    d.min_completeness_pct = 90.0;
    d.owner = "nobody".into();
    assert_eq!(s.apply(&req(&id, Edit::PutDataQuality { standard: d }), "a").unwrap_err().code(), "invalid");
    assert_eq!(s.load(&id).unwrap(), before);
    assert_eq!(s.audit_log(&id, 10).unwrap().len(), 1);
}

#[test]
fn setting_a_second_accountable_shows_the_finding_and_clearing_it_removes_it() {
    let (mut s, id) = store_with_starter();
    let fw = s.load(&id).unwrap();
    let act = &fw.raci[0];
    let other = fw.parties.iter().find(|p| !act.assignments.iter().any(|x| x.party == p.id)).unwrap();
    s.apply(
        &req(&id, Edit::SetLetter { activity: act.id.clone(), party: other.id.clone(), role: Some(RaciRole::A) }),
        "a",
    )
    .unwrap();
    let f = s.open_view(&id, today()).unwrap().findings;
    assert!(errors(&f).iter().any(|x| x.message.contains("2 Accountable")));
    s.apply(&req(&id, Edit::SetLetter { activity: act.id.clone(), party: other.id.clone(), role: None }), "a").unwrap();
    assert!(errors(&s.open_view(&id, today()).unwrap().findings).is_empty());
    assert_eq!(s.load(&id).unwrap().raci[0], *act);
}

#[test]
fn undo_takes_back_edits_newest_first() {
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let mut cell = before.matrix[0].clone();
    cell.support = Support::Partial;
    cell.mode = OperatingMode::Constrained;
    cell.constraints = "Read-only reporting access".into();
    s.apply(&req(&id, Edit::PutCell { cell }), "a").unwrap();
    let mut hs = before.hard_stops[0].clone();
    hs.notes = "Reviewed".into();
    s.apply(&req(&id, Edit::PutHardStop { stop: hs }), "a").unwrap();
    assert_eq!(s.undo_labels(&id, "a").unwrap().len(), 2);
    assert!(s.undo(&id, "a").unwrap().label.contains("hard stop"));
    assert!(s.undo(&id, "a").unwrap().label.contains("cell"));
    assert_eq!(s.load(&id).unwrap(), before);
    assert_eq!(s.undo(&id, "a").unwrap_err().code(), "not_found");
}

#[test]
fn removing_a_platform_takes_its_cells_and_references_and_undo_restores_all() {
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let p = before.platforms[2].id.clone();
    let impact = s.removal_impact(&id, &Edit::RemovePlatform { id: p.clone() }).unwrap();
    assert!(impact[0].contains(&format!("{} matrix cell(s)", before.capabilities.len())), "{impact:?}");
    s.apply(&req(&id, Edit::RemovePlatform { id: p.clone() }), "a").unwrap();
    let after = s.load(&id).unwrap();
    assert!(!after.platforms.iter().any(|x| x.id == p));
    assert!(!after.matrix.iter().any(|c| c.platform == p));
    assert!(!after.hard_stops.iter().any(|h| h.platforms.contains(&p)));
    assert!(!after.data_quality.iter().any(|d| d.source_platform.as_ref() == Some(&p)));
    s.undo(&id, "a").unwrap();
    assert_eq!(s.load(&id).unwrap(), before);
}

#[test]
fn a_party_that_owns_data_quality_standards_cannot_be_removed() {
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let owner = before.data_quality[0].owner.clone();
    let err = s.apply(&req(&id, Edit::RemoveParty { id: owner }), "a").unwrap_err();
    assert!(err.to_string().contains("another owner"), "{err}");
    assert_eq!(s.load(&id).unwrap(), before);
}

#[test]
fn removing_and_moving_list_items_keeps_order_and_undo_puts_them_back() {
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let act = before.raci[3].id.clone();
    s.apply(&req(&id, Edit::RemoveActivity { id: act.clone() }), "a").unwrap();
    assert_eq!(s.load(&id).unwrap().raci.len(), before.raci.len() - 1);
    s.undo(&id, "a").unwrap();
    assert_eq!(s.load(&id).unwrap(), before);
    let cap = before.capabilities[0].id.clone();
    s.apply(&req(&id, Edit::Move { list: ListKind::Capabilities, id: cap.clone(), to: 99 }), "a").unwrap();
    assert_eq!(s.load(&id).unwrap().capabilities.last().unwrap().id, cap);
    s.undo(&id, "a").unwrap();
    assert_eq!(s.load(&id).unwrap(), before);
}

#[test]
fn undo_is_refused_after_someone_else_changed_the_draft() {
    let (mut s, id) = store_with_starter();
    let fw = s.load(&id).unwrap();
    let mut p = fw.parties[1].clone();
    p.title = "Mine".into();
    s.apply(&req(&id, Edit::PutParty { party: p }), "me").unwrap();
    let mut other = fw.clone();
    other.description = "Changed by an import".into();
    s.import(&other, "someone").unwrap();
    assert_eq!(s.undo(&id, "me").unwrap_err().code(), "stale");
    assert_eq!(s.load(&id).unwrap().description, "Changed by an import");
}

#[test]
fn frameworks_can_be_created_duplicated_and_deleted() {
    let mut s = new_store();
    let a = s.create_framework("Brand A", true, today(), "a").unwrap();
    let b = s.create_framework("Brand A", false, today(), "a").unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("brand-a", "brand-a-2"));
    let empty = s.load(&b).unwrap();
    assert!(empty.parties.is_empty() && empty.matrix.is_empty());
    assert_eq!(empty.review_schedule.next_due, day("2027-02-26"));
    let c = s.duplicate_framework(&a, "Brand C", "a").unwrap();
    let (fa, fc) = (s.load(&a).unwrap(), s.load(&c).unwrap());
    assert_eq!(fc.name, "Brand C");
    assert_eq!(fc.matrix, fa.matrix);
    s.delete_framework(&a, "a").unwrap();
    assert_eq!(s.load(&a).unwrap_err().code(), "not_found");
    assert_eq!(s.list_frameworks().unwrap().len(), 2);
    assert!(s.audit_log(&a, 5).unwrap()[0].old.as_deref() == Some("Brand A"));
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let (mut s, id) = store_with_starter();
    let p = s.load(&id).unwrap().parties[0].clone();
    let out = s.apply(&req(&id, Edit::PutParty { party: p }), "a").unwrap();
    assert_eq!(out.changes, 0);
    assert!(s.undo_labels(&id, "a").unwrap().is_empty());
    assert_eq!(s.audit_log(&id, 10).unwrap().len(), 1);
}

#[test]
fn one_persons_undo_never_takes_back_another_persons_edit() {
    if on_server() {
        // On a server a person is a role, whatever name is given; `team.rs` signs in as two.
        return;
    }
    let (mut s, id) = store_with_starter();
    let before = s.load(&id).unwrap();
    let mut party = before.parties[0].clone();
    party.title = "Edited by A".into();
    s.apply(&req(&id, Edit::PutParty { party }), "a").unwrap();
    let mut stop = before.hard_stops[0].clone();
    stop.notes = "Edited by B".into();
    s.apply(&req(&id, Edit::PutHardStop { stop }), "b").unwrap();
    assert_eq!(s.undo_labels(&id, "b").unwrap().len(), 1, "B sees only B's own step");

    // A's newest step is older than B's edit, so undoing it could overwrite B's work: refused.
    assert_eq!(s.undo(&id, "a").unwrap_err().code(), "stale");
    assert!(s.undo_labels(&id, "a").unwrap().is_empty());
    assert!(s.undo(&id, "b").unwrap().label.contains("hard stop"));
    let after = s.load(&id).unwrap();
    assert_eq!(after.parties[0].title, "Edited by A", "B's undo left A's edit alone");
    assert_eq!(after.hard_stops[0], before.hard_stops[0]);
}
