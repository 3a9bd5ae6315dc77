use super::*;
use governance_core::scripts::{sample, SCRIPT_SAMPLES};

/// The glyph each character would get alone from `font`'s cmap.
fn cmap_gids(font: usize, text: &str) -> Vec<u16> {
    let f = &faces::loaded()[font];
    text.chars().filter_map(|c| f.face.glyph_index(c)).map(|g| g.0).collect()
}

fn glyph_count(line: &ShapedLine) -> usize {
    line.runs.iter().map(|r| r.glyphs.len()).sum()
}

#[test]
fn every_sample_is_covered_by_a_shipped_font() {
    for (script, text) in SCRIPT_SAMPLES {
        let mut missing = BTreeSet::new();
        let cleaned = clean(text, false, &mut missing);
        assert!(missing.is_empty(), "{script}: {missing:?}");
        assert_eq!(&cleaned, text, "{script}");
        let mut missing_bold = BTreeSet::new();
        clean(text, true, &mut missing_bold);
        assert!(missing_bold.is_empty(), "{script} in bold: {missing_bold:?}");
    }
}

#[test]
fn each_script_goes_to_its_own_font_by_the_fixed_order() {
    let font_of = |script: &str| faces::FILES[faces::pick(sample(script).chars().next().unwrap(), false).unwrap()].name;
    assert_eq!(font_of("Latin"), "DejaVuSans");
    assert_eq!(font_of("Greek"), "DejaVuSans");
    assert_eq!(font_of("Arabic"), "NotoSansArabic-Regular");
    assert_eq!(font_of("Hebrew"), "NotoSansHebrew-Regular");
    assert_eq!(font_of("Devanagari"), "NotoSansDevanagari-Regular");
    assert_eq!(font_of("Thai"), "NotoSansThai-Regular");
    assert_eq!(font_of("Chinese (simplified)"), "DroidSansFallbackFull");
    assert_eq!(font_of("Korean"), "NotoSansKR-Regular");
    assert_eq!(font_of("Emoji"), "NotoEmoji-Regular");
}

#[test]
fn latin_takes_the_fast_path_and_other_scripts_are_shaped() {
    let latin = shape_line("Data quality standards, 99.5 %", false);
    assert!(!latin.complex && latin.runs.len() == 1 && latin.runs[0].plain.is_some());
    let arabic = shape_line(sample("Arabic"), false);
    assert!(arabic.complex && arabic.rtl);
    assert!(arabic.runs.iter().all(|r| r.plain.is_none()));
}

#[test]
fn arabic_letters_are_joined_not_drawn_in_their_isolated_forms() {
    let word = "حوكمة";
    let line = shape_line(word, false);
    let run = &line.runs[0];
    let shaped: Vec<u16> = run.glyphs.iter().map(|g| g.gid).collect();
    let mut isolated = cmap_gids(run.font, word);
    // The shaper outputs right to left text in visual order.
    isolated.reverse();
    assert_eq!(shaped.len(), isolated.len());
    assert!(shaped.iter().zip(&isolated).filter(|(a, b)| a != b).count() >= 3, "{shaped:?} vs {isolated:?}");
}

#[test]
fn a_devanagari_conjunct_becomes_fewer_glyphs_than_characters() {
    let word = "गुणवत्ता";
    let line = shape_line(word, false);
    assert!(glyph_count(&line) < word.chars().count(), "{line:?}");
    // Every glyph is a real one, never .notdef.
    assert!(line.runs.iter().flat_map(|r| &r.glyphs).all(|g| g.gid != 0));
}

#[test]
fn thai_marks_sit_on_their_base_with_no_advance_of_their_own() {
    let line = shape_line("ข้อมูล", false);
    let glyphs: Vec<&Glyph> = line.runs.iter().flat_map(|r| &r.glyphs).collect();
    assert!(glyphs.iter().any(|g| g.advance == 0.0), "the tone mark and vowel take no room: {glyphs:?}");
    assert!(glyphs.iter().all(|g| g.gid != 0));
}

