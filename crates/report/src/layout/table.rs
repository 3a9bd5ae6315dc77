//! Tables whose cells wrap, with the header repeated on every page a table runs onto, group
//! headings that span the table, and rows split across pages when they are taller than a page.

use super::{Doc, BOTTOM, TOP};
use crate::style::{Rgb, Style, CELL, GROUP_FILL, HEADER, HEAD_FILL, MUTED, NAVY, RULE, ZEBRA};

/// Horizontal padding inside a cell (also used by the grids).
pub(super) const PAD_X: f32 = 4.5;
const PAD_Y: f32 = 3.5;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
}

pub(crate) struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub(crate) fn new(title: &str, width: f32) -> Column {
        Column { title: title.to_owned(), width, align: Align::Left }
    }
    pub(crate) fn centered(title: &str, width: f32) -> Column {
        Column { title: title.to_owned(), width, align: Align::Center }
    }
}

/// One paragraph inside a table cell.
#[derive(Clone)]
pub(crate) struct Block {
    pub text: String,
    pub style: Style,
    pub bullet: bool,
}

impl Block {
    pub(crate) fn new(text: impl Into<String>, style: Style) -> Block {
        Block { text: text.into(), style, bullet: false }
    }
    pub(crate) fn bullet(text: impl Into<String>, style: Style) -> Block {
        Block { text: text.into(), style, bullet: true }
    }
}

pub(crate) type Cell = Vec<Block>;

pub(crate) fn cell(text: impl Into<String>) -> Cell {
    vec![Block::new(text, CELL)]
}

pub(crate) fn cell_styled(text: impl Into<String>, style: Style) -> Cell {
    vec![Block::new(text, style)]
}

pub(crate) struct TableStyle {
    pub header: bool,
    pub zebra: bool,
    /// Fill of the first column (key-value tables).
    pub first_fill: Option<Rgb>,
}

pub(crate) const TABLE: TableStyle = TableStyle { header: true, zebra: true, first_fill: None };
pub(crate) const KEY_VALUE: TableStyle = TableStyle { header: false, zebra: false, first_fill: Some(ZEBRA) };

/// A line of a laid-out cell: offsets from the cell's content box.
struct Laid {
    dx: f32,
    dy: f32,
    h: f32,
    style: Style,
    text: String,
}

/// What every row of one table shares.
struct Frame<'a> {
    x0: f32,
    cols: &'a [Column],
    ts: &'a TableStyle,
    total: f32,
    header_h: f32,
}

/// The lines of a row that fit within `limit` points of the top, and the rest (moved to the top).
fn split_laid(rest: Vec<Vec<Laid>>, limit: f32, min_line: f32) -> (Vec<Vec<Laid>>, Vec<Vec<Laid>>) {
    let mut now = Vec::new();
    let mut later = Vec::new();
    for lines in rest {
        let (a, mut b): (Vec<Laid>, Vec<Laid>) = lines.into_iter().partition(|l| l.dy + l.h.max(min_line) <= limit);
        if let Some(base) = b.first().map(|l| l.dy) {
            for l in &mut b {
                l.dy -= base;
            }
        }
        now.push(a);
        later.push(b);
    }
    (now, later)
}

fn laid_height(cells: &[Vec<Laid>]) -> f32 {
    cells.iter().flat_map(|c| c.iter().map(|l| l.dy + l.h)).fold(0.0, f32::max) + 2.0 * PAD_Y
}

impl Doc {
    fn lay_cell(&mut self, cell: &Cell, width: f32, align: Align) -> Vec<Laid> {
        let mut out = Vec::new();
        let mut dy = 0.0;
        for (i, block) in cell.iter().enumerate() {
            if i > 0 {
                dy += 2.0;
            }
            let st = block.style;
            let text = self.text.clean(st.face, block.text.trim_matches(|c: char| c == '\n' || c == ' '));
            let (indent, bullet) = if block.bullet {
                let b = "\u{2022}  ".to_owned();
                (self.text.width(st.face, st.size, &b), Some(b))
            } else {
                (0.0, None)
            };
            let lines = match align {
                Align::Left => self.text.wrap_hanging(st.face, st.size, &text, width - indent),
                Align::Center => self.text.wrap(st.face, st.size, &text, width).into_iter().map(|l| (0.0, l)).collect(),
            };
            for (j, (hang, line)) in lines.into_iter().enumerate() {
                if j == 0 {
                    if let Some(b) = &bullet {
                        out.push(Laid { dx: 0.0, dy, h: 0.0, style: Style { color: MUTED, ..st }, text: b.clone() });
                    }
                }
                let dx = match align {
                    Align::Left => indent + hang,
                    Align::Center => ((width - self.text.width(st.face, st.size, &line)) / 2.0).max(0.0),
                };
                out.push(Laid { dx, dy, h: st.leading(), style: st, text: line });
                dy += st.leading();
            }
        }
        out
    }

    fn draw_laid(
        &mut self,
        x0: f32,
        cols: &[Column],
        cells: Vec<Vec<Laid>>,
        h: f32,
        fill: Option<Rgb>,
        ts: &TableStyle,
    ) {
        let total: f32 = cols.iter().map(|c| c.width).sum();
        if let Some(f) = fill {
            self.fill(x0, self.y, total, h, f);
        }
        if let Some(f) = ts.first_fill {
            self.fill(x0, self.y, cols[0].width, h, f);
        }
        let mut x = x0;
        let top = self.y + PAD_Y;
        for (col, lines) in cols.iter().zip(cells) {
            for l in lines {
                let w = col.width - 2.0 * PAD_X - l.dx;
                self.text_in(x + PAD_X + l.dx, top + l.dy + l.style.ascent(), w, l.style, l.text);
            }
            x += col.width;
        }
    }

