import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit, type AuditEntry } from "@/lib/audit";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authorization";
import type { ChangedField, ShownValue } from "@/lib/errors";
import { findValuesChangedSince, refuseStaleEdit } from "@/lib/last-change";
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

/**
 * How a stale-edit refusal lists a record's fields (decision 057), keyed by the field's name in the record's audit
 * entries, in the order of its form: the label (a full catalog key) and the value now, as a reader reads it (names,
 * not ids; calendar dates; status words). Fields not listed (version, timestamps, ids of no interest) are not shown.
 */
export type ChangedFieldLabels<Row> = Record<string, { labelKey: string; value: (current: Row) => ShownValue | PromiseLike<ShownValue> }>;

/**
 * What changed since a user loaded version `fromVersion` of a record now at `current.version`: the fields of the
 * audit entries written since, with their labels and values now. Shared by every versioned record's refusal.
 */
export async function findChangedFields<Row extends { version: number }>(
  tx: Prisma.TransactionClient,
  entityType: string,
  entityId: string,
  current: Row,
  fromVersion: number,
  labels: ChangedFieldLabels<Row>,
): Promise<ChangedField[]> {
  const changed = await findValuesChangedSince(tx, entityType, entityId, current.version - fromVersion);
  const shown = Object.entries(labels).filter(([field]) => field in changed);
  return Promise.all(shown.map(async ([, label]) => ({ labelKey: label.labelKey, value: await label.value(current) })));
}

/** Refuses an edit that started from `fromVersion`: who changed the record and when, then which fields changed and their values now. */
export async function refuseStaleVersion<Row extends { id: string; version: number; updatedAt: Date }>(
  tx: Prisma.TransactionClient,
  entityType: string,
  current: Row,
  fromVersion: number,
  labels: ChangedFieldLabels<Row>,
): Promise<never> {
  return refuseStaleEdit(tx, entityType, current.id, current.updatedAt, await findChangedFields(tx, entityType, current.id, current, fromVersion, labels));
}

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
  /** How a refusal lists the fields changed since `version` (read() gives the record as it is now); without it, only who and when. */
  fieldLabels?: ChangedFieldLabels<Row>;
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
    const changes = update.fieldLabels ? await changesOfStaleUpdate(tx, update, update.fieldLabels) : [];
    await refuseStaleEdit(tx, update.entityType, update.id, readAt, changes);
  }
  const after = await update.read();
  await writeAudit(tx, actor, request, { ...(await update.audit(after)), entityType: update.entityType, entityId: update.id });
  return after;
}

async function changesOfStaleUpdate<Row>(tx: Prisma.TransactionClient, update: VersionedUpdate<Row>, labels: ChangedFieldLabels<Row>): Promise<ChangedField[]> {
  // The record may be gone (deleted meanwhile): then who and when is all there is to say.
  const current = await Promise.resolve(update.read()).catch(() => null);
  if (current === null) return [];
  const version = (current as { version?: unknown }).version;
  if (typeof version !== "number") return [];
  return findChangedFields(tx, update.entityType, update.id, current as Row & { version: number }, update.version, labels as ChangedFieldLabels<Row & { version: number }>);
}
