//! The words and symbols people read for the values they choose, written once for the app and
//! the PDF: the report uses these functions, and the UI's `labels.ts` is generated from them
//! (`src-tauri/tests/bindings.rs`), so both always say the same thing.

use serde::Serialize;

use crate::model::*;
use crate::review::Decision;
use crate::validate::Section;

/// An enumeration whose values have a label. `ALL` lists every value in the order choices are
/// offered; the generated TypeScript tables follow it.
pub trait Labelled: Copy + Serialize + 'static {
    const ALL: &'static [Self];
    fn label(self) -> &'static str;
}

/// Gives a type its labels from one list of (value => label): a `const fn label` (usable in
/// constant tables such as the report's section list) and `Labelled`. The list is both `ALL` and
/// the exhaustive `match` of `label`, so a new value without a label does not compile.
macro_rules! labels {
    ($ty:ident { $($value:ident => $label:literal),+ $(,)? }) => {
        impl $ty {
            pub const fn label(self) -> &'static str {
                match self {
                    $($ty::$value => $label),+
                }
            }
        }

        impl Labelled for $ty {
            const ALL: &'static [Self] = &[$($ty::$value),+];
            fn label(self) -> &'static str {
                $ty::label(self)
            }
        }
    };
}

labels!(PartyKind { Person => "Person", Team => "Team", Vendor => "Vendor" });

labels!(PlatformKind {
    AdPlatform => "Ad platform",
    Social => "Social",
    CreatorPlatform => "Creator platform",
    Cdp => "Customer data platform (CDP)",
    Dsp => "Demand-side platform (DSP)",
    Crm => "Customer relationship management (CRM)",
    Analytics => "Analytics",
    Other => "Other",
});

labels!(UnavailableBehaviour {
    Pause => "Pause",
    SafeDefault => "Fall back to a safe default",
    NoWorkaround => "No workaround allowed",
    Other => "Other",
});

labels!(DurationUnit { Minutes => "Minutes", Hours => "Hours", Days => "Days" });

labels!(RiskLevel { Low => "Low", Medium => "Medium", High => "High" });

labels!(DecisionMode {
    Autonomous => "Autonomous",
    ConfidenceThreshold => "Confidence threshold + audit log",
    HumanApproval => "Human approval",
});

labels!(Support { Full => "Full", Partial => "Partial", Unsupported => "Unsupported", Untested => "Untested" });

labels!(OperatingMode { Normal => "Normal", Constrained => "Constrained", Disabled => "Disabled" });

labels!(GovernanceLayer {
    WorkflowDesign => "Workflow design",
    DataQuality => "Data quality",
    OverridePolicy => "Override policy",
    IncidentResponse => "Incident response",
    Compliance => "Compliance",
    SpendApproval => "Spend approval",
    Other => "Other",
});

labels!(RaciRole { R => "Responsible", A => "Accountable", C => "Consulted", I => "Informed" });

labels!(BreachAction { BlockAgent => "Block the agent", AlertOwner => "Alert the owner", PauseWorkflow => "Pause the workflow" });

labels!(HardStopKind {
    DailySpendCap => "Daily spend cap",
    TotalSpendCap => "Total spend cap",
    AudienceExclusion => "Audience exclusion list",
    KeywordBlocklist => "Keyword blocklist",
});

labels!(CadenceKind {
    Monthly => "Monthly",
    Quarterly => "Quarterly",
    HalfYearly => "Half-yearly",
    Yearly => "Yearly",
    Custom => "Custom",
});

labels!(Decision { Approved => "Approved", ApprovedWithComments => "Approved with comments", Rejected => "Rejected" });

// A section's label is also its title in the PDF.
labels!(Section {
    Framework => "Scope and jurisdictions",
    Parties => "Parties",
    Platforms => "Interoperability contracts",
    Capabilities => "Capabilities",
    Matrix => "Compatibility matrix",
    Raci => "RACI chart",
    DataQuality => "Data-quality standards",
    HardStops => "Hard stops",
    ComplianceRules => "Compliance rules",
    OverridePolicy => "Override policy",
    ReviewSchedule => "Review schedule",
    Coverage => "Coverage",
});

labels!(RuleKind {
    Consent => "Consent",
    Disclosure => "Disclosure",
    HumanReview => "Human review",
    DataHandling => "Data handling",
});

labels!(Enforcement {
    Agent => "In the agent",
    Platform => "By the platform",
    PrePublicationCheck => "Pre-publication check",
});

/// A symbol for each support level, so that the matrix never relies on colour alone.
pub fn support_symbol(s: Support) -> &'static str {
    match s {
        Support::Full => "\u{2713}",
        Support::Partial => "\u{25D0}",
        Support::Unsupported => "\u{2715}",
        Support::Untested => "?",
    }
}

/// One letter for the operating mode, shown inside a matrix cell.
pub fn mode_letter(m: OperatingMode) -> &'static str {
    match m {
        OperatingMode::Normal => "N",
        OperatingMode::Constrained => "C",
        OperatingMode::Disabled => "D",
    }
}

/// The letter of a RACI role, as the chart shows it.
pub const fn role_letter(r: RaciRole) -> &'static str {
    match r {
        RaciRole::R => "R",
        RaciRole::A => "A",
        RaciRole::C => "C",
        RaciRole::I => "I",
    }
}

/// The value as its interchange file writes it (`"ad_platform"`).
pub fn wire_name<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("labelled values serialise to strings, got {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct<T: Labelled>() {
        let mut seen = std::collections::HashSet::new();
        for v in T::ALL {
            assert!(seen.insert(v.label()), "{} is used twice", v.label());
            assert!(!v.label().is_empty());
        }
    }

    #[test]
    fn every_value_of_every_labelled_kind_has_its_own_label() {
        distinct::<PartyKind>();
        distinct::<PlatformKind>();
        distinct::<UnavailableBehaviour>();
        distinct::<DurationUnit>();
        distinct::<RiskLevel>();
        distinct::<DecisionMode>();
        distinct::<Support>();
        distinct::<OperatingMode>();
        distinct::<GovernanceLayer>();
        distinct::<RaciRole>();
        distinct::<BreachAction>();
        distinct::<HardStopKind>();
        distinct::<CadenceKind>();
        distinct::<Decision>();
        distinct::<Section>();
        distinct::<RuleKind>();
        distinct::<Enforcement>();
    }
}
