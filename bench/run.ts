// npm run bench [-- --quick] [--officers N --placements N --host-units N --export-rows N --duration S --connections N --keep]
//                [--pages-only] [--pages login,dashboard,board,…] [--rounds N] [--cpu-prof DIR] [--serve FILE]
//                [--skip-lighthouse] [--lighthouse-runs N]
//
// A benchmark, not a test: nothing here passes or fails a build. On a throwaway embedded PostgreSQL it generates the
// scale data (scripts/data) plus the demo accounts, starts `next start` from a production build (NEXT_DIST_DIR, built
// if missing), signs in through the real credentials endpoint, and measures under autocannon load:
//   - the baseline: /login, a page of the same server that needs no session and no database (see BASELINE_WHY);
//   - the coordinator's dashboard, the placement board of the largest cohort, the cohort list, the report preview;
// then tops the data up to --export-rows placements and times the CSV and XLSX exports of all of them (with the
// server's peak memory growth) beside a PostgreSQL COPY of the same rows. Before the load it records each page's
// weight (HTML bytes, compressed script) and Lighthouse 12's scores for the board, the coordinator's dashboard and the
// officer's schedule (skipped with --skip-lighthouse or without Chromium). Results are printed and saved as
// bench/results/<timestamp>.json and .md. See docs/performance.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { seedDemoData } from "../prisma/seed/demo.ts";
import { findFreePort, makeTraversableTempDir, startEmbeddedDatabase, type EmbeddedDatabase } from "../scripts/db/embedded.ts";
import { applyPendingMigrations } from "../scripts/db/migrations.ts";
import { projectRoot } from "../scripts/db/schema-engine.ts";
import { generateScaleData } from "../scripts/data/scale-data.ts";
import { measurePageWeight, type PageWeight } from "./page-weight.ts";
import { findChromium, measureLighthouse, type LighthouseResult } from "./lighthouse.ts";
import { cpuMeter, measureCopy, measureDownload, measureLoad, median, summarizeLoad, type DownloadResult, type LoadResult, type LoadSample } from "./measure.ts";
import { signInCookie } from "./sign-in.ts";

const BASELINE_WHY =
  "Baseline: /login is served by the same Next server through the same proxy, root layout, i18n and rendering, " +
  "but needs no session and no query. A file under /_next/static would only measure the static file handler, " +
  "which a database-backed page can never approach; the difference to /login is what our data work costs.";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    officers: { type: "string" },
    placements: { type: "string" },
    "host-units": { type: "string" },
    "export-rows": { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    "export-runs": { type: "string" },
    keep: { type: "boolean", default: false },
    // For working on one page: skip the exports, and measure only the named pages (the baseline is always kept).
    "pages-only": { type: "boolean", default: false },
    pages: { type: "string" },
    // Measures every page N times in turn and takes the percentiles over all responses, so that a burst of other
    // work on the machine does not land on one page only.
    rounds: { type: "string" },
    // Writes a V8 CPU profile of the server (node --cpu-prof) into this folder when it stops.
    "cpu-prof": { type: "string" },
    // Instead of measuring: writes the address, the sign-in cookies and the pages to FILE and keeps the server
    // running until FILE is deleted, for profiling or looking at a page by hand.
    serve: { type: "string" },
    // Lighthouse needs Chromium (CHROME_PATH, or /usr/bin/chromium); without it, or with this flag, it is skipped.
    "skip-lighthouse": { type: "boolean", default: false },
    // Lighthouse runs per page (the median by performance score is reported).
    "lighthouse-runs": { type: "string" },
  },
});

const quick = args.quick;
const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const config = {
  officers: number(args.officers, quick ? 2_000 : 20_000),
  placements: number(args.placements, quick ? 6_000 : 60_000),
  hostUnits: number(args["host-units"], quick ? 150 : 1_000),
  exportRows: number(args["export-rows"], quick ? 10_000 : 100_000),
  durationSeconds: number(args.duration, quick ? 8 : 15),
  warmupSeconds: quick ? 2 : 3,
  connections: number(args.connections, 10),
  exportRuns: number(args["export-runs"], quick ? 1 : 3),
  pagesOnly: args["pages-only"],
  pages: args.pages?.split(",").map((key) => key.trim()).filter(Boolean) ?? null,
  rounds: number(args.rounds, 1),
  lighthouseRuns: number(args["lighthouse-runs"], quick ? 1 : 3),
};
const distDir = process.env.NEXT_DIST_DIR || ".next";
const log = (message: string) => console.log(`[bench] ${message}`);

