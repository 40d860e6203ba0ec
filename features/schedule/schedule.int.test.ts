import { randomUUID } from "node:crypto";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createOfficer, createPlacement, createUser, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { calendarTokenFromPath, respondWithCalendarFeed, respondWithOwnCalendar } from "./feed";
import { createScheduleItem, createStandardSchedule, deleteScheduleItem, regenerateCalendarToken, revokeCalendarToken, updateScheduleItem } from "./mutations";
import { findCohortCalendar, findMySchedule, findPlacementSchedule, findScheduleItem, findSupervisorSchedules } from "./queries";
import { createScheduleItemSchema, standardScheduleSchema, updateScheduleItemSchema } from "./schemas";
import { monthOfIsoDate } from "./calendar";
import { formatDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";

afterAll(async () => db.$disconnect());

const request = () => ({ requestId: randomUUID(), ipAddress: "10.1.2.3" });

function actorOf(user: User): Actor & { locale: "en" } {
  return { ...actorFromUser(user), locale: "en" };
}

let world: TwoSidedWorld;
let placementId: string;
let otherPlacementId: string;
let start: string;
let actors: Record<"hkCoordinator" | "szCoordinator" | "supervisor" | "otherSupervisor" | "officer" | "otherOfficer" | "thirdCityCoordinator", Actor & { locale: "en" }>;

const siteVisit = (target: { placementId?: string; cohortId?: string }, title = `Site visit ${randomUUID().slice(0, 8)}`) =>
  createScheduleItemSchema.parse({ type: "SITE_VISIT", title, location: "Futian", startDate: start, startTime: "14:00", endTime: "17:00", ...target });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  start = formatDateOnly(world.hkToSz.startDate);
  const [unitA, unitB] = world.szHostUnits;
  placementId = (await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: unitA.id, status: "CONFIRMED" })).id;
  otherPlacementId = (await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: world.hkToSz.id, hostUnitId: unitB.id, status: "CONFIRMED" })).id;
  const otherSupervisor = await createUser(db, { role: "SUPERVISOR", jurisdictionId: world.sz.id, hostUnitId: unitB.id });
  const thirdCityCoordinator = await createUser(db, { role: "COORDINATOR" });
  actors = {
    hkCoordinator: actorOf(world.hkCoordinator),
    szCoordinator: actorOf(world.szCoordinator),
    supervisor: actorOf(world.szSupervisor),
    otherSupervisor: actorOf(otherSupervisor),
    officer: actorOf(world.hkOfficerUsers[0]),
    otherOfficer: actorOf(world.hkOfficerUsers[1]),
    thirdCityCoordinator: actorOf(thirdCityCoordinator),
  };
});

