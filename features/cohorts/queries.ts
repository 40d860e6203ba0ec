import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { sql } from "kysely";
import type { CohortStatus } from "@/generated/prisma/enums";
import { viewerRoleInCohort } from "./policy";
import { containsPattern } from "@/lib/sql-search";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { scopeSql, scopeWhere } from "@/lib/scopes";
import { cohortPageSize, type CohortListParams } from "./schemas";


export async function findVisibleCohorts(actor: Actor) {
  return db.cohort.findMany({
    where: scopeWhere("cohort", actor),
    orderBy: { startDate: "desc" },
    include: {
      sendingJurisdiction: { select: trilingualNameSelect },
      hostJurisdiction: { select: trilingualNameSelect },
      _count: { select: { placements: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
}

export interface CohortListRow {
  id: string;
  code: string;
  name: TrilingualName;
  sendingSide: TrilingualName;
  hostSide: TrilingualName;
  viewerRole: "sending" | "host" | "admin" | null;
  startDate: Date;
  endDate: Date;
  nominationDeadline: Date | null;
  status: CohortStatus;
  livePlacements: number;
}

export interface CohortPage {
  rows: CohortListRow[];
  total: number;
  page: number;
  pageCount: number;
}


type CohortQuery = ReturnType<typeof scopedCohorts>;

/** The cohorts of the list's filters, scoped to the actor first. */
function scopedCohorts(actor: Actor, params: CohortListParams) {
  let query = sqlBuilder.selectFrom("Cohort as c").where(prismaFragment<boolean>(scopeSql("cohort", actor, { Cohort: "c" })));
  if (params.q) {
    const pattern = containsPattern(params.q);
    query = query.where((eb) => eb.or([eb("c.code", "ilike", pattern), eb("c.nameEn", "ilike", pattern), eb("c.nameZhHant", "ilike", pattern), eb("c.nameZhHans", "ilike", pattern)]));
  }
  if (params.status) query = query.where("c.status", "=", sql<CohortStatus>`${params.status}::"CohortStatus"`);
  return query;
}

function orderCohorts<Q extends CohortQuery>(query: Q, sort: CohortListParams["sort"], locale: AppLocale): Q {
  switch (sort) {
    case "start-asc":
      return query.orderBy("c.startDate", "asc").orderBy("c.code", "asc") as Q;
    case "name":
      return query.orderBy(`c.${nameColumns[locale]}`, "asc").orderBy("c.code", "asc") as Q;
    case "code":
      return query.orderBy("c.code", "asc") as Q;
    case "status":
      // The enum's declaration order is the workflow order, and PostgreSQL sorts enums by it.
      return query.orderBy("c.status", "asc").orderBy("c.startDate", "desc") as Q;
    default:
      return query.orderBy("c.startDate", "desc").orderBy("c.code", "asc") as Q;
  }
}

/**
 * One page of the cohort list: scoped to the actor's side, searched, filtered and sorted in the database, with the
 * total and the sides' names in the same statement (the list is one of the most used pages, and each Prisma model
 * query costs more CPU in the app than the database spends on it).
 */
export async function findCohortPage(actor: Actor, params: CohortListParams, locale: AppLocale): Promise<CohortPage> {
  const cohorts = scopedCohorts(actor, params);
  const readPage = (page: number) =>
    runQuery(
      orderCohorts(cohorts, params.sort, locale)
        .innerJoin("Jurisdiction as s", "s.id", "c.sendingJurisdictionId")
        .innerJoin("Jurisdiction as h", "h.id", "c.hostJurisdictionId")
        .select([
          "c.id", "c.code", "c.nameEn", "c.nameZhHant", "c.nameZhHans", "c.sendingJurisdictionId", "c.hostJurisdictionId",
          "s.nameEn as sendingNameEn", "s.nameZhHant as sendingNameZhHant", "s.nameZhHans as sendingNameZhHans",
          "h.nameEn as hostNameEn", "h.nameZhHant as hostNameZhHant", "h.nameZhHans as hostNameZhHans",
          "c.startDate", "c.endDate", "c.nominationDeadline", "c.status",
        ])
        .select((eb) => [
          eb
            .selectFrom("Placement as p")
            .whereRef("p.cohortId", "=", "c.id")
            .where("p.status", "<>", sql.lit("WITHDRAWN"))
            .select(sql<number>`count(*)::int`.as("count"))
            .as("livePlacements"),
          sql<number>`count(*) OVER ()::int`.as("total"),
        ])
        .limit(cohortPageSize)
        .offset((page - 1) * cohortPageSize),
    );
  let page = params.page;
  let rows = await readPage(page);
  if (rows.length === 0 && page > 1) {
    // Past the last page (an old link): show the last page, as the list's paging does everywhere.
    const [{ count }] = await runQuery(cohorts.select(sql<number>`count(*)::int`.as("count")));
    page = Math.max(1, Math.ceil(count / cohortPageSize));
    rows = count === 0 ? [] : await readPage(page);
  }
  const total = rows[0]?.total ?? 0;
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / cohortPageSize)),
    rows: rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: { nameEn: row.nameEn, nameZhHant: row.nameZhHant, nameZhHans: row.nameZhHans },
      sendingSide: { nameEn: row.sendingNameEn, nameZhHant: row.sendingNameZhHant, nameZhHans: row.sendingNameZhHans },
      hostSide: { nameEn: row.hostNameEn, nameZhHant: row.hostNameZhHant, nameZhHans: row.hostNameZhHans },
      viewerRole: viewerRoleInCohort(actor, row),
      startDate: row.startDate,
      endDate: row.endDate,
      nominationDeadline: row.nominationDeadline,
      status: row.status,
      livePlacements: row.livePlacements ?? 0,
    })),
  };
}

