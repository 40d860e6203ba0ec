import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { actorFromUser } from "@/lib/auth/actor";
import { officerAccessFor } from "@/features/officers/policy";
import { createCohort, createHostUnit, createOfficer, createPlacement, createTwoSidedWorld, createUser } from "@/tests/factories";
import { canSeeDocumentDetails, canSeeStaffNumber, isInScope, scopeSql, scopeWhere, type ScopeAliases, type ScopeName } from "@/lib/scopes";

// One definition per scope, three forms: for every actor of a two-sided world (plus a third city with a cohort of
// its own), the ids through the Prisma `where`, through the SQL fragment (with the related table joined, and reached
// by EXISTS) and the records isAllowed accepts must be the same set.

const actorNames = ["admin", "hkCoordinator", "szCoordinator", "bjCoordinator", "szSupervisor", "hkOfficer", "szOfficer"] as const;
type ActorName = (typeof actorNames)[number];

let actors: Record<ActorName, Actor>;
let ids: { cohorts: string[]; placements: string[]; officers: string[]; hostUnits: string[]; scheduleItems: string[] };

beforeAll(async () => {
  const world = await createTwoSidedWorld(db);
  const bjOfficer = await createOfficer(db);
  const bj = bjOfficer.jurisdictionId;
  const bjCoordinator = await createUser(db, { role: "COORDINATOR", jurisdictionId: bj, name: "Beijing coordinator" });
  const szOfficer = await createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id });
  const szOfficerUser = await createUser(db, { role: "OFFICER", jurisdictionId: world.sz.id, officerId: szOfficer.id });
  const hkOfficerWithdrawn = await createOfficer(db, { jurisdictionId: world.hk.id, rankId: world.hkRank.id, departmentId: world.hkDepartment.id });
  const bjToSz = await createCohort(db, { sendingJurisdictionId: bj, hostJurisdictionId: world.sz.id });
  const bjHostUnit = await createHostUnit(db, { jurisdictionId: bj });

  const [supervisedUnit, otherSzUnit] = world.szHostUnits;
  const placements = [
    // In the supervisor's unit: live, and withdrawn (placement:view still; its schedule no longer).
    await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: supervisedUnit.id }),
    await createPlacement(db, { officerId: hkOfficerWithdrawn.id, cohortId: world.hkToSz.id, hostUnitId: supervisedUnit.id, status: "WITHDRAWN" }),
    await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: world.hkToSz.id }),
    await createPlacement(db, { officerId: szOfficer.id, cohortId: world.szToHk.id, hostUnitId: world.hkHostUnits[0].id }),
    await createPlacement(db, { officerId: bjOfficer.id, cohortId: bjToSz.id, hostUnitId: otherSzUnit.id }),
  ];
  const cohorts = [world.hkToSz, world.szToHk, bjToSz];
  const items: Prisma.ScheduleItemUncheckedCreateInput[] = [
    ...cohorts.map((cohort) => ({ cohortId: cohort.id, placementId: null })),
    ...placements.map((placement) => ({ cohortId: placement.cohortId, placementId: placement.id })),
  ].map((target, index) => ({ ...target, type: "MEETING", title: `Item ${index}`, startsAt: new Date("2026-03-02T01:00:00Z"), endsAt: new Date("2026-03-02T02:00:00Z") }));
  const scheduleItems = await db.scheduleItem.createManyAndReturn({ data: items, select: { id: true } });

  actors = {
    admin: actorFromUser(world.admin),
    hkCoordinator: actorFromUser(world.hkCoordinator),
    szCoordinator: actorFromUser(world.szCoordinator),
    bjCoordinator: actorFromUser(bjCoordinator),
    szSupervisor: actorFromUser(world.szSupervisor),
    hkOfficer: actorFromUser(world.hkOfficerUsers[0]),
    szOfficer: actorFromUser(szOfficerUser),
  };
  ids = {
    cohorts: cohorts.map((cohort) => cohort.id),
    placements: placements.map((placement) => placement.id),
    officers: [...world.hkOfficers, hkOfficerWithdrawn, szOfficer, bjOfficer].map((officer) => officer.id),
    hostUnits: [...world.szHostUnits, ...world.hkHostUnits, bjHostUnit].map((unit) => unit.id),
    scheduleItems: scheduleItems.map((item) => item.id),
  };
});

const sorted = (values: string[]) => [...values].sort();

