import { describe, expect, it } from "vitest";
import {
  columnWidth,
  keepInWindow,
  keepInWindowOn,
  MIN_COLUMN_WIDTH,
  rowWindow,
  scrollToReveal,
  scrollToRevealOn,
  sizedAxis,
  slots,
  uniformAxis,
  wholeWindow,
  windowOn,
  type Slot,
} from "./windowing";

describe("column width", () => {
  it("takes a wider minimum when the grid asks for one", () => {
    expect(columnWidth(714, 40, 44)).toBe(44);
    expect(columnWidth(714, 6, 44)).toBe(119);
  });

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

describe("rows of different heights", () => {
  // Rows of 40 px, except rows 3 and 7, which carry findings and are 100 px high.
  const sizes = Array.from({ length: 12 }, (_, i) => (i === 3 || i === 7 ? 100 : 40));
  const axis = sizedAxis(sizes);

  it("places each row after the heights of the rows before it", () => {
    expect(axis.offset(0)).toBe(0);
    expect(axis.offset(4)).toBe(3 * 40 + 100);
    expect(axis.offset(12)).toBe(10 * 40 + 2 * 100);
    expect(axis.indexAt(0)).toBe(0);
    expect(axis.indexAt(119)).toBe(2);
    expect(axis.indexAt(120)).toBe(3);
    expect(axis.indexAt(219)).toBe(3);
    expect(axis.indexAt(220)).toBe(4);
    expect(axis.indexAt(-5)).toBe(0);
    expect(axis.indexAt(1e9)).toBe(11);
  });

  it("agrees with rows of one height when every row has that height", () => {
    const same = sizedAxis(Array.from({ length: 200 }, () => 30));
    for (const top of [0, 29, 30, 1650, 2999, 5000, 1e6]) {
      expect(windowOn(same, top, 600, 150, 5, 1)).toEqual(rowWindow(top, 600, 150, 30, 200, 5, 1));
      expect(windowOn(same, top, 600, 150)).toEqual(rowWindow(top, 600, 150, 30, 200));
    }
  });

  it("draws the rows a tall row leaves in view, with padding equal to the rows not drawn", () => {
    // A 150 px viewport under a 30 px header, scrolled into the middle of the tall row 3
    // (170 px): rows 3 to 5 show (170 to 290). Anywhere within row 3, rows up to 6 can show;
    // with one row of overscan rows 2 to 7 are drawn.
    const w = windowOn(axis, 170, 150, 30, 1, 1);
    expect(w).toEqual({ start: 2, end: 8, padTop: 80, padBottom: axis.offset(12) - axis.offset(8) });
    expect(w.padTop + axis.offset(w.end) - axis.offset(w.start) + w.padBottom).toBe(axis.offset(12));
  });

  it("widens a window to a focused row just outside it, its padding following the heights", () => {
    const w = windowOn(axis, 0, 150, 30, 0, 1);
    expect(w.end).toBe(4);
    const kept = keepInWindowOn(axis, w, 4, 2);
    expect(kept).toEqual({ start: 0, end: 5, padTop: 0, padBottom: axis.offset(12) - axis.offset(5) });
    expect(keepInWindowOn(axis, w, 9, 2)).toBe(w);
  });

  it("scrolls a tall row fully into view, and back to its top when it starts above the view", () => {
    // Row 7 spans 340 to 440 under a 30 px header; the viewport is 200 px high.
    expect(scrollToRevealOn(axis, 0, 200, 30, 7)).toBe(30 + 440 - 200);
    expect(scrollToRevealOn(axis, 600, 200, 30, 7)).toBe(340);
    expect(scrollToRevealOn(axis, 300, 200, 30, 7)).toBe(300);
  });
});

describe("keeping the focused item drawn however far away", () => {
  const axis = uniformAxis(100, 30);
  const items = (s: Slot[]) => s.flatMap((x) => (x.kind === "item" ? [x.index] : []));
  const gaps = (s: Slot[]) => s.flatMap((x) => (x.kind === "gap" ? [x.size] : []));

  it("draws the window between two spacers", () => {
    const s = slots(axis, rowWindow(1500, 300, 0, 30, 100, 0, 1));
    expect(items(s)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(gaps(s)).toEqual([50 * 30, 39 * 30]);
  });

  it("draws a focused item far before the window at its place, between spacers", () => {
    const s = slots(axis, { start: 50, end: 60 }, 3);
    expect(items(s)).toEqual([3, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(gaps(s)).toEqual([3 * 30, 46 * 30, 40 * 30]);
    expect(s[0]).toEqual({ kind: "gap", size: 90, key: "gap:0" });
    expect(s[1]).toEqual({ kind: "item", index: 3 });
  });

  it("draws a focused item after the window, the last one without a spacer after it", () => {
    const s = slots(axis, { start: 0, end: 10 }, 99);
    expect(items(s)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    expect(gaps(s)).toEqual([89 * 30]);
  });

  it("adds nothing for a focused item inside the window, and every spacer has its own key", () => {
    const w = { start: 10, end: 20 };
    expect(slots(axis, w, 15)).toEqual(slots(axis, w, null));
    const s = slots(axis, w, 80);
    const keys = s.flatMap((x) => (x.kind === "gap" ? [x.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(3);
  });

  it("keeps the spacers and drawn items adding up to the whole axis", () => {
    const sized = sizedAxis(Array.from({ length: 60 }, (_, i) => 20 + (i % 7) * 9));
    for (const [top, pin] of [[0, 59], [700, 0], [1500, 30], [99999, null]] as const) {
      const s = slots(sized, windowOn(sized, top, 400, 50), pin);
      const drawn = s.reduce((n, x) => n + (x.kind === "gap" ? x.size : sized.offset(x.index + 1) - sized.offset(x.index)), 0);
      expect(drawn).toBe(sized.offset(60));
      if (pin !== null) expect(items(s)).toContain(pin);
    }
  });

  it("gives the same item the same slot from one window to the next", () => {
    const a = slots(axis, { start: 10, end: 20 });
    const b = slots(axis, { start: 14, end: 24 }, 90);
    const at = (s: Slot[], index: number) => s.find((x) => x.kind === "item" && x.index === index);
    for (let i = 14; i < 20; i++) expect(at(b, i)).toBe(at(a, i));
  });

  it("draws every item of a grid drawn whole", () => {
    const s = slots(uniformAxis(4, 10), wholeWindow(4), 2);
    expect(s).toEqual([0, 1, 2, 3].map((index) => ({ kind: "item", index })));
  });
});
