// node --import tsx bench/main-thread.ts --serve FILE [--runs N] [--pages dashboard,board,schedule] DIST_DIR …
//
// A/B of the main-thread work of first loads, for a machine shared with other work (docs/performance.md, "Main-thread
// work of the dashboard and the board"). FILE is what `npm run bench -- --pages-only --serve FILE` writes (database URL
// and pages); for each build folder given (e.g. .next-a before a change, .next-b after) one `next start` serves that
// database, with one NEXTAUTH_SECRET so one session works on all. The pages are then loaded in turn, A B B A …, each
// in a fresh browser context at Lighthouse's phone size, with a Chromium trace. From the trace: the renderer main
// thread's tasks and their **thread CPU time** (`tdur`, which waiting for a core inflates far less than the wall time
// Lighthouse scales), `tbt4` = Σ max(0, 4 × CPU − 50 ms) over the tasks after first contentful paint (Lighthouse's 4×
// CPU slowdown applied to CPU time: a comparison figure, not Lighthouse's TBT), and the requests the load sent.
// --breakdown prints each task over 12 ms of CPU with its largest child events. A tool for comparing builds, not a test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { findFreePort } from "../scripts/db/embedded.ts";
import { projectRoot } from "../scripts/db/schema-engine.ts";
import { findChromium } from "./lighthouse.ts";
import { asBrowserCookie, signInCookie } from "./sign-in.ts";

