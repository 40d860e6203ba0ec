import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { addDays, monthBounds, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { createJurisdiction, createOfficer, createPlacement, createUser, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { findCoordinatorDashboard, UPCOMING_DAYS } from "./queries/coordinator";
import { findOfficerNextEvents } from "./queries/officer";
import { findAdminDashboard } from "./queries/admin";
import { actorFromUser } from "@/lib/auth/actor";


let world: TwoSidedWorld;
let hk: Actor, sz: Actor;
// A fixed clock, half a minute before midnight in Hong Kong (15:59:30 UTC): the world's cohorts and every "today" the
// dashboard compares with come from this one instant, so the result does not depend on when the suite runs.
const now = new Date("2031-03-12T15:59:30Z");
const today = parseDateOnly(todayInHongKong(now));

beforeAll(async () => {
  world = await createTwoSidedWorld(db, { now });
  hk = actorFromUser(world.hkCoordinator);
  sz = actorFromUser(world.szCoordinator);
  const hkOfficer = () => createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
  const [unitA, unitB] = world.szHostUnits;
  await db.hostUnit.update({ where: { id: unitA.id }, data: { defaultCapacity: 3 } });
  await db.hostUnitCapacity.create({ data: { hostUnitId: unitB.id, cohortId: world.hkToSz.id, capacity: 4 } });

  const confirmed = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: unitA.id, fieldId: world.field.id, status: "CONFIRMED" });
  await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: world.hkToSz.id, hostUnitId: unitA.id, fieldId: world.field.id, startDate: addDays(today, 7) });
  await createPlacement(db, { officerId: (await hkOfficer()).id, cohortId: world.hkToSz.id, fieldId: world.field.id });
  await createPlacement(db, { officerId: (await hkOfficer()).id, cohortId: world.hkToSz.id, hostUnitId: unitB.id, status: "WITHDRAWN" });
  await createPlacement(db, { officerId: (await hkOfficer()).id, cohortId: world.hkToSz.id, hostUnitId: unitB.id, status: "ASSIGNED", sendingApprovedAt: now, sendingApprovedById: world.hkCoordinator.id });

  const szOfficer = await createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id });
  await createPlacement(db, { officerId: szOfficer.id, cohortId: world.szToHk.id, hostUnitId: world.hkHostUnits[0].id, sendingApprovedAt: now, sendingApprovedById: world.szCoordinator.id });

  const inTwoDays = addDays(now, 2);
  await db.scheduleItem.createMany({
    data: [
      { cohortId: world.hkToSz.id, type: "MILESTONE", title: "Mid-term check-in", startsAt: inTwoDays, endsAt: inTwoDays, updatedAt: now },
      { cohortId: world.hkToSz.id, placementId: confirmed.id, type: "SITE_VISIT", title: "Site visit: Qianhai", startsAt: inTwoDays, endsAt: inTwoDays, updatedAt: now },
      { cohortId: world.szToHk.id, type: "MILESTONE", title: "Other cohort's milestone", startsAt: inTwoDays, endsAt: inTwoDays, updatedAt: now },
    ],
  });
});
afterAll(async () => db.$disconnect());

const cohortIdsOf = async (where: object) => (await db.cohort.findMany({ where, select: { id: true } })).map((cohort) => cohort.id);