#[test]
fn each_glyph_carries_its_text_so_that_the_text_can_be_extracted() {
    for (script, text) in SCRIPT_SAMPLES {
        let line = shape_line(text, false);
        let mut got = String::new();
        for run in &line.runs {
            match &run.plain {
                Some(p) => got.push_str(p),
                None if run.rtl => got.extend(run.texts.iter().rev().map(|t| t.chars().rev().collect::<String>())),
                None => got.extend(run.texts.iter().cloned()),
            }
        }
        let mut sorted: Vec<char> = got.chars().collect();
        let mut expected: Vec<char> = text.chars().collect();
        sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(sorted, expected, "{script}: every character once");
    }
}

#[test]
fn thai_and_chinese_without_spaces_wrap_inside_a_narrow_column() {
    for script in ["Thai", "Chinese (simplified)", "Japanese"] {
        let text = sample(script).repeat(3);
        let mut lines = Vec::new();
        wrap_paragraph(&text, 60.0, 9.0, false, &mut lines);
        assert!(lines.len() > 2, "{script}: {lines:?}");
        assert_eq!(lines.concat(), text, "{script}: nothing lost or added");
        for l in &lines {
            assert!(width_em(l, false) * 9.0 <= 60.0 + 0.01, "{script}: {l:?} is too wide");
        }
    }
}

#[test]
fn lines_of_a_right_to_left_paragraph_are_right_to_left_even_when_one_starts_with_latin() {
    let para = format!("{} GDPR Article 22 {}", sample("Hebrew"), sample("Hebrew"));
    let mut lines = Vec::new();
    wrap_paragraph(&para, 70.0, 9.0, false, &mut lines);
    assert!(lines.len() > 1);
    for l in &lines {
        assert!(l.starts_with(RLM), "{l:?}");
        assert!(shape_line(l, false).rtl, "{l:?}");
    }
    let joined: String = lines.iter().map(|l| l.trim_start_matches(RLM)).collect::<Vec<_>>().join(" ");
    assert_eq!(joined, para);
}

#[test]
fn no_break_is_made_after_a_hyphen() {
    let mut lines = Vec::new();
    wrap_paragraph("data-subject notifications", 40.0, 9.0, false, &mut lines);
    assert!(lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
}

#[test]
fn emoji_sequences_and_flags_stay_in_one_cluster_and_one_font() {
    let pieces = font_pieces("ok 👩‍💻 🇫🇷 1️⃣", false);
    for (_, piece) in &pieces {
        assert!(!piece.contains('\u{200D}') || piece.contains("👩‍💻"), "a ZWJ sequence is not split: {pieces:?}");
    }
}

#[test]
fn truncation_cuts_between_clusters_and_fits() {
    let t = truncate(&sample("Devanagari").repeat(4), 80.0, 9.0, false);
    assert!(t.ends_with('\u{2026}'));
    assert!(width_em(&t, false) * 9.0 <= 80.0 + 0.01);
}

#[test]
fn a_short_right_to_left_paragraph_is_one_line() {
    let mut lines = Vec::new();
    wrap_paragraph(sample("Arabic"), 300.0, 9.0, false, &mut lines);
    assert_eq!(lines, vec![format!("{RLM}{}", sample("Arabic"))]);
}

#[test]
fn a_cell_of_one_sample_per_line_has_one_line_per_sample() {
    let mut t = crate::text::Text::shaped();
    let all: Vec<&str> = SCRIPT_SAMPLES.iter().map(|(_, s)| *s).collect();
    let clean = t.clean(crate::fonts::Face::Regular, &all.join("\n"));
    let lines = t.wrap(crate::fonts::Face::Regular, 8.5, &clean, 320.0);
    assert_eq!(lines.len(), SCRIPT_SAMPLES.len(), "{lines:#?}");
}
