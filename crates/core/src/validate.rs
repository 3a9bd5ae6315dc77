//! Validation rules of SPEC section 1.
//!
//! Two levels: *integrity* rules protect what may be stored at all (ids, references, ranges,
//! text limits); an import or edit that breaks one is refused. *Governance* rules (one A per
//! activity, two kill-switch holders ...) describe an incomplete or risky framework: it may be
//! stored as a draft, but publishing is refused while any error-level finding remains.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::*;

/// Longest name, title or other one-line field.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest multi-line free text field.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// A party holding more Accountable letters than this is flagged as overloaded.
pub const OVERLOAD_ACCOUNTABLE: usize = 5;
/// A party holding more Responsible letters than this is flagged as overloaded.
pub const OVERLOAD_RESPONSIBLE: usize = 8;

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
    OverridePolicy,
    ReviewSchedule,
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
    /// A sentence for a person.
    pub message: String,
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

struct Sink {
    out: Vec<Finding>,
}

impl Sink {
    fn push(&mut self, severity: Severity, section: Section, item: Option<&str>, path: String, message: String) {
        self.out.push(Finding { severity, section, item: item.map(str::to_owned), path, message });
    }
    fn error(&mut self, section: Section, item: Option<&str>, path: String, message: String) {
        self.push(Severity::Error, section, item, path, message);
    }
    fn warn(&mut self, section: Section, item: Option<&str>, path: String, message: String) {
        self.push(Severity::Warning, section, item, path, message);
    }

    fn name(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(section, item, path.to_owned(), format!("The {what} is empty."));
        }
        self.line(section, item, path, what, value);
    }

    /// A one-line field: bounded, no control characters.
    fn line(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        let n = value.chars().count();
        if n > MAX_NAME_CHARS {
            self.error(
                section,
                item,
                path.to_owned(),
                format!("The {what} is {n} characters long; at most {MAX_NAME_CHARS} are allowed."),
            );
        }
        if value.chars().any(char::is_control) {
            self.error(
                section,
                item,
                path.to_owned(),
                format!("The {what} contains a control character (such as a line break or tab)."),
            );
        }
    }

    /// A multi-line field: bounded, only line breaks and tabs among control characters.
    fn text(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, value: &str) {
        let n = value.chars().count();
        if n > MAX_TEXT_CHARS {
            self.error(
                section,
                item,
                path.to_owned(),
                format!("The {what} is {n} characters long; at most {MAX_TEXT_CHARS} are allowed."),
            );
        }
        if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            self.error(
                section,
                item,
                path.to_owned(),
                format!("The {what} contains a control character other than a line break or tab."),
            );
        }
    }

    fn list(&mut self, section: Section, item: Option<&str>, path: &str, what: &str, values: &[String]) {
        for (i, v) in values.iter().enumerate() {
            let p = format!("{path}[{i}]");
            if v.trim().is_empty() {
                self.error(section, item, p.clone(), format!("Entry {} of the {what} is empty.", i + 1));
            }
            self.line(section, item, &p, what, v);
        }
    }
}

/// Whether `id` is a valid stable id: 1-64 of `a-z 0-9 . _ -`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-'))
}

fn is_decimal_amount(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    !int.is_empty()
        && int.len() <= 15
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| (1..=2).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit()))
}

fn cadence(sink: &mut Sink, section: Section, path: &str, c: &Cadence) {
    match (c.kind, c.custom_days) {
        (CadenceKind::Custom, None) | (CadenceKind::Custom, Some(0)) => sink.error(
            section,
            None,
            format!("{path}.custom_days"),
            "A custom cadence needs a positive number of days.".into(),
        ),
        (CadenceKind::Custom, Some(d)) if d > 3660 => sink.error(
            section,
            None,
            format!("{path}.custom_days"),
            format!("A custom cadence of {d} days is longer than ten years."),
        ),
        (k, Some(_)) if k != CadenceKind::Custom => sink.error(
            section,
            None,
            format!("{path}.custom_days"),
            "A number of days is only used with a custom cadence; clear it or choose custom.".into(),
        ),
        _ => {}
    }
}

