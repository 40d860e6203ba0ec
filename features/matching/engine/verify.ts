import type { MatchingInstance, MatchingResult } from "./schemas.ts";
import { isRankInBand, pairKey } from "./score.ts";

// An independent reading of a result against its instance: every rule of the format, checked from the two files
// alone (no engine internals). Used by the tests and by `npm run match -- --check`.

export function findViolations(instance: MatchingInstance, result: MatchingResult): string[] {
  const violations: string[] = [];
  const units = new Map(instance.units.map((unit) => [unit.id, unit]));
  const officers = new Map(instance.officers.map((officer) => [officer.id, officer]));
  const pairs = new Map(result.pairs.map((pair) => [pairKey(pair.officerId, pair.unitId), pair.value]));
  const forbidden = new Set(instance.rules.forbidden.map(([officerId, unitId]) => pairKey(officerId, unitId)));
  const released = new Set(instance.rules.released);
  const required = new Map<string, string>();
  for (const officer of instance.officers) if (officer.assignedUnitId !== null && !released.has(officer.id)) required.set(officer.id, officer.assignedUnitId);
  for (const [officerId, unitId] of instance.rules.pinned) required.set(officerId, unitId);

  const seen = new Set<string>();
  const perUnit = new Map<string, number>();
  const perDepartment = new Map<string, number>();
  let objective = 0;
  for (const assignment of result.assignments) {
    const officer = officers.get(assignment.officerId);
    const unit = units.get(assignment.unitId);
    if (!officer || !unit) {
      violations.push(`Assignment ${assignment.officerId} → ${assignment.unitId} names an unknown officer or unit.`);
      continue;
    }
    if (seen.has(officer.id)) violations.push(`Officer ${officer.id} is assigned more than once.`);
    seen.add(officer.id);
    const key = pairKey(officer.id, unit.id);
    if (forbidden.has(key)) violations.push(`Forbidden pair ${officer.id} → ${unit.id} is assigned.`);
    const mustBe = required.get(officer.id);
    if (mustBe !== undefined && mustBe !== unit.id) violations.push(`Officer ${officer.id} must be at ${mustBe} but is at ${unit.id}.`);
    if (mustBe === undefined && !isRankInBand(officer.rank, unit)) violations.push(`Officer ${officer.id} (rank ${officer.rank}) is outside ${unit.id}'s rank band.`);
    const value = pairs.get(key);
    if (value === undefined) violations.push(`Assignment ${officer.id} → ${unit.id} is not among the pairs.`);
    else if (value !== assignment.value) violations.push(`Assignment ${officer.id} → ${unit.id} has value ${assignment.value}, its pair ${value}.`);
    const parts = assignment.breakdown;
    if (Math.abs(parts.coverage + parts.fieldFit + parts.preference + parts.wish + parts.rankBand - assignment.value) > 1e-6)
      violations.push(`The breakdown of ${officer.id} → ${unit.id} does not add up to its value.`);
    objective += assignment.value;
    perUnit.set(unit.id, (perUnit.get(unit.id) ?? 0) + 1);
    const departmentKey = pairKey(officer.department, unit.id);
    perDepartment.set(departmentKey, (perDepartment.get(departmentKey) ?? 0) + 1);
  }
  for (const [unitId, count] of perUnit) if (count > units.get(unitId)!.capacity) violations.push(`Unit ${unitId} has ${count} officers for ${units.get(unitId)!.capacity} places.`);
  const cap = instance.rules.maxPerDepartmentPerUnit;
  if (cap !== null) for (const [key, count] of perDepartment) if (count > cap) violations.push(`${count} officers of one department at one unit (${key.replace("\u0000", " at ")}), above ${cap}.`);
  for (const [officerId, unitId] of required) if (!seen.has(officerId)) violations.push(`Officer ${officerId} must be at ${unitId} but is unassigned.`);
  const unassigned = new Set(result.unassigned.map((entry) => entry.officerId));
  for (const officer of instance.officers)
    if (seen.has(officer.id) === unassigned.has(officer.id)) violations.push(`Officer ${officer.id} must be either assigned or unassigned, exactly once.`);
  if (Math.abs(objective - result.objective) > 1e-6 * Math.max(1, Math.abs(objective))) violations.push(`The objective ${result.objective} is not the sum of the values, ${objective}.`);
  for (const pair of result.pairs) {
    const officer = officers.get(pair.officerId);
    const unit = units.get(pair.unitId);
    if (!officer || !unit) violations.push(`Pair ${pair.officerId} → ${pair.unitId} names an unknown officer or unit.`);
    else if (forbidden.has(pairKey(officer.id, unit.id))) violations.push(`Forbidden pair ${officer.id} → ${unit.id} is listed as a pair.`);
    else if (!isRankInBand(officer.rank, unit) && required.get(officer.id) !== unit.id) violations.push(`Pair ${officer.id} → ${unit.id} is outside the rank band.`);
  }
  return violations;
}

