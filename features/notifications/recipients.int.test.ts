import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, formatDateOnly, parseDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { createCohort, createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { approvePlacement, assignPlacement, nominateOfficers, revokeApproval, withdrawPlacement } from "@/features/placements/mutations";
import { createScheduleItem } from "@/features/schedule/mutations";
import { createScheduleItemSchema } from "@/features/schedule/schemas";
import { fanOutPendingEvents } from "./fan-out";
import { scanReminders } from "./reminders";
import { recordEvent } from "./events";

// Issue 13 "Events and who hears of them": every event reaches exactly the right people, nobody outside the record's
// boundary, never the person who did it; a host-side recipient never sees a staff number, in-app or by email.
const request = { requestId: "notifications-test", ipAddress: "127.0.0.1" };
const mail = { enabled: false, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
let hkCoordinator2: CreatedUser;
let szCoordinator2: CreatedUser;

const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

async function drain() {
  while ((await fanOutPendingEvents(db, mail)).events > 0);
}

/** Recipients (user ids, sorted) of the notifications of `kind` about `entityId`. */
async function recipientsOf(kind: string, entityId: string): Promise<string[]> {
  await drain();
  const rows = await db.notification.findMany({ where: { kind, eventId: { in: (await db.notificationEvent.findMany({ where: { kind, entityId }, select: { id: true } })).map((event) => event.id) } } });
  return rows.map((row) => row.recipientId).sort();
}

const ids = (...users: { id: string }[]) => users.map((user) => user.id).sort();

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  for (const unit of world.szHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 50 } });
  hkCoordinator2 = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, locale: "zh_Hant" });
  szCoordinator2 = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, locale: "zh_Hans" });
  // Must never be chosen: an inactive coordinator of the host side, and the supervisor of another unit.
  await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, active: false });
  await createUser(db, { role: "SUPERVISOR", jurisdictionId: world.sz.id, hostUnitId: world.szHostUnits[1].id });
});
afterAll(async () => db.$disconnect());

async function nominated(officerIndex: number) {
  const officer = world.hkOfficers[officerIndex];
  await nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [officer.id] });
  return db.placement.findFirstOrThrow({ where: { officerId: officer.id, cohortId: world.hkToSz.id, status: { not: "WITHDRAWN" } } });
}

function assignment(placement: { id: string; version: number }, overrides: Record<string, unknown> = {}) {
  return {
    placementId: placement.id,
    version: placement.version,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Planning Officer",
    startDate: world.hkToSz.startDate,
    endDate: world.hkToSz.endDate,
    ...overrides,
  };
}

