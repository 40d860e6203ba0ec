import "server-only";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, type Actor } from "@/lib/authorization";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { trilingualNameSelect, type TrilingualName } from "@/lib/i18n/locales";
import { scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { effectiveMatchingSettings, defaultStoredWeights } from "./defaults";
import { isPastDeadline, preferenceLock, type PreferenceLock } from "./policy";

// Reads for the matching-inputs screens, each scoped to the actor in its `where` (lib/scopes.ts) and checked with
// lib/authorization.ts; a record outside the actor's scope reads as absent.

export interface UnitChoice extends TrilingualName {
  id: string;
  code: string;
  fields: TrilingualName[];
}

export interface FieldChoice extends TrilingualName {
  id: string;
  /** How many of the host side's active units want this field. */
  unitCount: number;
}

export interface PreferencesPage {
  placement: { id: string; officerName: string; chineseName: string | null; status: string };
  cohort: TrilingualName & { id: string; nominationDeadline: Date | null };
  version: number;
  chosen: UnitChoice[];
  /** The host side's active units to choose from; empty when the reader cannot edit. */
  choices: UnitChoice[];
  /** The ranked fields of work (decision 117), first choice first. */
  chosenFields: FieldChoice[];
  /** Active fields of work to choose from; empty when the reader cannot edit. */
  fieldChoices: FieldChoice[];
  lock: PreferenceLock | null;
  deadlinePassed: boolean;
}

const unitSelect = { id: true, code: true, ...trilingualNameSelect, fields: { select: { field: { select: trilingualNameSelect } } } } as const;
type UnitRow = { id: string; code: string; nameEn: string; nameZhHant: string; nameZhHans: string; fields: { field: TrilingualName }[] };
const unitChoice = (unit: UnitRow): UnitChoice => ({ id: unit.id, code: unit.code, nameEn: unit.nameEn, nameZhHant: unit.nameZhHant, nameZhHans: unit.nameZhHans, fields: unit.fields.map((item) => item.field) });

/** A placement's ranked preferences with what the reader may do with them; null outside the reader's scope. */
export async function findPreferencesPage(actor: Actor, placementId: string, now: Date = new Date()): Promise<PreferencesPage | null> {
  const placement = await db.placement.findFirst({
    where: { AND: [{ id: placementId }, scopeWhere("matchingPreference", actor)] },
    select: {
      id: true,
      officerId: true,
      hostUnitId: true,
      status: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } },
      cohort: { select: { id: true, ...trilingualNameSelect, sendingJurisdictionId: true, hostJurisdictionId: true, nominationDeadline: true, status: true } },
      matchingPreferences: { orderBy: { rank: "asc" }, select: { hostUnit: { select: unitSelect } } },
    },
  });
  if (!placement) return null;
  const today = parseDateOnly(todayInHongKong(now));
  const lock = preferenceLock(actor, placement, today);
  const hostSide = { jurisdictionId: placement.cohort.hostJurisdictionId, active: true };
  const [list, units, chosenFieldRows, fields, wanted] = await Promise.all([
    db.matchingPreferenceList.findUnique({ where: { placementId }, select: { version: true } }),
    lock === null ? db.hostUnit.findMany({ where: hostSide, orderBy: { nameEn: "asc" }, select: unitSelect }) : Promise.resolve([]),
    db.matchingFieldPreference.findMany({ where: { placementId }, orderBy: { rank: "asc" }, select: { fieldId: true } }),
    db.field.findMany({ orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }], select: { id: true, active: true, ...trilingualNameSelect } }),
    db.hostUnitField.groupBy({ by: ["fieldId"], where: { hostUnit: hostSide }, _count: { _all: true } }),
  ]);
  const unitCounts = new Map(wanted.map((row) => [row.fieldId, row._count._all]));
  const fieldChoice = (field: (typeof fields)[number]): FieldChoice => ({ id: field.id, nameEn: field.nameEn, nameZhHant: field.nameZhHant, nameZhHans: field.nameZhHans, unitCount: unitCounts.get(field.id) ?? 0 });
  const fieldById = new Map(fields.map((field) => [field.id, field]));
  const { cohort } = placement;
  return {
    placement: { id: placement.id, officerName: formatOfficerName(placement.officer), chineseName: placement.officer.chineseName, status: placement.status },
    cohort: { id: cohort.id, nameEn: cohort.nameEn, nameZhHant: cohort.nameZhHant, nameZhHans: cohort.nameZhHans, nominationDeadline: cohort.nominationDeadline },
    version: list?.version ?? 0,
    chosen: placement.matchingPreferences.map((preference) => unitChoice(preference.hostUnit)),
    choices: units.map(unitChoice),
    chosenFields: chosenFieldRows.map((row) => fieldChoice(fieldById.get(row.fieldId)!)),
    fieldChoices: lock === null ? fields.filter((field) => field.active).map(fieldChoice) : [],
    lock,
    deadlinePassed: isPastDeadline(cohort, today),
  };
}

