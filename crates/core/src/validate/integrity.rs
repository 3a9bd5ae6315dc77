//! Integrity rules: what may be stored at all. One check per kind of item, used both for a whole
//! framework (paths by position, `parties[3].name`) and for one edited item (paths by id,
//! `parties[ann].name`). Values echoed in messages are cut: names by `text::excerpt`, ids and other values
//! by `text::quoted`, which also escapes them.

use std::collections::HashSet;

use super::{
    is_currency_code, is_decimal_amount, is_email, is_percent, is_valid_id, key, ItemRef, Refs, Section, Sink,
};
use super::{MAX_CUSTOM_DAYS, MAX_ID_CHARS};
use crate::model::*;
use crate::text::{excerpt, quoted};

fn cadence(s: &mut Sink, section: Section, path: &str, c: &Cadence) {
    let path = format!("{path}.custom_days");
    match (c.kind, c.custom_days) {
        (CadenceKind::Custom, None) | (CadenceKind::Custom, Some(0)) => {
            s.error(section, None, path, "A custom cadence needs a positive number of days.".into())
        }
        (CadenceKind::Custom, Some(d)) if d > MAX_CUSTOM_DAYS => {
            s.error(section, None, path, format!("A custom cadence of {d} days is longer than ten years."))
        }
        (k, Some(_)) if k != CadenceKind::Custom => s.error(
            section,
            None,
            path,
            "A number of days is only used with a custom cadence; clear it or choose custom.".into(),
        ),
        _ => {}
    }
}

fn duration(s: &mut Sink, section: Section, item: Option<&str>, path: String, what: &str, d: &Duration) {
    if d.amount == 0 {
        s.error(section, item, path, format!("The {what} must be a positive duration."));
    }
}

fn pct(s: &mut Sink, section: Section, item: Option<&str>, path: String, what: &str, v: f64) {
    if !is_percent(v) {
        s.error(section, item, path, format!("The {what} is {v}; it must be a percentage from 0 to 100."));
    }
}

fn id_format(s: &mut Sink, section: Section, path: String, id: &str) {
    if !is_valid_id(id) {
        s.error(
            section,
            Some(id),
            path,
            format!(
                "The id {} is not valid: use 1 to {MAX_ID_CHARS} lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.",
                quoted(id)
            ),
        );
    }
}

/// An error when `id` is not among `known`; `message` gets the id as quoted for a message.
fn reference(
    s: &mut Sink,
    section: Section,
    item: Option<&str>,
    path: String,
    known: &HashSet<String>,
    id: &str,
    message: impl FnOnce(String) -> String,
) {
    if !known.contains(id) {
        s.error(section, item, path, message(quoted(id)));
    }
}

fn check_details(s: &mut Sink, name: &str, organisation: &str, description: &str, jurisdictions: &[String]) {
    use Section::Framework;
    s.name(Framework, None, "name", "framework name", name);
    s.line(Framework, None, "organisation", "organisation", organisation);
    s.text(Framework, None, "description", "description", description);
    s.list(Framework, None, "jurisdictions", "jurisdictions", jurisdictions);
    // Coverage and the rules' findings go per jurisdiction; one named twice would count twice.
    for (i, j) in jurisdictions.iter().enumerate() {
        let key = j.trim().to_ascii_lowercase();
        if jurisdictions[..i].iter().any(|k| k.trim().to_ascii_lowercase() == key) {
            s.error(
                Framework,
                None,
                format!("jurisdictions[{i}]"),
                format!("The jurisdiction {} is listed twice.", quoted(j)),
            );
        }
    }
}

