// Building the edits the back end applies, from what the user did in a form.
import type {
  Cadence,
  CadenceKind,
  Capability,
  ComplianceRule,
  DataQualityStandard,
  Edit,
  Framework,
  HardStop,
  HardStopKind,
  ListKind,
  MatrixCell,
  Money,
  OperatingMode,
  Party,
  Platform,
  RaciActivity,
  Support,
} from "./bindings";
import { slugify } from "./ids";

/** The key of the versioned record an edit changes, as in `FrameworkView.versions`. */
export function versionKey(edit: Edit): string | null {
  switch (edit.op) {
    case "set_details":
      return "details";
    case "put_party":
      return `parties/${edit.party.id}`;
    case "remove_party":
      return `parties/${edit.id}`;
    case "set_certificate":
      return `parties/${edit.party}`;
    case "put_platform":
      return `platforms/${edit.platform.id}`;
    case "remove_platform":
      return `platforms/${edit.id}`;
    case "put_capability":
      return `capabilities/${edit.capability.id}`;
    case "remove_capability":
      return `capabilities/${edit.id}`;
    case "move":
      return `${edit.list}/${edit.id}`;
    case "put_cell":
      return `matrix/${edit.cell.capability}/${edit.cell.platform}`;
    case "remove_cell":
      return `matrix/${edit.capability}/${edit.platform}`;
    case "put_activity":
      return `raci/${edit.activity.id}`;
    case "set_letter":
      return `raci/${edit.activity}`;
    case "remove_activity":
      return `raci/${edit.id}`;
    case "put_data_quality":
      return `data_quality/${edit.standard.id}`;
    case "remove_data_quality":
      return `data_quality/${edit.id}`;
    case "put_hard_stop":
      return `hard_stops/${edit.stop.id}`;
    case "remove_hard_stop":
      return `hard_stops/${edit.id}`;
    case "put_rule":
      return `compliance_rules/${edit.rule.id}`;
    case "remove_rule":
      return `compliance_rules/${edit.id}`;
    case "set_override_policy":
      return "override_policy";
    case "set_review_schedule":
      return "review_schedule";
    case "restore":
      return null;
  }
}

/**
 * The version an edit is based on: the stored version of its record, 0 for a record that does
 * not exist yet (a new item, an untested cell); `null` (no check) for an edit without a record.
 */
export function expectedVersion(versions: Readonly<Record<string, number>>, edit: Edit): number | null {
  const key = versionKey(edit);
  if (key === null) return null;
  return versions[key] ?? 0;
}

// ---- Lists ----

export type ItemOf = {
  parties: Party;
  platforms: Platform;
  capabilities: Capability;
  raci: RaciActivity;
  data_quality: DataQualityStandard;
  hard_stops: HardStop;
  compliance_rules: ComplianceRule;
};

export function itemsOf<L extends ListKind>(fw: Framework, list: L): ReadonlyArray<ItemOf[L]> {
  return fw[list] as unknown as ReadonlyArray<ItemOf[L]>;
}

export function findItem<L extends ListKind>(fw: Framework, list: L, id: string): ItemOf[L] | undefined {
  return itemsOf(fw, list).find((x) => x.id === id);
}

/** The edit that creates or replaces an item of a list. */
export function putEdit<L extends ListKind>(list: L, item: ItemOf[L]): Edit {
  switch (list) {
    case "parties":
      return { op: "put_party", party: item as Party };
    case "platforms":
      return { op: "put_platform", platform: item as Platform };
    case "capabilities":
      return { op: "put_capability", capability: item as Capability };
    case "raci":
      return { op: "put_activity", activity: item as RaciActivity };
    case "data_quality":
      return { op: "put_data_quality", standard: item as DataQualityStandard };
    case "compliance_rules":
      return { op: "put_rule", rule: item as ComplianceRule };
    default:
      return { op: "put_hard_stop", stop: item as HardStop };
  }
}

