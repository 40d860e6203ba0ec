import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import { reportColumnKeys, type ReportColumnKey } from "./schemas";

/**
 * The report columns this user chose, in the report's order, or null when the user never chose (every column).
 * Keys no longer known (a column removed since) are left out; if none is left, every column.
 */
export async function findReportColumnChoice(actor: Actor): Promise<ReportColumnKey[] | null> {
  const choice = await db.reportColumnChoice.findUnique({ where: { userId: actor.userId }, select: { columns: true } });
  if (!choice) return null;
  const chosen = reportColumnKeys.filter((key) => choice.columns.includes(key));
  return chosen.length > 0 ? chosen : null;
}

/**
 * Remembers the user's columns for the preview and every export. A display preference of the user's own, like the
 * language: not audited (decision 062); exports record the columns they carried.
 */
export async function saveReportColumnChoice(actor: Actor, columns: ReportColumnKey[]): Promise<ReportColumnKey[]> {
  const ordered = reportColumnKeys.filter((key) => columns.includes(key));
  await db.reportColumnChoice.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, columns: ordered },
    update: { columns: ordered },
  });
  return ordered;
}
