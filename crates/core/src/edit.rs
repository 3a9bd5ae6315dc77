//! Edits to a working draft, as the app sends them: one small change each, applied in one
//! transaction by `Store::apply`, with an audit row per changed field and an undo entry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::*;

/// The ordered lists of a framework, for reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Parties,
    Platforms,
    Capabilities,
    Raci,
    DataQuality,
    HardStops,
    ComplianceRules,
}

impl ListKind {
    pub const ALL: [ListKind; 7] = [
        ListKind::Parties,
        ListKind::Platforms,
        ListKind::Capabilities,
        ListKind::Raci,
        ListKind::DataQuality,
        ListKind::HardStops,
        ListKind::ComplianceRules,
    ];

    /// The name of the list in the interchange file and in audit and version keys.
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Parties => "parties",
            ListKind::Platforms => "platforms",
            ListKind::Capabilities => "capabilities",
            ListKind::Raci => "raci",
            ListKind::DataQuality => "data_quality",
            ListKind::HardStops => "hard_stops",
            ListKind::ComplianceRules => "compliance_rules",
        }
    }
}

/// One versioned record of a draft. Its text form keys `FrameworkView::versions`: `details`,
/// `override_policy`, `review_schedule`, `<list>/<id>` or `matrix/<capability>/<platform>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordKey {
    Details,
    OverridePolicy,
    ReviewSchedule,
    Item(ListKind, String),
    Cell { capability: String, platform: String },
}

impl std::fmt::Display for RecordKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordKey::Details => f.write_str("details"),
            RecordKey::OverridePolicy => f.write_str("override_policy"),
            RecordKey::ReviewSchedule => f.write_str("review_schedule"),
            RecordKey::Item(list, id) => write!(f, "{}/{id}", list.key()),
            RecordKey::Cell { capability, platform } => write!(f, "matrix/{capability}/{platform}"),
        }
    }
}

/// The framework's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Details {
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub jurisdictions: Vec<String>,
}

/// One change to a draft. `Put*` creates the item when its id is new and replaces it otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    SetDetails {
        details: Details,
    },
    PutParty {
        party: Party,
    },
    RemoveParty {
        id: String,
    },
    /// Registers (or with `null` removes) a party's signing certificate, in PEM.
    SetCertificate {
        party: String,
        certificate: Option<String>,
    },
    PutPlatform {
        platform: Platform,
    },
    RemovePlatform {
        id: String,
    },
    PutCapability {
        capability: Capability,
    },
    RemoveCapability {
        id: String,
    },
    /// Moves an item of a list to position `to` (0-based; past the end means last).
    Move {
        list: ListKind,
        id: String,
        to: u32,
    },
    PutCell {
        cell: MatrixCell,
    },
    /// Forgets a cell's assessment: the pair becomes untested.
    RemoveCell {
        capability: String,
        platform: String,
    },
    PutActivity {
        activity: RaciActivity,
    },
    /// Sets or clears (`role: null`) one party's letter on one activity.
    SetLetter {
        activity: String,
        party: String,
        role: Option<RaciRole>,
    },
    RemoveActivity {
        id: String,
    },
    PutDataQuality {
        standard: DataQualityStandard,
    },
    RemoveDataQuality {
        id: String,
    },
    PutHardStop {
        stop: HardStop,
    },
    RemoveHardStop {
        id: String,
    },
    PutRule {
        rule: ComplianceRule,
    },
    RemoveRule {
        id: String,
    },
    SetOverridePolicy {
        policy: OverridePolicy,
    },
    SetReviewSchedule {
        schedule: ReviewSchedule,
    },
    /// Puts back a whole earlier draft; what undo uses after a removal that cascaded.
    Restore {
        framework: Box<Framework>,
    },
}

impl Edit {
    /// The versioned record this edit changes; `None` for a whole-draft restore.
    pub fn record(&self) -> Option<RecordKey> {
        use ListKind as L;
        let item = |list: ListKind, id: &str| RecordKey::Item(list, id.to_owned());
        let cell = |c: &str, p: &str| RecordKey::Cell { capability: c.to_owned(), platform: p.to_owned() };
        Some(match self {
            Edit::SetDetails { .. } => RecordKey::Details,
            Edit::PutParty { party } => item(L::Parties, &party.id),
            Edit::RemoveParty { id } => item(L::Parties, id),
            Edit::SetCertificate { party, .. } => item(L::Parties, party),
            Edit::PutPlatform { platform } => item(L::Platforms, &platform.id),
            Edit::RemovePlatform { id } => item(L::Platforms, id),
            Edit::PutCapability { capability } => item(L::Capabilities, &capability.id),
            Edit::RemoveCapability { id } => item(L::Capabilities, id),
            Edit::Move { list, id, .. } => item(*list, id),
            Edit::PutCell { cell: c } => cell(&c.capability, &c.platform),
            Edit::RemoveCell { capability, platform } => cell(capability, platform),
            Edit::PutActivity { activity } => item(L::Raci, &activity.id),
            Edit::SetLetter { activity, .. } => item(L::Raci, activity),
            Edit::RemoveActivity { id } => item(L::Raci, id),
            Edit::PutDataQuality { standard } => item(L::DataQuality, &standard.id),
            Edit::RemoveDataQuality { id } => item(L::DataQuality, id),
            Edit::PutHardStop { stop } => item(L::HardStops, &stop.id),
            Edit::RemoveHardStop { id } => item(L::HardStops, id),
            Edit::PutRule { rule } => item(L::ComplianceRules, &rule.id),
            Edit::RemoveRule { id } => item(L::ComplianceRules, id),
            Edit::SetOverridePolicy { .. } => RecordKey::OverridePolicy,
            Edit::SetReviewSchedule { .. } => RecordKey::ReviewSchedule,
            Edit::Restore { .. } => return None,
        })
    }
}

