//! The governance framework as users document it (SPEC section 1).
//!
//! These types are also the JSON interchange format ("framework as code"): field order here is
//! the order in exported files, so changing it changes every export and every snapshot hash.
//! The `serde` and `schemars` attributes hold the interchange rules: dates are read strictly
//! (`interchange::dates`) and each field names its JSON Schema rule (`interchange::schema`).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::interchange::{dates, schema};

/// Name and version of the interchange format written at the top of every exported file.
pub const FORMAT_NAME: &str = "governance-workbench/framework";
pub const FORMAT_VERSION: u32 = 3;
/// The oldest format version this app still reads. Version 1 had no signing certificates;
/// versions 1 and 2 had no compliance rules and no links to obligations.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A whole interchange file: a format header and one framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    #[schemars(schema_with = "schema::format_name")]
    pub format: String,
    #[schemars(schema_with = "schema::format_version")]
    pub format_version: u32,
    pub framework: Framework,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    #[schemars(schema_with = "schema::one_line")]
    pub organisation: String,
    #[schemars(schema_with = "schema::free_text")]
    pub description: String,
    #[schemars(schema_with = "schema::entries")]
    pub jurisdictions: Vec<String>,
    pub parties: Vec<Party>,
    pub platforms: Vec<Platform>,
    pub capabilities: Vec<Capability>,
    /// Assessed cells only; a capability x platform pair without a cell is untested.
    pub matrix: Vec<MatrixCell>,
    pub raci: Vec<RaciActivity>,
    pub data_quality: Vec<DataQualityStandard>,
    pub hard_stops: Vec<HardStop>,
    /// Per-jurisdiction consent, disclosure, human-review and data-handling rules. Added in
    /// format version 3.
    #[serde(default)]
    pub compliance_rules: Vec<ComplianceRule>,
    pub override_policy: OverridePolicy,
    pub review_schedule: ReviewSchedule,
}

impl Framework {
    /// A framework with its own fields only: every list (parties, platforms, capabilities,
    /// cells, activities, standards, hard stops, rules) empty.
    pub fn with_own_fields(
        id: String,
        name: String,
        organisation: String,
        description: String,
        jurisdictions: Vec<String>,
        override_policy: OverridePolicy,
        review_schedule: ReviewSchedule,
    ) -> Framework {
        Framework {
            id,
            name,
            organisation,
            description,
            jurisdictions,
            parties: Vec::new(),
            platforms: Vec::new(),
            capabilities: Vec::new(),
            matrix: Vec::new(),
            raci: Vec::new(),
            data_quality: Vec::new(),
            hard_stops: Vec::new(),
            compliance_rules: Vec::new(),
            override_policy,
            review_schedule,
        }
    }
}

impl Framework {
    /// The same framework without compliance rules and without links to obligations: what a
    /// file of interchange format 1 or 2 could hold.
    pub fn without_compliance(mut self) -> Framework {
        self.compliance_rules.clear();
        self.capabilities.iter_mut().for_each(|x| x.obligations.clear());
        self.raci.iter_mut().for_each(|x| x.obligations.clear());
        self.data_quality.iter_mut().for_each(|x| x.obligations.clear());
        self.hard_stops.iter_mut().for_each(|x| x.obligations.clear());
        self.override_policy.obligations.clear();
        self.review_schedule.obligations.clear();
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    Person,
    Team,
    Vendor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    #[schemars(schema_with = "schema::one_line")]
    pub title: String,
    #[schemars(schema_with = "schema::optional_email")]
    pub email: Option<String>,
    pub kind: PartyKind,
    /// The party's X.509 signing certificate (PEM), when it signs off reviews. Part of the
    /// snapshot: changing who may sign means publishing a new version. Added in format version 2.
    pub certificate: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlatformKind {
    AdPlatform,
    Social,
    CreatorPlatform,
    Cdp,
    Dsp,
    Crm,
    Analytics,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    pub kind: PlatformKind,
    pub contract: InteropContract,
}

/// What the agent does when a platform cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnavailableBehaviour {
    Pause,
    SafeDefault,
    NoWorkaround,
    Other,
}

/// The interoperability contract between the agent and one platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InteropContract {
    #[schemars(schema_with = "schema::entries")]
    pub data_formats: Vec<String>,
    pub required_latency: Duration,
    #[schemars(schema_with = "schema::free_text")]
    pub error_handling: String,
    #[schemars(schema_with = "schema::entries")]
    pub permission_scopes: Vec<String>,
    pub when_unavailable: UnavailableBehaviour,
    /// Required when `when_unavailable` is `other`; optional detail otherwise.
    #[schemars(schema_with = "schema::free_text")]
    pub when_unavailable_detail: String,
    #[schemars(schema_with = "schema::free_text")]
    pub latency_notes: String,
    #[schemars(schema_with = "schema::free_text")]
    pub policy_notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
}

