import "server-only";
import { db } from "@/lib/db";
import { cohortSidesSelect, sideInCohort, type Actor } from "@/lib/authorization";
import { formatOfficerName } from "@/features/officers/names";
import { Prisma } from "@/generated/prisma/client";
import { approvalsPageSize, type ApprovalSide } from "../schemas";
import type { TrilingualName } from "@/lib/i18n/locales";
import { trilingualNameSelect } from "@/lib/i18n/locales";

export interface AwaitingApprovalRow {
  id: string;
  version: number;
  side: ApprovalSide;
  otherSideApproved: boolean;
  cohort: TrilingualName & { id: string };
  officer: { name: string; chineseName: string | null; rank: TrilingualName };
  hostUnit: TrilingualName | null;
  field: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
}

export interface AwaitingApprovalPage {
  rows: AwaitingApprovalRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** What "waiting for my approval" means for a coordinator: assigned, and not yet approved by its side. */
function awaitingWhere(jurisdictionId: string): Prisma.PlacementWhereInput {
  return {
    status: "ASSIGNED",
    OR: [
      { cohort: { sendingJurisdictionId: jurisdictionId }, sendingApprovedAt: null },
      { cohort: { hostJurisdictionId: jurisdictionId }, hostApprovedAt: null },
    ],
  };
}

/**
 * Assigned placements still waiting for the approval of the actor's side, whichever side that is in each cohort;
 * optionally of one cohort only (the queue's cohort filter).
 */
export async function findPlacementsAwaitingApproval(actor: Actor, requestedPage = 1, filters: { cohortId?: string } = {}): Promise<AwaitingApprovalPage> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.PlacementWhereInput = { AND: [awaitingWhere(actor.jurisdictionId), ...(filters.cohortId ? [{ cohortId: filters.cohortId }] : [])] };
  const total = await db.placement.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / approvalsPageSize));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const placements = await db.placement.findMany({
    where,
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
    skip: (page - 1) * approvalsPageSize,
    take: approvalsPageSize,
    include: {
      cohort: { select: { id: true, ...trilingualNameSelect, ...cohortSidesSelect } },
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true, rank: { select: trilingualNameSelect } } },
      hostUnit: { select: trilingualNameSelect },
      field: { select: trilingualNameSelect },
    },
  });
  return {
    total,
    page,
    pageCount,
    rows: placements.map((placement) => {
      const side: ApprovalSide = sideInCohort(actor, placement.cohort) === "sending" ? "sending" : "host";
      return {
        id: placement.id,
        version: placement.version,
        side,
        otherSideApproved: side === "sending" ? placement.hostApprovedAt !== null : placement.sendingApprovedAt !== null,
        cohort: placement.cohort,
        officer: { name: formatOfficerName(placement.officer), chineseName: placement.officer.chineseName, rank: placement.officer.rank },
        hostUnit: placement.hostUnit,
        field: placement.field,
        postTitle: placement.postTitle,
        startDate: placement.startDate,
        endDate: placement.endDate,
      };
    }),
  };
}

/** The cohorts that have placements waiting for the actor's approval: the choices of the queue's cohort filter. */
export async function findCohortsAwaitingApproval(actor: Actor): Promise<(TrilingualName & { id: string; code: string })[]> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return [];
  return db.cohort.findMany({
    where: { placements: { some: awaitingWhere(actor.jurisdictionId) } },
    select: { id: true, code: true, ...trilingualNameSelect },
    orderBy: [{ startDate: "asc" }, { code: "asc" }],
  });
}
