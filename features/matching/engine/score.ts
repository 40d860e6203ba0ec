import type { MatchingInstance, MatchingOfficer, MatchingUnit, MatchingWeights, ValueBreakdown } from "./schemas.ts";

// The value of a pair (docs/matching-format.md, decision 073). Every part is a mark between 0 and 1 times its weight.
// Values are kept as whole micro-points (1e-6 of a point) so that the flow's arithmetic is exact; a result's values
// are those integers divided by MICRO, the same numbers an independent solver is given.

export const MICRO = 1_000_000;

/** The neutral mark for a part the unit does not state (no wanted fields, no rank band). */
const NEUTRAL = 0.5;

/** The mark of the item at a position (0 = first) of a ranked list of that length. */
const rankedMark = (position: number, length: number) => (length - position) / length;

/** 1 for the first of n listed, falling evenly to 1/n for the last; 0 when not listed. */
export function listMark(list: readonly string[], item: string): number {
  const position = list.indexOf(item);
  return position < 0 ? 0 : rankedMark(position, list.length);
}

/**
 * The officer's preference for a unit (decision 117). The officer's ranking is one list: the units named, then the
 * fields of work, n + m places in all, marked as listMark does. A named unit takes its own place; a unit not named
 * takes the place of the best-ranked preferred field it wants; otherwise 0. A named unit is therefore always marked
 * higher than any unit reached through a field, and with no field preferences this is listMark of the units.
 */
export function preferenceMark(officer: MatchingOfficer, unit: MatchingUnit): number {
  const length = officer.preferences.length + officer.fieldPreferences.length;
  const named = officer.preferences.indexOf(unit.id);
  if (named >= 0) return rankedMark(named, length);
  const field = officer.fieldPreferences.findIndex((code) => unit.fields.includes(code));
  return field < 0 ? 0 : rankedMark(officer.preferences.length + field, length);
}

/** The share of the unit's wanted fields the officer brings. */
export function fieldFitMark(officer: MatchingOfficer, unit: MatchingUnit): number {
  if (unit.fields.length === 0) return NEUTRAL;
  let shared = 0;
  for (const field of unit.fields) if (officer.fields.includes(field)) shared++;
  return shared / unit.fields.length;
}

export function isRankInBand(officerRank: number, unit: MatchingUnit): boolean {
  return (unit.rankMin === null || officerRank >= unit.rankMin) && (unit.rankMax === null || officerRank <= unit.rankMax);
}

/** Inside a two-sided band: 1 at its middle, 1/(half width + 1) at its edges. One-sided band: 1. No band: neutral. */
export function rankBandMark(officerRank: number, unit: MatchingUnit): number {
  if (unit.rankMin === null && unit.rankMax === null) return NEUTRAL;
  if (!isRankInBand(officerRank, unit)) return 0;
  if (unit.rankMin === null || unit.rankMax === null) return 1;
  const half = (unit.rankMax - unit.rankMin) / 2;
  return 1 - Math.abs(officerRank - (unit.rankMin + half)) / (half + 1);
}

/** The score's parts in micro-points, without the coverage bonus. */
export function scoreParts(officer: MatchingOfficer, unit: MatchingUnit, weights: MatchingWeights): Omit<ValueBreakdown, "coverage"> {
  const points = (weight: number, mark: number) => Math.round(weight * mark * MICRO);
  return {
    fieldFit: points(weights.fieldFit, fieldFitMark(officer, unit)),
    preference: points(weights.preference, preferenceMark(officer, unit)),
    wish: points(weights.wish, listMark(unit.wishes, officer.id)),
    rankBand: points(weights.rankBand, rankBandMark(officer.rank, unit)),
  };
}

/** sumParts(scoreParts(…)) without the allocation: the engine computes it for every pair. */
export function scoreMicro(officer: MatchingOfficer, unit: MatchingUnit, weights: MatchingWeights): number {
  return (
    Math.round(weights.fieldFit * fieldFitMark(officer, unit) * MICRO) +
    Math.round(weights.preference * preferenceMark(officer, unit) * MICRO) +
    Math.round(weights.wish * listMark(unit.wishes, officer.id) * MICRO) +
    Math.round(weights.rankBand * rankBandMark(officer.rank, unit) * MICRO)
  );
}

