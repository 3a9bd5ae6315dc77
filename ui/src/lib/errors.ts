// Reading what a failed command rejected with. Failures are told apart by their code, never by
// their message text; an `invalid` failure carries its findings, each naming its field.
import type { ErrorCode, Finding } from "./bindings";

/** A failed command or save: the back end's codes, and the app's own for work it dropped. */
export type FailureCode = ErrorCode | "cancelled" | "closed" | "error";

export type Failure = { code: FailureCode; message: string; findings: Finding[] };

/**
 * Commands reject with an `ApiError` `{code, message}`; the Tauri bridge itself may reject with a
 * string or an `Error`. Whatever it was, the user gets readable text (never markup).
 */
export function errorMessage(e: unknown): string {
  if (typeof e === "string") return e.trim() || "Unknown error.";
  if (e !== null && typeof e === "object") {
    const m = (e as { message?: unknown }).message;
    if (typeof m === "string" && m.trim() !== "") return m;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return `Error: ${code}`;
  }
  return "Unknown error.";
}

/** Whatever a command rejected with, as a failure: an `ApiError` keeps its code and findings. */
export function asFailure(e: unknown): Failure {
  const o = e !== null && typeof e === "object" ? (e as { code?: unknown; findings?: unknown }) : {};
  const code = typeof o.code === "string" ? (o.code as ErrorCode) : "error";
  const findings = Array.isArray(o.findings) ? (o.findings as Finding[]) : [];
  return { code, message: errorMessage(e), findings };
}

/** A failure in words: its findings' sentences when it has any, else its message. */
export function failureText(f: Failure): string {
  return f.findings.length > 0 ? f.findings.map((x) => x.message).join(" ") : f.message;
}
