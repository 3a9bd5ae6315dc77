import { describe, expect, it } from "vitest";
import type { RaciRole } from "./bindings";
import { ariaRows, buildRaciGrid, isTall, letterKey, RACI_ROW_HEIGHT, RaciRowCache, reuseEqual, rowHeights, withPendingLetters } from "./raci";
import { sampleFramework } from "./test-fixtures";

describe("RACI grid", () => {
  it("places each letter under its party's column", () => {
    const fw = sampleFramework();
    const grid = buildRaciGrid(fw.raci, fw.parties);
    expect(grid.rows[0].letters).toEqual([["A"], ["R"], []]);
    expect(grid.rows[1].letters).toEqual([[], ["R"], []]);
  });

  it("keeps assignments to unknown parties aside instead of dropping them", () => {
    const fw = sampleFramework();
    const grid = buildRaciGrid(fw.raci, fw.parties);
    expect(grid.rows[0].unknown).toEqual([{ party: "ghost", role: "I" }]);
    expect(grid.rows[1].unknown).toEqual([]);
  });

  it("totals the letters of each party", () => {
    const fw = sampleFramework();
    const grid = buildRaciGrid(fw.raci, fw.parties);
    expect(grid.totals[0]).toEqual({ R: 0, A: 1, C: 0, I: 0 });
    expect(grid.totals[1]).toEqual({ R: 2, A: 0, C: 0, I: 0 });
  });

  it("shows every letter when a party holds more than one", () => {
    const fw = sampleFramework();
    const raci = [{ id: "x", name: "X", layer: "other" as const, assignments: [{ party: "cmo", role: "A" as const }, { party: "cmo", role: "R" as const }], obligations: [] }];
    expect(buildRaciGrid(raci, fw.parties).rows[0].letters[0]).toEqual(["A", "R"]);
  });
});

describe("letters being saved", () => {
  it("shows a typed letter at once, replacing or clearing the stored one", () => {
    const fw = sampleFramework();
    const pending = new Map<string, RaciRole | null>([
      [letterKey("approve-spend", "cmo"), "R"],
      [letterKey("approve-spend", "ops"), null],
      [letterKey("incident", "cmo"), "A"],
    ]);
    const shown = withPendingLetters(fw.raci, pending);
    const grid = buildRaciGrid(shown, fw.parties);
    expect(grid.rows[0].letters).toEqual([["R"], [], []]);
    expect(grid.rows[1].letters).toEqual([["A"], ["R"], []]);
  });

  it("returns the same activities when nothing is pending", () => {
    const fw = sampleFramework();
    expect(withPendingLetters(fw.raci, new Map())).toBe(fw.raci);
    const one = withPendingLetters(fw.raci, new Map([[letterKey("incident", "cmo"), "C" as RaciRole]]));
    expect(one[0]).toBe(fw.raci[0]);
  });
});

describe("redrawing only what changed", () => {
  it("keeps the identity of unchanged items across views", () => {
    const fw = sampleFramework();
    const again = structuredClone(fw.raci);
    expect(reuseEqual(fw.raci, again)).toBe(fw.raci);
    again[1] = { ...again[1], name: "Renamed" };
    const out = reuseEqual(fw.raci, again);
    expect(out[0]).toBe(fw.raci[0]);
    expect(out[1]).not.toBe(fw.raci[1]);
    expect(out[1].name).toBe("Renamed");
  });

  it("notices a reorder", () => {
    const fw = sampleFramework();
    const swapped = [fw.raci[1], fw.raci[0]];
    expect(reuseEqual(fw.raci, swapped)).toEqual(swapped);
    expect(reuseEqual(fw.raci, swapped)).not.toBe(fw.raci);
  });

  it("reuses the row of an unchanged activity and prepares each cell's test id and label", () => {
    const fw = sampleFramework();
    const cache = new RaciRowCache();
    const first = cache.build(fw.raci, fw.parties);
    expect(first.rows[0].cells[0]).toEqual({ testid: "raci-approve-spend-cmo", label: "Dana Reyes: Accountable", letters: ["A"] });
    expect(first.rows[1].cells[0].label).toBe("Dana Reyes: no letter");
    const changed = [fw.raci[0], { ...fw.raci[1], assignments: [] }];
    const second = cache.build(changed, fw.parties);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect(second.totals[1]).toEqual({ R: 1, A: 0, C: 0, I: 0 });
  });

  it("prepares a row's cells once, the first time they are asked for", () => {
    const fw = sampleFramework();
    const row = new RaciRowCache().build(fw.raci, fw.parties).rows[1];
    expect(row.cells).toBe(row.cells);
    expect(row.cells.map((c) => c.testid)).toEqual(fw.parties.map((p) => `raci-incident-${p.id}`));
  });

  it("rebuilds every row when the parties change", () => {
    const fw = sampleFramework();
    const cache = new RaciRowCache();
    const first = cache.build(fw.raci, fw.parties);
    const second = cache.build(fw.raci, [...fw.parties]);
    expect(second.rows[0]).not.toBe(first.rows[0]);
  });
});

describe("drawing a large chart in part", () => {
  it("gives plain rows the fixed height and tall rows their measured height, or a guess", () => {
    const rows = [
      { id: "a", findings: 0, unknownParties: false },
      { id: "b", findings: 2, unknownParties: false },
      { id: "c", findings: 1, unknownParties: false },
      { id: "d", findings: 0, unknownParties: true },
    ];
    const h = rowHeights(rows, new Map([["c", 97.5], ["a", 500]]));
    expect(h[0]).toBe(RACI_ROW_HEIGHT);
    expect(h[1]).toBeGreaterThan(RACI_ROW_HEIGHT + 2 * 30);
    expect(h[2]).toBe(97.5);
    expect(h[3]).toBeGreaterThan(RACI_ROW_HEIGHT);
    expect(rows.map(isTall)).toEqual([false, true, true, true]);
  });

  it("numbers the rows for screen readers, counting the findings rows under activities", () => {
    expect(ariaRows([false, true, false, true])).toEqual({ row: [2, 3, 5, 6], count: 8 });
    expect(ariaRows([])).toEqual({ row: [], count: 2 });
  });
});
