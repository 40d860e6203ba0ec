import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createCohort, createUser, createOfficer, createPlacement, createTwoSidedWorld, uniqueSuffix, type TwoSidedWorld } from "@/tests/factories";
import { createCohort as createCohortMutation, updateCohort } from "@/features/cohorts/mutations";
import { findCohortForActor, findCohortPage } from "@/features/cohorts/queries";
import { approvePlacement, assignPlacement, nominateOfficers, withdrawPlacement } from "./mutations";
import { findPlacementBoard } from "./queries/board";
import { findNominationCandidates } from "./queries/candidates";
import { findHostUnitOptions } from "./queries/assignment-options";
import { findPlacementDetail } from "./queries/detail";
import { findPlacementsAwaitingApproval } from "./queries/approvals";
import { actorFromUser } from "@/lib/auth/actor";

/** Every row of a cohort's board, page by page (the board is paged in SQL). */
async function allBoardRows(actor: Parameters<typeof findPlacementBoard>[0], cohortId: string) {
  const first = await findPlacementBoard(actor, cohortId);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, index) => findPlacementBoard(actor, cohortId, { page: index + 2 })));
  return [first, ...rest].flatMap((page) => page.rows);
}

// The authorization matrix for cohorts and placements, against the real database: every action × every role ×
// the actor's own side / the other side / its own record / someone else's record. Each row says who is allowed;
// everyone else must be refused (403 or 404 — never a crash) and a refused write must change nothing.
//
// The cohorts: HK→SZ (Hong Kong sends, Shenzhen hosts) and the reverse SZ→HK, where the same two coordinators
// swap roles. Beijing's coordinator takes part in neither. The supervisor supervises the Shenzhen host unit
// where the HK officer's own placement is.

const actorNames = ["admin", "hkCoordinator", "szCoordinator", "bjCoordinator", "szSupervisor", "hkOfficer"] as const;
type ActorName = (typeof actorNames)[number];

type Target = "HK→SZ cohort" | "SZ→HK cohort" | "HK→SZ placement of another officer" | "HK→SZ placement, the officer's own" | "SZ→HK placement";

type Action =
  | "view cohort"
  | "find cohort in the list"
  | "create cohort"
  | "edit cohort"
  | "view placement board"
  | "search officers to nominate"
  | "nominate officers"
  | "see host unit places"
  | "assign host unit"
  | "approve as sending side"
  | "approve as host side"
  | "withdraw placement"
  | "view placement"
  | "see staff number"
  | "find in approvals queue";

type Row = [Action, Target, ActorName[]];

