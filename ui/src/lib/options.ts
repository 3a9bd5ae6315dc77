// Choices offered by the forms' select boxes.
import type { CadenceKind } from "./bindings";

export const CADENCE_OPTIONS: ReadonlyArray<{ value: CadenceKind; label: string }> = [
  { value: "monthly", label: "Monthly" },
  { value: "quarterly", label: "Quarterly" },
  { value: "half_yearly", label: "Half-yearly" },
  { value: "yearly", label: "Yearly" },
  { value: "custom", label: "Custom (a number of days)" },
];