/** The edit that removes an item of a list. */
export function removeEdit(list: ListKind, id: string): Edit {
  switch (list) {
    case "parties":
      return { op: "remove_party", id };
    case "platforms":
      return { op: "remove_platform", id };
    case "capabilities":
      return { op: "remove_capability", id };
    case "raci":
      return { op: "remove_activity", id };
    case "data_quality":
      return { op: "remove_data_quality", id };
    case "compliance_rules":
      return { op: "remove_rule", id };
    default:
      return { op: "remove_hard_stop", id };
  }
}

/**
 * The edit that replaces an item with `change` applied to its stored value, or `null` when the
 * item no longer exists. Built just before sending, so it starts from the latest stored item and
 * never undoes an earlier change to another field.
 */
export function patchEdit<L extends ListKind>(
  fw: Framework,
  list: L,
  id: string,
  change: (item: ItemOf[L]) => ItemOf[L],
): Edit | null {
  const item = findItem(fw, list, id);
  return item ? putEdit(list, change(item)) : null;
}

/** The position an item moves to one step up (-1) or down (+1); `null` at either end. */
export function moveTarget(ids: ReadonlyArray<string>, id: string, delta: -1 | 1): number | null {
  const from = ids.indexOf(id);
  if (from < 0) return null;
  const to = from + delta;
  return to < 0 || to >= ids.length ? null : to;
}

/** A list of ids with `id` added (at the end) or taken out; other entries keep their order. */
export function toggled(ids: ReadonlyArray<string>, id: string, on: boolean): string[] {
  const without = ids.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

/** A list of text entries with blank ones left out and the others trimmed. */
export function cleanEntries(entries: ReadonlyArray<string>): string[] {
  return entries.map((e) => e.trim()).filter((e) => e !== "");
}

// ---- New items (ids from names) ----

function ids(items: ReadonlyArray<{ id: string }>): Set<string> {
  return new Set(items.map((i) => i.id));
}

export function newParty(fw: Framework, name: string): Party {
  return { id: slugify(name, ids(fw.parties)), name: name.trim(), title: "", email: null, kind: "person", certificate: null };
}

export function newPlatform(fw: Framework, name: string): Platform {
  return {
    id: slugify(name, ids(fw.platforms)),
    name: name.trim(),
    kind: "other",
    contract: {
      data_formats: [],
      required_latency: { amount: 24, unit: "hours" },
      error_handling: "",
      permission_scopes: [],
      when_unavailable: "pause",
      when_unavailable_detail: "",
      latency_notes: "",
      policy_notes: "",
    },
  };
}

export function newCapability(fw: Framework, name: string): Capability {
  return {
    id: slugify(name, ids(fw.capabilities)),
    name: name.trim(),
    description: "",
    risk: "medium",
    decision_mode: "human_approval",
    threshold: "",
    obligations: [],
  };
}

export function newActivity(fw: Framework, name: string): RaciActivity {
  return { id: slugify(name, ids(fw.raci)), name: name.trim(), layer: "workflow_design", assignments: [], obligations: [] };
}

/** A new standard needs an owner: the first party until the user picks one. */
export function newDataQuality(fw: Framework, name: string): DataQualityStandard | null {
  const owner = fw.parties[0]?.id;
  if (owner === undefined) return null;
  return {
    id: slugify(name, ids(fw.data_quality)),
    data_input: name.trim(),
    source_platform: null,
    owner,
    min_completeness_pct: 95,
    max_age: { amount: 24, unit: "hours" },
    validation_rules: [],
    max_duplicate_pct: null,
    on_breach: "alert_owner",
    notes: "",
    obligations: [],
  };
}

export function newHardStop(fw: Framework, name: string): HardStop {
  return {
    id: slugify(name, ids(fw.hard_stops)),
    name: name.trim(),
    kind: "keyword_blocklist",
    cap: null,
    entries: [],
    all_platforms: true,
    platforms: [],
    lift_authority: [],
    notes: "",
    obligations: [],
  };
}

/**
 * A new compliance rule: in the framework's first jurisdiction, owned by its first party, for
 * every capability and platform, enforced in the agent; `null` while the framework has no
 * jurisdiction or no party (the form says which is missing).
 */
export function newRule(fw: Framework, name: string): ComplianceRule | null {
  const jurisdiction = fw.jurisdictions[0];
  const owner = fw.parties[0]?.id;
  if (jurisdiction === undefined || owner === undefined) return null;
  return {
    id: slugify(name, ids(fw.compliance_rules)),
    name: name.trim(),
    jurisdiction,
    kind: "consent",
    requirement: "",
    all_capabilities: true,
    capabilities: [],
    all_platforms: true,
    platforms: [],
    enforced_by: ["agent"],
    evidence: "",
    owner,
    obligations: [],
  };
}

// ---- Matrix cells ----

/** What an unassessed pair looks like in the cell editor before anything is stored. */
export function untestedCell(capability: string, platform: string): MatrixCell {
  return { capability, platform, support: "untested", mode: "disabled", constraints: "", evidence: "", last_verified: null };
}

/**
 * The operating mode to suggest when the support level changes: unsupported -> disabled;
 * partial -> constrained (unless the user already chose disabled); full re-enables a disabled
 * cell; untested never runs in normal mode.
 */
export function suggestMode(support: Support, current: OperatingMode): OperatingMode {
  switch (support) {
    case "unsupported":
      return "disabled";
    case "partial":
      return current === "disabled" ? "disabled" : "constrained";
    case "full":
      return current === "disabled" ? "normal" : current;
    case "untested":
      return current === "normal" ? "disabled" : current;
  }
}

/** The cell with a new support level and the suggested mode. */
export function withSupport(cell: MatrixCell, support: Support): MatrixCell {
  return { ...cell, support, mode: suggestMode(support, cell.mode) };
}

/** Modes a cell may not take with its support level (partial support must be accepted or refused). */
export function modeAllowed(support: Support, mode: OperatingMode): boolean {
  return !(support === "partial" && mode === "normal");
}

// ---- Hard stops ----

export function isSpendCap(kind: HardStopKind): boolean {
  return kind === "daily_spend_cap" || kind === "total_spend_cap";
}

/**
 * A cap from the amount and currency fields; no cap while the amount is blank. Thousands
 * separators ("25,000.50") are dropped; anything else is sent as typed for the back end to judge.
 */
export function capFrom(amount: string, currency: string): Money | null {
  let a = amount.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(a)) a = a.replace(/,/g, "");
  if (a === "") return null;
  return { amount: a, currency: currency.trim().toUpperCase() || "USD" };
}

