import { describe, expect, it } from "vitest";
import type { CertificateInfo, ReviewStatus, SignOff } from "./bindings";
import { buildNames } from "./names";
import {
  approvalsText,
  commentRequired,
  namesText,
  needsAttention,
  newlyCompleted,
  reviewBadge,
  reviewStateText,
  signatoryRows,
  signatoryStateText,
  importedText,
  signedText,
} from "./reviews";
import { sampleFramework } from "./test-fixtures";

/** A sign-off as the back end sends it: signed, unless `signed` is false (one recorded before certificates). */
function signoff(party: string, decision: SignOff["decision"], version: number, comment = "", signed = true): SignOff {
  return {
    cycle_due: "2025-06-30",
    party,
    party_name: `${party} (as signed)`,
    party_title: "Title as signed",
    decision,
    comment,
    signed_at: "2025-06-20T09:30:00Z",
    version_number: version,
    version_sha256: String(version).repeat(64),
    signed: signed ? { statement: "{}", signature: "MIIB", certificate: "-----BEGIN CERTIFICATE-----" } : null,
  };
}

function status(over: Partial<ReviewStatus> = {}): ReviewStatus {
  return {
    framework: "acme",
    due: "2025-06-30",
    state: "upcoming",
    days_until_due: 40,
    required: ["cmo", "legal"],
    signoffs: [],
    latest_version: 2,
    waiting_for: ["cmo", "legal"],
    rejections: [],
    upcoming: ["2025-08-14"],
    last_completed: null,
    ...over,
  };
}

describe("review state", () => {
  it("labels the state with the days to or past the due date", () => {
    expect(reviewStateText("upcoming", 40)).toBe("Upcoming: due in 40 days");
    expect(reviewStateText("due", 5)).toBe("Due in 5 days");
    expect(reviewStateText("due", 1)).toBe("Due in 1 day");
    expect(reviewStateText("due", 0)).toBe("Due today");
    expect(reviewStateText("overdue", -3)).toBe("Overdue by 3 days");
    expect(reviewStateText("overdue", -1)).toBe("Overdue by 1 day");
  });

  it("shows no badge for an upcoming cycle, amber when due and red when overdue", () => {
    expect(reviewBadge(null)).toBeNull();
    expect(reviewBadge(status())).toBeNull();
    expect(reviewBadge(status({ state: "due", days_until_due: 5 }))).toEqual({
      tone: "amber",
      text: "Due",
      title: "Review due in 5 days",
    });
    expect(reviewBadge(status({ state: "overdue", days_until_due: -2 }))).toMatchObject({ tone: "red", text: "Overdue" });
  });

  it("asks for attention only when the cycle is due or overdue", () => {
    expect(needsAttention(status())).toBe(false);
    expect(needsAttention(status({ state: "due" }))).toBe(true);
    expect(needsAttention(status({ state: "overdue" }))).toBe(true);
    expect(needsAttention(null)).toBe(false);
  });

  it("requires a comment for approving with comments and for rejecting, not for approving", () => {
    expect(commentRequired("approved")).toBe(false);
    expect(commentRequired("approved_with_comments")).toBe(true);
    expect(commentRequired("rejected")).toBe(true);
  });
});

