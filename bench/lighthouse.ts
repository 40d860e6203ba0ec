// Lighthouse 12 (mobile, its default simulated throttling) against the running benchmark server, through its CLI so
// that it launches and closes its own Chromium. CHROME_PATH chooses the browser (Debian's /usr/bin/chromium when
// present). Scores move with the machine's load (Lighthouse simulates a slow phone from the trace of a real run),
// so each page is run `runs` times and the median by performance score is kept, with every run's scores recorded.
// On a shared machine the simulation scales wall time, so a task that waited for a core counts as blocking (one
// build measured TBT 99 ms and 1,409 ms in the same hour at load 18): judge a change by an A/B of two builds run
// alternately under the same load, read with the report's `long-tasks`, `bootup-time`, `mainthread-work-breakdown` and
// `network-requests` audits, and by the main thread's CPU time (bench/main-thread.ts); the scores to claim come from
// a quiet machine. docs/performance.md, "Main-thread work of the dashboard and the board".
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  totalByteWeight: number;
  failedAccessibilityAudits: string[];
}

export interface LighthouseResult extends LighthouseRun {
  key: string;
  name: string;
  path: string;
  runs: Pick<LighthouseRun, "performance" | "accessibility" | "totalBlockingTimeMs">[];
}

export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

interface LighthouseReport {
  categories: Record<"performance" | "accessibility", { score: number; auditRefs: { id: string }[] }>;
  audits: Record<string, { numericValue?: number; score: number | null; scoreDisplayMode?: string }>;
}

function runOnce(projectRoot: string, chromium: string, url: string, cookie?: string): Promise<LighthouseRun> {
  const cli = path.join(projectRoot, "node_modules/lighthouse/cli/index.js");
  const args = [
    cli,
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--only-categories=performance,accessibility",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${Buffer.concat(err).toString().slice(-500)}`));
      const report = JSON.parse(Buffer.concat(out).toString()) as LighthouseReport;
      const value = (id: string) => Math.round((report.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
      resolve({
        performance: report.categories.performance.score,
        accessibility: report.categories.accessibility.score,
        totalBlockingTimeMs: Math.round(value("total-blocking-time")),
        largestContentfulPaintMs: Math.round(value("largest-contentful-paint")),
        firstContentfulPaintMs: Math.round(value("first-contentful-paint")),
        cumulativeLayoutShift: value("cumulative-layout-shift"),
        speedIndexMs: Math.round(value("speed-index")),
        totalByteWeight: Math.round(value("total-byte-weight")),
        failedAccessibilityAudits: report.categories.accessibility.auditRefs.map((ref) => ref.id).filter((id) => report.audits[id]?.score === 0),
      });
    });
  });
}

export async function measureLighthouse(
  projectRoot: string,
  chromium: string,
  baseUrl: string,
  target: { key: string; name: string; path: string; cookie?: string },
  runs: number,
): Promise<LighthouseResult> {
  const results: LighthouseRun[] = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(projectRoot, chromium, `${baseUrl}${target.path}`, target.cookie));
  const sorted = results.toSorted((a, b) => a.performance - b.performance);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    key: target.key,
    name: target.name,
    path: target.path,
    ...median,
    runs: results.map(({ performance, accessibility, totalBlockingTimeMs }) => ({ performance, accessibility, totalBlockingTimeMs })),
  };
}