async function main() {
  const startedAt = new Date();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version, loadBefore: os.loadavg() };
  log(`Config: ${JSON.stringify(config)}; build dir ${distDir}; load average ${machine.loadBefore.map((load) => load.toFixed(2)).join(" ")}`);
  if (!config.pagesOnly) await (await import("./matching.ts")).runMatchingBench(log, { skipHighs: quick }); // issue 16: matching engine beside HiGHS (not in --quick), before the server starts

  const dataDir = makeTraversableTempDir("bench");
  let database: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  try {
    database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "postgres"), throwaway: true });
    await database.createDatabase("exchange_desk");
    const databaseUrl = database.urlFor("exchange_desk");
    await applyPendingMigrations(databaseUrl);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    try {
      await seedDemoData(prisma);
    } finally {
      await prisma.$disconnect();
    }
    const generated = await generateScaleData(databaseUrl, { officers: config.officers, placements: config.placements, hostUnits: config.hostUnits, log: (message) => log(`  ${message}`) });
    log(`Scale data in ${(generated.elapsedMs / 1000).toFixed(1)} s.`);

    ensureBuild();
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startServer(port, databaseUrl);
    await waitForHealth(baseUrl);
    log(`next start (pid ${server.pid}) answers on ${baseUrl}.`);

    const coordinator = await signInCookie(baseUrl, "csb.coordinator@exchange.demo");
    const admin = await signInCookie(baseUrl, "admin@exchange.demo");
    const officer = await signInCookie(baseUrl, "officer@exchange.demo");
    const targets = await chooseTargets(databaseUrl, baseUrl, coordinator, officer);
    const { weights, lighthouse } = await measureFrontEnd(baseUrl, targets, officer);
    if (args.serve) {
      await serveUntilDeleted(args.serve, { baseUrl, databaseUrl, serverPid: server.pid, cookies: { coordinator, admin, officer }, targets });
      return;
    }
    const cpu = cpuMeter(server.pid!, await findPostmasterPid(databaseUrl));
    const loadOptions = { baseUrl, connections: config.connections, durationSeconds: config.durationSeconds, warmupSeconds: config.warmupSeconds, cpu };
    const samples = new Map<string, LoadSample[]>();
    for (let round = 1; round <= config.rounds; round++) {
      for (const target of targets) {
        log(`Load: ${target.name} (${target.path})${config.rounds > 1 ? `, round ${round} of ${config.rounds}` : ""} …`);
        const result = await measureLoad(target, loadOptions);
        samples.set(target.key, [...(samples.get(target.key) ?? []), ...(result.samples ?? [])]);
        log(`  p50 ${result.p50} ms, p95 ${result.p95} ms, ${result.requestsPerSecond} req/s, ${result.non2xx} non-2xx, ${result.bytesPerResponse} bytes, CPU per request: Node ${result.nodeCpuMsPerRequest} ms, PostgreSQL ${result.postgresCpuMsPerRequest} ms`);
      }
    }
    const load: LoadResult[] = targets.map((target) => {
      const { samples: _raw, ...result } = summarizeLoad(target, samples.get(target.key) ?? []);
      return result;
    });

    const exported = config.pagesOnly ? null : await measureExports(databaseUrl, baseUrl, admin, server.pid!);

    const results = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim() || null,
      quick,
      config,
      machine: { ...machine, loadAfter: os.loadavg() },
      data: { generated, exportRows: exported?.exportRows ?? null },
      baselineWhy: BASELINE_WHY,
      load,
      weights,
      lighthouse,
      exports: exported?.exports ?? null,
      csvGzip: exported?.csvGzip ?? null,
      targets: evaluateTargets(load, exported?.exports ?? null),
    };
    const { jsonFile, markdownFile, markdown } = saveResults(results);
    console.log(`\n${markdown}`);
    log(`Saved ${path.relative(projectRoot, jsonFile)} and ${path.relative(projectRoot, markdownFile)}.`);
  } finally {
    if (server) await stopServer(server);
    await database?.stop().catch(() => {});
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
    else log(`Kept the database cluster in ${dataDir}.`);
  }
}

