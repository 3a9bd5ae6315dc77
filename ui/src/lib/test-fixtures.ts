// A small framework for the unit tests.
import type { Finding, Framework } from "./bindings";

export function sampleFramework(): Framework {
  return {
    id: "acme",
    name: "Acme marketing agents",
    organisation: "Acme Ltd",
    description: "Line one\nLine two",
    jurisdictions: ["UK", "EU"],
    parties: [
      { id: "cmo", name: "Dana Reyes", title: "CMO", email: "dana@example.com", kind: "person", certificate: null },
      { id: "ops", name: "Marketing Ops", title: "Team", email: null, kind: "team", certificate: null },
      { id: "legal", name: "<img src=x onerror=alert(1)>", title: "Counsel", email: null, kind: "person", certificate: null },
    ],
    platforms: [
      {
        id: "meta",
        name: "Meta Ads",
        kind: "ad_platform",
        contract: {
          data_formats: ["JSON"],
          required_latency: { amount: 24, unit: "hours" },
          error_handling: "Retry three times",
          permission_scopes: ["ads_read"],
          when_unavailable: "pause",
          when_unavailable_detail: "",
          latency_notes: "",
          policy_notes: "",
        },
      },
      {
        id: "crm",
        name: "Salesforce",
        kind: "crm",
        contract: {
          data_formats: [],
          required_latency: { amount: 1, unit: "days" },
          error_handling: "",
          permission_scopes: [],
          when_unavailable: "safe_default",
          when_unavailable_detail: "",
          latency_notes: "",
          policy_notes: "",
        },
      },
    ],
    capabilities: [
      { id: "buy", name: "Media buying", description: "", risk: "high", decision_mode: "human_approval", threshold: "", obligations: [] },
      { id: "copy", name: "Copy optimisation", description: "", risk: "low", decision_mode: "autonomous", threshold: "", obligations: [] },
    ],
    matrix: [
      {
        capability: "buy",
        platform: "meta",
        support: "partial",
        mode: "constrained",
        constraints: "Daily cap only",
        evidence: "Tested in sandbox",
        last_verified: "2025-02-01",
      },
      {
        capability: "copy",
        platform: "crm",
        support: "full",
        mode: "normal",
        constraints: "",
        evidence: "",
        last_verified: null,
      },
      {
        capability: "gone",
        platform: "meta",
        support: "full",
        mode: "normal",
        constraints: "",
        evidence: "",
        last_verified: null,
      },
    ],
    raci: [
      {
        id: "approve-spend",
        name: "Approve spend",
        layer: "spend_approval",
        assignments: [
          { party: "cmo", role: "A" },
          { party: "ops", role: "R" },
          { party: "ghost", role: "I" },
        ],
        obligations: ["ftc-255-5"],
      },
      { id: "incident", name: "Incident response", layer: "incident_response", assignments: [{ party: "ops", role: "R" }], obligations: [] },
    ],
    data_quality: [],
    hard_stops: [],
    compliance_rules: [
      {
        id: "uk-consent",
        name: "UK consent before targeting",
        jurisdiction: "UK",
        kind: "consent",
        requirement: "Check consent before targeting.",
        all_capabilities: false,
        capabilities: ["buy"],
        all_platforms: true,
        platforms: [],
        enforced_by: ["agent"],
        evidence: "Consent log",
        owner: "legal",
        obligations: ["uk-gdpr-ico-art-22"],
      },
    ],
    override_policy: {
      kill_switch_holders: ["cmo"],
      trigger_procedure: "Call\nthen email",
      test_cadence: { kind: "quarterly", custom_days: null },
      last_tested: null,
      notes: "",
      obligations: [],
    },
    review_schedule: {
      cadence: { kind: "custom", custom_days: 45 },
      required_signatories: ["cmo", "legal"],
      next_due: "2025-06-30",
      obligations: [],
    },
  };
}

export function finding(
  severity: Finding["severity"],
  section: Finding["section"],
  item: string | null,
  message = `${severity} in ${section}`,
): Finding {
  return { severity, section, item, path: section, field: "", message };
}
