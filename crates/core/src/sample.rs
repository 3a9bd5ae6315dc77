//! Generated frameworks for benchmarks and scale tests (SPEC section 6).
//!
//! [`large_framework`] builds the SPEC 6 "large framework": 60 platforms, 200 capabilities with a
//! full 12,000-cell compatibility matrix, 40 parties, 300 RACI activities and 1,000 data-quality
//! standards, with names and texts of realistic length. It is fully deterministic: the only
//! variation comes from a hand-written linear congruential generator with a fixed seed, so every
//! call returns the same framework (and the same canonical JSON and hash).

use chrono::NaiveDate;

use crate::model::*;

/// Sizes of the large framework (SPEC section 6).
pub const LARGE_PLATFORMS: usize = 60;
pub const LARGE_CAPABILITIES: usize = 200;
pub const LARGE_PARTIES: usize = 40;
pub const LARGE_ACTIVITIES: usize = 300;
pub const LARGE_DATA_QUALITY: usize = 1_000;

/// Knuth's MMIX LCG; the high bits are used, the low bits of an LCG are poor.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// `true` with the given percentage.
    fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// An id of at most 64 characters (the id rule), cut at a word boundary.
fn short_id(s: &str) -> String {
    if s.len() <= 64 {
        return s.to_owned();
    }
    let cut = &s[..64];
    cut[..cut.rfind('-').unwrap_or(64)].to_owned()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

fn dur(amount: u32, unit: DurationUnit) -> Duration {
    Duration { amount, unit }
}

const PEOPLE: [(&str, &str); 28] = [
    ("Amara Okoye", "Chief Marketing Officer"),
    ("Jonas Lindqvist", "General Counsel"),
    ("Priya Raman", "Chief Information Security Officer"),
    ("Mateo Alvarez", "VP Performance Marketing"),
    ("Hannah Becker", "Head of Marketing Data"),
    ("Kenji Watanabe", "Agent Operations Lead"),
    ("Olivia Grant", "Finance Controller, Marketing"),
    ("Samuel Mensah", "Data Protection Officer"),
    ("Chloé Martin", "Head of Brand Safety"),
    ("Rahul Deshpande", "Head of Programmatic"),
    ("Sofia Rossi", "Head of Paid Social"),
    ("Liam O'Connor", "Head of CRM and Lifecycle"),
    ("Mei Chen", "Head of Creator Partnerships"),
    ("Tomasz Nowak", "Marketing Technology Architect"),
    ("Fatima Al-Sayed", "Privacy Counsel, EMEA"),
    ("Daniel Kim", "Search Marketing Manager"),
    ("Grace Thompson", "Analytics Lead"),
    ("Lucas Ferreira", "Regional Marketing Director, Americas"),
    ("Ingrid Hansen", "Regional Marketing Director, EMEA"),
    ("Arjun Mehta", "Regional Marketing Director, APAC"),
    ("Zoe Williams", "Owned Channels Manager"),
    ("Noah Schmidt", "Procurement Manager, Media"),
    ("Aisha Bello", "Internal Audit Manager"),
    ("Ethan Clarke", "Incident Manager, Marketing Systems"),
    ("Yuki Tanaka", "Localisation Lead"),
    ("Isabela Costa", "Customer Insights Manager"),
    ("Oskar Virtanen", "Site Reliability Engineer, Agents"),
    ("Leila Haddad", "Responsible AI Lead"),
];

const TEAMS: [(&str, &str); 9] = [
    ("Performance Marketing Team", "Media buyers and campaign managers"),
    ("Agent Operations On-Call", "24/7 rota for the agent runtime"),
    ("Marketing Data Engineering", "Pipelines, identity and the CDP"),
    ("Privacy Office", "Consent, data subject requests and DPIAs"),
    ("Brand Safety Desk", "Placement and content review"),
    ("Marketing Finance Operations", "Budgets, invoices and the spend ledger"),
    ("Creator Partnerships Team", "Creator sourcing, contracts and payments"),
    ("Customer Insights Team", "Research, segmentation and measurement"),
    ("Security Operations Centre", "Monitoring and incident response"),
];

const VENDORS: [(&str, &str); 3] = [
    ("Brightline Agents Inc.", "Agent runtime vendor"),
    ("Harbour & Finch Media", "Media agency of record"),
    ("Veritas Verification Ltd.", "Independent ad verification"),
];

fn parties() -> Vec<Party> {
    let mut out = Vec::with_capacity(LARGE_PARTIES);
    for (name, title) in PEOPLE {
        let ascii: String = name
            .chars()
            .map(|c| match c {
                'é' => 'e',
                _ => c,
            })
            .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
            .collect();
        let email = format!("{}@northwind-outfitters.example.com", ascii.to_ascii_lowercase().replace(' ', "."));
        out.push(Party {
            id: slug(&ascii),
            name: name.to_owned(),
            title: title.to_owned(),
            email: Some(email),
            kind: PartyKind::Person,
            certificate: None,
        });
    }
    for (name, title) in TEAMS {
        out.push(Party {
            id: slug(name),
            name: name.to_owned(),
            title: title.to_owned(),
            email: Some(format!("{}@northwind-outfitters.example.com", slug(name))),
            kind: PartyKind::Team,
            certificate: None,
        });
    }
    for (name, title) in VENDORS {
        out.push(Party {
            id: slug(name),
            name: name.to_owned(),
            title: title.to_owned(),
            email: None,
            kind: PartyKind::Vendor,
            certificate: None,
        });
    }
    debug_assert_eq!(out.len(), LARGE_PARTIES);
    out
}

struct PlatformBase {
    name: &'static str,
    kind: PlatformKind,
    formats: &'static [&'static str],
    scopes: &'static [&'static str],
}

