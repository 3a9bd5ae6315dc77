// Svelte actions. Styles are set through the CSSOM (element.style), which the strict CSP allows,
// never through a style attribute, which it blocks.
import type { Action } from "svelte/action";

/** Sets the element's minimum width in pixels. */
export const minWidth: Action<HTMLElement, number> = (node, px) => {
  node.style.minWidth = `${px}px`;
  return {
    update(next: number) {
      node.style.minWidth = `${next}px`;
    },
  };
};

/** Sets the element's width in pixels, or leaves it to the style sheet when null. */
export const widthPx: Action<HTMLElement, number | null> = (node, px) => {
  const set = (v: number | null) => {
    node.style.width = v === null ? "" : `${v}px`;
  };
  set(px);
  return { update: set };
};

/** Sets the element's height in pixels. */
export const heightPx: Action<HTMLElement, number> = (node, px) => {
  node.style.height = `${px}px`;
  return {
    update(next: number) {
      node.style.height = `${next}px`;
    },
  };
};

/** Sets a CSS custom property on the element, e.g. the visible width of a scroll box. */
export const cssVar: Action<HTMLElement, { name: string; value: string }> = (node, v) => {
  node.style.setProperty(v.name, v.value);
  return {
    update(next: { name: string; value: string }) {
      node.style.setProperty(next.name, next.value);
    },
  };
};
