import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type TwoSidedWorld } from "@/tests/factories";
import { setHostUnitCapacity } from "./mutations";
import { findHostUnits, findHostUnitView } from "./queries";
import { hostUnitListParamsSchema } from "./schemas";
import { actorFromUser } from "@/lib/auth/actor";

const request = { requestId: "host-unit-test", ipAddress: "127.0.0.1" };

let world: TwoSidedWorld;
let hk: Actor, sz: Actor, admin: Actor, supervisor: Actor;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  [hk, sz, admin, supervisor] = [world.hkCoordinator, world.szCoordinator, world.admin, world.szSupervisor].map(actorFromUser);
});
afterAll(async () => db.$disconnect());

const params = (input: Record<string, string> = {}) => hostUnitListParamsSchema.parse(input);
const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe("host unit lists", () => {
  it("shows each coordinator its own side's units, a supervisor only its unit, an admin all", async () => {
    expect(ids((await findHostUnits(sz, params(), "en")).rows)).toEqual(ids(world.szHostUnits));
    expect(ids((await findHostUnits(hk, params(), "en")).rows)).toEqual(ids(world.hkHostUnits));
    expect(ids((await findHostUnits(supervisor, params(), "en")).rows)).toEqual([world.szHostUnits[0].id]);
    const all = await findHostUnits(admin, params({ q: "Qianhai" }), "en");
    expect(all.rows.map((row) => row.id)).toContain(world.szHostUnits[0].id);
  });

  it("searches names in any language and filters by district and field", async () => {
    expect(ids((await findHostUnits(sz, params({ q: "福田區" }), "en")).rows)).toEqual([world.szHostUnits[1].id]);
    expect(ids((await findHostUnits(sz, params({ q: "前海管理局规划" }), "en")).rows)).toEqual([world.szHostUnits[0].id]);
    expect(ids((await findHostUnits(sz, params({ district: "Futian" }), "en")).rows)).toEqual([world.szHostUnits[1].id]);
    expect((await findHostUnits(sz, params({ field: world.field.id }), "en")).total).toBe(2);
  });
});

describe("one host unit", () => {
  it("shows placements per cohort with the capacity, and officers without staff numbers", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
    await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, postTitle: "Planning assistant" });
    const view = await findHostUnitView(sz, world.szHostUnits[0].id);
    const cohort = view!.cohorts.find((row) => row.id === world.hkToSz.id)!;
    expect(cohort).toMatchObject({ capacity: 2, capacityVersion: null, canManageCapacity: true });
    expect(cohort.placements.map((placement) => placement.officerId)).toContain(officer.id);
    expect(JSON.stringify(view)).not.toContain(officer.staffNumber);
    // The cohort in the other direction is hosted by Hong Kong, so it does not appear for a Shenzhen unit.
    expect(view!.cohorts.map((row) => row.id)).not.toContain(world.szToHk.id);
  });

  it("answers null (404) outside the actor's scope", async () => {
    expect(await findHostUnitView(hk, world.szHostUnits[0].id)).toBeNull();
    expect(await findHostUnitView(supervisor, world.szHostUnits[1].id)).toBeNull();
    expect(await findHostUnitView(actorFromUser(world.hkOfficerUsers[0]), world.szHostUnits[0].id)).toBeNull();
    expect(await findHostUnitView(supervisor, world.szHostUnits[0].id)).toMatchObject({ mayViewHistory: false });
    const adminView = await findHostUnitView(admin, world.szHostUnits[0].id);
    expect(adminView?.cohorts.every((cohort) => !cohort.canManageCapacity)).toBe(true);
  });
});

describe("capacity per cohort", () => {
  it("lets the host side set and change it, versioned and audited", async () => {
    const unit = world.szHostUnits[1];
    const first = await setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 3, version: null });
    expect(first).toMatchObject({ capacity: 3, version: 1 });
    const second = await setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 4, version: 1 });
    expect(second).toMatchObject({ capacity: 4, version: 2 });
    const entries = await db.auditLog.findMany({ where: { entityType: "HostUnitCapacity", entityId: `${unit.id}:${world.hkToSz.id}` }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ capacity: 1 }, { capacity: 3 }],
      [{ capacity: 3 }, { capacity: 4 }],
    ]);
  });

  it("refuses a stale capacity edit, naming who changed it", async () => {
    const unit = await db.hostUnit.create({
      data: { jurisdictionId: world.sz.id, code: `STALE-${Date.now()}`, nameEn: "Stale test unit", nameZhHant: "測試單位", nameZhHans: "测试单位", defaultCapacity: 2 },
    });
    await setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 5, version: null });
    const refusal = setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: world.hkToSz.id, capacity: 1, version: null });
    await expect(refusal).rejects.toMatchObject({ messageKey: "staleRecord", values: { name: world.szCoordinator.name } });
    expect((await db.hostUnitCapacity.findFirstOrThrow({ where: { hostUnitId: unit.id } })).capacity).toBe(5);
  });

  it("refuses a capacity below the places taken (database trigger), with the message on the field", async () => {
    const unit = world.szHostUnits[0];
    const officers = await Promise.all([0, 1].map(() => createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id })));
    const cohort = await db.cohort.create({
      data: { code: `CAP-${Date.now()}`, nameEn: "Capacity", nameZhHant: "名額", nameZhHans: "名额", sendingJurisdictionId: world.hk.id, hostJurisdictionId: world.sz.id, startDate: new Date("2031-01-06"), endDate: new Date("2031-03-28") },
    });
    for (const officer of officers) await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, hostUnitId: unit.id });
    const refusal = setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: cohort.id, capacity: 1, version: null });
    await expect(refusal).rejects.toMatchObject({ messageKey: "capacityBelowUsed", fieldErrors: { capacity: ["capacityBelowUsed"] } });
    expect(await db.hostUnitCapacity.count({ where: { hostUnitId: unit.id, cohortId: cohort.id } })).toBe(0);
    expect(await setHostUnitCapacity(sz, request, { hostUnitId: unit.id, cohortId: cohort.id, capacity: 2, version: null })).toMatchObject({ capacity: 2, version: 1 });
  });

  it("is the host side's alone: the sending side, supervisors and admins are refused", async () => {
    const input = { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 9, version: null };
    await expect(setHostUnitCapacity(hk, request, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setHostUnitCapacity(supervisor, request, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHostUnitCapacity(admin, request, input)).rejects.toBeInstanceOf(ForbiddenError);
    // A Shenzhen unit cannot be given capacity in a cohort Shenzhen does not host.
    await expect(setHostUnitCapacity(sz, request, { ...input, cohortId: world.szToHk.id })).rejects.toBeInstanceOf(NotFoundError);
    const otherSide = await createUser(db, { role: "COORDINATOR" });
    await expect(setHostUnitCapacity(actorFromUser(otherSide), request, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});
