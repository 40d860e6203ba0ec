import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError, type ChangedField } from "@/lib/errors";

type Client = Pick<Prisma.TransactionClient, "auditLog">;

export interface LastChange {
  /** The user's name when the account still exists, else the email recorded with the entry; null if unknown. */
  actorName: string | null;
  at: Date;
}

/** Who last changed a record and when, from the audit log (the one place that records the actor). */
export async function findLastChange(client: Client, entityType: string, entityId: string): Promise<LastChange | null> {
  const entry = await client.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actorEmail: true, actor: { select: { name: true } } },
  });
  if (!entry) return null;
  return { actorName: entry.actor?.name ?? entry.actorEmail, at: entry.createdAt };
}

/**
 * The refusal of an edit that started from an older version: "changed by NAME at TIME — reload". Nothing is
 * written. The time travels as a timestamp and is formatted by the message catalog in the reader's language and
 * the display time zone.
 */
export function staleRecordError(change: LastChange | null, fallbackAt: Date, changes: ChangedField[] = []): AppError {
  const at = change?.at ?? fallbackAt;
  if (change?.actorName) return new AppError("staleRecord", { name: change.actorName, time: at }, {}, changes);
  return new AppError("staleRecordUnknownActor", { time: at }, {}, changes);
}

/** Loads the last change and builds the refusal in one step, for mutations that found a version mismatch. */
export async function refuseStaleEdit(client: Client, entityType: string, entityId: string, updatedAt: Date, changes: ChangedField[] = []): Promise<never> {
  throw staleRecordError(await findLastChange(client, entityType, entityId), updatedAt, changes);
}

/**
 * The fields changed by the last `versionsBehind` audited changes of a record, each with its latest value — what
 * changed since a user loaded version `current - versionsBehind`. Every versioned write steps the version by one
 * and writes one audit entry that keeps only the fields it changed (lib/audit.ts), so the newest
 * `versionsBehind` entries are exactly the changes the user has not seen.
 */
export async function findValuesChangedSince(client: Client, entityType: string, entityId: string, versionsBehind: number): Promise<Record<string, unknown>> {
  if (versionsBehind <= 0) return {};
  const entries = await client.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: versionsBehind,
    select: { after: true },
  });
  const latest: Record<string, unknown> = {};
  for (const { after } of entries) {
    if (!after || typeof after !== "object" || Array.isArray(after)) continue;
    for (const [field, value] of Object.entries(after)) if (!(field in latest)) latest[field] = value;
  }
  return latest;
}
