import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { createCohort, createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { approvePlacement, assignPlacement, nominateOfficers, withdrawPlacement } from "./mutations";
import { findPlacementBoard } from "./queries/board";
import { findNominationCandidates } from "./queries/candidates";
import { findPlacementDetail } from "./queries/detail";
import { findPlacementsAwaitingApproval } from "./queries/approvals";
import { actorFromUser } from "@/lib/auth/actor";
import { appErrorRefusal } from "@/tests/support/refusal";

// The placement workflow against the real database: nominate → assign → both approvals → confirmed; material
// changes clear approvals; withdrawal; stale edits; and an audit entry written with every change.
const request = { requestId: "workflow-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;

const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

const refusal = appErrorRefusal;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  // Plenty of places, so tests do not run into each other's capacity; the capacity tests use their own units.
  for (const unit of world.szHostUnits) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 500 } });
});
afterAll(async () => db.$disconnect());

async function nominatedOfficer() {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  await nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [officer.id] });
  const placement = await db.placement.findFirstOrThrow({ where: { officerId: officer.id, cohortId: world.hkToSz.id } });
  return { officer, placement };
}

function assignment(placement: { id: string; version: number }, overrides: Partial<Parameters<typeof assignPlacement>[1]> = {}) {
  return {
    placementId: placement.id,
    version: placement.version,
    hostUnitId: world.szHostUnits[0].id,
    fieldId: world.field.id,
    postTitle: "Planning Officer, Planning Management Division",
    startDate: world.hkToSz.startDate,
    endDate: world.hkToSz.endDate,
    ...overrides,
  };
}