fn check_party(s: &mut Sink, base: &str, p: &Party) {
    use Section::Parties;
    let item = Some(p.id.as_str());
    id_format(s, Parties, format!("{base}.id"), &p.id);
    s.name(Parties, item, &format!("{base}.name"), "party name", &p.name);
    s.line(Parties, item, &format!("{base}.title"), "title", &p.title);
    if let Some(e) = &p.email {
        if !is_email(e) {
            s.error(Parties, item, format!("{base}.email"), format!("{} is not an email address.", quoted(e)));
        }
    }
    if let Some(pem) = &p.certificate {
        let path = format!("{base}.certificate");
        if pem.chars().count() > MAX_CERTIFICATE_CHARS {
            s.error(
                Parties,
                item,
                path,
                format!("The signing certificate is longer than {MAX_CERTIFICATE_CHARS} characters."),
            );
        } else if let Err(e) = crate::signoff::certificate(pem) {
            s.error(Parties, item, path, format!("{}.", crate::text::excerpt(&e.to_string())));
        }
    }
}

/// Longest signing certificate accepted, in PEM: an RSA 4096 certificate is about 2,000.
pub const MAX_CERTIFICATE_CHARS: usize = 16_000;

fn check_platform(s: &mut Sink, base: &str, p: &Platform) {
    use Section::Platforms;
    let item = Some(p.id.as_str());
    let c = &p.contract;
    let at = |field: &str| format!("{base}.contract.{field}");
    id_format(s, Platforms, format!("{base}.id"), &p.id);
    s.name(Platforms, item, &format!("{base}.name"), "platform name", &p.name);
    s.list(Platforms, item, &at("data_formats"), "data formats", &c.data_formats);
    duration(s, Platforms, item, at("required_latency"), "required latency", &c.required_latency);
    s.text(Platforms, item, &at("error_handling"), "error-handling protocol", &c.error_handling);
    s.list(Platforms, item, &at("permission_scopes"), "permission scopes", &c.permission_scopes);
    s.text(Platforms, item, &at("when_unavailable_detail"), "behaviour detail", &c.when_unavailable_detail);
    s.text(Platforms, item, &at("latency_notes"), "latency notes", &c.latency_notes);
    s.text(Platforms, item, &at("policy_notes"), "policy notes", &c.policy_notes);
}

fn check_capability(s: &mut Sink, base: &str, c: &Capability) {
    use Section::Capabilities;
    let item = Some(c.id.as_str());
    id_format(s, Capabilities, format!("{base}.id"), &c.id);
    s.name(Capabilities, item, &format!("{base}.name"), "capability name", &c.name);
    s.text(Capabilities, item, &format!("{base}.description"), "description", &c.description);
    s.text(Capabilities, item, &format!("{base}.threshold"), "threshold", &c.threshold);
    obligations(s, Capabilities, item, base, &c.obligations);
}

fn cell_key(cell: &MatrixCell) -> String {
    format!("{}/{}", key(&cell.capability), key(&cell.platform))
}

fn check_cell(s: &mut Sink, base: &str, cell: &MatrixCell, refs: &Refs) {
    use Section::Matrix;
    let k = cell_key(cell);
    let item = Some(k.as_str());
    reference(s, Matrix, item, format!("{base}.capability"), &refs.capabilities, &cell.capability, |q| {
        format!("The matrix cell names capability {q}, which does not exist.")
    });
    reference(s, Matrix, item, format!("{base}.platform"), &refs.platforms, &cell.platform, |q| {
        format!("The matrix cell names platform {q}, which does not exist.")
    });
    s.text(Matrix, item, &format!("{base}.constraints"), "constraints", &cell.constraints);
    s.text(Matrix, item, &format!("{base}.evidence"), "evidence", &cell.evidence);
}

fn check_activity(s: &mut Sink, base: &str, a: &RaciActivity, refs: &Refs) {
    use Section::Raci;
    let item = Some(a.id.as_str());
    id_format(s, Raci, format!("{base}.id"), &a.id);
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
                    "Activity \"{}\" assigns a letter to party {}, which does not exist.",
                    excerpt(&a.name),
                    quoted(&asg.party)
                ),
            );
        }
        if !seen.insert(asg.party.as_str()) {
            s.error(
                Raci,
                item,
                p,
                format!(
                    "Activity \"{}\" gives party {} more than one letter; a party holds one letter per activity.",
                    excerpt(&a.name),
                    quoted(&asg.party)
                ),
            );
        }
    }
    obligations(s, Raci, item, base, &a.obligations);
}

