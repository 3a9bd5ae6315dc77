// Pure formatting helpers: how values of the domain read on screen.
import type { Cadence, Duration, Money } from "./bindings";

/** "1 error", "2 errors". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const UNIT_WORDS = {
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
} as const;

/** A duration as the user wrote it: "24 hours", "1 day" (never converted to another unit). */
export function formatDuration(d: Duration): string {
  const [one, many] = UNIT_WORDS[d.unit] ?? [d.unit, d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

/** "monthly", "quarterly", "half-yearly", "yearly", "every 45 days". */
export function formatCadence(c: Cadence): string {
  switch (c.kind) {
    case "monthly":
      return "monthly";
    case "quarterly":
      return "quarterly";
    case "half_yearly":
      return "half-yearly";
    case "yearly":
      return "yearly";
    case "custom":
      if (c.custom_days === null) return "custom (days not set)";
      return c.custom_days === 1 ? "every day" : `every ${c.custom_days} days`;
    default:
      return String(c.kind);
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO calendar date ("2025-03-01") as "1 Mar 2025". Parsed by hand so that the time zone of
 * the machine can never shift the day. Anything that is not an ISO date is shown as it is.
 */
export function formatDate(iso: string | null, missing = "Not set"): string {
  if (iso === null || iso === "") return missing;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  return `${day} ${MONTHS[month - 1]} ${m[1]}`;
}

/** 95 -> "95%", 99.5 -> "99.5%". */
export function formatPercent(v: number | null, missing = "None"): string {
  if (v === null || !Number.isFinite(v)) return missing;
  return `${Number(v.toFixed(4))}%`;
}

/**
 * A money amount kept as a decimal string, grouped by thousands without ever going through a
 * float: "25000" -> "25,000", "1999.50" -> "1,999.50". A malformed amount is shown unchanged.
 */
export function formatAmount(amount: string): string {
  const m = /^(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  const whole = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return whole + (m[2] ?? "");
}

/** "USD 25,000". */
export function formatMoney(m: Money | null, missing = "No cap"): string {
  if (m === null) return missing;
  return `${m.currency} ${formatAmount(m.amount)}`;
}

/** A label from one of the tables of `labels.ts`, falling back to the raw value for an unknown one. */
export function label<K extends string>(labels: Record<K, string>, key: K): string {
  return labels[key] ?? String(key);
}

/** Today's calendar date on this machine, as "2025-03-01". */
export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / 86_400_000);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** "due today", "due in 12 days", "overdue by 1 day", relative to `today`. */
export function dueText(due: string, today: string): string | null {
  const d = daysBetween(today, due);
  if (d === null) return null;
  if (d === 0) return "due today";
  if (d > 0) return `due in ${plural(d, "day")}`;
  return `overdue by ${plural(-d, "day")}`;
}

/** An audit timestamp ("2025-03-01T14:05:09Z") as "1 Mar 2025, 14:05 UTC"; anything else unchanged. */
export function formatTimestamp(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(at);
  return m ? `${formatDate(m[1])}, ${m[2]} UTC` : at;
}

/** An old or new value of the audit log, shortened to one readable line. */
export function formatAuditValue(v: string, max = 140): string {
  let text = v;
  try {
    const parsed: unknown = JSON.parse(v);
    if (typeof parsed === "string") text = parsed;
  } catch {
    // Not JSON: shown as stored.
  }
  text = text.replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An instant shown in the machine's local time and in UTC. */
export type InstantText = {
  /** "26 Nov 2026, 13:18" in local time. */
  local: string;
  /** The local offset from UTC, "UTC+01:00". */
  zone: string;
  /** "26 Nov 2026, 12:18 UTC". */
  utc: string;
  /** The machine's local time is UTC: one of the two is enough. */
  localIsUtc: boolean;
};

function dayAndTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/**
 * An RFC 3339 timestamp ("2026-11-26T12:18:05Z") in local time and in UTC. `offsetMinutes` is
 * what `Date.getTimezoneOffset` returns (minutes behind UTC: -60 for UTC+1); by default the
 * machine's offset at that instant. `null` for anything that is not a timestamp.
 */
export function formatInstant(iso: string, offsetMinutes?: number): InstantText | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const offset = offsetMinutes ?? new Date(t).getTimezoneOffset();
  const ahead = -offset;
  const p = (n: number) => String(n).padStart(2, "0");
  const zone = `UTC${ahead >= 0 ? "+" : "-"}${p(Math.floor(Math.abs(ahead) / 60))}:${p(Math.abs(ahead) % 60)}`;
  return {
    local: dayAndTime(new Date(t + ahead * 60_000)),
    zone,
    utc: `${dayAndTime(new Date(t))} UTC`,
    localIsUtc: ahead === 0,
  };
}

/**
 * "26 Nov 2026, 12:18 UTC" -> ["26 Nov 2026,", "12:18 UTC"]: the pieces a narrow column may put
 * on two lines, so a date breaks between its day and its time and nowhere else.
 */
export function dayTimeParts(text: string): string[] {
  const i = text.indexOf(", ");
  return i < 0 ? [text] : [text.slice(0, i + 1), text.slice(i + 2)];
}

/** 980 -> "980 bytes", 245760 -> "240 KB", 1288490 -> "1.2 MB" (1 KB = 1,024 bytes). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return `${n} bytes`;
  if (n < 1024) return plural(n, "byte");
  const units = ["KB", "MB", "GB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = v < 10 ? v.toFixed(1).replace(/\.0$/, "") : String(Math.round(v));
  return `${text} ${units[u]}`;
}

/** A message of the back end as a sentence: first letter capitalised, a full stop at the end. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?:]$/.test(first) ? first : `${first}.`;
}
