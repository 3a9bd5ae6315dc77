//! What the matrix and the RACI chart share around their grids: the colour legend and the caption
//! line of each grid page.

use std::ops::Range;

use crate::fonts::Face;
use crate::layout::{Doc, GridPage};
use crate::style::{Rgb, Style, GRID_CAPTION, INK};

/// One entry of a colour legend: a swatch with its symbol, and what it means.
pub(super) struct Swatch<'a> {
    pub fill: Rgb,
    pub ink: Rgb,
    pub symbol: &'a str,
    pub label: &'a str,
}

/// Draws the legend entries side by side on one line from the left margin.
pub(super) fn legend(doc: &mut Doc, entries: &[Swatch]) {
    let y = doc.y;
    let mut cx = doc.left();
    for s in entries {
        cx = swatch(doc, cx, y, s);
    }
}

fn swatch(doc: &mut Doc, x: f32, y: f32, s: &Swatch) -> f32 {
    let st = Style::new(Face::Regular, 7.5, s.ink);
    doc.fill(x, y, 22.0, 12.0, s.fill);
    let sw = doc.text.width(st.face, st.size, s.symbol);
    doc.text_at(x + (22.0 - sw) / 2.0, y + 8.8, st, s.symbol.to_owned());
    let lab = Style::new(Face::Regular, 8.5, INK);
    let l = doc.text.clean(lab.face, s.label);
    let lw = doc.text.width(lab.face, lab.size, &l);
    doc.text_at(x + 27.0, y + 9.0, lab, l);
    x + 27.0 + lw + 16.0
}

/// How a grid's pages are named in their captions and in the outline.
pub(super) struct GridNames<'a> {
    /// The grid, in outline entries ("Matrix").
    pub what: &'a str,
    /// Its columns and rows, in lower case ("platforms", "capabilities").
    pub cols: &'a str,
    pub rows: &'a str,
    pub ncols: usize,
    pub nrows: usize,
    /// Whether the columns are split into groups (then captions and the outline name them).
    pub grouped: bool,
}

impl GridNames<'_> {
    /// The caption line of a grid page ("Platforms 1–20 of 60 · capabilities 1–25 of 200") and,
    /// on the first page of each column group, an outline entry.
    pub(super) fn caption(&self, doc: &mut Doc, gp: &GridPage) {
        if gp.group_start && self.grouped {
            let title =
                format!("{}: {} {}\u{2013}{} of {}", self.what, self.cols, gp.cols.start + 1, gp.cols.end, self.ncols);
            doc.bookmark(1, &title, doc.y);
        }
        if !gp.caption {
            return;
        }
        let text = if self.grouped {
            format!(
                "{} {} \u{00B7} {} {}",
                capital(self.cols),
                range(&gp.cols, self.ncols),
                self.rows,
                range(&gp.rows, self.nrows)
            )
        } else {
            format!("{} {}", capital(self.rows), range(&gp.rows, self.nrows))
        };
        let y = doc.y + GRID_CAPTION.ascent();
        let x = doc.left();
        doc.text_at(x, y, GRID_CAPTION, text);
    }
}

fn capital(word: &str) -> String {
    let mut w = word.to_owned();
    w[..1].make_ascii_uppercase();
    w
}

/// "3 of 60", "1–20 of 60" or "none of 60".
fn range(r: &Range<usize>, n: usize) -> String {
    if r.is_empty() {
        format!("none of {n}")
    } else if r.len() == 1 {
        format!("{} of {n}", r.start + 1)
    } else {
        format!("{}\u{2013}{} of {n}", r.start + 1, r.end)
    }
}
