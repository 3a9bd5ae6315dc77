import { describe, expect, it } from "vitest";
import { asFailure, errorMessage, failureText } from "./errors";

describe("error messages", () => {
  it("shows the message of an ApiError", () => {
    expect(errorMessage({ code: "not_found", message: "No framework has the id \"x\"." })).toBe(
      "No framework has the id \"x\".",
    );
  });

  it("accepts a bare string or an Error from the bridge", () => {
    expect(errorMessage("IPC failed")).toBe("IPC failed");
    expect(errorMessage(new Error("boom"))).toBe("boom");
  });

  it("falls back to the code, then to a generic sentence", () => {
    expect(errorMessage({ code: "db_newer", message: "" })).toBe("Error: db_newer");
    expect(errorMessage(undefined)).toBe("Unknown error.");
    expect(errorMessage(42)).toBe("Unknown error.");
  });
});

describe("failures", () => {
  it("keeps an ApiError's code and findings and reads anything else as an error", () => {
    const finding = { severity: "error", section: "review_schedule", item: null, path: "comment", field: "comment", message: "Say why." } as const;
    expect(asFailure({ code: "invalid", message: "1 problem", findings: [finding] })).toEqual({
      code: "invalid",
      message: "1 problem",
      findings: [finding],
    });
    expect(asFailure("IPC down")).toEqual({ code: "error", message: "IPC down", findings: [] });
    expect(asFailure({ code: "stale", message: "m" }).findings).toEqual([]);
  });

  it("says a failure with findings in their words", () => {
    const f = asFailure({ code: "invalid", message: "Say why. (comment)", findings: [{ severity: "error", section: "review_schedule", item: null, path: "comment", field: "comment", message: "Say why." }] });
    expect(failureText(f)).toBe("Say why.");
    expect(failureText(asFailure({ code: "refused", message: "Not a signatory." }))).toBe("Not a signatory.");
  });
});
