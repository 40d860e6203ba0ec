import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { actorFromUser } from "@/lib/auth/actor";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal, refusal } from "@/tests/support/refusal";
import { approvePlacement, revokeApproval } from "./mutations";
import { findPlacementDetail } from "./queries/detail";

// Undo of one's own approval (issue 12 §2): only the coordinator who approved, only while the other side has not
// approved, audited in the same transaction; every refusal leaves the placement as it was.
const request = { requestId: "revoke-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 50 } });
});
afterAll(async () => db.$disconnect());

async function hostApprovedPlacement() {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id], surname: "Wong", givenName: "Siu-ming", otherName: null });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, postTitle: "Planner" });
  const approved = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: placement.version, side: "host" });
  return { officer, placement, approved };
}

describe("revoking one's own approval", () => {
  it("clears the approval, keeps the placement assigned, names the officer and audits the undo", async () => {
    const { placement, approved } = await hostApprovedPlacement();
    expect(approved).toMatchObject({ confirmed: false, officerName: "WONG Siu-ming", displayStatus: "ASSIGNED" });
    expect((await findPlacementDetail(actorFromUser(world.szCoordinator), placement.id))?.canRevokeApproval).toBe(true);

    const revoked = await revokeApproval(as(world.szCoordinator), { placementId: placement.id, version: approved.version, side: "host" });
    expect(revoked).toMatchObject({ officerName: "WONG Siu-ming", displayStatus: "ASSIGNED", version: approved.version + 1 });
    const after = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(after).toMatchObject({ status: "ASSIGNED", hostApprovedAt: null, hostApprovedById: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: placement.id, action: "placement.revokeApproval.host" } });
    expect(audit.actorId).toBe(world.szCoordinator.id);
    expect(audit.before).toMatchObject({ hostApprovedById: world.szCoordinator.id });
    expect(audit.after).toMatchObject({ hostApprovedById: null, hostApprovedAt: null });
    expect((await findPlacementDetail(actorFromUser(world.szCoordinator), placement.id))?.canRevokeApproval).toBe(false);
  });

  it("refuses a colleague of the same side, the other side, and anyone once the other side has approved", async () => {
    const { placement, approved } = await hostApprovedPlacement();
    const colleague = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id });
    expect((await appErrorRefusal(revokeApproval(as(colleague), { placementId: placement.id, version: approved.version, side: "host" }))).messageKey).toBe("approvalNotYours");
    expect(await refusal(revokeApproval(as(world.hkCoordinator), { placementId: placement.id, version: approved.version, side: "host" }))).toBeInstanceOf(ForbiddenError);
    expect((await appErrorRefusal(revokeApproval(as(world.hkCoordinator), { placementId: placement.id, version: approved.version, side: "sending" }))).messageKey).toBe("approvalNotGiven");

    const confirmed = await approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: approved.version, side: "sending" });
    expect(confirmed.confirmed).toBe(true);
    expect((await appErrorRefusal(revokeApproval(as(world.szCoordinator), { placementId: placement.id, version: confirmed.version, side: "host" }))).messageKey).toBe("approvalOtherSideActed");
    expect((await appErrorRefusal(revokeApproval(as(world.hkCoordinator), { placementId: placement.id, version: confirmed.version, side: "sending" }))).messageKey).toBe("approvalOtherSideActed");
    const after = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", version: confirmed.version });
    expect(await db.auditLog.count({ where: { entityId: placement.id, action: { startsWith: "placement.revokeApproval" } } })).toBe(0);
  });

  it("refuses an undo that started from an older version", async () => {
    const { placement, approved } = await hostApprovedPlacement();
    const error = await appErrorRefusal(revokeApproval(as(world.szCoordinator), { placementId: placement.id, version: approved.version - 1, side: "host" }));
    expect(error.messageKey).toMatch(/^staleRecord/);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).hostApprovedById).toBe(world.szCoordinator.id);
  });
});