describe("placement events", () => {
  it("tells each step's audience, and only them", async () => {
    const placement = await nominated(0);
    expect(await recipientsOf("placement.nominated", placement.id)).toEqual(ids(world.szCoordinator, szCoordinator2));

    const assigned = await assignPlacement(as(world.szCoordinator), assignment(placement));
    expect(await recipientsOf("placement.assigned", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));

    const host = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: assigned.version, side: "host" });
    expect(await recipientsOf("placement.approved", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));

    const confirmed = await approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: host.version, side: "sending" });
    expect(confirmed.confirmed).toBe(true);
    // Officer, both sides' coordinators and the unit's supervisor — not the approver, not the other unit's supervisor,
    // not the inactive coordinator, not the other officer.
    expect(await recipientsOf("placement.confirmed", placement.id)).toEqual(ids(world.hkOfficerUsers[0], hkCoordinator2, world.szCoordinator, szCoordinator2, world.szSupervisor));

    await withdrawPlacement(as(world.szCoordinator), { placementId: placement.id, version: confirmed.version, reason: "Posting changed at home" });
    expect(await recipientsOf("placement.withdrawn", placement.id)).toEqual(ids(world.hkOfficerUsers[0], world.hkCoordinator, hkCoordinator2, szCoordinator2, world.szSupervisor));
    const withdrawn = await db.notification.findFirstOrThrow({ where: { kind: "placement.withdrawn", recipientId: world.hkOfficerUsers[0].id } });
    expect(withdrawn).toMatchObject({ category: "PLACEMENT", link: `/placements/${placement.id}`, readAt: null });
    expect(withdrawn.params).toMatchObject({ reason: "Posting changed at home" });
  });

  it("tells the side whose approval a change cleared, with the changes", async () => {
    const placement = await nominated(1);
    const assigned = await assignPlacement(as(world.szCoordinator), assignment(placement));
    const host = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: assigned.version, side: "host" });
    const changed = await assignPlacement(as(world.szCoordinator), assignment({ id: placement.id, version: host.version }, { postTitle: "Senior Planning Officer" }));
    expect(changed.approvalsReset).toBe(true);
    // Only the host side had approved: its other coordinator hears of it; the sending side, which had not, does not.
    expect(await recipientsOf("placement.approvalsCleared", placement.id)).toEqual(ids(szCoordinator2));
    const cleared = await db.notification.findFirstOrThrow({ where: { kind: "placement.approvalsCleared" } });
    expect(cleared.params).toMatchObject({ changes: ["post"] });
    await withdrawPlacement(as(world.hkCoordinator), { placementId: placement.id, version: changed.version, reason: "Test over" });
  });

  it("tells the other side when an approval is taken back, in the same transaction as the revocation", async () => {
    const placement = await nominated(1);
    const assigned = await assignPlacement(as(world.szCoordinator), assignment(placement));
    const host = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: assigned.version, side: "host" });
    // A refused revocation (a stale version) changes nothing and records nothing.
    await expect(revokeApproval(as(world.szCoordinator), { placementId: placement.id, version: assigned.version, side: "host" })).rejects.toThrow();
    expect(await db.notificationEvent.count({ where: { kind: "placement.approvalRevoked", entityId: placement.id } })).toBe(0);

    const revoked = await revokeApproval(as(world.szCoordinator), { placementId: placement.id, version: host.version, side: "host" });
    expect(await db.notificationEvent.count({ where: { kind: "placement.approvalRevoked", entityId: placement.id } })).toBe(1);
    // The sending side, which was told of the approval, hears it was taken back; not the host side that revoked it.
    expect(await recipientsOf("placement.approvalRevoked", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));
    const notice = await db.notification.findFirstOrThrow({ where: { kind: "placement.approvalRevoked", recipientId: world.hkCoordinator.id } });
    expect(notice).toMatchObject({ category: "PLACEMENT", link: `/placements/${placement.id}` });
    expect(notice.params).toMatchObject({ side: "host" });
    await withdrawPlacement(as(world.hkCoordinator), { placementId: placement.id, version: revoked.version, reason: "Test over" });
  });

  it("never gives a host-side recipient the staff number, in the notification or the email", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    await nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [officer.id] });
    const placement = await db.placement.findFirstOrThrow({ where: { officerId: officer.id } });
    await withdrawPlacement(as(world.szCoordinator), { placementId: placement.id, version: placement.version, reason: "Not needed" });
    await drain();
    const eventIds = (await db.notificationEvent.findMany({ where: { entityId: placement.id } })).map((event) => event.id);
    expect(eventIds).toHaveLength(2);
    const notifications = await db.notification.findMany({ where: { eventId: { in: eventIds } } });
    const emails = await db.emailMessage.findMany({ where: { OR: eventIds.map((id) => ({ idempotencyKey: { startsWith: `${id}:` } })) } });
    const hostSide = new Set([world.szCoordinator.id, szCoordinator2.id, world.szSupervisor.id]);
    const sendingSide = new Set([world.hkCoordinator.id, hkCoordinator2.id]);
    expect(notifications.some((row) => hostSide.has(row.recipientId))).toBe(true);
    for (const row of notifications) {
      const text = JSON.stringify(row.params);
      if (hostSide.has(row.recipientId)) expect(text).not.toContain(officer.staffNumber);
      if (sendingSide.has(row.recipientId)) expect(text).toContain(officer.staffNumber);
    }
    // Emails are written even with email off (kept for admins), in the recipient's language.
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      expect(email.status).toBe("KEPT");
      const body = email.html + email.text + email.subject;
      if (hostSide.has(email.recipientId)) expect(body).not.toContain(officer.staffNumber);
      if (sendingSide.has(email.recipientId)) expect(body).toContain(officer.staffNumber);
    }
    const chinese = emails.find((email) => email.recipientId === hkCoordinator2.id);
    expect(chinese?.text).toContain("已撤回");
  });
});