/** Page weight of every measured page and the officer's schedule; Lighthouse for the board, dashboard and schedule. */
async function measureFrontEnd(baseUrl: string, targets: Awaited<ReturnType<typeof chooseTargets>>, officerCookie: string) {
  const pages = [
    ...targets.filter((target) => target.key !== "static"),
    { key: "schedule", name: "officer's schedule", path: "/schedule", why: "The officer's agenda and month calendar.", cookie: officerCookie },
  ];
  const weights: PageWeight[] = [];
  for (const page of pages) {
    const weight = await measurePageWeight(baseUrl, page);
    weights.push(weight);
    log(`Weight: ${page.name}: HTML ${weight.htmlBytes} bytes (${weight.htmlCompressedBytes} compressed), ${weight.scripts} scripts, ${weight.scriptCompressedBytes} bytes compressed (${weight.scriptEncoding})`);
  }
  const lighthousePages = pages.filter((page) => ["board", "dashboard", "schedule"].includes(page.key));
  const chromium = findChromium();
  let lighthouse: { skipped: string } | { chromium: string; runsPerPage: number; pages: LighthouseResult[] };
  if (args["skip-lighthouse"]) lighthouse = { skipped: "--skip-lighthouse" };
  else if (!chromium) lighthouse = { skipped: "no Chromium found (set CHROME_PATH)" };
  else {
    const results: LighthouseResult[] = [];
    for (const page of lighthousePages) {
      log(`Lighthouse: ${page.name} (${config.lighthouseRuns} run(s)) …`);
      const result = await measureLighthouse(projectRoot, chromium, baseUrl, page, config.lighthouseRuns);
      results.push(result);
      log(`  performance ${result.performance}, TBT ${result.totalBlockingTimeMs} ms, LCP ${result.largestContentfulPaintMs} ms, accessibility ${result.accessibility}${result.failedAccessibilityAudits.length ? ` (failed: ${result.failedAccessibilityAudits.join(", ")})` : ""}`);
    }
    lighthouse = { chromium, runsPerPage: config.lighthouseRuns, pages: results };
  }
  if ("skipped" in lighthouse) log(`Lighthouse skipped: ${lighthouse.skipped}.`);
  return { weights, lighthouse };
}

type ExportResults = Record<"csv" | "xlsx" | "copy", { runs: (DownloadResult | { milliseconds: number; bytes: number })[]; medianMs: number }>;

async function measureExports(databaseUrl: string, baseUrl: string, admin: string, serverPid: number): Promise<{ exportRows: number; exports: ExportResults; csvGzip: DownloadResult }> {
  // Exports: top the data up to the export size, then CSV, XLSX and COPY of every placement.
  const current = await countPlacements(databaseUrl);
  if (current < config.exportRows) {
    const extra = config.exportRows - current;
    log(`Adding ${extra} placements for the export measurements …`);
    await generateScaleData(databaseUrl, {
      officers: Math.max(500, Math.ceil(extra / 2.5)),
      placements: extra,
      hostUnits: Math.max(60, Math.ceil(extra / 60)),
      seed: 2,
    });
  }
  const exportRows = await countPlacements(databaseUrl);
  const exportsResult: ExportResults = {
    csv: { runs: [], medianMs: 0 },
    xlsx: { runs: [], medianMs: 0 },
    copy: { runs: [], medianMs: 0 },
  };
  // One small export per format first, so that loading the route's code is not timed.
  for (const format of ["csv", "xlsx"] as const) await measureDownload(`${baseUrl}/api/reports/placements/${format}?status=WITHDRAWN`, admin, serverPid);
  for (let run = 0; run < config.exportRuns; run++) {
    exportsResult.copy.runs.push(await measureCopy(databaseUrl));
    for (const format of ["csv", "xlsx"] as const) {
      const result = await measureDownload(`${baseUrl}/api/reports/placements/${format}`, admin, serverPid);
      if (result.status !== 200) throw new Error(`The ${format} export answered ${result.status}.`);
      exportsResult[format].runs.push(result);
    }
    log(`Export run ${run + 1}: COPY ${exportsResult.copy.runs.at(-1)!.milliseconds} ms, CSV ${exportsResult.csv.runs.at(-1)!.milliseconds} ms, XLSX ${exportsResult.xlsx.runs.at(-1)!.milliseconds} ms`);
  }
  for (const key of ["csv", "xlsx", "copy"] as const) exportsResult[key].medianMs = median(exportsResult[key].runs.map((run) => run.milliseconds));
  // What a browser gets: the CSV gzipped by Next on the fly (XLSX and PDF are compressed formats and sent as they are).
  const csvGzip = await measureDownload(`${baseUrl}/api/reports/placements/csv`, admin, serverPid, "gzip");
  log(`CSV with gzip: ${csvGzip.milliseconds} ms, ${csvGzip.bytes} bytes received (decompressed by fetch).`);
  return { exportRows, exports: exportsResult, csvGzip };
}

