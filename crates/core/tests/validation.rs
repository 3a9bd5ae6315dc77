mod common;

use common::*;
use governance_core::*;

fn has(findings: &[Finding], sev: Severity, section: Section, needle: &str) -> bool {
    findings.iter().any(|f| f.severity == sev && f.section == section && f.message.contains(needle))
}

#[test]
fn the_starter_template_has_no_errors_and_no_warnings() {
    let f = validate(&starter(), today());
    assert!(f.is_empty(), "starter findings: {f:#?}");
}

#[test]
fn the_starter_template_is_complete_and_realistic() {
    let fw = starter();
    assert!(fw.platforms.len() >= 6);
    for kind in [PlatformKind::Cdp, PlatformKind::Dsp, PlatformKind::Crm] {
        assert!(fw.platforms.iter().any(|p| p.kind == kind), "no {kind:?} platform");
    }
    for name in ["TikTok", "YouTube", "Pinterest"] {
        assert!(fw.platforms.iter().any(|p| p.name.contains(name)), "no {name}");
    }
    assert!(fw.capabilities.len() >= 8);
    assert_eq!(fw.matrix.len(), fw.capabilities.len() * fw.platforms.len(), "the matrix is filled");
    assert!(fw.raci.len() >= 8);
    assert!(fw.data_quality.len() >= 8);
    for kind in [
        HardStopKind::DailySpendCap,
        HardStopKind::TotalSpendCap,
        HardStopKind::AudienceExclusion,
        HardStopKind::KeywordBlocklist,
    ] {
        assert!(fw.hard_stops.iter().any(|h| h.kind == kind), "no {kind:?}");
    }
    assert!(fw.override_policy.kill_switch_holders.len() >= 2);
    assert!(!fw.review_schedule.required_signatories.is_empty());
}

#[test]
fn an_activity_with_two_accountables_is_an_error_naming_both() {
    let mut fw = starter();
    let act = &mut fw.raci[0];
    let a_party = act.assignments.iter().find(|x| x.role == RaciRole::A).unwrap().party.clone();
    let other = fw.parties.iter().find(|p| !act.assignments.iter().any(|x| x.party == p.id)).unwrap();
    act.assignments.push(RaciAssignment { party: other.id.clone(), role: RaciRole::A });
    let name = act.name.clone();
    let f = validate(&fw, today());
    let e = errors(&f);
    assert_eq!(e.len(), 1, "{f:#?}");
    assert_eq!(e[0].section, Section::Raci);
    assert!(e[0].message.contains(&name) && e[0].message.contains("2 Accountable"));
    let a_name = &fw.parties.iter().find(|p| p.id == a_party).unwrap().name;
    assert!(e[0].message.contains(a_name.as_str()) && e[0].message.contains(other.name.as_str()));
}

#[test]
fn an_activity_without_accountable_is_an_error_and_without_responsible_a_warning() {
    let mut fw = starter();
    fw.raci[0].assignments.retain(|x| x.role != RaciRole::A);
    fw.raci[1].assignments.retain(|x| x.role != RaciRole::R);
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Error, Section::Raci, "has no Accountable"));
    assert!(has(&f, Severity::Warning, Section::Raci, "has no Responsible"));
    assert_eq!(errors(&f).len(), 1);
}

#[test]
fn a_party_with_two_letters_on_one_activity_cannot_be_stored() {
    let mut fw = starter();
    let first = fw.raci[0].assignments[0].party.clone();
    fw.raci[0].assignments.push(RaciAssignment { party: first, role: RaciRole::C });
    assert!(integrity(&fw).iter().any(|f| f.message.contains("more than one letter")));
}

#[test]
fn a_party_accountable_for_many_activities_is_flagged_as_overloaded() {
    let mut fw = starter();
    let boss = fw.parties[0].id.clone();
    for a in &mut fw.raci {
        a.assignments.retain(|x| x.party != boss);
        for x in &mut a.assignments {
            if x.role == RaciRole::A {
                x.role = RaciRole::C;
            }
        }
        a.assignments.push(RaciAssignment { party: boss.clone(), role: RaciRole::A });
    }
    let f = validate(&fw, today());
    assert!(errors(&f).is_empty(), "{f:#?}");
    assert!(has(&f, Severity::Warning, Section::Raci, "is Accountable for"));
}

