//! Governance rules, one function per section: findings on a framework that may be stored as a
//! draft but not published while an error remains. Names echoed in messages are cut
//! (`text::excerpt`), since `validate` also runs on files that broke integrity.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Section, Sink};
use crate::model::*;
use crate::text::excerpt;

/// A party holding more Accountable letters than this is flagged as overloaded.
pub const OVERLOAD_ACCOUNTABLE: usize = 5;
/// A party holding more Responsible letters than this is flagged as overloaded.
pub const OVERLOAD_RESPONSIBLE: usize = 8;

pub(super) fn check(s: &mut Sink, fw: &Framework, today: NaiveDate) {
    details(s, fw);
    parties(s, &fw.parties, today);
    platforms(s, &fw.platforms);
    capabilities(s, &fw.capabilities);
    matrix(s, fw, today);
    raci(s, fw);
    data_quality(s, &fw.data_quality);
    hard_stops(s, &fw.hard_stops);
    override_policy(s, &fw.override_policy, today);
    review_schedule(s, &fw.review_schedule);
    super::compliance::check(s, fw);
}

fn details(s: &mut Sink, fw: &Framework) {
    if fw.organisation.trim().is_empty() {
        s.warn(Section::Framework, None, "organisation".into(), "The organisation is not named.".into());
    }
    if fw.jurisdictions.is_empty() {
        s.warn(
            Section::Framework,
            None,
            "jurisdictions".into(),
            "No jurisdiction is listed; name where this framework applies (e.g. US, UK, EU).".into(),
        );
    }
    if fw.parties.is_empty() {
        s.error(
            Section::Parties,
            None,
            "parties".into(),
            "The framework has no parties; RACI, owners and kill-switch holders need them.".into(),
        );
    }
}

/// A signing certificate only signs within its validity dates.
fn parties(s: &mut Sink, parties: &[Party], today: NaiveDate) {
    for p in parties {
        let Some(cert) = p.certificate.as_deref().and_then(|pem| crate::signoff::certificate(pem).ok()) else {
            continue;
        };
        let (from, until) = (cert.not_before().date_naive(), cert.not_after().date_naive());
        let path = || format!("parties[{}].certificate", p.id);
        let name = excerpt(&p.name);
        if today > until {
            s.warn(
                Section::Parties,
                Some(&p.id),
                path(),
                format!("The signing certificate of {name} expired on {until}."),
            );
        } else if today < from {
            s.warn(
                Section::Parties,
                Some(&p.id),
                path(),
                format!("The signing certificate of {name} is valid only from {from}."),
            );
        }
    }
}

fn platforms(s: &mut Sink, platforms: &[Platform]) {
    use Section::Platforms;
    for (i, p) in platforms.iter().enumerate() {
        let item = Some(p.id.as_str());
        let c = &p.contract;
        let base = format!("platforms[{i}].contract");
        let name = excerpt(&p.name);
        if c.when_unavailable == UnavailableBehaviour::Other && c.when_unavailable_detail.trim().is_empty() {
            s.error(
                Platforms,
                item,
                format!("{base}.when_unavailable_detail"),
                format!("{name}: the behaviour when unavailable is \"other\" but not described."),
            );
        }
        if c.permission_scopes.is_empty() {
            s.warn(
                Platforms,
                item,
                format!("{base}.permission_scopes"),
                format!("{name}: no permission scopes are listed."),
            );
        }
        if c.data_formats.is_empty() {
            s.warn(Platforms, item, format!("{base}.data_formats"), format!("{name}: no data formats are listed."));
        }
        if c.error_handling.trim().is_empty() {
            s.warn(
                Platforms,
                item,
                format!("{base}.error_handling"),
                format!("{name}: the error-handling protocol is not described."),
            );
        }
    }
}