    fn header_cells(&mut self, cols: &[Column]) -> Vec<Vec<Laid>> {
        cols.iter()
            .map(|c| self.lay_cell(&vec![Block::new(c.title.clone(), HEADER)], c.width - 2.0 * PAD_X, c.align))
            .collect()
    }

    fn draw_header(&mut self, x0: f32, cols: &[Column]) {
        let cells = self.header_cells(cols);
        let h = laid_height(&cells);
        let total: f32 = cols.iter().map(|c| c.width).sum();
        let ts = TableStyle { header: true, zebra: false, first_fill: None };
        self.draw_laid(x0, cols, cells, h, Some(HEAD_FILL), &ts);
        self.y += h;
        self.hrule(x0, self.y, total, 0.8, NAVY);
    }

    /// Continues a table on a new page: the header again, and the current group heading.
    fn next_table_page(&mut self, x0: f32, cols: &[Column], ts: &TableStyle, group: Option<&Cell>) {
        self.new_page(self.landscape);
        if ts.header {
            self.draw_header(x0, cols);
        }
        if let Some(g) = group {
            let total: f32 = cols.iter().map(|c| c.width).sum();
            let mut cell: Cell = g.clone();
            if let Some(first) = cell.first_mut() {
                first.text.push_str(" (continued)");
            }
            let laid = vec![self.lay_cell(&cell, total - 2.0 * PAD_X, Align::Left)];
            let h = laid_height(&laid);
            self.draw_laid(x0, &[Column::new("", total)], laid, h, Some(GROUP_FILL), ts);
            self.y += h;
        }
    }

    /// A table whose cells wrap, with the header repeated on every page it runs onto. Rows taller
    /// than what is left on a page move to the next page, and rows taller than a page are split.
    pub(crate) fn table(&mut self, cols: &[Column], rows: Vec<Vec<Cell>>, ts: &TableStyle) {
        let total: f32 = cols.iter().map(|c| c.width).sum();
        let header_h = if ts.header {
            let cells = self.header_cells(cols);
            laid_height(&cells)
        } else {
            0.0
        };
        let frame = Frame { x0: self.left(), cols, ts, total, header_h };
        // The header with at least two lines of the first row.
        if self.room() < header_h + 2.0 * PAD_Y + 2.0 * CELL.leading() {
            self.new_page(self.landscape);
        }
        if ts.header {
            self.draw_header(frame.x0, cols);
        } else {
            self.hrule(frame.x0, self.y, total, 0.6, RULE);
        }
        let span_cols = [Column::new("", total)];
        let mut zebra_i = 0usize;
        // The current group heading, repeated as "(continued)" at the top of a new page.
        let mut group: Option<Cell> = None;
        for row in rows {
            // A row with a single cell spans the table: a group heading, kept with the next row.
            let span = row.len() == 1 && cols.len() > 1;
            let row_cols: &[Column] = if span { &span_cols } else { cols };
            let laid: Vec<Vec<Laid>> = row_cols
                .iter()
                .zip(row.iter())
                .map(|(c, cell)| self.lay_cell(cell, c.width - 2.0 * PAD_X, c.align))
                .collect();
            let fill = if span {
                zebra_i = 0;
                Some(GROUP_FILL)
            } else {
                zebra_i += 1;
                (ts.zebra && zebra_i.is_multiple_of(2)).then_some(ZEBRA)
            };
            if span {
                if self.room() < laid_height(&laid) + 2.0 * PAD_Y + 2.0 * CELL.leading() {
                    self.next_table_page(frame.x0, cols, ts, None);
                }
                group = row.into_iter().next();
            }
            let group_now = if span { None } else { group.as_ref() };
            self.place_row(&frame, row_cols, laid, fill, group_now);
        }
        if ts.zebra {
            self.hrule(frame.x0, self.y, total, 0.6, RULE);
        }
    }

    /// Draws one laid-out row, moving it to the next page or splitting it over pages as needed.
    fn place_row(
        &mut self,
        f: &Frame,
        row_cols: &[Column],
        mut rest: Vec<Vec<Laid>>,
        fill: Option<Rgb>,
        group: Option<&Cell>,
    ) {
        let min_line = CELL.leading();
        loop {
            let h = laid_height(&rest);
            let room = self.room();
            if h <= room + 0.01 {
                self.draw_laid(f.x0, row_cols, rest, h, fill, f.ts);
                self.y += h;
                if !f.ts.zebra {
                    self.hrule(f.x0, self.y, f.total, 0.5, RULE);
                }
                return;
            }
            let capacity = self.page_h() - BOTTOM - TOP - f.header_h;
            let fresh = self.at_top() || (f.ts.header && (self.y - TOP - f.header_h).abs() < 1.5);
            // Short rows move to the next page whole; tall ones are split when a good part of
            // them fits, rather than leaving a large gap, and never leave less than three
            // lines for the next page.
            let tail = 3.0 * min_line;
            let limit = (room - 2.0 * PAD_Y).min(h - 2.0 * PAD_Y - tail);
            let keep_whole = h <= capacity && (h <= 120.0 || room < 80.0 || limit < 3.0 * min_line);
            if !fresh && (keep_whole || room < 2.0 * PAD_Y + 3.0 * min_line) {
                self.next_table_page(f.x0, f.cols, f.ts, group);
                continue;
            }
            // Split: what fits now, the rest on the next page.
            let limit = if limit >= min_line { limit } else { room - 2.0 * PAD_Y };
            let (now, later) = split_laid(rest, limit, min_line);
            let used = laid_height(&now);
            self.draw_laid(f.x0, row_cols, now, used, fill, f.ts);
            self.y += used;
            self.next_table_page(f.x0, f.cols, f.ts, group);
            rest = later;
        }
    }
}