export interface CohortDetail {
  id: string;
  code: string;
  name: TrilingualName;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
  sendingSide: TrilingualName;
  hostSide: TrilingualName;
  viewerRole: "sending" | "host" | "admin" | null;
  startDate: Date;
  endDate: Date;
  nominationDeadline: Date | null;
  status: CohortStatus;
  version: number;
  livePlacements: number;
}

/**
 * A cohort the actor may see, or null — also for a guessed id outside the actor's side, so a page answers 404.
 * Read once per request: the board page's metadata, the page itself and its candidate and host-unit lists all ask.
 */
export const findCohortForActor = cache(async (actor: Actor, id: string): Promise<CohortDetail | null> => {
  const cohort = await db.cohort.findFirst({
    where: { AND: [{ id }, scopeWhere("cohort", actor)] },
    include: {
      sendingJurisdiction: { select: trilingualNameSelect },
      hostJurisdiction: { select: trilingualNameSelect },
      _count: { select: { placements: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
  if (!cohort) return null;
  return {
    id: cohort.id,
    code: cohort.code,
    name: cohort,
    nameEn: cohort.nameEn,
    nameZhHant: cohort.nameZhHant,
    nameZhHans: cohort.nameZhHans,
    sendingJurisdictionId: cohort.sendingJurisdictionId,
    hostJurisdictionId: cohort.hostJurisdictionId,
    sendingSide: cohort.sendingJurisdiction,
    hostSide: cohort.hostJurisdiction,
    viewerRole: viewerRoleInCohort(actor, cohort),
    startDate: cohort.startDate,
    endDate: cohort.endDate,
    nominationDeadline: cohort.nominationDeadline,
    status: cohort.status,
    version: cohort.version,
    livePlacements: cohort._count.placements,
  };
});

export interface JurisdictionOption extends TrilingualName {
  id: string;
  code: string;
}

/** The sides a cohort can have: active jurisdictions (reference data, nothing personal). */
export async function findJurisdictionOptions(): Promise<JurisdictionOption[]> {
  return db.jurisdiction.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, ...trilingualNameSelect } });
}
