import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PlacementStatus, ScheduleItemType } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { cohortResource, isAllowed, sideInCohort, type Actor, type CohortSide, type CohortSides } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { defaultMonth, monthGrid, type CalendarMonth } from "./calendar";
import { holidaySideOf, type Side } from "./holidays";
import { scheduleItemSelect } from "./item-select";
import { canEditSchedule, scheduleResource } from "./policy";
import { itemDateRange } from "./time";
import { addDays, formatDateOnly, hongKongParts, instantInHongKong } from "@/lib/dates";
import { trilingualNameSelect, type TrilingualName } from "@/lib/i18n/locales";


const livePlacement = { status: { not: "WITHDRAWN" as PlacementStatus } };

// ---------------------------------------------------------------------------------------------------------------
// View models

export interface ScheduleEntry {
  id: string;
  cohortId: string;
  placementId: string | null;
  type: ScheduleItemType;
  title: string;
  location: string | null;
  notes: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  /** Hong Kong calendar days the item covers, both inclusive. */
  startDate: string;
  endDate: string;
  /** "HH:mm" in Hong Kong; null for all-day items. */
  startTime: string | null;
  endTime: string | null;
  version: number;
  updatedAt: Date;
  /** The officer of a placement item; null for cohort-wide items. */
  officerName: string | null;
  hostUnit: TrilingualName | null;
  canEdit: boolean;
}

type ItemRow = Prisma.ScheduleItemGetPayload<{ select: typeof scheduleItemSelect }>;

function toEntry(actor: Actor, row: ItemRow): ScheduleEntry {
  const { startDate, endDate } = itemDateRange(row);
  return {
    id: row.id,
    cohortId: row.cohortId,
    placementId: row.placementId,
    type: row.type,
    title: row.title,
    location: row.location,
    notes: row.notes,
    allDay: row.allDay,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    startDate,
    endDate,
    startTime: row.allDay ? null : hongKongParts(row.startsAt).time,
    endTime: row.allDay ? null : hongKongParts(row.endsAt).time,
    version: row.version,
    updatedAt: row.updatedAt,
    officerName: row.placement ? formatOfficerName(row.placement.officer) : null,
    hostUnit: row.placement?.hostUnit ?? null,
    canEdit: canEditSchedule(actor, { cohort: row.cohort, placement: row.placement }),
  };
}

const itemOrder = [{ startsAt: "asc" }, { endsAt: "asc" }, { id: "asc" }] satisfies Prisma.ScheduleItemOrderByWithRelationInput[];

async function findEntries(actor: Actor, where: Prisma.ScheduleItemWhereInput, take?: number): Promise<ScheduleEntry[]> {
  const rows = await db.scheduleItem.findMany({ where: { AND: [scopeWhere("scheduleItem", actor), where] }, select: scheduleItemSelect, orderBy: itemOrder, take });
  return rows.map((row) => toEntry(actor, row));
}

/** Items overlapping the Hong Kong calendar days [from, to]. */
function overlapping(from: string, to: string): Prisma.ScheduleItemWhereInput {
  return { startsAt: { lt: instantInHongKong(addDays(to, 1)) }, endsAt: { gte: instantInHongKong(from) } };
}

export interface ScheduleCohort {
  id: string;
  name: TrilingualName;
  startDate: string;
  endDate: string;
  sides: CohortSides;
  sendingJurisdiction: TrilingualName;
  hostJurisdiction: TrilingualName;
  /** The host side's holidays matter for the items; derived from the host jurisdiction's code. */
  hostSide: Side;
  /** The actor's side in this cohort, if any. */
  actorSide: CohortSide | null;
}

const cohortSelect = {
  id: true,
  ...trilingualNameSelect,
  startDate: true,
  endDate: true,
  sendingJurisdictionId: true,
  hostJurisdictionId: true,
  sendingJurisdiction: { select: { code: true, ...trilingualNameSelect } },
  hostJurisdiction: { select: { code: true, kind: true, ...trilingualNameSelect } },
} satisfies Prisma.CohortSelect;

