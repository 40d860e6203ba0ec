import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PlacementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/authorization";
import { expressionBuilder, sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { prismaFragment, runQuery, sqlBuilder } from "@/lib/kysely";
import { scopeCondition, scopeSql, scopeWhere } from "@/lib/scopes";
import { db } from "@/lib/db";
import { nameColumns, trilingualNameSelect, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { containsPattern } from "@/lib/sql-search";
import { foldHanScript } from "@/lib/han-folding";
import { formatOfficerName } from "./names";
import { officerAccessFor, canManageOfficer, type OfficerAccess } from "./policy";
import { officerPageSize, searchTerms, type OfficerListParams } from "./schemas";


/**
 * Everything the list searches, as one lower-case text with the Chinese name folded to Simplified characters (so 陳
 * and 陈 match; decision 061): "chineseNameFolded" is a generated column, fold_han_script("chineseName"). Must stay identical to the expression of the trigram index
 * "Officer_search_text_trgm_idx" (migration 20261204060000), or the search falls back to a full scan;
 * search-expression.int.test.ts checks that it is.
 */
export const searchText = Prisma.sql`lower(o."staffNumber" || ' ' || o."surname" || ' ' || o."givenName" || ' ' || coalesce(o."otherName", '') || ' ' || o."chineseNameFolded")`;

/** A search word as the LIKE pattern over searchText: folded the same way, lower case, wildcards taken literally. */
export function searchPattern(term: string): string {
  return containsPattern(foldHanScript(term).toLowerCase());
}



/** The list's condition, scoped to the actor first; null when the actor may list no officers at all. */
function officerListCondition(actor: Actor, params: OfficerListParams): Expression<SqlBool> | null {
  if ("none" in scopeCondition("officer", actor)) return null;
  const eb = expressionBuilder<DB & { o: DB["Officer"] }, "o">();
  const conditions: Expression<SqlBool>[] = [prismaFragment<SqlBool>(scopeSql("officer", actor, { Officer: "o" }))];
  if (params.jurisdiction && actor.role === "ADMIN") conditions.push(eb("o.jurisdictionId", "=", params.jurisdiction));
  // Every word must occur somewhere: "CHAN Tai-man, Peter", "陳大文", "陈大文" and "10023" all find the same officer.
  for (const term of searchTerms(params.q)) conditions.push(eb(prismaFragment<string>(searchText), "like", searchPattern(term)));
  if (params.rank) conditions.push(eb("o.rankId", "=", params.rank));
  if (params.department) conditions.push(eb("o.departmentId", "=", params.department));
  const field = params.field;
  if (field) {
    conditions.push(eb.exists(eb.selectFrom("OfficerField as f").select(sql.lit(1).as("one")).whereRef("f.officerId", "=", "o.id").where("f.fieldId", "=", field)));
  }
  if (params.status !== "all") conditions.push(eb("o.active", "=", params.status === "active"));
  return eb.and(conditions);
}

/** The ids of one page of officers in the list's order (sorting by rank or department needs their tables). */
function officerPageIds(condition: Expression<SqlBool>, params: OfficerListParams, locale: AppLocale, page: number) {
  const dir = params.dir === "desc" ? "desc" : "asc";
  let query = sqlBuilder
    .selectFrom("Officer as o")
    .innerJoin("Rank as r", "r.id", "o.rankId")
    .innerJoin("Department as d", "d.id", "o.departmentId")
    .select("o.id")
    .where(condition);
  switch (params.sort) {
    case "staffNumber":
      query = query.orderBy("o.staffNumber", dir).orderBy("o.id", dir);
      break;
    case "updated":
      query = query.orderBy("o.updatedAt", dir).orderBy("o.id", dir);
      break;
    case "rank":
      query = query.orderBy("r.grade", dir).orderBy("r.level", dir);
      break;
    case "department":
      query = query.orderBy(`d.${nameColumns[locale]}`, dir);
      break;
  }
  if (params.sort !== "staffNumber" && params.sort !== "updated") query = query.orderBy("o.surname", dir).orderBy("o.givenName", dir).orderBy("o.id", dir);
  return runQuery(query.limit(officerPageSize).offset((page - 1) * officerPageSize));
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
  const condition = officerListCondition(actor, params);
  if (!condition) return { rows: [], total: 0, page: 1, pageCount: 1, pageSize: officerPageSize };
  const [{ total }] = await runQuery(sqlBuilder.selectFrom("Officer as o").select(sql<number>`count(*)::int`.as("total")).where(condition));
  const pageCount = Math.max(1, Math.ceil(total / officerPageSize));
  const page = Math.min(params.page, pageCount);
  const ids = await officerPageIds(condition, params, locale, page);
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
    where: { AND: [{ id }, scopeWhere("officerRecord", actor)] },
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
