//! The report's colours and text styles, named once: every page, table and grid draws with these.

use governance_core::{RaciRole, Support};

use crate::fonts::Face;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Rgb(pub u32);

impl Rgb {
    pub(crate) fn parts(self) -> (f32, f32, f32) {
        let c = |s: u32| ((self.0 >> s) & 0xff) as f32 / 255.0;
        (c(16), c(8), c(0))
    }

    pub(crate) fn pdf(self) -> printpdf::Color {
        let (r, g, b) = self.parts();
        printpdf::Color::Rgb(printpdf::Rgb { r, g, b, icc_profile: None })
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
pub(crate) const ERROR_RED: Rgb = Rgb(0xa3261b);
pub(crate) const WARN_AMBER: Rgb = Rgb(0x8a5a00);
/// Text that says something is fine (full support, an added item, a matching hash).
pub(crate) const GOOD_GREEN: Rgb = Rgb(0x1d6a33);
/// The background of a cell that is wrong (unsupported, two RACI letters for one party).
pub(crate) const ERROR_FILL: Rgb = Rgb(0xf3c3bd);

/// Fill and ink of a matrix cell; the symbol and name that go with them are in `labels`.
pub(crate) fn support_colors(s: Support) -> (Rgb, Rgb) {
    match s {
        Support::Full => (Rgb(0xcde9d1), GOOD_GREEN),
        Support::Partial => (Rgb(0xfbe2a4), Rgb(0x7a4d00)),
        Support::Unsupported => (ERROR_FILL, Rgb(0x8e281d)),
        Support::Untested => (Rgb(0xe6e9ed), Rgb(0x464c55)),
    }
}

/// Fill and ink of a RACI letter.
pub(crate) fn raci_colors(r: RaciRole) -> (Rgb, Rgb) {
    match r {
        RaciRole::A => (NAVY, WHITE),
        RaciRole::R => (Rgb(0x4a78b0), WHITE),
        RaciRole::C => (Rgb(0xcfe0f2), NAVY),
        RaciRole::I => (Rgb(0xeceff3), Rgb(0x3d434b)),
    }
}

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
pub(crate) const NOTE: Style = Style::new(Face::Regular, 8.5, MUTED);
pub(crate) const SMALL_MUTED: Style = Style::new(Face::Regular, 7.5, MUTED);
pub(crate) const H1: Style = Style::new(Face::Bold, 17.0, NAVY);
pub(crate) const H2: Style = Style::new(Face::Bold, 11.5, NAVY);
pub(crate) const H3: Style = Style::new(Face::Bold, 9.5, INK);
pub(crate) const CELL: Style = Style::new(Face::Regular, 8.5, INK);
pub(crate) const CELL_BOLD: Style = Style::new(Face::Bold, 8.5, INK);
pub(crate) const CELL_MUTED: Style = Style::new(Face::Regular, 8.5, MUTED);
pub(crate) const HEADER: Style = Style::new(Face::Bold, 8.5, NAVY);
pub(crate) const GRID_CAPTION: Style = Style::new(Face::Regular, 8.5, MUTED);
