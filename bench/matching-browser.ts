/**
 * The browser wait of "Propose" for a realistic cohort (issue 16: "50 × 100 answer in the browser within 200 ms"). Not
 * a test: timings vary by machine and load; nothing asserts them.
 *   node --conditions=react-server --import tsx bench/matching-browser.ts [--officers 50 --units 100 --runs 9]
 *     [--compare <another checkout, built>]
 * On a throwaway embedded PostgreSQL: the cohort of bench/matching-propose.ts (bench/matching-cohort.ts) and its
 * host-side coordinator. `next start` serves the existing production build (.next; build it first) on a free port, as
 * `npm start` does (static Brotli). In Chromium at 1366 px, signed in as that coordinator, one warm-up and then `runs`
 * rounds of: no runs in the cohort (deleted in the database, so each round starts from the same page), load
 * /cohorts/<id>/matching, click "Propose" (a real mouse click by Playwright).
 * Measured **in the page**, so Playwright's own round trips are not counted: from the click event's timestamp to
 * (a) the proposal's rows being in the DOM (a MutationObserver), (b) the frame after that (requestAnimationFrame, then
 * a task: the rows painted) and (c) the answer's last byte (the page's resource timing). Beside it, per round: the
 * action POST as Playwright saw it (request sent → first and → last byte of the streamed answer, the new run's view),
 * the run's stored build + solve times (the server's own part before storing the run), and the page's long tasks.
 * `--compare`: the other checkout's build runs beside this one on the same database, the two taking turns each round.
 * PROFILE_OUT=<file>: a V8 profile of the page during the last click; TRACE_OUT=<file>: a Chromium trace of it (style,
 * layout, paint); PROFILE_SERVER_DIR=<dir>: a V8 profile of each server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { findFreePort } from "../scripts/db/embedded.ts";
import { projectRoot } from "../scripts/db/schema-engine.ts";
import { withBenchDatabase } from "./database.ts";
import { buildMatchingBenchCohort, median } from "./matching-cohort.ts";
import { findChromium } from "./lighthouse.ts";
import { asBrowserCookie, signInCookie } from "./sign-in.ts";

const { values: options } = parseArgs({
  options: { officers: { type: "string", default: "50" }, units: { type: "string", default: "100" }, runs: { type: "string", default: "9" }, compare: { type: "string" } },
});
const officerCount = Number(options.officers);
const unitCount = Number(options.units);
const runs = Number(options.runs);

// Installed in the page before each click; `window.__matchingProbe` resolves once the rows are painted (or fails after
// 30 s, saying where the page is). Strings, not functions: tsx's name helpers do not exist in the page (and the page's
// CSP forbids waitForFunction's string eval).
const probeScript = `(() => {
  const probe = { clickAt: null, rowsAt: null, paintAt: null, rows: 0, responseEndAt: null, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.initiatorType === "fetch" && probe.responseEndAt === null && probe.clickAt !== null) probe.responseEndAt = entry.responseEnd;
  }).observe({ type: "resource" });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (probe.clickAt !== null) probe.longTasks.push([Math.round(entry.startTime - probe.clickAt), Math.round(entry.duration)]);
  }).observe({ type: "longtask" });
  let resolve;
  let reject;
  window.__matchingProbe = new Promise((done, fail) => { resolve = done; reject = fail; });
  document.addEventListener("click", (event) => { probe.clickAt = event.timeStamp || performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const rows = document.querySelectorAll('[data-testid="matching-row"]').length;
    if (probe.clickAt === null || rows === 0) return;
    probe.rowsAt = performance.now();
    probe.rows = rows;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { probe.paintAt = performance.now(); resolve(probe); }, 0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => reject(new Error("No proposal rows after 30 s: " + JSON.stringify(probe) + " at " + location.href + ", page says: " + document.body.innerText.slice(0, 300))), 30000);
})()`;
// A click before React has hydrated the button would submit the form natively; wait until React owns it.
const hydratedScript = `new Promise((resolve, reject) => {
  const started = performance.now();
  const check = () => {
    const button = [...document.querySelectorAll("button[type=submit]")].find((element) => element.textContent.trim() === "Propose");
    if (button && Object.keys(button).some((key) => key.startsWith("__reactProps"))) resolve(true);
    else if (performance.now() - started > 30000) reject(new Error("The Propose button was not hydrated after 30 s."));
    else setTimeout(check, 20);
  };
  check();
})`;

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}.`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl} did not become healthy.`);
}

interface Measures {
  rowsVisible: number[];
  painted: number[];
  answerInPage: number[];
  serverAnswer: number[];
  responseComplete: number[];
  buildAndSolve: number[];
}

/** `next start` of the production build in `root` (its .next) on a free port, as `npm start` serves it (static Brotli). */
async function startServer(root: string) {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profiling = process.env.PROFILE_SERVER_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_SERVER_DIR}`, "--cpu-prof-interval=250"] : [];
  const server = spawn(process.execPath, [...profiling, "--import", path.join(root, "scripts/runtime/static-brotli.mjs"), path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      LOGIN_IP_FAILURE_LIMIT: "1000",
      REQUIRE_2FA_ROLES: "",
      LOG_LEVEL: "warn",
    },
  });
  await waitForHealth(baseUrl, server);
  return { root, baseUrl, server };
}

await withBenchDatabase(async () => {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("No Chromium found (CHROME_PATH).");
  const { db, world, cohort } = await buildMatchingBenchCohort({ officerCount, unitCount });
  // With --compare <checkout>: that checkout's build is served too, on the same database, and the two take turns
  // round by round (the order swapped each round), so that a noisy minute on this shared machine hits both alike.
  const roots = [projectRoot, ...(options.compare ? [path.resolve(options.compare)] : [])];
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  let browser: Browser | undefined;
  try {
    for (const root of roots) servers.push(await startServer(root));
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    const targets = [];
    for (const server of servers) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addCookies([{ ...asBrowserCookie(await signInCookie(server.baseUrl, world.szCoordinator.email, world.szCoordinator.password)), url: server.baseUrl }]);
      const measures: Measures = { rowsVisible: [], painted: [], answerInPage: [], serverAnswer: [], responseComplete: [], buildAndSolve: [] };
      targets.push({ ...server, context, page: await context.newPage(), measures });
    }
    let rowCount = 0;
    let loadBefore = os.loadavg();
    for (let round = 0; round <= runs; round += 1) {
      if (round === 1) loadBefore = os.loadavg();
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const { page, context, baseUrl, measures } = target;
        await db.matchingRun.deleteMany({ where: { cohortId: cohort.id } });
        await page.goto(`${baseUrl}/cohorts/${cohort.id}/matching`, { waitUntil: "load" });
        await page.waitForLoadState("networkidle");
        const propose = page.getByRole("button", { name: "Propose", exact: true });
        await propose.waitFor();
        await page.evaluate(hydratedScript);
        await page.evaluate(probeScript);
        const posted = page.waitForRequest((request) => request.method() === "POST");
        // PROFILE_OUT=<file>: a V8 profile of the page during the last round's click (of the first build).
        const cdp = process.env.PROFILE_OUT && round === runs && target === targets[0] ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
          await cdp.send("Profiler.start");
        }
        const tracing = process.env.TRACE_OUT && round === runs && target === targets[0];
        if (tracing) await browser.startTracing(page, { path: process.env.TRACE_OUT, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
        await propose.click();
        const probe = (await page.evaluate("window.__matchingProbe")) as { clickAt: number; rowsAt: number; paintAt: number; rows: number; responseEndAt: number | null; longTasks: [number, number][] };
        if (tracing) await browser.stopTracing();
        if (cdp) {
          const { profile } = await cdp.send("Profiler.stop");
          await writeFile(process.env.PROFILE_OUT as string, JSON.stringify(profile));
        }
        const run = await db.matchingRun.findFirstOrThrow({ where: { cohortId: cohort.id }, select: { buildMs: true, solveMs: true } });
        const action = await posted;
        // The answer is streamed; its end sometimes never reaches Playwright (seen here): wait for it 5 s at most.
        const finished = await Promise.race([(await action.response())?.finished().then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000))]);
        const timing = action.timing();
        const lastByte = finished && timing.responseEnd >= 0 ? timing.responseEnd - timing.requestStart : null;
        const inPage = probe.responseEndAt === null ? null : probe.responseEndAt - probe.clickAt;
        const line = [
          `rows ${(probe.rowsAt - probe.clickAt).toFixed(1)} ms, painted ${(probe.paintAt - probe.clickAt).toFixed(1)} ms`,
          `answer in the page ${inPage === null ? "not seen" : `${inPage.toFixed(1)} ms`}`,
          `action POST first byte ${(timing.responseStart - timing.requestStart).toFixed(1)} ms, last byte ${lastByte === null ? "not seen in 5 s" : `${lastByte.toFixed(1)} ms`}`,
          `build + solve ${(run.buildMs + run.solveMs).toFixed(1)} ms, ${probe.rows} rows, long tasks (start, duration) ${JSON.stringify(probe.longTasks)}`,
        ].join(", ");
        console.log(`  ${roots.length > 1 ? `[${target.root}] ` : ""}${round === 0 ? "warm-up" : `round ${round}`}: ${line}`);
        if (round === 0) continue;
        measures.rowsVisible.push(probe.rowsAt - probe.clickAt);
        measures.painted.push(probe.paintAt - probe.clickAt);
        if (inPage !== null) measures.answerInPage.push(inPage);
        measures.serverAnswer.push(timing.responseStart - timing.requestStart);
        if (lastByte !== null) measures.responseComplete.push(lastByte);
        measures.buildAndSolve.push(run.buildMs + run.solveMs);
        rowCount = probe.rows;
      }
    }
    const loadAfter = os.loadavg();
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const spread = (values: number[]) => (values.length === 0 ? "–" : `${fmt(median(values))}  [min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}]`);
    const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
    console.log(`Matching "Propose" in the browser, ${officerCount} officers × ${unitCount} units (department cap 2), ${rowCount} rows, median of ${runs} after one warm-up:`);
    for (const { root, measures } of targets) {
      if (roots.length > 1) console.log(` build of ${root}:`);
      console.log(`  click → proposal rows in the page:   ${spread(measures.rowsVisible)}`);
      console.log(`  click → rows painted (next frame):   ${spread(measures.painted)}`);
      console.log(`  click → answer's last byte in page:  ${spread(measures.answerInPage)} (seen in ${measures.answerInPage.length} of ${runs} rounds)`);
      console.log(`  action POST sent → first byte:       ${spread(measures.serverAnswer)}`);
      console.log(`  action POST sent → last byte:        ${spread(measures.responseComplete)} (seen in ${measures.responseComplete.length} of ${runs} rounds)`);
      console.log(`  stored build + solve of the run:     ${spread(measures.buildAndSolve)}`);
    }
    console.log(`  load average (1, 5, 15 min): before ${load(loadBefore)}, after ${load(loadAfter)} (${os.cpus().length} cores)`);
  } finally {
    await browser?.close();
    for (const { server } of servers) {
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await once(server, "exit");
      }
    }
  }
});
