import { describe, expect, it } from "vitest";
import type { Answer, Catalogue, Coverage } from "./bindings";
import {
  answerHref,
  answerText,
  appliesIn,
  coverageCatalogues,
  coverageCounts,
  coverageJurisdictions,
  filterCoverage,
  hasEveryJurisdiction,
  indexCatalogues,
  jurisdictionFilterOf,
  jurisdictionValue,
  jurisdictionsText,
  NO_FILTER,
  notices,
  rulesByJurisdiction,
  searchObligations,
  shortTitle,
} from "./obligations";
import { sampleFramework } from "./test-fixtures";

const ob = (id: string, citation: string, title: string, summary = "") => ({ id, citation, title, summary, topics: [] });
const cat = (id: string, jurisdictions: string[], obligations: ReturnType<typeof ob>[]): Catalogue => ({
  format: 1,
  id,
  title: `${id} title`,
  version: "2024",
  publisher: "P",
  jurisdictions,
  kind: "law",
  source_url: "",
  notice: "Summaries in our own words; not legal advice.",
  obligations,
});
const FTC = cat("ftc", ["US"], [ob("ftc-255-5", "16 CFR 255.5", "Disclosure of material connections", "Say when an endorser is paid.")]);
const GDPR = cat("gdpr", ["EU"], [ob("gdpr-art-22", "GDPR Art. 22", "Automated individual decision-making", "A right to human review.")]);
const NIST = cat("nist", ["*"], [ob("nist-gv-1", "GOVERN 1.1", "Legal requirements are understood"), ob("nist-mg-1", "MANAGE 1.1", "Risks are prioritised")]);
const ALL = [FTC, GDPR, NIST];

const answer = (section: Answer["section"], item: string | null, name: string, jurisdiction: string | null = null): Answer => ({
  section,
  item,
  name,
  path: item ? `${section}[${item}]` : section,
  jurisdiction,
});

const coverage: Coverage = {
  groups: [
    { jurisdiction: "US", catalogue: "ftc", items: [{ obligation: "ftc-255-5", answers: [] }] },
    { jurisdiction: "EU", catalogue: "gdpr", items: [{ obligation: "gdpr-art-22", answers: [answer("capabilities", "buy", "Media buying")] }] },
    {
      jurisdiction: null,
      catalogue: "nist",
      items: [
        { obligation: "nist-gv-1", answers: [answer("override_policy", null, "Override policy")] },
        { obligation: "nist-mg-1", answers: [] },
      ],
    },
  ],
  unmatched_jurisdictions: ["BR"],
};

describe("catalogues", () => {
  it("looks obligations up by id across catalogues", () => {
    const index = indexCatalogues(ALL);
    expect(index.get("gdpr-art-22")?.catalogue.id).toBe("gdpr");
    expect(index.get("gdpr-art-22")?.obligation.citation).toBe("GDPR Art. 22");
    expect(index.has("nope")).toBe(false);
  });

  it("shortens a long title at a word and leaves a short one whole", () => {
    expect(shortTitle("Purpose and definitions")).toBe("Purpose and definitions");
    const long = "Unfair methods of competition unlawful; prevention by Commission: deceptive acts or practices";
    const s = shortTitle(long);
    expect(s.endsWith("…")).toBe(true);
    expect(s.length).toBeLessThanOrEqual(49);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(s).toBe("Unfair methods of competition unlawful…");
  });

  it("names where a catalogue applies and gives each distinct notice once", () => {
    expect(jurisdictionsText(FTC)).toBe("US");
    expect(jurisdictionsText(NIST)).toBe("Every jurisdiction");
    expect(notices(ALL)).toEqual(["Summaries in our own words; not legal advice."]);
  });
});

describe("searching obligations for the picker", () => {
  it("offers every obligation, grouped by catalogue, when nothing is typed", () => {
    const groups = searchObligations(ALL, "");
    expect(groups.map((g) => g.catalogue.id)).toEqual(["ftc", "gdpr", "nist"]);
    expect(groups.every((g) => g.applies)).toBe(true);
  });

  it("matches every typed word in the citation, title, summary or id, in any case", () => {
    expect(searchObligations(ALL, "255.5").map((g) => g.obligations.map((o) => o.id))).toEqual([["ftc-255-5"]]);
    expect(searchObligations(ALL, "HUMAN review").map((g) => g.catalogue.id)).toEqual(["gdpr"]);
    expect(searchObligations(ALL, "human endorser")).toEqual([]);
    expect(searchObligations(ALL, "nist-mg")[0].obligations.map((o) => o.id)).toEqual(["nist-mg-1"]);
  });

  it("leaves out what is already linked, and drops a catalogue left empty", () => {
    const groups = searchObligations(ALL, "", { exclude: ["ftc-255-5", "nist-gv-1"] });
    expect(groups.map((g) => g.catalogue.id)).toEqual(["gdpr", "nist"]);
    expect(groups[1].obligations.map((o) => o.id)).toEqual(["nist-mg-1"]);
  });

  it("puts the catalogues of a rule's jurisdiction first and marks the others", () => {
    const groups = searchObligations(ALL, "", { jurisdiction: "EU" });
    expect(groups.map((g) => [g.catalogue.id, g.applies])).toEqual([
      ["gdpr", true],
      ["nist", true],
      ["ftc", false],
    ]);
  });
});