/** The stop with another kind: only spend caps keep a cap. */
export function withKind(stop: HardStop, kind: HardStopKind): HardStop {
  return { ...stop, kind, cap: isSpendCap(kind) ? stop.cap : null };
}

// ---- Cadences ----

/** A cadence of another kind: days only with custom (30 when none were set). */
export function withCadenceKind(c: Cadence, kind: CadenceKind): Cadence {
  return kind === "custom" ? { kind, custom_days: c.custom_days ?? 30 } : { kind, custom_days: null };
}

// ---- Parsing what was typed ----

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A number typed into a field. Blank is `null` (allowed only when `optional`); `integer` fields
 * take whole numbers only.
 */
export function parseNumberInput(
  text: string,
  opts: { integer?: boolean; optional?: boolean } = {},
): Parsed<number | null> {
  const t = text.trim().replace(",", ".");
  if (t === "") return opts.optional ? { ok: true, value: null } : { ok: false, reason: "Enter a number." };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { ok: false, reason: `"${text.trim()}" is not a number.` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, reason: `"${text.trim()}" is not a number.` };
  if (opts.integer && (!Number.isInteger(n) || n < 0 || n > 4294967295)) {
    return { ok: false, reason: "Enter a whole number." };
  }
  return { ok: true, value: n };
}

/** A date typed or picked: ISO "2025-03-01"; blank is `null` (allowed only when `optional`). */
export function parseDateInput(text: string, opts: { optional?: boolean } = {}): Parsed<string | null> {
  const t = text.trim();
  if (t === "") return opts.optional ? { ok: true, value: null } : { ok: false, reason: "Choose a date." };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) {
      return { ok: true, value: t };
    }
  }
  return { ok: false, reason: "Use a date such as 2025-03-01." };
}

/** A number as a field shows it: no float noise, blank for none. */
export function numberText(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "";
  return String(Number(v.toFixed(6)));
}
