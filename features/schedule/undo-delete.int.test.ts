import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { AppError, NotFoundError } from "@/lib/errors";
import { actorFromUser } from "@/lib/auth/actor";
import { formatDateOnly } from "@/lib/dates";
import { createPlacement, createUser, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { createScheduleItem, deleteScheduleItem, restoreScheduleItem, updateScheduleItem } from "./mutations";
import { createScheduleItemSchema, updateScheduleItemSchema } from "./schemas";

// Issue 12 §2: the notice after deleting a schedule item offers "Undo", which brings the same item back — same id and
// fields, the next version, audited — for the person who deleted it only, once.

afterAll(async () => db.$disconnect());

const request = () => ({ requestId: randomUUID(), ipAddress: "10.1.2.3" });

let world: TwoSidedWorld;
let placementId: string;
let start: string;
let supervisor: Actor;
let hostCoordinator: Actor;
let otherSupervisor: Actor;

const siteVisit = (title: string) =>
  createScheduleItemSchema.parse({ type: "SITE_VISIT", title, location: "Futian", notes: "Bring the badge", startDate: start, startTime: "14:00", endTime: "17:00", placementId });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  start = formatDateOnly(world.hkToSz.startDate);
  const [unitA, unitB] = world.szHostUnits;
  placementId = (await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: unitA.id, status: "CONFIRMED" })).id;
  supervisor = actorFromUser(world.szSupervisor);
  hostCoordinator = actorFromUser(world.szCoordinator);
  otherSupervisor = actorFromUser(await createUser(db, { role: "SUPERVISOR", jurisdictionId: world.sz.id, hostUnitId: unitB.id }));
});

describe("undo of a schedule item's delete", () => {
  it("restores the same item at the next version, keeps who created it, audits it, and refuses a second undo", async () => {
    // Created by the host side's coordinator, changed once and deleted by the supervisor.
    const { id } = await createScheduleItem(hostCoordinator, request(), siteVisit("Site visit: Nanshan"));
    await updateScheduleItem(
      supervisor,
      request(),
      updateScheduleItemSchema.parse({ id, version: 1, type: "SITE_VISIT", title: "Site visit: Nanshan (moved)", location: "Futian", notes: "Bring the badge", startDate: start, startTime: "15:00", endTime: "17:00" }),
    );
    const deleted = await db.scheduleItem.findUniqueOrThrow({ where: { id } });
    await deleteScheduleItem(supervisor, request(), { id, version: 2 });
    expect(await db.scheduleItem.findUnique({ where: { id } })).toBeNull();

    const restored = await restoreScheduleItem(supervisor, request(), { id });
    expect(restored).toMatchObject({ id, title: "Site visit: Nanshan (moved)", version: 3 });
    const row = await db.scheduleItem.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      id,
      cohortId: deleted.cohortId,
      placementId,
      type: "SITE_VISIT",
      title: "Site visit: Nanshan (moved)",
      location: "Futian",
      notes: "Bring the badge",
      allDay: false,
      startsAt: deleted.startsAt,
      endsAt: deleted.endsAt,
      version: 3,
      createdById: hostCoordinator.userId,
    });

    const audit = await db.auditLog.findMany({ where: { entityType: "ScheduleItem", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["scheduleItem.create", "scheduleItem.update", "scheduleItem.delete", "scheduleItem.restore"]);
    expect(audit[3].actorId).toBe(supervisor.userId);
    expect(audit[3].after).toMatchObject({ title: "Site visit: Nanshan (moved)", startsAt: deleted.startsAt.toISOString(), version: 3 });

    // Only once: the item is back, so a second undo (a double click, another tab) changes nothing.
    const second = await restoreScheduleItem(supervisor, request(), { id }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).messageKey).toBe("scheduleItemAlreadyRestored");
    expect(await db.auditLog.count({ where: { entityId: id, action: "scheduleItem.restore" } })).toBe(1);

    // Versioned like any item: an edit from the deleted version is refused, one from the restored version saves.
    const edit = (version: number) =>
      updateScheduleItemSchema.parse({ id, version, type: "SITE_VISIT", title: "Site visit: Nanshan (final)", location: "Futian", startDate: start, startTime: "15:00", endTime: "17:00" });
    await expect(updateScheduleItem(supervisor, request(), edit(2))).rejects.toBeInstanceOf(AppError);
    expect(await updateScheduleItem(supervisor, request(), edit(3))).toEqual({ id, version: 4 });
  });

  it("is refused to anyone but the person who deleted it, and for an item never deleted", async () => {
    const { id } = await createScheduleItem(supervisor, request(), siteVisit("Site visit: Shekou"));
    await expect(restoreScheduleItem(supervisor, request(), { id: "not-deleted-" + randomUUID() })).rejects.toBeInstanceOf(NotFoundError);
    await deleteScheduleItem(supervisor, request(), { id, version: 1 });
    // The host side's coordinator may edit this placement's schedule, but the delete was not theirs to undo.
    await expect(restoreScheduleItem(hostCoordinator, request(), { id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreScheduleItem(otherSupervisor, request(), { id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.scheduleItem.findUnique({ where: { id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: id, action: "scheduleItem.restore" } })).toBe(0);
  });

  it("is refused once the deleter may no longer edit the placement's schedule", async () => {
    const { id } = await createScheduleItem(supervisor, request(), siteVisit("Site visit: Bao'an"));
    await deleteScheduleItem(supervisor, request(), { id, version: 1 });
    // The supervisor moves to another host unit: the placement is out of their scope now.
    await db.user.update({ where: { id: supervisor.userId }, data: { hostUnitId: world.szHostUnits[1].id } });
    try {
      await expect(restoreScheduleItem({ ...supervisor, hostUnitId: world.szHostUnits[1].id }, request(), { id })).rejects.toBeInstanceOf(NotFoundError);
      expect(await db.scheduleItem.findUnique({ where: { id } })).toBeNull();
    } finally {
      await db.user.update({ where: { id: supervisor.userId }, data: { hostUnitId: world.szHostUnits[0].id } });
    }
  });
});
