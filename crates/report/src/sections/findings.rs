//! The validation findings printed at the end of the section they concern.

use governance_core::{Finding, Section, Severity};

use super::blocks::{h3, severity_cell};
use super::context::Ctx;
use super::format::plural;
use crate::layout::{cell, Block, Column, Doc, TABLE};
use crate::style::{CELL, NOTE, SMALL_MUTED};

/// The validation findings of some sections, or a sentence saying there are none.
pub(super) fn findings(doc: &mut Doc, ctx: &Ctx, sections: &[Section], title: &str) {
    let list: Vec<&Finding> = ctx.data.findings.iter().filter(|f| sections.contains(&f.section)).collect();
    h3(doc, title);
    if list.is_empty() {
        doc.para("No validation findings.", NOTE, 0.0, 4.0);
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
