// The RACI chart: one row per activity, one column per party.
import { RACI_LABELS } from "./labels";
import type { Party, RaciActivity, RaciRole } from "./bindings";

export const RACI_ROLES: ReadonlyArray<RaciRole> = ["R", "A", "C", "I"];

export type RaciRow = {
  activity: RaciActivity;
  /** For each party (in the framework's order) the letters it holds, usually zero or one. */
  letters: RaciRole[][];
  /** Assignments to a party id that does not exist. */
  unknown: { party: string; role: RaciRole }[];
};

export type PartyTotals = Record<RaciRole, number>;

export type RaciGrid = { rows: RaciRow[]; totals: PartyTotals[] };

function columnsOf(parties: ReadonlyArray<Party>): Map<string, number> {
  const column = new Map<string, number>();
  parties.forEach((p, i) => column.set(p.id, i));
  return column;
}

/** One activity's letters under each of `count` parties (placed by `column`), and the rest. */
function raciRow(activity: RaciActivity, column: ReadonlyMap<string, number>, count: number): RaciRow {
  const letters: RaciRole[][] = Array.from({ length: count }, () => []);
  const unknown: { party: string; role: RaciRole }[] = [];
  for (const a of activity.assignments) {
    const i = column.get(a.party);
    if (i === undefined) unknown.push({ party: a.party, role: a.role });
    else letters[i].push(a.role);
  }
  return { activity, letters, unknown };
}

function totalsOf(rows: ReadonlyArray<RaciRow>, count: number): PartyTotals[] {
  const totals: PartyTotals[] = Array.from({ length: count }, () => ({ R: 0, A: 0, C: 0, I: 0 }));
  for (const r of rows) r.letters.forEach((ls, i) => ls.forEach((l) => totals[i][l]++));
  return totals;
}

export function buildRaciGrid(activities: ReadonlyArray<RaciActivity>, parties: ReadonlyArray<Party>): RaciGrid {
  const column = columnsOf(parties);
  const rows = activities.map((a) => raciRow(a, column, parties.length));
  return { rows, totals: totalsOf(rows, parties.length) };
}

/** The key of one party's letter on one activity. */
export function letterKey(activity: string, party: string): string {
  return `${activity}\u0000${party}`;
}

/**
 * The activities with letters the user has just typed and that are still being saved, so the
 * chart shows them at once. Activities without a pending letter are returned as they are.
 */
export function withPendingLetters(
  activities: ReadonlyArray<RaciActivity>,
  pending: ReadonlyMap<string, RaciRole | null>,
): ReadonlyArray<RaciActivity> {
  if (pending.size === 0) return activities;
  const byActivity = new Map<string, Array<[string, RaciRole | null]>>();
  for (const [key, role] of pending) {
    const [activity, party] = key.split("\u0000");
    const list = byActivity.get(activity);
    if (list) list.push([party, role]);
    else byActivity.set(activity, [[party, role]]);
  }
  return activities.map((a) => {
    const changes = byActivity.get(a.id);
    if (!changes) return a;
    let assignments = a.assignments;
    for (const [party, role] of changes) {
      const rest = assignments.filter((x) => x.party !== party);
      const at = assignments.findIndex((x) => x.party === party);
      if (role === null) assignments = rest;
      else if (at >= 0) assignments = assignments.map((x) => (x.party === party ? { party, role } : x));
      else assignments = [...rest, { party, role }];
    }
    return { ...a, assignments };
  });
}

/** One cell of the chart as the page draws it, prepared once per activity. */
export type RaciCell = { testid: string; label: string; letters: RaciRole[] };

export type RaciViewRow = RaciRow & { readonly cells: ReadonlyArray<RaciCell> };

