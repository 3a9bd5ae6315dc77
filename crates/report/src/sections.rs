//! The report's content, section by section (SPEC section 4), written onto [`Doc`] pages.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use governance_core::diff::{Change, ChangeKind};
use governance_core::{
    BreachAction, Cadence, DecisionMode, Finding, GovernanceLayer, HardStopKind, MatrixCell, OperatingMode, PartyKind,
    PlatformKind, RaciRole, RiskLevel, Section, Severity, Support, UnavailableBehaviour,
};
use serde_json::Value;

use crate::fonts::Face;
use crate::layout::*;
use crate::ReportInput;

/// Section titles, in order; each starts a page and has an entry in the contents and outline.
pub const TITLES: [&str; 12] = [
    "Scope and jurisdictions",
    "Parties",
    "Capabilities",
    "Compatibility matrix",
    "Interoperability contracts",
    "RACI chart",
    "Data-quality standards",
    "Hard stops",
    "Override policy",
    "Review schedule",
    "Changes since the previous version",
    "Sign-off",
];

const ERROR_RED: Rgb = Rgb(0xa3261b);
const WARN_AMBER: Rgb = Rgb(0x8a5a00);

const H1: Style = Style::new(Face::Bold, 17.0, NAVY);
const H2: Style = Style::new(Face::Bold, 11.5, NAVY);
const H3: Style = Style::new(Face::Bold, 9.5, INK);
const NOTE: Style = Style::new(Face::Regular, 8.5, MUTED);
const SMALL_MUTED: Style = Style::new(Face::Regular, 7.5, MUTED);

struct Ctx<'a> {
    input: &'a ReportInput<'a>,
    fw: &'a governance_core::Framework,
    party: HashMap<&'a str, &'a governance_core::Party>,
    platform: HashMap<&'a str, &'a str>,
    capability: HashMap<&'a str, &'a str>,
    activity: HashMap<&'a str, &'a str>,
    standard: HashMap<&'a str, &'a str>,
    hard_stop: HashMap<&'a str, &'a str>,
}

impl<'a> Ctx<'a> {
    fn new(input: &'a ReportInput<'a>) -> Ctx<'a> {
        let fw = input.framework;
        Ctx {
            input,
            fw,
            party: fw.parties.iter().map(|p| (p.id.as_str(), p)).collect(),
            platform: fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect(),
            capability: fw.capabilities.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect(),
            activity: fw.raci.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect(),
            standard: fw.data_quality.iter().map(|d| (d.id.as_str(), d.data_input.as_str())).collect(),
            hard_stop: fw.hard_stops.iter().map(|h| (h.id.as_str(), h.name.as_str())).collect(),
        }
    }

    fn party_name(&self, id: &str) -> String {
        self.party.get(id).map_or_else(|| format!("{id} (unknown party)"), |p| p.name.clone())
    }

    fn party_line(&self, id: &str) -> String {
        match self.party.get(id) {
            Some(p) if !p.title.is_empty() => format!("{}, {}", p.name, p.title),
            Some(p) => p.name.clone(),
            None => format!("{id} (unknown party)"),
        }
    }

    fn platform_name(&self, id: &str) -> String {
        self.platform.get(id).map_or_else(|| format!("{id} (unknown platform)"), |n| (*n).to_owned())
    }

    /// A readable name for a finding's item.
    fn item_name(&self, f: &Finding) -> String {
        let Some(item) = f.item.as_deref() else {
            return String::new();
        };
        let found = match f.section {
            Section::Parties => self.party.get(item).map(|p| p.name.clone()),
            Section::Platforms => self.platform.get(item).map(|s| (*s).to_owned()),
            Section::Capabilities => self.capability.get(item).map(|s| (*s).to_owned()),
            Section::Raci => self
                .activity
                .get(item)
                .map(|s| (*s).to_owned())
                .or_else(|| self.party.get(item).map(|p| p.name.clone())),
            Section::DataQuality => self.standard.get(item).map(|s| (*s).to_owned()),
            Section::HardStops => self.hard_stop.get(item).map(|s| (*s).to_owned()),
            Section::Matrix => item.split_once('/').map(|(c, p)| {
                format!(
                    "{} on {}",
                    self.capability.get(c).copied().unwrap_or(c),
                    self.platform.get(p).copied().unwrap_or(p)
                )
            }),
            _ => None,
        };
        found.unwrap_or_else(|| item.to_owned())
    }
}

// ---- formatting ----

pub(crate) fn fmt_datetime(d: &DateTime<Utc>) -> String {
    d.format("%-d %B %Y, %H:%M UTC").to_string()
}

fn fmt_date(d: &NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn money(amount: &str, currency: &str) -> String {
    let (int, frac) = amount.split_once('.').map_or((amount, None), |(i, f)| (i, Some(f)));
    let grouped = if int.bytes().all(|b| b.is_ascii_digit()) && !int.is_empty() {
        let n = int.trim_start_matches('0');
        let n = if n.is_empty() { "0" } else { n };
        let mut out = String::new();
        for (i, c) in n.chars().enumerate() {
            if i > 0 && (n.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        int.to_owned()
    };
    match frac {
        Some(f) => format!("{currency} {grouped}.{f}"),
        None => format!("{currency} {grouped}"),
    }
}

fn pct(v: f64) -> String {
    format!("{v}%")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn platform_kind(k: PlatformKind) -> &'static str {
    match k {
        PlatformKind::AdPlatform => "Ad platform",
        PlatformKind::Social => "Social",
        PlatformKind::CreatorPlatform => "Creator platform",
        PlatformKind::Cdp => "Customer data platform (CDP)",
        PlatformKind::Dsp => "Demand-side platform (DSP)",
        PlatformKind::Crm => "CRM",
        PlatformKind::Analytics => "Analytics",
        PlatformKind::Other => "Other",
    }
}

fn party_kind(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Person => "Person",
        PartyKind::Team => "Team",
        PartyKind::Vendor => "Vendor",
    }
}

fn risk(r: RiskLevel) -> &'static str {
    match r {
        RiskLevel::Low => "Low",
        RiskLevel::Medium => "Medium",
        RiskLevel::High => "High",
    }
}

fn decision_mode(m: DecisionMode) -> &'static str {
    match m {
        DecisionMode::Autonomous => "Autonomous",
        DecisionMode::ConfidenceThreshold => "Confidence threshold + audit log",
        DecisionMode::HumanApproval => "Human approval",
    }
}

fn unavailable(b: UnavailableBehaviour) -> &'static str {
    match b {
        UnavailableBehaviour::Pause => "Pause",
        UnavailableBehaviour::SafeDefault => "Safe default",
        UnavailableBehaviour::NoWorkaround => "No workaround allowed",
        UnavailableBehaviour::Other => "Other",
    }
}

fn layer(l: GovernanceLayer) -> &'static str {
    match l {
        GovernanceLayer::WorkflowDesign => "Workflow design",
        GovernanceLayer::DataQuality => "Data quality",
        GovernanceLayer::OverridePolicy => "Override policy",
        GovernanceLayer::IncidentResponse => "Incident response",
        GovernanceLayer::Compliance => "Compliance",
        GovernanceLayer::SpendApproval => "Spend approval",
        GovernanceLayer::Other => "Other",
    }
}

fn breach(b: BreachAction) -> &'static str {
    match b {
        BreachAction::BlockAgent => "Block the agent",
        BreachAction::AlertOwner => "Alert the owner",
        BreachAction::PauseWorkflow => "Pause the workflow",
    }
}

fn hard_stop_kind(k: HardStopKind) -> &'static str {
    match k {
        HardStopKind::DailySpendCap => "Daily spend cap",
        HardStopKind::TotalSpendCap => "Total spend cap",
        HardStopKind::AudienceExclusion => "Audience exclusion list",
        HardStopKind::KeywordBlocklist => "Keyword blocklist",
    }
}

