//! Every word lies inside the page and its margins: the PDF is read back with poppler's
//! `pdftotext -bbox` and each word's box is checked against the page. pdftotext drops characters
//! that lie off the page, so the pages' boxes are first widened to three times their size around
//! the page: a word drawn wholly off the page is then still found, and reported.

mod common;

use common::{adversarial_framework, have, run, two_party_framework, write_pdf, Fixture};
use governance_report::render_version;

/// 20 mm: the left and right margins of every page.
const MARGIN: f64 = 56.69;
/// The running head sits above this line (its rule), the footer below `h - FOOT`.
const HEAD: f64 = 44.0;
const FOOT: f64 = 46.0;
/// 10 mm: nothing comes closer to the top or bottom edge.
const EDGE: f64 = 28.35;
/// Rounding in the content streams and in pdftotext's output.
const TOLERANCE: f64 = 0.5;

struct Word {
    page: usize,
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// The PDF with every page's media and crop box widened by a page's size on every side.
fn widened(pdf: &[u8]) -> (Vec<u8>, Vec<(f64, f64)>) {
    let mut d = lopdf::Document::load_mem(pdf).expect("parses");
    let mut sizes = Vec::new();
    for id in d.page_iter().collect::<Vec<_>>() {
        let page = d.get_dictionary_mut(id).unwrap();
        let b = page.get(b"MediaBox").unwrap().as_array().unwrap().clone();
        let (w, h) = (b[2].as_float().unwrap() as f64, b[3].as_float().unwrap() as f64);
        sizes.push((w, h));
        let wide: Vec<lopdf::Object> =
            [-w, -h, 2.0 * w, 2.0 * h].iter().map(|v| lopdf::Object::Real(*v as f32)).collect();
        for key in ["MediaBox", "CropBox", "TrimBox"] {
            page.set(key, lopdf::Object::Array(wide.clone()));
        }
    }
    let mut out = Vec::new();
    d.save_to(&mut out).expect("saves");
    (out, sizes)
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("no {name} in {tag}")) + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// Every word with its box in the original page's coordinates (points from the top left).
fn words(pdf: &[u8]) -> (Vec<Word>, Vec<(f64, f64)>) {
    let (wide, sizes) = widened(pdf);
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "wide.pdf", &wide);
    let (ok, html) = run("pdftotext", &["-bbox", "-enc", "UTF-8", &path, "-"]);
    assert!(ok, "pdftotext failed: {html}");
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            let (w, h) = sizes[page - 1];
            out.push(Word {
                page,
                text: text.trim_end_matches("</word>").to_owned(),
                x0: attr(tag, "xMin") - w,
                y0: attr(tag, "yMin") - h,
                x1: attr(tag, "xMax") - w,
                y1: attr(tag, "yMax") - h,
            });
        }
    }
    assert_eq!(page, sizes.len(), "pdftotext read every page");
    (out, sizes)
}

/// The words that leave the page, run into the side margins, or cross from the body into the
/// running head or footer.
fn misplaced(pdf: &[u8]) -> Vec<String> {
    let (words, sizes) = words(pdf);
    assert!(words.len() > 100, "pdftotext found words");
    let mut bad = Vec::new();
    for w in words {
        let (pw, ph) = sizes[w.page - 1];
        let (top, bottom) = if w.y1 <= HEAD {
            (EDGE, HEAD)
        } else if w.y0 >= ph - FOOT {
            (ph - FOOT, ph - EDGE)
        } else {
            (HEAD, ph - FOOT)
        };
        let inside = w.x0 >= MARGIN - TOLERANCE
            && w.x1 <= pw - MARGIN + TOLERANCE
            && w.y0 >= top - TOLERANCE
            && w.y1 <= bottom + TOLERANCE;
        if !inside {
            bad.push(format!(
                "page {}: {:?} at x {:.1}-{:.1}, y {:.1}-{:.1} on a {:.0}x{:.0} page",
                w.page, w.text, w.x0, w.x1, w.y0, w.y1, pw, ph
            ));
        }
    }
    bad
}

#[test]
fn every_word_of_the_starter_report_lies_inside_the_margins() {
    if !have("pdftotext") {
        return;
    }
    let bad = misplaced(&render_version(&Fixture::starter().data()).unwrap().pdf);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_word_of_a_two_party_framework_lies_inside_the_margins() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::new(two_party_framework());
    assert_eq!(f.framework.parties.len(), 2);
    let bad = misplaced(&render_version(&f.data()).unwrap().pdf);
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn every_word_of_the_large_framework_lies_inside_the_margins() {
    if !have("pdftotext") {
        return;
    }
    let f = Fixture::new(governance_core::sample::large_framework());
    let bad = misplaced(&render_version(&f.data()).unwrap().pdf);
    assert!(bad.is_empty(), "{} misplaced words: {:#?}", bad.len(), &bad[..bad.len().min(40)]);
}

#[test]
fn every_word_of_a_framework_built_to_break_the_layout_lies_inside_the_margins() {
    if !have("pdftotext") {
        return;
    }
    let bad = misplaced(&render_version(&Fixture::new(adversarial_framework()).data()).unwrap().pdf);
    assert!(bad.is_empty(), "{} misplaced words: {:#?}", bad.len(), &bad[..bad.len().min(40)]);
}
