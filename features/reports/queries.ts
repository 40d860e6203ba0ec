import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { JurisdictionKind, PlacementStatus } from "@/generated/prisma/enums";
import { sql, type Expression, type InferResult, type SqlBool } from "kysely";
import { db } from "@/lib/db";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import type { Actor } from "@/lib/authorization";
import { parseDateOnly } from "@/lib/dates";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { scopeSql, scopeWhere, staffNumberSql } from "@/lib/scopes";
import { REPORT_PAGE_SIZE, type ReportFilters } from "./schemas";

/** One placement as the report reads it: names already in the reader's language, nothing the reader may not see. */
export interface ReportRecord {
  id: string;
  cohortCode: string;
  /** In the reader's language. */
  cohortName: string;
  surname: string;
  givenName: string;
  otherName: string | null;
  /** The officer's side, which decides how the name is written (features/officers/names.ts). */
  jurisdiction: { kind: JurisdictionKind };
  chineseName: string | null;
  /** Null unless the reader is an administrator or on the sending side of the placement's cohort. */
  staffNumber: string | null;
  rank: string;
  homeDepartment: string;
  hostUnit: string | null;
  field: string | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
  /** The Hong Kong calendar date of the sending side's approval. */
  sendingApprovedOn: Date | null;
  sendingApprover: string | null;
  hostApprovedOn: Date | null;
  hostApprover: string | null;
}

/**
 * Rows an export reads per query; the writers pull the next batch only when they have written the last. 5,000 rows
 * are a few megabytes; smaller batches spent more time in per-query overhead (docs/performance.md).
 */
export const EXPORT_BATCH_SIZE = 5_000;

/** The tables of the report statements (here and in export/report-copy.ts) that the scopes read. */
export const reportAliases = { Placement: "p", Cohort: "c", Officer: "o" } as const;

function filterConditions(filters: ReportFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.cohort) conditions.push(Prisma.sql`p."cohortId" = ${filters.cohort}`);
  if (filters.status) conditions.push(Prisma.sql`p."status" = ${filters.status}::"PlacementStatus"`);
  if (filters.hostUnit) conditions.push(Prisma.sql`p."hostUnitId" = ${filters.hostUnit}`);
  if (filters.department) conditions.push(Prisma.sql`o."departmentId" = ${filters.department}`);
  if (filters.field) conditions.push(Prisma.sql`p."fieldId" = ${filters.field}`);
  // A placement is in the range when its dates overlap it.
  if (filters.from) conditions.push(Prisma.sql`p."endDate" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`p."startDate" <= ${filters.to}::date`);
  return conditions;
}

export function reportWhereClause(actor: Actor, filters: ReportFilters, extra: Prisma.Sql[] = []): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join([scopeSql("cohort", actor, reportAliases), ...filterConditions(filters), ...extra], " AND ")}`;
}

/** The report's scope and filters as one condition over the aliases p, c and o (reportAliases). */
function reportCondition(actor: Actor, filters: ReportFilters, extra: Prisma.Sql[] = []): Expression<SqlBool> {
  return prismaFragment<SqlBool>(Prisma.join([scopeSql("cohort", actor, reportAliases), ...filterConditions(filters), ...extra], " AND "));
}

/**
 * Placement rows as read, with references instead of names (typed by Kysely from the schema: a renamed column fails
 * typecheck). Dates come as text (cheaper than Date objects); approval instants as their calendar date in Hong Kong
 * (UTC+8 all year, as is Shenzhen), which is all a report shows. Only the placement, its cohort (for the scope) and
 * its officer are joined: reference names come from small caches, which keeps each batch query cheap.
 */
function selectPlacementRows(actor: Actor, locale: AppLocale, condition: Expression<SqlBool>) {
  const hongKongDay = (column: "p.sendingApprovedAt" | "p.hostApprovedAt") => sql<string | null>`(${sql.ref(column)} + interval '8 hours')::date::text`;
  return sqlBuilder
    .selectFrom("Placement as p")
    .innerJoin("Cohort as c", "c.id", "p.cohortId")
    .innerJoin("Officer as o", "o.id", "p.officerId")
    .innerJoin("Jurisdiction as j", "j.id", "o.jurisdictionId")
    .select([
      "p.id",
      "c.code as cohortCode",
      sql.ref<string>(`c.${nameColumns[locale]}`).as("cohortName"),
      sql<JurisdictionKind>`j."kind"::text`.as("officerJurisdictionKind"),
      "o.surname",
      "o.givenName",
      "o.otherName",
      "o.chineseName",
      prismaFragment<string | null>(staffNumberSql(actor, reportAliases)).as("staffNumber"),
      "o.rankId",
      "o.departmentId",
      "p.hostUnitId",
      "p.fieldId",
      "p.postTitle",
      sql<string>`p."startDate"::text`.as("startDate"),
      sql<string>`p."endDate"::text`.as("endDate"),
      sql<PlacementStatus>`p."status"::text`.as("status"),
      hongKongDay("p.sendingApprovedAt").as("sendingApprovedOn"),
      "p.sendingApprovedById",
      hongKongDay("p.hostApprovedAt").as("hostApprovedOn"),
      "p.hostApprovedById",
    ])
    .where(condition);
}

