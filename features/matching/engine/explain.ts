import type { FirstChoiceReason, UnassignedReason } from "./schemas.ts";
import { isRankInBand, MICRO, pairKey, scoreParts, sumParts, type PreparedRules } from "./score.ts";

// Reasons are statements about the result, chosen in an order where each is true when given (explain.test.ts and the
// property test check every one against the result). Text is English for the CLI; the app renders code and data.

export type ResultState = {
  prepared: PreparedRules;
  coverage: number;
  /** Officer index → unit index, or -1. */
  assignedUnit: Int32Array;
  occupants: number[][];
};

const points = (micro: number) => micro / MICRO;
const names = (ids: string[]) => (ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}`);

export function pairValue(state: ResultState, officer: number, unit: number): number {
  const { instance } = state.prepared;
  return state.coverage + sumParts(scoreParts(instance.officers[officer], instance.units[unit], instance.weights));
}

function isEligible(state: ResultState, officer: number, unit: number): boolean {
  const { instance, forbidden } = state.prepared;
  return isRankInBand(instance.officers[officer].rank, instance.units[unit]) && !forbidden.has(pairKey(instance.officers[officer].id, instance.units[unit].id));
}

function departmentOccupants(state: ResultState, officer: number, unit: number): number[] {
  const officers = state.prepared.instance.officers;
  return state.occupants[unit].filter((other) => officers[other].department === officers[officer].department);
}

function isDepartmentCapped(state: ResultState, officer: number, unit: number): boolean {
  const cap = state.prepared.instance.rules.maxPerDepartmentPerUnit;
  return cap !== null && departmentOccupants(state, officer, unit).length >= cap;
}

export function explainFirstChoice(state: ResultState, officer: number): FirstChoiceReason | null {
  const { instance, unitIndex, forbidden, fixed } = state.prepared;
  const person = instance.officers[officer];
  const firstChoice = person.preferences[0];
  if (firstChoice === undefined) return null;
  const unit = unitIndex.get(firstChoice)!;
  const given = state.assignedUnit[officer];
  if (given === unit) return null;
  const target = instance.units[unit];
  if (forbidden.has(pairKey(person.id, firstChoice))) return { code: "forbidden", unitId: firstChoice, text: `First choice ${firstChoice} is forbidden for this officer by the rules.` };
  const pin = fixed.get(officer);
  if (pin) {
    const pinnedUnitId = instance.units[pin.unitIndex].id;
    const text = pin.source === "kept" ? `Already assigned to ${pinnedUnitId} and not released.` : `Pinned to ${pinnedUnitId}.`;
    return { code: "pinnedElsewhere", unitId: firstChoice, pinnedUnitId, text };
  }
  if (!isRankInBand(person.rank, target)) {
    const band = `${target.rankMin ?? "any"}–${target.rankMax ?? "any"}`;
    return { code: "rankOutsideBand", unitId: firstChoice, rank: person.rank, rankMin: target.rankMin, rankMax: target.rankMax, text: `Rank ${person.rank} is outside first choice ${firstChoice}'s rank band ${band}.` };
  }
  const valueThere = pairValue(state, officer, unit);
  if (state.occupants[unit].length >= target.capacity) {
    const takenBy = state.occupants[unit].map((other) => ({ officerId: instance.officers[other].id, value: points(pairValue(state, other, unit)) }));
    const allValuedAtLeastAsHigh = takenBy.every((taken) => taken.value >= points(valueThere));
    const opening = target.capacity === 0 ? `First choice ${firstChoice} had no place` : `First choice ${firstChoice} had ${target.capacity} place${target.capacity === 1 ? "" : "s"}; they went to ${names(takenBy.map((taken) => taken.officerId))}`;
    const text =
      target.capacity === 0
        ? `${opening}.`
        : allValuedAtLeastAsHigh
          ? `${opening}, whose value there was at least as high (${takenBy.map((taken) => taken.value).join(", ")} against ${points(valueThere)}).`
          : `${opening}; giving this officer one of those places would not raise the total value.`;
    return { code: "firstChoiceFull", unitId: firstChoice, places: target.capacity, takenBy, valueThere: points(valueThere), allValuedAtLeastAsHigh, text };
  }
  if (isDepartmentCapped(state, officer, unit)) {
    const cap = instance.rules.maxPerDepartmentPerUnit!;
    const takenBy = departmentOccupants(state, officer, unit).map((other) => instance.officers[other].id);
    return {
      code: "departmentCap",
      unitId: firstChoice,
      department: person.department,
      maxPerDepartmentPerUnit: cap,
      takenBy,
      text: `First choice ${firstChoice} already has ${takenBy.length} officer${takenBy.length === 1 ? "" : "s"} of department ${person.department} (${names(takenBy)}), the most allowed.`,
    };
  }
  if (given < 0) throw new Error(`Officer ${person.id} is unassigned although first choice ${firstChoice} has room: the result is not optimal.`);
  const valueHere = pairValue(state, officer, given);
  if (valueHere < valueThere) throw new Error(`Officer ${person.id} would be worth more at first choice ${firstChoice}: the result is not optimal.`);
  const givenId = instance.units[given].id;
  return {
    code: "higherValueElsewhere",
    unitId: firstChoice,
    valueThere: points(valueThere),
    valueHere: points(valueHere),
    text: `The value at ${givenId} (${points(valueHere)}) is at least as high as at first choice ${firstChoice} (${points(valueThere)}), which still has room.`,
  };
}

export function explainUnassigned(state: ResultState, officer: number): UnassignedReason {
  const { instance } = state.prepared;
  let eligibleUnits = 0;
  let fullUnits = 0;
  let departmentCappedUnits = 0;
  for (let unit = 0; unit < instance.units.length; unit++) {
    if (!isEligible(state, officer, unit)) continue;
    eligibleUnits++;
    if (state.occupants[unit].length >= instance.units[unit].capacity) fullUnits++;
    else if (isDepartmentCapped(state, officer, unit)) departmentCappedUnits++;
    else throw new Error(`Officer ${instance.officers[officer].id} is unassigned although ${instance.units[unit].id} has room: the result is not optimal.`);
  }
  if (eligibleUnits === 0) return { code: "noEligibleUnit", text: "No unit is eligible: every unit is forbidden for this officer or outside the officer's rank." };
  const capped = departmentCappedUnits > 0 ? ` or already has the most officers allowed from department ${instance.officers[officer].department}` : "";
  return {
    code: "capacity",
    eligibleUnits,
    fullUnits,
    departmentCappedUnits,
    text: `Every eligible unit (${eligibleUnits}) is full${capped}.`,
  };
}
