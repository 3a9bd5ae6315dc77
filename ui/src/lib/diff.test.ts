import { describe, expect, it } from "vitest";
import type { Change } from "./bindings";
import {
  auditCertificateText,
  buildDiffNames,
  certificateChange,
  countsText,
  describePath,
  placeText,
  displayValue,
  fieldLabel,
  groupChanges,
  markDifferences,
  parsePath,
  sectionOfPath,
  textDelta,
  valueText,
} from "./diff";
import { sampleFramework } from "./test-fixtures";

const names = buildDiffNames(sampleFramework());
const change = (kind: Change["kind"], path: string, old: unknown, neu: unknown): Change => ({ kind, path, old, new: neu });

describe("change paths", () => {
  it("splits a path into steps and keeps keys with slashes whole", () => {
    expect(parsePath("platforms[tiktok].contract.required_latency.amount")).toEqual([
      { name: "platforms", key: "tiktok" },
      { name: "contract", key: null },
      { name: "required_latency", key: null },
      { name: "amount", key: null },
    ]);
    expect(parsePath("matrix[media-buying/tiktok].support")).toEqual([
      { name: "matrix", key: "media-buying/tiktok" },
      { name: "support", key: null },
    ]);
  });

  it("finds the section of a path, and puts the framework's own fields under the framework", () => {
    expect(sectionOfPath("raci[triage].assignments[cmo].role")).toBe("raci");
    expect(sectionOfPath("override_policy.kill_switch_holders")).toBe("override_policy");
    expect(sectionOfPath("review_schedule")).toBe("review_schedule");
    expect(sectionOfPath("jurisdictions")).toBe("framework");
    expect(sectionOfPath("name")).toBe("framework");
  });

  it("translates item ids to the names of the current draft", () => {
    expect(describePath("platforms[meta].contract.required_latency.amount", names)).toMatchObject({
      section: "platforms",
      item: "Meta Ads",
      field: "Contract › Required latency › Amount",
    });
    expect(describePath("matrix[buy/crm].support", names)).toMatchObject({ item: "Media buying on Salesforce", field: "Support" });
  });

  it("falls back to the id for an item the draft no longer has", () => {
    expect(describePath("platforms[tiktok].name", names).item).toBe("tiktok");
    expect(describePath("matrix[gone/tiktok].mode", names).item).toBe("gone on tiktok");
  });

  it("names a RACI letter by its party", () => {
    expect(describePath("raci[approve-spend].assignments[cmo].role", names)).toMatchObject({
      item: "Approve spend",
      field: "Letter of Dana Reyes",
    });
    expect(describePath("raci[approve-spend].assignments[nobody]", names).field).toBe("Letter of nobody");
  });

  it("names a field of the override policy or review schedule without an item", () => {
    expect(describePath("review_schedule.next_due", names)).toMatchObject({ item: null, field: "Next review due" });
    expect(describePath("description", names)).toMatchObject({ section: "framework", item: null, field: "Description" });
  });

  it("humanises a field it does not know", () => {
    expect(fieldLabel("min_completeness_pct")).toBe("Minimum completeness");
    expect(fieldLabel("some_new_field")).toBe("Some new field");
  });
});

