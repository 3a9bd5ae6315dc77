//! Section: the parties that hold duties under the framework.

use governance_core::Section;

use super::blocks::{dash, text_or, DASH};
use super::context::Ctx;
use super::findings::findings;
use super::Opening;
use crate::layout::{cell, Block, Column, Doc, TABLE};
use crate::style::{BODY, CELL_BOLD, SMALL_MUTED};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "The people, teams and vendors that hold duties under this framework. The RACI chart, data owners, \
         lift authorities, kill-switch holders and signatories refer to them.",
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Name", 135.0),
        Column::new("Title or role", 150.0),
        Column::new("Kind", 52.0),
        Column::new("Email", w - 337.0),
    ];
    let rows = ctx
        .fw
        .parties
        .iter()
        .map(|p| {
            vec![
                vec![Block::new(p.name.clone(), CELL_BOLD), Block::new(p.id.clone(), SMALL_MUTED)],
                text_or(&p.title, DASH),
                cell(p.kind.label()),
                p.email.as_ref().map_or_else(dash, |e| cell(e.clone())),
            ]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Parties], "Validation findings: parties");
}
