// Reading the field-level changes between two published versions: which section each belongs to,
// what item and field it is about (by name, not id), and its old and new values as text.
import type { Catalogue, Change, ChangeKind, Framework, Section } from "./bindings";
import { SECTION_ORDER } from "./findings";
import {
  formatAmount,
  formatCadence,
  formatDate,
  formatDuration,
  formatMoney,
  formatPercent,
} from "./format";
import { BREACH_LABELS, DECISION_MODE_LABELS, ENFORCEMENT_LABELS, HARD_STOP_KIND_LABELS, RULE_KIND_LABELS, LAYER_LABELS, MODE_LABELS, PARTY_KIND_LABELS, PLATFORM_KIND_LABELS, RISK_LABELS, SECTION_LABELS, SUPPORT_LABELS, UNAVAILABLE_LABELS } from "./labels";

/** One step of a change path: `platforms[tiktok]` is `{ name: "platforms", key: "tiktok" }`. */
export type PathSegment = { name: string; key: string | null };

/**
 * The steps of a change path, e.g. `raci[triage].assignments[cmo].role` ->
 * raci[triage], assignments[cmo], role. A key runs to its closing bracket, so ids with dots or
 * slashes (`matrix[media-buying/tiktok]`) stay whole.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    let name = "";
    while (i < path.length && path[i] !== "." && path[i] !== "[") name += path[i++];
    let key: string | null = null;
    if (path[i] === "[") {
      const close = path.indexOf("]", i + 1);
      const end = close < 0 ? path.length : close;
      key = path.slice(i + 1, end);
      i = end + 1;
    }
    out.push({ name, key });
    // A second key on the same step (a list inside a list) starts its own step.
    while (path[i] === "[") {
      const close = path.indexOf("]", i + 1);
      const end = close < 0 ? path.length : close;
      out.push({ name: "", key: path.slice(i + 1, end) });
      i = end + 1;
    }
    if (path[i] === ".") i++;
  }
  return out;
}

const ITEM_SECTIONS = new Set<Section>(["parties", "platforms", "capabilities", "matrix", "raci", "data_quality", "hard_stops", "compliance_rules"]);

/**
 * The section a path (of a change or a finding) is about: its first step when that names a list
 * of items or the override policy or review schedule; the framework's own fields otherwise.
 */
export function sectionOfPath(path: string): Section {
  const first = parsePath(path.trim())[0]?.name ?? "";
  if (ITEM_SECTIONS.has(first as Section) || first === "override_policy" || first === "review_schedule") {
    return first as Section;
  }
  return "framework";
}

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  organisation: "Organisation",
  description: "Description",
  jurisdictions: "Jurisdictions",
  title: "Title",
  email: "Email",
  kind: "Kind",
  contract: "Contract",
  data_formats: "Data formats",
  required_latency: "Required latency",
  amount: "Amount",
  unit: "Unit",
  error_handling: "Error handling",
  permission_scopes: "Permission scopes",
  when_unavailable: "When unavailable",
  when_unavailable_detail: "When unavailable (detail)",
  latency_notes: "Latency notes",
  policy_notes: "Policy notes",
  risk: "Risk",
  decision_mode: "Decision mode",
  threshold: "Threshold",
  support: "Support",
  mode: "Operating mode",
  constraints: "Constraints",
  evidence: "Evidence",
  last_verified: "Last verified",
  layer: "Governance layer",
  assignments: "Assignments",
  role: "Letter",
  data_input: "Data input",
  source_platform: "Source platform",
  owner: "Owner",
  min_completeness_pct: "Minimum completeness",
  max_age: "Maximum age",
  validation_rules: "Validation rules",
  max_duplicate_pct: "Duplicate limit",
  on_breach: "Action on breach",
  notes: "Notes",
  cap: "Cap",
  currency: "Currency",
  entries: "Entries",
  all_platforms: "All platforms",
  platforms: "Platforms",
  lift_authority: "Who may lift it",
  kill_switch_holders: "Kill-switch holders",
  trigger_procedure: "Trigger procedure",
  test_cadence: "Test cadence",
  last_tested: "Last tested",
  custom_days: "Custom days",
  cadence: "Cadence",
  required_signatories: "Required signatories",
  next_due: "Next review due",
  capability: "Capability",
  platform: "Platform",
  party: "Party",
  certificate: "Signing certificate",
  jurisdiction: "Jurisdiction",
  requirement: "Requirement",
  all_capabilities: "All capabilities",
  capabilities: "Capabilities",
  enforced_by: "Enforced",
  obligations: "Obligations answered",
  id: "Id",
};

