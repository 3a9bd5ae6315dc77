import { describe, expect, it } from "vitest";
import type { Framework } from "./bindings";
import {
  buildMatrixGrid,
  buildMatrixLookup,
  cellKey,
  filterMatrix,
  isFiltering,
  NO_FILTER,
  selectGrid,
  splitCellKey,
  supportOf,
  supportShown,
} from "./matrix";
import { finding, sampleFramework } from "./test-fixtures";

describe("matrix lookup", () => {
  it("finds a stored cell by capability and platform", () => {
    const fw = sampleFramework();
    const lookup = buildMatrixLookup(fw.matrix);
    expect(lookup.get(cellKey("buy", "meta"))?.constraints).toBe("Daily cap only");
    expect(supportOf(lookup, "buy", "meta")).toBe("partial");
    expect(supportOf(lookup, "copy", "crm")).toBe("full");
  });

  it("treats a pair without a stored cell as untested, never as full", () => {
    const lookup = buildMatrixLookup(sampleFramework().matrix);
    expect(supportOf(lookup, "buy", "crm")).toBe("untested");
    expect(supportOf(lookup, "copy", "meta")).toBe("untested");
  });
});

describe("matrix grid", () => {
  it("has one row per capability and one cell per platform, in the framework's order", () => {
    const grid = buildMatrixGrid(sampleFramework());
    expect(grid.rows.map((r) => r.name)).toEqual(["Media buying", "Copy optimisation"]);
    expect(grid.rows[0].cells.map((c) => c.key)).toEqual(["buy/meta", "buy/crm"]);
    expect(grid.rows[0].cells.map((c) => c.support)).toEqual(["partial", "untested"]);
    expect(grid.rows[0].cells[1].mode).toBeNull();
  });

  it("counts every pair once, missing ones as untested, and ignores cells for unknown items", () => {
    const grid = buildMatrixGrid(sampleFramework());
    expect(grid.counts).toEqual({ full: 1, partial: 1, unsupported: 0, untested: 2 });
    expect(grid.orphans.map((c) => c.capability)).toEqual(["gone"]);
  });

  it("puts constraints, evidence and the verification date in the hover text", () => {
    const grid = buildMatrixGrid(sampleFramework());
    const title = grid.rows[0].cells[0].title;
    expect(title).toContain("Media buying on Meta Ads");
    expect(title).toContain("Support: Partial | Mode: Constrained");
    expect(title).toContain("Constraints: Daily cap only");
    expect(title).toContain("Evidence: Tested in sandbox");
    expect(title).toContain("Last verified: 1 Feb 2025");
    expect(grid.rows[0].cells[1].title).toContain("Untested: not assessed yet");
  });

  it("flags cells with findings, an error outranking a warning", () => {
    const grid = buildMatrixGrid(sampleFramework(), [
      finding("warning", "matrix", "buy/meta"),
      finding("error", "matrix", "buy/meta"),
      finding("warning", "matrix", "copy/crm"),
      finding("error", "raci", "copy/meta"),
    ]);
    expect(grid.rows[0].cells[0].flag).toBe("error");
    expect(grid.rows[1].cells[1].flag).toBe("warning");
    expect(grid.rows[1].cells[0].flag).toBeNull();
  });

  it("builds 12,000 cells for 200 capabilities on 60 platforms quickly", () => {
    const base = sampleFramework();
    const platforms = Array.from({ length: 60 }, (_, i) => ({ ...base.platforms[0], id: `p${i}`, name: `Platform ${i}` }));
    const capabilities = Array.from({ length: 200 }, (_, i) => ({ ...base.capabilities[0], id: `c${i}`, name: `Cap ${i}` }));
    const matrix = capabilities.flatMap((c, i) =>
      platforms.filter((_, j) => (i + j) % 3 !== 0).map((p) => ({ ...base.matrix[1], capability: c.id, platform: p.id })),
    );
    const fw: Framework = { ...base, platforms, capabilities, matrix };
    const t0 = performance.now();
    const grid = buildMatrixGrid(fw);
    const ms = performance.now() - t0;
    expect(grid.rows.length * grid.rows[0].cells.length).toBe(12_000);
    expect(grid.counts.full + grid.counts.untested).toBe(12_000);
    expect(grid.counts.untested).toBe(12_000 - matrix.length);
    expect(ms).toBeLessThan(1000);
  });
});

describe("matrix filters", () => {
  // Rows: buy (high), copy (low). Columns: meta (ad_platform), crm (crm).
  // Cells: buy/meta partial, buy/crm untested, copy/meta untested, copy/crm full.
  const fw = sampleFramework();
  const grid = buildMatrixGrid(fw);

  it("shows everything without a filter and reuses the grid's rows", () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    const sel = filterMatrix(fw, grid, NO_FILTER);
    expect(sel).toEqual({ rows: [0, 1], cols: [0, 1] });
    expect(selectGrid(grid, sel, 2)).toBe(grid.rows);
  });

  it("shows the capabilities of the chosen risk levels", () => {
    expect(filterMatrix(fw, grid, { ...NO_FILTER, risk: ["low"] })).toEqual({ rows: [1], cols: [0, 1] });
  });

  it("shows the platforms of the chosen kinds, with only their cells", () => {
    const sel = filterMatrix(fw, grid, { ...NO_FILTER, kind: ["crm"] });
    expect(sel).toEqual({ rows: [0, 1], cols: [1] });
    expect(selectGrid(grid, sel, 2).map((r) => r.cells.map((c) => c.key))).toEqual([["buy/crm"], ["copy/crm"]]);
  });

  it("keeps only rows and columns holding a cell of the chosen support levels", () => {
    expect(filterMatrix(fw, grid, { ...NO_FILTER, support: ["full"] })).toEqual({ rows: [1], cols: [1] });
    expect(filterMatrix(fw, grid, { ...NO_FILTER, support: ["partial", "full"] })).toEqual({ rows: [0, 1], cols: [0, 1] });
    expect(supportShown({ ...NO_FILTER, support: ["full"] }, "partial")).toBe(false);
    expect(supportShown(NO_FILTER, "partial")).toBe(true);
  });

  it("combines the filters", () => {
    expect(filterMatrix(fw, grid, { support: ["untested"], risk: ["high"], kind: [] })).toEqual({ rows: [0], cols: [1] });
    expect(filterMatrix(fw, grid, { support: ["full"], risk: ["high"], kind: [] })).toEqual({ rows: [], cols: [] });
  });

  it("splits a cell key into capability and platform", () => {
    expect(splitCellKey("media-buying/tiktok")).toEqual({ capability: "media-buying", platform: "tiktok" });
  });
});

describe("cell test ids", () => {
  it("names each cell by its capability and platform ids", () => {
    const grid = buildMatrixGrid(sampleFramework());
    expect(grid.rows[0].cells.map((c) => c.testid)).toEqual(["cell-buy-meta", "cell-buy-crm"]);
  });
});
