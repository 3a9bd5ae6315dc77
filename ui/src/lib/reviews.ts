// Review cycles and sign-offs as the Reviews page and the sidebar show them.
import { DECISION_LABELS } from "./labels";
import type { CertificateInfo, CompletedCycle, CycleState, Decision, ReviewStatus, SignOff } from "./bindings";
import { shortFingerprint } from "./certificates";
import { formatDate, plural } from "./format";
import type { NameIndex } from "./names";

export const STATE_LABELS: Record<CycleState, string> = {
  upcoming: "Upcoming",
  due: "Due",
  overdue: "Overdue",
};

/** "Upcoming: due in 50 days", "Due in 5 days", "Due today", "Overdue by 3 days". */
export function reviewStateText(state: CycleState, daysUntilDue: number): string {
  switch (state) {
    case "overdue":
      return `Overdue by ${plural(Math.max(1, -daysUntilDue), "day")}`;
    case "due":
      if (daysUntilDue === 0) return "Due today";
      if (daysUntilDue < 0) return `Due, ${plural(-daysUntilDue, "day")} ago`;
      return `Due in ${plural(daysUntilDue, "day")}`;
    default:
      return daysUntilDue === 0 ? "Upcoming: due today" : `Upcoming: due in ${plural(daysUntilDue, "day")}`;
  }
}

/** Whether the open cycle asks for attention now (the app opens on the Reviews page). */
export function needsAttention(status: ReviewStatus | null): boolean {
  return status !== null && (status.state === "due" || status.state === "overdue");
}

export type ReviewBadge = { tone: "amber" | "red"; text: string; title: string };

/** The sidebar badge of the Reviews link: amber while due, red when overdue, none when upcoming. */
export function reviewBadge(status: ReviewStatus | null): ReviewBadge | null {
  if (!status || !needsAttention(status)) return null;
  const title = `Review ${reviewStateText(status.state, status.days_until_due).toLowerCase()}`;
  return status.state === "overdue" ? { tone: "red", text: "Overdue", title } : { tone: "amber", text: "Due", title };
}

export const DECISION_OPTIONS: ReadonlyArray<{ value: Decision; label: string }> = [
  { value: "approved", label: DECISION_LABELS.approved },
  { value: "approved_with_comments", label: DECISION_LABELS.approved_with_comments },
  { value: "rejected", label: DECISION_LABELS.rejected },
];

/** Approving with comments and rejecting need a comment that says why. */
export function commentRequired(decision: Decision): boolean {
  return decision !== "approved";
}

/** Where a required signatory stands in the open cycle. */
export type SignatoryState =
  /** Approved the newest published version. */
  | "approved"
  /** Approved an older version: that approval does not carry over, a new one is needed. */
  | "outdated"
  | "rejected"
  /** An approval recorded before signing certificates: shown, never counted. */
  | "unsigned"
  /** No sign-off in this cycle yet. */
  | "waiting";

export type SignatoryRow = {
  party: string;
  name: string;
  title: string;
  /** False when the party is no longer in the draft (its sign-off keeps the name it had). */
  known: boolean;
  signoff: SignOff | null;
  state: SignatoryState;
  /** The party's signing certificate in the draft; `null` when it has none. */
  certificate: CertificateInfo | null;
};

/**
 * One row per required signatory, in the schedule's order, with their sign-off in this cycle and
 * their signing certificate in the draft (`certificates`, by party id).
 */
export function signatoryRows(
  status: ReviewStatus,
  parties: NameIndex,
  certificates: Readonly<Record<string, CertificateInfo>>,
): SignatoryRow[] {
  return status.required.map((party) => {
    const signoff = status.signoffs.find((s) => s.party === party) ?? null;
    const r = parties.resolve(party);
    const name = r.known ? r.text : (signoff?.party_name ?? party);
    const title = r.known ? (r.detail ?? "") : (signoff?.party_title ?? "");
    let state: SignatoryState;
    if (signoff === null) state = "waiting";
    else if (signoff.decision === "rejected") state = "rejected";
    else if (signoff.signed === null) state = "unsigned";
    else state = status.waiting_for.includes(party) ? "outdated" : "approved";
    return { party, name, title, known: r.known, signoff, state, certificate: certificates[party] ?? null };
  });
}

