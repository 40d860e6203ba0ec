/**
 * The plans of the hot raw statements at programme scale (not a test: timings vary by machine).
 *   node --conditions=react-server --import tsx bench/sql-plans.ts [--officers 20000] [--placements 60000] [--runs 5]
 * Fills a throwaway database with the demo accounts and the benchmark's scale data, runs the placement board, the
 * nomination candidates and the coordinator dashboard as the app does (the SQL each sends is captured from the
 * Prisma client), and prints for each statement the median planning and execution time of EXPLAIN ANALYZE and the
 * plan's node types, so a change of how a statement is written can be compared with decision 023's measurements.
 */
import { parseArgs } from "node:util";
import { withBenchDatabase } from "./database.ts";

const { values: options } = parseArgs({
  options: { officers: { type: "string", default: "20000" }, placements: { type: "string", default: "60000" }, runs: { type: "string", default: "5" } },
});
const runs = Number(options.runs);

interface Captured {
  query: string;
  params: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function nodeTypes(node: PlanNode): string[] {
  const own = node["Relation Name"] ? `${node["Node Type"]} on ${node["Relation Name"]}` : node["Node Type"];
  return [own, ...(node.Plans ?? []).flatMap(nodeTypes)];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await withBenchDatabase(async () => {
  const url = process.env.DATABASE_URL!;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client");
  const captured: Captured[] = [];
  // The app's client as lib/db.ts makes it (same planner setting), with its statements captured.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: "-c random_page_cost=1.1" }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
  (globalThis as { exchangeDeskPrisma?: unknown }).exchangeDeskPrisma = client;

  const { seedDemoData } = await import("../prisma/seed/demo.ts");
  const { generateScaleData } = await import("../scripts/data/scale-data.ts");
  const { actorFromUser } = await import("@/lib/auth/actor");
  const { findPlacementBoard } = await import("../features/placements/queries/board.ts");
  const { findNominationCandidates } = await import("../features/placements/queries/candidates.ts");
  const { findCoordinatorDashboard } = await import("../features/dashboard/queries/coordinator.ts");
  const { parseDateOnly } = await import("@/lib/dates");

  await seedDemoData(client);
  const today = parseDateOnly("2026-12-03");
  await generateScaleData(url, { officers: Number(options.officers), placements: Number(options.placements), hostUnits: 1000, seed: 1, today });
  await client.$executeRawUnsafe("ANALYZE");

  const user = await client.user.findUniqueOrThrow({ where: { email: "csb.coordinator@exchange.demo" } });
  const actor = actorFromUser(user);
  const [board] = await client.$queryRawUnsafe<{ id: string; placements: number }[]>(`
    SELECT c."id", count(p."id")::int AS "placements"
    FROM "Cohort" c JOIN "Jurisdiction" j ON j."id" = c."sendingJurisdictionId" JOIN "Placement" p ON p."cohortId" = c."id"
    WHERE j."code" = 'HK' AND c."endDate" >= '2026-12-03' GROUP BY c."id" ORDER BY 2 DESC LIMIT 1`);

  const cases: [string, () => Promise<unknown>][] = [
    [`board, page 1 of ${board.placements} placements`, () => findPlacementBoard(actor, board.id)],
    ["board, searched \"chan\"", () => findPlacementBoard(actor, board.id, { query: "chan" })],
    ["candidates", () => findNominationCandidates(actor, board.id, undefined)],
    ["candidates, searched \"chan\"", () => findNominationCandidates(actor, board.id, "chan")],
    ["coordinator dashboard", () => findCoordinatorDashboard(actor, { today, now: new Date("2026-12-03T04:00:00Z") })],
  ];
  for (const [name, run] of cases) {
    captured.length = 0;
    await run();
    const statements = captured.filter(({ query }) => /^\s*(WITH|SELECT)/i.test(query) && !/^\s*SELECT\s+"public"/i.test(query));
    console.log(`\n## ${name}: ${statements.length} raw statement(s)`);
    for (const statement of statements) {
      const params = JSON.parse(statement.params) as unknown[];
      const planning: number[] = [];
      const execution: number[] = [];
      let plan: PlanNode | undefined;
      for (let index = 0; index < runs; index++) {
        const [row] = await client.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }] }[]>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.query}`,
          ...params,
        );
        const [result] = row["QUERY PLAN"];
        planning.push(result["Planning Time"]);
        execution.push(result["Execution Time"]);
        plan = result.Plan;
      }
      console.log(`- planning ${median(planning).toFixed(2)} ms, execution ${median(execution).toFixed(2)} ms (median of ${runs})`);
      console.log(`  nodes: ${[...new Set(nodeTypes(plan!))].join(", ")}`);
    }
  }
});