const AD_FORMATS: &[&str] = &[
    "Campaign management API calls (JSON over REST)",
    "Reporting API results (JSON, paginated, UTC day boundaries)",
    "Offline conversion uploads (click ID or SHA-256 hashed email)",
    "Customer list uploads (SHA-256 hashed email and phone)",
    "Bulk sheets (CSV, UTF-8) for nightly reconciliation",
];
const SOCIAL_FORMATS: &[&str] = &[
    "Marketing API calls (JSON over REST, versioned)",
    "Conversions API events (JSON, server-side, deduplicated by event ID)",
    "Custom audience uploads (SHA-256 hashed identifiers)",
    "Insights exports (JSON, hourly granularity)",
    "Creative asset uploads (JPEG, PNG, MP4 up to 500 MB)",
];
const DSP_FORMATS: &[&str] = &[
    "Line item and insertion order API calls (JSON over REST)",
    "Log-level impression data (Parquet, hourly drops to object storage)",
    "Segment uploads (cookie-less IDs, UID2 tokens)",
    "Deal and supply-path reports (CSV)",
];
const CDP_FORMATS: &[&str] = &[
    "Computed audience syncs (JSON batches every 15 minutes)",
    "Tracking events (JSON, schema-validated against the tracking plan)",
    "Profile API lookups (JSON over REST)",
    "Warehouse exports (Parquet, nightly)",
];
const CRM_FORMATS: &[&str] = &[
    "Contact and subscription API calls (JSON over REST)",
    "Campaign send requests (JSON, templated content)",
    "Engagement event exports (CSV, hourly)",
    "Suppression list syncs (SHA-256 hashed email)",
];
const ANALYTICS_FORMATS: &[&str] = &[
    "Reporting API queries (JSON over REST)",
    "Event exports to the warehouse (BigQuery or Parquet)",
    "Attribution model outputs (CSV, daily)",
];
const CREATOR_FORMATS: &[&str] = &[
    "Creator search API results (JSON)",
    "Campaign brief and contract documents (PDF)",
    "Post performance exports (CSV, daily)",
    "Payment instructions (JSON, dual-approved)",
];

const AD_SCOPES: &[&str] =
    &["campaigns:read", "campaigns:write", "reporting:read", "conversions:write", "audiences:write"];
const SOCIAL_SCOPES: &[&str] =
    &["ads_management", "ads_read", "business_management:read", "pages_read_engagement", "audiences:write"];
const DSP_SCOPES: &[&str] = &["advertiser:read", "line_items:write", "reports:read", "segments:write"];
const CDP_SCOPES: &[&str] = &["audiences:read", "audiences:sync", "profiles:read", "tracking_plan:read"];
const CRM_SCOPES: &[&str] = &["contacts:read", "campaigns:send", "templates:read", "suppressions:read"];
const ANALYTICS_SCOPES: &[&str] = &["analytics.readonly", "exports:read", "attribution:read"];
const CREATOR_SCOPES: &[&str] = &["creators:search", "campaigns:write", "contracts:draft", "payments:propose"];

const PLATFORM_BASES: [PlatformBase; 20] = [
    PlatformBase { name: "Google Ads", kind: PlatformKind::AdPlatform, formats: AD_FORMATS, scopes: AD_SCOPES },
    PlatformBase {
        name: "Microsoft Advertising",
        kind: PlatformKind::AdPlatform,
        formats: AD_FORMATS,
        scopes: AD_SCOPES,
    },
    PlatformBase { name: "Amazon Ads", kind: PlatformKind::AdPlatform, formats: AD_FORMATS, scopes: AD_SCOPES },
    PlatformBase { name: "Meta Ads", kind: PlatformKind::Social, formats: SOCIAL_FORMATS, scopes: SOCIAL_SCOPES },
    PlatformBase {
        name: "TikTok for Business",
        kind: PlatformKind::Social,
        formats: SOCIAL_FORMATS,
        scopes: SOCIAL_SCOPES,
    },
    PlatformBase {
        name: "LinkedIn Campaign Manager",
        kind: PlatformKind::Social,
        formats: SOCIAL_FORMATS,
        scopes: SOCIAL_SCOPES,
    },
    PlatformBase { name: "Pinterest Ads", kind: PlatformKind::Social, formats: SOCIAL_FORMATS, scopes: SOCIAL_SCOPES },
    PlatformBase { name: "Snapchat Ads", kind: PlatformKind::Social, formats: SOCIAL_FORMATS, scopes: SOCIAL_SCOPES },
    PlatformBase { name: "Reddit Ads", kind: PlatformKind::Social, formats: SOCIAL_FORMATS, scopes: SOCIAL_SCOPES },
    PlatformBase { name: "The Trade Desk", kind: PlatformKind::Dsp, formats: DSP_FORMATS, scopes: DSP_SCOPES },
    PlatformBase { name: "Display & Video 360", kind: PlatformKind::Dsp, formats: DSP_FORMATS, scopes: DSP_SCOPES },
    PlatformBase { name: "Amazon DSP", kind: PlatformKind::Dsp, formats: DSP_FORMATS, scopes: DSP_SCOPES },
    PlatformBase { name: "Segment CDP", kind: PlatformKind::Cdp, formats: CDP_FORMATS, scopes: CDP_SCOPES },
    PlatformBase { name: "mParticle", kind: PlatformKind::Cdp, formats: CDP_FORMATS, scopes: CDP_SCOPES },
    PlatformBase {
        name: "Salesforce Marketing Cloud",
        kind: PlatformKind::Crm,
        formats: CRM_FORMATS,
        scopes: CRM_SCOPES,
    },
    PlatformBase { name: "Braze", kind: PlatformKind::Crm, formats: CRM_FORMATS, scopes: CRM_SCOPES },
    PlatformBase {
        name: "Google Analytics 4",
        kind: PlatformKind::Analytics,
        formats: ANALYTICS_FORMATS,
        scopes: ANALYTICS_SCOPES,
    },
    PlatformBase {
        name: "Amplitude",
        kind: PlatformKind::Analytics,
        formats: ANALYTICS_FORMATS,
        scopes: ANALYTICS_SCOPES,
    },
    PlatformBase {
        name: "CreatorIQ",
        kind: PlatformKind::CreatorPlatform,
        formats: CREATOR_FORMATS,
        scopes: CREATOR_SCOPES,
    },
    PlatformBase {
        name: "LTK Creator Network",
        kind: PlatformKind::CreatorPlatform,
        formats: CREATOR_FORMATS,
        scopes: CREATOR_SCOPES,
    },
];

const REGIONS: [(&str, &str); 3] = [("Americas", "US Eastern"), ("EMEA", "CET"), ("APAC", "Singapore")];