describe("schedule events", () => {
  it("tells the officer, and the supervisor when someone else changed the schedule", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const officerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: officer.id });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
    const day = formatDateOnly(addDays(world.hkToSz.startDate, 3));
    const item = (title: string) => createScheduleItemSchema.parse({ type: "MEETING", title, allDay: true, startDate: day, placementId: placement.id });
    const byCoordinator = await createScheduleItem(actorFromUser(world.szCoordinator), request, item("Briefing by the coordinator"));
    const bySupervisor = await createScheduleItem(actorFromUser(world.szSupervisor), request, item("Briefing by the supervisor"));
    await drain();
    const recipientsFor = async (itemId: string) =>
      (await db.notification.findMany({ where: { kind: "schedule.itemAdded", eventId: { in: (await db.notificationEvent.findMany({ where: { payload: { path: ["itemId"], equals: itemId } } })).map((event) => event.id) } } }))
        .map((row) => row.recipientId)
        .sort();
    expect(await recipientsFor(byCoordinator.id)).toEqual(ids(officerUser, world.szSupervisor));
    expect(await recipientsFor(bySupervisor.id)).toEqual(ids(officerUser));
  });
});

describe("import events", () => {
  it("tells the coordinator who started the import, and nobody else", async () => {
    await db.$transaction((tx) => recordEvent(tx, world.hkCoordinator.id, { kind: "import.finished", importId: "sha-1", created: 3, updated: 1 }));
    expect(await recipientsOf("import.finished", "sha-1")).toEqual(ids(world.hkCoordinator));
  });
});

