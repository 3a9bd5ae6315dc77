//! Report format 4 (issue 14): the compliance rules per jurisdiction, the coverage of the shipped
//! obligation catalogues with every gap marked in words, and changed rules and links named in the
//! changes, read back with pdftotext as a reader's tools would.

mod common;

use common::{have, run, write_pdf, Fixture};
use governance_core::coverage::coverage;
use governance_core::obligations::obligation;
use governance_core::scripts::{sample, scripts_framework};
use governance_core::Framework;
use governance_report::{formats, render_version, SECTION_TITLES};

/// The text of a PDF in drawing order (`-raw` keeps each table cell's lines together), white
/// space collapsed, without the direction marks poppler puts around right-to-left text.
fn raw_text(pdf: &[u8]) -> String {
    text(pdf, &["-raw"])
}

/// The text of a PDF in reading order: right-to-left text in logical order.
fn reading_text(pdf: &[u8]) -> String {
    text(pdf, &[])
}

fn text(pdf: &[u8], mode: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "report.pdf", pdf);
    let args: Vec<&str> = mode.iter().copied().chain(["-enc", "UTF-8", &path, "-"]).collect();
    let (ok, text) = run("pdftotext", &args);
    assert!(ok, "pdftotext failed: {text}");
    let text: String = text.chars().filter(|c| !('\u{202A}'..='\u{202E}').contains(c)).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text from a section's heading ("9 Compliance rules") to the next section's heading.
fn section<'a>(text: &'a str, title: &str) -> &'a str {
    let n = SECTION_TITLES.iter().position(|t| *t == title).expect("a section of format 4") + 1;
    // The contents page names every section first; the section itself comes after the contents.
    let after_contents = text.find("About this document").expect("the contents page");
    let start = after_contents + text[after_contents..].find(&format!("{n} {title}")).expect("the section heading");
    let next = format!("{} {}", n + 1, SECTION_TITLES[n]);
    let end = text[start + 1..].find(&next).map_or(text.len(), |i| start + 1 + i);
    &text[start..end]
}

fn citation(id: &str) -> &'static str {
    &obligation(id).unwrap_or_else(|| panic!("{id} is a shipped obligation")).1.citation
}

/// Every link from a part of the framework to an obligation removed.
fn unlinked(mut fw: Framework) -> Framework {
    fw.capabilities.iter_mut().for_each(|c| c.obligations.clear());
    fw.raci.iter_mut().for_each(|a| a.obligations.clear());
    fw.data_quality.iter_mut().for_each(|d| d.obligations.clear());
    fw.hard_stops.iter_mut().for_each(|h| h.obligations.clear());
    fw.compliance_rules.iter_mut().for_each(|r| r.obligations.clear());
    fw.override_policy.obligations.clear();
    fw.review_schedule.obligations.clear();
    fw
}

#[test]
fn the_starter_report_is_format_4_and_lists_every_rule_per_jurisdiction_and_every_catalogue_it_is_covered_by() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::starter();
    let fw = &f.framework;
    assert!(!fw.compliance_rules.is_empty(), "the starter has compliance rules");
    let r = render_version(&f.data()).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
    let text = raw_text(&r.pdf);
    assert!(formats::CURRENT == 4 && text.contains("report format 4"));
    let rules = section(&text, "Compliance rules");
    for j in &fw.jurisdictions {
        let n = fw.compliance_rules.iter().filter(|r| &r.jurisdiction == j).count();
        assert!(rules.contains(&format!("{j} {n} rules in {j}.")), "the heading and count of {j}");
    }
    for rule in &fw.compliance_rules {
        let name: String = rule.name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(rules.contains(&name), "rule {name}");
        assert!(rules.contains(rule.kind.label()), "{}: its kind", rule.name);
        let owner = &fw.parties.iter().find(|p| p.id == rule.owner).unwrap().name;
        assert!(rules.contains(owner.as_str()), "{}: its owner by name", rule.name);
        for e in &rule.enforced_by {
            assert!(rules.contains(e.label()), "{}: enforced {}", rule.name, e.label());
        }
        for id in &rule.obligations {
            assert!(rules.contains(citation(id)), "{}: answers {id}", rule.name);
        }
    }
    let cov = section(&text, "Coverage");
    assert!(cov.contains("not legal advice"), "the catalogues' notice");
    for g in coverage(fw).groups {
        let c = governance_core::obligations::catalogues().iter().find(|c| c.id == g.catalogue).unwrap();
        let place = g.jurisdiction.as_deref().unwrap_or("Every jurisdiction");
        let heading: String = format!("{place}: {}", c.title).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(cov.contains(&heading), "group heading {heading}");
        assert!(cov.contains(&format!("Version {}; published by", c.version)), "{}: its version", c.id);
        let answered = g.items.len() - g.gaps().count();
        assert!(cov.contains(&format!("{answered} of {} obligations answered", g.items.len())), "{heading}: counts");
        for i in &g.items {
            assert!(cov.contains(citation(&i.obligation)), "{heading}: {}", i.obligation);
        }
    }
}

