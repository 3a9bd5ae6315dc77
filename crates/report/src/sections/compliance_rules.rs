//! Section (report format 4): the consent, disclosure, human-review and data-handling rules the
//! agents apply as they act, per jurisdiction (SPEC section 9).

use governance_core::{ComplianceRule, Section};

use super::blocks::h2;
use super::context::Ctx;
use super::findings::findings;
use super::format::plural;
use super::Opening;
use crate::layout::{Block, Cell, Column, Doc, TABLE};
use crate::style::{BODY, CELL, CELL_BOLD, CELL_MUTED, NOTE};

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
        doc.para(&format!("{} in {j}.", plural(rules.len(), "rule", "rules")), NOTE, 0.0, 3.0);
        let w = doc.content_w();
        let cols = [
            Column::new("Rule and owner", 118.0),
            Column::new("Requirement and evidence", w - 118.0 - 104.0 - 100.0),
            Column::new("Applies to", 104.0),
            Column::new("Enforced; answers", 100.0),
        ];
        let rows = rules.iter().map(|r| row(ctx, r)).collect();
        doc.table(&cols, rows, &TABLE);
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

fn row(ctx: &Ctx, r: &ComplianceRule) -> Vec<Cell> {
    let first = vec![
        Block::new(r.name.clone(), CELL_BOLD),
        Block::new(format!("{} rule", r.kind.label()), CELL_MUTED),
        Block::new(format!("Owner: {}", ctx.party_name(&r.owner)), CELL),
    ];
    let mut requirement = vec![Block::new(r.requirement.clone(), CELL)];
    if r.evidence.trim().is_empty() {
        requirement.push(Block::new("Evidence: none named", CELL_MUTED));
    } else {
        requirement.push(Block::new(format!("Evidence: {}", r.evidence), CELL_MUTED));
    }
    let mut scope = Vec::new();
    if r.all_capabilities {
        scope.push(Block::new("All capabilities", CELL_BOLD));
    } else {
        scope.push(Block::new("Capabilities:", CELL_MUTED));
        list(&mut scope, r.capabilities.iter().map(|c| ctx.capability_name(c)), "None");
    }
    if r.all_platforms {
        scope.push(Block::new("All platforms", CELL_BOLD));
    } else {
        scope.push(Block::new("Platforms:", CELL_MUTED));
        list(&mut scope, r.platforms.iter().map(|p| ctx.platform_name(p)), "None");
    }
    let mut place = Vec::new();
    list(&mut place, r.enforced_by.iter().map(|e| e.label().to_owned()), "Not said");
    place.push(Block::new("Answers:", CELL_MUTED));
    list(&mut place, ctx.citations(&r.obligations).into_iter(), "No obligation linked");
    vec![first, requirement, scope, place]
}

/// Bullets, or `empty` (muted) when there is nothing to list.
fn list(cell: &mut Cell, items: impl Iterator<Item = String>, empty: &str) {
    let before = cell.len();
    cell.extend(items.map(|s| Block::bullet(s, CELL)));
    if cell.len() == before {
        cell.push(Block::new(empty, CELL_MUTED));
    }
}
