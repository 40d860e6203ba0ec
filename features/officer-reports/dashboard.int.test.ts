import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { createOfficer, createPlacement, createTwoSidedWorld, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { saveEvaluation } from "@/features/evaluations/mutations";
import { acceptReport, returnReport, saveReportDraft, submitReport } from "./mutations";
import { findCohortReportList, findReportCounts } from "./dashboard";

const request = { requestId: "report-counts-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });
const sections = { workDone: "a", workDoneShareable: true, learned: "b", learnedShareable: true, applyAtHome: "c", applyAtHomeShareable: false, suggestions: "d", suggestionsShareable: true };

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 100 } });
});
afterAll(async () => db.$disconnect());

describe("the dashboard's report counts", () => {
  it("counts each confirmed placement's two reports by their latest state, and evaluations written, for both sides", async () => {
    const users = world.hkOfficerUsers;
    const placements = [];
    for (const officer of world.hkOfficers) {
      placements.push(await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" }));
    }
    // A nominated placement is not counted.
    const extra = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
    await createPlacement(db, { officerId: extra.id, cohortId: world.hkToSz.id });

    const a = await saveReportDraft(as(users[0]), { placementId: placements[0].id, kind: "FINAL", version: null, ...sections });
    const aSubmitted = await submitReport(as(users[0]), { reportId: a.id, version: a.version });
    await acceptReport(as(world.hkCoordinator), { reportId: a.id, version: aSubmitted.version });
    const b = await saveReportDraft(as(users[0]), { placementId: placements[0].id, kind: "MID_TERM", version: null, ...sections });
    const bSubmitted = await submitReport(as(users[0]), { reportId: b.id, version: b.version });
    await returnReport(as(world.hkCoordinator), { reportId: b.id, version: bSubmitted.version, comment: "More detail" });
    const c = await saveReportDraft(as(users[1]), { placementId: placements[1].id, kind: "FINAL", version: null, ...sections });
    await submitReport(as(users[1]), { reportId: c.id, version: c.version });
    await saveEvaluation(as(world.szSupervisor), { placementId: placements[1].id, version: null, knowledge: 3, initiative: 3, collaboration: 3, communication: 3, professionalism: 3, comments: "" });

    for (const coordinator of [world.hkCoordinator, world.szCoordinator]) {
      const rows = await findReportCounts(actorFromUser(coordinator));
      expect(rows.find((row) => row.cohortId === world.hkToSz.id)).toMatchObject({ due: 1, submitted: 1, returned: 1, accepted: 1, evaluationsDone: 1, placements: 2 });
    }
    expect(await findReportCounts(actorFromUser(users[0]))).toEqual([]);

    // Each count opens the list of the reports it counts: the same placements, the same states, for both sides.
    for (const coordinator of [world.hkCoordinator, world.szCoordinator]) {
      const list = async (state: "due" | "submitted" | "returned" | "accepted") =>
        (await findCohortReportList(actorFromUser(coordinator), world.hkToSz.id, state))!.rows.map((row) => [row.placementId, row.kind, row.status]);
      expect(await list("accepted")).toEqual([[placements[0].id, "FINAL", "ACCEPTED"]]);
      expect(await list("returned")).toEqual([[placements[0].id, "MID_TERM", "RETURNED"]]);
      expect(await list("submitted")).toEqual([[placements[1].id, "FINAL", "SUBMITTED"]]);
      expect(await list("due")).toEqual([[placements[1].id, "MID_TERM", null]]);
    }
    const due = (await findCohortReportList(actorFromUser(world.hkCoordinator), world.hkToSz.id, "due"))!.rows[0];
    expect(due.officerName).toBe("PANG Chi-wing, Ronald");
    expect(due.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Not the panel's cohort for the reader: nothing (the page answers 404).
    expect(await findCohortReportList(actorFromUser(users[0]), world.hkToSz.id, "due")).toBeNull();
    expect(await findCohortReportList(actorFromUser(world.szSupervisor), world.hkToSz.id, "due")).toBeNull();
    expect(await findCohortReportList(actorFromUser(world.hkCoordinator), "no-such-cohort", "due")).toBeNull();
  });
});
