import { describe, expect, it } from "vitest";
import {
  countBySection,
  countFindings,
  errorsFirst,
  findingsOf,
  groupBySection,
  splitByItem,
  worstSeverity,
} from "./findings";
import { finding } from "./test-fixtures";

const sample = [
  finding("warning", "raci", "incident", "no R"),
  finding("error", "override_policy", null, "one holder"),
  finding("error", "raci", "approve-spend", "two A"),
  finding("warning", "matrix", null, "untested cells"),
  finding("error", "raci", null, "overall"),
];

describe("counting findings", () => {
  it("counts errors and warnings", () => {
    expect(countFindings(sample)).toEqual({ errors: 3, warnings: 2 });
    expect(countFindings([])).toEqual({ errors: 0, warnings: 0 });
  });

  it("counts per section, with zero for sections without findings", () => {
    const c = countBySection(sample);
    expect(c.raci).toEqual({ errors: 2, warnings: 1 });
    expect(c.override_policy).toEqual({ errors: 1, warnings: 0 });
    expect(c.matrix).toEqual({ errors: 0, warnings: 1 });
    expect(c.parties).toEqual({ errors: 0, warnings: 0 });
    expect(Object.keys(c)).toHaveLength(12);
  });
});

describe("ordering and grouping", () => {
  it("puts errors before warnings and otherwise keeps the validator's order", () => {
    expect(errorsFirst(sample).map((f) => f.message)).toEqual([
      "one holder",
      "two A",
      "overall",
      "no R",
      "untested cells",
    ]);
  });

  it("groups by section in sidebar order, errors first, leaving out empty sections", () => {
    const groups = groupBySection(sample);
    expect(groups.map((g) => g.section)).toEqual(["matrix", "raci", "override_policy"]);
    const raci = groups[1];
    expect(raci.label).toBe("RACI chart");
    expect(raci.findings.map((f) => f.message)).toEqual(["two A", "overall", "no R"]);
    expect(raci.counts).toEqual({ errors: 2, warnings: 1 });
  });

  it("returns no groups when there are no findings", () => {
    expect(groupBySection([])).toEqual([]);
  });

  it("filters one section's findings, errors first", () => {
    expect(findingsOf(sample, "raci").map((f) => f.message)).toEqual(["two A", "overall", "no R"]);
    expect(findingsOf(sample, "parties")).toEqual([]);
  });
});

describe("splitting findings between items and the rest", () => {
  it("puts each finding next to its item or in the rest, never both and never lost", () => {
    const raci = findingsOf(sample, "raci");
    const { byItem, rest } = splitByItem(raci, ["approve-spend", "incident"]);
    expect(byItem.get("approve-spend")?.map((f) => f.message)).toEqual(["two A"]);
    expect(byItem.get("incident")?.map((f) => f.message)).toEqual(["no R"]);
    expect(rest.map((f) => f.message)).toEqual(["overall"]);
  });

  it("keeps a finding about an item the page does not show in the rest", () => {
    const { byItem, rest } = splitByItem([finding("warning", "raci", "cmo", "overloaded")], ["approve-spend"]);
    expect(byItem.size).toBe(0);
    expect(rest).toHaveLength(1);
  });

  it("reports the worst severity of a list", () => {
    expect(worstSeverity(undefined)).toBeNull();
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity([finding("warning", "raci", null)])).toBe("warning");
    expect(worstSeverity([finding("warning", "raci", null), finding("error", "raci", null)])).toBe("error");
  });
});
