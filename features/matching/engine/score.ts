import type { MatchingInstance, MatchingOfficer, MatchingUnit, MatchingWeights, ValueBreakdown } from "./schemas.ts";

// The value of a pair (docs/matching-format.md, decision 073). Every part is a mark between 0 and 1 times its weight.
// Values are kept as whole micro-points (1e-6 of a point) so that the flow's arithmetic is exact; a result's values
// are those integers divided by MICRO, the same numbers an independent solver is given.

export const MICRO = 1_000_000;

/** The neutral mark for a part the unit does not state (no wanted fields, no rank band). */
const NEUTRAL = 0.5;

/** 1 for the first of n listed, falling evenly to 1/n for the last; 0 when not listed. */
export function listMark(list: readonly string[], item: string): number {
  const position = list.indexOf(item);
  return position < 0 ? 0 : (list.length - position) / list.length;
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
    preference: points(weights.preference, listMark(officer.preferences, unit.id)),
    wish: points(weights.wish, listMark(unit.wishes, officer.id)),
    rankBand: points(weights.rankBand, rankBandMark(officer.rank, unit)),
  };
}

/** sumParts(scoreParts(…)) without the allocation: the engine computes it for every pair. */
export function scoreMicro(officer: MatchingOfficer, unit: MatchingUnit, weights: MatchingWeights): number {
  return (
    Math.round(weights.fieldFit * fieldFitMark(officer, unit) * MICRO) +
    Math.round(weights.preference * listMark(officer.preferences, unit.id) * MICRO) +
    Math.round(weights.wish * listMark(unit.wishes, officer.id) * MICRO) +
    Math.round(weights.rankBand * rankBandMark(officer.rank, unit) * MICRO)
  );
}

export function sumParts(parts: Omit<ValueBreakdown, "coverage">): number {
  return parts.fieldFit + parts.preference + parts.wish + parts.rankBand;
}

export const pairKey = (officerId: string, unitId: string) => `${officerId}\u0000${unitId}`;

export type PreparedInstance = {
  instance: MatchingInstance;
  officerIndex: Map<string, number>;
  unitIndex: Map<string, number>;
  forbidden: Set<string>;
  /** Officer index → unit index they must have (pinned, or kept because not released). */
  fixed: Map<number, { unitIndex: number; source: "pinned" | "kept" }>;
  /** Per officer: the units it may be given by the optimisation (band and forbids), with the score in micro-points. */
  eligible: { unitIndex: number; score: number }[][];
};

export function prepareInstance(instance: MatchingInstance): PreparedInstance {
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
  const eligible = scoreEligiblePairs(instance, unitIndex, officerIndex);
  return { instance, officerIndex, unitIndex, forbidden, fixed, eligible };
}

/**
 * The coverage bonus in micro-points: one more than the sum of every officer's best score, so that any assignment
 * placing k + 1 officers is worth more than any placing k. Maximising the total therefore places as many officers
 * as the rules allow first, and only then prefers higher scores (decision 073).
 */
export function coverageBonus(prepared: PreparedInstance): number {
  let total = 0;
  prepared.eligible.forEach((options, officer) => {
    let best = 0;
    for (const option of options) best = Math.max(best, option.score);
    const fixed = prepared.fixed.get(officer);
    if (fixed) {
      const { instance } = prepared;
      best = Math.max(best, sumParts(scoreParts(instance.officers[officer], instance.units[fixed.unitIndex], instance.weights)));
    }
    total += best;
  });
  // Whole points, so that the bonus reads as a round number in the breakdown.
  return (Math.floor(total / MICRO) + 1) * MICRO;
}

/**
 * Every eligible pair's score, officer by officer, through inverted lists (units by wanted field, wishes by officer)
 * so that the work per pair is a few array reads. Gives exactly scoreMicro's numbers (score.test.ts checks).
 */
function scoreEligiblePairs(instance: MatchingInstance, unitIndex: Map<string, number>, officerIndex: Map<string, number>) {
  const { units, officers, weights } = instance;
  const unitCount = units.length;
  const part = (weight: number, mark: number) => Math.round(weight * mark * MICRO);
  const unitsByField = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const field of new Set(unit.fields)) unitsByField.set(field, [...(unitsByField.get(field) ?? []), index]);
  });
  const wishesByOfficer = new Map<number, { unit: number; points: number }[]>();
  units.forEach((unit, index) => {
    for (const officerId of unit.wishes) {
      const officer = officerIndex.get(officerId)!;
      wishesByOfficer.set(officer, [...(wishesByOfficer.get(officer) ?? []), { unit: index, points: part(weights.wish, listMark(unit.wishes, officerId)) }]);
    }
  });
  const forbiddenUnits = new Map<string, Set<number>>();
  for (const [officerId, unitId] of instance.rules.forbidden) forbiddenUnits.set(officerId, (forbiddenUnits.get(officerId) ?? new Set()).add(unitIndex.get(unitId)!));
  const neutralFieldPoints = part(weights.fieldFit, NEUTRAL);
  const shared = new Int32Array(unitCount);
  const extra = new Float64Array(unitCount);
  return officers.map((officer, officerPosition) => {
    shared.fill(0);
    extra.fill(0);
    for (const field of new Set(officer.fields)) for (const unit of unitsByField.get(field) ?? []) shared[unit]++;
    officer.preferences.forEach((unitId) => {
      extra[unitIndex.get(unitId)!] += part(weights.preference, listMark(officer.preferences, unitId));
    });
    for (const wish of wishesByOfficer.get(officerPosition) ?? []) extra[wish.unit] += wish.points;
    const forbids = forbiddenUnits.get(officer.id);
    const options: { unitIndex: number; score: number }[] = [];
    for (let index = 0; index < unitCount; index++) {
      const unit = units[index];
      if (!isRankInBand(officer.rank, unit) || forbids?.has(index)) continue;
      const fieldPoints = unit.fields.length === 0 ? neutralFieldPoints : part(weights.fieldFit, shared[index] / unit.fields.length);
      options.push({ unitIndex: index, score: fieldPoints + extra[index] + part(weights.rankBand, rankBandMark(officer.rank, unit)) });
    }
    return options;
  });
}
