import type { MatchingInstance } from "./schemas.ts";
import { defaultWeights } from "./schemas.ts";

// A seeded generator of realistic instances (npm run match -- --generate): departments of uneven size, fields that
// cluster, ranks 1–10 with fewer senior officers, units with 1–12 places (about 1.1 places per officer overall), rank
// bands on most units, preferences drawn towards units of the officer's fields and towards popular units, field
// preferences from two in five officers, wishes from a third of the units, a few pins, forbids and officers already
// assigned.

export type GenerateOptions = {
  officers: number;
  units: number;
  seed: number;
  maxPerDepartmentPerUnit?: number | null;
  /** Share of officers already assigned (kept unless released); default 0.02. */
  assignedShare?: number;
};

/** mulberry32: small, fast and good enough for test data; the same seed gives the same instance everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DEPARTMENTS = ["Police", "Immigration", "Customs", "Fire", "Correctional", "Health", "Transport", "Lands", "Housing", "Education", "Labour", "Environment", "Marine", "Civil Aviation", "Water Supplies", "Social Welfare"];
const FIELDS = ["policing", "border control", "customs", "fire safety", "emergency medicine", "public health", "urban planning", "transport", "housing", "education", "labour relations", "environment", "maritime", "aviation", "water", "social work", "finance", "procurement", "legal", "information technology", "data analysis", "public relations", "training", "logistics"];

export function generateInstance(options: GenerateOptions): MatchingInstance {
  const random = seededRandom(options.seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  /** Zipf-like: early items much more likely. */
  const pickSkewed = <T>(items: readonly T[]) => items[Math.min(items.length - 1, Math.floor(items.length * random() ** 2))];
  const sample = <T>(items: readonly T[], count: number, chooser: (from: readonly T[]) => T = pick) => {
    const chosen = new Set<T>();
    for (let attempt = 0; chosen.size < Math.min(count, items.length) && attempt < count * 20; attempt++) chosen.add(chooser(items));
    return [...chosen];
  };

  const departmentFields = new Map(DEPARTMENTS.map((department) => [department, sample(FIELDS, 4)]));
  const pad = (prefix: string, index: number, total: number) => `${prefix}${String(index + 1).padStart(String(total).length, "0")}`;

  const unitIds = Array.from({ length: options.units }, (_, index) => pad("U", index, options.units));
  const officerIds = Array.from({ length: options.officers }, (_, index) => pad("O", index, options.officers));
  const placesWanted = Math.ceil(options.officers * 1.1);
  const rawCapacity = unitIds.map(() => 0.3 + random() * 1.7);
  const scale = placesWanted / rawCapacity.reduce((sum, value) => sum + value, 0);

  const units: MatchingInstance["units"] = unitIds.map((id, index) => {
    const hasBand = random() < 0.65;
    const rankMin = hasBand ? integer(1, 6) : null;
    return {
      id,
      capacity: Math.max(1, Math.min(12, Math.round(rawCapacity[index] * scale))),
      fields: sample(FIELDS, integer(1, 3), pickSkewed),
      rankMin,
      rankMax: rankMin === null ? null : Math.min(10, rankMin + integer(2, 5)),
      wishes: [],
    };
  });
  const unitsByField = new Map<string, string[]>();
  for (const unit of units) for (const field of unit.fields) unitsByField.set(field, [...(unitsByField.get(field) ?? []), unit.id]);

  const officers: MatchingInstance["officers"] = officerIds.map((id) => {
    const department = pickSkewed(DEPARTMENTS);
    const fields = sample([...departmentFields.get(department)!, ...sample(FIELDS, 2)], integer(1, 3));
    const rank = Math.min(10, 1 + Math.floor(10 * random() ** 1.6));
    const candidates = fields.flatMap((field) => unitsByField.get(field) ?? []);
    const preferences = sample(candidates.length > 0 ? candidates : unitIds, integer(0, 5), pickSkewed);
    if (random() < 0.3) preferences.push(...sample(unitIds, 1, pickSkewed).filter((unitId) => !preferences.includes(unitId)));
    // About two in five also rank fields of work (decision 117), mostly their own fields, now and then another.
    const fieldPreferences = random() < 0.4 ? sample([...fields, ...sample(FIELDS, 1)].filter((field, index, list) => list.indexOf(field) === index), integer(1, 2)) : [];
    return { id, department, rank, fields, preferences, fieldPreferences, assignedUnitId: null };
  });

  for (const unit of units) {
    if (random() > 0.33) continue;
    unit.wishes = sample(officerIds, integer(1, 6));
  }

  const cap = options.maxPerDepartmentPerUnit === undefined ? 2 : options.maxPerDepartmentPerUnit;
  // Pins, forbids and kept assignments that are possible together: each takes a place the rules allow.
  const placesLeft = new Map(units.map((unit) => [unit.id, unit.capacity]));
  const departmentCount = new Map<string, number>();
  const fixedOfficers = new Set<string>();
  const tryFix = (officer: (typeof officers)[number], unit: (typeof units)[number]) => {
    const key = `${officer.department}\u0000${unit.id}`;
    if (fixedOfficers.has(officer.id) || placesLeft.get(unit.id)! < 1 || (cap !== null && (departmentCount.get(key) ?? 0) >= cap)) return false;
    placesLeft.set(unit.id, placesLeft.get(unit.id)! - 1);
    departmentCount.set(key, (departmentCount.get(key) ?? 0) + 1);
    fixedOfficers.add(officer.id);
    return true;
  };
  const assignedCount = Math.round(options.officers * (options.assignedShare ?? 0.02));
  for (let index = 0; index < assignedCount; index++) {
    const officer = pick(officers);
    const unit = pick(units);
    if (tryFix(officer, unit)) officer.assignedUnitId = unit.id;
  }
  const released = officers.filter((officer) => officer.assignedUnitId !== null && random() < 0.25).map((officer) => officer.id);
  const pinned: [string, string][] = [];
  for (let index = 0; index < Math.ceil(options.officers / 200); index++) {
    const officer = pick(officers);
    const unit = pick(units);
    if (officer.assignedUnitId === null && tryFix(officer, unit)) pinned.push([officer.id, unit.id]);
  }
  const forbidden: [string, string][] = [];
  for (let index = 0; index < Math.ceil(options.officers / 50); index++) {
    const officer = pick(officers);
    const unitId = officer.preferences[0] ?? pick(units).id;
    if (!fixedOfficers.has(officer.id) && !forbidden.some(([officerId, forbiddenUnit]) => officerId === officer.id && forbiddenUnit === unitId)) forbidden.push([officer.id, unitId]);
  }

  return {
    officers,
    units,
    rules: { maxPerDepartmentPerUnit: cap, pinned, forbidden, released },
    weights: { ...defaultWeights },
  };
}
