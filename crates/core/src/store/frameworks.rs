//! Whole frameworks: importing one (new, or replacing a draft), creating, copying and deleting,
//! and reading or writing interchange files.

use chrono::NaiveDate;

use super::base::{framework_row, touch, Audit};
use super::{rows, ImportOutcome, Store};
use crate::diff::diff;
use crate::edit::slug;
use crate::error::{Error, Result};
use crate::model::*;
use crate::validate::integrity;

impl Store {
    /// Stores `framework` as the working draft: a new framework, or a replacement of the draft with
    /// the same id. Refused, with nothing written, if it breaks an integrity rule.
    pub fn import(&mut self, framework: &Framework, actor: &str) -> Result<ImportOutcome> {
        let actor = self.actor(actor);
        let problems = integrity(framework);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let now = self.now();
        let audit = Audit { at: &now, actor, framework: &framework.id };
        let tx = self.db.write()?;
        let outcome = match framework_row(&tx, &framework.id) {
            Err(Error::NotFound(_)) => {
                let fw = rows::insert_framework(&tx, framework, &now)?;
                rows::sync(&tx, fw, &without_lists(framework), framework)?;
                audit.row(&tx, "framework", "*", None, Some(&creation_summary(framework)))?;
                ImportOutcome { framework: framework.id.clone(), created: true, changes: 1 }
            }
            Err(e) => return Err(e),
            Ok(fw) => {
                let old = rows::load(&tx, fw)?;
                let changes = diff(&old, framework);
                if !changes.is_empty() {
                    rows::sync(&tx, fw, &old, framework)?;
                    touch(&tx, fw, &now)?;
                    audit.changes(&tx, &changes)?;
                }
                ImportOutcome { framework: framework.id.clone(), created: false, changes: changes.len() as u32 }
            }
        };
        tx.commit()?;
        Ok(outcome)
    }

    /// Fills an empty database with the starter framework. Returns whether it did.
    pub fn seed_starter_if_empty(&mut self, actor: &str) -> Result<bool> {
        if !self.framework_ids()?.is_empty() {
            return Ok(false);
        }
        self.import(&crate::starter::starter_framework(), actor)?;
        Ok(true)
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
        let mut fw = if from_template { crate::starter::starter_framework() } else { empty_framework(today) };
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
        let actor = self.actor(actor);
        let now = self.now();
        let tx = self.db.write()?;
        let fw = framework_row(&tx, framework)?;
        let name: String = tx.query_row("SELECT name FROM frameworks WHERE id = ?1", [fw], |r| r.get(0))?;
        let published: i64 = tx.query_row("SELECT count(*) FROM versions WHERE framework = ?1", [fw], |r| r.get(0))?;
        if published > 0 {
            return Err(Error::Refused(format!(
                "\"{name}\" has {published} published version(s), which are permanent records; it cannot be deleted"
            )));
        }
        tx.execute("DELETE FROM frameworks WHERE id = ?1", [fw])?;
        Audit { at: &now, actor, framework }.row(&tx, "framework", "*", Some(&name), None)?;
        tx.commit()?;
        Ok(())
    }

    pub(super) fn framework_ids(&self) -> Result<Vec<String>> {
        let st = self.db.prepare_cached("SELECT key FROM frameworks")?;
        let rows = st.query_map((), |r| r.get(0))?;
        Ok(rows.collect::<super::db::DbResult<_>>()?)
    }

    /// Reads, parses and imports an interchange file. Errors name the file.
    pub fn import_file(&mut self, path: &std::path::Path, actor: &str) -> Result<ImportOutcome> {
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

/// The framework with its own fields only: what a new framework's lists are synced from.
fn without_lists(f: &Framework) -> Framework {
    Framework::with_own_fields(
        f.id.clone(),
        f.name.clone(),
        f.organisation.clone(),
        f.description.clone(),
        f.jurisdictions.clone(),
        f.override_policy.clone(),
        f.review_schedule.clone(),
    )
}

/// The single audit row of a created framework.
fn creation_summary(f: &Framework) -> String {
    format!(
        "created: {} parties, {} platforms, {} capabilities, {} matrix cells, {} RACI activities, {} data-quality standards, {} hard stops",
        f.parties.len(),
        f.platforms.len(),
        f.capabilities.len(),
        f.matrix.len(),
        f.raci.len(),
        f.data_quality.len(),
        f.hard_stops.len()
    )
}

/// A framework with nothing in it yet, reviewed quarterly from `today`.
fn empty_framework(today: NaiveDate) -> Framework {
    let quarterly = Cadence { kind: CadenceKind::Quarterly, custom_days: None };
    Framework::with_own_fields(
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        Vec::new(),
        OverridePolicy {
            obligations: Vec::new(),
            kill_switch_holders: Vec::new(),
            trigger_procedure: String::new(),
            test_cadence: quarterly,
            last_tested: None,
            notes: String::new(),
        },
        ReviewSchedule {
            obligations: Vec::new(),
            cadence: quarterly,
            required_signatories: Vec::new(),
            next_due: crate::schedule::next_after(today, &quarterly).unwrap_or(today),
        },
    )
}