/** A row whose cells are prepared the first time they are drawn: a large chart draws few rows. */
function viewRow(base: RaciRow, parties: ReadonlyArray<Party>): RaciViewRow {
  let cells: RaciCell[] | null = null;
  return {
    ...base,
    get cells() {
      cells ??= base.letters.map((letters, i) => ({
        testid: `raci-${base.activity.id}-${parties[i].id}`,
        label: `${parties[i].name}: ${letters.length ? letters.map((l) => RACI_LABELS[l]).join(", ") : "no letter"}`,
        letters,
      }));
      return cells;
    },
  };
}

/**
 * Builds the chart's rows, reusing the row of every activity that did not change (same object)
 * while the parties stay the same, so that typing one letter redraws one row, not 12,000 cells.
 */
export class RaciRowCache {
  private parties: ReadonlyArray<Party> | null = null;
  private column = new Map<string, number>();
  private rows = new WeakMap<RaciActivity, RaciViewRow>();

  build(activities: ReadonlyArray<RaciActivity>, parties: ReadonlyArray<Party>): { rows: RaciViewRow[]; totals: PartyTotals[] } {
    if (parties !== this.parties) {
      this.parties = parties;
      this.column = columnsOf(parties);
      this.rows = new WeakMap();
    }
    const rows = activities.map((a) => {
      let row = this.rows.get(a);
      if (!row) {
        row = viewRow(raciRow(a, this.column, parties.length), parties);
        this.rows.set(a, row);
      }
      return row;
    });
    return { rows, totals: totalsOf(rows, parties.length) };
  }
}

/**
 * The items of `next`, each replaced by the equal item of `prev` with the same id when there is
 * one, so that unchanged items keep their identity across views. Returns `prev` itself when
 * nothing changed.
 */
export function reuseEqual<T extends { id: string }>(prev: ReadonlyArray<T>, next: ReadonlyArray<T>): ReadonlyArray<T> {
  const byId = new Map(prev.map((x) => [x.id, x]));
  let same = prev.length === next.length;
  const out = next.map((x, i) => {
    const old = byId.get(x.id);
    if (old !== undefined && JSON.stringify(old) === JSON.stringify(x)) {
      if (prev[i] !== old) same = false;
      return old;
    }
    same = false;
    return x;
  });
  return same ? prev : out;
}

// ---- Drawing a large chart in part ----

/** Height of an activity's row in a chart drawn in part; its style sheet fixes it to this. */
export const RACI_ROW_HEIGHT = 46;

/** What a row adds per finding listed under it, until the row has been drawn and measured. */
const FINDING_HEIGHT_GUESS = 40;

/** The parts of a row that decide its height. */
export type RowShape = { id: string; findings: number; unknownParties: boolean };

/** Whether a row is taller than `RACI_ROW_HEIGHT`: its findings are listed under it, or it names unknown parties. */
export function isTall(r: RowShape): boolean {
  return r.findings > 0 || r.unknownParties;
}

/**
 * The height of each row of a chart drawn in part: a plain row has the fixed height; a tall one
 * is as high as it was last measured (`measured`, by activity id), else a guess.
 */
export function rowHeights(rows: ReadonlyArray<RowShape>, measured: ReadonlyMap<string, number>): number[] {
  return rows.map((r) => {
    if (!isTall(r)) return RACI_ROW_HEIGHT;
    return measured.get(r.id) ?? RACI_ROW_HEIGHT + (r.unknownParties ? 18 : 0) + r.findings * FINDING_HEIGHT_GUESS + 8;
  });
}

export type AriaRows = {
  /** aria-rowindex of each activity's row; its findings row, when it has one, is the next index. */
  row: number[];
  /** aria-rowcount: the header row, each activity's row and findings row, and the totals row. */
  count: number;
};

/**
 * The place of each row in the whole chart, for screen readers when only part of it is drawn:
 * the header row is 1, then each activity's row followed by its findings row if it has findings,
 * then the totals row (the last, `count`).
 */
export function ariaRows(hasFindings: ReadonlyArray<boolean>): AriaRows {
  const row: number[] = [];
  let next = 2;
  for (const f of hasFindings) {
    row.push(next);
    next += f ? 2 : 1;
  }
  return { row, count: next };
}
