//! Any script a user types renders or is reported, never silently dropped (SPEC section 4).

mod common;

use common::{have, pdf_text, write_pdf, Fixture};
use governance_report::render_version;

#[test]
fn characters_no_shipped_font_has_are_reported_sorted_and_once() {
    // Egyptian hieroglyphs and cuneiform are outside every shipped font; the CJK is inside.
    let mut fw = governance_core::starter::starter_framework();
    fw.description.push_str("\n\nReviewed by the 東京 office (東京本社): 𓀀 𒀀 𓀀.");
    fw.parties[0].title = "Chief Marketing Officer 漢 𒀀".into();
    let f = Fixture::new(fw);
    let r = render_version(&f.data()).expect("renders");
    assert_eq!(r.missing_glyphs, vec!['𒀀', '𓀀']);
    let first = &f.framework.parties[0].id;
    assert_eq!(r.missing_in, vec!["description".to_owned(), format!("parties[{first}].title")]);
}

#[test]
fn accented_greek_cyrillic_and_symbol_text_is_covered() {
    let mut fw = governance_core::starter::starter_framework();
    fw.description = "Zoë Ångström, Łódź, Straße, Ελληνικά, Русский, naïve café, ±5 %, €1,000, “quotes” — dash".into();
    fw.name = "Gouvernance des agents marketing (révision ß)".into();
    let f = Fixture::new(fw);
    let r = render_version(&f.data()).expect("renders");
    assert!(r.missing_glyphs.is_empty(), "unexpectedly missing: {:?}", r.missing_glyphs);
}

#[test]
fn a_missing_character_is_drawn_as_a_replacement_and_the_rest_of_the_text_is_kept() {
    if !have("pdftotext") {
        return;
    }
    let mut fw = governance_core::starter::starter_framework();
    fw.organisation = "Larkspur 𓀀 Outdoor Co.".into();
    let f = Fixture::new(fw);
    let r = render_version(&f.data()).expect("renders");
    assert_eq!(r.missing_glyphs, vec!['𓀀']);
    let dir = tempfile::tempdir().unwrap();
    let path = write_pdf(dir.path(), "cjk.pdf", &r.pdf);
    let text = pdf_text(&path);
    assert!(text.contains("Larkspur \u{FFFD} Outdoor Co."), "the place of the missing character is visible");
}