fn error_handling(rng: &mut Lcg, platform: &str) -> String {
    let retries = 3 + rng.below(4);
    let backoff = 1 + rng.below(4);
    let breaker = 5 + rng.below(16);
    let mut s = format!(
        "1. Transient errors (HTTP 429, 500, 502, 503, 504 and timeouts): retry with exponential backoff \
         from {backoff} seconds, at most {retries} attempts, honouring any Retry-After header.\n\
         2. Validation errors (HTTP 400, 422): never retry. Record the request, the response and the proposed \
         change in the approval queue and alert the campaign owner.\n\
         3. Authentication or permission errors (HTTP 401, 403): stop all write calls to {platform} at once, \
         page Agent Operations On-Call and do not refresh or widen tokens automatically.\n"
    );
    s.push_str(&format!(
        "4. More than {breaker} failed write calls in 10 minutes opens the circuit breaker: the agent stops \
         writing to {platform} until a person closes the breaker in the agent console."
    ));
    if rng.chance(40) {
        s.push_str(
            "\n5. Partial failures in a batch are never re-sent as a whole batch: the agent re-reads the affected \
             objects, reconciles and re-submits only the failed items.",
        );
    }
    s
}

fn platforms(rng: &mut Lcg) -> Vec<Platform> {
    let mut out = Vec::with_capacity(LARGE_PLATFORMS);
    for base in &PLATFORM_BASES {
        for (region, tz) in REGIONS {
            let name = format!("{} ({region})", base.name);
            let nformats = 2 + rng.below(base.formats.len() - 1);
            let data_formats = base.formats.iter().take(nformats).map(|s| (*s).to_owned()).collect();
            let nscopes = 2 + rng.below(base.scopes.len() - 1);
            let permission_scopes = base.scopes.iter().take(nscopes).map(|s| (*s).to_owned()).collect();
            let required_latency = match base.kind {
                PlatformKind::AdPlatform | PlatformKind::Social => {
                    dur([5, 15, 30][rng.below(3)], DurationUnit::Minutes)
                }
                PlatformKind::Dsp => dur([15, 60][rng.below(2)], DurationUnit::Minutes),
                PlatformKind::Cdp | PlatformKind::Crm => dur([1, 4][rng.below(2)], DurationUnit::Hours),
                PlatformKind::Analytics => dur([24, 48][rng.below(2)], DurationUnit::Hours),
                PlatformKind::CreatorPlatform | PlatformKind::Other => dur(1, DurationUnit::Days),
            };
            let when_unavailable = match rng.below(4) {
                0 => UnavailableBehaviour::Pause,
                1 => UnavailableBehaviour::SafeDefault,
                2 => UnavailableBehaviour::NoWorkaround,
                _ => UnavailableBehaviour::Other,
            };
            let when_unavailable_detail = match when_unavailable {
                UnavailableBehaviour::Pause => format!(
                    "The agent pauses every pending change for {name} and retries the health check every 5 minutes; \
                     running campaigns keep their last approved settings."
                ),
                UnavailableBehaviour::SafeDefault => format!(
                    "Bids and budgets on {name} fall back to the last values a person approved; no new campaigns, \
                     audiences or creatives are created until the platform answers again."
                ),
                UnavailableBehaviour::NoWorkaround => format!(
                    "The agent must not route around an outage of {name} (no other account, no manual upload, no \
                     other platform) and reports the outage in the daily summary."
                ),
                UnavailableBehaviour::Other => format!(
                    "After 30 minutes without an answer from {name} the agent hands the open tasks to the \
                     Performance Marketing Team through the approval queue and stops acting on this platform until \
                     a person re-enables it."
                ),
            };
            out.push(Platform {
                id: slug(&name),
                name: name.clone(),
                kind: base.kind,
                contract: InteropContract {
                    data_formats,
                    required_latency,
                    error_handling: error_handling(rng, &name),
                    permission_scopes,
                    when_unavailable,
                    when_unavailable_detail,
                    latency_notes: format!(
                        "Reporting data on {name} settles after about {} hours; the agent does not judge \
                         performance on data younger than that. Day boundaries follow the account time zone ({tz}).",
                        2 + rng.below(22)
                    ),
                    policy_notes: format!(
                        "The agent follows the {} advertising policies and the Northwind brand safety standard BS-2. \
                         Policy rejections are never appealed automatically; the Brand Safety Desk decides within \
                         two working days.",
                        base.name
                    ),
                },
            });
        }
    }
    debug_assert_eq!(out.len(), LARGE_PLATFORMS);
    out
}

struct CapabilityBase {
    name: &'static str,
    description: &'static str,
    risk: RiskLevel,
    mode: DecisionMode,
}

