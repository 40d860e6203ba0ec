import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { actorFromUser } from "@/lib/auth/actor";
import { refusal } from "@/tests/support/refusal";
import { readDatabaseError, translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import { saveReferenceRecord } from "@/features/reference-data/mutations";
import { findReferenceRecord } from "@/features/reference-data/queries";
import { referenceRecordSchema } from "@/features/reference-data/schemas";
import { createCohort, createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { setHostUnitCapacity } from "./mutations";

// Capacity cannot be lowered below the places taken (issue 10 §4): neither a cohort's own capacity by the host
// coordinator nor a host unit's default capacity by an admin — refused by the mutation with a message beside the
// field, and by the database for any writer (migrations 20261127000000 and 20261203100000).
const request = { requestId: "capacity-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;

const actorOf = (user: CreatedUser): Actor => actorFromUser(user);


beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

/** A Shenzhen host unit with default capacity 3 and two live placements (plus a withdrawn one) in a cohort. */
async function unitWithTwoPlacesTaken() {
  const unit = await createHostUnit(db, { jurisdictionId: world.sz.id, defaultCapacity: 3, fieldIds: [world.field.id] });
  const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: world.hkToSz.startDate });
  for (const status of ["ASSIGNED", "CONFIRMED", "WITHDRAWN"] as const) {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, hostUnitId: unit.id, status });
  }
  return { unit, cohort };
}

async function editDefaultCapacity(unitId: string, defaultCapacity: number) {
  const loaded = await findReferenceRecord(actorOf(world.admin), "host-units", unitId);
  const unit = await db.hostUnit.findUniqueOrThrow({ where: { id: unitId } });
  const input = referenceRecordSchema.parse({
    referenceKind: "host-units",
    id: unitId,
    version: loaded!.versionToken,
    jurisdictionId: unit.jurisdictionId,
    code: unit.code,
    district: unit.district ?? "",
    defaultCapacity: String(defaultCapacity),
    fieldIds: [world.field.id],
    nameEn: unit.nameEn,
    nameZhHant: unit.nameZhHant,
    nameZhHans: unit.nameZhHans,
  });
  return saveReferenceRecord(actorOf(world.admin), request, input);
}

describe("a host unit's default capacity", () => {
  it("cannot be lowered by an admin below the places taken in a cohort that uses it", async () => {
    const { unit } = await unitWithTwoPlacesTaken();
    const error = await refusal(editDefaultCapacity(unit.id, 1));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ messageKey: "capacityBelowUsed", fieldErrors: { defaultCapacity: ["capacityBelowUsed"] } });
    expect(await db.hostUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ defaultCapacity: 3, version: unit.version });
    expect(await db.auditLog.count({ where: { entityId: unit.id } })).toBe(0);
    // Down to exactly the places taken is fine.
    await editDefaultCapacity(unit.id, 2);
    expect(await db.hostUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ defaultCapacity: 2 });
  });

  it("may go below a cohort's places when that cohort has its own capacity", async () => {
    const { unit, cohort } = await unitWithTwoPlacesTaken();
    await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: cohort.id, capacity: 2 } });
    await editDefaultCapacity(unit.id, 0);
    expect(await db.hostUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ defaultCapacity: 0 });
  });

  it("is refused by the database for any writer, with the error shape the adapter delivers", async () => {
    const { unit } = await unitWithTwoPlacesTaken();
    const error = await refusal(db.$executeRaw`UPDATE "HostUnit" SET "defaultCapacity" = 1 WHERE "id" = ${unit.id}`);
    expect(error).toMatchObject({ name: "PrismaClientKnownRequestError", code: "P2010" });
    expect(readDatabaseError(error)).toMatchObject({ code: "23514", constraint: "HostUnit_default_capacity_not_below_used" });
    expect(translateDatabaseError(error)?.messageKey).toBe("capacityBelowUsed");
    const viaClient = await refusal(db.hostUnit.update({ where: { id: unit.id }, data: { defaultCapacity: 0 } }));
    expect(readDatabaseError(viaClient)).toMatchObject({ code: "23514", constraint: "HostUnit_default_capacity_not_below_used" });
    expect(await db.hostUnit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({ defaultCapacity: 3 });
  });
});

describe("a cohort's own capacity", () => {
  it("cannot be lowered by the host coordinator below the places taken, nor by a direct write", async () => {
    const { unit, cohort } = await unitWithTwoPlacesTaken();
    const error = await refusal(setHostUnitCapacity(actorOf(world.szCoordinator), request, { hostUnitId: unit.id, cohortId: cohort.id, capacity: 1, version: null }));
    expect(error).toMatchObject({ messageKey: "capacityBelowUsed", fieldErrors: { capacity: ["capacityBelowUsed"] } });
    expect(await db.hostUnitCapacity.count({ where: { hostUnitId: unit.id, cohortId: cohort.id } })).toBe(0);
    await setHostUnitCapacity(actorOf(world.szCoordinator), request, { hostUnitId: unit.id, cohortId: cohort.id, capacity: 2, version: null });
    const direct = await refusal(db.$executeRaw`UPDATE "HostUnitCapacity" SET "capacity" = 1 WHERE "hostUnitId" = ${unit.id} AND "cohortId" = ${cohort.id}`);
    expect(readDatabaseError(direct)).toMatchObject({ code: "23514", constraint: "HostUnitCapacity_not_below_used" });
    expect(translateDatabaseError(direct)?.messageKey).toBe("capacityBelowUsed");
  });
});
