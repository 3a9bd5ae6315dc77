//! Nothing is drawn off the page or into the margins: every page is rasterised with pdftoppm and
//! the outer band of each page must be blank paper.

mod common;

use common::{adversarial_framework, have, run, wide_framework, write_pdf, Fixture};
use governance_core::review::Decision;
use governance_report::render_version;

const DPI: f32 = 36.0;

struct Gray {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

fn read_pgm(path: &std::path::Path) -> Gray {
    let data = std::fs::read(path).expect("reads the page image");
    // "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary grey map");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = data[i + 1..].to_vec();
    assert_eq!(px.len(), w * h);
    Gray { w, h, px }
}

/// Rasterises every page and returns, per page, the inked pixels found in the outer band:
/// `side_mm` on the left and right, `edge_mm` at the top and bottom.
/// Set `REPORT_TEST_OUT=/some/dir` to keep a copy of each PDF for looking at.
fn ink_in_margins(name: &str, pdf: &[u8], side_mm: f32, edge_mm: f32) -> Vec<String> {
    if let Ok(out) = std::env::var("REPORT_TEST_OUT") {
        std::fs::write(std::path::Path::new(&out).join(name), pdf).expect("writes the copy");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "report.pdf", pdf);
    let prefix = dir.path().join("page");
    let (ok, out) = run("pdftoppm", &["-gray", "-r", &DPI.to_string(), &path, prefix.to_str().unwrap()]);
    assert!(ok, "pdftoppm failed: {out}");
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "pdftoppm wrote no pages");
    let px = |mm: f32| (mm / 25.4 * DPI).floor() as usize;
    let mut problems = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let g = read_pgm(page);
        let (side, edge) = (px(side_mm), px(edge_mm));
        let mut inked = 0;
        for y in 0..g.h {
            for x in 0..g.w {
                let in_band = x < side || x >= g.w - side || y < edge || y >= g.h - edge;
                if in_band && g.px[y * g.w + x] < 235 {
                    inked += 1;
                }
            }
        }
        if inked > 0 {
            problems.push(format!("page {}: {inked} inked pixels in the margin band", n + 1));
        }
    }
    problems
}

#[test]
fn no_page_of_the_starter_report_has_ink_in_the_outer_margins() {
    if !have("pdftoppm") {
        return;
    }
    let pdf = render_version(&Fixture::starter().data()).unwrap().pdf;
    // Content keeps 20 mm from every edge; the running head and footer sit 11-13 mm from the top
    // and bottom edges.
    let problems = ink_in_margins("starter.pdf", &pdf, 17.0, 9.0);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_page_of_a_wide_framework_has_ink_in_the_outer_margins() {
    if !have("pdftoppm") {
        return;
    }
    let f = Fixture::new(wide_framework());
    let r = render_version(&f.data()).unwrap();
    // The matrix (60 platforms) and the RACI chart (40 parties) go onto landscape pages.
    let d = lopdf::Document::load_mem(&r.pdf).unwrap();
    let landscape = d
        .page_iter()
        .filter(|id| {
            let b = d.get_dictionary(*id).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
            b[2].as_float().unwrap() > b[3].as_float().unwrap()
        })
        .count();
    assert!(landscape >= 6, "the wide grids split over landscape pages ({landscape})");
    let problems = ink_in_margins("wide.pdf", &r.pdf, 17.0, 9.0);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_framework_built_to_break_the_layout_keeps_every_page_inside_its_margins() {
    if !have("pdftoppm") {
        return;
    }
    let mut f = Fixture::new(adversarial_framework());
    let mut signoff = f.unsigned_signoff(0, Decision::ApprovedWithComments, &"c".repeat(3_000));
    signoff.party_name = "S".repeat(200);
    signoff.party_title = "Role ".repeat(40);
    f.signoffs = vec![signoff];
    let r = render_version(&f.data()).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
    let problems = ink_in_margins("adversarial.pdf", &r.pdf, 17.0, 9.0);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn an_empty_framework_still_renders_every_section() {
    let mut fw = governance_core::starter::starter_framework();
    fw.parties.clear();
    fw.platforms.clear();
    fw.capabilities.clear();
    fw.matrix.clear();
    fw.raci.clear();
    fw.data_quality.clear();
    fw.hard_stops.clear();
    fw.jurisdictions.clear();
    fw.compliance_rules.clear();
    fw.override_policy.kill_switch_holders.clear();
    fw.review_schedule.required_signatories.clear();
    let f = Fixture::new(fw);
    let r = render_version(&f.data()).expect("renders");
    assert!(r.pages >= 16, "cover, contents and fourteen sections: {}", r.pages);
}

#[test]
fn long_text_in_every_script_keeps_every_page_inside_its_margins() {
    if !have("pdftoppm") {
        return;
    }
    use governance_core::scripts::{sample, scripts_framework};
    let mut fw = scripts_framework();
    // Long runs with no space to break at: Thai and Chinese wrap by dictionary, the rest by cluster.
    fw.description = ["Thai", "Chinese (simplified)", "Arabic", "Devanagari", "Emoji"]
        .map(|s| sample(s).replace(' ', "").repeat(40))
        .join("\n");
    fw.platforms[0].name = sample("Arabic").replace(' ', "").repeat(8).chars().take(200).collect();
    let r = render_version(&Fixture::new(fw).data()).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
    let problems = ink_in_margins("scripts.pdf", &r.pdf, 17.0, 9.0);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn compliance_rules_and_coverage_built_to_break_the_layout_keep_every_page_inside_its_margins() {
    if !have("pdftoppm") {
        return;
    }
    use governance_core::scripts::sample;
    let mut fw = governance_core::starter::starter_framework();
    let every: Vec<String> = governance_core::obligations::all().map(|o| o.id.clone()).collect();
    let (caps, platforms): (Vec<String>, Vec<String>) =
        (fw.capabilities.iter().map(|c| c.id.clone()).collect(), fw.platforms.iter().map(|p| p.id.clone()).collect());
    let r = &mut fw.compliance_rules[0];
    r.name = "R".repeat(200);
    r.requirement = "word ".repeat(3_000) + &"x".repeat(2_000);
    r.evidence = sample("Arabic").replace(' ', "").repeat(30);
    (r.all_capabilities, r.capabilities) = (false, caps);
    (r.all_platforms, r.platforms) = (false, platforms);
    r.obligations = every.clone();
    fw.hard_stops[0].name = "H".repeat(200);
    fw.hard_stops[0].obligations = every;
    let r = render_version(&Fixture::new(fw).data()).unwrap();
    assert!(r.missing_glyphs.is_empty(), "{:?}", r.missing_glyphs);
    let problems = ink_in_margins("compliance.pdf", &r.pdf, 17.0, 9.0);
    assert!(problems.is_empty(), "{problems:#?}");
}
