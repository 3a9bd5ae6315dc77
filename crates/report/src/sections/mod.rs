//! The report's content (SPEC section 4), written onto [`Doc`] pages: a cover, a contents page and
//! the numbered sections of [`SECTIONS`], which give their order, numbers, titles, contents entries
//! and outline entries. Each section is one file; what they share is in `blocks`, `findings`,
//! `grids`, `format` and `context`.

mod blocks;
mod capabilities;
mod changes;
mod contents;
mod context;
mod contracts;
mod cover;
mod data_quality;
mod findings;
mod format;
mod furniture;
mod grids;
mod hard_stops;
mod matrix;
mod override_policy;
mod parties;
mod raci;
mod review_schedule;
mod scope;
mod signoff;

use governance_core::version::ReportData;
use governance_core::Section;

use crate::layout::Doc;
use context::Ctx;

pub(crate) use format::{attachment_name_for, fmt_datetime, manifest_name_for};

/// What a numbered section is about, for the sentences that describe the report's structure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Framework,
    Changes,
    SignOff,
}

/// A numbered section: its title, and the function that writes it.
struct SectionDef {
    title: &'static str,
    part: Part,
    render: fn(&mut Doc, &Ctx, Opening),
}

/// The numbered sections, in order; each starts a page and has an entry in the contents and outline.
const SECTIONS: [SectionDef; 12] = [
    framework(Section::Framework, scope::render),
    framework(Section::Parties, parties::render),
    framework(Section::Capabilities, capabilities::render),
    framework(Section::Matrix, matrix::render),
    framework(Section::Platforms, contracts::render),
    framework(Section::Raci, raci::render),
    framework(Section::DataQuality, data_quality::render),
    framework(Section::HardStops, hard_stops::render),
    framework(Section::OverridePolicy, override_policy::render),
    framework(Section::ReviewSchedule, review_schedule::render),
    SectionDef { title: "Changes since the previous version", part: Part::Changes, render: changes::render },
    SectionDef { title: "Sign-off", part: Part::SignOff, render: signoff::render },
];

/// A section that shows one part of the framework, titled as findings name that part.
const fn framework(s: Section, render: fn(&mut Doc, &Ctx, Opening)) -> SectionDef {
    SectionDef { title: s.label(), part: Part::Framework, render }
}

/// Section titles, in order.
pub const TITLES: [&str; SECTIONS.len()] = {
    let mut t = [""; SECTIONS.len()];
    let mut i = 0;
    while i < SECTIONS.len() {
        t[i] = SECTIONS[i].title;
        i += 1;
    }
    t
};

/// The start of a numbered section, handed to its render function: a section opens its first
/// page itself, once it knows whether that page is landscape.
struct Opening {
    number: usize,
    title: &'static str,
}

impl Opening {
    fn open(self, doc: &mut Doc, landscape: bool) {
        doc.head = format!("{}   {}", self.number, self.title);
        doc.new_page(landscape);
        doc.bookmark(0, &format!("{}. {}", self.number, self.title), doc.y);
        blocks::heading1(doc, &self.number.to_string(), self.title);
    }
}

/// The numbers of the sections about `part`, first and last (1-based).
fn numbers_of(part: Part) -> (usize, usize) {
    let mut numbers = SECTIONS.iter().enumerate().filter(|(_, s)| s.part == part).map(|(i, _)| i + 1);
    let first = numbers.next().unwrap_or(0);
    (first, numbers.next_back().unwrap_or(first))
}

pub(crate) fn write(doc: &mut Doc, data: &ReportData) {
    let ctx = Ctx::new(data);
    cover::render(doc, &ctx);
    let contents_page = contents::reserve(doc);
    // The outline entry of each section, for the contents page.
    let mut entries = Vec::new();
    for (n, s) in SECTIONS.iter().enumerate() {
        entries.push(doc.outline.len());
        (s.render)(doc, &ctx, Opening { number: n + 1, title: s.title });
    }
    contents::render(doc, &ctx, contents_page, &entries);
    furniture::render(doc, &ctx);
}