describe("coordinator dashboard numbers equal the database's counts", () => {
  it("counts placements by status for every cohort card", async () => {
    const dashboard = (await findCoordinatorDashboard(hk, { today, now }))!;
    expect(dashboard.cohorts.map((cohort) => cohort.id).sort()).toEqual([world.hkToSz.id, world.szToHk.id].sort());
    for (const cohort of dashboard.cohorts) {
      const counts = await db.placement.groupBy({ by: ["status"], where: { cohortId: cohort.id }, _count: { _all: true } });
      expect(cohort.placementsByStatus).toEqual(Object.fromEntries(counts.map((row) => [row.status, row._count._all])));
    }
    expect(dashboard.cohorts.find((cohort) => cohort.id === world.hkToSz.id)?.side).toBe("sending");
    expect(dashboard.cohorts.find((cohort) => cohort.id === world.szToHk.id)?.side).toBe("host");
  });

  it("counts what waits for this side's approval, per side", async () => {
    const dashboard = (await findCoordinatorDashboard(hk, { today, now }))!;
    const sending = await db.placement.count({ where: { status: "ASSIGNED", sendingApprovedAt: null, cohort: { sendingJurisdictionId: world.hk.id } } });
    const host = await db.placement.count({ where: { status: "ASSIGNED", hostApprovedAt: null, cohort: { hostJurisdictionId: world.hk.id } } });
    expect([sending, host]).toEqual([1, 1]);
    expect((await dashboard.sending)?.waitingForMyApproval).toBe(sending);
    expect((await dashboard.host)?.waitingForMyApproval).toBe(host);
    expect(dashboard.waitingForMyApproval).toBe(sending + host);
  });

  it("computes the first screen alone when the panels are not asked for (they load when shown, decision 113)", async () => {
    const firstScreen = (await findCoordinatorDashboard(hk, { today, now, panels: false }))!;
    const full = (await findCoordinatorDashboard(hk, { today, now }))!;
    expect([firstScreen.hasSendingSide, firstScreen.hasHostSide]).toEqual([true, true]);
    expect([await firstScreen.sending, await firstScreen.host]).toEqual([null, null]);
    expect(await full.sending).not.toBeNull();
    expect(firstScreen.waitingForMyApproval).toBe(full.waitingForMyApproval);
    expect(firstScreen.cohorts).toEqual(full.cohorts);
  });

  it("sums the sending side's running and coming cohorts", async () => {
    const sending = await (await findCoordinatorDashboard(hk, { today, now }))!.sending;
    const liveSending = await cohortIdsOf({ sendingJurisdictionId: world.hk.id, endDate: { gte: today } });
    const live = { cohortId: { in: liveSending }, status: { not: "WITHDRAWN" as const } };
    expect(sending!.liveCohortCount).toBe(liveSending.length);
    expect(sending!.nominatedNotPlaced).toBe(await db.placement.count({ where: { cohortId: { in: liveSending }, status: "NOMINATED", hostUnitId: null } }));
    expect(sending!.byField.reduce((sum, row) => sum + row.count, 0)).toBe(await db.placement.count({ where: live }));
    const byUnit = await db.placement.groupBy({ by: ["hostUnitId"], where: { ...live, hostUnitId: { not: null } }, _count: { _all: true } });
    expect(Object.fromEntries(sending!.byHostUnit.top.map((row) => [row.id, row.count]))).toEqual(Object.fromEntries(byUnit.map((row) => [row.hostUnitId, row._count._all])));
    expect(sending!.byHostUnit.otherCount).toBe(0);
    const arrivals = await db.placement.count({
      where: { cohortId: { in: liveSending }, status: { in: ["ASSIGNED", "CONFIRMED"] }, startDate: { gte: today, lte: addDays(today, UPCOMING_DAYS) } },
    });
    expect(sending!.upcomingArrivals.total).toBe(arrivals);
    expect(sending!.upcomingArrivals.items).toHaveLength(arrivals);
    expect(sending!.milestones.map((milestone) => milestone.title)).toEqual(["Mid-term check-in"]);
  });

  it("shows the host side the capacity used per host unit in its current cohort", async () => {
    const host = await (await findCoordinatorDashboard(sz, { today, now }))!.host;
    expect(host!.currentCohort?.id).toBe(world.hkToSz.id);
    const units = await db.hostUnit.findMany({ where: { jurisdictionId: world.sz.id, active: true }, include: { capacities: { where: { cohortId: world.hkToSz.id } } } });
    const capacity = units.reduce((sum, unit) => sum + (unit.capacities[0]?.capacity ?? unit.defaultCapacity), 0);
    const used = await db.placement.count({ where: { cohortId: world.hkToSz.id, status: { not: "WITHDRAWN" }, hostUnitId: { not: null } } });
    expect(host!.capacity).toMatchObject({ hostUnitCount: units.length, totalCapacity: capacity, totalUsed: used });
    expect(host!.capacity.rows.map((row) => [row.hostUnitId, row.used, row.capacity])).toEqual([
      [world.szHostUnits[0].id, 2, 3],
      [world.szHostUnits[1].id, 1, 4],
    ]);
    const { first: monthStart, last: monthEnd } = monthBounds(today);
    const arrivals = await db.placement.count({
      where: { cohort: { hostJurisdictionId: world.sz.id }, status: { in: ["ASSIGNED", "CONFIRMED"] }, startDate: { gte: monthStart, lte: monthEnd } },
    });
    expect(host!.arrivalsThisMonth.total).toBe(arrivals);
  });

  it("derives the side from each cohort, not from the organisation", async () => {
    // The same Shenzhen coordinator is the sending side of the Shenzhen → Hong Kong cohort.
    const dashboard = (await findCoordinatorDashboard(sz, { today, now }))!;
    expect((await dashboard.sending)?.liveCohortCount).toBe(1);
    expect(dashboard.cohorts.find((cohort) => cohort.id === world.szToHk.id)?.side).toBe("sending");
  });

  it("shows a coordinator of a third city no cohort and no numbers", async () => {
    const city = await createJurisdiction(db);
    const coordinator = actorFromUser(await createUser(db, { role: "COORDINATOR", jurisdictionId: city.id }));
    const dashboard = (await findCoordinatorDashboard(coordinator, { today, now }))!;
    expect(dashboard).toMatchObject({ totalCohorts: 0, cohorts: [], waitingForMyApproval: 0 });
    expect([await dashboard.sending, await dashboard.host]).toEqual([null, null]);
  });
});

describe("other roles", () => {
  it("gives the administrator the programme's totals", async () => {
    const dashboard = (await findAdminDashboard(actorFromUser(world.admin)))!;
    expect(dashboard.totals).toEqual({
      officers: await db.officer.count(),
      hostUnits: await db.hostUnit.count(),
      cohorts: await db.cohort.count(),
      placements: await db.placement.count(),
      users: await db.user.count(),
    });
    expect(dashboard.placementsByStatus.WITHDRAWN).toBe(await db.placement.count({ where: { status: "WITHDRAWN" } }));
    expect(await findAdminDashboard(hk)).toBeNull();
  });

  it("gives an officer the next events of their own placement and cohort only", async () => {
    const officer = actorFromUser(world.hkOfficerUsers[0]);
    const events = await findOfficerNextEvents(officer, { now });
    expect(events.map((event) => event.title).sort()).toEqual(["Mid-term check-in", "Site visit: Qianhai"]);
    // The second officer's placement starts later in the same cohort: cohort-wide items only.
    expect((await findOfficerNextEvents(actorFromUser(world.hkOfficerUsers[1]), { now })).map((event) => event.title)).toEqual(["Mid-term check-in"]);
  });
});
