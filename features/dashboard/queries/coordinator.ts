import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CohortStatus, JurisdictionKind, PlacementStatus, ScheduleItemType } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { formatOfficerName } from "@/features/officers/names";
import { sideInCohort, type Actor } from "@/lib/authorization";
import { addDays, formatDateOnly, monthBounds, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { scopeSql } from "@/lib/scopes";
import type { TrilingualName } from "@/lib/i18n/locales";

// Every number on a dashboard is counted by PostgreSQL (count/groupBy/aggregate SQL); only the few rows a dashboard
// lists (top ten, next five) are read into JavaScript.

/**
 * A coordinator with up to this many cohorts sees a card for each; one with more (hundreds, over the years) sees the
 * DASHBOARD_COHORT_LIMIT most relevant and a link to the full list on /cohorts, so the page stays light.
 */
export const DASHBOARD_ALL_COHORTS_UP_TO = 24;
export const DASHBOARD_COHORT_LIMIT = 4;
/** Lists on a dashboard show this many rows and say how many there are in all. */
export const DASHBOARD_LIST_LIMIT = 5;
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
  waitingSending: number;
  waitingHost: number;
  /** Whether the panels below have anything to show (the side takes part in a cohort as sender / host). */
  hasSendingSide: boolean;
  hasHostSide: boolean;
  /**
   * The two side panels sit below the first screen: their statements run while the first screen is sent, and the
   * page streams each panel in when its promise settles (decision 054).
   */
  sending: Promise<SendingSideSummary | null>;
  host: Promise<HostSideSummary | null>;
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
  /** All cohorts the actor's side takes part in, including those not returned. */
  total: number;
}

/** A timestamp column (UTC, without time zone) compared with an instant: ISO text, its "Z" ignored on purpose. */
const instant = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;

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
 * The coordinator's dashboard, in four SQL statements (each Prisma round trip costs about a millisecond of CPU, the
 * largest part of this page's cost; docs/performance.md). Which side the coordinator is on is decided per cohort
 * from its data (sideInCohort), so a coordinator who sends in one cohort and hosts in another sees both panels.
 */
export async function findCoordinatorDashboard(
  actor: Actor,
  options: { hostCohortId?: string; today?: Date; now?: Date } = {},
): Promise<CoordinatorDashboard | null> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return null;
  const jurisdictionId = actor.jurisdictionId;
  const now = options.now ?? new Date();
  const today = options.today ?? parseDateOnly(todayInHongKong(now));

  // Every running or coming cohort, and the most recent past ones: enough for the cards and both panels.
  const cohorts = await db.$queryRaw<CohortRow[]>`
    WITH mine AS (
      SELECT "id", "nameEn", "nameZhHant", "nameZhHans", "startDate", "endDate", "status"::text AS "status", "sendingJurisdictionId", "hostJurisdictionId"
      FROM "Cohort" c WHERE ${scopeSql("cohort", actor, { Cohort: "c" })}
    )
    SELECT relevant.*, (SELECT count(*)::int FROM mine) AS "total" FROM (
      (SELECT * FROM mine WHERE "endDate" >= ${formatDateOnly(today)}::date)
      UNION ALL
      (SELECT * FROM mine WHERE "endDate" < ${formatDateOnly(today)}::date ORDER BY "startDate" DESC LIMIT ${DASHBOARD_ALL_COHORTS_UP_TO})
    ) relevant`;
  const totalCohorts = cohorts[0]?.total ?? 0;
  cohorts.sort(byRelevance(today));
  const shown = totalCohorts <= DASHBOARD_ALL_COHORTS_UP_TO ? cohorts : cohorts.slice(0, DASHBOARD_COHORT_LIMIT);
  const live = cohorts.filter((cohort) => cohort.endDate >= today);
  const sending = cohorts.filter((cohort) => sideInCohort(actor, cohort) === "sending");
  const hosted = cohorts.filter((cohort) => sideInCohort(actor, cohort) === "host");

  const countsPromise = countPerCohort(jurisdictionId, shown.map((cohort) => cohort.id));
  const sendingSide = sending.length
    ? Promise.all([findSendingSide(live.filter((cohort) => sending.includes(cohort)), today, now), countsPromise]).then(([summary, { waitingSending }]) => ({ ...summary, waitingForMyApproval: waitingSending }))
    : Promise.resolve(null);
  const hostSide = hosted.length
    ? Promise.all([findHostSide(jurisdictionId, live.filter((cohort) => hosted.includes(cohort)), hosted, options.hostCohortId, today), countsPromise]).then(([summary, { waitingHost }]) => ({ ...summary, waitingForMyApproval: waitingHost }))
    : Promise.resolve(null);
  // Whoever renders a panel awaits it and sees its error; this only keeps a failure from being an unhandled
  // rejection when the first screen fails first and nothing renders the panels.
  for (const panel of [sendingSide, hostSide]) panel.catch(() => {});
  const counts = await countsPromise;

  return {
    totalCohorts,
    waitingForMyApproval: counts.waitingSending + counts.waitingHost,
    waitingSending: counts.waitingSending,
    waitingHost: counts.waitingHost,
    hasSendingSide: sending.length > 0,
    hasHostSide: hosted.length > 0,
    sending: sendingSide,
    host: hostSide,
    cohorts: shown.map((cohort) => ({
      id: cohort.id,
      name: cohort,
      side: sideInCohort(actor, cohort) ?? "sending",
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      status: cohort.status,
      placementsByStatus: counts.byStatus.get(cohort.id) ?? {},
      waitingForMyApproval: counts.waitingByCohort.get(cohort.id) ?? 0,
    })),
  };
}

