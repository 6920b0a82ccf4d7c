// Responsibility areas × services, matching areas across services by name, so one sees
// responsibility move to the provider as services get more managed. Pure.
import type { AssignmentValue } from "./assignment";

export interface HeatmapServiceInput {
  slug: string;
  name: string;
  category: string;
  areas: { name: string; assignment: AssignmentValue }[];
}

export interface HeatmapColumn {
  slug: string;
  name: string;
  category: string;
  /** 0 = the customer carries everything, 1 = the provider does (n/a areas ignored). */
  providerShare: number;
}

export interface HeatmapRow {
  key: string;
  name: string;
  /** One per column; null where the service has no such area. */
  cells: (AssignmentValue | null)[];
}

export interface Heatmap {
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
}

const weight: Record<AssignmentValue, number | null> = {
  provider: 1,
  "third-party": 1,
  shared: 0.5,
  "best-effort": 0.25,
  customer: 0,
  "n/a": null,
};

/** "Backups & Snapshots" and "backups and snapshots" are one area. */
export function areaMatchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function providerShare(areas: readonly { assignment: AssignmentValue }[]): number {
  const weights = areas.map((a) => weight[a.assignment]).filter((w): w is number => w !== null);
  return weights.length ? weights.reduce((s, w) => s + w, 0) / weights.length : 0;
}

/**
 * How much a service model leaves to the provider, least first. Row counts alone mislead (a SaaS
 * matrix lists mostly what is left to the customer), so the category orders first.
 */
const categoryRank: Record<string, number> = { IaaS: 0, STaaS: 1, DBaaS: 1, CaaS: 2, FaaS: 3, PaaS: 3, SaaS: 4 };

/** Columns go from least to most managed (category, then provider share; stable); rows keep first-seen order. */
export function buildHeatmap(services: readonly HeatmapServiceInput[]): Heatmap {
  const rank = (category: string) => categoryRank[category] ?? 2;
  const ordered = services
    .map((s, index) => ({ s, index, share: providerShare(s.areas) }))
    .sort((a, b) => rank(a.s.category) - rank(b.s.category) || a.share - b.share || a.index - b.index);
  const rows = new Map<string, HeatmapRow>();
  ordered.forEach(({ s }, column) => {
    for (const area of s.areas) {
      const key = areaMatchKey(area.name);
      let row = rows.get(key);
      if (!row) {
        row = { key, name: area.name, cells: ordered.map(() => null) };
        rows.set(key, row);
      }
      row.cells[column] ??= area.assignment;
    }
  });
  return {
    columns: ordered.map(({ s, share }) => ({
      slug: s.slug,
      name: s.name,
      category: s.category,
      providerShare: share,
    })),
    rows: [...rows.values()],
  };
}
