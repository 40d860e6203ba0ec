import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateInstance } from "./generate.ts";
import { instanceSchema, type MatchingInstanceInput } from "./schemas.ts";
import { listMark, MICRO, preferenceMark, prepareInstance, scoreMicro, scoreParts, sumParts } from "./score.ts";
import { solveMatchingInput } from "./solve.ts";
import { findFalseReasons, findViolations } from "./verify.ts";

const officer = (id: string, extra: Partial<MatchingInstanceInput["officers"][number]> = {}) => ({ id, department: "Police", rank: 5, fields: [], preferences: [], ...extra });
const unit = (id: string, capacity: number, extra: Partial<MatchingInstanceInput["units"][number]> = {}) => ({ id, capacity, ...extra });

function solveChecked(input: MatchingInstanceInput) {
  const result = solveMatchingInput(input);
  const instance = instanceSchema.parse(input);
  expect(findViolations(instance, result)).toEqual([]);
  expect(findFalseReasons(instance, result)).toEqual([]);
  return result;
}

const placed = (result: ReturnType<typeof solveMatchingInput>) => Object.fromEntries(result.assignments.map((assignment) => [assignment.officerId, assignment.unitId]));

describe("the value of a pair", () => {
  it("adds the weighted marks: field fit, preference rank, the unit's wish and the rank band", () => {
    const instance = instanceSchema.parse({
      officers: [officer("A", { rank: 4, fields: ["finance", "legal"], preferences: ["U1", "U2"] })],
      units: [unit("U1", 1, { fields: ["finance", "training"], rankMin: 2, rankMax: 8, wishes: ["A"] }), unit("U2", 1)],
    });
    const parts = scoreParts(instance.officers[0], instance.units[0], instance.weights);
    // fields: 1 of the 2 wanted × 4; first of 2 preferences × 3; only wish × 2; rank 4 in band 2–8 (middle 5, half 3) → 1 − 1/4.
    expect(parts).toEqual({ fieldFit: 2 * MICRO, preference: 3 * MICRO, wish: 2 * MICRO, rankBand: 0.75 * MICRO });
    // No wanted fields and no band: the neutral half mark; second of two preferences: 1/2.
    expect(scoreParts(instance.officers[0], instance.units[1], instance.weights)).toEqual({ fieldFit: 2 * MICRO, preference: 1.5 * MICRO, wish: 0, rankBand: 0.5 * MICRO });
  });

  it("ranks units by field after the units named: a unit not named takes the place of its best-ranked wanted field", () => {
    // A names U1 and ranks fields x then y: one list of 3 places (U1, x, y) → marks 1, 2/3, 1/3.
    const instance = instanceSchema.parse({
      officers: [officer("A", { preferences: ["U1"], fieldPreferences: ["x", "y"] })],
      units: [unit("U1", 1, { fields: ["y"] }), unit("U2", 1, { fields: ["y", "x"] }), unit("U3", 1, { fields: ["y"] }), unit("U4", 1, { fields: ["z"] })],
    });
    const [a] = instance.officers;
    const marks = instance.units.map((item) => preferenceMark(a, item));
    expect(marks).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(instance.units.map((item) => scoreParts(a, item, instance.weights).preference)).toEqual([3 * MICRO, 2 * MICRO, 1 * MICRO, 0]);
    // Without field preferences the mark is the named list's alone, as before.
    expect(preferenceMark({ ...a, fieldPreferences: [] }, instance.units[0])).toBe(listMark(["U1"], "U1"));
    expect(preferenceMark({ ...a, fieldPreferences: [] }, instance.units[1])).toBe(0);
  });

  it("never marks a unit reached through a field as high as the last unit named", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), (named, fields) => {
        const unitIds = Array.from({ length: named }, (_, index) => `U${index}`);
        const codes = Array.from({ length: fields }, (_, index) => `f${index}`);
        const person = instanceSchema.parse({ officers: [officer("A", { preferences: unitIds, fieldPreferences: codes })], units: unitIds.map((id) => unit(id, 1)) }).officers[0];
        const lastNamed = preferenceMark(person, { id: unitIds.at(-1)!, capacity: 1, fields: codes, rankMin: null, rankMax: null, wishes: [] });
        const bestByField = preferenceMark(person, { id: "other", capacity: 1, fields: codes, rankMin: null, rankMax: null, wishes: [] });
        expect(lastNamed).toBeGreaterThan(bestByField);
      }),
    );
  });

  it("scores every eligible pair with field preferences exactly as the plain formula does", () => {
    const generated = generateInstance({ officers: 120, units: 30, seed: 5 });
    const fields = [...new Set(generated.units.flatMap((item) => item.fields ?? []))];
    generated.officers.forEach((item, index) => {
      item.fieldPreferences = [fields[index % fields.length], fields[(index * 7 + 3) % fields.length]].filter((field, position, list) => list.indexOf(field) === position).slice(0, 1 + (index % 2));
    });
    const instance = instanceSchema.parse(generated);
    const prepared = prepareInstance(instance);
    let byField = 0;
    prepared.eligible.forEach((options, index) => {
      for (const option of options) {
        const person = instance.officers[index];
        const target = instance.units[option.unitIndex];
        expect(option.score).toBe(scoreMicro(person, target, instance.weights));
        if (!person.preferences.includes(target.id) && preferenceMark(person, target) > 0) byField++;
      }
    });
    expect(byField).toBeGreaterThan(200);
  });

  it("scores every eligible pair of a generated instance exactly as the plain formula does", () => {
    const instance = instanceSchema.parse(generateInstance({ officers: 150, units: 40, seed: 3 }));
    const prepared = prepareInstance(instance);
    let pairs = 0;
    prepared.eligible.forEach((options, index) => {
      for (const option of options) {
        const expected = scoreMicro(instance.officers[index], instance.units[option.unitIndex], instance.weights);
        expect(option.score).toBe(expected);
        expect(sumParts(scoreParts(instance.officers[index], instance.units[option.unitIndex], instance.weights))).toBe(expected);
        pairs++;
      }
    });
    expect(pairs).toBeGreaterThan(1000);
  });
});

