// Drawing only the part of a large grid that is in view (the matrix, the RACI chart): which rows
// or columns to draw for a scroll position, the spacers standing in for the others, and the
// scroll offset that brings one into view. The same maths serves rows down and columns across.

/** Above this many cells a grid draws only the rows and columns in view; a smaller one draws all. */
export const WINDOW_ABOVE_CELLS = 2500;

/** The narrowest column of a grid whose columns are windowed, unless the grid asks for wider. */
export const MIN_COLUMN_WIDTH = 40;

/** The items along one axis of a grid (rows down, or columns across) and where each one starts. */
export type Axis = {
  count: number;
  /** Pixels from the start of the first item to the start of item `i`; `offset(count)` is the total. */
  offset(i: number): number;
  /** The item covering pixel `px`, clamped to the first and the last item. */
  indexAt(px: number): number;
};

/** `count` items of `size` pixels each. */
export function uniformAxis(count: number, size: number): Axis {
  return {
    count,
    offset: (i) => i * size,
    indexAt: (px) => Math.min(count - 1, Math.max(0, Math.floor(px / size))),
  };
}

/** Items of the given sizes, in order (rows of different heights). */
export function sizedAxis(sizes: ReadonlyArray<number>): Axis {
  const starts = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) starts[i + 1] = starts[i] + sizes[i];
  return {
    count: sizes.length,
    offset: (i) => starts[i],
    indexAt(px) {
      // The last item that starts at or before px (a binary search over the starts).
      let lo = 0;
      let hi = sizes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= px) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

export type RowWindow = {
  /** First row (or column) to draw. */
  start: number;
  /** One past the last one to draw. */
  end: number;
  /** Size standing in for the rows (or columns) before and after the drawn ones. */
  padTop: number;
  padBottom: number;
};

function windowOf(axis: Axis, start: number, end: number): RowWindow {
  return { start, end, padTop: axis.offset(start), padBottom: axis.offset(axis.count) - axis.offset(end) };
}

/** The window of a grid drawn whole. */
export function wholeWindow(count: number): RowWindow {
  return { start: 0, end: Math.max(0, count), padTop: 0, padBottom: 0 };
}

/**
 * The items of `axis` in view in a scroll box scrolled to `scroll` with a viewport of
 * `viewport` pixels, plus at least `overscan` items on either side. `lead` is what sits before
 * the first item in the scrolled box and stays pinned over the viewport's start (the sticky
 * header row, or the sticky first column).
 *
 * The window's edges move in steps of `chunk` items, so most small scroll steps keep the same
 * items and redraw nothing (measured under Xvfb: 37 ms instead of 44 ms a frame for a wheel).
 */
export function windowOn(axis: Axis, scroll: number, viewport: number, lead: number, overscan = 4, chunk = 6): RowWindow {
  const count = axis.count;
  if (count <= 0) return wholeWindow(0);
  // Item i spans lead + offset(i) onwards; the sticky lead covers the first `lead` pixels of
  // the viewport, so the items in view start at the one covering `scroll`.
  const first = axis.indexAt(Math.max(0, scroll));
  const firstSize = axis.offset(first + 1) - axis.offset(first);
  // Whichever part of the first item is in view, the viewport ends within one viewport (at
  // least one item) past that item's end: every item up to there may show.
  const span = Math.max(viewport - lead, firstSize);
  const visible = axis.indexAt(axis.offset(first) + firstSize + span - 1) - first + 1;
  const step = Math.max(1, chunk);
  // Both edges move together: a fixed number of whole chunks from a chunk boundary.
  const start = Math.max(0, Math.floor((first - overscan) / step) * step);
  const size = Math.ceil((visible + 2 * overscan + step - 1) / step) * step;
  return windowOf(axis, start, Math.min(count, start + size));
}

/**
 * `windowOn` for `count` rows of `rowHeight` pixels under a `headerHeight` sticky header; works
 * the same for columns across (scrollLeft, the viewport width, the first column's width, the
 * column width).
 */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  headerHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
  chunk = 6,
): RowWindow {
  if (count <= 0 || rowHeight <= 0) return wholeWindow(0);
  return windowOn(uniformAxis(count, rowHeight), scrollTop, viewportHeight, headerHeight, overscan, chunk);
}