fn cadence(c: &Cadence) -> String {
    let s = c.to_string();
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
        None => s,
    }
}

fn section_name(s: Section) -> &'static str {
    match s {
        Section::Framework => "Scope and jurisdictions",
        Section::Parties => "Parties",
        Section::Platforms => "Interoperability contracts",
        Section::Capabilities => "Capabilities",
        Section::Matrix => "Compatibility matrix",
        Section::Raci => "RACI chart",
        Section::DataQuality => "Data-quality standards",
        Section::HardStops => "Hard stops",
        Section::OverridePolicy => "Override policy",
        Section::ReviewSchedule => "Review schedule",
    }
}

pub(crate) fn support_look(s: Support) -> (Rgb, Rgb, &'static str, &'static str) {
    match s {
        Support::Full => (Rgb(0xcde9d1), Rgb(0x1d6a33), "\u{25CF}", "Full"),
        Support::Partial => (Rgb(0xfbe2a4), Rgb(0x7a4d00), "\u{25D0}", "Partial"),
        Support::Unsupported => (Rgb(0xf3c3bd), Rgb(0x8e281d), "\u{2715}", "Unsupported"),
        Support::Untested => (Rgb(0xe6e9ed), Rgb(0x464c55), "?", "Untested"),
    }
}

fn mode_letter(m: OperatingMode) -> &'static str {
    match m {
        OperatingMode::Normal => "N",
        OperatingMode::Constrained => "C",
        OperatingMode::Disabled => "D",
    }
}

fn mode_title(m: OperatingMode) -> &'static str {
    match m {
        OperatingMode::Normal => "Normal",
        OperatingMode::Constrained => "Constrained",
        OperatingMode::Disabled => "Disabled",
    }
}

pub(crate) fn raci_look(r: RaciRole) -> (Rgb, Rgb, &'static str) {
    match r {
        RaciRole::A => (Rgb(0x1f3a5f), WHITE, "A"),
        RaciRole::R => (Rgb(0x4a78b0), WHITE, "R"),
        RaciRole::C => (Rgb(0xcfe0f2), Rgb(0x1f3a5f), "C"),
        RaciRole::I => (Rgb(0xeceff3), Rgb(0x3d434b), "I"),
    }
}

// ---- building blocks ----

/// Starts section `n` on a new page and returns its outline index.
fn section(doc: &mut Doc, n: usize, landscape: bool) -> usize {
    let title = TITLES[n];
    doc.head = format!("{}   {}", n + 1, title);
    doc.new_page(landscape);
    let id = doc.bookmark(0, &format!("{}. {}", n + 1, title), doc.y);
    heading1(doc, &format!("{}", n + 1), title);
    id
}

fn heading1(doc: &mut Doc, number: &str, title: &str) {
    let x = doc.left();
    let y = doc.y + H1.ascent();
    let mut tx = x;
    if !number.is_empty() {
        let num = Style { color: MUTED, ..H1 };
        let nw = doc.width(num.face, num.size, number);
        doc.text_at(x, y, num, number.to_owned());
        tx += nw.max(12.0) + 10.0;
    }
    let t = doc.clean(H1.face, title);
    let t = doc.truncate(H1.face, H1.size, &t, doc.right() - tx);
    doc.text_at(tx, y, H1, t);
    doc.y += H1.leading() + 5.0;
    let w = doc.content_w();
    doc.hrule(x, doc.y, w, 1.2, NAVY);
    doc.y += 14.0;
}

fn h2(doc: &mut Doc, title: &str, bookmark: bool) {
    if !doc.at_top() {
        doc.gap(8.0);
    }
    doc.ensure(H2.leading() + 60.0);
    if bookmark {
        doc.bookmark(1, title, doc.y);
    }
    let t = doc.clean(H2.face, title);
    for line in doc.wrap(H2.face, H2.size, &t, doc.content_w()) {
        let y = doc.y + H2.ascent();
        doc.text_at(doc.left(), y, H2, line);
        doc.y += H2.leading();
    }
    doc.y += 4.0;
}

fn h3(doc: &mut Doc, title: &str) {
    if !doc.at_top() {
        doc.gap(6.0);
    }
    doc.ensure(H3.leading() + 40.0);
    let t = doc.clean(H3.face, title);
    let y = doc.y + H3.ascent();
    doc.text_at(doc.left(), y, H3, t);
    doc.y += H3.leading() + 3.0;
}

fn kv(doc: &mut Doc, rows: Vec<(&str, Cell)>, label_w: f32) {
    let w = doc.content_w();
    let cols = [Column::new("", label_w), Column::new("", w - label_w)];
    let rows = rows.into_iter().map(|(k, v)| vec![cell_styled(k, CELL_BOLD), v]).collect();
    doc.table(&cols, rows, &KEY_VALUE);
}

fn bullets(items: &[String], empty: &str) -> Cell {
    if items.is_empty() {
        return cell_styled(empty, CELL_MUTED);
    }
    items.iter().map(|s| Block::bullet(s.clone(), CELL)).collect()
}

fn text_or(s: &str, empty: &str) -> Cell {
    if s.trim().is_empty() {
        cell_styled(empty, CELL_MUTED)
    } else {
        cell(s)
    }
}

fn severity_cell(s: Severity) -> Cell {
    match s {
        Severity::Error => cell_styled("\u{2716} Error", Style { color: ERROR_RED, ..CELL_BOLD }),
        Severity::Warning => cell_styled("\u{25B2} Warning", Style { color: WARN_AMBER, ..CELL_BOLD }),
    }
}

