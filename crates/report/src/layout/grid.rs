//! Colour-coded grids (the compatibility matrix, the RACI chart): rotated column names, row heads
//! with an optional second column, one coloured cell per row and column, split over as many pages
//! as needed, in column groups side by side and rows down the pages.

use std::ops::Range;

use super::table::PAD_X;
use super::Doc;
use crate::fonts::Face;
use crate::style::{Rgb, Style, GRID_CAPTION, HEAD_FILL, INK, MUTED, NAVY, RULE, WHITE, ZEBRA};

pub(crate) struct GridCell {
    pub fill: Rgb,
    pub text: String,
    pub style: Style,
}

pub(crate) struct GridRow {
    pub head: String,
    pub head_style: Style,
    pub extra: String,
    pub cells: Vec<Option<GridCell>>,
}

pub(crate) struct GridSpec<'a> {
    pub corner: &'a str,
    pub extra_title: &'a str,
    pub col_names: Vec<String>,
    pub rows: Vec<GridRow>,
    pub row_head_w: f32,
    pub extra_w: f32,
    pub min_col_w: f32,
    pub max_col_w: f32,
}

pub(crate) struct GridPlan {
    pub landscape: bool,
    pub groups: usize,
    pub per_group: usize,
    pub col_w: f32,
}

/// What one page of a grid shows; given to the caption callback with `Doc::y` at the caption line.
pub(crate) struct GridPage {
    pub cols: Range<usize>,
    pub rows: Range<usize>,
    /// The first page of a column group.
    pub group_start: bool,
    /// Whether a caption line was reserved (the grid takes more than one page).
    pub caption: bool,
}

impl GridSpec<'_> {
    /// Portrait when every column fits at the minimum width, else landscape column groups of
    /// balanced size.
    pub(crate) fn plan(&self) -> GridPlan {
        let n = self.col_names.len().max(1);
        let fixed = self.row_head_w + self.extra_w;
        let portrait = Doc::content_w_for(false) - fixed;
        if n as f32 * self.min_col_w <= portrait {
            return GridPlan {
                landscape: false,
                groups: 1,
                per_group: n,
                col_w: (portrait / n as f32).min(self.max_col_w),
            };
        }
        let avail = Doc::content_w_for(true) - fixed;
        let fit = ((avail / self.min_col_w).floor() as usize).max(1);
        let groups = n.div_ceil(fit);
        let per_group = n.div_ceil(groups);
        GridPlan { landscape: true, groups, per_group, col_w: (avail / per_group as f32).min(self.max_col_w) }
    }
}

const HEAD_STYLE: Style = Style::new(Face::Regular, 8.0, INK);
const CORNER_STYLE: Style = Style::new(Face::Bold, 8.0, NAVY);
const EXTRA_STYLE: Style = Style::new(Face::Regular, 7.5, MUTED);

/// A grid's text, cleaned and broken into lines once, and the sizes that follow from it.
struct Prepared {
    plan: GridPlan,
    /// Rotated column names, as lines.
    labels: Vec<Vec<String>>,
    header_h: f32,
    row_heads: Vec<Vec<String>>,
    extra_lines: Vec<Vec<String>>,
    cells: Vec<Vec<Option<(Rgb, String, Style)>>>,
    row_h: Vec<f32>,
}

impl Prepared {
    fn width(&self, cols: &Range<usize>, spec: &GridSpec) -> f32 {
        spec.row_head_w + spec.extra_w + cols.len() as f32 * self.plan.col_w
    }
}

