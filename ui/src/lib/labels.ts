// Generated from crates/core/src/labels.rs by src-tauri/tests/bindings.rs (`make generate`). Do not edit.
// The PDF uses the same words and symbols.
import type {
  BreachAction,
  CadenceKind,
  Decision,
  DecisionMode,
  DurationUnit,
  Enforcement,
  GovernanceLayer,
  HardStopKind,
  OperatingMode,
  PartyKind,
  PlatformKind,
  RaciRole,
  RiskLevel,
  RuleKind,
  Section,
  Support,
  UnavailableBehaviour,
} from "./bindings";

/** Kinds of party. */
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  person: "Person",
  team: "Team",
  vendor: "Vendor",
};

/** Kinds of platform. */
export const PLATFORM_KIND_LABELS: Record<PlatformKind, string> = {
  ad_platform: "Ad platform",
  social: "Social",
  creator_platform: "Creator platform",
  cdp: "Customer data platform (CDP)",
  dsp: "Demand-side platform (DSP)",
  crm: "Customer relationship management (CRM)",
  analytics: "Analytics",
  other: "Other",
};

/** What the agent does when a platform is down. */
export const UNAVAILABLE_LABELS: Record<UnavailableBehaviour, string> = {
  pause: "Pause",
  safe_default: "Fall back to a safe default",
  no_workaround: "No workaround allowed",
  other: "Other",
};

/** Units of a duration. */
export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = {
  minutes: "Minutes",
  hours: "Hours",
  days: "Days",
};

/** Risk levels of a capability. */
export const RISK_LABELS: Record<RiskLevel, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

/** How a capability decides. */
export const DECISION_MODE_LABELS: Record<DecisionMode, string> = {
  autonomous: "Autonomous",
  confidence_threshold: "Confidence threshold + audit log",
  human_approval: "Human approval",
};

/** Support levels of a matrix cell. */
export const SUPPORT_LABELS: Record<Support, string> = {
  full: "Full",
  partial: "Partial",
  unsupported: "Unsupported",
  untested: "Untested",
};

/** A symbol for each support level, so that the matrix does not rely on colour alone. */
export const SUPPORT_GLYPHS: Record<Support, string> = {
  full: "✓",
  partial: "◐",
  unsupported: "✕",
  untested: "?",
};

/** Operating modes of a matrix cell. */
export const MODE_LABELS: Record<OperatingMode, string> = {
  normal: "Normal",
  constrained: "Constrained",
  disabled: "Disabled",
};

/** One letter for the operating mode, shown inside a matrix cell. */
export const MODE_LETTERS: Record<OperatingMode, string> = {
  normal: "N",
  constrained: "C",
  disabled: "D",
};

/** Governance layers of a RACI activity. */
export const LAYER_LABELS: Record<GovernanceLayer, string> = {
  workflow_design: "Workflow design",
  data_quality: "Data quality",
  override_policy: "Override policy",
  incident_response: "Incident response",
  compliance: "Compliance",
  spend_approval: "Spend approval",
  other: "Other",
};

/** What each RACI letter stands for. */
export const RACI_LABELS: Record<RaciRole, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

/** What happens when a data-quality standard is breached. */
export const BREACH_LABELS: Record<BreachAction, string> = {
  block_agent: "Block the agent",
  alert_owner: "Alert the owner",
  pause_workflow: "Pause the workflow",
};

/** Kinds of hard stop. */
export const HARD_STOP_KIND_LABELS: Record<HardStopKind, string> = {
  daily_spend_cap: "Daily spend cap",
  total_spend_cap: "Total spend cap",
  audience_exclusion: "Audience exclusion list",
  keyword_blocklist: "Keyword blocklist",
};

/** Kinds of cadence. */
export const CADENCE_KIND_LABELS: Record<CadenceKind, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  half_yearly: "Half-yearly",
  yearly: "Yearly",
  custom: "Custom",
};

/** Decisions of a sign-off. */
export const DECISION_LABELS: Record<Decision, string> = {
  approved: "Approved",
  approved_with_comments: "Approved with comments",
  rejected: "Rejected",
};

/** Kinds of compliance rule. */
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  consent: "Consent",
  disclosure: "Disclosure",
  human_review: "Human review",
  data_handling: "Data handling",
};

/** Where a compliance rule is enforced. */
export const ENFORCEMENT_LABELS: Record<Enforcement, string> = {
  agent: "In the agent",
  platform: "By the platform",
  pre_publication_check: "Pre-publication check",
};

/** Sections of a framework, as findings name them. */
export const SECTION_LABELS: Record<Section, string> = {
  framework: "Scope and jurisdictions",
  parties: "Parties",
  platforms: "Interoperability contracts",
  capabilities: "Capabilities",
  matrix: "Compatibility matrix",
  raci: "RACI chart",
  data_quality: "Data-quality standards",
  hard_stops: "Hard stops",
  compliance_rules: "Compliance rules",
  override_policy: "Override policy",
  review_schedule: "Review schedule",
  coverage: "Coverage",
};

/** The shortest passphrase a new signing key file accepts: the form says so, the back end checks it. */
export const MIN_PASSPHRASE_CHARS = 10;
