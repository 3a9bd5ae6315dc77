mod common;

use common::*;
use governance_core::diff::{diff, ChangeKind};

#[test]
fn identical_frameworks_have_no_changes() {
    assert!(diff(&starter(), &starter()).is_empty());
}

#[test]
fn changes_are_named_by_item_id_not_position() {
    let a = starter();
    let mut b = a.clone();
    b.platforms.swap(0, 1);
    b.platforms[0].contract.permission_scopes.push("ads.read".into());
    let moved = b.platforms[0].id.clone();
    let cell = b.matrix.iter_mut().find(|c| c.platform == moved).unwrap();
    cell.evidence = "re-tested".into();
    let key = format!("{}/{}", cell.capability, cell.platform);
    let ch = diff(&a, &b);
    assert_eq!(ch.len(), 2, "{ch:#?}");
    assert_eq!(ch[0].path, format!("platforms[{moved}].contract.permission_scopes"));
    assert_eq!(ch[0].kind, ChangeKind::Changed);
    assert_eq!(ch[1].path, format!("matrix[{key}].evidence"));
}

#[test]
fn added_and_removed_items_are_reported_whole() {
    let a = starter();
    let mut b = a.clone();
    let gone = b.parties.remove(b.parties.len() - 1);
    let mut extra = b.raci[0].clone();
    extra.id = "new-activity".into();
    b.raci.push(extra);
    let ch = diff(&a, &b);
    assert!(ch.iter().any(|c| c.kind == ChangeKind::Removed && c.path == format!("parties[{}]", gone.id)));
    assert!(ch.iter().any(|c| c.kind == ChangeKind::Added && c.path == "raci[new-activity]" && c.new.is_some()));
}
