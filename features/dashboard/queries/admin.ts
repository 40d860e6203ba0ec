import "server-only";
import type { PlacementStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { countRows } from "@/lib/sql-fragments";
import type { Actor } from "@/lib/authorization";

export interface AdminDashboard {
  totals: { officers: number; hostUnits: number; cohorts: number; placements: number; users: number };
  placementsByStatus: Partial<Record<PlacementStatus, number>>;
  recentAudit: { id: string; createdAt: Date; actorEmail: string | null; action: string; entityType: string }[];
}

export async function findAdminDashboard(actor: Actor): Promise<AdminDashboard | null> {
  if (actor.role !== "ADMIN") return null;
  const [[totals], recentAudit] = await Promise.all([
    runQuery(
      sqlBuilder.selectNoFrom((eb) => [
        eb.selectFrom("Officer").select(countRows().as("count")).$asScalar().$notNull().as("officers"),
        eb.selectFrom("HostUnit").select(countRows().as("count")).$asScalar().$notNull().as("hostUnits"),
        eb.selectFrom("Cohort").select(countRows().as("count")).$asScalar().$notNull().as("cohorts"),
        eb.selectFrom("User").select(countRows().as("count")).$asScalar().$notNull().as("users"),
        jsonArrayFrom(eb.selectFrom("Placement").select(["status", countRows().as("count")]).groupBy("status")).as("byStatus"),
      ]),
    ),
    db.auditLog.findMany({ orderBy: { id: "desc" }, take: 10, select: { id: true, createdAt: true, actorEmail: true, action: true, entityType: true } }),
  ]);
  return {
    totals: { officers: totals.officers, hostUnits: totals.hostUnits, cohorts: totals.cohorts, placements: totals.byStatus.reduce((sum, row) => sum + row.count, 0), users: totals.users },
    placementsByStatus: Object.fromEntries(totals.byStatus.map((row) => [row.status, row.count])),
    recentAudit: recentAudit.map((entry) => ({ ...entry, id: entry.id.toString() })),
  };
}