fn check_data_quality(s: &mut Sink, base: &str, d: &DataQualityStandard, refs: &Refs) {
    use Section::DataQuality;
    let item = Some(d.id.as_str());
    id_format(s, DataQuality, format!("{base}.id"), &d.id);
    s.name(DataQuality, item, &format!("{base}.data_input"), "data input name", &d.data_input);
    if let Some(sp) = &d.source_platform {
        let path = format!("{base}.source_platform");
        reference(s, DataQuality, item, path, &refs.platforms, sp, |q| {
            format!("The source platform {q} does not exist.")
        });
    }
    reference(s, DataQuality, item, format!("{base}.owner"), &refs.parties, &d.owner, |q| {
        format!("The owner {q} is not a party of this framework.")
    });
    pct(s, DataQuality, item, format!("{base}.min_completeness_pct"), "minimum completeness", d.min_completeness_pct);
    duration(s, DataQuality, item, format!("{base}.max_age"), "maximum age", &d.max_age);
    if let Some(v) = d.max_duplicate_pct {
        pct(s, DataQuality, item, format!("{base}.max_duplicate_pct"), "duplicate limit", v);
    }
    s.list(DataQuality, item, &format!("{base}.validation_rules"), "validation rules", &d.validation_rules);
    s.text(DataQuality, item, &format!("{base}.notes"), "notes", &d.notes);
    obligations(s, DataQuality, item, base, &d.obligations);
}

fn check_hard_stop(s: &mut Sink, base: &str, h: &HardStop, refs: &Refs) {
    use Section::HardStops;
    let item = Some(h.id.as_str());
    id_format(s, HardStops, format!("{base}.id"), &h.id);
    s.name(HardStops, item, &format!("{base}.name"), "hard stop name", &h.name);
    if let Some(m) = &h.cap {
        if !is_decimal_amount(&m.amount) {
            s.error(
                HardStops,
                item,
                format!("{base}.cap.amount"),
                format!(
                    "{} is not an amount: write digits with at most two decimals, such as 25000 or 1999.50.",
                    quoted(&m.amount)
                ),
            );
        }
        if !is_currency_code(&m.currency) {
            s.error(
                HardStops,
                item,
                format!("{base}.cap.currency"),
                format!(
                    "{} is not a currency code: use three capital letters, such as USD or EUR.",
                    quoted(&m.currency)
                ),
            );
        }
    }
    s.list(HardStops, item, &format!("{base}.entries"), "entries", &h.entries);
    for (j, p) in h.platforms.iter().enumerate() {
        let path = format!("{base}.platforms[{j}]");
        reference(s, HardStops, item, path, &refs.platforms, p, |q| format!("The platform {q} does not exist."));
    }
    for (j, p) in h.lift_authority.iter().enumerate() {
        let path = format!("{base}.lift_authority[{j}]");
        reference(s, HardStops, item, path, &refs.parties, p, |q| format!("The party {q} does not exist."));
    }
    s.text(HardStops, item, &format!("{base}.notes"), "notes", &h.notes);
    obligations(s, HardStops, item, base, &h.obligations);
}

