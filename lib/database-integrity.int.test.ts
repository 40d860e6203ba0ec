import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { translateDatabaseError } from "@/lib/database-errors";
import { addDays } from "@/lib/dates";
import { createOfficer, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";

// Pins the exact shape in which PostgreSQL's integrity errors arrive through Prisma 7 + adapter-pg, and that each
// one becomes the intended user-facing message rather than a 500.
let world: TwoSidedWorld;

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});
afterAll(async () => db.$disconnect());

async function messageKeyOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return translateDatabaseError(error)?.messageKey ?? `untranslated: ${String(error)}`;
  }
  return undefined;
}

describe("database integrity", () => {
  it("refuses overlapping placements of one officer (exclusion constraint)", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED" });
    const otherCohort = await db.cohort.create({
      data: {
        code: `OVERLAP-${officer.id}`,
        nameEn: "Overlap",
        nameZhHant: "重疊",
        nameZhHans: "重叠",
        sendingJurisdictionId: world.hk.id,
        hostJurisdictionId: world.sz.id,
        startDate: world.hkToSz.startDate,
        endDate: world.hkToSz.endDate,
      },
    });
    const key = await messageKeyOf(
      db.placement.create({ data: { officerId: officer.id, cohortId: otherCohort.id, startDate: otherCohort.startDate, endDate: otherCohort.endDate } }),
    );
    expect(key).toBe("placementOverlap");
  });

  it("refuses a placement beyond the host unit's capacity", async () => {
    const unit = await db.hostUnit.update({ where: { id: world.szHostUnits[1].id }, data: { defaultCapacity: 1 } });
    const first = await createOfficer(db, { jurisdictionId: world.hk.id });
    const second = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: first.id, cohortId: world.hkToSz.id, hostUnitId: unit.id });
    expect(await messageKeyOf(createPlacement(db, { officerId: second.id, cohortId: world.hkToSz.id, hostUnitId: unit.id }))).toBe("noPlaceLeft");
  });

  it("refuses dates outside the cohort window and officers from the wrong side", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    const cohort = world.hkToSz;
    expect(
      await messageKeyOf(db.placement.create({ data: { officerId: officer.id, cohortId: cohort.id, startDate: addDays(cohort.startDate, -1), endDate: cohort.endDate } })),
    ).toBe("placementOutsideCohort");
    const mainlander = await createOfficer(db, { jurisdictionId: world.sz.id });
    expect(
      await messageKeyOf(db.placement.create({ data: { officerId: mainlander.id, cohortId: cohort.id, startDate: cohort.startDate, endDate: cohort.endDate } })),
    ).toBe("officerNotFromSendingSide");
  });

  it("refuses a confirmed placement without both approvals, and a withdrawal without a reason", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id });
    expect(await messageKeyOf(db.placement.update({ where: { id: placement.id }, data: { status: "CONFIRMED", sendingApprovedAt: null, hostApprovedAt: null } }))).toBe(
      "confirmationNeedsBothApprovals",
    );
    expect(await messageKeyOf(db.placement.update({ where: { id: placement.id }, data: { status: "WITHDRAWN", withdrawnReason: " " } }))).toBe("withdrawalNeedsReason");
  });

  it("refuses to change the sides of a cohort that has placements", async () => {
    const officer = await createOfficer(db, { jurisdictionId: world.hk.id });
    await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, status: "NOMINATED" });
    const third = await db.jurisdiction.create({ data: { code: `X-${officer.id}`, kind: "MAINLAND_CITY", nameEn: "Third", nameZhHant: "第三", nameZhHans: "第三" } });
    expect(await messageKeyOf(db.cohort.update({ where: { id: world.hkToSz.id }, data: { hostJurisdictionId: third.id } }))).toBe("cohortSidesLocked");
    await db.cohort.update({ where: { id: world.hkToSz.id }, data: { nameEn: "Renamed without touching the sides" } });
  });

  it("keeps the audit log append-only", async () => {
    const entry = await db.auditLog.create({ data: { action: "test.entry", entityType: "Test" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.entry");
  });
});
