//! The starter report checked with the tools an auditor would use: pdftotext, qpdf, pdffonts and
//! pdfinfo (poppler-utils and qpdf; the tests skip with a message when they are missing).

mod common;

use common::{have, page_text, pdf_text, run, write_pdf, Fixture};
use governance_core::review::Decision;
use governance_core::RaciRole;
use governance_report::{render_version, SECTION_TITLES};

#[test]
fn pdftotext_finds_every_section_title_and_every_name_in_the_starter_report() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::starter();
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "starter.pdf", &render_version(&f.data()).unwrap().pdf);
    let text = pdf_text(&path);
    let fw = &f.framework;
    let mut expected: Vec<String> = SECTION_TITLES.iter().map(|s| (*s).to_owned()).collect();
    expected.extend(["Contents", "Version 1", "Page 1 of", &fw.name, &fw.organisation].map(String::from));
    expected.extend(fw.platforms.iter().map(|p| p.name.clone()));
    expected.extend(fw.capabilities.iter().map(|c| c.name.clone()));
    expected.extend(fw.raci.iter().map(|a| a.name.clone()));
    expected.extend(fw.parties.iter().map(|p| p.name.clone()));
    expected.extend(fw.data_quality.iter().map(|d| d.data_input.clone()));
    expected.extend(fw.hard_stops.iter().map(|h| h.name.clone()));
    expected.push(f.hash.clone());
    let missing: Vec<&String> =
        expected.iter().filter(|e| !text.contains(&e.split_whitespace().collect::<Vec<_>>().join(" "))).collect();
    assert!(missing.is_empty(), "pdftotext does not find: {missing:#?}");
}

#[test]
fn every_page_has_the_footer_with_name_version_short_hash_and_page_x_of_y() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::starter();
    let r = render_version(&f.data()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "starter.pdf", &r.pdf);
    for page in 1..=r.pages {
        let text = page_text(&path, page);
        assert!(text.contains(&format!("Page {page} of {}", r.pages)), "page {page}: {text}");
        assert!(text.contains("Version 1"), "page {page}");
        assert!(text.contains(&f.hash[..12]), "page {page} has the short hash");
        assert!(text.contains("Larkspur marketing agents governance"), "page {page} has the framework name");
    }
}

#[test]
fn qpdf_check_passes_on_the_starter_report_and_on_a_second_version() {
    if !have("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let f = Fixture::starter();
    let path = write_pdf(dir.path(), "v1.pdf", &render_version(&f.data()).unwrap().pdf);
    let (ok, out) = run("qpdf", &["--check", &path]);
    assert!(ok && out.contains("No syntax or stream encoding errors"), "{out}");

    let mut new = f.framework.clone();
    new.name = "Larkspur agents governance (Ω revision, ünïcödé)".into();
    let v2 = Fixture::second_version(&f.framework, new);
    let path = write_pdf(dir.path(), "v2.pdf", &render_version(&v2.data()).unwrap().pdf);
    let (ok, out) = run("qpdf", &["--check", &path]);
    assert!(ok && out.contains("No syntax or stream encoding errors"), "{out}");
}

#[test]
fn pdffonts_shows_both_dejavu_faces_embedded_and_subset() {
    if !have("pdffonts") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "starter.pdf", &render_version(&Fixture::starter().data()).unwrap().pdf);
    let (ok, out) = run("pdffonts", &[&path]);
    assert!(ok, "{out}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{out}");
    for (row, face) in rows.iter().zip(["DejaVuSans", "DejaVuSans-Bold"]) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].ends_with(&format!("+{face}")), "{row}");
        // name, type (2 words), encoding, emb, sub, uni
        assert_eq!(&cols[4..7], &["yes", "yes", "yes"], "embedded, subset, with a ToUnicode map: {row}");
    }
}

