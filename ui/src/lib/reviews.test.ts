import { describe, expect, it } from "vitest";
import type { ReviewStatus, SignOff } from "./bindings";
import { buildNames } from "./names";
import {
  approvalsText,
  commentRequired,
  needsAttention,
  newlyCompleted,
  reviewBadge,
  reviewStateText,
  signatoryRows,
  signatoryStateText,
} from "./reviews";
import { sampleFramework } from "./test-fixtures";

function signoff(party: string, decision: SignOff["decision"], version: number, comment = ""): SignOff {
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
    signed: null,
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
    const rows = signatoryRows(status(), parties);
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
    const rows = signatoryRows(s, parties);
    expect(rows.map((r) => r.state)).toEqual(["approved", "outdated"]);
    expect(signatoryStateText(rows[0], 2)).toBe("Approved: version 2");
    expect(signatoryStateText(rows[1], 2)).toBe("Approved with comments: version 1; version 2 needs a new sign-off");
    expect(approvalsText(s)).toBe("1 of 2 signatories has approved version 2.");
  });

  it("marks a rejection, and keeps the signed name of a party the draft no longer has", () => {
    const s = status({ required: ["cmo", "former"], signoffs: [signoff("former", "rejected", 2, "Missing the UK cap")], waiting_for: ["cmo", "former"] });
    const rows = signatoryRows(s, parties);
    expect(rows[1]).toMatchObject({ name: "former (as signed)", title: "Title as signed", known: false, state: "rejected" });
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
