import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { actorFromUser } from "@/lib/auth/actor";
import { refusal } from "@/tests/support/refusal";
import { readDatabaseError, translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import { createCohort, createOfficer, createPlacement, createTwoSidedWorld, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { approvePlacement, assignPlacement, withdrawPlacement } from "./mutations";

// A completed cohort's placements are read-only (issue 10 §4): the mutations refuse with a translated message, and
// the database refuses any writer that skips them (migration 20261203100000).
const request = { requestId: "completed-cohort-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;

const actorOf = (user: CreatedUser): Actor => actorFromUser(user);
const as = (user: CreatedUser) => ({ actor: actorOf(user), request });


beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

/** A cohort with one placement approved by both sides, then completed (placements are created before completion). */
async function completedCohortWithPlacement() {
  const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: world.hkToSz.startDate, status: "IN_PROGRESS" });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
  const placement = await createPlacement(db, {
    officerId: officer.id,
    cohortId: cohort.id,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Planning Officer",
    status: "CONFIRMED",
    sendingApprovedById: world.hkCoordinator.id,
    hostApprovedById: world.szCoordinator.id,
  });
  await db.cohort.update({ where: { id: cohort.id }, data: { status: "COMPLETED" } });
  return { cohort, placement };
}

describe("a completed cohort's placements", () => {
  it("cannot be re-assigned by the host side: refused with a message, both approvals kept", async () => {
    const { placement } = await completedCohortWithPlacement();
    const error = await refusal(
      assignPlacement(as(world.szCoordinator), {
        placementId: placement.id,
        version: placement.version,
        hostUnitId: world.szHostUnits[1].id,
        fieldId: world.field.id,
        postTitle: "Another post",
        startDate: placement.startDate,
        endDate: placement.endDate,
      }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toBe("cohortCompletedReadOnly");
    const after = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", hostUnitId: world.szHostUnits[0].id, version: placement.version });
    expect(after.sendingApprovedAt).not.toBeNull();
    expect(after.hostApprovedAt).not.toBeNull();
  });

  it("cannot be withdrawn or approved by either side", async () => {
    const { placement } = await completedCohortWithPlacement();
    for (const user of [world.hkCoordinator, world.szCoordinator]) {
      const error = await refusal(withdrawPlacement(as(user), { placementId: placement.id, version: placement.version, reason: "Changed our mind" }));
      expect((error as AppError).messageKey).toBe("cohortCompletedReadOnly");
    }
    const error = await refusal(approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: placement.version, side: "sending" }));
    expect((error as AppError).messageKey).toBe("cohortCompletedReadOnly");
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ status: "CONFIRMED", version: placement.version });
    expect(await db.auditLog.count({ where: { entityId: placement.id } })).toBe(0);
  });

  it("are refused by the database to any writer, with the error shape the adapter delivers", async () => {
    const { cohort, placement } = await completedCohortWithPlacement();
    const update = await refusal(db.$executeRaw`UPDATE "Placement" SET "hostUnitId" = ${world.szHostUnits[1].id}, "sendingApprovedAt" = NULL, "hostApprovedAt" = NULL, "status" = 'ASSIGNED' WHERE "id" = ${placement.id}`);
    expect(readDatabaseError(update)).toMatchObject({ code: "23514", constraint: "Placement_cohort_completed_read_only" });
    expect(translateDatabaseError(update)?.messageKey).toBe("cohortCompletedReadOnly");
    const withdraw = await refusal(db.placement.update({ where: { id: placement.id }, data: { status: "WITHDRAWN", withdrawnReason: "Bypassing the app" } }));
    expect(readDatabaseError(withdraw)).toMatchObject({ code: "23514", constraint: "Placement_cohort_completed_read_only" });
    const remove = await refusal(db.$executeRaw`DELETE FROM "Placement" WHERE "id" = ${placement.id}`);
    expect(readDatabaseError(remove)?.constraint).toBe("Placement_cohort_completed_read_only");
    // Moving a placement of an open cohort into the completed one is refused too.
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    const open = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED", startDate: cohort.startDate, endDate: cohort.endDate });
    const move = await refusal(db.$executeRaw`UPDATE "Placement" SET "cohortId" = ${cohort.id} WHERE "id" = ${open.id}`);
    expect(readDatabaseError(move)?.constraint).toBe("Placement_cohort_completed_read_only");
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ status: "CONFIRMED", hostUnitId: world.szHostUnits[0].id });
  });

  it("become editable again when the cohort is reopened", async () => {
    const { cohort, placement } = await completedCohortWithPlacement();
    await db.cohort.update({ where: { id: cohort.id }, data: { status: "IN_PROGRESS" } });
    await withdrawPlacement(as(world.szCoordinator), { placementId: placement.id, version: placement.version, reason: "Recalled" });
    expect(await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).toMatchObject({ status: "WITHDRAWN" });
  });
});