fn duration(sink: &mut Sink, section: Section, item: Option<&str>, path: &str, what: &str, d: &Duration) {
    if d.amount == 0 {
        sink.error(section, item, path.to_owned(), format!("The {what} must be a positive duration."));
    }
}

fn pct(sink: &mut Sink, section: Section, item: Option<&str>, path: &str, what: &str, v: f64) {
    if !(0.0..=100.0).contains(&v) || !v.is_finite() {
        sink.error(
            section,
            item,
            path.to_owned(),
            format!("The {what} is {v}; it must be a percentage from 0 to 100."),
        );
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

fn id_format(s: &mut Sink, section: Section, path: &str, id: &str) {
    if !is_valid_id(id) {
        s.error(
            section,
            Some(id),
            path.to_owned(),
            format!("The id \"{}\" is not valid: use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.", id.escape_debug()),
        );
    }
}

fn check_details(s: &mut Sink, name: &str, organisation: &str, description: &str, jurisdictions: &[String]) {
    use Section::Framework;
    s.name(Framework, None, "name", "framework name", name);
    s.line(Framework, None, "organisation", "organisation", organisation);
    s.text(Framework, None, "description", "description", description);
    s.list(Framework, None, "jurisdictions", "jurisdictions", jurisdictions);
}

fn check_party(s: &mut Sink, base: &str, p: &Party) {
    use Section::Parties;
    let item = Some(p.id.as_str());
    id_format(s, Parties, &format!("{base}.id"), &p.id);
    s.name(Parties, item, &format!("{base}.name"), "party name", &p.name);
    s.line(Parties, item, &format!("{base}.title"), "title", &p.title);
    if let Some(e) = &p.email {
        let ok = e.len() <= MAX_NAME_CHARS
            && !e.chars().any(|c| c.is_whitespace() || c.is_control())
            && e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.contains('@'));
        if !ok {
            s.error(
                Parties,
                item,
                format!("{base}.email"),
                format!("\"{}\" is not an email address.", e.escape_debug()),
            );
        }
    }
}

fn check_platform(s: &mut Sink, base: &str, p: &Platform) {
    use Section::Platforms;
    let item = Some(p.id.as_str());
    let c = &p.contract;
    id_format(s, Platforms, &format!("{base}.id"), &p.id);
    s.name(Platforms, item, &format!("{base}.name"), "platform name", &p.name);
    s.list(Platforms, item, &format!("{base}.contract.data_formats"), "data formats", &c.data_formats);
    duration(s, Platforms, item, &format!("{base}.contract.required_latency"), "required latency", &c.required_latency);
    s.text(Platforms, item, &format!("{base}.contract.error_handling"), "error-handling protocol", &c.error_handling);
    s.list(Platforms, item, &format!("{base}.contract.permission_scopes"), "permission scopes", &c.permission_scopes);
    s.text(
        Platforms,
        item,
        &format!("{base}.contract.when_unavailable_detail"),
        "behaviour detail",
        &c.when_unavailable_detail,
    );
    s.text(Platforms, item, &format!("{base}.contract.latency_notes"), "latency notes", &c.latency_notes);
    s.text(Platforms, item, &format!("{base}.contract.policy_notes"), "policy notes", &c.policy_notes);
}

fn check_capability(s: &mut Sink, base: &str, c: &Capability) {
    use Section::Capabilities;
    let item = Some(c.id.as_str());
    id_format(s, Capabilities, &format!("{base}.id"), &c.id);
    s.name(Capabilities, item, &format!("{base}.name"), "capability name", &c.name);
    s.text(Capabilities, item, &format!("{base}.description"), "description", &c.description);
    s.text(Capabilities, item, &format!("{base}.threshold"), "threshold", &c.threshold);
}

fn check_cell(s: &mut Sink, base: &str, cell: &MatrixCell, refs: &Refs) {
    use Section::Matrix;
    let key = format!("{}/{}", cell.capability, cell.platform);
    let item = Some(key.as_str());
    if !refs.capabilities.contains(&cell.capability) {
        s.error(
            Matrix,
            item,
            format!("{base}.capability"),
            format!("The matrix cell names capability \"{}\", which does not exist.", cell.capability.escape_debug()),
        );
    }
    if !refs.platforms.contains(&cell.platform) {
        s.error(
            Matrix,
            item,
            format!("{base}.platform"),
            format!("The matrix cell names platform \"{}\", which does not exist.", cell.platform.escape_debug()),
        );
    }
    s.text(Matrix, item, &format!("{base}.constraints"), "constraints", &cell.constraints);
    s.text(Matrix, item, &format!("{base}.evidence"), "evidence", &cell.evidence);
}

fn check_activity(s: &mut Sink, base: &str, a: &RaciActivity, refs: &Refs) {
    use Section::Raci;
    let item = Some(a.id.as_str());
    id_format(s, Raci, &format!("{base}.id"), &a.id);
    s.name(Raci, item, &format!("{base}.name"), "activity name", &a.name);
    let mut seen = HashSet::new();
    for (j, asg) in a.assignments.iter().enumerate() {
        let p = format!("{base}.assignments[{j}].party");
        if !refs.parties.contains(&asg.party) {
            s.error(
                Raci,
                item,
                p.clone(),
                format!(
                    "Activity \"{}\" assigns a letter to party \"{}\", which does not exist.",
                    a.name,
                    asg.party.escape_debug()
                ),
            );
        }
        if !seen.insert(asg.party.as_str()) {
            s.error(
                Raci,
                item,
                p,
                format!(
                    "Activity \"{}\" gives party \"{}\" more than one letter; a party holds one letter per activity.",
                    a.name,
                    asg.party.escape_debug()
                ),
            );
        }
    }
}

fn check_data_quality(s: &mut Sink, base: &str, d: &DataQualityStandard, refs: &Refs) {
    use Section::DataQuality;
    let item = Some(d.id.as_str());
    id_format(s, DataQuality, &format!("{base}.id"), &d.id);
    s.name(DataQuality, item, &format!("{base}.data_input"), "data input name", &d.data_input);
    if let Some(sp) = &d.source_platform {
        if !refs.platforms.contains(sp) {
            s.error(
                DataQuality,
                item,
                format!("{base}.source_platform"),
                format!("The source platform \"{}\" does not exist.", sp.escape_debug()),
            );
        }
    }
    if !refs.parties.contains(&d.owner) {
        s.error(
            DataQuality,
            item,
            format!("{base}.owner"),
            format!("The owner \"{}\" is not a party of this framework.", d.owner.escape_debug()),
        );
    }
    pct(s, DataQuality, item, &format!("{base}.min_completeness_pct"), "minimum completeness", d.min_completeness_pct);
    duration(s, DataQuality, item, &format!("{base}.max_age"), "maximum age", &d.max_age);
    if let Some(v) = d.max_duplicate_pct {
        pct(s, DataQuality, item, &format!("{base}.max_duplicate_pct"), "duplicate limit", v);
    }
    s.list(DataQuality, item, &format!("{base}.validation_rules"), "validation rules", &d.validation_rules);
    s.text(DataQuality, item, &format!("{base}.notes"), "notes", &d.notes);
}

fn check_hard_stop(s: &mut Sink, base: &str, h: &HardStop, refs: &Refs) {
    use Section::HardStops;
    let item = Some(h.id.as_str());
    id_format(s, HardStops, &format!("{base}.id"), &h.id);
    s.name(HardStops, item, &format!("{base}.name"), "hard stop name", &h.name);
    if let Some(m) = &h.cap {
        if !is_decimal_amount(&m.amount) {
            s.error(
                HardStops,
                item,
                format!("{base}.cap.amount"),
                format!(
                    "\"{}\" is not an amount: write digits with at most two decimals, such as 25000 or 1999.50.",
                    m.amount.escape_debug()
                ),
            );
        }
        if !(m.currency.len() == 3 && m.currency.bytes().all(|c| c.is_ascii_uppercase())) {
            s.error(
                HardStops,
                item,
                format!("{base}.cap.currency"),
                format!(
                    "\"{}\" is not a currency code: use three capital letters, such as USD or EUR.",
                    m.currency.escape_debug()
                ),
            );
        }
    }
    s.list(HardStops, item, &format!("{base}.entries"), "entries", &h.entries);
    for (j, p) in h.platforms.iter().enumerate() {
        if !refs.platforms.contains(p) {
            s.error(
                HardStops,
                item,
                format!("{base}.platforms[{j}]"),
                format!("The platform \"{}\" does not exist.", p.escape_debug()),
            );
        }
    }
    for (j, p) in h.lift_authority.iter().enumerate() {
        if !refs.parties.contains(p) {
            s.error(
                HardStops,
                item,
                format!("{base}.lift_authority[{j}]"),
                format!("The party \"{}\" does not exist.", p.escape_debug()),
            );
        }
    }
    s.text(HardStops, item, &format!("{base}.notes"), "notes", &h.notes);
}

fn check_override(s: &mut Sink, op: &OverridePolicy, refs: &Refs) {
    use Section::OverridePolicy;
    for (j, p) in op.kill_switch_holders.iter().enumerate() {
        if !refs.parties.contains(p) {
            s.error(
                OverridePolicy,
                None,
                format!("override_policy.kill_switch_holders[{j}]"),
                format!("The kill-switch holder \"{}\" is not a party of this framework.", p.escape_debug()),
            );
        }
    }
    s.text(OverridePolicy, None, "override_policy.trigger_procedure", "trigger procedure", &op.trigger_procedure);
    s.text(OverridePolicy, None, "override_policy.notes", "notes", &op.notes);
    cadence(s, OverridePolicy, "override_policy.test_cadence", &op.test_cadence);
}

fn check_schedule(s: &mut Sink, rs: &ReviewSchedule, refs: &Refs) {
    use Section::ReviewSchedule;
    cadence(s, ReviewSchedule, "review_schedule.cadence", &rs.cadence);
    for (j, p) in rs.required_signatories.iter().enumerate() {
        if !refs.parties.contains(p) {
            s.error(
                ReviewSchedule,
                None,
                format!("review_schedule.required_signatories[{j}]"),
                format!("The signatory \"{}\" is not a party of this framework.", p.escape_debug()),
            );
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
    OverridePolicy(&'a OverridePolicy),
    ReviewSchedule(&'a ReviewSchedule),
}

/// The integrity rules for one item, against the ids that exist. Paths start at the item
/// (`parties[ann]`), so a form can show each problem beside its field.
pub fn item_integrity(item: ItemRef<'_>, refs: &Refs) -> Vec<Finding> {
    let mut s = Sink { out: Vec::new() };
    match item {
        ItemRef::Details { name, organisation, description, jurisdictions } => {
            check_details(&mut s, name, organisation, description, jurisdictions)
        }
        ItemRef::Party(p) => check_party(&mut s, &format!("parties[{}]", p.id), p),
        ItemRef::Platform(p) => check_platform(&mut s, &format!("platforms[{}]", p.id), p),
        ItemRef::Capability(c) => check_capability(&mut s, &format!("capabilities[{}]", c.id), c),
        ItemRef::Cell(c) => check_cell(&mut s, &format!("matrix[{}/{}]", c.capability, c.platform), c, refs),
        ItemRef::Activity(a) => check_activity(&mut s, &format!("raci[{}]", a.id), a, refs),
        ItemRef::DataQuality(d) => check_data_quality(&mut s, &format!("data_quality[{}]", d.id), d, refs),
        ItemRef::HardStop(h) => check_hard_stop(&mut s, &format!("hard_stops[{}]", h.id), h, refs),
        ItemRef::OverridePolicy(op) => check_override(&mut s, op, refs),
        ItemRef::ReviewSchedule(rs) => check_schedule(&mut s, rs, refs),
    }
    s.out
}

fn duplicate_ids<'a>(s: &mut Sink, section: Section, coll: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            s.error(
                section,
                Some(id),
                format!("{coll}[{i}].id"),
                format!("The id \"{}\" is used twice in {coll}.", id.escape_debug()),
            );
        }
    }
}

/// Rules that decide whether a framework may be stored at all. An empty result means it may.
pub fn integrity(fw: &Framework) -> Vec<Finding> {
    let mut s = Sink { out: Vec::new() };
    use Section::*;
    let refs = Refs::of(fw);

    if !is_valid_id(&fw.id) {
        s.error(
            Framework,
            None,
            "id".into(),
            format!(
                "The framework id \"{}\" is not valid: use 1 to 64 lower-case letters, digits, '.', '_' or '-'.",
                fw.id.escape_debug()
            ),
        );
    }
    check_details(&mut s, &fw.name, &fw.organisation, &fw.description, &fw.jurisdictions);
    duplicate_ids(&mut s, Parties, "parties", fw.parties.iter().map(|p| p.id.as_str()));
    for (i, p) in fw.parties.iter().enumerate() {
        check_party(&mut s, &format!("parties[{i}]"), p);
    }
    duplicate_ids(&mut s, Platforms, "platforms", fw.platforms.iter().map(|p| p.id.as_str()));
    for (i, p) in fw.platforms.iter().enumerate() {
        check_platform(&mut s, &format!("platforms[{i}]"), p);
    }
    duplicate_ids(&mut s, Capabilities, "capabilities", fw.capabilities.iter().map(|c| c.id.as_str()));
    for (i, c) in fw.capabilities.iter().enumerate() {
        check_capability(&mut s, &format!("capabilities[{i}]"), c);
    }
    let mut cells = HashSet::new();
    for (i, cell) in fw.matrix.iter().enumerate() {
        let base = format!("matrix[{i}]");
        check_cell(&mut s, &base, cell, &refs);
        if !cells.insert((cell.capability.as_str(), cell.platform.as_str())) {
            let key = format!("{}/{}", cell.capability, cell.platform);
            s.error(
                Matrix,
                Some(&key),
                base,
                format!(
                    "The matrix has two cells for capability \"{}\" on platform \"{}\".",
                    cell.capability.escape_debug(),
                    cell.platform.escape_debug()
                ),
            );
        }
    }
    duplicate_ids(&mut s, Raci, "raci", fw.raci.iter().map(|a| a.id.as_str()));
    for (i, a) in fw.raci.iter().enumerate() {
        check_activity(&mut s, &format!("raci[{i}]"), a, &refs);
    }
    duplicate_ids(&mut s, DataQuality, "data_quality", fw.data_quality.iter().map(|d| d.id.as_str()));
    for (i, d) in fw.data_quality.iter().enumerate() {
        check_data_quality(&mut s, &format!("data_quality[{i}]"), d, &refs);
    }
    duplicate_ids(&mut s, HardStops, "hard_stops", fw.hard_stops.iter().map(|h| h.id.as_str()));
    for (i, h) in fw.hard_stops.iter().enumerate() {
        check_hard_stop(&mut s, &format!("hard_stops[{i}]"), h, &refs);
    }
    check_override(&mut s, &fw.override_policy, &refs);
    check_schedule(&mut s, &fw.review_schedule, &refs);
    s.out
}

/// Every finding for a framework: integrity rules plus the governance rules.
/// `today` is passed in so that date rules are testable and never read the clock here.
pub fn validate(fw: &Framework, today: NaiveDate) -> Vec<Finding> {
    let mut s = Sink { out: integrity(fw) };
    use Section::*;

    let party_name: HashMap<&str, &str> = fw.parties.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let pname = |id: &str| party_name.get(id).copied().unwrap_or(id).to_owned();

    if fw.organisation.trim().is_empty() {
        s.warn(Framework, None, "organisation".into(), "The organisation is not named.".into());
    }
    if fw.jurisdictions.is_empty() {
        s.warn(
            Framework,
            None,
            "jurisdictions".into(),
            "No jurisdiction is listed; name where this framework applies (e.g. US, UK, EU).".into(),
        );
    }
    if fw.parties.is_empty() {
        s.error(
            Parties,
            None,
            "parties".into(),
            "The framework has no parties; RACI, owners and kill-switch holders need them.".into(),
        );
    }

    for (i, p) in fw.platforms.iter().enumerate() {
        let item = Some(p.id.as_str());
        let c = &p.contract;
        let base = format!("platforms[{i}].contract");
        if c.when_unavailable == UnavailableBehaviour::Other && c.when_unavailable_detail.trim().is_empty() {
            s.error(
                Platforms,
                item,
                format!("{base}.when_unavailable_detail"),
                format!("{}: the behaviour when unavailable is \"other\" but not described.", p.name),
            );
        }
        if c.permission_scopes.is_empty() {
            s.warn(
                Platforms,
                item,
                format!("{base}.permission_scopes"),
                format!("{}: no permission scopes are listed.", p.name),
            );
        }
        if c.data_formats.is_empty() {
            s.warn(Platforms, item, format!("{base}.data_formats"), format!("{}: no data formats are listed.", p.name));
        }
        if c.error_handling.trim().is_empty() {
            s.warn(
                Platforms,
                item,
                format!("{base}.error_handling"),
                format!("{}: the error-handling protocol is not described.", p.name),
            );
        }
    }

    for (i, c) in fw.capabilities.iter().enumerate() {
        let item = Some(c.id.as_str());
        if c.decision_mode == DecisionMode::ConfidenceThreshold && c.threshold.trim().is_empty() {
            s.error(
                Capabilities,
                item,
                format!("capabilities[{i}].threshold"),
                format!("{}: the decision mode is confidence threshold but no threshold is given.", c.name),
            );
        }
        if c.risk == RiskLevel::High && c.decision_mode == DecisionMode::Autonomous {
            s.warn(
                Capabilities,
                item,
                format!("capabilities[{i}].decision_mode"),
                format!("{}: a high-risk capability runs autonomously, without a threshold or human approval.", c.name),
            );
        }
    }

    let cap_name: HashMap<&str, &str> = fw.capabilities.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let plat_name: HashMap<&str, &str> = fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let mut untested = fw.capabilities.len() * fw.platforms.len();
    for (i, cell) in fw.matrix.iter().enumerate() {
        let key = format!("{}/{}", cell.capability, cell.platform);
        let item = Some(key.as_str());
        let base = format!("matrix[{i}]");
        let label = format!(
            "{} on {}",
            cap_name.get(cell.capability.as_str()).copied().unwrap_or(&cell.capability),
            plat_name.get(cell.platform.as_str()).copied().unwrap_or(&cell.platform)
        );
        if cell.support != Support::Untested
            && cap_name.contains_key(cell.capability.as_str())
            && plat_name.contains_key(cell.platform.as_str())
        {
            untested = untested.saturating_sub(1);
        }
        match (cell.support, cell.mode) {
            (Support::Partial, OperatingMode::Normal) => s.error(
                Matrix,
                item,
                format!("{base}.mode"),
                format!("{label}: support is partial, so the mode must be constrained (partial support accepted) or disabled (not accepted)."),
            ),
            (Support::Unsupported, m) if m != OperatingMode::Disabled => s.error(
                Matrix,
                item,
                format!("{base}.mode"),
                format!("{label}: the platform does not support this capability, so the mode must be disabled."),
            ),
            (Support::Untested, OperatingMode::Normal) => s.warn(
                Matrix,
                item,
                format!("{base}.mode"),
                format!("{label}: runs in normal mode but has not been tested."),
            ),
            _ => {}
        }
        if cell.mode == OperatingMode::Constrained && cell.constraints.trim().is_empty() {
            s.error(
                Matrix,
                item,
                format!("{base}.constraints"),
                format!("{label}: constrained mode needs the constraints written down."),
            );
        }
        if let Some(d) = cell.last_verified {
            if d > today {
                s.warn(
                    Matrix,
                    item,
                    format!("{base}.last_verified"),
                    format!("{label}: the last-verified date {d} is in the future."),
                );
            }
        }
    }
    if untested > 0 {
        s.warn(
            Matrix,
            None,
            "matrix".into(),
            format!(
                "{untested} of {} capability x platform cells are untested.",
                fw.capabilities.len() * fw.platforms.len()
            ),
        );
    }

    if fw.raci.is_empty() {
        s.warn(Raci, None, "raci".into(), "The RACI chart has no activities.".into());
    }
    let mut a_count: HashMap<&str, usize> = HashMap::new();
    let mut r_count: HashMap<&str, usize> = HashMap::new();
    for (i, a) in fw.raci.iter().enumerate() {
        let item = Some(a.id.as_str());
        let accountable: Vec<&str> =
            a.assignments.iter().filter(|x| x.role == RaciRole::A).map(|x| x.party.as_str()).collect();
        let responsible = a.assignments.iter().filter(|x| x.role == RaciRole::R).count();
        for x in &a.assignments {
            match x.role {
                RaciRole::A => *a_count.entry(x.party.as_str()).or_default() += 1,
                RaciRole::R => *r_count.entry(x.party.as_str()).or_default() += 1,
                _ => {}
            }
        }
        match accountable.len() {
            0 => s.error(
                Raci,
                item,
                format!("raci[{i}].assignments"),
                format!("Activity \"{}\" has no Accountable party; exactly one is required.", a.name),
            ),
            1 => {}
            n => s.error(
                Raci,
                item,
                format!("raci[{i}].assignments"),
                format!(
                    "Activity \"{}\" has {n} Accountable parties ({}); exactly one is required.",
                    a.name,
                    accountable.iter().map(|p| pname(p)).collect::<Vec<_>>().join(", ")
                ),
            ),
        }
        if responsible == 0 {
            s.warn(
                Raci,
                item,
                format!("raci[{i}].assignments"),
                format!("Activity \"{}\" has no Responsible party; the Accountable party stands in.", a.name),
            );
        }
    }
    for p in &fw.parties {
        let a = a_count.get(p.id.as_str()).copied().unwrap_or(0);
        let r = r_count.get(p.id.as_str()).copied().unwrap_or(0);
        if a > OVERLOAD_ACCOUNTABLE {
            s.warn(Raci, Some(&p.id), "raci".into(), format!("{} is Accountable for {a} activities (more than {OVERLOAD_ACCOUNTABLE}); consider spreading accountability.", p.name));
        }
        if r > OVERLOAD_RESPONSIBLE {
            s.warn(Raci, Some(&p.id), "raci".into(), format!("{} is Responsible for {r} activities (more than {OVERLOAD_RESPONSIBLE}); consider spreading the work.", p.name));
        }
    }

    for (i, d) in fw.data_quality.iter().enumerate() {
        if d.validation_rules.is_empty() {
            s.warn(
                DataQuality,
                Some(&d.id),
                format!("data_quality[{i}].validation_rules"),
                format!("{}: no validation rules are listed.", d.data_input),
            );
        }
    }

    for (i, h) in fw.hard_stops.iter().enumerate() {
        let item = Some(h.id.as_str());
        let base = format!("hard_stops[{i}]");
        match (h.kind.is_spend_cap(), &h.cap) {
            (true, None) => s.error(
                HardStops,
                item,
                format!("{base}.cap"),
                format!("{}: a spend cap needs an amount and a currency.", h.name),
            ),
            (false, Some(_)) => s.error(
                HardStops,
                item,
                format!("{base}.cap"),
                format!("{}: only spend caps have an amount; remove it or change the kind.", h.name),
            ),
            (true, Some(m)) if m.amount.chars().all(|c| c == '0' || c == '.') => s.error(
                HardStops,
                item,
                format!("{base}.cap.amount"),
                format!("{}: a spend cap of zero stops all spending; use a positive amount.", h.name),
            ),
            _ => {}
        }
        if !h.kind.is_spend_cap() && h.entries.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.entries"),
                format!("{}: the list is empty, so it stops nothing.", h.name),
            );
        }
        if h.kind.is_spend_cap() && !h.entries.is_empty() {
            s.warn(
                HardStops,
                item,
                format!("{base}.entries"),
                format!("{}: a spend cap does not use list entries; they are ignored.", h.name),
            );
        }
        if h.all_platforms && !h.platforms.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.platforms"),
                format!("{}: applies to all platforms and also lists some; choose one.", h.name),
            );
        }
        if !h.all_platforms && h.platforms.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.platforms"),
                format!("{}: applies to no platform; choose all platforms or list some.", h.name),
            );
        }
        if h.lift_authority.is_empty() {
            s.warn(
                HardStops,
                item,
                format!("{base}.lift_authority"),
                format!("{}: nobody is named who may lift it.", h.name),
            );
        }
    }

    let op = &fw.override_policy;
    let holders: HashSet<&str> = op.kill_switch_holders.iter().map(String::as_str).collect();
    if holders.len() < op.kill_switch_holders.len() {
        s.error(
            OverridePolicy,
            None,
            "override_policy.kill_switch_holders".into(),
            "A kill-switch holder is listed twice.".into(),
        );
    }
    if holders.len() < 2 {
        s.error(
            OverridePolicy,
            None,
            "override_policy.kill_switch_holders".into(),
            format!(
                "The kill switch has {} holder(s); at least two parties must be able to trigger it.",
                holders.len()
            ),
        );
    }
    if op.trigger_procedure.trim().is_empty() {
        s.error(
            OverridePolicy,
            None,
            "override_policy.trigger_procedure".into(),
            "How to trigger the kill switch is not described.".into(),
        );
    }
    match op.last_tested {
        None => s.warn(
            OverridePolicy,
            None,
            "override_policy.last_tested".into(),
            "The kill switch has never been tested under simulated failure.".into(),
        ),
        Some(d) if d > today => s.warn(
            OverridePolicy,
            None,
            "override_policy.last_tested".into(),
            format!("The last kill-switch test date {d} is in the future."),
        ),
        Some(d) => {
            if let Some(due) = crate::schedule::next_after(d, &op.test_cadence) {
                if due < today {
                    s.warn(
                        OverridePolicy,
                        None,
                        "override_policy.last_tested".into(),
                        format!(
                            "The kill-switch test was due on {due} ({} after the last test on {d}).",
                            op.test_cadence
                        ),
                    );
                }
            }
        }
    }

    let rs = &fw.review_schedule;
    if rs.required_signatories.is_empty() {
        s.error(
            ReviewSchedule,
            None,
            "review_schedule.required_signatories".into(),
            "No signatory is required, so no review cycle can be signed off.".into(),
        );
    }
    let sig: HashSet<&str> = rs.required_signatories.iter().map(String::as_str).collect();
    if sig.len() < rs.required_signatories.len() {
        s.error(
            ReviewSchedule,
            None,
            "review_schedule.required_signatories".into(),
            "A signatory is listed twice.".into(),
        );
    }

    s.out
}
