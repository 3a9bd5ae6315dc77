//! The words the report uses for the framework's enums, and nothing else: one place, so that they
//! can move to core and be shared with the app.

use governance_core::{
    BreachAction, Cadence, DecisionMode, GovernanceLayer, HardStopKind, OperatingMode, PartyKind, PlatformKind,
    RaciRole, RiskLevel, Section, Support, UnavailableBehaviour,
};

pub(crate) fn platform_kind(k: PlatformKind) -> &'static str {
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

pub(crate) fn party_kind(k: PartyKind) -> &'static str {
    match k {
        PartyKind::Person => "Person",
        PartyKind::Team => "Team",
        PartyKind::Vendor => "Vendor",
    }
}

pub(crate) fn risk(r: RiskLevel) -> &'static str {
    match r {
        RiskLevel::Low => "Low",
        RiskLevel::Medium => "Medium",
        RiskLevel::High => "High",
    }
}

pub(crate) fn decision_mode(m: DecisionMode) -> &'static str {
    match m {
        DecisionMode::Autonomous => "Autonomous",
        DecisionMode::ConfidenceThreshold => "Confidence threshold + audit log",
        DecisionMode::HumanApproval => "Human approval",
    }
}

pub(crate) fn unavailable(b: UnavailableBehaviour) -> &'static str {
    match b {
        UnavailableBehaviour::Pause => "Pause",
        UnavailableBehaviour::SafeDefault => "Safe default",
        UnavailableBehaviour::NoWorkaround => "No workaround allowed",
        UnavailableBehaviour::Other => "Other",
    }
}

pub(crate) fn layer(l: GovernanceLayer) -> &'static str {
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

pub(crate) fn breach(b: BreachAction) -> &'static str {
    match b {
        BreachAction::BlockAgent => "Block the agent",
        BreachAction::AlertOwner => "Alert the owner",
        BreachAction::PauseWorkflow => "Pause the workflow",
    }
}

pub(crate) fn hard_stop_kind(k: HardStopKind) -> &'static str {
    match k {
        HardStopKind::DailySpendCap => "Daily spend cap",
        HardStopKind::TotalSpendCap => "Total spend cap",
        HardStopKind::AudienceExclusion => "Audience exclusion list",
        HardStopKind::KeywordBlocklist => "Keyword blocklist",
    }
}

/// "Every 3 months", from the cadence's own wording.
pub(crate) fn cadence(c: &Cadence) -> String {
    capitalised(&c.to_string())
}

/// The report section that shows a part of the framework; also the section's title.
pub(crate) const fn section_name(s: Section) -> &'static str {
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

pub(crate) fn support(s: Support) -> &'static str {
    match s {
        Support::Full => "Full",
        Support::Partial => "Partial",
        Support::Unsupported => "Unsupported",
        Support::Untested => "Untested",
    }
}

/// The symbol that says the support level without colour.
pub(crate) fn support_symbol(s: Support) -> &'static str {
    match s {
        Support::Full => "\u{25CF}",
        Support::Partial => "\u{25D0}",
        Support::Unsupported => "\u{2715}",
        Support::Untested => "?",
    }
}

pub(crate) fn mode_letter(m: OperatingMode) -> &'static str {
    match m {
        OperatingMode::Normal => "N",
        OperatingMode::Constrained => "C",
        OperatingMode::Disabled => "D",
    }
}

pub(crate) fn mode_title(m: OperatingMode) -> &'static str {
    match m {
        OperatingMode::Normal => "Normal",
        OperatingMode::Constrained => "Constrained",
        OperatingMode::Disabled => "Disabled",
    }
}

pub(crate) fn raci_letter(r: RaciRole) -> &'static str {
    match r {
        RaciRole::A => "A",
        RaciRole::R => "R",
        RaciRole::C => "C",
        RaciRole::I => "I",
    }
}

/// A sign-off decision as stored ("approved_with_comments") in words ("Approved with comments").
pub(crate) fn decision(stored: &str) -> String {
    capitalised(&stored.replace('_', " "))
}

fn capitalised(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + cs.as_str(),
        None => s.to_owned(),
    }
}