/** `keepInWindow` for items of any sizes. */
export function keepInWindowOn(axis: Axis, w: RowWindow, index: number | null, reach: number): RowWindow {
  if (index === null || index < 0 || index >= axis.count) return w;
  if (index < w.start && w.start - index <= reach) return windowOf(axis, index, w.end);
  if (index >= w.end && index - w.end < reach) return windowOf(axis, w.start, index + 1);
  return w;
}

/**
 * Widens a window to take in item `index` when it lies at most `reach` items outside it. The
 * focused cell is kept drawn this way: a resize (the side panel opening) can otherwise push it
 * just out of the window, and a cell taken out of the page loses the keyboard focus.
 */
export function keepInWindow(w: RowWindow, index: number | null, reach: number, size: number, count: number): RowWindow {
  return keepInWindowOn(uniformAxis(count, size), w, index, reach);
}

/** One thing drawn along a windowed axis: an item, or a spacer standing in for items not drawn. */
export type Slot = { kind: "item"; index: number } | { kind: "gap"; size: number; key: string };

// One slot object per item index, shared by every call: a grid given the slots of a new window
// then sees the items it already draws unchanged and redraws only those that came or went.
const itemSlots: Slot[] = [];

function itemSlot(index: number): Slot {
  return (itemSlots[index] ??= Object.freeze({ kind: "item", index }));
}

/**
 * What to draw along an axis, in order: the window's items, the `pinned` item at its place even
 * far outside the window, and a spacer for each run of items between them. Pinning the focused
 * item keeps it in the page, so it keeps the keyboard focus however far the grid scrolls away.
 */
export function slots(axis: Axis, w: { start: number; end: number }, pinned: number | null = null): Slot[] {
  const runs: Array<[number, number]> = [];
  const pin = pinned !== null && pinned >= 0 && pinned < axis.count && (pinned < w.start || pinned >= w.end) ? pinned : null;
  if (pin !== null && pin < w.start) runs.push([pin, pin + 1]);
  if (w.end > w.start) runs.push([w.start, w.end]);
  if (pin !== null && pin >= w.end) runs.push([pin, pin + 1]);
  const out: Slot[] = [];
  let at = 0;
  const gap = (to: number) => {
    if (to > at) out.push({ kind: "gap", size: axis.offset(to) - axis.offset(at), key: `gap:${out.length}` });
  };
  for (const [from, to] of runs) {
    gap(from);
    for (let i = from; i < to; i++) out.push(itemSlot(i));
    at = to;
  }
  gap(axis.count);
  return out;
}

/** Width of each of `count` equal columns that fill `available` pixels, never under `min`. */
export function columnWidth(available: number, count: number, min = MIN_COLUMN_WIDTH): number {
  if (count <= 0) return min;
  return Math.max(min, Math.floor(available / count));
}

/**
 * The scroll offset that brings item `index` of `axis` (after `lead` pixels that stay pinned
 * over the start of the viewport) fully into a viewport of `viewport` pixels, moving as little
 * as possible from `current`.
 */
export function scrollToRevealOn(axis: Axis, current: number, viewport: number, lead: number, index: number): number {
  const from = lead + axis.offset(index);
  const size = axis.offset(index + 1) - axis.offset(index);
  if (from - lead < current) return Math.max(0, from - lead);
  if (from + size > current + viewport) return from + size - viewport;
  return current;
}

/** `scrollToRevealOn` for items of `size` pixels each. */
export function scrollToReveal(current: number, viewport: number, lead: number, size: number, index: number): number {
  return scrollToRevealOn(uniformAxis(index + 1, size), current, viewport, lead, index);
}
