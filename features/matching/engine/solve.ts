import { explainFirstChoice, explainUnassigned, type ResultState } from "./explain.ts";
import { IncrementalCirculation } from "./flow.ts";
import { instanceSchema, type MatchingInstance, type MatchingInstanceInput, type MatchingResult } from "./schemas.ts";
import { coverageBonus, MICRO, prepareInstance, scoreParts, sumParts } from "./score.ts";

// The engine: source → officer → (department, unit) → unit → sink, solved exactly as a minimum-cost circulation
// (flow.ts). Pinned and kept officers are placed first and take their places out of the capacities, so the flow
// only decides the others; the department cap sits on the (department, unit) → unit arcs (decision 073).

const UNLIMITED = 1e9;
const TOO_LARGE = "The instance is too large for exact arithmetic (officers × values beyond 2^53 micro-points): lower the weights or split the instance.";
/** How many of an officer's best arcs the flow starts with; pricing adds any other that could matter. */
const INITIAL_ARCS_PER_OFFICER = 24;

export type SolveOptions = {
  clock?: () => number;
  /** How many of each officer's best arcs the first pricing round starts with (tests use 1 to exercise pricing). */
  initialArcsPerOfficer?: number;
};

/** Parses with the instance schema (throws a ZodError on bad input), then solves. */
export function solveMatchingInput(input: MatchingInstanceInput, options: SolveOptions = {}): MatchingResult {
  return solveMatching(instanceSchema.parse(input), options);
}

export function solveMatching(instance: MatchingInstance, options: SolveOptions = {}): MatchingResult {
  const clock = options.clock ?? (() => performance.now());
  const initialArcs = Math.max(1, options.initialArcsPerOfficer ?? INITIAL_ARCS_PER_OFFICER);
  const started = clock();
  const prepared = prepareInstance(instance);
  const coverage = coverageBonus(prepared);
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

  const free = officers.map((_, index) => index).filter((index) => !prepared.fixed.has(index) && prepared.eligible[index].length > 0);
  const SOURCE = 0;
  const SINK = 1;
  const officerNode = (position: number) => 2 + position;
  const unitNode = (unit: number) => 2 + free.length + unit;
  const groupNodes = new Map<number, number>();
  // Per free officer, aligned with its eligible options: the (department, unit) node of each.
  const optionGroups = free.map((officer) => {
    const options = prepared.eligible[officer];
    const groups = new Int32Array(options.length);
    options.forEach((option, index) => {
      const key = departmentKey(departmentOf[officer], option.unitIndex);
      let node = groupNodes.get(key);
      if (node === undefined) {
        node = 2 + free.length + units.length + groupNodes.size;
        groupNodes.set(key, node);
      }
      groups[index] = node;
    });
    return groups;
  });

  // Pricing (decision 073): the flow starts with each officer's best-scoring arcs only. When it is done, its
  // potentials price every arc left out; an arc with a negative reduced cost could improve the result, so it joins
  // and the flow runs again. When none is negative the potentials prove the result optimal for the whole network.
  // candidates[p] lists officer p's options best first (as indexes into its eligible options).
  const candidates = free.map((officer) => {
    const options = prepared.eligible[officer];
    return Int32Array.from(options.keys()).sort((first, second) => options[second].score - options[first].score);
  });
  const included = candidates.map((options) => Uint8Array.from(options, (_, index) => (index < initialArcs ? 1 : 0)));
  for (;;) {
    const network = new IncrementalCirculation(2 + free.length + units.length + groupNodes.size, SOURCE);
    const sourceArcs = free.map((_, position) => network.addArc(SOURCE, officerNode(position), 0, 0));
    const officerArcs = free.map((officer, position) => {
      const arcs: { unit: number; group: number; score: number; arc: number }[] = [];
      const options = prepared.eligible[officer];
      candidates[position].forEach((optionIndex, index) => {
        if (!included[position][index]) return;
        const { unitIndex: unit, score } = options[optionIndex];
        const group = optionGroups[position][optionIndex];
        arcs.push({ unit, group, score, arc: network.addArc(officerNode(position), group, 1, -(coverage + score)) });
      });
      return arcs;
    });
    for (const [key, node] of groupNodes) {
      const unit = key % units.length;
      const capacity = rules.maxPerDepartmentPerUnit === null ? UNLIMITED : Math.max(0, rules.maxPerDepartmentPerUnit - (departmentTaken.get(key) ?? 0));
      network.addArc(node, unitNode(unit), capacity, 0);
    }
    units.forEach((_, unit) => network.addArc(unitNode(unit), SINK, Math.max(0, placesLeft[unit]), 0));
    network.addArc(SINK, SOURCE, UNLIMITED, 0);
    network.build();
    // Every potential starts at 0, which makes every arc's reduced cost non-negative except the officers' own, and
    // each officer's potential is set when its source arc opens.
    for (const arc of sourceArcs) network.open(arc);

    if (!network.potential.every((value) => Number.isSafeInteger(value)))
      throw new RangeError(TOO_LARGE);

    // Pricing with the potentials that make the arcs left out look worst while still proving the flow optimal:
    // the lowest for the (department, unit) nodes, then for each officer the highest its own arcs allow (an assigned
    // officer's arc in use, an unassigned officer's source arc), which no other arc depends on.
    const potential = network.lowestPotentials();
    let added = 0;
    free.forEach((officer, position) => {
      const used = officerArcs[position].find((option) => network.flow(option.arc) > 0);
      // Unassigned: bounded by its source arc, open in the whole network even where this round closed it because
      // the arcs it had led nowhere (arcs added now may lead somewhere).
      const officerPotential = used ? potential[used.group] + coverage + used.score : potential[SOURCE];
      const order = candidates[position];
      const options = prepared.eligible[officer];
      const groups = optionGroups[position];
      const isIncluded = included[position];
      for (let index = 0; index < order.length; index++) {
        if (isIncluded[index]) continue;
        if (-(coverage + options[order[index]].score) + officerPotential - potential[groups[order[index]]] < 0) {
          isIncluded[index] = 1;
          added++;
        }
      }
    });
    if (added === 0) {
      free.forEach((officer, position) => {
        for (const option of officerArcs[position]) if (network.flow(option.arc) > 0) assignedUnit[officer] = option.unit;
      });
      break;
    }
  }

  const occupants: number[][] = units.map(() => []);
  assignedUnit.forEach((unit, officer) => {
    if (unit >= 0) occupants[unit].push(officer);
  });
  const state: ResultState = { prepared, coverage, assignedUnit, occupants };

  const pairs: MatchingResult["pairs"] = [];
  prepared.eligible.forEach((options, officer) => {
    const fixedUnit = prepared.fixed.get(officer)?.unitIndex;
    let fixedListed = false;
    for (const option of options) {
      pairs.push({ officerId: officers[officer].id, unitId: units[option.unitIndex].id, value: (coverage + option.score) / MICRO });
      if (option.unitIndex === fixedUnit) fixedListed = true;
    }
    // A pin may go beyond the rank band (the host side chose it): it is still a pair an assignment may use.
    if (fixedUnit !== undefined && !fixedListed) {
      const score = sumParts(scoreParts(officers[officer], units[fixedUnit], instance.weights));
      pairs.push({ officerId: officers[officer].id, unitId: units[fixedUnit].id, value: (coverage + score) / MICRO });
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

  return {
    pairs,
    assignments,
    unassigned,
    objective: objective / MICRO,
    coverageBonus: coverage / MICRO,
    weights: instance.weights,
    solveMs: Math.round((clock() - started) * 10) / 10,
  };
}
