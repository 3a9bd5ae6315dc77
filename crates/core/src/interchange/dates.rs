//! Dates in the interchange format: exactly `YYYY-MM-DD`, a day that exists in the calendar,
//! years 0001 to 9999 (the RFC 3339 `full-date` that the JSON Schema's `format: date` checks).
//! Used by the model's date fields through `#[serde(with)]`; writing is chrono's own, unchanged.

use chrono::{Datelike, NaiveDate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::text;

/// The shape of a date, for the JSON Schema; the calendar is checked by `format: date`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// Reads `s` as a date, or says why it is not one.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    if !shape {
        return Err(format!("{} is not a date: write YYYY-MM-DD, such as 2026-03-31", text::quoted(s)));
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if d.year() >= 1 => Ok(d),
        _ => Err(format!("{s} is not a date in the calendar")),
    }
}

pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    date.serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<NaiveDate, D::Error> {
    parse_date(&String::deserialize(de)?).map_err(D::Error::custom)
}

/// The same for an optional date, written as `null` when there is none.
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(de)?.map(|s| parse_date(&s).map_err(D::Error::custom)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_dates_that_exist_are_read() {
        assert_eq!(parse_date("2028-02-29"), Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()));
        assert_eq!(parse_date("2026-02-30").unwrap_err(), "2026-02-30 is not a date in the calendar");
        assert_eq!(parse_date("0000-01-01").unwrap_err(), "0000-01-01 is not a date in the calendar");
        for bad in ["2026-2-3", "+2026-01-01", "2026-01-01T00:00", "20260101", "٢٠٢٦-٠١-٠١", ""] {
            assert!(parse_date(bad).unwrap_err().contains("write YYYY-MM-DD"), "{bad}");
        }
    }
}
