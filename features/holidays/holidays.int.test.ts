import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { actorFromUser } from "@/lib/auth/actor";
import { createCohort, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { buildCalendarFeed } from "@/features/schedule/feed";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { importHolidayYear, removeHoliday, saveHoliday } from "./mutations";
import { findHolidayYear } from "./queries";
import { holidayEntrySchema, importHolidayYearSchema, removeHolidaySchema } from "./schemas";

const request = { requestId: "holiday-test", ipAddress: "127.0.0.1" };

let world: TwoSidedWorld;
let admin: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  admin = actorFromUser(world.admin);
});
afterAll(async () => db.$disconnect());

const save = (actor: Actor, input: Record<string, unknown>) => saveHoliday(actor, request, holidayEntrySchema.parse(input));
const paste = (actor: Actor, side: string, year: number, text: string) => importHolidayYear(actor, request, importHolidayYearSchema.parse({ side, year: String(year), text }));
const auditOf = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("admin holiday entries", () => {
  it("refuses every role but the admin, writing nothing", async () => {
    for (const user of [world.hkCoordinator, world.szCoordinator, world.szSupervisor, world.hkOfficerUsers[0]]) {
      const actor = actorFromUser(user);
      await expect(save(actor, { side: "MAINLAND", date: "2027-10-01", kind: "HOLIDAY", nameEn: "National Day" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(paste(actor, "MAINLAND", 2027, "2027-10-01, National Day, holiday")).rejects.toBeInstanceOf(ForbiddenError);
      await expect(findHolidayYear(actor, "MAINLAND", 2027)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.holiday.count({ where: { date: new Date("2027-10-01") } })).toBe(0);
  });

  it("adds, edits and removes an entry, audited each time; a known name gets its translations", async () => {
    const { id } = await save(admin, { side: "MAINLAND", date: "2027-10-01", kind: "HOLIDAY", nameEn: "国庆节" });
    expect(await db.holiday.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameEn: "National Day", nameZhHant: "國慶節", nameZhHans: "国庆节", version: 1 });
    expect((await loadHolidayCalendar()).isWorkingDay("MAINLAND", "2027-10-01")).toBe(false);

    await save(admin, { id, version: "1", side: "MAINLAND", date: "2027-10-01", kind: "HOLIDAY", nameEn: "National Day (test)", nameZhHant: "國慶（測試）", nameZhHans: "国庆（测试）" });
    expect(await db.holiday.findUniqueOrThrow({ where: { id } })).toMatchObject({ nameEn: "National Day (test)", version: 2 });
    // A stale edit (from version 1) is refused and overwrites nothing.
    await expect(save(admin, { id, version: "1", side: "MAINLAND", date: "2027-10-01", kind: "HOLIDAY", nameEn: "Stale" })).rejects.toMatchObject({ messageKey: expect.stringMatching(/^staleRecord/) });

    await removeHoliday(admin, request, removeHolidaySchema.parse({ id, version: "2" }));
    expect(await db.holiday.count({ where: { id } })).toBe(0);
    const audit = await auditOf(id);
    expect(audit.map((entry) => entry.action)).toEqual(["holiday.create", "holiday.update", "holiday.delete"]);
    expect(audit[0]).toMatchObject({ actorId: world.admin.id, entityType: "Holiday", requestId: "holiday-test", after: { side: "MAINLAND", date: "2027-10-01", kind: "HOLIDAY" } });
    expect(audit[1].after).toEqual({ nameEn: "National Day (test)", nameZhHant: "國慶（測試）", nameZhHans: "国庆（测试）" });
  });

  it("keeps one entry per side and date: a second one is refused next to the date", async () => {
    await save(admin, { side: "HK", date: "2027-12-24", kind: "HOLIDAY", nameEn: "Christmas Eve" });
    await expect(save(admin, { side: "HK", date: "2027-12-24", kind: "HOLIDAY", nameEn: "Again" })).rejects.toMatchObject({ fieldErrors: { date: ["holidayDateTaken"] } });
    // The other side may have its own entry that day.
    await save(admin, { side: "MAINLAND", date: "2027-12-24", kind: "WORKING_DAY", nameEn: "Not a holiday" });
  });

  it("enforces side and kind in the database, whatever the code sends", async () => {
    await expect(db.$executeRaw`INSERT INTO "Holiday" (id, side, date, kind, "nameEn", "nameZhHant", "nameZhHans", "updatedAt") VALUES ('h-bad-side', 'MACAU', '2027-03-01', 'HOLIDAY', 'x', 'x', 'x', now())`).rejects.toThrow(/Holiday_side_known/);
    await expect(db.$executeRaw`INSERT INTO "Holiday" (id, side, date, kind, "nameEn", "nameZhHant", "nameZhHans", "updatedAt") VALUES ('h-bad-kind', 'HK', '2027-03-01', 'FESTIVAL', 'x', 'x', 'x', now())`).rejects.toThrow(/Holiday_kind_known/);
    await expect(db.$executeRaw`INSERT INTO "Holiday" (id, side, date, kind, "nameEn", "nameZhHant", "nameZhHans", "updatedAt") VALUES ('h-no-name', 'HK', '2027-03-01', 'HOLIDAY', ' ', 'x', 'x', now())`).rejects.toThrow(/Holiday_names_present/);
  });

  it("pastes a year's list all or nothing, reporting each bad line with the value entered", async () => {
    const refused = await paste(admin, "MAINLAND", 2028, "2028-01-01, 元旦, holiday\n2028-02-30, 春节, holiday\n2028-01-29, 春节, sometimes");
    expect(refused).toEqual({
      saved: false,
      errors: [
        { line: 2, problem: "invalidDate", value: "2028-02-30" },
        { line: 3, problem: "kind", value: "sometimes" },
      ],
    });
    expect(await db.holiday.count({ where: { date: { gte: new Date("2028-01-01"), lte: new Date("2028-12-31") } } })).toBe(0);
  });

  it("replaces the side's admin entries of that year with the pasted list, audited", async () => {
    await save(admin, { side: "MAINLAND", date: "2029-05-01", kind: "HOLIDAY", nameEn: "Old entry" });
    const result = await paste(admin, "MAINLAND", 2029, "date,name,kind\n2029-01-01, 元旦, holiday\n2029-02-17, 春节, 班");
    expect(result).toEqual({ saved: true, count: 2, removed: 1 });
    const year = await findHolidayYear(admin, "MAINLAND", 2029);
    expect(year.adminEntries.map((entry) => [entry.date, entry.kind, entry.name.en])).toEqual([
      ["2029-01-01", "HOLIDAY", "New Year's Day"],
      ["2029-02-17", "MAKE_UP_WORKDAY", "Spring Festival"],
    ]);
    expect(year).toMatchObject({ packageHasYear: false, hasData: true });
    const actions = (await db.auditLog.findMany({ where: { requestId: "holiday-test", action: { startsWith: "holiday." } }, orderBy: { id: "desc" }, take: 4 })).map((entry) => entry.action);
    expect(actions).toEqual(["holiday.import", "holiday.create", "holiday.create", "holiday.delete"]);
  });

  it("removes a package holiday with a working-day entry, and shows it as overridden", async () => {
    // 2024-10-07 (Monday) is the last day of the mainland's National Day break in chinese-days.
    await save(admin, { side: "MAINLAND", date: "2024-10-07", kind: "WORKING_DAY", nameEn: "Not a holiday (test)" });
    expect((await loadHolidayCalendar()).isWorkingDay("MAINLAND", "2024-10-07")).toBe(true);
    const year = await findHolidayYear(admin, "MAINLAND", 2024);
    expect(year.packageEntries.find((entry) => entry.date === "2024-10-07")).toMatchObject({ overridden: true });
    expect(year.adminEntries.find((entry) => entry.date === "2024-10-07")?.replaces).toMatchObject({ kind: "holiday" });
  });
});

describe("the .ics feed uses the merged data", () => {
  it("says in its description that 2030 has no mainland data, then lists the admin's 2030 holidays and says nothing", async () => {
    const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: new Date("2030-01-07"), endDate: new Date("2030-03-29") });
    await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: cohort.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
    const owner = { ...actorFromUser(world.hkOfficerUsers[0]), locale: "en" as const };
    const caldesc = (text: string) => text.replace(/\r\n[ \t]/g, "").match(/^X-WR-CALDESC:(.*)$/m)?.[1] ?? null;

    const before = await buildCalendarFeed(owner, { includeHolidays: true, today: "2029-12-01" });
    expect(caldesc(before)).toMatch(/^Mainland holidays and make-up working days for 2030 are not in the data yet/);

    await paste(admin, "MAINLAND", 2030, "2030-02-04, 春节, holiday\n2030-02-09, 春节, make-up workday");
    const after = await buildCalendarFeed(owner, { includeHolidays: true, today: "2029-12-01" });
    expect(caldesc(after)).toBeNull();
    const events = Object.values(ical.sync.parseICS(after)).filter((component): component is VEvent => component?.type === "VEVENT");
    const mainland = events.filter((event) => String(event.uid).startsWith("holiday-mainland-")).map((event) => [event.uid, event.summary]);
    expect(mainland).toEqual([
      ["holiday-mainland-holiday-2030-02-04@exchange-desk", "Mainland holiday: Spring Festival"],
      ["holiday-mainland-workday-2030-02-09@exchange-desk", "Mainland: Spring Festival"],
    ]);
  });
});
