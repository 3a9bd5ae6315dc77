//! Validation rules of SPEC section 1.
//!
//! Two levels: *integrity* rules protect what may be stored at all (ids, references, ranges,
//! text limits); an import or edit that breaks one is refused. *Governance* rules (one A per
//! activity, two kill-switch holders ...) describe an incomplete or risky framework: it may be
//! stored as a draft, but publishing is refused while any error-level finding remains.
//!
//! `rules` holds the per-value rules (also stated by the JSON Schema), `integrity` the checks
//! that decide what may be stored, `governance` one function per section's governance rules.

mod compliance;
mod governance;
mod integrity;
mod rules;

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::*;
use crate::text;

pub use governance::{OVERLOAD_ACCOUNTABLE, OVERLOAD_RESPONSIBLE};
pub use rules::{
    amount_pattern, email_pattern, is_blank, is_currency_code, is_decimal_amount, is_email, is_percent, is_valid_id,
    text_problem, TextKind, CURRENCY_PATTERN, ID_PATTERN, MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS, MAX_CUSTOM_DAYS,
    MAX_ID_CHARS, MAX_NAME_CHARS, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, PERCENT_RANGE,
};
pub(crate) use rules::{class, WHITESPACE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Framework,
    Parties,
    Platforms,
    Capabilities,
    Matrix,
    Raci,
    DataQuality,
    HardStops,
    ComplianceRules,
    OverridePolicy,
    ReviewSchedule,
    /// Which obligations the framework answers, per jurisdiction and catalogue.
    Coverage,
}

/// One problem found in a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub severity: Severity,
    pub section: Section,
    /// Id of the item concerned (for a matrix cell, "capability/platform"); `None` for the section.
    pub item: Option<String>,
    /// Where in the interchange file the problem is, e.g. `raci[incident-response].assignments`.
    pub path: String,
    /// The field of the item the problem is about, as a form names it: `path` without the item
    /// and without list positions (`contract.data_formats`, `min_completeness_pct`). Empty when
    /// the problem is about the item as a whole.
    pub field: String,
    /// A sentence for a person.
    pub message: String,
}

impl Finding {
    pub fn new(severity: Severity, section: Section, item: Option<String>, path: String, message: String) -> Finding {
        let field = field_of(&path);
        Finding { severity, section, item, path, field, message }
    }

    /// An error about a value outside any framework section, such as a change summary.
    pub fn error(section: Section, path: &str, message: String) -> Finding {
        Finding::new(Severity::Error, section, None, path.to_owned(), message)
    }
}

/// The lists whose items a path names by id: `parties[cmo].title`.
const ITEM_LISTS: [&str; 8] =
    ["parties", "platforms", "capabilities", "matrix", "raci", "data_quality", "hard_stops", "compliance_rules"];

/// A path's field relative to its item (see `Finding::field`):
/// `data_quality[dq-x].min_completeness_pct` -> `min_completeness_pct`,
/// `platforms[tiktok].contract.data_formats[1]` -> `contract.data_formats`,
/// `override_policy.test_cadence.custom_days` -> `test_cadence.custom_days`, `jurisdictions[0]` -> `jurisdictions`.
pub fn field_of(path: &str) -> String {
    let rest = ["override_policy", "review_schedule"]
        .iter()
        .find_map(|part| path.strip_prefix(part).filter(|r| r.is_empty() || r.starts_with('.')))
        .or_else(|| {
            let (list, after) = path.split_once('[')?;
            let (_, rest) = after.split_once(']')?;
            ITEM_LISTS.contains(&list).then_some(rest)
        })
        .unwrap_or(path)
        .trim_start_matches('.');
    let mut out = String::with_capacity(rest.len());
    let mut in_index = false;
    for c in rest.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {} ({})", self.message, self.path)
    }
}

pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Longest item key kept whole: a matrix cell's key is two ids and a slash.
const MAX_KEY_CHARS: usize = 2 * MAX_ID_CHARS + 1;

/// An id as a path segment or item key: whole when it could be valid, else cut (without
/// parentheses, which would end the path where the app reads it back from a message).
fn key(id: &str) -> String {
    if id.char_indices().nth(MAX_KEY_CHARS).is_none() {
        return id.to_owned();
    }
    let cut = id.char_indices().nth(text::EXCERPT_CHARS).map_or(id.len(), |(i, _)| i);
    format!("{}...", &id[..cut])
}

/// Collects findings for one run of the rules.
struct Sink {
    out: Vec<Finding>,
}

