import { describe, expect, it } from "vitest";
import type { Edit } from "./bindings";
import {
  capFrom,
  cleanEntries,
  expectedVersion,
  modeAllowed,
  moveTarget,
  newDataQuality,
  newParty,
  newPlatform,
  newRule,
  numberText,
  parseDateInput,
  parseNumberInput,
  patchEdit,
  putEdit,
  removeEdit,
  suggestMode,
  toggled,
  untestedCell,
  versionKey,
  withCadenceKind,
  withKind,
  withSupport,
} from "./edits";
import { sampleFramework } from "./test-fixtures";

describe("version lookup", () => {
  it("names the record each edit changes, as the back end keys its versions", () => {
    const fw = sampleFramework();
    const cases: [Edit, string | null][] = [
      [{ op: "set_details", details: { name: "n", organisation: "", description: "", jurisdictions: [] } }, "details"],
      [{ op: "put_party", party: fw.parties[0] }, "parties/cmo"],
      [{ op: "remove_platform", id: "meta" }, "platforms/meta"],
      [{ op: "move", list: "data_quality", id: "dq", to: 0 }, "data_quality/dq"],
      [{ op: "put_cell", cell: fw.matrix[0] }, "matrix/buy/meta"],
      [{ op: "remove_cell", capability: "copy", platform: "crm" }, "matrix/copy/crm"],
      [{ op: "set_letter", activity: "incident", party: "cmo", role: "A" }, "raci/incident"],
      [{ op: "set_override_policy", policy: fw.override_policy }, "override_policy"],
      [{ op: "set_review_schedule", schedule: fw.review_schedule }, "review_schedule"],
      [{ op: "put_rule", rule: fw.compliance_rules[0] }, "compliance_rules/uk-consent"],
      [{ op: "remove_rule", id: "uk-consent" }, "compliance_rules/uk-consent"],
      [{ op: "move", list: "compliance_rules", id: "uk-consent", to: 0 }, "compliance_rules/uk-consent"],
      [{ op: "restore", framework: fw }, null],
    ];
    for (const [edit, key] of cases) expect(versionKey(edit)).toBe(key);
  });

  it("sends the stored version, 0 for a record not stored yet, and no check for a restore", () => {
    const versions = { "parties/cmo": 4, "matrix/buy/meta": 2 };
    const fw = sampleFramework();
    expect(expectedVersion(versions, { op: "put_party", party: fw.parties[0] })).toBe(4);
    expect(expectedVersion(versions, { op: "put_cell", cell: { ...fw.matrix[0], platform: "crm" } })).toBe(0);
    expect(expectedVersion(versions, { op: "restore", framework: fw })).toBeNull();
  });
});

