// Reading why the back end refused to publish, so the dialog can say it plainly.
import type { Section } from "./bindings";
import { sectionOfPath } from "./diff";
import { sentence } from "./format";
import { parseInvalid, type Problem } from "./invalid";

export type RefusedProblem = Problem & { section: Section };

export type Refusal =
  /** Validation errors remain; each with the section whose page fixes it. */
  | { kind: "errors"; problems: RefusedProblem[]; more: number; message: string }
  /** The change summary is missing or too long. */
  | { kind: "summary"; message: string }
  /** Nothing changed since the last version. */
  | { kind: "unchanged"; message: string }
  | { kind: "other"; message: string };

/**
 * A refused publication, from the error's code and message. An `invalid` refusal lists its
 * problems one per line (`  - error: ... (path)`, at most 20, then `... and N more`).
 */
export function readRefusal(code: string, message: string): Refusal {
  if (code === "invalid") {
    const problems = parseInvalid(message);
    if (problems.length > 0 && problems.every((p) => p.path === "summary")) {
      return { kind: "summary", message: problems.map((p) => p.message).join(" ") };
    }
    if (problems.length > 0) {
      const more = /\.\.\.\s*and\s+(\d+)\s+more/.exec(message);
      return {
        kind: "errors",
        problems: problems.map((p) => ({ ...p, section: sectionOfPath(p.path) })),
        more: more ? Number(more[1]) : 0,
        message,
      };
    }
  }
  if (code === "conflict" && /nothing changed/i.test(message)) return { kind: "unchanged", message: sentence(message) };
  return { kind: "other", message: sentence(message) };
}
