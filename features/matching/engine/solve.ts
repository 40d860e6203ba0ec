import { explainFirstChoice, explainUnassigned, type ResultState } from "./explain.ts";
import { IncrementalCirculation } from "./flow.ts";
import { instanceSchema, type CompactMatchingResult, type MatchingInstance, type MatchingInstanceInput, type MatchingResult } from "./schemas.ts";
import { coverageBonus, MICRO, prepareRules, scoreEligiblePairs, scoreParts, sumParts } from "./score.ts";

// The engine: source → officer → (department, unit) → unit → sink, solved exactly as a minimum-cost circulation
// (flow.ts). Pinned and kept officers are placed first and take their places out of the capacities, so the flow
// only decides the others; the department cap sits on the (department, unit) → unit arcs (decision 073).

const UNLIMITED = 1e9;
const TOO_LARGE = "The instance is too large for exact arithmetic (officers × values beyond 2^53 micro-points): lower the weights or split the instance.";
/** How many of an officer's best arcs the flow starts with; pricing adds any other that could matter. */
const INITIAL_ARCS_PER_OFFICER = 24;
/** A pricing round adding more than one arc per this many free officers solves again from no flow (decision 074). */
const WARM_START_SHARE = 4;

export type SolveOptions = {
  clock?: () => number;
  /** How many of each officer's best arcs the first pricing round starts with (tests use 1 to exercise pricing). */
  initialArcsPerOfficer?: number;
  /**
   * A pricing round that adds at most this many arcs goes on from the previous round's flow; more, and it solves
   * again from no flow. Default: one per four free officers. Tests use 0 and Infinity to exercise both ways.
   */
  warmStartMaxArcs?: number;
  /**
   * Leave out `pairs` (every eligible pair: ≈ 370,000 entries, ≈ 20 MB of JSON at 2,000 × 300) when only the
   * assignment is wanted; the result is then a CompactMatchingResult.
   */
  withoutPairs?: boolean;
};

/** Parses with the instance schema (throws a ZodError on bad input), then solves. */
export function solveMatchingInput(input: MatchingInstanceInput, options?: SolveOptions & { withoutPairs?: false }): MatchingResult;
export function solveMatchingInput(input: MatchingInstanceInput, options: SolveOptions & { withoutPairs: true }): CompactMatchingResult;
export function solveMatchingInput(input: MatchingInstanceInput, options?: SolveOptions): MatchingResult | CompactMatchingResult;
export function solveMatchingInput(input: MatchingInstanceInput, options: SolveOptions = {}): MatchingResult | CompactMatchingResult {
  return solveMatching(instanceSchema.parse(input), options);
}

