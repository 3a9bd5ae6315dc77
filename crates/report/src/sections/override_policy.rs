//! Section: who holds the kill switch, how it is triggered and how often it is tested.

use governance_core::Section;

use super::blocks::{bullets, dash, kv, text_or, DASH};
use super::context::Ctx;
use super::findings::findings;
use super::format::fmt_date;
use super::Opening;
use crate::layout::{cell, cell_styled, Doc};
use crate::sections::format::cadence;
use crate::style::{Style, BODY, CELL_BOLD, ERROR_RED};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let op = &ctx.fw.override_policy;
    start.open(doc, false);
    doc.para(
        "How the agents are stopped: who holds the kill switch, how it is triggered and how often it is tested \
         under simulated failure.",
        BODY,
        0.0,
        8.0,
    );
    let holders: Vec<String> = op.kill_switch_holders.iter().map(|p| ctx.party_line(p)).collect();
    let last = match op.last_tested {
        Some(d) => cell(fmt_date(&d)),
        None => cell_styled("Never tested", Style { color: ERROR_RED, ..CELL_BOLD }),
    };
    let next = op
        .last_tested
        .and_then(|d| governance_core::schedule::next_after(d, &op.test_cadence))
        .map_or_else(dash, |d| cell(fmt_date(&d)));
    let mut rows = vec![
        ("Kill-switch holders", bullets(&holders, "Nobody")),
        ("How to trigger it", text_or(&op.trigger_procedure, "Not described")),
        ("Test cadence", cell(cadence(&op.test_cadence))),
        ("Last tested", last),
        ("Next test due", next),
        ("Notes", text_or(&op.notes, DASH)),
    ];
    if ctx.format >= 4 {
        rows.push(("Obligations answered", bullets(&ctx.citations(&op.obligations), "None linked")));
    }
    kv(doc, rows, 120.0);
    findings(doc, ctx, &[Section::OverridePolicy], "Validation findings: override policy");
}
