//! Text: the one place that knows how characters become glyphs on a line. It checks coverage
//! (replacing what the fonts lack), measures, breaks lines, shortens, records which characters each
//! face must embed, and writes placed runs as PDF text operations. Layout and sections only ask it
//! for widths and lines, so shaping, bidi or font fallback change this module and `fonts` alone.

use std::collections::BTreeSet;

use printpdf::{Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use crate::fonts::{font_id, CharSet, Face, Fonts, REPLACEMENT};
use crate::style::Rgb;

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
    /// The width of the box the line is set in: a right-to-left line is aligned to its right
    /// edge (report format 3 and later).
    pub box_w: Option<f32>,
}

/// Measures and breaks text, and remembers every character drawn (for subsetting) and every
/// character the fonts lack (for the report's missing-glyph list).
pub(crate) struct Text {
    pub fonts: &'static Fonts,
    pub used: [CharSet; 2],
    pub missing: BTreeSet<char>,
    /// Report format 3 and later: every script, with font fallback, bidi and shaping
    /// (`crate::shaping`). Format 2 drew DejaVu Sans alone, one glyph per character.
    pub shaped: bool,
}

impl Text {
    /// Text as report format 2 sets it.
    pub(crate) fn new() -> Text {
        Text {
            fonts: Fonts::get(),
            used: [CharSet::default(), CharSet::default()],
            missing: BTreeSet::new(),
            shaped: false,
        }
    }

    /// Text as report format 3 sets it.
    pub(crate) fn shaped() -> Text {
        Text { shaped: true, ..Text::new() }
    }

    /// Replaces characters the fonts lack by U+FFFD (recording them) and tabs by spaces.
    pub(crate) fn clean(&mut self, face: Face, text: &str) -> String {
        if self.shaped {
            return crate::shaping::clean(text, face == Face::Bold, &mut self.missing);
        }
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
        if self.shaped {
            return crate::shaping::width_em(text, face == Face::Bold) * size;
        }
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
        let mut lines = Vec::new();
        for para in text.split('\n') {
            // Runs of blank lines collapse into one.
            if para.trim().is_empty() {
                if lines.last().is_some_and(|l: &String| !l.is_empty()) {
                    lines.push(String::new());
                }
                continue;
            }
            if self.shaped {
                crate::shaping::wrap_paragraph(para, width, size, face == Face::Bold, &mut lines);
            } else {
                wrap_paragraph(para, width, &adv, &mut lines);
            }
        }
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines
    }

    /// Wraps cleaned text like [`Text::wrap`], but gives list items ("1. ", "a) ", "- ", "• ") a
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
        if self.shaped {
            return crate::shaping::truncate(text, width, size, face == Face::Bold);
        }
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

    /// Notes that `text` is drawn in `face`, so that the subset keeps its glyphs.
    pub(crate) fn record(&mut self, face: Face, text: &str) {
        // Format 3 collects glyphs, not characters, when the pages are written.
        if self.shaped {
            return;
        }
        let set = &mut self.used[face.index()];
        for c in text.chars() {
            set.insert(c);
        }
    }
}

/// Wraps one paragraph (no line breaks in it) onto `lines`.
fn wrap_paragraph(para: &str, width: f32, adv: &dyn Fn(char) -> f32, lines: &mut Vec<String>) {
    let space = adv(' ');
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
            (line, line_w) = break_word(word, width, adv, lines);
        }
    }
    lines.push(line);
}

/// Breaks a word longer than a line: fills each line, going back to the last break opportunity.
/// Pushes the full lines and returns the last, unfinished one with its width.
fn break_word(word: &str, width: f32, adv: &dyn Fn(char) -> f32, lines: &mut Vec<String>) -> (String, f32) {
    let chars: Vec<char> = word.chars().collect();
    let mut start = 0;
    let mut rest = (String::new(), 0.0);
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
            rest = (chars[start..end].iter().collect(), chars[start..end].iter().map(|c| adv(*c)).sum());
        }
        start = end;
    }
    rest
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

/// The text operations of one page's runs, in drawing order. `fill` is the fill colour in force
/// before them (set by the page's rectangles) and is kept up to date.
pub(crate) fn page_text_ops(runs: &[Run], page_h: f32, fill: &mut Option<Rgb>, ops: &mut Vec<Op>) {
    if runs.is_empty() {
        return;
    }
    ops.push(Op::StartTextSection);
    let mut font: Option<(Face, f32)> = None;
    for r in runs {
        if font != Some((r.face, r.size)) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(r.face)), size: Pt(r.size) });
            font = Some((r.face, r.size));
        }
        if *fill != Some(r.color) {
            ops.push(Op::SetFillColor { col: r.color.pdf() });
            *fill = Some(r.color);
        }
        let y = crate::layout::round(page_h - r.y);
        let m = if r.rotated { [0.0, 1.0, -1.0, 0.0, r.x, y] } else { [1.0, 0.0, 0.0, 1.0, r.x, y] };
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw(m) });
        ops.push(Op::ShowText { items: vec![TextItem::Text(r.text.clone())] });
    }
    ops.push(Op::EndTextSection);
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let t = Text::new();
        for text in SAMPLES {
            for width in [20.0, 45.0, 80.0, 150.0, 400.0] {
                for (dx, line) in t.wrap_hanging(Face::Regular, 8.5, text, width) {
                    let w = dx + t.width(Face::Regular, 8.5, &line);
                    // A single glyph wider than the column is the only allowed overflow.
                    assert!(w <= width + 0.01 || line.chars().count() == 1, "{line:?} is {w} wide in {width}");
                }
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_character() {
        let t = Text::new();
        for text in SAMPLES {
            let lines = t.wrap(Face::Bold, 9.0, text, 60.0);
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(squash(&lines.concat()), squash(text));
        }
    }

    #[test]
    fn runs_of_blank_lines_collapse_into_one() {
        let t = Text::new();
        let lines = t.wrap(Face::Regular, 9.0, "one\n\n\n\ntwo\n\n", 200.0);
        assert_eq!(lines, vec!["one", "", "two"]);
    }

    #[test]
    fn list_items_get_a_hanging_indent() {
        let t = Text::new();
        let text = "12. A numbered item that is long enough to wrap onto a second line here";
        let lines = t.wrap_hanging(Face::Regular, 9.0, text, 150.0);
        assert!(lines.len() > 1);
        assert_eq!(lines[0].0, 0.0);
        assert!(lines[0].1.starts_with("12. A"));
        let indent = t.width(Face::Regular, 9.0, "12. ");
        assert!(lines[1..].iter().all(|(dx, _)| (*dx - indent).abs() < 0.01));
        assert_eq!(list_marker("a) item"), Some(3));
        assert_eq!(list_marker("- item"), Some(2));
        assert_eq!(list_marker("2026-01-01 is a date"), None);
        assert_eq!(list_marker("1.5 million"), None);
    }

    #[test]
    fn missing_characters_are_replaced_and_recorded() {
        let mut t = Text::new();
        let clean = t.clean(Face::Regular, "tab\there 漢 ok");
        assert_eq!(clean, "tab here \u{FFFD} ok");
        assert_eq!(t.missing.iter().copied().collect::<Vec<_>>(), vec!['漢']);
    }

    #[test]
    fn truncation_fits_and_ends_with_an_ellipsis() {
        let t = Text::new();
        let s = t.truncate(Face::Regular, 8.0, "A very long framework name that does not fit", 80.0);
        assert!(s.ends_with('\u{2026}'));
        assert!(t.width(Face::Regular, 8.0, &s) <= 80.0);
    }
}