describe("values in the diff", () => {
  const ctx = (section: string, field: string) => ({ section, field, names });

  it("shows text as text and marks empty values in words", () => {
    expect(displayValue("Retry three times", ctx("platforms", "error_handling"))).toEqual({ type: "text", text: "Retry three times" });
    expect(displayValue("", ctx("platforms", "error_handling"))).toEqual({ type: "empty", text: "(empty)" });
    expect(displayValue(null, ctx("matrix", "last_verified"))).toEqual({ type: "empty", text: "(none)" });
    expect(displayValue([], ctx("platforms", "data_formats"))).toEqual({ type: "empty", text: "(empty list)" });
  });

  it("shows enum values, dates, percentages and durations as people write them", () => {
    expect(valueText("partial", ctx("matrix", "support"))).toBe("Partial");
    expect(valueText("ad_platform", ctx("platforms", "kind"))).toBe("Ad platform");
    expect(valueText("team", ctx("parties", "kind"))).toBe("Team");
    expect(valueText("2025-02-01", ctx("matrix", "last_verified"))).toBe("1 Feb 2025");
    expect(valueText(97.5, ctx("data_quality", "min_completeness_pct"))).toBe("97.5%");
    expect(displayValue({ amount: 24, unit: "hours" }, ctx("platforms", "required_latency"))).toEqual({ type: "text", text: "24 hours" });
    expect(valueText({ amount: "25000", currency: "USD" }, ctx("hard_stops", "cap"))).toBe("USD 25,000");
    expect(valueText(true, ctx("hard_stops", "all_platforms"))).toBe("yes");
    expect(valueText("18000.00", ctx("hard_stops", "amount"))).toBe("18,000.00");
  });

  it("shows ids of parties and platforms by name", () => {
    expect(displayValue(["cmo", "ops", "ghost"], ctx("override_policy", "kill_switch_holders"))).toEqual({
      type: "list",
      items: ["Dana Reyes", "Marketing Ops", "ghost"],
    });
    expect(valueText("meta", ctx("data_quality", "source_platform"))).toBe("Meta Ads");
  });

  it("shows an added item as a compact list of its fields, without its id", () => {
    const v = displayValue(
      { id: "ops", name: "Marketing Ops", title: "Team", email: null, kind: "team", certificate: null },
      ctx("parties", ""),
    );
    expect(v).toEqual({
      type: "fields",
      fields: [
        { label: "Name", text: "Marketing Ops" },
        { label: "Title", text: "Team" },
        { label: "Email", text: "(none)" },
        { label: "Kind", text: "Team" },
        { label: "Signing certificate", text: "(none)" },
      ],
    });
  });

  it("flattens a nested object such as a platform's contract into labelled lines", () => {
    const v = displayValue(sampleFramework().platforms[0], ctx("platforms", ""));
    expect(v.type).toBe("fields");
    const fields = v.type === "fields" ? v.fields : [];
    expect(fields).toContainEqual({ label: "Contract › Required latency", text: "24 hours" });
    expect(fields).toContainEqual({ label: "Contract › When unavailable", text: "Pause" });
  });

  it("shows a RACI letter as the letter, and a list of letters with party names", () => {
    expect(displayValue({ party: "cmo", role: "A" }, ctx("raci", "role"))).toEqual({ type: "text", text: "A" });
    expect(valueText([{ party: "cmo", role: "A" }, { party: "ops", role: "R" }], ctx("raci", "assignments"))).toBe(
      "Dana Reyes: A; Marketing Ops: R",
    );
  });
});

describe("grouping changes", () => {
  const changes: Change[] = [
    change("changed", "description", "Old text", "New text"),
    change("changed", "platforms[meta].contract.required_latency.amount", 24, 12),
    change("added", "platforms[tiktok]", null, { id: "tiktok", name: "TikTok", kind: "social" }),
    change("changed", "matrix[buy/meta].support", "partial", "full"),
    change("removed", "raci[incident].assignments[ops]", { party: "ops", role: "R" }, null),
    change("changed", "parties[cmo].title", "CMO", "Chief Marketing Officer"),
    change("changed", "platforms[tiktok].kind", "social", "ad_platform"),
  ];

  it("groups changes by section in sidebar order and keeps their order within a section", () => {
    const groups = groupChanges(changes, names);
    expect(groups.map((g) => g.label)).toEqual(["Framework details", "Parties", "Interoperability contracts", "Compatibility matrix", "RACI chart"]);
    expect(groups[2].rows.map((r) => r.path)).toEqual([
      "platforms[meta].contract.required_latency.amount",
      "platforms[tiktok]",
      "platforms[tiktok].kind",
    ]);
  });

  it("counts added, removed and changed fields per section", () => {
    const platforms = groupChanges(changes, names).find((g) => g.section === "platforms")!;
    expect(platforms.counts).toEqual({ added: 1, removed: 0, changed: 2 });
    expect(countsText(platforms.counts)).toBe("1 added, 2 changed");
    expect(countsText({ added: 0, removed: 0, changed: 0 })).toBe("no changes");
  });

  it("names an item the draft lacks by the name in its added or removed value", () => {
    const platforms = groupChanges(changes, names).find((g) => g.section === "platforms")!;
    expect(platforms.rows[2]).toMatchObject({ item: "TikTok", field: "Kind" });
    expect(platforms.rows[2].new).toEqual({ type: "text", text: "Ad platform" });
  });

  it("gives an added value no old side and a removed value no new side", () => {
    const groups = groupChanges(changes, names);
    const added = groups[2].rows[1];
    expect(added.old).toBeNull();
    expect(added.field).toBe("");
    const removed = groups.find((g) => g.section === "raci")!.rows[0];
    expect(removed).toMatchObject({ item: "Incident response", field: "Letter of Marketing Ops", new: null });
    expect(removed.old).toEqual({ type: "text", text: "R" });
  });
});

