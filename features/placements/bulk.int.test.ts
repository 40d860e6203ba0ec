import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { runAction, type ActionDefinition, type Translate } from "@/lib/action";
import { actorFromUser } from "@/lib/auth/actor";
import { addDays } from "@/lib/dates";
import { loadMessages } from "@/lib/i18n/messages";
import { createCohort, createOfficer, createPlacement, createTwoSidedWorld, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import { approveSelectedPlacements } from "./bulk-approval";
import { nominateOfficers } from "./mutations";
import { findNominationChoices } from "./nomination-choices";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { RowsRefusedError } from "./row-refusals";
import { approveSelectedSchema, type ApproveSelectedInput } from "./schemas";

// The bulk actions against the real database: all or nothing in one transaction, every refused row named with its
// reason, authorization per record, and one audit entry per placement written.
const request = { requestId: "bulk-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  for (const unit of world.szHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 100 } });
  for (const unit of world.hkHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.szToHk.id, capacity: 100 } });
});
afterAll(async () => db.$disconnect());

/** An assigned placement waiting for both approvals: an HK officer in HK→SZ, or an SZ officer in SZ→HK. */
async function assignedPlacement(cohort: "hkToSz" | "szToHk", overrides: Parameters<typeof createPlacement>[1] extends infer T ? Partial<T> : never = {}) {
  const hkToSz = cohort === "hkToSz";
  const officer = await createOfficer(db, { jurisdictionId: hkToSz ? world.hk.id : world.sz.id });
  return createPlacement(db, {
    officerId: officer.id,
    cohortId: world[cohort].id,
    hostUnitId: (hkToSz ? world.szHostUnits : world.hkHostUnits)[0].id,
    fieldId: world.field.id,
    postTitle: "Special Assistant",
    ...overrides,
  });
}

const selection = (...placements: { id: string; version: number }[]): ApproveSelectedInput => ({
  placements: placements.map((placement) => ({ placementId: placement.id, version: placement.version })),
});

const auditCount = (ids: string[]) => db.auditLog.count({ where: { entityType: "Placement", entityId: { in: ids } } });