/// The validation findings of some sections, or a sentence saying there are none.
fn findings(doc: &mut Doc, ctx: &Ctx, sections: &[Section], title: &str) {
    let list: Vec<&Finding> = ctx.input.findings.iter().filter(|f| sections.contains(&f.section)).collect();
    h3(doc, title);
    if list.is_empty() {
        doc.para("No validation findings.", Style { face: Face::Regular, ..NOTE }, 0.0, 4.0);
        return;
    }
    let errors = list.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = list.len() - errors;
    doc.para(
        &format!("{} and {}.", plural(errors, "error", "errors"), plural(warnings, "warning", "warnings")),
        NOTE,
        0.0,
        3.0,
    );
    let w = doc.content_w();
    let cols = [Column::new("Severity", 70.0), Column::new("Item", 150.0), Column::new("Finding", w - 220.0)];
    let rows = list
        .iter()
        .map(|f| {
            let name = ctx.item_name(f);
            let mut item = Vec::new();
            if !name.is_empty() {
                item.push(Block::new(name, CELL));
            }
            item.push(Block::new(f.path.clone(), SMALL_MUTED));
            vec![severity_cell(f.severity), item, cell(f.message.clone())]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
}

// ---- the report ----

pub(crate) fn write(doc: &mut Doc, input: &ReportInput) {
    let ctx = Ctx::new(input);
    cover(doc, &ctx);
    doc.head = "Contents".into();
    doc.new_page(false);
    let contents_page = doc.cur;
    doc.bookmark(0, "Contents", doc.y);
    let mut entries = Vec::new();
    for n in 0..TITLES.len() {
        let start = doc.outline.len();
        match n {
            0 => scope(doc, &ctx),
            1 => parties(doc, &ctx),
            2 => capabilities(doc, &ctx),
            3 => matrix(doc, &ctx),
            4 => contracts(doc, &ctx),
            5 => raci(doc, &ctx),
            6 => data_quality(doc, &ctx),
            7 => hard_stops(doc, &ctx),
            8 => override_policy(doc, &ctx),
            9 => review_schedule(doc, &ctx),
            10 => changes(doc, &ctx),
            _ => signoff(doc, &ctx),
        }
        entries.push(start);
    }
    contents(doc, &ctx, contents_page, &entries);
    decorate(doc, &ctx);
}

fn short_hash(h: &str) -> &str {
    h.get(..12).unwrap_or(h)
}

fn cover(doc: &mut Doc, ctx: &Ctx) {
    let input = ctx.input;
    let fw = ctx.fw;
    doc.head = String::new();
    doc.new_page(false);
    doc.bookmark(0, "Cover", doc.y);
    let x = doc.left();
    let w = doc.content_w();
    doc.y = 96.0;
    doc.fill(x, doc.y, w, 3.0, NAVY);
    doc.y += 22.0;
    let label = Style::new(Face::Bold, 9.0, MUTED);
    doc.text_at(x, doc.y + label.ascent(), label, "GOVERNANCE FRAMEWORK  \u{00B7}  PUBLISHED VERSION".into());
    doc.y += label.leading() + 14.0;
    let title = Style::new(Face::Bold, 24.0, NAVY);
    let t = doc.clean(title.face, &fw.name);
    for line in doc.wrap(title.face, title.size, &t, w) {
        doc.text_at(x, doc.y + title.ascent(), title, line);
        doc.y += 30.0;
    }
    doc.y += 2.0;
    if !fw.organisation.trim().is_empty() {
        doc.para(&fw.organisation, Style::new(Face::Regular, 13.0, MUTED), 0.0, 0.0);
    }
    doc.y += 26.0;
    let ver = Style::new(Face::Bold, 20.0, INK);
    doc.text_at(x, doc.y + ver.ascent(), ver, format!("Version {}", input.version));
    doc.y += ver.leading() + 2.0;
    doc.para(
        &format!("Published {}", fmt_datetime(&input.published_at)),
        Style::new(Face::Regular, 11.0, INK),
        0.0,
        26.0,
    );

    let previous = match input.previous_sha256 {
        Some(h) => cell(h),
        None => cell_styled("None: this is the first version.", CELL_MUTED),
    };
    let jurisdictions =
        if fw.jurisdictions.is_empty() { "None listed".to_owned() } else { fw.jurisdictions.join(", ") };
    kv(
        doc,
        vec![
            ("Organisation", text_or(&fw.organisation, "Not named")),
            ("Framework id", cell(fw.id.clone())),
            ("Jurisdictions", cell(jurisdictions)),
            ("Version", cell(input.version.to_string())),
            ("Published", cell(fmt_datetime(&input.published_at))),
            ("Published by", text_or(input.author, "Not recorded")),
            ("Change summary", text_or(input.summary, "No summary was written.")),
            ("Snapshot SHA-256", cell(input.snapshot_sha256)),
            ("Previous version SHA-256", previous),
        ],
        118.0,
    );
    doc.gap(14.0);
    doc.para(
        "What the hash covers: the snapshot SHA-256 is computed over the canonical JSON of this version, \
         which is attached to this file. It covers everything in this document except the sign-off page, \
         which is added after publication. The previous version's hash links this version to the one before \
         it (a hash chain).",
        NOTE,
        0.0,
        6.0,
    );
    doc.para(
        &format!(
            "Attached file: {} (canonical JSON, {}). To check that this PDF matches the stored version, run \
             \u{201C}governance verify\u{201D} on it: it recomputes the hash of the attachment and compares it \
             with the hash printed here and with the database.",
            attachment_name(ctx),
            plural(input.snapshot_json.len(), "byte", "bytes")
        ),
        NOTE,
        0.0,
        0.0,
    );
}

pub(crate) fn attachment_name_for(id: &str, version: u32) -> String {
    format!("{id}-v{version}.json")
}

fn attachment_name(ctx: &Ctx) -> String {
    attachment_name_for(&ctx.fw.id, ctx.input.version)
}

fn contents(doc: &mut Doc, ctx: &Ctx, page: usize, entries: &[usize]) {
    let (saved_cur, saved_y, saved_land) = (doc.cur, doc.y, doc.landscape);
    doc.cur = page;
    doc.y = TOP;
    doc.landscape = false;
    heading1(doc, "", "Contents");
    let x = doc.left();
    let right = doc.right();
    let num = Style::new(Face::Bold, 10.5, NAVY);
    let title = Style::new(Face::Regular, 10.5, INK);
    let dots = Style::new(Face::Regular, 10.5, RULE);
    let row_h = 21.0;
    // Leaders end at the same place on every line, before the widest page number.
    let widest = entries
        .iter()
        .map(|&oi| doc.width(num.face, num.size, &(doc.outline[oi].page + 1).to_string()))
        .fold(0.0, f32::max);
    for (n, &oi) in entries.iter().enumerate() {
        let target_page = doc.outline[oi].page;
        let y = doc.y;
        let base = y + 14.0;
        doc.text_at(x, base, num, format!("{}", n + 1));
        let t = doc.clean(title.face, TITLES[n]);
        let tw = doc.width(title.face, title.size, &t);
        doc.text_at(x + 26.0, base, title, t);
        let pn = format!("{}", target_page + 1);
        let pw = doc.width(num.face, num.size, &pn);
        doc.text_at(right - pw, base, Style { color: INK, ..num }, pn);
        let dot_w = doc.width(dots.face, dots.size, ". ");
        let from = x + 26.0 + tw + 8.0;
        let to = right - widest - 8.0;
        if to > from {
            let count = ((to - from) / dot_w).floor() as usize;
            let s = ". ".repeat(count);
            let sw = doc.width(dots.face, dots.size, &s);
            doc.text_at(to - sw, base, dots, s);
        }
        doc.pages[page].links.push(Link { x, y: y + 2.0, w: right - x, h: row_h - 2.0, target: oi });
        doc.y += row_h;
    }
    doc.y += 18.0;
    h3(doc, "About this document");
    let fw = ctx.fw;
    for p in [
        format!(
            "This report sets out version {} of the governance framework \u{201C}{}\u{201D} as published, for review \
             by legal counsel, auditors and the people named in it. Sections 1 to 10 describe the framework; \
             section 11 lists what changed since the previous version; section 12 records the sign-offs.",
            ctx.input.version, fw.name
        ),
        "Validation findings (errors and warnings from the framework's rules) are listed at the end of the \
         section they concern. Colours in the matrix and the RACI chart always come with a symbol or a letter, \
         so the report reads the same in black and white."
            .to_owned(),
        format!(
            "The canonical JSON snapshot of this version is attached to the PDF ({}), as the source of this \
             document. Its SHA-256 is printed on the cover and, shortened, in the footer of every page.",
            attachment_name(ctx)
        ),
    ] {
        doc.para(&p, Style::new(Face::Regular, 9.0, INK), 0.0, 6.0);
    }
    doc.cur = saved_cur;
    doc.y = saved_y;
    doc.landscape = saved_land;
}

fn decorate(doc: &mut Doc, ctx: &Ctx) {
    let total = doc.pages.len();
    let foot = Style::new(Face::Regular, 7.5, MUTED);
    let head = Style::new(Face::Regular, 7.5, MUTED);
    let name = doc.clean(foot.face, &ctx.fw.name);
    let org = doc.clean(head.face, &ctx.fw.organisation);
    let version = format!("Version {}", ctx.input.version);
    let hash = short_hash(ctx.input.snapshot_sha256).to_owned();
    for i in 0..total {
        doc.cur = i;
        let (w, h) = (doc.page_w(), doc.page_h());
        let x = MARGIN;
        let cw = w - 2.0 * MARGIN;
        // Running head (not on the cover).
        if i > 0 {
            let head_text = doc.pages[i].head.clone();
            let t = doc.clean(Face::Bold, &head_text);
            let hb = Style { face: Face::Bold, ..head };
            let t = doc.truncate(hb.face, hb.size, &t, cw * 0.6);
            doc.text_at(x, 38.0, hb, t);
            let o = doc.truncate(head.face, head.size, &org, cw * 0.38);
            let ow = doc.width(head.face, head.size, &o);
            doc.text_at(x + cw - ow, 38.0, head, o);
            doc.hrule(x, 44.0, cw, 0.5, RULE);
        }
        // Footer.
        doc.hrule(x, h - 46.0, cw, 0.5, RULE);
        let page = format!("Page {} of {}", i + 1, total);
        let pw = doc.width(foot.face, foot.size, &page);
        let tail = format!("  \u{00B7}  {version}  \u{00B7}  {hash}");
        let tail_w = doc.width(foot.face, foot.size, &tail);
        let n = doc.truncate(foot.face, foot.size, &name, (cw - pw - 20.0 - tail_w).max(40.0));
        doc.text_at(x, h - 34.0, foot, format!("{n}{tail}"));
        doc.text_at(x + cw - pw, h - 34.0, Style { face: Face::Bold, ..foot }, page);
    }
    doc.cur = total - 1;
}

// ---- 1 Scope ----

fn scope(doc: &mut Doc, ctx: &Ctx) {
    let fw = ctx.fw;
    section(doc, 0, false);
    h2(doc, "Framework", false);
    let jurisdictions =
        if fw.jurisdictions.is_empty() { "None listed".to_owned() } else { fw.jurisdictions.join(", ") };
    kv(
        doc,
        vec![
            ("Name", cell(fw.name.clone())),
            ("Organisation", text_or(&fw.organisation, "Not named")),
            ("Framework id", cell(fw.id.clone())),
            ("Jurisdictions", cell(jurisdictions)),
            ("Description", text_or(&fw.description, "No description.")),
        ],
        110.0,
    );

    h2(doc, "At a glance", false);
    let count = |k: PartyKind| fw.parties.iter().filter(|p| p.kind == k).count();
    let risk_count = |r: RiskLevel| fw.capabilities.iter().filter(|c| c.risk == r).count();
    let cells_total = fw.capabilities.len() * fw.platforms.len();
    let assessed = fw.matrix.iter().filter(|c| c.support != Support::Untested).count().min(cells_total);
    let holds = [
        (Section::Framework, format!("{} jurisdictions", thousands(fw.jurisdictions.len()))),
        (
            Section::Parties,
            format!(
                "{}, {}, {}",
                plural(count(PartyKind::Person), "person", "people"),
                plural(count(PartyKind::Team), "team", "teams"),
                plural(count(PartyKind::Vendor), "vendor", "vendors")
            ),
        ),
        (
            Section::Capabilities,
            format!(
                "{}: {} high, {} medium, {} low risk",
                plural(fw.capabilities.len(), "capability", "capabilities"),
                thousands(risk_count(RiskLevel::High)),
                thousands(risk_count(RiskLevel::Medium)),
                thousands(risk_count(RiskLevel::Low))
            ),
        ),
        (
            Section::Matrix,
            format!(
                "{} of {} cells assessed, {} untested",
                thousands(assessed),
                thousands(cells_total),
                thousands(cells_total - assessed)
            ),
        ),
        (Section::Platforms, plural(fw.platforms.len(), "platform", "platforms")),
        (
            Section::Raci,
            format!("{} x {} parties", plural(fw.raci.len(), "activity", "activities"), thousands(fw.parties.len())),
        ),
        (Section::DataQuality, plural(fw.data_quality.len(), "standard", "standards")),
        (Section::HardStops, plural(fw.hard_stops.len(), "hard stop", "hard stops")),
        (
            Section::OverridePolicy,
            plural(fw.override_policy.kill_switch_holders.len(), "kill-switch holder", "kill-switch holders"),
        ),
        (
            Section::ReviewSchedule,
            format!("{}; next due {}", cadence(&fw.review_schedule.cadence), fmt_date(&fw.review_schedule.next_due)),
        ),
    ];
    let w = doc.content_w();
    let cols = [
        Column::new("Section", 150.0),
        Column::new("Contents", w - 150.0 - 120.0),
        Column::centered("Errors", 60.0),
        Column::centered("Warnings", 60.0),
    ];
    let mut rows = Vec::new();
    let (mut te, mut tw) = (0, 0);
    for (s, what) in holds {
        let e = ctx.input.findings.iter().filter(|f| f.section == s && f.severity == Severity::Error).count();
        let wn = ctx.input.findings.iter().filter(|f| f.section == s && f.severity == Severity::Warning).count();
        te += e;
        tw += wn;
        let style = |n: usize, c: Rgb| if n > 0 { Style { color: c, ..CELL_BOLD } } else { CELL_MUTED };
        rows.push(vec![
            cell_styled(section_name(s), CELL_BOLD),
            cell(what),
            cell_styled(thousands(e), style(e, ERROR_RED)),
            cell_styled(thousands(wn), style(wn, WARN_AMBER)),
        ]);
    }
    rows.push(vec![
        cell_styled("Validation findings", CELL_BOLD),
        cell_styled("Listed at the end of each section", CELL_MUTED),
        cell_styled(thousands(te), CELL_BOLD),
        cell_styled(thousands(tw), CELL_BOLD),
    ]);
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Framework], "Validation findings: framework");
}

