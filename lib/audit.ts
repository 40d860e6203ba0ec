import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/authorization";
import type { RequestContext } from "@/lib/request-context";

type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Keeps only the fields that changed, so an entry shows the difference rather than two whole records. */
export function diffRecords(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key];
      changedAfter[key] = after[key];
    }
  }
  return { before: changedBefore, after: changedAfter };
}

const toJson = (value: Record<string, unknown> | null | undefined) =>
  value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Call inside the same transaction as the change it records. */
export async function writeAudit(
  client: AuditClient,
  actor: Pick<Actor, "userId" | "email"> | null,
  context: RequestContext,
  entry: AuditEntry,
) {
  const { before, after } = diffRecords(entry.before, entry.after);
  await client.auditLog.create({
    data: {
      actorId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toJson(before),
      after: toJson(after),
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    },
  });
}
