//! Section: the limits no agent may cross, where they apply and who may lift them.

use governance_core::{HardStop, Section};

use super::blocks::bullets;
use super::context::Ctx;
use super::findings::findings;
use super::format::money;
use super::Opening;
use crate::layout::{cell_styled, Block, Cell, Column, Doc, TABLE};
use crate::style::{BODY, CELL, CELL_BOLD, CELL_MUTED, NOTE};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "Limits no agent may cross: spend caps, excluded audiences and blocked keywords, where they apply and who \
         may lift them.",
        BODY,
        0.0,
        8.0,
    );
    if ctx.fw.hard_stops.is_empty() {
        doc.para("No hard stops are listed.", NOTE, 0.0, 4.0);
    } else {
        let w = doc.content_w();
        let cols = [
            Column::new("Hard stop", 150.0),
            Column::new("Limit", 120.0),
            Column::new("Applies to", 106.0),
            Column::new("May be lifted by", w - 376.0),
        ];
        let rows = ctx.fw.hard_stops.iter().map(|h| row(ctx, h)).collect();
        doc.table(&cols, rows, &TABLE);
    }
    findings(doc, ctx, &[Section::HardStops], "Validation findings: hard stops");
}

fn row(ctx: &Ctx, h: &HardStop) -> Vec<Cell> {
    let mut first = vec![Block::new(h.name.clone(), CELL_BOLD), Block::new(h.kind.label(), CELL_MUTED)];
    if !h.notes.trim().is_empty() {
        first.push(Block::new(h.notes.clone(), CELL));
    }
    first.extend(ctx.answers_line(&h.obligations).map(|a| Block::new(a, CELL_MUTED)));
    let mut limit: Cell = Vec::new();
    if let Some(m) = &h.cap {
        limit.push(Block::new(money(&m.amount, &m.currency), CELL_BOLD));
    }
    limit.extend(h.entries.iter().map(|e| Block::bullet(e.clone(), CELL)));
    if limit.is_empty() {
        limit.push(Block::new("Not set", CELL_MUTED));
    }
    let scope = if h.all_platforms {
        cell_styled("All platforms", CELL_BOLD)
    } else {
        bullets(&h.platforms.iter().map(|p| ctx.platform_name(p)).collect::<Vec<_>>(), "No platform")
    };
    let lift =
        bullets(&h.lift_authority.iter().map(|p| ctx.party_line(p)).collect::<Vec<_>>(), "Nobody: it cannot be lifted");
    vec![first, limit, scope, lift]
}