describe("reminders", () => {
  // A fixed clock: Monday 2 March 2026, 10:00 in Hong Kong.
  const now = new Date("2026-03-02T02:00:00Z");
  const today = "2026-03-02";

  it("go once per occasion, to the right people, however often the scan runs", async () => {
    const deadlineCohort = await createCohort(db, {
      sendingJurisdictionId: world.hk.id,
      hostJurisdictionId: world.sz.id,
      status: "NOMINATIONS",
      startDate: parseDateOnly("2026-05-04"),
      endDate: parseDateOnly("2026-07-24"),
      nominationDeadline: parseDateOnly(addDays(today, 7)),
    });
    const arrivingCohort = await createCohort(db, {
      sendingJurisdictionId: world.hk.id,
      hostJurisdictionId: world.sz.id,
      status: "CONFIRMED",
      startDate: parseDateOnly(addDays(today, 7)),
      endDate: parseDateOnly(addDays(today, 60)),
    });
    const endingCohort = await createCohort(db, {
      sendingJurisdictionId: world.hk.id,
      hostJurisdictionId: world.sz.id,
      status: "IN_PROGRESS",
      startDate: parseDateOnly("2026-01-05"),
      endDate: parseDateOnly(addDays(today, 14)),
    });
    const unit = await createHostUnit(db, { jurisdictionId: world.sz.id, defaultCapacity: 5 });
    const unitSupervisor = await createUser(db, { role: "SUPERVISOR", jurisdictionId: world.sz.id, hostUnitId: unit.id });
    const arrivingOfficer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const arrivingUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.hk.id, officerId: arrivingOfficer.id });
    const arriving = await createPlacement(db, { officerId: arrivingOfficer.id, cohortId: arrivingCohort.id, hostUnitId: unit.id, status: "CONFIRMED" });
    const endingOfficer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const ending = await createPlacement(db, { officerId: endingOfficer.id, cohortId: endingCohort.id, hostUnitId: unit.id, status: "CONFIRMED" });

    const first = await scanReminders(db, now);
    const second = await scanReminders(db, now);
    expect(first).toBeGreaterThanOrEqual(3);
    expect(second).toBe(0);

    expect(await recipientsOf("reminder.nominationDeadline", deadlineCohort.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));
    expect(await recipientsOf("reminder.arrival", arriving.id)).toEqual(ids(arrivingUser, unitSupervisor));
    expect(await recipientsOf("reminder.ending", ending.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2, world.szCoordinator, szCoordinator2));
    // Five days before the deadline nothing is due; two days before, the second reminder goes.
    expect(await scanReminders(db, new Date("2026-03-04T02:00:00Z"))).toBe(0);
    await scanReminders(db, new Date("2026-03-07T02:00:00Z"));
    const deadlineEvents = await db.notificationEvent.findMany({ where: { kind: "reminder.nominationDeadline", entityId: deadlineCohort.id } });
    expect(deadlineEvents.map((event) => (event.payload as { days: number }).days).sort()).toEqual([2, 7]);
  });

  it("count an approval's wait in the waiting side's working days", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "ASSIGNED", hostApprovedAt: new Date("2026-04-01T02:00:00Z") });
    // Assigned on Wednesday 1 April 2026, approved by the host side only. The sending side (Hong Kong) has waited more
    // than 2 working days once three of its working days have passed; its Easter holidays (3–6 April 2026) do not count.
    await db.auditLog.create({ data: { action: "placement.assign", entityType: "Placement", entityId: placement.id, createdAt: new Date("2026-04-01T02:00:00Z") } });
    const { createHolidayCalendar } = await import("@/features/schedule/holidays");
    const holidayCalendar = createHolidayCalendar();
    let day = "2026-04-01";
    while (holidayCalendar.countWorkingDays("HK", addDays("2026-04-01", 1), day) <= 2) day = addDays(day, 1);
    const dayBefore = addDays(day, -1);
    expect(await scanReminders(db, new Date(`${dayBefore}T02:00:00Z`))).toBe(0);
    expect(await scanReminders(db, new Date(`${day}T02:00:00Z`))).toBe(1);
    expect(await recipientsOf("reminder.approvalWaiting", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));
    // Hong Kong's Easter holidays lie in between: more calendar days passed than working days.
    expect(parseDateOnly(day).getTime() - parseDateOnly("2026-04-01").getTime()).toBeGreaterThan(3 * 86_400_000);
  });

  it("read the admins' holiday entries afresh at every scan (decision 064)", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "ASSIGNED", hostApprovedAt: new Date("2026-06-01T02:00:00Z") });
    // Assigned on Monday 1 June 2026; Hong Kong's third working day after it is Thursday 4 June.
    await db.auditLog.create({ data: { action: "placement.assign", entityType: "Placement", entityId: placement.id, createdAt: new Date("2026-06-01T02:00:00Z") } });
    const { createHolidayCalendar } = await import("@/features/schedule/holidays");
    expect(createHolidayCalendar().countWorkingDays("HK", "2026-06-02", "2026-06-04")).toBe(3);
    // An admin declares Wednesday 3 June a Hong Kong holiday: the same scan on Thursday now counts two days, nothing due.
    await db.holiday.create({ data: { side: "HK", date: parseDateOnly("2026-06-03"), kind: "HOLIDAY", nameEn: "Typhoon day", nameZhHant: "颱風日", nameZhHans: "台风日" } });
    expect(await scanReminders(db, new Date("2026-06-04T02:00:00Z"))).toBe(0);
    // Removing the entry is seen by the very next scan: no calendar is kept between scans.
    await db.holiday.deleteMany({ where: { side: "HK", date: parseDateOnly("2026-06-03") } });
    expect(await scanReminders(db, new Date("2026-06-04T02:00:00Z"))).toBe(1);
    expect(await recipientsOf("reminder.approvalWaiting", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));
  });
});