describe("placement items", () => {
  it("the supervisor of the host unit adds, edits and deletes a site visit, each change audited in the same transaction", async () => {
    const { id } = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }, "Site visit: Qianhai"));
    const created = await db.scheduleItem.findUniqueOrThrow({ where: { id } });
    expect(created).toMatchObject({ placementId, cohortId: world.hkToSz.id, type: "SITE_VISIT", createdById: actors.supervisor.userId, version: 1 });

    const update = updateScheduleItemSchema.parse({ id, version: 1, type: "SITE_VISIT", title: "Site visit: Qianhai (moved)", location: "Futian", startDate: start, startTime: "15:00", endTime: "17:00" });
    expect(await updateScheduleItem(actors.supervisor, request(), update)).toEqual({ id, version: 2 });
    await deleteScheduleItem(actors.supervisor, request(), { id, version: 2 });
    expect(await db.scheduleItem.findUnique({ where: { id } })).toBeNull();

    const audit = await db.auditLog.findMany({ where: { entityType: "ScheduleItem", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["scheduleItem.create", "scheduleItem.update", "scheduleItem.delete"]);
    expect(audit[1].before).toEqual({ title: "Site visit: Qianhai", startsAt: created.startsAt.toISOString() });
    expect(audit[1].after).toMatchObject({ title: "Site visit: Qianhai (moved)" });
    expect(audit.every((entry) => entry.actorId === actors.supervisor.userId)).toBe(true);
  });

  it("a supervisor of another host unit can neither read nor edit the placement's schedule", async () => {
    const { id } = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }));
    const other = actors.otherSupervisor;
    expect(await findPlacementSchedule(other, placementId)).toBeNull();
    expect(await findScheduleItem(other, id)).toBeNull();
    const visible = await findSupervisorSchedules(other, start);
    expect(visible!.placements.map((placement) => placement.id)).toEqual([otherPlacementId]);
    expect(visible!.upcoming.map((entry) => entry.id)).not.toContain(id);
    await expect(createScheduleItem(other, request(), siteVisit({ placementId }))).rejects.toThrow(NotFoundError);
    const update = updateScheduleItemSchema.parse({ id, version: 1, type: "OTHER", title: "taken over", startDate: start, allDay: true });
    await expect(updateScheduleItem(other, request(), update)).rejects.toThrow(NotFoundError);
    await expect(deleteScheduleItem(other, request(), { id, version: 1 })).rejects.toThrow(NotFoundError);
    expect(await db.scheduleItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1, type: "SITE_VISIT" });
  });

  it("an officer reads their own schedule only and cannot change it", async () => {
    const { id } = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }));
    const { id: othersItem } = await createScheduleItem(actors.szCoordinator, request(), siteVisit({ placementId: otherPlacementId }));
    const mine = await findMySchedule(actors.officer);
    expect(mine!.placements.map((placement) => placement.id)).toEqual([placementId]);
    expect(mine!.entries.map((entry) => entry.id)).toContain(id);
    expect(mine!.entries.map((entry) => entry.id)).not.toContain(othersItem);
    expect(mine!.entries.every((entry) => !entry.canEdit)).toBe(true);
    expect(mine!.placements[0].contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: "SUPERVISOR", email: world.szSupervisor.email }),
        expect.objectContaining({ role: "COORDINATOR", side: "sending", email: world.hkCoordinator.email }),
        expect.objectContaining({ role: "COORDINATOR", side: "host", email: world.szCoordinator.email }),
      ]),
    );

    expect(await findPlacementSchedule(actors.officer, otherPlacementId)).toBeNull();
    expect(await findScheduleItem(actors.officer, othersItem)).toBeNull();
    await expect(createScheduleItem(actors.officer, request(), siteVisit({ placementId }))).rejects.toThrow(ForbiddenError);
    await expect(deleteScheduleItem(actors.officer, request(), { id, version: 1 })).rejects.toThrow(ForbiddenError);
    await expect(deleteScheduleItem(actors.officer, request(), { id: othersItem, version: 1 })).rejects.toThrow(NotFoundError);
  });

  it("the host side's coordinator edits placement items; the sending side's only reads them", async () => {
    const { id } = await createScheduleItem(actors.szCoordinator, request(), siteVisit({ placementId }));
    await expect(createScheduleItem(actors.hkCoordinator, request(), siteVisit({ placementId }))).rejects.toThrow(ForbiddenError);
    await expect(deleteScheduleItem(actors.hkCoordinator, request(), { id, version: 1 })).rejects.toThrow(ForbiddenError);
    const asSending = await findPlacementSchedule(actors.hkCoordinator, placementId);
    expect(asSending!.placement.canEditItems).toBe(false);
    expect(asSending!.entries.find((entry) => entry.id === id)?.canEdit).toBe(false);
    expect((await findPlacementSchedule(actors.szCoordinator, placementId))!.placement.canEditItems).toBe(true);
    // A coordinator of a city that is not part of the cohort sees nothing.
    expect(await findPlacementSchedule(actors.thirdCityCoordinator, placementId)).toBeNull();
    await expect(createScheduleItem(actors.thirdCityCoordinator, request(), siteVisit({ placementId }))).rejects.toThrow(NotFoundError);
  });

  it("refuses an edit made on an outdated version", async () => {
    const { id } = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }));
    const edit = (title: string) => updateScheduleItemSchema.parse({ id, version: 1, type: "SITE_VISIT", title, startDate: start, startTime: "09:00", endTime: "10:00" });
    await updateScheduleItem(actors.szCoordinator, request(), edit("first writer"));
    const stale = updateScheduleItem(actors.supervisor, request(), edit("second writer"));
    await expect(stale).rejects.toThrow(AppError);
    await expect(stale).rejects.toMatchObject({ messageKey: "staleRecord", values: { name: world.szCoordinator.name } });
    expect((await db.scheduleItem.findUniqueOrThrow({ where: { id } })).title).toBe("first writer");
  });

  it("saves a standard schedule all at once, or nothing when the actor may not", async () => {
    const items = ["Orientation", "Mid-term check-in"].map((title) => ({ type: "MEETING", title, startDate: start, startTime: "10:00", endTime: "11:00" }));
    const input = standardScheduleSchema.parse({ placementId, items });
    const before = await db.scheduleItem.count({ where: { placementId } });
    await expect(createStandardSchedule(actors.hkCoordinator, request(), input)).rejects.toThrow(ForbiddenError);
    expect(await db.scheduleItem.count({ where: { placementId } })).toBe(before);
    const { ids } = await createStandardSchedule(actors.supervisor, request(), input);
    expect(ids).toHaveLength(2);
    expect(await db.auditLog.count({ where: { entityId: { in: ids }, action: "scheduleItem.create", after: { path: ["source"], equals: "standardSchedule" } } })).toBe(2);
  });
});