describe("solving", () => {
  it("finds the optimum where taking the best pair first would leave an officer out", () => {
    // A is worth most at U1, but B may only go to U1 (rank band): the optimum sends A to U2.
    const result = solveChecked({
      officers: [officer("A", { fields: ["finance"], preferences: ["U1"] }), officer("B", { rank: 9 })],
      units: [unit("U1", 1, { fields: ["finance"] }), unit("U2", 1, { rankMax: 6 })],
    });
    expect(placed(result)).toEqual({ A: "U2", B: "U1" });
    const a = result.assignments.find((assignment) => assignment.officerId === "A")!;
    expect(a.notFirstChoice).toMatchObject({ code: "firstChoiceFull", unitId: "U1", places: 1, allValuedAtLeastAsHigh: false });
    expect(a.notFirstChoice!.text).toBe("First choice U1 had 1 place; they went to B; giving this officer one of those places would not raise the total value.");
  });

  it("places as many officers as the rules allow before it prefers higher scores", () => {
    // Two officers, two units; the highest-scoring pair (A at U1) would leave B without a unit.
    const result = solveChecked({
      officers: [officer("A", { fields: ["x", "y"], preferences: ["U1"] }), officer("B", { department: "Fire", preferences: ["U2"] })],
      units: [unit("U1", 1, { fields: ["x", "y"], wishes: ["A"] }), unit("U2", 1, { rankMin: 7 })],
      rules: { forbidden: [["B", "U1"]] },
    });
    expect(result.assignments).toHaveLength(1);
    expect(result.unassigned).toEqual([
      { officerId: "B", reason: { code: "noEligibleUnit", text: "No unit is eligible: every unit is forbidden for this officer or outside the officer's rank." }, notFirstChoice: expect.objectContaining({ code: "rankOutsideBand" }) },
    ]);
    const crowded = solveChecked({
      officers: [officer("A", { fields: ["x"], preferences: ["U1"] }), officer("B"), officer("C")],
      units: [unit("U1", 1, { fields: ["x"] }), unit("U2", 1, { rankMax: 3 })],
    });
    expect(crowded.assignments).toHaveLength(1);
    expect(placed(crowded)).toEqual({ A: "U1" });
    expect(crowded.unassigned.map((entry) => entry.reason)).toEqual([
      { code: "capacity", eligibleUnits: 1, fullUnits: 1, departmentCappedUnits: 0, text: "Every eligible unit (1) is full." },
      { code: "capacity", eligibleUnits: 1, fullUnits: 1, departmentCappedUnits: 0, text: "Every eligible unit (1) is full." },
    ]);
  });

  it("keeps at most k officers of one department in one unit, and says so", () => {
    const result = solveChecked({
      officers: [officer("A", { preferences: ["U1"], fields: ["x"] }), officer("B", { preferences: ["U1"] }), officer("C", { department: "Fire", preferences: ["U1"] })],
      units: [unit("U1", 3, { fields: ["x"] }), unit("U2", 3)],
      rules: { maxPerDepartmentPerUnit: 1 },
    });
    expect(placed(result)).toEqual({ A: "U1", B: "U2", C: "U1" });
    expect(result.assignments.find((assignment) => assignment.officerId === "B")!.notFirstChoice).toEqual({
      code: "departmentCap",
      unitId: "U1",
      department: "Police",
      maxPerDepartmentPerUnit: 1,
      takenBy: ["A"],
      text: "First choice U1 already has 1 officer of department Police (A), the most allowed.",
    });
  });

  it("honours pins (even outside the rank band), forbids, and keeps assigned officers unless released", () => {
    const result = solveChecked({
      officers: [
        officer("A", { preferences: ["U1"], fields: ["x"] }),
        officer("B", { preferences: ["U1"], assignedUnitId: "U2" }),
        officer("C", { preferences: ["U1"], assignedUnitId: "U2" }),
        officer("D", { rank: 1, preferences: ["U2"] }),
      ],
      units: [unit("U1", 2, { fields: ["x"] }), unit("U2", 2), unit("U3", 1, { rankMin: 4 })],
      rules: { pinned: [["D", "U3"]], forbidden: [["A", "U1"]], released: ["C"] },
    });
    expect(placed(result)).toEqual({ A: "U2", B: "U2", C: "U1", D: "U3" });
    const byOfficer = Object.fromEntries(result.assignments.map((assignment) => [assignment.officerId, assignment]));
    expect(byOfficer.A.notFirstChoice).toMatchObject({ code: "forbidden" });
    expect(byOfficer.B).toMatchObject({ source: "kept", notFirstChoice: { code: "pinnedElsewhere", pinnedUnitId: "U2", text: "Already assigned to U2 and not released." } });
    expect(byOfficer.C.source).toBe("optimised");
    expect(byOfficer.D).toMatchObject({ source: "pinned", notFirstChoice: { code: "pinnedElsewhere", text: "Pinned to U3." } });
    expect(result.pairs).toContainEqual({ officerId: "D", unitId: "U3", value: byOfficer.D.value });
    expect(result.pairs.some((pair) => pair.officerId === "A" && pair.unitId === "U1")).toBe(false);
  });

  it("explains a first choice given up for a better value elsewhere, and breaks every value down", () => {
    const result = solveChecked({
      officers: [officer("A", { fields: ["x"], preferences: ["U1", "U2"] })],
      units: [unit("U1", 1), unit("U2", 1, { fields: ["x"], wishes: ["A"] })],
      weights: { preference: 1 },
    });
    const [a] = result.assignments;
    expect(a.unitId).toBe("U2");
    expect(a.notFirstChoice).toMatchObject({ code: "higherValueElsewhere", valueThere: result.coverageBonus + 2 + 1 + 0.5, valueHere: result.coverageBonus + 4 + 0.5 + 2 + 0.5 });
    expect(a.breakdown).toEqual({ coverage: result.coverageBonus, fieldFit: 4, preference: 0.5, wish: 2, rankBand: 0.5 });
    expect(result.objective).toBe(a.value);
  });

  it("answers an empty instance", () => {
    expect(solveMatchingInput({ officers: [], units: [] })).toMatchObject({ pairs: [], assignments: [], unassigned: [], objective: 0 });
  });
});

