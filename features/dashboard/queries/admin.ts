import "server-only";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";

export interface AdminDashboard {
  totals: { officers: number; hostUnits: number; cohorts: number; placements: number; users: number };
  placementsByStatus: Partial<Record<PlacementStatus, number>>;
  recentAudit: { id: string; createdAt: Date; actorEmail: string | null; action: string; entityType: string }[];
}

export async function findAdminDashboard(actor: Actor): Promise<AdminDashboard | null> {
  if (actor.role !== "ADMIN") return null;
  const [[totals], recentAudit] = await Promise.all([
    db.$queryRaw<{ officers: number; hostUnits: number; cohorts: number; users: number; byStatus: { status: PlacementStatus; count: number }[] }[]>`
      SELECT (SELECT count(*)::int FROM "Officer") AS "officers", (SELECT count(*)::int FROM "HostUnit") AS "hostUnits",
        (SELECT count(*)::int FROM "Cohort") AS "cohorts", (SELECT count(*)::int FROM "User") AS "users",
        (SELECT coalesce(json_agg(t), '[]'::json) FROM (SELECT "status"::text AS "status", count(*)::int AS "count" FROM "Placement" GROUP BY "status") t) AS "byStatus"`,
    db.auditLog.findMany({ orderBy: { id: "desc" }, take: 10, select: { id: true, createdAt: true, actorEmail: true, action: true, entityType: true } }),
  ]);
  return {
    totals: { officers: totals.officers, hostUnits: totals.hostUnits, cohorts: totals.cohorts, placements: totals.byStatus.reduce((sum, row) => sum + row.count, 0), users: totals.users },
    placementsByStatus: Object.fromEntries(totals.byStatus.map((row) => [row.status, row.count])),
    recentAudit: recentAudit.map((entry) => ({ ...entry, id: entry.id.toString() })),
  };
}