export function solveMatching(instance: MatchingInstance, options?: SolveOptions & { withoutPairs?: false }): MatchingResult;
export function solveMatching(instance: MatchingInstance, options: SolveOptions & { withoutPairs: true }): CompactMatchingResult;
export function solveMatching(instance: MatchingInstance, options?: SolveOptions): MatchingResult | CompactMatchingResult;
export function solveMatching(instance: MatchingInstance, options: SolveOptions = {}): MatchingResult | CompactMatchingResult {
  const clock = options.clock ?? (() => performance.now());
  const initialArcs = Math.max(1, options.initialArcsPerOfficer ?? INITIAL_ARCS_PER_OFFICER);
  const started = clock();
  const prepared = prepareRules(instance);
  const eligible = scoreEligiblePairs(prepared);
  const coverage = coverageBonus(prepared, eligible);
  // Every cost, potential and the objective are whole micro-points; past 2^53 a double cannot hold them exactly.
  if ((coverage + coverage) * Math.max(1, instance.officers.length) > Number.MAX_SAFE_INTEGER)
    throw new RangeError(TOO_LARGE);
  const { officers, units, rules } = instance;
  const assignedUnit = new Int32Array(officers.length).fill(-1);
  const sources: ("optimised" | "pinned" | "kept")[] = new Array(officers.length).fill("optimised");

  const departmentIds = new Map<string, number>();
  const departmentOf = officers.map((officer) => {
    if (!departmentIds.has(officer.department)) departmentIds.set(officer.department, departmentIds.size);
    return departmentIds.get(officer.department)!;
  });
  const placesLeft = units.map((unit) => unit.capacity);
  const departmentTaken = new Map<number, number>();
  const departmentKey = (department: number, unit: number) => department * units.length + unit;
  for (const [officer, pin] of prepared.fixed) {
    assignedUnit[officer] = pin.unitIndex;
    sources[officer] = pin.source;
    placesLeft[pin.unitIndex]--;
    const key = departmentKey(departmentOf[officer], pin.unitIndex);
    departmentTaken.set(key, (departmentTaken.get(key) ?? 0) + 1);
  }

  const { start: pairStart, unit: pairUnit, score: pairScore } = eligible;
  const free = officers.map((_, index) => index).filter((index) => !prepared.fixed.has(index) && pairStart[index + 1] > pairStart[index]);
  const SOURCE = 0;
  const SINK = 1;
  const officerNode = (position: number) => 2 + position;
  const unitNode = (unit: number) => 2 + free.length + unit;
  const firstGroupNode = 2 + free.length + units.length;
  // The (department, unit) node of every eligible pair of a free officer, numbered in the order first met.
  const pairGroup = new Int32Array(pairUnit.length);
  const groupKeys: number[] = [];
  const groupNodes = new Map<number, number>();
  for (const officer of free) {
    for (let pair = pairStart[officer]; pair < pairStart[officer + 1]; pair++) {
      const key = departmentKey(departmentOf[officer], pairUnit[pair]);
      let node = groupNodes.get(key);
      if (node === undefined) {
        node = firstGroupNode + groupKeys.length;
        groupNodes.set(key, node);
        groupKeys.push(key);
      }
      pairGroup[pair] = node;
    }
  }

  // One network for every pricing round (decision 074). Sized for every eligible arc, though few ever join.
  const nodeCount = firstGroupNode + groupKeys.length;
  const maxDegree = new Int32Array(nodeCount);
  maxDegree[SOURCE] = free.length + 1;
  maxDegree[SINK] = units.length + 1;
  let eligibleArcs = 0;
  free.forEach((officer, position) => {
    maxDegree[officerNode(position)] = 1 + pairStart[officer + 1] - pairStart[officer];
    for (let pair = pairStart[officer]; pair < pairStart[officer + 1]; pair++) maxDegree[pairGroup[pair]]++;
    eligibleArcs += pairStart[officer + 1] - pairStart[officer];
  });
  for (const key of groupKeys) maxDegree[unitNode(key % units.length)]++;
  for (let node = firstGroupNode; node < nodeCount; node++) maxDegree[node]++;
  units.forEach((_, unit) => maxDegree[unitNode(unit)]++);
  const network = new IncrementalCirculation({ nodeCount, source: SOURCE, maxArcs: free.length + eligibleArcs + groupKeys.length + units.length + 1, maxDegree });
  /** The arc of each eligible pair once it has joined the network, else -1. */
  const pairArc = new Int32Array(pairUnit.length).fill(-1);
  const addPairArc = (position: number, pair: number, capacity: number, startsClosed = false) => {
    pairArc[pair] = network.addArc(officerNode(position), pairGroup[pair], capacity, -(coverage + pairScore[pair]), startsClosed);
    return pairArc[pair];
  };

  // Pricing (decision 073): the flow starts with each officer's best-scoring arcs only. When it is done, its
  // potentials price every arc left out; an arc with a negative reduced cost could improve the result, so it joins
  // and the flow goes on from where it was (decision 074). When none is negative the potentials prove the result
  // optimal for the whole network. Arcs are added in the order the first network of decision 073 had them (each
  // officer's best first, ties by unit), so that a small instance, which needs no pricing, is solved the same way.
  const sourceArcs = free.map((_, position) => network.addArc(SOURCE, officerNode(position), 0, 0));
  const best = new Int32Array(initialArcs);
  free.forEach((officer, position) => {
    const count = selectBest(pairStart[officer], pairStart[officer + 1], pairScore, best);
    for (let index = 0; index < count; index++) addPairArc(position, best[index], 1);
  });
  groupKeys.forEach((key, index) => {
    const capacity = rules.maxPerDepartmentPerUnit === null ? UNLIMITED : Math.max(0, rules.maxPerDepartmentPerUnit - (departmentTaken.get(key) ?? 0));
    network.addArc(firstGroupNode + index, unitNode(key % units.length), capacity, 0);
  });
  units.forEach((_, unit) => network.addArc(unitNode(unit), SINK, Math.max(0, placesLeft[unit]), 0));
  network.addArc(SINK, SOURCE, UNLIMITED, 0);
  // Every potential starts at 0, which makes every arc's reduced cost non-negative except the officers' own, and
  // each officer's potential is set when its source arc opens.
  for (const arc of sourceArcs) network.open(arc);

  /** The pair whose arc carries the officer's flow, or -1. */
  const usedPair = (officer: number) => {
    for (let pair = pairStart[officer]; pair < pairStart[officer + 1]; pair++) if (pairArc[pair] >= 0 && network.flow(pairArc[pair]) > 0) return pair;
    return -1;
  };
  // Per round, the arcs that join (flat, officer by officer) and the officers whose source arc opens again.
  let joining = new Int32Array(64);
  const joiningEnd = new Int32Array(free.length);
  const reopen = new Uint8Array(free.length);
  const warmStartMaxArcs = options.warmStartMaxArcs ?? Math.ceil(free.length / WARM_START_SHARE);
  let roundsWithoutArcs = 0;
  for (;;) {
    if (!network.potential.every((value) => Number.isSafeInteger(value))) throw new RangeError(TOO_LARGE);
    // Pricing with the potentials that make the arcs left out look worst while still proving the flow optimal:
    // the lowest for the (department, unit) nodes, then for each officer the highest its own arcs allow (an assigned
    // officer's arc in use, an unassigned officer's source arc), which no other arc depends on.
    const potential = network.lowestPotentials();
    let added = 0;
    let reopened = 0;
    free.forEach((officer, position) => {
      const used = usedPair(officer);
      // Unassigned: bounded by its source arc, open in the whole network even where a search closed it because
      // the arcs it had led nowhere (arcs added now may lead somewhere).
      const officerPotential = used >= 0 ? potential[pairGroup[used]] + coverage + pairScore[used] : potential[SOURCE];
      // A search closes an unassigned officer's source arc when its arcs lead nowhere; the flow may have moved since,
      // so its arcs in the network are priced too, and a negative one opens the source arc again.
      const isClosed = used < 0 && network.residualCapacity(sourceArcs[position]) === 0;
      reopen[position] = 0;
      for (let pair = pairStart[officer]; pair < pairStart[officer + 1]; pair++) {
        if (-(coverage + pairScore[pair]) + officerPotential - potential[pairGroup[pair]] >= 0) continue;
        if (pairArc[pair] >= 0) {
          if (isClosed) reopen[position] = 1;
          continue;
        }
        if (added === joining.length) {
          const grown = new Int32Array(2 * joining.length);
          grown.set(joining);
          joining = grown;
        }
        joining[added++] = pair;
      }
      joiningEnd[position] = added;
      reopened += reopen[position];
    });
    if (added === 0 && reopened === 0) break;
    // Every round adds arcs, or places an officer whose source arc opens again; a round that can do neither means
    // the potentials are wrong, and saying so beats looping for ever.
    if (added === 0 && ++roundsWithoutArcs > free.length) throw new Error("Matching: pricing does not converge (an engine defect).");
    if (added > warmStartMaxArcs) {
      // Many arcs join: solving again from no flow costs less than opening each one (decision 074).
      free.forEach((_, position) => {
        for (let index = position === 0 ? 0 : joiningEnd[position - 1]; index < joiningEnd[position]; index++) addPairArc(position, joining[index], 1);
      });
      network.reset();
      for (const arc of sourceArcs) network.open(arc);
      continue;
    }
    // Few arcs join: the flow and potentials stay, and each arc is opened where the flow is (decision 074).
    network.adoptPotentials(potential);
    free.forEach((officer, position) => {
      const from = position === 0 ? 0 : joiningEnd[position - 1];
      const to = joiningEnd[position];
      if (from === to && !reopen[position]) return;
      if (usedPair(officer) < 0) {
        // Without flow nothing enters the officer but its source arc: add its new arcs and open the source arc again.
        for (let index = from; index < to; index++) addPairArc(position, joining[index], 1);
        network.open(sourceArcs[position]);
      } else {
        for (let index = from; index < to; index++) network.openArc(addPairArc(position, joining[index], 1, true));
      }
    });
  }
  free.forEach((officer) => {
    const used = usedPair(officer);
    if (used >= 0) assignedUnit[officer] = pairUnit[used];
  });

  const occupants: number[][] = units.map(() => []);
  assignedUnit.forEach((unit, officer) => {
    if (unit >= 0) occupants[unit].push(officer);
  });
  const state: ResultState = { prepared, coverage, assignedUnit, occupants };

  const pairs: MatchingResult["pairs"] = [];
  if (!options.withoutPairs) officers.forEach((officer, index) => {
    const fixedUnit = prepared.fixed.get(index)?.unitIndex;
    let fixedListed = false;
    for (let pair = pairStart[index]; pair < pairStart[index + 1]; pair++) {
      pairs.push({ officerId: officer.id, unitId: units[pairUnit[pair]].id, value: (coverage + pairScore[pair]) / MICRO });
      if (pairUnit[pair] === fixedUnit) fixedListed = true;
    }
    // A pin may go beyond the rank band (the host side chose it): it is still a pair an assignment may use.
    if (fixedUnit !== undefined && !fixedListed) {
      const score = sumParts(scoreParts(officer, units[fixedUnit], instance.weights));
      pairs.push({ officerId: officer.id, unitId: units[fixedUnit].id, value: (coverage + score) / MICRO });
    }
  });

  const assignments: MatchingResult["assignments"] = [];
  const unassigned: MatchingResult["unassigned"] = [];
  let objective = 0;
  officers.forEach((officer, index) => {
    const unit = assignedUnit[index];
    if (unit < 0) {
      unassigned.push({ officerId: officer.id, reason: explainUnassigned(state, index), notFirstChoice: explainFirstChoice(state, index) });
      return;
    }
    const parts = scoreParts(officer, units[unit], instance.weights);
    const value = coverage + sumParts(parts);
    objective += value;
    assignments.push({
      officerId: officer.id,
      unitId: units[unit].id,
      value: value / MICRO,
      source: sources[index],
      breakdown: {
        coverage: coverage / MICRO,
        fieldFit: parts.fieldFit / MICRO,
        preference: parts.preference / MICRO,
        wish: parts.wish / MICRO,
        rankBand: parts.rankBand / MICRO,
      },
      notFirstChoice: explainFirstChoice(state, index),
    });
  });

  const result = {
    assignments,
    unassigned,
    objective: objective / MICRO,
    coverageBonus: coverage / MICRO,
    weights: instance.weights,
    solveMs: Math.round((clock() - started) * 10) / 10,
  };
  return options.withoutPairs ? result : { pairs, ...result };
}

/**
 * Writes into best the indexes (from … to − 1) of the highest scores, at most best.length of them, highest first and
 * ties in index order (the order a stable sort gives); returns how many. One pass, no allocation.
 */
function selectBest(from: number, to: number, score: Float64Array, best: Int32Array): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const value = score[index];
    if (count === best.length && value <= score[best[count - 1]]) continue;
    let position = count < best.length ? count++ : count - 1;
    while (position > 0 && score[best[position - 1]] < value) {
      best[position] = best[position - 1];
      position--;
    }
    best[position] = index;
  }
  return count;
}