describe("signatories", () => {
  const parties = buildNames(sampleFramework()).parties;

  it("lists every required signatory with name and title, waiting until they sign", () => {
    const rows = signatoryRows(status(), parties, {});
    expect(rows.map((r) => [r.party, r.name, r.title, r.state])).toEqual([
      ["cmo", "Dana Reyes", "CMO", "waiting"],
      ["legal", "<img src=x onerror=alert(1)>", "Counsel", "waiting"],
    ]);
    expect(signatoryStateText(rows[0], 2)).toBe("Waiting");
  });

  it("tells an approval of the newest version from an older one that does not carry over", () => {
    const s = status({
      signoffs: [signoff("cmo", "approved", 2), signoff("legal", "approved_with_comments", 1, "Fine")],
      waiting_for: ["legal"],
    });
    const rows = signatoryRows(s, parties, {});
    expect(rows.map((r) => r.state)).toEqual(["approved", "outdated"]);
    expect(signatoryStateText(rows[0], 2)).toBe("Approved: version 2");
    expect(signatoryStateText(rows[1], 2)).toBe("Approved with comments: version 1; version 2 needs a new sign-off");
    expect(approvalsText(s)).toBe("1 of 2 signatories has approved version 2.");
  });

  it("marks a rejection, and keeps the signed name of a party the draft no longer has", () => {
    const s = status({ required: ["cmo", "former"], signoffs: [signoff("former", "rejected", 2, "Missing the UK cap")], waiting_for: ["cmo", "former"] });
    const rows = signatoryRows(s, parties, {});
    expect(rows[1]).toMatchObject({ name: "former (as signed)", title: "Title as signed", known: false, state: "rejected" });
  });

  it("shows an approval recorded before signing certificates as unsigned, never as approved", () => {
    const s = status({ signoffs: [signoff("cmo", "approved", 2, "", false)], waiting_for: ["cmo", "legal"] });
    const row = signatoryRows(s, parties, {})[0];
    expect(row.state).toBe("unsigned");
    expect(signatoryStateText(row, 2)).toBe("Approved: version 2, unsigned; a signed sign-off is needed");
    expect(approvalsText(s)).toBe("0 of 2 signatories have approved version 2.");
  });

  it("gives each signatory the signing certificate the draft has for them", () => {
    const cert: CertificateInfo = {
      fingerprint: "ab".repeat(32),
      subject: "CN=Dana Reyes",
      key: "ECDSA P-256",
      not_before: "2026-01-01T00:00:00Z",
      not_after: "2029-01-01T00:00:00Z",
    };
    const rows = signatoryRows(status(), parties, { cmo: cert, ops: { ...cert, subject: "CN=Ops" } });
    expect(rows.map((r) => r.certificate?.subject ?? null)).toEqual(["CN=Dana Reyes", null]);
  });

  it("says when nobody is required or nothing is published", () => {
    expect(approvalsText(status({ required: [] }))).toMatch(/No signatory is required/);
    expect(approvalsText(status({ latest_version: null }))).toBe("2 signatories will be asked to sign off.");
  });

  it("notices the cycle a sign-off completed", () => {
    const done = { due: "2025-06-30", completed_at: "2025-06-21T10:00:00Z", version_number: 2, version_sha256: "2".repeat(64) };
    expect(newlyCompleted(status(), status({ last_completed: done }))).toEqual(done);
    expect(newlyCompleted(status({ last_completed: done }), status({ last_completed: done }))).toBeNull();
    expect(newlyCompleted(status(), status())).toBeNull();
  });
});

describe("the report after signing", () => {
  const base = {
    who: "Jordan Lee",
    decision: "approved_with_comments" as const,
    version: 2,
    fingerprint: "3ee2ef59fd87a2c0b60e13e11cdb33d6298db349b598ed4d1b355b99cb2d117b",
    completed: null,
    waiting: ["Dana Reyes", "Sam Patel"],
    recorded: true,
  };

  it("says who signed, with which certificate, and who the review still waits for", () => {
    expect(signedText(base)).toBe(
      "Signed by Jordan Lee with the certificate 3ee2ef59 fd87a2c0: approved with comments, version 2. The review is not complete yet: it waits for Dana Reyes and Sam Patel.",
    );
  });

  it("says when the sign-off completed the review", () => {
    const completed = { due: "2027-01-15", completed_at: "2026-12-01T10:00:00Z", version_number: 2, version_sha256: "2".repeat(64) };
    expect(signedText({ ...base, completed, waiting: [] })).toMatch(
      /The review due 15 Jan 2027 is complete: every signatory approved version 2\.$/,
    );
  });

  it("says when the very same sign-off had been recorded before", () => {
    expect(signedText({ ...base, recorded: false })).toContain("It had been recorded before; it is kept once.");
  });

  it("joins names as a sentence does", () => {
    expect(namesText([])).toBe("");
    expect(namesText(["A"])).toBe("A");
    expect(namesText(["A", "B", "C"])).toBe("A, B and C");
  });
});

describe("importedText", () => {
  it("names each imported sign-off and says which were already recorded", () => {
    const text = importedText([
      { who: "Eleanor Voss", decision: "approved", version: 1, recorded: true },
      { who: "Dana Okafor", decision: "rejected", version: 1, recorded: false },
    ]);
    expect(text).toBe("Recorded: Eleanor Voss, approved, version 1. Already recorded, kept once: Dana Okafor, rejected, version 1.");
  });

  it("says so when a file holds no signed sign-off", () => {
    expect(importedText([])).toBe("The file holds no signed sign-off; nothing was recorded.");
  });
});