impl Doc {
    /// Lines of a rotated header label, at most `max_lines` of `len` points.
    fn header_label(&self, style: Style, text: &str, len: f32, max_lines: usize) -> Vec<String> {
        let mut lines = self.text.wrap(style.face, style.size, text, len);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.pop().unwrap_or_default();
            lines.push(self.text.truncate(style.face, style.size, &format!("{last} \u{2026}"), len));
        }
        lines
    }

    fn prepare_grid(&mut self, spec: &GridSpec) -> Prepared {
        let plan = spec.plan();
        let lh = HEAD_STYLE.leading();
        let col_names: Vec<String> = spec.col_names.iter().map(|n| self.text.clean(HEAD_STYLE.face, n)).collect();
        let row_heads: Vec<Vec<String>> = spec
            .rows
            .iter()
            .map(|r| {
                let t = self.text.clean(r.head_style.face, &r.head);
                self.text.wrap(r.head_style.face, r.head_style.size, &t, spec.row_head_w - 2.0 * PAD_X)
            })
            .collect();
        let extras: Vec<String> = spec.rows.iter().map(|r| self.text.clean(Face::Regular, &r.extra)).collect();
        let extra_lines: Vec<Vec<String>> = extras
            .iter()
            .map(|e| self.text.wrap(EXTRA_STYLE.face, EXTRA_STYLE.size, e, spec.extra_w - 2.0 * PAD_X))
            .collect();
        let cells = spec
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| (c.fill, self.text.clean(c.style.face, &c.text), c.style)))
                    .collect()
            })
            .collect();
        let max_lines = (((plan.col_w - 2.0) / lh).floor() as usize).max(1);
        // Header height: the smallest that fits every label in the allowed lines.
        let fits = |cand: f32| {
            col_names.iter().all(|n| self.text.wrap(HEAD_STYLE.face, HEAD_STYLE.size, n, cand - 8.0).len() <= max_lines)
        };
        let header_h = [50.0, 65.0, 80.0, 95.0, 110.0, 120.0].into_iter().find(|c| fits(*c)).unwrap_or(120.0);
        let labels = col_names.iter().map(|n| self.header_label(HEAD_STYLE, n, header_h - 8.0, max_lines)).collect();
        let row_h = row_heads
            .iter()
            .zip(&extra_lines)
            .zip(&spec.rows)
            .map(|((l, e), row)| {
                let n = l.len().max(if spec.extra_w > 0.0 { e.len() } else { 0 });
                (n as f32 * row.head_style.leading() + 2.0 * 2.5).max(15.0)
            })
            .collect();
        Prepared { plan, labels, header_h, row_heads, extra_lines, cells, row_h }
    }

    /// The shaded header row with the corner titles and the rotated column names.
    fn draw_grid_header(&mut self, spec: &GridSpec, p: &Prepared, cols: &Range<usize>) {
        let (x0, y0, header_h) = (self.left(), self.y, p.header_h);
        let heads_w = spec.row_head_w + spec.extra_w;
        let lh = HEAD_STYLE.leading();
        self.fill(x0, y0, p.width(cols, spec), header_h, HEAD_FILL);
        let t = self.text.clean(CORNER_STYLE.face, spec.corner);
        self.text_at(x0 + PAD_X, y0 + header_h - 5.0, CORNER_STYLE, t);
        if spec.extra_w > 0.0 {
            let t = self.text.clean(CORNER_STYLE.face, spec.extra_title);
            self.text_at(x0 + spec.row_head_w + PAD_X, y0 + header_h - 5.0, CORNER_STYLE, t);
        }
        for (k, c) in cols.clone().enumerate() {
            let cx = x0 + heads_w + k as f32 * p.plan.col_w;
            if k > 0 {
                self.fill(cx - 0.4, y0, 0.8, header_h, WHITE);
            }
            let lines = &p.labels[c];
            let block = lines.len() as f32 * lh;
            let center = cx + p.plan.col_w / 2.0;
            for (j, line) in lines.iter().enumerate() {
                let bx = center - block / 2.0 + j as f32 * lh + HEAD_STYLE.size * 0.98;
                self.run(bx, y0 + header_h - 4.0, HEAD_STYLE, line.clone(), true);
            }
        }
        self.y = y0 + header_h;
        self.hrule(x0, self.y, p.width(cols, spec), 0.8, NAVY);
        self.y += 0.4;
    }

    /// Row `r` of the grid, for the columns `cols`, at the cursor.
    fn draw_grid_row(&mut self, spec: &GridSpec, p: &Prepared, r: usize, cols: &Range<usize>) {
        let (x0, y, h) = (self.left(), self.y, p.row_h[r]);
        let heads_w = spec.row_head_w + spec.extra_w;
        let row = &spec.rows[r];
        let zebra = r % 2 == 1;
        if zebra {
            self.fill(x0, y, heads_w, h, ZEBRA);
        }
        let st = row.head_style;
        let n = p.row_heads[r].len() as f32;
        let mut ty = y + (h - n * st.leading()) / 2.0 + st.ascent();
        for line in &p.row_heads[r] {
            self.text_in(x0 + PAD_X, ty, spec.row_head_w - 2.0 * PAD_X, st, line.clone());
            ty += st.leading();
        }
        if spec.extra_w > 0.0 {
            let es = EXTRA_STYLE;
            let n = p.extra_lines[r].len() as f32;
            let mut ty = y + (h - n * st.leading()) / 2.0 + es.ascent() + (st.size - es.size) / 2.0;
            for line in &p.extra_lines[r] {
                self.text_at(x0 + spec.row_head_w + PAD_X, ty, es, line.clone());
                ty += st.leading();
            }
        }
        let col_w = p.plan.col_w;
        for (k, c) in cols.clone().enumerate() {
            let cx = x0 + heads_w + k as f32 * col_w;
            match &p.cells[r][c] {
                Some((fill, text, style)) => {
                    self.fill(cx + 0.6, y + 0.6, col_w - 1.2, h - 1.2, *fill);
                    let tw = self.text.width(style.face, style.size, text);
                    self.text_at(cx + (col_w - tw) / 2.0, y + h / 2.0 + style.size * 0.36, *style, text.clone());
                }
                None if zebra => self.fill(cx + 0.6, y + 0.6, col_w - 1.2, h - 1.2, ZEBRA),
                None => {}
            }
        }
        self.y += h;
    }

    /// A colour-coded grid (the matrix, the RACI chart) split over as many pages as needed:
    /// column groups side by side, rows down the pages. Every page repeats the rotated column
    /// header and the row-head columns. `caption` is called for each page of the grid once it is
    /// drawn, with the cursor at the caption line reserved above the grid.
    pub(crate) fn grid(&mut self, spec: &GridSpec, caption: &mut dyn FnMut(&mut Doc, GridPage)) {
        let p = self.prepare_grid(spec);
        let plan = &p.plan;
        let ncols = spec.col_names.len();
        // A caption line (which columns and rows a page shows) when the grid takes more than one page.
        let one_page = plan.groups == 1
            && self.landscape == plan.landscape
            && p.header_h + p.row_h.iter().sum::<f32>() + 2.0 <= self.room();
        let caption_h = if one_page { 0.0 } else { GRID_CAPTION.leading() + 3.0 };
        for g in 0..plan.groups {
            let cols = g * plan.per_group..((g + 1) * plan.per_group).min(ncols);
            let mut r = 0;
            let mut first = true;
            loop {
                let continue_here =
                    first && g == 0 && self.landscape == plan.landscape && self.room() >= p.header_h + 80.0;
                if !continue_here {
                    self.new_page(plan.landscape);
                }
                let caption_y = self.y;
                let r0 = r;
                self.y += caption_h;
                self.draw_grid_header(spec, &p, &cols);
                while r < spec.rows.len() && self.y + p.row_h[r] <= self.bottom() {
                    self.draw_grid_row(spec, &p, r, &cols);
                    r += 1;
                }
                self.hrule(self.left(), self.y, p.width(&cols, spec), 0.6, RULE);
                let end_y = self.y;
                self.y = caption_y;
                let page = GridPage { cols: cols.clone(), rows: r0..r, group_start: first, caption: caption_h > 0.0 };
                caption(self, page);
                self.y = end_y;
                first = false;
                if r >= spec.rows.len() {
                    break;
                }
            }
        }
    }
}