function toCohort(actor: Actor, row: Prisma.CohortGetPayload<{ select: typeof cohortSelect }>): ScheduleCohort {
  const sides = { sendingJurisdictionId: row.sendingJurisdictionId, hostJurisdictionId: row.hostJurisdictionId };
  return {
    id: row.id,
    name: { nameEn: row.nameEn, nameZhHant: row.nameZhHant, nameZhHans: row.nameZhHans },
    startDate: formatDateOnly(row.startDate),
    endDate: formatDateOnly(row.endDate),
    sides,
    sendingJurisdiction: row.sendingJurisdiction,
    hostJurisdiction: row.hostJurisdiction,
    hostSide: holidaySideOf(row.hostJurisdiction),
    actorSide: sideInCohort(actor, sides),
  };
}

export interface Contact {
  name: string;
  email: string;
  role: "SUPERVISOR" | "COORDINATOR";
  side: CohortSide | null;
}

export interface SchedulePlacement {
  id: string;
  officerId: string;
  officerName: string;
  chineseName: string | null;
  cohort: ScheduleCohort;
  hostUnit: (TrilingualName & { id: string }) | null;
  field: TrilingualName | null;
  postTitle: string | null;
  startDate: string;
  endDate: string;
  status: PlacementStatus;
  /** May add and change this placement's own items. */
  canEditItems: boolean;
  /** May add and change the cohort-wide items shown with it. */
  canEditCohortItems: boolean;
}

const placementSelect = {
  id: true,
  officerId: true,
  hostUnitId: true,
  postTitle: true,
  startDate: true,
  endDate: true,
  status: true,
  officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, jurisdiction: { select: { kind: true } } } },
  hostUnit: { select: { id: true, ...trilingualNameSelect } },
  field: { select: trilingualNameSelect },
  cohort: { select: cohortSelect },
} satisfies Prisma.PlacementSelect;

type PlacementRow = Prisma.PlacementGetPayload<{ select: typeof placementSelect }>;

function toPlacement(actor: Actor, row: PlacementRow): SchedulePlacement {
  const cohort = toCohort(actor, row.cohort);
  return {
    id: row.id,
    officerId: row.officerId,
    officerName: formatOfficerName(row.officer),
    chineseName: row.officer.chineseName,
    cohort,
    hostUnit: row.hostUnit,
    field: row.field,
    postTitle: row.postTitle,
    startDate: formatDateOnly(row.startDate),
    endDate: formatDateOnly(row.endDate),
    status: row.status,
    canEditItems: canEditSchedule(actor, { cohort: cohort.sides, placement: { officerId: row.officerId, hostUnitId: row.hostUnitId } }),
    canEditCohortItems: canEditSchedule(actor, { cohort: cohort.sides, placement: null }),
  };
}