const CAPABILITY_BASES: [CapabilityBase; 25] = [
    CapabilityBase {
        name: "Media buying",
        description: "Creates campaigns, ad sets and line items and commits media budget to them within the approved monthly budget. Every launch is proposed in the approval queue with budget, audience, placements and creative.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Budget pacing",
        description: "Moves budget between running campaigns to keep monthly spend on plan, within plus or minus 15% of each campaign's approved budget and never above the daily spend cap.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Bid adjustment",
        description: "Changes bids and bid strategy targets on running campaigns based on the last seven days of settled performance data, in steps of at most 20% a day.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Creative rotation",
        description: "Pauses under-performing approved creatives and shifts delivery to better ones; it never uploads new creative and never edits an approved asset.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Copy optimisation",
        description: "Drafts headline and body copy variants from the approved message house and tests them; legal claims, prices and health or safety statements are always reviewed by a person.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Audience targeting",
        description: "Builds and edits targeting from consented first-party segments and platform interest categories; sensitive categories and people under 18 are always excluded.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Lookalike expansion",
        description: "Creates lookalike or similar audiences from consented seed segments of at least 1,000 people, at the narrowest expansion setting the platform offers.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Negative keyword management",
        description: "Adds negative keywords and placement exclusions from search term and placement reports, and applies the group keyword blocklist on every campaign.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Creator selection",
        description: "Shortlists creators for a brief from the vetted creator pool, scoring audience fit, brand safety history and past performance; contracts are always offered by a person.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Creator brief drafting",
        description: "Drafts creator briefs from the campaign plan with the mandatory disclosure wording, usage rights and do-and-don't list, for review by the Creator Partnerships Team.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Publishing to owned channels",
        description: "Schedules and publishes approved posts on the brand's owned social accounts and blog; only content approved in the content calendar can be published.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Comment moderation",
        description: "Hides spam and abusive comments on owned posts according to the community guidelines and escalates complaints, safety issues and press enquiries to a person.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Email send-time optimisation",
        description: "Chooses the send time of approved lifecycle emails per recipient within the window set by the CRM team; never changes content, audience or frequency caps.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Lifecycle journey tuning",
        description: "Adjusts waits and branch thresholds in approved lifecycle journeys based on engagement, inside the limits written in the journey's approval record.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Promotional offer selection",
        description: "Picks which approved promotion a customer sees; discounts above the approved ladder, stacking of offers and price claims need a person's approval.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Product feed optimisation",
        description: "Rewrites product titles and descriptions in shopping feeds from the product information system; never changes prices, availability or safety information.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Placement exclusion",
        description: "Excludes apps, sites and channels that breach the brand safety standard, using the verification vendor's signals and the group exclusion lists.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Frequency capping",
        description: "Sets and lowers frequency caps on running campaigns to stay within the group's advertising frequency policy; it may lower but never raise a cap.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Conversion tracking setup",
        description: "Creates and edits conversion actions and server-side event mappings from the approved tracking plan; any new data field needs a privacy review first.",
        risk: RiskLevel::High,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Reporting and anomaly alerts",
        description: "Produces daily and weekly performance reports and raises alerts on spend, conversion or delivery anomalies; it changes nothing on the platforms.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Experiment design",
        description: "Proposes A/B and geo experiments with sample sizes, durations and success metrics; experiments start only after the analytics lead approves the design.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::HumanApproval,
    },
    CapabilityBase {
        name: "Localisation of ad copy",
        description: "Adapts approved copy to local languages with the approved glossary; regulated claims and legal text are translated by people only.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Customer service handover",
        description: "Routes customer questions received through ads and owned channels to customer service with the conversation history; it never answers complaints itself.",
        risk: RiskLevel::Low,
        mode: DecisionMode::Autonomous,
    },
    CapabilityBase {
        name: "Retail media bidding",
        description: "Adjusts sponsored product bids on retail media networks within the approved target return on ad spend and the category budget.",
        risk: RiskLevel::Medium,
        mode: DecisionMode::ConfidenceThreshold,
    },
    CapabilityBase {
        name: "Consent-aware audience sync",
        description: "Syncs consented audiences from the CDP to ad platforms and removes people within 24 hours of a consent withdrawal or deletion request.",
        risk: RiskLevel::High,
        mode: DecisionMode::ConfidenceThreshold,
    },
];

const BRANDS: [&str; 8] = [
    "Northwind Outdoor",
    "Northwind Footwear",
    "Trailhead Kids",
    "Summit Cycling",
    "Polar Line winter sports",
    "Basecamp camping gear",
    "Northwind Outlet",
    "Group corporate brand",
];

fn capabilities(rng: &mut Lcg) -> Vec<Capability> {
    let mut out = Vec::with_capacity(LARGE_CAPABILITIES);
    for brand in BRANDS {
        for base in &CAPABILITY_BASES {
            let name = format!("{} ({brand})", base.name);
            // A few brands run stricter: medium-risk threshold capabilities need approval there.
            let mode = if brand == "Trailhead Kids" && base.mode != DecisionMode::Autonomous {
                DecisionMode::HumanApproval
            } else {
                base.mode
            };
            let threshold = if mode == DecisionMode::ConfidenceThreshold {
                format!(
                    "Acts alone when model confidence is at least 0.{} and the change is within the limits above; \
                     below that, the change goes to the approval queue. Every decision is logged with its inputs.",
                    80 + rng.below(16)
                )
            } else {
                String::new()
            };
            out.push(Capability {
                obligations: Vec::new(),
                id: slug(&name),
                name,
                description: format!(
                    "{} Applies to the {brand} accounts and campaigns in every region where the brand advertises.",
                    base.description
                ),
                risk: base.risk,
                decision_mode: mode,
                threshold,
            });
        }
    }
    debug_assert_eq!(out.len(), LARGE_CAPABILITIES);
    out
}

const CONSTRAINTS: &[&str] = &[
    "Only on campaigns with a daily budget below USD 5,000; larger campaigns go to the approval queue.",
    "Only in accounts where the platform's change history API is enabled, so every change can be reconciled.",
    "Only for audiences built from first-party data with advertising consent; platform interest categories are off.",
    "Changes limited to 10% a day and to business hours in the account time zone.",
    "Read-only reporting is allowed; write calls wait for a person until the platform supports dry runs.",
    "Only on evergreen campaigns; launches, seasonal sales and product recalls are excluded.",
    "Only with the platform's brand safety settings at the strictest level and the verification tag present.",
    "Limited to the approved creative library; new uploads and edits to approved assets are not allowed.",
];

const EVIDENCE_FULL: &[&str] = &[
    "Sandbox run: the agent completed 40 changes with dry-run validation and full reconciliation.",
    "Pilot in one market for four weeks with daily review; no unapproved change was found by the audit.",
    "Vendor certification of the integration and an internal test plan signed off by Agent Operations.",
];
const EVIDENCE_PARTIAL: &[&str] = &[
    "The platform API has no dry-run mode for this call, so changes cannot be validated before they apply.",
    "Change history is only kept for 30 days on this platform, shorter than the 13-month audit requirement.",
    "Batch endpoints fail partially without a per-item status; reconciliation needs a second read.",
    "Targeting options differ by market; the agent supports only the options verified in the pilot.",
];
const EVIDENCE_UNSUPPORTED: &[&str] = &[
    "The platform offers no API for this operation; it is only available in the web interface.",
    "Not offered by the platform in this region.",
    "Contract with the platform excludes automated access for this operation.",
];

