import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/authorization";
import type { RequestContext } from "@/lib/request-context";
import { sql } from "kysely";
import { runStatement, sqlBuilder } from "@/lib/kysely";
import { unnestText } from "@/lib/sql-fragments";
import { auditActions, type AuditAction } from "@/lib/audit-actions";

export { auditActions, type AuditAction };

type AuditClient = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  /** One of lib/audit-actions.ts: a name missing there does not compile, and each one there is translated (tested). */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * Keeps only the fields that changed, so an entry shows the difference rather than two whole records. A new record
 * (no before) keeps only the fields that were given a value: a nomination records its officer, cohort and dates,
 * not a dozen empty columns.
 */
export function diffRecords(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  if (!before && after) return { before: null, after: Object.fromEntries(Object.entries(after).filter(([, value]) => !isEmpty(value))) };
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

const jsonText = (value: Record<string, unknown> | null | undefined) => (value == null ? null : JSON.stringify(value));

/**
 * The set form of `writeAudit`, for changes of thousands of records at once (the officer import): every entry in
 * one `INSERT … SELECT FROM unnest(…)`, where a create per entry would cost a round trip each. Same columns, same
 * diffing, and an absent before/after stays NULL, exactly as `writeAudit` stores it. Call inside the same
 * transaction as the change it records.
 */
export async function writeAuditEntries(
  client: Pick<Prisma.TransactionClient, "$executeRawUnsafe">,
  actor: Pick<Actor, "userId" | "email"> | null,
  context: RequestContext,
  entries: AuditEntry[],
) {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({ entry, ...diffRecords(entry.before, entry.after) }));
  const text = (value: string | null) => sql<string | null>`${value}::text`;
  await runStatement(
    sqlBuilder
      .insertInto("AuditLog")
      .columns(["actorId", "actorEmail", "action", "entityType", "entityId", "before", "after", "ipAddress", "requestId"])
      .expression((eb) =>
        eb
          .selectFrom(
            unnestText({
              action: rows.map(({ entry }) => entry.action),
              entityType: rows.map(({ entry }) => entry.entityType),
              entityId: rows.map(({ entry }) => entry.entityId ?? null),
              before: rows.map(({ before }) => jsonText(before)),
              after: rows.map(({ after }) => jsonText(after)),
            }).as("u"),
          )
          .select((row) => [
            text(actor?.userId ?? null).as("actorId"),
            text(actor?.email ?? null).as("actorEmail"),
            "u.action",
            "u.entityType",
            "u.entityId",
            row.cast("u.before", "jsonb").as("before"),
            row.cast("u.after", "jsonb").as("after"),
            text(context.ipAddress).as("ipAddress"),
            text(context.requestId).as("requestId"),
          ]),
      ),
    client,
  );
}
