//! Review cycles (SPEC section 3): when the next review is due, whether it is upcoming, due or
//! overdue, and whether its sign-offs complete it. Pure functions; `today` is always passed in.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::ReviewSchedule;
use crate::schedule::next_after;

/// A cycle becomes "due" this many days before its due date.
pub const DUE_WINDOW_DAYS: u64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ApprovedWithComments,
    Rejected,
}

impl Decision {
    pub fn approves(self) -> bool {
        matches!(self, Decision::Approved | Decision::ApprovedWithComments)
    }
}

impl SignOff {
    /// A signed approval: the only kind that counts towards completing a cycle. Sign-offs
    /// recorded before signing certificates are shown, never counted.
    pub fn is_signed_approval(&self) -> bool {
        self.signed.is_some() && self.decision.approves()
    }
}

/// One signatory's decision on one published version, within one review cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignOff {
    #[ts(type = "string")]
    pub cycle_due: NaiveDate,
    pub party: String,
    pub party_name: String,
    pub party_title: String,
    pub decision: Decision,
    pub comment: String,
    /// RFC 3339, UTC.
    pub signed_at: String,
    pub version_number: u32,
    pub version_sha256: String,
    /// The signed statement and the signer's certificate; `None` for a sign-off recorded before
    /// signing certificates, which is shown as unsigned and never counted as a signed approval.
    pub signed: Option<crate::signoff::SignedStatement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CycleState {
    Upcoming,
    Due,
    Overdue,
}

/// A cycle that every required signatory approved on the same version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompletedCycle {
    #[ts(type = "string")]
    pub due: NaiveDate,
    pub completed_at: String,
    pub version_number: u32,
    pub version_sha256: String,
}

/// The open cycle and what it still needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewStatus {
    pub framework: String,
    #[ts(type = "string")]
    pub due: NaiveDate,
    pub state: CycleState,
    /// Days from today to the due date; negative when overdue.
    #[ts(type = "number")]
    pub days_until_due: i64,
    pub required: Vec<String>,
    /// Current sign-offs in this cycle, one per party.
    pub signoffs: Vec<SignOff>,
    /// The newest published version, which signatories are asked to approve.
    pub latest_version: Option<u32>,
    /// Required signatories without an approval of the newest published version.
    pub waiting_for: Vec<String>,
    pub rejections: Vec<SignOff>,
    #[ts(type = "Array<string>")]
    pub upcoming: Vec<NaiveDate>,
    pub last_completed: Option<CompletedCycle>,
}

/// The due date of the open cycle: the schedule's next due date at first; after a completed
/// cycle, one cadence after that cycle's due date (or the schedule's date if it is later).
pub fn open_cycle_due(schedule: &ReviewSchedule, last_completed_due: Option<NaiveDate>) -> NaiveDate {
    match last_completed_due.and_then(|d| next_after(d, &schedule.cadence)) {
        Some(after) => after.max(schedule.next_due),
        None => schedule.next_due,
    }
}

pub fn cycle_state(due: NaiveDate, today: NaiveDate) -> CycleState {
    if today > due {
        CycleState::Overdue
    } else if today >= due.checked_sub_days(Days::new(DUE_WINDOW_DAYS)).unwrap_or(due) {
        CycleState::Due
    } else {
        CycleState::Upcoming
    }
}

/// The `n` due dates after `due`, one cadence apart.
pub fn following_dues(schedule: &ReviewSchedule, due: NaiveDate, n: usize) -> Vec<NaiveDate> {
    let mut out = Vec::with_capacity(n);
    let mut d = due;
    for _ in 0..n {
        match next_after(d, &schedule.cadence) {
            Some(next) => {
                out.push(next);
                d = next;
            }
            None => break,
        }
    }
    out
}

/// The version (number, hash) that completes the cycle: every required signatory's current
/// sign-off approves that same version. `None` while anyone is missing, rejected or on another version.
pub fn completing_version(required: &[String], signoffs: &[SignOff]) -> Option<(u32, String)> {
    let mut version: Option<(u32, &str)> = None;
    if required.is_empty() {
        return None;
    }
    for party in required {
        let s = signoffs.iter().find(|s| &s.party == party)?;
        if !s.is_signed_approval() {
            return None;
        }
        match version {
            None => version = Some((s.version_number, &s.version_sha256)),
            Some((_, sha)) if sha != s.version_sha256 => return None,
            _ => {}
        }
    }
    version.map(|(n, s)| (n, s.to_owned()))
}

/// Builds the status of the open cycle.
pub fn status(
    framework: &str,
    schedule: &ReviewSchedule,
    last_completed: Option<CompletedCycle>,
    signoffs: Vec<SignOff>,
    latest_version: Option<(u32, String)>,
    today: NaiveDate,
) -> ReviewStatus {
    let due = open_cycle_due(schedule, last_completed.as_ref().map(|c| c.due));
    let required = schedule.required_signatories.clone();
    let target = latest_version.as_ref().map(|(_, sha)| sha.clone());
    let waiting_for = required
        .iter()
        .filter(|p| {
            !signoffs
                .iter()
                .any(|s| &s.party == *p && s.is_signed_approval() && Some(&s.version_sha256) == target.as_ref())
        })
        .cloned()
        .collect();
    let rejections = signoffs.iter().filter(|s| s.decision == Decision::Rejected).cloned().collect();
    ReviewStatus {
        framework: framework.to_owned(),
        due,
        state: cycle_state(due, today),
        days_until_due: (due - today).num_days(),
        required,
        upcoming: following_dues(schedule, due, 4),
        signoffs,
        latest_version: latest_version.map(|(n, _)| n),
        waiting_for,
        rejections,
        last_completed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cadence, CadenceKind};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn schedule() -> ReviewSchedule {
        ReviewSchedule {
            obligations: Vec::new(),
            cadence: Cadence { kind: CadenceKind::Quarterly, custom_days: None },
            required_signatories: vec!["cmo".into(), "legal".into()],
            next_due: d("2027-01-15"),
        }
    }

    #[test]
    fn a_cycle_is_upcoming_then_due_two_weeks_before_then_overdue_after_its_date() {
        let due = d("2027-01-15");
        assert_eq!(cycle_state(due, d("2026-12-31")), CycleState::Upcoming);
        assert_eq!(cycle_state(due, d("2027-01-01")), CycleState::Due);
        assert_eq!(cycle_state(due, d("2027-01-15")), CycleState::Due);
        assert_eq!(cycle_state(due, d("2027-01-16")), CycleState::Overdue);
    }

    #[test]
    fn after_a_completed_cycle_the_next_is_one_cadence_later() {
        assert_eq!(open_cycle_due(&schedule(), None), d("2027-01-15"));
        assert_eq!(open_cycle_due(&schedule(), Some(d("2027-01-15"))), d("2027-04-15"));
        assert_eq!(following_dues(&schedule(), d("2027-04-15"), 2), vec![d("2027-07-15"), d("2027-10-15")]);
    }
}
