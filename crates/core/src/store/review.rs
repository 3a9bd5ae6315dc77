//! Sign-offs and completed review cycles in the store.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::base::{framework_row, Audit};
use super::rows::{self, collect, dec, dec_date, enc, first};
use super::Store;
use crate::error::{Error, Result};
use crate::review::{completing_version, open_cycle_due, status, CompletedCycle, Decision, ReviewStatus, SignOff};
use crate::signoff::SignedStatement;
use crate::text::quoted;
use crate::validate::{text_problem, Finding, Section, TextKind};

const SIGNOFF_COLS: &str = "cycle_due, party, party_name, party_title, decision, comment, signed_at, version_number, \
     version_sha256, statement, signature, certificate";

fn signoff(r: &rusqlite::Row) -> rusqlite::Result<SignOff> {
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

fn completed_cycle(r: &rusqlite::Row) -> rusqlite::Result<CompletedCycle> {
    Ok(CompletedCycle {
        due: dec_date(r.get(0)?, 0)?,
        completed_at: r.get(1)?,
        version_number: r.get(2)?,
        version_sha256: r.get(3)?,
    })
}

fn last_completed(conn: &Connection, fw: i64) -> Result<Option<CompletedCycle>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {CYCLE_COLS} FROM completed_cycles WHERE framework = ?1 ORDER BY due DESC LIMIT 1"
    ))?;
    first(&mut st, [fw], "completed_cycles", 1, completed_cycle)
}

fn cycle_signoffs(conn: &Connection, fw: i64, due: NaiveDate) -> Result<Vec<SignOff>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {SIGNOFF_COLS} FROM signoffs WHERE framework = ?1 AND cycle_due = ?2 ORDER BY signed_at, id"
    ))?;
    collect(&mut st, params![fw, due.to_string()], "signoffs", 2, signoff)
}

/// Refuses a comment that is too long or has control characters, and a missing comment where
/// the decision needs one.
fn check_comment(decision: Decision, comment: &str) -> Result<()> {
    if let Some(problem) = text_problem(TextKind::FreeText, "comment", comment) {
        return Err(Error::Invalid(vec![Finding::error(Section::ReviewSchedule, "comment", problem)]));
    }
    if decision != Decision::Approved && comment.is_empty() {
        return Err(Error::Invalid(vec![Finding::error(
            Section::ReviewSchedule,
            "comment",
            format!("\"{}\" needs a comment that says why.", decision.label()),
        )]));
    }
    Ok(())
}

/// Records the cycle as complete when every required signatory has approved the same version.
fn complete_cycle_if_done(
    tx: &Connection,
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

/// The request to sign off the open review cycle.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct SignOffRequest {
    pub framework: String,
    pub party: String,
    pub version: u32,
    pub decision: Decision,
    pub comment: String,
}

impl Store {
    /// The open review cycle of a framework as of `today`.
    pub fn review_status(&self, framework: &str, today: NaiveDate) -> Result<ReviewStatus> {
        let fw = framework_row(&self.conn, framework)?;
        let schedule = rows::framework_parts(&self.conn, fw)?.review_schedule;
        let last = last_completed(&self.conn, fw)?;
        let due = open_cycle_due(&schedule, last.as_ref().map(|c| c.due));
        let signoffs = cycle_signoffs(&self.conn, fw, due)?;
        let latest: Option<(u32, String)> = self
            .conn
            .query_row(
                "SELECT number, sha256 FROM versions WHERE framework = ?1 ORDER BY number DESC LIMIT 1",
                [fw],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(status(framework, &schedule, last, signoffs, latest, today))
    }

    /// Records a required signatory's decision on a published version in the open cycle.
    /// A second sign-off by the same party replaces the first (the audit log keeps both). When
    /// every required signatory has approved the same version, the cycle is complete.
    pub fn sign_off(&mut self, req: &SignOffRequest, today: NaiveDate) -> Result<ReviewStatus> {
        let comment = req.comment.trim();
        check_comment(req.decision, comment)?;
        let now = self.now();
        let tx = Transaction::new(&mut self.conn, TransactionBehavior::Immediate)?;
        let fw = framework_row(&tx, &req.framework)?;
        let schedule = rows::framework_parts(&tx, fw)?.review_schedule;
        if !schedule.required_signatories.contains(&req.party) {
            return Err(Error::Invalid(vec![Finding::error(
                Section::ReviewSchedule,
                "party",
                format!(
                    "{} is not a required signatory of this framework's reviews, so it cannot sign off.",
                    quoted(&req.party)
                ),
            )]));
        }
        let party = rows::PARTIES
            .one(&tx, fw, &req.party)?
            .ok_or_else(|| Error::NotFound(format!("there is no party {}", quoted(&req.party))))?
            .0;
        let sha: String = tx
            .query_row(
                "SELECT sha256 FROM versions WHERE framework = ?1 AND number = ?2",
                params![fw, req.version],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("there is no published version {}", req.version)))?;
        let due = open_cycle_due(&schedule, last_completed(&tx, fw)?.map(|c| c.due));
        let audit = Audit { at: &now, actor: &req.party, framework: &req.framework };
        let previous: Option<(String, u32)> = tx
            .query_row(
                "SELECT decision, version_number FROM signoffs WHERE framework = ?1 AND cycle_due = ?2 AND party = ?3",
                params![fw, due.to_string(), req.party],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO signoffs (framework, cycle_due, party, party_name, party_title, decision, comment, signed_at,
                version_number, version_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (framework, cycle_due, party) DO UPDATE SET party_name = excluded.party_name,
                party_title = excluded.party_title, decision = excluded.decision, comment = excluded.comment,
                signed_at = excluded.signed_at, version_number = excluded.version_number,
                version_sha256 = excluded.version_sha256",
            params![
                fw,
                due.to_string(),
                req.party,
                party.name,
                party.title,
                enc(&req.decision),
                comment,
                now,
                req.version,
                sha
            ],
        )?;
        let old = previous.map(|(d, v)| format!("{d} on version {v}"));
        let new = format!("{} on version {}: {comment}", enc(&req.decision), req.version);
        audit.row(&tx, &format!("signoff[{due}]"), &req.party, old.as_deref(), Some(&new))?;
        complete_cycle_if_done(&tx, fw, due, &schedule.required_signatories, &audit)?;
        tx.commit()?;
        self.review_status(&req.framework, today)
    }

    /// Every sign-off given to the version with this hash, oldest first (for its PDF).
    pub fn signoffs_for_version(&self, framework: &str, sha256: &str) -> Result<Vec<SignOff>> {
        let fw = framework_row(&self.conn, framework)?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {SIGNOFF_COLS} FROM signoffs WHERE framework = ?1 AND version_sha256 = ?2 ORDER BY signed_at, id"
        ))?;
        collect(&mut st, params![fw, sha256], "signoffs", 2, signoff)
    }

    /// The completed review cycles, newest first.
    pub fn completed_cycles(&self, framework: &str) -> Result<Vec<CompletedCycle>> {
        let fw = framework_row(&self.conn, framework)?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {CYCLE_COLS} FROM completed_cycles WHERE framework = ?1 ORDER BY due DESC"
        ))?;
        collect(&mut st, [fw], "completed_cycles", 1, completed_cycle)
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
