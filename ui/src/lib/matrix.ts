// The compatibility matrix: a lookup built once, and the grid the page draws from it.
import type { Finding, Framework, MatrixCell, OperatingMode, PlatformKind, RiskLevel, Support } from "./bindings";
import { formatDate } from "./format";
import { MODE_LABELS, MODE_LETTERS, SUPPORT_GLYPHS, SUPPORT_LABELS } from "./labels";

/** The key of a capability x platform pair; the same form the validator uses as finding item. */
export function cellKey(capability: string, platform: string): string {
  return `${capability}/${platform}`;
}

export function buildMatrixLookup(cells: ReadonlyArray<MatrixCell>): Map<string, MatrixCell> {
  const map = new Map<string, MatrixCell>();
  for (const c of cells) map.set(cellKey(c.capability, c.platform), c);
  return map;
}

/** The support of a pair; a pair without a stored cell has not been assessed: untested. */
export function supportOf(lookup: Map<string, MatrixCell>, capability: string, platform: string): Support {
  return lookup.get(cellKey(capability, platform))?.support ?? "untested";
}

export type GridCell = {
  key: string;
  /** `cell-<capability id>-<platform id>`, the cell's test id. */
  testid: string;
  support: Support;
  /** `null` when no cell is stored for the pair. */
  mode: OperatingMode | null;
  /** Hover text: support, mode, constraints, evidence, last verified. */
  title: string;
  /** The worst severity among the findings about this cell, if any. */
  flag: "error" | "warning" | null;
  /** Everything the page draws, prepared once so that drawing 12,000 cells stays cheap. */
  cls: string;
  glyph: string;
  label: string;
  /** The mode's letter; empty when no cell is stored. */
  letter: string;
};

export type GridRow = { id: string; name: string; cells: GridCell[] };

export type SupportCounts = Record<Support, number>;

export type MatrixGrid = {
  rows: GridRow[];
  counts: SupportCounts;
  /** Stored cells whose capability or platform does not exist (never drawn in the grid). */
  orphans: MatrixCell[];
  /** Every stored cell by `cellKey`. */
  lookup: Map<string, MatrixCell>;
};

function cellTitle(capName: string, platName: string, cell: MatrixCell | undefined): string {
  if (!cell) return `${capName} on ${platName}\nUntested: not assessed yet`;
  const lines = [
    `${capName} on ${platName}`,
    `Support: ${SUPPORT_LABELS[cell.support] ?? cell.support} | Mode: ${MODE_LABELS[cell.mode] ?? cell.mode}`,
  ];
  if (cell.constraints.trim()) lines.push(`Constraints: ${cell.constraints}`);
  if (cell.evidence.trim()) lines.push(`Evidence: ${cell.evidence}`);
  lines.push(`Last verified: ${formatDate(cell.last_verified, "never")}`);
  return lines.join("\n");
}

/**
 * Everything the matrix page draws, computed in one pass: one row per capability, one cell per
 * platform (in the framework's order), with the cell's support (untested when none is stored).
 */
export function buildMatrixGrid(fw: Framework, findings: ReadonlyArray<Finding> = []): MatrixGrid {
  const lookup = buildMatrixLookup(fw.matrix);
  const flags = new Map<string, "error" | "warning">();
  for (const f of findings) {
    if (f.section !== "matrix" || f.item === null) continue;
    if (f.severity === "error" || !flags.has(f.item)) flags.set(f.item, f.severity);
  }
  const counts: SupportCounts = { full: 0, partial: 0, unsupported: 0, untested: 0 };
  const rows: GridRow[] = fw.capabilities.map((cap) => ({
    id: cap.id,
    name: cap.name,
    cells: fw.platforms.map((plat) => {
      const key = cellKey(cap.id, plat.id);
      const cell = lookup.get(key);
      const support = cell?.support ?? "untested";
      const mode = cell?.mode ?? null;
      const flag = flags.get(key) ?? null;
      counts[support] = (counts[support] ?? 0) + 1;
      return {
        key,
        testid: `cell-${cap.id}-${plat.id}`,
        support,
        mode,
        title: cellTitle(cap.name, plat.name, cell),
        flag,
        cls: `cell support-${support}${flag ? ` flag-${flag}` : ""}`,
        glyph: SUPPORT_GLYPHS[support] ?? "",
        label: SUPPORT_LABELS[support] ?? support,
        letter: mode ? (MODE_LETTERS[mode] ?? "") : "",
      };
    }),
  }));
  const capIds = new Set(fw.capabilities.map((c) => c.id));
  const platIds = new Set(fw.platforms.map((p) => p.id));
  const orphans = fw.matrix.filter((c) => !capIds.has(c.capability) || !platIds.has(c.platform));
  return { rows, counts, orphans, lookup };
}

