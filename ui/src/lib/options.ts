// Choices offered by the forms' select boxes.
import type { CadenceKind, Party } from "./bindings";

export const CADENCE_OPTIONS: ReadonlyArray<{ value: CadenceKind; label: string }> = [
  { value: "monthly", label: "Monthly" },
  { value: "quarterly", label: "Quarterly" },
  { value: "half_yearly", label: "Half-yearly" },
  { value: "yearly", label: "Yearly" },
  { value: "custom", label: "Custom (a number of days)" },
];

/** The parties as the choices of a pick list: the name, with the title under it. */
export function partyChoices(parties: ReadonlyArray<Party>): Array<{ id: string; label: string; detail: string }> {
  return parties.map((p) => ({ id: p.id, label: p.name, detail: p.title }));
}
