import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import { refuseStaleEdit } from "@/lib/last-change";
import type { RequestContext } from "@/lib/request-context";

// Shared by the mutations: the acting user, turning integrity violations into the user's message inside the mutation
// (so callers — actions, tests — see AppErrors), and the versioned update that refuses stale edits with
// lib/last-change.ts ("changed by NAME at TIME — reload") and audits the change in the same transaction.

export interface MutationContext {
  actor: Actor;
  request: RequestContext;
}

/** Runs a write; a known integrity violation from the database leaves it as the AppError the user will read. */
export async function withDatabaseErrorsTranslated<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw translateDatabaseError(error) ?? error;
  }
}

/**
 * Interactive-transaction limits. Assignments to one host unit queue on its row lock (the capacity trigger), so a
 * burst of them waits a little for the pool and the lock instead of failing after Prisma's 2 s / 5 s defaults.
 */
export const transactionOptions = { maxWait: 10_000, timeout: 20_000 } as const;

export interface VersionedUpdate<Row> {
  entityType: string;
  id: string;
  /** The version the edit started from. */
  version: number;
  /** The time a refusal names when the audit log knows no change: when the record was read, or a reader of it. */
  readAt: Date | (() => PromiseLike<Date>);
  /** The write, with the filter and version step given: `tx.cohort.updateMany({ where, data: { ...changes, version } })`. */
  write(where: { id: string; version: number }, version: { increment: 1 }): PromiseLike<{ count: number }>;
  /** The record as written. */
  read(): PromiseLike<Row>;
  /** The audit entry of the change, from the record as written. */
  audit(after: Row): Omit<AuditEntry, "entityType" | "entityId"> | PromiseLike<Omit<AuditEntry, "entityType" | "entityId">>;
}

/**
 * Optimistic concurrency, one way everywhere: writes only if the record still has the version the user started
 * from (a concurrent writer holds the row lock, so the later one finds the version moved on), refuses a stale edit
 * with who changed it, and writes the audit entry in the caller's transaction. Returns the record as written.
 */
export async function updateAtVersion<Row>(tx: Prisma.TransactionClient, { actor, request }: MutationContext, update: VersionedUpdate<Row>): Promise<Row> {
  const { count } = await update.write({ id: update.id, version: update.version }, { increment: 1 });
  if (count === 0) {
    const readAt = update.readAt instanceof Date ? update.readAt : await update.readAt();
    await refuseStaleEdit(tx, update.entityType, update.id, readAt);
  }
  const after = await update.read();
  await writeAudit(tx, actor, request, { ...(await update.audit(after)), entityType: update.entityType, entityId: update.id });
  return after;
}
