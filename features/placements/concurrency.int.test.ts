import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { AppError } from "@/lib/errors";
import { createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { assignPlacement } from "./mutations";
import { actorFromUser } from "@/lib/auth/actor";

// Capacity under real concurrency: 20 host-side coordinators' assignments to the last free place of one host unit
// arrive at the same moment. The database's capacity trigger serialises them on the host unit's row lock; exactly
// one wins and every other one gets the translated "no place left" — never a 500. Repeated, with the invariants
// re-checked in SQL after each round.
//
// A pool larger than the burst, so the 20 transactions really are open at once rather than queued for connections.
process.env.DATABASE_POOL_SIZE = "24";

const ROUNDS = 25;
const CONTENDERS = 20;
const CAPACITY = 3;
const request = { requestId: "capacity-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
let hostCoordinator: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  hostCoordinator = actorFromUser(world.szCoordinator);
});
afterAll(async () => db.$disconnect());

async function hkOfficer() {
  return createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
}

/** Host units whose live placements in a cohort exceed the capacity that applies to that cohort. */
async function overfullHostUnits() {
  return db.$queryRaw<{ hostUnitId: string; cohortId: string; used: bigint; capacity: number }[]>`
    SELECT p."hostUnitId", p."cohortId", count(*) AS used, coalesce(c."capacity", h."defaultCapacity") AS capacity
    FROM "Placement" p
    JOIN "HostUnit" h ON h."id" = p."hostUnitId"
    LEFT JOIN "HostUnitCapacity" c ON c."hostUnitId" = p."hostUnitId" AND c."cohortId" = p."cohortId"
    WHERE p."status" <> 'WITHDRAWN'
    GROUP BY p."hostUnitId", p."cohortId", c."capacity", h."defaultCapacity"
    HAVING count(*) > coalesce(c."capacity", h."defaultCapacity")`;
}

describe("the last free place of a host unit", () => {
  it(`goes to exactly one of ${CONTENDERS} simultaneous assignments, ${ROUNDS} rounds in a row`, async () => {
    const cohort = world.hkToSz;
    for (let round = 0; round < ROUNDS; round += 1) {
      const unit = await createHostUnit(db, { jurisdictionId: world.sz.id, defaultCapacity: CAPACITY, fieldIds: [world.field.id] });
      for (let taken = 0; taken < CAPACITY - 1; taken += 1) {
        await createPlacement(db, { officerId: (await hkOfficer()).id, cohortId: cohort.id, hostUnitId: unit.id });
      }
      const contenders = [];
      for (let index = 0; index < CONTENDERS; index += 1) {
        contenders.push(await createPlacement(db, { officerId: (await hkOfficer()).id, cohortId: cohort.id, status: "NOMINATED" }));
      }

      const results = await Promise.allSettled(
        contenders.map((placement, index) =>
          assignPlacement(
            { actor: hostCoordinator, request },
            {
              placementId: placement.id,
              version: placement.version,
              hostUnitId: unit.id,
              fieldId: world.field.id,
              postTitle: `Special Assistant ${round}-${index}`,
              startDate: cohort.startDate,
              endDate: cohort.endDate,
            },
          ),
        ),
      );

      const winners = results.filter((result) => result.status === "fulfilled");
      const refusals = results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result) => result.reason as unknown);
      expect(winners, `round ${round}`).toHaveLength(1);
      // Every loser got the user's message, next to the host unit field — no unexpected error among them.
      for (const refusal of refusals) {
        expect(refusal, `round ${round}: ${String(refusal)}`).toBeInstanceOf(AppError);
        expect(refusal).toMatchObject({ messageKey: "noPlaceLeft", fieldErrors: { hostUnitId: ["noPlaceLeft"] } });
      }
      expect(refusals).toHaveLength(CONTENDERS - 1);

      // Invariants, straight from SQL.
      const [{ used }] = await db.$queryRaw<{ used: bigint }[]>`
        SELECT count(*) AS used FROM "Placement" WHERE "hostUnitId" = ${unit.id} AND "cohortId" = ${cohort.id} AND "status" <> 'WITHDRAWN'`;
      expect(Number(used), `round ${round}`).toBe(CAPACITY);
      const contenderIds = contenders.map((placement) => placement.id);
      const untouched = await db.placement.count({ where: { id: { in: contenderIds }, status: "NOMINATED", hostUnitId: null, version: 1 } });
      expect(untouched, `round ${round}`).toBe(CONTENDERS - 1);
      expect(await db.auditLog.count({ where: { entityType: "Placement", entityId: { in: contenderIds } } }), `round ${round}`).toBe(1);
    }
    expect(await overfullHostUnits()).toEqual([]);
  });
});