describe("the placement workflow", () => {
  it("goes from nomination to confirmation with both sides' approval, auditing every step", async () => {
    const { placement } = await nominatedOfficer();
    expect(placement).toMatchObject({ status: "NOMINATED", startDate: world.hkToSz.startDate, endDate: world.hkToSz.endDate, hostUnitId: null });

    const assigned = await assignPlacement(as(world.szCoordinator), assignment(placement));
    expect(assigned.approvalsReset).toBe(false);
    const host = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version: assigned.version, side: "host" });
    expect(host.confirmed).toBe(false);
    const sending = await approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: host.version, side: "sending" });
    expect(sending.confirmed).toBe(true);

    const stored = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(stored).toMatchObject({ status: "CONFIRMED", sendingApprovedById: world.hkCoordinator.id, hostApprovedById: world.szCoordinator.id, version: 4 });
    const audit = await db.auditLog.findMany({ where: { entityType: "Placement", entityId: placement.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["placement.nominate", world.hkCoordinator.id],
      ["placement.assign", world.szCoordinator.id],
      ["placement.approve.host", world.szCoordinator.id],
      ["placement.approve.sending", world.hkCoordinator.id],
    ]);
    // The difference only: the assignment entry names what changed, not the whole record.
    expect(audit[1].before).toEqual({ status: "NOMINATED", hostUnitId: null, fieldId: null, postTitle: null, version: 1 });
    expect(audit[1].after).toMatchObject({ status: "ASSIGNED", hostUnitId: world.szHostUnits[0].id, version: 2 });
    expect(audit[3].after).toMatchObject({ status: "CONFIRMED" });
    expect(audit.every((entry) => entry.requestId === "workflow-test" && entry.ipAddress === "127.0.0.1")).toBe(true);
  });

  it("clears both approvals after a material change and records why; a field change alone keeps them", async () => {
    const { placement } = await nominatedOfficer();
    let { version } = await assignPlacement(as(world.szCoordinator), assignment(placement));
    ({ version } = await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version, side: "host" }));
    ({ version } = await approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version, side: "sending" }));

    const otherField = await db.field.create({ data: { code: `F-${placement.id}`, nameEn: "Transport", nameZhHant: "交通運輸", nameZhHans: "交通运输" } });
    const fieldOnly = await assignPlacement(as(world.szCoordinator), assignment({ id: placement.id, version }, { fieldId: otherField.id }));
    expect(fieldOnly.approvalsReset).toBe(false);
    expect((await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).status).toBe("CONFIRMED");

    const moved = await assignPlacement(
      as(world.szCoordinator),
      assignment({ id: placement.id, version: fieldOnly.version }, { hostUnitId: world.szHostUnits[1].id, endDate: addDays(world.hkToSz.endDate, -7) }),
    );
    expect(moved.approvalsReset).toBe(true);
    const stored = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(stored).toMatchObject({ status: "ASSIGNED", sendingApprovedAt: null, hostApprovedAt: null, approvalResetReason: "material-change:hostUnit,dates" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: placement.id }, orderBy: { id: "desc" } });
    expect(entry.action).toBe("placement.reassignAndResetApprovals");
    expect(entry.after).toMatchObject({ status: "ASSIGNED", sendingApprovedAt: null, hostApprovedAt: null, approvalResetReason: "material-change:hostUnit,dates" });
  });

  it("withdraws only with a reason, frees the place and then refuses further changes", async () => {
    const unit = await db.hostUnit.create({ data: { jurisdictionId: world.sz.id, code: `ONE-${Date.now()}`, nameEn: "One place", nameZhHant: "一個名額", nameZhHans: "一个名额", defaultCapacity: 1 } });
    const first = await nominatedOfficer();
    const second = await nominatedOfficer();
    const { version } = await assignPlacement(as(world.szCoordinator), assignment(first.placement, { hostUnitId: unit.id }));
    expect((await refusal(assignPlacement(as(world.szCoordinator), assignment(second.placement, { hostUnitId: unit.id })))).messageKey).toBe("noPlaceLeft");

    await withdrawPlacement(as(world.hkCoordinator), { placementId: first.placement.id, version, reason: "Recalled for a departmental priority" });
    const withdrawn = await db.placement.findUniqueOrThrow({ where: { id: first.placement.id } });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawnReason: "Recalled for a departmental priority", withdrawnById: world.hkCoordinator.id });
    await assignPlacement(as(world.szCoordinator), assignment(second.placement, { hostUnitId: unit.id }));
    expect((await refusal(assignPlacement(as(world.szCoordinator), assignment(withdrawn)))).messageKey).toBe("placementWithdrawn");
    expect(await db.auditLog.count({ where: { entityId: first.placement.id, action: "placement.withdraw" } })).toBe(1);
  });

  it("will not approve before assignment, twice, or for the other side", async () => {
    const { placement } = await nominatedOfficer();
    expect((await refusal(approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: 1, side: "sending" }))).messageKey).toBe("approvalNeedsAssignment");
    const { version } = await assignPlacement(as(world.szCoordinator), assignment(placement));
    const approved = await approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version, side: "sending" });
    expect((await refusal(approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: approved.version, side: "sending" }))).messageKey).toBe("alreadyApproved");
    expect((await refusal(approvePlacement(as(world.hkCoordinator), { placementId: placement.id, version: approved.version, side: "host" }))).messageKey).toBe("forbidden");
  });

  it("takes nominations up to and including the deadline day, and refuses them after it", async () => {
    // A fixed clock one millisecond before midnight in Hong Kong: the deadline day is still "today" there.
    const now = new Date("2031-06-13T15:59:59.999Z");
    const today = parseDateOnly(todayInHongKong(now));
    expect(formatDateOnly(today)).toBe("2031-06-13");
    const sides = { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(today, 30) };
    const open = await createCohort(db, { ...sides, nominationDeadline: today });
    const closed = await createCohort(db, { ...sides, nominationDeadline: addDays(today, -1) });
    const [first, second] = [await createOfficer(db, { jurisdictionId: world.hk.id }), await createOfficer(db, { jurisdictionId: world.hk.id })];
    expect(await nominateOfficers(as(world.hkCoordinator), { cohortId: open.id, officerIds: [first.id] }, { now })).toMatchObject({ nominated: 1 });
    expect((await refusal(nominateOfficers(as(world.hkCoordinator), { cohortId: closed.id, officerIds: [second.id] }, { now }))).messageKey).toBe("nominationDeadlinePassed");
    expect(await db.placement.count({ where: { cohortId: closed.id } })).toBe(0);
  });

  it("shows integrity violations as messages next to the field, not as errors", async () => {
    const { officer, placement } = await nominatedOfficer();
    // The same officer already placed in an overlapping cohort.
    const parallel = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(world.hkToSz.startDate, 14) });
    // Nominations are refused per officer (bulk.int.test.ts): the reason is the same message key, under the officer's row.
    const overlapping = await refusal(nominateOfficers(as(world.hkCoordinator), { cohortId: parallel.id, officerIds: [officer.id] }));
    expect(overlapping.fieldErrors).toEqual({ [`rows.${officer.id}`]: ["placementOverlap"] });

    const outside = await refusal(assignPlacement(as(world.szCoordinator), assignment(placement, { endDate: addDays(world.hkToSz.endDate, 1) })));
    expect(outside).toMatchObject({ messageKey: "placementOutsideCohort", fieldErrors: { startDate: ["placementOutsideCohort"] } });
    const wrongSide = await refusal(assignPlacement(as(world.szCoordinator), assignment(placement, { hostUnitId: world.hkHostUnits[0].id })));
    expect(wrongSide).toMatchObject({ messageKey: "hostUnitNotOnHostSide", fieldErrors: { hostUnitId: ["hostUnitNotOnHostSide"] } });
    const again = await refusal(nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [officer.id] }));
    expect(again.fieldErrors).toEqual({ [`rows.${officer.id}`]: ["placementAlreadyInCohort"] });
    const mainlander = await createOfficer(db, { jurisdictionId: world.sz.id });
    expect((await refusal(nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [mainlander.id] }))).fieldErrors).toEqual({ [`rows.${mainlander.id}`]: ["notFound"] });
    const retired = await createOfficer(db, { jurisdictionId: world.hk.id, active: false });
    expect((await refusal(nominateOfficers(as(world.hkCoordinator), { cohortId: world.hkToSz.id, officerIds: [retired.id] }))).fieldErrors).toEqual({ [`rows.${retired.id}`]: ["officerInactive"] });
    // Nothing of a refused nomination is half-written.
    expect(await db.placement.count({ where: { officerId: { in: [mainlander.id, retired.id] } } })).toBe(0);
  });
});

