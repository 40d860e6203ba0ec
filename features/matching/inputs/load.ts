import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { MatchingWeights } from "@/features/matching/engine/schemas";
import { effectiveMatchingSettings, groupRanked } from "./defaults";

// The one read of a cohort's matching inputs, for the matching runs (features/matching/runs builds the engine
// instance from it). Not scoped: the caller has already checked that the actor may run matching for the cohort.
// It does not read the cohort's placements themselves: the caller does (once), and looks each one up here.

export type MatchingInputsClient = PrismaClient | Prisma.TransactionClient;

export interface MatchingInputs {
  /** Live (not withdrawn) placements of the cohort that ranked host units → their ids, first choice first (absent: none). */
  preferences: Map<string, string[]>;
  /** Live placements that ranked fields of work → the field ids, first choice first (absent: none). */
  fieldPreferences: Map<string, string[]>;
  /** Host units with wishes → the live placements they wish for, most wished first. */
  wishes: Map<string, string[]>;
  /** Host units with a band for the cohort (at least one bound) → Rank.level bounds, inclusive, null = open. */
  rankBands: Map<string, { min: number | null; max: number | null }>;
  /** The cohort's weights, or the engine's defaults (features/matching/engine/schemas.ts defaultWeights). */
  weights: MatchingWeights;
  /** At most this many officers of one home department in one unit; null = no cap (the default). */
  maxPerDepartmentPerUnit: number | null;
}

export async function loadMatchingInputs(client: MatchingInputsClient, cohortId: string): Promise<MatchingInputs> {
  const live = { cohortId, status: { not: "WITHDRAWN" as const } };
  const [preferenceRows, fieldRows, wishRows, bandRows, settings] = await Promise.all([
    client.matchingPreference.findMany({ where: { placement: live }, select: { placementId: true, rank: true, hostUnitId: true } }),
    // No relation to Placement in the schema (decision 117): joined here to keep the cohort's live placements.
    client.$queryRaw<{ placementId: string; rank: number; fieldId: string }[]>`
      SELECT f."placementId", f."rank", f."fieldId" FROM "MatchingFieldPreference" f JOIN "Placement" p ON p."id" = f."placementId"
      WHERE p."cohortId" = ${cohortId} AND p."status" <> 'WITHDRAWN'`,
    client.matchingWish.findMany({ where: { cohortId, placement: live }, select: { hostUnitId: true, rank: true, placementId: true } }),
    client.hostUnitRankBand.findMany({ where: { cohortId, OR: [{ rankMinLevel: { not: null } }, { rankMaxLevel: { not: null } }] }, select: { hostUnitId: true, rankMinLevel: true, rankMaxLevel: true } }),
    client.cohortMatchingSettings.findUnique({ where: { cohortId } }),
  ]);
  const preferences = groupRanked(preferenceRows, (row) => row.placementId, (row) => row.hostUnitId);
  const fieldPreferences = groupRanked(fieldRows, (row) => row.placementId, (row) => row.fieldId);
  const wishes = groupRanked(wishRows, (row) => row.hostUnitId, (row) => row.placementId);
  const rankBands = new Map(bandRows.map((band) => [band.hostUnitId, { min: band.rankMinLevel, max: band.rankMaxLevel }]));
  return { preferences, fieldPreferences, wishes, rankBands, ...effectiveMatchingSettings(settings) };
}
