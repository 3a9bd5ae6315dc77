//! Text in every script, for report format 3: each line is ordered by the Unicode bidirectional
//! algorithm (UAX 9), cut into clusters that each get the first font of the fixed fallback order
//! that has them, and shaped with rustybuzz (joining, ligatures, conjuncts, marks, emoji
//! sequences). Lines are broken by UAX 14 with dictionary breaks for Thai, Chinese and Japanese.
//!
//! Text only in Latin, Greek and Cyrillic without combining marks takes a fast path: one glyph per
//! character from DejaVu's cmap, as format 2 drew it. Everything else is shaped.

pub(crate) mod draw;
pub(crate) mod faces;
mod wrap;

use std::collections::BTreeSet;

use icu_segmenter::GraphemeClusterSegmenter;
use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::BidiInfo;

pub(crate) use wrap::{truncate, wrap_paragraph};

/// One glyph as placed by the shaper. Lengths are in em.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub gid: u16,
    /// How far the pen moves after this glyph.
    pub advance: f32,
    /// The glyph's own advance in the font, which a PDF viewer moves by unless told otherwise.
    pub font_advance: f32,
    pub dx: f32,
    pub dy: f32,
}

/// Glyphs of one font on one line, in visual order, with the text they show in logical order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GlyphRun {
    pub font: usize,
    pub glyphs: Vec<Glyph>,
    /// For each glyph, the text it stands for (the whole cluster on the cluster's first glyph in
    /// logical order, nothing on the others): the PDF's ToUnicode map.
    pub texts: Vec<String>,
    /// Shaped right to left (the glyphs are in visual order, the reverse of the text's).
    pub rtl: bool,
    /// For the fast path: the text, one glyph per character from DejaVu's cmap, drawn as plain
    /// text (`glyphs` and `texts` are then empty).
    pub plain: Option<String>,
}

/// One line, shaped: its runs in visual order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapedLine {
    pub runs: Vec<GlyphRun>,
    /// Width in em.
    pub width: f32,
    /// The line's base direction is right to left: it is aligned to the right.
    pub rtl: bool,
    /// The glyphs are not one per character left to right: a reader needs the logical text
    /// (`/ActualText`) to search or copy it.
    pub complex: bool,
}

/// Right-to-left mark: put at the start of each line of a right-to-left paragraph, so that the
/// line keeps the paragraph's direction on its own. It has no glyph and no width.
pub(crate) const RLM: char = '\u{200F}';

/// Whether `c` can be drawn by the fast path (one glyph from DejaVu's cmap): anything but the
/// scripts that are shaped or drawn by another font, combining marks, and invisible controls.
#[inline]
fn is_simple(c: char) -> bool {
    !matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0590..=0x08FF | 0x0900..=0x0DFF | 0x0E00..=0x0EFF
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F
        | 0x20D0..=0x20FF | 0xFB1D..=0xFDFF | 0xFE00..=0xFE2F | 0xFE70..=0xFEFF | 0x10000..)
}

/// DejaVu's metrics, read once into tables (the fast path's glyph ids and advances).
pub(crate) fn dejavu(bold: bool) -> &'static crate::fonts::FaceData {
    crate::fonts::Fonts::get().face(if bold { crate::fonts::Face::Bold } else { crate::fonts::Face::Regular })
}

/// Whether the whole text takes the fast path (every character simple and in DejaVu).
pub(crate) fn simple_text(text: &str, bold: bool) -> bool {
    let f = dejavu(bold);
    text.chars().all(|c| is_simple(c) && f.has(c))
}

/// Shapes one line of cleaned text (no line breaks in it).
pub(crate) fn shape_line(text: &str, bold: bool) -> ShapedLine {
    if simple_text(text, bold) {
        return simple_line(text, bold);
    }
    let bidi = BidiInfo::new(text, None);
    let Some(para) = bidi.paragraphs.first() else {
        return ShapedLine { runs: Vec::new(), width: 0.0, rtl: false, complex: false };
    };
    let (levels, visual) = bidi.visual_runs(para, para.range.clone());
    let mut runs = Vec::new();
    for range in visual {
        let rtl = levels[range.start].is_rtl();
        let mut pieces = font_pieces(&text[range.clone()], bold);
        if rtl {
            pieces.reverse();
        }
        for (font, piece) in pieces {
            runs.push(shape_run(font, piece, rtl));
        }
    }
    let width = runs.iter().flat_map(|r| &r.glyphs).map(|g| g.advance).sum();
    ShapedLine { runs, width, rtl: para.level.is_rtl(), complex: true }
}

/// The fast path: one glyph per character from the cmap, advances from the font. The glyphs
/// are not listed: the text says them.
fn simple_line(text: &str, bold: bool) -> ShapedLine {
    let f = dejavu(bold);
    let width = text.chars().map(|c| f.advance(c).unwrap_or(0.0)).sum();
    let run = GlyphRun {
        font: faces::primary(bold),
        glyphs: Vec::new(),
        texts: Vec::new(),
        rtl: false,
        plain: Some(text.to_owned()),
    };
    ShapedLine { runs: vec![run], width, rtl: false, complex: false }
}