/** The ids of `table` (aliased as the scope expects) among `among`, through the scope's SQL form. */
async function idsThroughSql(scope: ScopeName, actor: Actor, from: string, aliases: ScopeAliases, among: string[]) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT x."id" FROM ${Prisma.raw(from)} WHERE x."id" = ANY(${among}::text[]) AND ${scopeSql(scope, actor, aliases)}`;
  return sorted(rows.map((row) => row.id));
}

const cohortSides = { sendingJurisdictionId: true, hostJurisdictionId: true } as const;

describe.each(actorNames)("scopes for %s", (name) => {
  it("cohorts: Prisma = SQL = isAllowed(cohort:view)", async () => {
    const actor = actors[name];
    const rows = await db.cohort.findMany({ where: { id: { in: ids.cohorts } }, select: { id: true, ...cohortSides } });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "cohort:view", cohortResource(row))).map((row) => row.id));
    const viaPrisma = await db.cohort.findMany({ where: { AND: [{ id: { in: ids.cohorts } }, scopeWhere("cohort", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("cohort", actor, `"Cohort" x`, { Cohort: "x" }, ids.cohorts)).toEqual(expected);
    expect(sorted(rows.filter((row) => isInScope("cohort", actor, row)).map((row) => row.id))).toEqual(expected);
  });

  it("placements: Prisma = SQL (cohort joined or not) = isAllowed(placement:view); schedules add liveness for supervisors and officers", async () => {
    const actor = actors[name];
    const rows = await db.placement.findMany({ where: { id: { in: ids.placements } }, select: { id: true, officerId: true, hostUnitId: true, status: true, cohort: { select: cohortSides } } });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "placement:view", placementResource(row))).map((row) => row.id));
    const viaPrisma = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("placement", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    const joined = `"Placement" x JOIN "Cohort" c ON c."id" = x."cohortId"`;
    expect(await idsThroughSql("placement", actor, joined, { Placement: "x", Cohort: "c" }, ids.placements)).toEqual(expected);
    expect(await idsThroughSql("placement", actor, `"Placement" x`, { Placement: "x" }, ids.placements)).toEqual(expected);
    expect(sorted(rows.filter((row) => isInScope("placement", actor, row)).map((row) => row.id))).toEqual(expected);

    const mustBeLive = actor.role === "SUPERVISOR" || actor.role === "OFFICER";
    const expectedSchedules = sorted(
      rows.filter((row) => isAllowed(actor, "schedule:view", placementResource(row)) && (!mustBeLive || row.status !== "WITHDRAWN")).map((row) => row.id),
    );
    const schedulesViaPrisma = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("schedulePlacement", actor)] }, select: { id: true } });
    expect(sorted(schedulesViaPrisma.map((row) => row.id))).toEqual(expectedSchedules);
    expect(await idsThroughSql("schedulePlacement", actor, `"Placement" x`, { Placement: "x" }, ids.placements)).toEqual(expectedSchedules);
  });

  it("schedule items: Prisma = SQL = a placement's items with its schedule, cohort-wide items with the cohort or a readable placement in it", async () => {
    const actor = actors[name];
    const readablePlacements = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("schedulePlacement", actor)] }, select: { id: true, cohortId: true } });
    const items = await db.scheduleItem.findMany({ where: { id: { in: ids.scheduleItems } }, select: { id: true, placementId: true, cohort: { select: cohortSides }, cohortId: true } });
    const expected = sorted(
      items
        .filter((item) =>
          item.placementId
            ? readablePlacements.some((placement) => placement.id === item.placementId)
            : isAllowed(actor, "schedule:view", cohortResource(item.cohort)) || readablePlacements.some((placement) => placement.cohortId === item.cohortId),
        )
        .map((item) => item.id),
    );
    const viaPrisma = await db.scheduleItem.findMany({ where: { AND: [{ id: { in: ids.scheduleItems } }, scopeWhere("scheduleItem", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("scheduleItem", actor, `"ScheduleItem" x`, { ScheduleItem: "x" }, ids.scheduleItems)).toEqual(expected);
  });

  it("officers: Prisma = SQL = isAllowed(officer:view); records with the host view = officerAccessFor", async () => {
    const actor = actors[name];
    const rows = await db.officer.findMany({
      where: { id: { in: ids.officers } },
      select: { id: true, jurisdictionId: true, placements: { select: { officerId: true, hostUnitId: true, status: true, cohort: { select: cohortSides } } } },
    });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "officer:view", { kind: "officer", id: row.id, jurisdictionId: row.jurisdictionId })).map((row) => row.id));
    const viaPrisma = await db.officer.findMany({ where: { AND: [{ id: { in: ids.officers } }, scopeWhere("officer", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("officer", actor, `"Officer" x`, { Officer: "x" }, ids.officers)).toEqual(expected);

    const expectedRecords = sorted(rows.filter((row) => officerAccessFor(actor, row) !== null).map((row) => row.id));
    const recordsViaPrisma = await db.officer.findMany({ where: { AND: [{ id: { in: ids.officers } }, scopeWhere("officerRecord", actor)] }, select: { id: true } });
    expect(sorted(recordsViaPrisma.map((row) => row.id))).toEqual(expectedRecords);
    expect(await idsThroughSql("officerRecord", actor, `"Officer" x`, { Officer: "x" }, ids.officers)).toEqual(expectedRecords);
    expect(sorted(rows.filter((row) => isInScope("officerRecord", actor, row)).map((row) => row.id))).toEqual(expectedRecords);
  });

  it("host units: Prisma = SQL = isAllowed(hostUnit:view)", async () => {
    const actor = actors[name];
    const rows = await db.hostUnit.findMany({ where: { id: { in: ids.hostUnits } }, select: { id: true, jurisdictionId: true } });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "hostUnit:view", { kind: "hostUnit", ...row })).map((row) => row.id));
    const viaPrisma = await db.hostUnit.findMany({ where: { AND: [{ id: { in: ids.hostUnits } }, scopeWhere("hostUnit", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("hostUnit", actor, `"HostUnit" x`, { HostUnit: "x" }, ids.hostUnits)).toEqual(expected);
  });

  it("staff numbers: the SQL column is filled exactly where canSeeStaffNumber says so", async () => {
    const actor = actors[name];
    const rows = await db.placement.findMany({ where: { id: { in: ids.placements } }, select: { id: true, officerId: true, cohort: { select: cohortSides } } });
    const expected = sorted(rows.filter((row) => canSeeStaffNumber(actor, row)).map((row) => row.id));
    const aliases = { Placement: "x", Cohort: "c", Officer: "o" };
    const withNumbers = await db.$queryRaw<{ id: string; staffNumber: string | null }[]>`
      SELECT x."id", CASE WHEN ${scopeSql("staffNumber", actor, aliases)} THEN o."staffNumber" END AS "staffNumber"
      FROM "Placement" x JOIN "Cohort" c ON c."id" = x."cohortId" JOIN "Officer" o ON o."id" = x."officerId"
      WHERE x."id" = ANY(${ids.placements}::text[])`;
    expect(sorted(withNumbers.filter((row) => row.staffNumber !== null).map((row) => row.id))).toEqual(expected);
    const viaPrisma = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("staffNumber", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
  });
});

describe.each(actorNames)("documents (%s)", (name) => {
  it("document details: Prisma = SQL = isAllowed(document:viewDetails) = canSeeDocumentDetails", async () => {
    const actor = actors[name];
    const rows = await db.placement.findMany({ where: { id: { in: ids.placements } }, select: { id: true, officerId: true, hostUnitId: true, cohort: { select: cohortSides } } });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "document:viewDetails", placementResource(row))).map((row) => row.id));
    expect(sorted(rows.filter((row) => canSeeDocumentDetails(actor, row)).map((row) => row.id))).toEqual(expected);
    const viaPrisma = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("documentDetails", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("documentDetails", actor, `"Placement" x`, { Placement: "x" }, ids.placements)).toEqual(expected);
  });
});

describe.each(actorNames)("matching preferences (%s)", (name) => {
  it("matching preferences: Prisma = SQL = isAllowed(matchingPreference:view)", async () => {
    const actor = actors[name];
    const rows = await db.placement.findMany({ where: { id: { in: ids.placements } }, select: { id: true, officerId: true, hostUnitId: true, cohort: { select: cohortSides } } });
    const expected = sorted(rows.filter((row) => isAllowed(actor, "matchingPreference:view", placementResource(row))).map((row) => row.id));
    const viaPrisma = await db.placement.findMany({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("matchingPreference", actor)] }, select: { id: true } });
    expect(sorted(viaPrisma.map((row) => row.id))).toEqual(expected);
    expect(await idsThroughSql("matchingPreference", actor, `"Placement" x`, { Placement: "x" }, ids.placements)).toEqual(expected);
  });
});

describe("the two-sided world is not trivial", () => {
  it("every actor sees some placements, and all but the admin and Shenzhen (in all three cohorts) miss some", async () => {
    for (const name of actorNames) {
      const seen = await db.placement.count({ where: { AND: [{ id: { in: ids.placements } }, scopeWhere("placement", actors[name])] } });
      if (name !== "admin" && name !== "szCoordinator") expect.soft(seen, name).toBeLessThan(ids.placements.length);
      expect.soft(seen, name).toBeGreaterThan(0);
    }
  });
});
