import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { runQuery, sqlBuilder } from "@/lib/kysely";
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
  // One statement (each list a JSON array): inside the propose transaction, five model queries ran one after another
  // and cost about as much as the rest of the instance's read (bench/matching-propose.ts).
  const [row] = await runQuery(
    sqlBuilder.selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom("MatchingPreference as m")
          .innerJoin("Placement as p", "p.id", "m.placementId")
          .select(["m.placementId", "m.rank", "m.hostUnitId"])
          .where("p.cohortId", "=", cohortId)
          .where("p.status", "<>", "WITHDRAWN"),
      ).as("preferences"),
      // No relation to Placement in the schema (decision 117): joined here to keep the cohort's live placements.
      jsonArrayFrom(
        eb
          .selectFrom("MatchingFieldPreference as f")
          .innerJoin("Placement as p", "p.id", "f.placementId")
          .select(["f.placementId", "f.rank", "f.fieldId"])
          .where("p.cohortId", "=", cohortId)
          .where("p.status", "<>", "WITHDRAWN"),
      ).as("fieldPreferences"),
      jsonArrayFrom(
        eb
          .selectFrom("MatchingWish as w")
          .innerJoin("Placement as p", "p.id", "w.placementId")
          .select(["w.hostUnitId", "w.rank", "w.placementId"])
          .where("w.cohortId", "=", cohortId)
          .where("p.cohortId", "=", cohortId)
          .where("p.status", "<>", "WITHDRAWN"),
      ).as("wishes"),
      jsonArrayFrom(
        eb
          .selectFrom("HostUnitRankBand as b")
          .select(["b.hostUnitId", "b.rankMinLevel", "b.rankMaxLevel"])
          .where("b.cohortId", "=", cohortId)
          .where((band) => band.or([band("b.rankMinLevel", "is not", null), band("b.rankMaxLevel", "is not", null)])),
      ).as("bands"),
      jsonObjectFrom(
        eb
          .selectFrom("CohortMatchingSettings as s")
          .select(["s.fieldFitWeight", "s.preferenceWeight", "s.wishWeight", "s.rankBandWeight", "s.maxPerDepartmentPerUnit"])
          .where("s.cohortId", "=", cohortId),
      ).as("settings"),
    ]),
    client,
  );
  const preferences = groupRanked(row.preferences, (preference) => preference.placementId, (preference) => preference.hostUnitId);
  const fieldPreferences = groupRanked(row.fieldPreferences, (preference) => preference.placementId, (preference) => preference.fieldId);
  const wishes = groupRanked(row.wishes, (wish) => wish.hostUnitId, (wish) => wish.placementId);
  const rankBands = new Map(row.bands.map((band) => [band.hostUnitId, { min: band.rankMinLevel, max: band.rankMaxLevel }]));
  return { preferences, fieldPreferences, wishes, rankBands, ...effectiveMatchingSettings(row.settings) };
}
