//! Carrying out one edit inside a transaction: one function per kind of edit. Each checks the
//! integrity rules, writes only what changed, and returns the changes and the edits that take
//! it back. `Store::apply` wraps them with the version check, audit rows and undo entry.

use super::db::{params, Db};
use serde::Serialize;

use super::lists::{self, with_list, List};
use super::rows;
use crate::diff::{diff, diff_values, Change, ChangeKind};
use crate::edit::{Details, Edit, ListKind};
use crate::error::{Error, Result};
use crate::model::*;
use crate::text::quoted;
use crate::validate::{integrity, item_integrity, ItemRef, Refs};

/// The result of carrying out one edit inside a transaction.
pub(crate) struct Done {
    pub label: String,
    pub changes: Vec<Change>,
    /// Edits that take this one back, applied in order.
    pub inverse: Vec<Edit>,
}

/// Carries out one edit on framework row `fw`.
pub(crate) fn carry_out(tx: &Db, fw: i64, edit: &Edit) -> Result<Done> {
    match edit {
        Edit::SetDetails { details } => set_details(tx, fw, details),
        Edit::PutParty { party } => put(tx, fw, &lists::PARTIES, party),
        Edit::PutPlatform { platform } => put(tx, fw, &lists::PLATFORMS, platform),
        Edit::PutCapability { capability } => put(tx, fw, &lists::CAPABILITIES, capability),
        Edit::PutActivity { activity } => put(tx, fw, &lists::ACTIVITIES, activity),
        Edit::PutDataQuality { standard } => put(tx, fw, &lists::DATA_QUALITY, standard),
        Edit::PutHardStop { stop } => put(tx, fw, &lists::HARD_STOPS, stop),
        Edit::PutRule { rule } => put(tx, fw, &lists::RULES, rule),
        Edit::SetLetter { activity, party, role } => set_letter(tx, fw, activity, party, *role),
        Edit::SetCertificate { party, certificate } => set_certificate(tx, fw, party, certificate.as_deref()),
        Edit::PutCell { cell } => put_cell(tx, fw, cell),
        Edit::RemoveCell { capability, platform } => remove_cell(tx, fw, capability, platform),
        Edit::RemoveActivity { id } => remove(tx, fw, &lists::ACTIVITIES, id),
        Edit::RemoveDataQuality { id } => remove(tx, fw, &lists::DATA_QUALITY, id),
        Edit::RemoveHardStop { id } => remove(tx, fw, &lists::HARD_STOPS, id),
        Edit::RemoveRule { id } => remove(tx, fw, &lists::RULES, id),
        Edit::RemoveParty { id } => remove_cascading(tx, fw, &lists::PARTIES, id, remove_party),
        Edit::RemovePlatform { id } => remove_cascading(tx, fw, &lists::PLATFORMS, id, remove_platform),
        Edit::RemoveCapability { id } => remove_cascading(tx, fw, &lists::CAPABILITIES, id, remove_capability),
        Edit::Move { list, id, to } => move_item(tx, fw, *list, id, *to),
        Edit::SetOverridePolicy { policy } => set_override_policy(tx, fw, policy),
        Edit::SetReviewSchedule { schedule } => set_review_schedule(tx, fw, schedule),
        Edit::Restore { framework } => restore(tx, fw, framework),
    }
}

fn check(item: ItemRef<'_>, refs: &Refs) -> Result<()> {
    let problems = item_integrity(item, refs);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

fn value<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("domain types serialise")
}

/// Field-level changes between an old and a new item at `path` (a new item is one "added").
fn item_changes<T: Serialize>(path: &str, old: Option<&T>, new: Option<&T>) -> Vec<Change> {
    match (old, new) {
        (Some(a), Some(b)) => diff_values(path, &value(a), &value(b)),
        (None, Some(b)) => {
            vec![Change { kind: ChangeKind::Added, path: path.to_owned(), old: None, new: Some(value(b)) }]
        }
        (Some(a), None) => {
            vec![Change { kind: ChangeKind::Removed, path: path.to_owned(), old: Some(value(a)), new: None }]
        }
        (None, None) => Vec::new(),
    }
}

