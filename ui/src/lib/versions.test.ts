import { describe, expect, it } from "vitest";
import type { VersionInfo } from "./bindings";
import { chainLinks, defaultComparison, latestVersion, newestFirst, nextVersionNumber, shortHash } from "./versions";

const sha = (c: string) => c.repeat(64);
function version(number: number, previous: string | null): VersionInfo {
  return {
    framework: "acme",
    number,
    published_at: `2026-0${number}-01T10:00:00Z`,
    author: "dana",
    summary: `Version ${number}`,
    sha256: sha(String(number)),
    previous_sha256: previous,
  };
}
const v1 = version(1, null);
const v2 = version(2, sha("1"));
const v3 = version(3, sha("2"));

describe("published versions", () => {
  it("lists versions newest first without changing the list it was given", () => {
    const list = [v1, v2, v3];
    expect(newestFirst(list).map((v) => v.number)).toEqual([3, 2, 1]);
    expect(list.map((v) => v.number)).toEqual([1, 2, 3]);
  });

  it("finds the newest version and the number the next one gets", () => {
    expect(latestVersion([v2, v3, v1])?.number).toBe(3);
    expect(latestVersion([])).toBeNull();
    expect(nextVersionNumber([v1, v2])).toBe(3);
    expect(nextVersionNumber([])).toBe(1);
  });

  it("shortens a hash to its first twelve hex digits, as the PDF footer does", () => {
    expect(shortHash("0123456789abcdef".repeat(4))).toBe("0123456789ab");
  });

  it("checks that each version names the hash of the one before it", () => {
    const links = chainLinks([v1, v2, v3]);
    expect([...links.entries()]).toEqual([
      [1, "first"],
      [2, "linked"],
      [3, "linked"],
    ]);
  });

  it("reports a broken chain when a previous hash does not match or a version is missing", () => {
    expect(chainLinks([v1, { ...v2, previous_sha256: sha("f") }]).get(2)).toBe("broken");
    expect(chainLinks([v1, v3]).get(3)).toBe("broken");
    expect(chainLinks([{ ...v2, previous_sha256: null }]).get(2)).toBe("broken");
  });

  it("compares the selected version with the one before it by default", () => {
    expect(defaultComparison([v1, v2, v3], 3)).toEqual({ from: 2, to: 3 });
    expect(defaultComparison([v1, v2, v3], 2)).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([v1, v2, v3], null)).toEqual({ from: 2, to: 3 });
  });

  it("compares the first version with the second, and nothing when only one exists", () => {
    expect(defaultComparison([v1, v2, v3], 1)).toEqual({ from: 1, to: 2 });
    expect(defaultComparison([v1], 1)).toBeNull();
  });
});
