import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { MatchingInstance } from "@/features/matching/engine/schemas";
import { loadMatchingInputs } from "@/features/matching/inputs/load";

// Turns a cohort as it stands into an engine instance (docs/matching-format.md). Officers are the cohort's live
// placements (officer id = placement id, so preferences and wishes — both kept per placement — need no mapping);
// units are the host side's active units, plus any unit already holding one of those placements so that a kept
// assignment stays valid. Capacity is the cohort's places minus those taken by live placements outside the instance.

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

export async function buildCohortInstance(tx: Tx, cohortId: string, rules: InstanceRules = {}): Promise<CohortInstance> {
  const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, hostJurisdictionId: true } });
  const [placements, inputs] = await Promise.all([
    tx.placement.findMany({
      where: { cohortId, status: { not: "WITHDRAWN" } },
      select: {
        id: true,
        version: true,
        status: true,
        hostUnitId: true,
        officerId: true,
        officer: { select: { departmentId: true, rank: { select: { level: true } }, fields: { select: { fieldId: true } } } },
      },
      orderBy: { id: "asc" },
    }),
    loadMatchingInputs(tx, cohortId),
  ]);
  const heldUnitIds = [...new Set(placements.map((placement) => placement.hostUnitId).filter((id): id is string => id !== null))];
  const units = await tx.hostUnit.findMany({
    where: { jurisdictionId: cohort.hostJurisdictionId, OR: [{ active: true }, { id: { in: heldUnitIds } }] },
    select: {
      id: true,
      defaultCapacity: true,
      fields: { select: { fieldId: true } },
      capacities: { where: { cohortId }, select: { capacity: true } },
    },
    orderBy: { id: "asc" },
  });
  const unitIds = new Set(units.map((unit) => unit.id));
  const placementIds = new Set(placements.map((placement) => placement.id));
  // Places taken by live placements of the cohort that are not officers of this instance (none today: every live
  // placement is in it; kept general so a narrower instance stays correct).
  const takenOutside = await tx.placement.groupBy({
    by: ["hostUnitId"],
    where: { cohortId, status: { not: "WITHDRAWN" }, hostUnitId: { in: [...unitIds] }, id: { notIn: [...placementIds] } },
    _count: { _all: true },
  });
  const outside = new Map(takenOutside.map((row) => [row.hostUnitId, row._count._all]));

  const instance: MatchingInstance = {
    officers: placements.map((placement) => ({
      id: placement.id,
      department: placement.officer.departmentId,
      rank: placement.officer.rank.level,
      fields: placement.officer.fields.map((field) => field.fieldId),
      preferences: (inputs.preferences.get(placement.id) ?? []).filter((unitId) => unitIds.has(unitId)),
      fieldPreferences: inputs.fieldPreferences.get(placement.id) ?? [],
      // Assigned or approved placements are kept unless released; a nomination is free.
      assignedUnitId: placement.status !== "NOMINATED" && placement.hostUnitId !== null && unitIds.has(placement.hostUnitId) ? placement.hostUnitId : null,
    })),
    units: units.map((unit) => {
      const band = inputs.rankBands.get(unit.id);
      const capacity = unit.capacities[0]?.capacity ?? unit.defaultCapacity;
      return {
        id: unit.id,
        capacity: Math.max(0, capacity - (outside.get(unit.id) ?? 0)),
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