/** Every stated reason checked against the result; the "would not raise the total" claim is left to a re-solve. */
export function findFalseReasons(instance: MatchingInstance, result: MatchingResult): string[] {
  const problems: string[] = [];
  const units = new Map(instance.units.map((unit) => [unit.id, unit]));
  const pairs = new Map(result.pairs.map((pair) => [pairKey(pair.officerId, pair.unitId), pair.value]));
  const forbidden = new Set(instance.rules.forbidden.map(([officerId, unitId]) => pairKey(officerId, unitId)));
  const given = new Map(result.assignments.map((assignment) => [assignment.officerId, assignment]));
  const occupants = new Map<string, string[]>();
  for (const assignment of result.assignments) occupants.set(assignment.unitId, [...(occupants.get(assignment.unitId) ?? []), assignment.officerId]);
  const officers = new Map(instance.officers.map((officer) => [officer.id, officer]));
  const released = new Set(instance.rules.released);
  const required = new Map<string, string>();
  for (const officer of instance.officers) if (officer.assignedUnitId !== null && !released.has(officer.id)) required.set(officer.id, officer.assignedUnitId);
  for (const [officerId, unitId] of instance.rules.pinned) required.set(officerId, unitId);
  const cap = instance.rules.maxPerDepartmentPerUnit;
  const sameDepartment = (officerId: string, unitId: string) => (occupants.get(unitId) ?? []).filter((other) => officers.get(other)!.department === officers.get(officerId)!.department);
  const sameSet = (first: string[], second: string[]) => first.length === second.length && [...first].sort().join("\u0000") === [...second].sort().join("\u0000");
  const isFull = (unitId: string) => (occupants.get(unitId)?.length ?? 0) >= units.get(unitId)!.capacity;
  const isCapped = (officerId: string, unitId: string) => cap !== null && sameDepartment(officerId, unitId).length >= cap;
  const isEligible = (officerId: string, unitId: string) => !forbidden.has(pairKey(officerId, unitId)) && isRankInBand(officers.get(officerId)!.rank, units.get(unitId)!);

  const entries = [
    ...result.assignments.map((assignment) => ({ officerId: assignment.officerId, unitId: assignment.unitId as string | null, reason: assignment.notFirstChoice })),
    ...result.unassigned.map((entry) => ({ officerId: entry.officerId, unitId: null, reason: entry.notFirstChoice })),
  ];
  for (const { officerId, unitId, reason } of entries) {
    const firstChoice = officers.get(officerId)!.preferences[0];
    const wrong = (message: string) => problems.push(`${officerId}: ${message}`);
    if (firstChoice === undefined || firstChoice === unitId) {
      if (reason) wrong("has a first-choice reason but no first choice to miss.");
      continue;
    }
    if (!reason) {
      wrong(`missed first choice ${firstChoice} without a reason.`);
      continue;
    }
    if (reason.unitId !== firstChoice) wrong(`the reason names ${reason.unitId}, not first choice ${firstChoice}.`);
    switch (reason.code) {
      case "forbidden":
        if (!forbidden.has(pairKey(officerId, firstChoice))) wrong("first choice is not forbidden.");
        break;
      case "pinnedElsewhere":
        if (required.get(officerId) !== reason.pinnedUnitId || unitId !== reason.pinnedUnitId) wrong("is not pinned or kept where the reason says.");
        break;
      case "rankOutsideBand":
        if (isRankInBand(officers.get(officerId)!.rank, units.get(firstChoice)!)) wrong("rank is inside the band.");
        break;
      case "firstChoiceFull": {
        const takenBy = occupants.get(firstChoice) ?? [];
        if (reason.places !== units.get(firstChoice)!.capacity || !isFull(firstChoice)) wrong("first choice is not full.");
        if (!sameSet(takenBy, reason.takenBy.map((taken) => taken.officerId))) wrong("the officers named are not those placed there.");
        if (reason.takenBy.some((taken) => pairs.get(pairKey(taken.officerId, firstChoice)) !== taken.value)) wrong("a stated value is not the pair's value.");
        if (reason.valueThere !== pairs.get(pairKey(officerId, firstChoice))) wrong("the officer's stated value there is not the pair's value.");
        if (reason.allValuedAtLeastAsHigh !== reason.takenBy.every((taken) => taken.value >= reason.valueThere)) wrong("'all valued at least as high' is false.");
        break;
      }
      case "departmentCap":
        if (isFull(firstChoice) || !isCapped(officerId, firstChoice) || !sameSet(sameDepartment(officerId, firstChoice), reason.takenBy)) wrong("the department cap is not what binds.");
        break;
      case "higherValueElsewhere":
        if (unitId === null || isFull(firstChoice) || isCapped(officerId, firstChoice)) wrong("first choice had no room, or the officer is unassigned.");
        else if (reason.valueHere !== pairs.get(pairKey(officerId, unitId)) || reason.valueThere !== pairs.get(pairKey(officerId, firstChoice)) || reason.valueHere < reason.valueThere)
          wrong("the values compared are not the pairs' or not in that order.");
        break;
    }
  }
  for (const entry of result.unassigned) {
    const eligible = instance.units.filter((unit) => isEligible(entry.officerId, unit.id));
    const wrong = (message: string) => problems.push(`${entry.officerId} (unassigned): ${message}`);
    if (given.has(entry.officerId)) wrong("is also assigned.");
    if (entry.reason.code === "noEligibleUnit") {
      if (eligible.length > 0) wrong(`${eligible.length} unit(s) are eligible.`);
    } else {
      const full = eligible.filter((unit) => isFull(unit.id));
      const capped = eligible.filter((unit) => !isFull(unit.id) && isCapped(entry.officerId, unit.id));
      if (full.length + capped.length !== eligible.length) wrong("an eligible unit has room.");
      if (entry.reason.eligibleUnits !== eligible.length || entry.reason.fullUnits !== full.length || entry.reason.departmentCappedUnits !== capped.length) wrong("the counts are wrong.");
    }
  }
  return problems;
}
