import { defaultWeights, type MatchingWeights } from "@/features/matching/engine/schemas";

// Pure: what a cohort's stored matching settings mean for the engine, with the documented defaults where nothing is
// stored (decision 101: no row means weights 4, 3, 2, 1 and no department cap).

export interface StoredMatchingSettings {
  fieldFitWeight: number;
  preferenceWeight: number;
  wishWeight: number;
  rankBandWeight: number;
  maxPerDepartmentPerUnit: number | null;
}

export interface EffectiveMatchingSettings {
  weights: MatchingWeights;
  maxPerDepartmentPerUnit: number | null;
}

/** The engine's weights and department cap for a cohort's settings row, or the defaults when there is none. */
export function effectiveMatchingSettings(stored: StoredMatchingSettings | null): EffectiveMatchingSettings {
  if (!stored) return { weights: { ...defaultWeights }, maxPerDepartmentPerUnit: null };
  return {
    weights: { fieldFit: stored.fieldFitWeight, preference: stored.preferenceWeight, wish: stored.wishWeight, rankBand: stored.rankBandWeight },
    maxPerDepartmentPerUnit: stored.maxPerDepartmentPerUnit,
  };
}

/** The stored form of the default weights, for "reset to defaults" on the settings form. */
export const defaultStoredWeights = {
  fieldFitWeight: defaultWeights.fieldFit,
  preferenceWeight: defaultWeights.preference,
  wishWeight: defaultWeights.wish,
  rankBandWeight: defaultWeights.rankBand,
} as const;

/** Rows of a ranked list (any order) grouped by owner, each list first choice first. */
export function groupRanked<Row extends { rank: number }>(rows: readonly Row[], owner: (row: Row) => string, item: (row: Row) => string): Map<string, string[]> {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const lists = new Map<string, string[]>();
  for (const row of sorted) {
    const key = owner(row);
    const list = lists.get(key);
    if (list) list.push(item(row));
    else lists.set(key, [item(row)]);
  }
  return lists;
}
