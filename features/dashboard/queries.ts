import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CohortStatus, PlacementStatus, ScheduleItemType } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { formatOfficerName } from "@/features/officers/names";
import { sideInCohort, type Actor } from "@/lib/authorization";
import { todayInHongKong } from "@/lib/dates";

// Every number on a dashboard is counted by PostgreSQL (count/groupBy/aggregate SQL); only the few rows a dashboard
// lists (top ten, next five) are read into JavaScript.

type TrilingualName = { nameEn: string; nameZhHant: string; nameZhHans: string };
const trilingual = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;
const DAY_MS = 86_400_000;

/** How many cohort cards the coordinator's page shows; the full list is on /cohorts. */
export const DASHBOARD_COHORT_LIMIT = 12;
/** Lists on a dashboard show this many rows and say how many there are in all. */
export const DASHBOARD_LIST_LIMIT = 10;
/** "Upcoming" arrivals start within this many days. */
export const UPCOMING_DAYS = 30;

export interface CoordinatorCohortSummary {
  id: string;
  name: TrilingualName;
  side: "sending" | "host";
  startDate: Date;
  endDate: Date;
  status: CohortStatus;
  placementsByStatus: Partial<Record<PlacementStatus, number>>;
  waitingForMyApproval: number;
}

export interface NamedCount {
  id: string | null;
  name: TrilingualName | null;
  count: number;
}

export interface Arrival {
  placementId: string;
  officerName: string;
  chineseName: string | null;
  cohortName: TrilingualName;
  hostUnitName: TrilingualName | null;
  startDate: Date;
  status: PlacementStatus;
}

export interface Milestone {
  id: string;
  title: string;
  type: ScheduleItemType;
  startsAt: Date;
  allDay: boolean;
  cohortName: TrilingualName;
  officerName: string | null;
}

export interface SendingSideSummary {
  /** Cohorts of this side that have not ended (the aggregates below cover these). */
  liveCohortCount: number;
  nominatedNotPlaced: number;
  waitingForMyApproval: number;
  byField: NamedCount[];
  byHostUnit: { top: NamedCount[]; otherCount: number; hostUnitCount: number };
  upcomingArrivals: { total: number; items: Arrival[] };
  milestones: Milestone[];
}

export interface CapacityRow {
  hostUnitId: string;
  name: TrilingualName;
  capacity: number;
  used: number;
}

export interface HostSideSummary {
  /** Host-side cohorts that have not ended, for choosing which one the capacity table shows. */
  cohortChoices: { id: string; name: TrilingualName; startDate: Date; endDate: Date }[];
  currentCohort: { id: string; name: TrilingualName; startDate: Date; endDate: Date; status: CohortStatus } | null;
  capacity: { rows: CapacityRow[]; hostUnitCount: number; totalCapacity: number; totalUsed: number };
  waitingForMyApproval: number;
  arrivalsThisMonth: { total: number; items: Arrival[]; monthStart: Date };
}

export interface CoordinatorDashboard {
  totalCohorts: number;
  cohorts: CoordinatorCohortSummary[];
  waitingForMyApproval: number;
  sending: SendingSideSummary | null;
  host: HostSideSummary | null;
}

interface CohortRow {
  id: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  startDate: Date;
  endDate: Date;
  status: CohortStatus;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
}

/** Running and coming cohorts first (soonest first), then past ones (latest first). */
function byRelevance(today: Date) {
  return (a: CohortRow, b: CohortRow) => {
    const aLive = a.endDate >= today;
    const bLive = b.endDate >= today;
    if (aLive !== bLive) return aLive ? -1 : 1;
    return aLive ? a.startDate.getTime() - b.startDate.getTime() : b.startDate.getTime() - a.startDate.getTime();
  };
}

/**
 * The coordinator's dashboard. Which side the coordinator is on is decided per cohort from its data (sideInCohort),
 * so a coordinator who sends in one cohort and hosts in another sees both panels.
 */
