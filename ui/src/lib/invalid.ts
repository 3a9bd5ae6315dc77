// Placing the findings of a refused edit next to the fields they are about. Each finding names
// its field (`Finding.field`, computed by the back end), so nothing is read from message text.
import type { Finding } from "./bindings";

/**
 * Findings' messages grouped by the field they are about. A finding about a field the form does
 * not show (or about the item as a whole) goes to `fallback`, the field whose change caused it.
 */
export function problemsByField(
  findings: ReadonlyArray<Finding>,
  known: ReadonlyArray<string>,
  fallback: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    let field = f.field;
    if (!known.includes(field)) {
      // `contract.required_latency.amount` belongs to the `contract.required_latency` field.
      const parent = known.find((k) => field.startsWith(`${k}.`));
      field = parent ?? fallback;
    }
    const list = out.get(field);
    if (list) list.push(f.message);
    else out.set(field, [f.message]);
  }
  return out;
}