/**
 * Placements by status for the shown cohorts, and the assigned placements still lacking this side's approval in
 * every cohort (per cohort and per side), in one statement.
 */
async function countPerCohort(jurisdictionId: string, shownIds: string[]) {
  const rows = await db.$queryRaw<{ kind: "status" | "waiting"; cohortId: string; key: string; count: number }[]>`
    SELECT 'status' AS "kind", "cohortId", "status"::text AS "key", count(*)::int AS "count"
    FROM "Placement" WHERE "cohortId" = ANY(${shownIds}::text[])
    GROUP BY "cohortId", "status"
    UNION ALL
    SELECT 'waiting', p."cohortId", CASE WHEN c."sendingJurisdictionId" = ${jurisdictionId} THEN 'sending' ELSE 'host' END, count(*)::int
    FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId"
    WHERE p."status" = 'ASSIGNED' AND (
      (c."sendingJurisdictionId" = ${jurisdictionId} AND p."sendingApprovedAt" IS NULL) OR
      (c."hostJurisdictionId" = ${jurisdictionId} AND p."hostApprovedAt" IS NULL))
    GROUP BY 2, 3`;
  const byStatus = new Map<string, Partial<Record<PlacementStatus, number>>>();
  const waitingByCohort = new Map<string, number>();
  let waitingSending = 0;
  let waitingHost = 0;
  for (const row of rows) {
    if (row.kind === "status") {
      byStatus.set(row.cohortId, { ...byStatus.get(row.cohortId), [row.key]: row.count });
      continue;
    }
    waitingByCohort.set(row.cohortId, (waitingByCohort.get(row.cohortId) ?? 0) + row.count);
    if (row.key === "sending") waitingSending += row.count;
    else waitingHost += row.count;
  }
  return { byStatus, waitingByCohort, waitingSending, waitingHost };
}

interface ArrivalJson {
  placementId: string;
  officerJurisdictionKind: JurisdictionKind;
  surname: string;
  givenName: string;
  otherName: string | null;
  chineseName: string | null;
  cohortEn: string;
  cohortZhHant: string;
  cohortZhHans: string;
  unitEn: string | null;
  unitZhHant: string | null;
  unitZhHans: string | null;
  startDate: string;
  status: PlacementStatus;
}

/**
 * Two columns, "arrivalsTotal" and "arrivals" (the first of them as JSON): ASSIGNED or CONFIRMED placements of the
 * given cohorts starting between `from` and `to`.
 */
