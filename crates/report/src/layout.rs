//! Page layout: pages as plain drawing lists (filled rectangles and text runs), text wrapping,
//! flowing paragraphs, tables with wrapped cells and repeated headers, and colour-coded grids
//! split across pages. Coordinates are points from the top-left corner of the page; they are
//! flipped to PDF space when the pages are emitted.

use std::collections::BTreeSet;

use crate::fonts::{CharSet, Face, Fonts, REPLACEMENT};

pub(crate) const A4_W: f32 = 595.276;
pub(crate) const A4_H: f32 = 841.89;
/// 20 mm, on every side of every page.
pub(crate) const MARGIN: f32 = 56.69;
/// Where content starts, below the running head.
pub(crate) const TOP: f32 = 66.0;
/// Distance from the bottom edge where content ends, above the footer.
pub(crate) const BOTTOM: f32 = 60.0;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Rgb(pub u32);

impl Rgb {
    pub(crate) fn parts(self) -> (f32, f32, f32) {
        let c = |s: u32| ((self.0 >> s) & 0xff) as f32 / 255.0;
        (c(16), c(8), c(0))
    }
}

pub(crate) const INK: Rgb = Rgb(0x1b1f24);
pub(crate) const NAVY: Rgb = Rgb(0x1f3a5f);
pub(crate) const MUTED: Rgb = Rgb(0x59636f);
pub(crate) const RULE: Rgb = Rgb(0xc3ccd7);
pub(crate) const HEAD_FILL: Rgb = Rgb(0xe2e8f0);
pub(crate) const ZEBRA: Rgb = Rgb(0xf3f5f8);
pub(crate) const WHITE: Rgb = Rgb(0xffffff);
pub(crate) const GROUP_FILL: Rgb = Rgb(0xe9eef5);
pub(crate) const GRID_CAPTION: Style = Style::new(Face::Regular, 8.5, MUTED);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
}

impl Style {
    pub(crate) const fn new(face: Face, size: f32, color: Rgb) -> Style {
        Style { face, size, color }
    }
    pub(crate) fn leading(&self) -> f32 {
        self.size * 1.3
    }
    /// From the top of a line box to its baseline.
    pub(crate) fn ascent(&self) -> f32 {
        self.size * 1.02
    }
}

pub(crate) const BODY: Style = Style::new(Face::Regular, 9.5, INK);
pub(crate) const CELL: Style = Style::new(Face::Regular, 8.5, INK);
pub(crate) const CELL_BOLD: Style = Style::new(Face::Bold, 8.5, INK);
pub(crate) const CELL_MUTED: Style = Style::new(Face::Regular, 8.5, MUTED);
pub(crate) const HEADER: Style = Style::new(Face::Bold, 8.5, NAVY);

/// A run of text on one baseline. `y` is the baseline, from the top of the page.
pub(crate) struct Run {
    pub x: f32,
    pub y: f32,
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
    /// Rotated 90 degrees anticlockwise: the text reads upwards from (x, y).
    pub rotated: bool,
}

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

const PAD_X: f32 = 4.5;
const PAD_Y: f32 = 3.5;

/// A line of a laid-out cell: offsets from the cell's content box.
struct Laid {
    dx: f32,
    dy: f32,
    h: f32,
    style: Style,
    text: String,
}

pub(crate) struct Doc {
    pub fonts: &'static Fonts,
    pub pages: Vec<Page>,
    /// The page being written.
    pub cur: usize,
    pub y: f32,
    pub landscape: bool,
    pub head: String,
    pub used: [CharSet; 2],
    pub missing: BTreeSet<char>,
    pub outline: Vec<OutlineItem>,
}