/// An edit as the app sends it: the framework, the change, and the version of the record the
/// user saw. A different stored version means someone else changed it: the edit is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EditRequest {
    pub framework: String,
    pub edit: Edit,
    /// `None` skips the check (command-line and scripted edits).
    #[ts(type = "number | null")]
    pub expected_version: Option<i64>,
}

/// What removing an item takes with it, in sentences for the confirmation dialog.
pub fn removal_impact(fw: &Framework, edit: &Edit) -> Vec<String> {
    let mut out = Vec::new();
    let names = |ids: Vec<&str>| ids.join(", ");
    match edit {
        Edit::RemoveParty { id } => {
            let letters = fw.raci.iter().filter(|a| a.assignments.iter().any(|x| &x.party == id)).count();
            if letters > 0 {
                out.push(format!("its RACI letters on {letters} activit{}", if letters == 1 { "y" } else { "ies" }));
            }
            let owned: Vec<&str> =
                fw.data_quality.iter().filter(|d| &d.owner == id).map(|d| d.data_input.as_str()).collect();
            if !owned.is_empty() {
                out.push(format!(
                    "it owns {} data-quality standard(s) ({}), which must get another owner first",
                    owned.len(),
                    names(owned)
                ));
            }
            let rules: Vec<&str> =
                fw.compliance_rules.iter().filter(|r| &r.owner == id).map(|r| r.name.as_str()).collect();
            if !rules.is_empty() {
                out.push(format!(
                    "it owns {} compliance rule(s) ({}), which must get another owner first",
                    rules.len(),
                    names(rules)
                ));
            }
            let stops: Vec<&str> =
                fw.hard_stops.iter().filter(|h| h.lift_authority.contains(id)).map(|h| h.name.as_str()).collect();
            if !stops.is_empty() {
                out.push(format!("its authority to lift {} hard stop(s) ({})", stops.len(), names(stops)));
            }
            if fw.override_policy.kill_switch_holders.contains(id) {
                out.push("its place among the kill-switch holders".into());
            }
            if fw.review_schedule.required_signatories.contains(id) {
                out.push("its place among the required signatories".into());
            }
        }
        Edit::RemovePlatform { id } => {
            let cells = fw.matrix.iter().filter(|c| &c.platform == id).count();
            if cells > 0 {
                out.push(format!("{cells} matrix cell(s)"));
            }
            let dq: Vec<&str> = fw
                .data_quality
                .iter()
                .filter(|d| d.source_platform.as_ref() == Some(id))
                .map(|d| d.data_input.as_str())
                .collect();
            if !dq.is_empty() {
                out.push(format!("the source platform of {} data-quality standard(s) ({})", dq.len(), names(dq)));
            }
            let stops: Vec<&str> =
                fw.hard_stops.iter().filter(|h| h.platforms.contains(id)).map(|h| h.name.as_str()).collect();
            if !stops.is_empty() {
                out.push(format!("its place in the scope of {} hard stop(s) ({})", stops.len(), names(stops)));
            }
            let rules: Vec<&str> =
                fw.compliance_rules.iter().filter(|r| r.platforms.contains(id)).map(|r| r.name.as_str()).collect();
            if !rules.is_empty() {
                out.push(format!("its place in the scope of {} compliance rule(s) ({})", rules.len(), names(rules)));
            }
        }
        Edit::RemoveCapability { id } => {
            let cells = fw.matrix.iter().filter(|c| &c.capability == id).count();
            if cells > 0 {
                out.push(format!("{cells} matrix cell(s)"));
            }
            let rules: Vec<&str> =
                fw.compliance_rules.iter().filter(|r| r.capabilities.contains(id)).map(|r| r.name.as_str()).collect();
            if !rules.is_empty() {
                out.push(format!("its place in the scope of {} compliance rule(s) ({})", rules.len(), names(rules)));
            }
        }
        Edit::RemoveActivity { id } => {
            if let Some(a) = fw.raci.iter().find(|a| &a.id == id) {
                if !a.assignments.is_empty() {
                    out.push(format!("its {} RACI letter(s)", a.assignments.len()));
                }
            }
        }
        _ => {}
    }
    out
}

/// A new id from a name: lower-case ASCII letters and digits joined by '-', unique among `taken`.
pub fn slug(name: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
        if base.len() >= 48 {
            break;
        }
    }
    let base = base.trim_end_matches('-').to_owned();
    let base = if base.is_empty() { "item".to_owned() } else { base };
    if !taken(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|c| !taken(c)).expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_ascii_and_unique() {
        let taken = |s: &str| s == "tiktok-ads" || s == "tiktok-ads-2";
        assert_eq!(slug("TikTok Ads", &taken), "tiktok-ads-3");
        assert_eq!(slug("  Données & CRM!! ", &|_| false), "donn-es-crm");
        assert_eq!(slug("***", &|_| false), "item");
    }
}
