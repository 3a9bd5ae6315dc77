//! Section: the interoperability contract of each connected platform.

use governance_core::Section;

use super::blocks::{bullets, h2, kv, text_or, DASH};
use super::context::Ctx;
use super::findings::findings;
use super::Opening;
use crate::layout::{cell, Block, Doc};
use crate::style::{BODY, CELL, CELL_BOLD, NOTE};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "The contract between the agents and each connected platform: what data flows in which format, how fast, \
         how errors are handled, which permissions the agents hold, and what they do when the platform cannot be \
         reached.",
        BODY,
        0.0,
        4.0,
    );
    if ctx.fw.platforms.is_empty() {
        doc.para("No platforms are listed.", NOTE, 0.0, 4.0);
    }
    for p in &ctx.fw.platforms {
        let c = &p.contract;
        h2(doc, &p.name, true);
        doc.para(&format!("{} \u{00B7} id {}", p.kind.label(), p.id), NOTE, 0.0, 3.0);
        let mut unavail = vec![Block::new(c.when_unavailable.label(), CELL_BOLD)];
        if !c.when_unavailable_detail.trim().is_empty() {
            unavail.push(Block::new(c.when_unavailable_detail.clone(), CELL));
        }
        kv(
            doc,
            vec![
                ("Data formats", bullets(&c.data_formats, "None listed")),
                ("Required latency", cell(c.required_latency.to_string())),
                ("Error handling", text_or(&c.error_handling, "Not described")),
                ("Permission scopes", bullets(&c.permission_scopes, "None listed")),
                ("When unavailable", unavail),
                ("Latency notes", text_or(&c.latency_notes, DASH)),
                ("Policy notes", text_or(&c.policy_notes, DASH)),
            ],
            110.0,
        );
    }
    findings(doc, ctx, &[Section::Platforms], "Validation findings: platforms and contracts");
}
