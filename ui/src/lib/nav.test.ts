import { describe, expect, it } from "vitest";
import { SECTION_ORDER } from "./findings";
import { NAV, itemFromHash, itemHref, pageFromHash, pageHref, pageOfSection } from "./nav";

describe("navigation", () => {
  it("lists the fifteen pages in the sidebar order, publishing and reviews last", () => {
    expect(NAV.map((n) => n.page)).toEqual([
      "overview",
      "parties",
      "platforms",
      "capabilities",
      "matrix",
      "raci",
      "data_quality",
      "hard_stops",
      "compliance_rules",
      "override_policy",
      "review_schedule",
      "coverage",
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

  it("links to one item of a page and reads it back", () => {
    const href = itemHref("hard_stops", "daily-cap");
    expect(href).toBe("#/hard_stops/daily-cap");
    expect(pageFromHash(href)).toBe("hard_stops");
    expect(itemFromHash(href, "hard_stops")).toBe("daily-cap");
    // Another page's item is not this page's.
    expect(itemFromHash(href, "raci")).toBeNull();
    expect(itemFromHash("#/hard_stops", "hard_stops")).toBeNull();
    expect(itemFromHash("#/hard_stops/", "hard_stops")).toBeNull();
    // Ids with characters a hash would mangle come back whole.
    expect(itemFromHash(itemHref("raci", "a b/c"), "raci")).toBe("a b/c");
    expect(pageFromHash("#/nope/x")).toBe("overview");
  });
});
