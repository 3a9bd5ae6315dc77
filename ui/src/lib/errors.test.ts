import { describe, expect, it } from "vitest";
import { errorMessage } from "./errors";

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