describe("cohort-wide items", () => {
  it("coordinators of both sides edit them; supervisors and officers read them with their placement", async () => {
    const opening = await createScheduleItem(actors.hkCoordinator, request(), siteVisit({ cohortId: world.hkToSz.id }, "Opening ceremony"));
    const update = updateScheduleItemSchema.parse({ id: opening.id, version: 1, type: "CEREMONY", title: "Opening ceremony", startDate: start, startTime: "10:00", endTime: "11:30" });
    await updateScheduleItem(actors.szCoordinator, request(), update);
    await expect(createScheduleItem(actors.supervisor, request(), siteVisit({ cohortId: world.hkToSz.id }))).rejects.toThrow(NotFoundError);
    await expect(createScheduleItem(actors.officer, request(), siteVisit({ cohortId: world.hkToSz.id }))).rejects.toThrow(NotFoundError);
    await expect(createScheduleItem(actors.thirdCityCoordinator, request(), siteVisit({ cohortId: world.hkToSz.id }))).rejects.toThrow(NotFoundError);

    expect((await findPlacementSchedule(actors.supervisor, placementId))!.entries.map((entry) => entry.id)).toContain(opening.id);
    expect((await findMySchedule(actors.officer))!.entries.map((entry) => entry.id)).toContain(opening.id);
    const calendar = await findCohortCalendar(actors.hkCoordinator, world.hkToSz.id, { month: monthOfIsoDate(start), today: start });
    expect(calendar!.entries.find((entry) => entry.id === opening.id)).toMatchObject({ canEdit: true, officerName: null });
    expect(await findCohortCalendar(actors.supervisor, world.hkToSz.id, { month: monthOfIsoDate(start), today: start })).toBeNull();
    expect(await findCohortCalendar(actors.officer, world.hkToSz.id, { month: monthOfIsoDate(start), today: start })).toBeNull();
  });

  it("filters the cohort calendar by host unit, keeping the cohort-wide items", async () => {
    const own = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }));
    const others = await createScheduleItem(actors.szCoordinator, request(), siteVisit({ placementId: otherPlacementId }));
    const wide = await createScheduleItem(actors.szCoordinator, request(), siteVisit({ cohortId: world.hkToSz.id }));
    const calendar = await findCohortCalendar(actors.szCoordinator, world.hkToSz.id, { month: monthOfIsoDate(start), today: start, hostUnitId: world.szHostUnits[0].id });
    const ids = calendar!.entries.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, wide.id]));
    expect(ids).not.toContain(others.id);
    // An id that is not one of the cohort's host units is ignored rather than trusted.
    const unfiltered = await findCohortCalendar(actors.szCoordinator, world.hkToSz.id, { month: monthOfIsoDate(start), today: start, hostUnitId: "not-a-unit" });
    expect(unfiltered!.hostUnitId).toBeNull();
    expect(unfiltered!.entries.map((entry) => entry.id)).toContain(others.id);
  });
});