export function sumParts(parts: Omit<ValueBreakdown, "coverage">): number {
  return parts.fieldFit + parts.preference + parts.wish + parts.rankBand;
}

export const pairKey = (officerId: string, unitId: string) => `${officerId}\u0000${unitId}`;

export type PreparedRules = {
  instance: MatchingInstance;
  officerIndex: Map<string, number>;
  unitIndex: Map<string, number>;
  forbidden: Set<string>;
  /** Officer index → unit index they must have (pinned, or kept because not released). */
  fixed: Map<number, { unitIndex: number; source: "pinned" | "kept" }>;
};

/**
 * Every eligible pair in three flat arrays, officer by officer in unit order: officer o's pairs are the indexes
 * start[o] … start[o + 1] − 1 of unit (the unit's index) and score (micro-points). No object per pair: at 2,000 × 300
 * that is 370,000 pairs the garbage collector never sees (decision 074).
 */
export type EligiblePairs = { start: Int32Array; unit: Int32Array; score: Float64Array };

export type PreparedInstance = PreparedRules & {
  /** Per officer: the units it may be given by the optimisation (band and forbids), with the score in micro-points. */
  eligible: { unitIndex: number; score: number }[][];
};

export function prepareRules(instance: MatchingInstance): PreparedRules {
  const officerIndex = new Map(instance.officers.map((officer, index) => [officer.id, index]));
  const unitIndex = new Map(instance.units.map((unit, index) => [unit.id, index]));
  const forbidden = new Set(instance.rules.forbidden.map(([officerId, unitId]) => pairKey(officerId, unitId)));
  const released = new Set(instance.rules.released);
  const fixed = new Map<number, { unitIndex: number; source: "pinned" | "kept" }>();
  instance.officers.forEach((officer, index) => {
    if (officer.assignedUnitId !== null && !released.has(officer.id)) fixed.set(index, { unitIndex: unitIndex.get(officer.assignedUnitId)!, source: "kept" });
  });
  for (const [officerId, unitId] of instance.rules.pinned) {
    const index = officerIndex.get(officerId)!;
    if (fixed.get(index)?.source !== "kept") fixed.set(index, { unitIndex: unitIndex.get(unitId)!, source: "pinned" });
  }
  return { instance, officerIndex, unitIndex, forbidden, fixed };
}

/** The rules and every eligible pair as objects: the readable form (tests); the engine uses scoreEligiblePairs. */
export function prepareInstance(instance: MatchingInstance): PreparedInstance {
  const rules = prepareRules(instance);
  const pairs = scoreEligiblePairs(rules);
  const eligible = instance.officers.map((_, officer) => {
    const options: { unitIndex: number; score: number }[] = [];
    for (let index = pairs.start[officer]; index < pairs.start[officer + 1]; index++) options.push({ unitIndex: pairs.unit[index], score: pairs.score[index] });
    return options;
  });
  return { ...rules, eligible };
}

/**
 * The coverage bonus in micro-points: one more than the sum of every officer's best score, so that any assignment
 * placing k + 1 officers is worth more than any placing k. Maximising the total therefore places as many officers
 * as the rules allow first, and only then prefers higher scores (decision 073).
 */
export function coverageBonus(rules: PreparedRules, pairs: EligiblePairs): number {
  const { instance } = rules;
  let total = 0;
  for (let officer = 0; officer < instance.officers.length; officer++) {
    let best = 0;
    for (let index = pairs.start[officer]; index < pairs.start[officer + 1]; index++) best = Math.max(best, pairs.score[index]);
    const fixed = rules.fixed.get(officer);
    if (fixed) best = Math.max(best, sumParts(scoreParts(instance.officers[officer], instance.units[fixed.unitIndex], instance.weights)));
    total += best;
  }
  // Whole points, so that the bonus reads as a round number in the breakdown.
  return (Math.floor(total / MICRO) + 1) * MICRO;
}

/**
 * Every eligible pair's score, officer by officer, through inverted lists (units by wanted field, wishes by officer)
 * so that the work per pair is a few array reads. Gives exactly scoreMicro's numbers (solve.test.ts checks).
 */
