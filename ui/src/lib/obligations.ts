// The shipped catalogues of obligations as the app shows them: looking an obligation up by id,
// searching them for the picker, and filtering and counting the coverage the back end computed
// (coverage itself is never worked out here).
import type { Answer, Catalogue, ComplianceRule, Coverage, CoverageGroup, Framework, Obligation, Section } from "./bindings";
import { itemHref, pageHref, pageOfSection } from "./nav";

export type Entry = { catalogue: Catalogue; obligation: Obligation };

/** Every obligation by its id (ids are unique across the catalogues). */
export function indexCatalogues(catalogues: ReadonlyArray<Catalogue>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const catalogue of catalogues) for (const obligation of catalogue.obligations) out.set(obligation.id, { catalogue, obligation });
  return out;
}

/** A title cut after about `max` characters at a word boundary, with an ellipsis. */
export function shortTitle(title: string, max = 48): string {
  const t = title.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  const head = (space > max / 2 ? cut.slice(0, space) : t.slice(0, max)).replace(/[\s,;:.(–-]+$/, "");
  return `${head}…`;
}

/**
 * Whether a catalogue applies in a jurisdiction ("*" catalogues apply everywhere), ignoring the
 * case of ASCII letters as core's `Catalogue::applies_to` does, so that the picker orders
 * catalogues as the Coverage page counts them.
 */
export function appliesIn(catalogue: Catalogue, jurisdiction: string): boolean {
  const j = asciiLower(jurisdiction);
  return catalogue.jurisdictions.some((c) => c === "*" || asciiLower(c) === j);
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** "US", "UK, EU", "Every jurisdiction". */
export function jurisdictionsText(catalogue: Catalogue): string {
  return catalogue.jurisdictions.includes("*") ? "Every jurisdiction" : catalogue.jurisdictions.join(", ");
}

export type SearchGroup = {
  catalogue: Catalogue;
  /** False when the picker was told a jurisdiction the catalogue does not apply in. */
  applies: boolean;
  obligations: Obligation[];
};

/**
 * The obligations the picker offers for `query`: every word must occur in the citation, title,
 * summary or id (any case); those in `exclude` (already linked) are left out. Grouped by
 * catalogue; with a `jurisdiction`, the catalogues that apply there come first.
 */
export function searchObligations(
  catalogues: ReadonlyArray<Catalogue>,
  query: string,
  opts: { exclude?: ReadonlyArray<string>; jurisdiction?: string | null } = {},
): SearchGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const exclude = new Set(opts.exclude ?? []);
  const groups: SearchGroup[] = [];
  for (const catalogue of catalogues) {
    const obligations = catalogue.obligations.filter((o) => {
      if (exclude.has(o.id)) return false;
      if (words.length === 0) return true;
      const text = `${o.citation} ${o.title} ${o.summary} ${o.id}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    if (obligations.length === 0) continue;
    const j = opts.jurisdiction ?? null;
    groups.push({ catalogue, applies: j === null || appliesIn(catalogue, j), obligations });
  }
  // A stable sort: applicable catalogues first, each side in the shipped order.
  return groups.map((g, i) => ({ g, i })).sort((a, b) => Number(b.g.applies) - Number(a.g.applies) || a.i - b.i).map((x) => x.g);
}

/** The distinct notices of some catalogues ("summaries in our own words, not legal advice"). */
export function notices(catalogues: ReadonlyArray<Catalogue>): string[] {
  return [...new Set(catalogues.map((c) => c.notice.trim()).filter((n) => n !== ""))];
}

// ---- Coverage ----

/** The jurisdiction filter: every group, one declared jurisdiction, or the catalogues for all of them. */
export type JurisdictionFilter = { kind: "all" } | { kind: "one"; jurisdiction: string } | { kind: "every" };

export type CoverageFilter = {
  jurisdiction: JurisdictionFilter;
  /** A catalogue id, or `null` for every catalogue. */
  catalogue: string | null;
  /** Only obligations that nothing answers. */
  gapsOnly: boolean;
};

export const NO_FILTER: CoverageFilter = { jurisdiction: { kind: "all" }, catalogue: null, gapsOnly: false };

/** The jurisdiction filter as a select's value: "" all, "*" every jurisdiction, else the jurisdiction prefixed with "=". */
export function jurisdictionValue(f: JurisdictionFilter): string {
  return f.kind === "all" ? "" : f.kind === "every" ? "*" : `=${f.jurisdiction}`;
}

export function jurisdictionFilterOf(value: string): JurisdictionFilter {
  if (value === "*") return { kind: "every" };
  if (value.startsWith("=")) return { kind: "one", jurisdiction: value.slice(1) };
  return { kind: "all" };
}

/** The groups (and in each the items) a filter keeps; groups left empty are dropped. */
export function filterCoverage(coverage: Coverage, filter: CoverageFilter): CoverageGroup[] {
  const out: CoverageGroup[] = [];
  for (const g of coverage.groups) {
    const j = filter.jurisdiction;
    if (j.kind === "one" && g.jurisdiction !== j.jurisdiction) continue;
    if (j.kind === "every" && g.jurisdiction !== null) continue;
    if (filter.catalogue !== null && g.catalogue !== filter.catalogue) continue;
    const items = filter.gapsOnly ? g.items.filter((i) => i.answers.length === 0) : g.items;
    if (items.length === 0) continue;
    out.push(items === g.items ? g : { ...g, items });
  }
  return out;
}

export type CoverageCounts = { answered: number; total: number; gaps: number };

/** How many of some groups' obligations are answered (an obligation counts once per group). */
export function coverageCounts(groups: ReadonlyArray<CoverageGroup>): CoverageCounts {
  let answered = 0;
  let total = 0;
  for (const g of groups) {
    total += g.items.length;
    answered += g.items.filter((i) => i.answers.length > 0).length;
  }
  return { answered, total, gaps: total - answered };
}

/** The catalogues coverage has groups for, in the shipped order (the catalogue filter's choices). */
export function coverageCatalogues(coverage: Coverage, catalogues: ReadonlyArray<Catalogue>): Catalogue[] {
  const used = new Set(coverage.groups.map((g) => g.catalogue));
  return catalogues.filter((c) => used.has(c.id));
}

/** The jurisdictions coverage has groups for, in its order. */
export function coverageJurisdictions(coverage: Coverage): string[] {
  const out: string[] = [];
  for (const g of coverage.groups) if (g.jurisdiction !== null && !out.includes(g.jurisdiction)) out.push(g.jurisdiction);
  return out;
}

/** Whether some group applies to every jurisdiction (standards and frameworks). */
export function hasEveryJurisdiction(coverage: Coverage): boolean {
  return coverage.groups.some((g) => g.jurisdiction === null);
}

/** The link that opens the part of the framework an answer names: its page, with its item open. */
export function answerHref(answer: Answer): string {
  const page = pageOfSection(answer.section);
  return answer.item === null ? pageHref(page) : itemHref(page, answer.item);
}

// ---- Compliance rules ----

export type RuleGroup = { jurisdiction: string; declared: boolean; rules: ComplianceRule[] };

/**
 * The rules by jurisdiction, in the framework's order of jurisdictions (those with no rule
 * included, so the page can say so), then rules whose jurisdiction is not declared; `only`
 * keeps one jurisdiction.
 */
export function rulesByJurisdiction(fw: Framework, only: string | null = null): RuleGroup[] {
  const groups: RuleGroup[] = fw.jurisdictions.map((j) => ({ jurisdiction: j, declared: true, rules: [] }));
  for (const r of fw.compliance_rules) {
    let g = groups.find((x) => x.jurisdiction === r.jurisdiction);
    if (!g) groups.push((g = { jurisdiction: r.jurisdiction, declared: false, rules: [] }));
    g.rules.push(r);
  }
  return only === null ? groups : groups.filter((g) => g.jurisdiction === only);
}

/** What kind of part an answer is, for the Coverage page ("Hard stop"). */
export const ANSWER_KIND_LABELS: Partial<Record<Section, string>> = {
  capabilities: "Capability (decision mode)",
  raci: "RACI activity",
  data_quality: "Data-quality standard",
  hard_stops: "Hard stop",
  compliance_rules: "Compliance rule",
  override_policy: "Override policy",
  review_schedule: "Review schedule",
};

/** "Hard stop: Keyword blocklist", "Compliance rule (UK): Consent before targeting", "Override policy". */
export function answerText(answer: Answer): string {
  const kind = ANSWER_KIND_LABELS[answer.section] ?? answer.section;
  const where = answer.jurisdiction ? ` (${answer.jurisdiction})` : "";
  return answer.item === null ? `${kind}${where}` : `${kind}${where}: ${answer.name}`;
}
