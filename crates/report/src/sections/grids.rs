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

const SWATCH_W: f32 = 22.0;
const SWATCH_H: f32 = 12.0;
/// From a swatch's left edge to its label.
const LABEL_DX: f32 = 27.0;
/// Between one entry's label and the next swatch.
const ENTRY_GAP: f32 = 16.0;
/// Below each line of entries.
const LINE_GAP: f32 = 5.0;
const SYMBOL: Style = Style::new(Face::Regular, 7.5, INK);
const LABEL: Style = Style::new(Face::Regular, 8.5, INK);

/// Draws a colour legend within the content width and leaves the cursor below it: all entries on
/// one line when they fit, else in aligned columns over as few lines as needed. A label wraps only
/// when it alone is wider than the page.
pub(super) fn legend(doc: &mut Doc, entries: &[Swatch]) {
    let avail = doc.content_w();
    let labels: Vec<Vec<String>> = entries
        .iter()
        .map(|s| {
            let l = doc.text.clean(LABEL.face, s.label);
            doc.text.wrap(LABEL.face, LABEL.size, &l, avail - LABEL_DX)
        })
        .collect();
    let widths: Vec<f32> = labels
        .iter()
        .map(|lines| LABEL_DX + lines.iter().map(|l| doc.text.width(LABEL.face, LABEL.size, l)).fold(0.0, f32::max))
        .collect();
    let cols = column_widths(&widths, avail);
    let height = |lines: &[Vec<String>]| {
        let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        SWATCH_H + (most - 1) as f32 * LABEL.leading()
    };
    doc.ensure(labels.chunks(cols.len()).map(|row| height(row) + LINE_GAP).sum());
    for (row, swatches) in labels.chunks(cols.len()).zip(entries.chunks(cols.len())) {
        let mut x = doc.left();
        for ((lines, s), w) in row.iter().zip(swatches).zip(&cols) {
            swatch(doc, x, s, lines);
            x += w + ENTRY_GAP;
        }
        doc.y += height(row) + LINE_GAP;
    }
}

/// The widths of the legend's columns: as many entries per line as fit `avail` when the entries
/// are set in aligned columns, spread evenly over the fewest lines.
fn column_widths(widths: &[f32], avail: f32) -> Vec<f32> {
    let n = widths.len().max(1);
    for lines in 1..=n {
        let per_line = n.div_ceil(lines);
        let cols: Vec<f32> =
            (0..per_line).map(|c| widths.iter().skip(c).step_by(per_line).copied().fold(0.0, f32::max)).collect();
        if cols.iter().sum::<f32>() + (per_line - 1) as f32 * ENTRY_GAP <= avail {
            return cols;
        }
    }
    vec![widths.iter().copied().fold(0.0, f32::max)]
}

/// One swatch with its symbol at (`x`, the cursor), and its label lines beside it.
fn swatch(doc: &mut Doc, x: f32, s: &Swatch, lines: &[String]) {
    let y = doc.y;
    let st = Style { color: s.ink, ..SYMBOL };
    doc.fill(x, y, SWATCH_W, SWATCH_H, s.fill);
    let sw = doc.text.width(st.face, st.size, s.symbol);
    doc.text_at(x + (SWATCH_W - sw) / 2.0, y + 8.8, st, s.symbol.to_owned());
    for (k, line) in lines.iter().enumerate() {
        doc.text_at(x + LABEL_DX, y + 9.0 + k as f32 * LABEL.leading(), LABEL, line.clone());
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The left edges of the swatches, line by line (a swatch is the only fill a legend draws).
    fn swatch_lines(doc: &Doc) -> Vec<Vec<f32>> {
        let mut lines: Vec<(f32, Vec<f32>)> = Vec::new();
        for f in &doc.pages[doc.cur].fills {
            match lines.iter_mut().find(|(y, _)| *y == f.y) {
                Some((_, xs)) => xs.push(f.x),
                None => lines.push((f.y, vec![f.x])),
            }
        }
        lines.into_iter().map(|(_, xs)| xs).collect()
    }

    /// The rightmost point the legend reaches: the end of its widest text or swatch.
    fn right_edge(doc: &Doc) -> f32 {
        let page = &doc.pages[doc.cur];
        let runs = page.runs.iter().map(|r| r.x + doc.text.width(r.face, r.size, &r.text));
        runs.chain(page.fills.iter().map(|f| f.x + f.w)).fold(0.0, f32::max)
    }

    fn drawn(landscape: bool, entries: &[Swatch]) -> Doc {
        let mut doc = Doc::new(crate::formats::CURRENT, crate::text::Text::shaped());
        doc.new_page(landscape);
        legend(&mut doc, entries);
        doc
    }

    #[test]
    fn the_raci_legend_wraps_into_aligned_columns_on_a_portrait_page() {
        let doc = drawn(false, &super::super::raci::legend_entries());
        assert!(right_edge(&doc) <= doc.right(), "{} past {}", right_edge(&doc), doc.right());
        let lines = swatch_lines(&doc);
        assert_eq!(lines.len(), 2, "two lines: {lines:?}");
        assert_eq!(lines[0], lines[1], "the second line's swatches sit under the first's");
    }

    #[test]
    fn legends_that_fit_stay_on_one_line() {
        let raci = drawn(true, &super::super::raci::legend_entries());
        assert_eq!(swatch_lines(&raci).len(), 1);
        let matrix = drawn(false, &super::super::matrix::legend_entries());
        assert_eq!(swatch_lines(&matrix).len(), 1);
        assert!(right_edge(&matrix) <= matrix.right());
    }

    #[test]
    fn a_label_wider_than_the_page_wraps_within_the_margins() {
        let label = "a very long explanation of a colour ".repeat(12);
        let entries = [Swatch { fill: INK, ink: INK, symbol: "X", label: &label }];
        let doc = drawn(false, &entries);
        assert!(right_edge(&doc) <= doc.right());
        assert!(doc.pages[0].runs.len() > 3, "the label takes several lines");
        assert!(doc.y > 60.0 + 3.0 * LABEL.leading(), "the cursor is below the whole label");
    }
}