fn matrix(rng: &mut Lcg, caps: &[Capability], plats: &[Platform]) -> Vec<MatrixCell> {
    let mut out = Vec::with_capacity(caps.len() * plats.len());
    for cap in caps {
        for plat in plats {
            let r = rng.below(100);
            // A mature programme: most pairs are assessed and fully supported.
            let (support, mode) = match r {
                0..=66 => {
                    (Support::Full, if rng.chance(3) { OperatingMode::Constrained } else { OperatingMode::Normal })
                }
                67..=77 => (
                    Support::Partial,
                    if rng.chance(60) { OperatingMode::Constrained } else { OperatingMode::Disabled },
                ),
                78..=89 => (Support::Unsupported, OperatingMode::Disabled),
                _ => (Support::Untested, OperatingMode::Disabled),
            };
            let constraints =
                if mode == OperatingMode::Constrained { (*rng.pick(CONSTRAINTS)).to_owned() } else { String::new() };
            let evidence = match support {
                Support::Full if rng.chance(2) => {
                    format!("{} Ticket GOV-{}.", rng.pick(EVIDENCE_FULL), 1000 + rng.below(9000))
                }
                Support::Partial if rng.chance(30) => (*rng.pick(EVIDENCE_PARTIAL)).to_owned(),
                Support::Unsupported if rng.chance(10) => (*rng.pick(EVIDENCE_UNSUPPORTED)).to_owned(),
                _ => String::new(),
            };
            let last_verified = match support {
                Support::Untested => None,
                _ => Some(date(2026, 1 + rng.below(10) as u32, 1 + rng.below(28) as u32)),
            };
            out.push(MatrixCell {
                capability: cap.id.clone(),
                platform: plat.id.clone(),
                support,
                mode,
                constraints,
                evidence,
                last_verified,
            });
        }
    }
    out
}

const ACTIVITY_BASES: [(&str, GovernanceLayer); 30] = [
    ("Design or change an agent workflow and its decision mode", GovernanceLayer::WorkflowDesign),
    ("Approve a new capability for an agent", GovernanceLayer::WorkflowDesign),
    ("Set the confidence threshold of a capability", GovernanceLayer::WorkflowDesign),
    ("Review the compatibility matrix after a platform API change", GovernanceLayer::WorkflowDesign),
    ("Onboard a new connected platform", GovernanceLayer::WorkflowDesign),
    ("Define data-quality standards for an agent input", GovernanceLayer::DataQuality),
    ("Investigate a data-quality breach", GovernanceLayer::DataQuality),
    ("Approve a new data source for audience building", GovernanceLayer::DataQuality),
    ("Maintain the consent and suppression feeds", GovernanceLayer::DataQuality),
    ("Review attribution model changes", GovernanceLayer::DataQuality),
    ("Trigger the kill switch", GovernanceLayer::OverridePolicy),
    ("Test the kill switch under simulated failure", GovernanceLayer::OverridePolicy),
    ("Restart agents after a kill-switch stop", GovernanceLayer::OverridePolicy),
    ("Lift a hard stop", GovernanceLayer::OverridePolicy),
    ("Respond to an agent incident", GovernanceLayer::IncidentResponse),
    ("Notify regulators and affected people after an incident", GovernanceLayer::IncidentResponse),
    ("Run the post-incident review", GovernanceLayer::IncidentResponse),
    ("Handle a platform policy violation notice", GovernanceLayer::IncidentResponse),
    ("Assess a new jurisdiction's advertising rules", GovernanceLayer::Compliance),
    ("Run a data protection impact assessment for an agent", GovernanceLayer::Compliance),
    ("Approve regulated claims in agent-written copy", GovernanceLayer::Compliance),
    ("Review creator disclosure compliance", GovernanceLayer::Compliance),
    ("Keep the audit log retention and access rules", GovernanceLayer::Compliance),
    ("Approve the monthly agent media budget", GovernanceLayer::SpendApproval),
    ("Approve a spend cap change", GovernanceLayer::SpendApproval),
    ("Reconcile agent spend with invoices", GovernanceLayer::SpendApproval),
    ("Approve creator payments proposed by an agent", GovernanceLayer::SpendApproval),
    ("Publish a new framework version", GovernanceLayer::Other),
    ("Sign off the quarterly framework review", GovernanceLayer::Other),
    ("Train staff on working with marketing agents", GovernanceLayer::Other),
];

const ACTIVITY_SCOPES: [&str; 10] = [
    "Americas",
    "EMEA",
    "APAC",
    "search and shopping",
    "paid social",
    "programmatic",
    "CRM and lifecycle",
    "creator programmes",
    "owned channels",
    "agency-run accounts",
];

fn raci(rng: &mut Lcg, parties: &[Party]) -> Vec<RaciActivity> {
    // Senior people carry accountability; everyone can be responsible, consulted or informed.
    let accountable_pool: Vec<&str> = parties[..20].iter().map(|p| p.id.as_str()).collect();
    let mut out = Vec::with_capacity(LARGE_ACTIVITIES);
    let mut a_turn = 0usize;
    for scope in ACTIVITY_SCOPES {
        for (base, layer) in ACTIVITY_BASES {
            let name = format!("{base} ({scope})");
            let mut used: Vec<&str> = Vec::new();
            let mut assignments = Vec::new();
            let a = accountable_pool[a_turn % accountable_pool.len()];
            a_turn += 7; // co-prime with 20: every senior person gets the same share
            used.push(a);
            assignments.push(RaciAssignment { party: a.to_owned(), role: RaciRole::A });
            for (role, n) in [(RaciRole::R, 1 + rng.below(2)), (RaciRole::C, rng.below(3)), (RaciRole::I, rng.below(3))]
            {
                let mut placed = 0;
                let mut guard = 0;
                while placed < n && guard < 50 {
                    guard += 1;
                    let p = parties[rng.below(parties.len())].id.as_str();
                    if !used.contains(&p) {
                        used.push(p);
                        assignments.push(RaciAssignment { party: p.to_owned(), role });
                        placed += 1;
                    }
                }
            }
            let id = short_id(&format!("a{:03}-{}", out.len() + 1, slug(&name)));
            out.push(RaciActivity { id, name, layer, assignments, obligations: Vec::new() });
        }
    }
    debug_assert_eq!(out.len(), LARGE_ACTIVITIES);
    out
}

struct InputBase {
    name: &'static str,
    max_age: Duration,
    dup: Option<f64>,
    rules: &'static [&'static str],
}

