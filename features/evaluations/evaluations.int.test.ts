import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { readDatabaseError } from "@/lib/database-errors";
import { Role } from "@/generated/prisma/enums";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal, refusal } from "@/tests/support/refusal";
import { releaseEvaluation, saveEvaluation } from "./mutations";
import { findEvaluation } from "./queries";
import type { SaveEvaluationInput } from "./schemas";

// The supervisor's evaluation: written and edited by the host unit's supervisor, seen by both coordinators, seen by
// the officer only once the sending side releases it.
const request = { requestId: "evaluations-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  for (const unit of world.szHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 100 } });
});
afterAll(async () => db.$disconnect());

async function confirmedPlacement(hostUnitIndex = 0) {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const user = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.hk.id, officerId: officer.id });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[hostUnitIndex].id, status: "CONFIRMED" });
  return { user, placement };
}

const ratings = (placementId: string, overrides: Partial<SaveEvaluationInput> = {}): SaveEvaluationInput => ({
  placementId,
  version: null,
  knowledge: 4,
  initiative: 5,
  collaboration: 4,
  communication: 3,
  professionalism: 5,
  comments: "Reliable and curious.",
  ...overrides,
});

describe("evaluations", () => {
  it("the supervisor writes and edits; both coordinators read; the officer reads only after the sending side releases", async () => {
    const { user, placement } = await confirmedPlacement();
    const written = await saveEvaluation(as(world.szSupervisor), ratings(placement.id));
    const edited = await saveEvaluation(as(world.szSupervisor), ratings(placement.id, { version: written.version, communication: 4 }));
    expect(edited.version).toBe(2);

    for (const reader of [world.hkCoordinator, world.szCoordinator, world.szSupervisor, world.admin]) {
      expect((await findEvaluation(actorFromUser(reader), placement.id))?.evaluation?.ratings.communication).toBe(4);
    }
    const beforeRelease = await findEvaluation(actorFromUser(user), placement.id);
    expect(beforeRelease?.evaluation).toBeNull();

    // Only the sending side releases.
    await expect(releaseEvaluation(as(world.szCoordinator), { placementId: placement.id, version: edited.version })).rejects.toMatchObject({ messageKey: "forbidden" });
    await expect(releaseEvaluation(as(world.szSupervisor), { placementId: placement.id, version: edited.version })).rejects.toMatchObject({ messageKey: "forbidden" });
    const released = await releaseEvaluation(as(world.hkCoordinator), { placementId: placement.id, version: edited.version });
    expect(released.released).toBe(true);
    expect((await findEvaluation(actorFromUser(user), placement.id))?.evaluation).toMatchObject({ comments: "Reliable and curious.", ratings: { initiative: 5 } });

    const audit = await db.auditLog.findMany({ where: { entityType: "Evaluation", entityId: written.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["evaluation.create", "evaluation.update", "evaluation.release"]);
  });

  it("refuses writers other than the unit's supervisor, and ratings outside 1–5 in the database", async () => {
    const { user, placement } = await confirmedPlacement(1);
    for (const writer of [world.szSupervisor, world.szCoordinator, world.hkCoordinator, user, world.admin]) {
      const refused = await appErrorRefusal(saveEvaluation(as(writer), ratings(placement.id)));
      expect(["forbidden", "notFound"]).toContain(refused.messageKey);
    }
    expect(await db.evaluation.count({ where: { placementId: placement.id } })).toBe(0);

    const own = await confirmedPlacement();
    await saveEvaluation(as(world.szSupervisor), ratings(own.placement.id));
    const error = await refusal(db.evaluation.update({ where: { placementId: own.placement.id }, data: { ratingKnowledge: 6 } }));
    expect(readDatabaseError(error)).toMatchObject({ code: "23514", constraint: "Evaluation_ratings_in_range" });
  });

  it("has nothing to release before the supervisor writes", async () => {
    const { placement } = await confirmedPlacement();
    expect((await appErrorRefusal(releaseEvaluation(as(world.hkCoordinator), { placementId: placement.id, version: 1 }))).messageKey).toBe("officerReports.evaluationNotReleasable");
  });
});
