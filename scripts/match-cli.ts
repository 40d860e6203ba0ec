// The command line of the matching engine (scripts/match.ts; formats in docs/matching-format.md). Kept apart from the
// entry point so that tests run it in-process.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateInstance } from "../features/matching/engine/generate.ts";
import { compactResultSchema, instanceSchema, resultSchema, type MatchingResult } from "../features/matching/engine/schemas.ts";
import { solveMatching } from "../features/matching/engine/solve.ts";
import { findFalseReasons, findViolations } from "../features/matching/engine/verify.ts";

export const USAGE = `Usage:
  npm run match -- --input instance.json --output result.json [--pretty] [--without-pairs]
  npm run match -- --generate --officers 2000 --units 300 --seed 1 [--max-per-department 2 | --no-department-cap] --output instance.json
  npm run match -- --check --input instance.json --result result.json`;

export class CliError extends Error {}

/** `file` as the user wrote it (for messages), read from `location`. */
function readJson(file: string, location: string): unknown {
  let text: string;
  try {
    text = readFileSync(location, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function describeIssues(file: string, issues: { path: PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 10).map((issue) => `  ${issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)"}: ${issue.message}`);
  const more = issues.length > 10 ? [`  … and ${issues.length - 10} more`] : [];
  return [`${file} is not a valid ${file.includes("result") ? "result" : "instance"}:`, ...shown, ...more].join("\n");
}

function wholeNumber(name: string, value: string | undefined, minimum: number): number {
  if (value === undefined) throw new CliError(`--${name} is required.\n${USAGE}`);
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw new CliError(`--${name} must be a whole number of at least ${minimum} (got "${value}").`);
  return number;
}

function write(file: string, value: unknown, pretty: boolean) {
  writeFileSync(file, `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/** Runs one command; returns the lines to print. Throws CliError for anything the user must change. */
export function runMatchCli(argv: string[], workingDirectory = process.cwd()): string[] {
  const resolve = (file: string) => path.resolve(workingDirectory, file);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: "string" },
        output: { type: "string" },
        result: { type: "string" },
        generate: { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        officers: { type: "string" },
        units: { type: "string" },
        seed: { type: "string" },
        "max-per-department": { type: "string" },
        "no-department-cap": { type: "boolean", default: false },
        pretty: { type: "boolean", default: false },
        "without-pairs": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return [USAGE];
  if (!values.check && !values.output) throw new CliError(`--output is required.\n${USAGE}`);

  if (values.generate) {
    const cap = values["no-department-cap"] ? null : values["max-per-department"] === undefined ? 2 : wholeNumber("max-per-department", values["max-per-department"], 1);
    const instance = generateInstance({
      officers: wholeNumber("officers", values.officers, 0),
      units: wholeNumber("units", values.units, 1),
      seed: values.seed === undefined ? 1 : wholeNumber("seed", values.seed, 0),
      maxPerDepartmentPerUnit: cap,
    });
    write(resolve(values.output!), instance, values.pretty);
    const places = instance.units.reduce((sum, unit) => sum + unit.capacity, 0);
    return [`Wrote ${values.output!}: ${instance.officers.length} officers, ${instance.units.length} units (${places} places), department cap ${cap ?? "none"}, ${instance.rules.pinned.length} pinned, ${instance.rules.forbidden.length} forbidden.`];
  }

  if (!values.input) throw new CliError(`--input is required.\n${USAGE}`);
  const parsed = instanceSchema.safeParse(readJson(values.input, resolve(values.input)));
  if (!parsed.success) throw new CliError(describeIssues(values.input, parsed.error.issues));
  const instance = parsed.data;

  if (values.check) {
    if (!values.result) throw new CliError(`--result is required with --check.\n${USAGE}`);
    const text = readJson(values.result, resolve(values.result));
    // A result written with --without-pairs is checked against the pairs of the documented formula, as solving
    // the instance lists them.
    const isCompact = typeof text === "object" && text !== null && !("pairs" in text);
    const result = isCompact ? compactResultSchema.safeParse(text) : resultSchema.safeParse(text);
    if (!result.success) throw new CliError(describeIssues(values.result, result.error.issues));
    const full: MatchingResult = { ...result.data, pairs: isCompact ? solveMatching(instance).pairs : (result.data as MatchingResult).pairs };
    const problems = [...findViolations(instance, full), ...findFalseReasons(instance, full)];
    if (problems.length > 0) throw new CliError([`${values.result} breaks ${problems.length} rule(s):`, ...problems.slice(0, 20).map((problem) => `  ${problem}`)].join("\n"));
    return [`${values.result} keeps every rule of ${values.input}, and every stated reason is true (objective ${result.data.objective}).`];
  }

  let result;
  try {
    result = solveMatching(instance, { withoutPairs: values["without-pairs"] });
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message);
    throw error;
  }
  write(resolve(values.output!), result, values.pretty);
  return [
    `Solved ${instance.officers.length} officers × ${instance.units.length} units in ${result.solveMs} ms: ${result.assignments.length} assigned, ${result.unassigned.length} unassigned, objective ${result.objective} (coverage bonus ${result.coverageBonus} a pair). Wrote ${values.output}.`,
  ];
}