impl Doc {
    pub(crate) fn new() -> Doc {
        Doc {
            fonts: Fonts::get(),
            pages: Vec::new(),
            cur: 0,
            y: TOP,
            landscape: false,
            head: String::new(),
            used: [CharSet::default(), CharSet::default()],
            missing: BTreeSet::new(),
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

    // ---- text ----

    /// Replaces characters the face lacks by U+FFFD (recording them) and tabs by spaces.
    pub(crate) fn clean(&mut self, face: Face, text: &str) -> String {
        let data = self.fonts.face(face);
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\t' => out.push(' '),
                '\r' => {}
                '\n' => out.push('\n'),
                c if data.has(c) => out.push(c),
                c => {
                    self.missing.insert(c);
                    out.push(REPLACEMENT);
                }
            }
        }
        out
    }

    /// Width of already cleaned text.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let data = self.fonts.face(face);
        let mut w = 0.0;
        for c in text.chars() {
            w += data.advance(c).unwrap_or(0.6);
        }
        w * size
    }

    /// Wraps cleaned text into lines no wider than `width`. Line breaks in the text are kept;
    /// words longer than a line are broken, preferably after punctuation.
    pub(crate) fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let data = self.fonts.face(face);
        let adv = |c: char| data.advance(c).unwrap_or(0.6) * size;
        let space = adv(' ');
        let mut lines = Vec::new();
        for para in text.split('\n') {
            // Runs of blank lines collapse into one.
            if para.trim().is_empty() {
                if lines.last().is_some_and(|l: &String| !l.is_empty()) {
                    lines.push(String::new());
                }
                continue;
            }
            let mut line = String::new();
            let mut line_w = 0.0f32;
            // Leading spaces (indentation) are kept as part of the first word.
            let trimmed = para.trim_end();
            let indent_len = trimmed.len() - trimmed.trim_start().len();
            let mut first = true;
            for word in trimmed.trim_start().split(' ') {
                if word.is_empty() {
                    continue;
                }
                let word_owned;
                let word = if first && indent_len > 0 {
                    word_owned = format!("{}{word}", &trimmed[..indent_len]);
                    word_owned.as_str()
                } else {
                    word
                };
                first = false;
                let ww: f32 = word.chars().map(adv).sum();
                if !line.is_empty() && line_w + space + ww <= width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + ww;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if ww <= width {
                    line.push_str(word);
                    line_w = ww;
                } else {
                    // Break the long word: fill each line, going back to the last break opportunity.
                    let chars: Vec<char> = word.chars().collect();
                    let mut start = 0;
                    while start < chars.len() {
                        let mut w = 0.0;
                        let mut end = start;
                        let mut last_break = None;
                        while end < chars.len() && (w + adv(chars[end]) <= width || end == start) {
                            w += adv(chars[end]);
                            if matches!(chars[end], '.' | '/' | '-' | '_' | ']' | ',' | ';' | ':' | ')') {
                                last_break = Some(end + 1);
                            }
                            end += 1;
                        }
                        if end < chars.len() {
                            if let Some(b) = last_break.filter(|b| *b > start + 1) {
                                end = b;
                            }
                            lines.push(chars[start..end].iter().collect());
                        } else {
                            line = chars[start..end].iter().collect();
                            line_w = chars[start..end].iter().map(|c| adv(*c)).sum();
                        }
                        start = end;
                    }
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    /// Wraps cleaned text like [`Doc::wrap`], but gives list items ("1. ", "a) ", "- ", "• ") a
    /// hanging indent. Returns each line with its horizontal offset.
    pub(crate) fn wrap_hanging(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<(f32, String)> {
        let mut out = Vec::new();
        for para in text.split('\n') {
            match list_marker(para) {
                Some(m) if width > 60.0 => {
                    let (marker, rest) = para.split_at(m);
                    let indent = self.width(face, size, marker);
                    let lines = self.wrap(face, size, rest.trim_start(), width - indent);
                    for (j, line) in lines.into_iter().enumerate() {
                        if j == 0 {
                            out.push((0.0, format!("{marker}{line}")));
                        } else {
                            out.push((indent, line));
                        }
                    }
                }
                _ => out.extend(self.wrap(face, size, para, width).into_iter().map(|l| (0.0, l))),
            }
        }
        while out.len() > 1 && out.last().is_some_and(|l| l.1.is_empty()) {
            out.pop();
        }
        out
    }

    /// Shortens cleaned text with an ellipsis so that it fits `width`.
    pub(crate) fn truncate(&self, face: Face, size: f32, text: &str, width: f32) -> String {
        if self.width(face, size, text) <= width {
            return text.to_owned();
        }
        let ell = self.width(face, size, "\u{2026}");
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self.width(face, size, c.encode_utf8(&mut [0; 4]));
            if w + cw + ell > width {
                break;
            }
            w += cw;
            out.push(c);
        }
        out.truncate(out.trim_end().len());
        out.push('\u{2026}');
        out
    }

    /// Draws one line of cleaned text with its baseline at `y`.
    pub(crate) fn text_at(&mut self, x: f32, y: f32, style: Style, text: String) {
        self.run(x, y, style, text, false);
    }

    pub(crate) fn run(&mut self, x: f32, y: f32, style: Style, text: String, rotated: bool) {
        if text.is_empty() {
            return;
        }
        let set = &mut self.used[style.face.index()];
        for c in text.chars() {
            set.insert(c);
        }
        self.pages[self.cur].runs.push(Run {
            x: round(x),
            y: round(y),
            face: style.face,
            size: style.size,
            color: style.color,
            text,
            rotated,
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

    /// A flowing paragraph (raw text, cleaned here) from `x` to the right margin.
    pub(crate) fn para(&mut self, text: &str, style: Style, indent: f32, space_after: f32) {
        let clean = self.clean(style.face, text);
        let width = self.content_w() - indent;
        let lines = self.wrap_hanging(style.face, style.size, &clean, width);
        let lh = style.leading();
        for (dx, line) in lines {
            if self.room() < lh {
                self.new_page(self.landscape);
            }
            let x = self.left() + indent + dx;
            let y = self.y + style.ascent();
            self.text_at(x, y, style, line);
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

    // ---- tables ----

    fn lay_cell(&mut self, cell: &Cell, width: f32, align: Align) -> Vec<Laid> {
        let mut out = Vec::new();
        let mut dy = 0.0;
        for (i, block) in cell.iter().enumerate() {
            if i > 0 {
                dy += 2.0;
            }
            let st = block.style;
            let text = self.clean(st.face, block.text.trim_matches(|c: char| c == '\n' || c == ' '));
            let (indent, bullet) = if block.bullet {
                let b = "\u{2022}  ".to_owned();
                (self.width(st.face, st.size, &b), Some(b))
            } else {
                (0.0, None)
            };
            let lines = match align {
                Align::Left => self.wrap_hanging(st.face, st.size, &text, width - indent),
                Align::Center => self.wrap(st.face, st.size, &text, width).into_iter().map(|l| (0.0, l)).collect(),
            };
            for (j, (hang, line)) in lines.into_iter().enumerate() {
                if j == 0 {
                    if let Some(b) = &bullet {
                        out.push(Laid { dx: 0.0, dy, h: 0.0, style: Style { color: MUTED, ..st }, text: b.clone() });
                    }
                }
                let dx = match align {
                    Align::Left => indent + hang,
                    Align::Center => ((width - self.width(st.face, st.size, &line)) / 2.0).max(0.0),
                };
                out.push(Laid { dx, dy, h: st.leading(), style: st, text: line });
                dy += st.leading();
            }
        }
        out
    }

    fn laid_height(cells: &[Vec<Laid>]) -> f32 {
        cells.iter().flat_map(|c| c.iter().map(|l| l.dy + l.h)).fold(0.0, f32::max) + 2.0 * PAD_Y
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
                self.text_at(x + PAD_X + l.dx, top + l.dy + l.style.ascent(), l.style, l.text);
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
        let h = Self::laid_height(&cells);
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
            let h = Self::laid_height(&laid);
            self.draw_laid(x0, &[Column::new("", total)], laid, h, Some(GROUP_FILL), ts);
            self.y += h;
        }
    }

    /// A table whose cells wrap, with the header repeated on every page it runs onto. Rows taller
    /// than what is left on a page move to the next page, and rows taller than a page are split.
    pub(crate) fn table(&mut self, cols: &[Column], rows: Vec<Vec<Cell>>, ts: &TableStyle) {
        let x0 = self.left();
        let total: f32 = cols.iter().map(|c| c.width).sum();
        let header_h = if ts.header {
            let cells = self.header_cells(cols);
            Self::laid_height(&cells)
        } else {
            0.0
        };
        let min_line = CELL.leading();
        // The header with at least two lines of the first row.
        if self.room() < header_h + 2.0 * PAD_Y + 2.0 * min_line {
            self.new_page(self.landscape);
        }
        if ts.header {
            self.draw_header(x0, cols);
        }
        if !ts.header {
            self.hrule(x0, self.y, total, 0.6, RULE);
        }
        let span_cols = [Column::new("", total)];
        let mut zebra_i = 0usize;
        // The current group heading, repeated as "(continued)" at the top of a new page.
        let mut group: Option<Cell> = None;
        for row in rows {
            // A row with a single cell spans the table: a group heading, kept with the next row.
            let span = row.len() == 1 && cols.len() > 1;
            let row_cols: &[Column] = if span { &span_cols } else { cols };
            let mut rest: Vec<Vec<Laid>> = row_cols
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
                if self.room() < Self::laid_height(&rest) + 2.0 * PAD_Y + 2.0 * min_line {
                    self.next_table_page(x0, cols, ts, None);
                }
                group = row.into_iter().next();
            }
            let group_now = if span { None } else { group.as_ref() };
            loop {
                let h = Self::laid_height(&rest);
                let room = self.room();
                if h <= room + 0.01 {
                    self.draw_laid(x0, row_cols, rest, h, fill, ts);
                    self.y += h;
                    if !ts.zebra {
                        self.hrule(x0, self.y, total, 0.5, RULE);
                    }
                    break;
                }
                let capacity = self.page_h() - BOTTOM - TOP - header_h;
                let fresh = self.at_top() || (ts.header && (self.y - TOP - header_h).abs() < 1.5);
                // Short rows move to the next page whole; tall ones are split when a good part of
                // them fits, rather than leaving a large gap, and never leave less than three
                // lines for the next page.
                let tail = 3.0 * min_line;
                let limit = (room - 2.0 * PAD_Y).min(h - 2.0 * PAD_Y - tail);
                let keep_whole = h <= capacity && (h <= 120.0 || room < 80.0 || limit < 3.0 * min_line);
                if !fresh && (keep_whole || room < 2.0 * PAD_Y + 3.0 * min_line) {
                    self.next_table_page(x0, cols, ts, group_now);
                    continue;
                }
                // Split: what fits now, the rest on the next page.
                let limit = if limit >= min_line { limit } else { room - 2.0 * PAD_Y };
                let mut now = Vec::new();
                let mut later = Vec::new();
                for lines in rest {
                    let mut a = Vec::new();
                    let mut b = Vec::new();
                    for l in lines {
                        if l.dy + l.h.max(min_line) <= limit {
                            a.push(l);
                        } else {
                            b.push(l);
                        }
                    }
                    if let Some(base) = b.first().map(|l| l.dy) {
                        for l in &mut b {
                            l.dy -= base;
                        }
                    }
                    now.push(a);
                    later.push(b);
                }
                let used = Self::laid_height(&now);
                self.draw_laid(x0, row_cols, now, used, fill, ts);
                self.y += used;
                self.next_table_page(x0, cols, ts, group_now);
                rest = later;
            }
        }
        if ts.zebra {
            self.hrule(x0, self.y, total, 0.6, RULE);
        }
    }

    // ---- grids ----

    /// Lines of a rotated header label, at most `max_lines` of `len` points.
    fn header_label(&self, style: Style, text: &str, len: f32, max_lines: usize) -> Vec<String> {
        let mut lines = self.wrap(style.face, style.size, text, len);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.pop().unwrap_or_default();
            lines.push(self.truncate(style.face, style.size, &format!("{last} \u{2026}"), len));
        }
        lines
    }

    /// A colour-coded grid (the matrix, the RACI chart) split over as many pages as needed:
    /// column groups side by side, rows down the pages. Every page repeats the rotated column
    /// header and the row-head columns. `begin_page` is called for each new page (after the page
    /// exists) and draws the caption; it receives the column range, the row range start and
    /// whether this is the first page of a column group.
    pub(crate) fn grid(&mut self, spec: &GridSpec, caption: &mut dyn FnMut(&mut Doc, GridPage)) {
        let plan = spec.plan();
        let head_style = Style::new(Face::Regular, 8.0, INK);
        let lh = head_style.leading();
        // Clean every label once.
        let col_names: Vec<String> = spec.col_names.iter().map(|n| self.clean(head_style.face, n)).collect();
        let row_heads: Vec<Vec<String>> = spec
            .rows
            .iter()
            .map(|r| {
                let t = self.clean(r.head_style.face, &r.head);
                self.wrap(r.head_style.face, r.head_style.size, &t, spec.row_head_w - 2.0 * PAD_X)
            })
            .collect();
        let extras: Vec<String> = spec.rows.iter().map(|r| self.clean(Face::Regular, &r.extra)).collect::<Vec<_>>();
        let extra_lines: Vec<Vec<String>> =
            extras.iter().map(|e| self.wrap(Face::Regular, 7.5, e, spec.extra_w - 2.0 * PAD_X)).collect();
        let cells: Vec<Vec<Option<(Rgb, String, Style)>>> = spec
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| (c.fill, self.clean(c.style.face, &c.text), c.style)))
                    .collect()
            })
            .collect();
        let max_lines = (((plan.col_w - 2.0) / lh).floor() as usize).max(1);
        // Header height: the smallest that fits every label in the allowed lines.
        let mut header_h = 120.0;
        for cand in [50.0, 65.0, 80.0, 95.0, 110.0, 120.0] {
            if col_names.iter().all(|n| self.wrap(head_style.face, head_style.size, n, cand - 8.0).len() <= max_lines) {
                header_h = cand;
                break;
            }
        }
        let labels: Vec<Vec<String>> =
            col_names.iter().map(|n| self.header_label(head_style, n, header_h - 8.0, max_lines)).collect();
        let row_h: Vec<f32> = row_heads
            .iter()
            .zip(&extra_lines)
            .zip(&spec.rows)
            .map(|((l, e), row)| {
                let n = l.len().max(if spec.extra_w > 0.0 { e.len() } else { 0 });
                (n as f32 * row.head_style.leading() + 2.0 * 2.5).max(15.0)
            })
            .collect();
        let ncols = col_names.len();
        // A caption line (which columns and rows a page shows) when the grid takes more than one page.
        let one_page = plan.groups == 1
            && self.landscape == plan.landscape
            && header_h + row_h.iter().sum::<f32>() + 2.0 <= self.room();
        let caption_h = if one_page { 0.0 } else { GRID_CAPTION.leading() + 3.0 };
        for g in 0..plan.groups {
            let c0 = g * plan.per_group;
            let c1 = ((g + 1) * plan.per_group).min(ncols);
            let mut r = 0;
            let mut first = true;
            loop {
                let continue_here =
                    first && g == 0 && self.landscape == plan.landscape && self.room() >= header_h + 80.0;
                if !continue_here {
                    self.new_page(plan.landscape);
                }
                let caption_y = self.y;
                let r0 = r;
                self.y += caption_h;
                // Header row.
                let x0 = self.left();
                let y0 = self.y;
                let heads_w = spec.row_head_w + spec.extra_w;
                self.fill(x0, y0, heads_w + (c1 - c0) as f32 * plan.col_w, header_h, HEAD_FILL);
                let corner = Style::new(Face::Bold, 8.0, NAVY);
                let t = self.clean(corner.face, spec.corner);
                self.text_at(x0 + PAD_X, y0 + header_h - 5.0, corner, t);
                if spec.extra_w > 0.0 {
                    let t = self.clean(corner.face, spec.extra_title);
                    self.text_at(x0 + spec.row_head_w + PAD_X, y0 + header_h - 5.0, corner, t);
                }
                for (k, c) in (c0..c1).enumerate() {
                    let cx = x0 + heads_w + k as f32 * plan.col_w;
                    if k > 0 {
                        self.fill(cx - 0.4, y0, 0.8, header_h, WHITE);
                    }
                    let lines = &labels[c];
                    let block = lines.len() as f32 * lh;
                    let center = cx + plan.col_w / 2.0;
                    for (j, line) in lines.iter().enumerate() {
                        let bx = center - block / 2.0 + j as f32 * lh + head_style.size * 0.98;
                        self.run(bx, y0 + header_h - 4.0, head_style, line.clone(), true);
                    }
                }
                self.y = y0 + header_h;
                self.hrule(x0, self.y, heads_w + (c1 - c0) as f32 * plan.col_w, 0.8, NAVY);
                self.y += 0.4;
                // Rows.
                while r < spec.rows.len() && self.y + row_h[r] <= self.bottom() {
                    let y = self.y;
                    let h = row_h[r];
                    let row = &spec.rows[r];
                    let zebra = r % 2 == 1;
                    if zebra {
                        self.fill(x0, y, heads_w, h, ZEBRA);
                    }
                    let st = row.head_style;
                    let n = row_heads[r].len() as f32;
                    let mut ty = y + (h - n * st.leading()) / 2.0 + st.ascent();
                    for line in &row_heads[r] {
                        self.text_at(x0 + PAD_X, ty, st, line.clone());
                        ty += st.leading();
                    }
                    if spec.extra_w > 0.0 {
                        let es = Style::new(Face::Regular, 7.5, MUTED);
                        let n = extra_lines[r].len() as f32;
                        let mut ty = y + (h - n * st.leading()) / 2.0 + es.ascent() + (st.size - es.size) / 2.0;
                        for line in &extra_lines[r] {
                            self.text_at(x0 + spec.row_head_w + PAD_X, ty, es, line.clone());
                            ty += st.leading();
                        }
                    }
                    for (k, c) in (c0..c1).enumerate() {
                        let cx = x0 + heads_w + k as f32 * plan.col_w;
                        match &cells[r][c] {
                            Some((fill, text, style)) => {
                                self.fill(cx + 0.6, y + 0.6, plan.col_w - 1.2, h - 1.2, *fill);
                                let tw = self.width(style.face, style.size, text);
                                self.text_at(
                                    cx + (plan.col_w - tw) / 2.0,
                                    y + h / 2.0 + style.size * 0.36,
                                    *style,
                                    text.clone(),
                                );
                            }
                            None if zebra => self.fill(cx + 0.6, y + 0.6, plan.col_w - 1.2, h - 1.2, ZEBRA),
                            None => {}
                        }
                    }
                    self.y += h;
                    r += 1;
                }
                self.hrule(x0, self.y, heads_w + (c1 - c0) as f32 * plan.col_w, 0.6, RULE);
                let end_y = self.y;
                self.y = caption_y;
                let page = GridPage { cols: c0..c1, rows: r0..r, group_start: first, caption: caption_h > 0.0 };
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
    pub cols: std::ops::Range<usize>,
    pub rows: std::ops::Range<usize>,
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

/// Byte length of a list marker at the start of a paragraph ("1. ", "12) ", "a. ", "- ", "• "),
/// including the space after it.
fn list_marker(p: &str) -> Option<usize> {
    let b = p.as_bytes();
    for prefix in ["- ", "* ", "\u{2022} ", "\u{2013} "] {
        if p.starts_with(prefix) {
            return Some(prefix.len());
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let n = if digits > 0 && digits <= 3 {
        digits
    } else if b.len() > 2 && b[0].is_ascii_lowercase() && matches!(b[1], b'.' | b')') {
        1
    } else {
        return None;
    };
    (b.len() > n + 1 && matches!(b[n], b'.' | b')') && b[n + 1] == b' ').then_some(n + 2)
}

/// Rounds a coordinate to 1/100 pt, which keeps the content streams short.
pub(crate) fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        Doc::new()
    }

    const SAMPLES: [&str; 6] = [
        "The agent pauses every pending change and retries the health check every five minutes.",
        "platforms[google-ads-emea].contract.required_latency.amount changed from 15 to 30",
        "https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "1. Transient errors: retry with backoff.\n2. Validation errors: never retry; alert the owner at once.",
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "Zoë Ångström — Straße, Ελληνικά, Русский: “quoted” text with ±5 % and €1,000.",
    ];

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        let d = doc();
        for text in SAMPLES {
            for width in [20.0, 45.0, 80.0, 150.0, 400.0] {
                for (dx, line) in d.wrap_hanging(Face::Regular, 8.5, text, width) {
                    let w = dx + d.width(Face::Regular, 8.5, &line);
                    // A single glyph wider than the column is the only allowed overflow.
                    assert!(w <= width + 0.01 || line.chars().count() == 1, "{line:?} is {w} wide in {width}");
                }
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_character() {
        let d = doc();
        for text in SAMPLES {
            let lines = d.wrap(Face::Bold, 9.0, text, 60.0);
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squash(&lines.concat()), squash(text));
        }
    }

    #[test]
    fn runs_of_blank_lines_collapse_into_one() {
        let d = doc();
        let lines = d.wrap(Face::Regular, 9.0, "one\n\n\n\ntwo\n\n", 200.0);
        assert_eq!(lines, vec!["one", "", "two"]);
    }

    #[test]
    fn list_items_get_a_hanging_indent() {
        let d = doc();
        let text = "12. A numbered item that is long enough to wrap onto a second line here";
        let lines = d.wrap_hanging(Face::Regular, 9.0, text, 150.0);
        assert!(lines.len() > 1);
        assert_eq!(lines[0].0, 0.0);
        assert!(lines[0].1.starts_with("12. A"));
        let indent = d.width(Face::Regular, 9.0, "12. ");
        assert!(lines[1..].iter().all(|(dx, _)| (*dx - indent).abs() < 0.01));
        assert_eq!(list_marker("a) item"), Some(3));
        assert_eq!(list_marker("- item"), Some(2));
        assert_eq!(list_marker("2026-01-01 is a date"), None);
        assert_eq!(list_marker("1.5 million"), None);
    }

    #[test]
    fn missing_characters_are_replaced_and_recorded() {
        let mut d = doc();
        let clean = d.clean(Face::Regular, "tab\there 漢 ok");
        assert_eq!(clean, "tab here \u{FFFD} ok");
        assert_eq!(d.missing.iter().copied().collect::<Vec<_>>(), vec!['漢']);
    }

    #[test]
    fn truncation_fits_and_ends_with_an_ellipsis() {
        let d = doc();
        let t = d.truncate(Face::Regular, 8.0, "A very long framework name that does not fit", 80.0);
        assert!(t.ends_with('\u{2026}'));
        assert!(d.width(Face::Regular, 8.0, &t) <= 80.0);
    }
}
