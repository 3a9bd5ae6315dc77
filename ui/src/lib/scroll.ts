// Keeping the focused cell of a grid in view when sticky headers cover part of its scroll box.

export type Box = { top: number; bottom: number; left: number; right: number };

/**
 * The scroll offsets that bring `cell` into the part of the scroll box `view` not covered by
 * its sticky header (`top` px), first column (`left` px) and footer (`bottom` px). Both boxes
 * are in the same (screen) coordinates; the offsets change as little as possible.
 */
export function revealOffsets(
  cell: Box,
  view: Box,
  scroll: { top: number; left: number },
  covered: { top?: number; left?: number; bottom?: number } = {},
): { top: number; left: number } {
  let { top, left } = scroll;
  const visTop = view.top + (covered.top ?? 0);
  const visBottom = view.bottom - (covered.bottom ?? 0);
  const visLeft = view.left + (covered.left ?? 0);
  if (cell.top < visTop) top -= visTop - cell.top;
  else if (cell.bottom > visBottom) top += cell.bottom - visBottom;
  if (cell.left < visLeft) left -= visLeft - cell.left;
  else if (cell.right > view.right) left += cell.right - view.right;
  return { top: Math.max(0, top), left: Math.max(0, left) };
}

/** Scrolls `scroller` so that `el` is in view past the sticky parts. */
export function reveal(el: HTMLElement, scroller: HTMLElement, covered: { top?: number; left?: number; bottom?: number }): void {
  const r = scroller.getBoundingClientRect();
  const view = {
    top: r.top + scroller.clientTop,
    left: r.left + scroller.clientLeft,
    bottom: r.top + scroller.clientTop + scroller.clientHeight,
    right: r.left + scroller.clientLeft + scroller.clientWidth,
  };
  const next = revealOffsets(el.getBoundingClientRect(), view, { top: scroller.scrollTop, left: scroller.scrollLeft }, covered);
  if (next.top !== scroller.scrollTop) scroller.scrollTop = next.top;
  if (next.left !== scroller.scrollLeft) scroller.scrollLeft = next.left;
}
