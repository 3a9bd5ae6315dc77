//! Page layout: pages as plain drawing lists (filled rectangles and text runs), a cursor that
//! flows paragraphs down the pages, the outline, and (in the submodules) tables with wrapped cells
//! and repeated headers, and colour-coded grids split across pages. Coordinates are points from
//! the top-left corner of the page; they are flipped to PDF space when the pages are emitted.
//! Text is measured and broken by [`Text`]; layout only places the lines.

mod grid;
mod table;

pub(crate) use grid::{GridCell, GridPage, GridRow, GridSpec};
pub(crate) use table::{cell, cell_styled, Block, Cell, Column, KEY_VALUE, TABLE};

use crate::style::{Rgb, Style};
use crate::text::{Run, Text};

pub(crate) const A4_W: f32 = 595.276;
pub(crate) const A4_H: f32 = 841.89;
/// 20 mm, on every side of every page.
pub(crate) const MARGIN: f32 = 56.69;
/// Where content starts, below the running head.
pub(crate) const TOP: f32 = 66.0;
/// Distance from the bottom edge where content ends, above the footer.
pub(crate) const BOTTOM: f32 = 60.0;

pub(crate) struct Fill {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub color: Rgb,
}

/// A clickable area that jumps to an outline entry.
pub(crate) struct Link {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub target: usize,
}

pub(crate) struct Page {
    pub w: f32,
    pub h: f32,
    pub fills: Vec<Fill>,
    pub runs: Vec<Run>,
    /// Running head (the section title); empty on the cover.
    pub head: String,
    pub links: Vec<Link>,
}

pub(crate) struct OutlineItem {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

pub(crate) struct Doc {
    /// The report format the pages are written in.
    pub format: u32,
    pub text: Text,
    pub pages: Vec<Page>,
    /// The page being written.
    pub cur: usize,
    pub y: f32,
    pub landscape: bool,
    pub head: String,
    pub outline: Vec<OutlineItem>,
}

impl Doc {
    pub(crate) fn new(format: u32, text: Text) -> Doc {
        Doc {
            format,
            text,
            pages: Vec::new(),
            cur: 0,
            y: TOP,
            landscape: false,
            head: String::new(),
            outline: Vec::new(),
        }
    }

    // ---- geometry ----

    pub(crate) fn page_w(&self) -> f32 {
        self.pages[self.cur].w
    }
    pub(crate) fn page_h(&self) -> f32 {
        self.pages[self.cur].h
    }
    pub(crate) fn left(&self) -> f32 {
        MARGIN
    }
    pub(crate) fn right(&self) -> f32 {
        self.page_w() - MARGIN
    }
    pub(crate) fn content_w(&self) -> f32 {
        self.page_w() - 2.0 * MARGIN
    }
    pub(crate) fn bottom(&self) -> f32 {
        self.page_h() - BOTTOM
    }
    pub(crate) fn room(&self) -> f32 {
        self.bottom() - self.y
    }
    pub(crate) fn content_w_for(landscape: bool) -> f32 {
        (if landscape { A4_H } else { A4_W }) - 2.0 * MARGIN
    }

    pub(crate) fn new_page(&mut self, landscape: bool) {
        self.landscape = landscape;
        let (w, h) = if landscape { (A4_H, A4_W) } else { (A4_W, A4_H) };
        self.pages.push(Page { w, h, fills: Vec::new(), runs: Vec::new(), head: self.head.clone(), links: Vec::new() });
        self.cur = self.pages.len() - 1;
        self.y = TOP;
    }

    /// Starts a new page unless `h` points still fit on this one.
    pub(crate) fn ensure(&mut self, h: f32) {
        if self.room() < h {
            self.new_page(self.landscape);
        }
    }

    pub(crate) fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    // ---- drawing ----

    /// Draws one line of cleaned text with its baseline at `y`.
    pub(crate) fn text_at(&mut self, x: f32, y: f32, style: Style, text: String) {
        self.run(x, y, style, text, false);
    }

    /// Draws one line of a paragraph set in a box `w` wide that starts at `x`: right-to-left
    /// lines are aligned to the box's right edge (report format 3 and later).
    pub(crate) fn text_in(&mut self, x: f32, y: f32, w: f32, style: Style, text: String) {
        self.run(x, y, style, text, false);
        if let Some(r) = self.pages[self.cur].runs.last_mut() {
            r.box_w = Some(w);
        }
    }

    pub(crate) fn run(&mut self, x: f32, y: f32, style: Style, text: String, rotated: bool) {
        if text.is_empty() {
            return;
        }
        self.text.record(style.face, &text);
        self.pages[self.cur].runs.push(Run {
            x: round(x),
            y: round(y),
            face: style.face,
            size: style.size,
            color: style.color,
            text,
            rotated,
            box_w: None,
        });
    }

    pub(crate) fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        self.pages[self.cur].fills.push(Fill { x: round(x), y: round(y), w: round(w), h: round(h), color });
    }

    pub(crate) fn hrule(&mut self, x: f32, y: f32, w: f32, thickness: f32, color: Rgb) {
        self.fill(x, y - thickness / 2.0, w, thickness, color);
    }

    // ---- flow ----

    /// A flowing paragraph (raw text, cleaned here) from `x` to the right margin.
    pub(crate) fn para(&mut self, text: &str, style: Style, indent: f32, space_after: f32) {
        let clean = self.text.clean(style.face, text);
        let width = self.content_w() - indent;
        let lines = self.text.wrap_hanging(style.face, style.size, &clean, width);
        let lh = style.leading();
        for (dx, line) in lines {
            if self.room() < lh {
                self.new_page(self.landscape);
            }
            let x = self.left() + indent + dx;
            let y = self.y + style.ascent();
            self.text_in(x, y, width - dx, style, line);
            self.y += lh;
        }
        self.y += space_after;
    }

    /// Vertical space, without running past the bottom of the page.
    pub(crate) fn gap(&mut self, h: f32) {
        self.y = (self.y + h).min(self.bottom());
    }

    pub(crate) fn bookmark(&mut self, level: u8, title: &str, y: f32) -> usize {
        self.outline.push(OutlineItem { level, title: title.to_owned(), page: self.cur, y });
        self.outline.len() - 1
    }
}

/// Rounds a coordinate to 1/100 pt, which keeps the content streams short.
pub(crate) fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}