describe("the instance format", () => {
  const base = { officers: [officer("A", { preferences: ["U1"] })], units: [unit("U1", 1)] };
  const messages = (input: unknown) => {
    const parsed = instanceSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  };

  it("accepts the minimal keys and fills the documented defaults", () => {
    const instance = instanceSchema.parse(base);
    expect(instance.weights).toEqual({ fieldFit: 4, preference: 3, wish: 2, rankBand: 1 });
    expect(instance.rules).toEqual({ maxPerDepartmentPerUnit: null, pinned: [], forbidden: [], released: [] });
    expect(instance.officers[0].fieldPreferences).toEqual([]);
  });

  it("refuses contradictions with a message that names them", () => {
    expect(messages({ ...base, officers: [officer("A", { preferences: ["U9"] })] })).toEqual(['Officer "A" prefers unknown unit "U9".']);
    expect(messages({ ...base, officers: [officer("A"), officer("A")] })).toEqual(['Officer id "A" appears twice.']);
    expect(messages({ ...base, rules: { pinned: [["A", "U1"]], forbidden: [["A", "U1"]] } })).toEqual(['Officer "A" is both pinned (or kept) at and forbidden from unit "U1".']);
    expect(messages({ officers: [officer("A"), officer("B")], units: [unit("U1", 1)], rules: { pinned: [["A", "U1"], ["B", "U1"]] } })).toEqual([
      'Unit "U1" has 1 place(s) but 2 officers are pinned or kept there.',
    ]);
    expect(messages({ officers: [officer("A"), officer("B")], units: [unit("U1", 2)], rules: { maxPerDepartmentPerUnit: 1, pinned: [["A", "U1"], ["B", "U1"]] } })).toEqual([
      '2 officers of department "Police" are pinned or kept at unit "U1", above maxPerDepartmentPerUnit 1.',
    ]);
    expect(messages({ ...base, units: [unit("U1", 1, { rankMin: 5, rankMax: 2 })] })).toEqual(['Unit "U1" has rankMin above rankMax.']);
    expect(messages({ ...base, officers: [officer("A", { fieldPreferences: ["x", "y", "x"] })] })).toEqual(['Officer "A" lists field "x" twice.']);
    expect(messages({ ...base, weights: { fieldFit: -1 } })).toHaveLength(1);
    expect(messages({ ...base, surprise: true })).toHaveLength(1);
  });
});

