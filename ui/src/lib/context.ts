// What fields need from the app while the user types, shared through Svelte's context.
import { getContext, setContext } from "svelte";

export type SaveTracker = {
  /** A field has typing not sent yet: the status line says "Saving…" until it is. */
  typing(token: number, on: boolean): void;
  /** A field shows an unresolved error (`null` once resolved): the status line says so. */
  fieldError(token: number, reason: string | null): void;
};

const KEY = Symbol("save-tracker");

const NOOP: SaveTracker = { typing: () => {}, fieldError: () => {} };

export function provideSaveTracker(t: SaveTracker): void {
  setContext(KEY, t);
}

export function useSaveTracker(): SaveTracker {
  return getContext<SaveTracker | undefined>(KEY) ?? NOOP;
}

let counter = 0;

/** A token that names one field for the tracker. */
export function nextToken(): number {
  return ++counter;
}
