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
    await saveNotificationPreferences(officer, { PLACEMENT: "DAILY_DIGEST", SCHEDULE: "IN_APP_ONLY", REMINDER: "IMMEDIATELY", IMPORT: "IMMEDIATELY" });
    expect(await findNotificationPreferences(officer)).toMatchObject({ PLACEMENT: "DAILY_DIGEST", SCHEDULE: "IN_APP_ONLY" });
    expect((await findNotificationPreferences(actorFromUser(world.hkOfficerUsers[1]))).PLACEMENT).toBe("IMMEDIATELY");
  });

  it("lets only admins read the outbox and retry an email", async () => {
    expect((await findOutboxEmails(actorFromUser(world.admin))).length).toBe(3);
    await expect(findOutboxEmails(actorFromUser(world.hkCoordinator))).rejects.toBeInstanceOf(ForbiddenError);
    const [email] = await findOutboxEmails(actorFromUser(world.admin));
    await expect(retryDeadEmail(db, actorFromUser(world.hkCoordinator), request, email.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryDeadEmail(db, actorFromUser(world.admin), request, "no-such-email")).rejects.toBeInstanceOf(NotFoundError);
  });
});