describe("a party's signing certificate in the diff", () => {
  const PEM_A = "-----BEGIN CERTIFICATE-----\nMIIBgjCCASegAwIBAgIUd0lR627jtHJFyF51UBuXifbLEIgw\n-----END CERTIFICATE-----\n";
  const PEM_B = "-----BEGIN CERTIFICATE-----\nMIIBfTCCASOgAwIBAgIUK2pQ8c3Zr0aa1Ldm5xYvQ0bNw9Mw\n-----END CERTIFICATE-----\n";
  const row = (old: string | null, neu: string | null) =>
    groupChanges([change("changed", "parties[legal].certificate", old, neu)], names)[0].rows[0];
  /** Every text a row would put on the page. */
  const shown = (r: ReturnType<typeof row>) => JSON.stringify([r.item, r.field, r.old, r.new]);

  it("says registered, replaced or removed, from what each side holds", () => {
    expect(certificateChange(null, PEM_A)).toBe("registered");
    expect(certificateChange(PEM_A, PEM_B)).toBe("replaced");
    expect(certificateChange(PEM_A, null)).toBe("removed");
  });

  it("shows a change of certificate as one word under the field's name, never the PEM text", () => {
    for (const [old, neu, word] of [
      [null, PEM_A, "registered"],
      [PEM_A, PEM_B, "replaced"],
      [PEM_B, null, "removed"],
    ] as const) {
      const r = row(old, neu);
      expect(r).toMatchObject({ field: "Signing certificate", old: null, new: { type: "text", text: word } });
      expect(shown(r)).not.toMatch(/BEGIN|MIIB/);
    }
  });

  it("words the audit log's certificate rows, whose values are JSON text, and leaves other rows alone", () => {
    expect(auditCertificateText("parties[legal]", "certificate", "null", JSON.stringify(PEM_A))).toBe("signing certificate registered");
    expect(auditCertificateText("parties[legal]", "certificate", JSON.stringify(PEM_A), JSON.stringify(PEM_B))).toBe(
      "signing certificate replaced",
    );
    expect(auditCertificateText("parties[legal]", "certificate", JSON.stringify(PEM_B), "null")).toBe("signing certificate removed");
    expect(auditCertificateText("parties[legal]", "title", "\"A\"", "\"B\"")).toBeNull();
    expect(auditCertificateText("platforms[meta]", "certificate", "null", "\"x\"")).toBeNull();
  });

  it("shows an added party's certificate as registered, not as its PEM text", () => {
    const party = { id: "dpo", name: "Data Protection Officer", title: "DPO", email: null, kind: "person", certificate: PEM_A };
    const r = groupChanges([change("added", "parties[dpo]", null, party)], names)[0].rows[0];
    expect(r.new).toMatchObject({ type: "fields" });
    expect(r.new?.type === "fields" && r.new.fields.find((f) => f.label === "Signing certificate")?.text).toBe("registered");
    expect(shown(r)).not.toMatch(/BEGIN|MIIB/);
  });
});

