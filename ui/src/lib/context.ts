// What fields and forms need from the app or their page, shared through Svelte's context.
import { getContext, setContext } from "svelte";
import type { CertificateInfo } from "./bindings";

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

/** The parties' signing certificates in the open draft, by party id, as the view has them now. */
export type Certificates = () => Readonly<Record<string, CertificateInfo>>;

const CERTIFICATES = Symbol("certificates");

/** Lets the party editor (made by the list page, which knows nothing of certificates) read them. */
export function provideCertificates(get: Certificates): void {
  setContext(CERTIFICATES, get);
}

export function useCertificates(): Certificates {
  return getContext<Certificates | undefined>(CERTIFICATES) ?? (() => ({}));
}
