// Grouping and counting validation findings for the sidebar, the Findings page and inline lists.
import { SECTION_LABELS } from "./labels";
import type { Finding, Section, Severity } from "./bindings";

/** Every findings section, in sidebar order. */
export const SECTION_ORDER: ReadonlyArray<Section> = [
  "framework",
  "parties",
  "platforms",
  "capabilities",
  "matrix",
  "raci",
  "data_quality",
  "hard_stops",
  "compliance_rules",
  "override_policy",
  "review_schedule",
  "coverage",
];

export type Counts = { errors: number; warnings: number };

export function countFindings(findings: ReadonlyArray<Finding>): Counts {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Error and warning counts for every section (sections without findings count zero). */
export function countBySection(findings: ReadonlyArray<Finding>): Record<Section, Counts> {
  const out = {} as Record<Section, Counts>;
  for (const s of SECTION_ORDER) out[s] = { errors: 0, warnings: 0 };
  for (const f of findings) {
    const c = out[f.section] ?? (out[f.section] = { errors: 0, warnings: 0 });
    if (f.severity === "error") c.errors++;
    else c.warnings++;
  }
  return out;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1 };

/** Errors first, otherwise in the order the validator reported them (a stable sort). */
export function errorsFirst(findings: ReadonlyArray<Finding>): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (RANK[a.f.severity] ?? 2) - (RANK[b.f.severity] ?? 2) || a.i - b.i)
    .map((x) => x.f);
}

export type FindingGroup = { section: Section; label: string; findings: Finding[]; counts: Counts };

/** Findings grouped by section in sidebar order, errors first in each; empty sections left out. */
export function groupBySection(findings: ReadonlyArray<Finding>): FindingGroup[] {
  const buckets = new Map<Section, Finding[]>();
  for (const f of findings) {
    const list = buckets.get(f.section);
    if (list) list.push(f);
    else buckets.set(f.section, [f]);
  }
  const order = [...SECTION_ORDER, ...[...buckets.keys()].filter((s) => !SECTION_ORDER.includes(s))];
  const groups: FindingGroup[] = [];
  for (const section of order) {
    const list = buckets.get(section);
    if (!list) continue;
    groups.push({
      section,
      label: SECTION_LABELS[section] ?? section,
      findings: errorsFirst(list),
      counts: countFindings(list),
    });
  }
  return groups;
}

/** The findings of one section, errors first. */
export function findingsOf(findings: ReadonlyArray<Finding>, section: Section): Finding[] {
  return errorsFirst(findings.filter((f) => f.section === section));
}

export type ItemFindings = {
  /** Findings about an item shown on the page, by item id, errors first. */
  byItem: Map<string, Finding[]>;
  /** Findings about the section as a whole or about an item not shown on the page. */
  rest: Finding[];
};

/**
 * Splits a section's findings between the items the page shows (so they can be shown next to
 * their item) and the rest (shown at the top of the page). No finding is lost or shown twice.
 */
export function splitByItem(sectionFindings: ReadonlyArray<Finding>, itemIds: Iterable<string>): ItemFindings {
  const ids = new Set(itemIds);
  const byItem = new Map<string, Finding[]>();
  const rest: Finding[] = [];
  for (const f of errorsFirst(sectionFindings)) {
    if (f.item !== null && ids.has(f.item)) {
      const list = byItem.get(f.item);
      if (list) list.push(f);
      else byItem.set(f.item, [f]);
    } else {
      rest.push(f);
    }
  }
  return { byItem, rest };
}

/** The worst severity among some findings, or `null` when there are none. */
export function worstSeverity(findings: ReadonlyArray<Finding> | undefined): Severity | null {
  if (!findings || findings.length === 0) return null;
  return findings.some((f) => f.severity === "error") ? "error" : "warning";
}