/** A field's name for people: `min_completeness_pct` -> "Minimum completeness"; unknown ones humanised. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/_/g, " ").trim();
  return words === "" ? field : words[0].toUpperCase() + words.slice(1);
}

/** Names of the items a change may mention, looked up in the current draft. */
export type DiffNames = {
  parties: Map<string, string>;
  platforms: Map<string, string>;
  capabilities: Map<string, string>;
  raci: Map<string, string>;
  data_quality: Map<string, string>;
  hard_stops: Map<string, string>;
  compliance_rules: Map<string, string>;
  /** Obligations by their citation ("16 CFR 255.5"), from the shipped catalogues. */
  obligations: Map<string, string>;
};

export function buildDiffNames(fw: Framework | null, catalogues: ReadonlyArray<Catalogue> = []): DiffNames {
  const by = <T extends { id: string }>(items: ReadonlyArray<T> | undefined, name: (x: T) => string) =>
    new Map((items ?? []).map((x) => [x.id, name(x)]));
  return {
    parties: by(fw?.parties, (p) => p.name),
    platforms: by(fw?.platforms, (p) => p.name),
    capabilities: by(fw?.capabilities, (c) => c.name),
    raci: by(fw?.raci, (a) => a.name),
    data_quality: by(fw?.data_quality, (d) => d.data_input),
    hard_stops: by(fw?.hard_stops, (h) => h.name),
    compliance_rules: by(fw?.compliance_rules, (r) => r.name),
    obligations: new Map(catalogues.flatMap((c) => c.obligations.map((o) => [o.id, o.citation] as const))),
  };
}

type ListSection = keyof DiffNames;

/** The name an item carries in its own value (`name`, or `data_input` for a data-quality standard). */
function ownName(v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  for (const k of ["name", "data_input"]) if (typeof o[k] === "string" && o[k] !== "") return o[k] as string;
  return null;
}

/**
 * Adds the names of items that appear whole in the changes (added or removed items) and that the
 * draft no longer has, so a removed item is still named, not shown by its id.
 */
export function withChangeNames(names: DiffNames, changes: ReadonlyArray<Change>): DiffNames {
  const out: DiffNames = {
    parties: new Map(names.parties),
    platforms: new Map(names.platforms),
    capabilities: new Map(names.capabilities),
    raci: new Map(names.raci),
    data_quality: new Map(names.data_quality),
    hard_stops: new Map(names.hard_stops),
    compliance_rules: new Map(names.compliance_rules),
    obligations: names.obligations,
  };
  for (const c of changes) {
    const steps = parsePath(c.path);
    if (steps.length !== 1 || steps[0].key === null) continue;
    const list = steps[0].name as ListSection;
    if (!(list in out) || out[list].has(steps[0].key)) continue;
    const name = ownName(c.new) ?? ownName(c.old);
    if (name !== null) out[list].set(steps[0].key, name);
  }
  return out;
}

function lookup(names: DiffNames, list: ListSection, id: string): string {
  return names[list].get(id) ?? id;
}

/** The item a keyed step names: "TikTok", "Media buying on TikTok"; the id when it is unknown. */
export function itemName(names: DiffNames, section: string, key: string): string {
  if (section === "matrix") {
    const slash = key.indexOf("/");
    if (slash < 0) return key;
    return `${lookup(names, "capabilities", key.slice(0, slash))} on ${lookup(names, "platforms", key.slice(slash + 1))}`;
  }
  if (section in names) return lookup(names, section as ListSection, key);
  return key;
}

/** A piece of a changed text; `mark` on the part that differs from the other side. */
export type TextPart = { text: string; mark: boolean };

/** A value shown in a diff row. */
export type DisplayValue =
  | { type: "empty"; text: string }
  /** `parts`, when present, split the text to mark what differs from the other side. */
  | { type: "text"; text: string; parts?: TextPart[] }
  /** `marks`, when present, say which entries are not on the other side. */
  | { type: "list"; items: string[]; marks?: boolean[] }
  | { type: "fields"; fields: { label: string; text: string }[] };