describe("optimistic concurrency", () => {
  it("refuses the second of two edits from the same version, names who changed it, and keeps the first", async () => {
    const { placement } = await nominatedOfficer();
    const { version } = await assignPlacement(as(world.szCoordinator), assignment(placement));
    // Two coordinators of the host side open the same version; the colleague saves first.
    const colleague = await createUser(db, { role: "COORDINATOR", jurisdictionId: world.sz.id, name: `Second SZ Coordinator ${placement.id}` });
    const first = await assignPlacement(as(colleague), assignment({ id: placement.id, version }, { postTitle: "Special Assistant (first edit)" }));
    const stale = await refusal(assignPlacement(as(world.szCoordinator), assignment({ id: placement.id, version }, { postTitle: "Special Assistant (second edit)" })));
    expect(stale.messageKey).toBe("staleRecord");
    expect(stale.values.name).toBe(colleague.name);
    expect(stale.values.time).toBeInstanceOf(Date);
    const stored = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
    expect(stored).toMatchObject({ postTitle: "Special Assistant (first edit)", version: first.version });
    expect(await db.auditLog.count({ where: { entityId: placement.id, after: { path: ["postTitle"], equals: "Special Assistant (second edit)" } } })).toBe(0);
  });

  it("lets exactly one of two simultaneous edits of one version through (no lost update)", async () => {
    for (let round = 0; round < 10; round += 1) {
      const { placement } = await nominatedOfficer();
      const { version } = await assignPlacement(as(world.szCoordinator), assignment(placement));
      const edits = ["A", "B"].map((label) =>
        label === "A"
          ? assignPlacement(as(world.szCoordinator), assignment({ id: placement.id, version }, { postTitle: `Edit ${label}` }))
          : withdrawPlacement(as(world.hkCoordinator), { placementId: placement.id, version, reason: `Edit ${label}` }),
      );
      const results = await Promise.allSettled(edits);
      const fulfilled = results.filter((result) => result.status === "fulfilled");
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected.map((result) => (result.reason as AppError).messageKey)).toEqual(["staleRecord"]);
      const stored = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
      expect(stored.version).toBe(version + 1);
      // Whichever won, its change is whole and the loser's is absent.
      if (stored.status === "WITHDRAWN") expect(stored.postTitle).not.toBe("Edit A");
      else expect(stored).toMatchObject({ postTitle: "Edit A", withdrawnReason: null });
    }
  });
});

