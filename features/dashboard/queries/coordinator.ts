import "server-only";
import type { CohortStatus, JurisdictionKind, PlacementStatus, ScheduleItemType } from "@/generated/prisma/enums";
import { sql, type ExpressionBuilder, type SqlBool } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { anyText, countRows, dateOnly, instant } from "@/lib/sql-fragments";
import { formatOfficerName } from "@/features/officers/names";
import { sideInCohort, type Actor } from "@/lib/authorization";
import { addDays, monthBounds, parseDateOnly, todayInHongKong } from "@/lib/dates";
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
  /** `panels: false`: the first screen only; the side panels' statements are not run (they load when shown, decision 113). */
  options: { hostCohortId?: string; today?: Date; now?: Date; panels?: boolean } = {},
): Promise<CoordinatorDashboard | null> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return null;
  const jurisdictionId = actor.jurisdictionId;
  const now = options.now ?? new Date();
  const today = options.today ?? parseDateOnly(todayInHongKong(now));

  // Every running or coming cohort, and the most recent past ones: enough for the cards and both panels.
  const day = dateOnly(today);
  const cohorts: CohortRow[] = await runQuery(
    sqlBuilder
      .with("mine", (query) =>
        query
          .selectFrom("Cohort as c")
          .select(["c.id", "c.nameEn", "c.nameZhHant", "c.nameZhHans", "c.startDate", "c.endDate", "c.status", "c.sendingJurisdictionId", "c.hostJurisdictionId"])
          .where(prismaFragment<SqlBool>(scopeSql("cohort", actor, { Cohort: "c" }))),
      )
      .selectFrom((query) =>
        query
          .selectFrom("mine")
          .selectAll()
          .where("endDate", ">=", day)
          .unionAll(
            // In a subquery: a set operation's last ORDER BY and LIMIT would otherwise apply to the whole union.
            query.selectFrom((past) => past.selectFrom("mine").selectAll().where("endDate", "<", day).orderBy("startDate", "desc").limit(DASHBOARD_ALL_COHORTS_UP_TO).as("past")).selectAll(),
          )
          .as("relevant"),
      )
      .selectAll("relevant")
      .select((eb) => eb.selectFrom("mine").select(countRows().as("count")).$asScalar().$notNull().as("total")),
  );
  const totalCohorts = cohorts[0]?.total ?? 0;
  cohorts.sort(byRelevance(today));
  const shown = totalCohorts <= DASHBOARD_ALL_COHORTS_UP_TO ? cohorts : cohorts.slice(0, DASHBOARD_COHORT_LIMIT);
  const live = cohorts.filter((cohort) => cohort.endDate >= today);
  const sending = cohorts.filter((cohort) => sideInCohort(actor, cohort) === "sending");
  const hosted = cohorts.filter((cohort) => sideInCohort(actor, cohort) === "host");

  const countsPromise = countPerCohort(jurisdictionId, shown.map((cohort) => cohort.id));
  const withPanels = options.panels ?? true;
  const sendingSide = withPanels && sending.length
    ? Promise.all([findSendingSide(live.filter((cohort) => sending.includes(cohort)), today, now), countsPromise]).then(([summary, { waitingSending }]) => ({ ...summary, waitingForMyApproval: waitingSending }))
    : Promise.resolve(null);
  const hostSide = withPanels && hosted.length
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
  const sideOf = (eb: ExpressionBuilder<DB & { c: DB["Cohort"] }, "c">) =>
    eb.case().when("c.sendingJurisdictionId", "=", jurisdictionId).then(sql.lit("sending")).else(sql.lit("host")).end().$castTo<string>();
  const rows = await runQuery(
    sqlBuilder
      .selectFrom("Placement")
      .select((eb) => [sql.lit("status").$castTo<"status" | "waiting">().as("kind"), "cohortId", eb.cast<string>("status", "text").as("key"), countRows().as("count")])
      .where("cohortId", "=", anyText(shownIds))
      .groupBy(["cohortId", "status"])
      .unionAll((union) =>
        union
          .selectFrom("Placement as p")
          .innerJoin("Cohort as c", "c.id", "p.cohortId")
          .select((eb) => [sql.lit("waiting").$castTo<"status" | "waiting">().as("kind"), "p.cohortId", sideOf(eb).as("key"), countRows().as("count")])
          .where("p.status", "=", sql.lit("ASSIGNED"))
          .where((eb) =>
            eb.or([
              eb.and([eb("c.sendingJurisdictionId", "=", jurisdictionId), eb("p.sendingApprovedAt", "is", null)]),
              eb.and([eb("c.hostJurisdictionId", "=", jurisdictionId), eb("p.hostApprovedAt", "is", null)]),
            ]),
          )
          // By position: the side's CASE binds the jurisdiction as a parameter of its own in each place it is written,
          // and PostgreSQL does not see two parameters as the same expression.
          .groupBy([sql.lit(2), sql.lit(3)]),
      ),
  );
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