/**
 * The part of two texts that differs, between their common beginning and end, widened to whole
 * words: "a b c d" / "a x c d" -> prefix "a ", old "b", new "x", suffix " c d".
 */
export function textDelta(a: string, b: string): { prefix: string; oldMid: string; newMid: string; suffix: string } {
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  // Between two words (or at either end) of a text.
  const boundary = (x: string, i: number) => i === 0 || i === x.length || space(x[i - 1]) || space(x[i]);
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p] === b[p]) p++;
  // A difference inside a word marks the whole word.
  while (p > 0 && !(boundary(a, p) && boundary(b, p))) p--;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  while (s > 0 && !(boundary(a, a.length - s) && boundary(b, b.length - s))) s--;
  return {
    prefix: a.slice(0, p),
    oldMid: a.slice(p, a.length - s),
    newMid: b.slice(p, b.length - s),
    suffix: a.slice(a.length - s),
  };
}

/** Texts at least this long get the differing part marked. */
const MARK_TEXT_FROM = 60;

function parts(prefix: string, mid: string, suffix: string): TextPart[] {
  return [
    { text: prefix, mark: false },
    { text: mid, mark: true },
    { text: suffix, mark: false },
  ].filter((p) => p.text !== "");
}

/** Marks what differs between the two sides of a changed value: a long text's changed words, a list's entries. */
export function markDifferences(old: DisplayValue, neu: DisplayValue): [DisplayValue, DisplayValue] {
  if (old.type === "text" && neu.type === "text" && Math.max(old.text.length, neu.text.length) >= MARK_TEXT_FROM) {
    const d = textDelta(old.text, neu.text);
    return [
      { ...old, parts: parts(d.prefix, d.oldMid, d.suffix) },
      { ...neu, parts: parts(d.prefix, d.newMid, d.suffix) },
    ];
  }
  if (old.type === "list" && neu.type === "list") {
    const inOld = new Set(old.items);
    const inNew = new Set(neu.items);
    return [
      { ...old, marks: old.items.map((i) => !inNew.has(i)) },
      { ...neu, marks: neu.items.map((i) => !inOld.has(i)) },
    ];
  }
  return [old, neu];
}

const ENUMS: Record<string, Record<string, string>> = {
  support: SUPPORT_LABELS,
  mode: MODE_LABELS,
  risk: RISK_LABELS,
  decision_mode: DECISION_MODE_LABELS,
  layer: LAYER_LABELS,
  on_breach: BREACH_LABELS,
  when_unavailable: UNAVAILABLE_LABELS,
  enforced_by: ENFORCEMENT_LABELS,
};

const KIND_BY_SECTION: Partial<Record<string, Record<string, string>>> = {
  parties: PARTY_KIND_LABELS,
  platforms: PLATFORM_KIND_LABELS,
  hard_stops: HARD_STOP_KIND_LABELS,
  compliance_rules: RULE_KIND_LABELS,
};

/** Fields whose value is the id of an item, or a list of ids, and the list they point into. */
const ID_FIELDS: Record<string, ListSection> = {
  owner: "parties",
  party: "parties",
  kill_switch_holders: "parties",
  required_signatories: "parties",
  lift_authority: "parties",
  source_platform: "platforms",
  platform: "platforms",
  platforms: "platforms",
  capability: "capabilities",
  capabilities: "capabilities",
  obligations: "obligations",
};

const DATE_FIELDS = new Set(["last_verified", "last_tested", "next_due"]);
const PERCENT_FIELDS = new Set(["min_completeness_pct", "max_duplicate_pct"]);

/** Where a value sits, so that it can be read: its field and section. */
export type ValueContext = { section: string; field: string; names: DiffNames };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A duration, money amount or cadence written as people write them; `null` for other objects. */
function shapeText(o: Record<string, unknown>): string | null {
  const keys = Object.keys(o).sort().join(",");
  if (keys === "amount,unit" && typeof o.amount === "number" && typeof o.unit === "string") {
    return formatDuration({ amount: o.amount, unit: o.unit as "hours" });
  }
  if (keys === "amount,currency" && typeof o.amount === "string" && typeof o.currency === "string") {
    return formatMoney({ amount: o.amount, currency: o.currency });
  }
  if (keys === "custom_days,kind" && typeof o.kind === "string") {
    return formatCadence({ kind: o.kind as "custom", custom_days: typeof o.custom_days === "number" ? o.custom_days : null });
  }
  return null;
}

