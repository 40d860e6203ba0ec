import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { recordEvent } from "./events";
import { fanOutPendingEvents } from "./fan-out";
import { markAllNotificationsRead, markNotificationRead, openNotification, retryDeadEmail, saveNotificationPreferences } from "./mutations";
import { countUnreadNotifications, findNotificationPreferences, findNotifications, findOutboxEmails } from "./queries";

// A notification is its recipient's alone: nobody else lists, counts, reads or opens it. The outbox is admins'.
const request = { requestId: "visibility-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  for (const created of [1, 2, 3]) {
    await db.$transaction((tx) => recordEvent(tx, world.hkCoordinator.id, { kind: "import.finished", importId: `sha-${created}`, created, updated: 0 }));
  }
  while ((await fanOutPendingEvents(db, { enabled: false, appUrl: "http://desk.test" })).events > 0);
});
afterAll(async () => db.$disconnect());

describe("notifications are the recipient's alone", () => {
  it("lists newest first for the recipient and nothing for anyone else", async () => {
    const mine = await findNotifications(actorFromUser(world.hkCoordinator), 1);
    expect(mine.total).toBe(3);
    expect(mine.items.map((item) => item.params.created)).toEqual([3, 2, 1]);
    expect(await countUnreadNotifications(actorFromUser(world.hkCoordinator))).toBe(3);
    const theirs = await findNotifications(actorFromUser(world.szCoordinator), 1);
    expect(theirs.total).toBe(0);
  });

  it("refuses to mark or open someone else's notification, as if it did not exist", async () => {
    const [first, second] = (await findNotifications(actorFromUser(world.hkCoordinator), 1)).items;
    await expect(markNotificationRead(actorFromUser(world.szCoordinator), first.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openNotification(actorFromUser(world.admin), first.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await markAllNotificationsRead(actorFromUser(world.szCoordinator))).toBe(0);
    expect(await countUnreadNotifications(actorFromUser(world.hkCoordinator))).toBe(3);

    expect(await openNotification(actorFromUser(world.hkCoordinator), first.id)).toBe("/officers");
    await markNotificationRead(actorFromUser(world.hkCoordinator), second.id);
    expect(await countUnreadNotifications(actorFromUser(world.hkCoordinator))).toBe(1);
    expect(await markAllNotificationsRead(actorFromUser(world.hkCoordinator))).toBe(1);
    expect(await countUnreadNotifications(actorFromUser(world.hkCoordinator))).toBe(0);
  });

  it("keeps each user's preferences, immediately by default", async () => {
    const officer = actorFromUser(world.hkOfficerUsers[0]);
    expect(await findNotificationPreferences(officer)).toEqual({ PLACEMENT: "IMMEDIATELY", SCHEDULE: "IMMEDIATELY", REMINDER: "IMMEDIATELY", IMPORT: "IMMEDIATELY" });
    await saveNotificationPreferences(officer, request, { PLACEMENT: "DAILY_DIGEST", SCHEDULE: "IN_APP_ONLY", REMINDER: "IMMEDIATELY", IMPORT: "IMMEDIATELY" });
    expect(await findNotificationPreferences(officer)).toMatchObject({ PLACEMENT: "DAILY_DIGEST", SCHEDULE: "IN_APP_ONLY" });
    // Audited with what changed, nothing for a save that changes nothing.
    await saveNotificationPreferences(officer, request, { PLACEMENT: "DAILY_DIGEST", SCHEDULE: "IN_APP_ONLY", REMINDER: "IMMEDIATELY", IMPORT: "IMMEDIATELY" });
    const audited = await db.auditLog.findMany({ where: { action: "notificationPreferences.update", entityId: officer.userId } });
    expect(audited.map((entry) => [entry.actorId, entry.before, entry.after])).toEqual([
      [officer.userId, { placementEmails: "IMMEDIATELY", scheduleEmails: "IMMEDIATELY" }, { placementEmails: "DAILY_DIGEST", scheduleEmails: "IN_APP_ONLY" }],
    ]);
    expect((await findNotificationPreferences(actorFromUser(world.hkOfficerUsers[1]))).PLACEMENT).toBe("IMMEDIATELY");
  });

  it("lets only admins read the outbox and retry an email", async () => {
    expect((await findOutboxEmails(actorFromUser(world.admin))).total).toBe(3);
    await expect(findOutboxEmails(actorFromUser(world.hkCoordinator))).rejects.toBeInstanceOf(ForbiddenError);
    const [email] = (await findOutboxEmails(actorFromUser(world.admin))).items;
    await expect(retryDeadEmail(db, actorFromUser(world.hkCoordinator), request, email.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryDeadEmail(db, actorFromUser(world.admin), request, "no-such-email")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the outbox pages", () => {
  it("shows every email, a page at a time, newest first, and the dead ones apart", async () => {
    const admin = actorFromUser(world.admin);
    const base = new Date("2026-03-02T02:00:00Z").getTime();
    await db.emailMessage.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        idempotencyKey: `paging-${index}`,
        recipientId: world.hkCoordinator.id,
        toAddress: world.hkCoordinator.email,
        locale: "en" as const,
        subject: `Paging ${index}`,
        html: "<p>x</p>",
        text: "x",
        status: index % 20 === 0 ? ("DEAD" as const) : ("KEPT" as const),
        createdAt: new Date(base + index * 60_000),
      })),
    });
    const first = await findOutboxEmails(admin);
    expect(first).toMatchObject({ total: 63, page: 1, pageCount: 2 });
    expect(first.items.filter((item) => item.subject.startsWith("Paging")).slice(0, 2).map((item) => item.subject)).toEqual(["Paging 59", "Paging 58"]);
    const second = await findOutboxEmails(admin, { page: 2 });
    expect(second.page).toBe(2);
    // Together the pages hold every email once: none is out of reach.
    const all = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(all).size).toBe(63);
    // A page past the end shows the last one.
    expect((await findOutboxEmails(admin, { page: 99 })).page).toBe(2);
    const dead = await findOutboxEmails(admin, { deadOnly: true });
    expect(dead.items.map((item) => item.subject)).toEqual(["Paging 40", "Paging 20", "Paging 0"]);
  });
});
