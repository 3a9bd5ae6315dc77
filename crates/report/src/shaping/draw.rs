//! Shaped lines as PDF text: the fonts subset to the glyphs the pages use (glyph ids renumbered
//! in order), and each line written as positioned glyph ids. A line whose glyphs are not one per
//! character left to right carries its logical text as `/ActualText`, so that search, copy and
//! pdftotext give back what was typed, in logical order.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{Codepoint, DictItem, FontId, Op, ParsedFont, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::faces::FILES;
use super::{ShapedLine, RLM};
use crate::style::Rgb;
use crate::text::Run;
use crate::ReportError;

/// The fixed resource name of font file `n`.
pub(crate) fn font_id(n: usize) -> FontId {
    FontId(format!("F{}", n + 1))
}

/// The subset fonts of a document and how their glyph ids were renumbered.
pub(crate) struct Embedding {
    /// For each font file, original glyph id to subset glyph id (empty when unused).
    remap: Vec<BTreeMap<u16, u16>>,
    pub fonts: Vec<(FontId, ParsedFont)>,
}

/// Shapes the runs that need it: `None` for a run the fast path draws as plain DejaVu text.
pub(crate) fn shape_runs(runs: &[Run]) -> Vec<Option<ShapedLine>> {
    runs.iter()
        .map(|r| {
            let bold = r.face == crate::fonts::Face::Bold;
            (!super::simple_text(&r.text, bold)).then(|| super::shape_line(&r.text, bold))
        })
        .collect()
}

/// Subsets every font to the glyphs the runs use (their shaped lines from [`shape_runs`]).
pub(crate) fn embed<'a>(
    runs: impl Iterator<Item = (&'a Run, &'a Option<ShapedLine>)>,
) -> Result<Embedding, ReportError> {
    let mut used: Vec<BTreeSet<u16>> = vec![BTreeSet::new(); FILES.len()];
    let plain = |text: &str, bold: bool, used: &mut Vec<BTreeSet<u16>>| {
        let f = super::dejavu(bold);
        used[super::faces::primary(bold)].extend(text.chars().filter_map(|c| f.gid(c)));
    };
    for (r, line) in runs {
        let Some(line) = line else {
            plain(&r.text, r.face == crate::fonts::Face::Bold, &mut used);
            continue;
        };
        for run in &line.runs {
            match &run.plain {
                Some(text) => plain(text, run.font == super::faces::primary(true), &mut used),
                None => used[run.font].extend(run.glyphs.iter().map(|g| g.gid)),
            }
        }
    }
    let mut remap = vec![BTreeMap::new(); FILES.len()];
    let mut fonts = Vec::new();
    for (n, gids) in used.iter().enumerate() {
        if gids.is_empty() {
            continue;
        }
        let mut list: Vec<u16> = vec![0];
        list.extend(gids.iter().copied().filter(|g| *g != 0));
        // allsorts numbers the subset's glyphs by their place in the list it is given.
        remap[n] = list.iter().enumerate().map(|(i, g)| (*g, i as u16)).collect();
        fonts.push((font_id(n), subset_font(n, &list)?));
    }
    Ok(Embedding { remap, fonts })
}

fn subset_font(n: usize, gids: &[u16]) -> Result<ParsedFont, ReportError> {
    let file = &FILES[n];
    let err = |e: String| ReportError::Font(format!("cannot subset {}: {e}", file.name));
    let data = ReadScope::new(file.bytes).read::<FontData<'_>>().map_err(|e| err(format!("{e:?}")))?;
    let provider = data.table_provider(0).map_err(|e| err(format!("{e:?}")))?;
    let bytes =
        subset(&provider, gids, &SubsetProfile::Pdf, CmapTarget::Unrestricted).map_err(|e| err(format!("{e:?}")))?;
    drop(provider);
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| ReportError::Font(format!("cannot parse the subset of {}", file.name)))?;
    font.font_name = Some(format!("{}+{}", subset_tag(gids), file.name));
    Ok(font)
}

/// A six-letter subset tag (ISO 32000-1, 9.6.4) derived from the glyph list, so it is stable.
fn subset_tag(gids: &[u16]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for g in gids {
        h ^= u64::from(*g);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 10)) % 26) as u8)).collect()
}