fn not_found(what: &str, id: &str) -> Error {
    Error::NotFound(format!("there is no {what} with id {} in this framework", quoted(id)))
}

/// Puts an item of a list: checks it, writes it at its old place (or last), and records changes.
fn put<T: Serialize>(tx: &Db, fw: i64, list: &List<T>, item: &T) -> Result<Done> {
    let refs = if list.needs_refs { lists::refs(tx, fw)? } else { Refs::default() };
    check((list.check)(item), &refs)?;
    let id = (list.table.key)(item);
    let old = list.one(tx, fw, id)?;
    let pos = match &old {
        Some((_, pos)) => *pos,
        None => list.table.next_pos(tx, fw)?,
    };
    let path = format!("{}[{id}]", list.kind.key());
    let changes = item_changes(&path, old.as_ref().map(|o| &o.0), Some(item));
    if !changes.is_empty() {
        (list.table.put)(tx, fw, pos, item)?;
    }
    let verb = if old.is_none() { "Added" } else { "Changed" };
    let inverse = match old {
        Some((o, _)) => (list.put_edit)(o),
        None => (list.remove_edit)(id.to_owned()),
    };
    Ok(Done { label: format!("{verb} {} {}", list.noun, (list.label)(item)), changes, inverse: vec![inverse] })
}

/// Removes an item whose removal cascades nowhere; undo puts it back at its place.
fn remove<T: Serialize>(tx: &Db, fw: i64, list: &List<T>, id: &str) -> Result<Done> {
    let (old, pos) = list.one(tx, fw, id)?.ok_or_else(|| not_found(list.noun, id))?;
    let index = list.table.index_of(tx, fw, pos)?;
    list.table.delete(tx, fw, id)?;
    Ok(Done {
        label: format!("Removed {} {}", list.noun, (list.label)(&old)),
        changes: item_changes(&format!("{}[{id}]", list.kind.key()), Some(&old), None),
        inverse: vec![(list.put_edit)(old), Edit::Move { list: list.kind, id: id.to_owned(), to: index }],
    })
}

/// Removes an item whose removal cascades (cells, letters, references): `cascade` takes it and
/// what refers to it out of a copy of the draft. Undo restores the whole earlier draft, since that
/// is the only exact inverse.
fn remove_cascading<T>(
    tx: &Db,
    fw: i64,
    list: &List<T>,
    id: &str,
    cascade: fn(&mut Framework, &str) -> Result<()>,
) -> Result<Done> {
    let (item, _) = list.table.one(tx, fw, id)?.ok_or_else(|| not_found(list.noun, id))?;
    let old = rows::load(tx, fw)?;
    let mut new = old.clone();
    cascade(&mut new, id)?;
    rows::sync(tx, fw, &old, &new)?;
    Ok(Done {
        label: format!("Removed {} {}", list.noun, (list.label)(&item)),
        changes: diff(&old, &new),
        inverse: vec![Edit::Restore { framework: Box::new(old) }],
    })
}

fn remove_party(fw: &mut Framework, id: &str) -> Result<()> {
    let owned: Vec<&str> = fw.data_quality.iter().filter(|d| d.owner == id).map(|d| d.data_input.as_str()).collect();
    if !owned.is_empty() {
        return Err(Error::Refused(format!(
            "this party owns data-quality standards ({}); give them another owner before removing it",
            owned.join(", ")
        )));
    }
    let rules: Vec<&str> = fw.compliance_rules.iter().filter(|r| r.owner == id).map(|r| r.name.as_str()).collect();
    if !rules.is_empty() {
        return Err(Error::Refused(format!(
            "this party owns compliance rules ({}); give them another owner before removing it",
            rules.join(", ")
        )));
    }
    fw.parties.retain(|p| p.id != id);
    for a in &mut fw.raci {
        a.assignments.retain(|x| x.party != id);
    }
    for h in &mut fw.hard_stops {
        h.lift_authority.retain(|p| p != id);
    }
    fw.override_policy.kill_switch_holders.retain(|p| p != id);
    fw.review_schedule.required_signatories.retain(|p| p != id);
    Ok(())
}

