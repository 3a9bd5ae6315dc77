//! What every page carries once all pages exist: the running head and the footer with the
//! framework, version, short hash and "Page X of Y".

use super::context::Ctx;
use super::format::short_hash;
use crate::fonts::Face;
use crate::layout::{Doc, MARGIN};
use crate::style::{Style, MUTED, RULE};

const SMALL: Style = Style::new(Face::Regular, 7.5, MUTED);
const SMALL_BOLD: Style = Style::new(Face::Bold, 7.5, MUTED);

pub(super) fn render(doc: &mut Doc, ctx: &Ctx) {
    let total = doc.pages.len();
    let name = doc.text.clean(SMALL.face, &ctx.fw.name);
    let org = doc.text.clean(SMALL.face, &ctx.fw.organisation);
    let tail = format!("  \u{00B7}  Version {}  \u{00B7}  {}", ctx.data.info.number, short_hash(&ctx.data.info.sha256));
    for i in 0..total {
        doc.cur = i;
        // The cover has no running head.
        if i > 0 {
            running_head(doc, &org);
        }
        footer(doc, &name, &tail, &format!("Page {} of {}", i + 1, total));
    }
    doc.cur = total - 1;
}

/// The section title on the left, the organisation on the right, a rule under them.
fn running_head(doc: &mut Doc, org: &str) {
    let cw = doc.page_w() - 2.0 * MARGIN;
    let head_text = doc.pages[doc.cur].head.clone();
    let t = doc.text.clean(SMALL_BOLD.face, &head_text);
    let t = doc.text.truncate(SMALL_BOLD.face, SMALL_BOLD.size, &t, cw * 0.6);
    doc.text_at(MARGIN, 38.0, SMALL_BOLD, t);
    let o = doc.text.truncate(SMALL.face, SMALL.size, org, cw * 0.38);
    let ow = doc.text.width(SMALL.face, SMALL.size, &o);
    doc.text_at(MARGIN + cw - ow, 38.0, SMALL, o);
    doc.hrule(MARGIN, 44.0, cw, 0.5, RULE);
}

/// A rule, then the framework name (shortened to fit) with `tail`, and the page number on the right.
fn footer(doc: &mut Doc, name: &str, tail: &str, page: &str) {
    let (cw, h) = (doc.page_w() - 2.0 * MARGIN, doc.page_h());
    doc.hrule(MARGIN, h - 46.0, cw, 0.5, RULE);
    // Measured in the face it is drawn in, so that it ends at the right margin.
    let pw = doc.text.width(SMALL_BOLD.face, SMALL_BOLD.size, page);
    let tail_w = doc.text.width(SMALL.face, SMALL.size, tail);
    let n = doc.text.truncate(SMALL.face, SMALL.size, name, (cw - pw - 20.0 - tail_w).max(40.0));
    doc.text_at(MARGIN, h - 34.0, SMALL, format!("{n}{tail}"));
    doc.text_at(MARGIN + cw - pw, h - 34.0, SMALL_BOLD, page.to_owned());
}
