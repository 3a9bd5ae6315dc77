import { describe, expect, it } from "vitest";
import type { Finding, Section } from "./bindings";
import { readRefusal } from "./publish";

function error(section: Section, path: string, field: string, message: string): Finding {
  return { severity: "error", section, item: null, path, field, message };
}

describe("a refused publication", () => {
  it("lists the remaining errors with the section that fixes each", () => {
    const findings = [
      error("raci", "raci[triage].assignments", "assignments", 'Activity "Triage" has no Accountable party.'),
      error("override_policy", "override_policy.kill_switch_holders", "kill_switch_holders", "The kill switch has 1 holder."),
    ];
    const r = readRefusal({ code: "invalid", message: "the framework breaks 2 rule(s)", findings });
    expect(r).toEqual({ kind: "errors", problems: findings, more: 0 });
  });

  it("lists twenty errors and counts the rest", () => {
    const findings = Array.from({ length: 23 }, (_, i) => error("matrix", `matrix[a/b${i}].mode`, "mode", `Problem ${i}`));
    const r = readRefusal({ code: "invalid", message: "", findings });
    expect(r.kind === "errors" && r.problems.map((p) => p.message)).toEqual(findings.slice(0, 20).map((p) => p.message));
    expect(r.kind === "errors" && r.more).toBe(3);
  });

  it("reads a missing change summary as a problem of the summary field", () => {
    const findings = [error("framework", "summary", "summary", "Write a change summary: what changed in this version and why.")];
    expect(readRefusal({ code: "invalid", message: "", findings })).toEqual({
      kind: "summary",
      message: "Write a change summary: what changed in this version and why.",
    });
  });

  it("says plainly that nothing changed since the last version, by its code", () => {
    const message = "nothing changed since version 3; there is nothing to publish";
    expect(readRefusal({ code: "unchanged", message, findings: [] })).toEqual({
      kind: "unchanged",
      message: "Nothing changed since version 3; there is nothing to publish.",
    });
    // The words alone mean nothing: only the code says "unchanged".
    expect(readRefusal({ code: "refused", message, findings: [] }).kind).toBe("other");
  });

  it("shows any other failure as a sentence", () => {
    expect(readRefusal({ code: "database", message: "database error: disk full", findings: [] })).toEqual({
      kind: "other",
      message: "Database error: disk full.",
    });
    expect(readRefusal({ code: "invalid", message: "something odd", findings: [] })).toEqual({ kind: "other", message: "Something odd." });
  });
});
