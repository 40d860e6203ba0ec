import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, formatDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { createScheduleItem, createStandardSchedule, deleteScheduleItem, updateScheduleItem } from "@/features/schedule/mutations";
import { createScheduleItemSchema, standardScheduleSchema, updateScheduleItemSchema } from "@/features/schedule/schemas";
import { fanOutPendingEvents } from "./fan-out";

// Decision 048: a cohort-wide item, or a standard schedule of several items, tells each person who sees it once per
// save — one notification per officer (and supervisor), never one per item, and nothing twice however often the
// worker runs.
const request = { requestId: "grouped-schedule-test", ipAddress: "127.0.0.1" };
const mail = { enabled: false, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
let otherSupervisor: CreatedUser;
let thirdOfficerUser: CreatedUser;
let withdrawnOfficerUser: CreatedUser;
const placementIds: Record<string, string> = {};

async function drain() {
  while ((await fanOutPendingEvents(db, mail)).events > 0);
}

async function notificationsOf(kind: string) {
  const events = await db.notificationEvent.findMany({ where: { kind }, select: { id: true } });
  return db.notification.findMany({ where: { eventId: { in: events.map((event) => event.id) } }, orderBy: { recipientId: "asc" } });
}

const ids = (...users: { id: string }[]) => users.map((user) => user.id).sort();

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  const [unitA, unitB] = world.szHostUnits;
  for (const unit of [unitA, unitB]) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 10 } });
  otherSupervisor = await createUser(db, { role: "SUPERVISOR", jurisdictionId: world.sz.id, hostUnitId: unitB.id });
  const thirdOfficer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  thirdOfficerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: thirdOfficer.id });
  const withdrawnOfficer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  withdrawnOfficerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: withdrawnOfficer.id });
  const cohortId = world.hkToSz.id;
  // Three live placements (one at unit A, two at unit B) and a withdrawn one, which no longer sees the schedule.
  placementIds.first = (await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId, hostUnitId: unitA.id, status: "CONFIRMED" })).id;
  placementIds.second = (await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId, hostUnitId: unitB.id, status: "CONFIRMED" })).id;
  placementIds.third = (await createPlacement(db, { officerId: thirdOfficer.id, cohortId, hostUnitId: unitB.id, status: "ASSIGNED" })).id;
  await createPlacement(db, { officerId: withdrawnOfficer.id, cohortId, hostUnitId: unitA.id, status: "WITHDRAWN", withdrawnReason: "Posting changed", withdrawnAt: new Date() });
  // An officer of the other cohort, who must hear nothing of this one.
  await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.sz.id, fieldIds: [world.field.id] })).id, cohortId: world.szToHk.id, status: "NOMINATED" });
});
afterAll(async () => db.$disconnect());

