import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { scopeWhere } from "@/lib/scopes";

export interface PlacementHistoryEntry {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  changedFields: string[];
}

/** The placement's own audit trail (who did what, which fields changed); only for a placement the actor may see. */
export async function findPlacementHistory(actor: Actor, id: string): Promise<PlacementHistoryEntry[]> {
  const visible = await db.placement.findFirst({ where: { AND: [{ id }, scopeWhere("placement", actor)] }, select: { id: true } });
  if (!visible) return [];
  const entries = await db.auditLog.findMany({
    where: { entityType: "Placement", entityId: id },
    orderBy: { id: "desc" },
    take: 50,
    select: { id: true, createdAt: true, action: true, actorEmail: true, after: true, actor: { select: { name: true } } },
  });
  return entries.map((entry) => ({
    id: entry.id.toString(),
    at: entry.createdAt,
    actor: entry.actor?.name ?? entry.actorEmail,
    action: entry.action,
    changedFields: entry.after && typeof entry.after === "object" && !Array.isArray(entry.after) ? Object.keys(entry.after).filter((key) => key !== "version") : [],
  }));
}