export function scoreEligiblePairs(rules: PreparedRules): EligiblePairs {
  const { instance, unitIndex, officerIndex } = rules;
  const { units, officers, weights } = instance;
  const unitCount = units.length;
  const part = (weight: number, mark: number) => Math.round(weight * mark * MICRO);
  const unitsByField = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const field of new Set(unit.fields)) {
      const list = unitsByField.get(field);
      if (list) list.push(index);
      else unitsByField.set(field, [index]);
    }
  });
  const wishesByOfficer = new Map<number, { unit: number; points: number }[]>();
  units.forEach((unit, index) => {
    unit.wishes.forEach((officerId, position) => {
      const officer = officerIndex.get(officerId)!;
      // listMark(unit.wishes, officerId), without searching the list again.
      const wish = { unit: index, points: part(weights.wish, (unit.wishes.length - position) / unit.wishes.length) };
      const list = wishesByOfficer.get(officer);
      if (list) list.push(wish);
      else wishesByOfficer.set(officer, [wish]);
    });
  });
  const forbiddenUnits = new Map<string, Set<number>>();
  for (const [officerId, unitId] of instance.rules.forbidden) forbiddenUnits.set(officerId, (forbiddenUnits.get(officerId) ?? new Set()).add(unitIndex.get(unitId)!));
  const neutralFieldPoints = part(weights.fieldFit, NEUTRAL);
  // Per unit, what does not depend on the officer; the rank band part depends only on the rank, so it is computed
  // once per distinct rank.
  const wantedFields = Int32Array.from(units, (unit) => unit.fields.length);
  const rankPoints = new Map<number, Float64Array>();
  const inBand = new Map<number, Uint8Array>();
  const bandFor = (rank: number) => {
    let points = rankPoints.get(rank);
    if (!points) {
      points = Float64Array.from(units, (unit) => part(weights.rankBand, rankBandMark(rank, unit)));
      rankPoints.set(rank, points);
      inBand.set(rank, Uint8Array.from(units, (unit) => (isRankInBand(rank, unit) ? 1 : 0)));
    }
    return { points, eligible: inBand.get(rank)! };
  };
  const shared = new Int32Array(unitCount);
  const extra = new Float64Array(unitCount);
  const marked = new Uint8Array(unitCount);
  const start = new Int32Array(officers.length + 1);
  let capacity = Math.max(16, Math.min(officers.length * unitCount, 1 << 20));
  let unitOf = new Int32Array(capacity);
  let scoreOf = new Float64Array(capacity);
  let count = 0;
  officers.forEach((officer, officerPosition) => {
    start[officerPosition] = count;
    if (count + unitCount > capacity) {
      capacity = Math.max(capacity * 2, count + unitCount);
      const grownUnits = new Int32Array(capacity);
      grownUnits.set(unitOf.subarray(0, count));
      unitOf = grownUnits;
      const grownScores = new Float64Array(capacity);
      grownScores.set(scoreOf.subarray(0, count));
      scoreOf = grownScores;
    }
    shared.fill(0);
    extra.fill(0);
    for (const field of new Set(officer.fields)) for (const unit of unitsByField.get(field) ?? []) shared[unit]++;
    // preferenceMark, through the inverted lists: named units first, then each unit by its best-ranked wanted field.
    const ranked = officer.preferences.length + officer.fieldPreferences.length;
    marked.fill(0);
    officer.preferences.forEach((unitId, position) => {
      const unit = unitIndex.get(unitId)!;
      extra[unit] += part(weights.preference, rankedMark(position, ranked));
      marked[unit] = 1;
    });
    officer.fieldPreferences.forEach((field, position) => {
      const points = part(weights.preference, rankedMark(officer.preferences.length + position, ranked));
      for (const unit of unitsByField.get(field) ?? []) {
        if (marked[unit]) continue;
        extra[unit] += points;
        marked[unit] = 1;
      }
    });
    for (const wish of wishesByOfficer.get(officerPosition) ?? []) extra[wish.unit] += wish.points;
    const forbids = forbiddenUnits.get(officer.id);
    const band = bandFor(officer.rank);
    for (let index = 0; index < unitCount; index++) {
      if (!band.eligible[index] || forbids?.has(index)) continue;
      const fieldPoints = wantedFields[index] === 0 ? neutralFieldPoints : part(weights.fieldFit, shared[index] / wantedFields[index]);
      unitOf[count] = index;
      scoreOf[count] = fieldPoints + extra[index] + band.points[index];
      count++;
    }
  });
  start[officers.length] = count;
  return { start, unit: unitOf.slice(0, count), score: scoreOf.slice(0, count) };
}