const INPUT_BASES: [InputBase; 25] = [
    InputBase {
        name: "Audience segments",
        max_age: Duration { amount: 24, unit: DurationUnit::Hours },
        dup: Some(0.5),
        rules: &[
            "Every member profile has a consent record with advertising personalisation granted",
            "A segment has at least 1,000 matched profiles",
            "The segment definition version equals the approved version",
            "A day-on-day size change of more than 30% holds the segment for review",
        ],
    },
    InputBase {
        name: "Conversion events",
        max_age: Duration { amount: 6, unit: DurationUnit::Hours },
        dup: Some(1.0),
        rules: &[
            "Every event has an event ID used for deduplication",
            "Order values are positive and in the account currency",
            "Test orders and staff purchases are excluded",
        ],
    },
    InputBase {
        name: "Attribution data",
        max_age: Duration { amount: 2, unit: DurationUnit::Days },
        dup: None,
        rules: &[
            "The attribution model version matches the approved model",
            "Channel totals reconcile with platform-reported conversions within 15%",
        ],
    },
    InputBase {
        name: "Spend ledger entries",
        max_age: Duration { amount: 1, unit: DurationUnit::Hours },
        dup: Some(0.0),
        rules: &[
            "Every entry names a campaign that exists in the campaign register",
            "Currency conversion uses the finance daily rate",
            "Entries reconcile with platform spend within 2% each day",
        ],
    },
    InputBase {
        name: "Behavioural signals",
        max_age: Duration { amount: 30, unit: DurationUnit::Minutes },
        dup: Some(2.0),
        rules: &[
            "Signals carry a consent flag captured at collection time",
            "Bot and internal traffic is filtered before use",
            "Timestamps are in UTC and not in the future",
        ],
    },
    InputBase {
        name: "Identity graph links",
        max_age: Duration { amount: 7, unit: DurationUnit::Days },
        dup: Some(0.1),
        rules: &[
            "Links are deterministic (login or hashed email), never probabilistic",
            "Deleted customers are removed within 24 hours",
        ],
    },
    InputBase {
        name: "Product catalogue feed",
        max_age: Duration { amount: 12, unit: DurationUnit::Hours },
        dup: Some(0.0),
        rules: &[
            "Prices equal the product information system price",
            "Out-of-stock products are flagged",
            "Safety and age-restriction attributes are present",
        ],
    },
    InputBase {
        name: "Creator performance history",
        max_age: Duration { amount: 30, unit: DurationUnit::Days },
        dup: None,
        rules: &[
            "Engagement numbers come from the platform API, not screenshots",
            "Audience demographics are less than 90 days old",
        ],
    },
    InputBase {
        name: "Brand safety signals",
        max_age: Duration { amount: 4, unit: DurationUnit::Hours },
        dup: None,
        rules: &["Every placement has a verification vendor score", "Unscored placements are treated as unsafe"],
    },
    InputBase {
        name: "Email engagement events",
        max_age: Duration { amount: 24, unit: DurationUnit::Hours },
        dup: Some(1.0),
        rules: &[
            "Machine opens (privacy proxies) are flagged and not counted as engagement",
            "Unsubscribes are applied before the next send",
        ],
    },
    InputBase {
        name: "Consent records",
        max_age: Duration { amount: 15, unit: DurationUnit::Minutes },
        dup: Some(0.0),
        rules: &[
            "Every record has a purpose, a timestamp and the notice version shown",
            "Withdrawals propagate to every audience within 24 hours",
        ],
    },
    InputBase {
        name: "Search term reports",
        max_age: Duration { amount: 2, unit: DurationUnit::Days },
        dup: None,
        rules: &[
            "Reports cover complete days in the account time zone",
            "Terms below the privacy threshold are grouped",
        ],
    },
    InputBase {
        name: "Store visit estimates",
        max_age: Duration { amount: 7, unit: DurationUnit::Days },
        dup: None,
        rules: &["Estimates come with the platform's confidence interval", "Stores closed in the period are excluded"],
    },
    InputBase {
        name: "Customer lifetime value scores",
        max_age: Duration { amount: 7, unit: DurationUnit::Days },
        dup: Some(0.0),
        rules: &[
            "Scores come from the approved model version",
            "Customers under 18 have no score",
            "Score distribution drift above 10% holds the model for review",
        ],
    },
    InputBase {
        name: "Inventory levels",
        max_age: Duration { amount: 1, unit: DurationUnit::Hours },
        dup: Some(0.0),
        rules: &["Levels come from the warehouse system of record", "Negative stock is rejected"],
    },
    InputBase {
        name: "Promotion calendar",
        max_age: Duration { amount: 1, unit: DurationUnit::Days },
        dup: Some(0.0),
        rules: &["Every promotion has an approval reference", "End dates are after start dates"],
    },
    InputBase {
        name: "Competitor price signals",
        max_age: Duration { amount: 12, unit: DurationUnit::Hours },
        dup: None,
        rules: &["Prices come from licensed sources only", "Signals are never used to raise prices"],
    },
    InputBase {
        name: "Weather triggers",
        max_age: Duration { amount: 3, unit: DurationUnit::Hours },
        dup: None,
        rules: &["Forecasts come from the contracted provider", "Triggers are set per store region, not per person"],
    },
    InputBase {
        name: "Call centre outcomes",
        max_age: Duration { amount: 2, unit: DurationUnit::Days },
        dup: Some(0.5),
        rules: &["Outcomes carry no free-text notes", "Complaints are flagged for suppression from promotions"],
    },
    InputBase {
        name: "Web analytics sessions",
        max_age: Duration { amount: 24, unit: DurationUnit::Hours },
        dup: Some(1.5),
        rules: &["Sessions without analytics consent are excluded", "Internal IP ranges are filtered"],
    },
    InputBase {
        name: "App install attribution",
        max_age: Duration { amount: 2, unit: DurationUnit::Days },
        dup: Some(0.5),
        rules: &["Installs come from the mobile measurement partner", "Fraud-flagged installs are excluded"],
    },
    InputBase {
        name: "Loyalty programme tiers",
        max_age: Duration { amount: 1, unit: DurationUnit::Days },
        dup: Some(0.0),
        rules: &["Tiers come from the loyalty system of record", "Closed accounts are removed"],
    },
    InputBase {
        name: "Creative performance metrics",
        max_age: Duration { amount: 24, unit: DurationUnit::Hours },
        dup: None,
        rules: &[
            "Metrics are at creative level with the approved asset ID",
            "Fewer than 1,000 impressions is not judged",
        ],
    },
    InputBase {
        name: "Returns and refunds",
        max_age: Duration { amount: 2, unit: DurationUnit::Days },
        dup: Some(0.0),
        rules: &["Refunds reduce attributed revenue", "Fraudulent orders are excluded"],
    },
    InputBase {
        name: "Deletion requests",
        max_age: Duration { amount: 1, unit: DurationUnit::Hours },
        dup: Some(0.0),
        rules: &["Every request is applied to all audiences and exports", "Completion is confirmed in the privacy log"],
    },
];

