//! Section (report format 4): for each declared jurisdiction and each shipped catalogue that
//! applies to it, every obligation with the parts of the framework that answer it, or a gap
//! (SPEC section 9). What answers what is `governance_core::coverage`'s, never worked out here.

use governance_core::coverage::{Answer, CoverageGroup, CoverageItem};
use governance_core::obligations::Catalogue;
use governance_core::Section;

use super::blocks::h2;
use super::context::{jurisdiction_label, Ctx};
use super::findings::findings;
use super::format::{plural, thousands};
use super::Opening;
use crate::layout::{cell_styled, Block, Cell, Column, Doc, TABLE};
use crate::style::{Style, BODY, CELL, CELL_BOLD, CELL_MUTED, NOTE, SMALL_MUTED, WARN_AMBER};

/// How a gap is marked: a symbol and a word, never colour alone.
const GAP: &str = "\u{25B2} Gap";

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let cov = ctx.coverage();
    start.open(doc, false);
    doc.para(
        "For each jurisdiction the framework declares and each shipped catalogue of obligations that applies there, \
         every obligation with the parts of the framework that answer it, or a gap. A compliance rule answers only \
         in its own jurisdiction; every other part applies wherever the agents act. Standards and frameworks that \
         apply in every jurisdiction are listed once, and there rules of any jurisdiction count.",
        BODY,
        0.0,
        6.0,
    );
    notices(doc, ctx, &cov.groups);
    if ctx.fw.jurisdictions.is_empty() {
        doc.para(
            "The framework declares no jurisdiction: only the catalogues that apply in every jurisdiction are listed.",
            NOTE,
            0.0,
            4.0,
        );
    }
    if !cov.unmatched_jurisdictions.is_empty() {
        doc.para(
            &format!(
                "No shipped catalogue of law or guidance applies to {}: obligations there are not listed.",
                cov.unmatched_jurisdictions.join(", ")
            ),
            NOTE,
            0.0,
            4.0,
        );
    }
    overview(doc, ctx, &cov.groups);
    for g in &cov.groups {
        if let Some(c) = ctx.catalogue(&g.catalogue) {
            group(doc, ctx, g, c);
        }
    }
    findings(doc, ctx, &[Section::Coverage], "Validation findings: coverage");
}

/// Each catalogue's notice (that summaries are ours and not legal advice), said once.
fn notices(doc: &mut Doc, ctx: &Ctx, groups: &[CoverageGroup]) {
    let mut said: Vec<&str> = Vec::new();
    for g in groups {
        if let Some(c) = ctx.catalogue(&g.catalogue) {
            if !said.contains(&c.notice.as_str()) {
                said.push(&c.notice);
            }
        }
    }
    for n in said {
        doc.para(
            &format!(
                "Obligations are named by their official citation and title; the summaries of gaps below are \
                 ours. {n}"
            ),
            NOTE,
            0.0,
            6.0,
        );
    }
}

/// One line per jurisdiction and catalogue: how many obligations are answered, how many are gaps.
fn overview(doc: &mut Doc, ctx: &Ctx, groups: &[CoverageGroup]) {
    if groups.is_empty() {
        return;
    }
    let w = doc.content_w();
    let cols = [
        Column::new("Jurisdiction", 88.0),
        Column::new("Catalogue", w - 88.0 - 84.0 - 64.0),
        Column::centered("Answered", 84.0),
        Column::centered("Gaps", 64.0),
    ];
    let rows = groups
        .iter()
        .map(|g| {
            let title = ctx.catalogue(&g.catalogue).map_or(g.catalogue.as_str(), |c| c.title.as_str());
            let gaps = g.gaps().count();
            let gap_cell = if gaps == 0 {
                cell_styled("None", CELL_MUTED)
            } else {
                cell_styled(format!("\u{25B2} {}", thousands(gaps)), Style { color: WARN_AMBER, ..CELL_BOLD })
            };
            vec![
                cell_styled(jurisdiction_label(g.jurisdiction.as_deref()), CELL_BOLD),
                vec![Block::new(title, CELL)],
                cell_styled(answered(g), CELL),
                gap_cell,
            ]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
}

/// "7 of 9".
fn answered(g: &CoverageGroup) -> String {
    format!("{} of {}", thousands(g.items.len() - g.gaps().count()), thousands(g.items.len()))
}

/// One catalogue in one jurisdiction: what it is, then each obligation and what answers it.
fn group(doc: &mut Doc, ctx: &Ctx, g: &CoverageGroup, c: &Catalogue) {
    h2(doc, &format!("{}: {}", jurisdiction_label(g.jurisdiction.as_deref()), c.title), true);
    doc.para(&format!("Version {}; published by {}.", c.version, c.publisher), NOTE, 0.0, 2.0);
    let gaps = g.gaps().count();
    doc.para(
        &format!("{} obligations answered; {}.", answered(g), plural(gaps, "gap", "gaps")),
        Style { color: if gaps > 0 { WARN_AMBER } else { NOTE.color }, ..NOTE },
        0.0,
        3.0,
    );
    let w = doc.content_w();
    let cols = [Column::new("Obligation", 210.0), Column::new("Answered by", w - 210.0)];
    let rows = g.items.iter().map(|i| row(ctx, g, i)).collect();
    doc.table(&cols, rows, &TABLE);
}

fn row(ctx: &Ctx, g: &CoverageGroup, item: &CoverageItem) -> Vec<Cell> {
    let found = ctx.obligation(&item.obligation);
    let mut first = match found {
        Some((_, o)) => vec![Block::new(o.citation.clone(), CELL_BOLD), Block::new(o.title.clone(), CELL)],
        None => vec![Block::new(item.obligation.clone(), CELL_BOLD)],
    };
    if item.answers.is_empty() {
        if let Some((_, o)) = found {
            first.push(Block::new(o.summary.clone(), SMALL_MUTED));
        }
        let gap = vec![
            Block::new(GAP, Style { color: WARN_AMBER, ..CELL_BOLD }),
            Block::new("Nothing in the framework answers this obligation.", CELL_MUTED),
        ];
        return vec![first, gap];
    }
    let answers = item.answers.iter().map(|a| Block::bullet(answer_text(g, a), CELL)).collect();
    vec![first, answers]
}

/// "Hard stops: Daily spend cap"; in a group for every jurisdiction, a rule says its own:
/// "Compliance rules (UK): ...".
fn answer_text(g: &CoverageGroup, a: &Answer) -> String {
    let label = match (&a.jurisdiction, &g.jurisdiction) {
        (Some(j), None) => format!("{} ({j})", a.section.label()),
        _ => a.section.label().to_owned(),
    };
    // The override policy and the review schedule are their section.
    match a.item {
        Some(_) => format!("{label}: {}", a.name),
        None => label,
    }
}
