//! Governance rules of compliance interoperability (SPEC section 9): each rule is complete and
//! belongs to a declared jurisdiction; every capability that runs on a platform is covered by a
//! consent or disclosure rule in each jurisdiction; each jurisdiction has a rule of every kind;
//! and each applicable catalogue's obligations are answered (gaps are warnings).

use std::collections::HashMap;

use super::{Section, Sink};
use crate::coverage::coverage;
use crate::model::*;
use crate::obligations::obligation;
use crate::text::{excerpt, quoted};

/// How many gaps a coverage warning names before it says "and N more".
const GAPS_NAMED: usize = 2;
/// How many platforms an uncovered-capability warning names before it says "and N more".
const PLATFORMS_NAMED: usize = 3;

pub(super) fn check(s: &mut Sink, fw: &Framework) {
    rules(s, fw);
    uncovered_cells(s, fw);
    missing_kinds(s, fw);
    gaps(s, fw);
}

fn rules(s: &mut Sink, fw: &Framework) {
    use Section::ComplianceRules as Rules;
    for (i, r) in fw.compliance_rules.iter().enumerate() {
        let item = Some(r.id.as_str());
        let base = format!("compliance_rules[{i}]");
        let name = excerpt(&r.name);
        if !r.jurisdiction.trim().is_empty() && !fw.jurisdictions.contains(&r.jurisdiction) {
            s.error(
                Rules,
                item,
                format!("{base}.jurisdiction"),
                format!(
                    "{name}: {} is not one of the framework's jurisdictions; add it to the scope or choose another.",
                    quoted(&r.jurisdiction)
                ),
            );
        }
        if r.requirement.trim().is_empty() {
            s.error(Rules, item, format!("{base}.requirement"), format!("{name}: say what the agent must do."));
        }
        if r.enforced_by.is_empty() {
            s.error(
                Rules,
                item,
                format!("{base}.enforced_by"),
                format!("{name}: say where the rule is enforced as the agent acts."),
            );
        }
        if !r.all_capabilities && r.capabilities.is_empty() {
            s.error(Rules, item, format!("{base}.capabilities"), format!("{name}: the rule applies to no capability."));
        }
        if !r.all_platforms && r.platforms.is_empty() {
            s.error(Rules, item, format!("{base}.platforms"), format!("{name}: the rule applies to no platform."));
        }
        if r.evidence.trim().is_empty() {
            s.warn(
                Rules,
                item,
                format!("{base}.evidence"),
                format!("{name}: no evidence that it is applied is named."),
            );
        }
        for (j, id) in r.obligations.iter().enumerate() {
            if let Some((c, o)) = obligation(id) {
                if !c.applies_to(&r.jurisdiction) {
                    s.warn(
                        Rules,
                        item,
                        format!("{base}.obligations[{j}]"),
                        format!("{name}: {} ({}) does not apply in {}.", o.citation, c.title, quoted(&r.jurisdiction)),
                    );
                }
            }
        }
    }
}

/// A capability that runs (normal or constrained) on a platform, in a declared jurisdiction, with
/// no consent or disclosure rule of that jurisdiction covering it: one warning per capability
/// and jurisdiction, naming the platforms.
fn uncovered_cells(s: &mut Sink, fw: &Framework) {
    let platform_name: HashMap<&str, &str> = fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect();
    for j in &fw.jurisdictions {
        let rules: Vec<&ComplianceRule> = fw
            .compliance_rules
            .iter()
            .filter(|r| &r.jurisdiction == j && matches!(r.kind, RuleKind::Consent | RuleKind::Disclosure))
            .collect();
        // Uncovered platforms per capability, in matrix order.
        let mut uncovered: HashMap<&str, Vec<&str>> = HashMap::new();
        for c in fw.matrix.iter().filter(|c| c.mode != OperatingMode::Disabled) {
            if !rules.iter().any(|r| r.covers(&c.capability, &c.platform)) {
                let name = platform_name.get(c.platform.as_str()).copied().unwrap_or(&c.platform);
                uncovered.entry(&c.capability).or_default().push(name);
            }
        }
        for cap in &fw.capabilities {
            let Some(platforms) = uncovered.get(cap.id.as_str()) else { continue };
            let mut named: Vec<String> = platforms.iter().take(PLATFORMS_NAMED).map(|p| excerpt(p)).collect();
            if platforms.len() > PLATFORMS_NAMED {
                named.push(format!("{} more", platforms.len() - PLATFORMS_NAMED));
            }
            s.warn(
                Section::ComplianceRules,
                None,
                "compliance_rules".into(),
                format!(
                    "{} runs on {} in {} with no consent or disclosure rule covering it.",
                    excerpt(&cap.name),
                    named.join(", "),
                    excerpt(j)
                ),
            );
        }
    }
}

fn missing_kinds(s: &mut Sink, fw: &Framework) {
    for j in &fw.jurisdictions {
        for kind in RuleKind::ALL {
            if !fw.compliance_rules.iter().any(|r| &r.jurisdiction == j && r.kind == kind) {
                s.warn(
                    Section::ComplianceRules,
                    None,
                    "compliance_rules".into(),
                    format!("{} has no {} rule.", excerpt(j), kind.label().to_lowercase()),
                );
            }
        }
    }
}

/// One warning per catalogue and jurisdiction with gaps; the Coverage page lists each gap.
fn gaps(s: &mut Sink, fw: &Framework) {
    for g in coverage(fw).groups {
        let missing: Vec<&str> = g.gaps().map(|i| i.obligation.as_str()).collect();
        if missing.is_empty() {
            continue;
        }
        let Some(catalogue) = crate::obligations::catalogue(&g.catalogue) else { continue };
        let citations: Vec<&str> =
            missing.iter().take(GAPS_NAMED).filter_map(|id| obligation(id).map(|(_, o)| o.citation.as_str())).collect();
        let more = missing.len().saturating_sub(GAPS_NAMED);
        let place = g.jurisdiction.as_deref().map_or("every jurisdiction".to_owned(), excerpt);
        s.warn(
            Section::Coverage,
            Some(&format!("{}/{}", g.jurisdiction.as_deref().unwrap_or("*"), g.catalogue)),
            "coverage".into(),
            format!(
                "{} ({place}): {} of {} obligations have nothing that answers them: {}{}.",
                catalogue.title,
                missing.len(),
                g.items.len(),
                citations.join("; "),
                if more > 0 { format!("; and {more} more") } else { String::new() }
            ),
        );
    }
}