// ---- 2 Parties ----

fn parties(doc: &mut Doc, ctx: &Ctx) {
    section(doc, 1, false);
    doc.para(
        "The people, teams and vendors that hold duties under this framework. The RACI chart, data owners, \
         lift authorities, kill-switch holders and signatories refer to them.",
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Name", 135.0),
        Column::new("Title or role", 150.0),
        Column::new("Kind", 52.0),
        Column::new("Email", w - 337.0),
    ];
    let rows = ctx
        .fw
        .parties
        .iter()
        .map(|p| {
            vec![
                vec![Block::new(p.name.clone(), CELL_BOLD), Block::new(p.id.clone(), SMALL_MUTED)],
                text_or(&p.title, "\u{2014}"),
                cell(party_kind(p.kind)),
                match &p.email {
                    Some(e) => cell(e.clone()),
                    None => cell_styled("\u{2014}", CELL_MUTED),
                },
            ]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Parties], "Validation findings: parties");
}

// ---- 3 Capabilities ----

fn capabilities(doc: &mut Doc, ctx: &Ctx) {
    section(doc, 2, false);
    doc.para(
        "What the agents may do, how risky it is and how decisions are taken: autonomously, above a confidence \
         threshold with every decision logged for audit, or only after a person approves.",
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [Column::new("Capability", 250.0), Column::new("Risk", 52.0), Column::new("Decision mode", w - 302.0)];
    let rows = ctx
        .fw
        .capabilities
        .iter()
        .map(|c| {
            let mut first = vec![Block::new(c.name.clone(), CELL_BOLD)];
            if !c.description.trim().is_empty() {
                first.push(Block::new(c.description.clone(), CELL));
            }
            let risk_style = match c.risk {
                RiskLevel::High => Style { color: ERROR_RED, ..CELL_BOLD },
                RiskLevel::Medium => Style { color: WARN_AMBER, ..CELL_BOLD },
                RiskLevel::Low => CELL,
            };
            let mut mode = vec![Block::new(decision_mode(c.decision_mode), CELL_BOLD)];
            if !c.threshold.trim().is_empty() {
                mode.push(Block::new(format!("Threshold: {}", c.threshold), CELL));
            }
            vec![first, cell_styled(risk(c.risk), risk_style), mode]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Capabilities], "Validation findings: capabilities");
}

// ---- 4 Matrix ----

/// The caption line of a grid page ("Platforms 1–20 of 60 · capabilities 1–25 of 200") and, on the
/// first page of each column group, an outline entry.
#[allow(clippy::too_many_arguments)]
fn grid_caption(
    doc: &mut Doc,
    gp: &GridPage,
    grouped: bool,
    what: &str,
    cols: &str,
    rows: &str,
    ncols: usize,
    nrows: usize,
) {
    if gp.group_start && grouped {
        doc.bookmark(1, &format!("{what}: {cols} {}\u{2013}{} of {ncols}", gp.cols.start + 1, gp.cols.end), doc.y);
    }
    if !gp.caption {
        return;
    }
    let range = |r: &std::ops::Range<usize>, n: usize| {
        if r.is_empty() {
            format!("none of {n}")
        } else if r.len() == 1 {
            format!("{} of {n}", r.start + 1)
        } else {
            format!("{}\u{2013}{} of {n}", r.start + 1, r.end)
        }
    };
    let mut text = String::new();
    if grouped {
        let mut c = cols.to_owned();
        c[..1].make_ascii_uppercase();
        text.push_str(&format!("{c} {} \u{00B7} ", range(&gp.cols, ncols)));
        text.push_str(&format!("{rows} {}", range(&gp.rows, nrows)));
    } else {
        let mut r = rows.to_owned();
        r[..1].make_ascii_uppercase();
        text.push_str(&format!("{r} {}", range(&gp.rows, nrows)));
    }
    let y = doc.y + GRID_CAPTION.ascent();
    let x = doc.left();
    doc.text_at(x, y, GRID_CAPTION, text);
}

fn swatch(doc: &mut Doc, x: f32, y: f32, fill: Rgb, ink: Rgb, symbol: &str, label: &str) -> f32 {
    let st = Style::new(Face::Regular, 7.5, ink);
    doc.fill(x, y, 22.0, 12.0, fill);
    let sw = doc.width(st.face, st.size, symbol);
    doc.text_at(x + (22.0 - sw) / 2.0, y + 8.8, st, symbol.to_owned());
    let lab = Style::new(Face::Regular, 8.5, INK);
    let l = doc.clean(lab.face, label);
    let lw = doc.width(lab.face, lab.size, &l);
    doc.text_at(x + 27.0, y + 9.0, lab, l);
    x + 27.0 + lw + 16.0
}

fn matrix(doc: &mut Doc, ctx: &Ctx) {
    let fw = ctx.fw;
    let cells: HashMap<(&str, &str), &MatrixCell> =
        fw.matrix.iter().map(|c| ((c.capability.as_str(), c.platform.as_str()), c)).collect();
    let cell_style = Style::new(Face::Regular, 7.5, INK);
    let rows: Vec<GridRow> = fw
        .capabilities
        .iter()
        .map(|cap| GridRow {
            head: cap.name.clone(),
            head_style: Style::new(Face::Regular, 8.0, INK),
            extra: String::new(),
            cells: fw
                .platforms
                .iter()
                .map(|p| {
                    let (support, mode) = match cells.get(&(cap.id.as_str(), p.id.as_str())) {
                        Some(c) => (c.support, Some(c.mode)),
                        None => (Support::Untested, None),
                    };
                    let (fill, ink, sym, _) = support_look(support);
                    let text = match mode {
                        Some(m) => format!("{sym}\u{2009}{}", mode_letter(m)),
                        None => sym.to_owned(),
                    };
                    Some(GridCell { fill, text, style: Style { color: ink, ..cell_style } })
                })
                .collect(),
        })
        .collect();
    let spec = GridSpec {
        corner: "Capability",
        extra_title: "",
        col_names: fw.platforms.iter().map(|p| p.name.clone()).collect(),
        rows,
        row_head_w: if fw.platforms.len() as f32 * 26.0 + 170.0 <= Doc::content_w_for(false) { 170.0 } else { 200.0 },
        extra_w: 0.0,
        min_col_w: 26.0,
        max_col_w: 40.0,
    };
    let plan = spec.plan();
    section(doc, 3, plan.landscape);
    doc.para(
        "One cell per capability and platform. The symbol and colour give the support level; the letter gives \
         the operating mode. A pair that has not been assessed is shown as untested, never as supported.",
        BODY,
        0.0,
        6.0,
    );
    // Legend.
    let x = doc.left();
    let y = doc.y;
    let mut cx = x;
    for s in [Support::Full, Support::Partial, Support::Unsupported, Support::Untested] {
        let (fill, ink, sym, name) = support_look(s);
        cx = swatch(doc, cx, y, fill, ink, sym, name);
    }
    doc.y += 17.0;
    doc.para(
        "Mode: N normal \u{00B7} C constrained (partial support accepted, within the constraints listed under Cell \
         notes) \u{00B7} D disabled (not accepted, or not supported).",
        Style::new(Face::Regular, 8.5, INK),
        0.0,
        3.0,
    );
    let total = fw.capabilities.len() * fw.platforms.len();
    let count = |s: Support| fw.matrix.iter().filter(|c| c.support == s).count();
    let listed = fw.matrix.len();
    doc.para(
        &format!(
            "{} cells: {} full, {} partial, {} unsupported, {} untested ({} not assessed at all).",
            thousands(total),
            thousands(count(Support::Full)),
            thousands(count(Support::Partial)),
            thousands(count(Support::Unsupported)),
            thousands(count(Support::Untested) + total.saturating_sub(listed)),
            thousands(total.saturating_sub(listed))
        ),
        NOTE,
        0.0,
        8.0,
    );
    let ncols = fw.platforms.len();
    let nrows = fw.capabilities.len();
    doc.grid(&spec, &mut |doc: &mut Doc, gp: GridPage| {
        grid_caption(doc, &gp, plan.groups > 1, "Matrix", "platforms", "capabilities", ncols, nrows);
    });

    // Cell notes: constraints and evidence.
    let noted: Vec<&MatrixCell> =
        fw.matrix.iter().filter(|c| !c.constraints.trim().is_empty() || !c.evidence.trim().is_empty()).collect();
    if doc.landscape {
        doc.new_page(false);
    }
    h2(doc, "Cell notes", true);
    doc.para(
        "The constraints under which partial or constrained support is accepted, and the evidence recorded for \
         each assessment, for every cell that has either.",
        BODY,
        0.0,
        6.0,
    );
    if noted.is_empty() {
        doc.para("No cell has constraints or evidence recorded.", NOTE, 0.0, 4.0);
    } else {
        let cap_idx: HashMap<&str, usize> =
            fw.capabilities.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let plat_idx: HashMap<&str, usize> = fw.platforms.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut noted = noted;
        noted.sort_by_key(|c| {
            (
                cap_idx.get(c.capability.as_str()).copied().unwrap_or(usize::MAX),
                plat_idx.get(c.platform.as_str()).copied().unwrap_or(usize::MAX),
            )
        });
        let w = doc.content_w();
        let cols = [
            Column::new("Platform", 110.0),
            Column::new("Support and mode", 86.0),
            Column::new("Constraints", (w - 196.0) / 2.0),
            Column::new("Evidence", (w - 196.0) / 2.0),
        ];
        let cap_name = |id: &str| ctx.capability.get(id).map_or_else(|| id.to_owned(), |n| (*n).to_owned());
        let mut rows = Vec::new();
        let mut current: Option<&str> = None;
        for c in noted {
            if current != Some(c.capability.as_str()) {
                current = Some(c.capability.as_str());
                rows.push(vec![cell_styled(cap_name(&c.capability), Style { color: NAVY, ..CELL_BOLD })]);
            }
            let (_, ink, sym, name) = support_look(c.support);
            let mut sup = vec![
                Block::new(format!("{sym} {name}"), Style { color: ink, ..CELL_BOLD }),
                Block::new(mode_title(c.mode), CELL),
            ];
            if let Some(d) = c.last_verified {
                sup.push(Block::new(format!("Verified {}", fmt_date(&d)), SMALL_MUTED));
            }
            rows.push(vec![
                cell(ctx.platform_name(&c.platform)),
                sup,
                text_or(&c.constraints, "\u{2014}"),
                text_or(&c.evidence, "\u{2014}"),
            ]);
        }
        doc.table(&cols, rows, &TABLE);
    }
    findings(doc, ctx, &[Section::Matrix], "Validation findings: compatibility matrix");
}

// ---- 5 Contracts ----

fn contracts(doc: &mut Doc, ctx: &Ctx) {
    section(doc, 4, false);
    doc.para(
        "The contract between the agents and each connected platform: what data flows in which format, how fast, \
         how errors are handled, which permissions the agents hold, and what they do when the platform cannot be \
         reached.",
        BODY,
        0.0,
        4.0,
    );
    if ctx.fw.platforms.is_empty() {
        doc.para("No platforms are listed.", NOTE, 0.0, 4.0);
    }
    for p in &ctx.fw.platforms {
        let c = &p.contract;
        h2(doc, &p.name, true);
        doc.para(&format!("{} \u{00B7} id {}", platform_kind(p.kind), p.id), NOTE, 0.0, 3.0);
        let mut unavail = vec![Block::new(unavailable(c.when_unavailable), CELL_BOLD)];
        if !c.when_unavailable_detail.trim().is_empty() {
            unavail.push(Block::new(c.when_unavailable_detail.clone(), CELL));
        }
        kv(
            doc,
            vec![
                ("Data formats", bullets(&c.data_formats, "None listed")),
                ("Required latency", cell(c.required_latency.to_string())),
                ("Error handling", text_or(&c.error_handling, "Not described")),
                ("Permission scopes", bullets(&c.permission_scopes, "None listed")),
                ("When unavailable", unavail),
                ("Latency notes", text_or(&c.latency_notes, "\u{2014}")),
                ("Policy notes", text_or(&c.policy_notes, "\u{2014}")),
            ],
            110.0,
        );
    }
    findings(doc, ctx, &[Section::Platforms], "Validation findings: platforms and contracts");
}

// ---- 6 RACI ----

fn raci(doc: &mut Doc, ctx: &Ctx) {
    let fw = ctx.fw;
    let flagged: HashSet<&str> = ctx
        .input
        .findings
        .iter()
        .filter(|f| f.section == Section::Raci && f.severity == Severity::Error)
        .filter_map(|f| f.item.as_deref())
        .collect();
    let col_index: HashMap<&str, usize> = fw.parties.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let letter = Style::new(Face::Bold, 8.0, INK);
    let rows: Vec<GridRow> = fw
        .raci
        .iter()
        .map(|a| {
            let mut cells: Vec<Option<GridCell>> = (0..fw.parties.len()).map(|_| None).collect();
            for asg in &a.assignments {
                if let Some(&i) = col_index.get(asg.party.as_str()) {
                    let (fill, ink, l) = raci_look(asg.role);
                    if cells[i].is_none() {
                        cells[i] = Some(GridCell { fill, text: l.to_owned(), style: Style { color: ink, ..letter } });
                    } else {
                        // Two letters for one party: show both, flagged by the findings below.
                        let prev = cells[i].take().map(|c| c.text).unwrap_or_default();
                        cells[i] = Some(GridCell {
                            fill: Rgb(0xf3c3bd),
                            text: format!("{prev}{l}"),
                            style: Style { color: ERROR_RED, ..letter },
                        });
                    }
                }
            }
            let error = flagged.contains(a.id.as_str());
            GridRow {
                head: if error { format!("\u{26A0} {}", a.name) } else { a.name.clone() },
                head_style: Style::new(Face::Regular, 8.0, if error { ERROR_RED } else { INK }),
                extra: layer(a.layer).to_owned(),
                cells,
            }
        })
        .collect();
    let spec = GridSpec {
        corner: "Activity",
        extra_title: "Layer",
        col_names: fw.parties.iter().map(|p| p.name.clone()).collect(),
        rows,
        row_head_w: if fw.parties.len() as f32 * 22.0 + 232.0 <= Doc::content_w_for(false) { 170.0 } else { 190.0 },
        extra_w: 62.0,
        min_col_w: 22.0,
        max_col_w: 34.0,
    };
    let plan = spec.plan();
    section(doc, 5, plan.landscape);
    doc.para(
        "Who is Responsible, Accountable, Consulted and Informed for each governance activity. Every activity \
         needs exactly one Accountable party; activities marked \u{26A0} have an error listed under the findings.",
        BODY,
        0.0,
        6.0,
    );
    let x = doc.left();
    let y = doc.y;
    let mut cx = x;
    for (r, label) in [
        (RaciRole::R, "Responsible: does the work"),
        (RaciRole::A, "Accountable: owns the outcome (one per activity)"),
        (RaciRole::C, "Consulted"),
        (RaciRole::I, "Informed"),
    ] {
        let (fill, ink, l) = raci_look(r);
        cx = swatch(doc, cx, y, fill, ink, l, label);
    }
    doc.y += 22.0;
    let ncols = fw.parties.len();
    let nrows = fw.raci.len();
    doc.grid(&spec, &mut |doc: &mut Doc, gp: GridPage| {
        grid_caption(doc, &gp, plan.groups > 1, "Chart", "parties", "activities", ncols, nrows);
    });

    if doc.landscape {
        doc.new_page(false);
    }
    h2(doc, "Load per party", true);
    doc.para(
        &format!(
            "How many letters each party holds. More than {} Accountable or {} Responsible letters is flagged as \
             an overload.",
            governance_core::validate::OVERLOAD_ACCOUNTABLE,
            governance_core::validate::OVERLOAD_RESPONSIBLE
        ),
        BODY,
        0.0,
        6.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Party", w - 4.0 * 40.0 - 110.0),
        Column::centered("A", 40.0),
        Column::centered("R", 40.0),
        Column::centered("C", 40.0),
        Column::centered("I", 40.0),
        Column::new("Note", 110.0),
    ];
    let rows = fw
        .parties
        .iter()
        .map(|p| {
            let n = |role: RaciRole| {
                fw.raci.iter().flat_map(|a| &a.assignments).filter(|x| x.party == p.id && x.role == role).count()
            };
            let (a, r, c, i) = (n(RaciRole::A), n(RaciRole::R), n(RaciRole::C), n(RaciRole::I));
            let mut note = Vec::new();
            if a > governance_core::validate::OVERLOAD_ACCOUNTABLE {
                note.push("\u{25B2} many A");
            }
            if r > governance_core::validate::OVERLOAD_RESPONSIBLE {
                note.push("\u{25B2} many R");
            }
            if a + r + c + i == 0 {
                note.push("No letters");
            }
            let num = |v: usize| if v == 0 { cell_styled("\u{2013}", CELL_MUTED) } else { cell(thousands(v)) };
            vec![
                vec![Block::new(p.name.clone(), CELL_BOLD), Block::new(p.title.clone(), SMALL_MUTED)],
                num(a),
                num(r),
                num(c),
                num(i),
                cell_styled(note.join(", "), Style { color: WARN_AMBER, ..CELL }),
            ]
        })
        .collect();
    doc.table(&cols, rows, &TABLE);
    findings(doc, ctx, &[Section::Raci], "Validation findings: RACI chart");
}

// ---- 7 Data quality ----

fn data_quality(doc: &mut Doc, ctx: &Ctx) {
    section(doc, 6, false);
    doc.para(
        "The quality each agent input must meet before an agent may act on it, who owns it, and what happens on \
         a breach. Data older than the maximum age must not trigger an action.",
        BODY,
        0.0,
        8.0,
    );
    if ctx.fw.data_quality.is_empty() {
        doc.para("No data-quality standards are listed.", NOTE, 0.0, 4.0);
    } else {
        let w = doc.content_w();
        let cols = [
            Column::new("Data input and owner", 136.0),
            Column::new("Thresholds", 108.0),
            Column::new("Validation rules and notes", w - 136.0 - 108.0 - 68.0),
            Column::new("On breach", 68.0),
        ];
        let rows = ctx
            .fw
            .data_quality
            .iter()
            .map(|d| {
                let source = match &d.source_platform {
                    Some(p) => format!("Source: {}", ctx.platform_name(p)),
                    None => "Source: internal or derived".to_owned(),
                };
                let first = vec![
                    Block::new(d.data_input.clone(), CELL_BOLD),
                    Block::new(source, CELL_MUTED),
                    Block::new(format!("Owner: {}", ctx.party_name(&d.owner)), CELL_MUTED),
                ];
                let mut thresholds = vec![
                    Block::new(format!("Completeness \u{2265} {}", pct(d.min_completeness_pct)), CELL),
                    Block::new(format!("Max age {}", d.max_age), CELL),
                ];
                if let Some(v) = d.max_duplicate_pct {
                    thresholds.push(Block::new(format!("Duplicates \u{2264} {}", pct(v)), CELL));
                }
                let mut rules: Cell = if d.validation_rules.is_empty() {
                    vec![Block::new("No validation rules listed", CELL_MUTED)]
                } else {
                    d.validation_rules.iter().map(|r| Block::bullet(r.clone(), CELL)).collect()
                };
                if !d.notes.trim().is_empty() {
                    rules.push(Block::new(d.notes.clone(), CELL_MUTED));
                }
                let on_breach_style = match d.on_breach {
                    BreachAction::BlockAgent => Style { color: ERROR_RED, ..CELL_BOLD },
                    _ => CELL_BOLD,
                };
                vec![first, thresholds, rules, cell_styled(breach(d.on_breach), on_breach_style)]
            })
            .collect();
        doc.table(&cols, rows, &TABLE);
    }
    findings(doc, ctx, &[Section::DataQuality], "Validation findings: data-quality standards");
}

// ---- 8 Hard stops ----

fn hard_stops(doc: &mut Doc, ctx: &Ctx) {
    section(doc, 7, false);
    doc.para(
        "Limits no agent may cross: spend caps, excluded audiences and blocked keywords, where they apply and who \
         may lift them.",
        BODY,
        0.0,
        8.0,
    );
    if ctx.fw.hard_stops.is_empty() {
        doc.para("No hard stops are listed.", NOTE, 0.0, 4.0);
    } else {
        let w = doc.content_w();
        let cols = [
            Column::new("Hard stop", 150.0),
            Column::new("Limit", 120.0),
            Column::new("Applies to", 106.0),
            Column::new("May be lifted by", w - 376.0),
        ];
        let rows = ctx
            .fw
            .hard_stops
            .iter()
            .map(|h| {
                let mut first =
                    vec![Block::new(h.name.clone(), CELL_BOLD), Block::new(hard_stop_kind(h.kind), CELL_MUTED)];
                if !h.notes.trim().is_empty() {
                    first.push(Block::new(h.notes.clone(), CELL));
                }
                let mut limit: Cell = Vec::new();
                if let Some(m) = &h.cap {
                    limit.push(Block::new(money(&m.amount, &m.currency), CELL_BOLD));
                }
                limit.extend(h.entries.iter().map(|e| Block::bullet(e.clone(), CELL)));
                if limit.is_empty() {
                    limit.push(Block::new("Not set", CELL_MUTED));
                }
                let scope = if h.all_platforms {
                    cell_styled("All platforms", CELL_BOLD)
                } else {
                    bullets(&h.platforms.iter().map(|p| ctx.platform_name(p)).collect::<Vec<_>>(), "No platform")
                };
                let lift = bullets(
                    &h.lift_authority.iter().map(|p| ctx.party_line(p)).collect::<Vec<_>>(),
                    "Nobody: it cannot be lifted",
                );
                vec![first, limit, scope, lift]
            })
            .collect();
        doc.table(&cols, rows, &TABLE);
    }
    findings(doc, ctx, &[Section::HardStops], "Validation findings: hard stops");
}

// ---- 9 Override ----

fn override_policy(doc: &mut Doc, ctx: &Ctx) {
    let op = &ctx.fw.override_policy;
    section(doc, 8, false);
    doc.para(
        "How the agents are stopped: who holds the kill switch, how it is triggered and how often it is tested \
         under simulated failure.",
        BODY,
        0.0,
        8.0,
    );
    let holders: Vec<String> = op.kill_switch_holders.iter().map(|p| ctx.party_line(p)).collect();
    let last = match op.last_tested {
        Some(d) => cell(fmt_date(&d)),
        None => cell_styled("Never tested", Style { color: ERROR_RED, ..CELL_BOLD }),
    };
    let next = op
        .last_tested
        .and_then(|d| governance_core::schedule::next_after(d, &op.test_cadence))
        .map_or_else(|| cell_styled("\u{2014}", CELL_MUTED), |d| cell(fmt_date(&d)));
    kv(
        doc,
        vec![
            ("Kill-switch holders", bullets(&holders, "Nobody")),
            ("How to trigger it", text_or(&op.trigger_procedure, "Not described")),
            ("Test cadence", cell(cadence(&op.test_cadence))),
            ("Last tested", last),
            ("Next test due", next),
            ("Notes", text_or(&op.notes, "\u{2014}")),
        ],
        120.0,
    );
    findings(doc, ctx, &[Section::OverridePolicy], "Validation findings: override policy");
}

// ---- 10 Review ----

fn review_schedule(doc: &mut Doc, ctx: &Ctx) {
    let rs = &ctx.fw.review_schedule;
    section(doc, 9, false);
    doc.para(
        "When the framework is reviewed and who must sign off each review. A review cycle is complete when every \
         required signatory has approved the same published version.",
        BODY,
        0.0,
        8.0,
    );
    let signatories: Vec<String> = rs.required_signatories.iter().map(|p| ctx.party_line(p)).collect();
    kv(
        doc,
        vec![
            ("Cadence", cell(cadence(&rs.cadence))),
            ("Next review due", cell(fmt_date(&rs.next_due))),
            ("Required signatories", bullets(&signatories, "Nobody")),
        ],
        120.0,
    );
    findings(doc, ctx, &[Section::ReviewSchedule], "Validation findings: review schedule");
}

// ---- 11 Changes ----

fn value_text(v: &Option<Value>) -> String {
    match v {
        None => String::new(),
        Some(Value::Null) => "(none)".into(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.into(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(a)) if a.is_empty() => "(empty list)".into(),
        Some(Value::Array(a)) if a.iter().all(Value::is_string) => {
            a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; ")
        }
        Some(v @ Value::Object(o)) => {
            for key in ["name", "data_input"] {
                if let Some(Value::String(s)) = o.get(key) {
                    return s.clone();
                }
            }
            compact(v)
        }
        Some(v) => compact(v),
    }
}

fn compact(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    if s.chars().count() > 600 {
        let cut: String = s.chars().take(600).collect();
        format!("{cut}\u{2026}")
    } else {
        s
    }
}

/// "platforms[tiktok].contract.required_latency" -> "Platform TikTok: contract > required latency".
/// `fallback` names an item that no longer exists (a removed one).
fn readable_path<'a>(ctx: &Ctx<'a>, path: &'a str, fallback: Option<&'a str>) -> String {
    let (head, rest) = match path.find(['.', '[']) {
        Some(i) if path[i..].starts_with('[') => {
            let close = path[i..].find(']').map_or(path.len(), |j| i + j + 1);
            (&path[..close], path[close..].trim_start_matches('.'))
        }
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (path, ""),
    };
    let (coll, id) = match head.split_once('[') {
        Some((c, id)) => (c, Some(id.trim_end_matches(']'))),
        None => (head, None),
    };
    let fb = |id: &'a str| -> &'a str { fallback.filter(|_| rest.is_empty()).unwrap_or(id) };
    let label = match (coll, id) {
        ("parties", Some(id)) => format!("Party {}", ctx.party.get(id).map_or(fb(id), |p| p.name.as_str())),
        ("platforms", Some(id)) => format!("Platform {}", ctx.platform.get(id).copied().unwrap_or(fb(id))),
        ("capabilities", Some(id)) => format!("Capability {}", ctx.capability.get(id).copied().unwrap_or(fb(id))),
        ("matrix", Some(id)) => {
            let (c, p) = id.split_once('/').unwrap_or((id, ""));
            format!(
                "Matrix cell {} on {}",
                ctx.capability.get(c).copied().unwrap_or(c),
                ctx.platform.get(p).copied().unwrap_or(p)
            )
        }
        ("raci", Some(id)) => format!("RACI activity {}", ctx.activity.get(id).copied().unwrap_or(fb(id))),
        ("data_quality", Some(id)) => {
            format!("Data-quality standard {}", ctx.standard.get(id).copied().unwrap_or(fb(id)))
        }
        ("hard_stops", Some(id)) => format!("Hard stop {}", ctx.hard_stop.get(id).copied().unwrap_or(fb(id))),
        ("override_policy", None) => "Override policy".into(),
        ("review_schedule", None) => "Review schedule".into(),
        (c, None) => format!("Framework {}", c.replace('_', " ")),
        (c, Some(id)) => format!("{c} {id}"),
    };
    if rest.is_empty() {
        label
    } else {
        let fields: Vec<String> = rest.split('.').map(|f| f.replace('_', " ")).collect();
        format!("{label}: {}", fields.join(" \u{203A} "))
    }
}

fn changes(doc: &mut Doc, ctx: &Ctx) {
    let input = ctx.input;
    section(doc, 10, false);
    if input.version <= 1 || input.previous_sha256.is_none() {
        doc.para("First version: there is no previous version to compare with.", BODY, 0.0, 6.0);
        if input.changes.is_empty() {
            return;
        }
    }
    let count = |k: ChangeKind| input.changes.iter().filter(|c| c.kind == k).count();
    if input.changes.is_empty() {
        doc.para(
            &format!("No field changed between version {} and version {}.", input.version - 1, input.version),
            BODY,
            0.0,
            6.0,
        );
        return;
    }
    doc.para(
        &format!(
            "Field-level changes from version {} to version {}: {} added, {} removed, {} changed. Items are named by \
             their current names; the path below each names the field in the JSON snapshot.",
            input.version.saturating_sub(1),
            input.version,
            thousands(count(ChangeKind::Added)),
            thousands(count(ChangeKind::Removed)),
            thousands(count(ChangeKind::Changed))
        ),
        BODY,
        0.0,
        8.0,
    );
    let w = doc.content_w();
    let cols = [
        Column::new("Change", 72.0),
        Column::new("Field", 150.0),
        Column::new("Before", (w - 222.0) / 2.0),
        Column::new("After", (w - 222.0) / 2.0),
    ];
    let rows = input.changes.iter().map(|c: &Change| change_row(ctx, c)).collect();
    doc.table(&cols, rows, &TABLE);
}

/// The name of an added or removed item, from its value.
fn item_name(c: &Change) -> Option<&str> {
    let v = c.old.as_ref().or(c.new.as_ref())?.as_object()?;
    ["name", "data_input"].iter().find_map(|k| v.get(*k).and_then(Value::as_str))
}

fn change_row(ctx: &Ctx, c: &Change) -> Vec<Cell> {
    let (label, color) = match c.kind {
        ChangeKind::Added => ("+ Added", Rgb(0x1d6a33)),
        ChangeKind::Removed => ("\u{2212} Removed", ERROR_RED),
        ChangeKind::Changed => ("\u{2192} Changed", NAVY),
    };
    let dash = || cell_styled("\u{2014}", CELL_MUTED);
    let before = if c.old.is_some() { cell(value_text(&c.old)) } else { dash() };
    let after = if c.new.is_some() { cell(value_text(&c.new)) } else { dash() };
    vec![
        cell_styled(label, Style { color, ..CELL_BOLD }),
        vec![Block::new(readable_path(ctx, &c.path, item_name(c)), CELL), Block::new(c.path.clone(), SMALL_MUTED)],
        before,
        after,
    ]
}

// ---- 12 Sign-off ----

fn decision_text(s: &str) -> String {
    let s = s.replace('_', " ");
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
        None => s,
    }
}

