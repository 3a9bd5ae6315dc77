import { describe, expect, it } from "vitest";
import type { Framework } from "./bindings";
import {
  buildMatrixGrid,
  buildMatrixLookup,
  cellKey,
  filterMatrix,
  isFiltering,
  NO_FILTER,
  rowWindow,
  keepInWindow,
  columnWidth,
  MIN_COLUMN_WIDTH,
  scrollToReveal,
  selectGrid,
  splitCellKey,
  supportOf,
  supportShown,
} from "./matrix";
import { finding, sampleFramework } from "./test-fixtures";

describe("column width", () => {
  it("shares the room between the columns but never goes under the minimum", () => {
    expect(columnWidth(714, 60)).toBe(MIN_COLUMN_WIDTH);
    expect(columnWidth(714, 6)).toBe(119);
    expect(columnWidth(714, 0)).toBe(MIN_COLUMN_WIDTH);
  });
});

describe("scroll to reveal", () => {
  it("moves back when the item is under the pinned lead and forward when it is past the end", () => {
    // Rows of 30 px under a 100 px sticky header, in a 400 px box scrolled to 600.
    expect(scrollToReveal(600, 400, 100, 30, 10)).toBe(300);
    expect(scrollToReveal(600, 400, 100, 30, 40)).toBe(100 + 41 * 30 - 400);
    expect(scrollToReveal(600, 400, 100, 30, 25)).toBe(600);
    expect(scrollToReveal(50, 400, 100, 30, 0)).toBe(0);
  });
});

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

describe("drawing only the rows in view", () => {
  it("draws the rows in view plus the overscan, standing in for the rest with padding", () => {
    // 200 rows of 30px under a 150px sticky header in a 600px box, scrolled to 1650px: the
    // header covers content 1650 to 1800, so rows 55 to 69 are in view.
    const w = rowWindow(1650, 600, 150, 30, 200, 5, 1);
    expect(w.start).toBe(50);
    expect(w.end).toBe(76);
    expect(w.padTop).toBe(50 * 30);
    expect(w.padBottom).toBe((200 - 76) * 30);
  });

  it("starts at the first row at the top and never runs past the last row", () => {
    expect(rowWindow(0, 600, 150, 30, 200, 8)).toMatchObject({ start: 0, padTop: 0 });
    const bottom = rowWindow(1_000_000, 600, 150, 30, 200, 8, 1);
    expect(bottom.end).toBe(200);
    expect(bottom.padBottom).toBe(0);
    // The last row stays drawn even when the offset runs past the end.
    expect(bottom.start).toBe(199 - 8);
  });

  it("keeps the padded height equal to the height of all rows", () => {
    for (const top of [0, 100, 2999, 5000]) {
      const w = rowWindow(top, 500, 120, 30, 200);
      expect(w.padTop + (w.end - w.start) * 30 + w.padBottom).toBe(200 * 30);
    }
  });

  it("windows columns the same way, with the sticky first column as the lead", () => {
    // 60 columns of 40 px after a 240 px sticky first column, 954 px wide, scrolled 400 px
    // right: columns 10 to 27 are in view.
    const w = rowWindow(400, 954, 240, 40, 60, 3, 1);
    expect(w.start).toBe(7);
    expect(w.end).toBe(10 + 19 + 3);
    expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(60 * 40);
  });

  it("moves its edges in whole chunks, so a small scroll step keeps the same rows", () => {
    const a = rowWindow(3000, 600, 150, 30, 200, 4, 6);
    expect(a.start % 6).toBe(0);
    expect(a.end % 6).toBe(0);
    // Still at least the overscan on either side of the rows in view (rows 100 to 115).
    expect(a.start).toBeLessThanOrEqual(100 - 4);
    expect(a.end).toBeGreaterThanOrEqual(116 + 4);
    expect(rowWindow(3030, 600, 150, 30, 200, 4, 6)).toEqual(a);
    expect(rowWindow(3000 + 6 * 30, 600, 150, 30, 200, 4, 6).start).toBe(a.start + 6);
  });

  it("keeps a focused row drawn when it is just outside the window, but not one far away", () => {
    const w = rowWindow(3000, 600, 150, 30, 200, 4, 6);
    expect(keepInWindow(w, w.start + 1, 10, 30, 200)).toBe(w);
    const after = keepInWindow(w, w.end + 3, 10, 30, 200);
    expect(after).toMatchObject({ start: w.start, end: w.end + 4, padBottom: (200 - w.end - 4) * 30 });
    const before = keepInWindow(w, w.start - 10, 10, 30, 200);
    expect(before).toMatchObject({ start: w.start - 10, end: w.end, padTop: (w.start - 10) * 30 });
    expect(keepInWindow(w, w.start - 11, 10, 30, 200)).toBe(w);
    expect(keepInWindow(w, w.end + 10, 10, 30, 200)).toBe(w);
    expect(keepInWindow(w, null, 10, 30, 200)).toBe(w);
  });

  it("draws nothing for an empty matrix", () => {
    expect(rowWindow(0, 500, 100, 30, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
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