/** Height of a row of a matrix drawn in part (`windowing.ts` works out which rows). */
export const ROW_HEIGHT = 30;

// ---- Filters ----

export type MatrixFilter = {
  /** Support levels to show; empty shows every level. */
  support: ReadonlyArray<Support>;
  /** Capability risk levels to show; empty shows every level. */
  risk: ReadonlyArray<RiskLevel>;
  /** Platform kinds to show; empty shows every kind. */
  kind: ReadonlyArray<PlatformKind>;
};

export const NO_FILTER: MatrixFilter = { support: [], risk: [], kind: [] };

export function isFiltering(f: MatrixFilter): boolean {
  return f.support.length > 0 || f.risk.length > 0 || f.kind.length > 0;
}

/** Whether a cell's support level is one the filter shows. */
export function supportShown(f: MatrixFilter, support: Support): boolean {
  return f.support.length === 0 || f.support.includes(support);
}

export type MatrixSelection = {
  /** Indexes into `grid.rows` (capabilities) shown, in order. */
  rows: number[];
  /** Indexes into the platforms (and each row's cells) shown, in order. */
  cols: number[];
};

/**
 * The capabilities and platforms a filter shows: capabilities of the chosen risk levels, platforms
 * of the chosen kinds, and, with a support filter, only those that have at least one cell of a
 * chosen support level among the others shown.
 */
export function filterMatrix(fw: Framework, grid: MatrixGrid, f: MatrixFilter): MatrixSelection {
  let rows = fw.capabilities.flatMap((c, i) => (f.risk.length === 0 || f.risk.includes(c.risk) ? [i] : []));
  let cols = fw.platforms.flatMap((p, i) => (f.kind.length === 0 || f.kind.includes(p.kind) ? [i] : []));
  if (f.support.length > 0) {
    const want = new Set(f.support);
    const rowHit = new Set<number>();
    const colHit = new Set<number>();
    for (const r of rows) {
      const cells = grid.rows[r].cells;
      for (const c of cols) {
        if (want.has(cells[c].support)) {
          rowHit.add(r);
          colHit.add(c);
        }
      }
    }
    rows = rows.filter((r) => rowHit.has(r));
    cols = cols.filter((c) => colHit.has(c));
  }
  return { rows, cols };
}

/** The rows of the grid a selection shows, each with only the shown columns' cells. */
export function selectGrid(grid: MatrixGrid, sel: MatrixSelection, allCols: number): GridRow[] {
  const everyCol = sel.cols.length === allCols;
  const everyRow = sel.rows.length === grid.rows.length;
  if (everyCol && everyRow) return grid.rows;
  return sel.rows.map((r) => {
    const row = grid.rows[r];
    return everyCol ? row : { ...row, cells: sel.cols.map((c) => row.cells[c]) };
  });
}

/** Splits a cell key back into its capability and platform ids. */
export function splitCellKey(key: string): { capability: string; platform: string } {
  const slash = key.indexOf("/");
  return slash < 0 ? { capability: key, platform: "" } : { capability: key.slice(0, slash), platform: key.slice(slash + 1) };
}