const matrix: Row[] = [
  ["view cohort", "HK→SZ cohort", ["admin", "hkCoordinator", "szCoordinator"]],
  ["view cohort", "SZ→HK cohort", ["admin", "hkCoordinator", "szCoordinator"]],
  ["find cohort in the list", "HK→SZ cohort", ["admin", "hkCoordinator", "szCoordinator"]],
  ["create cohort", "HK→SZ cohort", ["admin", "hkCoordinator"]],
  ["create cohort", "SZ→HK cohort", ["admin", "szCoordinator"]],
  ["edit cohort", "HK→SZ cohort", ["admin", "hkCoordinator"]],
  ["edit cohort", "SZ→HK cohort", ["admin", "szCoordinator"]],
  ["view placement board", "HK→SZ cohort", ["admin", "hkCoordinator", "szCoordinator"]],
  ["view placement board", "SZ→HK cohort", ["admin", "hkCoordinator", "szCoordinator"]],
  ["search officers to nominate", "HK→SZ cohort", ["hkCoordinator"]],
  ["search officers to nominate", "SZ→HK cohort", ["szCoordinator"]],
  ["nominate officers", "HK→SZ cohort", ["hkCoordinator"]],
  ["nominate officers", "SZ→HK cohort", ["szCoordinator"]],
  ["see host unit places", "HK→SZ cohort", ["szCoordinator"]],
  ["see host unit places", "SZ→HK cohort", ["hkCoordinator"]],
  ["assign host unit", "HK→SZ placement of another officer", ["szCoordinator"]],
  ["assign host unit", "SZ→HK placement", ["hkCoordinator"]],
  ["approve as sending side", "HK→SZ placement of another officer", ["hkCoordinator"]],
  ["approve as sending side", "SZ→HK placement", ["szCoordinator"]],
  ["approve as host side", "HK→SZ placement of another officer", ["szCoordinator"]],
  ["approve as host side", "SZ→HK placement", ["hkCoordinator"]],
  ["withdraw placement", "HK→SZ placement of another officer", ["hkCoordinator", "szCoordinator"]],
  ["withdraw placement", "HK→SZ placement, the officer's own", ["hkCoordinator", "szCoordinator"]],
  ["withdraw placement", "SZ→HK placement", ["hkCoordinator", "szCoordinator"]],
  ["view placement", "HK→SZ placement of another officer", ["admin", "hkCoordinator", "szCoordinator"]],
  ["view placement", "HK→SZ placement, the officer's own", ["admin", "hkCoordinator", "szCoordinator", "szSupervisor", "hkOfficer"]],
  ["view placement", "SZ→HK placement", ["admin", "hkCoordinator", "szCoordinator"]],
  ["see staff number", "HK→SZ placement of another officer", ["admin", "hkCoordinator"]],
  ["see staff number", "HK→SZ placement, the officer's own", ["admin", "hkCoordinator", "hkOfficer"]],
  ["see staff number", "SZ→HK placement", ["admin", "szCoordinator"]],
  ["find in approvals queue", "HK→SZ placement of another officer", ["hkCoordinator", "szCoordinator"]],
  ["find in approvals queue", "SZ→HK placement", ["hkCoordinator", "szCoordinator"]],
];

const request = { requestId: "authorization-matrix", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let actors: Record<ActorName, Actor>;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  const bj = await createUser(db, { role: "COORDINATOR", name: "Beijing coordinator" });
  actors = {
    admin: actorFromUser(world.admin),
    hkCoordinator: actorFromUser(world.hkCoordinator),
    szCoordinator: actorFromUser(world.szCoordinator),
    bjCoordinator: actorFromUser(bj),
    szSupervisor: actorFromUser(world.szSupervisor),
    hkOfficer: actorFromUser(world.hkOfficerUsers[0]),
  };
  // Room for every fixture the matrix creates.
  for (const [units, cohort] of [
    [world.szHostUnits, world.hkToSz],
    [world.hkHostUnits, world.szToHk],
  ] as const) {
    for (const unit of units) await db.hostUnitCapacity.create({ data: { hostUnitId: unit.id, cohortId: cohort.id, capacity: 10_000 } });
  }
});
afterAll(async () => db.$disconnect());

// --- fixtures: a fresh record for every case, so one actor's allowed write cannot affect the next case ---------

const isHkToSz = (target: Target) => target.startsWith("HK→SZ");
const cohortOf = (target: Target) => (isHkToSz(target) ? world.hkToSz : world.szToHk);

async function sendingOfficer(target: Target) {
  return isHkToSz(target)
    ? createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id, fieldIds: [world.field.id] })
    : createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id, fieldIds: [world.field.id] });
}

/** A placement of the target kind in the given state; the officer's own one replaces any earlier live one. */
async function placementFor(target: Target, status: "NOMINATED" | "ASSIGNED") {
  const cohort = cohortOf(target);
  let officerId: string;
  let hostUnitId: string;
  if (target === "HK→SZ placement, the officer's own") {
    officerId = world.hkOfficers[0].id;
    hostUnitId = world.szHostUnits[0].id;
    await db.placement.updateMany({
      where: { officerId, status: { not: "WITHDRAWN" } },
      data: { status: "WITHDRAWN", withdrawnReason: "Replaced by the next matrix case", withdrawnAt: new Date() },
    });
  } else {
    officerId = (await sendingOfficer(target)).id;
    hostUnitId = isHkToSz(target) ? world.szHostUnits[1].id : world.hkHostUnits[1].id;
  }
  return createPlacement(db, { officerId, cohortId: cohort.id, status, ...(status === "ASSIGNED" ? { hostUnitId, fieldId: world.field.id, postTitle: "Attachment Officer" } : {}) });
}

