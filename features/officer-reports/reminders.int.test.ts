import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { createCohort, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { fanOutPendingEvents } from "@/features/notifications/fan-out";
import { saveReportDraft, submitReport } from "./mutations";
import { scanReportReminders } from "./reminders";

// Report reminders on a fixed clock (never today's date): "due in 7 days" to the officer, "overdue" to the officer
// and the sending side, once per due date, none for a submitted report.
const request = { requestId: "report-reminders-test", ipAddress: "127.0.0.1" };
const mail = { enabled: false, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in Hong Kong

async function recipientsOf(kind: string, placementId: string) {
  while ((await fanOutPendingEvents(db, mail)).events > 0);
  const events = await db.notificationEvent.findMany({ where: { kind, entityId: placementId } });
  const rows = await db.notification.findMany({ where: { kind, eventId: { in: events.map((event) => event.id) } } });
  return { payloads: events.map((event) => event.payload), recipients: rows.map((row) => row.recipientId).sort() };
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

describe("report reminders", () => {
  it("remind 7 days ahead and once overdue, never twice, and not for a submitted report", async () => {
    const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, status: "IN_PROGRESS", startDate: parseDateOnly("2026-03-02"), endDate: parseDateOnly("2026-05-24") });
    await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: cohort.id, capacity: 5 } });
    const officerUser = world.hkOfficerUsers[0];
    const placement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: cohort.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
    // Mid-term due 12 April 2026 (the mid-point), final due 18 May 2026 (start of the last week).
    expect(await scanReportReminders(db, at("2026-04-04"))).toBe(0);
    expect(await scanReportReminders(db, at("2026-04-05"))).toBe(1);
    expect(await scanReportReminders(db, at("2026-04-05"))).toBe(0);
    const due = await recipientsOf("reminder.reportDue", placement.id);
    expect(due.payloads).toEqual([expect.objectContaining({ reportKind: "MID_TERM", dueOn: "2026-04-12" })]);
    expect(due.recipients).toEqual([officerUser.id]);

    expect(await scanReportReminders(db, at("2026-04-13"))).toBe(1);
    expect(await scanReportReminders(db, at("2026-04-20"))).toBe(0);
    const overdue = await recipientsOf("reminder.reportOverdue", placement.id);
    expect(overdue.recipients).toEqual([officerUser.id, world.hkCoordinator.id].sort());

    // The final report is submitted early: no reminder for it.
    const sections = { workDone: "a", workDoneShareable: true, learned: "b", learnedShareable: true, applyAtHome: "c", applyAtHomeShareable: false, suggestions: "d", suggestionsShareable: true };
    const saved = await saveReportDraft({ actor: actorFromUser(officerUser), request }, { placementId: placement.id, kind: "FINAL", version: null, ...sections });
    await submitReport({ actor: actorFromUser(officerUser), request }, { reportId: saved.id, version: saved.version });
    expect(await scanReportReminders(db, at("2026-05-11"))).toBe(0);
  });
});
