//! The cover: what the document is, which version, and the hashes that identify it.

use super::blocks::{kv, text_or};
use super::context::Ctx;
use super::format::{fmt_datetime, plural};
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Doc};
use crate::style::{Style, CELL_MUTED, INK, MUTED, NAVY, NOTE};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx) {
    doc.head = String::new();
    doc.new_page(false);
    doc.bookmark(0, "Cover", doc.y);
    title_block(doc, ctx);
    facts(doc, ctx);
    doc.gap(14.0);
    hash_notes(doc, ctx);
}

/// The framework's name, organisation, version and publication date, large.
fn title_block(doc: &mut Doc, ctx: &Ctx) {
    let (info, fw) = (&ctx.data.info, ctx.fw);
    let x = doc.left();
    let w = doc.content_w();
    doc.y = 96.0;
    doc.fill(x, doc.y, w, 3.0, NAVY);
    doc.y += 22.0;
    let label = Style::new(Face::Bold, 9.0, MUTED);
    doc.text_at(x, doc.y + label.ascent(), label, "GOVERNANCE FRAMEWORK  \u{00B7}  PUBLISHED VERSION".into());
    doc.y += label.leading() + 14.0;
    let title = Style::new(Face::Bold, 24.0, NAVY);
    let t = doc.text.clean(title.face, &fw.name);
    for line in doc.text.wrap(title.face, title.size, &t, w) {
        doc.text_at(x, doc.y + title.ascent(), title, line);
        doc.y += 30.0;
    }
    doc.y += 2.0;
    if !fw.organisation.trim().is_empty() {
        doc.para(&fw.organisation, Style::new(Face::Regular, 13.0, MUTED), 0.0, 0.0);
    }
    doc.y += 26.0;
    let ver = Style::new(Face::Bold, 20.0, INK);
    doc.text_at(x, doc.y + ver.ascent(), ver, format!("Version {}", info.number));
    doc.y += ver.leading() + 2.0;
    doc.para(
        &format!("Published {}", fmt_datetime(&ctx.data.published_at)),
        Style::new(Face::Regular, 11.0, INK),
        0.0,
        26.0,
    );
}

/// Who published what and when, and the two hashes.
fn facts(doc: &mut Doc, ctx: &Ctx) {
    let (info, fw) = (&ctx.data.info, ctx.fw);
    let previous = match &info.previous_sha256 {
        Some(h) => cell(h.as_str()),
        None => cell_styled("None: this is the first version.", CELL_MUTED),
    };
    kv(
        doc,
        vec![
            ("Organisation", text_or(&fw.organisation, "Not named")),
            ("Framework id", cell(fw.id.clone())),
            ("Jurisdictions", cell(ctx.jurisdictions())),
            ("Version", cell(info.number.to_string())),
            ("Published", cell(fmt_datetime(&ctx.data.published_at))),
            ("Published by", text_or(&info.author, "Not recorded")),
            ("Change summary", text_or(&info.summary, "No summary was written.")),
            ("Snapshot SHA-256", cell(info.sha256.as_str())),
            ("Previous version SHA-256", previous),
        ],
        118.0,
    );
}

/// What the hash covers, what the pages are made from and how to check them.
fn hash_notes(doc: &mut Doc, ctx: &Ctx) {
    doc.para(
        "What the hash covers: the snapshot SHA-256 is computed over the canonical JSON of the framework as \
         published, which is attached to this file. The changes, the findings and the sign-offs are in a second \
         attached file, the report manifest, with the facts of this version. The previous version's hash links \
         this version to the one before it (a hash chain).",
        NOTE,
        0.0,
        6.0,
    );
    doc.para(
        &format!(
            "Attached files: {} (canonical JSON, {}) and {} (report manifest, report format {}). Every page is \
             rendered from these two files alone. To check this PDF, run \u{201C}governance verify\u{201D} on it: \
             it checks the snapshot against its hash, renders the pages again from the attached files and compares \
             the result with this file byte for byte. No database is needed.",
            ctx.attachment_name(),
            plural(ctx.data.snapshot.len(), "byte", "bytes"),
            ctx.manifest_name(),
            doc.format
        ),
        NOTE,
        0.0,
        0.0,
    );
}
