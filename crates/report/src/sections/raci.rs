//! Section: the RACI chart (activities by parties) and the load each party carries.

use std::collections::{HashMap, HashSet};

use governance_core::validate::{OVERLOAD_ACCOUNTABLE, OVERLOAD_RESPONSIBLE};
use governance_core::{Party, RaciActivity, RaciRole, Section, Severity};

use super::blocks::h2;
use super::context::Ctx;
use super::findings::findings;
use super::format::thousands;
use super::grids::{legend, GridNames, Swatch};
use super::Opening;
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, GridCell, GridPage, GridRow, GridSpec, TABLE};
use crate::style::{
    raci_colors, Style, BODY, CELL, CELL_BOLD, CELL_MUTED, ERROR_FILL, ERROR_RED, INK, SMALL_MUTED, WARN_AMBER,
};
use governance_core::labels::role_letter;

const LETTER: Style = Style::new(Face::Bold, 8.0, INK);

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let fw = ctx.fw;
    let spec = grid_spec(ctx);
    let plan = spec.plan();
    start.open(doc, plan.landscape);
    doc.para(
        "Who is Responsible, Accountable, Consulted and Informed for each governance activity. Every activity \
         needs exactly one Accountable party; activities marked \u{26A0} have an error listed under the findings.",
        BODY,
        0.0,
        6.0,
    );
    legend(doc, &legend_entries());
    doc.y += 5.0;
    let names = GridNames {
        what: "Chart",
        cols: "parties",
        rows: "activities",
        ncols: fw.parties.len(),
        nrows: fw.raci.len(),
        grouped: plan.groups > 1,
    };
    doc.grid(&spec, &mut |doc: &mut Doc, gp: GridPage| names.caption(doc, &gp));
    if doc.landscape {
        doc.new_page(false);
    }
    load(doc, ctx);
    findings(doc, ctx, &[Section::Raci], "Validation findings: RACI chart");
}

/// The four letters with their colours and what they mean.
pub(super) fn legend_entries() -> Vec<Swatch<'static>> {
    [
        (RaciRole::R, "Responsible: does the work"),
        (RaciRole::A, "Accountable: owns the outcome (one per activity)"),
        (RaciRole::C, "Consulted"),
        (RaciRole::I, "Informed"),
    ]
    .into_iter()
    .map(|(r, label)| {
        let (fill, ink) = raci_colors(r);
        Swatch { fill, ink, symbol: role_letter(r), label }
    })
    .collect()
}

/// One row per activity, one column per party; activities with an error are marked.
fn grid_spec(ctx: &Ctx) -> GridSpec<'static> {
    let fw = ctx.fw;
    let flagged: HashSet<&str> = ctx
        .data
        .findings
        .iter()
        .filter(|f| f.section == Section::Raci && f.severity == Severity::Error)
        .filter_map(|f| f.item.as_deref())
        .collect();
    let col_index: HashMap<&str, usize> = fw.parties.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let rows: Vec<GridRow> = fw
        .raci
        .iter()
        .map(|a| {
            let error = flagged.contains(a.id.as_str());
            GridRow {
                head: if error { format!("\u{26A0} {}", a.name) } else { a.name.clone() },
                head_style: Style::new(Face::Regular, 8.0, if error { ERROR_RED } else { INK }),
                extra: a.layer.label().to_owned(),
                cells: letters(a, fw.parties.len(), &col_index),
            }
        })
        .collect();
    GridSpec {
        corner: "Activity",
        extra_title: "Layer",
        col_names: fw.parties.iter().map(|p| p.name.clone()).collect(),
        rows,
        row_head_w: if fw.parties.len() as f32 * 22.0 + 232.0 <= Doc::content_w_for(false) { 170.0 } else { 190.0 },
        extra_w: 62.0,
        min_col_w: 22.0,
        max_col_w: 34.0,
    }
}

/// The letters of one activity, by party column.
fn letters(a: &RaciActivity, parties: usize, col_index: &HashMap<&str, usize>) -> Vec<Option<GridCell>> {
    let mut cells: Vec<Option<GridCell>> = (0..parties).map(|_| None).collect();
    for asg in &a.assignments {
        let Some(&i) = col_index.get(asg.party.as_str()) else {
            continue;
        };
        let (fill, ink) = raci_colors(asg.role);
        let l = role_letter(asg.role);
        cells[i] = Some(match cells[i].take() {
            None => GridCell { fill, text: l.to_owned(), style: Style { color: ink, ..LETTER } },
            // Two letters for one party: show both, flagged by the findings below.
            Some(prev) => GridCell {
                fill: ERROR_FILL,
                text: format!("{}{l}", prev.text),
                style: Style { color: ERROR_RED, ..LETTER },
            },
        });
    }
    cells
}

/// How many letters each party holds, with overloads flagged.
fn load(doc: &mut Doc, ctx: &Ctx) {
    h2(doc, "Load per party", true);
    doc.para(
        &format!(
            "How many letters each party holds. More than {OVERLOAD_ACCOUNTABLE} Accountable or \
             {OVERLOAD_RESPONSIBLE} Responsible letters is flagged as an overload."
        ),
        BODY,
        0.0,
        6.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Party", w - 4.0 * 40.0 - 110.0),
        Column::centered("A", 40.0),
        Column::centered("R", 40.0),
        Column::centered("C", 40.0),
        Column::centered("I", 40.0),
        Column::new("Note", 110.0),
    ];
    let rows = ctx.fw.parties.iter().map(|p| load_row(ctx, p)).collect();
    doc.table(&cols, rows, &TABLE);
}

fn load_row(ctx: &Ctx, p: &Party) -> Vec<Cell> {
    let n = |role: RaciRole| {
        ctx.fw.raci.iter().flat_map(|a| &a.assignments).filter(|x| x.party == p.id && x.role == role).count()
    };
    let (a, r, c, i) = (n(RaciRole::A), n(RaciRole::R), n(RaciRole::C), n(RaciRole::I));
    let mut note = Vec::new();
    if a > OVERLOAD_ACCOUNTABLE {
        note.push("\u{25B2} many A");
    }
    if r > OVERLOAD_RESPONSIBLE {
        note.push("\u{25B2} many R");
    }
    if a + r + c + i == 0 {
        note.push("No letters");
    }
    let num = |v: usize| if v == 0 { cell_styled("\u{2013}", CELL_MUTED) } else { cell(thousands(v)) };
    vec![
        vec![Block::new(p.name.clone(), CELL_BOLD), Block::new(p.title.clone(), SMALL_MUTED)],
        num(a),
        num(r),
        num(c),
        num(i),
        cell_styled(note.join(", "), Style { color: WARN_AMBER, ..CELL }),
    ]
}
