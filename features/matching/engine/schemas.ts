import { z } from "zod";

// The engine's file formats (docs/matching-format.md). Pure: importable by the CLI, the bench, client components and
// tests alike. Messages are plain English because the CLI prints them; the app maps them to its own translated errors.

const id = z.string().trim().min(1).max(200);
const label = z.string().trim().min(1).max(200);
const rank = z.number().int().min(-1_000).max(1_000);
const pair = z.tuple([id, id]);

export const defaultWeights = { fieldFit: 4, preference: 3, wish: 2, rankBand: 1 } as const;
const weight = z.number().min(0).max(1_000);

export const weightsSchema = z
  .object({
    fieldFit: weight.default(defaultWeights.fieldFit),
    preference: weight.default(defaultWeights.preference),
    wish: weight.default(defaultWeights.wish),
    rankBand: weight.default(defaultWeights.rankBand),
  })
  .strict();
export type MatchingWeights = z.output<typeof weightsSchema>;

export const officerSchema = z
  .object({
    id,
    department: label,
    rank,
    fields: z.array(label).max(100).default([]),
    /** Host unit ids, first choice first. */
    preferences: z.array(id).max(100).default([]),
    /** Fields of work, first choice first: they rank the units not listed in preferences (decision 117). */
    fieldPreferences: z.array(label).max(100).default([]),
    /** The unit the officer is already assigned to: kept unless the officer is listed in rules.released. */
    assignedUnitId: id.nullable().default(null),
  })
  .strict();

export const unitSchema = z
  .object({
    id,
    /** Places open to the officers of this instance, counting those already assigned here in the instance. */
    capacity: z.number().int().min(0).max(100_000),
    fields: z.array(label).max(100).default([]),
    rankMin: rank.nullable().default(null),
    rankMax: rank.nullable().default(null),
    /** Officer ids, most wished first. */
    wishes: z.array(id).max(1_000).default([]),
  })
  .strict();

export const rulesSchema = z
  .object({
    maxPerDepartmentPerUnit: z.number().int().min(1).nullable().default(null),
    pinned: z.array(pair).default([]),
    forbidden: z.array(pair).default([]),
    released: z.array(id).default([]),
  })
  .strict();

function findDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

export const instanceSchema = z
  .object({
    officers: z.array(officerSchema).max(100_000),
    units: z.array(unitSchema).max(100_000),
    rules: rulesSchema.default({ maxPerDepartmentPerUnit: null, pinned: [], forbidden: [], released: [] }),
    weights: weightsSchema.default(defaultWeights),
  })
  .strict()
  .superRefine((instance, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    const officerIds = new Set(instance.officers.map((officer) => officer.id));
    const units = new Map(instance.units.map((unit) => [unit.id, unit]));
    const duplicateOfficer = findDuplicate(instance.officers.map((officer) => officer.id));
    if (duplicateOfficer) problem(["officers"], `Officer id "${duplicateOfficer}" appears twice.`);
    const duplicateUnit = findDuplicate(instance.units.map((unit) => unit.id));
    if (duplicateUnit) problem(["units"], `Unit id "${duplicateUnit}" appears twice.`);
    instance.officers.forEach((officer, index) => {
      const unknown = officer.preferences.find((unitId) => !units.has(unitId));
      if (unknown) problem(["officers", index, "preferences"], `Officer "${officer.id}" prefers unknown unit "${unknown}".`);
      const repeated = findDuplicate(officer.preferences);
      if (repeated) problem(["officers", index, "preferences"], `Officer "${officer.id}" lists unit "${repeated}" twice.`);
      const repeatedField = findDuplicate(officer.fieldPreferences);
      if (repeatedField) problem(["officers", index, "fieldPreferences"], `Officer "${officer.id}" lists field "${repeatedField}" twice.`);
      if (officer.assignedUnitId !== null && !units.has(officer.assignedUnitId))
        problem(["officers", index, "assignedUnitId"], `Officer "${officer.id}" is assigned to unknown unit "${officer.assignedUnitId}".`);
    });
    instance.units.forEach((unit, index) => {
      if (unit.rankMin !== null && unit.rankMax !== null && unit.rankMin > unit.rankMax)
        problem(["units", index, "rankMin"], `Unit "${unit.id}" has rankMin above rankMax.`);
      const unknown = unit.wishes.find((officerId) => !officerIds.has(officerId));
      if (unknown) problem(["units", index, "wishes"], `Unit "${unit.id}" wishes for unknown officer "${unknown}".`);
      const repeated = findDuplicate(unit.wishes);
      if (repeated) problem(["units", index, "wishes"], `Unit "${unit.id}" lists officer "${repeated}" twice.`);
    });
    const checkPairs = (key: "pinned" | "forbidden") =>
      instance.rules[key].forEach(([officerId, unitId], index) => {
        if (!officerIds.has(officerId)) problem(["rules", key, index], `Unknown officer "${officerId}" in rules.${key}.`);
        if (!units.has(unitId)) problem(["rules", key, index], `Unknown unit "${unitId}" in rules.${key}.`);
      });
    checkPairs("pinned");
    checkPairs("forbidden");
    instance.rules.released.forEach((officerId, index) => {
      if (!officerIds.has(officerId)) problem(["rules", "released", index], `Unknown officer "${officerId}" in rules.released.`);
    });
    // Pins (and kept assignments) must be possible together; otherwise no assignment exists and we say which rule.
    const forbidden = new Set(instance.rules.forbidden.map(([officerId, unitId]) => `${officerId}\u0000${unitId}`));
    const fixed = new Map<string, string>();
    const addFixed = (officerId: string, unitId: string, path: (string | number)[]) => {
      const earlier = fixed.get(officerId);
      if (earlier !== undefined && earlier !== unitId) problem(path, `Officer "${officerId}" is pinned (or kept) at both "${earlier}" and "${unitId}".`);
      if (forbidden.has(`${officerId}\u0000${unitId}`)) problem(path, `Officer "${officerId}" is both pinned (or kept) at and forbidden from unit "${unitId}".`);
      fixed.set(officerId, unitId);
    };
    const released = new Set(instance.rules.released);
    instance.officers.forEach((officer, index) => {
      if (officer.assignedUnitId !== null && !released.has(officer.id)) addFixed(officer.id, officer.assignedUnitId, ["officers", index, "assignedUnitId"]);
    });
    instance.rules.pinned.forEach(([officerId, unitId], index) => addFixed(officerId, unitId, ["rules", "pinned", index]));
    const departments = new Map(instance.officers.map((officer) => [officer.id, officer.department]));
    const perUnit = new Map<string, number>();
    const perDepartment = new Map<string, number>();
    for (const [officerId, unitId] of fixed) {
      if (!units.has(unitId) || !departments.has(officerId)) continue;
      perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + 1);
      const key = `${departments.get(officerId)}\u0000${unitId}`;
      perDepartment.set(key, (perDepartment.get(key) ?? 0) + 1);
    }
    for (const [unitId, count] of perUnit) {
      const capacity = units.get(unitId)!.capacity;
      if (count > capacity) problem(["rules", "pinned"], `Unit "${unitId}" has ${capacity} place(s) but ${count} officers are pinned or kept there.`);
    }
    const cap = instance.rules.maxPerDepartmentPerUnit;
    if (cap !== null)
      for (const [key, count] of perDepartment)
        if (count > cap) {
          const [department, unitId] = key.split("\u0000");
          problem(["rules", "pinned"], `${count} officers of department "${department}" are pinned or kept at unit "${unitId}", above maxPerDepartmentPerUnit ${cap}.`);
        }
  });