export async function findCoordinatorDashboard(
  actor: Actor,
  options: { hostCohortId?: string; today?: Date; now?: Date } = {},
): Promise<CoordinatorDashboard | null> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return null;
  const jurisdictionId = actor.jurisdictionId;
  const today = options.today ?? todayInHongKong();
  const now = options.now ?? new Date();
  // The cohort table is small (a few per year and direction), so all of an actor's cohorts are read to sort them.
  const allCohorts = await db.cohort.findMany({
    where: { OR: [{ sendingJurisdictionId: jurisdictionId }, { hostJurisdictionId: jurisdictionId }] },
    select: { id: true, ...trilingual, startDate: true, endDate: true, status: true, sendingJurisdictionId: true, hostJurisdictionId: true },
  });
  allCohorts.sort(byRelevance(today));
  const shown = allCohorts.slice(0, DASHBOARD_COHORT_LIMIT);
  const live = allCohorts.filter((cohort) => cohort.endDate >= today);
  const liveSending = live.filter((cohort) => sideInCohort(actor, cohort) === "sending");
  const liveHost = live.filter((cohort) => sideInCohort(actor, cohort) === "host");

  const [counts, waiting, sending, host] = await Promise.all([
    shown.length
      ? db.placement.groupBy({ by: ["cohortId", "status"], where: { cohortId: { in: shown.map((cohort) => cohort.id) } }, _count: { _all: true } })
      : Promise.resolve([]),
    countWaitingForApproval(jurisdictionId),
    allCohorts.some((cohort) => cohort.sendingJurisdictionId === jurisdictionId) ? findSendingSide(actor, liveSending, today, now) : Promise.resolve(null),
    allCohorts.some((cohort) => cohort.hostJurisdictionId === jurisdictionId) ? findHostSide(actor, liveHost, allCohorts, options.hostCohortId, today) : Promise.resolve(null),
  ]);
  if (sending) sending.waitingForMyApproval = waiting.sending;
  if (host) host.waitingForMyApproval = waiting.host;

  return {
    totalCohorts: allCohorts.length,
    waitingForMyApproval: waiting.sending + waiting.host,
    sending,
    host,
    cohorts: shown.map((cohort) => ({
      id: cohort.id,
      name: cohort,
      side: sideInCohort(actor, cohort) ?? "sending",
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      status: cohort.status,
      placementsByStatus: Object.fromEntries(counts.filter((row) => row.cohortId === cohort.id).map((row) => [row.status, row._count._all])),
      waitingForMyApproval: waiting.byCohort.get(cohort.id) ?? 0,
    })),
  };
}

/** Assigned placements still lacking this side's approval, per cohort and per side. */
async function countWaitingForApproval(jurisdictionId: string) {
  const rows = await db.$queryRaw<{ cohortId: string; side: "sending" | "host"; count: number }[]>`
    SELECT p."cohortId", CASE WHEN c."sendingJurisdictionId" = ${jurisdictionId} THEN 'sending' ELSE 'host' END AS "side", count(*)::int AS "count"
    FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId"
    WHERE p."status" = 'ASSIGNED' AND (
      (c."sendingJurisdictionId" = ${jurisdictionId} AND p."sendingApprovedAt" IS NULL) OR
      (c."hostJurisdictionId" = ${jurisdictionId} AND p."hostApprovedAt" IS NULL))
    GROUP BY 1, 2`;
  const byCohort = new Map<string, number>();
  let sending = 0;
  let host = 0;
  for (const row of rows) {
    byCohort.set(row.cohortId, (byCohort.get(row.cohortId) ?? 0) + row.count);
    if (row.side === "sending") sending += row.count;
    else host += row.count;
  }
  return { byCohort, sending, host };
}

const LIVE_STATUSES: PlacementStatus[] = ["NOMINATED", "ASSIGNED", "CONFIRMED"];