fn remove_platform(fw: &mut Framework, id: &str) -> Result<()> {
    fw.platforms.retain(|p| p.id != id);
    fw.matrix.retain(|c| c.platform != id);
    for d in &mut fw.data_quality {
        if d.source_platform.as_deref() == Some(id) {
            d.source_platform = None;
        }
    }
    for h in &mut fw.hard_stops {
        h.platforms.retain(|p| p != id);
    }
    for r in &mut fw.compliance_rules {
        r.platforms.retain(|p| p != id);
    }
    Ok(())
}

fn remove_capability(fw: &mut Framework, id: &str) -> Result<()> {
    fw.capabilities.retain(|c| c.id != id);
    fw.matrix.retain(|c| c.capability != id);
    for r in &mut fw.compliance_rules {
        r.capabilities.retain(|c| c != id);
    }
    Ok(())
}

fn set_details(tx: &Db, fw: i64, details: &Details) -> Result<Done> {
    check(
        ItemRef::Details {
            name: &details.name,
            organisation: &details.organisation,
            description: &details.description,
            jurisdictions: &details.jurisdictions,
        },
        &Refs::default(),
    )?;
    let parts = rows::framework_parts(tx, fw)?;
    let old = Details {
        name: parts.name,
        organisation: parts.organisation,
        description: parts.description,
        jurisdictions: parts.jurisdictions,
    };
    // The details are the framework's own fields, so their paths have no prefix.
    let changes: Vec<Change> = item_changes("details", Some(&old), Some(details))
        .into_iter()
        .map(|mut c| {
            c.path = c.path.trim_start_matches("details.").to_owned();
            c
        })
        .collect();
    if !changes.is_empty() {
        rows::put_details(tx, fw, &details.name, &details.organisation, &details.description, &details.jurisdictions)?;
    }
    Ok(Done {
        label: "Changed the framework details".into(),
        changes,
        inverse: vec![Edit::SetDetails { details: old }],
    })
}

fn set_letter(tx: &Db, fw: i64, activity: &str, party: &str, role: Option<RaciRole>) -> Result<Done> {
    let (old, pos) = lists::ACTIVITIES.one(tx, fw, activity)?.ok_or_else(|| not_found("RACI activity", activity))?;
    let old_role = old.assignments.iter().find(|x| x.party == party).map(|x| x.role);
    let mut new = old.clone();
    match role {
        Some(r) => match new.assignments.iter_mut().find(|x| x.party == party) {
            Some(x) => x.role = r,
            None => new.assignments.push(RaciAssignment { party: party.to_owned(), role: r }),
        },
        None => new.assignments.retain(|x| x.party != party),
    }
    check(ItemRef::Activity(&new), &lists::refs(tx, fw)?)?;
    let changes = item_changes(&format!("raci[{activity}]"), Some(&old), Some(&new));
    if !changes.is_empty() {
        rows::put_activity(tx, fw, pos, &new)?;
    }
    let letter = role.map(|r| format!("{r:?}")).unwrap_or_else(|| "no letter".into());
    Ok(Done {
        label: format!("Set {letter} on {}", old.name),
        changes,
        inverse: vec![Edit::SetLetter { activity: activity.to_owned(), party: party.to_owned(), role: old_role }],
    })
}

fn set_certificate(tx: &Db, fw: i64, party: &str, certificate: Option<&str>) -> Result<Done> {
    let (mut p, _) = lists::PARTIES.one(tx, fw, party)?.ok_or_else(|| not_found("party", party))?;
    p.certificate = certificate.map(str::to_owned);
    let done = put(tx, fw, &lists::PARTIES, &p)?;
    let what = if certificate.is_some() {
        "Registered the signing certificate of"
    } else {
        "Removed the signing certificate of"
    };
    Ok(Done { label: format!("{what} {}", p.name), ..done })
}

