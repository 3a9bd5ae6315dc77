import { describe, expect, it } from "vitest";
import { buildRaciGrid } from "./raci";
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
    const raci = [{ id: "x", name: "X", layer: "other" as const, assignments: [{ party: "cmo", role: "A" as const }, { party: "cmo", role: "R" as const }] }];
    expect(buildRaciGrid(raci, fw.parties).rows[0].letters[0]).toEqual(["A", "R"]);
  });
});
