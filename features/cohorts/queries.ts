import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { Prisma } from "@/generated/prisma/client";
import type { CohortStatus } from "@/generated/prisma/enums";
import { viewerRoleInCohort } from "./policy";
import { containsPattern } from "@/lib/sql-search";
import { cohortScopeSql } from "./sql";
import { cohortPageSize, type CohortListParams } from "./schemas";


/** The cohorts an actor may see: all for admins, those its side takes part in for coordinators, none otherwise. */
export function cohortScope(actor: Actor): Prisma.CohortWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return { OR: [{ sendingJurisdictionId: actor.jurisdictionId }, { hostJurisdictionId: actor.jurisdictionId }] };
  }
  return { id: { in: [] } };
}

export async function findVisibleCohorts(actor: Actor) {
  return db.cohort.findMany({
    where: cohortScope(actor),
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


function cohortOrderSql(sort: CohortListParams["sort"], locale: AppLocale): Prisma.Sql {
  switch (sort) {
    case "start-asc":
      return Prisma.sql`c."startDate" ASC, c."code" ASC`;
    case "name":
      return Prisma.sql`${Prisma.raw(`c."${nameColumns[locale]}"`)} ASC, c."code" ASC`;
    case "code":
      return Prisma.sql`c."code" ASC`;
    case "status":
      // The enum's declaration order is the workflow order, and PostgreSQL sorts enums by it.
      return Prisma.sql`c."status" ASC, c."startDate" DESC`;
    default:
      return Prisma.sql`c."startDate" DESC, c."code" ASC`;
  }
}

interface CohortListSqlRow extends TrilingualName {
  id: string;
  code: string;
  sendingJurisdictionId: string;
  hostJurisdictionId: string;
  sendingNameEn: string;
  sendingNameZhHant: string;
  sendingNameZhHans: string;
  hostNameEn: string;
  hostNameZhHant: string;
  hostNameZhHans: string;
  startDate: Date;
  endDate: Date;
  nominationDeadline: Date | null;
  status: CohortStatus;
  livePlacements: number;
  total: number;
}

/**
 * One page of the cohort list: scoped to the actor's side, searched, filtered and sorted in the database, with the
 * total and the sides' names in the same statement (the list is one of the most used pages, and each Prisma model
 * query costs more CPU in the app than the database spends on it).
 */
export async function findCohortPage(actor: Actor, params: CohortListParams, locale: AppLocale): Promise<CohortPage> {
  const filters = [cohortScopeSql(actor)];
  if (params.q) {
    const pattern = containsPattern(params.q);
    filters.push(Prisma.sql`(c."code" ILIKE ${pattern} OR c."nameEn" ILIKE ${pattern} OR c."nameZhHant" ILIKE ${pattern} OR c."nameZhHans" ILIKE ${pattern})`);
  }
  if (params.status) filters.push(Prisma.sql`c."status" = ${params.status}::"CohortStatus"`);
  const where = Prisma.join(filters, " AND ");
  const readPage = (page: number) => db.$queryRaw<CohortListSqlRow[]>`
    SELECT c."id", c."code", c."nameEn", c."nameZhHant", c."nameZhHans", c."sendingJurisdictionId", c."hostJurisdictionId",
      s."nameEn" AS "sendingNameEn", s."nameZhHant" AS "sendingNameZhHant", s."nameZhHans" AS "sendingNameZhHans",
      h."nameEn" AS "hostNameEn", h."nameZhHant" AS "hostNameZhHant", h."nameZhHans" AS "hostNameZhHans",
      c."startDate", c."endDate", c."nominationDeadline", c."status",
      (SELECT count(*)::int FROM "Placement" p WHERE p."cohortId" = c."id" AND p."status" <> 'WITHDRAWN') AS "livePlacements",
      count(*) OVER ()::int AS "total"
    FROM "Cohort" c
    JOIN "Jurisdiction" s ON s."id" = c."sendingJurisdictionId"
    JOIN "Jurisdiction" h ON h."id" = c."hostJurisdictionId"
    WHERE ${where}
    ORDER BY ${cohortOrderSql(params.sort, locale)}
    LIMIT ${cohortPageSize} OFFSET ${(page - 1) * cohortPageSize}`;
  let page = params.page;
  let rows = await readPage(page);
  if (rows.length === 0 && page > 1) {
    // Past the last page (an old link): show the last page, as the list's paging does everywhere.
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "Cohort" c WHERE ${where}`;
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
      livePlacements: row.livePlacements,
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
    where: { AND: [{ id }, cohortScope(actor)] },
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