async function findSendingSide(actor: Actor, liveCohorts: CohortRow[], today: Date, now: Date): Promise<SendingSideSummary> {
  const cohortIds = liveCohorts.map((cohort) => cohort.id);
  const upcomingUntil = new Date(today.getTime() + UPCOMING_DAYS * DAY_MS);
  const live = { cohortId: { in: cohortIds }, status: { in: LIVE_STATUSES } };
  const arrivals = { cohortId: { in: cohortIds }, status: { in: ["ASSIGNED", "CONFIRMED"] as PlacementStatus[] }, startDate: { gte: today, lte: upcomingUntil } };
  const [nominatedNotPlaced, byField, byHostUnit, hostUnitCount, arrivalsTotal, arrivalItems, milestones] = await Promise.all([
    db.placement.count({ where: { cohortId: { in: cohortIds }, status: "NOMINATED", hostUnitId: null } }),
    db.placement.groupBy({ by: ["fieldId"], where: live, _count: { _all: true } }),
    db.placement.groupBy({
      by: ["hostUnitId"],
      where: { ...live, hostUnitId: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { hostUnitId: "desc" } }, { hostUnitId: "asc" }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    db.$queryRaw<{ units: number; placements: number }[]>`
      SELECT count(DISTINCT "hostUnitId")::int AS "units", count(*)::int AS "placements" FROM "Placement"
      WHERE "cohortId" = ANY(${cohortIds}::text[]) AND "status" <> 'WITHDRAWN' AND "hostUnitId" IS NOT NULL`,
    db.placement.count({ where: arrivals }),
    findArrivals(arrivals),
    db.scheduleItem.findMany({
      where: { cohortId: { in: cohortIds }, type: "MILESTONE", startsAt: { gte: now } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: DASHBOARD_LIST_LIMIT,
      select: {
        id: true,
        title: true,
        type: true,
        startsAt: true,
        allDay: true,
        cohort: { select: trilingual },
        placement: { select: { officer: { select: { surname: true, givenName: true, otherName: true } } } },
      },
    }),
  ]);
  const [fieldNames, hostUnitNames] = await Promise.all([
    db.field.findMany({ where: { id: { in: byField.flatMap((row) => (row.fieldId ? [row.fieldId] : [])) } }, select: { id: true, ...trilingual, sortOrder: true } }),
    db.hostUnit.findMany({ where: { id: { in: byHostUnit.flatMap((row) => (row.hostUnitId ? [row.hostUnitId] : [])) } }, select: { id: true, ...trilingual } }),
  ]);
  const fields = new Map(fieldNames.map((field) => [field.id, field]));
  const units = new Map(hostUnitNames.map((unit) => [unit.id, unit]));
  const topCount = byHostUnit.reduce((sum, row) => sum + row._count._all, 0);
  const placedTotal = hostUnitCount[0]?.placements ?? 0;
  return {
    liveCohortCount: liveCohorts.length,
    nominatedNotPlaced,
    waitingForMyApproval: 0,
    byField: byField
      .map((row) => ({ id: row.fieldId, name: row.fieldId ? (fields.get(row.fieldId) ?? null) : null, count: row._count._all, order: row.fieldId ? (fields.get(row.fieldId)?.sortOrder ?? 0) : Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.order - b.order)
      .map(({ id, name, count }) => ({ id, name, count })),
    byHostUnit: {
      top: byHostUnit.map((row) => ({ id: row.hostUnitId, name: row.hostUnitId ? (units.get(row.hostUnitId) ?? null) : null, count: row._count._all })),
      otherCount: placedTotal - topCount,
      hostUnitCount: hostUnitCount[0]?.units ?? 0,
    },
    upcomingArrivals: { total: arrivalsTotal, items: arrivalItems },
    milestones: milestones.map((item) => ({
      id: item.id,
      title: item.title,
      type: item.type,
      startsAt: item.startsAt,
      allDay: item.allDay,
      cohortName: item.cohort,
      officerName: item.placement ? formatOfficerName(item.placement.officer) : null,
    })),
  };
}

async function findArrivals(where: Prisma.PlacementWhereInput): Promise<Arrival[]> {
  const placements = await db.placement.findMany({
    where,
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    take: DASHBOARD_LIST_LIMIT,
    select: {
      id: true,
      startDate: true,
      status: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true } },
      cohort: { select: trilingual },
      hostUnit: { select: trilingual },
    },
  });
  return placements.map((placement) => ({
    placementId: placement.id,
    officerName: formatOfficerName(placement.officer),
    chineseName: placement.officer.chineseName,
    cohortName: placement.cohort,
    hostUnitName: placement.hostUnit,
    startDate: placement.startDate,
    status: placement.status,
  }));
}

/** The host cohort to show: the chosen one if it is the actor's, else the running one, else the next, else the last. */
function chooseHostCohort(liveHost: CohortRow[], allCohorts: CohortRow[], actor: Actor, chosenId: string | undefined, today: Date): CohortRow | null {
  const hosted = allCohorts.filter((cohort) => sideInCohort(actor, cohort) === "host");
  const chosen = chosenId ? hosted.find((cohort) => cohort.id === chosenId) : undefined;
  if (chosen) return chosen;
  const running = liveHost.filter((cohort) => cohort.startDate <= today).sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  if (running[0]) return running[0];
  if (liveHost[0]) return liveHost[0];
  return hosted.sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0] ?? null;
}

async function findHostSide(actor: Actor, liveHost: CohortRow[], allCohorts: CohortRow[], chosenId: string | undefined, today: Date): Promise<HostSideSummary> {
  const current = chooseHostCohort(liveHost, allCohorts, actor, chosenId, today);
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  const hostedIds = allCohorts.filter((cohort) => sideInCohort(actor, cohort) === "host" && cohort.endDate >= monthStart && cohort.startDate <= monthEnd).map((cohort) => cohort.id);
  const arrivals = { cohortId: { in: hostedIds }, status: { in: ["ASSIGNED", "CONFIRMED"] as PlacementStatus[] }, startDate: { gte: monthStart, lte: monthEnd } };
  const [capacity, arrivalsTotal, arrivalItems] = await Promise.all([
    current ? findCapacity(current.id, actor.jurisdictionId!) : Promise.resolve({ rows: [], hostUnitCount: 0, totalCapacity: 0, totalUsed: 0 }),
    db.placement.count({ where: arrivals }),
    findArrivals(arrivals),
  ]);
  return {
    cohortChoices: liveHost.map((cohort) => ({ id: cohort.id, name: cohort, startDate: cohort.startDate, endDate: cohort.endDate })),
    currentCohort: current ? { id: current.id, name: current, startDate: current.startDate, endDate: current.endDate, status: current.status } : null,
    capacity,
    waitingForMyApproval: 0,
    arrivalsThisMonth: { total: arrivalsTotal, items: arrivalItems, monthStart },
  };
}

/**
 * Places used and available per host unit of the host side in one cohort: HostUnitCapacity for the cohort, else
 * the unit's default. The fullest units are listed; the totals cover every active unit (and inactive ones still used).
 */
async function findCapacity(cohortId: string, hostJurisdictionId: string) {
  const rows = await db.$queryRaw<(CapacityRow & { nameEn: string; nameZhHant: string; nameZhHans: string; unitCount: number; totalCapacity: number; totalUsed: number })[]>`
    WITH used AS (
      SELECT "hostUnitId", count(*)::int AS "used" FROM "Placement"
      WHERE "cohortId" = ${cohortId} AND "status" <> 'WITHDRAWN' AND "hostUnitId" IS NOT NULL
      GROUP BY "hostUnitId"
    ), units AS (
      SELECT h."id", h."code", h."nameEn", h."nameZhHant", h."nameZhHans",
        COALESCE(hc."capacity", h."defaultCapacity") AS "capacity", COALESCE(u."used", 0) AS "used"
      FROM "HostUnit" h
      LEFT JOIN "HostUnitCapacity" hc ON hc."hostUnitId" = h."id" AND hc."cohortId" = ${cohortId}
      LEFT JOIN used u ON u."hostUnitId" = h."id"
      WHERE h."jurisdictionId" = ${hostJurisdictionId} AND (h."active" OR u."used" > 0)
    )
    SELECT "id" AS "hostUnitId", "nameEn", "nameZhHant", "nameZhHans", "capacity", "used",
      count(*) OVER ()::int AS "unitCount", (sum("capacity") OVER ())::int AS "totalCapacity", (sum("used") OVER ())::int AS "totalUsed"
    FROM units
    ORDER BY "used" DESC, "capacity" DESC, "code"
    LIMIT ${DASHBOARD_LIST_LIMIT + 5}`;
  return {
    rows: rows.map((row) => ({ hostUnitId: row.hostUnitId, name: { nameEn: row.nameEn, nameZhHant: row.nameZhHant, nameZhHans: row.nameZhHans }, capacity: row.capacity, used: row.used })),
    hostUnitCount: rows[0]?.unitCount ?? 0,
    totalCapacity: rows[0]?.totalCapacity ?? 0,
    totalUsed: rows[0]?.totalUsed ?? 0,
  };
}

export interface OfficerPlacementCard {
  id: string;
  cohortName: TrilingualName;
  hostUnitName: TrilingualName | null;
  fieldName: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** The officer's own placements, newest first; scoped by the officer id on the session, never by a parameter. */
export async function findOwnPlacements(actor: Actor): Promise<OfficerPlacementCard[]> {
  if (!actor.officerId) return [];
  const placements = await db.placement.findMany({
    where: { officerId: actor.officerId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    include: { cohort: true, hostUnit: true, field: true },
  });
  return placements.map((placement) => ({
    id: placement.id,
    cohortName: placement.cohort,
    hostUnitName: placement.hostUnit,
    fieldName: placement.field,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}

export interface OfficerEvent {
  id: string;
  title: string;
  type: ScheduleItemType;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
}

/** The next items of the officer's own schedule: those of their placements and their cohorts' cohort-wide ones. */
export async function findOfficerNextEvents(actor: Actor, options: { now?: Date; take?: number } = {}): Promise<OfficerEvent[]> {
  if (!actor.officerId) return [];
  const now = options.now ?? new Date();
  const placements = await db.placement.findMany({
    where: { officerId: actor.officerId, status: { not: "WITHDRAWN" }, endDate: { gte: new Date(now.getTime() - DAY_MS) } },
    select: { id: true, cohortId: true },
  });
  if (placements.length === 0) return [];
  return db.scheduleItem.findMany({
    where: {
      endsAt: { gte: now },
      OR: [{ placementId: { in: placements.map((placement) => placement.id) } }, { placementId: null, cohortId: { in: placements.map((placement) => placement.cohortId) } }],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: options.take ?? 5,
    select: { id: true, title: true, type: true, location: true, startsAt: true, endsAt: true, allDay: true },
  });
}

export interface SupervisedPlacement {
  id: string;
  officerName: string;
  chineseName: string | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** Live placements in the supervisor's own host unit; only the fields a host needs. */
export async function findSupervisedPlacements(actor: Actor): Promise<SupervisedPlacement[]> {
  if (actor.role !== "SUPERVISOR" || !actor.hostUnitId) return [];
  const placements = await db.placement.findMany({
    where: { hostUnitId: actor.hostUnitId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    take: 50,
    select: {
      id: true,
      postTitle: true,
      startDate: true,
      endDate: true,
      status: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true } },
    },
  });
  return placements.map((placement) => ({
    id: placement.id,
    officerName: formatOfficerName(placement.officer),
    chineseName: placement.officer.chineseName,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}

export interface AdminDashboard {
  totals: { officers: number; hostUnits: number; cohorts: number; placements: number; users: number };
  placementsByStatus: Partial<Record<PlacementStatus, number>>;
  recentAudit: { id: string; createdAt: Date; actorEmail: string | null; action: string; entityType: string }[];
}

export async function findAdminDashboard(actor: Actor): Promise<AdminDashboard | null> {
  if (actor.role !== "ADMIN") return null;
  const [officers, hostUnits, cohorts, byStatus, users, recentAudit] = await Promise.all([
    db.officer.count(),
    db.hostUnit.count(),
    db.cohort.count(),
    db.placement.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.count(),
    db.auditLog.findMany({ orderBy: { id: "desc" }, take: 10, select: { id: true, createdAt: true, actorEmail: true, action: true, entityType: true } }),
  ]);
  return {
    totals: { officers, hostUnits, cohorts, placements: byStatus.reduce((sum, row) => sum + row._count._all, 0), users },
    placementsByStatus: Object.fromEntries(byStatus.map((row) => [row.status, row._count._all])),
    recentAudit: recentAudit.map((entry) => ({ ...entry, id: entry.id.toString() })),
  };
}