/// Splits text of one direction into pieces that each use one font, in logical order. A
/// grapheme cluster stays in one piece: its font is the first with its first visible character.
fn font_pieces(text: &str, bold: bool) -> Vec<(usize, &str)> {
    let primary = faces::primary(bold);
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<usize> = None;
    let bounds: Vec<usize> = GraphemeClusterSegmenter::new().segment_str(text).collect();
    for w in bounds.windows(2) {
        let cluster = &text[w[0]..w[1]];
        let base = cluster.chars().find(|c| !faces::is_ignorable(*c));
        // Joiners and marks alone stay with the text before them.
        let font = base.and_then(|c| faces::pick_cluster(cluster, c, bold)).or(current).unwrap_or(primary);
        if current.is_some_and(|f| f != font) {
            pieces.push((current.unwrap_or(primary), &text[start..w[0]]));
            start = w[0];
        }
        current = Some(font);
    }
    if start < text.len() {
        pieces.push((current.unwrap_or(primary), &text[start..]));
    }
    pieces
}

/// A shape plan's font, direction (right to left or not) and script.
type PlanKey = (usize, bool, Option<rustybuzz::Script>);

/// Shapes text of one font and one direction. Shape plans are kept per font, direction and
/// script: making one reads the font's layout tables, which costs more than shaping a line.
fn shape_run(font: usize, text: &str, rtl: bool) -> GlyphRun {
    thread_local! {
        static PLANS: std::cell::RefCell<std::collections::HashMap<PlanKey, rustybuzz::ShapePlan>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    let f = &faces::loaded()[font];
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let direction = if rtl { Direction::RightToLeft } else { Direction::LeftToRight };
    buffer.set_direction(direction);
    let script = Some(buffer.script());
    let out = PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let plan = plans
            .entry((font, rtl, script))
            .or_insert_with(|| rustybuzz::ShapePlan::new(&f.face, direction, script, None, &[]));
        rustybuzz::shape_with_plan(&f.face, plan, buffer)
    });
    let em = |v: i32| v as f32 / f.upem;
    let infos = out.glyph_infos();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (info, pos) in infos.iter().zip(out.glyph_positions()) {
        let gid = u16::try_from(info.glyph_id).unwrap_or(0);
        let font_advance =
            f32::from(f.face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid)).unwrap_or(0)) / f.upem;
        glyphs.push(Glyph {
            gid,
            advance: em(pos.x_advance),
            font_advance,
            dx: em(pos.x_offset),
            dy: em(pos.y_offset),
        });
    }
    let clusters: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    let mut texts = cluster_texts(text, &clusters);
    if rtl {
        // Readers reverse right-to-left text character by character, so the characters of a
        // ligature (lam-alef) are given in visual order too.
        for t in &mut texts {
            *t = t.chars().rev().collect();
        }
    }
    GlyphRun { font, glyphs, texts, rtl, plain: None }
}

/// The text each glyph stands for: a cluster's text goes to its first glyph in logical order
/// (the lowest index for left to right, the highest for right to left output), "" to the rest.
fn cluster_texts(text: &str, clusters: &[usize]) -> Vec<String> {
    let mut starts: Vec<usize> = clusters.to_vec();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| starts.iter().find(|s| **s > start).copied().unwrap_or(text.len());
    let mut seen = BTreeSet::new();
    let mut out = vec![String::new(); clusters.len()];
    // Logical order: by cluster, then by position for ties.
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&i| (clusters[i], i));
    for i in order {
        let c = clusters[i];
        if seen.insert(c) {
            out[i] = text.get(c..end_of(c)).unwrap_or_default().to_owned();
        }
    }
    out
}

/// Width of a line of cleaned text, in em.
pub(crate) fn width_em(text: &str, bold: bool) -> f32 {
    let f = dejavu(bold);
    let mut w = 0.0;
    for c in text.chars() {
        match f.advance(c) {
            Some(a) if is_simple(c) => w += a,
            _ => return shape_line(text, bold).width,
        }
    }
    if !text.is_empty() {
        return w;
    }
    cached_width(text, bold)
}

/// The width of text that must be shaped. Layout measures the same names and words again and
/// again (table headers, repeated cells), so widths are kept, up to a bound, per thread.
fn cached_width(text: &str, bold: bool) -> f32 {
    const MAX_ENTRIES: usize = 100_000;
    thread_local! {
        static WIDTHS: std::cell::RefCell<std::collections::HashMap<(bool, String), f32>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    WIDTHS.with(|cache| {
        if let Some(w) = cache.borrow().get(&(bold, text.to_owned())) {
            return *w;
        }
        let w = shape_line(text, bold).width;
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_ENTRIES {
            cache.clear();
        }
        cache.insert((bold, text.to_owned()), w);
        w
    })
}

/// Replaces each cluster that no shipped font can draw by U+FFFD and records its characters;
/// tabs become spaces and carriage returns go.
pub(crate) fn clean(text: &str, bold: bool, missing: &mut BTreeSet<char>) -> String {
    let mut out = String::with_capacity(text.len());
    if simple_text(text, bold) {
        out.push_str(text);
        return out;
    }
    let bounds: Vec<usize> = GraphemeClusterSegmenter::new().segment_str(text).collect();
    for w in bounds.windows(2) {
        let cluster = &text[w[0]..w[1]];
        match cluster {
            "\t" => out.push(' '),
            "\r" => {}
            "\r\n" | "\n" => out.push('\n'),
            _ => {
                let base = cluster.chars().find(|c| !faces::is_ignorable(*c));
                if base.is_none_or(|c| faces::pick_cluster(cluster, c, bold).is_some()) {
                    out.push_str(cluster);
                } else {
                    missing.extend(cluster.chars().filter(|c| !faces::is_ignorable(*c)));
                    out.push(crate::fonts::REPLACEMENT);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