const { values: args, positionals: builds } = parseArgs({
  allowPositionals: true,
  options: { serve: { type: "string" }, runs: { type: "string", default: "5" }, pages: { type: "string", default: "dashboard,board" }, breakdown: { type: "boolean", default: false } },
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}
interface LoadFigures {
  cpuMs: number;
  tbt4: number;
  longTasks: number;
  requests: number;
}

const pagePaths: Record<string, { path?: string; account: "coordinator" | "officer" }> = {
  dashboard: { account: "coordinator" },
  board: { account: "coordinator" },
  schedule: { path: "/schedule", account: "officer" },
};

function startServer(distDir: string, port: number, databaseUrl: string, secret: string): ChildProcess {
  const next = path.join(projectRoot, "node_modules/next/dist/bin/next");
  return spawn(process.execPath, ["--import", path.join(projectRoot, "scripts/runtime/static-brotli.mjs"), next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`, LOGIN_IP_FAILURE_LIMIT: "1000", LOG_LEVEL: "warn" },
  });
}

async function waitForHealth(baseUrl: string) {
  for (let attempt = 0; attempt < 480; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl} did not become healthy.`);
}

async function measureLoad(browser: Browser, baseUrl: string, pagePath: string, cookie: { name: string; value: string }, label: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  await context.addCookies([{ ...cookie, url: baseUrl }]);
  const page = await context.newPage();
  let requests = 0;
  page.on("request", () => requests++);
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading", "toplevel"] });
  await page.goto(baseUrl + pagePath, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  // What a page does in the seconds after loading (prefetches, timers) belongs to the comparison too.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  await context.close();
  // The renderer that ran the page's scripts (other renderers of the browser, if any, are not the page's).
  const pagePid = events.find((event) => event.name === "EvaluateScript" && event.args?.data?.url?.startsWith(`${baseUrl}/_next/`))?.pid;
  const mainThreads = new Set(events.filter((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain" && event.pid === pagePid).map((event) => `${event.pid}:${event.tid}`));
  const start = events.find((event) => event.name === "ResourceSendRequest" && event.args?.data?.url === baseUrl + pagePath)?.ts ?? 0;
  const firstPaint = events.find((event) => event.name === "firstContentfulPaint")?.ts ?? start;
  const onMain = (event: TraceEvent) => mainThreads.has(`${event.pid}:${event.tid}`) && event.ph === "X";
  const tasks = events.filter((event) => onMain(event) && event.name === "RunTask" && event.ts >= start);
  const figures: LoadFigures = { cpuMs: 0, tbt4: 0, longTasks: 0, requests };
  for (const task of tasks) {
    const cpuMs = (task.tdur ?? task.dur ?? 0) / 1000;
    figures.cpuMs += cpuMs;
    if (task.ts >= firstPaint && 4 * cpuMs > 50) {
      figures.tbt4 += 4 * cpuMs - 50;
      figures.longTasks++;
    }
    if (args.breakdown && cpuMs > 12) {
      const children = new Map<string, number>();
      for (const child of events) {
        if (child === task || !onMain(child) || child.pid !== task.pid || child.tid !== task.tid || !child.tdur) continue;
        if (child.ts < task.ts || child.ts + (child.dur ?? 0) > task.ts + (task.dur ?? 0)) continue;
        const key = `${child.name} ${(child.args?.data?.url ?? child.args?.data?.functionName ?? "").split("/").pop()}`.trim();
        children.set(key, (children.get(key) ?? 0) + child.tdur / 1000);
      }
      const largest = [...children].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(`  ${label} task at ${Math.round((task.ts - start) / 1000)} ms, ${cpuMs.toFixed(1)} ms CPU: ${largest.map(([key, ms]) => `${key} ${ms.toFixed(1)}`).join(" | ")}`);
    }
  }
  figures.cpuMs = Math.round(figures.cpuMs);
  figures.tbt4 = Math.round(figures.tbt4);
  return figures;
}

async function main() {
  if (!args.serve || builds.length === 0) throw new Error("Usage: bench/main-thread.ts --serve FILE [--runs N] [--pages …] DIST_DIR …");
  const served = JSON.parse(readFileSync(args.serve, "utf8")) as { databaseUrl: string; targets: { key: string; path: string }[] };
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("No Chromium found (CHROME_PATH).");
  const secret = randomBytes(32).toString("base64url");
  const servers: { distDir: string; baseUrl: string; child: ChildProcess }[] = [];
  try {
    for (const distDir of builds) {
      const port = await findFreePort();
      servers.push({ distDir, baseUrl: `http://127.0.0.1:${port}`, child: startServer(distDir, port, served.databaseUrl, secret) });
    }
    for (const server of servers) await waitForHealth(server.baseUrl);
    const cookies = { coordinator: asBrowserCookie(await signInCookie(servers[0].baseUrl, "csb.coordinator@exchange.demo")), officer: asBrowserCookie(await signInCookie(servers[0].baseUrl, "officer@exchange.demo")) };
    const pages = args.pages!.split(",").map((key) => ({ key, path: pagePaths[key]?.path ?? served.targets.find((target) => target.key === key)?.path, account: pagePaths[key]?.account ?? "coordinator" }));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
    const results = new Map<string, LoadFigures[]>();
    try {
      for (let run = 0; run < Number(args.runs); run++) {
        for (const page of pages) {
          if (!page.path) throw new Error(`Unknown page ${page.key}.`);
          for (const server of run % 2 ? servers.toReversed() : servers) {
            const label = `${page.key} ${server.distDir}`;
            const figures = await measureLoad(browser, server.baseUrl, page.path, cookies[page.account], label);
            results.set(label, [...(results.get(label) ?? []), figures]);
            console.log(`${label} run ${run}: CPU ${figures.cpuMs} ms, tbt4 ${figures.tbt4}, long tasks ${figures.longTasks}, requests ${figures.requests}, load ${os.loadavg()[0].toFixed(1)}`);
          }
        }
      }
    } finally {
      await browser.close();
    }
    const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
    for (const [label, runs] of results) {
      const list = (key: keyof LoadFigures) => `${median(runs.map((figures) => figures[key]))} [${runs.map((figures) => figures[key]).join(", ")}]`;
      console.log(`${label}: CPU ms ${list("cpuMs")}; tbt4 ${list("tbt4")}; requests ${list("requests")}`);
    }
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
