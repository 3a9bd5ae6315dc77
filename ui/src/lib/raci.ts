// The RACI chart: one row per activity, one column per party.
import type { Party, RaciActivity, RaciRole } from "./bindings";

export const RACI_ROLES: ReadonlyArray<RaciRole> = ["R", "A", "C", "I"];

export const RACI_LABELS: Record<RaciRole, string> = {
  R: "Responsible",
  A: "Accountable",
  C: "Consulted",
  I: "Informed",
};

export type RaciRow = {
  activity: RaciActivity;
  /** For each party (in the framework's order) the letters it holds, usually zero or one. */
  letters: RaciRole[][];
  /** Assignments to a party id that does not exist. */
  unknown: { party: string; role: RaciRole }[];
};

export type PartyTotals = Record<RaciRole, number>;

export type RaciGrid = { rows: RaciRow[]; totals: PartyTotals[] };

export function buildRaciGrid(activities: ReadonlyArray<RaciActivity>, parties: ReadonlyArray<Party>): RaciGrid {
  const column = new Map<string, number>();
  parties.forEach((p, i) => column.set(p.id, i));
  const totals: PartyTotals[] = parties.map(() => ({ R: 0, A: 0, C: 0, I: 0 }));
  const rows = activities.map((activity) => {
    const letters: RaciRole[][] = parties.map(() => []);
    const unknown: { party: string; role: RaciRole }[] = [];
    for (const a of activity.assignments) {
      const i = column.get(a.party);
      if (i === undefined) {
        unknown.push({ party: a.party, role: a.role });
      } else {
        letters[i].push(a.role);
        totals[i][a.role] = (totals[i][a.role] ?? 0) + 1;
      }
    }
    return { activity, letters, unknown };
  });
  return { rows, totals };
}