fn put_cell(tx: &Db, fw: i64, cell: &MatrixCell) -> Result<Done> {
    check(ItemRef::Cell(cell), &lists::refs(tx, fw)?)?;
    let old = rows::one_cell(tx, fw, &cell.capability, &cell.platform)?;
    let pos = match &old {
        Some((_, pos)) => *pos,
        None => rows::next_cell_pos(tx, fw)?,
    };
    let path = format!("matrix[{}/{}]", cell.capability, cell.platform);
    let changes = item_changes(&path, old.as_ref().map(|o| &o.0), Some(cell));
    if !changes.is_empty() {
        rows::put_cell(tx, fw, pos, cell)?;
    }
    let inverse = match old {
        Some((cell, _)) => Edit::PutCell { cell },
        None => Edit::RemoveCell { capability: cell.capability.clone(), platform: cell.platform.clone() },
    };
    Ok(Done {
        label: format!("Changed the cell {} / {}", cell.capability, cell.platform),
        changes,
        inverse: vec![inverse],
    })
}

fn remove_cell(tx: &Db, fw: i64, capability: &str, platform: &str) -> Result<Done> {
    let (old, _) = rows::one_cell(tx, fw, capability, platform)?
        .ok_or_else(|| not_found("matrix cell", &format!("{capability}/{platform}")))?;
    rows::delete_cell(tx, fw, capability, platform)?;
    Ok(Done {
        label: format!("Cleared the cell {capability} / {platform}"),
        changes: item_changes(&format!("matrix[{capability}/{platform}]"), Some(&old), None),
        inverse: vec![Edit::PutCell { cell: old }],
    })
}

fn move_item(tx: &Db, fw: i64, list: ListKind, id: &str, to: u32) -> Result<Done> {
    let (table, mut keys) = with_list!(list, |l| (l.table.name, l.table.keys(tx, fw)?));
    let from = keys.iter().position(|k| k == id).ok_or_else(|| not_found(list.key(), id))?;
    let to = (to as usize).min(keys.len() - 1);
    if from == to {
        return Ok(Done { label: "Moved nothing".into(), changes: Vec::new(), inverse: Vec::new() });
    }
    let k = keys.remove(from);
    keys.insert(to, k);
    let upd = tx.prepare_cached(&format!(
        "UPDATE {table} SET pos = ?3, row_version = row_version + 1 WHERE fw = ?1 AND key = ?2 AND pos != ?3"
    ))?;
    for (i, k) in keys.iter().enumerate() {
        upd.execute(params![fw, k, i as i64])?;
    }
    Ok(Done {
        label: format!("Moved {id}"),
        changes: vec![Change {
            kind: ChangeKind::Changed,
            path: format!("{}[{id}].position", list.key()),
            old: Some(from.into()),
            new: Some(to.into()),
        }],
        inverse: vec![Edit::Move { list, id: id.to_owned(), to: from as u32 }],
    })
}

fn set_override_policy(tx: &Db, fw: i64, policy: &OverridePolicy) -> Result<Done> {
    check(ItemRef::OverridePolicy(policy), &lists::refs(tx, fw)?)?;
    let old = rows::framework_parts(tx, fw)?.override_policy;
    let changes = item_changes("override_policy", Some(&old), Some(policy));
    if !changes.is_empty() {
        rows::put_override(tx, fw, policy)?;
    }
    Ok(Done {
        label: "Changed the override policy".into(),
        changes,
        inverse: vec![Edit::SetOverridePolicy { policy: old }],
    })
}

fn set_review_schedule(tx: &Db, fw: i64, schedule: &ReviewSchedule) -> Result<Done> {
    check(ItemRef::ReviewSchedule(schedule), &lists::refs(tx, fw)?)?;
    let old = rows::framework_parts(tx, fw)?.review_schedule;
    let changes = item_changes("review_schedule", Some(&old), Some(schedule));
    if !changes.is_empty() {
        rows::put_schedule(tx, fw, schedule)?;
    }
    Ok(Done {
        label: "Changed the review schedule".into(),
        changes,
        inverse: vec![Edit::SetReviewSchedule { schedule: old }],
    })
}

fn restore(tx: &Db, fw: i64, framework: &Framework) -> Result<Done> {
    let old = rows::load(tx, fw)?;
    let mut new = framework.clone();
    new.id = old.id.clone();
    let problems = integrity(&new);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    rows::sync(tx, fw, &old, &new)?;
    Ok(Done {
        label: "Restored an earlier draft".into(),
        changes: diff(&old, &new),
        inverse: vec![Edit::Restore { framework: Box::new(old) }],
    })
}