async function serveUntilDeleted(file: string, details: object) {
  writeFileSync(file, `${JSON.stringify(details, null, 2)}\n`);
  log(`Serving; details in ${file}. Delete it to stop.`);
  while (existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 1_000));
}

function ensureBuild() {
  if (existsSync(path.join(projectRoot, distDir, "BUILD_ID"))) return;
  log(`No production build in ${distDir}: running next build …`);
  const build = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir },
  });
  if (build.status !== 0) throw new Error("next build failed.");
}

function startServer(port: number, databaseUrl: string): ChildProcess {
  // The next binary itself, not npx: its pid is the server whose memory the export measurements sample.
  const profile = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [];
  // As `npm start` serves it: the build's scripts and styles Brotli-compressed (scripts/runtime/static-brotli.mjs).
  const staticBrotli = ["--import", path.join(projectRoot, "scripts/runtime/static-brotli.mjs")];
  const child = spawn(process.execPath, [...profile, ...staticBrotli, path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      // The load comes from one address; sign-in throttling must not count the bench's two sign-ins against it.
      LOGIN_IP_FAILURE_LIMIT: "1000",
      // The admin signs in with the password alone, to download the exports: the bench measures exports, not the
      // second factor (decision 102), and a session still owing its set-up may only set it up (the exports answered 401).
      REQUIRE_2FA_ROLES: "",
      LOG_LEVEL: "warn",
    },
  });
  return child;
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

async function waitForHealth(baseUrl: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not become healthy within two minutes.");
}

async function chooseTargets(databaseUrl: string, baseUrl: string, cookie: string, officerCookie: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let board: { id: string; code: string; placements: number } | undefined;
  try {
    const result = await client.query<{ id: string; code: string; placements: number }>(`
      SELECT c."id", c."code", count(p."id")::int AS "placements"
      FROM "Cohort" c JOIN "Jurisdiction" j ON j."id" = c."sendingJurisdictionId" JOIN "Placement" p ON p."cohortId" = c."id"
      WHERE j."code" = 'HK' AND c."endDate" >= current_date GROUP BY c."id", c."code" ORDER BY 3 DESC LIMIT 1`);
    board = result.rows[0];
  } finally {
    await client.end();
  }
  const targets = [
    { key: "login", name: "baseline: sign-in page", path: "/login", why: BASELINE_WHY },
    { key: "static", name: "reference: static asset", path: await findStaticAsset(baseUrl), why: "A file from /_next/static, for reference only (not the baseline)." },
    {
      key: "officer",
      name: "reference: officer's dashboard",
      path: "/",
      why: "One placement card and five events: mostly what every signed-in page costs (session, user, layout), for reference.",
      cookie: officerCookie,
    },
    { key: "dashboard", name: "dashboard (CSB coordinator)", path: "/", why: "Sending and host panels over all of the coordinator's cohorts.", cookie },
    { key: "cohorts", name: "cohort list", path: "/cohorts", why: "The coordinator's paged cohort list.", cookie },
    { key: "reports", name: "report preview", path: "/reports", why: "Count of every placement in scope plus the first page of 25, with the filter choices.", cookie },
  ];
  if (board) {
    targets.splice(4, 0, { key: "board", name: `placement board (${board.placements} placements)`, path: `/cohorts/${board.id}`, why: `The placement board of ${board.code}, the largest running cohort.`, cookie });
    targets.push({ key: "reports-cohort", name: "report preview, one cohort", path: `/reports?cohort=${board.id}`, why: `The report filtered to ${board.code}.`, cookie });
  }
  // Pages another part of the app has not built yet (404) are left out rather than measured as errors.
  const available = [];
  const chosen = targets.filter((target) => target.key === "login" || !config.pages || config.pages.includes(target.key));
  for (const target of chosen) {
    const response = await fetch(`${baseUrl}${target.path}`, { headers: target.cookie ? { cookie: target.cookie } : {}, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status === 200) available.push(target);
    else log(`Skipping ${target.name}: ${target.path} answered ${response.status}.`);
  }
  return available;
}

/** The postmaster is the parent of any backend: the one to ask for the CPU of all of PostgreSQL. */
async function findPostmasterPid(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const status = readFileSync(`/proc/${rows[0].pid}/status`, "utf8");
    return Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
  } catch {
    return -1;
  } finally {
    await client.end();
  }
}