describe("what each side reads", () => {
  it("hides the staff number from the host side and shows it to the sending side", async () => {
    const { officer, placement } = await nominatedOfficer();
    const hostView = await findPlacementDetail(actorFromUser(world.szCoordinator), placement.id);
    const sendingView = await findPlacementDetail(actorFromUser(world.hkCoordinator), placement.id);
    expect(hostView?.officer).toMatchObject({ name: expect.any(String), workEmail: officer.workEmail, staffNumber: null });
    expect(sendingView?.officer.staffNumber).toBe(officer.staffNumber);
    const board = (await findPlacementBoard(actorFromUser(world.szCoordinator), world.hkToSz.id)).rows;
    expect(board.length).toBeGreaterThan(0);
    expect(board.every((row) => row.officer.staffNumber === null)).toBe(true);
    expect(JSON.stringify(board)).not.toContain(officer.staffNumber);
  });

  it("pages the board in SQL and finds an officer by name in any script", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Boardsearch", chineseName: "板查詢" });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED" });
    const coordinator = actorFromUser(world.hkCoordinator);
    for (const query of ["boardsearch", "板查詢"]) {
      const found = await findPlacementBoard(coordinator, world.hkToSz.id, { query });
      expect(found.rows.map((row) => row.id)).toEqual([placement.id]);
      expect(found).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    }
    const nominated = await findPlacementBoard(coordinator, world.hkToSz.id, { status: "NOMINATED" });
    expect(nominated.rows.every((row) => row.status === "NOMINATED")).toBe(true);
    const beyondTheEnd = await findPlacementBoard(coordinator, world.hkToSz.id, { page: 999 });
    expect(beyondTheEnd.page).toBe(beyondTheEnd.pageCount);
    // The search is for the text typed: % is not a wildcard.
    expect((await findPlacementBoard(coordinator, world.hkToSz.id, { query: "Board%" })).rows).toEqual([]);
  });

  it("offers for nomination the sending side's officers not yet in the cohort, marking those already placed at the time", async () => {
    const tag = `Candidate${Date.now().toString(36)}`;
    const cohort = world.hkToSz;
    const later = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(cohort.endDate, 1) });
    const overlapping = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: addDays(cohort.startDate, -81) });
    const sameTime = await createCohort(db, { sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: cohort.startDate, endDate: cohort.endDate });
    const [busy, free, touching, nominated] = await Promise.all(["A", "B", "C", "D"].map((letter) => createOfficer(db, { jurisdictionId: world.hk.id, surname: `${tag}${letter}` })));
    await createPlacement(db, { officerId: busy.id, cohortId: sameTime.id, status: "NOMINATED" });
    await createPlacement(db, { officerId: free.id, cohortId: later.id, status: "NOMINATED" });
    // Ends on the day the cohort starts: that day would be in both.
    await createPlacement(db, { officerId: touching.id, cohortId: overlapping.id, status: "NOMINATED", endDate: cohort.startDate });
    await createPlacement(db, { officerId: nominated.id, cohortId: cohort.id, status: "NOMINATED" });
    const candidates = await findNominationCandidates(actorFromUser(world.hkCoordinator), cohort.id, tag.toLowerCase());
    expect(candidates.map((candidate) => [candidate.id, candidate.hasOverlap])).toEqual([
      [busy.id, true],
      [free.id, false],
      [touching.id, true],
    ]);
    expect(candidates[0]).toMatchObject({ staffNumber: busy.staffNumber, rank: { nameEn: expect.any(String) }, department: { nameEn: expect.any(String) } });
    expect(await findNominationCandidates(actorFromUser(world.szCoordinator), cohort.id, tag)).toEqual([]);
  });

  it("shows on the board the officer as the placement page does, and nothing of a cohort outside the reader's scope", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, surname: "Boardshape" });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED" });
    for (const user of [world.hkCoordinator, world.szCoordinator, world.admin]) {
      const [row] = (await findPlacementBoard(actorFromUser(user), world.hkToSz.id, { query: "Boardshape" })).rows;
      const detail = await findPlacementDetail(actorFromUser(user), placement.id);
      expect(row.officer).toEqual(detail?.officer);
      expect(row).toMatchObject({ id: placement.id, status: "NOMINATED", displayStatus: "NOMINATED", hostUnit: null, sendingApprovedAt: null });
    }
    const outsider = await createUser(db, { role: "COORDINATOR" });
    expect(await findPlacementBoard(actorFromUser(outsider), world.hkToSz.id)).toMatchObject({ rows: [], total: 0 });
    expect(await findPlacementBoard(actorFromUser(world.hkOfficerUsers[0]), world.hkToSz.id, { query: "Boardshape" })).toMatchObject({ rows: [], total: 0 });
  });

  it("lists a placement as waiting for each side until that side approves", async () => {
    const { placement } = await nominatedOfficer();
    const { version } = await assignPlacement(as(world.szCoordinator), assignment(placement));
    const waiting = async (user: CreatedUser) => (await collectAll(user)).find((row) => row.id === placement.id);
    expect((await waiting(world.hkCoordinator))?.side).toBe("sending");
    expect((await waiting(world.szCoordinator))?.side).toBe("host");
    await approvePlacement(as(world.szCoordinator), { placementId: placement.id, version, side: "host" });
    expect(await waiting(world.szCoordinator)).toBeUndefined();
    expect(await waiting(world.hkCoordinator)).toMatchObject({ side: "sending", otherSideApproved: true });
  });
});

async function collectAll(user: CreatedUser) {
  const rows = [];
  for (let page = 1; ; page += 1) {
    const result = await findPlacementsAwaitingApproval(actorFromUser(user), page);
    rows.push(...result.rows);
    if (page >= result.pageCount) return rows;
  }
}
