/**
 * The realistic cohort the matching benches share (bench/matching-propose.ts on the server, bench/matching-browser.ts
 * in the browser), built on the bench database with the test factories, from one seed so every run builds the same:
 * one host side with `unitCount` active units (1–3 places, one or two of five fields, half with a rank band, a third
 * stating wishes), one cohort with `officerCount` nominations (one or two fields, five ranked preferences each, three
 * departments, a department cap of 2). Import it after withBenchDatabase has set DATABASE_URL.
 */

/** A small deterministic generator, so every run of the bench builds the same cohort. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function buildMatchingBenchCohort({ officerCount, unitCount }: { officerCount: number; unitCount: number }) {
  const { db } = await import("@/lib/db");
  const { createTwoSidedWorld, createHostUnit, createOfficer, createPlacement, createDepartment, createField, createRank } = await import("../tests/factories/index.ts");
  const random = seeded(1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

  const world = await createTwoSidedWorld(db);
  const fields = [world.field, ...(await Promise.all([1, 2, 3, 4].map(() => createField(db))))];
  const ranks = [world.hkRank, ...(await Promise.all([3, 4, 5].map((level) => createRank(db, { jurisdictionId: world.hk.id, grade: "TP", level, code: `TP${level}` }))))];
  const departments = [world.hkDepartment, ...(await Promise.all([1, 2].map(() => createDepartment(db, { jurisdictionId: world.hk.id }))))];
  const cohort = world.hkToSz;
  await db.hostUnit.updateMany({ where: { jurisdictionId: world.sz.id }, data: { active: false } });
  const units: { id: string }[] = [];
  for (let index = 0; index < unitCount; index += 1) {
    const wanted = random() < 0.5 ? [pick(fields).id] : [...new Set([pick(fields).id, pick(fields).id])];
    units.push(await createHostUnit(db, { jurisdictionId: world.sz.id, defaultCapacity: 1 + Math.floor(random() * 3), fieldIds: wanted }));
  }
  const placements: { id: string }[] = [];
  for (let index = 0; index < officerCount; index += 1) {
    const officer = await createOfficer(db, {
      jurisdictionId: world.hk.id,
      rankId: pick(ranks).id,
      departmentId: pick(departments).id,
      fieldIds: [...new Set([pick(fields).id, pick(fields).id])],
    });
    placements.push(await createPlacement(db, { officerId: officer.id, cohortId: cohort.id, status: "NOMINATED" }));
  }
  for (const placement of placements) {
    const preferred = [...new Set(Array.from({ length: 5 }, () => pick(units).id))];
    await db.matchingPreference.createMany({ data: preferred.map((hostUnitId, index) => ({ placementId: placement.id, rank: index + 1, hostUnitId })) });
  }
  for (const unit of units) {
    if (random() < 0.5) await db.hostUnitRankBand.create({ data: { hostUnitId: unit.id, cohortId: cohort.id, rankMinLevel: 2, rankMaxLevel: 2 + Math.floor(random() * 3) } });
    if (random() < 1 / 3) {
      const wished = [...new Set(Array.from({ length: 3 }, () => pick(placements).id))];
      await db.matchingWish.createMany({ data: wished.map((placementId, index) => ({ hostUnitId: unit.id, cohortId: cohort.id, rank: index + 1, placementId })) });
    }
  }
  await db.cohortMatchingSettings.create({ data: { cohortId: cohort.id, maxPerDepartmentPerUnit: 2 } });
  return { db, world, cohort, placements, units };
}