async function findStaticAsset(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/login`)).text();
  return /\/_next\/static\/[^"']+\.css/.exec(html)?.[0] ?? /\/_next\/static\/[^"']+\.js/.exec(html)?.[0] ?? "/favicon.ico";
}

async function countPlacements(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "Placement"`)).rows[0].count;
  } finally {
    await client.end();
  }
}

type ExportSummary = Record<"csv" | "xlsx" | "copy", { medianMs: number }>;

function evaluateTargets(load: LoadResult[], exports: ExportSummary | null) {
  const baseline = load.find((result) => result.path === "/login");
  const ratio = (value: number, base: number | undefined) => (base ? Math.round((value / base) * 100) / 100 : null);
  const pages = load
    .filter((result) => result.path !== "/login" && !result.path.startsWith("/_next") && !result.path.startsWith("/favicon"))
    .map((result) => {
      const p95Ratio = ratio(result.p95, baseline?.p95);
      const hasTarget = !result.name.startsWith("reference") && (result.path === "/" || result.path.startsWith("/cohorts"));
      return { name: result.name, p95Ratio, target: hasTarget ? 2 : null, met: hasTarget && p95Ratio !== null ? p95Ratio <= 2 : null };
    });
  if (!exports) return { pages, csv: null, xlsx: null };
  const csvRatio = ratio(exports.csv.medianMs, exports.copy.medianMs);
  const xlsxRatio = ratio(exports.xlsx.medianMs, exports.copy.medianMs);
  return {
    pages,
    csv: { ratioToCopy: csvRatio, target: 1.5, met: csvRatio !== null && csvRatio <= 1.5 },
    xlsx: { ratioToCopy: xlsxRatio, target: 3, met: xlsxRatio !== null && xlsxRatio <= 3 },
  };
}

function saveResults(results: {
  startedAt: string;
  quick: boolean;
  config: typeof config;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string; loadBefore: number[]; loadAfter: number[] };
  data: { exportRows: number | null };
  commit: string | null;
  load: LoadResult[];
  weights: PageWeight[];
  lighthouse: Awaited<ReturnType<typeof measureFrontEnd>>["lighthouse"];
  exports: Record<"csv" | "xlsx" | "copy", { runs: ({ milliseconds: number; bytes: number } & Partial<DownloadResult>)[]; medianMs: number }> | null;
  csvGzip: DownloadResult | null;
  targets: ReturnType<typeof evaluateTargets>;
}) {
  const directory = path.join(projectRoot, "bench", "results");
  mkdirSync(directory, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, "-");
  const name = `${stamp}${results.quick ? "-quick" : ""}${results.exports ? "" : "-pages"}`;
  const jsonFile = path.join(directory, `${name}.json`);
  const markdownFile = path.join(directory, `${name}.md`);
  const loadLine = (loads: number[]) => loads.map((value) => value.toFixed(2)).join(" / ");
  const lines = [
    `# Benchmark ${results.startedAt}${results.quick ? " (quick)" : ""}`,
    "",
    `Commit ${results.commit ?? "?"} · ${results.machine.cpus} CPUs (${results.machine.cpuModel ?? "?"}), ${results.machine.memoryGb} GB · Node ${results.machine.node} · load average before ${loadLine(results.machine.loadBefore)}, after ${loadLine(results.machine.loadAfter)}`,
    `Data: ${results.config.officers} officers, ${results.config.placements} placements, ${results.config.hostUnits} host units (+ demo data). Load: ${results.config.connections} connections for ${results.config.durationSeconds} s per page after a ${results.config.warmupSeconds} s warm-up${results.config.rounds > 1 ? `, ${results.config.rounds} rounds` : ""}.`,
    "",
    "| Page | Path | p50 ms | p95 ms | p99 ms | req/s | bytes | non-2xx | CPU ms/request: Node + PostgreSQL | p95 ÷ baseline p95 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.load.map((result) => {
      const target = results.targets.pages.find((page) => page.name === result.name);
      const ratio = target?.p95Ratio === null || target?.p95Ratio === undefined ? "" : `${target.p95Ratio}×${target.target ? (target.met ? " ✓" : " ✗ (target 2×)") : ""}`;
      const shownPath = result.path.length > 40 ? `${result.path.slice(0, 40)}…` : result.path;
      if (result.requests === 0) return `| ${result.name} | \`${shownPath}\` | — | — | — | 0 | — | ${result.non2xx} | — | no response completed within the run (${result.errors} errors) |`;
      const cpu = result.nodeCpuMsPerRequest === null ? "n/a" : `${result.nodeCpuMsPerRequest} + ${result.postgresCpuMsPerRequest}`;
      return `| ${result.name} | \`${shownPath}\` | ${result.p50} | ${result.p95} | ${result.p99} | ${result.requestsPerSecond} | ${result.bytesPerResponse} | ${result.non2xx} | ${cpu} | ${ratio} |`;
    }),
    ...frontEndLines(results),
    ...exportLines(results),
    "",
    `_${BASELINE_WHY}_`,
  ];
  const markdown = lines.join("\n");
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownFile, `${markdown}\n`);
  return { jsonFile, markdownFile, markdown };
}

