import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PlacementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { containsPattern } from "@/lib/sql-search";
import { formatOfficerName } from "./names";
import { officerAccessFor, canManageOfficer, type OfficerAccess } from "./policy";
import { officerPageSize, searchTerms, type OfficerListParams } from "./schemas";


/** The officers an actor may list: its own side's for a coordinator, all for an admin (read-only), none otherwise. */
export function officerScope(actor: Actor): Prisma.OfficerWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) return { jurisdictionId: actor.jurisdictionId };
  return { id: { in: [] } };
}

/**
 * Officers the actor meets as the host side: those with a live placement in a cohort its side hosts (coordinator)
 * or in its own host unit (supervisor). They get the host view only; see policy.ts.
 */
export function hostedOfficerScope(actor: Actor): Prisma.OfficerWhereInput {
  const live = { status: { not: "WITHDRAWN" as const } };
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return { placements: { some: { ...live, cohort: { hostJurisdictionId: actor.jurisdictionId } } } };
  }
  if (actor.role === "SUPERVISOR" && actor.hostUnitId) return { placements: { some: { ...live, hostUnitId: actor.hostUnitId } } };
  return { id: { in: [] } };
}

/**
 * Everything the list searches, as one lower-case text. Must stay identical to the expression of the trigram
 * index "Officer_search_text_trgm_idx" (migration 20261127100001), or the search falls back to a full scan.
 */
const searchText = Prisma.sql`lower(o."staffNumber" || ' ' || o."surname" || ' ' || o."givenName" || ' ' || coalesce(o."otherName", '') || ' ' || coalesce(o."chineseName", ''))`;



function officerOrderBy(params: OfficerListParams, locale: AppLocale): Prisma.Sql {
  const dir = Prisma.raw(params.dir === "desc" ? "DESC" : "ASC");
  const byName = Prisma.sql`o."surname" ${dir}, o."givenName" ${dir}, o."id" ${dir}`;
  switch (params.sort) {
    case "staffNumber":
      return Prisma.sql`o."staffNumber" ${dir}, o."id" ${dir}`;
    case "rank":
      return Prisma.sql`r."grade" ${dir}, r."level" ${dir}, ${byName}`;
    case "department":
      return Prisma.sql`${Prisma.raw(`d."${nameColumns[locale]}"`)} ${dir}, ${byName}`;
    case "updated":
      return Prisma.sql`o."updatedAt" ${dir}, o."id" ${dir}`;
    default:
      return byName;
  }
}

/** The list's WHERE clause, scoped to the actor first; null when the actor may list no officers at all. */
function officerListWhere(actor: Actor, params: OfficerListParams): Prisma.Sql | null {
  const conditions: Prisma.Sql[] = [];
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) conditions.push(Prisma.sql`o."jurisdictionId" = ${actor.jurisdictionId}`);
  else if (actor.role !== "ADMIN") return null;
  if (params.jurisdiction && actor.role === "ADMIN") conditions.push(Prisma.sql`o."jurisdictionId" = ${params.jurisdiction}`);
  // Every word must occur somewhere: "CHAN Tai-man, Peter", "陳大文" and "10023" all find the same officer.
  for (const term of searchTerms(params.q)) conditions.push(Prisma.sql`${searchText} LIKE ${containsPattern(term.toLowerCase())}`);
  if (params.rank) conditions.push(Prisma.sql`o."rankId" = ${params.rank}`);
  if (params.department) conditions.push(Prisma.sql`o."departmentId" = ${params.department}`);
  if (params.field) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "OfficerField" f WHERE f."officerId" = o."id" AND f."fieldId" = ${params.field})`);
  if (params.status !== "all") conditions.push(Prisma.sql`o."active" = ${params.status === "active"}`);
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

export interface OfficerListRow {
  id: string;
  staffNumber: string;
  name: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  jurisdiction: TrilingualName;
  fields: TrilingualName[];
  active: boolean;
}

export interface OfficerListPage {
  rows: OfficerListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * One page of the officer list, searched, filtered, sorted, paged and counted in the database. The search needs
 * an expression index Prisma's query builder cannot target, so the page's ids come from SQL and the rows with
 * their relations from Prisma.
 */
export async function findOfficers(actor: Actor, params: OfficerListParams, locale: AppLocale): Promise<OfficerListPage> {
  const where = officerListWhere(actor, params);
  if (!where) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: officerPageSize };
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Officer" o ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / officerPageSize));
  const page = Math.min(params.page, pageCount);
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Officer" o
    JOIN "Rank" r ON r."id" = o."rankId"
    JOIN "Department" d ON d."id" = o."departmentId"
    ${where}
    ORDER BY ${officerOrderBy(params, locale)}
    LIMIT ${officerPageSize} OFFSET ${(page - 1) * officerPageSize}`;
  const officers = await db.officer.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      staffNumber: true,
      surname: true,
      givenName: true,
      otherName: true,
      chineseName: true,
      active: true,
      rank: { select: trilingualNameSelect },
      department: { select: trilingualNameSelect },
      jurisdiction: { select: { ...trilingualNameSelect, kind: true } },
      fields: { select: { field: { select: { ...trilingualNameSelect, sortOrder: true } } } },
    },
  });
  const byId = new Map(officers.map((officer) => [officer.id, officer]));
  return {
    rows: ids.flatMap(({ id }) => {
      const officer = byId.get(id);
      if (!officer) return [];
      return [
        {
          id: officer.id,
          staffNumber: officer.staffNumber,
          name: formatOfficerName(officer),
          chineseName: officer.chineseName,
          rank: officer.rank,
          department: officer.department,
          jurisdiction: officer.jurisdiction,
          fields: officer.fields.map(({ field }) => field).sort((a, b) => a.sortOrder - b.sortOrder),
          active: officer.active,
        },
      ];
    }),
    total,
    page,
    pageCount,
    pageSize: officerPageSize,
  };
}