#[test]
fn an_obligation_nothing_answers_is_marked_gap_in_words_and_the_one_linked_names_what_answers_it() {
    if !have("pdftotext") {
        return;
    }
    let mut fw = unlinked(governance_core::starter::starter_framework());
    fw.jurisdictions = vec!["EU".into()];
    fw.compliance_rules.retain(|r| r.jurisdiction == "EU");
    fw.hard_stops[0].obligations = vec!["gdpr-art-21".into()];
    let groups = coverage(&fw).groups;
    let items: usize = groups.iter().map(|g| g.items.len()).sum();
    let text = raw_text(&render_version(&Fixture::new(fw.clone()).data()).unwrap().pdf);
    let cov = section(&text, "Coverage");
    assert_eq!(cov.matches("\u{25B2} Gap").count(), items - 1, "every obligation but one is a gap");
    let gdpr = governance_core::obligations::catalogues().iter().find(|c| c.id == "gdpr").unwrap();
    assert!(cov.contains(&format!(
        "1 of {} obligations answered; {} gaps.",
        gdpr.obligations.len(),
        gdpr.obligations.len() - 1
    )));
    let row = &cov[cov.find(citation("gdpr-art-21")).unwrap()..];
    let at = gdpr.obligations.iter().position(|o| o.id == "gdpr-art-21").unwrap();
    let next = &gdpr.obligations[at + 1].citation;
    let row = &row[..row.find(next).unwrap_or(row.len())];
    assert!(row.contains(&format!("Hard stops: {}", fw.hard_stops[0].name)), "{row}");
    assert!(!row.contains("Gap"), "{row}");
    // A gap's summary says what is asked; the warnings are listed under the section too.
    let art22 = obligation("gdpr-art-22").unwrap().1;
    let first_words: String = art22.summary.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(cov.contains(&first_words), "the summary of a gap");
    assert!(cov.contains("Validation findings: coverage") && cov.contains("have nothing that answers them"));
}

#[test]
fn a_jurisdiction_no_catalogue_applies_to_is_named_and_a_rule_outside_the_scope_is_headed_so() {
    if !have("pdftotext") {
        return;
    }
    let mut fw = governance_core::starter::starter_framework();
    fw.jurisdictions.push("BR".into());
    let mut stray = fw.compliance_rules[0].clone();
    stray.id = "ca-consent".into();
    stray.name = "Consent before targeting in Canada".into();
    stray.jurisdiction = "CA".into();
    fw.compliance_rules.push(stray);
    let text = raw_text(&render_version(&Fixture::new(fw).data()).unwrap().pdf);
    let cov = section(&text, "Coverage");
    assert!(cov.contains("No shipped catalogue of law or guidance applies to BR"), "{cov}");
    let rules = section(&text, "Compliance rules");
    assert!(rules.contains("No rules are listed for BR."));
    assert!(rules.contains("CA (not one of the framework's jurisdictions)"));
    assert!(rules.contains("Consent before targeting in Canada"));
}