function frontEndLines(results: Parameters<typeof saveResults>[0]): string[] {
  const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const lines = [
    "",
    "Page weight (HTML decompressed and as sent; scripts as sent to a browser accepting Brotli and gzip):",
    "",
    "| Page | HTML | HTML sent | scripts | script sent | encoding |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...results.weights.map((weight) => `| ${weight.name} | ${kilobytes(weight.htmlBytes)} | ${kilobytes(weight.htmlCompressedBytes)} | ${weight.scripts} | ${kilobytes(weight.scriptCompressedBytes)} | ${weight.scriptEncoding} |`),
    "",
  ];
  if ("skipped" in results.lighthouse) return [...lines, `Lighthouse skipped: ${results.lighthouse.skipped}.`];
  return [
    ...lines,
    `Lighthouse 12, mobile with simulated throttling, ${results.lighthouse.runsPerPage} run(s) per page (median by performance; targets: performance ≥ 0.97, TBT ≤ 150 ms, accessibility 1):`,
    "",
    "| Page | performance | TBT ms | LCP ms | FCP ms | CLS | accessibility | all runs (perf / TBT) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.lighthouse.pages.map(
      (page) =>
        `| ${page.name} | ${page.performance} ${page.performance >= 0.97 ? "✓" : "✗"} | ${page.totalBlockingTimeMs} ${page.totalBlockingTimeMs <= 150 ? "✓" : "✗"} | ${page.largestContentfulPaintMs} | ${page.firstContentfulPaintMs} | ${page.cumulativeLayoutShift} | ${page.accessibility} ${page.accessibility === 1 ? "✓" : `✗ (${page.failedAccessibilityAudits.join(", ")})`} | ${page.runs.map((run) => `${run.performance} / ${run.totalBlockingTimeMs}`).join(", ")} |`,
    ),
  ];
}

function exportLines(results: Parameters<typeof saveResults>[0]): string[] {
  const { exports, csvGzip } = results;
  if (!exports || !csvGzip) return ["", "Exports not measured (--pages-only)."];
  const megabytes = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? "n/a" : `${(bytes / 1_048_576).toFixed(1)} MB`);
  return [
    "",
    `Exports of all ${results.data.exportRows} placements (median of ${exports.csv.runs.length} run(s)):`,
    "",
    "| Export | median ms | all runs ms | size | peak server RSS growth | ÷ COPY |",
    "| --- | ---: | --- | ---: | ---: | ---: |",
    `| PostgreSQL COPY (baseline) | ${exports.copy.medianMs} | ${exports.copy.runs.map((run) => run.milliseconds).join(", ")} | ${megabytes(exports.copy.runs[0]?.bytes)} | — | 1× |`,
    ...(["csv", "xlsx"] as const).map((format) => {
      const target = results.targets[format]!;
      const peak = Math.max(...exports[format].runs.map((run) => run.peakRssGrowthBytes ?? 0));
      return `| ${format.toUpperCase()} via /api/reports | ${exports[format].medianMs} | ${exports[format].runs.map((run) => run.milliseconds).join(", ")} | ${megabytes(exports[format].runs[0]?.bytes)} | ${megabytes(peak)} | ${target.ratioToCopy}× ${target.met ? "✓" : `✗ (target ${target.target}×)`} |`;
    }),
    "",
    `Exports are fetched uncompressed, as COPY is. A browser asking for gzip gets the CSV in ${csvGzip.milliseconds} ms (${megabytes(csvGzip.bytes)} after decompression).`,
  ];
}

main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exitCode = 1;
});