/**
 * Two columns, "arrivalsTotal" and "arrivals" (the first of them as JSON): ASSIGNED or CONFIRMED placements of the
 * given cohorts starting between `from` and `to`.
 */
function arrivalsColumns(cohortIds: string[], from: Date, to: Date) {
  const arrivals = sqlBuilder
    .selectFrom("Placement as a")
    .where("a.cohortId", "=", anyText(cohortIds))
    .where("a.status", "in", [sql.lit<PlacementStatus>("ASSIGNED"), sql.lit<PlacementStatus>("CONFIRMED")])
    .where((eb) => eb.between("a.startDate", dateOnly(from), dateOnly(to)));
  return [
    arrivals.select(countRows().as("count")).$asScalar().$notNull().as("arrivalsTotal"),
    jsonArrayFrom(
      arrivals
        .innerJoin("Officer as o", "o.id", "a.officerId")
        .innerJoin("Jurisdiction as oj", "oj.id", "o.jurisdictionId")
        .innerJoin("Cohort as c", "c.id", "a.cohortId")
        .leftJoin("HostUnit as h", "h.id", "a.hostUnitId")
        .select([
          "a.id as placementId", "oj.kind as officerJurisdictionKind", "o.surname", "o.givenName", "o.otherName", "o.chineseName",
          "c.nameEn as cohortEn", "c.nameZhHant as cohortZhHant", "c.nameZhHans as cohortZhHans",
          "h.nameEn as unitEn", "h.nameZhHant as unitZhHant", "h.nameZhHans as unitZhHans",
          "a.startDate", "a.status",
        ])
        .orderBy("a.startDate")
        .orderBy("a.id")
        .limit(DASHBOARD_LIST_LIMIT),
    ).as("arrivals"),
  ] as const;
}

/** An arrival as the JSON list holds it; checked against the statement's inferred row where it is read. */
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

const toArrival = (row: ArrivalJson): Arrival => ({
  placementId: row.placementId,
  officerName: formatOfficerName({ ...row, jurisdiction: { kind: row.officerJurisdictionKind } }),
  chineseName: row.chineseName,
  cohortName: { nameEn: row.cohortEn, nameZhHant: row.cohortZhHant, nameZhHans: row.cohortZhHans },
  hostUnitName: row.unitEn === null ? null : { nameEn: row.unitEn, nameZhHant: row.unitZhHant ?? "", nameZhHans: row.unitZhHans ?? "" },
  startDate: parseDateOnly(row.startDate),
  status: row.status,
});

