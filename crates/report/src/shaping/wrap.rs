//! Line breaking for report format 3: break opportunities by UAX 14 (with dictionaries for Thai,
//! Chinese and Japanese, so text without spaces wraps), filled greedily; a piece wider than the
//! line is cut between grapheme clusters. Each line of a right-to-left paragraph starts with a
//! right-to-left mark, so that it is laid out and aligned right to left on its own.

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{GraphemeClusterSegmenter, LineSegmenter, LineSegmenterBorrowed};
use unicode_bidi::{bidi_class, BidiClass};

use super::{width_em, RLM};

/// The line segmenter, made once: its dictionaries take long to load.
fn segmenter() -> LineSegmenterBorrowed<'static> {
    static SEGMENTER: std::sync::OnceLock<LineSegmenterBorrowed<'static>> = std::sync::OnceLock::new();
    *SEGMENTER.get_or_init(|| LineSegmenter::new_dictionary(LineBreakOptions::default()))
}

/// Whether a paragraph reads right to left: its first strong character is (UAX 9, P2 and P3).
pub(crate) fn paragraph_is_rtl(text: &str) -> bool {
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::L => return false,
            BidiClass::R | BidiClass::AL => return true,
            _ => {}
        }
    }
    false
}

/// Wraps one paragraph (no line breaks in it) into lines no wider than `width` points at `size`.
pub(crate) fn wrap_paragraph(para: &str, width: f32, size: f32, bold: bool, lines: &mut Vec<String>) {
    let measure = |s: &str| width_em(s, bold) * size;
    let rtl = paragraph_is_rtl(para);
    let first = lines.len();
    // No break after a hyphen: text extraction (poppler) takes a hyphen at the end of a line for
    // a word split by the typesetter and drops it, so "data-subject" would come back wrong.
    let mut breaks: Vec<usize> =
        segmenter().segment_str(para).filter(|&b| !para[..b].ends_with(['-', '\u{2010}'])).collect();
    if breaks.first() != Some(&0) {
        breaks.insert(0, 0);
    }
    if breaks.last() != Some(&para.len()) {
        breaks.push(para.len());
    }
    let mut line = String::new();
    let mut line_w = 0.0f32;
    for w in breaks.windows(2) {
        let seg = &para[w[0]..w[1]];
        let seg_w = measure(seg.trim_end());
        if !line.is_empty() && line_w + seg_w <= width {
            line.push_str(seg);
            line_w += measure(seg);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
        }
        if seg_w <= width {
            line.push_str(seg);
            line_w = measure(seg);
        } else {
            (line, line_w) = break_long(seg, width, &measure, lines);
        }
    }
    if !line.trim_end().is_empty() || lines.len() == first {
        lines.push(line.trim_end().to_owned());
    }
    if rtl {
        for l in &mut lines[first..] {
            l.insert(0, RLM);
        }
    }
}

/// Cuts a piece wider than a line between grapheme clusters: pushes the full lines and returns
/// the last, unfinished one with its width.
fn break_long(seg: &str, width: f32, measure: &dyn Fn(&str) -> f32, lines: &mut Vec<String>) -> (String, f32) {
    let mut line = String::new();
    let mut line_w = 0.0;
    let bounds: Vec<usize> = GraphemeClusterSegmenter::new().segment_str(seg).collect();
    for w in bounds.windows(2) {
        let cluster = &seg[w[0]..w[1]];
        let cw = measure(cluster);
        if !line.is_empty() && line_w + cw > width {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        }
        line.push_str(cluster);
        line_w += cw;
    }
    (line, line_w)
}

/// Shortens cleaned text with an ellipsis, between grapheme clusters, so that it fits `width`.
pub(crate) fn truncate(text: &str, width: f32, size: f32, bold: bool) -> String {
    let measure = |s: &str| width_em(s, bold) * size;
    if measure(text) <= width {
        return text.to_owned();
    }
    let ell = measure("\u{2026}");
    let mut out = String::new();
    let mut w = 0.0;
    let bounds: Vec<usize> = GraphemeClusterSegmenter::new().segment_str(text).collect();
    for b in bounds.windows(2) {
        let cluster = &text[b[0]..b[1]];
        let cw = measure(cluster);
        if w + cw + ell > width {
            break;
        }
        w += cw;
        out.push_str(cluster);
    }
    out.truncate(out.trim_end().len());
    out.push('\u{2026}');
    out
}
