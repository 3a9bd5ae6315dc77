//! Section: what the agents may do, how risky it is and how decisions are taken.

use governance_core::{RiskLevel, Section};

use super::context::Ctx;
use super::findings::findings;
use super::Opening;
use crate::layout::{cell_styled, Block, Column, Doc, TABLE};
use crate::style::{Style, BODY, CELL, CELL_BOLD, CELL_MUTED, ERROR_RED, WARN_AMBER};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "What the agents may do, how risky it is and how decisions are taken: autonomously, above a confidence \
         threshold with every decision logged for audit, or only after a person approves.",
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [Column::new("Capability", 250.0), Column::new("Risk", 52.0), Column::new("Decision mode", w - 302.0)];
    let rows = ctx
        .fw
        .capabilities
        .iter()
        .map(|c| {
            let mut first = vec![Block::new(c.name.clone(), CELL_BOLD)];
            if !c.description.trim().is_empty() {
                first.push(Block::new(c.description.clone(), CELL));
            }
            let risk_style = match c.risk {
                RiskLevel::High => Style { color: ERROR_RED, ..CELL_BOLD },
                RiskLevel::Medium => Style { color: WARN_AMBER, ..CELL_BOLD },
                RiskLevel::Low => CELL,
            };
            let mut mode = vec![Block::new(c.decision_mode.label(), CELL_BOLD)];
            if !c.threshold.trim().is_empty() {
                mode.push(Block::new(format!("Threshold: {}", c.threshold), CELL));
            }
            if let Some(a) = ctx.answers_line(&c.obligations) {
                mode.push(Block::new(a, CELL_MUTED));
            }
            vec![first, cell_styled(c.risk.label(), risk_style), mode]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Capabilities], "Validation findings: capabilities");
}
