//! The contents page: reserved after the cover, filled in once the sections know their pages.

use super::blocks::{h3, heading1};
use super::context::Ctx;
use super::{numbers_of, sections, Part};
use crate::fonts::Face;
use crate::layout::{Doc, Link, TOP};
use crate::style::{Style, INK, NAVY, RULE};

const NUMBER: Style = Style::new(Face::Bold, 10.5, NAVY);
const TITLE: Style = Style::new(Face::Regular, 10.5, INK);
const LEADER: Style = Style::new(Face::Regular, 10.5, RULE);
const ROW_H: f32 = 21.0;

/// Starts the contents page and returns its index.
pub(super) fn reserve(doc: &mut Doc) -> usize {
    doc.head = "Contents".into();
    doc.new_page(false);
    doc.bookmark(0, "Contents", doc.y);
    doc.cur
}

/// Writes the contents onto `page`: one linked line per section (`entries` are their outline
/// entries), then what the document is.
pub(super) fn render(doc: &mut Doc, ctx: &Ctx, page: usize, entries: &[usize]) {
    let (saved_cur, saved_y, saved_land) = (doc.cur, doc.y, doc.landscape);
    doc.cur = page;
    doc.y = TOP;
    doc.landscape = false;
    heading1(doc, "", "Contents");
    lines(doc, page, entries);
    doc.y += 18.0;
    about(doc, ctx);
    doc.cur = saved_cur;
    doc.y = saved_y;
    doc.landscape = saved_land;
}

/// "3  Capabilities . . . . . 5", linked to the section.
fn lines(doc: &mut Doc, page: usize, entries: &[usize]) {
    let x = doc.left();
    let right = doc.right();
    // Leaders end at the same place on every line, before the widest page number.
    let widest = entries
        .iter()
        .map(|&oi| doc.text.width(NUMBER.face, NUMBER.size, &(doc.outline[oi].page + 1).to_string()))
        .fold(0.0, f32::max);
    for (n, &oi) in entries.iter().enumerate() {
        let target_page = doc.outline[oi].page;
        let y = doc.y;
        let base = y + 14.0;
        doc.text_at(x, base, NUMBER, format!("{}", n + 1));
        let t = doc.text.clean(TITLE.face, sections(doc.format)[n].title);
        let tw = doc.text.width(TITLE.face, TITLE.size, &t);
        doc.text_at(x + 26.0, base, TITLE, t);
        let pn = format!("{}", target_page + 1);
        let pw = doc.text.width(NUMBER.face, NUMBER.size, &pn);
        doc.text_at(right - pw, base, Style { color: INK, ..NUMBER }, pn);
        let dot_w = doc.text.width(LEADER.face, LEADER.size, ". ");
        let from = x + 26.0 + tw + 8.0;
        let to = right - widest - 8.0;
        if to > from {
            let count = ((to - from) / dot_w).floor() as usize;
            let s = ". ".repeat(count);
            let sw = doc.text.width(LEADER.face, LEADER.size, &s);
            doc.text_at(to - sw, base, LEADER, s);
        }
        doc.pages[page].links.push(Link { x, y: y + 2.0, w: right - x, h: ROW_H - 2.0, target: oi });
        doc.y += ROW_H;
    }
}

fn about(doc: &mut Doc, ctx: &Ctx) {
    h3(doc, "About this document");
    let (first, last) = numbers_of(doc.format, Part::Framework);
    let (changes, _) = numbers_of(doc.format, Part::Changes);
    let (signoff, _) = numbers_of(doc.format, Part::SignOff);
    for p in [
        format!(
            "This report sets out version {} of the governance framework \u{201C}{}\u{201D} as published, for review \
             by legal counsel, auditors and the people named in it. Sections {first} to {last} describe the \
             framework; section {changes} lists what changed since the previous version; section {signoff} records \
             the sign-offs.",
            ctx.data.info.number, ctx.fw.name
        ),
        "Validation findings (errors and warnings from the framework's rules) are listed at the end of the \
         section they concern. Colours in the matrix and the RACI chart always come with a symbol or a letter, \
         so the report reads the same in black and white."
            .to_owned(),
        format!(
            "The canonical JSON snapshot of this version is attached to the PDF ({}), as the source of this \
             document. Its SHA-256 is printed on the cover and, shortened, in the footer of every page.",
            ctx.attachment_name()
        ),
    ] {
        doc.para(&p, Style::new(Face::Regular, 9.0, INK), 0.0, 6.0);
    }
}
