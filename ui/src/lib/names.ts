// Resolving ids to the names people gave them.
import type { Finding, Framework, Section } from "./bindings";

export type Named = { id: string; name: string };

export type Resolved = {
  /** The name to show; for a dangling reference, the id itself. */
  text: string;
  /** False when no item has this id (a broken reference the validator reports). */
  known: boolean;
  /** A second line about the item (a party's title), when the index has one. */
  detail?: string;
};

export class NameIndex {
  private readonly map: Map<string, string>;
  private readonly details: Map<string, string>;

  constructor(items: ReadonlyArray<Named>) {
    this.map = new Map(items.map((i) => [i.id, i.name]));
    this.details = new Map();
  }

  /** An index whose items also carry a detail (such as a party's title). */
  static withDetail<T extends Named>(items: ReadonlyArray<T>, detail: (item: T) => string): NameIndex {
    const index = new NameIndex(items);
    for (const i of items) index.details.set(i.id, detail(i));
    return index;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  resolve(id: string): Resolved {
    const name = this.map.get(id);
    if (name === undefined) return { text: id, known: false };
    const detail = this.details.get(id);
    return detail ? { text: name, known: true, detail } : { text: name, known: true };
  }

  /** The name, or "id (unknown)" for a reference to nothing. */
  name(id: string): string {
    const name = this.map.get(id);
    return name === undefined ? `${id} (unknown)` : name;
  }

  resolveAll(ids: ReadonlyArray<string>): Resolved[] {
    return ids.map((id) => this.resolve(id));
  }
}

/** Name lookups for every kind of item other items point at. Build once per framework. */
export type Names = {
  parties: NameIndex;
  platforms: NameIndex;
  capabilities: NameIndex;
};

export function buildNames(fw: Framework): Names {
  return {
    parties: NameIndex.withDetail(fw.parties, (p) => p.title),
    platforms: new NameIndex(fw.platforms),
    capabilities: new NameIndex(fw.capabilities),
  };
}

function indexBy<T extends { id: string }>(items: ReadonlyArray<T>, name: (x: T) => string): Map<string, string> {
  return new Map(items.map((x) => [x.id, name(x)]));
}

/**
 * A function naming the item a finding is about ("Media buying on Meta Ads" for a matrix cell),
 * or `null` when the finding is about a section as a whole or its item is not found.
 */
export function buildItemLabeller(fw: Framework): (f: Finding) => string | null {
  const maps: Partial<Record<Section, Map<string, string>>> = {
    parties: indexBy(fw.parties, (p) => p.name),
    platforms: indexBy(fw.platforms, (p) => p.name),
    capabilities: indexBy(fw.capabilities, (c) => c.name),
    // Overload warnings name a party; the others an activity.
    raci: new Map([...indexBy(fw.parties, (p) => p.name), ...indexBy(fw.raci, (a) => a.name)]),
    data_quality: indexBy(fw.data_quality, (d) => d.data_input),
    hard_stops: indexBy(fw.hard_stops, (h) => h.name),
    compliance_rules: indexBy(fw.compliance_rules, (r) => r.name),
  };
  const caps = maps.capabilities!;
  const plats = maps.platforms!;
  return (f) => {
    if (f.item === null) return null;
    if (f.section === "matrix") {
      const slash = f.item.indexOf("/");
      if (slash < 0) return null;
      const cap = caps.get(f.item.slice(0, slash));
      const plat = plats.get(f.item.slice(slash + 1));
      return cap !== undefined && plat !== undefined ? `${cap} on ${plat}` : null;
    }
    return maps[f.section]?.get(f.item) ?? null;
  };
}
