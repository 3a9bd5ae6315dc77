//! Compliance rules, links to obligations and coverage (SPEC section 9): the findings, the
//! starter's coverage, the diff of a changed rule, and rules edited and published through a
//! store (these run on both backends: `make test` runs them again with
//! `GOVERNANCE_TEST_BACKEND=postgres`).

mod common;

use common::*;
use governance_core::coverage::coverage;
use governance_core::diff::{diff, ChangeKind};
use governance_core::edit::{Edit, EditRequest, ListKind};
use governance_core::*;

fn has(findings: &[Finding], sev: Severity, section: Section, needle: &str) -> bool {
    findings.iter().any(|f| f.severity == sev && f.section == section && f.message.contains(needle))
}

fn rule(fw: &Framework, id: &str) -> ComplianceRule {
    fw.compliance_rules.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no rule {id}")).clone()
}

fn req(fw: &str, edit: Edit) -> EditRequest {
    EditRequest { framework: fw.to_owned(), edit, expected_version: None }
}

#[test]
fn the_starter_has_rules_of_every_kind_in_each_jurisdiction_and_answers_every_applicable_obligation() {
    let fw = starter();
    for j in &fw.jurisdictions {
        for kind in RuleKind::ALL {
            assert!(fw.compliance_rules.iter().any(|r| &r.jurisdiction == j && r.kind == kind), "{j}: no {kind:?}");
        }
    }
    let c = coverage(&fw);
    let keys: Vec<(Option<&str>, &str)> =
        c.groups.iter().map(|g| (g.jurisdiction.as_deref(), g.catalogue.as_str())).collect();
    assert_eq!(
        keys,
        [
            (Some("US"), "ftc"),
            (Some("UK"), "uk-gdpr-ico"),
            (Some("EU"), "gdpr"),
            (Some("EU"), "eu-ai-act"),
            (None, "nist-ai-rmf"),
            (None, "iso-42001"),
        ]
    );
    for g in &c.groups {
        let gaps: Vec<&str> = g.gaps().map(|i| i.obligation.as_str()).collect();
        assert!(gaps.is_empty(), "{:?} {}: gaps {gaps:?}", g.jurisdiction, g.catalogue);
    }
    assert_eq!(c.groups.iter().map(|g| g.items.len()).sum::<usize>(), 107);
    assert!(c.unmatched_jurisdictions.is_empty());
}

#[test]
fn a_capability_running_on_a_platform_without_a_consent_or_disclosure_rule_is_warned_per_jurisdiction() {
    let mut fw = starter();
    // UK rules that cover creator selection on TikTok only through "all capabilities" are narrowed.
    for r in fw.compliance_rules.iter_mut().filter(|r| r.jurisdiction == "UK") {
        if matches!(r.kind, RuleKind::Consent | RuleKind::Disclosure) {
            r.all_capabilities = false;
            r.capabilities = vec!["media-buying".into()];
        }
    }
    let f = validate(&fw, today());
    assert!(
        has(&f, Severity::Warning, Section::ComplianceRules, "runs on")
            && f.iter().any(|x| x.message.starts_with("Creator selection") && x.message.contains(" in UK ")),
        "{f:#?}"
    );
    assert!(!f.iter().any(|x| x.message.contains("runs on") && x.message.contains(" in US ")), "US is covered");
    assert!(errors(&f).is_empty(), "a warning, not an error");
}

#[test]
fn a_disabled_cell_needs_no_rule_and_a_jurisdiction_without_a_rule_of_some_kind_is_warned() {
    let mut fw = starter();
    fw.compliance_rules.retain(|r| !(r.jurisdiction == "EU" && r.kind == RuleKind::HumanReview));
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Warning, Section::ComplianceRules, "EU has no human review rule."), "{f:#?}");

    let mut fw = starter();
    fw.compliance_rules.clear();
    fw.matrix.iter_mut().for_each(|c| c.mode = OperatingMode::Disabled);
    let f = validate(&fw, today());
    assert!(!f.iter().any(|x| x.message.contains("runs on")), "nothing runs: {f:#?}");
    assert_eq!(f.iter().filter(|x| x.message.contains(" has no ") && x.message.ends_with("rule.")).count(), 12);
}

