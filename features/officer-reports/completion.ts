import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { db as database } from "@/lib/db";

/**
 * Whether the placement's final report has been accepted by the sending side (some accepted revision exists; a
 * newer open revision does not undo an acceptance). The documents lane's certificate asks this before issuing.
 * Deliberately unscoped: callers have already authorised the placement.
 */
export async function finalReportAccepted(db: Prisma.TransactionClient | typeof database, placementId: string): Promise<boolean> {
  const accepted = await db.officerReport.findFirst({ where: { placementId, kind: "FINAL", status: "ACCEPTED" }, select: { id: true } });
  return accepted !== null;
}
