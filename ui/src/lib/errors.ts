// Turning whatever a failed command rejected with into a sentence for the error banner.

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
