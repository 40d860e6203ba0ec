import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/tests/factories";
import { PDF_MAX_ROWS } from "@/features/reports/export/pdf";
import { preparePlacementExport, ReportTooLargeForPdfError } from "@/features/reports/export-service";
import { reportFiltersSchema } from "@/features/reports/schemas";
import { generateScaleData, type ScaleDataSummary } from "./scale-data";

const OPTIONS = { officers: 3_000, placements: PDF_MAX_ROWS + 200, hostUnits: 200, seed: 7 };
let summary: ScaleDataSummary;

beforeAll(async () => {
  summary = await generateScaleData(process.env.DATABASE_URL!, OPTIONS);
});
afterAll(async () => db.$disconnect());

describe("generateScaleData", () => {
  it("writes the requested numbers of officers, host units and placements, in every workflow state", async () => {
    expect(summary.placements).toBe(OPTIONS.placements);
    expect(await db.placement.count()).toBe(OPTIONS.placements);
    expect(await db.officer.count()).toBe(OPTIONS.officers);
    expect(await db.hostUnit.count()).toBe(OPTIONS.hostUnits);
    const statuses = await db.placement.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((row) => row.status).sort()).toEqual(["ASSIGNED", "CONFIRMED", "NOMINATED", "WITHDRAWN"]);
    const cohortStatuses = await db.cohort.groupBy({ by: ["status"] });
    expect(cohortStatuses.length).toBeGreaterThanOrEqual(4);
    expect(summary.cohorts).toBeGreaterThanOrEqual(12 * 6);
  });

  it("writes trilingual reference data and names in both naming styles", async () => {
    const hongKong = await db.officer.findFirstOrThrow({ where: { jurisdiction: { code: "HK" }, chineseName: { not: null } } });
    expect(hongKong.givenName).toMatch(/^[A-Z][a-z]+-[a-z]+$/);
    const mainland = await db.officer.findFirstOrThrow({ where: { jurisdiction: { code: "SZ" } } });
    expect(mainland.givenName).toMatch(/^[A-Z][a-z]+$/);
    expect(mainland.chineseName).toMatch(/^\p{Script=Han}{2,4}$/u);
    const [scripts] = await db.$queryRaw<{ units: number; differing: number; empty: number }[]>`
      SELECT count(*)::int AS "units", count(*) FILTER (WHERE "nameZhHant" <> "nameZhHans")::int AS "differing",
        count(*) FILTER (WHERE "nameEn" = '' OR "nameZhHant" = '' OR "nameZhHans" = '')::int AS "empty" FROM "HostUnit"`;
    expect(scripts.empty).toBe(0);
    // Traditional and Simplified are written separately, so most names differ between the two scripts.
    expect(scripts.differing).toBeGreaterThan(scripts.units / 2);
  });

  it("respects every integrity rule of the schema (checked again in SQL)", async () => {
    const [violations] = await db.$queryRaw<{ overCapacity: number; wrongSide: number; outsideWindow: number; overlapping: number }[]>`
      SELECT
        (SELECT count(*)::int FROM (
          SELECT p."hostUnitId", p."cohortId", count(*) AS used, COALESCE(max(hc."capacity"), max(h."defaultCapacity")) AS capacity
          FROM "Placement" p JOIN "HostUnit" h ON h."id" = p."hostUnitId"
          LEFT JOIN "HostUnitCapacity" hc ON hc."hostUnitId" = p."hostUnitId" AND hc."cohortId" = p."cohortId"
          WHERE p."status" <> 'WITHDRAWN' GROUP BY 1, 2) usage WHERE used > capacity) AS "overCapacity",
        (SELECT count(*)::int FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId" JOIN "Officer" o ON o."id" = p."officerId"
          LEFT JOIN "HostUnit" h ON h."id" = p."hostUnitId"
          WHERE o."jurisdictionId" <> c."sendingJurisdictionId" OR h."jurisdictionId" <> c."hostJurisdictionId") AS "wrongSide",
        (SELECT count(*)::int FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId"
          WHERE p."startDate" < c."startDate" OR p."endDate" > c."endDate" OR p."startDate" > p."endDate") AS "outsideWindow",
        (SELECT count(*)::int FROM "Placement" a JOIN "Placement" b ON a."officerId" = b."officerId" AND a."id" < b."id"
          WHERE a."status" <> 'WITHDRAWN' AND b."status" <> 'WITHDRAWN' AND a."startDate" <= b."endDate" AND b."startDate" <= a."endDate") AS "overlapping"`;
    expect(violations).toEqual({ overCapacity: 0, wrongSide: 0, outsideWindow: 0, overlapping: 0 });
  });

  it("can run again on the same database, adding another batch", async () => {
    const again = await generateScaleData(process.env.DATABASE_URL!, { officers: 300, placements: 300, hostUnits: 40, seed: 8 });
    expect(again.runTag).not.toBe(summary.runTag);
    expect(await db.placement.count()).toBe(OPTIONS.placements + 300);
  });
});

describe("a PDF of a large report", () => {
  it("is refused above the row limit, with the count for the message", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const reader = { ...admin, userId: admin.id, locale: "en" as const };
    const everything = reportFiltersSchema.parse({});
    const refusal = preparePlacementExport(reader, everything, "pdf");
    await expect(refusal).rejects.toBeInstanceOf(ReportTooLargeForPdfError);
    await expect(refusal).rejects.toMatchObject({ rowCount: await db.placement.count() });
    const csv = await preparePlacementExport(reader, everything, "csv");
    expect(await csv.rowCount).toBe(await db.placement.count());
  });
});