describe("cohort-wide schedule items", () => {
  it("tell every officer of the cohort and their supervisors once per save, whoever sees it through several placements", async () => {
    const day = formatDateOnly(addDays(world.hkToSz.startDate, 2));
    const opening = await createScheduleItem(
      actorFromUser(world.szCoordinator),
      request,
      createScheduleItemSchema.parse({ type: "CEREMONY", title: "Opening ceremony", allDay: true, startDate: day, cohortId: world.hkToSz.id }),
    );
    // Two workers relay at once, then again: the unique (event, recipient) key lets each notification through once.
    await Promise.all([drain(), drain()]);
    await drain();

    const added = await notificationsOf("schedule.cohortItemAdded");
    const officers = ids(world.hkOfficerUsers[0], world.hkOfficerUsers[1], thirdOfficerUser);
    const supervisors = ids(world.szSupervisor, otherSupervisor);
    // M = 3 officers → exactly 3 officer notifications, plus one per supervisor (unit B's has two officers, hears once).
    expect(added.map((row) => row.recipientId)).toEqual([...officers, ...supervisors].sort());
    expect(added.map((row) => row.recipientId)).not.toContain(withdrawnOfficerUser.id);
    // The coordinator who added it, and the coordinators of the other side, are not told by this channel.
    expect(added.map((row) => row.recipientId)).not.toContain(world.szCoordinator.id);
    expect(added.map((row) => row.recipientId)).not.toContain(world.hkCoordinator.id);

    const firstOfficer = added.find((row) => row.recipientId === world.hkOfficerUsers[0].id)!;
    expect(firstOfficer).toMatchObject({ category: "SCHEDULE", link: `/schedule/placements/${placementIds.first}` });
    expect(firstOfficer.params).toMatchObject({ title: "Opening ceremony", actor: world.szCoordinator.name, allDay: true });
    expect(added.find((row) => row.recipientId === otherSupervisor.id)!.link).toBe(`/schedule/placements/${[placementIds.second, placementIds.third].sort()[0]}`);
    // Email is written once per recipient who wants it at once (everyone, by default), kept while email is off.
    const eventId = added[0].eventId;
    expect(await db.emailMessage.count({ where: { idempotencyKey: { startsWith: `${eventId}:` } } })).toBe(added.length);

    // Moving and removing it are one save each: one more notification per person, each time.
    const moved = await updateScheduleItem(
      actorFromUser(world.hkCoordinator),
      request,
      updateScheduleItemSchema.parse({ id: opening.id, version: 1, type: "CEREMONY", title: "Opening ceremony", allDay: true, startDate: formatDateOnly(addDays(world.hkToSz.startDate, 3)) }),
    );
    await deleteScheduleItem(actorFromUser(world.szCoordinator), request, { id: opening.id, version: moved.version });
    await drain();
    expect((await notificationsOf("schedule.cohortItemMoved")).map((row) => row.recipientId)).toEqual([...officers, ...supervisors].sort());
    expect((await notificationsOf("schedule.cohortItemRemoved")).map((row) => row.recipientId)).toEqual([...officers, ...supervisors].sort());
  });
});

describe("the standard schedule", () => {
  it("tells the officer of N items in one notification, and the supervisor when someone else saved it", async () => {
    const start = world.hkToSz.startDate;
    const items = [1, 5, 20, 40].map((offset, index) => ({ type: "MEETING", title: `Standard item ${index + 1}`, allDay: true, startDate: formatDateOnly(addDays(start, offset)) }));
    const saved = await createStandardSchedule(actorFromUser(world.szCoordinator), request, standardScheduleSchema.parse({ placementId: placementIds.first, items }));
    expect(saved.ids).toHaveLength(4);
    await drain();
    await drain();

    expect(await db.notificationEvent.count({ where: { kind: "schedule.itemsAdded", entityId: placementIds.first } })).toBe(1);
    expect(await db.notificationEvent.count({ where: { kind: "schedule.itemAdded", entityId: placementIds.first } })).toBe(0);
    const grouped = await notificationsOf("schedule.itemsAdded");
    expect(grouped.map((row) => row.recipientId)).toEqual(ids(world.hkOfficerUsers[0], world.szSupervisor));
    expect(grouped[0]).toMatchObject({ category: "SCHEDULE", link: `/schedule/placements/${placementIds.first}` });
    const firstItem = await db.scheduleItem.findUniqueOrThrow({ where: { id: saved.ids[0] } });
    expect(grouped[0].params).toMatchObject({ count: 4, actor: world.szCoordinator.name, when: firstItem.startsAt.toISOString(), allDay: true });

    // Saved by the unit's own supervisor: only the officer hears of it.
    await createStandardSchedule(actorFromUser(world.szSupervisor), request, standardScheduleSchema.parse({ placementId: placementIds.first, items: items.slice(0, 2) }));
    await drain();
    const all = await notificationsOf("schedule.itemsAdded");
    expect(all.filter((row) => row.recipientId === world.hkOfficerUsers[0].id)).toHaveLength(2);
    expect(all.filter((row) => row.recipientId === world.szSupervisor.id)).toHaveLength(1);
  });
});
