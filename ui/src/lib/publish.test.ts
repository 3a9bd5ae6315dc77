import { describe, expect, it } from "vitest";
import { readRefusal } from "./publish";

describe("a refused publication", () => {
  it("lists the remaining errors with the section that fixes each", () => {
    const r = readRefusal(
      "invalid",
      "the framework breaks 2 rule(s) and was not saved:\n" +
        '  - error: Activity "Triage" has no Accountable party; exactly one is required. (raci[triage].assignments)\n' +
        "  - error: The kill switch has 1 holder(s); at least two parties must be able to trigger it. (override_policy.kill_switch_holders)",
    );
    expect(r.kind).toBe("errors");
    if (r.kind !== "errors") return;
    expect(r.problems.map((p) => [p.section, p.path])).toEqual([
      ["raci", "raci[triage].assignments"],
      ["override_policy", "override_policy.kill_switch_holders"],
    ]);
    expect(r.problems[0].message).toBe('Activity "Triage" has no Accountable party; exactly one is required.');
    expect(r.more).toBe(0);
  });

  it("counts the errors the message left out", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `  - error: Problem ${i} (matrix[a/b${i}].mode)`).join("\n");
    const r = readRefusal("invalid", `the framework breaks 23 rule(s) and was not saved:\n${lines}\n  ... and 3 more`);
    expect(r.kind === "errors" && r.problems.length).toBe(20);
    expect(r.kind === "errors" && r.more).toBe(3);
  });

  it("reads a missing change summary as a problem of the summary field", () => {
    const r = readRefusal(
      "invalid",
      "the framework breaks 1 rule(s) and was not saved:\n  - error: Write a change summary: what changed in this version and why. (summary)",
    );
    expect(r).toEqual({ kind: "summary", message: "Write a change summary: what changed in this version and why." });
  });

  it("says plainly that nothing changed since the last version", () => {
    expect(readRefusal("conflict", "nothing changed since version 3; there is nothing to publish")).toEqual({
      kind: "unchanged",
      message: "Nothing changed since version 3; there is nothing to publish.",
    });
  });

  it("shows any other failure as a sentence", () => {
    expect(readRefusal("database", "database error: disk full")).toEqual({ kind: "other", message: "Database error: disk full." });
    expect(readRefusal("invalid", "something odd")).toEqual({ kind: "other", message: "Something odd." });
  });
});
