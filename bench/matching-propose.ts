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
import { buildMatchingBenchCohort, median } from "./matching-cohort.ts";

const { values: options } = parseArgs({ options: { officers: { type: "string", default: "50" }, units: { type: "string", default: "100" }, runs: { type: "string", default: "9" }, accepts: { type: "string", default: "5" } } });
const officerCount = Number(options.officers);
const unitCount = Number(options.units);
const runs = Number(options.runs);
const accepts = Number(options.accepts);

await withBenchDatabase(async () => {
  const { db } = await import("@/lib/db");
  const { actorFromUser } = await import("@/lib/auth/actor");
  const { proposeMatchingRun, acceptMatchingRun } = await import("../features/matching/runs/mutations.ts");
  const { buildCohortInstance } = await import("../features/matching/runs/instance.ts");
  const { solveMatching } = await import("../features/matching/engine/solve.ts");
  const { instanceSchema } = await import("../features/matching/engine/schemas.ts");
  const { storedResultSchema } = await import("../features/matching/runs/stored.ts");
  const { world, cohort } = await buildMatchingBenchCohort({ officerCount, unitCount });

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
    const built = await db.$transaction((tx) => buildCohortInstance(tx, cohort));
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
