// Measuring helpers for bench/run.ts: HTTP load with autocannon (exact p50/p95 from every response time), process
// memory sampled from /proc, and PostgreSQL COPY as the baseline for exports.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

export interface LoadResult {
  name: string;
  path: string;
  why: string;
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  bytesPerResponse: number;
  /** CPU time per response of the Next server and of PostgreSQL (all its processes), in ms; null off Linux. */
  nodeCpuMsPerRequest: number | null;
  postgresCpuMsPerRequest: number | null;
  /** The raw runs, for merging rounds; not saved. */
  samples?: LoadSample[];
}

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Reads the CPU time the server and the database have used so far (see cpuMeter). */
  cpu?: () => CpuReading | null;
}

export interface CpuReading {
  nodeMs: number;
  postgresMs: number;
}

const clockTicksPerSecond = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/** utime + stime of a process (all its threads), plus what its waited-for children used when `withChildren`. */
function processCpuMs(pid: number, withChildren = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14-17 of /proc/PID/stat (utime, stime, cutime, cstime) are 11-14 after the command name.
  const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / clockTicksPerSecond;
}

/**
 * CPU time used so far by the Next server and by PostgreSQL: the postmaster, the backends it has ended (cutime) and
 * those still running. On the benchmark's two cores the three compete, so time per request is steadier than latency
 * from run to run. Null where /proc is not there.
 */
export function cpuMeter(serverPid: number, postmasterPid: number): () => CpuReading | null {
  return () => {
    try {
      let postgresMs = processCpuMs(postmasterPid, true);
      for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const status = readFileSync(`/proc/${entry}/status`, "utf8");
          if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === postmasterPid) postgresMs += processCpuMs(Number(entry));
        } catch {
          // the backend ended while we looked; its time is in the postmaster's cutime from now on
        }
      }
      return { nodeMs: processCpuMs(serverPid), postgresMs };
    } catch {
      return null;
    }
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** autocannon's own histogram has p90 and p97.5 but no p95, so every response time is kept and sorted. */
export async function measureLoad(
  target: { name: string; path: string; why: string; cookie?: string },
  options: LoadOptions,
): Promise<LoadResult> {
  const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
  const url = `${options.baseUrl}${target.path}`;
  if (options.warmupSeconds > 0) await autocannon({ url, headers, connections: options.connections, duration: options.warmupSeconds });
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = options.cpu?.() ?? null;
  const instance = autocannon({ url, headers, connections: options.connections, duration: options.durationSeconds, timeout: 60 });
  instance.on("response", (_client: unknown, _status: number, responseBytes: number, responseTime: number) => {
    times.push(responseTime);
    bytes += responseBytes;
  });
  const result = await instance;
  const cpuAfter = options.cpu?.() ?? null;
  const cpu = cpuBefore && cpuAfter ? { nodeMs: cpuAfter.nodeMs - cpuBefore.nodeMs, postgresMs: cpuAfter.postgresMs - cpuBefore.postgresMs } : null;
  return summarizeLoad(target, [{ times, bytes, non2xx: result.non2xx, errors: result.errors + result.timeouts, durationSeconds: options.durationSeconds, cpu }]);
}

export interface LoadSample {
  /** Every response time, in ms. */
  times: number[];
  bytes: number;
  non2xx: number;
  errors: number;
  durationSeconds: number;
  /** CPU used by the server and the database during the run; null when not measured. */
  cpu: CpuReading | null;
}

/** Percentiles over every response of one or more runs of the same page (see --rounds in bench/run.ts). */
export function summarizeLoad(target: { name: string; path: string; why: string }, samples: LoadSample[]): LoadResult {
  const times = samples.flatMap((sample) => sample.times).sort((a, b) => a - b);
  const bytes = samples.reduce((sum, sample) => sum + sample.bytes, 0);
  const durationSeconds = samples.reduce((sum, sample) => sum + sample.durationSeconds, 0);
  const round = (value: number) => Math.round(value * 10) / 10;
  const measured = samples.every((sample) => sample.cpu !== null) && times.length > 0;
  const cpuPerRequest = (key: keyof CpuReading) => (measured ? Math.round((samples.reduce((sum, sample) => sum + sample.cpu![key], 0) / times.length) * 100) / 100 : null);
  return {
    name: target.name,
    path: target.path,
    why: target.why,
    requests: times.length,
    non2xx: samples.reduce((sum, sample) => sum + sample.non2xx, 0),
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    p50: round(percentile(times, 0.5)),
    p95: round(percentile(times, 0.95)),
    p99: round(percentile(times, 0.99)),
    requestsPerSecond: round(times.length / durationSeconds),
    bytesPerResponse: times.length ? Math.round(bytes / times.length) : 0,
    nodeCpuMsPerRequest: cpuPerRequest("nodeMs"),
    postgresCpuMsPerRequest: cpuPerRequest("postgresMs"),
    samples,
  };
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc); null elsewhere. */
export function residentMemory(rootPid: number): number | null {
  try {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      } catch {
        // the process ended while we looked
      }
    }
    let total = 0;
    const pending = [rootPid];
    while (pending.length) {
      const pid = pending.pop()!;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kilobytes * 1024;
      pending.push(...(children.get(pid) ?? []));
    }
    return total;
  } catch {
    return null;
  }
}