describe("the Coverage page's filters", () => {
  it("keeps every group with no filter", () => {
    expect(filterCoverage(coverage, NO_FILTER)).toHaveLength(3);
    expect(coverageCounts(coverage.groups)).toEqual({ answered: 2, total: 4, gaps: 2 });
  });

  it("filters by one jurisdiction, or by the catalogues for every jurisdiction", () => {
    const us = filterCoverage(coverage, { ...NO_FILTER, jurisdiction: { kind: "one", jurisdiction: "US" } });
    expect(us.map((g) => g.catalogue)).toEqual(["ftc"]);
    const every = filterCoverage(coverage, { ...NO_FILTER, jurisdiction: { kind: "every" } });
    expect(every.map((g) => g.catalogue)).toEqual(["nist"]);
  });

  it("filters by catalogue and to gaps only, dropping groups left empty", () => {
    expect(filterCoverage(coverage, { ...NO_FILTER, catalogue: "gdpr" }).map((g) => g.jurisdiction)).toEqual(["EU"]);
    const gaps = filterCoverage(coverage, { ...NO_FILTER, gapsOnly: true });
    expect(gaps.map((g) => g.catalogue)).toEqual(["ftc", "nist"]);
    expect(gaps[1].items.map((i) => i.obligation)).toEqual(["nist-mg-1"]);
    // The coverage itself is left as it was.
    expect(coverage.groups[2].items).toHaveLength(2);
  });

  it("reads and writes the jurisdiction filter as a select's value", () => {
    for (const f of [NO_FILTER.jurisdiction, { kind: "every" as const }, { kind: "one" as const, jurisdiction: "UK" }]) {
      expect(jurisdictionFilterOf(jurisdictionValue(f))).toEqual(f);
    }
    // A jurisdiction called "*" is still that jurisdiction, not "every".
    expect(jurisdictionFilterOf(jurisdictionValue({ kind: "one", jurisdiction: "*" }))).toEqual({ kind: "one", jurisdiction: "*" });
  });

  it("offers the jurisdictions and catalogues coverage has, in order", () => {
    expect(coverageJurisdictions(coverage)).toEqual(["US", "EU"]);
    expect(hasEveryJurisdiction(coverage)).toBe(true);
    expect(coverageCatalogues(coverage, [NIST, GDPR, FTC, cat("iso", ["*"], [])]).map((c) => c.id)).toEqual(["nist", "gdpr", "ftc"]);
  });

  it("links an answer to its item, or to its page when it has none, and names it", () => {
    expect(answerHref(answer("hard_stops", "daily-cap", "Daily cap"))).toBe("#/hard_stops/daily-cap");
    expect(answerHref(answer("override_policy", null, "Override policy"))).toBe("#/override_policy");
    expect(answerText(answer("hard_stops", "daily-cap", "Daily cap"))).toBe("Hard stop: Daily cap");
    expect(answerText(answer("compliance_rules", "uk-consent", "Consent", "UK"))).toBe("Compliance rule (UK): Consent");
    expect(answerText(answer("review_schedule", null, "Review schedule"))).toBe("Review schedule");
  });
});

describe("compliance rules by jurisdiction", () => {
  it("lists each declared jurisdiction, with or without rules, then undeclared ones", () => {
    const fw = sampleFramework();
    fw.compliance_rules.push({ ...fw.compliance_rules[0], id: "br", name: "Brazil", jurisdiction: "BR" });
    const groups = rulesByJurisdiction(fw);
    expect(groups.map((g) => [g.jurisdiction, g.declared, g.rules.map((r) => r.id)])).toEqual([
      ["UK", true, ["uk-consent"]],
      ["EU", true, []],
      ["BR", false, ["br"]],
    ]);
    expect(rulesByJurisdiction(fw, "EU")).toEqual([{ jurisdiction: "EU", declared: true, rules: [] }]);
  });
});

describe("appliesIn", () => {
  it("matches a jurisdiction whatever the case of its letters, as core does, and * everywhere", () => {
    const uk = cat("uk", ["UK"], []);
    expect(appliesIn(uk, "UK")).toBe(true);
    expect(appliesIn(uk, "uk")).toBe(true);
    expect(appliesIn(uk, "EU")).toBe(false);
    expect(appliesIn(cat("iso", ["*"], []), "BR")).toBe(true);
  });
});
