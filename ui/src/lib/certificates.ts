// A signing certificate as a person checks it: its fingerprint in groups that can be read aloud
// and compared, whether it is valid now, and the passphrase a new key file is made with.
import type { CertificateInfo } from "./bindings";
import { formatDate } from "./format";

/** Hex digits per group of a fingerprint. */
const GROUP = 8;

/** A SHA-256 fingerprint ("3f2a9c1e77b0…", 64 hex digits) in groups of 8: eight groups. */
export function fingerprintGroups(hex: string): string[] {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "").toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < clean.length; i += GROUP) out.push(clean.slice(i, i + GROUP));
  return out;
}

/** The first two groups, "3f2a9c1e 77b0d4a2": enough to tell two certificates apart at a glance. */
export function shortFingerprint(hex: string): string {
  return fingerprintGroups(hex).slice(0, 2).join(" ");
}

export type Validity = "valid" | "expired" | "not_yet_valid";

/** Whether the certificate is valid at `now`; an unreadable date counts as not valid. */
export function validityAt(info: Pick<CertificateInfo, "not_before" | "not_after">, now: Date): Validity {
  const from = Date.parse(info.not_before);
  const to = Date.parse(info.not_after);
  const t = now.getTime();
  if (Number.isNaN(from) || t < from) return "not_yet_valid";
  if (Number.isNaN(to) || t > to) return "expired";
  return "valid";
}

export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: "Valid now",
  expired: "Expired",
  not_yet_valid: "Not yet valid",
};

/** "Valid from 1 Mar 2026 to 1 Mar 2029" (calendar days in UTC, as the certificate states them). */
export function validityText(info: Pick<CertificateInfo, "not_before" | "not_after">): string {
  const day = (t: string) => formatDate(t.slice(0, 10));
  return `Valid from ${day(info.not_before)} to ${day(info.not_after)}`;
}

/** Why the repeated passphrase is refused, or `null`. The minimum length is the back end's rule. */
export function passphraseMismatch(passphrase: string, repeat: string): string | null {
  return passphrase === repeat ? null : "The two passphrases differ: type the same passphrase twice.";
}

/** The DER bytes of the first certificate in a PEM text; `null` when there is none. */
export function pemCertificateDer(pem: string): Uint8Array<ArrayBuffer> | null {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return null;
  try {
    const bin = atob(m[1].replace(/\s+/g, ""));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The SHA-256 fingerprint of a PEM certificate, lowercase hex, as `openssl x509 -fingerprint
 * -sha256` and the back end compute it: over the certificate's DER. `null` when it is unreadable.
 */
export async function pemFingerprint(pem: string): Promise<string | null> {
  const der = pemCertificateDer(pem);
  if (!der) return null;
  const digest = await crypto.subtle.digest("SHA-256", der);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
