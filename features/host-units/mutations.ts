import "server-only";
import { refuseStaleEdit } from "@/lib/last-change";
import { findChangedFields, type ChangedFieldLabels } from "@/lib/mutation-support";

import { writeAudit } from "@/lib/audit";
import { cohortResource, isAllowed, type Actor } from "@/lib/authorization";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { readDatabaseError } from "@/lib/database-errors";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { SetCapacityInput } from "./schemas";

/** Audit entries of a capacity: one entity per (host unit, cohort), so a stale edit names who changed that one. */
export const capacityEntityType = "HostUnitCapacity";
export const capacityEntityId = (hostUnitId: string, cohortId: string) => `${hostUnitId}:${cohortId}`;

/** The capacity as a stale-edit refusal lists it (decision 057). */
const capacityFieldLabels: ChangedFieldLabels<{ capacity: number; version: number }> = {
  capacity: { labelKey: "audit.fields.capacity", value: (current) => ({ text: String(current.capacity) }) },
};

/**
 * Sets a host unit's capacity for one cohort — the host side's coordinator only. The edit carries the version it
 * started from (none while the default applied); a capacity below the places already taken is refused by the
 * database trigger, which locks the host unit row so that a concurrent assignment cannot slip past.
 */
export async function setHostUnitCapacity(actor: Actor, request: RequestContext, input: SetCapacityInput) {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) throw new ForbiddenError();
  try {
    return await db.$transaction(async (tx) => {
      const unit = await tx.hostUnit.findFirst({ where: { id: input.hostUnitId, jurisdictionId: actor.jurisdictionId! } });
      if (!unit) throw new NotFoundError();
      const cohort = await tx.cohort.findFirst({ where: { id: input.cohortId, hostJurisdictionId: unit.jurisdictionId } });
      if (!cohort) throw new NotFoundError();
      if (
        !isAllowed(actor, "hostUnit:manageCapacity", { kind: "hostUnit", id: unit.id, jurisdictionId: unit.jurisdictionId }) ||
        !isAllowed(actor, "hostUnit:manageCapacity", cohortResource(cohort))
      ) {
        throw new AppError("capacityNotHostSide");
      }
      const entityId = capacityEntityId(unit.id, cohort.id);
      const key = { hostUnitId_cohortId: { hostUnitId: unit.id, cohortId: cohort.id } };
      const [current] = await runQuery(
        sqlBuilder.selectFrom("HostUnitCapacity").select(["capacity", "version"]).where("hostUnitId", "=", unit.id).where("cohortId", "=", cohort.id).forUpdate(),
        tx,
      );
      if ((current?.version ?? null) !== input.version) {
        // What changed since: the capacity now (a user who saw no saved capacity started before version 1).
        const changes = current ? await findChangedFields(tx, capacityEntityType, entityId, current, input.version ?? 0, capacityFieldLabels) : [];
        return refuseStaleEdit(tx, capacityEntityType, entityId, new Date(), changes);
      }
      const saved = current
        ? await tx.hostUnitCapacity.update({ where: key, data: { capacity: input.capacity, version: { increment: 1 } } })
        : await tx.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: cohort.id, capacity: input.capacity } });
      await writeAudit(tx, actor, request, {
        action: "hostUnit.setCapacity",
        entityType: capacityEntityType,
        entityId,
        before: { hostUnit: unit.code, cohort: cohort.code, capacity: current?.capacity ?? unit.defaultCapacity },
        after: { hostUnit: unit.code, cohort: cohort.code, capacity: saved.capacity },
      });
      const names = (record: { nameEn: string; nameZhHant: string; nameZhHans: string }) => ({ nameEn: record.nameEn, nameZhHant: record.nameZhHant, nameZhHans: record.nameZhHans });
      return { capacity: saved.capacity, version: saved.version, hostUnit: names(unit), cohort: names(cohort) };
    });
  } catch (error) {
    const details = readDatabaseError(error);
    if (details?.constraint === "HostUnitCapacity_not_below_used") throw new AppError("capacityBelowUsed", {}, { capacity: ["capacityBelowUsed"] });
    // Two first-time saves at once: the loser meets the primary key and is told to reload, like any stale edit.
    if (details?.code === "23505") throw new AppError("tryAgain");
    throw error;
  }
}
