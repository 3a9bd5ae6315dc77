//! The pieces sections are built from: headings, key-value tables and the cells that fill them.

use governance_core::Severity;

use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, KEY_VALUE};
use crate::style::{Style, CELL, CELL_BOLD, CELL_MUTED, ERROR_RED, H1, H2, H3, MUTED, NAVY, WARN_AMBER};

/// A section title with its number in front, and a rule under it.
pub(super) fn heading1(doc: &mut Doc, number: &str, title: &str) {
    let x = doc.left();
    let y = doc.y + H1.ascent();
    let mut tx = x;
    if !number.is_empty() {
        let num = Style { color: MUTED, ..H1 };
        let nw = doc.text.width(num.face, num.size, number);
        doc.text_at(x, y, num, number.to_owned());
        tx += nw.max(12.0) + 10.0;
    }
    let t = doc.text.clean(H1.face, title);
    let t = doc.text.truncate(H1.face, H1.size, &t, doc.right() - tx);
    doc.text_at(tx, y, H1, t);
    doc.y += H1.leading() + 5.0;
    let w = doc.content_w();
    doc.hrule(x, doc.y, w, 1.2, NAVY);
    doc.y += 14.0;
}

/// A subheading, kept with what follows; with `bookmark`, also an outline entry.
pub(super) fn h2(doc: &mut Doc, title: &str, bookmark: bool) {
    if !doc.at_top() {
        doc.gap(8.0);
    }
    doc.ensure(H2.leading() + 60.0);
    if bookmark {
        doc.bookmark(1, title, doc.y);
    }
    let t = doc.text.clean(H2.face, title);
    for line in doc.text.wrap(H2.face, H2.size, &t, doc.content_w()) {
        let y = doc.y + H2.ascent();
        doc.text_at(doc.left(), y, H2, line);
        doc.y += H2.leading();
    }
    doc.y += 4.0;
}

pub(super) fn h3(doc: &mut Doc, title: &str) {
    if !doc.at_top() {
        doc.gap(6.0);
    }
    doc.ensure(H3.leading() + 40.0);
    let t = doc.text.clean(H3.face, title);
    let y = doc.y + H3.ascent();
    doc.text_at(doc.left(), y, H3, t);
    doc.y += H3.leading() + 3.0;
}

/// A two-column table of labels (bold, shaded) and values, `label_w` points for the labels.
pub(super) fn kv(doc: &mut Doc, rows: Vec<(&str, Cell)>, label_w: f32) {
    let w = doc.content_w();
    let cols = [Column::new("", label_w), Column::new("", w - label_w)];
    let rows = rows.into_iter().map(|(k, v)| vec![cell_styled(k, CELL_BOLD), v]).collect();
    doc.table(&cols, rows, &KEY_VALUE);
}

/// A bulleted list, or `empty` (muted) when there is nothing to list.
pub(super) fn bullets(items: &[String], empty: &str) -> Cell {
    if items.is_empty() {
        return cell_styled(empty, CELL_MUTED);
    }
    items.iter().map(|s| Block::bullet(s.clone(), CELL)).collect()
}

/// The text, or `empty` (muted) when it is blank.
pub(super) fn text_or(s: &str, empty: &str) -> Cell {
    if s.trim().is_empty() {
        cell_styled(empty, CELL_MUTED)
    } else {
        cell(s)
    }
}

/// What a cell shows for a value that is not there.
pub(super) const DASH: &str = "\u{2014}";

/// A dash (muted) for a value that is not there.
pub(super) fn dash() -> Cell {
    cell_styled(DASH, CELL_MUTED)
}

pub(super) fn severity_cell(s: Severity) -> Cell {
    match s {
        Severity::Error => cell_styled("\u{2716} Error", Style { color: ERROR_RED, ..CELL_BOLD }),
        Severity::Warning => cell_styled("\u{25B2} Warning", Style { color: WARN_AMBER, ..CELL_BOLD }),
    }
}
