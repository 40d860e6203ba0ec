/**
 * Speed of the officer list at programme scale (not a test: timings vary by machine).
 *   node --conditions=react-server --import tsx bench/officer-search-speed.ts --officers 20000
 * Fills one side with N officers (invented names in both naming styles, Chinese names in both scripts), then
 * times the list's queries — default page, deep page, searches in every script (Traditional and Simplified), filters, sorts — as median of
 * several runs, first with the search indexes (migrations 20261127100000 and 20261127100001) and then with the
 * trigram index dropped, and prints the plans of two searches.
 */
import { parseArgs } from "node:util";
import { elapsedSince, withBenchDatabase } from "./database.ts";

const { values: options } = parseArgs({ options: { officers: { type: "string", default: "20000" }, runs: { type: "string", default: "7" } } });
const officerCount = Number(options.officers);
const runs = Number(options.runs);

const surnames = ["Chan", "Wong", "Cheung", "Lau", "Lee", "Ho", "Ng", "Leung", "Tsang", "Yip", "Chen", "Wang", "Zhang", "Liu", "Li", "Huang", "Zhou", "Wu"];
const givenNames = ["Tai-man", "Ka-lok", "Wing-sze", "Hoi-yan", "Chi-hang", "Mei-ling", "Buyi", "Minghui", "Xiaoqing", "Zhiyuan", "Wenjie", "Yiming"];
const otherNames = ["Peter", "Vivian", "Kelvin", "Michelle", "Raymond", null, null];
const hanSurnames = ["陳", "黃", "張", "劉", "李", "何", "吳", "梁", "曾", "葉", "陈", "王", "张", "刘", "黄", "周"];
const hanGiven = ["大文", "家樂", "詠詩", "凱欣", "志鏗", "美玲", "步一", "明辉", "晓青", "志远", "文杰", "一鸣"];

