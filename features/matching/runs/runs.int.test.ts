import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { actorFromUser } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createCohort, createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { assignPlacement } from "@/features/placements/mutations";
import { acceptMatchingRun, discardMatchingRun, proposeMatchingRun } from "./mutations";
import { storedInstanceSchema, storedResultSchema } from "./stored";
import { findMatchingPage } from "./queries";

// Matching runs against real PostgreSQL: propose → accept selected, what-if rules, a place taken or a placement
// changed meanwhile (that pair refused with its reason, the others kept), two accepts at once, a database refusal of
// one pair (an overlapping placement) rolled back on its own savepoint, discarded runs, and who may do what.
process.env.DATABASE_POOL_SIZE = "12";

const request = { requestId: "matching-runs-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let host: Actor;
let sending: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  host = actorFromUser(world.szCoordinator);
  sending = actorFromUser(world.hkCoordinator);
});
afterAll(async () => db.$disconnect());

/** A fresh host-side world per test: its own cohort with `capacities.length` units of the given places each. */
async function scenario(capacities: number[], officers: number) {
  const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, status: "MATCHING" });
  // Other tests' units of the same side stay in the instance: give them no places in this cohort.
  const others = await db.hostUnit.findMany({ where: { jurisdictionId: world.sz.id }, select: { id: true } });
  await db.hostUnitCapacity.createMany({ data: others.map((unit) => ({ hostUnitId: unit.id, cohortId: cohort.id, capacity: 0 })) });
  const units = [];
  for (const capacity of capacities) units.push(await createHostUnit(db, { jurisdictionId: world.sz.id, defaultCapacity: capacity, fieldIds: [world.field.id] }));
  const placements = [];
  for (let index = 0; index < officers; index += 1) {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    placements.push(await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, status: "NOMINATED" }));
  }
  return { cohort, units, placements };
}

async function runResult(runId: string) {
  const run = await db.matchingRun.findUniqueOrThrow({ where: { id: runId } });
  return { run, result: storedResultSchema.parse(run.result) };
}

async function overfullUnits(cohortId: string) {
  return db.$queryRaw<{ hostUnitId: string }[]>`
    SELECT p."hostUnitId" FROM "Placement" p JOIN "HostUnit" h ON h."id" = p."hostUnitId"
    LEFT JOIN "HostUnitCapacity" c ON c."hostUnitId" = p."hostUnitId" AND c."cohortId" = p."cohortId"
    WHERE p."cohortId" = ${cohortId} AND p."status" <> 'WITHDRAWN'
    GROUP BY p."hostUnitId", c."capacity", h."defaultCapacity" HAVING count(*) > coalesce(c."capacity", h."defaultCapacity")`;
}