describe("database integrity", () => {
  it("refuses a placement item filed under another cohort, and a blank title", async () => {
    const base = { type: "OTHER" as const, startsAt: new Date(), endsAt: new Date() };
    await expect(db.scheduleItem.create({ data: { ...base, title: "x", cohortId: world.szToHk.id, placementId } })).rejects.toThrow(/ScheduleItem_placement_in_cohort/);
    await expect(db.scheduleItem.create({ data: { ...base, title: "  ", cohortId: world.hkToSz.id } })).rejects.toThrow(/ScheduleItem_title_not_blank/);
  });
});

describe("calendar feed", () => {
  const feed = (token: string) => respondWithCalendarFeed(`${token}`, request(), { includeHolidays: true });
  const parse = async (response: Response) => Object.values(ical.sync.parseICS(await response.text())).filter((component): component is VEvent => component?.type === "VEVENT");

  it("serves only the owner's schedule, and a regenerated link revokes the old one at once", async () => {
    const mine = await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }, "Mine"));
    const theirs = await createScheduleItem(actors.szCoordinator, request(), siteVisit({ placementId: otherPlacementId }, "Theirs"));
    const { token: first, replaced: firstReplaced } = await regenerateCalendarToken(actors.officer, request());
    // The notice says whether an old link stopped working (issue 12 §8, decision 056).
    expect(firstReplaced).toBe(false);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: actors.officer.userId } });
    expect(stored.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.calendarTokenHash).not.toContain(first);

    const response = await feed(first);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const uids = (await parse(response)).map((event) => event.uid);
    expect(uids).toContain(`${mine.id}@exchange-desk`);
    expect(uids).not.toContain(`${theirs.id}@exchange-desk`);

    const { token: second, replaced: secondReplaced } = await regenerateCalendarToken(actors.officer, request());
    expect(secondReplaced).toBe(true);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    await revokeCalendarToken(actors.officer, request());
    expect((await feed(second)).status).toBe(404);
    expect((await feed("not-a-token")).status).toBe(404);

    const audit = await db.auditLog.findMany({ where: { entityType: "User", entityId: actors.officer.userId }, orderBy: { id: "asc" } });
    // Two fetches on one day: one "fetched" entry (see recordCalendarFeedAccess).
    expect(audit.map((entry) => entry.action)).toEqual(["calendarFeed.regenerateLink", "calendarFeed.fetch", "calendarFeed.regenerateLink", "calendarFeed.revokeLink"]);
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toContain(first);
  });

  it("serves a feed URL ending in .ICS like one ending in .ics, and revalidates with the ETag although holidays are stamped anew", async () => {
    const { token } = await regenerateCalendarToken(actors.officer, request());
    for (const segment of [`${token}.ics`, `${token}.ICS`, `${token}.Ics`, token]) expect((await feed(calendarTokenFromPath(segment))).status, segment).toBe(200);
    const first = await feed(token);
    const body = await first.text();
    expect(body).toContain("BEGIN:VEVENT");
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const etag = first.headers.get("etag");
    const again = await respondWithCalendarFeed(token, request(), { includeHolidays: true, ifNoneMatch: etag });
    expect(again.status).toBe(304);
  });

  it("stops serving a deactivated owner's link", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id });
    const user = await createUser(db, { role: "OFFICER", officerId: officer.id });
    const owner = actorOf(user);
    const { token } = await regenerateCalendarToken(owner, request());
    expect((await feed(token)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await feed(token)).status).toBe(404);
  });

  it("writes the supervisor's download with the officer's name on each item and audits every download", async () => {
    await createScheduleItem(actors.supervisor, request(), siteVisit({ placementId }, "Named"));
    const response = await respondWithOwnCalendar(actors.supervisor, request(), { includeHolidays: false });
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const events = await parse(response);
    const named = events.find((event) => String(event.summary).startsWith("Named"));
    expect(String(named?.summary)).toContain("YUEN Ka-wai, Karen");
    expect(events.every((event) => !String(event.uid).startsWith("holiday-"))).toBe(true);
    await respondWithOwnCalendar(actors.supervisor, request(), { includeHolidays: false });
    expect(await db.auditLog.count({ where: { entityId: actors.supervisor.userId, action: "calendarFeed.download" } })).toBe(2);
  });
});
