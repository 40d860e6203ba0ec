/**
 * Server time of "Propose" for a realistic cohort (not a test: timings vary by machine and load; nothing asserts them).
 *   node --conditions=react-server --import tsx bench/matching-propose.ts [--officers 50 --units 100 --runs 9]
 * On a throwaway embedded PostgreSQL: one host side with `units` active units (1–3 places, one or two of five fields,
 * half with a rank band, a third stating wishes), one cohort with `officers` nominations (one or two fields, five
 * ranked preferences each, three departments, a department cap of 2). Then times, as medians of `runs`:
 * proposeMatchingRun end to end (read + build the instance, solve, keep the run and its audit entry), and apart:
 * buildCohortInstance alone and the engine's solve alone; then "accept all" of a fresh run, `accepts` times (the
 * cohort's placements are put back to nominations and proposed again before each), as a median. See docs/performance.md.
 */
import { parseArgs } from "node:util";
import { withBenchDatabase } from "./database.ts";

const { values: options } = parseArgs({ options: { officers: { type: "string", default: "50" }, units: { type: "string", default: "100" }, runs: { type: "string", default: "9" }, accepts: { type: "string", default: "5" } } });
const officerCount = Number(options.officers);
const unitCount = Number(options.units);
const runs = Number(options.runs);
const accepts = Number(options.accepts);

/** A small deterministic generator, so every run of the bench builds the same cohort. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await withBenchDatabase(async () => {
  const { db } = await import("@/lib/db");
  const { createTwoSidedWorld, createHostUnit, createOfficer, createPlacement, createDepartment, createField, createRank } = await import("../tests/factories/index.ts");
  const { actorFromUser } = await import("@/lib/auth/actor");
  const { proposeMatchingRun, acceptMatchingRun } = await import("../features/matching/runs/mutations.ts");
  const { buildCohortInstance } = await import("../features/matching/runs/instance.ts");
  const { solveMatching } = await import("../features/matching/engine/solve.ts");
  const { instanceSchema } = await import("../features/matching/engine/schemas.ts");
  const { storedResultSchema } = await import("../features/matching/runs/stored.ts");
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

  const actor = actorFromUser(world.szCoordinator);
  const request = { requestId: "bench-matching-propose", ipAddress: "127.0.0.1" };
  const input = { cohortId: cohort.id, pinned: [], forbidden: [], released: [] };
  // One warm-up (module and query-plan caches), then the measured rounds.
  await proposeMatchingRun({ actor, request }, input);
  const propose: number[] = [];
  const build: number[] = [];
  const solve: number[] = [];
  let lastRunId = "";
  for (let round = 0; round < runs; round += 1) {
    let started = performance.now();
    lastRunId = (await proposeMatchingRun({ actor, request }, input)).id;
    propose.push(performance.now() - started);
    started = performance.now();
    const built = await db.$transaction((tx) => buildCohortInstance(tx, cohort.id));
    build.push(performance.now() - started);
    started = performance.now();
    solveMatching(instanceSchema.parse(built.instance));
    solve.push(performance.now() - started);
  }
  const run = await db.matchingRun.findUniqueOrThrow({ where: { id: lastRunId } });
  const result = storedResultSchema.parse(run.result);
  const acceptTimes: number[] = [];
  let accepted = { accepted: 0, refused: [] as unknown[] };
  for (let round = 0; round < accepts; round += 1) {
    if (round > 0) {
      // Back to nominations (a new version, as any edit), then a fresh run of the same cohort to accept.
      await db.$executeRaw`UPDATE "Placement" SET "status" = 'NOMINATED', "hostUnitId" = NULL, "version" = "version" + 1 WHERE "cohortId" = ${cohort.id}`;
      lastRunId = (await proposeMatchingRun({ actor, request }, input)).id;
    }
    const fresh = storedResultSchema.parse((await db.matchingRun.findUniqueOrThrow({ where: { id: lastRunId } })).result);
    const started = performance.now();
    accepted = await acceptMatchingRun({ actor, request }, { runId: lastRunId, placementIds: fresh.assignments.map((assignment) => assignment.officerId) });
    acceptTimes.push(performance.now() - started);
  }
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(`Matching propose, ${officerCount} officers × ${unitCount} units (department cap 2), median of ${runs}:`);
  console.log(`  propose (server, end to end): ${fmt(median(propose))}  [min ${fmt(Math.min(...propose))}, max ${fmt(Math.max(...propose))}]`);
  console.log(`  of which build instance:      ${fmt(median(build))}`);
  console.log(`  of which engine solve:        ${fmt(median(solve))}`);
  console.log(`  stored run: instance ${JSON.stringify(run.instance).length} bytes, result ${JSON.stringify(run.result).length} bytes; ${result.assignments.length} placed, ${result.unassigned.length} unassigned`);
  console.log(
    `  accept all ${result.assignments.length} pairs, median of ${accepts}: ${fmt(median(acceptTimes))}  [min ${fmt(Math.min(...acceptTimes))}, max ${fmt(Math.max(...acceptTimes))}] (last: ${accepted.accepted} accepted, ${accepted.refused.length} refused)`,
  );
});
