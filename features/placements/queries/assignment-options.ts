import "server-only";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, type Actor } from "@/lib/authorization";
import { findCohortForActor } from "@/features/cohorts/queries";
import type { TrilingualName } from "@/lib/i18n/locales";
import { trilingualNameSelect } from "@/lib/i18n/locales";

export interface HostUnitOption extends TrilingualName {
  id: string;
  district: string | null;
  capacity: number;
  used: number;
  remaining: number;
  fieldIds: string[];
}

/**
 * The host side's active host units with their places for this cohort (its own capacity, else the unit's
 * default) and fields, for the host side's assignment form. The counts are a guide: the database re-checks them
 * under a row lock at the moment of assignment.
 */
export async function findHostUnitOptions(actor: Actor, cohortId: string, currentHostUnitId?: string | null): Promise<HostUnitOption[]> {
  const cohort = await findCohortForActor(actor, cohortId);
  if (!cohort || !isAllowed(actor, "placement:assign", cohortResource(cohort))) return [];
  const [units, used] = await Promise.all([
    db.hostUnit.findMany({
      // A placement keeps showing its unit after the unit is deactivated, so an edit of the post need not move it.
      where: { jurisdictionId: cohort.hostJurisdictionId, OR: [{ active: true }, ...(currentHostUnitId ? [{ id: currentHostUnitId }] : [])] },
      orderBy: { code: "asc" },
      select: {
        id: true,
        district: true,
        defaultCapacity: true,
        ...trilingualNameSelect,
        capacities: { where: { cohortId: cohort.id }, select: { capacity: true } },
        fields: { select: { fieldId: true } },
      },
    }),
    db.placement.groupBy({ by: ["hostUnitId"], where: { cohortId: cohort.id, status: { not: "WITHDRAWN" }, hostUnitId: { not: null } }, _count: { _all: true } }),
  ]);
  const usedByUnit = new Map(used.map((row) => [row.hostUnitId, row._count._all]));
  return units.map((unit) => {
    const capacity = unit.capacities[0]?.capacity ?? unit.defaultCapacity;
    const taken = usedByUnit.get(unit.id) ?? 0;
    return {
      id: unit.id,
      nameEn: unit.nameEn,
      nameZhHant: unit.nameZhHant,
      nameZhHans: unit.nameZhHans,
      district: unit.district,
      capacity,
      used: taken,
      remaining: Math.max(0, capacity - taken),
      fieldIds: unit.fields.map((field) => field.fieldId),
    };
  });
}

export interface FieldOption extends TrilingualName {
  id: string;
}

export async function findFieldOptions(): Promise<FieldOption[]> {
  return db.field.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, ...trilingualNameSelect } });
}
