//! Applying edits to a draft and undoing them: the version check, audit rows and undo entries
//! around `edits::carry_out`.

use super::db::{params, Db, OptionalExtension};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::base::{draft_seq, framework_row, touch, Audit};
use super::edits::{carry_out, Done};
use super::{lists, Store};
use crate::edit::{removal_impact, Edit, EditRequest};
use crate::error::{Error, Result};

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

/// An applied edit with the draft as it now is, for the app to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditResult {
    pub outcome: EditOutcome,
    pub view: super::FrameworkView,
}

/// The newest undo step of a framework: (id, the draft sequence it was recorded at, label, inverse).
type UndoEntry = (i64, i64, String, String);

impl Store {
    /// Applies one edit to a draft in one transaction, with its audit rows and an undo entry.
    /// Refused, with nothing written, when the edit breaks an integrity rule or when the record
    /// changed since the version the request was based on.
    pub fn apply(&mut self, req: &EditRequest, actor: &str) -> Result<EditOutcome> {
        let actor = self.actor(actor);
        let now = self.now();
        let tx = self.db.write()?;
        let fw = framework_row(&tx, &req.framework)?;
        if let (Some(expected), Some(key)) = (req.expected_version, req.edit.record()) {
            let current = lists::version_of(&tx, fw, &key)?;
            if current != expected {
                return Err(Error::Stale(format!(
                    "this item was changed elsewhere (in another window or by an import) since it was loaded; reload to see the current version. Your change was not saved. [{key}: version {current}, expected {expected}]"
                )));
            }
        }
        let done = carry_out(&tx, fw, &req.edit)?;
        if !done.changes.is_empty() {
            let seq = touch(&tx, fw, &now)?;
            Audit { at: &now, actor, framework: &req.framework }.changes(&tx, &done.changes)?;
            push_undo(&tx, fw, seq, actor, &done)?;
        }
        tx.commit()?;
        Ok(EditOutcome { label: done.label, changes: done.changes.len() as u32 })
    }

    /// Takes back the newest edit `actor` made to a framework. Refused when the draft changed since
    /// that edit in a way undo did not make (another window, another person, an import), so undo
    /// never overwrites others' work.
    pub fn undo(&mut self, framework: &str, actor: &str) -> Result<EditOutcome> {
        let actor = self.actor(actor);
        let now = self.now();
        // The check and the undo are one IMMEDIATE transaction: no other process can change the
        // draft between the moment its sequence number is compared and the moment undo writes.
        let tx = self.db.write()?;
        let fw = framework_row(&tx, framework)?;
        let entry: Option<UndoEntry> = tx
            .prepare_cached(
                "SELECT id, draft_seq, label, inverse FROM undo_entries WHERE framework = ?1 AND actor = ?2
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(params![fw, actor], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((id, seq, label, inverse)) = entry else {
            return Err(Error::NotFound("there is nothing to undo".into()));
        };
        if draft_seq(&tx, fw)? != seq {
            // The stack is stale: nothing older can be undone safely either.
            tx.execute("DELETE FROM undo_entries WHERE framework = ?1 AND actor = ?2", params![fw, actor])?;
            tx.commit()?;
            return Err(Error::Stale(
                "cannot undo: the framework was changed elsewhere (another window or an import) after your last edit"
                    .into(),
            ));
        }
        let edits: Vec<Edit> = serde_json::from_str(&inverse).map_err(|e| {
            Error::Damaged(format!("the undo_entries row {id} cannot be read ({e}); the undo step was not applied"))
        })?;
        let mut changes = Vec::new();
        for e in &edits {
            changes.extend(carry_out(&tx, fw, e)?.changes);
        }
        touch(&tx, fw, &now)?;
        Audit { at: &now, actor, framework }.changes(&tx, &changes)?;
        tx.execute("DELETE FROM undo_entries WHERE id = ?1", [id])?;
        // The next entry down was recorded just before the undone edit; if nothing came between
        // them, it stays undoable at the draft's new sequence number.
        tx.execute(
            "UPDATE undo_entries SET draft_seq = (SELECT draft_seq FROM frameworks WHERE id = ?1)
             WHERE id = (SELECT max(id) FROM undo_entries WHERE framework = ?1 AND actor = ?3) AND draft_seq = ?2",
            params![fw, seq - 1, actor],
        )?;
        tx.commit()?;
        Ok(EditOutcome { label: format!("Undid: {label}"), changes: changes.len() as u32 })
    }

    /// The labels of the edits that `actor`'s undo would take back, newest first.
    pub fn undo_labels(&self, framework: &str, actor: &str) -> Result<Vec<String>> {
        let actor = self.actor(actor);
        let fw = framework_row(&self.db, framework)?;
        let st = self.db.prepare_cached(
            "SELECT label FROM undo_entries WHERE framework = ?1 AND actor = ?2 ORDER BY id DESC LIMIT 20",
        )?;
        let rows = st.query_map(params![fw, actor], |r| r.get(0))?;
        Ok(rows.collect::<super::db::DbResult<_>>()?)
    }

    /// What a removal would take with it, for the confirmation dialog.
    pub fn removal_impact(&self, framework: &str, edit: &Edit) -> Result<Vec<String>> {
        Ok(removal_impact(&self.load(framework)?, edit))
    }

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
}

/// Records the edit's inverse as `actor`'s newest undo step, for the draft's sequence number
/// `seq` after the edit, keeping at most `UNDO_DEPTH` steps.
fn push_undo(tx: &Db, fw: i64, seq: i64, actor: &str, done: &Done) -> Result<()> {
    let inverse = serde_json::to_string(&done.inverse).expect("edits serialise");
    tx.prepare_cached(
        "INSERT INTO undo_entries (framework, actor, draft_seq, label, inverse) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![fw, actor, seq, done.label, inverse])?;
    tx.prepare_cached(
        "DELETE FROM undo_entries WHERE framework = ?1 AND actor = ?2 AND id NOT IN
            (SELECT id FROM undo_entries WHERE framework = ?1 AND actor = ?2 ORDER BY id DESC LIMIT ?3)",
    )?
    .execute(params![fw, actor, UNDO_DEPTH])?;
    Ok(())
}
