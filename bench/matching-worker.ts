// One solver on one instance file, in a fresh process so that its memory is its own (bench/matching.ts starts it).
// node --import tsx bench/matching-worker.ts <engine|highs> <instance.json> <runs>
// Prints one JSON line: run times, objective, resident memory before solving and at its peak.
import { readFileSync } from "node:fs";
import loadHighs from "highs";
import { buildLpModel } from "../features/matching/engine/lp-model.ts";
import { instanceSchema } from "../features/matching/engine/schemas.ts";
import { solveMatching } from "../features/matching/engine/solve.ts";

const [solver, file, runsText] = process.argv.slice(2);
const instance = instanceSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const runs = Math.max(1, Number(runsText) || 1);
const megabytes = (bytes: number) => Math.round(bytes / 1_048_576);

if (solver === "engine") {
  const baselineRss = process.memoryUsage().rss;
  const times: number[] = [];
  // CPU time beside wall time: on a machine shared with other work the wall time includes waiting for a core.
  const cpuTimes: number[] = [];
  let objective = 0;
  let assigned = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = solveMatching(instance);
    times.push(Math.round(performance.now() - started));
    const used = process.cpuUsage(cpu);
    cpuTimes.push(Math.round((used.user + used.system) / 1000));
    objective = result.objective;
    assigned = result.assignments.length;
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ solver, times, cpuTimes, objective, assigned, baselineRssMb: megabytes(baselineRss), peakRssMb: megabytes(peakRss) }));
} else if (solver === "highs") {
  // The engine's pairs carry the values; the model itself is built from the instance's rules (lp-model.ts).
  const { pairs } = solveMatching(instance);
  const highs = await loadHighs();
  const baselineRss = process.memoryUsage().rss;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let objective = 0;
  let variables = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const model = buildLpModel(instance, pairs, { integer: false });
    const solution = highs.solve(model.text, { output_flag: false });
    times.push(Math.round(performance.now() - started));
    const used = process.cpuUsage(cpu);
    cpuTimes.push(Math.round((used.user + used.system) / 1000));
    if (solution.Status !== "Optimal") throw new Error(`HiGHS: ${solution.Status}`);
    objective = solution.ObjectiveValue;
    variables = model.variables.length;
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ solver, times, cpuTimes, objective, variables, baselineRssMb: megabytes(baselineRss), peakRssMb: megabytes(peakRss) }));
} else {
  throw new Error(`Unknown solver "${solver}".`);
}
