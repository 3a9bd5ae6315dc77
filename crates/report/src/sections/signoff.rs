//! Section: the sign-offs of this version, each with its signer, decision, time, certificate
//! fingerprint and whether it is signed; or signature blocks for the required signatories.

use chrono::{DateTime, Utc};
use governance_core::review::{Decision, SignOff};

use super::blocks::{h3, kv, text_or};
use super::context::Ctx;
use super::format::{fmt_date, short_hash};
use super::Opening;
use crate::certificate::{fingerprint, fingerprint_lines};
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Block, Cell, Doc};
use crate::style::{Style, CELL, CELL_BOLD, CELL_MUTED, ERROR_RED, GOOD_GREEN, INK, MUTED, NAVY, NOTE, RULE, WHITE};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let info = &ctx.data.info;
    start.open(doc, false);
    let cycle = format!("due {}", fmt_date(&ctx.data.review_cycle_due));
    let facts = vec![
        ("Version", cell(info.number.to_string())),
        ("Review cycle", cell(cycle)),
        ("Snapshot SHA-256", cell(info.sha256.as_str())),
    ];
    kv(doc, facts, 118.0);
    doc.gap(8.0);
    doc.para(
        "A sign-off is valid only for the version whose hash it names. Sign-offs are recorded after publication: \
         the snapshot hash does not cover them, the attached report manifest does. A signed sign-off's statement, \
         CMS signature and certificate are in the manifest, and \u{201C}governance verify\u{201D} checks them.",
        NOTE,
        0.0,
        10.0,
    );
    if !ctx.data.signoffs.is_empty() {
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

/// The recorded sign-offs, one block each, kept on one page where it fits.
fn recorded(doc: &mut Doc, ctx: &Ctx) {
    let n = ctx.data.signoffs.len();
    for (i, s) in ctx.data.signoffs.iter().enumerate() {
        doc.ensure(190.0);
        h3(doc, &format!("Sign-off {} of {n}", i + 1));
        kv(doc, facts(ctx, s), 118.0);
        doc.gap(6.0);
    }
}

fn facts(ctx: &Ctx, s: &SignOff) -> Vec<(&'static str, Cell)> {
    let decision_color = if s.decision == Decision::Rejected { ERROR_RED } else { GOOD_GREEN };
    let this_version = s.version_sha256.eq_ignore_ascii_case(&ctx.data.info.sha256);
    let version = vec![
        Block::new(format!("Version {}, SHA-256 {}", s.version_number, short_hash(&s.version_sha256)), CELL),
        if this_version {
            Block::new("\u{2713} this version", Style { color: GOOD_GREEN, ..CELL_BOLD })
        } else {
            Block::new("\u{2716} another version", Style { color: ERROR_RED, ..CELL_BOLD })
        },
    ];
    let (signature, certificate) = match &s.signed {
        Some(signed) => (
            vec![
                Block::new("Signed", Style { color: GOOD_GREEN, ..CELL_BOLD }),
                Block::new(
                    "The statement, its CMS signature and the certificate are in the attached manifest",
                    CELL_MUTED,
                ),
            ],
            match fingerprint(&signed.certificate) {
                Some(f) => fingerprint_lines(&f).into_iter().map(|l| Block::new(l, CELL)).collect(),
                None => cell_styled("The certificate is not readable", Style { color: ERROR_RED, ..CELL_BOLD }),
            },
        ),
        None => (
            cell_styled("Unsigned (recorded before signing certificates)", Style { color: ERROR_RED, ..CELL_BOLD }),
            cell_styled("None: not counted as a signed approval", CELL_MUTED),
        ),
    };
    vec![
        ("Signatory", vec![Block::new(s.party_name.clone(), CELL_BOLD), Block::new(s.party_title.clone(), CELL_MUTED)]),
        ("Decision", cell_styled(s.decision.label(), Style { color: decision_color, ..CELL_BOLD })),
        ("Time", cell(format!("{}, from the signer's clock", signed_at(&s.signed_at)))),
        ("Review cycle", cell(format!("Due {}", fmt_date(&s.cycle_due)))),
        ("Version signed", version),
        ("Signature", signature),
        ("Certificate SHA-256", certificate),
        ("Comment", text_or(&s.comment, "No comment.")),
    ]
}

/// An RFC 3339 time in UTC to the second; anything else as recorded.
fn signed_at(s: &str) -> String {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc).format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|_| s.to_owned())
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