export type MatchingInstance = z.output<typeof instanceSchema>;
export type MatchingInstanceInput = z.input<typeof instanceSchema>;
export type MatchingOfficer = MatchingInstance["officers"][number];
export type MatchingUnit = MatchingInstance["units"][number];

/** Each part in points (weight × mark); `coverage` is the bonus every assignment carries (see decision 073). */
export const breakdownSchema = z.object({
  coverage: z.number(),
  fieldFit: z.number(),
  preference: z.number(),
  wish: z.number(),
  rankBand: z.number(),
});
export type ValueBreakdown = z.output<typeof breakdownSchema>;

const valuedOfficer = z.object({ officerId: id, value: z.number() });

/** Why an officer did not get their first choice; each is a statement about the result that a test checks. */
export const firstChoiceReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("forbidden"), unitId: id, text: z.string() }),
  z.object({ code: z.literal("pinnedElsewhere"), unitId: id, pinnedUnitId: id, text: z.string() }),
  z.object({ code: z.literal("rankOutsideBand"), unitId: id, rank, rankMin: rank.nullable(), rankMax: rank.nullable(), text: z.string() }),
  z.object({
    code: z.literal("firstChoiceFull"),
    unitId: id,
    places: z.number().int(),
    takenBy: z.array(valuedOfficer),
    valueThere: z.number(),
    /** true: every officer placed there has at least this officer's value there; false: only the total is higher. */
    allValuedAtLeastAsHigh: z.boolean(),
    text: z.string(),
  }),
  z.object({ code: z.literal("departmentCap"), unitId: id, department: label, maxPerDepartmentPerUnit: z.number().int(), takenBy: z.array(id), text: z.string() }),
  z.object({ code: z.literal("higherValueElsewhere"), unitId: id, valueThere: z.number(), valueHere: z.number(), text: z.string() }),
]);
export type FirstChoiceReason = z.output<typeof firstChoiceReasonSchema>;

export const unassignedReasonSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("noEligibleUnit"), text: z.string() }),
  z.object({ code: z.literal("capacity"), eligibleUnits: z.number().int(), fullUnits: z.number().int(), departmentCappedUnits: z.number().int(), text: z.string() }),
]);
export type UnassignedReason = z.output<typeof unassignedReasonSchema>;

export const resultSchema = z.object({
  pairs: z.array(z.object({ officerId: id, unitId: id, value: z.number() })),
  assignments: z.array(
    z.object({
      officerId: id,
      unitId: id,
      value: z.number(),
      source: z.enum(["optimised", "pinned", "kept"]),
      breakdown: breakdownSchema,
      notFirstChoice: firstChoiceReasonSchema.nullable(),
    }),
  ),
  unassigned: z.array(z.object({ officerId: id, reason: unassignedReasonSchema, notFirstChoice: firstChoiceReasonSchema.nullable() })),
  objective: z.number(),
  coverageBonus: z.number(),
  weights: weightsSchema,
  solveMs: z.number(),
});
export type MatchingResult = z.output<typeof resultSchema>;
export type MatchingAssignment = MatchingResult["assignments"][number];

/** A result without `pairs` (solve option `withoutPairs`, CLI `--without-pairs`): everything else as in resultSchema. */
export const compactResultSchema = resultSchema.omit({ pairs: true });
export type CompactMatchingResult = z.output<typeof compactResultSchema>;
