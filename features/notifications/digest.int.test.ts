import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { recordEvent } from "./events";
import { fanOutPendingEvents } from "./fan-out";
import { writeDailyDigests } from "./digest";

// The daily digest: a user who chose it gets no email per notification, but one email at 08:30 Hong Kong time on a
// working day of their side, once per day, gathering what waited.
const mail = { enabled: true, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
let coordinator: CreatedUser;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  coordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, locale: "zh_Hant" });
  await db.notificationPreference.create({ data: { userId: coordinator.id, category: "IMPORT", delivery: "DAILY_DIGEST" } });
});
afterAll(async () => db.$disconnect());

async function importFinished(created: number) {
  await db.$transaction((tx) => recordEvent(tx, coordinator.id, { kind: "import.finished", importId: `sha-${created}`, created, updated: 0 }));
  while ((await fanOutPendingEvents(db, mail)).events > 0);
}

describe("the daily digest", () => {
  it("gathers what waited into one email at 08:30 on a working day, once a day", async () => {
    await importFinished(1);
    await importFinished(2);
    expect(await db.emailMessage.count({ where: { recipientId: coordinator.id } })).toBe(0);
    expect(await db.notification.count({ where: { recipientId: coordinator.id, pendingDigest: true } })).toBe(2);

    // Saturday 7 March 2026, 09:00 in Hong Kong: not a working day of the Hong Kong side.
    expect(await writeDailyDigests(db, mail, new Date("2026-03-07T01:00:00Z"))).toEqual([]);
    // Monday 9 March 2026, 08:00: too early.
    expect(await writeDailyDigests(db, mail, new Date("2026-03-09T00:00:00Z"))).toEqual([]);
    // Monday 08:30: one digest.
    const ids = await writeDailyDigests(db, mail, new Date("2026-03-09T00:30:00Z"));
    expect(ids).toHaveLength(1);
    const digest = await db.emailMessage.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(digest).toMatchObject({ recipientId: coordinator.id, idempotencyKey: `digest:${coordinator.id}:2026-03-09`, status: "PENDING", locale: "zh_Hant" });
    expect(digest.subject).toContain("2 則通知");
    expect(digest.text).toContain("新增 1 人");
    expect(digest.text).toContain("新增 2 人");

    // Later the same day: what arrives since waits for the next working day's digest.
    await importFinished(3);
    expect(await writeDailyDigests(db, mail, new Date("2026-03-09T05:00:00Z"))).toEqual([]);
    expect(await db.notification.count({ where: { recipientId: coordinator.id, pendingDigest: true } })).toBe(1);
    expect(await writeDailyDigests(db, mail, new Date("2026-03-10T00:30:00Z"))).toHaveLength(1);
    expect(await db.notification.count({ where: { recipientId: coordinator.id, pendingDigest: true } })).toBe(0);
  });
});
