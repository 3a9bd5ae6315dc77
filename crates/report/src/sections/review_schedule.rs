//! Section: when the framework is reviewed and who must sign off each review.

use governance_core::Section;

use super::blocks::{bullets, kv};
use super::context::Ctx;
use super::findings::findings;
use super::format::fmt_date;
use super::Opening;
use crate::layout::{cell, Doc};
use crate::sections::format::cadence;
use crate::style::BODY;

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let rs = &ctx.fw.review_schedule;
    start.open(doc, false);
    doc.para(
        "When the framework is reviewed and who must sign off each review. A review cycle is complete when every \
         required signatory has approved the same published version.",
        BODY,
        0.0,
        8.0,
    );
    let signatories: Vec<String> = rs.required_signatories.iter().map(|p| ctx.party_line(p)).collect();
    let mut rows = vec![
        ("Cadence", cell(cadence(&rs.cadence))),
        ("Next review due", cell(fmt_date(&rs.next_due))),
        ("Required signatories", bullets(&signatories, "Nobody")),
    ];
    if ctx.format >= 4 {
        rows.push(("Obligations answered", bullets(&ctx.citations(&rs.obligations), "None linked")));
    }
    kv(doc, rows, 120.0);
    findings(doc, ctx, &[Section::ReviewSchedule], "Validation findings: review schedule");
}