describe("propose and accept selected", () => {
  it("keeps the run, and accepts the chosen pairs as assignments with their audit entries and notifications", async () => {
    const { cohort, units, placements } = await scenario([2, 1], 3);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    expect(proposed).toMatchObject({ assigned: 3, unassigned: 0 });
    const { run, result } = await runResult(proposed.id);
    expect(run.status).toBe("PROPOSED");
    // Compact: the result keeps no list of every eligible pair.
    expect(run.result).not.toHaveProperty("pairs");
    expect(new Set(result.assignments.map((assignment) => assignment.unitId))).toEqual(new Set(units.map((unit) => unit.id)));

    const [first, second, third] = placements.map((placement) => placement.id);
    const outcome = await acceptMatchingRun({ actor: host, request }, { runId: run.id, placementIds: [first, second] });
    expect(outcome).toEqual({ cohortId: cohort.id, accepted: 2, refused: [] });
    const proposedUnit = new Map(result.assignments.map((assignment) => [assignment.officerId, assignment.unitId]));
    for (const id of [first, second]) {
      const placement = await db.placement.findUniqueOrThrow({ where: { id } });
      expect(placement).toMatchObject({ status: "ASSIGNED", hostUnitId: proposedUnit.get(id), fieldId: world.field.id, startDate: cohort.startDate, endDate: cohort.endDate });
      expect(await db.auditLog.count({ where: { entityType: "Placement", entityId: id, action: "placement.assign" } })).toBe(1);
      expect(await db.notificationEvent.count({ where: { kind: "placement.assigned", entityId: id } })).toBe(1);
    }
    expect(await db.placement.findUniqueOrThrow({ where: { id: third } })).toMatchObject({ status: "NOMINATED", hostUnitId: null });
    expect((await db.matchingRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("PARTLY_ACCEPTED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "MatchingRun", entityId: run.id, action: "matchingRun.accept" } });
    expect(audit.after).toMatchObject({ acceptedCount: 2, officers: 3, weights: { fieldFit: 4, preference: 3, wish: 2, rankBand: 1 } });

    // The rest later: the run is then wholly accepted and closed.
    expect(await acceptMatchingRun({ actor: host, request }, { runId: run.id, placementIds: [third] })).toMatchObject({ accepted: 1, refused: [] });
    expect((await db.matchingRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("ACCEPTED");
    await expect(acceptMatchingRun({ actor: host, request }, { runId: run.id, placementIds: [third] })).rejects.toMatchObject({ messageKey: "matchingRunAccepted" });
  });

  it("follows the officers' first choices, keeps assigned officers where they are and honours pins and forbids", async () => {
    const { cohort, units, placements } = await scenario([1, 1, 1], 3);
    const [a, b, c] = placements;
    await db.matchingPreference.createMany({ data: [{ placementId: a.id, rank: 1, hostUnitId: units[2].id }] });
    await db.matchingFieldPreference.create({ data: { placementId: b.id, rank: 1, fieldId: world.field.id } });
    await db.placement.update({ where: { id: c.id }, data: { hostUnitId: units[0].id, status: "ASSIGNED", fieldId: world.field.id } });
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const { run, result } = await runResult(proposed.id);
    // The instance carries each officer's ranked fields of work (decision 117), and none for those who gave none.
    const officers = new Map(storedInstanceSchema.parse(run.instance).instance.officers.map((officer) => [officer.id, officer]));
    expect(officers.get(b.id)?.fieldPreferences).toEqual([world.field.id]);
    expect(officers.get(a.id)).toMatchObject({ preferences: [units[2].id], fieldPreferences: [] });
    const unitOf = (assignments: typeof result.assignments, id: string) => assignments.find((assignment) => assignment.officerId === id);
    expect(unitOf(result.assignments, a.id)?.unitId).toBe(units[2].id);
    expect(unitOf(result.assignments, c.id)).toMatchObject({ unitId: units[0].id, source: "kept" });
    expect(unitOf(result.assignments, b.id)?.unitId).toBe(units[1].id);

    // What-if: A must not go to its first choice, B is pinned there instead; C released may move.
    const again = await proposeMatchingRun(
      { actor: host, request },
      { cohortId: cohort.id, pinned: [[b.id, units[2].id]], forbidden: [[a.id, units[2].id]], released: [c.id] },
    );
    const second = await runResult(again.id);
    expect(unitOf(second.result.assignments, b.id)).toMatchObject({ unitId: units[2].id, source: "pinned" });
    expect(unitOf(second.result.assignments, a.id)?.unitId).not.toBe(units[2].id);
    expect(second.run.pinned).toEqual([[b.id, units[2].id]]);
    // The first run stays listed until accepted or discarded.
    expect(await db.matchingRun.count({ where: { cohortId: cohort.id, status: "PROPOSED" } })).toBe(2);

    // Rules that cannot hold together are refused with our own message, and no run is kept.
    await expect(
      proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [[a.id, units[1].id]], forbidden: [[a.id, units[1].id]], released: [] }),
    ).rejects.toMatchObject({ messageKey: "matchingRulesInvalid" });
    await expect(proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [["no-such-placement", units[1].id]], forbidden: [], released: [] })).rejects.toMatchObject({
      messageKey: "matchingRulesInvalid",
    });
    expect(await db.matchingRun.count({ where: { cohortId: cohort.id } })).toBe(2);
  });
});

describe("the set write of accepted pairs", () => {
  it("writes each pair as the single assignment does: a moved confirmed placement loses its approvals, each with its audit entry and events", async () => {
    const { cohort, units, placements } = await scenario([1, 1, 1], 2);
    const [nominated, confirmed] = placements;
    const approvedAt = new Date("2030-01-02T03:04:05Z");
    await db.placement.update({
      where: { id: confirmed.id },
      data: { hostUnitId: units[0].id, fieldId: world.field.id, status: "CONFIRMED", sendingApprovedAt: approvedAt, sendingApprovedById: world.hkCoordinator.id, hostApprovedAt: approvedAt, hostApprovedById: world.szCoordinator.id },
    });
    const versions = new Map((await db.placement.findMany({ where: { id: { in: [nominated.id, confirmed.id] } } })).map((row) => [row.id, row.version]));
    const proposed = await proposeMatchingRun(
      { actor: host, request },
      { cohortId: cohort.id, pinned: [[confirmed.id, units[1].id], [nominated.id, units[2].id]], forbidden: [], released: [confirmed.id] },
    );
    expect(await acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: [confirmed.id, nominated.id] })).toMatchObject({ accepted: 2, refused: [] });

    const moved = await db.placement.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect(moved).toMatchObject({ status: "ASSIGNED", hostUnitId: units[1].id, sendingApprovedAt: null, sendingApprovedById: null, hostApprovedAt: null, hostApprovedById: null, version: versions.get(confirmed.id)! + 1, updatedById: world.szCoordinator.id });
    expect(moved.approvalResetReason).toEqual(expect.stringContaining("hostUnit"));
    const assigned = await db.placement.findUniqueOrThrow({ where: { id: nominated.id } });
    expect(assigned).toMatchObject({ status: "ASSIGNED", hostUnitId: units[2].id, fieldId: world.field.id, startDate: cohort.startDate, endDate: cohort.endDate, version: versions.get(nominated.id)! + 1 });

    const movedAudit = await db.auditLog.findFirstOrThrow({ where: { entityType: "Placement", entityId: confirmed.id, action: "placement.reassignAndResetApprovals" } });
    expect(movedAudit).toMatchObject({ actorId: world.szCoordinator.id, requestId: request.requestId });
    expect(movedAudit.before).toMatchObject({ status: "CONFIRMED", hostUnitId: units[0].id, sendingApprovedAt: approvedAt.toISOString(), version: versions.get(confirmed.id) });
    expect(movedAudit.after).toMatchObject({ status: "ASSIGNED", hostUnitId: units[1].id, sendingApprovedAt: null, hostApprovedAt: null, version: versions.get(confirmed.id)! + 1 });
    const cleared = await db.notificationEvent.findFirstOrThrow({ where: { kind: "placement.approvalsCleared", entityId: confirmed.id } });
    expect(cleared).toMatchObject({ entityType: "Placement", actorId: world.szCoordinator.id, payload: { clearedSides: ["sending", "host"], changes: ["hostUnit"] } });
    expect(await db.auditLog.count({ where: { entityType: "Placement", entityId: nominated.id, action: "placement.assign" } })).toBe(1);
    expect(await db.notificationEvent.count({ where: { kind: "placement.assigned", entityId: nominated.id } })).toBe(1);
    expect(await db.notificationEvent.count({ where: { kind: "placement.assigned", entityId: confirmed.id } })).toBe(0);
  });
});

