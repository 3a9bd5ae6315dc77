// The pages of the app and the sidebar that leads to them.
import type { Section } from "./bindings";

export type Page =
  | "overview"
  | "parties"
  | "platforms"
  | "capabilities"
  | "matrix"
  | "raci"
  | "data_quality"
  | "hard_stops"
  | "compliance_rules"
  | "override_policy"
  | "review_schedule"
  | "coverage"
  | "findings"
  | "versions"
  | "reviews";

/** Where a link sits in the sidebar: the framework's sections, or publishing and reviews. */
export type NavGroup = "sections" | "publishing";

export type NavItem = {
  page: Page;
  label: string;
  /** The findings section whose counts the link shows; `null` = none of one section. */
  section: Section | null;
  group: NavGroup;
};

/** The sidebar, in order. */
export const NAV: ReadonlyArray<NavItem> = [
  { page: "overview", label: "Overview", section: "framework", group: "sections" },
  { page: "parties", label: "Parties", section: "parties", group: "sections" },
  { page: "platforms", label: "Platforms", section: "platforms", group: "sections" },
  { page: "capabilities", label: "Capabilities", section: "capabilities", group: "sections" },
  { page: "matrix", label: "Compatibility matrix", section: "matrix", group: "sections" },
  { page: "raci", label: "RACI", section: "raci", group: "sections" },
  { page: "data_quality", label: "Data quality", section: "data_quality", group: "sections" },
  { page: "hard_stops", label: "Hard stops", section: "hard_stops", group: "sections" },
  { page: "compliance_rules", label: "Compliance rules", section: "compliance_rules", group: "sections" },
  { page: "override_policy", label: "Override policy", section: "override_policy", group: "sections" },
  { page: "review_schedule", label: "Review schedule", section: "review_schedule", group: "sections" },
  { page: "coverage", label: "Coverage", section: "coverage", group: "sections" },
  { page: "findings", label: "Findings", section: null, group: "sections" },
  { page: "versions", label: "Versions", section: null, group: "publishing" },
  { page: "reviews", label: "Reviews", section: null, group: "publishing" },
];

const PAGES = new Set<string>(NAV.map((n) => n.page));

/** Whether a page shows the counts of every finding (the Findings page). */
export function countsAllFindings(page: Page): boolean {
  return page === "findings";
}

/** The page that shows a section's items. */
export function pageOfSection(section: Section): Page {
  return section === "framework" ? "overview" : section;
}

/** The link to a page. */
export function pageHref(page: Page): string {
  return `#/${page}`;
}

/** The link to one item of a page ("#/hard_stops/daily-cap"), which opens its editor. */
export function itemHref(page: Page, item: string): string {
  return `#/${page}/${encodeURIComponent(item)}`;
}

/** The page and item a location hash names: "#/hard_stops/daily-cap" -> hard_stops, daily-cap. */
function parseHash(hash: string): { page: string; item: string | null } {
  const rest = hash.replace(/^#\/?/, "");
  const slash = rest.indexOf("/");
  if (slash < 0) return { page: rest, item: null };
  const raw = rest.slice(slash + 1);
  let item: string | null;
  try {
    item = decodeURIComponent(raw);
  } catch {
    item = raw;
  }
  return { page: rest.slice(0, slash), item: item === "" ? null : item };
}

/** The page a location hash ("#/matrix", "#/hard_stops/daily-cap") names; the overview for anything else. */
export function pageFromHash(hash: string): Page {
  const { page } = parseHash(hash);
  return PAGES.has(page) ? (page as Page) : "overview";
}

/** The item a location hash names on `page` ("#/hard_stops/daily-cap" -> "daily-cap"), or `null`. */
export function itemFromHash(hash: string, page: Page): string | null {
  const parsed = parseHash(hash);
  return parsed.page === page ? parsed.item : null;
}