const DQ_NOTES: &[&str] = &[
    "Completeness is measured on the fields the agent reads, not on the whole record.",
    "A breach is logged in the data-quality register with the failing check and the number of records affected.",
    "The owner reviews the thresholds at every quarterly framework review.",
    "Agents fall back to the last good snapshot for at most one cycle while the owner investigates.",
    "",
];

fn data_quality(rng: &mut Lcg, plats: &[Platform], parties: &[Party]) -> Vec<DataQualityStandard> {
    let mut out = Vec::with_capacity(LARGE_DATA_QUALITY);
    let owners: Vec<&str> = parties.iter().filter(|p| p.kind != PartyKind::Vendor).map(|p| p.id.as_str()).collect();
    let mut n = 0;
    'outer: for plat in plats {
        for base in &INPUT_BASES {
            if n == LARGE_DATA_QUALITY {
                break 'outer;
            }
            // Two in three standards belong to a platform; the rest are internal or derived data.
            let internal = rng.chance(33);
            let data_input = if internal {
                format!("{} (internal, {})", base.name, plat.name)
            } else {
                format!("{} from {}", base.name, plat.name)
            };
            let nrules = 1 + rng.below(base.rules.len());
            let completeness = 90.0 + (rng.below(100) as f64) / 10.0;
            out.push(DataQualityStandard {
                obligations: Vec::new(),
                id: format!("dq-{:04}-{}", n + 1, slug(base.name)),
                data_input,
                source_platform: if internal { None } else { Some(plat.id.clone()) },
                owner: (*rng.pick(&owners)).to_owned(),
                min_completeness_pct: completeness,
                max_age: base.max_age,
                validation_rules: base.rules.iter().take(nrules).map(|s| (*s).to_owned()).collect(),
                max_duplicate_pct: base.dup,
                on_breach: match rng.below(3) {
                    0 => BreachAction::BlockAgent,
                    1 => BreachAction::AlertOwner,
                    _ => BreachAction::PauseWorkflow,
                },
                notes: (*rng.pick(DQ_NOTES)).to_owned(),
            });
            n += 1;
        }
    }
    debug_assert_eq!(out.len(), LARGE_DATA_QUALITY);
    out
}