describe("the cohort changed since the run", () => {
  it("refuses a pair whose place was taken by a manual assignment, keeps the others, and never exceeds capacity", async () => {
    const { cohort, units, placements } = await scenario([1, 1, 1], 3);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const { result } = await runResult(proposed.id);
    const [victim] = placements;
    const victimUnit = result.assignments.find((assignment) => assignment.officerId === victim.id)!.unitId;
    // A late nomination takes the victim's proposed place by hand.
    const late = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    const latePlacement = await createPlacement(db, { officerId: late.id, cohortId: cohort.id, status: "NOMINATED" });
    await assignPlacement(
      { actor: host, request },
      { placementId: latePlacement.id, version: latePlacement.version, hostUnitId: victimUnit, fieldId: world.field.id, postTitle: "Assistant", startDate: cohort.startDate, endDate: cohort.endDate },
    );

    const outcome = await acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: placements.map((placement) => placement.id) });
    expect(outcome.accepted).toBe(2);
    expect(outcome.refused).toEqual([{ placementId: victim.id, reason: "noPlaceLeft" }]);
    expect(await db.placement.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ status: "NOMINATED", hostUnitId: null, version: 1 });
    expect(await overfullUnits(cohort.id)).toEqual([]);
    expect(units).toHaveLength(3);
  });

  it("refuses a pair whose unit reached the department cap meanwhile, though it still has a place", async () => {
    const { cohort, placements } = await scenario([2, 2], 2);
    await db.cohortMatchingSettings.create({ data: { cohortId: cohort.id, maxPerDepartmentPerUnit: 1 } });
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const { result } = await runResult(proposed.id);
    const [victim] = placements;
    const victimUnit = result.assignments.find((assignment) => assignment.officerId === victim.id)!.unitId;
    // An officer of the same department is assigned there by hand: one place is left, but the cap (1) is reached.
    const late = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] });
    const latePlacement = await createPlacement(db, { officerId: late.id, cohortId: cohort.id, status: "NOMINATED" });
    await assignPlacement(
      { actor: host, request },
      { placementId: latePlacement.id, version: latePlacement.version, hostUnitId: victimUnit, fieldId: world.field.id, postTitle: "Assistant", startDate: cohort.startDate, endDate: cohort.endDate },
    );

    const outcome = await acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: placements.map((placement) => placement.id) });
    expect(outcome.accepted).toBe(1);
    expect(outcome.refused).toEqual([{ placementId: victim.id, reason: "departmentCap" }]);
    expect(await db.placement.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ status: "NOMINATED", hostUnitId: null });
  });

  it("refuses a pair whose placement changed since the run (its version moved on)", async () => {
    const { cohort, placements } = await scenario([1, 1], 2);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const [changed, other] = placements;
    await db.placement.update({ where: { id: changed.id }, data: { postTitle: "Changed by hand", version: { increment: 1 } } });
    const outcome = await acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: [changed.id, other.id] });
    expect(outcome).toMatchObject({ accepted: 1, refused: [{ placementId: changed.id, reason: "changedSinceRun" }] });
    expect(await db.placement.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "ASSIGNED" });
  });

  it("rolls back only the pair the database refuses (an overlapping placement), on its own savepoint", async () => {
    const { cohort, placements } = await scenario([1, 1, 1], 3);
    const [overlapping, ...rest] = placements;
    // The officer's nomination covers the cohort's first ten days only; another cohort holds the officer afterwards,
    // so accepting (which gives the placement the cohort's dates) would overlap: the exclusion constraint refuses it.
    const shortEnd = new Date(cohort.startDate.getTime() + 10 * 86_400_000);
    await db.placement.update({ where: { id: overlapping.id }, data: { endDate: shortEnd } });
    const later = await createCohort(db, {
      sendingJurisdictionId: world.hk.id,
      hostJurisdictionId: world.sz.id,
      startDate: new Date(cohort.startDate.getTime() + 20 * 86_400_000),
    });
    await createPlacement(db, { officerId: overlapping.officerId, cohortId: later.id, status: "NOMINATED" });
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });

    const outcome = await acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: placements.map((placement) => placement.id) });
    expect(outcome.refused).toEqual([{ placementId: overlapping.id, reason: "placementOverlap" }]);
    expect(outcome.accepted).toBe(2);
    for (const placement of rest) expect((await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).status).toBe("ASSIGNED");
    expect(await db.placement.findUniqueOrThrow({ where: { id: overlapping.id } })).toMatchObject({ status: "NOMINATED", version: 1 });
    expect(await db.auditLog.count({ where: { entityType: "Placement", entityId: overlapping.id } })).toBe(0);
  });

  it("lets two accepts at once share the places: together they never exceed capacity, and each refused pair says why", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { cohort, placements } = await scenario([2, 1], 5);
      const ids = placements.map((placement) => placement.id);
      const first = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
      const second = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
      // Two runs of the same cohort, and the same run twice, accepted at the same moment.
      const outcomes = await Promise.all(
        [first.id, second.id, first.id].map((runId) => acceptMatchingRun({ actor: host, request }, { runId, placementIds: ids }).catch((error: unknown) => error)),
      );
      const settled = outcomes.filter((outcome): outcome is Awaited<ReturnType<typeof acceptMatchingRun>> => !(outcome instanceof Error));
      const accepted = settled.reduce((sum, outcome) => sum + outcome.accepted, 0);
      expect(accepted, `round ${round}`).toBe(3);
      for (const outcome of settled) {
        // The two officers the run left unassigned (5 officers, 3 places) are not pairs of it.
        expect(outcome.refused.filter((refusal) => refusal.reason === "notInRun")).toHaveLength(2);
        for (const refusal of outcome.refused) expect(["changedSinceRun", "noPlaceLeft", "notInRun"]).toContain(refusal.reason);
      }
      // A run wholly accepted by one of them is closed for the one that waited on its lock.
      for (const outcome of outcomes.filter((outcome) => outcome instanceof Error)) expect(outcome).toMatchObject({ messageKey: "matchingRunAccepted" });
      expect(await overfullUnits(cohort.id), `round ${round}`).toEqual([]);
      expect(await db.placement.count({ where: { cohortId: cohort.id, status: "ASSIGNED" } })).toBe(3);
    }
  });
});