/** A placement row as selectPlacementRows reads it. */
type PlacementRow = InferResult<ReturnType<typeof selectPlacementRows>>[number];

type NamedTable = "rank" | "department" | "hostUnit" | "field" | "user";

/**
 * Names of reference records by id, in one language, fetched the first time an id is seen. Bounded by the size of
 * the reference tables (ranks, departments, host units, fields, approving users), never by the number of rows.
 */
class NameCache {
  private readonly names: Record<NamedTable, Map<string, string>> = {
    rank: new Map(),
    department: new Map(),
    hostUnit: new Map(),
    field: new Map(),
    user: new Map(),
  };
  private readonly column: "nameEn" | "nameZhHant" | "nameZhHans";

  constructor(locale: AppLocale) {
    this.column = nameColumns[locale];
  }

  async load(rows: PlacementRow[]): Promise<void> {
    const missing: Record<NamedTable, Set<string>> = { rank: new Set(), department: new Set(), hostUnit: new Set(), field: new Set(), user: new Set() };
    const note = (table: NamedTable, id: string | null) => {
      if (id && !this.names[table].has(id)) missing[table].add(id);
    };
    for (const row of rows) {
      note("rank", row.rankId);
      note("department", row.departmentId);
      note("hostUnit", row.hostUnitId);
      note("field", row.fieldId);
      note("user", row.sendingApprovedById);
      note("user", row.hostApprovedById);
    }
    const column = this.column;
    const fetch = async (table: NamedTable, lookup: (ids: string[]) => Promise<{ id: string; name: string }[]>) => {
      const ids = [...missing[table]];
      if (ids.length === 0) return;
      for (const record of await lookup(ids)) this.names[table].set(record.id, record.name);
    };
    const localized = <T extends Record<string, string>>(records: T[]) => records.map((record) => ({ id: record.id, name: record[column] }));
    await Promise.all([
      fetch("rank", async (ids) => localized(await db.rank.findMany({ where: { id: { in: ids } }, select: { id: true, [column]: true } as { id: true } }))),
      fetch("department", async (ids) => localized(await db.department.findMany({ where: { id: { in: ids } }, select: { id: true, [column]: true } as { id: true } }))),
      fetch("hostUnit", async (ids) => localized(await db.hostUnit.findMany({ where: { id: { in: ids } }, select: { id: true, [column]: true } as { id: true } }))),
      fetch("field", async (ids) => localized(await db.field.findMany({ where: { id: { in: ids } }, select: { id: true, [column]: true } as { id: true } }))),
      fetch("user", (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    ]);
  }

  name(table: NamedTable, id: string | null): string | null {
    return id ? (this.names[table].get(id) ?? null) : null;
  }
}

/** Calendar dates repeat across thousands of rows; one Date object per distinct day serves them all. */
class DateCache {
  private readonly dates = new Map<string, Date>();
  get(text: string): Date {
    let date = this.dates.get(text);
    if (!date) {
      date = parseDateOnly(text);
      this.dates.set(text, date);
    }
    return date;
  }
}

function toRecord(row: PlacementRow, names: NameCache, dates: DateCache): ReportRecord {
  return {
    id: row.id,
    cohortCode: row.cohortCode,
    cohortName: row.cohortName,
    jurisdiction: { kind: row.officerJurisdictionKind },
    surname: row.surname,
    givenName: row.givenName,
    otherName: row.otherName,
    chineseName: row.chineseName,
    staffNumber: row.staffNumber,
    rank: names.name("rank", row.rankId) ?? "",
    homeDepartment: names.name("department", row.departmentId) ?? "",
    hostUnit: names.name("hostUnit", row.hostUnitId),
    field: names.name("field", row.fieldId),
    postTitle: row.postTitle,
    startDate: dates.get(row.startDate),
    endDate: dates.get(row.endDate),
    status: row.status,
    sendingApprovedOn: row.sendingApprovedOn ? dates.get(row.sendingApprovedOn) : null,
    sendingApprover: names.name("user", row.sendingApprovedById),
    hostApprovedOn: row.hostApprovedOn ? dates.get(row.hostApprovedOn) : null,
    hostApprover: names.name("user", row.hostApprovedById),
  };
}

/** How many placements the report holds for these filters (the officer is joined only when a filter needs it). */
export async function countReportRecords(actor: Actor, filters: ReportFilters): Promise<number> {
  const base = sqlBuilder.selectFrom("Placement as p").innerJoin("Cohort as c", "c.id", "p.cohortId");
  const joined = filters.department ? base.innerJoin("Officer as o", "o.id", "p.officerId") : base;
  const [row] = await runQuery(joined.select(sql<number>`count(*)::int`.as("count")).where(reportCondition(actor, filters)));
  return row?.count ?? 0;
}

/** One page of the report preview, newest placements first. */
export async function findReportPage(actor: Actor, filters: ReportFilters, page: number, locale: AppLocale): Promise<ReportRecord[]> {
  const rows = await runQuery(
    selectPlacementRows(actor, locale, reportCondition(actor, filters))
      .orderBy("p.startDate", "desc")
      .orderBy("p.id", "desc")
      .limit(REPORT_PAGE_SIZE)
      .offset((page - 1) * REPORT_PAGE_SIZE),
  );
  const names = new NameCache(locale);
  await names.load(rows);
  const dates = new DateCache();
  return rows.map((row) => toRecord(row, names, dates));
}

/**
 * Every placement of the report, read in batches by keyset on the id, so an export of any size holds about two
 * batches in memory and no transaction or connection stays open while the client downloads. The next batch is
 * requested while the current one is being written.
 */
export async function* streamReportRecords(
  actor: Actor,
  filters: ReportFilters,
  locale: AppLocale,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ReportRecord> {
  const names = new NameCache(locale);
  const dates = new DateCache();
  const readBatch = async (after: string | null) => {
    const keyset = after === null ? [] : [Prisma.sql`p."id" > ${after}`];
    const rows = await runQuery(selectPlacementRows(actor, locale, reportCondition(actor, filters, keyset)).orderBy("p.id").limit(batchSize));
    await names.load(rows);
    return rows;
  };
  let next: Promise<PlacementRow[]> | null = readBatch(null);
  while (next) {
    const batch: PlacementRow[] = await next;
    next = batch.length < batchSize ? null : readBatch(batch[batch.length - 1].id);
    // A prefetch that nobody will await (the reader stopped) must not surface as an unhandled rejection.
    next?.catch(() => {});
    for (const row of batch) yield toRecord(row, names, dates);
  }
}

export interface ReportCohort extends TrilingualName {
  id: string;
  code: string;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
}

/** A cohort the actor may report on, or null (also for a guessed id of someone else's cohort). */
export async function findReportCohort(actor: Actor, cohortId: string): Promise<ReportCohort | null> {
  return db.cohort.findFirst({
    where: { AND: [{ id: cohortId }, scopeWhere("cohort", actor)] },
    select: { id: true, code: true, ...trilingualNameSelect, sendingJurisdictionId: true, hostJurisdictionId: true },
  });
}

/**
 * Whether a report may carry the staff number column: for an administrator always; for a coordinator only when
 * every cohort it covers has the coordinator's side sending (a host-side or mixed report never has the column).
 */
export async function mayIncludeSendingSideFields(actor: Actor, filters: ReportFilters): Promise<boolean> {
  if (actor.role === "ADMIN") return true;
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return false;
  const cohorts = await db.cohort.groupBy({
    by: ["sendingJurisdictionId"],
    where: { AND: [scopeWhere("cohort", actor), filters.cohort ? { id: filters.cohort } : {}] },
  });
  return cohorts.length === 1 && cohorts[0].sendingJurisdictionId === actor.jurisdictionId;
}

type Option = { id: string; nameEn: string; nameZhHant: string; nameZhHans: string };

export interface ReportFilterOptions {
  cohorts: (Option & { code: string })[];
  /** Host units of the chosen cohort's host side; empty until a cohort is chosen. */
  hostUnits: Option[];
  departments: (Option & { jurisdictionId: string })[];
  fields: Option[];
}

/** Choices for the filter form, limited to what the actor may report on. */
export async function findReportFilterOptions(actor: Actor, cohort: ReportCohort | null): Promise<ReportFilterOptions> {
  const scope = scopeWhere("cohort", actor);
  const names = { id: true, ...trilingualNameSelect } as const;
  const sendingSides = cohort
    ? [cohort.sendingJurisdictionId]
    : (await db.cohort.findMany({ where: scope, distinct: ["sendingJurisdictionId"], select: { sendingJurisdictionId: true } })).map(
        (row) => row.sendingJurisdictionId,
      );
  const [cohorts, hostUnits, departments, fields] = await Promise.all([
    db.cohort.findMany({ where: scope, orderBy: [{ startDate: "desc" }, { code: "asc" }], select: { ...names, code: true } }),
    cohort ? db.hostUnit.findMany({ where: { jurisdictionId: cohort.hostJurisdictionId }, orderBy: { code: "asc" }, select: names }) : Promise.resolve([]),
    db.department.findMany({
      where: { jurisdictionId: { in: sendingSides } },
      orderBy: [{ jurisdictionId: "asc" }, { code: "asc" }],
      select: { ...names, jurisdictionId: true },
    }),
    db.field.findMany({ orderBy: { sortOrder: "asc" }, select: names }),
  ]);
  return { cohorts, hostUnits, departments, fields };
}