function cohortInput(target: Target) {
  const suffix = uniqueSuffix().toUpperCase();
  const [sendingJurisdictionId, hostJurisdictionId] = isHkToSz(target) ? [world.hk.id, world.sz.id] : [world.sz.id, world.hk.id];
  const start = new Date(Date.UTC(2031, 0, 6));
  return {
    code: `MATRIX-${suffix}`,
    nameEn: `Matrix cohort ${suffix}`,
    nameZhHant: `矩陣批次 ${suffix}`,
    nameZhHans: `矩阵批次 ${suffix}`,
    sendingJurisdictionId,
    hostJurisdictionId,
    startDate: start,
    endDate: new Date(Date.UTC(2031, 2, 28)),
    nominationDeadline: null,
    status: "PLANNING" as const,
  };
}

/** A write refused with 403/404 must leave no trace: no audit entry for the record. */
async function refusedWithoutTrace(write: () => Promise<unknown>, entityId: string | null, entityCheck?: () => Promise<boolean>): Promise<boolean> {
  // The write starts only after the "before" count, so its rejection is always awaited (never unhandled) and the
  // count cannot race with it.
  const auditBefore = entityId ? await db.auditLog.count({ where: { entityId } }) : 0;
  try {
    await write();
    return true;
  } catch (error) {
    if (!(error instanceof ForbiddenError || error instanceof NotFoundError)) throw error;
    if (entityId) expect(await db.auditLog.count({ where: { entityId } })).toBe(auditBefore);
    if (entityCheck) expect(await entityCheck()).toBe(true);
    return false;
  }
}

async function inApprovalsQueue(actor: Actor, placementId: string): Promise<boolean> {
  for (let page = 1; ; page += 1) {
    const result = await findPlacementsAwaitingApproval(actor, page);
    if (result.rows.some((row) => row.id === placementId)) return true;
    if (page >= result.pageCount) return false;
  }
}