impl Sink {
    fn push(&mut self, severity: Severity, section: Section, item: Option<&str>, path: String, message: String) {
        self.out.push(Finding::new(severity, section, item.map(key), path, message));
    }
    fn error(&mut self, section: Section, item: Option<&str>, path: String, message: String) {
        self.push(Severity::Error, section, item, path, message);
    }
    fn warn(&mut self, section: Section, item: Option<&str>, path: String, message: String) {
        self.push(Severity::Warning, section, item, path, message);
    }

    /// A one-line field that must not be empty.
    fn name(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        if is_blank(value) {
            self.error(section, item, path.to_owned(), format!("The {what} is empty."));
        }
        self.line(section, item, path, what, value);
    }

    /// A one-line field: bounded, no control characters.
    fn line(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        if let Some(problem) = text_problem(TextKind::OneLine, what, value) {
            self.error(section, item, path.to_owned(), problem);
        }
    }

    /// A multi-line field: bounded, only line breaks and tabs among control characters.
    fn text(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        if let Some(problem) = text_problem(TextKind::FreeText, what, value) {
            self.error(section, item, path.to_owned(), problem);
        }
    }

    /// A list of one-line entries, none of them empty.
    fn list(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            let p = format!("{path}[{i}]");
            if is_blank(v) {
                self.error(section, item, p.clone(), format!("Entry {} of the {what} is empty.", i + 1));
            }
            self.line(section, item, &p, what, v);
        }
    }
}

/// The ids that references may point at, for checking one item without the whole framework.
#[derive(Debug, Default, Clone)]
pub struct Refs {
    pub parties: HashSet<String>,
    pub platforms: HashSet<String>,
    pub capabilities: HashSet<String>,
}

impl Refs {
    pub fn of(fw: &Framework) -> Refs {
        Refs {
            parties: fw.parties.iter().map(|p| p.id.clone()).collect(),
            platforms: fw.platforms.iter().map(|p| p.id.clone()).collect(),
            capabilities: fw.capabilities.iter().map(|c| c.id.clone()).collect(),
        }
    }
}

/// One item to check on its own, as an edit changes it.
pub enum ItemRef<'a> {
    Details { name: &'a str, organisation: &'a str, description: &'a str, jurisdictions: &'a [String] },
    Party(&'a Party),
    Platform(&'a Platform),
    Capability(&'a Capability),
    Cell(&'a MatrixCell),
    Activity(&'a RaciActivity),
    DataQuality(&'a DataQualityStandard),
    HardStop(&'a HardStop),
    Rule(&'a ComplianceRule),
    OverridePolicy(&'a OverridePolicy),
    ReviewSchedule(&'a ReviewSchedule),
}

/// The integrity rules for one item, against the ids that exist. Paths start at the item
/// (`parties[ann]`), so a form can show each problem beside its field.
pub fn item_integrity(item: ItemRef<'_>, refs: &Refs) -> Vec<Finding> {
    let mut s = Sink { out: Vec::new() };
    integrity::item(&mut s, item, refs);
    s.out
}

/// Rules that decide whether a framework may be stored at all. An empty result means it may.
pub fn integrity(fw: &Framework) -> Vec<Finding> {
    let mut s = Sink { out: Vec::new() };
    integrity::framework(&mut s, fw);
    s.out
}

/// Every finding for a framework: integrity rules plus the governance rules.
/// `today` is passed in so that date rules are testable and never read the clock here.
pub fn validate(fw: &Framework, today: NaiveDate) -> Vec<Finding> {
    let mut s = Sink { out: integrity(fw) };
    governance::check(&mut s, fw, today);
    s.out
}

#[cfg(test)]
mod field_tests {
    use super::field_of;

    #[test]
    fn a_findings_field_is_its_path_without_the_item_and_list_positions() {
        assert_eq!(field_of("data_quality[dq-x].min_completeness_pct"), "min_completeness_pct");
        assert_eq!(field_of("platforms[tiktok].contract.data_formats[1]"), "contract.data_formats");
        assert_eq!(field_of("override_policy.test_cadence.custom_days"), "test_cadence.custom_days");
        assert_eq!(field_of("override_policy"), "");
        assert_eq!(field_of("raci[launch]"), "");
        assert_eq!(field_of("matrix[copy/tiktok].constraints"), "constraints");
        assert_eq!(field_of("jurisdictions[0]"), "jurisdictions");
        assert_eq!(field_of("hard_stops[daily-cap].cap.amount"), "cap.amount");
        assert_eq!(field_of("hard_stops[h].lift_authority[1]"), "lift_authority");
        assert_eq!(field_of("review_schedule.required_signatories[0]"), "required_signatories");
        assert_eq!(field_of("platforms[x].contract.permission_scopes[2]"), "contract.permission_scopes");
        assert_eq!(field_of("summary"), "summary");
        assert_eq!(field_of("overrides[1].x"), "overrides.x", "only the framework's lists name items");
    }
}