fn hard_stops(plats: &[Platform]) -> Vec<HardStop> {
    let by_region = |region: &str| -> Vec<String> {
        plats.iter().filter(|p| p.name.ends_with(&format!("({region})"))).map(|p| p.id.clone()).collect()
    };
    let money = |amount: &str, currency: &str| Some(Money { amount: amount.to_owned(), currency: currency.to_owned() });
    let lift = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let mut out = vec![
        HardStop {
            obligations: Vec::new(),
            id: "daily-cap-group".into(),
            name: "Daily spend cap, all agent-managed campaigns".into(),
            kind: HardStopKind::DailySpendCap,
            cap: money("250000.00", "USD"),
            entries: vec![],
            all_platforms: true,
            platforms: vec![],
            lift_authority: lift(&["olivia-grant", "mateo-alvarez"]),
            notes: "Counted from the spend ledger across every platform, converted to USD at the finance daily rate. \
                    At 90% of the cap the agents stop all budget increases and launches; at 100% they pause every \
                    agent-launched campaign they can reach."
                .into(),
        },
        HardStop {
            obligations: Vec::new(),
            id: "total-cap-quarter".into(),
            name: "Quarterly agent media budget".into(),
            kind: HardStopKind::TotalSpendCap,
            cap: money("18500000.00", "USD"),
            entries: vec![],
            all_platforms: true,
            platforms: vec![],
            lift_authority: lift(&["amara-okoye", "olivia-grant"]),
            notes: "Resets on the first day of each fiscal quarter. Raising it needs a budget change approved by the \
                    CMO and the finance controller."
                .into(),
        },
    ];
    for (region, cur, cap) in [("Americas", "USD", "120000.00"), ("EMEA", "EUR", "90000.00"), ("APAC", "SGD", "75000")]
    {
        out.push(HardStop {
            obligations: Vec::new(),
            id: format!("daily-cap-{}", slug(region)),
            name: format!("Daily spend cap, {region} accounts"),
            kind: HardStopKind::DailySpendCap,
            cap: money(cap, cur),
            entries: vec![],
            all_platforms: false,
            platforms: by_region(region),
            lift_authority: lift(&["olivia-grant"]),
            notes: format!("Counted in {cur} from the spend ledger for the {region} accounts of every platform."),
        });
    }
    out.push(HardStop {
        obligations: Vec::new(),
        id: "exclude-minors".into(),
        name: "Audience exclusion: people under 18".into(),
        kind: HardStopKind::AudienceExclusion,
        cap: None,
        entries: vec![
            "Everyone under 18, by platform age signal or declared age".into(),
            "Parents' audiences built from children's product purchases".into(),
            "Schools and youth organisations' followers".into(),
        ],
        all_platforms: true,
        platforms: vec![],
        lift_authority: vec![],
        notes: "Cannot be lifted: no party has lift authority. Changes need a new framework version.".into(),
    });
    out.push(HardStop {
        obligations: Vec::new(),
        id: "exclude-sensitive".into(),
        name: "Audience exclusion: sensitive categories".into(),
        kind: HardStopKind::AudienceExclusion,
        cap: None,
        entries: vec![
            "Health conditions and medical interests".into(),
            "Religious or political interests".into(),
            "Sexual orientation or gender identity interests".into(),
            "Financial hardship signals".into(),
            "Customers who asked not to be profiled".into(),
        ],
        all_platforms: true,
        platforms: vec![],
        lift_authority: lift(&["jonas-lindqvist", "samuel-mensah"]),
        notes: "Applies to seed audiences, lookalikes and interest targeting.".into(),
    });
    out.push(HardStop {
        obligations: Vec::new(),
        id: "keywords-safety".into(),
        name: "Keyword blocklist: safety and tragedy".into(),
        kind: HardStopKind::KeywordBlocklist,
        cap: None,
        entries: [
            "avalanche victims",
            "missing hikers",
            "drowning",
            "wildfire deaths",
            "mountain rescue",
            "recall injury",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
        all_platforms: true,
        platforms: vec![],
        lift_authority: lift(&["chloe-martin"]),
        notes: "Exact and phrase match; reviewed monthly by the Brand Safety Desk.".into(),
    });
    out.push(HardStop {
        obligations: Vec::new(),
        id: "keywords-competitors".into(),
        name: "Keyword blocklist: competitor trademarks".into(),
        kind: HardStopKind::KeywordBlocklist,
        cap: None,
        entries: ["ridgeway outfitters", "alpenkind", "trailmark", "cascade gear co"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        all_platforms: false,
        platforms: plats.iter().filter(|p| p.kind == PlatformKind::AdPlatform).map(|p| p.id.clone()).collect(),
        lift_authority: lift(&["jonas-lindqvist"]),
        notes: "Bidding on competitor trademarks needs legal review in each market.".into(),
    });
    out
}

/// The SPEC section 6 large framework: 60 platforms, 200 capabilities, 12,000 matrix cells, 40
/// parties, 300 RACI activities and 1,000 data-quality standards. Deterministic.
pub fn large_framework() -> Framework {
    let mut rng = Lcg(0x005E_ED0F_6020_0300);
    let parties = parties();
    let platforms = platforms(&mut rng);
    let capabilities = capabilities(&mut rng);
    let matrix = matrix(&mut rng, &capabilities, &platforms);
    let raci = raci(&mut rng, &parties);
    let data_quality = data_quality(&mut rng, &platforms, &parties);
    let hard_stops = hard_stops(&platforms);
    Framework {
        compliance_rules: Vec::new(),
        id: "northwind-group-agents".into(),
        name: "Northwind Outfitters Group marketing agents governance framework".into(),
        organisation: "Northwind Outfitters Group plc".into(),
        description: "How Northwind Outfitters Group governs the autonomous agents that buy media, tune campaigns, \
                      select creators and publish to owned channels for its eight brands in the Americas, EMEA and \
                      APAC. It records which agent capabilities may run on which platform and in which mode, who \
                      is responsible for what, the quality the agents' input data must meet, the hard stops no \
                      agent may cross, and how the agents are stopped.\n\n\
                      In scope: every agent on the Brightline runtime and the sixty platform accounts listed here. \
                      Out of scope: campaigns run entirely by people, which follow the Group Paid Media Policy \
                      PM-01, and agency tools that do not act without a person.\n\n\
                      This framework is reviewed every quarter and whenever a platform, a law or an agent \
                      capability changes."
            .into(),
        jurisdictions: ["US", "CA", "UK", "EU", "AU", "JP", "SG"].iter().map(|s| (*s).to_owned()).collect(),
        parties,
        platforms,
        capabilities,
        matrix,
        raci,
        data_quality,
        hard_stops,
        override_policy: OverridePolicy {
            obligations: Vec::new(),
            kill_switch_holders: vec!["kenji-watanabe".into(), "priya-raman".into(), "amara-okoye".into()],
            trigger_procedure: "1. Any kill-switch holder may stop the agents alone; stopping needs no second \
                                approval. Anyone else who sees harmful agent behaviour pages Agent Operations \
                                On-Call, who reaches a holder within 10 minutes.\n\
                                2. Trigger from the agent console: Controls > Kill switch > Stop all agents. If the \
                                console cannot be reached, follow break-glass runbook RB-01, which revokes the \
                                agents' platform tokens at the identity provider.\n\
                                3. Confirm the stop: the console shows every agent as stopped and the write-call \
                                counter reads zero for 15 minutes.\n\
                                4. Record the stop, its reason and its time in the incident log, and inform the CMO, \
                                the General Counsel and the CISO within one hour."
                .into(),
            test_cadence: Cadence { kind: CadenceKind::Quarterly, custom_days: None },
            last_tested: Some(date(2026, 9, 2)),
            notes: "The quarterly test runs in the staging tenant with production-like load, and once a year in \
                    production during a low-spend window agreed with finance."
                .into(),
        },
        review_schedule: ReviewSchedule {
            obligations: Vec::new(),
            cadence: Cadence { kind: CadenceKind::Quarterly, custom_days: None },
            required_signatories: vec![
                "amara-okoye".into(),
                "jonas-lindqvist".into(),
                "priya-raman".into(),
                "olivia-grant".into(),
            ],
            next_due: date(2027, 1, 15),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{integrity, validate, Severity};

    #[test]
    fn the_large_framework_has_the_spec_sizes_and_passes_integrity() {
        let fw = large_framework();
        assert_eq!(fw.platforms.len(), LARGE_PLATFORMS);
        assert_eq!(fw.capabilities.len(), LARGE_CAPABILITIES);
        assert_eq!(fw.matrix.len(), LARGE_PLATFORMS * LARGE_CAPABILITIES);
        assert_eq!(fw.parties.len(), LARGE_PARTIES);
        assert_eq!(fw.raci.len(), LARGE_ACTIVITIES);
        assert_eq!(fw.data_quality.len(), LARGE_DATA_QUALITY);
        let problems = integrity(&fw);
        assert!(problems.is_empty(), "integrity findings: {problems:#?}");
    }

    #[test]
    fn the_large_framework_has_no_governance_errors() {
        let fw = large_framework();
        let errors: Vec<_> =
            validate(&fw, date(2026, 11, 1)).into_iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "error findings: {errors:#?}");
    }

    #[test]
    fn every_activity_has_one_accountable_and_a_responsible_party() {
        for a in large_framework().raci {
            assert_eq!(a.assignments.iter().filter(|x| x.role == RaciRole::A).count(), 1, "{}", a.name);
            assert!(a.assignments.iter().any(|x| x.role == RaciRole::R), "{}", a.name);
        }
    }

    #[test]
    fn the_large_framework_is_deterministic() {
        assert_eq!(large_framework(), large_framework());
    }
}
