import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appErrorMessage, type Translate } from "@/lib/action";
import { actorFromUser } from "@/lib/auth/actor";
import { formatDateOnly } from "@/lib/dates";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { createCohort, createField, createOfficer, createPlacement, createUser, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import { updateCohort } from "@/features/cohorts/mutations";
import { updateOfficer } from "@/features/officers/mutations";
import { updateOfficerSchema } from "@/features/officers/schemas";
import { setHostUnitCapacity } from "@/features/host-units/mutations";
import { setCapacitySchema } from "@/features/host-units/schemas";
import { createScheduleItem, updateScheduleItem } from "@/features/schedule/mutations";
import { createScheduleItemSchema, updateScheduleItemSchema } from "@/features/schedule/schemas";

// Issue 12 §2 / decision 057 for the other versioned records: a stale edit of a cohort, an officer, a host unit's
// capacity or a schedule item lists which fields changed since the user loaded it — labelled, with their values now —
// through the one helper in lib/mutation-support.ts, and writes nothing.
const request = () => ({ requestId: randomUUID(), ipAddress: "127.0.0.1" });
let world: TwoSidedWorld;

function message(error: Parameters<typeof appErrorMessage>[0], locale: AppLocale = "en") {
  const messages = loadMessages(locale);
  const errors = createTranslator({ locale, messages, namespace: "errors" }) as unknown as Translate;
  return appErrorMessage(error, errors, { t: createTranslator({ locale, messages }) as unknown as Translate, locale });
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

describe("a stale edit lists what changed since it was loaded", () => {
  it("of a cohort: name, status and dates, with the side's name, not its id", async () => {
    const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id });
    const colleague = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id, name: `Colleague ${cohort.code}` }));
    const base = { ...cohort, version: 1 };
    const later = new Date(cohort.endDate.getTime() - 7 * 86_400_000);
    await updateCohort({ actor: colleague, request: request() }, { ...base, nameEn: "Renamed cohort", status: "NOMINATIONS", endDate: later });
    const stale = await appErrorRefusal(updateCohort({ actor: actorFromUser(world.hkCoordinator), request: request() }, { ...base, nameEn: "Mine" }));
    expect(stale.messageKey).toBe("staleRecord");
    expect(stale.changes).toEqual([
      { labelKey: "cohorts.nameEn", value: { text: "Renamed cohort" } },
      { labelKey: "cohorts.endDate", value: { date: formatDateOnly(later) } },
      { labelKey: "cohorts.status", value: { messageKey: "status.cohort.NOMINATIONS" } },
    ]);
    expect(message(stale)).toContain("Changed since you opened it: Name in English is now “Renamed cohort”; End date is now “");
    expect(message(stale)).toContain("Status is now “Nominations”");
    expect(await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).toMatchObject({ nameEn: "Renamed cohort", version: 2 });
  });

  it("of an officer: names, rank and fields of work by their names in the reader's language", async () => {
    const target = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    const second = await createField(db, { nameEn: "Aaa urban planning", nameZhHant: "城市規劃", nameZhHans: "城市规划" });
    const colleague = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id }));
    const input = (changes: Record<string, unknown>) =>
      updateOfficerSchema.parse({ id: target.id, version: 1, staffNumber: target.staffNumber, surname: target.surname, givenName: target.givenName, otherName: target.otherName ?? "", chineseName: target.chineseName ?? "", rankId: target.rankId, departmentId: target.departmentId, workEmail: target.workEmail, fieldIds: [world.field.id], ...changes });
    await updateOfficer(colleague, request(), input({ surname: "Renamed", fieldIds: [world.field.id, second.id] }));
    const stale = await appErrorRefusal(updateOfficer(actorFromUser(world.hkCoordinator), request(), input({ givenName: "Mine" })));
    expect(stale.changes).toEqual([
      { labelKey: "officers.surname", value: { text: "Renamed" } },
      {
        labelKey: "officers.fields",
        value: { names: { nameEn: `Aaa urban planning, ${world.field.nameEn}`, nameZhHant: `城市規劃、${world.field.nameZhHant}`, nameZhHans: `城市规划、${world.field.nameZhHans}` } },
      },
    ]);
    expect(message(stale, "zh-Hant")).toContain(`工作範疇現為「城市規劃、${world.field.nameZhHant}」`);
    expect(await db.officer.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ surname: "Renamed", givenName: target.givenName, version: 2 });
  });

  it("of a host unit's capacity: the places now", async () => {
    const unit = world.szHostUnits[0];
    const parse = (capacity: number, version?: number) => setCapacitySchema.parse({ hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity, version: version ? String(version) : undefined });
    const colleague = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id }));
    const first = await setHostUnitCapacity(colleague, request(), parse(12));
    await setHostUnitCapacity(colleague, request(), parse(14, first.version));
    // One user opened the page before any capacity was saved; another after the first save.
    for (const loaded of [undefined, first.version]) {
      const stale = await appErrorRefusal(setHostUnitCapacity(actorFromUser(world.szCoordinator), request(), parse(30, loaded)));
      expect(stale.changes).toEqual([{ labelKey: "audit.fields.capacity", value: { text: "14" } }]);
      expect(message(stale)).toContain("Changed since you opened it: Places is now “14”.");
    }
    expect((await db.hostUnitCapacity.findFirstOrThrow({ where: { hostUnitId: unit.id, cohortId: world.hkToSz.id } })).capacity).toBe(14);
  });

  it("of a schedule item: title and time, the time in Hong Kong time", async () => {
    const placement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
    const start = formatDateOnly(world.hkToSz.startDate);
    const supervisor = actorFromUser(world.szSupervisor);
    const fields = { type: "SITE_VISIT", location: "Futian", startDate: start, endTime: "17:00" };
    const { id } = await createScheduleItem(supervisor, request(), createScheduleItemSchema.parse({ ...fields, title: "Site visit", startTime: "14:00", placementId: placement.id }));
    await updateScheduleItem(actorFromUser(world.szCoordinator), request(), updateScheduleItemSchema.parse({ ...fields, id, version: 1, title: "Site visit (moved)", startTime: "15:30" }));
    const stale = await appErrorRefusal(updateScheduleItem(supervisor, request(), updateScheduleItemSchema.parse({ ...fields, id, version: 1, title: "Site visit", startTime: "14:00", location: "Nanshan" })));
    const item = await db.scheduleItem.findUniqueOrThrow({ where: { id } });
    expect(stale.changes).toEqual([
      { labelKey: "schedule.form.title", value: { text: "Site visit (moved)" } },
      { labelKey: "audit.fields.startsAt", value: { instant: item.startsAt.toISOString() } },
    ]);
    expect(message(stale)).toMatch(/Changed since you opened it: Title is now “Site visit \(moved\)”; Starts is now “.*3:30.*”\.$/);
    expect(item).toMatchObject({ location: "Futian", version: 2 });
  });
});
