import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { fanOutPendingEvents } from "@/features/notifications/fan-out";
import { notificationTranslator, renderNotification } from "@/features/notifications/render";
import { loadMessages } from "@/lib/i18n/messages";
import { acceptReport, returnReport, saveReportDraft, submitReport } from "./mutations";

// Issue 15 through the notifications of issue 13: a submitted report reaches the sending side's coordinators; a
// returned or accepted one reaches the officer; nobody on the host side hears of them.
const request = { requestId: "report-events-test", ipAddress: "127.0.0.1" };
const mail = { enabled: false, appUrl: "http://desk.test" };
let world: TwoSidedWorld;
let hkCoordinator2: CreatedUser;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });
const ids = (...users: { id: string }[]) => users.map((user) => user.id).sort();

async function recipientsOf(kind: string, placementId: string): Promise<string[]> {
  while ((await fanOutPendingEvents(db, mail)).events > 0);
  const events = await db.notificationEvent.findMany({ where: { kind, entityId: placementId }, select: { id: true } });
  const rows = await db.notification.findMany({ where: { kind, eventId: { in: events.map((event) => event.id) } } });
  return rows.map((row) => row.recipientId).sort();
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 10 } });
  hkCoordinator2 = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.hk.id });
});
afterAll(async () => db.$disconnect());

describe("report events", () => {
  it("tell the sending side of a submission and the officer of a return and an acceptance", async () => {
    const officerUser = world.hkOfficerUsers[0];
    const placement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
    const sections = { workDone: "a", workDoneShareable: true, learned: "b", learnedShareable: true, applyAtHome: "c", applyAtHomeShareable: false, suggestions: "d", suggestionsShareable: true };
    const saved = await saveReportDraft(as(officerUser), { placementId: placement.id, kind: "MID_TERM", version: null, ...sections });
    const submitted = await submitReport(as(officerUser), { reportId: saved.id, version: saved.version });
    expect(await recipientsOf("placement.reportSubmitted", placement.id)).toEqual(ids(world.hkCoordinator, hkCoordinator2));

    const returned = await returnReport(as(world.hkCoordinator), { reportId: saved.id, version: submitted.version, comment: "More detail" });
    expect(await recipientsOf("placement.reportReturned", placement.id)).toEqual(ids(officerUser));
    const resubmitted = await submitReport(as(officerUser), { reportId: saved.id, version: returned.version });
    await acceptReport(as(world.hkCoordinator), { reportId: saved.id, version: resubmitted.version });
    expect(await recipientsOf("placement.reportAccepted", placement.id)).toEqual(ids(officerUser));

    const notification = await db.notification.findFirstOrThrow({ where: { kind: "placement.reportAccepted", recipientId: officerUser.id } });
    expect(notification.link).toBe(`/placements/${placement.id}/reports`);
    const rendered = renderNotification(notificationTranslator("zh-Hant", loadMessages("zh-Hant")), "zh-Hant", notification.kind, notification.params as never);
    expect(rendered.text).toBe("你的中期報告已獲接納。");
  });
});