function arrivalsColumns(cohortIds: string[], from: Date, to: Date): Prisma.Sql {
  const arrivals = Prisma.sql`
    FROM "Placement" a
    WHERE a."cohortId" = ANY(${cohortIds}::text[]) AND a."status" IN ('ASSIGNED', 'CONFIRMED')
      AND a."startDate" BETWEEN ${formatDateOnly(from)}::date AND ${formatDateOnly(to)}::date`;
  return Prisma.sql`
    (SELECT count(*)::int ${arrivals}) AS "arrivalsTotal",
    (SELECT coalesce(json_agg(t ORDER BY t."startDate", t."placementId"), '[]'::json) FROM (
      SELECT a."id" AS "placementId", oj."kind"::text AS "officerJurisdictionKind", o."surname", o."givenName", o."otherName", o."chineseName",
        c."nameEn" AS "cohortEn", c."nameZhHant" AS "cohortZhHant", c."nameZhHans" AS "cohortZhHans",
        h."nameEn" AS "unitEn", h."nameZhHant" AS "unitZhHant", h."nameZhHans" AS "unitZhHans",
        a."startDate"::text AS "startDate", a."status"::text AS "status"
      FROM "Placement" a
      JOIN "Officer" o ON o."id" = a."officerId"
      JOIN "Jurisdiction" oj ON oj."id" = o."jurisdictionId"
      JOIN "Cohort" c ON c."id" = a."cohortId"
      LEFT JOIN "HostUnit" h ON h."id" = a."hostUnitId"
      WHERE a."cohortId" = ANY(${cohortIds}::text[]) AND a."status" IN ('ASSIGNED', 'CONFIRMED')
        AND a."startDate" BETWEEN ${formatDateOnly(from)}::date AND ${formatDateOnly(to)}::date
      ORDER BY a."startDate", a."id"
      LIMIT ${DASHBOARD_LIST_LIMIT}) t) AS "arrivals"`;
}

const toArrival = (row: ArrivalJson): Arrival => ({
  placementId: row.placementId,
  officerName: formatOfficerName({ ...row, jurisdiction: { kind: row.officerJurisdictionKind } }),
  chineseName: row.chineseName,
  cohortName: { nameEn: row.cohortEn, nameZhHant: row.cohortZhHant, nameZhHans: row.cohortZhHans },
  hostUnitName: row.unitEn === null ? null : { nameEn: row.unitEn, nameZhHant: row.unitZhHant ?? "", nameZhHans: row.unitZhHans ?? "" },
  startDate: parseDateOnly(row.startDate),
  status: row.status,
});

type NamedCountJson = { id: string | null; nameEn: string | null; nameZhHant: string | null; nameZhHans: string | null; count: number };
const toNamedCount = (row: NamedCountJson): NamedCount => ({
  id: row.id,
  name: row.nameEn === null ? null : { nameEn: row.nameEn, nameZhHant: row.nameZhHant ?? "", nameZhHans: row.nameZhHans ?? "" },
  count: row.count,
});

interface SendingRow {
  nominatedNotPlaced: number;
  hostUnits: number;
  placed: number;
  byField: NamedCountJson[];
  byHostUnit: NamedCountJson[];
  arrivalsTotal: number;
  arrivals: ArrivalJson[];
  milestones: {
    id: string;
    title: string;
    type: ScheduleItemType;
    startsAt: string;
    allDay: boolean;
    cohortEn: string;
    cohortZhHant: string;
    cohortZhHans: string;
    surname: string | null;
    givenName: string | null;
    otherName: string | null;
    officerJurisdictionKind: JurisdictionKind | null;
  }[];
}

// The sets of the sending side's GROUPING SETS: GROUPING() has a bit set for each column a set leaves out.
const PER_FIELD = 1;
const PER_HOST_UNIT = 2;
const ALL_PLACEMENTS = 3;

/**
 * Everything on the sending-side panel, over this side's running and coming cohorts, in one statement. The
 * placements are read once for all the counts (GROUPING SETS), and the five milestones are chosen before their names
 * are joined: the first version read the placements five times and joined every coming milestone (decision 023).
 */