describe("approve selected", () => {
  it("approves each placement for the actor's side in its cohort, confirming those the other side approved, one audit entry each", async () => {
    // The HK coordinator is the sending side of HK→SZ and the host side of SZ→HK.
    const sending = await assignedPlacement("hkToSz");
    const otherSideDone = await assignedPlacement("hkToSz", { hostApprovedAt: new Date(), hostApprovedById: world.szCoordinator.id });
    const host = await assignedPlacement("szToHk");
    const result = await approveSelectedPlacements(as(world.hkCoordinator), selection(sending, otherSideDone, host));
    expect(result).toEqual({ approved: 3, confirmed: 1 });

    const stored = await db.placement.findMany({ where: { id: { in: [sending.id, otherSideDone.id, host.id] } } });
    const byId = new Map(stored.map((placement) => [placement.id, placement]));
    expect(byId.get(sending.id)).toMatchObject({ status: "ASSIGNED", sendingApprovedById: world.hkCoordinator.id, hostApprovedAt: null, version: 2 });
    expect(byId.get(otherSideDone.id)).toMatchObject({ status: "CONFIRMED", sendingApprovedById: world.hkCoordinator.id });
    expect(byId.get(host.id)).toMatchObject({ status: "ASSIGNED", hostApprovedById: world.hkCoordinator.id, sendingApprovedAt: null });

    const audit = await db.auditLog.findMany({ where: { entityType: "Placement", entityId: { in: [sending.id, otherSideDone.id, host.id] } } });
    expect(audit.map((entry) => [entry.entityId, entry.action, entry.actorId, entry.requestId]).sort()).toEqual(
      [
        [sending.id, "placement.approve.sending", world.hkCoordinator.id, "bulk-test"],
        [otherSideDone.id, "placement.approve.sending", world.hkCoordinator.id, "bulk-test"],
        [host.id, "placement.approve.host", world.hkCoordinator.id, "bulk-test"],
      ].sort(),
    );
    expect(audit.find((entry) => entry.entityId === otherSideDone.id)?.after).toMatchObject({ status: "CONFIRMED" });
  });

  it("writes nothing when any placement is refused, and names every refused one with its reason", async () => {
    const fine = await assignedPlacement("hkToSz");
    const stale = await assignedPlacement("hkToSz");
    const nominated = await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id, cohortId: world.hkToSz.id });
    const approvedAlready = await assignedPlacement("hkToSz", { sendingApprovedAt: new Date(), sendingApprovedById: world.hkCoordinator.id });
    const withdrawn = await assignedPlacement("hkToSz", { status: "WITHDRAWN" });
    const before = await auditCount([fine.id, stale.id, nominated.id, approvedAlready.id, withdrawn.id]);

    const error = await appErrorRefusal(
      approveSelectedPlacements(as(world.hkCoordinator), selection(fine, { id: stale.id, version: stale.version + 1 }, nominated, approvedAlready, withdrawn)),
    );
    expect(error).toBeInstanceOf(RowsRefusedError);
    expect((error as RowsRefusedError).rows).toEqual([
      { id: stale.id, reason: "changedSinceLoaded" },
      { id: nominated.id, reason: "approvalNeedsAssignment" },
      { id: approvedAlready.id, reason: "alreadyApproved" },
      { id: withdrawn.id, reason: "placementWithdrawn" },
    ]);
    expect(error.values).toEqual({ count: 4 });
    // The placement that could have been approved was not: all or nothing.
    expect(await db.placement.findUniqueOrThrow({ where: { id: fine.id } })).toMatchObject({ sendingApprovedAt: null, version: 1 });
    expect(await auditCount([fine.id, stale.id, nominated.id, approvedAlready.id, withdrawn.id])).toBe(before);
  });

  it("authorizes per record: placements outside the actor's scope are not found, a completed cohort's are read-only", async () => {
    const mine = await assignedPlacement("hkToSz");
    const completedCohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(world.hkToSz.startDate, -400) });
    const completed = await createPlacement(db, {
      officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id,
      cohortId: completedCohort.id,
      hostUnitId: world.szHostUnits[0].id,
      fieldId: world.field.id,
      postTitle: "Special Assistant",
    });
    await db.cohort.update({ where: { id: completedCohort.id }, data: { status: "COMPLETED" } });

    // A completed cohort's placement is read-only; an id outside the actor's scope (or none at all) is not found.
    const refused = await appErrorRefusal(approveSelectedPlacements(as(world.hkCoordinator), selection(mine, completed, { id: "no-such-placement", version: 1 })));
    expect((refused as RowsRefusedError).rows).toEqual([
      { id: completed.id, reason: "cohortCompletedReadOnly" },
      { id: "no-such-placement", reason: "notFound" },
    ]);
    // An officer sees their own placement but may not approve it: refused for the whole selection.
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    const own = await assignedPlacement("hkToSz", { officerId: officer.id });
    const officerUser = { ...world.hkOfficerUsers[0], role: "OFFICER" as const, officerId: officer.id };
    const asOfficer = await appErrorRefusal(approveSelectedPlacements({ actor: actorFromUser(officerUser), request }, selection(own)));
    expect((asOfficer as RowsRefusedError).rows).toEqual([{ id: own.id, reason: "forbidden" }]);
    expect(await db.placement.count({ where: { id: { in: [mine.id, own.id] }, version: { gt: 1 } } })).toBe(0);
  });

  it("answers through defineAction's one result shape: the form message and a translated reason per refused row", async () => {
    const messages = loadMessages("en");
    const t = createTranslator({ locale: "en", messages, namespace: "errors" }) as unknown as Translate;
    const definition: ActionDefinition<typeof approveSelectedSchema, { approved: number; confirmed: number }> = {
      name: "test.approve.selected",
      schema: approveSelectedSchema,
      permission: "placement:approveSending",
      run: (input, { user }) => approveSelectedPlacements({ actor: user, request }, input),
    };
    const fine = await assignedPlacement("hkToSz");
    const nominated = await createPlacement(db, { officerId: (await createOfficer(db, { jurisdictionId: world.hk.id })).id, cohortId: world.hkToSz.id });
    const form = new FormData();
    form.append("placements", `${fine.id}:${fine.version}`);
    form.append("placements", `${nominated.id}:${nominated.version}`);
    const user = { ...actorFromUser(world.hkCoordinator), locale: "en" as const, sessionVersion: 1 };
    const answer = await runAction(definition, form, { request, t, loadUser: async () => user as never });
    expect(answer).toEqual({
      ok: false,
      formError: "Nothing was saved: 1 chosen row cannot be done. Each is marked with its reason.",
      fieldErrors: { [`rows.${nominated.id}`]: "Assign a host unit before approving." },
    });
    const approved = await runAction(definition, { placements: [`${fine.id}:${fine.version}`] }, { request, t, loadUser: async () => user as never });
    expect(approved).toEqual({ ok: true, data: { approved: 1, confirmed: 0 } });
  });
});

