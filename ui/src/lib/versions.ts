// Published versions: their order on screen, short hashes, the hash chain, what to compare.
import type { VersionInfo } from "./bindings";

/** How many hex digits of a SHA-256 are shown in short (as in the PDF's footer). */
export const SHORT_HASH = 12;

/** The first 12 hex digits of a hash. */
export function shortHash(sha: string): string {
  return sha.slice(0, SHORT_HASH);
}

/** The versions newest first (the back end lists them oldest first). */
export function newestFirst(versions: ReadonlyArray<VersionInfo>): VersionInfo[] {
  return [...versions].sort((a, b) => b.number - a.number);
}

/** The newest version, or `null` when nothing is published. */
export function latestVersion(versions: ReadonlyArray<VersionInfo>): VersionInfo | null {
  let best: VersionInfo | null = null;
  for (const v of versions) if (best === null || v.number > best.number) best = v;
  return best;
}

/** The number the next published version gets. */
export function nextVersionNumber(versions: ReadonlyArray<VersionInfo>): number {
  return (latestVersion(versions)?.number ?? 0) + 1;
}

/**
 * How a version's "previous hash" links it to the version before it: `first` for version 1
 * without one, `linked` when it is that version's hash, `broken` otherwise (a gap, a missing or
 * a different hash: something an auditor must hear about).
 */
export type ChainLink = "first" | "linked" | "broken";

export function chainLinks(versions: ReadonlyArray<VersionInfo>): Map<number, ChainLink> {
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  const out = new Map<number, ChainLink>();
  for (const v of versions) {
    const before = byNumber.get(v.number - 1);
    if (v.number === 1 && v.previous_sha256 === null) out.set(v.number, "first");
    else if (before && v.previous_sha256 !== null && before.sha256 === v.previous_sha256) out.set(v.number, "linked");
    else out.set(v.number, "broken");
  }
  return out;
}

/** The two versions the diff compares by default when one is selected: the one before it, and it. */
export function defaultComparison(
  versions: ReadonlyArray<VersionInfo>,
  selected: number | null,
): { from: number; to: number } | null {
  if (versions.length < 2) return null;
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const index = selected === null ? sorted.length - 1 : sorted.findIndex((v) => v.number === selected);
  if (index < 0) return defaultComparison(versions, null);
  if (index === 0) return { from: sorted[0].number, to: sorted[1].number };
  return { from: sorted[index - 1].number, to: sorted[index].number };
}