describe("marking what changed inside a value", () => {
  it("finds the changed words between the common beginning and end of two texts", () => {
    expect(textDelta("Pause all writes and page on-call", "Pause all TikTok writes and page on-call")).toEqual({
      prefix: "Pause all ",
      oldMid: "",
      newMid: "TikTok ",
      suffix: "writes and page on-call",
    });
    expect(textDelta("Retry three times", "Retry five times")).toEqual({ prefix: "Retry ", oldMid: "three", newMid: "five", suffix: " times" });
  });

  it("marks whole words, never half a word", () => {
    expect(textDelta("complete within 6 hours", "complete within 16 hours")).toMatchObject({ oldMid: "6", newMid: "16" });
    expect(textDelta("colour", "color")).toMatchObject({ prefix: "", oldMid: "colour", newMid: "color", suffix: "" });
  });

  it("marks the changed part of a long text and leaves short texts whole", () => {
    const long = "Reporting in our account has lagged up to 6 hours and been restated for up to 72 hours.";
    const [a, b] = markDifferences({ type: "text", text: long }, { type: "text", text: long.replace("6 hours", "8 hours") });
    expect(a.type === "text" && a.parts?.filter((p) => p.mark).map((p) => p.text)).toEqual(["6"]);
    expect(b.type === "text" && b.parts?.filter((p) => p.mark).map((p) => p.text)).toEqual(["8"]);
    const [c] = markDifferences({ type: "text", text: "Pause" }, { type: "text", text: "Safe default" });
    expect(c).toEqual({ type: "text", text: "Pause" });
  });

  it("marks the entries of a list that the other side lacks", () => {
    const [a, b] = markDifferences({ type: "list", items: ["US", "UK", "EU"] }, { type: "list", items: ["US", "EU", "CH"] });
    expect(a).toEqual({ type: "list", items: ["US", "UK", "EU"], marks: [false, true, false] });
    expect(b).toEqual({ type: "list", items: ["US", "EU", "CH"], marks: [false, false, true] });
  });
});

describe("placeText", () => {
  it("names a field by its section, item and field label", () => {
    expect(placeText("platforms[meta].contract.required_latency.amount", names)).toBe(
      "Interoperability contracts › Meta Ads › Contract › Required latency › Amount",
    );
    expect(placeText("description", names)).toBe("Framework details › Description");
  });
});

describe("compliance rules and obligations in the diff", () => {
  const catalogue = {
    format: 1,
    id: "ftc",
    title: "FTC",
    version: "1",
    publisher: "FTC",
    jurisdictions: ["US"],
    kind: "law" as const,
    source_url: "",
    notice: "",
    obligations: [{ id: "ftc-255-5", citation: "16 CFR 255.5", title: "Disclosure of material connections", summary: "", topics: [] }],
  };
  const withCats = buildDiffNames(sampleFramework(), [catalogue]);

  it("names a rule by its name and its fields, kinds and places of enforcement in words", () => {
    expect(sectionOfPath("compliance_rules[uk-consent].kind")).toBe("compliance_rules");
    expect(placeText("compliance_rules[uk-consent].enforced_by", withCats)).toBe(
      "Compliance rules › UK consent before targeting › Enforced",
    );
    const groups = groupChanges(
      [
        change("changed", "compliance_rules[uk-consent].kind", "consent", "disclosure"),
        change("changed", "compliance_rules[uk-consent].enforced_by", ["agent"], ["agent", "pre_publication_check"]),
        change("changed", "compliance_rules[uk-consent].capabilities", ["buy"], ["buy", "copy"]),
      ],
      withCats,
    );
    expect(groups.map((g) => g.label)).toEqual(["Compliance rules"]);
    const [kind, enforced, caps] = groups[0].rows;
    expect(kind.item).toBe("UK consent before targeting");
    expect(kind.old).toEqual({ type: "text", text: "Consent" });
    expect(kind.new).toEqual({ type: "text", text: "Disclosure" });
    expect(enforced.new).toMatchObject({ type: "list", items: ["In the agent", "Pre-publication check"] });
    expect(caps.new).toMatchObject({ type: "list", items: ["Media buying", "Copy optimisation"] });
  });

  it("shows linked obligations by citation, wherever they are linked", () => {
    const [g] = groupChanges([change("changed", "hard_stops[x].obligations", [], ["ftc-255-5", "gone-1"])], withCats);
    expect(g.rows[0].field).toBe("Obligations answered");
    expect(g.rows[0].new).toMatchObject({ type: "list", items: ["16 CFR 255.5", "gone-1"] });
    const [o] = groupChanges([change("changed", "override_policy.obligations", ["ftc-255-5"], [])], withCats);
    expect(o.label).toBe("Override policy");
    expect(o.rows[0].old).toMatchObject({ type: "list", items: ["16 CFR 255.5"] });
  });

  it("names a removed rule by the name in its value", () => {
    const [g] = groupChanges([change("removed", "compliance_rules[old-rule]", { id: "old-rule", name: "Old rule" }, null)], withCats);
    expect(g.rows[0].item).toBe("Old rule");
  });
});