describe("nominate several officers", () => {
  it("nominates them all in one transaction, one audit entry per placement", async () => {
    const officers = [await createOfficer(db, { jurisdictionId: world.hk.id }), await createOfficer(db, { jurisdictionId: world.hk.id }), await createOfficer(db, { jurisdictionId: world.hk.id })];
    const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(world.hkToSz.startDate, 400) });
    expect(await nominateOfficers(as(world.hkCoordinator), { cohortId: cohort.id, officerIds: officers.map((officer) => officer.id) })).toMatchObject({ nominated: 3 });
    const placements = await db.placement.findMany({ where: { cohortId: cohort.id } });
    expect(placements.map((placement) => placement.officerId).sort()).toEqual(officers.map((officer) => officer.id).sort());
    const audit = await db.auditLog.findMany({ where: { entityType: "Placement", entityId: { in: placements.map((placement) => placement.id) } } });
    expect(audit.map((entry) => entry.action)).toEqual(["placement.nominate", "placement.nominate", "placement.nominate"]);
    expect(new Set(audit.map((entry) => entry.entityId)).size).toBe(3);
  });

  it("nominates nobody when any officer is refused, naming each refused officer with its reason", async () => {
    const cohort = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(world.hkToSz.startDate, 800) });
    const fine = await createOfficer(db, { jurisdictionId: world.hk.id });
    const inactive = await createOfficer(db, { jurisdictionId: world.hk.id, active: false });
    const otherSide = await createOfficer(db, { jurisdictionId: world.sz.id });
    const alreadyIn = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: alreadyIn.id, cohortId: cohort.id });
    // Placed in another cohort whose dates overlap this one's.
    const busy = await createOfficer(db, { jurisdictionId: world.hk.id });
    const parallel = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(cohort.startDate, 14) });
    await createPlacement(db, { officerId: busy.id, cohortId: parallel.id });
    const auditBefore = await db.auditLog.count({ where: { action: "placement.nominate", requestId: "bulk-test" } });

    const error = await appErrorRefusal(
      nominateOfficers(as(world.hkCoordinator), { cohortId: cohort.id, officerIds: [fine.id, inactive.id, otherSide.id, alreadyIn.id, busy.id] }),
    );
    expect(error).toBeInstanceOf(RowsRefusedError);
    expect((error as RowsRefusedError).rows).toEqual([
      { id: inactive.id, reason: "officerInactive" },
      { id: otherSide.id, reason: "notFound" },
      { id: alreadyIn.id, reason: "placementAlreadyInCohort" },
      { id: busy.id, reason: "placementOverlap" },
    ]);
    expect(error.fieldErrors).toMatchObject({ [`rows.${busy.id}`]: ["placementOverlap"] });
    expect(await db.placement.count({ where: { officerId: fine.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "placement.nominate", requestId: "bulk-test" } })).toBe(auditBefore);
  });
});

describe("the nominate dialog's choices", () => {
  it("are read in the actor's scope: the sending side gets them, the host side is refused, a past deadline says so", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, otherName: `Choice ${world.hkToSz.code}` });
    const choices = await findNominationChoices(actorFromUser(world.hkCoordinator), world.hkToSz.id, officer.staffNumber, "zh-Hant");
    expect(choices.map((choice) => choice.id)).toEqual([officer.id]);
    expect(choices[0]).toMatchObject({ staffNumber: officer.staffNumber, hasOverlap: false });
    await expect(findNominationChoices(actorFromUser(world.szCoordinator), world.hkToSz.id, null, "en")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findNominationChoices(actorFromUser(world.hkOfficerUsers[0]), world.hkToSz.id, null, "en")).rejects.toBeInstanceOf(NotFoundError);
    const closed = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, nominationDeadline: addDays(world.hkToSz.startDate, -400), startDate: addDays(world.hkToSz.startDate, 1200) });
    expect((await appErrorRefusal(findNominationChoices(actorFromUser(world.hkCoordinator), closed.id, null, "en"))).messageKey).toBe("nominationDeadlinePassed");
  });
});