/** Whether a change path is a party's signing certificate, whose value (PEM) is never shown. */
function isCertificate(section: string, field: string): boolean {
  return section === "parties" && field === "certificate";
}

/** What a change of a signing certificate did: "registered", "replaced" or "removed". */
export function certificateChange(old: unknown, neu: unknown): "registered" | "replaced" | "removed" {
  const had = typeof old === "string" && old !== "";
  const has = typeof neu === "string" && neu !== "";
  if (had && has) return "replaced";
  return has ? "registered" : "removed";
}

/**
 * The audit log's row for a party's signing certificate in words ("signing certificate
 * replaced"); its old and new values are JSON text. `null` for any other row.
 */
export function auditCertificateText(entity: string, field: string, old: string | null, neu: string | null): string | null {
  if (!entity.startsWith("parties[") || field !== "certificate") return null;
  const read = (v: string | null): unknown => {
    try {
      return v === null ? null : JSON.parse(v);
    } catch {
      return v;
    }
  };
  return `signing certificate ${certificateChange(read(old), read(neu))}`;
}

/** One value on one line (for a field inside an object, or an entry of a list). */
export function valueText(v: unknown, ctx: ValueContext): string {
  if (v === null || v === undefined) return "(none)";
  if (isCertificate(ctx.section, ctx.field)) return certificateChange(null, v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return PERCENT_FIELDS.has(ctx.field) ? formatPercent(v) : String(v);
  if (typeof v === "string") {
    if (v === "") return "(empty)";
    const list = ID_FIELDS[ctx.field];
    if (list) return lookup(ctx.names, list, v);
    if (DATE_FIELDS.has(ctx.field)) return formatDate(v);
    if (ctx.field === "amount" && ctx.section === "hard_stops") return formatAmount(v);
    const labels = ctx.field === "kind" ? KIND_BY_SECTION[ctx.section] : ENUMS[ctx.field];
    return labels?.[v] ?? v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "(empty list)";
    return v.map((x) => valueText(x, ctx)).join("; ");
  }
  if (isObject(v)) {
    // A RACI letter: "Dana Okafor: A".
    if (typeof v.party === "string" && typeof v.role === "string" && Object.keys(v).length === 2) {
      return `${lookup(ctx.names, "parties", v.party)}: ${v.role}`;
    }
    const shaped = shapeText(v);
    if (shaped !== null) return shaped;
    return Object.entries(v)
      .map(([k, x]) => `${fieldLabel(k)}: ${valueText(x, { ...ctx, field: k })}`)
      .join(", ");
  }
  return String(v);
}

/**
 * A value as a diff row shows it: text, a list of entries, or for an object (an added or removed
 * item) its fields as "label: value" lines. Ids are shown by name, enum values by label.
 */
export function displayValue(v: unknown, ctx: ValueContext): DisplayValue {
  if (v === null || v === undefined) return { type: "empty", text: "(none)" };
  if (typeof v === "string" && v === "") return { type: "empty", text: "(empty)" };
  if (Array.isArray(v)) {
    if (v.length === 0) return { type: "empty", text: "(empty list)" };
    return { type: "list", items: v.map((x) => valueText(x, ctx)) };
  }
  if (isObject(v)) {
    if (typeof v.party === "string" && typeof v.role === "string" && Object.keys(v).length === 2) {
      return { type: "text", text: v.role };
    }
    const shaped = shapeText(v);
    if (shaped !== null) return { type: "text", text: shaped };
    const fields: { label: string; text: string }[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (k === "id") continue;
      if (isObject(x) && shapeText(x) === null && !("party" in x)) {
        // A nested object (a platform's contract): one line per field, prefixed with its name.
        for (const [k2, y] of Object.entries(x)) {
          fields.push({ label: `${fieldLabel(k)} › ${fieldLabel(k2)}`, text: valueText(y, { ...ctx, field: k2 }) });
        }
      } else {
        fields.push({ label: fieldLabel(k), text: valueText(x, { ...ctx, field: k }) });
      }
    }
    return { type: "fields", fields };
  }
  return { type: "text", text: valueText(v, ctx) };
}

/** One change as a row of the diff view. */
export type DiffRow = {
  kind: ChangeKind;
  path: string;
  /** The item the change is about ("TikTok", "Media buying on TikTok"); `null` for a field of the section itself. */
  item: string | null;
  /** The field within the item ("Contract › Required latency › Amount"); "" when the whole item was added or removed. */
  field: string;
  old: DisplayValue | null;
  new: DisplayValue | null;
};

export type DiffCounts = { added: number; removed: number; changed: number };

export type DiffGroup = { section: Section; label: string; rows: DiffRow[]; counts: DiffCounts };

/** The section headings of the diff view. */
export const DIFF_SECTION_LABELS: Record<Section, string> = { ...SECTION_LABELS, framework: "Framework details" };

/** A change's item and field, named for people. */
export function describePath(path: string, names: DiffNames): { section: Section; item: string | null; field: string; last: string } {
  const section = sectionOfPath(path);
  const steps = parsePath(path);
  let rest = steps;
  let item: string | null = null;
  if (ITEM_SECTIONS.has(section) && steps[0]?.key !== null && steps[0]?.key !== undefined) {
    item = itemName(names, section, steps[0].key);
    rest = steps.slice(1);
  } else if (section === "override_policy" || section === "review_schedule") {
    rest = steps.slice(1);
  }
  const parts: string[] = [];
  let last = "";
  for (let i = 0; i < rest.length; i++) {
    const s = rest[i];
    if (s.name === "assignments" && s.key !== null) {
      // A RACI letter: named by its party; its `role` is the letter itself.
      parts.push(`Letter of ${lookup(names, "parties", s.key)}`);
      if (rest[i + 1]?.name === "role") i++;
      last = "role";
      continue;
    }
    if (s.name !== "") parts.push(fieldLabel(s.name));
    if (s.key !== null) parts.push(s.key);
    last = s.name || last;
  }
  return { section, item, field: parts.join(" › "), last };
}

/** The changes grouped by section in sidebar order, each in the order the back end listed them. */
export function groupChanges(changes: ReadonlyArray<Change>, draftNames: DiffNames): DiffGroup[] {
  const names = withChangeNames(draftNames, changes);
  const buckets = new Map<Section, DiffRow[]>();
  for (const c of changes) {
    const d = describePath(c.path, names);
    const ctx: ValueContext = { section: d.section, field: d.last, names };
    let old = c.kind === "added" ? null : displayValue(c.old, ctx);
    let neu = c.kind === "removed" ? null : displayValue(c.new, ctx);
    if (c.kind === "changed" && isCertificate(d.section, d.last)) {
      // One word says it all; the certificates themselves are pages of base64.
      old = null;
      neu = { type: "text", text: certificateChange(c.old, c.new) };
    }
    if (old && neu) [old, neu] = markDifferences(old, neu);
    const row: DiffRow = { kind: c.kind, path: c.path, item: d.item, field: d.field, old, new: neu };
    const list = buckets.get(d.section);
    if (list) list.push(row);
    else buckets.set(d.section, [row]);
  }
  const groups: DiffGroup[] = [];
  for (const section of SECTION_ORDER) {
    const rows = buckets.get(section);
    if (!rows) continue;
    groups.push({ section, label: DIFF_SECTION_LABELS[section], rows, counts: countChanges(rows) });
  }
  return groups;
}

export function countChanges(changes: ReadonlyArray<{ kind: ChangeKind }>): DiffCounts {
  const out: DiffCounts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) out[c.kind]++;
  return out;
}

/** "2 added, 1 removed, 5 changed" (only the kinds that occur); "no changes" for none. */
export function countsText(c: DiffCounts): string {
  const parts = [
    c.added ? `${c.added} added` : "",
    c.removed ? `${c.removed} removed` : "",
    c.changed ? `${c.changed} changed` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no changes";
}

/** Where a field is, for people: "Parties › Dana Okafor › Title" from `parties[cmo].title`. */
export function placeText(path: string, names: DiffNames): string {
  const d = describePath(path, names);
  return [DIFF_SECTION_LABELS[d.section], d.item, d.field].filter((p) => p !== null && p !== "").join(" › ");
}