await withBenchDatabase(async () => {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/generated/prisma/client");
  const captured: { query: string; params: string }[] = [];
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
  // The app's `db` is created lazily into this global; providing it first lets the bench see the SQL it runs.
  (globalThis as { exchangeDeskPrisma?: unknown }).exchangeDeskPrisma = client;
  const { db } = await import("@/lib/db");
  const { createTwoSidedWorld, createRank, createDepartment, createField } = await import("../tests/factories/index.ts");
  const { findOfficers } = await import("../features/officers/queries.ts");
  const { officerListParamsSchema } = await import("../features/officers/schemas.ts");

  const world = await createTwoSidedWorld(db);
  const ranks = [world.hkRank, ...(await Promise.all(Array.from({ length: 11 }, (_, index) => createRank(db, { jurisdictionId: world.hk.id, grade: "G", level: index + 1 }))))];
  const departments = [world.hkDepartment, ...(await Promise.all(Array.from({ length: 19 }, () => createDepartment(db, { jurisdictionId: world.hk.id }))))];
  const fields = [world.field, ...(await Promise.all(Array.from({ length: 4 }, () => createField(db))))];
  let start = process.hrtime.bigint();
  const pick = <T>(list: T[], index: number) => list[index % list.length];
  const ids = Array.from({ length: officerCount }, (_, index) => `bench-${index}`);
  await db.$executeRaw`
    INSERT INTO "Officer" ("id", "jurisdictionId", "staffNumber", "surname", "givenName", "otherName", "chineseName", "rankId", "departmentId", "workEmail", "updatedAt")
    SELECT u.id, ${world.hk.id}, u.staff, u.surname, u.given, u.other, u.chinese, u.rank, u.department, u.id || '@example.gov.hk', now() - (u.n || ' minutes')::interval
    FROM unnest(
      ${ids}::text[], ${ids.map((_, i) => `HK${100000 + i}`)}::text[], ${ids.map((_, i) => pick(surnames, i))}::text[],
      ${ids.map((_, i) => pick(givenNames, Math.floor(i / 7)))}::text[], ${ids.map((_, i) => pick(otherNames, i))}::text[],
      ${ids.map((_, i) => pick(hanSurnames, i) + pick(hanGiven, Math.floor(i / 7)))}::text[], ${ids.map((_, i) => pick(ranks, i).id)}::text[],
      ${ids.map((_, i) => pick(departments, Math.floor(i / 3)).id)}::text[], ${ids.map((_, i) => String(i))}::text[]
    ) AS u(id, staff, surname, given, other, chinese, rank, department, n)`;
  await db.$executeRaw`
    INSERT INTO "OfficerField" ("officerId", "fieldId") SELECT * FROM unnest(${ids}::text[], ${ids.map((_, i) => pick(fields, i).id)}::text[])`;
  await db.$executeRawUnsafe("ANALYZE");
  console.log(`Inserted ${officerCount} officers in ${elapsedSince(start)}`);

  const actor = { userId: world.hkCoordinator.id, email: "", name: "", role: "COORDINATOR" as const, jurisdictionId: world.hk.id, officerId: null, hostUnitId: null };
  const cases: [label: string, params: Record<string, string>][] = [
    ["default list, page 1", {}],
    ["default list, page 400", { page: "400" }],
    ["search surname 'chan'", { q: "chan" }],
    ["search 'Chan Tai-man, Peter'", { q: "Chan Tai-man, Peter" }],
    ["search Chinese '陳大文'", { q: "陳大文" }],
    ["search Chinese '陳' (1 char)", { q: "陳" }],
    ["search Simplified '陈大文'", { q: "陈大文" }],
    ["search Simplified '陈' (1 char)", { q: "陈" }],
    ["search staff number '10023'", { q: "10023" }],
    ["search with no match 'zzzz'", { q: "zzzz" }],
    ["filter rank + field", { rank: ranks[3].id, field: fields[1].id }],
    ["sort by department, desc", { sort: "department", dir: "desc" }],
    ["sort by rank, page 50", { sort: "rank", page: "50" }],
  ];
  const { default: pg } = await import("pg");
  const raw = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await raw.connect();
  /** Server-side execution time of a captured query, free of the client's and the machine's noise. */
  const executionMs = async (entry: { query: string; params: string }) => {
    const plan = await raw.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${entry.query}`, JSON.parse(entry.params));
    const line = plan.rows.map((row) => row["QUERY PLAN"] as string).find((text) => text.startsWith("Execution Time"));
    return Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? NaN);
  };
  const measure = async () => {
    console.log(`  ${"".padEnd(34)} ${"end to end".padStart(12)} ${"SQL count".padStart(10)} ${"SQL page".padStart(10)}`);
    for (const [label, rawParams] of cases) {
      const params = officerListParamsSchema.parse(rawParams);
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < runs; run++) {
        start = process.hrtime.bigint();
        total = (await findOfficers(actor, params, "en")).total;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      captured.length = 0;
      await findOfficers(actor, params, "en");
      const count = captured.find((entry) => entry.query.includes("count(*)"));
      const page = captured.find((entry) => entry.query.includes("LIMIT"));
      const [countMs, pageMs] = await Promise.all([count ? executionMs(count) : NaN, page ? executionMs(page) : NaN]);
      console.log(
        `  ${label.padEnd(34)} ${`${times[Math.floor(runs / 2)].toFixed(1)} ms`.padStart(12)} ${`${countMs.toFixed(2)} ms`.padStart(10)} ${`${pageMs.toFixed(2)} ms`.padStart(10)}  (${total} matches)`,
      );
    }
  };
  console.log(`With the search indexes (end to end: median of ${runs} runs of count + page + rows through Prisma; SQL: server execution time):`);
  await measure();

  // Building the index evaluates the search expression (with its script folding, decision 061) once per officer.
  start = process.hrtime.bigint();
  await db.$executeRawUnsafe('REINDEX INDEX "Officer_search_text_trgm_idx"');
  console.log(`Rebuilt the trigram index over ${officerCount} officers in ${elapsedSince(start)}`);

  for (const [q, kind] of [["chan", "page"], ["10023", "count"], ["陈大文", "count"]] as const) {
    captured.length = 0;
    await findOfficers(actor, officerListParamsSchema.parse({ q }), "en");
    const query = captured.find((entry) => (kind === "page" ? entry.query.includes("LIMIT") : entry.query.includes("count(*)")));
    if (!query) continue;
    const plan = await raw.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${query.query}`, JSON.parse(query.params));
    console.log(`Plan of the ${kind} query for '${q}':`);
    for (const row of plan.rows) console.log(`    ${String(row["QUERY PLAN"]).slice(0, 200)}`);
  }

  await db.$executeRawUnsafe('DROP INDEX "Officer_search_text_trgm_idx"');
  console.log("Without the trigram index:");
  await measure();
  await raw.end();
  await client.$disconnect();
});