#[test]
fn a_rule_and_a_link_changed_between_versions_are_named_in_words_in_the_changes() {
    if !have("pdftotext") {
        return;
    }
    let old = governance_core::starter::starter_framework();
    let mut new = old.clone();
    new.compliance_rules[0].requirement = "Check the consent snapshot before every audience upload.".into();
    new.compliance_rules[0].kind = governance_core::RuleKind::DataHandling;
    new.hard_stops[0].obligations = vec!["gdpr-art-21".into(), "ftc-act-5-deception".into()];
    let f = Fixture::second_version(&old, new.clone());
    let text = raw_text(&render_version(&f.data()).unwrap().pdf);
    let changes = section(&text, "Changes since the previous version");
    let (rule, stop) = (&new.compliance_rules[0], &new.hard_stops[0]);
    // A path may wrap inside its cell.
    let unspaced: String = changes.split_whitespace().collect();
    for path in [format!("compliance_rules[{}].requirement", rule.id), format!("hard_stops[{}].obligations", stop.id)] {
        assert!(unspaced.contains(&path), "{path}");
    }
    for expected in [
        format!("Compliance rule {}: requirement", rule.name),
        "Check the consent snapshot before every audience upload.".to_owned(),
        format!("Compliance rule {}: kind", rule.name),
        "Data handling".to_owned(),
        format!("Hard stop {}: obligations answered", stop.name),
        format!("{}; {}", citation("gdpr-art-21"), citation("ftc-act-5-deception")),
    ] {
        let expected: String = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(changes.contains(&expected), "{expected} not in: {changes}");
    }
}

#[test]
fn rules_written_in_every_script_render_with_no_missing_glyph_and_read_back_whole() {
    if !have("pdftotext") {
        return;
    }
    let fw = scripts_framework();
    let r = render_version(&Fixture::new(fw.clone()).data()).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
    let text = reading_text(&r.pdf);
    let rules = section(&text, "Compliance rules");
    for script in ["Chinese (simplified)", "Arabic", "Japanese", "Korean", "Emoji", "Thai"] {
        assert!(rules.contains(sample(script)), "{script} in the rules");
    }
    assert!(fw.compliance_rules.iter().any(|r| r.name.contains(sample("Arabic"))), "the sample names rules in Arabic");
}

#[test]
fn formats_2_and_3_have_neither_section_and_format_4_has_both() {
    if !have("pdftotext") {
        return;
    }
    let data = Fixture::starter().data();
    for (format, has) in [(2, false), (3, false), (4, true)] {
        let text = raw_text(&formats::render(format, &data).unwrap().unwrap().pdf);
        for t in ["Compliance rules", "Coverage"] {
            assert_eq!(text.contains(&format!(" {t} ")), has, "format {format}: {t}");
        }
        assert_eq!(text.contains("Answers: "), has, "format {format}: the obligations a part answers");
    }
}

#[test]
fn a_format_4_report_cites_the_catalogues_in_its_manifest_so_it_still_verifies_when_the_shipped_ones_change() {
    let mut data = Fixture::starter().data();
    // A catalogue as a later app might ship it: one citation reworded.
    let id = data.framework.hard_stops[0].obligations.first().expect("the starter links its first hard stop").clone();
    let reworded = format!("{} (as amended)", citation(&id));
    let c = data.catalogues.iter_mut().find(|c| c.obligations.iter().any(|o| o.id == id)).unwrap();
    c.obligations.iter_mut().find(|o| o.id == id).unwrap().citation = reworded.clone();
    let pdf = render_version(&data).unwrap().pdf;

    let v = governance_report::verify(&pdf);
    assert_eq!(v.verdict(), governance_report::Verdict::Verified, "{:#?}", v.checks);
    let manifest = v.manifest.unwrap();
    assert_eq!(manifest.catalogues, data.catalogues, "the manifest holds the catalogues the pages cite");
    assert_ne!(manifest.catalogues, governance_core::obligations::catalogues(), "not the app's own");
    if have("pdftotext") {
        assert!(raw_text(&pdf).contains(&reworded), "the pages cite the manifest's wording");
    }
    for format in [2, 3] {
        let old = formats::render(format, &data).unwrap().unwrap().pdf;
        assert!(governance_report::verify(&old).manifest.unwrap().catalogues.is_empty(), "format {format}");
    }
}