fn check_rule(s: &mut Sink, base: &str, r: &ComplianceRule, refs: &Refs) {
    use Section::ComplianceRules as Rules;
    let item = Some(r.id.as_str());
    id_format(s, Rules, format!("{base}.id"), &r.id);
    s.name(Rules, item, &format!("{base}.name"), "rule name", &r.name);
    s.name(Rules, item, &format!("{base}.jurisdiction"), "jurisdiction", &r.jurisdiction);
    s.text(Rules, item, &format!("{base}.requirement"), "requirement", &r.requirement);
    for (j, c) in r.capabilities.iter().enumerate() {
        let path = format!("{base}.capabilities[{j}]");
        reference(s, Rules, item, path, &refs.capabilities, c, |q| format!("The capability {q} does not exist."));
    }
    for (j, p) in r.platforms.iter().enumerate() {
        let path = format!("{base}.platforms[{j}]");
        reference(s, Rules, item, path, &refs.platforms, p, |q| format!("The platform {q} does not exist."));
    }
    s.text(Rules, item, &format!("{base}.evidence"), "evidence", &r.evidence);
    reference(s, Rules, item, format!("{base}.owner"), &refs.parties, &r.owner, |q| {
        format!("The owner {q} is not a party of this framework.")
    });
    obligations(s, Rules, item, base, &r.obligations);
}

/// Links to obligations: each must be a shipped obligation, linked once.
fn obligations(s: &mut Sink, section: Section, item: Option<&str>, base: &str, ids: &[String]) {
    let mut seen = HashSet::new();
    for (j, id) in ids.iter().enumerate() {
        let path = format!("{base}.obligations[{j}]");
        if crate::obligations::obligation(id).is_none() {
            s.error(section, item, path, format!("The obligation {} is not in any shipped catalogue.", quoted(id)));
        } else if !seen.insert(id.as_str()) {
            s.error(section, item, path, format!("The obligation {} is linked twice.", quoted(id)));
        }
    }
}

fn check_override(s: &mut Sink, op: &OverridePolicy, refs: &Refs) {
    use Section::OverridePolicy;
    for (j, p) in op.kill_switch_holders.iter().enumerate() {
        let path = format!("override_policy.kill_switch_holders[{j}]");
        reference(s, OverridePolicy, None, path, &refs.parties, p, |q| {
            format!("The kill-switch holder {q} is not a party of this framework.")
        });
    }
    s.text(OverridePolicy, None, "override_policy.trigger_procedure", "trigger procedure", &op.trigger_procedure);
    s.text(OverridePolicy, None, "override_policy.notes", "notes", &op.notes);
    cadence(s, OverridePolicy, "override_policy.test_cadence", &op.test_cadence);
    obligations(s, OverridePolicy, None, "override_policy", &op.obligations);
}

fn check_schedule(s: &mut Sink, rs: &ReviewSchedule, refs: &Refs) {
    use Section::ReviewSchedule;
    cadence(s, ReviewSchedule, "review_schedule.cadence", &rs.cadence);
    for (j, p) in rs.required_signatories.iter().enumerate() {
        let path = format!("review_schedule.required_signatories[{j}]");
        reference(s, ReviewSchedule, None, path, &refs.parties, p, |q| {
            format!("The signatory {q} is not a party of this framework.")
        });
    }
    obligations(s, ReviewSchedule, None, "review_schedule", &rs.obligations);
}

fn duplicate_ids<'a>(s: &mut Sink, section: Section, coll: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            s.error(
                section,
                Some(id),
                format!("{coll}[{i}].id"),
                format!("The id {} is used twice in {coll}.", quoted(id)),
            );
        }
    }
}