describe("discarding and permissions", () => {
  it("refuses to accept a discarded run", async () => {
    const { cohort, placements } = await scenario([1], 1);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    await discardMatchingRun({ actor: host, request }, { runId: proposed.id });
    expect(await db.matchingRun.findUniqueOrThrow({ where: { id: proposed.id } })).toMatchObject({ status: "DISCARDED" });
    await expect(acceptMatchingRun({ actor: host, request }, { runId: proposed.id, placementIds: [placements[0].id] })).rejects.toMatchObject({ messageKey: "matchingRunDiscarded" });
    await expect(discardMatchingRun({ actor: host, request }, { runId: proposed.id })).rejects.toMatchObject({ messageKey: "matchingRunDiscarded" });
    expect(await db.placement.findUniqueOrThrow({ where: { id: placements[0].id } })).toMatchObject({ status: "NOMINATED" });
    expect(await db.auditLog.count({ where: { entityType: "MatchingRun", entityId: proposed.id, action: "matchingRun.discard" } })).toBe(1);
  });

  it("lets only the host side's coordinator propose, accept and discard; others are refused and nothing is written", async () => {
    const { cohort, placements } = await scenario([1], 1);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const propose = (actor: Actor) => proposeMatchingRun({ actor, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const accept = (actor: Actor) => acceptMatchingRun({ actor, request }, { runId: proposed.id, placementIds: [placements[0].id] });
    const discard = (actor: Actor) => discardMatchingRun({ actor, request }, { runId: proposed.id });
    const refusedActors: [string, Actor, string][] = [
      ["sending-side coordinator", sending, "forbidden"],
      ["administrator", actorFromUser(world.admin), "forbidden"],
      // Outside their scope altogether: "not found", so a guessed id reveals nothing.
      ["host-unit supervisor", actorFromUser(world.szSupervisor), "notFound"],
      ["officer", actorFromUser(world.hkOfficerUsers[0]), "notFound"],
    ];
    for (const [name, actor, messageKey] of refusedActors) {
      for (const attempt of [propose, accept, discard]) {
        const error = await attempt(actor).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error, `${name} ${attempt === propose ? "propose" : attempt === accept ? "accept" : "discard"}`).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ messageKey });
      }
    }
    // The host side of another cohort (where Shenzhen sends) is not the host side here either.
    const reversed = await createCohort(db, { sendingJurisdictionId: world.sz.id, hostJurisdictionId: world.hk.id });
    await expect(proposeMatchingRun({ actor: host, request }, { cohortId: reversed.id, pinned: [], forbidden: [], released: [] })).rejects.toMatchObject({ messageKey: "forbidden" });
    expect(await db.matchingRun.count({ where: { cohortId: cohort.id } })).toBe(1);
    expect((await db.matchingRun.findUniqueOrThrow({ where: { id: proposed.id } })).status).toBe("PROPOSED");
    expect(await db.placement.findUniqueOrThrow({ where: { id: placements[0].id } })).toMatchObject({ status: "NOMINATED" });
  });
});