/** The actor's own placements of cohorts whose preferences they may still rank (the officer's home page link). */
export async function findOwnPreferencePlacements(actor: Actor, now: Date = new Date()) {
  if (actor.role !== "OFFICER" || !actor.officerId) return [];
  const placements = await db.placement.findMany({
    where: { AND: [{ officerId: actor.officerId, status: "NOMINATED" }, scopeWhere("matchingPreference", actor)] },
    select: { id: true, officerId: true, hostUnitId: true, status: true, cohort: { select: { ...trilingualNameSelect, sendingJurisdictionId: true, hostJurisdictionId: true, nominationDeadline: true, status: true } } },
    orderBy: { startDate: "asc" },
  });
  const today = parseDateOnly(todayInHongKong(now));
  return placements.filter((placement) => preferenceLock(actor, placement, today) === null).map((placement) => ({ id: placement.id, cohort: placement.cohort }));
}

async function findCohortForSettings(actor: Actor, cohortId: string) {
  const cohort = await db.cohort.findFirst({
    where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] },
    select: { id: true, ...trilingualNameSelect, sendingJurisdictionId: true, hostJurisdictionId: true, status: true },
  });
  if (!cohort || !isAllowed(actor, "matchingSettings:view", cohortResource(cohort))) return null;
  return { ...cohort, canEdit: isAllowed(actor, "matchingSettings:edit", cohortResource(cohort)) && cohort.status !== "COMPLETED", canEditWishes: isAllowed(actor, "matchingWish:edit", cohortResource(cohort)) && cohort.status !== "COMPLETED" };
}

export interface RankLevel {
  level: number;
  /** The host side's ranks at this level (several grades may share one). */
  ranks: TrilingualName[];
}

/** The host side's active ranks grouped by level, lowest first: what a rank band's bounds are chosen from. */
async function findRankLevels(jurisdictionId: string): Promise<RankLevel[]> {
  const ranks = await db.rank.findMany({ where: { jurisdictionId, active: true }, orderBy: [{ level: "asc" }, { nameEn: "asc" }], select: { level: true, ...trilingualNameSelect } });
  const levels: RankLevel[] = [];
  for (const rank of ranks) {
    const last = levels.at(-1);
    const name = { nameEn: rank.nameEn, nameZhHant: rank.nameZhHant, nameZhHans: rank.nameZhHans };
    if (last?.level === rank.level) last.ranks.push(name);
    else levels.push({ level: rank.level, ranks: [name] });
  }
  return levels;
}

export interface SettingsUnitRow extends TrilingualName {
  id: string;
  code: string;
  capacity: number;
  taken: number;
  fields: TrilingualName[];
  band: { min: number | null; max: number | null } | null;
  wishCount: number;
}

