import { describe, expect, it } from "vitest";
import type { Finding } from "./bindings";
import { problemsByField } from "./invalid";

function finding(path: string, field: string, message: string): Finding {
  return { severity: "error", section: "data_quality", item: "dq-x", path, field, message };
}

describe("placing an invalid edit's findings", () => {
  const completeness = finding("data_quality[dq-x].min_completeness_pct", "min_completeness_pct", "The minimum completeness is 140.");
  const title = finding("parties[ann].title", "title", "The title contains a control character.");

  it("puts each finding next to its field, or next to the changed field when the form has no such field", () => {
    const by = problemsByField([completeness, title], ["min_completeness_pct", "notes"], "notes");
    expect(by.get("min_completeness_pct")).toEqual([completeness.message]);
    expect(by.get("notes")).toEqual([title.message]);
  });

  it("gives a finding about part of a field to that field", () => {
    const latency = finding("platforms[p].contract.required_latency.amount", "contract.required_latency.amount", "m");
    const by = problemsByField([latency], ["contract.required_latency", "name"], "name");
    expect([...by.keys()]).toEqual(["contract.required_latency"]);
  });

  it("gives a finding about the whole item to the changed field", () => {
    const whole = finding("raci[launch]", "", "Exactly one party must be Accountable.");
    const by = problemsByField([whole], ["name", "layer"], "layer");
    expect(by.get("layer")).toEqual([whole.message]);
  });
});
