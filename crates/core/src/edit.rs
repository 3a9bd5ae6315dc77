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
}

impl ListKind {
    pub(crate) fn table(self) -> &'static str {
        match self {
            ListKind::Parties => "parties",
            ListKind::Platforms => "platforms",
            ListKind::Capabilities => "capabilities",
            ListKind::Raci => "raci_activities",
            ListKind::DataQuality => "dq_standards",
            ListKind::HardStops => "hard_stops",
        }
    }

    /// The name of the list in the interchange file and in audit and version keys.
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Parties => "parties",
            ListKind::Platforms => "platforms",
            ListKind::Capabilities => "capabilities",
            ListKind::Raci => "raci",
            ListKind::DataQuality => "data_quality",
            ListKind::HardStops => "hard_stops",
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
    /// The key of the versioned record this edit changes, as in `FrameworkView::versions`.
    pub fn version_key(&self) -> Option<String> {
        Some(match self {
            Edit::SetDetails { .. } => "details".into(),
            Edit::PutParty { party } => format!("parties/{}", party.id),
            Edit::RemoveParty { id } => format!("parties/{id}"),
            Edit::PutPlatform { platform } => format!("platforms/{}", platform.id),
            Edit::RemovePlatform { id } => format!("platforms/{id}"),
            Edit::PutCapability { capability } => format!("capabilities/{}", capability.id),
            Edit::RemoveCapability { id } => format!("capabilities/{id}"),
            Edit::Move { list, id, .. } => format!("{}/{id}", list.key()),
            Edit::PutCell { cell } => format!("matrix/{}/{}", cell.capability, cell.platform),
            Edit::RemoveCell { capability, platform } => format!("matrix/{capability}/{platform}"),
            Edit::PutActivity { activity } => format!("raci/{}", activity.id),
            Edit::SetLetter { activity, .. } => format!("raci/{activity}"),
            Edit::RemoveActivity { id } => format!("raci/{id}"),
            Edit::PutDataQuality { standard } => format!("data_quality/{}", standard.id),
            Edit::RemoveDataQuality { id } => format!("data_quality/{id}"),
            Edit::PutHardStop { stop } => format!("hard_stops/{}", stop.id),
            Edit::RemoveHardStop { id } => format!("hard_stops/{id}"),
            Edit::SetOverridePolicy { .. } => "override_policy".into(),
            Edit::SetReviewSchedule { .. } => "review_schedule".into(),
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
        }
        Edit::RemoveCapability { id } => {
            let cells = fw.matrix.iter().filter(|c| &c.capability == id).count();
            if cells > 0 {
                out.push(format!("{cells} matrix cell(s)"));
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