fn capabilities(s: &mut Sink, capabilities: &[Capability]) {
    use Section::Capabilities;
    for (i, c) in capabilities.iter().enumerate() {
        let item = Some(c.id.as_str());
        let name = excerpt(&c.name);
        if c.decision_mode == DecisionMode::ConfidenceThreshold && c.threshold.trim().is_empty() {
            s.error(
                Capabilities,
                item,
                format!("capabilities[{i}].threshold"),
                format!("{name}: the decision mode is confidence threshold but no threshold is given."),
            );
        }
        if c.risk == RiskLevel::High && c.decision_mode == DecisionMode::Autonomous {
            s.warn(
                Capabilities,
                item,
                format!("capabilities[{i}].decision_mode"),
                format!("{name}: a high-risk capability runs autonomously, without a threshold or human approval."),
            );
        }
    }
}

fn matrix(s: &mut Sink, fw: &Framework, today: NaiveDate) {
    use Section::Matrix;
    let cap_name: HashMap<&str, &str> = fw.capabilities.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let plat_name: HashMap<&str, &str> = fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let mut untested = fw.capabilities.len() * fw.platforms.len();
    for (i, cell) in fw.matrix.iter().enumerate() {
        let key = format!("{}/{}", cell.capability, cell.platform);
        let item = Some(key.as_str());
        let base = format!("matrix[{i}]");
        let label = format!(
            "{} on {}",
            excerpt(cap_name.get(cell.capability.as_str()).copied().unwrap_or(&cell.capability)),
            excerpt(plat_name.get(cell.platform.as_str()).copied().unwrap_or(&cell.platform))
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
        if let Some(d) = cell.last_verified.filter(|d| *d > today) {
            s.warn(
                Matrix,
                item,
                format!("{base}.last_verified"),
                format!("{label}: the last-verified date {d} is in the future."),
            );
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
}

fn raci(s: &mut Sink, fw: &Framework) {
    use Section::Raci;
    if fw.raci.is_empty() {
        s.warn(Raci, None, "raci".into(), "The RACI chart has no activities.".into());
    }
    let party_name: HashMap<&str, &str> = fw.parties.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    let pname = |id: &str| excerpt(party_name.get(id).copied().unwrap_or(id));
    let mut a_count: HashMap<&str, usize> = HashMap::new();
    let mut r_count: HashMap<&str, usize> = HashMap::new();
    for (i, a) in fw.raci.iter().enumerate() {
        let item = Some(a.id.as_str());
        let path = format!("raci[{i}].assignments");
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
        let name = excerpt(&a.name);
        match accountable.len() {
            0 => s.error(
                Raci,
                item,
                path.clone(),
                format!("Activity \"{name}\" has no Accountable party; exactly one is required."),
            ),
            1 => {}
            n => s.error(
                Raci,
                item,
                path.clone(),
                format!(
                    "Activity \"{name}\" has {n} Accountable parties ({}); exactly one is required.",
                    accountable.iter().map(|p| pname(p)).collect::<Vec<_>>().join(", ")
                ),
            ),
        }
        if responsible == 0 {
            s.warn(
                Raci,
                item,
                path,
                format!("Activity \"{name}\" has no Responsible party; the Accountable party stands in."),
            );
        }
    }
    for p in &fw.parties {
        let a = a_count.get(p.id.as_str()).copied().unwrap_or(0);
        let r = r_count.get(p.id.as_str()).copied().unwrap_or(0);
        let name = excerpt(&p.name);
        if a > OVERLOAD_ACCOUNTABLE {
            s.warn(Raci, Some(&p.id), "raci".into(), format!("{name} is Accountable for {a} activities (more than {OVERLOAD_ACCOUNTABLE}); consider spreading accountability."));
        }
        if r > OVERLOAD_RESPONSIBLE {
            s.warn(Raci, Some(&p.id), "raci".into(), format!("{name} is Responsible for {r} activities (more than {OVERLOAD_RESPONSIBLE}); consider spreading the work."));
        }
    }
}

fn data_quality(s: &mut Sink, standards: &[DataQualityStandard]) {
    for (i, d) in standards.iter().enumerate() {
        if d.validation_rules.is_empty() {
            s.warn(
                Section::DataQuality,
                Some(&d.id),
                format!("data_quality[{i}].validation_rules"),
                format!("{}: no validation rules are listed.", excerpt(&d.data_input)),
            );
        }
    }
}

fn hard_stops(s: &mut Sink, stops: &[HardStop]) {
    use Section::HardStops;
    for (i, h) in stops.iter().enumerate() {
        let item = Some(h.id.as_str());
        let base = format!("hard_stops[{i}]");
        let name = excerpt(&h.name);
        match (h.kind.is_spend_cap(), &h.cap) {
            (true, None) => s.error(
                HardStops,
                item,
                format!("{base}.cap"),
                format!("{name}: a spend cap needs an amount and a currency."),
            ),
            (false, Some(_)) => s.error(
                HardStops,
                item,
                format!("{base}.cap"),
                format!("{name}: only spend caps have an amount; remove it or change the kind."),
            ),
            (true, Some(m)) if m.amount.chars().all(|c| c == '0' || c == '.') => s.error(
                HardStops,
                item,
                format!("{base}.cap.amount"),
                format!("{name}: a spend cap of zero stops all spending; use a positive amount."),
            ),
            _ => {}
        }
        if !h.kind.is_spend_cap() && h.entries.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.entries"),
                format!("{name}: the list is empty, so it stops nothing."),
            );
        }
        if h.kind.is_spend_cap() && !h.entries.is_empty() {
            s.warn(
                HardStops,
                item,
                format!("{base}.entries"),
                format!("{name}: a spend cap does not use list entries; they are ignored."),
            );
        }
        if h.all_platforms && !h.platforms.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.platforms"),
                format!("{name}: applies to all platforms and also lists some; choose one."),
            );
        }
        if !h.all_platforms && h.platforms.is_empty() {
            s.error(
                HardStops,
                item,
                format!("{base}.platforms"),
                format!("{name}: applies to no platform; choose all platforms or list some."),
            );
        }
        if h.lift_authority.is_empty() {
            s.warn(
                HardStops,
                item,
                format!("{base}.lift_authority"),
                format!("{name}: nobody is named who may lift it."),
            );
        }
    }
}