#[test]
fn pdfinfo_shows_title_author_keywords_and_the_publication_date() {
    if !have("pdfinfo") {
        return;
    }
    let f = Fixture::starter();
    let dir = tempfile::tempdir().unwrap();
    let r = render_version(&f.data()).unwrap();
    let path = write_pdf(dir.path(), "starter.pdf", &r.pdf);
    let (ok, out) = run("pdfinfo", &["-isodates", &path]);
    assert!(ok, "{out}");
    assert!(out.contains("Title:           Larkspur marketing agents governance framework, version 1"), "{out}");
    assert!(out.contains("Author:          Dana Okafor"), "{out}");
    assert!(out.contains("Subject:         Governance framework of Larkspur Outdoor Co."), "{out}");
    assert!(out.contains(&format!("sha256:{}", f.hash)), "keywords carry the hash: {out}");
    assert!(out.contains("CreationDate:    2026-11-26T11:39:09Z"), "{out}");
    assert!(out.contains("ModDate:         2026-11-26T11:39:09Z"), "{out}");
    assert!(out.contains("Page size:       595.276 x 841.89 pts (A4)"), "{out}");
    assert!(out.contains(&format!("Pages:           {}", r.pages)), "{out}");
}

#[test]
fn raci_findings_are_printed_on_the_raci_chart_pages() {
    if !have("pdftotext") {
        return;
    }
    let mut fw = governance_core::starter::starter_framework();
    // Take away the Accountable party of the first activity: an error finding.
    fw.raci[0].assignments.retain(|a| a.role != RaciRole::A);
    let name = fw.raci[0].name.clone();
    let f = Fixture::new(fw);
    let message = f
        .findings
        .iter()
        .find(|x| x.message.contains("no Accountable party"))
        .expect("a finding about the missing A")
        .message
        .clone();
    let r = render_version(&f.data()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "raci.pdf", &r.pdf);
    let pages: Vec<u32> = (1..=r.pages).filter(|p| page_text(&path, *p).contains(&message)).collect();
    assert!(!pages.is_empty(), "the finding is printed");
    for p in pages {
        let text = page_text(&path, p);
        assert!(text.starts_with("6 RACI chart"), "page {p} with the finding belongs to the RACI chart: {text}");
    }
    assert!(pdf_text(&path).contains(&format!("\u{26A0} {name}")), "the activity is marked in the chart");
}

#[test]
fn version_one_says_first_version_and_version_two_lists_changes_and_signoffs() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let v1 = Fixture::starter();
    let path = write_pdf(dir.path(), "v1.pdf", &render_version(&v1.data()).unwrap().pdf);
    let text = pdf_text(&path);
    assert!(text.contains("First version: there is no previous version to compare with."));
    assert!(text.contains("None: this is the first version."));
    assert!(text.contains("No sign-off has been recorded for this version yet."));
    for id in &v1.framework.review_schedule.required_signatories {
        let p = v1.framework.parties.iter().find(|p| &p.id == id).unwrap();
        assert!(text.contains(&p.name), "an empty signature block for {}", p.name);
    }

    let mut new = v1.framework.clone();
    new.platforms[0].contract.required_latency.amount = 45;
    new.hard_stops.remove(1);
    let mut v2 = Fixture::second_version(&v1.framework, new);
    let mut mistaken = v2.unsigned_signoff(1, Decision::Rejected, "Signed the previous version by mistake.");
    (mistaken.version_number, mistaken.version_sha256) = (1, v1.hash.clone());
    v2.signoffs = vec![v2.unsigned_signoff(0, Decision::Approved, ""), mistaken];
    let path = write_pdf(dir.path(), "v2.pdf", &render_version(&v2.data()).unwrap().pdf);
    let text = pdf_text(&path);
    assert!(text.contains("Version 2"));
    assert!(text.contains(v2.previous.as_deref().unwrap()), "the previous hash is printed");
    assert!(text.contains("Platform Google Ads: contract › required latency › amount"), "{text}");
    // The raw path may be broken over lines inside its cell.
    assert!(text.replace(' ', "").contains("platforms[google-ads].contract.required_latency.amount"));
    assert!(text.contains("Removed"));
    assert!(text.contains("this version") && text.contains("another version"), "sign-off hashes are checked");
    assert!(text.contains("Signed the previous version by mistake."));
}