describe("building put edits from form values", () => {
  it("sends the whole stored item with only the changed field replaced", () => {
    const fw = sampleFramework();
    const edit = patchEdit(fw, "platforms", "meta", (p) => ({ ...p, contract: { ...p.contract, error_handling: "Retry" } }));
    expect(edit).toEqual({
      op: "put_platform",
      platform: { ...fw.platforms[0], contract: { ...fw.platforms[0].contract, error_handling: "Retry" } },
    });
  });

  it("builds nothing for an item that no longer exists", () => {
    expect(patchEdit(sampleFramework(), "parties", "gone", (p) => p)).toBeNull();
  });

  it("picks the put and remove operation of each list", () => {
    const fw = sampleFramework();
    expect(putEdit("capabilities", fw.capabilities[0]).op).toBe("put_capability");
    expect(putEdit("raci", fw.raci[0]).op).toBe("put_activity");
    expect(removeEdit("hard_stops", "x")).toEqual({ op: "remove_hard_stop", id: "x" });
    expect(removeEdit("data_quality", "x")).toEqual({ op: "remove_data_quality", id: "x" });
  });

  it("makes new items with an id from their name, unique in their list", () => {
    const fw = sampleFramework();
    expect(newParty(fw, " Ops  lead ")).toMatchObject({ id: "ops-lead", name: "Ops  lead", email: null });
    expect(newPlatform(fw, "Meta").id).toBe("meta-2");
    expect(newPlatform(fw, "Meta").contract.required_latency).toEqual({ amount: 24, unit: "hours" });
  });

  it("gives a new data-quality standard the first party as owner, and none without parties", () => {
    const fw = sampleFramework();
    expect(newDataQuality(fw, "Signals")?.owner).toBe("cmo");
    expect(newDataQuality({ ...fw, parties: [] }, "Signals")).toBeNull();
  });

  it("starts a new rule in the first jurisdiction, owned by the first party, for everything, linked to nothing", () => {
    const fw = sampleFramework();
    const r = newRule(fw, "UK consent before targeting");
    expect(r).toMatchObject({ id: "uk-consent-before-targeting", jurisdiction: "UK", owner: "cmo", all_capabilities: true, all_platforms: true, obligations: [] });
    expect(r?.enforced_by).toEqual(["agent"]);
    expect(newRule({ ...fw, jurisdictions: [] }, "X")).toBeNull();
    expect(newRule({ ...fw, parties: [] }, "X")).toBeNull();
    expect(putEdit("compliance_rules", r!)).toEqual({ op: "put_rule", rule: r });
    expect(removeEdit("compliance_rules", "x")).toEqual({ op: "remove_rule", id: "x" });
  });

  it("moves an item one step, never past either end", () => {
    expect(moveTarget(["a", "b", "c"], "b", -1)).toBe(0);
    expect(moveTarget(["a", "b", "c"], "b", 1)).toBe(2);
    expect(moveTarget(["a", "b", "c"], "a", -1)).toBeNull();
    expect(moveTarget(["a", "b", "c"], "c", 1)).toBeNull();
    expect(moveTarget(["a"], "zz", 1)).toBeNull();
  });

  it("adds a picked id at the end and takes an unpicked one out", () => {
    expect(toggled(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggled(["a", "b"], "a", true)).toEqual(["b", "a"]);
  });

  it("trims list entries and leaves out blank ones", () => {
    expect(cleanEntries([" JSON ", "", "  ", "CSV"])).toEqual(["JSON", "CSV"]);
  });
});

describe("matrix cells", () => {
  it("suggests the mode from the support level", () => {
    expect(suggestMode("unsupported", "normal")).toBe("disabled");
    expect(suggestMode("partial", "normal")).toBe("constrained");
    expect(suggestMode("partial", "disabled")).toBe("disabled");
    expect(suggestMode("full", "disabled")).toBe("normal");
    expect(suggestMode("full", "constrained")).toBe("constrained");
    expect(suggestMode("untested", "normal")).toBe("disabled");
  });

  it("changes support and mode together and keeps the rest of the cell", () => {
    const cell = { ...untestedCell("buy", "meta"), evidence: "seen", mode: "normal" as const };
    expect(withSupport(cell, "partial")).toEqual({ ...cell, support: "partial", mode: "constrained" });
  });

  it("refuses normal mode for partial support only", () => {
    expect(modeAllowed("partial", "normal")).toBe(false);
    expect(modeAllowed("partial", "constrained")).toBe(true);
    expect(modeAllowed("unsupported", "normal")).toBe(true);
  });

  it("starts an unassessed pair as untested and disabled", () => {
    expect(untestedCell("c", "p")).toMatchObject({ support: "untested", mode: "disabled", last_verified: null });
  });
});

describe("hard stops and cadences", () => {
  it("makes a cap only once an amount is written, with an upper-case currency", () => {
    expect(capFrom("", "USD")).toBeNull();
    expect(capFrom(" 25,000.50 ", "eur")).toEqual({ amount: "25000.50", currency: "EUR" });
    expect(capFrom("100", "")).toEqual({ amount: "100", currency: "USD" });
    expect(capFrom("12,5 EUR", "EUR")).toEqual({ amount: "12,5 EUR", currency: "EUR" });
  });

  it("drops the cap when a spend cap becomes a list", () => {
    const stop = { ...newStop(), kind: "daily_spend_cap" as const, cap: { amount: "5", currency: "USD" } };
    expect(withKind(stop, "keyword_blocklist").cap).toBeNull();
    expect(withKind(stop, "total_spend_cap").cap).toEqual({ amount: "5", currency: "USD" });
  });

  it("keeps days only for a custom cadence, 30 when none were set", () => {
    expect(withCadenceKind({ kind: "custom", custom_days: 45 }, "monthly")).toEqual({ kind: "monthly", custom_days: null });
    expect(withCadenceKind({ kind: "monthly", custom_days: null }, "custom")).toEqual({ kind: "custom", custom_days: 30 });
  });
});

function newStop() {
  return {
    id: "s",
    name: "S",
    kind: "keyword_blocklist" as const,
    cap: null,
    entries: [],
    all_platforms: true,
    platforms: [],
    lift_authority: [],
    notes: "",
    obligations: [],
  };
}

describe("parsing typed values", () => {
  it("reads numbers, a decimal comma too, and refuses text", () => {
    expect(parseNumberInput("95")).toEqual({ ok: true, value: 95 });
    expect(parseNumberInput("99,5")).toEqual({ ok: true, value: 99.5 });
    expect(parseNumberInput("140")).toEqual({ ok: true, value: 140 });
    expect(parseNumberInput("ten").ok).toBe(false);
    expect(parseNumberInput("").ok).toBe(false);
    expect(parseNumberInput("", { optional: true })).toEqual({ ok: true, value: null });
  });

  it("takes whole numbers only where the back end stores whole numbers", () => {
    expect(parseNumberInput("2.5", { integer: true }).ok).toBe(false);
    expect(parseNumberInput("-1", { integer: true }).ok).toBe(false);
    expect(parseNumberInput("0", { integer: true })).toEqual({ ok: true, value: 0 });
  });

  it("reads ISO dates and refuses impossible ones", () => {
    expect(parseDateInput("2025-03-01")).toEqual({ ok: true, value: "2025-03-01" });
    expect(parseDateInput("2025-02-30").ok).toBe(false);
    expect(parseDateInput("").ok).toBe(false);
    expect(parseDateInput("", { optional: true })).toEqual({ ok: true, value: null });
  });

  it("shows numbers without float noise", () => {
    expect(numberText(98)).toBe("98");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(null)).toBe("");
  });
});