function placementResourceOf(row: PlacementRow) {
  return scheduleResource({
    cohort: { sendingJurisdictionId: row.cohort.sendingJurisdictionId, hostJurisdictionId: row.cohort.hostJurisdictionId },
    placement: { officerId: row.officerId, hostUnitId: row.hostUnitId },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Reads for the pages

/** One placement's schedule: its own items and its cohort's cohort-wide items. Null when out of the actor's scope. */
export async function findPlacementSchedule(actor: Actor, placementId: string) {
  const row = await db.placement.findFirst({ where: { AND: [{ id: placementId }, scopeWhere("schedulePlacement", actor)] }, select: placementSelect });
  if (!row || !isAllowed(actor, "schedule:view", placementResourceOf(row))) return null;
  const entries = await findEntries(actor, { cohortId: row.cohort.id, OR: [{ placementId: row.id }, { placementId: null }] });
  return { placement: toPlacement(actor, row), entries };
}

export interface MyPlacement extends SchedulePlacement {
  contacts: Contact[];
}

function sideOfJurisdiction(jurisdictionId: string | null, cohort: CohortSides): CohortSide | null {
  if (jurisdictionId === cohort.sendingJurisdictionId) return "sending";
  if (jurisdictionId === cohort.hostJurisdictionId) return "host";
  return null;
}

/** The signed-in officer's own placements (newest first) with contacts, and every item of their schedule. */
export async function findMySchedule(actor: Actor): Promise<{ placements: MyPlacement[]; entries: ScheduleEntry[] } | null> {
  if (actor.role !== "OFFICER" || !actor.officerId) return null;
  const rows = await db.placement.findMany({ where: scopeWhere("schedulePlacement", actor), select: placementSelect, orderBy: { startDate: "desc" } });
  const hostUnitIds = rows.flatMap((row) => (row.hostUnitId ? [row.hostUnitId] : []));
  const jurisdictionIds = rows.flatMap((row) => [row.cohort.sendingJurisdictionId, row.cohort.hostJurisdictionId]);
  const [supervisors, coordinators, entries] = await Promise.all([
    db.user.findMany({
      where: { role: "SUPERVISOR", active: true, hostUnitId: { in: hostUnitIds } },
      select: { name: true, email: true, hostUnitId: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { role: "COORDINATOR", active: true, jurisdictionId: { in: jurisdictionIds } },
      select: { name: true, email: true, jurisdictionId: true },
      orderBy: { name: "asc" },
      take: 20,
    }),
    findEntries(actor, {}),
  ]);
  const placements = rows.map((row) => {
    const placement = toPlacement(actor, row);
    const contacts: Contact[] = [
      ...supervisors.filter((user) => user.hostUnitId && user.hostUnitId === row.hostUnitId).map((user) => ({ name: user.name, email: user.email, role: "SUPERVISOR" as const, side: "host" as const })),
      ...coordinators.flatMap((user) => {
        const side = sideOfJurisdiction(user.jurisdictionId, placement.cohort.sides);
        return side ? [{ name: user.name, email: user.email, role: "COORDINATOR" as const, side }] : [];
      }),
    ];
    return { ...placement, contacts };
  });
  return { placements, entries };
}

/** A supervisor's host unit: its officers' placements and their upcoming items. */
export async function findSupervisorSchedules(actor: Actor, today: string) {
  if (actor.role !== "SUPERVISOR" || !actor.hostUnitId) return null;
  const [rows, upcoming] = await Promise.all([
    db.placement.findMany({ where: scopeWhere("schedulePlacement", actor), select: placementSelect, orderBy: [{ startDate: "desc" }, { id: "asc" }], take: 100 }),
    // Cohort-wide items too: the scope (lib/scopes.ts) limits them to cohorts the unit's officers are in (issue 12 §8).
    findEntries(actor, { endsAt: { gte: instantInHongKong(today) } }, 50),
  ]);
  return { placements: rows.map((row) => toPlacement(actor, row)), upcoming };
}

/**
 * A cohort's calendar for coordinators (and administrators): all officers' items shown in one month's grid,
 * optionally of one host unit (cohort-wide items always). Without a month: today's, or the cohort's first.
 */
export async function findCohortCalendar(actor: Actor, cohortId: string, options: { month: CalendarMonth | null; today: string; hostUnitId?: string | null }) {
  const row = await db.cohort.findFirst({ where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] }, select: cohortSelect });
  if (!row || !isAllowed(actor, "schedule:view", cohortResource(row))) {
    return null;
  }
  const hostUnits = await db.hostUnit.findMany({
    where: { placements: { some: { cohortId, ...livePlacement } } },
    select: { id: true, ...trilingualNameSelect },
    orderBy: { nameEn: "asc" },
  });
  const hostUnitId = hostUnits.some((unit) => unit.id === options.hostUnitId) ? options.hostUnitId! : null;
  const byHostUnit: Prisma.ScheduleItemWhereInput = hostUnitId ? { OR: [{ placementId: null }, { placement: { hostUnitId } }] } : {};
  const cohort = toCohort(actor, row);
  const month = options.month ?? defaultMonth(options.today, cohort);
  const weeks = monthGrid(month);
  const from = weeks[0].days[0].date;
  const to = weeks.at(-1)!.days[6].date;
  const entries = await findEntries(actor, { AND: [{ cohortId }, byHostUnit, overlapping(from, to)] });
  return { cohort, month, from, to, hostUnits, hostUnitId, entries, canEditCohortItems: canEditSchedule(actor, { cohort: cohort.sides, placement: null }) };
}

export interface TimelinePlacement {
  id: string;
  officerName: string;
  chineseName: string | null;
  postTitle: string | null;
  startDate: string;
  endDate: string;
  status: PlacementStatus;
}

/** Live placements of a cohort grouped by host unit (unassigned last), for the timeline. */
export async function findCohortTimeline(actor: Actor, cohortId: string) {
  const row = await db.cohort.findFirst({ where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] }, select: cohortSelect });
  if (!row || !isAllowed(actor, "schedule:view", cohortResource(row))) {
    return null;
  }
  const placements = await db.placement.findMany({
    where: { AND: [{ cohortId }, livePlacement, scopeWhere("schedulePlacement", actor)] },
    select: placementSelect,
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
  });
  const groups = new Map<string, { hostUnit: (TrilingualName & { id: string }) | null; placements: TimelinePlacement[] }>();
  for (const placement of placements) {
    const key = placement.hostUnit?.id ?? "";
    const group = groups.get(key) ?? { hostUnit: placement.hostUnit, placements: [] };
    group.placements.push({
      id: placement.id,
      officerName: formatOfficerName(placement.officer),
      chineseName: placement.officer.chineseName,
      postTitle: placement.postTitle,
      startDate: formatDateOnly(placement.startDate),
      endDate: formatDateOnly(placement.endDate),
      status: placement.status,
    });
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (!a.hostUnit || !b.hostUnit) return a.hostUnit ? -1 : b.hostUnit ? 1 : 0;
    return a.hostUnit.nameEn.localeCompare(b.hostUnit.nameEn);
  });
  return { cohort: toCohort(actor, row), groups: ordered };
}

