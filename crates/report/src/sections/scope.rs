//! Section: scope and jurisdictions, with the framework at a glance.

use governance_core::{PartyKind, RiskLevel, Section, Severity, Support};

use super::blocks::{h2, kv, text_or};
use super::context::Ctx;
use super::findings::findings;
use super::format::{fmt_date, plural, thousands};
use super::Opening;
use crate::layout::{cell, cell_styled, Cell, Column, Doc, TABLE};
use crate::sections::format::cadence;
use crate::style::{Rgb, Style, CELL_BOLD, CELL_MUTED, ERROR_RED, WARN_AMBER};

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    let fw = ctx.fw;
    start.open(doc, false);
    h2(doc, "Framework", false);
    kv(
        doc,
        vec![
            ("Name", cell(fw.name.clone())),
            ("Organisation", text_or(&fw.organisation, "Not named")),
            ("Framework id", cell(fw.id.clone())),
            ("Jurisdictions", cell(ctx.jurisdictions())),
            ("Description", text_or(&fw.description, "No description.")),
        ],
        110.0,
    );
    h2(doc, "At a glance", false);
    at_a_glance(doc, ctx);
    findings(doc, ctx, &[Section::Framework], "Validation findings: framework");
}

/// What each part of the framework holds, in a few words.
fn holdings(ctx: &Ctx) -> Vec<(Section, String)> {
    let fw = ctx.fw;
    let count = |k: PartyKind| fw.parties.iter().filter(|p| p.kind == k).count();
    let risk_count = |r: RiskLevel| thousands(fw.capabilities.iter().filter(|c| c.risk == r).count());
    let cells_total = fw.capabilities.len() * fw.platforms.len();
    let assessed = fw.matrix.iter().filter(|c| c.support != Support::Untested).count().min(cells_total);
    let people = format!(
        "{}, {}, {}",
        plural(count(PartyKind::Person), "person", "people"),
        plural(count(PartyKind::Team), "team", "teams"),
        plural(count(PartyKind::Vendor), "vendor", "vendors")
    );
    let capabilities = format!(
        "{}: {} high, {} medium, {} low risk",
        plural(fw.capabilities.len(), "capability", "capabilities"),
        risk_count(RiskLevel::High),
        risk_count(RiskLevel::Medium),
        risk_count(RiskLevel::Low)
    );
    let matrix = format!(
        "{} of {} cells assessed, {} untested",
        thousands(assessed),
        thousands(cells_total),
        thousands(cells_total - assessed)
    );
    let rs = &fw.review_schedule;
    let mut out = vec![
        (Section::Framework, format!("{} jurisdictions", thousands(fw.jurisdictions.len()))),
        (Section::Parties, people),
        (Section::Capabilities, capabilities),
        (Section::Matrix, matrix),
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
        (Section::ReviewSchedule, format!("{}; next due {}", cadence(&rs.cadence), fmt_date(&rs.next_due))),
    ];
    if ctx.format >= 4 {
        out.insert(8, (Section::ComplianceRules, rules(ctx)));
        out.push((Section::Coverage, answered(ctx)));
    }
    out
}

/// "9 rules in 3 jurisdictions" (report format 4).
fn rules(ctx: &Ctx) -> String {
    let rules = &ctx.fw.compliance_rules;
    let mut places: Vec<&str> = rules.iter().map(|r| r.jurisdiction.as_str()).collect();
    places.sort_unstable();
    places.dedup();
    format!("{} in {}", plural(rules.len(), "rule", "rules"), plural(places.len(), "jurisdiction", "jurisdictions"))
}

/// "98 of 107 obligations answered, 9 gaps" (report format 4).
fn answered(ctx: &Ctx) -> String {
    let groups = ctx.coverage().groups;
    let all: usize = groups.iter().map(|g| g.items.len()).sum();
    let gaps: usize = groups.iter().map(|g| g.gaps().count()).sum();
    format!("{} of {} obligations answered, {}", thousands(all - gaps), thousands(all), plural(gaps, "gap", "gaps"))
}

/// One row per part of the framework with its error and warning counts, and their totals.
fn at_a_glance(doc: &mut Doc, ctx: &Ctx) {
    let w = doc.content_w();
    let cols = [
        Column::new("Section", 150.0),
        Column::new("Contents", w - 150.0 - 120.0),
        Column::centered("Errors", 60.0),
        Column::centered("Warnings", 60.0),
    ];
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let (mut te, mut tw) = (0, 0);
    let findings = &ctx.data.findings;
    for (s, what) in holdings(ctx) {
        let e = findings.iter().filter(|f| f.section == s && f.severity == Severity::Error).count();
        let wn = findings.iter().filter(|f| f.section == s && f.severity == Severity::Warning).count();
        te += e;
        tw += wn;
        let style = |n: usize, c: Rgb| if n > 0 { Style { color: c, ..CELL_BOLD } } else { CELL_MUTED };
        rows.push(vec![
            cell_styled(s.label(), CELL_BOLD),
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
}
