//! Section: the quality each agent input must meet, who owns it, and what a breach does.

use governance_core::{BreachAction, DataQualityStandard, Section};

use super::context::Ctx;
use super::findings::findings;
use super::format::pct;
use super::Opening;
use crate::layout::{cell_styled, Block, Cell, Column, Doc, TABLE};
use crate::style::{Style, BODY, CELL, CELL_BOLD, CELL_MUTED, ERROR_RED, NOTE};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "The quality each agent input must meet before an agent may act on it, who owns it, and what happens on \
         a breach. Data older than the maximum age must not trigger an action.",
        BODY,
        0.0,
        8.0,
    );
    if ctx.fw.data_quality.is_empty() {
        doc.para("No data-quality standards are listed.", NOTE, 0.0, 4.0);
    } else {
        let w = doc.content_w();
        let cols = [
            Column::new("Data input and owner", 136.0),
            Column::new("Thresholds", 108.0),
            Column::new("Validation rules and notes", w - 136.0 - 108.0 - 68.0),
            Column::new("On breach", 68.0),
        ];
        let rows = ctx.fw.data_quality.iter().map(|d| row(ctx, d)).collect();
        doc.table(&cols, rows, &TABLE);
    }
    findings(doc, ctx, &[Section::DataQuality], "Validation findings: data-quality standards");
}

fn row(ctx: &Ctx, d: &DataQualityStandard) -> Vec<Cell> {
    let source = match &d.source_platform {
        Some(p) => format!("Source: {}", ctx.platform_name(p)),
        None => "Source: internal or derived".to_owned(),
    };
    let mut first = vec![
        Block::new(d.data_input.clone(), CELL_BOLD),
        Block::new(source, CELL_MUTED),
        Block::new(format!("Owner: {}", ctx.party_name(&d.owner)), CELL_MUTED),
    ];
    first.extend(ctx.answers_line(&d.obligations).map(|a| Block::new(a, CELL_MUTED)));
    let mut thresholds = vec![
        Block::new(format!("Completeness \u{2265} {}", pct(d.min_completeness_pct)), CELL),
        Block::new(format!("Max age {}", d.max_age), CELL),
    ];
    if let Some(v) = d.max_duplicate_pct {
        thresholds.push(Block::new(format!("Duplicates \u{2264} {}", pct(v)), CELL));
    }
    let mut rules: Cell = if d.validation_rules.is_empty() {
        vec![Block::new("No validation rules listed", CELL_MUTED)]
    } else {
        d.validation_rules.iter().map(|r| Block::bullet(r.clone(), CELL)).collect()
    };
    if !d.notes.trim().is_empty() {
        rules.push(Block::new(d.notes.clone(), CELL_MUTED));
    }
    let on_breach_style = match d.on_breach {
        BreachAction::BlockAgent => Style { color: ERROR_RED, ..CELL_BOLD },
        _ => CELL_BOLD,
    };
    vec![first, thresholds, rules, cell_styled(d.on_breach.label(), on_breach_style)]
}
