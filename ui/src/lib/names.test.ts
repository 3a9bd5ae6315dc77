import { describe, expect, it } from "vitest";
import { buildItemLabeller, buildNames, NameIndex } from "./names";
import { finding, sampleFramework } from "./test-fixtures";

describe("name lookup", () => {
  it("resolves ids to the names people gave them", () => {
    const names = buildNames(sampleFramework());
    expect(names.parties.name("cmo")).toBe("Dana Reyes");
    expect(names.platforms.name("crm")).toBe("Salesforce");
    expect(names.capabilities.name("buy")).toBe("Media buying");
  });

  it("marks a reference to nothing instead of hiding it", () => {
    const idx = new NameIndex([{ id: "a", name: "Alpha" }]);
    expect(idx.resolve("b")).toEqual({ text: "b", known: false });
    expect(idx.name("b")).toBe("b (unknown)");
    expect(idx.has("a")).toBe(true);
    expect(idx.resolveAll(["a", "b"]).map((r) => r.known)).toEqual([true, false]);
  });

  it("keeps markup in a name as plain text", () => {
    const names = buildNames(sampleFramework());
    expect(names.parties.name("legal")).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("naming the item of a finding", () => {
  const label = buildItemLabeller(sampleFramework());

  it("names matrix cells by capability and platform", () => {
    expect(label(finding("error", "matrix", "buy/meta"))).toBe("Media buying on Meta Ads");
    expect(label(finding("error", "matrix", "buy/nowhere"))).toBeNull();
  });

  it("names RACI activities and the parties of overload warnings", () => {
    expect(label(finding("error", "raci", "approve-spend"))).toBe("Approve spend");
    expect(label(finding("warning", "raci", "ops"))).toBe("Marketing Ops");
  });

  it("names nothing for a section-wide finding", () => {
    expect(label(finding("error", "override_policy", null))).toBeNull();
    expect(label(finding("error", "parties", "nobody"))).toBeNull();
  });
});

describe("party details", () => {
  it("gives a party's title as the detail of its name", () => {
    const names = buildNames(sampleFramework());
    expect(names.parties.resolve("cmo")).toEqual({ text: "Dana Reyes", known: true, detail: "CMO" });
    expect(names.platforms.resolve("meta")).toEqual({ text: "Meta Ads", known: true });
  });
});