async function findSendingSide(liveCohorts: CohortRow[], today: Date, now: Date): Promise<SendingSideSummary> {
  const ids = liveCohorts.map((cohort) => cohort.id);
  const [row] = await db.$queryRaw<SendingRow[]>`
    WITH counts AS MATERIALIZED (
      SELECT "fieldId", "hostUnitId", GROUPING("fieldId", "hostUnitId") AS "set", count(*)::int AS "count",
        count(*) FILTER (WHERE "status" = 'NOMINATED' AND "hostUnitId" IS NULL)::int AS "unplaced", count("hostUnitId")::int AS "placed"
      FROM "Placement"
      WHERE "cohortId" = ANY(${ids}::text[]) AND "status" <> 'WITHDRAWN'
      GROUP BY GROUPING SETS ((), ("fieldId"), ("hostUnitId"))
    )
    SELECT
      (SELECT "unplaced" FROM counts WHERE "set" = ${ALL_PLACEMENTS}) AS "nominatedNotPlaced",
      (SELECT count(*)::int FROM counts WHERE "set" = ${PER_HOST_UNIT} AND "hostUnitId" IS NOT NULL) AS "hostUnits",
      (SELECT "placed" FROM counts WHERE "set" = ${ALL_PLACEMENTS}) AS "placed",
      (SELECT coalesce(json_agg(t ORDER BY t."sortOrder" NULLS LAST, t."nameEn"), '[]'::json) FROM (
        SELECT k."fieldId" AS "id", f."nameEn", f."nameZhHant", f."nameZhHans", f."sortOrder", k."count"
        FROM counts k LEFT JOIN "Field" f ON f."id" = k."fieldId" WHERE k."set" = ${PER_FIELD}) t) AS "byField",
      (SELECT coalesce(json_agg(t ORDER BY t."count" DESC, t."code"), '[]'::json) FROM (
        SELECT k."hostUnitId" AS "id", h."code", h."nameEn", h."nameZhHant", h."nameZhHans", k."count"
        FROM counts k JOIN "HostUnit" h ON h."id" = k."hostUnitId" WHERE k."set" = ${PER_HOST_UNIT}
        ORDER BY k."count" DESC, h."code"
        LIMIT ${DASHBOARD_LIST_LIMIT}) t) AS "byHostUnit",
      ${arrivalsColumns(ids, today, addDays(today, UPCOMING_DAYS))},
      (SELECT coalesce(json_agg(t ORDER BY t."startsAt", t."id"), '[]'::json) FROM (
        SELECT s."id", s."title", s."type"::text AS "type", to_char(s."startsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startsAt", s."allDay",
          c."nameEn" AS "cohortEn", c."nameZhHant" AS "cohortZhHant", c."nameZhHans" AS "cohortZhHans",
          o."surname", o."givenName", o."otherName", oj."kind"::text AS "officerJurisdictionKind"
        FROM (
          SELECT * FROM "ScheduleItem"
          WHERE "cohortId" = ANY(${ids}::text[]) AND "type" = 'MILESTONE' AND "startsAt" >= ${instant(now)}
          ORDER BY "startsAt", "id"
          LIMIT ${DASHBOARD_LIST_LIMIT}) s
        JOIN "Cohort" c ON c."id" = s."cohortId"
        LEFT JOIN "Placement" pl ON pl."id" = s."placementId"
        LEFT JOIN "Officer" o ON o."id" = pl."officerId"
        LEFT JOIN "Jurisdiction" oj ON oj."id" = o."jurisdictionId") t) AS "milestones"`;
  const topCount = row.byHostUnit.reduce((sum, unit) => sum + unit.count, 0);
  return {
    liveCohortCount: liveCohorts.length,
    nominatedNotPlaced: row.nominatedNotPlaced,
    waitingForMyApproval: 0,
    byField: row.byField.map(toNamedCount),
    byHostUnit: { top: row.byHostUnit.map(toNamedCount), otherCount: row.placed - topCount, hostUnitCount: row.hostUnits },
    upcomingArrivals: { total: row.arrivalsTotal, items: row.arrivals.map(toArrival) },
    milestones: row.milestones.map((item) => ({
      id: item.id,
      title: item.title,
      type: item.type,
      startsAt: new Date(item.startsAt),
      allDay: item.allDay,
      cohortName: { nameEn: item.cohortEn, nameZhHant: item.cohortZhHant, nameZhHans: item.cohortZhHans },
      officerName: item.surname && item.givenName ? formatOfficerName({
            surname: item.surname,
            givenName: item.givenName,
            otherName: item.otherName,
            jurisdiction: item.officerJurisdictionKind ? { kind: item.officerJurisdictionKind } : null,
          }) : null,
    })),
  };
}