fn signoff(doc: &mut Doc, ctx: &Ctx) {
    let input = ctx.input;
    section(doc, 11, false);
    kv(
        doc,
        vec![("Version", cell(input.version.to_string())), ("Snapshot SHA-256", cell(input.snapshot_sha256))],
        118.0,
    );
    doc.gap(8.0);
    doc.para(
        "A sign-off is valid only for the version whose hash it names. This page is added after publication and \
         is not covered by the hash.",
        NOTE,
        0.0,
        10.0,
    );
    if !input.signoffs.is_empty() {
        let w = doc.content_w();
        let cols = [
            Column::new("Signatory", 120.0),
            Column::new("Decision", 82.0),
            Column::new("Date", 72.0),
            Column::new("Comment", w - 120.0 - 82.0 - 72.0 - 86.0),
            Column::new("Version hash", 86.0),
        ];
        let rows = input
            .signoffs
            .iter()
            .map(|s| {
                let matches = s.version_hash.eq_ignore_ascii_case(input.snapshot_sha256);
                let hash = vec![
                    Block::new(short_hash(&s.version_hash).to_owned(), CELL),
                    if matches {
                        Block::new("\u{2713} this version", Style { color: Rgb(0x1d6a33), ..CELL_BOLD })
                    } else {
                        Block::new("\u{2716} another version", Style { color: ERROR_RED, ..CELL_BOLD })
                    },
                ];
                vec![
                    vec![Block::new(s.name.clone(), CELL_BOLD), Block::new(s.role.clone(), CELL_MUTED)],
                    cell_styled(decision_text(&s.decision), CELL_BOLD),
                    cell(s.date.clone()),
                    text_or(&s.comment, "\u{2014}"),
                    hash,
                ]
            })
            .collect();
        doc.table(&cols, rows, &TABLE);
        return;
    }
    doc.para(
        "No sign-off has been recorded for this version yet. Each required signatory signs below.",
        NOTE,
        0.0,
        10.0,
    );
    let signatories = &ctx.fw.review_schedule.required_signatories;
    if signatories.is_empty() {
        doc.para("The review schedule names no required signatory.", NOTE, 0.0, 4.0);
    }
    for id in signatories {
        signature_block(doc, &ctx.party_line(id));
    }
}

