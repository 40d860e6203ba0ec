/**
 * The browser wait of "Propose" for a realistic cohort (issue 16: "50 × 100 answer in the browser within 200 ms"). Not
 * a test: timings vary by machine and load; nothing asserts them.
 *   node --conditions=react-server --import tsx bench/matching-browser.ts [--officers 50 --units 100 --runs 9]
 * On a throwaway embedded PostgreSQL: the cohort of bench/matching-propose.ts (bench/matching-cohort.ts) and its
 * host-side coordinator. `next start` serves the existing production build (.next;
 * build it first) on a free port, as `npm start` does (static Brotli). In Chromium at 1366 px, signed in as that
 * coordinator, one warm-up and then `runs` rounds of: no runs in the cohort (deleted in the database, so each round
 * starts from the same page), load /cohorts/<id>/matching, click "Propose" (a real mouse click by Playwright).
 * Measured **in the page**, so Playwright's own round trips are not counted: from the click event's timestamp to
 * (a) the proposal's rows being in the DOM (a MutationObserver) and (b) the frame after that (requestAnimationFrame,
 * then a task: the rows painted). Beside it, per round: the action POST as the browser saw it (request sent → first
 * and → last byte of the streamed answer, which carries the redirected page's render) and the run's stored build +
 * solve times (the server's own part before storing the run).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
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

const { values: options } = parseArgs({ options: { officers: { type: "string", default: "50" }, units: { type: "string", default: "100" }, runs: { type: "string", default: "9" } } });
const officerCount = Number(options.officers);
const unitCount = Number(options.units);
const runs = Number(options.runs);

// Installed in the page before each click; `window.__matchingProbe` resolves once the rows are painted (or fails after
// 30 s, saying where the page is). Strings, not functions: tsx's name helpers do not exist in the page (and the page's
// CSP forbids waitForFunction's string eval).
const probeScript = `(() => {
  const probe = { clickAt: null, rowsAt: null, paintAt: null, rows: 0 };
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

await withBenchDatabase(async () => {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("No Chromium found (CHROME_PATH).");
  const { db, world, cohort } = await buildMatchingBenchCohort({ officerCount, unitCount });

  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const next = path.join(projectRoot, "node_modules/next/dist/bin/next");
  const server = spawn(process.execPath, ["--import", path.join(projectRoot, "scripts/runtime/static-brotli.mjs"), next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
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
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    await waitForHealth(baseUrl, server);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addCookies([{ ...asBrowserCookie(await signInCookie(baseUrl, world.szCoordinator.email, world.szCoordinator.password)), url: baseUrl }]);
    const page = await context.newPage();
    const rowsVisible: number[] = [];
    const painted: number[] = [];
    const serverAnswer: number[] = [];
    const responseComplete: number[] = [];
    const buildAndSolve: number[] = [];
    let rowCount = 0;
    let loadBefore = os.loadavg();
    for (let round = 0; round <= runs; round += 1) {
      await db.matchingRun.deleteMany({ where: { cohortId: cohort.id } });
      await page.goto(`${baseUrl}/cohorts/${cohort.id}/matching`, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      const propose = page.getByRole("button", { name: "Propose", exact: true });
      await propose.waitFor();
      await page.evaluate(hydratedScript);
      await page.evaluate(probeScript);
      if (round === 1) loadBefore = os.loadavg();
      const posted = page.waitForRequest((request) => request.method() === "POST");
      await propose.click();
      const probe = (await page.evaluate("window.__matchingProbe")) as { clickAt: number; rowsAt: number; paintAt: number; rows: number };
      const run = await db.matchingRun.findFirstOrThrow({ where: { cohortId: cohort.id }, select: { buildMs: true, solveMs: true } });
      const action = await posted;
      // The answer is streamed; its end sometimes never reaches Playwright (seen here): wait for it 5 s at most.
      const finished = await Promise.race([(await action.response())?.finished().then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000))]);
      const timing = action.timing();
      const lastByte = finished && timing.responseEnd >= 0 ? timing.responseEnd - timing.requestStart : null;
      const line = `rows ${(probe.rowsAt - probe.clickAt).toFixed(1)} ms, painted ${(probe.paintAt - probe.clickAt).toFixed(1)} ms, action POST first byte ${(timing.responseStart - timing.requestStart).toFixed(1)} ms, last byte ${lastByte === null ? "not seen in 5 s" : `${lastByte.toFixed(1)} ms`}, build + solve ${(run.buildMs + run.solveMs).toFixed(1)} ms, ${probe.rows} rows`;
      console.log(`  ${round === 0 ? "warm-up" : `round ${round}`}: ${line}`);
      if (round === 0) continue;
      rowsVisible.push(probe.rowsAt - probe.clickAt);
      painted.push(probe.paintAt - probe.clickAt);
      serverAnswer.push(timing.responseStart - timing.requestStart);
      if (lastByte !== null) responseComplete.push(lastByte);
      buildAndSolve.push(run.buildMs + run.solveMs);
      rowCount = probe.rows;
    }
    const loadAfter = os.loadavg();
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const spread = (values: number[]) => `${fmt(median(values))}  [min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}]`;
    const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
    console.log(`Matching "Propose" in the browser, ${officerCount} officers × ${unitCount} units (department cap 2), ${rowCount} rows, median of ${runs} after one warm-up:`);
    console.log(`  click → proposal rows in the page:   ${spread(rowsVisible)}`);
    console.log(`  click → rows painted (next frame):   ${spread(painted)}`);
    console.log(`  action POST sent → first byte:       ${spread(serverAnswer)}`);
    console.log(`  action POST sent → last byte:        ${responseComplete.length > 0 ? spread(responseComplete) : "–"} (seen in ${responseComplete.length} of ${runs} rounds)`);
    console.log(`  stored build + solve of the run:     ${spread(buildAndSolve)}`);
    console.log(`  load average (1, 5, 15 min): before ${load(loadBefore)}, after ${load(loadAfter)} (${os.cpus().length} cores)`);
  } finally {
    await browser?.close();
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await once(server, "exit");
    }
  }
});
