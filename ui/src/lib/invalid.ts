// Reading the problems of an edit the back end refused as `invalid`, so each can be shown next to
// the field it is about.

export type Problem = {
  severity: "error" | "warning";
  message: string;
  /** Where the problem is, as the back end names it, e.g. `data_quality[dq-x].min_completeness_pct`. */
  path: string;
};

const LINE = /^\s*-\s+(error|warning):\s+(.*)\s+\(([^()]*)\)\s*$/;

/**
 * The problems listed in an `invalid` message, one per line of the form
 * `  - error: The minimum completeness is 140; ... (data_quality[dq-x].min_completeness_pct)`.
 * The path is the last parenthesised group of the line (messages may hold parentheses too).
 */
export function parseInvalid(message: string): Problem[] {
  const out: Problem[] = [];
  for (const line of message.split("\n")) {
    const m = LINE.exec(line);
    if (m) out.push({ severity: m[1] as Problem["severity"], message: m[2].trim(), path: m[3].trim() });
  }
  return out;
}

/**
 * The field a path names, relative to its item: `data_quality[dq-x].min_completeness_pct` ->
 * `min_completeness_pct`, `platforms[3].contract.data_formats[1]` -> `contract.data_formats`,
 * `override_policy.test_cadence.custom_days` -> `test_cadence.custom_days`, `jurisdictions[0]` ->
 * `jurisdictions`. List positions are dropped: the whole list is one field.
 */
export function fieldOfPath(path: string): string {
  let p = path.trim();
  const single = /^(override_policy|review_schedule)(\.|$)/.exec(p);
  if (single) {
    p = p.slice(single[0].length);
  } else {
    const item = /^(parties|platforms|capabilities|matrix|raci|data_quality|hard_stops)\[[^\]]*\](\.|$)/.exec(p);
    if (item) p = p.slice(item[0].length);
  }
  return p.replace(/\[\d+\]/g, "");
}

/**
 * Problems grouped by the field they are about. A problem about a field the form does not show
 * (or about the item as a whole) goes to `fallback`, the field whose change caused it.
 */
export function problemsByField(
  problems: ReadonlyArray<Problem>,
  known: ReadonlyArray<string>,
  fallback: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pr of problems) {
    let field = fieldOfPath(pr.path);
    if (!known.includes(field)) {
      // `contract.required_latency.amount` belongs to the `contract.required_latency` field.
      const parent = known.find((k) => field.startsWith(`${k}.`));
      field = parent ?? fallback;
    }
    const list = out.get(field);
    if (list) list.push(pr.message);
    else out.set(field, [pr.message]);
  }
  return out;
}
