//! The report's content (SPEC section 4), written onto [`Doc`] pages: a cover, a contents page and
//! the numbered sections of [`SECTIONS_3`] (report formats 2 and 3) or [`SECTIONS_4`] (format 4,
//! with compliance rules and coverage), which give their order, numbers, titles, contents entries
//! and outline entries. Each section is one file; what they share is in `blocks`, `findings`,
//! `grids`, `format` and `context`.

mod blocks;
mod capabilities;
mod changes;
mod compliance_rules;
mod contents;
mod context;
mod contracts;
mod cover;
mod coverage;
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

/// The numbered sections of report formats 2 and 3, in order; each starts a page and has an entry
/// in the contents and outline.
const SECTIONS_3: [SectionDef; 12] = [
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
    CHANGES,
    SIGN_OFF,
];

/// The numbered sections of report format 4: those of format 3 with the compliance rules (in the
/// model's order, after the hard stops) and the coverage of the obligation catalogues (after the
/// last part of the framework).
const SECTIONS_4: [SectionDef; 14] = [
    framework(Section::Framework, scope::render),
    framework(Section::Parties, parties::render),
    framework(Section::Capabilities, capabilities::render),
    framework(Section::Matrix, matrix::render),
    framework(Section::Platforms, contracts::render),
    framework(Section::Raci, raci::render),
    framework(Section::DataQuality, data_quality::render),
    framework(Section::HardStops, hard_stops::render),
    framework(Section::ComplianceRules, compliance_rules::render),
    framework(Section::OverridePolicy, override_policy::render),
    framework(Section::ReviewSchedule, review_schedule::render),
    framework(Section::Coverage, coverage::render),
    CHANGES,
    SIGN_OFF,
];

const CHANGES: SectionDef =
    SectionDef { title: "Changes since the previous version", part: Part::Changes, render: changes::render };
const SIGN_OFF: SectionDef = SectionDef { title: "Sign-off", part: Part::SignOff, render: signoff::render };

/// The numbered sections of a report format.
fn sections(format: u32) -> &'static [SectionDef] {
    if format >= 4 {
        &SECTIONS_4
    } else {
        &SECTIONS_3
    }
}

/// A section that shows one part of the framework, titled as findings name that part.
const fn framework(s: Section, render: fn(&mut Doc, &Ctx, Opening)) -> SectionDef {
    SectionDef { title: s.label(), part: Part::Framework, render }
}

/// Section titles of the current report format, in order.
pub const TITLES: [&str; SECTIONS_4.len()] = {
    let mut t = [""; SECTIONS_4.len()];
    let mut i = 0;
    while i < SECTIONS_4.len() {
        t[i] = SECTIONS_4[i].title;
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

/// The numbers of the sections about `part` in report format `format`, first and last (1-based).
fn numbers_of(format: u32, part: Part) -> (usize, usize) {
    let mut numbers = sections(format).iter().enumerate().filter(|(_, s)| s.part == part).map(|(i, _)| i + 1);
    let first = numbers.next().unwrap_or(0);
    (first, numbers.next_back().unwrap_or(first))
}

pub(crate) fn write(doc: &mut Doc, data: &ReportData) {
    let ctx = Ctx::new(data, doc.format);
    cover::render(doc, &ctx);
    let contents_page = contents::reserve(doc);
    // The outline entry of each section, for the contents page.
    let mut entries = Vec::new();
    for (n, s) in sections(doc.format).iter().enumerate() {
        entries.push(doc.outline.len());
        (s.render)(doc, &ctx, Opening { number: n + 1, title: s.title });
    }
    contents::render(doc, &ctx, contents_page, &entries);
    furniture::render(doc, &ctx);
}
