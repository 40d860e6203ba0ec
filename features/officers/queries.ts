import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PlacementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatOfficerName } from "./names";
import { officerAccessFor, canManageOfficer, type OfficerAccess } from "./policy";
import { officerPageSize, searchTerms, type OfficerListParams } from "./schemas";

export interface TrilingualName {
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
}
const trilingual = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;

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

/** Each search word must match the staff number or one of the name fields, in whatever script it was typed. */
export function officerSearchWhere(query: string | undefined): Prisma.OfficerWhereInput[] {
  return searchTerms(query).map((term) => ({
    OR: [
      { surname: { contains: term, mode: "insensitive" } },
      { givenName: { contains: term, mode: "insensitive" } },
      { otherName: { contains: term, mode: "insensitive" } },
      { chineseName: { contains: term } },
      { staffNumber: { contains: term, mode: "insensitive" } },
    ],
  }));
}

const localizedNameKey = (locale: AppLocale) => (locale === "zh-Hant" ? "nameZhHant" : locale === "zh-Hans" ? "nameZhHans" : "nameEn");

function officerOrderBy(params: OfficerListParams, locale: AppLocale): Prisma.OfficerOrderByWithRelationInput[] {
  const dir = params.dir;
  const byName: Prisma.OfficerOrderByWithRelationInput[] = [{ surname: dir }, { givenName: dir }, { id: dir }];
  switch (params.sort) {
    case "staffNumber":
      return [{ staffNumber: dir }, { id: dir }];
    case "rank":
      return [{ rank: { grade: dir } }, { rank: { level: dir } }, ...byName];
    case "department":
      return [{ department: { [localizedNameKey(locale)]: dir } }, ...byName];
    case "updated":
      return [{ updatedAt: dir }, { id: dir }];
    default:
      return byName;
  }
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

/** One page of the officer list, searched, filtered, sorted and counted in the database. */
export async function findOfficers(actor: Actor, params: OfficerListParams, locale: AppLocale): Promise<OfficerListPage> {
  const filters: Prisma.OfficerWhereInput[] = [officerScope(actor), ...officerSearchWhere(params.q)];
  if (params.rank) filters.push({ rankId: params.rank });
  if (params.department) filters.push({ departmentId: params.department });
  if (params.field) filters.push({ fields: { some: { fieldId: params.field } } });
  if (params.jurisdiction && actor.role === "ADMIN") filters.push({ jurisdictionId: params.jurisdiction });
  if (params.status !== "all") filters.push({ active: params.status === "active" });
  const where: Prisma.OfficerWhereInput = { AND: filters };

  const total = await db.officer.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / officerPageSize));
  const page = Math.min(params.page, pageCount);
  const officers = await db.officer.findMany({
    where,
    orderBy: officerOrderBy(params, locale),
    skip: (page - 1) * officerPageSize,
    take: officerPageSize,
    select: {
      id: true,
      staffNumber: true,
      surname: true,
      givenName: true,
      otherName: true,
      chineseName: true,
      active: true,
      rank: { select: trilingual },
      department: { select: trilingual },
      jurisdiction: { select: trilingual },
      fields: { select: { field: { select: { ...trilingual, sortOrder: true } } } },
    },
  });
  return {
    rows: officers.map((officer) => ({
      id: officer.id,
      staffNumber: officer.staffNumber,
      name: formatOfficerName(officer),
      chineseName: officer.chineseName,
      rank: officer.rank,
      department: officer.department,
      jurisdiction: officer.jurisdiction,
      fields: officer.fields.map(({ field }) => field).sort((a, b) => a.sortOrder - b.sortOrder),
      active: officer.active,
    })),
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
    db.rank.findMany({ where: side, orderBy: [{ grade: "asc" }, { level: "asc" }], select: { id: true, code: true, active: true, ...trilingual } }),
    db.department.findMany({ where: side, orderBy: [{ active: "desc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingual } }),
    db.field.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, active: true, ...trilingual } }),
    actor.role === "ADMIN" ? db.jurisdiction.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, active: true, ...trilingual } }) : [],
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
      select: { id: true, code: true, active: true, ...trilingual },
    }),
    db.department.findMany({
      where: { jurisdictionId, OR: [{ active: true }, { id: current?.departmentId ?? "" }] },
      orderBy: { code: "asc" },
      select: { id: true, code: true, active: true, ...trilingual },
    }),
    db.field.findMany({
      where: { OR: [{ active: true }, { id: { in: current?.fieldIds ?? [] } }] },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, active: true, ...trilingual },
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
      rank: { select: trilingual },
      department: { select: trilingual },
      jurisdiction: { select: trilingual },
      fields: { include: { field: { select: { ...trilingual, sortOrder: true } } } },
      placements: {
        orderBy: { startDate: "desc" },
        include: {
          cohort: { select: { ...trilingual, sendingJurisdictionId: true, hostJurisdictionId: true } },
          hostUnit: { select: trilingual },
          field: { select: trilingual },
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
