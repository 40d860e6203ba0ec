import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { verifyPassword } from "../../lib/password.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";
import { seedDemoData } from "./demo.ts";

// A fixed "today" keeps the generated cohort windows stable: Wednesday 15 April 2026, 09:00 in Hong Kong.
const today = new Date("2026-04-15T01:00:00Z");

let db: PrismaClient;

async function counts() {
  const [jurisdictions, departments, hostUnits, officers, users, cohorts, placements, scheduleItems, capacities] = await Promise.all([
    db.jurisdiction.count(),
    db.department.count(),
    db.hostUnit.count(),
    db.officer.count(),
    db.user.count(),
    db.cohort.count(),
    db.placement.count(),
    db.scheduleItem.count(),
    db.hostUnitCapacity.count(),
  ]);
  return { jurisdictions, departments, hostUnits, officers, users, cohorts, placements, scheduleItems, capacities };
}

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  expect(await seedDemoData(db, { today })).toEqual({ created: true });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("seedDemoData", () => {
  it("creates the reference data", async () => {
    expect(await db.department.count({ where: { jurisdiction: { code: "HK" } } })).toBeGreaterThanOrEqual(15);
    expect(await db.hostUnit.count({ where: { jurisdiction: { code: "SZ" } } })).toBeGreaterThanOrEqual(20);
    expect(await db.hostUnit.count({ where: { jurisdiction: { code: "HK" } } })).toBeGreaterThanOrEqual(10);
    expect((await db.field.findMany({ orderBy: { sortOrder: "asc" } })).map((f) => f.code)).toEqual([
      "DISTRICT_GOVERNANCE",
      "TECHNOLOGY",
      "URBAN_PLANNING",
      "TRANSPORT",
      "ENVIRONMENT",
    ]);
    const jurisdictions = await db.jurisdiction.findMany({ select: { code: true, timeZone: true } });
    expect(jurisdictions.map((j) => j.code).sort()).toEqual(["BJ", "CQ", "HK", "HZ", "SH", "SZ", "WH"]);
    expect(await db.officer.count({ where: { jurisdiction: { code: "HK" } } })).toBeGreaterThanOrEqual(40);
    expect(await db.officer.count({ where: { jurisdiction: { code: "SZ" } } })).toBeGreaterThanOrEqual(15);
    // Every host unit has at least one field, every officer too.
    expect(await db.hostUnit.count({ where: { fields: { none: {} } } })).toBe(0);
    expect(await db.officer.count({ where: { fields: { none: {} } } })).toBe(0);
  });

  it("keeps the first cohort: ten confirmed officers from 18 December 2023 to 8 March 2024", async () => {
    const cohort = await db.cohort.findUniqueOrThrow({ where: { code: "HKSZ-2023" }, include: { placements: true } });
    expect(cohort.status).toBe("COMPLETED");
    expect(cohort.startDate.toISOString()).toBe("2023-12-18T00:00:00.000Z");
    expect(cohort.endDate.toISOString()).toBe("2024-03-08T00:00:00.000Z");
    const confirmed = cohort.placements.filter((p) => p.status === "CONFIRMED");
    expect(confirmed).toHaveLength(10);
    for (const placement of confirmed) {
      expect(placement.hostUnitId).not.toBeNull();
      expect(placement.sendingApprovedById).not.toBeNull();
      expect(placement.hostApprovedById).not.toBeNull();
    }
  });

  it("creates the demo accounts, each able to sign in with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { jurisdiction: true } });
      expect(user.role).toBe(account.role);
      expect(user.jurisdiction?.code ?? null).toBe(account.jurisdictionCode);
      expect(await verifyPassword(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.passwordHash ?? "", "wrong-password")).toBe(false);
    }
  });

  it("links the officer, mainland officer and supervisor accounts to confirmed current placements", async () => {
    const officer = await db.user.findUniqueOrThrow({
      where: { email: "officer@exchange.demo" },
      include: { officer: { include: { placements: { include: { cohort: true } } } } },
    });
    const current = officer.officer?.placements.find((p) => p.cohort.status === "IN_PROGRESS");
    expect(current?.status).toBe("CONFIRMED");
    expect(current?.cohort.startDate.getTime()).toBeLessThanOrEqual(today.getTime());
    expect(current?.cohort.endDate.getTime()).toBeGreaterThanOrEqual(today.getTime());
    expect(await db.scheduleItem.count({ where: { placementId: current?.id } })).toBeGreaterThanOrEqual(3);

    const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@exchange.demo" } });
    expect(supervisor.hostUnitId).toBe(current?.hostUnitId);

    const mainland = await db.user.findUniqueOrThrow({
      where: { email: "mainland.officer@exchange.demo" },
      include: { officer: { include: { placements: { include: { cohort: true, hostUnit: { include: { jurisdiction: true } } } } } } },
    });
    const placement = mainland.officer?.placements[0];
    expect(placement?.status).toBe("CONFIRMED");
    expect(placement?.hostUnit?.jurisdiction.code).toBe("HK");
  });

  it("gives the current Hong Kong → Shenzhen cohort placements in at least three states", async () => {
    const cohort = await db.cohort.findFirstOrThrow({
      where: { status: "IN_PROGRESS", sendingJurisdiction: { code: "HK" } },
      include: { placements: true },
    });
    const statuses = new Set(cohort.placements.map((p) => p.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain("WITHDRAWN");
    expect(cohort.placements.some((p) => p.status === "ASSIGNED" && p.sendingApprovedAt && !p.hostApprovedAt)).toBe(true);
    expect(cohort.placements.some((p) => p.status === "ASSIGNED" && !p.sendingApprovedAt && p.hostApprovedAt)).toBe(true);
    expect(cohort.placements.some((p) => p.status === "NOMINATED" && p.hostUnitId === null)).toBe(true);
  });

  it("never gives an officer two overlapping live placements", async () => {
    const overlaps = await db.$queryRaw<{ officerId: string }[]>`
      SELECT a."officerId"
      FROM "Placement" a
      JOIN "Placement" b ON a."officerId" = b."officerId" AND a."id" < b."id"
      WHERE a."status" <> 'WITHDRAWN' AND b."status" <> 'WITHDRAWN'
        AND daterange(a."startDate", a."endDate", '[]') && daterange(b."startDate", b."endDate", '[]')`;
    expect(overlaps).toEqual([]);
  });

  it("keeps placements inside their cohort and host units within capacity", async () => {
    const outside = await db.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId"
      WHERE p."startDate" < c."startDate" OR p."endDate" > c."endDate"`;
    expect(outside).toEqual([]);
    const overCapacity = await db.$queryRaw<{ hostUnitId: string }[]>`
      SELECT p."hostUnitId" FROM "Placement" p
      JOIN "HostUnit" h ON h."id" = p."hostUnitId"
      LEFT JOIN "HostUnitCapacity" hc ON hc."hostUnitId" = p."hostUnitId" AND hc."cohortId" = p."cohortId"
      WHERE p."status" <> 'WITHDRAWN'
      GROUP BY p."hostUnitId", p."cohortId", hc."capacity", h."defaultCapacity"
      HAVING count(*) > coalesce(hc."capacity", h."defaultCapacity")`;
    expect(overCapacity).toEqual([]);
  });

  it("writes schedule times as Hong Kong local instants", async () => {
    const opening = await db.scheduleItem.findFirstOrThrow({ where: { cohort: { code: "HKSZ-2023" }, title: "Opening ceremony" } });
    expect(opening.startsAt.toISOString()).toBe("2023-12-18T02:00:00.000Z");
    const milestone = await db.scheduleItem.findFirstOrThrow({ where: { type: "MILESTONE", allDay: true } });
    expect(milestone.startsAt.toISOString()).toMatch(/T16:00:00\.000Z$/);
    expect(milestone.endsAt.getTime() - milestone.startsAt.getTime()).toBe(86_400_000);
  });

  // ---- matchin ----
  it("gives the open cohort's nominations ranked preferences, and one unit a rank band and wishes", async () => {
    const nominated = await db.placement.findMany({ where: { status: "NOMINATED", cohort: { status: "NOMINATIONS" } }, select: { id: true, cohortId: true } });
    expect(nominated.length).toBeGreaterThan(0);
    const preferences = await db.matchingPreference.findMany({ where: { placementId: { in: nominated.map((placement) => placement.id) } }, select: { placementId: true, rank: true } });
    expect(new Set(preferences.map((row) => row.placementId)).size).toBe(nominated.length);
    expect(preferences.filter((row) => row.placementId === nominated[0].id).map((row) => row.rank).sort()).toEqual([1, 2, 3]);
    const band = await db.hostUnitRankBand.findFirstOrThrow({ where: { cohortId: nominated[0].cohortId } });
    expect(band.rankMinLevel).not.toBeNull();
    expect(await db.matchingWish.count({ where: { hostUnitId: band.hostUnitId, cohortId: band.cohortId } })).toBe(3);
  });

  it("does nothing when called again", async () => {
    const before = await counts();
    expect(await seedDemoData(db, { today })).toEqual({ created: false });
    expect(await seedDemoData(db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
});