/// One edited item; its paths start at its id.
pub(super) fn item(s: &mut Sink, item: ItemRef<'_>, refs: &Refs) {
    match item {
        ItemRef::Details { name, organisation, description, jurisdictions } => {
            check_details(s, name, organisation, description, jurisdictions)
        }
        ItemRef::Party(p) => check_party(s, &format!("parties[{}]", key(&p.id)), p),
        ItemRef::Platform(p) => check_platform(s, &format!("platforms[{}]", key(&p.id)), p),
        ItemRef::Capability(c) => check_capability(s, &format!("capabilities[{}]", key(&c.id)), c),
        ItemRef::Cell(c) => check_cell(s, &format!("matrix[{}]", cell_key(c)), c, refs),
        ItemRef::Activity(a) => check_activity(s, &format!("raci[{}]", key(&a.id)), a, refs),
        ItemRef::DataQuality(d) => check_data_quality(s, &format!("data_quality[{}]", key(&d.id)), d, refs),
        ItemRef::HardStop(h) => check_hard_stop(s, &format!("hard_stops[{}]", key(&h.id)), h, refs),
        ItemRef::Rule(r) => check_rule(s, &format!("compliance_rules[{}]", key(&r.id)), r, refs),
        ItemRef::OverridePolicy(op) => check_override(s, op, refs),
        ItemRef::ReviewSchedule(rs) => check_schedule(s, rs, refs),
    }
}

/// A whole framework; its paths name positions in the interchange file.
pub(super) fn framework(s: &mut Sink, fw: &Framework) {
    use Section::*;
    let refs = Refs::of(fw);
    if !is_valid_id(&fw.id) {
        s.error(
            Framework,
            None,
            "id".into(),
            format!(
                "The framework id {} is not valid: use 1 to {MAX_ID_CHARS} lower-case letters, digits, '.', '_' or '-'.",
                quoted(&fw.id)
            ),
        );
    }
    check_details(s, &fw.name, &fw.organisation, &fw.description, &fw.jurisdictions);
    duplicate_ids(s, Parties, "parties", fw.parties.iter().map(|p| p.id.as_str()));
    for (i, p) in fw.parties.iter().enumerate() {
        check_party(s, &format!("parties[{i}]"), p);
    }
    duplicate_ids(s, Platforms, "platforms", fw.platforms.iter().map(|p| p.id.as_str()));
    for (i, p) in fw.platforms.iter().enumerate() {
        check_platform(s, &format!("platforms[{i}]"), p);
    }
    duplicate_ids(s, Capabilities, "capabilities", fw.capabilities.iter().map(|c| c.id.as_str()));
    for (i, c) in fw.capabilities.iter().enumerate() {
        check_capability(s, &format!("capabilities[{i}]"), c);
    }
    let mut cells = HashSet::new();
    for (i, cell) in fw.matrix.iter().enumerate() {
        let base = format!("matrix[{i}]");
        check_cell(s, &base, cell, &refs);
        if !cells.insert((cell.capability.as_str(), cell.platform.as_str())) {
            s.error(
                Matrix,
                Some(&cell_key(cell)),
                base,
                format!(
                    "The matrix has two cells for capability {} on platform {}.",
                    quoted(&cell.capability),
                    quoted(&cell.platform)
                ),
            );
        }
    }
    duplicate_ids(s, Raci, "raci", fw.raci.iter().map(|a| a.id.as_str()));
    for (i, a) in fw.raci.iter().enumerate() {
        check_activity(s, &format!("raci[{i}]"), a, &refs);
    }
    duplicate_ids(s, DataQuality, "data_quality", fw.data_quality.iter().map(|d| d.id.as_str()));
    for (i, d) in fw.data_quality.iter().enumerate() {
        check_data_quality(s, &format!("data_quality[{i}]"), d, &refs);
    }
    duplicate_ids(s, HardStops, "hard_stops", fw.hard_stops.iter().map(|h| h.id.as_str()));
    for (i, h) in fw.hard_stops.iter().enumerate() {
        check_hard_stop(s, &format!("hard_stops[{i}]"), h, &refs);
    }
    duplicate_ids(s, ComplianceRules, "compliance_rules", fw.compliance_rules.iter().map(|r| r.id.as_str()));
    for (i, r) in fw.compliance_rules.iter().enumerate() {
        check_rule(s, &format!("compliance_rules[{i}]"), r, &refs);
    }
    check_override(s, &fw.override_policy, &refs);
    check_schedule(s, &fw.review_schedule, &refs);
}
