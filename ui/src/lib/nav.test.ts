import { describe, expect, it } from "vitest";
import { SECTION_ORDER } from "./findings";
import { NAV, pageFromHash, pageHref, pageOfSection } from "./nav";

describe("navigation", () => {
  it("lists the thirteen pages in the sidebar order, publishing and reviews last", () => {
    expect(NAV.map((n) => n.page)).toEqual([
      "overview",
      "parties",
      "platforms",
      "capabilities",
      "matrix",
      "raci",
      "data_quality",
      "hard_stops",
      "override_policy",
      "review_schedule",
      "findings",
      "versions",
      "reviews",
    ]);
    expect(NAV.filter((n) => n.group === "publishing").map((n) => n.page)).toEqual(["versions", "reviews"]);
  });

  it("gives every findings section a page whose link counts it", () => {
    for (const s of SECTION_ORDER) {
      const page = pageOfSection(s);
      expect(NAV.find((n) => n.page === page)?.section).toBe(s);
    }
  });

  it("reads the page from the location hash and falls back to the overview", () => {
    expect(pageFromHash(pageHref("matrix"))).toBe("matrix");
    expect(pageFromHash("#data_quality")).toBe("data_quality");
    expect(pageFromHash("")).toBe("overview");
    expect(pageFromHash("#/nope")).toBe("overview");
    expect(pageFromHash("#/reviews")).toBe("reviews");
  });
});
