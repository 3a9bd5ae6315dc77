//! Section (report format 4): the consent, disclosure, human-review and data-handling rules the
//! agents apply as they act, per jurisdiction (SPEC section 9).

use governance_core::{ComplianceRule, Section};

use super::blocks::h2;
use super::context::Ctx;
use super::findings::findings;
use super::format::plural;
use super::Opening;
use crate::fonts::Face;
use crate::layout::{cell, cell_styled, Block, Cell, Column, Doc, KEY_VALUE};
use crate::style::{Style, BODY, CELL, CELL_BOLD, CELL_MUTED, NAVY, NOTE};

/// A rule's name, over its fields.
const RULE_NAME: Style = Style::new(Face::Bold, 9.0, NAVY);

/// The width of the labels of a rule's table.
const LABEL_W: f32 = 104.0;

pub(super) fn render(doc: &mut Doc, ctx: &Ctx, start: Opening) {
    start.open(doc, false);
    doc.para(
        "The rules the agents apply as they act, per jurisdiction: consent (a lawful basis or opt-in before \
         targeting or using a data category), disclosure (sponsored content, AI-generated content, automated \
         decisions), human review (how a person reviews or contests a decision) and data handling. Each rule names \
         what it covers, where it is enforced, what shows that it is applied, who owns it and the obligations it \
         answers (see the Coverage section).",
        BODY,
        0.0,
        8.0,
    );
    let places = jurisdictions(ctx);
    if places.is_empty() {
        doc.para("No jurisdictions and no compliance rules are listed.", NOTE, 0.0, 4.0);
    }
    for j in places {
        let rules: Vec<&ComplianceRule> = ctx.fw.compliance_rules.iter().filter(|r| r.jurisdiction == j).collect();
        let declared = ctx.fw.jurisdictions.iter().any(|d| *d == j);
        let title = if declared { j.to_owned() } else { format!("{j} (not one of the framework's jurisdictions)") };
        h2(doc, &title, true);
        if rules.is_empty() {
            doc.para(&format!("No rules are listed for {j}."), NOTE, 0.0, 4.0);
            continue;
        }
        doc.para(&format!("{} in {j}.", plural(rules.len(), "rule", "rules")), NOTE, 0.0, 2.0);
        let w = doc.content_w();
        let cols = [Column::new("", LABEL_W), Column::new("", w - LABEL_W)];
        let rows = rules.iter().flat_map(|r| rows(ctx, r)).collect();
        doc.table(&cols, rows, &KEY_VALUE);
    }
    findings(doc, ctx, &[Section::ComplianceRules], "Validation findings: compliance rules");
}

/// The framework's jurisdictions in its order, then any other a rule names (a finding says so).
fn jurisdictions<'a>(ctx: &Ctx<'a>) -> Vec<&'a str> {
    let mut out: Vec<&str> = ctx.fw.jurisdictions.iter().map(String::as_str).collect();
    for r in &ctx.fw.compliance_rules {
        if !out.contains(&r.jurisdiction.as_str()) {
            out.push(&r.jurisdiction);
        }
    }
    out
}

/// One rule: its name as a heading that spans the table (repeated, continued, on the next page
/// when the rule runs onto it), then its fields, the requirement the full width of the value column.
fn rows(ctx: &Ctx, r: &ComplianceRule) -> Vec<Vec<Cell>> {
    let evidence =
        if r.evidence.trim().is_empty() { cell_styled("None named", CELL_MUTED) } else { cell(r.evidence.clone()) };
    let enforced = if r.enforced_by.is_empty() {
        cell_styled("Not said", CELL_MUTED)
    } else {
        cell(r.enforced_by.iter().map(|e| e.label()).collect::<Vec<_>>().join("; "))
    };
    let mut answers = Vec::new();
    list(&mut answers, ctx.citations(&r.obligations).into_iter(), "No obligation linked");
    let fields = [
        ("Kind", cell_styled(r.kind.label(), CELL_BOLD)),
        ("Requirement", cell(r.requirement.clone())),
        ("Applies to", scope(ctx, r)),
        ("Enforced", enforced),
        ("Evidence", evidence),
        ("Owner", cell(ctx.party_line(&r.owner))),
        ("Obligations answered", answers),
    ];
    let mut rows = vec![vec![cell_styled(r.name.clone(), RULE_NAME)]];
    rows.extend(fields.into_iter().map(|(k, v)| vec![cell_styled(k, CELL_BOLD), v]));
    rows
}

/// "All capabilities" or the capabilities by name, then the same for platforms.
fn scope(ctx: &Ctx, r: &ComplianceRule) -> Cell {
    let names = |all: bool, what: &str, ids: &[String], name: &dyn Fn(&str) -> String| {
        if all {
            Block::new(format!("All {what}"), CELL_BOLD)
        } else if ids.is_empty() {
            Block::new(format!("No {what}"), CELL_MUTED)
        } else {
            let named: Vec<String> = ids.iter().map(|id| name(id)).collect();
            Block::new(format!("{}: {}", capitalised(what), named.join(", ")), CELL)
        }
    };
    vec![
        names(r.all_capabilities, "capabilities", &r.capabilities, &|id| ctx.capability_name(id)),
        names(r.all_platforms, "platforms", &r.platforms, &|id| ctx.platform_name(id)),
    ]
}

fn capitalised(s: &str) -> String {
    let mut cs = s.chars();
    cs.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + cs.as_str())
}

/// Bullets, or `empty` (muted) when there is nothing to list.
fn list(cell: &mut Cell, items: impl Iterator<Item = String>, empty: &str) {
    let before = cell.len();
    cell.extend(items.map(|s| Block::bullet(s, CELL)));
    if cell.len() == before {
        cell.push(Block::new(empty, CELL_MUTED));
    }
}
