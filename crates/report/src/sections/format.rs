//! How numbers, dates, amounts and hashes are written in the report.

use chrono::{DateTime, NaiveDate, Utc};

pub(crate) fn fmt_datetime(d: &DateTime<Utc>) -> String {
    d.format("%-d %B %Y, %H:%M UTC").to_string()
}

pub(super) fn fmt_date(d: &NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Digits with a comma between thousands: "12000" -> "12,000".
fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(super) fn thousands(n: usize) -> String {
    group_digits(&n.to_string())
}

/// A decimal amount as stored ("25000.00") with its currency: "EUR 25,000.00".
pub(super) fn money(amount: &str, currency: &str) -> String {
    let (int, frac) = amount.split_once('.').map_or((amount, None), |(i, f)| (i, Some(f)));
    let grouped = if int.bytes().all(|b| b.is_ascii_digit()) && !int.is_empty() {
        let n = int.trim_start_matches('0');
        group_digits(if n.is_empty() { "0" } else { n })
    } else {
        int.to_owned()
    };
    match frac {
        Some(f) => format!("{currency} {grouped}.{f}"),
        None => format!("{currency} {grouped}"),
    }
}

pub(super) fn pct(v: f64) -> String {
    format!("{v}%")
}

/// "Every 45 days", "Quarterly": the cadence's own wording, capitalised.
pub(super) fn cadence(c: &governance_core::Cadence) -> String {
    let s = c.to_string();
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
        None => s,
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The first 12 hex digits of a hash, as in the footer.
pub(super) fn short_hash(h: &str) -> &str {
    h.get(..12).unwrap_or(h)
}

pub(crate) fn attachment_name_for(id: &str, version: u32) -> String {
    format!("{id}-v{version}.json")
}

/// Sorts after the snapshot's name, as a PDF name tree needs.
pub(crate) fn manifest_name_for(id: &str, version: u32) -> String {
    format!("{id}-v{version}.manifest.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_amounts_are_grouped_by_thousands() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(12_000_000), "12,000,000");
        assert_eq!(money("0025000.50", "EUR"), "EUR 25,000.50");
        assert_eq!(money("000", "USD"), "USD 0");
        assert_eq!(money("12a4", "GBP"), "GBP 12a4");
    }
}
