//! Coverage (SPEC section 9): for each declared jurisdiction and each shipped catalogue that
//! applies to it, every obligation with the parts of the framework that answer it, or a gap.
//!
//! A compliance rule answers an obligation only in its own jurisdiction; every other part (hard
//! stop, data-quality standard, capability decision mode, RACI activity, override policy, review
//! schedule) applies wherever the agents act, so it answers in every jurisdiction. Catalogues
//! that apply everywhere (NIST AI RMF, ISO/IEC 42001) form one group for all jurisdictions, where
//! rules of any jurisdiction count.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::*;
use crate::obligations::{catalogues, Catalogue};
use crate::validate::Section;

/// One part of a framework linked to an obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Answer {
    pub section: Section,
    /// The item's id; `None` for the override policy and the review schedule.
    pub item: Option<String>,
    /// The item's name as its form shows it.
    pub name: String,
    /// Where it is in the interchange file: `hard_stops[daily-cap-all]`, `override_policy`.
    pub path: String,
    /// The rule's jurisdiction; `None` for parts other than compliance rules.
    pub jurisdiction: Option<String>,
}

/// One obligation and what answers it; no answers is a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CoverageItem {
    pub obligation: String,
    pub answers: Vec<Answer>,
}

/// One catalogue in one jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CoverageGroup {
    /// `None` for a catalogue that applies in every jurisdiction.
    pub jurisdiction: Option<String>,
    pub catalogue: String,
    pub items: Vec<CoverageItem>,
}