#[test]
fn a_partial_cell_must_choose_constrained_or_disabled() {
    let mut fw = starter();
    fw.matrix[0].support = Support::Partial;
    fw.matrix[0].mode = OperatingMode::Normal;
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Error, Section::Matrix, "must be constrained"));
    fw.matrix[0].mode = OperatingMode::Disabled;
    assert!(errors(&validate(&fw, today())).is_empty());
}

#[test]
fn constrained_mode_without_constraints_text_is_an_error() {
    let mut fw = starter();
    fw.matrix[0].support = Support::Partial;
    fw.matrix[0].mode = OperatingMode::Constrained;
    fw.matrix[0].constraints = "  ".into();
    assert!(has(&validate(&fw, today()), Severity::Error, Section::Matrix, "constraints written down"));
}

#[test]
fn unsupported_cells_must_be_disabled_and_untested_cells_are_counted() {
    let mut fw = starter();
    fw.matrix[0].support = Support::Unsupported;
    fw.matrix[0].mode = OperatingMode::Normal;
    fw.matrix.pop();
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Error, Section::Matrix, "must be disabled"));
    let total = fw.capabilities.len() * fw.platforms.len();
    assert!(has(
        &f,
        Severity::Warning,
        Section::Matrix,
        &format!("1 of {total} capability x platform cells are untested")
    ));
}

#[test]
fn the_kill_switch_needs_two_distinct_holders() {
    let mut fw = starter();
    let one = fw.override_policy.kill_switch_holders[0].clone();
    fw.override_policy.kill_switch_holders = vec![one.clone()];
    assert!(has(&validate(&fw, today()), Severity::Error, Section::OverridePolicy, "at least two parties"));
    fw.override_policy.kill_switch_holders = vec![one.clone(), one];
    let f = validate(&fw, today());
    assert!(has(&f, Severity::Error, Section::OverridePolicy, "listed twice"));
    assert!(has(&f, Severity::Error, Section::OverridePolicy, "at least two parties"));
}

#[test]
fn an_overdue_kill_switch_test_is_a_warning() {
    let mut fw = starter();
    fw.override_policy.test_cadence = Cadence { kind: CadenceKind::Monthly, custom_days: None };
    fw.override_policy.last_tested = Some(day("2026-01-10"));
    assert!(has(&validate(&fw, today()), Severity::Warning, Section::OverridePolicy, "was due on 2026-02-10"));
}

#[test]
fn percentages_outside_0_to_100_and_zero_durations_are_errors() {
    let mut fw = starter();
    fw.data_quality[0].min_completeness_pct = 101.0;
    fw.data_quality[1].max_duplicate_pct = Some(-1.0);
    fw.data_quality[2].max_age.amount = 0;
    fw.platforms[0].contract.required_latency.amount = 0;
    let f = integrity(&fw);
    assert_eq!(f.len(), 4, "{f:#?}");
    assert!(f.iter().any(|x| x.path == "data_quality[0].min_completeness_pct" && x.message.contains("101")));
    assert!(f.iter().any(|x| x.path == "data_quality[1].max_duplicate_pct"));
    assert!(f.iter().any(|x| x.path == "data_quality[2].max_age"));
    assert!(f.iter().any(|x| x.path == "platforms[0].contract.required_latency"));
}

#[test]
fn dangling_references_and_duplicate_ids_cannot_be_stored() {
    let mut fw = starter();
    fw.data_quality[0].owner = "nobody".into();
    fw.matrix[0].platform = "myspace".into();
    fw.platforms[1].id = fw.platforms[0].id.clone();
    let f = integrity(&fw);
    assert!(f.iter().any(|x| x.path == "data_quality[0].owner" && x.message.contains("\"nobody\"")));
    assert!(f.iter().any(|x| x.path == "matrix[0].platform" && x.message.contains("myspace")));
    assert!(f.iter().any(|x| x.path == "platforms[1].id" && x.message.contains("used twice")));
}