/** The host cohort to show: the chosen one if it is the actor's, else the running one, else the next, else the last. */
function chooseHostCohort(liveHost: CohortRow[], hosted: CohortRow[], chosenId: string | undefined, today: Date): CohortRow | null {
  const chosen = chosenId ? hosted.find((cohort) => cohort.id === chosenId) : undefined;
  if (chosen) return chosen;
  const running = liveHost.filter((cohort) => cohort.startDate <= today).sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  if (running[0]) return running[0];
  if (liveHost[0]) return liveHost[0];
  return [...hosted].sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0] ?? null;
}

interface HostRow {
  capacityRows: (Omit<CapacityRow, "name"> & { nameEn: string; nameZhHant: string; nameZhHans: string })[];
  hostUnitCount: number;
  totalCapacity: number;
  totalUsed: number;
  arrivalsTotal: number;
  arrivals: ArrivalJson[];
}

/**
 * The host-side panel in one statement: places used and available per host unit of this side in the current cohort
 * (HostUnitCapacity for the cohort, else the unit's default; the fullest units are listed, the totals cover every
 * active unit and inactive ones still used), and this month's arrivals in the cohorts this side hosts.
 */
async function findHostSide(jurisdictionId: string, liveHost: CohortRow[], hosted: CohortRow[], chosenId: string | undefined, today: Date): Promise<HostSideSummary> {
  const current = chooseHostCohort(liveHost, hosted, chosenId, today);
  const { first: monthStart, last: monthEnd } = monthBounds(today);
  const thisMonth = hosted.filter((cohort) => cohort.endDate >= monthStart && cohort.startDate <= monthEnd).map((cohort) => cohort.id);
  const cohortId = current?.id ?? "";
  const [row] = await db.$queryRaw<HostRow[]>`
    WITH used AS (
      SELECT "hostUnitId", count(*)::int AS "used" FROM "Placement"
      WHERE "cohortId" = ${cohortId} AND "status" <> 'WITHDRAWN' AND "hostUnitId" IS NOT NULL
      GROUP BY "hostUnitId"
    ), units AS (
      SELECT h."id" AS "hostUnitId", h."code", h."nameEn", h."nameZhHant", h."nameZhHans",
        COALESCE(hc."capacity", h."defaultCapacity") AS "capacity", COALESCE(u."used", 0) AS "used"
      FROM "HostUnit" h
      LEFT JOIN "HostUnitCapacity" hc ON hc."hostUnitId" = h."id" AND hc."cohortId" = ${cohortId}
      LEFT JOIN used u ON u."hostUnitId" = h."id"
      WHERE h."jurisdictionId" = ${jurisdictionId} AND (h."active" OR u."used" > 0)
    )
    SELECT
      (SELECT coalesce(json_agg(t ORDER BY t."used" DESC, t."capacity" DESC, t."code"), '[]'::json) FROM (
        SELECT * FROM units ORDER BY "used" DESC, "capacity" DESC, "code" LIMIT ${DASHBOARD_LIST_LIMIT}) t) AS "capacityRows",
      (SELECT count(*)::int FROM units) AS "hostUnitCount",
      (SELECT coalesce(sum("capacity"), 0)::int FROM units) AS "totalCapacity",
      (SELECT coalesce(sum("used"), 0)::int FROM units) AS "totalUsed",
      ${arrivalsColumns(thisMonth, monthStart, monthEnd)}`;
  return {
    cohortChoices: liveHost.map((cohort) => ({ id: cohort.id, name: cohort, startDate: cohort.startDate, endDate: cohort.endDate })),
    currentCohort: current ? { id: current.id, name: current, startDate: current.startDate, endDate: current.endDate, status: current.status } : null,
    capacity: current
      ? {
          rows: row.capacityRows.map((unit) => ({
            hostUnitId: unit.hostUnitId,
            name: { nameEn: unit.nameEn, nameZhHant: unit.nameZhHant, nameZhHans: unit.nameZhHans },
            capacity: unit.capacity,
            used: unit.used,
          })),
          hostUnitCount: row.hostUnitCount,
          totalCapacity: row.totalCapacity,
          totalUsed: row.totalUsed,
        }
      : { rows: [], hostUnitCount: 0, totalCapacity: 0, totalUsed: 0 },
    waitingForMyApproval: 0,
    arrivalsThisMonth: { total: row.arrivalsTotal, items: row.arrivals.map(toArrival), monthStart },
  };
}