impl CoverageGroup {
    pub fn gaps(&self) -> impl Iterator<Item = &CoverageItem> {
        self.items.iter().filter(|i| i.answers.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Coverage {
    /// Jurisdictions first, in the framework's order, then the catalogues for every jurisdiction.
    pub groups: Vec<CoverageGroup>,
    /// Declared jurisdictions that no shipped catalogue of law or guidance applies to.
    pub unmatched_jurisdictions: Vec<String>,
}

/// Every linked part per obligation id, in the framework's order (rules with their jurisdiction).
pub fn answers(fw: &Framework) -> BTreeMap<String, Vec<Answer>> {
    let mut out: BTreeMap<String, Vec<Answer>> = BTreeMap::new();
    let mut add =
        |links: &[String], section: Section, item: Option<&str>, name: &str, path: String, j: Option<&str>| {
            for id in links {
                out.entry(id.clone()).or_default().push(Answer {
                    section,
                    item: item.map(str::to_owned),
                    name: name.to_owned(),
                    path: path.clone(),
                    jurisdiction: j.map(str::to_owned),
                });
            }
        };
    for c in &fw.capabilities {
        add(&c.obligations, Section::Capabilities, Some(&c.id), &c.name, format!("capabilities[{}]", c.id), None);
    }
    for a in &fw.raci {
        add(&a.obligations, Section::Raci, Some(&a.id), &a.name, format!("raci[{}]", a.id), None);
    }
    for d in &fw.data_quality {
        let path = format!("data_quality[{}]", d.id);
        add(&d.obligations, Section::DataQuality, Some(&d.id), &d.data_input, path, None);
    }
    for h in &fw.hard_stops {
        add(&h.obligations, Section::HardStops, Some(&h.id), &h.name, format!("hard_stops[{}]", h.id), None);
    }
    for r in &fw.compliance_rules {
        let path = format!("compliance_rules[{}]", r.id);
        add(&r.obligations, Section::ComplianceRules, Some(&r.id), &r.name, path, Some(&r.jurisdiction));
    }
    let op = &fw.override_policy;
    add(&op.obligations, Section::OverridePolicy, None, "Override policy", "override_policy".into(), None);
    let rs = &fw.review_schedule;
    add(&rs.obligations, Section::ReviewSchedule, None, "Review schedule", "review_schedule".into(), None);
    out
}

/// The coverage of a framework by the shipped catalogues.
pub fn coverage(fw: &Framework) -> Coverage {
    coverage_by(fw, catalogues())
}

/// The coverage of a framework by `catalogues` (a report draws it from its own copy).
pub fn coverage_by(fw: &Framework, catalogues: &[Catalogue]) -> Coverage {
    let linked = answers(fw);
    let group = |c: &Catalogue, jurisdiction: Option<&str>| CoverageGroup {
        jurisdiction: jurisdiction.map(str::to_owned),
        catalogue: c.id.clone(),
        items: c
            .obligations
            .iter()
            .map(|o| CoverageItem {
                obligation: o.id.clone(),
                answers: linked
                    .get(&o.id)
                    .into_iter()
                    .flatten()
                    .filter(|a| match (&a.jurisdiction, jurisdiction) {
                        (Some(rule), Some(j)) => rule == j,
                        _ => true,
                    })
                    .cloned()
                    .collect(),
            })
            .collect(),
    };
    let everywhere = |c: &Catalogue| c.jurisdictions.iter().any(|j| j == "*");
    let mut groups = Vec::new();
    let mut unmatched = Vec::new();
    for j in &fw.jurisdictions {
        let before = groups.len();
        groups.extend(catalogues.iter().filter(|c| !everywhere(c) && c.applies_to(j)).map(|c| group(c, Some(j))));
        if groups.len() == before {
            unmatched.push(j.clone());
        }
    }
    groups.extend(catalogues.iter().filter(|c| everywhere(c)).map(|c| group(c, None)));
    Coverage { groups, unmatched_jurisdictions: unmatched }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework(jurisdictions: &[&str]) -> Framework {
        let mut fw = crate::starter::starter_framework().without_compliance();
        fw.jurisdictions = jurisdictions.iter().map(|j| j.to_string()).collect();
        fw
    }

    fn rule(id: &str, jurisdiction: &str, obligations: &[&str]) -> ComplianceRule {
        ComplianceRule {
            id: id.into(),
            name: format!("Rule {id}"),
            jurisdiction: jurisdiction.into(),
            kind: RuleKind::Consent,
            requirement: "Check consent.".into(),
            all_capabilities: true,
            capabilities: vec![],
            all_platforms: true,
            platforms: vec![],
            enforced_by: vec![Enforcement::Agent],
            evidence: String::new(),
            owner: "dpo".into(),
            obligations: obligations.iter().map(|o| o.to_string()).collect(),
        }
    }

    fn item<'a>(c: &'a Coverage, j: Option<&str>, catalogue: &str, obligation: &str) -> &'a CoverageItem {
        let g = c.groups.iter().find(|g| g.jurisdiction.as_deref() == j && g.catalogue == catalogue).unwrap();
        g.items.iter().find(|i| i.obligation == obligation).unwrap()
    }

    #[test]
    fn a_rule_answers_only_in_its_own_jurisdiction_and_other_parts_answer_everywhere() {
        let mut fw = framework(&["UK", "EU"]);
        fw.compliance_rules.push(rule("uk-consent", "UK", &["uk-gdpr-ico-art-22", "nist-ai-rmf-govern-1.1"]));
        fw.hard_stops[0].obligations = vec!["gdpr-art-21".into()];
        let c = coverage(&fw);
        assert_eq!(
            item(&c, Some("UK"), "uk-gdpr-ico", "uk-gdpr-ico-art-22").answers[0].path,
            "compliance_rules[uk-consent]"
        );
        assert_eq!(item(&c, Some("EU"), "gdpr", "gdpr-art-21").answers[0].section, Section::HardStops);
        assert!(item(&c, Some("EU"), "gdpr", "gdpr-art-22").answers.is_empty(), "a gap");
        let nist = item(&c, None, "nist-ai-rmf", "nist-ai-rmf-govern-1.1");
        assert_eq!(nist.answers[0].jurisdiction.as_deref(), Some("UK"), "rules of any jurisdiction count everywhere");
    }

    #[test]
    fn groups_follow_the_declared_jurisdictions_and_a_jurisdiction_without_a_catalogue_is_named() {
        let c = coverage(&framework(&["EU", "BR", "US"]));
        let keys: Vec<(Option<&str>, &str)> =
            c.groups.iter().map(|g| (g.jurisdiction.as_deref(), g.catalogue.as_str())).collect();
        assert_eq!(
            keys,
            [
                (Some("EU"), "gdpr"),
                (Some("EU"), "eu-ai-act"),
                (Some("US"), "ftc"),
                (None, "nist-ai-rmf"),
                (None, "iso-42001")
            ]
        );
        assert_eq!(c.unmatched_jurisdictions, ["BR"]);
    }
}
