// Which field shows which problem after a save.
import { problemsByField } from "./invalid";
import { failureReason, type SaveResult } from "./queue";

export type FieldErrors = Readonly<Record<string, ReadonlyArray<string>>>;

/**
 * The errors a form shows after saving a change to `fields` (the first one is where problems
 * about unknown fields go). The changed fields lose their old errors; an `invalid` refusal puts
 * each problem next to its field; a stale conflict shows in the reload banner instead, and a
 * refusal for the signed-in role in the error banner (it is about the role, not the field); any
 * other failure is shown next to the changed field.
 */
export function nextFieldErrors(
  current: FieldErrors,
  result: SaveResult,
  fields: ReadonlyArray<string>,
  known: ReadonlyArray<string>,
): FieldErrors {
  const next: Record<string, ReadonlyArray<string>> = {};
  for (const [k, v] of Object.entries(current)) if (!fields.includes(k)) next[k] = v;
  if (result.ok || result.code === "cancelled" || result.code === "closed") return next;
  if (result.code === "stale" || result.code === "not_permitted") return next;
  const fallback = fields[0] ?? "";
  if (result.code === "invalid" && result.findings.length > 0) {
    for (const [field, messages] of problemsByField(result.findings, known, fallback)) {
      next[field] = [...(next[field] ?? []), ...messages];
    }
    return next;
  }
  next[fallback] = [failureReason(result)];
  return next;
}

/** The errors without those of one field (after the user reverted it). */
export function withoutField(current: FieldErrors, field: string): FieldErrors {
  const next: Record<string, ReadonlyArray<string>> = { ...current };
  delete next[field];
  return next;
}
