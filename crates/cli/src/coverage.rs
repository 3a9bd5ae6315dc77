//! `coverage`: per declared jurisdiction and applicable catalogue, how many obligations the
//! framework answers, and each gap; the same `core::coverage` the app and the PDF show.

use governance_core::coverage::{coverage, CoverageGroup};
use governance_core::obligations::{catalogue, obligation};
use governance_core::Framework;

/// The coverage report as text: one line per group, then its gaps (or, with `all`, every
/// obligation with what answers it).
pub fn text(fw: &Framework, all: bool) -> String {
    let c = coverage(fw);
    let mut out = String::new();
    for g in &c.groups {
        out.push_str(&heading(g));
        for item in &g.items {
            let Some((_, o)) = obligation(&item.obligation) else { continue };
            if item.answers.is_empty() {
                out.push_str(&format!("  gap       {}  {}\n", o.citation, o.title));
            } else if all {
                let parts: Vec<String> = item.answers.iter().map(|a| a.path.clone()).collect();
                out.push_str(&format!("  answered  {}  {}: {}\n", o.citation, o.title, parts.join(", ")));
            }
        }
    }
    for j in &c.unmatched_jurisdictions {
        out.push_str(&format!("{j}: no shipped catalogue applies\n"));
    }
    let gaps: usize = c.groups.iter().map(|g| g.gaps().count()).sum();
    out.push_str(&format!("{}: {gaps} gap(s); summaries in our own words, not legal advice\n", fw.name));
    out
}

fn heading(g: &CoverageGroup) -> String {
    let title = catalogue(&g.catalogue).map_or(g.catalogue.as_str(), |c| c.title.as_str());
    let answered = g.items.len() - g.gaps().count();
    let place = g.jurisdiction.as_deref().unwrap_or("every jurisdiction");
    format!("{place}, {title}: {answered} of {} answered\n", g.items.len())
}
