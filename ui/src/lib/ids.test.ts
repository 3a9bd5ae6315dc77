import { describe, expect, it } from "vitest";
import { isValidId, slugify } from "./ids";

describe("ids for new items", () => {
  it("joins lower-case ascii letters and digits with single dashes", () => {
    expect(slugify("TikTok Ads", new Set())).toBe("tiktok-ads");
    expect(slugify("  Données & CRM!! ", new Set())).toBe("donn-es-crm");
    expect(slugify("Head of Performance (EU) ", new Set())).toBe("head-of-performance-eu");
  });

  it("falls back to item when the name has no letter or digit", () => {
    expect(slugify("***", new Set())).toBe("item");
    expect(slugify("", new Set())).toBe("item");
    expect(slugify("数据", new Set())).toBe("item");
  });

  it("makes the id unique within the list with a suffix -2, -3", () => {
    expect(slugify("TikTok Ads", new Set(["tiktok-ads", "tiktok-ads-2"]))).toBe("tiktok-ads-3");
    expect(slugify("Meta", (id) => id === "meta")).toBe("meta-2");
  });

  it("keeps the base to 48 characters and never ends it with a dash", () => {
    const id = slugify("a".repeat(47) + " bcd", new Set());
    expect(id).toBe("a".repeat(47));
    expect(slugify("x".repeat(100), new Set())).toHaveLength(48);
  });

  it("always produces an id the back end accepts", () => {
    for (const name of ["Ünïcödé", "-lead-", "9 lives", "<script>alert(1)</script>", "a.b_c"]) {
      expect(isValidId(slugify(name, new Set()))).toBe(true);
    }
  });

  it("checks the id rule: 1 to 64 of a-z 0-9 . _ - starting with a letter or digit", () => {
    expect(isValidId("media-buying")).toBe(true);
    expect(isValidId("a.b_c-1")).toBe(true);
    expect(isValidId("-x")).toBe(false);
    expect(isValidId("Upper")).toBe(false);
    expect(isValidId("")).toBe(false);
    expect(isValidId("a".repeat(65))).toBe(false);
  });
});