/** A signatory's standing in words: "Approved version 2", "Waiting", "Approved version 1; version 2 needs a new sign-off". */
export function signatoryStateText(row: SignatoryRow, latest: number | null): string {
  const s = row.signoff;
  if (row.state === "waiting" || s === null) return "Waiting";
  const what = `${DECISION_LABELS[s.decision]}: version ${s.version_number}`;
  if (row.state === "outdated" && latest !== null) return `${what}; version ${latest} needs a new sign-off`;
  if (row.state === "unsigned") return `${what}, unsigned; a signed sign-off is needed`;
  return what;
}

/** "2 of 3 signatories have approved version 2". */
export function approvalsText(status: ReviewStatus): string {
  const total = status.required.length;
  if (total === 0) return "No signatory is required: choose them on the Review schedule page.";
  if (status.latest_version === null) return `${plural(total, "signatory", "signatories")} will be asked to sign off.`;
  const done = total - status.waiting_for.filter((p) => status.required.includes(p)).length;
  return `${done} of ${plural(total, "signatory", "signatories")} ${done === 1 ? "has" : "have"} approved version ${status.latest_version}.`;
}

/** The cycle a sign-off just completed, if it did: a completed cycle that was not there before. */
export function newlyCompleted(before: ReviewStatus | null, after: ReviewStatus): CompletedCycle | null {
  const c = after.last_completed;
  if (c === null) return null;
  const b = before?.last_completed ?? null;
  return b !== null && b.due === c.due && b.completed_at === c.completed_at ? null : c;
}

/** "Dana", "Dana and Sam", "Dana, Sam and Lee". */
export function namesText(names: ReadonlyArray<string>): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** A sign-off just recorded, as the form reports it. */
export type SignedReport = {
  who: string;
  decision: Decision;
  version: number;
  /** The signing certificate's SHA-256 fingerprint; `null` while unknown. */
  fingerprint: string | null;
  /** The cycle this sign-off completed, if it did. */
  completed: CompletedCycle | null;
  /** Who the open cycle still waits for, by name. */
  waiting: ReadonlyArray<string>;
  /** False when this very sign-off had been recorded before. */
  recorded: boolean;
};

/** Who signed what, with which certificate, and whether the review is now complete. */
export function signedText(r: SignedReport): string {
  const cert = r.fingerprint ? ` with the certificate ${shortFingerprint(r.fingerprint)}` : "";
  const parts = [`Signed by ${r.who}${cert}: ${DECISION_LABELS[r.decision].toLowerCase()}, version ${r.version}.`];
  if (!r.recorded) parts.push("It had been recorded before; it is kept once.");
  if (r.completed) {
    parts.push(
      `The review due ${formatDate(r.completed.due)} is complete: every signatory approved version ${r.completed.version_number}.`,
    );
  } else if (r.waiting.length > 0) {
    parts.push(`The review is not complete yet: it waits for ${namesText(r.waiting)}.`);
  }
  return parts.join(" ");
}

/** One imported sign-off, as the Reviews page lists it. */
export type ImportedSignOff = { who: string; decision: Decision; version: number; recorded: boolean };

/**
 * What importing a signed PDF or `.signoff` file did, in one sentence per sign-off ("Recorded:
 * Eleanor Voss, approved, version 1."), or that the file held none.
 */
export function importedText(list: ReadonlyArray<ImportedSignOff>): string {
  if (list.length === 0) return "The file holds no signed sign-off; nothing was recorded.";
  return list
    .map((s) => {
      const what = `${s.who}, ${DECISION_LABELS[s.decision].toLowerCase()}, version ${s.version}.`;
      return s.recorded ? `Recorded: ${what}` : `Already recorded, kept once: ${what}`;
    })
    .join(" ");
}
