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
  | "override_policy"
  | "review_schedule"
  | "findings";

export type NavItem = {
  page: Page;
  label: string;
  /** The findings section whose counts the link shows; `null` = all findings. */
  section: Section | null;
};

/** The sidebar, in order. */
export const NAV: ReadonlyArray<NavItem> = [
  { page: "overview", label: "Overview", section: "framework" },
  { page: "parties", label: "Parties", section: "parties" },
  { page: "platforms", label: "Platforms", section: "platforms" },
  { page: "capabilities", label: "Capabilities", section: "capabilities" },
  { page: "matrix", label: "Compatibility matrix", section: "matrix" },
  { page: "raci", label: "RACI", section: "raci" },
  { page: "data_quality", label: "Data quality", section: "data_quality" },
  { page: "hard_stops", label: "Hard stops", section: "hard_stops" },
  { page: "override_policy", label: "Override policy", section: "override_policy" },
  { page: "review_schedule", label: "Review schedule", section: "review_schedule" },
  { page: "findings", label: "Findings", section: null },
];

const PAGES = new Set<string>(NAV.map((n) => n.page));

/** The page that shows a section's items. */
export function pageOfSection(section: Section): Page {
  return section === "framework" ? "overview" : section;
}

/** The link to a page. */
export function pageHref(page: Page): string {
  return `#/${page}`;
}

/** The page a location hash ("#/matrix") names; the overview for anything else. */
export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, "");
  return PAGES.has(name) ? (name as Page) : "overview";
}