/// A positive length of time, kept as the user wrote it (24 hours stays 24 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    #[schemars(schema_with = "schema::positive_count")]
    pub amount: u32,
    pub unit: DurationUnit,
}

impl Duration {
    pub fn minutes(self) -> u64 {
        let per = match self.unit {
            DurationUnit::Minutes => 1,
            DurationUnit::Hours => 60,
            DurationUnit::Days => 24 * 60,
        };
        u64::from(self.amount) * per
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (one, many) = match self.unit {
            DurationUnit::Minutes => ("minute", "minutes"),
            DurationUnit::Hours => ("hour", "hours"),
            DurationUnit::Days => ("day", "days"),
        };
        write!(f, "{} {}", self.amount, if self.amount == 1 { one } else { many })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionMode {
    Autonomous,
    /// The agent acts alone above a confidence threshold and logs every decision for audit.
    ConfidenceThreshold,
    HumanApproval,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    #[schemars(schema_with = "schema::free_text")]
    pub description: String,
    pub risk: RiskLevel,
    pub decision_mode: DecisionMode,
    /// Required when the decision mode is `confidence_threshold`.
    #[schemars(schema_with = "schema::free_text")]
    pub threshold: String,
    /// The obligations (`core::obligations` ids) its decision mode answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    Full,
    Partial,
    Unsupported,
    Untested,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OperatingMode {
    Normal,
    Constrained,
    Disabled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatrixCell {
    #[schemars(schema_with = "schema::id")]
    pub capability: String,
    #[schemars(schema_with = "schema::id")]
    pub platform: String,
    pub support: Support,
    pub mode: OperatingMode,
    #[schemars(schema_with = "schema::free_text")]
    pub constraints: String,
    #[schemars(schema_with = "schema::free_text")]
    pub evidence: String,
    #[ts(type = "string | null")]
    #[serde(with = "dates::optional")]
    #[schemars(schema_with = "schema::optional_date")]
    pub last_verified: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GovernanceLayer {
    WorkflowDesign,
    DataQuality,
    OverridePolicy,
    IncidentResponse,
    Compliance,
    SpendApproval,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
pub enum RaciRole {
    R,
    A,
    C,
    I,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaciAssignment {
    #[schemars(schema_with = "schema::id")]
    pub party: String,
    pub role: RaciRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaciActivity {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    pub layer: GovernanceLayer,
    pub assignments: Vec<RaciAssignment>,
    /// The obligations (`core::obligations` ids) this part answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BreachAction {
    BlockAgent,
    AlertOwner,
    PauseWorkflow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataQualityStandard {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub data_input: String,
    /// The platform the data comes from; `null` for internal or derived data.
    #[schemars(schema_with = "schema::optional_id")]
    pub source_platform: Option<String>,
    #[schemars(schema_with = "schema::id")]
    pub owner: String,
    #[schemars(schema_with = "schema::percent")]
    pub min_completeness_pct: f64,
    /// Data older than this must not trigger an action.
    pub max_age: Duration,
    #[schemars(schema_with = "schema::entries")]
    pub validation_rules: Vec<String>,
    /// Highest share of duplicate records tolerated, where the input has a uniqueness limit.
    #[schemars(schema_with = "schema::optional_percent")]
    pub max_duplicate_pct: Option<f64>,
    pub on_breach: BreachAction,
    #[schemars(schema_with = "schema::free_text")]
    pub notes: String,
    /// The obligations (`core::obligations` ids) this part answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HardStopKind {
    DailySpendCap,
    TotalSpendCap,
    AudienceExclusion,
    KeywordBlocklist,
}

impl HardStopKind {
    pub fn is_spend_cap(self) -> bool {
        matches!(self, HardStopKind::DailySpendCap | HardStopKind::TotalSpendCap)
    }
}

/// An amount of money, kept as a decimal string so that no rounding ever changes a cap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    #[schemars(schema_with = "schema::amount")]
    pub amount: String,
    #[schemars(schema_with = "schema::currency")]
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HardStop {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    pub kind: HardStopKind,
    /// Required for spend caps, `null` otherwise.
    pub cap: Option<Money>,
    /// Excluded audiences or blocked keywords; empty for spend caps.
    #[schemars(schema_with = "schema::entries")]
    pub entries: Vec<String>,
    pub all_platforms: bool,
    /// The platforms it applies to when `all_platforms` is false.
    #[schemars(schema_with = "schema::ids")]
    pub platforms: Vec<String>,
    /// Parties allowed to lift the stop.
    #[schemars(schema_with = "schema::ids")]
    pub lift_authority: Vec<String>,
    #[schemars(schema_with = "schema::free_text")]
    pub notes: String,
    /// The obligations (`core::obligations` ids) this part answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CadenceKind {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    Custom,
}

/// How often something recurs; `custom_days` is used only with `custom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = schema::cadence_rule)]
pub struct Cadence {
    pub kind: CadenceKind,
    pub custom_days: Option<u32>,
}

impl std::fmt::Display for Cadence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            CadenceKind::Monthly => f.write_str("monthly"),
            CadenceKind::Quarterly => f.write_str("quarterly"),
            CadenceKind::HalfYearly => f.write_str("half-yearly"),
            CadenceKind::Yearly => f.write_str("yearly"),
            CadenceKind::Custom => match self.custom_days {
                Some(d) => write!(f, "every {d} days"),
                None => f.write_str("custom (days not set)"),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverridePolicy {
    #[schemars(schema_with = "schema::ids")]
    pub kill_switch_holders: Vec<String>,
    #[schemars(schema_with = "schema::free_text")]
    pub trigger_procedure: String,
    pub test_cadence: Cadence,
    #[ts(type = "string | null")]
    #[serde(with = "dates::optional")]
    #[schemars(schema_with = "schema::optional_date")]
    pub last_tested: Option<NaiveDate>,
    #[schemars(schema_with = "schema::free_text")]
    pub notes: String,
    /// The obligations (`core::obligations` ids) this part answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewSchedule {
    pub cadence: Cadence,
    #[schemars(schema_with = "schema::ids")]
    pub required_signatories: Vec<String>,
    #[ts(type = "string")]
    #[serde(with = "dates")]
    #[schemars(schema_with = "schema::date")]
    pub next_due: NaiveDate,
    /// The obligations (`core::obligations` ids) this part answers. Added in format version 3.
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

/// What a compliance rule makes the agent do (SPEC section 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A lawful basis or opt-in is needed before targeting or using a data category.
    Consent,
    /// Sponsored or endorsement disclosure, labels on AI-generated content, notice of automated decisions.
    Disclosure,
    /// How a consumer gets a person to review or contest a decision.
    HumanReview,
    /// Retention, transfers, sensitive categories.
    DataHandling,
}

impl RuleKind {
    pub const ALL: [RuleKind; 4] =
        [RuleKind::Consent, RuleKind::Disclosure, RuleKind::HumanReview, RuleKind::DataHandling];
}

/// Where a rule is enforced as the agent acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Enforcement {
    /// The agent checks the rule itself before it acts.
    Agent,
    /// The platform enforces it (a consent mode, a disclosure toggle, a policy check).
    Platform,
    /// A check before anything is published stops what breaks the rule.
    PrePublicationCheck,
}

/// One consent, disclosure, human-review or data-handling rule the agents apply in one
/// jurisdiction. Added in format version 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplianceRule {
    #[schemars(schema_with = "schema::id")]
    pub id: String,
    #[schemars(schema_with = "schema::name")]
    pub name: String,
    /// One of the framework's jurisdictions.
    #[schemars(schema_with = "schema::one_line")]
    pub jurisdiction: String,
    pub kind: RuleKind,
    /// What the agent must do, in words.
    #[schemars(schema_with = "schema::free_text")]
    pub requirement: String,
    pub all_capabilities: bool,
    /// The capabilities it applies to when `all_capabilities` is false.
    #[schemars(schema_with = "schema::ids")]
    pub capabilities: Vec<String>,
    pub all_platforms: bool,
    /// The platforms it applies to when `all_platforms` is false.
    #[schemars(schema_with = "schema::ids")]
    pub platforms: Vec<String>,
    /// Where it is enforced; at least one place.
    pub enforced_by: Vec<Enforcement>,
    /// What shows that it is applied (logs, platform settings, review records).
    #[schemars(schema_with = "schema::free_text")]
    pub evidence: String,
    /// The party that owns the rule.
    #[schemars(schema_with = "schema::id")]
    pub owner: String,
    #[serde(default)]
    #[schemars(schema_with = "schema::obligation_ids")]
    pub obligations: Vec<String>,
}

impl ComplianceRule {
    pub fn covers(&self, capability: &str, platform: &str) -> bool {
        (self.all_capabilities || self.capabilities.iter().any(|c| c == capability))
            && (self.all_platforms || self.platforms.iter().any(|p| p == platform))
    }
}
