import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, formatDateOnly, parseDateOnly } from "@/lib/dates";
import { createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { fanOutPendingEvents } from "@/features/notifications/fan-out";
import { scanReminders } from "@/features/notifications/reminders";

// The reminder occasion of the documents lane: a document that expires before its placement ends is announced once
// per document and expiry date, to the officer and the sending side (the date is a document detail, decision 096).
const mail = { enabled: false, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
let placementId: string;
let documentId: string;
// The cohort runs 2031-02-03 (a Monday) to 2031-04-25 (81 days on); the scans run at 10:00 Hong Kong time.
const now = new Date("2031-03-02T02:00:00Z");

async function drain() {
  while ((await fanOutPendingEvents(db, mail)).events > 0);
}

async function notificationsOfDocument() {
  await drain();
  const events = await db.notificationEvent.findMany({ where: { kind: "reminder.documentExpiring", payload: { path: ["documentId"], equals: documentId } }, select: { id: true } });
  return db.notification.findMany({ where: { eventId: { in: events.map((event) => event.id) } }, orderBy: { recipientId: "asc" } });
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db, { now: new Date("2031-02-03T04:00:00Z") });
  const placement = await createPlacement(db, {
    officerId: world.hkOfficers[0].id,
    cohortId: world.hkToSz.id,
    hostUnitId: world.szHostUnits[0].id,
    status: "CONFIRMED",
  });
  expect(formatDateOnly(placement.endDate)).toBe("2031-04-25");
  placementId = placement.id;
  const document = await db.placementDocument.create({
    data: { placementId, templateItemId: "doctpl_hk_permit", number: "H1234567", expiresOn: parseDateOnly("2031-04-10"), status: "SUBMITTED" },
  });
  documentId = document.id;
});

describe("document expiry reminder", () => {
  it("goes once to the officer and the sending coordinators (not the host side), linking to the documents, without the number", async () => {
    await scanReminders(db, now);
    await scanReminders(db, new Date(now.getTime() + 60 * 60 * 1000));
    const notifications = await notificationsOfDocument();
    expect(notifications.map((row) => row.recipientId).sort()).toEqual([world.hkCoordinator.id, world.hkOfficerUsers[0].id].sort());
    expect(notifications.every((row) => row.link === `/placements/${placementId}/documents`)).toBe(true);
    const officerNotification = notifications.find((row) => row.recipientId === world.hkOfficerUsers[0].id)!;
    expect(JSON.stringify(officerNotification)).not.toContain("H1234567");
  });

  it("a renewal still too early is a new occasion; one after the placement's end is none", async () => {
    await db.placementDocument.update({ where: { id: documentId }, data: { expiresOn: parseDateOnly("2031-04-20") } });
    await scanReminders(db, now);
    expect(await notificationsOfDocument()).toHaveLength(4);
    await db.placementDocument.update({ where: { id: documentId }, data: { expiresOn: parseDateOnly("2031-12-31") } });
    await scanReminders(db, now);
    expect(await notificationsOfDocument()).toHaveLength(4);
  });

  it("stops once the placement has ended", async () => {
    await db.placementDocument.update({ where: { id: documentId }, data: { expiresOn: parseDateOnly("2031-04-01") } });
    await scanReminders(db, new Date(`${addDays("2031-04-25", 1)}T02:00:00Z`));
    expect(await notificationsOfDocument()).toHaveLength(4);
  });
});
