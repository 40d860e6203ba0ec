import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import type { Prisma } from "@/generated/prisma/client";
import type { CohortStatus } from "@/generated/prisma/enums";
import { viewerRoleInCohort } from "./policy";
import { cohortPageSize, type CohortListParams } from "./schemas";

type TrilingualName = { nameEn: string; nameZhHant: string; nameZhHans: string };
const trilingual = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;

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
      sendingJurisdiction: { select: trilingual },
      hostJurisdiction: { select: trilingual },
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

const nameColumn: Record<AppLocale, "nameEn" | "nameZhHant" | "nameZhHans"> = { en: "nameEn", "zh-Hant": "nameZhHant", "zh-Hans": "nameZhHans" };

function cohortOrder(sort: CohortListParams["sort"], locale: AppLocale): Prisma.CohortOrderByWithRelationInput[] {
  switch (sort) {
    case "start-asc":
      return [{ startDate: "asc" }, { code: "asc" }];
    case "name":
      return [{ [nameColumn[locale]]: "asc" }, { code: "asc" }];
    case "code":
      return [{ code: "asc" }];
    case "status":
      // The enum's declaration order is the workflow order, and PostgreSQL sorts enums by it.
      return [{ status: "asc" }, { startDate: "desc" }];
    default:
      return [{ startDate: "desc" }, { code: "asc" }];
  }
}

/** One page of the cohort list: scoped to the actor's side, searched, filtered and sorted in the database. */
export async function findCohortPage(actor: Actor, params: CohortListParams, locale: AppLocale): Promise<CohortPage> {
  const filters: Prisma.CohortWhereInput[] = [cohortScope(actor)];
  if (params.q) {
    const contains = { contains: params.q, mode: "insensitive" as const };
    filters.push({ OR: [{ code: contains }, { nameEn: contains }, { nameZhHant: contains }, { nameZhHans: contains }] });
  }
  if (params.status) filters.push({ status: params.status });
  const where: Prisma.CohortWhereInput = { AND: filters };
  const total = await db.cohort.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / cohortPageSize));
  const page = Math.min(params.page, pageCount);
  const cohorts = await db.cohort.findMany({
    where,
    orderBy: cohortOrder(params.sort, locale),
    skip: (page - 1) * cohortPageSize,
    take: cohortPageSize,
    include: {
      sendingJurisdiction: { select: trilingual },
      hostJurisdiction: { select: trilingual },
      _count: { select: { placements: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: cohorts.map((cohort) => ({
      id: cohort.id,
      code: cohort.code,
      name: cohort,
      sendingSide: cohort.sendingJurisdiction,
      hostSide: cohort.hostJurisdiction,
      viewerRole: viewerRoleInCohort(actor, cohort),
      startDate: cohort.startDate,
      endDate: cohort.endDate,
      nominationDeadline: cohort.nominationDeadline,
      status: cohort.status,
      livePlacements: cohort._count.placements,
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
      sendingJurisdiction: { select: trilingual },
      hostJurisdiction: { select: trilingual },
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
  return db.jurisdiction.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, ...trilingual } });
}
