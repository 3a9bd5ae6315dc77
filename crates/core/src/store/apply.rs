//! Applying edits to a draft, undoing them, and creating, copying and deleting frameworks.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rows::{self, Table};
use super::{append_audit, audit_changes, Store};
use crate::diff::{diff, diff_values, Change, ChangeKind};
use crate::edit::{removal_impact, slug, Details, Edit, EditRequest, ListKind};
use crate::error::{Error, Result};
use crate::model::*;
use crate::validate::{item_integrity, ItemRef, Refs};

/// How many undo steps are kept per framework.
const UNDO_DEPTH: i64 = 200;

/// What an applied edit or undo did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EditOutcome {
    /// A sentence for the status line, e.g. "Changed platform TikTok".
    pub label: String,
    /// Audit rows written (0 when the edit changed nothing).
    pub changes: u32,
}

/// Marks the draft as changed: moves its sequence number and its modification time.
pub(crate) fn touch(conn: &Connection, fw: i64, now: &str) -> Result<()> {
    conn.prepare_cached("UPDATE frameworks SET draft_seq = draft_seq + 1, updated_at = ?2 WHERE id = ?1")?
        .execute(params![fw, now])?;
    Ok(())
}

fn refs(conn: &Connection, fw: i64) -> Result<Refs> {
    let keys = |table: &str| -> Result<std::collections::HashSet<String>> {
        let mut st = conn.prepare_cached(&format!("SELECT key FROM {table} WHERE fw = ?1"))?;
        let rows = st.query_map([fw], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(Refs { parties: keys("parties")?, platforms: keys("platforms")?, capabilities: keys("capabilities")? })
}

fn next_pos(conn: &Connection, table: &str, fw: i64) -> Result<i64> {
    Ok(conn.query_row(&format!("SELECT coalesce(max(pos) + 1, 0) FROM {table} WHERE fw = ?1"), [fw], |r| r.get(0))?)
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
    Error::NotFound(format!("there is no {what} with id \"{}\" in this framework", id.escape_debug()))
}

/// The result of carrying out one edit inside a transaction.
struct Done {
    label: String,
    changes: Vec<Change>,
    /// Edits that take this one back, applied in order.
    inverse: Vec<Edit>,
}

impl Store {
    /// Applies one edit to a draft in one transaction, with its audit rows and an undo entry.
    /// Refused, with nothing written, when the edit breaks an integrity rule or when the record
    /// changed since the version the request was based on.
    pub fn apply(&mut self, req: &EditRequest, actor: &str) -> Result<EditOutcome> {
        let now = self.now();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let fw = framework_row(&tx, &req.framework)?;
        if let (Some(expected), Some(key)) = (req.expected_version, req.edit.version_key()) {
            let current = current_version(&tx, fw, &key)?;
            if current != expected {
                return Err(Error::Conflict(format!(
                    "this item was changed elsewhere (in another window or by an import) since it was loaded; reload to see the current version. Your change was not saved. [{key}: version {current}, expected {expected}]"
                )));
            }
        }
        let done = carry_out(&tx, fw, &req.edit)?;
        if !done.changes.is_empty() {
            touch(&tx, fw, &now)?;
            audit_changes(&tx, &now, actor, &req.framework, &done.changes)?;
            {
                let seq: i64 = tx.query_row("SELECT draft_seq FROM frameworks WHERE id = ?1", [fw], |r| r.get(0))?;
                let inverse = serde_json::to_string(&done.inverse).expect("edits serialise");
                tx.prepare_cached(
                    "INSERT INTO undo_entries (framework, draft_seq, label, inverse) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![fw, seq, done.label, inverse])?;
                tx.prepare_cached(
                    "DELETE FROM undo_entries WHERE framework = ?1 AND id <= (SELECT max(id) FROM undo_entries WHERE framework = ?1) - ?2",
                )?
                .execute(params![fw, UNDO_DEPTH])?;
            }
        }
        tx.commit()?;
        Ok(EditOutcome { label: done.label, changes: done.changes.len() as u32 })
    }

    /// Takes back the newest edit of a framework. Refused when the draft changed since that edit
    /// in a way undo did not make (another window, an import), so undo never overwrites others' work.
    pub fn undo(&mut self, framework: &str, actor: &str) -> Result<EditOutcome> {
        let fw = framework_row(&self.conn, framework)?;
        let entry: Option<(i64, i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, draft_seq, label, inverse FROM undo_entries WHERE framework = ?1 ORDER BY id DESC LIMIT 1",
                [fw],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((id, seq, label, inverse)) = entry else {
            return Err(Error::NotFound("there is nothing to undo".into()));
        };
        let current: i64 = self.conn.query_row("SELECT draft_seq FROM frameworks WHERE id = ?1", [fw], |r| r.get(0))?;
        if current != seq {
            // The stack is stale: nothing older can be undone safely either.
            self.conn.execute("DELETE FROM undo_entries WHERE framework = ?1", [fw])?;
            return Err(Error::Conflict(
                "cannot undo: the framework was changed elsewhere (another window or an import) after your last edit"
                    .into(),
            ));
        }
        let edits: Vec<Edit> = serde_json::from_str(&inverse)
            .map_err(|e| Error::Parse(format!("a stored undo step is unreadable: {e}")))?;
        let now = self.now();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let mut changes = Vec::new();
        for e in &edits {
            changes.extend(carry_out(&tx, fw, e)?.changes);
        }
        touch(&tx, fw, &now)?;
        audit_changes(&tx, &now, actor, framework, &changes)?;
        tx.execute("DELETE FROM undo_entries WHERE id = ?1", [id])?;
        // The next entry down was recorded just before the undone edit; if nothing came between
        // them, it stays undoable at the draft's new sequence number.
        tx.execute(
            "UPDATE undo_entries SET draft_seq = (SELECT draft_seq FROM frameworks WHERE id = ?1)
             WHERE id = (SELECT max(id) FROM undo_entries WHERE framework = ?1) AND draft_seq = ?2",
            params![fw, seq - 1],
        )?;
        tx.commit()?;
        Ok(EditOutcome { label: format!("Undid: {label}"), changes: changes.len() as u32 })
    }

    /// The labels of the edits that undo would take back, newest first.
    pub fn undo_labels(&self, framework: &str) -> Result<Vec<String>> {
        let fw = framework_row(&self.conn, framework)?;
        let mut st = self
            .conn
            .prepare_cached("SELECT label FROM undo_entries WHERE framework = ?1 ORDER BY id DESC LIMIT 20")?;
        let rows = st.query_map([fw], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What a removal would take with it, for the confirmation dialog.
    pub fn removal_impact(&self, framework: &str, edit: &Edit) -> Result<Vec<String>> {
        Ok(removal_impact(&self.load(framework)?, edit))
    }

    /// Creates a framework named `name`, from the starter template or empty. Returns its id.
    pub fn create_framework(
        &mut self,
        name: &str,
        from_template: bool,
        today: NaiveDate,
        actor: &str,
    ) -> Result<String> {
        let taken = self.framework_ids()?;
        let id = slug(name, &|s| taken.iter().any(|t| t == s));
        let mut fw = if from_template {
            crate::starter::starter_framework()
        } else {
            Framework {
                id: String::new(),
                name: String::new(),
                organisation: String::new(),
                description: String::new(),
                jurisdictions: Vec::new(),
                parties: Vec::new(),
                platforms: Vec::new(),
                capabilities: Vec::new(),
                matrix: Vec::new(),
                raci: Vec::new(),
                data_quality: Vec::new(),
                hard_stops: Vec::new(),
                override_policy: OverridePolicy {
                    kill_switch_holders: Vec::new(),
                    trigger_procedure: String::new(),
                    test_cadence: Cadence { kind: CadenceKind::Quarterly, custom_days: None },
                    last_tested: None,
                    notes: String::new(),
                },
                review_schedule: ReviewSchedule {
                    cadence: Cadence { kind: CadenceKind::Quarterly, custom_days: None },
                    required_signatories: Vec::new(),
                    next_due: crate::schedule::next_after(
                        today,
                        &Cadence { kind: CadenceKind::Quarterly, custom_days: None },
                    )
                    .unwrap_or(today),
                },
            }
        };
        fw.id = id.clone();
        fw.name = name.trim().to_owned();
        self.import(&fw, actor)?;
        Ok(id)
    }

    /// Copies a framework's draft under a new name. Returns the new id.
    pub fn duplicate_framework(&mut self, framework: &str, name: &str, actor: &str) -> Result<String> {
        let mut fw = self.load(framework)?;
        let taken = self.framework_ids()?;
        fw.id = slug(name, &|s| taken.iter().any(|t| t == s));
        fw.name = name.trim().to_owned();
        self.import(&fw, actor)?;
        Ok(fw.id)
    }

    /// Deletes a framework and its draft. The audit log keeps its history.
    pub fn delete_framework(&mut self, framework: &str, actor: &str) -> Result<()> {
        let now = self.now();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let fw = framework_row(&tx, framework)?;
        let name: String = tx.query_row("SELECT name FROM frameworks WHERE id = ?1", [fw], |r| r.get(0))?;
        let published: i64 = tx.query_row("SELECT count(*) FROM versions WHERE framework = ?1", [fw], |r| r.get(0))?;
        if published > 0 {
            return Err(Error::Conflict(format!(
                "\"{name}\" has {published} published version(s), which are permanent records; it cannot be deleted"
            )));
        }
        tx.execute("DELETE FROM frameworks WHERE id = ?1", [fw])?;
        append_audit(&tx, &now, actor, framework, "framework", "*", Some(&name), None)?;
        tx.commit()?;
        Ok(())
    }

    fn framework_ids(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached("SELECT key FROM frameworks")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn framework_row(conn: &Connection, key: &str) -> Result<i64> {
    conn.query_row("SELECT id FROM frameworks WHERE key = ?1", [key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no framework with id \"{}\"", key.escape_debug())))
}

/// The stored version of the record named by a version key; 0 when it does not exist.
fn current_version(conn: &Connection, fw: i64, key: &str) -> Result<i64> {
    let one = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<i64> {
        Ok(conn.query_row(sql, p, |r| r.get::<_, i64>(0)).optional()?.unwrap_or(0))
    };
    match key {
        "details" => one("SELECT details_version FROM frameworks WHERE id = ?1", &[&fw]),
        "override_policy" => one("SELECT override_version FROM frameworks WHERE id = ?1", &[&fw]),
        "review_schedule" => one("SELECT schedule_version FROM frameworks WHERE id = ?1", &[&fw]),
        _ => {
            let (list, id) = key.split_once('/').unwrap_or((key, ""));
            if list == "matrix" {
                let (c, p) = id.split_once('/').unwrap_or((id, ""));
                return one(
                    "SELECT row_version FROM matrix_cells WHERE fw = ?1 AND capability = ?2 AND platform = ?3",
                    &[&fw, &c, &p],
                );
            }
            let table = match list {
                "parties" => "parties",
                "platforms" => "platforms",
                "capabilities" => "capabilities",
                "raci" => "raci_activities",
                "data_quality" => "dq_standards",
                "hard_stops" => "hard_stops",
                other => return Err(Error::Parse(format!("unknown record kind \"{other}\""))),
            };
            one(&format!("SELECT row_version FROM {table} WHERE fw = ?1 AND key = ?2"), &[&fw, &id])
        }
    }
}

/// Puts an item of a list: checks it, writes it at its old place (or last), and records changes.
#[allow(clippy::too_many_arguments)]
fn put_item<T: Serialize + Clone>(
    tx: &Connection,
    fw: i64,
    table: &Table<T>,
    list: ListKind,
    id: &str,
    item: &T,
    what: &str,
    write: fn(&Connection, i64, i64, &T) -> Result<()>,
    make_edit: fn(T) -> Edit,
) -> Result<Done> {
    let old = table.one(tx, fw, id)?;
    let pos = match &old {
        Some((_, pos, _)) => *pos,
        None => next_pos(tx, table.name, fw)?,
    };
    let changes = item_changes(&format!("{}[{id}]", list.key()), old.as_ref().map(|o| &o.0), Some(item));
    if !changes.is_empty() {
        write(tx, fw, pos, item)?;
    }
    let inverse = match old {
        Some((o, _, _)) => vec![make_edit(o)],
        None => vec![remove_edit(list, id)],
    };
    let verb = if changes.iter().any(|c| c.kind == ChangeKind::Added) { "Added" } else { "Changed" };
    Ok(Done { label: format!("{verb} {what}"), changes, inverse })
}

fn remove_edit(list: ListKind, id: &str) -> Edit {
    let id = id.to_owned();
    match list {
        ListKind::Parties => Edit::RemoveParty { id },
        ListKind::Platforms => Edit::RemovePlatform { id },
        ListKind::Capabilities => Edit::RemoveCapability { id },
        ListKind::Raci => Edit::RemoveActivity { id },
        ListKind::DataQuality => Edit::RemoveDataQuality { id },
        ListKind::HardStops => Edit::RemoveHardStop { id },
    }
}

/// Removes an item whose removal cascades nowhere; undo puts it back at its place.
fn remove_simple<T: Serialize + Clone>(
    tx: &Connection,
    fw: i64,
    table: &Table<T>,
    list: ListKind,
    id: &str,
    what: &str,
    make_edit: fn(T) -> Edit,
) -> Result<Done> {
    let (old, pos, _) = table.one(tx, fw, id)?.ok_or_else(|| not_found(what, id))?;
    let index: i64 = tx.query_row(
        &format!("SELECT count(*) FROM {} WHERE fw = ?1 AND pos < ?2", table.name),
        params![fw, pos],
        |r| r.get(0),
    )?;
    tx.execute(&format!("DELETE FROM {} WHERE fw = ?1 AND key = ?2", table.name), params![fw, id])?;
    Ok(Done {
        label: format!("Removed {what}"),
        changes: item_changes(&format!("{}[{id}]", list.key()), Some(&old), None),
        inverse: vec![make_edit(old), Edit::Move { list, id: id.to_owned(), to: index as u32 }],
    })
}

/// Removes an item whose removal cascades (cells, letters, references); undo restores the
/// whole earlier draft, since that is the only exact inverse.
fn remove_cascading(tx: &Connection, fw: i64, edit: &Edit, what: String) -> Result<Done> {
    let old = rows::load(tx, fw)?;
    let mut new = old.clone();
    match edit {
        Edit::RemoveParty { id } => {
            if !new.parties.iter().any(|p| &p.id == id) {
                return Err(not_found("party", id));
            }
            let owned: Vec<&str> =
                new.data_quality.iter().filter(|d| &d.owner == id).map(|d| d.data_input.as_str()).collect();
            if !owned.is_empty() {
                return Err(Error::Conflict(format!(
                    "this party owns data-quality standards ({}); give them another owner before removing it",
                    owned.join(", ")
                )));
            }
            new.parties.retain(|p| &p.id != id);
            for a in &mut new.raci {
                a.assignments.retain(|x| &x.party != id);
            }
            for h in &mut new.hard_stops {
                h.lift_authority.retain(|p| p != id);
            }
            new.override_policy.kill_switch_holders.retain(|p| p != id);
            new.review_schedule.required_signatories.retain(|p| p != id);
        }
        Edit::RemovePlatform { id } => {
            if !new.platforms.iter().any(|p| &p.id == id) {
                return Err(not_found("platform", id));
            }
            new.platforms.retain(|p| &p.id != id);
            new.matrix.retain(|c| &c.platform != id);
            for d in &mut new.data_quality {
                if d.source_platform.as_ref() == Some(id) {
                    d.source_platform = None;
                }
            }
            for h in &mut new.hard_stops {
                h.platforms.retain(|p| p != id);
            }
        }
        Edit::RemoveCapability { id } => {
            if !new.capabilities.iter().any(|c| &c.id == id) {
                return Err(not_found("capability", id));
            }
            new.capabilities.retain(|c| &c.id != id);
            new.matrix.retain(|c| &c.capability != id);
        }
        _ => unreachable!("only cascading removals come here"),
    }
    rows::sync(tx, fw, &old, &new)?;
    Ok(Done {
        label: format!("Removed {what}"),
        changes: diff(&old, &new),
        inverse: vec![Edit::Restore { framework: Box::new(old) }],
    })
}

fn carry_out(tx: &Connection, fw: i64, edit: &Edit) -> Result<Done> {
    match edit {
        Edit::SetDetails { details } => {
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
            let changes = item_changes("details", Some(&old), Some(details));
            let changes: Vec<Change> = changes
                .into_iter()
                .map(|mut c| {
                    c.path = c.path.trim_start_matches("details.").to_owned();
                    c
                })
                .collect();
            if !changes.is_empty() {
                rows::put_details(
                    tx,
                    fw,
                    &details.name,
                    &details.organisation,
                    &details.description,
                    &details.jurisdictions,
                )?;
            }
            Ok(Done {
                label: "Changed the framework details".into(),
                changes,
                inverse: vec![Edit::SetDetails { details: old }],
            })
        }
        Edit::PutParty { party } => {
            check(ItemRef::Party(party), &Refs::default())?;
            put_item(
                tx,
                fw,
                &rows::PARTIES,
                ListKind::Parties,
                &party.id,
                party,
                &format!("party {}", party.name),
                rows::put_party,
                |party| Edit::PutParty { party },
            )
        }
        Edit::PutPlatform { platform } => {
            check(ItemRef::Platform(platform), &Refs::default())?;
            put_item(
                tx,
                fw,
                &rows::PLATFORMS,
                ListKind::Platforms,
                &platform.id,
                platform,
                &format!("platform {}", platform.name),
                rows::put_platform,
                |platform| Edit::PutPlatform { platform },
            )
        }
        Edit::PutCapability { capability } => {
            check(ItemRef::Capability(capability), &Refs::default())?;
            put_item(
                tx,
                fw,
                &rows::CAPABILITIES,
                ListKind::Capabilities,
                &capability.id,
                capability,
                &format!("capability {}", capability.name),
                rows::put_capability,
                |capability| Edit::PutCapability { capability },
            )
        }
        Edit::PutDataQuality { standard } => {
            check(ItemRef::DataQuality(standard), &refs(tx, fw)?)?;
            put_item(
                tx,
                fw,
                &rows::DATA_QUALITY,
                ListKind::DataQuality,
                &standard.id,
                standard,
                &format!("data-quality standard {}", standard.data_input),
                rows::put_data_quality,
                |standard| Edit::PutDataQuality { standard },
            )
        }
        Edit::PutHardStop { stop } => {
            check(ItemRef::HardStop(stop), &refs(tx, fw)?)?;
            put_item(
                tx,
                fw,
                &rows::HARD_STOPS,
                ListKind::HardStops,
                &stop.id,
                stop,
                &format!("hard stop {}", stop.name),
                rows::put_hard_stop,
                |stop| Edit::PutHardStop { stop },
            )
        }
        Edit::PutActivity { activity } => {
            check(ItemRef::Activity(activity), &refs(tx, fw)?)?;
            let mut with = rows::ACTIVITIES.one(tx, fw, &activity.id)?;
            if let Some((a, _, _)) = &mut with {
                a.assignments = rows::assignments(tx, fw, &activity.id)?;
            }
            let old = with.as_ref().map(|o| o.0.clone());
            let pos = match &with {
                Some((_, pos, _)) => *pos,
                None => next_pos(tx, "raci_activities", fw)?,
            };
            let changes = item_changes(&format!("raci[{}]", activity.id), old.as_ref(), Some(activity));
            if !changes.is_empty() {
                rows::put_activity(tx, fw, pos, activity)?;
            }
            let verb = if old.is_none() { "Added" } else { "Changed" };
            Ok(Done {
                label: format!("{verb} activity {}", activity.name),
                changes,
                inverse: vec![match old {
                    Some(activity) => Edit::PutActivity { activity },
                    None => Edit::RemoveActivity { id: activity.id.clone() },
                }],
            })
        }
        Edit::SetLetter { activity, party, role } => {
            let (mut a, pos, _) =
                rows::ACTIVITIES.one(tx, fw, activity)?.ok_or_else(|| not_found("RACI activity", activity))?;
            a.assignments = rows::assignments(tx, fw, activity)?;
            let old_role = a.assignments.iter().find(|x| &x.party == party).map(|x| x.role);
            let mut new = a.clone();
            match role {
                Some(r) => match new.assignments.iter_mut().find(|x| &x.party == party) {
                    Some(x) => x.role = *r,
                    None => new.assignments.push(RaciAssignment { party: party.clone(), role: *r }),
                },
                None => new.assignments.retain(|x| &x.party != party),
            }
            check(ItemRef::Activity(&new), &refs(tx, fw)?)?;
            let changes = item_changes(&format!("raci[{activity}]"), Some(&a), Some(&new));
            if !changes.is_empty() {
                rows::put_activity(tx, fw, pos, &new)?;
            }
            let letter = role.map(|r| format!("{r:?}")).unwrap_or_else(|| "no letter".into());
            Ok(Done {
                label: format!("Set {letter} on {}", a.name),
                changes,
                inverse: vec![Edit::SetLetter { activity: activity.clone(), party: party.clone(), role: old_role }],
            })
        }
        Edit::PutCell { cell } => {
            check(ItemRef::Cell(cell), &refs(tx, fw)?)?;
            let old = rows::one_cell(tx, fw, &cell.capability, &cell.platform)?;
            let pos = match &old {
                Some((_, pos, _)) => *pos,
                None => next_pos(tx, "matrix_cells", fw)?,
            };
            let path = format!("matrix[{}/{}]", cell.capability, cell.platform);
            let changes = item_changes(&path, old.as_ref().map(|o| &o.0), Some(cell));
            if !changes.is_empty() {
                rows::put_cell(tx, fw, pos, cell)?;
            }
            Ok(Done {
                label: format!("Changed the cell {} / {}", cell.capability, cell.platform),
                changes,
                inverse: vec![match old {
                    Some((cell, _, _)) => Edit::PutCell { cell },
                    None => Edit::RemoveCell { capability: cell.capability.clone(), platform: cell.platform.clone() },
                }],
            })
        }
        Edit::RemoveCell { capability, platform } => {
            let (old, _, _) = rows::one_cell(tx, fw, capability, platform)?
                .ok_or_else(|| not_found("matrix cell", &format!("{capability}/{platform}")))?;
            tx.execute(
                "DELETE FROM matrix_cells WHERE fw = ?1 AND capability = ?2 AND platform = ?3",
                params![fw, capability, platform],
            )?;
            Ok(Done {
                label: format!("Cleared the cell {capability} / {platform}"),
                changes: item_changes(&format!("matrix[{capability}/{platform}]"), Some(&old), None),
                inverse: vec![Edit::PutCell { cell: old }],
            })
        }
        Edit::RemoveActivity { id } => {
            let (mut old, pos, _) = rows::ACTIVITIES.one(tx, fw, id)?.ok_or_else(|| not_found("RACI activity", id))?;
            old.assignments = rows::assignments(tx, fw, id)?;
            let index: i64 = tx.query_row(
                "SELECT count(*) FROM raci_activities WHERE fw = ?1 AND pos < ?2",
                params![fw, pos],
                |r| r.get(0),
            )?;
            tx.execute("DELETE FROM raci_activities WHERE fw = ?1 AND key = ?2", params![fw, id])?;
            Ok(Done {
                label: format!("Removed activity {}", old.name),
                changes: item_changes(&format!("raci[{id}]"), Some(&old), None),
                inverse: vec![
                    Edit::PutActivity { activity: old },
                    Edit::Move { list: ListKind::Raci, id: id.clone(), to: index as u32 },
                ],
            })
        }
        Edit::RemoveDataQuality { id } => {
            remove_simple(tx, fw, &rows::DATA_QUALITY, ListKind::DataQuality, id, "data-quality standard", |standard| {
                Edit::PutDataQuality { standard }
            })
        }
        Edit::RemoveHardStop { id } => {
            remove_simple(tx, fw, &rows::HARD_STOPS, ListKind::HardStops, id, "hard stop", |stop| Edit::PutHardStop {
                stop,
            })
        }
        Edit::RemoveParty { id } => remove_cascading(tx, fw, edit, format!("party {id}")),
        Edit::RemovePlatform { id } => remove_cascading(tx, fw, edit, format!("platform {id}")),
        Edit::RemoveCapability { id } => remove_cascading(tx, fw, edit, format!("capability {id}")),
        Edit::Move { list, id, to } => {
            let table = list.table();
            let mut st = tx.prepare_cached(&format!("SELECT key FROM {table} WHERE fw = ?1 ORDER BY pos"))?;
            let mut keys: Vec<String> = st.query_map([fw], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            let from = keys.iter().position(|k| k == id).ok_or_else(|| not_found(list.key(), id))?;
            let to = (*to as usize).min(keys.len() - 1);
            if from == to {
                return Ok(Done { label: "Moved nothing".into(), changes: Vec::new(), inverse: Vec::new() });
            }
            let k = keys.remove(from);
            keys.insert(to, k);
            let mut upd = tx.prepare_cached(&format!(
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
                inverse: vec![Edit::Move { list: *list, id: id.clone(), to: from as u32 }],
            })
        }
        Edit::SetOverridePolicy { policy } => {
            check(ItemRef::OverridePolicy(policy), &refs(tx, fw)?)?;
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
        Edit::SetReviewSchedule { schedule } => {
            check(ItemRef::ReviewSchedule(schedule), &refs(tx, fw)?)?;
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
        Edit::Restore { framework } => {
            let old = rows::load(tx, fw)?;
            let mut new = (**framework).clone();
            new.id = old.id.clone();
            let problems = crate::validate::integrity(&new);
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
    }
}

/// An applied edit with the draft as it now is, for the app to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditResult {
    pub outcome: EditOutcome,
    pub view: super::FrameworkView,
}

impl Store {
    /// `apply`, then the framework's new view (draft, findings, versions) as of `today`.
    pub fn edit(&mut self, req: &EditRequest, actor: &str, today: NaiveDate) -> Result<EditResult> {
        let outcome = self.apply(req, actor)?;
        Ok(EditResult { outcome, view: self.open_view(&req.framework, today)? })
    }

    /// `undo`, then the framework's new view.
    pub fn undo_and_view(&mut self, framework: &str, actor: &str, today: NaiveDate) -> Result<EditResult> {
        let outcome = self.undo(framework, actor)?;
        Ok(EditResult { outcome, view: self.open_view(framework, today)? })
    }

    /// Reads, parses and imports an interchange file. Errors name the file.
    pub fn import_file(&mut self, path: &std::path::Path, actor: &str) -> Result<super::ImportOutcome> {
        let bytes = std::fs::read(path).map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?;
        let framework =
            crate::interchange::parse(&bytes).map_err(|e| Error::Parse(format!("{}: {e}", path.display())))?;
        self.import(&framework, actor)
    }

    /// Writes a framework's draft as an interchange file, through a temporary file so that a
    /// crash never leaves half a file.
    pub fn export_file(&self, framework: &str, path: &std::path::Path) -> Result<()> {
        let json = crate::interchange::to_pretty_json(&self.load(framework)?);
        crate::fsutil::write_atomically(path, json.as_bytes())
    }
}
