import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError, runMatchCli } from "./match-cli.ts";

const folder = mkdtempSync(path.join(os.tmpdir(), "match-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const run = (...argv: string[]) => runMatchCli(argv, folder);
const failure = (...argv: string[]) => {
  try {
    run(...argv);
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  throw new Error("expected the command to fail");
};

describe("npm run match", () => {
  it("generates an instance, solves it and checks the result, with files relative to the caller's folder", () => {
    expect(run("--generate", "--officers", "120", "--units", "25", "--seed", "4", "--output", "instance.json")[0]).toMatch(/^Wrote instance\.json: 120 officers, 25 units \(\d+ places\), department cap 2/);
    expect(run("--input", "instance.json", "--output", "result.json")[0]).toMatch(/^Solved 120 officers × 25 units in [\d.]+ ms: \d+ assigned, \d+ unassigned, objective [\d.]+/);
    const result = JSON.parse(readFileSync(path.join(folder, "result.json"), "utf8"));
    expect(result).toEqual(expect.objectContaining({ pairs: expect.any(Array), assignments: expect.any(Array), unassigned: expect.any(Array), objective: expect.any(Number), solveMs: expect.any(Number) }));
    expect(run("--check", "--input", "instance.json", "--result", "result.json")[0]).toContain("keeps every rule");

    // A result edited by hand (one officer placed twice) is caught.
    result.assignments.push({ ...result.assignments[0] });
    writeFileSync(path.join(folder, "tampered.json"), JSON.stringify(result));
    expect(failure("--check", "--input", "instance.json", "--result", "tampered.json")).toContain(`Officer ${result.assignments[0].officerId} is assigned more than once.`);
  });

  it("writes a compact result without pairs on request, and checks it against the formula's pairs", () => {
    run("--generate", "--officers", "80", "--units", "15", "--seed", "6", "--output", "compact-instance.json");
    run("--input", "compact-instance.json", "--output", "full.json");
    expect(run("--input", "compact-instance.json", "--output", "compact.json", "--without-pairs")[0]).toMatch(/^Solved 80 officers × 15 units/);
    const full = JSON.parse(readFileSync(path.join(folder, "full.json"), "utf8"));
    const compact = JSON.parse(readFileSync(path.join(folder, "compact.json"), "utf8"));
    expect(compact).not.toHaveProperty("pairs");
    const { pairs, solveMs: _fullMs, ...rest } = full;
    const { solveMs: _compactMs, ...compactRest } = compact;
    expect(pairs.length).toBeGreaterThan(100);
    expect(compactRest).toEqual(rest);
    expect(run("--check", "--input", "compact-instance.json", "--result", "compact.json")[0]).toContain("keeps every rule");
    // A compact result is checked as strictly as a full one: a value changed by hand no longer matches its pair.
    compact.assignments[0].value += 1;
    compact.assignments[0].breakdown.fieldFit += 1;
    compact.objective += 1;
    writeFileSync(path.join(folder, "compact-tampered.json"), JSON.stringify(compact));
    expect(failure("--check", "--input", "compact-instance.json", "--result", "compact-tampered.json")).toContain(`has value ${compact.assignments[0].value}, its pair`);
  });

  it("says what is wrong with bad input and arguments", () => {
    writeFileSync(path.join(folder, "broken.json"), "{");
    expect(failure("--input", "broken.json", "--output", "out.json")).toMatch(/^broken\.json is not valid JSON/);
    writeFileSync(path.join(folder, "invalid.json"), JSON.stringify({ officers: [{ id: "A", department: "Police", rank: 3, preferences: ["U9"] }], units: [] }));
    expect(failure("--input", "invalid.json", "--output", "out.json")).toBe('invalid.json is not a valid instance:\n  officers.0.preferences: Officer "A" prefers unknown unit "U9".');
    expect(failure("--input", "missing.json", "--output", "out.json")).toContain("ENOENT");
    expect(failure("--generate", "--officers", "2.5", "--units", "2", "--output", "x.json")).toBe('--officers must be a whole number of at least 0 (got "2.5").');
    expect(failure("--input", "invalid.json")).toContain("--output is required.");
    expect(failure("--frobnicate")).toContain("Unknown option '--frobnicate'");
  });
});
