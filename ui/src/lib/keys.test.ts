import { describe, expect, it } from "vitest";
import { isTextEntry, isUndoShortcut, letterFromKey, moveInGrid } from "./keys";

describe("keyboard navigation in a grid", () => {
  const at = { row: 5, col: 3 };

  it("moves one cell with the arrow keys", () => {
    expect(moveInGrid(at, { key: "ArrowUp" }, 20, 10)).toEqual({ row: 4, col: 3 });
    expect(moveInGrid(at, { key: "ArrowDown" }, 20, 10)).toEqual({ row: 6, col: 3 });
    expect(moveInGrid(at, { key: "ArrowLeft" }, 20, 10)).toEqual({ row: 5, col: 2 });
    expect(moveInGrid(at, { key: "ArrowRight" }, 20, 10)).toEqual({ row: 5, col: 4 });
  });

  it("stops at the edges instead of wrapping", () => {
    expect(moveInGrid({ row: 0, col: 0 }, { key: "ArrowUp" }, 20, 10)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 0, col: 0 }, { key: "ArrowLeft" }, 20, 10)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 19, col: 9 }, { key: "ArrowDown" }, 20, 10)).toEqual({ row: 19, col: 9 });
    expect(moveInGrid({ row: 19, col: 9 }, { key: "ArrowRight" }, 20, 10)).toEqual({ row: 19, col: 9 });
  });

  it("jumps to the ends of the row with Home and End, and of the grid with Ctrl", () => {
    expect(moveInGrid(at, { key: "Home" }, 20, 10)).toEqual({ row: 5, col: 0 });
    expect(moveInGrid(at, { key: "End" }, 20, 10)).toEqual({ row: 5, col: 9 });
    expect(moveInGrid(at, { key: "Home", ctrlKey: true }, 20, 10)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid(at, { key: "End", metaKey: true }, 20, 10)).toEqual({ row: 19, col: 9 });
    expect(moveInGrid(at, { key: "ArrowDown", ctrlKey: true }, 20, 10)).toEqual({ row: 19, col: 3 });
  });

  it("moves ten rows with PageUp and PageDown", () => {
    expect(moveInGrid(at, { key: "PageDown" }, 200, 10)).toEqual({ row: 15, col: 3 });
    expect(moveInGrid(at, { key: "PageUp" }, 200, 10)).toEqual({ row: 0, col: 3 });
  });

  it("keeps a position from an old, larger grid inside the grid", () => {
    expect(moveInGrid({ row: 50, col: 50 }, { key: "ArrowUp" }, 20, 10)).toEqual({ row: 19, col: 9 });
  });

  it("ignores other keys and an empty grid", () => {
    expect(moveInGrid(at, { key: "a" }, 20, 10)).toBeNull();
    expect(moveInGrid(at, { key: "ArrowUp", altKey: true }, 20, 10)).toBeNull();
    expect(moveInGrid(at, { key: "ArrowUp" }, 0, 10)).toBeNull();
  });
});

describe("typing RACI letters", () => {
  it("reads R, A, C and I in either case", () => {
    expect(letterFromKey({ key: "r" })).toBe("R");
    expect(letterFromKey({ key: "A", shiftKey: true })).toBe("A");
    expect(letterFromKey({ key: "c" })).toBe("C");
    expect(letterFromKey({ key: "I" })).toBe("I");
  });

  it("clears with Delete or Backspace", () => {
    expect(letterFromKey({ key: "Delete" })).toBeNull();
    expect(letterFromKey({ key: "Backspace" })).toBeNull();
  });

  it("leaves other keys and shortcuts alone", () => {
    expect(letterFromKey({ key: "x" })).toBeUndefined();
    expect(letterFromKey({ key: "Enter" })).toBeUndefined();
    expect(letterFromKey({ key: "a", ctrlKey: true })).toBeUndefined();
    expect(letterFromKey({ key: "c", metaKey: true })).toBeUndefined();
  });
});

describe("the undo shortcut", () => {
  it("is Ctrl+Z or Cmd+Z without Shift", () => {
    expect(isUndoShortcut({ key: "z", ctrlKey: true })).toBe(true);
    expect(isUndoShortcut({ key: "Z", metaKey: true })).toBe(true);
    expect(isUndoShortcut({ key: "z", ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isUndoShortcut({ key: "z" })).toBe(false);
  });

  it("leaves undo to the browser inside text fields only", () => {
    expect(isTextEntry({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTextEntry({ tagName: "input", type: "number" })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "date" })).toBe(true);
    expect(isTextEntry({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextEntry({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextEntry({ tagName: "BUTTON" })).toBe(false);
    expect(isTextEntry({ tagName: "SELECT" })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