/** Runs the action; true when it was allowed (a write succeeded, a read showed the record). */
async function attempt(action: Action, target: Target, actor: Actor): Promise<boolean> {
  const context = { actor, request };
  const cohort = cohortOf(target);
  switch (action) {
    case "view cohort":
      return (await findCohortForActor(actor, cohort.id)) !== null;
    case "find cohort in the list":
      return (await findCohortPage(actor, { q: cohort.code, sort: "code", page: 1 }, "en")).rows.some((row) => row.id === cohort.id);
    case "create cohort": {
      const input = cohortInput(target);
      return refusedWithoutTrace(() => createCohortMutation(context, input), null, async () => (await db.cohort.count({ where: { code: input.code } })) === 0);
    }
    case "edit cohort": {
      const input = cohortInput(target);
      const existing = await createCohort(db, { ...input, nominationDeadline: undefined });
      const edit = () => updateCohort(context, { ...input, id: existing.id, version: existing.version, nameEn: `${input.nameEn} (edited)` });
      return refusedWithoutTrace(edit, existing.id, async () => (await db.cohort.findUniqueOrThrow({ where: { id: existing.id } })).version === existing.version);
    }
    case "view placement board": {
      const placement = await placementFor(target, "NOMINATED");
      return (await allBoardRows(actor, cohort.id)).some((row) => row.id === placement.id);
    }
    case "search officers to nominate": {
      const officer = await sendingOfficer(target);
      return (await findNominationCandidates(actor, cohort.id, officer.staffNumber)).some((candidate) => candidate.id === officer.id);
    }
    case "nominate officers": {
      const officer = await sendingOfficer(target);
      return refusedWithoutTrace(() => nominateOfficers(context, { cohortId: cohort.id, officerIds: [officer.id] }), null, async () => (await db.placement.count({ where: { officerId: officer.id } })) === 0);
    }
    case "see host unit places":
      return (await findHostUnitOptions(actor, cohort.id)).length > 0;
    case "assign host unit": {
      const placement = await placementFor(target, "NOMINATED");
      const hostUnitId = isHkToSz(target) ? world.szHostUnits[1].id : world.hkHostUnits[1].id;
      const write = () =>
        assignPlacement(context, {
        placementId: placement.id,
        version: placement.version,
        hostUnitId,
        fieldId: world.field.id,
        postTitle: "Attachment Officer",
        startDate: cohort.startDate,
        endDate: cohort.endDate,
      });
      return refusedWithoutTrace(write, placement.id, async () => (await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).hostUnitId === null);
    }
    case "approve as sending side":
    case "approve as host side": {
      const placement = await placementFor(target, "ASSIGNED");
      const side = action === "approve as sending side" ? "sending" : "host";
      return refusedWithoutTrace(() => approvePlacement(context, { placementId: placement.id, version: placement.version, side }), placement.id, async () =>
        (await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).version === placement.version,
      );
    }
    case "withdraw placement": {
      const placement = await placementFor(target, "ASSIGNED");
      return refusedWithoutTrace(() => withdrawPlacement(context, { placementId: placement.id, version: placement.version, reason: "Matrix" }), placement.id, async () =>
        (await db.placement.findUniqueOrThrow({ where: { id: placement.id } })).status === "ASSIGNED",
      );
    }
    case "view placement": {
      const placement = await placementFor(target, "ASSIGNED");
      return (await findPlacementDetail(actor, placement.id)) !== null;
    }
    case "see staff number": {
      const placement = await placementFor(target, "ASSIGNED");
      const detail = await findPlacementDetail(actor, placement.id);
      const board = await allBoardRows(actor, cohort.id);
      const onBoard = board.find((row) => row.id === placement.id)?.officer.staffNumber ?? null;
      // The board and the detail page must agree.
      if (detail && board.length > 0) expect(onBoard).toBe(detail.officer.staffNumber);
      return (detail?.officer.staffNumber ?? null) !== null;
    }
    case "find in approvals queue": {
      const placement = await placementFor(target, "ASSIGNED");
      return inApprovalsQueue(actor, placement.id);
    }
  }
}

describe("authorization matrix for cohorts and placements (real database)", () => {
  for (const [action, target, allowed] of matrix) {
    for (const actorName of actorNames) {
      const expected = allowed.includes(actorName);
      it(`${actorName} ${expected ? "may" : "may not"} ${action} — ${target}`, async () => {
        expect(await attempt(action, target, actors[actorName])).toBe(expected);
      });
    }
  }

  it("has a row for every action", () => {
    const actions: Action[] = [
      "view cohort",
      "find cohort in the list",
      "create cohort",
      "edit cohort",
      "view placement board",
      "search officers to nominate",
      "nominate officers",
      "see host unit places",
      "assign host unit",
      "approve as sending side",
      "approve as host side",
      "withdraw placement",
      "view placement",
      "see staff number",
      "find in approvals queue",
    ];
    const covered = new Set(matrix.map(([action]) => action));
    expect(actions.filter((action) => !covered.has(action))).toEqual([]);
  });

  it("answers a guessed id outside the actor's scope as not found, not forbidden", async () => {
    const placement = await placementFor("HK→SZ placement of another officer", "ASSIGNED");
    await expect(withdrawPlacement({ actor: actors.bjCoordinator, request }, { placementId: placement.id, version: 1, reason: "Guess" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawPlacement({ actor: actors.hkOfficer, request }, { placementId: placement.id, version: 1, reason: "Guess" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await findPlacementDetail(actors.hkOfficer, placement.id)).toBeNull();
  });
});
