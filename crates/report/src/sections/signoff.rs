//! Section: the sign-offs of this version, or signature blocks for the required signatories.

use super::blocks::{kv, text_or, DASH};
use super::context::Ctx;
use super::format::short_hash;
use super::Opening;
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, TABLE};
use crate::style::{Style, CELL, CELL_BOLD, CELL_MUTED, ERROR_RED, GOOD_GREEN, INK, MUTED, NAVY, NOTE, RULE, WHITE};
use crate::SignOffRow;

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let input = ctx.input;
    start.open(doc, false);
    kv(
        doc,
        vec![("Version", cell(input.version.to_string())), ("Snapshot SHA-256", cell(input.snapshot_sha256))],
        118.0,
    );
    doc.gap(8.0);
    doc.para(
        "A sign-off is valid only for the version whose hash it names. This page is added after publication and \
         is not covered by the hash.",
        NOTE,
        0.0,
        10.0,
    );
    if !input.signoffs.is_empty() {
        recorded(doc, ctx);
        return;
    }
    doc.para(
        "No sign-off has been recorded for this version yet. Each required signatory signs below.",
        NOTE,
        0.0,
        10.0,
    );
    let signatories = &ctx.fw.review_schedule.required_signatories;
    if signatories.is_empty() {
        doc.para("The review schedule names no required signatory.", NOTE, 0.0, 4.0);
    }
    for id in signatories {
        signature_block(doc, &ctx.party_line(id));
    }
}

/// The recorded sign-offs, each saying whether it names this version.
fn recorded(doc: &mut Doc, ctx: &Ctx) {
    let w = doc.content_w();
    let cols = [
        Column::new("Signatory", 120.0),
        Column::new("Decision", 82.0),
        Column::new("Date", 72.0),
        Column::new("Comment", w - 120.0 - 82.0 - 72.0 - 86.0),
        Column::new("Version hash", 86.0),
    ];
    let rows = ctx.input.signoffs.iter().map(|s| row(ctx, s)).collect();
    doc.table(&cols, rows, &TABLE);
}

fn row(ctx: &Ctx, s: &SignOffRow) -> Vec<Cell> {
    let matches = s.version_hash.eq_ignore_ascii_case(ctx.input.snapshot_sha256);
    let hash = vec![
        Block::new(short_hash(&s.version_hash).to_owned(), CELL),
        if matches {
            Block::new("\u{2713} this version", Style { color: GOOD_GREEN, ..CELL_BOLD })
        } else {
            Block::new("\u{2716} another version", Style { color: ERROR_RED, ..CELL_BOLD })
        },
    ];
    vec![
        vec![Block::new(s.name.clone(), CELL_BOLD), Block::new(s.role.clone(), CELL_MUTED)],
        cell_styled(s.decision.label(), CELL_BOLD),
        cell(s.date.clone()),
        text_or(&s.comment, DASH),
        hash,
    ]
}

/// A block to sign on paper: the signatory, decision boxes, signature, date and comment lines.
fn signature_block(doc: &mut Doc, who: &str) {
    let block_h = 132.0;
    doc.ensure(block_h);
    let x = doc.left();
    let w = doc.content_w();
    let top = doc.y;
    doc.fill(x, top, w, 0.8, NAVY);
    let name = doc.text.clean(Face::Bold, who);
    let name = doc.text.truncate(Face::Bold, 10.0, &name, w);
    doc.text_at(x, top + 16.0, Style::new(Face::Bold, 10.0, INK), name);
    let label = Style::new(Face::Regular, 8.5, MUTED);
    let text = Style::new(Face::Regular, 8.5, INK);
    // Decision boxes.
    let mut cx = x;
    let by = top + 28.0;
    doc.text_at(cx, by + 8.0, label, "Decision".into());
    cx += 60.0;
    for opt in ["Approved", "Approved with comments", "Rejected"] {
        doc.fill(cx, by, 9.0, 9.0, MUTED);
        doc.fill(cx + 0.8, by + 0.8, 7.4, 7.4, WHITE);
        doc.text_at(cx + 14.0, by + 8.0, text, opt.into());
        cx += 14.0 + doc.text.width(Face::Regular, 8.5, opt) + 22.0;
    }
    // Signature and date lines.
    let ly = top + 72.0;
    doc.text_at(x, ly, label, "Signature".into());
    doc.fill(x + 60.0, ly + 1.0, w * 0.5 - 70.0, 0.6, INK);
    let dx = x + w * 0.55;
    doc.text_at(dx, ly, label, "Date".into());
    doc.fill(dx + 30.0, ly + 1.0, x + w - dx - 30.0, 0.6, INK);
    // Comments.
    let cy = top + 96.0;
    doc.text_at(x, cy, label, "Comments".into());
    doc.fill(x + 60.0, cy + 1.0, w - 60.0, 0.6, RULE);
    doc.fill(x + 60.0, cy + 21.0, w - 60.0, 0.6, RULE);
    doc.y = top + block_h;
}