/** A cohort's matching settings and its host units' bands and wishes, for the host side; null outside its scope. */
export async function findMatchingSettingsPage(actor: Actor, cohortId: string) {
  const cohort = await findCohortForSettings(actor, cohortId);
  if (!cohort) return null;
  const [settings, units, taken, bands, wishCounts, rankLevels] = await Promise.all([
    db.cohortMatchingSettings.findUnique({ where: { cohortId } }),
    db.hostUnit.findMany({
      where: { jurisdictionId: cohort.hostJurisdictionId, active: true },
      orderBy: { nameEn: "asc" },
      select: { ...unitSelect, defaultCapacity: true, capacities: { where: { cohortId }, select: { capacity: true } } },
    }),
    db.placement.groupBy({ by: ["hostUnitId"], where: { cohortId, status: { not: "WITHDRAWN" }, hostUnitId: { not: null } }, _count: { _all: true } }),
    db.hostUnitRankBand.findMany({ where: { cohortId }, select: { hostUnitId: true, rankMinLevel: true, rankMaxLevel: true } }),
    db.matchingWish.groupBy({ by: ["hostUnitId"], where: { cohortId }, _count: { _all: true } }),
    findRankLevels(cohort.hostJurisdictionId),
  ]);
  const takenBy = new Map(taken.map((row) => [row.hostUnitId, row._count._all]));
  const bandBy = new Map(bands.map((band) => [band.hostUnitId, band]));
  const wishesBy = new Map(wishCounts.map((row) => [row.hostUnitId, row._count._all]));
  const rows: SettingsUnitRow[] = units.map((unit) => {
    const band = bandBy.get(unit.id);
    return {
      ...unitChoice(unit),
      capacity: unit.capacities[0]?.capacity ?? unit.defaultCapacity,
      taken: takenBy.get(unit.id) ?? 0,
      band: band && (band.rankMinLevel !== null || band.rankMaxLevel !== null) ? { min: band.rankMinLevel, max: band.rankMaxLevel } : null,
      wishCount: wishesBy.get(unit.id) ?? 0,
    };
  });
  const values = settings ?? { ...defaultStoredWeights, maxPerDepartmentPerUnit: null };
  return {
    cohort,
    settings: {
      version: settings?.version ?? 0,
      fieldFitWeight: values.fieldFitWeight,
      preferenceWeight: values.preferenceWeight,
      wishWeight: values.wishWeight,
      rankBandWeight: values.rankBandWeight,
      maxPerDepartmentPerUnit: values.maxPerDepartmentPerUnit,
      isDefault: settings === null,
    },
    effective: effectiveMatchingSettings(settings),
    units: rows,
    rankLevels,
  };
}

export interface WishCandidate {
  placementId: string;
  officerName: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  fields: TrilingualName[];
}

/** One host unit's band and ranked wishes for a cohort, with the cohort's nominated officers to choose from. */
export async function findUnitMatchingPage(actor: Actor, cohortId: string, hostUnitId: string) {
  const cohort = await findCohortForSettings(actor, cohortId);
  if (!cohort) return null;
  const unit = await db.hostUnit.findFirst({ where: { AND: [{ id: hostUnitId, jurisdictionId: cohort.hostJurisdictionId }, scopeWhere("hostUnit", actor)] }, select: unitSelect });
  if (!unit) return null;
  const [band, wishes, placements, rankLevels] = await Promise.all([
    db.hostUnitRankBand.findUnique({ where: { hostUnitId_cohortId: { hostUnitId, cohortId } } }),
    db.matchingWish.findMany({ where: { hostUnitId, cohortId }, orderBy: { rank: "asc" }, select: { placementId: true } }),
    db.placement.findMany({
      where: { AND: [{ cohortId, status: { not: "WITHDRAWN" } }, scopeWhere("placement", actor)] },
      select: {
        id: true,
        officer: {
          select: {
            surname: true,
            givenName: true,
            otherName: true,
            chineseName: true,
            jurisdiction: { select: { kind: true } },
            rank: { select: trilingualNameSelect },
            department: { select: trilingualNameSelect },
            fields: { select: { field: { select: trilingualNameSelect } } },
          },
        },
      },
      orderBy: [{ officer: { surname: "asc" } }, { officer: { givenName: "asc" } }],
    }),
    findRankLevels(cohort.hostJurisdictionId),
  ]);
  const candidates: WishCandidate[] = placements.map((placement) => ({
    placementId: placement.id,
    officerName: formatOfficerName(placement.officer),
    chineseName: placement.officer.chineseName,
    rank: placement.officer.rank,
    department: placement.officer.department,
    fields: placement.officer.fields.map((item) => item.field),
  }));
  const byId = new Map(candidates.map((candidate) => [candidate.placementId, candidate]));
  return {
    cohort,
    unit: unitChoice(unit),
    version: band?.version ?? 0,
    rankMinLevel: band?.rankMinLevel ?? null,
    rankMaxLevel: band?.rankMaxLevel ?? null,
    wishes: wishes.map((wish) => byId.get(wish.placementId)).filter((candidate): candidate is WishCandidate => candidate !== undefined),
    candidates,
    rankLevels,
  };
}