#[test]
fn a_rule_outside_the_declared_jurisdictions_enforced_nowhere_or_covering_nothing_blocks_publishing() {
    let mut fw = starter();
    let mut r = rule(&fw, "uk-human-review");
    r.id = "ca-review".into();
    r.jurisdiction = "CA".into();
    r.enforced_by.clear();
    r.all_platforms = false;
    r.platforms.clear();
    fw.compliance_rules.push(r);
    let f = validate(&fw, today());
    let e = errors(&f);
    assert!(
        e.iter().any(|x| x.path.ends_with(".jurisdiction") && x.message.contains("\"CA\" is not one of")),
        "{e:#?}"
    );
    assert!(e.iter().any(|x| x.path.ends_with(".enforced_by")), "{e:#?}");
    assert!(e.iter().any(|x| x.path.ends_with(".platforms") && x.message.contains("no platform")), "{e:#?}");
    assert!(integrity(&fw).is_empty(), "governance errors: the draft may still be stored");
}

#[test]
fn a_rule_linked_to_an_obligation_of_another_jurisdiction_is_warned() {
    let mut fw = starter();
    let i = fw.compliance_rules.iter().position(|r| r.id == "us-human-review").unwrap();
    fw.compliance_rules[i].obligations.push("gdpr-art-22".into());
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Warning, Section::ComplianceRules, "does not apply in \"US\""), "{f:#?}");
}

#[test]
fn links_to_unknown_or_repeated_obligations_are_refused_naming_the_place() {
    let mut fw = starter();
    fw.hard_stops[0].obligations = vec!["ftc-255-5".into(), "ftc-999".into(), "ftc-255-5".into()];
    fw.review_schedule.obligations.push("gdpr-art-99".into());
    let problems = integrity(&fw);
    let at = |path: &str| problems.iter().find(|p| p.path == path).map(|p| p.message.as_str());
    assert_eq!(at("hard_stops[0].obligations[1]"), Some("The obligation \"ftc-999\" is not in any shipped catalogue."));
    assert_eq!(at("hard_stops[0].obligations[2]"), Some("The obligation \"ftc-255-5\" is linked twice."));
    assert!(at(&format!("review_schedule.obligations[{}]", fw.review_schedule.obligations.len() - 1)).is_some());
    let err = new_store().import(&fw, "t").unwrap_err();
    assert_eq!(err.code(), "invalid");
}

#[test]
fn unlinking_the_only_answer_opens_a_gap_that_is_a_warning_naming_the_obligation() {
    let mut fw = starter();
    let before = validate(&fw, today());
    assert!(!before.iter().any(|f| f.section == Section::Coverage));
    let answers = governance_core::coverage::answers(&fw);
    let only: Vec<&String> = answers.iter().filter(|(_, a)| a.len() == 1).map(|(o, _)| o).collect();
    let target = only.iter().find(|o| o.starts_with("ftc-")).expect("an FTC obligation with one answer").to_string();
    let part = &answers[&target][0];
    for r in fw.compliance_rules.iter_mut() {
        r.obligations.retain(|o| *o != target);
    }
    for h in fw.hard_stops.iter_mut() {
        h.obligations.retain(|o| *o != target);
    }
    for a in fw.raci.iter_mut() {
        a.obligations.retain(|o| *o != target);
    }
    for c in fw.capabilities.iter_mut() {
        c.obligations.retain(|o| *o != target);
    }
    for d in fw.data_quality.iter_mut() {
        d.obligations.retain(|o| *o != target);
    }
    assert!(!governance_core::coverage::answers(&fw).contains_key(&target), "the only answer ({}) is gone", part.path);
    let f = validate(&fw, today());
    let gap = f.iter().find(|x| x.section == Section::Coverage).expect("a coverage warning");
    assert_eq!(gap.severity, Severity::Warning);
    assert_eq!(gap.item.as_deref(), Some("US/ftc"));
    let (_, o) = obligations::obligation(&target).unwrap();
    assert!(gap.message.contains("1 of 9 obligations") && gap.message.contains(&o.citation), "{}", gap.message);
}

#[test]
fn a_changed_rule_and_a_new_link_show_in_the_diff_by_id_and_field() {
    let a = starter();
    let mut b = a.clone();
    let i = b.compliance_rules.iter().position(|r| r.id == "uk-human-review").unwrap();
    b.compliance_rules[i].requirement.push_str(" Reviews are answered within 15 days.");
    b.compliance_rules[i].enforced_by.push(Enforcement::Platform);
    b.hard_stops[1].obligations.push("eu-ai-act-art-26".into());
    let ch = diff(&a, &b);
    let paths: Vec<&str> = ch.iter().map(|c| c.path.as_str()).collect();
    assert!(paths.contains(&"compliance_rules[uk-human-review].requirement"), "{paths:?}");
    assert!(paths.contains(&"compliance_rules[uk-human-review].enforced_by"), "{paths:?}");
    let link = format!("hard_stops[{}].obligations", b.hard_stops[1].id);
    assert!(paths.contains(&link.as_str()), "{paths:?}");
    assert!(ch.iter().all(|c| c.kind == ChangeKind::Changed));

    let mut c = a.clone();
    c.compliance_rules.remove(0);
    let removed = diff(&a, &c);
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].path, format!("compliance_rules[{}]", a.compliance_rules[0].id));
    assert_eq!(removed[0].kind, ChangeKind::Removed);
}

