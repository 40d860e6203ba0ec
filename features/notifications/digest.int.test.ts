import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { recordEvent } from "./events";
import { fanOutPendingEvents } from "./fan-out";
import { writeDailyDigests } from "./digest";
import { createHolidayCalendar } from "@/features/schedule/holidays";
import { addDays } from "@/lib/dates";

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

describe("the daily digest on the mainland side", () => {
  it("follows the mainland's working days: a make-up Saturday has one, a weekday holiday has none", async () => {
    const mainland = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, locale: "zh_Hans" });
    await db.notificationPreference.create({ data: { userId: mainland.id, category: "IMPORT", delivery: "DAILY_DIGEST" } });
    await db.$transaction((tx) => recordEvent(tx, mainland.id, { kind: "import.finished", importId: "sha-mainland", created: 4, updated: 0 }));
    while ((await fanOutPendingEvents(db, mail)).events > 0);
    // Found in the package's 2026 data, not typed in: a weekday the mainland rests, and a Saturday it works (调休).
    const calendar = createHolidayCalendar();
    const days = Array.from({ length: 365 }, (_, offset) => addDays("2026-01-01", offset));
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
    const restingWeekday = days.find((date) => weekday(date) >= 1 && weekday(date) <= 5 && !calendar.isWorkingDay("MAINLAND", date))!;
    const workingSaturday = days.find((date) => weekday(date) === 6 && calendar.isWorkingDay("MAINLAND", date))!;
    expect(restingWeekday).toBeDefined();
    expect(workingSaturday).toBeDefined();
    const at0830 = (date: string) => new Date(`${date}T00:30:00Z`);

    expect(await writeDailyDigests(db, mail, at0830(restingWeekday))).toEqual([]);
    const ids = await writeDailyDigests(db, mail, at0830(workingSaturday));
    expect(ids).toHaveLength(1);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ recipientId: mainland.id, idempotencyKey: `digest:${mainland.id}:${workingSaturday}` });
  });
});
