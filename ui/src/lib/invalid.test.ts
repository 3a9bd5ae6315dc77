import { describe, expect, it } from "vitest";
import { fieldOfPath, parseInvalid, problemsByField } from "./invalid";

const MESSAGE = [
  "the framework breaks 2 rule(s) and was not saved:",
  "  - error: The minimum completeness is 140; it must be a percentage from 0 to 100. (data_quality[dq-x].min_completeness_pct)",
  "  - error: The title contains a control character (such as a line break or tab). (parties[ann].title)",
].join("\n");

describe("reading an invalid edit's problems", () => {
  it("reads the severity, the sentence and the path of every listed problem", () => {
    expect(parseInvalid(MESSAGE)).toEqual([
      {
        severity: "error",
        message: "The minimum completeness is 140; it must be a percentage from 0 to 100.",
        path: "data_quality[dq-x].min_completeness_pct",
      },
      {
        severity: "error",
        message: "The title contains a control character (such as a line break or tab).",
        path: "parties[ann].title",
      },
    ]);
  });

  it("ignores the heading, the overflow line and anything that is not a problem line", () => {
    expect(parseInvalid("the framework breaks 30 rule(s)\n  ... and 10 more")).toEqual([]);
    expect(parseInvalid("database error: disk full")).toEqual([]);
  });

  it("takes the path after the item prefix as the field", () => {
    expect(fieldOfPath("data_quality[dq-x].min_completeness_pct")).toBe("min_completeness_pct");
    expect(fieldOfPath("platforms[tiktok].contract.required_latency")).toBe("contract.required_latency");
    expect(fieldOfPath("hard_stops[daily-cap].cap.amount")).toBe("cap.amount");
    expect(fieldOfPath("matrix[media-buying/tiktok].constraints")).toBe("constraints");
    expect(fieldOfPath("platforms[3].contract.data_formats")).toBe("contract.data_formats");
  });

  it("treats a list as one field and drops the entry's position", () => {
    expect(fieldOfPath("platforms[x].contract.permission_scopes[2]")).toBe("contract.permission_scopes");
    expect(fieldOfPath("jurisdictions[0]")).toBe("jurisdictions");
    expect(fieldOfPath("hard_stops[h].lift_authority[1]")).toBe("lift_authority");
  });

  it("reads the fields of the override policy, the review schedule and the framework details", () => {
    expect(fieldOfPath("override_policy.test_cadence.custom_days")).toBe("test_cadence.custom_days");
    expect(fieldOfPath("review_schedule.required_signatories[0]")).toBe("required_signatories");
    expect(fieldOfPath("name")).toBe("name");
  });

  it("puts each problem next to its field, or next to the changed field when the form has no such field", () => {
    const problems = parseInvalid(MESSAGE);
    const by = problemsByField(problems, ["min_completeness_pct", "notes"], "notes");
    expect(by.get("min_completeness_pct")).toEqual([problems[0].message]);
    expect(by.get("notes")).toEqual([problems[1].message]);
  });

  it("gives a problem about part of a field to that field", () => {
    const by = problemsByField(
      [{ severity: "error", message: "m", path: "platforms[p].contract.required_latency.amount" }],
      ["contract.required_latency", "name"],
      "name",
    );
    expect([...by.keys()]).toEqual(["contract.required_latency"]);
  });
});
