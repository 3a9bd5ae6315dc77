// Keyboard handling that does not need a page: grid navigation, RACI letters, the undo shortcut.
import type { RaciRole } from "./bindings";

export type Pos = { row: number; col: number };

export type KeyLike = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
};

/** Rows one PageUp / PageDown moves. */
export const PAGE_ROWS = 10;

/**
 * Where the focus goes in a grid of `rows` x `cols` cells on a key press: arrows move one cell,
 * Home / End to the first / last cell of the row (with Ctrl: of the grid), PageUp / PageDown ten
 * rows. It stops at the edges. `null` for a key that does not move.
 */
export function moveInGrid(pos: Pos, e: KeyLike, rows: number, cols: number): Pos | null {
  if (rows <= 0 || cols <= 0 || e.altKey) return null;
  const clamp = (p: Pos): Pos => ({
    row: Math.min(rows - 1, Math.max(0, p.row)),
    col: Math.min(cols - 1, Math.max(0, p.col)),
  });
  const ctrl = e.ctrlKey || e.metaKey;
  switch (e.key) {
    case "ArrowUp":
      return clamp({ row: ctrl ? 0 : pos.row - 1, col: pos.col });
    case "ArrowDown":
      return clamp({ row: ctrl ? rows - 1 : pos.row + 1, col: pos.col });
    case "ArrowLeft":
      return clamp({ row: pos.row, col: ctrl ? 0 : pos.col - 1 });
    case "ArrowRight":
      return clamp({ row: pos.row, col: ctrl ? cols - 1 : pos.col + 1 });
    case "Home":
      return clamp(ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 });
    case "End":
      return clamp(ctrl ? { row: rows - 1, col: cols - 1 } : { row: pos.row, col: cols - 1 });
    case "PageUp":
      return clamp({ row: pos.row - PAGE_ROWS, col: pos.col });
    case "PageDown":
      return clamp({ row: pos.row + PAGE_ROWS, col: pos.col });
    default:
      return null;
  }
}

/**
 * The RACI letter a key press sets: R, A, C or I (either case), `null` for Delete / Backspace
 * (clear), `undefined` for any other key or a key with Ctrl, Cmd or Alt held.
 */
export function letterFromKey(e: KeyLike): RaciRole | null | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === "Delete" || e.key === "Backspace") return null;
  const k = e.key.length === 1 ? e.key.toUpperCase() : "";
  return k === "R" || k === "A" || k === "C" || k === "I" ? k : undefined;
}

export type FocusTarget = {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
} | null;

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"]);

/** Whether the focus is in a field where the browser's own undo applies. */
export function isTextEntry(el: FocusTarget): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === "TEXTAREA") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((el.type ?? "text").toLowerCase());
  return false;
}

/** Ctrl+Z or Cmd+Z (without Shift, which is redo elsewhere). */
export function isUndoShortcut(e: KeyLike): boolean {
  return (e.ctrlKey === true || e.metaKey === true) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z";
}