export interface ScheduleTargetView {
  kind: "placement" | "cohort";
  cohort: ScheduleCohort;
  placement: SchedulePlacement | null;
  canEdit: boolean;
}

/** Where a new item would go (a placement or a cohort), if the actor can see it. */
export async function findScheduleTarget(actor: Actor, target: { placementId?: string | null; cohortId?: string | null }): Promise<ScheduleTargetView | null> {
  if (target.placementId) {
    const row = await db.placement.findFirst({ where: { AND: [{ id: target.placementId }, scopeWhere("schedulePlacement", actor)] }, select: placementSelect });
    if (!row || !isAllowed(actor, "schedule:view", placementResourceOf(row))) return null;
    const placement = toPlacement(actor, row);
    return { kind: "placement", cohort: placement.cohort, placement, canEdit: placement.canEditItems };
  }
  if (target.cohortId) {
    const row = await db.cohort.findFirst({ where: { AND: [{ id: target.cohortId }, scopeWhere("cohort", actor)] }, select: cohortSelect });
    if (!row) return null;
    const cohort = toCohort(actor, row);
    return { kind: "cohort", cohort, placement: null, canEdit: canEditSchedule(actor, { cohort: cohort.sides, placement: null }) };
  }
  return null;
}

/** One item with where it belongs, if the actor can see it. */
export async function findScheduleItem(actor: Actor, itemId: string) {
  const row = await db.scheduleItem.findFirst({ where: { AND: [{ id: itemId }, scopeWhere("scheduleItem", actor)] }, select: scheduleItemSelect });
  if (!row) return null;
  const target = await findScheduleTarget(actor, row.placementId ? { placementId: row.placementId } : { cohortId: row.cohortId });
  // A visible item of a placement the actor cannot open (e.g. an officer's withdrawn placement) is still out of reach.
  if (!target) return null;
  return { entry: toEntry(actor, row), target };
}

/** Whether the actor has a live calendar subscription link (only its hash is stored). */
export async function hasCalendarFeedLink(actor: Actor): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { calendarTokenHash: true } });
  return Boolean(user?.calendarTokenHash);
}