export interface ReferenceOption extends TrilingualName {
  id: string;
  code: string;
  active: boolean;
}

/** Ranks, departments and fields to choose from: the actor's side's (all sides' for an admin), active first. */
export async function findOfficerFilterOptions(actor: Actor) {
  const side = actor.role === "ADMIN" ? {} : { jurisdictionId: actor.jurisdictionId ?? "" };
  const [ranks, departments, fields, jurisdictions] = await Promise.all([
    db.rank.findMany({ where: side, orderBy: [{ grade: "asc" }, { level: "asc" }], select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
    db.department.findMany({ where: side, orderBy: [{ active: "desc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
    db.field.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingualNameSelect } }),
    actor.role === "ADMIN" ? db.jurisdiction.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, active: true, ...trilingualNameSelect } }) : [],
  ]);
  return { ranks, departments, fields, jurisdictions };
}

/**
 * Choices for the officer form: active ranks, departments and fields of the actor's side, plus the officer's
 * current ones even if they have since been deactivated (so an edit does not silently change them).
 */
export async function findOfficerFormOptions(actor: Actor, current?: { rankId: string; departmentId: string; fieldIds: string[] }) {
  const jurisdictionId = actor.jurisdictionId ?? "";
  const [ranks, departments, fields] = await Promise.all([
    db.rank.findMany({
      where: { jurisdictionId, OR: [{ active: true }, { id: current?.rankId ?? "" }] },
      orderBy: [{ grade: "asc" }, { level: "asc" }],
      select: { id: true, code: true, active: true, ...trilingualNameSelect },
    }),
    db.department.findMany({
      where: { jurisdictionId, OR: [{ active: true }, { id: current?.departmentId ?? "" }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, active: true, ...trilingualNameSelect },
    }),
    db.field.findMany({
      where: { OR: [{ active: true }, { id: { in: current?.fieldIds ?? [] } }] },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, active: true, ...trilingualNameSelect },
    }),
  ]);
  return { ranks, departments, fields };
}

export interface OfficerPlacementRow {
  id: string;
  cohort: TrilingualName;
  hostUnit: TrilingualName | null;
  field: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** What the host side may see of an officer: no staff number, no other sending-side fields. */
export interface HostSideOfficerView {
  access: "host";
  id: string;
  name: string;
  chineseName: string | null;
  rank: TrilingualName;
  department: TrilingualName;
  fields: TrilingualName[];
  workEmail: string;
  placements: OfficerPlacementRow[];
}

export interface FullOfficerView extends Omit<HostSideOfficerView, "access"> {
  access: "full";
  staffNumber: string;
  surname: string;
  givenName: string;
  otherName: string | null;
  rankId: string;
  departmentId: string;
  fieldIds: string[];
  jurisdictionId: string;
  jurisdiction: TrilingualName;
  active: boolean;
  version: number;
  updatedAt: Date;
  canManage: boolean;
}

export type OfficerView = FullOfficerView | HostSideOfficerView;

/**
 * One officer as the actor may see it, or null when it is out of the actor's scope (the page answers 404).
 * The query itself is scoped; policy.ts then decides between the full and the host view.
 */
export async function findOfficerView(actor: Actor, id: string): Promise<OfficerView | null> {
  const officer = await db.officer.findFirst({
    where: { id, ...(actor.role === "ADMIN" ? {} : { OR: [officerScope(actor), hostedOfficerScope(actor)] }) },
    include: {
      rank: { select: trilingualNameSelect },
      department: { select: trilingualNameSelect },
      jurisdiction: { select: { ...trilingualNameSelect, kind: true } },
      fields: { include: { field: { select: { ...trilingualNameSelect, sortOrder: true } } } },
      placements: {
        orderBy: { startDate: "desc" },
        include: {
          cohort: { select: { ...trilingualNameSelect, sendingJurisdictionId: true, hostJurisdictionId: true } },
          hostUnit: { select: trilingualNameSelect },
          field: { select: trilingualNameSelect },
        },
      },
    },
  });
  if (!officer) return null;
  const access: OfficerAccess | null = officerAccessFor(actor, officer);
  if (!access) return null;
  const visiblePlacements =
    access === "full"
      ? officer.placements
      : officer.placements.filter((placement) => officerAccessFor(actor, { ...officer, placements: [placement] }) === "host");
  const shared = {
    id: officer.id,
    name: formatOfficerName(officer),
    chineseName: officer.chineseName,
    rank: officer.rank,
    department: officer.department,
    fields: officer.fields.map(({ field }) => field).sort((a, b) => a.sortOrder - b.sortOrder),
    workEmail: officer.workEmail,
    placements: visiblePlacements.map((placement) => ({
      id: placement.id,
      cohort: placement.cohort,
      hostUnit: placement.hostUnit,
      field: placement.field,
      postTitle: placement.postTitle,
      startDate: placement.startDate,
      endDate: placement.endDate,
      status: placement.status,
    })),
  };
  if (access === "host") return { access, ...shared };
  return {
    access,
    ...shared,
    staffNumber: officer.staffNumber,
    surname: officer.surname,
    givenName: officer.givenName,
    otherName: officer.otherName,
    rankId: officer.rankId,
    departmentId: officer.departmentId,
    fieldIds: officer.fields.map(({ fieldId }) => fieldId),
    jurisdictionId: officer.jurisdictionId,
    jurisdiction: officer.jurisdiction,
    active: officer.active,
    version: officer.version,
    updatedAt: officer.updatedAt,
    canManage: canManageOfficer(actor, officer),
  };
}
