import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { Role } from "@/generated/prisma/enums";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { acceptReport, openReportRevision, saveReportDraft, submitReport } from "./mutations";
import { findOutcomeFilterOptions, findOutcomes } from "./library";
import type { OutcomeSearch } from "./library-params";

// The outcomes library: accepted final reports' shareable sections, found by words in either Chinese script, by
// cohort, host unit and field, for the readers the "outcome" scope names; never a sending-side-only section.
const request = { requestId: "outcomes-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let placementId: string;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });
const search = (overrides: Partial<OutcomeSearch> = {}): OutcomeSearch => ({ q: undefined, cohort: undefined, hostUnit: undefined, field: undefined, page: 1, ...overrides });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 100 } });
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const user = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.hk.id, officerId: officer.id });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, status: "CONFIRMED" });
  placementId = placement.id;
  const saved = await saveReportDraft(as(user), {
    placementId,
    kind: "FINAL",
    version: null,
    workDone: "參與前海跨境協作平台的規劃。",
    workDoneShareable: true,
    learned: "社區諮詢的做法。",
    learnedShareable: true,
    applyAtHome: "機密人事安排。",
    applyAtHomeShareable: false,
    suggestions: "設立聯合培訓日。",
    suggestionsShareable: true,
  });
  const submitted = await submitReport(as(user), { reportId: saved.id, version: saved.version });
  await acceptReport(as(world.hkCoordinator), { reportId: saved.id, version: submitted.version });
  // A mid-term report, even accepted, is not in the library.
  const midTerm = await saveReportDraft(as(user), { placementId, kind: "MID_TERM", version: null, workDone: "協作 mid", workDoneShareable: true, learned: "x", learnedShareable: true, applyAtHome: "x", applyAtHomeShareable: true, suggestions: "x", suggestionsShareable: true });
  const midSubmitted = await submitReport(as(user), { reportId: midTerm.id, version: midTerm.version });
  await acceptReport(as(world.hkCoordinator), { reportId: midTerm.id, version: midSubmitted.version });
});
afterAll(async () => db.$disconnect());

describe("the outcomes library", () => {
  it("finds Traditional text by a Simplified search, for both sides' coordinators and the sending side's officers", async () => {
    for (const reader of [world.hkCoordinator, world.szCoordinator, world.admin, world.hkOfficerUsers[1]]) {
      const found = await findOutcomes(actorFromUser(reader), search({ q: "跨境协作" }));
      expect(found.entries.map((entry) => entry.placementId)).toEqual([placementId]);
      expect(found.entries[0].sections.map((section) => section.name)).toEqual(["workDone", "learned", "suggestions"]);
    }
    // And the other way round: Traditional words find Traditional text too.
    expect((await findOutcomes(actorFromUser(world.szCoordinator), search({ q: "聯合 培訓" }))).total).toBe(1);
  });

  it("neither shows nor searches a sending-side-only section", async () => {
    const found = await findOutcomes(actorFromUser(world.hkCoordinator), search({ q: "机密" }));
    expect(found.total).toBe(0);
    const all = await findOutcomes(actorFromUser(world.admin), search({ cohort: world.hkToSz.id }));
    expect(JSON.stringify(all)).not.toContain("機密");
  });

  it("shows only final reports, and the latest accepted revision while a new one is open", async () => {
    expect((await findOutcomes(actorFromUser(world.admin), search({ q: "mid" }))).total).toBe(0);
    const accepted = await db.officerReport.findFirstOrThrow({ where: { placementId, kind: "FINAL", status: "ACCEPTED" } });
    await openReportRevision(as(world.hkCoordinator), { reportId: accepted.id });
    const found = await findOutcomes(actorFromUser(world.admin), search({ cohort: world.hkToSz.id }));
    expect(found.entries.map((entry) => entry.id)).toEqual([accepted.id]);
  });

  it("filters by cohort, host unit and field, and offers only values that have entries", async () => {
    const admin = actorFromUser(world.admin);
    expect((await findOutcomes(admin, search({ cohort: world.szToHk.id }))).total).toBe(0);
    expect((await findOutcomes(admin, search({ hostUnit: world.szHostUnits[1].id }))).total).toBe(0);
    expect((await findOutcomes(admin, search({ hostUnit: world.szHostUnits[0].id, field: world.field.id }))).total).toBe(1);
    const options = await findOutcomeFilterOptions(actorFromUser(world.hkCoordinator));
    expect(options.cohorts.map((cohort) => cohort.id)).toEqual([world.hkToSz.id]);
    expect(options.hostUnits.map((unit) => unit.id)).toEqual([world.szHostUnits[0].id]);
  });

  it("gives supervisors nothing (no library permission)", async () => {
    expect((await findOutcomes(actorFromUser(world.szSupervisor), search())).total).toBe(0);
  });
});
