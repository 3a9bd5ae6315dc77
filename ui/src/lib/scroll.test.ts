import { describe, expect, it } from "vitest";
import { revealOffsets } from "./scroll";

const view = { top: 100, bottom: 600, left: 0, right: 800 };
const at = { top: 500, left: 300 };

describe("keeping the focused cell in view", () => {
  it("does not scroll when the cell is already visible", () => {
    expect(revealOffsets({ top: 300, bottom: 330, left: 400, right: 440 }, view, at, { top: 80, left: 240 })).toEqual(at);
  });

  it("scrolls up just enough to show a cell hidden under the sticky header row", () => {
    expect(revealOffsets({ top: 150, bottom: 180, left: 400, right: 440 }, view, at, { top: 80 }).top).toBe(470);
  });

  it("scrolls down just enough to show a cell below the box or behind a sticky footer", () => {
    expect(revealOffsets({ top: 590, bottom: 620, left: 400, right: 440 }, view, at).top).toBe(520);
    expect(revealOffsets({ top: 560, bottom: 590, left: 400, right: 440 }, view, at, { bottom: 30 }).top).toBe(520);
  });

  it("scrolls sideways past the sticky first column and to a cell off the right edge", () => {
    expect(revealOffsets({ top: 300, bottom: 330, left: 200, right: 240 }, view, at, { left: 240 }).left).toBe(260);
    expect(revealOffsets({ top: 300, bottom: 330, left: 790, right: 830 }, view, at).left).toBe(330);
  });

  it("never scrolls before the start", () => {
    expect(revealOffsets({ top: 0, bottom: 30, left: 0, right: 40 }, view, { top: 10, left: 10 }, { top: 80, left: 240 })).toEqual({ top: 0, left: 0 });
  });
});