/** A count of a field or host unit as the JSON lists hold it; checked against the inferred rows where it is read. */
type NamedCountJson = { id: string | null; nameEn: string | null; nameZhHant: string | null; nameZhHans: string | null; count: number };
const toNamedCount = (row: NamedCountJson): NamedCount => ({
  id: row.id,
  name: row.nameEn === null ? null : { nameEn: row.nameEn, nameZhHant: row.nameZhHant ?? "", nameZhHans: row.nameZhHans ?? "" },
  count: row.count,
});


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
  const [row] = await runQuery(
    sqlBuilder
      .with(
        (cte) => cte("counts").materialized(),
        (query) =>
          query
            .selectFrom("Placement")
            .select((eb) => [
              "fieldId",
              "hostUnitId",
              sql<number>`GROUPING(${eb.ref("fieldId")}, ${eb.ref("hostUnitId")})`.as("set"),
              countRows().as("count"),
              sql<number>`count(*) FILTER (WHERE ${eb.and([eb("status", "=", sql.lit("NOMINATED")), eb("hostUnitId", "is", null)])})::int`.as("unplaced"),
              sql<number>`count(${eb.ref("hostUnitId")})::int`.as("placed"),
            ])
            .where("cohortId", "=", anyText(ids))
            .where("status", "<>", sql.lit("WITHDRAWN"))
            .groupBy((eb) => [sql<unknown>`GROUPING SETS ((), (${eb.ref("fieldId")}), (${eb.ref("hostUnitId")}))`]),
      )
      .selectNoFrom((eb) => [
        eb.selectFrom("counts").select("unplaced").where("set", "=", ALL_PLACEMENTS).$asScalar().$notNull().as("nominatedNotPlaced"),
        eb.selectFrom("counts").select(countRows().as("count")).where("set", "=", PER_HOST_UNIT).where("hostUnitId", "is not", null).$asScalar().$notNull().as("hostUnits"),
        eb.selectFrom("counts").select("placed").where("set", "=", ALL_PLACEMENTS).$asScalar().$notNull().as("placed"),
        jsonArrayFrom(
          eb
            .selectFrom("counts as k")
            .leftJoin("Field as f", "f.id", "k.fieldId")
            .select(["k.fieldId as id", "f.nameEn", "f.nameZhHant", "f.nameZhHans", "f.sortOrder", "k.count"])
            .where("k.set", "=", PER_FIELD)
            .orderBy("f.sortOrder", (order) => order.asc().nullsLast())
            .orderBy("f.nameEn"),
        ).as("byField"),
        jsonArrayFrom(
          eb
            .selectFrom("counts as k")
            .innerJoin("HostUnit as h", "h.id", "k.hostUnitId")
            .select(["k.hostUnitId as id", "h.code", "h.nameEn", "h.nameZhHant", "h.nameZhHans", "k.count"])
            .where("k.set", "=", PER_HOST_UNIT)
            .orderBy("k.count", "desc")
            .orderBy("h.code")
            .limit(DASHBOARD_LIST_LIMIT),
        ).as("byHostUnit"),
        ...arrivalsColumns(ids, today, addDays(today, UPCOMING_DAYS)),
        jsonArrayFrom(
          eb
            .selectFrom((next) =>
              next
                .selectFrom("ScheduleItem")
                .selectAll()
                .where("cohortId", "=", anyText(ids))
                .where("type", "=", sql.lit("MILESTONE"))
                .where("startsAt", ">=", instant(now))
                .orderBy("startsAt")
                .orderBy("id")
                .limit(DASHBOARD_LIST_LIMIT)
                .as("s"),
            )
            .innerJoin("Cohort as c", "c.id", "s.cohortId")
            .leftJoin("Placement as pl", "pl.id", "s.placementId")
            .leftJoin("Officer as o", "o.id", "pl.officerId")
            .leftJoin("Jurisdiction as oj", "oj.id", "o.jurisdictionId")
            .select((item) => [
              "s.id", "s.title", "s.type", sql<string>`to_char(${item.ref("s.startsAt")}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as("startsAt"), "s.allDay",
              "c.nameEn as cohortEn", "c.nameZhHant as cohortZhHant", "c.nameZhHans as cohortZhHans",
              "o.surname", "o.givenName", "o.otherName", "oj.kind as officerJurisdictionKind",
            ])
            .orderBy("s.startsAt")
            .orderBy("s.id"),
        ).as("milestones"),
      ]),
  );
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
  const [row] = await runQuery(
    sqlBuilder
      .with("used", (query) =>
        query
          .selectFrom("Placement")
          .select(["hostUnitId", countRows().as("used")])
          .where("cohortId", "=", cohortId)
          .where("status", "<>", sql.lit("WITHDRAWN"))
          .where("hostUnitId", "is not", null)
          .groupBy("hostUnitId"),
      )
      .with("units", (query) =>
        query
          .selectFrom("HostUnit as h")
          .leftJoin("HostUnitCapacity as hc", (join) => join.onRef("hc.hostUnitId", "=", "h.id").on("hc.cohortId", "=", cohortId))
          .leftJoin("used as u", "u.hostUnitId", "h.id")
          .select((eb) => [
            "h.id as hostUnitId", "h.code", "h.nameEn", "h.nameZhHant", "h.nameZhHans",
            eb.fn.coalesce("hc.capacity", "h.defaultCapacity").as("capacity"),
            eb.fn.coalesce("u.used", sql.lit(0)).$castTo<number>().as("used"),
          ])
          .where("h.jurisdictionId", "=", jurisdictionId)
          .where((eb) => eb.or([eb.ref("h.active"), eb("u.used", ">", 0)])),
      )
      .selectNoFrom((eb) => [
        jsonArrayFrom(eb.selectFrom("units").selectAll().orderBy("used", "desc").orderBy("capacity", "desc").orderBy("code").limit(DASHBOARD_LIST_LIMIT)).as("capacityRows"),
        eb.selectFrom("units").select(countRows().as("count")).$asScalar().$notNull().as("hostUnitCount"),
        eb.selectFrom("units").select((units) => sql<number>`coalesce(sum(${units.ref("capacity")}), 0)::int`.as("sum")).$asScalar().$notNull().as("totalCapacity"),
        eb.selectFrom("units").select((units) => sql<number>`coalesce(sum(${units.ref("used")}), 0)::int`.as("sum")).$asScalar().$notNull().as("totalUsed"),
        ...arrivalsColumns(thisMonth, monthStart, monthEnd),
      ]),
  );
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
