import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { createCohort, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { moveReportDueDate, saveReportDraft, submitReport } from "@/features/officer-reports/mutations";
import { findReportDueEntries } from "@/features/officer-reports/queries";
import { buildCalendarFeed } from "./feed";

// Report due dates in the officer's agenda data and calendar feed (issue 15), on fixed dates: the placement runs
// 2 March – 24 May 2026, so the mid-term report is due 12 April and the final report 18 May (decision 091).
const request = { requestId: "report-due-schedule-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let placementId: string;

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");
const feedOf = (user: TwoSidedWorld["hkCoordinator"], locale: "en" | "zh-Hant" = "en") =>
  buildCalendarFeed({ ...actorFromUser(user), locale }, { includeHolidays: false, today: "2026-03-01" }).then(unfold);

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, status: "IN_PROGRESS", startDate: parseDateOnly("2026-03-02"), endDate: parseDateOnly("2026-05-24") });
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: cohort.id, capacity: 5 } });
  const placement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: cohort.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
  placementId = placement.id;
});
afterAll(async () => db.$disconnect());

describe("report due dates in the schedule", () => {
  it("lists the derived due dates (the agenda data) for the officer, and nothing for another officer", async () => {
    const officer = actorFromUser(world.hkOfficerUsers[0]);
    expect(await findReportDueEntries(officer, [placementId])).toEqual([
      { placementId, kind: "MID_TERM", dueOn: "2026-04-12", isDone: false },
      { placementId, kind: "FINAL", dueOn: "2026-05-18", isDone: false },
    ]);
    expect(await findReportDueEntries(actorFromUser(world.hkOfficerUsers[1]), [placementId])).toEqual([]);
  });

  it("keeps the placement agenda's visibility: its host unit's supervisor and both sides' coordinators see them too", async () => {
    for (const user of [world.szSupervisor, world.hkCoordinator, world.szCoordinator]) {
      expect((await findReportDueEntries(actorFromUser(user), [placementId])).map((entry) => entry.dueOn)).toEqual(["2026-04-12", "2026-05-18"]);
    }
  });

  it("puts them in the officer's feed as all-day events in the officer's language", async () => {
    const feed = await feedOf(world.hkOfficerUsers[0]);
    expect(feed).toContain(`UID:report-${placementId}-mid_term@exchange-desk`);
    expect(feed).toContain("SUMMARY:Mid-term report due");
    expect(feed).toContain("DTSTART;VALUE=DATE:20260412");
    expect(feed).toContain(`UID:report-${placementId}-final@exchange-desk`);
    expect(feed).toContain("DTSTART;VALUE=DATE:20260518");
    expect(await feedOf(world.hkOfficerUsers[0], "zh-Hant")).toContain("SUMMARY:中期報告截止");
    expect(await feedOf(world.hkOfficerUsers[1])).not.toContain(`report-${placementId}`);
  });

  it("moves the entry when the sending side moves the due date, and marks a submitted report as handed in", async () => {
    const officerUser = world.hkOfficerUsers[0];
    await moveReportDueDate({ actor: actorFromUser(world.hkCoordinator), request }, { placementId, kind: "MID_TERM", dueOn: parseDateOnly("2026-04-20") });
    const sections = { workDone: "a", workDoneShareable: true, learned: "b", learnedShareable: true, applyAtHome: "c", applyAtHomeShareable: false, suggestions: "d", suggestionsShareable: true };
    const saved = await saveReportDraft({ actor: actorFromUser(officerUser), request }, { placementId, kind: "FINAL", version: null, ...sections });
    await submitReport({ actor: actorFromUser(officerUser), request }, { reportId: saved.id, version: saved.version });

    expect(await findReportDueEntries(actorFromUser(officerUser), [placementId])).toEqual([
      { placementId, kind: "MID_TERM", dueOn: "2026-04-20", isDone: false },
      { placementId, kind: "FINAL", dueOn: "2026-05-18", isDone: true },
    ]);
    const feed = await feedOf(officerUser);
    expect(feed).toContain("DTSTART;VALUE=DATE:20260420");
    expect(feed).not.toContain("DTSTART;VALUE=DATE:20260412");
    expect(feed.match(new RegExp(`UID:report-${placementId}-mid_term@`, "g"))).toHaveLength(1);
    expect(feed).toContain("SUMMARY:Final report handed in");
  });
});
