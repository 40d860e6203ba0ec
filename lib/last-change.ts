import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

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
export function staleRecordError(change: LastChange | null, fallbackAt: Date): AppError {
  const at = (change?.at ?? fallbackAt).getTime();
  if (change?.actorName) return new AppError("staleRecord", { name: change.actorName, time: at });
  return new AppError("staleRecordUnknownActor", { time: at });
}

/** Loads the last change and builds the refusal in one step, for mutations that found a version mismatch. */
export async function refuseStaleEdit(client: Client, entityType: string, entityId: string, updatedAt: Date): Promise<never> {
  throw staleRecordError(await findLastChange(client, entityType, entityId), updatedAt);
}