describe("the matching page's view", () => {
  it("shows both sides the proposal beside the current state, without sending-only fields; only the host side may act", async () => {
    const { cohort, placements } = await scenario([1], 2);
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const hostView = await findMatchingPage(host, cohort, undefined);
    expect(hostView).toMatchObject({ canPropose: true, canAccept: true, canDiscard: true });
    expect(hostView.run?.id).toBe(proposed.id);
    expect(hostView.runs).toEqual([{ id: proposed.id, createdAt: proposed.createdAt, createdByName: world.szCoordinator.name, status: "PROPOSED", assigned: 1, unassigned: 1, acceptedCount: 0, isOpen: true }]);
    expect(hostView.run?.rows).toHaveLength(2);
    const unassigned = hostView.run!.rows.find((row) => row.proposedUnitId === null)!;
    expect(unassigned.unassignedReason).toMatchObject({ code: "capacity" });
    const placed = hostView.run!.rows.find((row) => row.proposedUnitId !== null)!;
    expect(placed).toMatchObject({ isAcceptable: true, isInPlace: false, currentUnit: null, source: "optimised" });
    expect(placed.score).toBeCloseTo(placed.breakdown!.fieldFit + placed.breakdown!.preference + placed.breakdown!.wish + placed.breakdown!.rankBand, 2);

    const sendingView = await findMatchingPage(sending, cohort, proposed.id);
    expect(sendingView).toMatchObject({ canPropose: false, canAccept: false, canDiscard: false });
    expect(sendingView.run?.rows.map((row) => row.placementId).sort()).toEqual(placements.map((placement) => placement.id).sort());
    const staffNumbers = await db.officer.findMany({ where: { id: { in: placements.map((placement) => placement.officerId) } }, select: { staffNumber: true, workEmail: true } });
    const shown = JSON.stringify([hostView, sendingView]);
    for (const { staffNumber, workEmail } of staffNumbers) {
      expect(shown).not.toContain(staffNumber);
      expect(shown).not.toContain(workEmail);
    }
  });

  it("shows a run just proposed from what Propose kept in memory exactly as from the database (decision 118)", async () => {
    const { cohort, units, placements } = await scenario([1, 1], 3);
    const rules = { pinned: [[placements[2].id, units[1].id]] as [string, string][], forbidden: [[placements[0].id, units[1].id]] as [string, string][], released: [] };
    const proposed = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, ...rules });
    const fromMemory = await findMatchingPage(host, proposed.cohort, proposed.id, proposed.stored);
    const fromDatabase = await findMatchingPage(host, cohort, proposed.id);
    expect(fromMemory.run?.rows).toHaveLength(3);
    expect(fromMemory.run?.pinned).toEqual(rules.pinned);
    expect(fromMemory).toStrictEqual(fromDatabase);
    // Names travel only for what a reason or a rule names (the rows carry their own), and no engine sentence does.
    const run = fromMemory.run!;
    const reasons = run.rows.flatMap((row) => [row.notFirstChoice, row.unassignedReason]).filter((reason) => reason !== null);
    const reasonUnits = reasons.flatMap((reason) => ("unitId" in reason ? [reason.unitId] : []));
    const reasonOfficers = reasons.flatMap((reason) => ("takenBy" in reason ? reason.takenBy.map((taker) => (typeof taker === "string" ? taker : taker.officerId)) : []));
    expect(Object.keys(run.unitNames).sort()).toEqual([...new Set([units[1].id, ...reasonUnits])].sort());
    expect(Object.keys(run.officerNames).sort()).toEqual([...new Set([placements[0].id, placements[2].id, ...reasonOfficers])].sort());
    expect(reasons.some((reason) => "text" in reason)).toBe(false);
    for (const row of run.rows) expect(row.proposedUnit === null).toBe(row.proposedUnitId === null);
    // A run other than the one named is read from the database, never answered from the memory of the named one.
    const other = await proposeMatchingRun({ actor: host, request }, { cohortId: cohort.id, pinned: [], forbidden: [], released: [] });
    const otherView = await findMatchingPage(host, cohort, "no-such-run", proposed.stored);
    expect(otherView.run?.id).toBe(other.id);
    expect(otherView.run?.pinned).toEqual([]);
  });
});
