import { describe, expect, it } from "vitest";
import { nextFieldErrors, withoutField } from "./fielderrors";
import { failure } from "./queue";

const invalid = failure({
  code: "invalid",
  message:
    "the framework breaks 1 rule(s) and was not saved:\n  - error: The minimum completeness is 140; it must be a percentage from 0 to 100. (data_quality[dq-x].min_completeness_pct)",
});
const known = ["data_input", "min_completeness_pct", "notes"];

describe("errors next to fields", () => {
  it("shows an invalid edit's problem next to the field its path names", () => {
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
    const conflict = failure({ code: "conflict", message: "this item was changed elsewhere; reload" });
    expect(nextFieldErrors({}, conflict, ["notes"], known)).toEqual({});
  });

  it("shows any other failure next to the changed field", () => {
    const other = failure({ code: "conflict", message: "this party owns data-quality standards (X); give them another owner before removing it" });
    expect(nextFieldErrors({}, other, ["notes"], known).notes?.[0]).toMatch(/^This party owns/);
    expect(nextFieldErrors({}, failure({ code: "database", message: "database error: locked" }), ["notes"], known)).toEqual({
      notes: ["Database error: locked"],
    });
  });

  it("forgets a field's errors when it is reverted", () => {
    expect(withoutField({ a: ["x"], b: ["y"] }, "a")).toEqual({ b: ["y"] });
  });
});
