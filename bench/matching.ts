// Matching engine beside HiGHS on a generated instance (issue 16: 2,000 officers × 300 units with department caps,
// target ≤ 1 s for the engine on this 2-core machine). Part of `npm run bench`; alone:
//   node --import tsx bench/matching.ts [--officers 2000] [--units 300] [--seed 1] [--runs 5] [--skip-highs]
// Each solver runs in its own fresh process (bench/matching-worker.ts) so that the memory stated is its own: resident
// memory after loading the instance, and the process's peak while solving. Times are measured here, never asserted.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateInstance } from "../features/matching/engine/generate.ts";

type WorkerResult = { solver: string; times: number[]; cpuTimes: number[]; objective: number; baselineRssMb: number; peakRssMb: number; assigned?: number; variables?: number };
export type MatchingBenchOptions = { officers?: number; units?: number; seed?: number; runs?: number; skipHighs?: boolean };

const benchFolder = path.dirname(fileURLToPath(import.meta.url));
const median = (values: number[]) => [...values].sort((first, second) => first - second)[Math.floor(values.length / 2)];

function runWorker(solver: "engine" | "highs", file: string, runs: number): WorkerResult {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(benchFolder, "matching-worker.ts"), solver, file, String(runs)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`The ${solver} run failed: ${child.stderr.trim().split("\n").slice(-5).join(" | ")}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

export async function runMatchingBench(log: (message: string) => void = console.log, options: MatchingBenchOptions = {}) {
  const config = { officers: options.officers ?? 2_000, units: options.units ?? 300, seed: options.seed ?? 1, runs: options.runs ?? 5, maxPerDepartmentPerUnit: 2 };
  const folder = path.join(os.tmpdir(), `matching-bench-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  try {
    const instance = generateInstance({ officers: config.officers, units: config.units, seed: config.seed, maxPerDepartmentPerUnit: config.maxPerDepartmentPerUnit });
    const file = path.join(folder, "instance.json");
    writeFileSync(file, JSON.stringify(instance));
    log(`Matching: ${config.officers} officers × ${config.units} units (seed ${config.seed}, at most ${config.maxPerDepartmentPerUnit} of a department per unit); load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
    const engine = runWorker("engine", file, config.runs);
    // The first run includes V8 compiling the engine; the median of the others is the steady figure.
    const steady = engine.times.length > 1 ? median(engine.times.slice(1)) : engine.times[0];
    const steadyCpu = engine.cpuTimes.length > 1 ? median(engine.cpuTimes.slice(1)) : engine.cpuTimes[0];
    log(`  engine: first run ${engine.times[0]} ms, median of the next ${engine.times.length - 1} ${steady} ms (all: ${engine.times.join(", ")}; CPU ${engine.cpuTimes.join(", ")}); memory ${engine.baselineRssMb} MB after loading, peak ${engine.peakRssMb} MB; objective ${engine.objective}`);
    let highs: WorkerResult | null = null;
    if (!options.skipHighs) {
      highs = runWorker("highs", file, 1);
      log(`  HiGHS (LP, ${highs.variables} variables): ${highs.times[0]} ms (CPU ${highs.cpuTimes[0]} ms); memory ${highs.baselineRssMb} MB after loading, peak ${highs.peakRssMb} MB; objective ${highs.objective}, difference ${Math.abs(highs.objective - engine.objective).toExponential(2)}`);
    }
    const result = { startedAt: new Date().toISOString(), machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() }, config, engine: { ...engine, steadyMs: steady, steadyCpuMs: steadyCpu, targetMs: 1_000, met: steady <= 1_000 }, highs };
    const resultsFolder = path.join(benchFolder, "results");
    mkdirSync(resultsFolder, { recursive: true });
    const jsonFile = path.join(resultsFolder, `${result.startedAt.replace(/[:.]/g, "-")}-matching.json`);
    writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
    log(`  saved ${path.relative(path.dirname(benchFolder), jsonFile)}`);
    return result;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { officers: { type: "string" }, units: { type: "string" }, seed: { type: "string" }, runs: { type: "string" }, "skip-highs": { type: "boolean", default: false } } });
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  await runMatchingBench(console.log, { officers: number(values.officers), units: number(values.units), seed: number(values.seed), runs: number(values.runs), skipHighs: values["skip-highs"] });
}
