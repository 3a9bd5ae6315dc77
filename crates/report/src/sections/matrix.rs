//! Section: the compatibility matrix (capabilities by platforms) and the notes of its cells.

use std::collections::HashMap;

use governance_core::{MatrixCell, Section, Support};

use super::blocks::{h2, text_or, DASH};
use super::context::Ctx;
use super::findings::findings;
use super::format::{fmt_date, thousands};
use super::grids::{legend, GridNames, Swatch};
use super::Opening;
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, GridCell, GridPage, GridRow, GridSpec, TABLE};
use crate::style::{support_colors, Style, BODY, CELL, CELL_BOLD, INK, NAVY, NOTE, SMALL_MUTED};
use governance_core::labels::{mode_letter, support_symbol};

const SUPPORT_LEVELS: [Support; 4] = [Support::Full, Support::Partial, Support::Unsupported, Support::Untested];

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let fw = ctx.fw;
    let spec = grid_spec(ctx);
    let plan = spec.plan();
    start.open(doc, plan.landscape);
    doc.para(
        "One cell per capability and platform. The symbol and colour give the support level; the letter gives \
         the operating mode. A pair that has not been assessed is shown as untested, never as supported.",
        BODY,
        0.0,
        6.0,
    );
    legend(doc, &legend_entries());
    doc.para(
        "Mode: N normal \u{00B7} C constrained (partial support accepted, within the constraints listed under Cell \
         notes) \u{00B7} D disabled (not accepted, or not supported).",
        Style::new(Face::Regular, 8.5, INK),
        0.0,
        3.0,
    );
    counts(doc, ctx);
    let names = GridNames {
        what: "Matrix",
        cols: "platforms",
        rows: "capabilities",
        ncols: fw.platforms.len(),
        nrows: fw.capabilities.len(),
        grouped: plan.groups > 1,
    };
    doc.grid(&spec, &mut |doc: &mut Doc, gp: GridPage| names.caption(doc, &gp));
    if doc.landscape {
        doc.new_page(false);
    }
    cell_notes(doc, ctx);
    findings(doc, ctx, &[Section::Matrix], "Validation findings: compatibility matrix");
}

/// The support levels with their colours, symbols and names.
pub(super) fn legend_entries() -> Vec<Swatch<'static>> {
    SUPPORT_LEVELS
        .iter()
        .map(|&s| {
            let (fill, ink) = support_colors(s);
            Swatch { fill, ink, symbol: support_symbol(s), label: s.label() }
        })
        .collect()
}

/// One row per capability, one column per platform; a pair with no cell is untested.
fn grid_spec(ctx: &Ctx) -> GridSpec<'static> {
    let fw = ctx.fw;
    let cells: HashMap<(&str, &str), &MatrixCell> =
        fw.matrix.iter().map(|c| ((c.capability.as_str(), c.platform.as_str()), c)).collect();
    let cell_style = Style::new(Face::Regular, 7.5, INK);
    let rows: Vec<GridRow> = fw
        .capabilities
        .iter()
        .map(|cap| GridRow {
            head: cap.name.clone(),
            head_style: Style::new(Face::Regular, 8.0, INK),
            extra: String::new(),
            cells: fw
                .platforms
                .iter()
                .map(|p| {
                    let (support, mode) = match cells.get(&(cap.id.as_str(), p.id.as_str())) {
                        Some(c) => (c.support, Some(c.mode)),
                        None => (Support::Untested, None),
                    };
                    let (fill, ink) = support_colors(support);
                    let sym = support_symbol(support);
                    let text = match mode {
                        Some(m) => format!("{sym}\u{2009}{}", mode_letter(m)),
                        None => sym.to_owned(),
                    };
                    Some(GridCell { fill, text, style: Style { color: ink, ..cell_style } })
                })
                .collect(),
        })
        .collect();
    GridSpec {
        corner: "Capability",
        extra_title: "",
        col_names: fw.platforms.iter().map(|p| p.name.clone()).collect(),
        rows,
        row_head_w: if fw.platforms.len() as f32 * 26.0 + 170.0 <= Doc::content_w_for(false) { 170.0 } else { 200.0 },
        extra_w: 0.0,
        min_col_w: 26.0,
        max_col_w: 40.0,
    }
}

/// How many cells have each support level.
fn counts(doc: &mut Doc, ctx: &Ctx) {
    let fw = ctx.fw;
    let total = fw.capabilities.len() * fw.platforms.len();
    let count = |s: Support| fw.matrix.iter().filter(|c| c.support == s).count();
    let listed = fw.matrix.len();
    doc.para(
        &format!(
            "{} cells: {} full, {} partial, {} unsupported, {} untested ({} not assessed at all).",
            thousands(total),
            thousands(count(Support::Full)),
            thousands(count(Support::Partial)),
            thousands(count(Support::Unsupported)),
            thousands(count(Support::Untested) + total.saturating_sub(listed)),
            thousands(total.saturating_sub(listed))
        ),
        NOTE,
        0.0,
        8.0,
    );
}

/// The constraints and evidence of every cell that has either, grouped by capability.
fn cell_notes(doc: &mut Doc, ctx: &Ctx) {
    let fw = ctx.fw;
    h2(doc, "Cell notes", true);
    doc.para(
        "The constraints under which partial or constrained support is accepted, and the evidence recorded for \
         each assessment, for every cell that has either.",
        BODY,
        0.0,
        6.0,
    );
    let mut noted: Vec<&MatrixCell> =
        fw.matrix.iter().filter(|c| !c.constraints.trim().is_empty() || !c.evidence.trim().is_empty()).collect();
    if noted.is_empty() {
        doc.para("No cell has constraints or evidence recorded.", NOTE, 0.0, 4.0);
        return;
    }
    let cap_idx: HashMap<&str, usize> = fw.capabilities.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let plat_idx: HashMap<&str, usize> = fw.platforms.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    noted.sort_by_key(|c| {
        (
            cap_idx.get(c.capability.as_str()).copied().unwrap_or(usize::MAX),
            plat_idx.get(c.platform.as_str()).copied().unwrap_or(usize::MAX),
        )
    });
    let w = doc.content_w();
    let cols = [
        Column::new("Platform", 110.0),
        Column::new("Support and mode", 86.0),
        Column::new("Constraints", (w - 196.0) / 2.0),
        Column::new("Evidence", (w - 196.0) / 2.0),
    ];
    let cap_name = |id: &str| ctx.capability.get(id).map_or_else(|| id.to_owned(), |n| (*n).to_owned());
    let mut rows = Vec::new();
    let mut current: Option<&str> = None;
    for c in noted {
        if current != Some(c.capability.as_str()) {
            current = Some(c.capability.as_str());
            rows.push(vec![cell_styled(cap_name(&c.capability), Style { color: NAVY, ..CELL_BOLD })]);
        }
        rows.push(note_row(ctx, c));
    }
    doc.table(&cols, rows, &TABLE);
}

fn note_row(ctx: &Ctx, c: &MatrixCell) -> Vec<Cell> {
    let (_, ink) = support_colors(c.support);
    let mut sup = vec![
        Block::new(format!("{} {}", support_symbol(c.support), c.support.label()), Style { color: ink, ..CELL_BOLD }),
        Block::new(c.mode.label(), CELL),
    ];
    if let Some(d) = c.last_verified {
        sup.push(Block::new(format!("Verified {}", fmt_date(&d)), SMALL_MUTED));
    }
    vec![cell(ctx.platform_name(&c.platform)), sup, text_or(&c.constraints, DASH), text_or(&c.evidence, DASH)]
}