/// The text operations of one page: each run with its shaped line, in drawing order. `fill` is
/// the fill colour in force before them and is kept up to date.
pub(crate) fn page_ops(
    runs: &[Run],
    lines: &[Option<ShapedLine>],
    emb: &Embedding,
    page_h: f32,
    fill: &mut Option<Rgb>,
    ops: &mut Vec<Op>,
) {
    if runs.is_empty() {
        return;
    }
    ops.push(Op::StartTextSection);
    let mut font: Option<(usize, f32)> = None;
    for (r, line) in runs.iter().zip(lines) {
        if *fill != Some(r.color) {
            ops.push(Op::SetFillColor { col: r.color.pdf() });
            *fill = Some(r.color);
        }
        let Some(line) = line else {
            // The fast path: the text in DejaVu, one glyph per character by the subset's cmap.
            let n = super::faces::primary(r.face == crate::fonts::Face::Bold);
            if font != Some((n, r.size)) {
                ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(n)), size: Pt(r.size) });
                font = Some((n, r.size));
            }
            let m = position(r, r.x, crate::layout::round(page_h - r.y), 0.0, 0.0);
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw(m) });
            ops.push(Op::ShowText { items: vec![TextItem::Text(r.text.clone())] });
            continue;
        };
        let x0 = match r.box_w {
            Some(w) if line.rtl => r.x + (w - line.width * r.size).max(0.0),
            _ => r.x,
        };
        let y = crate::layout::round(page_h - r.y);
        let mut pen = 0.0f32;
        for run in &line.runs {
            if font != Some((run.font, r.size)) {
                ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(run.font)), size: Pt(r.size) });
                font = Some((run.font, r.size));
            }
            // Right-to-left runs are drawn in visual order with each glyph's text: readers such as
            // poppler put them back in logical order themselves, and would reverse an ActualText.
            let actual = line.complex && !run.rtl;
            if actual {
                let text: String = run.texts.concat();
                ops.push(Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties: actual_text(&text) });
            }
            pen = match &run.plain {
                // One glyph per character: the subset's cmap maps them, as format 2 drew text.
                Some(text) => {
                    let m = position(r, x0, y, pen, 0.0);
                    ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw(m) });
                    ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                    // A plain run is the whole line.
                    pen + line.width
                }
                None => glyph_ops(run, &emb.remap[run.font], (x0, y, pen), r, ops),
            };
            if actual {
                ops.push(Op::EndMarkedContentWithProperties);
            }
        }
    }
    ops.push(Op::EndTextSection);
}

/// Writes one run's glyphs from pen position `pen` (em) and returns the pen after them. Glyphs
/// the shaper moved off the pen line (marks) get their own text position.
fn glyph_ops(
    run: &super::GlyphRun,
    remap: &BTreeMap<u16, u16>,
    (x0, y, mut pen): (f32, f32, f32),
    r: &Run,
    ops: &mut Vec<Op>,
) -> f32 {
    let mut items: Vec<Codepoint> = Vec::new();
    let mut start: Option<(f32, f32, f32)> = None;
    let flush = |items: &mut Vec<Codepoint>, start: Option<(f32, f32, f32)>, ops: &mut Vec<Op>| {
        if let Some((px, dx, dy)) = start.filter(|_| !items.is_empty()) {
            let along = px + dx;
            let m = position(r, x0, y, along, dy);
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw(m) });
            ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(std::mem::take(items))] });
        }
    };
    for (g, text) in run.glyphs.iter().zip(&run.texts) {
        let offset = g.dx != 0.0 || g.dy != 0.0;
        if offset || start.is_none() {
            flush(&mut items, start, ops);
            start = Some((pen, g.dx, g.dy));
        }
        let gid = remap.get(&g.gid).copied().unwrap_or(0);
        let text: String = text.chars().filter(|c| *c != RLM).collect();
        let mut cp = if text.is_empty() { Codepoint::new(gid, 0.0) } else { Codepoint::with_cid(gid, 0.0, text) };
        // TJ moves by the font's own advance; the difference to the shaped one follows the glyph.
        cp.offset = round((g.font_advance - g.advance) * 1000.0);
        items.push(cp);
        pen += g.advance;
        if offset {
            flush(&mut items, start, ops);
            start = None;
        }
    }
    flush(&mut items, start, ops);
    pen
}

/// The text matrix for a glyph at `along` em on the line and `up` em above it.
fn position(r: &Run, x0: f32, y: f32, along: f32, up: f32) -> [f32; 6] {
    let (a, u) = (along * r.size, up * r.size);
    if r.rotated {
        [0.0, 1.0, -1.0, 0.0, crate::layout::round(x0 - u), crate::layout::round(y + a)]
    } else {
        [1.0, 0.0, 0.0, 1.0, crate::layout::round(x0 + a), crate::layout::round(y + u)]
    }
}

fn round(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// `<< /ActualText (text) >>` with the text as UTF-16BE, without the right-to-left marks the
/// line breaker adds.
fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.chars().filter(|c| *c != RLM).collect::<String>().encode_utf16() {
        data.extend(unit.to_be_bytes());
    }
    let mut map = BTreeMap::new();
    map.insert("ActualText".to_owned(), DictItem::String { data, literal: false });
    DictItem::Dict { map }
}
