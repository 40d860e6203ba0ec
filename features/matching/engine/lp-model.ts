import type { MatchingInstance, MatchingResult } from "./schemas.ts";
import { isRankInBand, pairKey } from "./score.ts";

// The same instance written as a 0/1 programme in CPLEX LP format, for an independent solver (HiGHS in the tests
// and the bench): one variable per pair the rules allow, built from the instance's rules (not from the engine's
// network), with the values the engine published in result.pairs. Anyone can feed the text to their own solver.
//
//   maximise  Σ value(o,u) x(o,u)
//   subject to  Σ_u x(o,u) ≤ 1 for every officer (= 1 for a pinned or kept officer, on that pair)
//               Σ_o x(o,u) ≤ capacity(u) for every unit
//               Σ_{o of department d} x(o,u) ≤ maxPerDepartmentPerUnit for every department and unit
//               x binary (or 0 ≤ x ≤ 1 as an LP: the constraint matrix is a network's, so the LP has a 0/1 optimum)

export type LpModel = { text: string; variables: { name: string; officerId: string; unitId: string }[] };

export function buildLpModel(instance: MatchingInstance, pairs: MatchingResult["pairs"], options: { integer: boolean }): LpModel {
  const values = new Map(pairs.map((pair) => [pairKey(pair.officerId, pair.unitId), pair.value]));
  const forbidden = new Set(instance.rules.forbidden.map(([officerId, unitId]) => pairKey(officerId, unitId)));
  const released = new Set(instance.rules.released);
  const required = new Map<string, string>();
  for (const officer of instance.officers) if (officer.assignedUnitId !== null && !released.has(officer.id)) required.set(officer.id, officer.assignedUnitId);
  for (const [officerId, unitId] of instance.rules.pinned) required.set(officerId, unitId);

  const variables: LpModel["variables"] = [];
  const objective: string[] = [];
  const byOfficer = new Map<string, string[]>();
  const byUnit = new Map<string, string[]>();
  const byDepartmentUnit = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, name: string) => {
    const list = map.get(key);
    if (list) list.push(name);
    else map.set(key, [name]);
  };
  const fixedToOne: string[] = [];
  for (const officer of instance.officers) {
    const mustBe = required.get(officer.id);
    for (const unit of instance.units) {
      const key = pairKey(officer.id, unit.id);
      if (forbidden.has(key)) continue;
      if (mustBe !== unit.id && !isRankInBand(officer.rank, unit)) continue;
      const value = values.get(key);
      if (value === undefined) throw new Error(`The result has no value for the allowed pair ${officer.id} → ${unit.id}.`);
      const name = `x${variables.length}`;
      variables.push({ name, officerId: officer.id, unitId: unit.id });
      objective.push(`${value} ${name}`);
      push(byOfficer, officer.id, name);
      push(byUnit, unit.id, name);
      push(byDepartmentUnit, pairKey(officer.department, unit.id), name);
      if (mustBe === unit.id) fixedToOne.push(name);
    }
    if (mustBe !== undefined && !fixedToOne.some((name) => variables[Number(name.slice(1))].officerId === officer.id))
      throw new Error(`Officer ${officer.id} must be at ${mustBe}, a forbidden pair.`);
  }
  const sum = (names: string[]) => names.join(" + ");
  const rows: string[] = [];
  let row = 0;
  for (const [officerId, names] of byOfficer) rows.push(` r${row++}: ${sum(names)} ${required.has(officerId) ? "=" : "<="} 1`);
  for (const unit of instance.units) {
    const names = byUnit.get(unit.id);
    if (names) rows.push(` r${row++}: ${sum(names)} <= ${unit.capacity}`);
  }
  const cap = instance.rules.maxPerDepartmentPerUnit;
  if (cap !== null) for (const names of byDepartmentUnit.values()) if (names.length > cap) rows.push(` r${row++}: ${sum(names)} <= ${cap}`);
  const fixedSet = new Set(fixedToOne);
  const bounds = variables.map((variable) => (fixedSet.has(variable.name) ? ` ${variable.name} = 1` : ` 0 <= ${variable.name} <= 1`));
  const text = [
    "Maximize",
    ` objective: ${objective.length > 0 ? objective.join(" + ") : "0 x_empty"}`,
    "Subject To",
    ...(rows.length > 0 ? rows : [" r0: 0 x_empty >= 0"]),
    "Bounds",
    ...bounds,
    ...(options.integer && variables.length > 0 ? ["Binary", ` ${variables.map((variable) => variable.name).join(" ")}`] : []),
    "End",
  ].join("\n");
  return { text, variables };
}