fn override_policy(s: &mut Sink, op: &OverridePolicy, today: NaiveDate) {
    use Section::OverridePolicy;
    let holders_path = || "override_policy.kill_switch_holders".to_owned();
    let holders: HashSet<&str> = op.kill_switch_holders.iter().map(String::as_str).collect();
    if holders.len() < op.kill_switch_holders.len() {
        s.error(OverridePolicy, None, holders_path(), "A kill-switch holder is listed twice.".into());
    }
    if holders.len() < 2 {
        s.error(
            OverridePolicy,
            None,
            holders_path(),
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
    let tested_path = || "override_policy.last_tested".to_owned();
    match op.last_tested {
        None => s.warn(
            OverridePolicy,
            None,
            tested_path(),
            "The kill switch has never been tested under simulated failure.".into(),
        ),
        Some(d) if d > today => {
            s.warn(OverridePolicy, None, tested_path(), format!("The last kill-switch test date {d} is in the future."))
        }
        Some(d) => {
            if let Some(due) = crate::schedule::next_after(d, &op.test_cadence).filter(|due| *due < today) {
                s.warn(
                    OverridePolicy,
                    None,
                    tested_path(),
                    format!("The kill-switch test was due on {due} ({} after the last test on {d}).", op.test_cadence),
                );
            }
        }
    }
}

fn review_schedule(s: &mut Sink, rs: &ReviewSchedule) {
    use Section::ReviewSchedule;
    let path = || "review_schedule.required_signatories".to_owned();
    if rs.required_signatories.is_empty() {
        s.error(ReviewSchedule, None, path(), "No signatory is required, so no review cycle can be signed off.".into());
    }
    let sig: HashSet<&str> = rs.required_signatories.iter().map(String::as_str).collect();
    if sig.len() < rs.required_signatories.len() {
        s.error(ReviewSchedule, None, path(), "A signatory is listed twice.".into());
    }
}
