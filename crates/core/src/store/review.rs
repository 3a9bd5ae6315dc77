//! Review cycles in the store: the open cycle's status, stored sign-offs, completed cycles, and
//! the calendar and data contract exports.

use super::db::{params, Db, OptionalExtension, Row};
use chrono::NaiveDate;

use super::base::{framework_row, Audit};
use super::rows::{self, collect, dec, dec_date, first};
use super::Store;
use crate::error::Result;
use crate::review::{completing_version, open_cycle_due, status, CompletedCycle, ReviewStatus, SignOff};
use crate::signoff::SignedStatement;

const SIGNOFF_COLS: &str = "cycle_due, party, party_name, party_title, decision, comment, signed_at, version_number, \
     version_sha256, statement, signature, certificate";

fn signoff(r: &Row) -> super::db::DbResult<SignOff> {
    Ok(SignOff {
        cycle_due: dec_date(r.get(0)?, 0)?,
        party: r.get(1)?,
        party_name: r.get(2)?,
        party_title: r.get(3)?,
        decision: dec(r.get(4)?, 4)?,
        comment: r.get(5)?,
        signed_at: r.get(6)?,
        version_number: r.get(7)?,
        version_sha256: r.get(8)?,
        signed: signed_parts(r.get(9)?, r.get(10)?, r.get(11)?),
    })
}

/// A sign-off's signed parts, when it has all three (rows from before signing have none).
fn signed_parts(
    statement: Option<String>,
    signature: Option<Vec<u8>>,
    certificate: Option<String>,
) -> Option<SignedStatement> {
    use base64::Engine;
    Some(SignedStatement {
        statement: statement?,
        signature: base64::engine::general_purpose::STANDARD.encode(signature?),
        certificate: certificate?,
    })
}

const CYCLE_COLS: &str = "due, completed_at, version_number, version_sha256";

fn completed_cycle(r: &Row) -> super::db::DbResult<CompletedCycle> {
    Ok(CompletedCycle {
        due: dec_date(r.get(0)?, 0)?,
        completed_at: r.get(1)?,
        version_number: r.get(2)?,
        version_sha256: r.get(3)?,
    })
}

pub(super) fn last_completed(conn: &Db, fw: i64) -> Result<Option<CompletedCycle>> {
    let st = conn.prepare_cached(&format!(
        "SELECT {CYCLE_COLS} FROM completed_cycles WHERE framework = ?1 ORDER BY due DESC LIMIT 1"
    ))?;
    first(&st, [fw], "completed_cycles", 1, completed_cycle)
}

pub(super) fn cycle_signoffs(conn: &Db, fw: i64, due: NaiveDate) -> Result<Vec<SignOff>> {
    let st = conn.prepare_cached(&format!(
        "SELECT {SIGNOFF_COLS} FROM signoffs WHERE framework = ?1 AND cycle_due = ?2 ORDER BY signed_at, id"
    ))?;
    collect(&st, params![fw, due.to_string()], "signoffs", 2, signoff)
}

/// Records the cycle as complete when every required signatory has approved the same version.
pub(super) fn complete_cycle_if_done(
    tx: &Db,
    fw: i64,
    due: NaiveDate,
    required: &[String],
    audit: &Audit<'_>,
) -> Result<()> {
    let signoffs = cycle_signoffs(tx, fw, due)?;
    if let Some((number, sha)) = completing_version(required, &signoffs) {
        tx.execute(
            "INSERT INTO completed_cycles (framework, due, completed_at, version_number, version_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![fw, due.to_string(), audit.at, number, sha],
        )?;
        audit.row(tx, &format!("cycle[{due}]"), "completed", None, Some(&format!("version {number}")))?;
    }
    Ok(())
}

impl Store {
    /// The open review cycle of a framework as of `today`.
    pub fn review_status(&self, framework: &str, today: NaiveDate) -> Result<ReviewStatus> {
        let fw = framework_row(&self.db, framework)?;
        let schedule = rows::framework_parts(&self.db, fw)?.review_schedule;
        let last = last_completed(&self.db, fw)?;
        let due = open_cycle_due(&schedule, last.as_ref().map(|c| c.due));
        let signoffs = cycle_signoffs(&self.db, fw, due)?;
        let latest: Option<(u32, String)> = self
            .db
            .query_row(
                "SELECT number, sha256 FROM versions WHERE framework = ?1 ORDER BY number DESC LIMIT 1",
                [fw],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(status(framework, &schedule, last, signoffs, latest, today))
    }

    /// Every sign-off given to the version with this hash, oldest first (for its PDF).
    pub fn signoffs_for_version(&self, framework: &str, sha256: &str) -> Result<Vec<SignOff>> {
        let fw = framework_row(&self.db, framework)?;
        let st = self.db.prepare_cached(&format!(
            "SELECT {SIGNOFF_COLS} FROM signoffs WHERE framework = ?1 AND version_sha256 = ?2 ORDER BY signed_at, id"
        ))?;
        collect(&st, params![fw, sha256], "signoffs", 2, signoff)
    }

    /// The completed review cycles, newest first.
    pub fn completed_cycles(&self, framework: &str) -> Result<Vec<CompletedCycle>> {
        let fw = framework_row(&self.db, framework)?;
        let st = self.db.prepare_cached(&format!(
            "SELECT {CYCLE_COLS} FROM completed_cycles WHERE framework = ?1 ORDER BY due DESC"
        ))?;
        collect(&st, [fw], "completed_cycles", 1, completed_cycle)
    }
}

impl Store {
    /// The review schedule as an iCalendar file: the open cycle's due date and the next three,
    /// and the next kill-switch test. `dtstamp` is the file's creation time.
    pub fn calendar_ics(
        &self,
        framework: &str,
        today: NaiveDate,
        dtstamp: chrono::DateTime<chrono::Utc>,
    ) -> Result<String> {
        let fw = self.load(framework)?;
        let st = self.review_status(framework, today)?;
        let mut dues = vec![st.due];
        dues.extend(st.upcoming.iter().take(3));
        let test_due = fw
            .override_policy
            .last_tested
            .and_then(|d| crate::schedule::next_after(d, &fw.override_policy.test_cadence));
        Ok(crate::calendar::to_ics(&crate::calendar::review_events(&fw, &dues, test_due), dtstamp))
    }

    /// The data-quality standards as an ODCS v3 contract: of a published version (contract
    /// version "N.0.0"), or of the draft (contract version "draft").
    pub fn odcs_yaml(&self, framework: &str, version: Option<u32>) -> Result<String> {
        Ok(match version {
            Some(n) => crate::odcs::to_odcs_yaml(&self.version_framework(framework, n)?.1, &format!("{n}.0.0")),
            None => crate::odcs::to_odcs_yaml(&self.load(framework)?, "draft"),
        })
    }
}