describe("the generator", () => {
  it("gives the same valid instance for the same seed and a different one for another", () => {
    const first = generateInstance({ officers: 300, units: 50, seed: 7 });
    expect(JSON.stringify(generateInstance({ officers: 300, units: 50, seed: 7 }))).toBe(JSON.stringify(first));
    expect(JSON.stringify(generateInstance({ officers: 300, units: 50, seed: 8 }))).not.toBe(JSON.stringify(first));
    const instance = instanceSchema.parse(first);
    const capacity = instance.units.reduce((sum, item) => sum + item.capacity, 0);
    expect(capacity).toBeGreaterThanOrEqual(300);
    expect(new Set(instance.officers.map((item) => item.department)).size).toBeGreaterThan(5);
    expect(instance.officers.filter((item) => item.preferences.length > 0).length).toBeGreaterThan(200);
    expect(instance.rules.pinned.length + instance.rules.forbidden.length).toBeGreaterThan(0);
    const result = solveMatchingInput(first);
    expect(findViolations(instance, result)).toEqual([]);
    expect(findFalseReasons(instance, result)).toEqual([]);
  });
});

describe("exactness", () => {
  it("keeps every cost and potential a safe integer at the largest weights the format allows", () => {
    const instance = generateInstance({ officers: 400, units: 60, seed: 5 });
    const result = solveMatchingInput({ ...instance, weights: { fieldFit: 1000, preference: 1000, wish: 1000, rankBand: 1000 } });
    expect(Number.isSafeInteger(Math.round(result.objective * MICRO))).toBe(true);
    expect(findViolations(instanceSchema.parse({ ...instance, weights: { fieldFit: 1000, preference: 1000, wish: 1000, rankBand: 1000 } }), result)).toEqual([]);
  });

  it("refuses an instance whose values would pass 2^53 micro-points rather than guess", () => {
    const instance = generateInstance({ officers: 3000, units: 10, seed: 5 });
    expect(() => solveMatchingInput({ ...instance, weights: { fieldFit: 1000, preference: 1000, wish: 1000, rankBand: 1000 } })).toThrow(/too large for exact arithmetic/);
  });
});