#[test]
fn rules_are_added_changed_moved_and_removed_by_edits_with_record_versions_and_undo() {
    let mut s = new_store();
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    let id = fw.id.clone();
    let mut r = rule(&fw, "eu-human-review");
    r.id = "eu-complaints".into();
    r.name = "Complaints about agent decisions reach a person".into();
    s.apply(&req(&id, Edit::PutRule { rule: r.clone() }), "ann").unwrap();
    let view = s.open_view(&id, today()).unwrap();
    assert_eq!(view.framework.compliance_rules.last(), Some(&r));
    assert_eq!(view.versions["compliance_rules/eu-complaints"], 1);

    r.enforced_by = vec![Enforcement::PrePublicationCheck];
    s.apply(&req(&id, Edit::PutRule { rule: r.clone() }), "ann").unwrap();
    let view = s.open_view(&id, today()).unwrap();
    assert_eq!(view.versions["compliance_rules/eu-complaints"], 2);
    let log = s.audit_log(&id, 1).unwrap();
    assert_eq!((log[0].entity.as_str(), log[0].field.as_str()), ("compliance_rules[eu-complaints]", "enforced_by"));

    let edit = Edit::Move { list: ListKind::ComplianceRules, id: "eu-complaints".into(), to: 0 };
    s.apply(&req(&id, edit), "ann").unwrap();
    assert_eq!(s.load(&id).unwrap().compliance_rules[0].id, "eu-complaints");
    s.apply(&req(&id, Edit::RemoveRule { id: "eu-complaints".into() }), "ann").unwrap();
    assert!(!s.load(&id).unwrap().compliance_rules.iter().any(|x| x.id == "eu-complaints"));
    assert!(s.undo(&id, "ann").unwrap().label.contains("compliance rule"));
    assert_eq!(s.load(&id).unwrap().compliance_rules[0], r, "undo puts it back at its place");
}

#[test]
fn a_party_that_owns_a_rule_cannot_be_removed_and_a_removed_platform_leaves_every_rule_scope() {
    let mut s = new_store();
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    let owner = fw
        .compliance_rules
        .iter()
        .map(|r| r.owner.clone())
        .find(|o| !fw.data_quality.iter().any(|d| &d.owner == o))
        .expect("a rule owner that owns no data-quality standard");
    let err = s.apply(&req(&fw.id, Edit::RemoveParty { id: owner }), "ann").unwrap_err();
    assert!(err.to_string().contains("owns compliance rules"), "{err}");
    let scoped = fw.compliance_rules.iter().find(|r| !r.platforms.is_empty()).expect("a rule scoped to platforms");
    let platform = scoped.platforms[0].clone();
    let impact = edit::removal_impact(&fw, &Edit::RemovePlatform { id: platform.clone() });
    assert!(impact.iter().any(|x| x.contains("compliance rule")), "{impact:?}");
    s.apply(&req(&fw.id, Edit::RemovePlatform { id: platform.clone() }), "ann").unwrap();
    let after = s.load(&fw.id).unwrap();
    assert!(after.compliance_rules.iter().all(|r| !r.platforms.contains(&platform)));
}

#[test]
fn rules_and_links_are_stored_and_published_exactly() {
    let mut s = new_store();
    let fw = starter();
    s.import(&fw, "setup").unwrap();
    assert_eq!(s.load(&fw.id).unwrap(), fw, "every rule and link reads back");
    let v = s.publish(&fw.id, "First", "ann", today()).unwrap().version;
    let (_, bytes) = s.version_snapshot(&fw.id, v.number).unwrap();
    assert_eq!(interchange::parse(&bytes).unwrap(), fw);
    let again = s.publish(&fw.id, "Again", "ann", today()).unwrap_err();
    assert_eq!(again.code(), "unchanged");
}

#[test]
fn a_jurisdiction_listed_twice_whatever_its_case_is_refused() {
    let mut fw = starter();
    fw.jurisdictions.push(" us".into());
    let problems = integrity(&fw);
    assert!(
        problems.iter().any(|p| p.path == "jurisdictions[3]" && p.message.contains("listed twice")),
        "{problems:?}"
    );
    assert_eq!(new_store().import(&fw, "t").unwrap_err().code(), "invalid");
}
