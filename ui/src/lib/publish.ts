// Reading why the back end refused to publish, so the dialog can say it plainly.
import type { Finding } from "./bindings";
import type { Failure } from "./errors";
import { sentence } from "./format";

/** How many remaining errors the dialog lists; the Findings page has them all. */
export const LISTED_ERRORS = 20;

export type Refusal =
  /** Validation errors remain; each finding names the section whose page fixes it. */
  | { kind: "errors"; problems: Finding[]; more: number }
  /** The change summary is missing or too long. */
  | { kind: "summary"; message: string }
  /** Nothing changed since the last version. */
  | { kind: "unchanged"; message: string }
  | { kind: "other"; message: string };

/** A refused publication, from the failure's code and findings. */
export function readRefusal(f: Failure): Refusal {
  if (f.code === "invalid" && f.findings.length > 0) {
    if (f.findings.every((p) => p.path === "summary")) {
      return { kind: "summary", message: f.findings.map((p) => p.message).join(" ") };
    }
    return {
      kind: "errors",
      problems: f.findings.slice(0, LISTED_ERRORS),
      more: Math.max(0, f.findings.length - LISTED_ERRORS),
    };
  }
  if (f.code === "unchanged") return { kind: "unchanged", message: sentence(f.message) };
  return { kind: "other", message: sentence(f.message) };
}
