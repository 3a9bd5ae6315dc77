//! Date arithmetic for cadences (review cycles, kill-switch tests).

use chrono::{Days, Months, NaiveDate};

use crate::model::{Cadence, CadenceKind};

/// The date one cadence period after `from`, or `None` when the cadence is incomplete or the
/// result is past the calendar's end. Month ends clamp (31 January + 1 month = 28/29 February).
pub fn next_after(from: NaiveDate, cadence: &Cadence) -> Option<NaiveDate> {
    match cadence.kind {
        CadenceKind::Monthly => from.checked_add_months(Months::new(1)),
        CadenceKind::Quarterly => from.checked_add_months(Months::new(3)),
        CadenceKind::HalfYearly => from.checked_add_months(Months::new(6)),
        CadenceKind::Yearly => from.checked_add_months(Months::new(12)),
        CadenceKind::Custom => match cadence.custom_days {
            Some(d) if d > 0 => from.checked_add_days(Days::new(u64::from(d))),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn quarterly_adds_three_months_and_clamps_month_ends() {
        let q = Cadence { kind: CadenceKind::Quarterly, custom_days: None };
        assert_eq!(next_after(d("2026-01-15"), &q), Some(d("2026-04-15")));
        assert_eq!(next_after(d("2026-11-30"), &q), Some(d("2027-02-28")));
    }

    #[test]
    fn custom_cadence_without_days_has_no_next_date() {
        let c = Cadence { kind: CadenceKind::Custom, custom_days: None };
        assert_eq!(next_after(d("2026-01-15"), &c), None);
        let c = Cadence { kind: CadenceKind::Custom, custom_days: Some(45) };
        assert_eq!(next_after(d("2026-01-15"), &c), Some(d("2026-03-01")));
    }
}