export interface DownloadResult {
  milliseconds: number;
  bytes: number;
  rows: number | null;
  status: number;
  /** Peak resident memory of the server during the download, above its level just before. */
  peakRssGrowthBytes: number | null;
  rssBeforeBytes: number | null;
}

/**
 * Downloads `url` completely, sampling the server's memory every `sampleMs` while it streams. Uncompressed unless
 * `encoding` says otherwise: Next gzips text responses for clients that ask, which COPY (the baseline) does not do.
 */
export async function measureDownload(url: string, cookie: string, serverPid: number, encoding = "identity", sampleMs = 25): Promise<DownloadResult> {
  const before = residentMemory(serverPid);
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    const now = residentMemory(serverPid);
    if (now !== null && now > peak) peak = now;
  }, sampleMs);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { cookie, "accept-encoding": encoding } });
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const milliseconds = performance.now() - started;
    const rows = response.headers.get("x-report-rows");
    return {
      milliseconds: Math.round(milliseconds),
      bytes,
      rows: rows ? Number(rows) : null,
      status: response.status,
      peakRssGrowthBytes: before === null ? null : peak - before,
      rssBeforeBytes: before,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The same rows and columns as the admin's report export (cohort code and name, English names, dates, status,
 * approvals; the cohort columns came with decision 062 and were missing here until 2026-12-04), produced by
 * PostgreSQL itself with COPY … TO STDOUT: the floor an export through the application is compared with. Unsorted,
 * like the export (decision 021): a sorted baseline took about a fifth longer and flattered the export's ratio.
 */
export const COPY_BASELINE_SQL = `
  COPY (
    SELECT c."code" AS "Cohort code", c."nameEn" AS "Cohort",
      upper(o."surname") || ' ' || o."givenName" || coalesce(', ' || o."otherName", '') AS "Officer",
      o."chineseName" AS "Chinese name", o."staffNumber" AS "Staff number", r."nameEn" AS "Rank", d."nameEn" AS "Home department",
      h."nameEn" AS "Host unit", p."postTitle" AS "Post", f."nameEn" AS "Field", p."startDate" AS "Start date", p."endDate" AS "End date",
      p."status" AS "Status",
      CASE WHEN p."sendingApprovedAt" IS NOT NULL THEN 'Approved ' || to_char(p."sendingApprovedAt" + interval '8 hours', 'FMDD Mon YYYY') || ' by ' || sa."name" END AS "Sending-side approval",
      CASE WHEN p."hostApprovedAt" IS NOT NULL THEN 'Approved ' || to_char(p."hostApprovedAt" + interval '8 hours', 'FMDD Mon YYYY') || ' by ' || ha."name" END AS "Host-side approval"
    FROM "Placement" p
    JOIN "Cohort" c ON c."id" = p."cohortId"
    JOIN "Officer" o ON o."id" = p."officerId"
    JOIN "Rank" r ON r."id" = o."rankId"
    JOIN "Department" d ON d."id" = o."departmentId"
    LEFT JOIN "HostUnit" h ON h."id" = p."hostUnitId"
    LEFT JOIN "Field" f ON f."id" = p."fieldId"
    LEFT JOIN "User" sa ON sa."id" = p."sendingApprovedById"
    LEFT JOIN "User" ha ON ha."id" = p."hostApprovedById"
  ) TO STDOUT WITH (FORMAT csv, HEADER true)`;

export async function measureCopy(databaseUrl: string): Promise<{ milliseconds: number; bytes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of client.query(copyTo(COPY_BASELINE_SQL))) bytes += (chunk as Buffer).length;
    return { milliseconds: Math.round(performance.now() - started), bytes };
  } finally {
    await client.end();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}
