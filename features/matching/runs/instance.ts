import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { MatchingInstance } from "@/features/matching/engine/schemas";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { loadMatchingInputs } from "@/features/matching/inputs/load";

// Turns a cohort as it stands into an engine instance (docs/matching-format.md). Officers are the cohort's live
// placements (officer id = placement id, so preferences and wishes — both kept per placement — need no mapping);
// units are the host side's active units, plus any unit already holding one of those placements so that a kept
// assignment stays valid. Capacity is the cohort's places (every live placement is an officer of the instance).

export type Tx = Prisma.TransactionClient;

/** What the run keeps beside the instance: the placement's version and state when it was proposed. */
export interface InstancePlacement {
  version: number;
  officerId: string;
  hostUnitId: string | null;
  status: string;
}

export interface CohortInstance {
  instance: MatchingInstance;
  placements: Record<string, InstancePlacement>;
}

export interface InstanceRules {
  pinned?: [string, string][];
  forbidden?: [string, string][];
  released?: string[];
}

/**
 * Reads in three statements (the inputs, the officers, the units), whatever the cohort's size: inside the propose
 * transaction each model query, and each relation a model query selects, ran one after another (bench/matching-propose.ts).
 */
export async function buildCohortInstance(tx: Tx, cohort: { id: string; hostJurisdictionId: string }, rules: InstanceRules = {}): Promise<CohortInstance> {
  const cohortId = cohort.id;
  const inputs = await loadMatchingInputs(tx, cohortId);
  const placements = await runQuery(
    sqlBuilder
      .selectFrom("Placement as p")
      .innerJoin("Officer as o", "o.id", "p.officerId")
      .innerJoin("Rank as r", "r.id", "o.rankId")
      .select(["p.id", "p.version", "p.status", "p.hostUnitId", "p.officerId", "o.departmentId", "r.level as rankLevel"])
      .select((eb) => jsonArrayFrom(eb.selectFrom("OfficerField as f").select("f.fieldId").whereRef("f.officerId", "=", "o.id").orderBy("f.fieldId")).as("fields"))
      .where("p.cohortId", "=", cohortId)
      .where("p.status", "<>", "WITHDRAWN")
      .orderBy("p.id"),
    tx,
  );
  // The host side's active units, and any unit holding one of the cohort's placements. Capacity is the cohort's own or
  // the unit's default, with no places taken from outside: every live placement is an officer of the instance. (One
  // nominated between these statements is not; accepting checks each place again under lock, so a pair that no longer
  // fits is refused with its reason, never placed over capacity.)
  const units = await runQuery(
    sqlBuilder
      .selectFrom("HostUnit as h")
      .leftJoin("HostUnitCapacity as c", (join) => join.onRef("c.hostUnitId", "=", "h.id").on("c.cohortId", "=", cohortId))
      .select(["h.id", "h.defaultCapacity", "c.capacity"])
      .select((eb) => jsonArrayFrom(eb.selectFrom("HostUnitField as f").select("f.fieldId").whereRef("f.hostUnitId", "=", "h.id").orderBy("f.fieldId")).as("fields"))
      .where("h.jurisdictionId", "=", cohort.hostJurisdictionId)
      .where((eb) =>
        eb.or([
          eb("h.active", "=", true),
          eb("h.id", "in", eb.selectFrom("Placement as p").select("p.hostUnitId").where("p.cohortId", "=", cohortId).where("p.status", "<>", "WITHDRAWN").where("p.hostUnitId", "is not", null)),
        ]),
      )
      .orderBy("h.id"),
    tx,
  );
  const unitIds = new Set(units.map((unit) => unit.id));
  const placementIds = new Set(placements.map((placement) => placement.id));

  const instance: MatchingInstance = {
    officers: placements.map((placement) => ({
      id: placement.id,
      department: placement.departmentId,
      rank: placement.rankLevel,
      fields: placement.fields.map((field) => field.fieldId),
      preferences: (inputs.preferences.get(placement.id) ?? []).filter((unitId) => unitIds.has(unitId)),
      fieldPreferences: inputs.fieldPreferences.get(placement.id) ?? [],
      // Assigned or approved placements are kept unless released; a nomination is free.
      assignedUnitId: placement.status !== "NOMINATED" && placement.hostUnitId !== null && unitIds.has(placement.hostUnitId) ? placement.hostUnitId : null,
    })),
    units: units.map((unit) => {
      const band = inputs.rankBands.get(unit.id);
      return {
        id: unit.id,
        capacity: Math.max(0, unit.capacity ?? unit.defaultCapacity),
        fields: unit.fields.map((field) => field.fieldId),
        rankMin: band?.min ?? null,
        rankMax: band?.max ?? null,
        wishes: (inputs.wishes.get(unit.id) ?? []).filter((placementId) => placementIds.has(placementId)),
      };
    }),
    rules: {
      maxPerDepartmentPerUnit: inputs.maxPerDepartmentPerUnit,
      pinned: rules.pinned ?? [],
      forbidden: rules.forbidden ?? [],
      released: rules.released ?? [],
    },
    weights: inputs.weights,
  };
  return {
    instance,
    placements: Object.fromEntries(
      placements.map((placement) => [placement.id, { version: placement.version, officerId: placement.officerId, hostUnitId: placement.hostUnitId, status: placement.status }]),
    ),
  };
}
