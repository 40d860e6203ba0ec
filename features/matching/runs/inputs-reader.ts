import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { defaultWeights, type MatchingWeights } from "@/features/matching/engine/schemas";

// A small private reader of the matching-inputs tables (decision 101) with the return shape of the matchin lane's
// `loadMatchingInputs(dbOrTx, cohortId)` (features/matching/inputs/load.ts), so that the integrator can swap this file
// for theirs: ranked lists first choice first, weights and cap with the engine's documented defaults applied.

export interface MatchingInputs {
  /** placementId → host unit ids, first choice first. */
  preferences: Map<string, string[]>;
  /** hostUnitId → placement ids, most wished first. */
  wishes: Map<string, string[]>;
  /** hostUnitId → inclusive rank band over Rank.level; null is open on that side. */
  rankBands: Map<string, { min: number | null; max: number | null }>;
  weights: MatchingWeights;
  /** null: no department cap. */
  maxPerDepartmentPerUnit: number | null;
}

type Reader = Pick<Prisma.TransactionClient, "matchingPreference" | "matchingWish" | "hostUnitRankBand" | "cohortMatchingSettings">;

function pushTo(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function readMatchingInputs(reader: Reader, cohortId: string): Promise<MatchingInputs> {
  const [preferenceRows, wishRows, bandRows, settings] = await Promise.all([
    reader.matchingPreference.findMany({
      where: { placement: { cohortId } },
      select: { placementId: true, hostUnitId: true },
      orderBy: [{ placementId: "asc" }, { rank: "asc" }],
    }),
    reader.matchingWish.findMany({ where: { cohortId }, select: { hostUnitId: true, placementId: true }, orderBy: [{ hostUnitId: "asc" }, { rank: "asc" }] }),
    reader.hostUnitRankBand.findMany({ where: { cohortId }, select: { hostUnitId: true, rankMinLevel: true, rankMaxLevel: true } }),
    reader.cohortMatchingSettings.findUnique({ where: { cohortId } }),
  ]);
  const preferences = new Map<string, string[]>();
  for (const row of preferenceRows) pushTo(preferences, row.placementId, row.hostUnitId);
  const wishes = new Map<string, string[]>();
  for (const row of wishRows) pushTo(wishes, row.hostUnitId, row.placementId);
  const rankBands = new Map(bandRows.map((row) => [row.hostUnitId, { min: row.rankMinLevel, max: row.rankMaxLevel }]));
  const weights: MatchingWeights = settings
    ? { fieldFit: settings.fieldFitWeight, preference: settings.preferenceWeight, wish: settings.wishWeight, rankBand: settings.rankBandWeight }
    : { ...defaultWeights };
  return { preferences, wishes, rankBands, weights, maxPerDepartmentPerUnit: settings?.maxPerDepartmentPerUnit ?? null };
}
