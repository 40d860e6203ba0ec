import "server-only";
import { db } from "@/lib/db";
import { formatOfficerName } from "@/features/officers/names";
import { sideInCohort, type Actor } from "@/lib/authorization";
import type { CohortStatus, PlacementStatus } from "@/generated/prisma/enums";

type TrilingualName = { nameEn: string; nameZhHant: string; nameZhHans: string };

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

/** Cohorts the coordinator's side takes part in, with placement counts aggregated in SQL. */
export async function findCoordinatorDashboard(actor: Actor): Promise<CoordinatorCohortSummary[]> {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) return [];
  const cohorts = await db.cohort.findMany({
    where: { OR: [{ sendingJurisdictionId: actor.jurisdictionId }, { hostJurisdictionId: actor.jurisdictionId }] },
    orderBy: { startDate: "desc" },
    select: { id: true, nameEn: true, nameZhHant: true, nameZhHans: true, startDate: true, endDate: true, status: true, sendingJurisdictionId: true, hostJurisdictionId: true },
  });
  const cohortIds = cohorts.map((cohort) => cohort.id);
  const [counts, waiting] = await Promise.all([
    db.placement.groupBy({ by: ["cohortId", "status"], where: { cohortId: { in: cohortIds } }, _count: { _all: true } }),
    db.$queryRaw<{ cohortId: string; count: bigint }[]>`
      SELECT p."cohortId", count(*)::bigint AS count
      FROM "Placement" p JOIN "Cohort" c ON c."id" = p."cohortId"
      WHERE p."status" = 'ASSIGNED' AND (
        (c."sendingJurisdictionId" = ${actor.jurisdictionId} AND p."sendingApprovedAt" IS NULL) OR
        (c."hostJurisdictionId" = ${actor.jurisdictionId} AND p."hostApprovedAt" IS NULL))
      GROUP BY p."cohortId"`,
  ]);
  return cohorts.map((cohort) => ({
    id: cohort.id,
    name: cohort,
    side: sideInCohort(actor, cohort) ?? "sending",
    startDate: cohort.startDate,
    endDate: cohort.endDate,
    status: cohort.status,
    placementsByStatus: Object.fromEntries(counts.filter((row) => row.cohortId === cohort.id).map((row) => [row.status, row._count._all])),
    waitingForMyApproval: Number(waiting.find((row) => row.cohortId === cohort.id)?.count ?? 0),
  }));
}

export interface OfficerPlacementCard {
  id: string;
  cohortName: TrilingualName;
  hostUnitName: TrilingualName | null;
  fieldName: TrilingualName | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** The officer's own placements, newest first; scoped by the officer id on the session, never by a parameter. */
export async function findOwnPlacements(actor: Actor): Promise<OfficerPlacementCard[]> {
  if (!actor.officerId) return [];
  const placements = await db.placement.findMany({
    where: { officerId: actor.officerId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    include: { cohort: true, hostUnit: true, field: true },
  });
  return placements.map((placement) => ({
    id: placement.id,
    cohortName: placement.cohort,
    hostUnitName: placement.hostUnit,
    fieldName: placement.field,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}

export interface SupervisedPlacement {
  id: string;
  officerName: string;
  chineseName: string | null;
  postTitle: string | null;
  startDate: Date;
  endDate: Date;
  status: PlacementStatus;
}

/** Live placements in the supervisor's own host unit; only the fields a host needs. */
export async function findSupervisedPlacements(actor: Actor): Promise<SupervisedPlacement[]> {
  if (actor.role !== "SUPERVISOR" || !actor.hostUnitId) return [];
  const placements = await db.placement.findMany({
    where: { hostUnitId: actor.hostUnitId, status: { not: "WITHDRAWN" } },
    orderBy: { startDate: "desc" },
    take: 50,
    select: {
      id: true,
      postTitle: true,
      startDate: true,
      endDate: true,
      status: true,
      officer: { select: { surname: true, givenName: true, otherName: true, chineseName: true } },
    },
  });
  return placements.map((placement) => ({
    id: placement.id,
    officerName: formatOfficerName(placement.officer),
    chineseName: placement.officer.chineseName,
    postTitle: placement.postTitle,
    startDate: placement.startDate,
    endDate: placement.endDate,
    status: placement.status,
  }));
}

export interface AdminDashboard {
  totals: { officers: number; hostUnits: number; cohorts: number; placements: number; users: number };
  recentAudit: { id: string; createdAt: Date; actorEmail: string | null; action: string; entityType: string }[];
}

export async function findAdminDashboard(actor: Actor): Promise<AdminDashboard | null> {
  if (actor.role !== "ADMIN") return null;
  const [officers, hostUnits, cohorts, placements, users, recentAudit] = await Promise.all([
    db.officer.count(),
    db.hostUnit.count(),
    db.cohort.count(),
    db.placement.count(),
    db.user.count(),
    db.auditLog.findMany({ orderBy: { id: "desc" }, take: 10, select: { id: true, createdAt: true, actorEmail: true, action: true, entityType: true } }),
  ]);
  return {
    totals: { officers, hostUnits, cohorts, placements, users },
    recentAudit: recentAudit.map((entry) => ({ ...entry, id: entry.id.toString() })),
  };
}
