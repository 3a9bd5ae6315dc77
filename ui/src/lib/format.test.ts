import { describe, expect, it } from "vitest";
import {
  dueText,
  daysBetween,
  dayTimeParts,
  formatAmount,
  formatAuditValue,
  formatBytes,
  formatInstant,
  formatTimestamp,
  formatCadence,
  formatDate,
  formatDuration,
  formatMoney,
  formatPercent,
  label,
  localIsoDate,
  plural,
  sentence,
} from "./format";
import { PLATFORM_KIND_LABELS } from "./labels";

describe("formatDuration", () => {
  it("keeps the unit the user chose and uses the plural for several", () => {
    expect(formatDuration({ amount: 24, unit: "hours" })).toBe("24 hours");
    expect(formatDuration({ amount: 90, unit: "minutes" })).toBe("90 minutes");
  });

  it("uses the singular for exactly one", () => {
    expect(formatDuration({ amount: 1, unit: "days" })).toBe("1 day");
    expect(formatDuration({ amount: 1, unit: "minutes" })).toBe("1 minute");
  });
});

describe("formatCadence", () => {
  it("names the fixed cadences in words", () => {
    expect(formatCadence({ kind: "monthly", custom_days: null })).toBe("monthly");
    expect(formatCadence({ kind: "quarterly", custom_days: null })).toBe("quarterly");
    expect(formatCadence({ kind: "half_yearly", custom_days: null })).toBe("half-yearly");
    expect(formatCadence({ kind: "yearly", custom_days: null })).toBe("yearly");
  });

  it("shows a custom cadence as a number of days", () => {
    expect(formatCadence({ kind: "custom", custom_days: 45 })).toBe("every 45 days");
    expect(formatCadence({ kind: "custom", custom_days: 1 })).toBe("every day");
  });

  it("says so when a custom cadence has no days", () => {
    expect(formatCadence({ kind: "custom", custom_days: null })).toBe("custom (days not set)");
  });
});

describe("formatDate", () => {
  it("writes an ISO date with the month in words, whatever the time zone", () => {
    expect(formatDate("2025-03-01")).toBe("1 Mar 2025");
    expect(formatDate("2024-12-31")).toBe("31 Dec 2024");
  });

  it("shows the placeholder for a missing date and anything else unchanged", () => {
    expect(formatDate(null)).toBe("Not set");
    expect(formatDate(null, "Never")).toBe("Never");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate("2025-13-01")).toBe("2025-13-01");
  });
});

describe("formatPercent", () => {
  it("drops needless decimals and keeps meaningful ones", () => {
    expect(formatPercent(95)).toBe("95%");
    expect(formatPercent(99.5)).toBe("99.5%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("shows the placeholder when there is no value", () => {
    expect(formatPercent(null, "No limit")).toBe("No limit");
  });
});

describe("money", () => {
  it("groups thousands without turning the amount into a float", () => {
    expect(formatAmount("25000")).toBe("25,000");
    expect(formatAmount("1999.50")).toBe("1,999.50");
    expect(formatAmount("12345678901234567890.10")).toBe("12,345,678,901,234,567,890.10");
    expect(formatAmount("999")).toBe("999");
  });

  it("leaves a malformed amount exactly as written", () => {
    expect(formatAmount("12,5 EUR")).toBe("12,5 EUR");
  });

  it("puts the currency code before the amount", () => {
    expect(formatMoney({ amount: "5000", currency: "USD" })).toBe("USD 5,000");
    expect(formatMoney(null)).toBe("No cap");
  });
});

describe("due dates", () => {
  it("counts whole days between two ISO dates across month ends and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-03-10", "2025-03-01")).toBe(-9);
    expect(daysBetween("bad", "2025-03-01")).toBeNull();
  });

  it("says whether a review is due, due today or overdue", () => {
    expect(dueText("2025-03-13", "2025-03-01")).toBe("due in 12 days");
    expect(dueText("2025-03-01", "2025-03-01")).toBe("due today");
    expect(dueText("2025-02-28", "2025-03-01")).toBe("overdue by 1 day");
  });

  it("formats the local calendar date with zero padding", () => {
    expect(localIsoDate(new Date(2025, 0, 5))).toBe("2025-01-05");
  });
});

describe("labels", () => {
  it("reads enum values as words and falls back to the raw value", () => {
    expect(label(PLATFORM_KIND_LABELS, "cdp")).toBe("Customer data platform (CDP)");
    expect(label(PLATFORM_KIND_LABELS, "ad_platform")).toBe("Ad platform");
    expect(label(PLATFORM_KIND_LABELS, "mystery" as never)).toBe("mystery");
  });

  it("pluralises counts", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "warning")).toBe("0 warnings");
    expect(plural(3, "activity", "activities")).toBe("3 activities");
  });
});

describe("audit log values", () => {
  it("shows a timestamp as a date and a time", () => {
    expect(formatTimestamp("2025-03-01T14:05:09Z")).toBe("1 Mar 2025, 14:05 UTC");
    expect(formatTimestamp("yesterday")).toBe("yesterday");
  });

  it("unquotes JSON strings, folds whitespace and shortens long values", () => {
    expect(formatAuditValue('"Dana\\nOkafor"')).toBe("Dana Okafor");
    expect(formatAuditValue('["a","b"]')).toBe('["a","b"]');
    expect(formatAuditValue("x".repeat(200), 10)).toBe("xxxxxxxxx…");
  });
});

describe("dayTimeParts", () => {
  it("splits a date and time after the day's comma only", () => {
    expect(dayTimeParts("26 Nov 2026, 12:18 UTC")).toEqual(["26 Nov 2026,", "12:18 UTC"]);
    expect(dayTimeParts("1 Jan 2026, 07:35")).toEqual(["1 Jan 2026,", "07:35"]);
    expect(dayTimeParts("UTC+05:30")).toEqual(["UTC+05:30"]);
  });
});

describe("formatInstant", () => {
  it("shows a timestamp in local time with its offset, and in UTC", () => {
    expect(formatInstant("2026-11-26T12:18:05Z", -60)).toEqual({
      local: "26 Nov 2026, 13:18",
      zone: "UTC+01:00",
      utc: "26 Nov 2026, 12:18 UTC",
      localIsUtc: false,
    });
    expect(formatInstant("2026-11-26T12:18:05Z", 0)?.localIsUtc).toBe(true);
  });

  it("moves to the previous day west of UTC and handles half-hour offsets", () => {
    expect(formatInstant("2026-01-01T02:05:00Z", 300)?.local).toBe("31 Dec 2025, 21:05");
    expect(formatInstant("2026-01-01T02:05:00Z", 300)?.zone).toBe("UTC-05:00");
    expect(formatInstant("2026-01-01T02:05:00Z", -330)?.zone).toBe("UTC+05:30");
    expect(formatInstant("2026-01-01T02:05:00Z", -330)?.local).toBe("1 Jan 2026, 07:35");
  });

  it("refuses anything that is not a timestamp", () => {
    expect(formatInstant("2026-01-01")).toBeNull();
    expect(formatInstant("yesterday")).toBeNull();
  });
});

describe("formatBytes", () => {
  it("writes sizes in bytes, KB and MB", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(980)).toBe("980 bytes");
    expect(formatBytes(245_760)).toBe("240 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1_288_490)).toBe("1.2 MB");
  });
});

describe("sentence", () => {
  it("capitalises a back-end message and ends it with a full stop once", () => {
    expect(sentence("nothing changed since version 2")).toBe("Nothing changed since version 2.");
    expect(sentence("Done.")).toBe("Done.");
    expect(sentence("  ")).toBe("");
  });
});