#[test]
fn names_must_not_be_empty_or_hold_control_characters_or_be_huge() {
    let mut fw = starter();
    fw.name = " ".into();
    fw.parties[0].name = "Ann\u{7}".into();
    fw.capabilities[0].name = "x".repeat(201);
    fw.capabilities[0].description = "fine\nwith breaks\tand tabs".into();
    let f = integrity(&fw);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(f.iter().any(|x| x.path == "name" && x.message.contains("empty")));
    assert!(f.iter().any(|x| x.path == "parties[0].name" && x.message.contains("control character")));
    assert!(f.iter().any(|x| x.path == "capabilities[0].name" && x.message.contains("201 characters")));
}

#[test]
fn spend_caps_need_a_valid_amount_and_lists_need_entries() {
    let mut fw = starter();
    let cap = fw.hard_stops.iter().position(|h| h.kind.is_spend_cap()).unwrap();
    let list = fw.hard_stops.iter().position(|h| !h.kind.is_spend_cap()).unwrap();
    fw.hard_stops[cap].cap = Some(Money { amount: "12,5".into(), currency: "usd".into() });
    fw.hard_stops[list].entries.clear();
    let f = validate(&fw, today());
    assert!(f.iter().any(|x| x.path.ends_with(".cap.amount") && x.message.contains("not an amount")));
    assert!(f.iter().any(|x| x.path.ends_with(".cap.currency")));
    assert!(has(&f, Severity::Error, Section::HardStops, "stops nothing"));
}

#[test]
fn a_confidence_threshold_needs_its_threshold() {
    let mut fw = starter();
    fw.capabilities[0].decision_mode = DecisionMode::ConfidenceThreshold;
    fw.capabilities[0].threshold.clear();
    assert!(has(&validate(&fw, today()), Severity::Error, Section::Capabilities, "no threshold is given"));
}

#[test]
fn a_review_schedule_without_signatories_is_an_error() {
    let mut fw = starter();
    fw.review_schedule.required_signatories.clear();
    assert!(has(&validate(&fw, today()), Severity::Error, Section::ReviewSchedule, "No signatory"));
}

#[test]
fn the_change_summary_and_the_sign_off_comment_follow_the_shared_text_rules() {
    use governance_core::review::Decision;
    use governance_core::signoff::{Decided, Statement};
    use governance_core::validate::{text_problem, TextKind};

    let mut s = Store::open_in_memory().unwrap();
    let fw = starter();
    s.import(&fw, "t").unwrap();
    for summary in ["x".repeat(4001), "Tidied up\u{7}".to_owned()] {
        let expected = text_problem(TextKind::Summary, "change summary", &summary).unwrap();
        match s.publish(&fw.id, &summary, "t", today()) {
            Err(Error::Invalid(f)) => {
                assert_eq!((f[0].path.as_str(), f[0].message.as_str()), ("summary", expected.as_str()))
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(s.publish(&fw.id, &"y".repeat(4000), "t", today()).is_ok(), "4,000 characters are allowed");
    assert!(text_problem(TextKind::Summary, "change summary", &"x".repeat(4001)).unwrap().contains("at most 4000"));

    let party = fw.review_schedule.required_signatories[0].clone();
    let key = governance_signing::KeyFile::create("Dana Okafor", &party, "a passphrase", chrono::Utc::now()).unwrap();
    let mut signed_fw = fw.clone();
    signed_fw.parties.iter_mut().find(|p| p.id == party).unwrap().certificate = Some(key.certificate().to_pem());
    for comment in ["z".repeat(20_001), "Rejected\u{1b}[31m".to_owned()] {
        let decided = Decided { decision: Decision::Rejected, comment: comment.clone() };
        let due = signed_fw.review_schedule.next_due;
        let expected = text_problem(TextKind::FreeText, "comment", &comment).unwrap();
        match Statement::for_version(
            &signed_fw,
            1,
            &"a".repeat(64),
            due,
            key.certificate(),
            &decided,
            chrono::Utc::now(),
        ) {
            Err(Error::Invalid(f)) => {
                assert_eq!((f[0].path.as_str(), f[0].message.as_str()), ("comment", expected.as_str()))
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(text_problem(TextKind::FreeText, "comment", &"z".repeat(20_001)).unwrap().contains("at most 20000"));
}