fn signature_block(doc: &mut Doc, who: &str) {
    let block_h = 132.0;
    doc.ensure(block_h);
    let x = doc.left();
    let w = doc.content_w();
    let top = doc.y;
    doc.fill(x, top, w, 0.8, NAVY);
    let name = doc.clean(Face::Bold, who);
    let name = doc.truncate(Face::Bold, 10.0, &name, w);
    doc.text_at(x, top + 16.0, Style::new(Face::Bold, 10.0, INK), name);
    let label = Style::new(Face::Regular, 8.5, MUTED);
    let text = Style::new(Face::Regular, 8.5, INK);
    // Decision boxes.
    let mut cx = x;
    let by = top + 28.0;
    doc.text_at(cx, by + 8.0, label, "Decision".into());
    cx += 60.0;
    for opt in ["Approved", "Approved with comments", "Rejected"] {
        doc.fill(cx, by, 9.0, 9.0, MUTED);
        doc.fill(cx + 0.8, by + 0.8, 7.4, 7.4, WHITE);
        doc.text_at(cx + 14.0, by + 8.0, text, opt.into());
        cx += 14.0 + doc.width(Face::Regular, 8.5, opt) + 22.0;
    }
    // Signature and date lines.
    let ly = top + 72.0;
    doc.text_at(x, ly, label, "Signature".into());
    doc.fill(x + 60.0, ly + 1.0, w * 0.5 - 70.0, 0.6, INK);
    let dx = x + w * 0.55;
    doc.text_at(dx, ly, label, "Date".into());
    doc.fill(dx + 30.0, ly + 1.0, x + w - dx - 30.0, 0.6, INK);
    // Comments.
    let cy = top + 96.0;
    doc.text_at(x, cy, label, "Comments".into());
    doc.fill(x + 60.0, cy + 1.0, w - 60.0, 0.6, RULE);
    doc.fill(x + 60.0, cy + 21.0, w - 60.0, 0.6, RULE);
    doc.y = top + block_h;
}
