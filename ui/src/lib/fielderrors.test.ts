import { describe, expect, it } from "vitest";
import { nextFieldErrors, withoutField } from "./fielderrors";
import { failure } from "./queue";

const invalid = failure({
  code: "invalid",
  message: "the framework breaks 1 rule(s) and was not saved",
  findings: [
    {
      severity: "error",
      section: "data_quality",
      item: "dq-x",
      path: "data_quality[dq-x].min_completeness_pct",
      field: "min_completeness_pct",
      message: "The minimum completeness is 140; it must be a percentage from 0 to 100.",
    },
  ],
});
const known = ["data_input", "min_completeness_pct", "notes"];

describe("errors next to fields", () => {
  it("shows an invalid edit's finding next to the field it names", () => {
    const errs = nextFieldErrors({}, invalid, ["min_completeness_pct"], known);
    expect(errs).toEqual({
      min_completeness_pct: ["The minimum completeness is 140; it must be a percentage from 0 to 100."],
    });
  });

  it("clears a field's error once a change to it is saved, keeping other fields' errors", () => {
    const before = { min_completeness_pct: ["bad"], notes: ["too long"] };
    const after = nextFieldErrors(before, { ok: true, outcome: { label: "x", changes: 1 } }, ["min_completeness_pct"], known);
    expect(after).toEqual({ notes: ["too long"] });
  });

  it("leaves a stale conflict to the reload banner", () => {
    const stale = failure({ code: "stale", message: "this item was changed elsewhere; reload" });
    expect(nextFieldErrors({}, stale, ["notes"], known)).toEqual({});
  });

  it("leaves a refusal for the signed-in role to the error banner", () => {
    const refused = failure({ code: "not_permitted", message: "the team database refused this for your role: permission denied" });
    expect(nextFieldErrors({ notes: ["old"] }, refused, ["notes"], known)).toEqual({});
  });

  it("shows any other failure next to the changed field", () => {
    const other = failure({ code: "refused", message: "this party owns data-quality standards (X); give them another owner before removing it" });
    expect(nextFieldErrors({}, other, ["notes"], known).notes?.[0]).toMatch(/^This party owns/);
    expect(nextFieldErrors({}, failure({ code: "database", message: "database error: locked" }), ["notes"], known)).toEqual({
      notes: ["Database error: locked"],
    });
  });

  it("forgets a field's errors when it is reverted", () => {
    expect(withoutField({ a: ["x"], b: ["y"] }, "a")).toEqual({ b: ["y"] });
  });
});
