import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { hasPermission, type Actor } from "@/lib/authorization";
import { db } from "@/lib/db";
import { currentAuditAction, storedAuditActionNames } from "@/lib/audit-actions";
import { ForbiddenError } from "@/lib/errors";
import { auditPageSize, hongKongDayRange, type AuditListParams } from "./schemas";

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ipAddress: string | null;
  requestId: string | null;
}

const entrySelect = {
  id: true,
  createdAt: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ipAddress: true,
  requestId: true,
  actor: { select: { name: true } },
} satisfies Prisma.AuditLogSelect;

type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>;

const asRecord = (value: Prisma.JsonValue | null): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function toView(entry: EntryRow): AuditEntryView {
  return {
    id: entry.id.toString(),
    createdAt: entry.createdAt,
    actorName: entry.actor?.name ?? null,
    actorEmail: entry.actorEmail,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: asRecord(entry.before),
    after: asRecord(entry.after),
    ipAddress: entry.ipAddress,
    requestId: entry.requestId,
  };
}

/** The whole audit log is for admins only: it holds both sides' personal data. */
function requireAuditViewer(actor: Actor) {
  if (!hasPermission(actor, "audit:view")) throw new ForbiddenError();
}

/** The log's rows the filters select; an action matches under its current and its older stored names. */
function auditWhere(params: AuditListParams): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (params.action) where.action = { in: storedAuditActionNames(params.action) };
  if (params.entityType) where.entityType = params.entityType;
  if (params.entityId) where.entityId = params.entityId;
  if (params.actor) where.OR = [{ actorEmail: { contains: params.actor, mode: "insensitive" } }, { actor: { name: { contains: params.actor, mode: "insensitive" } } }];
  const range = hongKongDayRange(params.from, params.to);
  if (range.gte || range.lt) where.createdAt = range;
  return where;
}

const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditLogOrderByWithRelationInput[];

export async function countAuditEntries(actor: Actor, params: AuditListParams): Promise<number> {
  requireAuditViewer(actor);
  return db.auditLog.count({ where: auditWhere(params) });
}

export async function findAuditEntries(actor: Actor, params: AuditListParams) {
  requireAuditViewer(actor);
  const where = auditWhere(params);
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / auditPageSize));
  const page = Math.min(params.page, pageCount);
  const entries = await db.auditLog.findMany({
    where,
    orderBy: newestFirst,
    skip: (page - 1) * auditPageSize,
    take: auditPageSize,
    select: entrySelect,
  });
  return { entries: entries.map(toView), total, page, pageCount };
}

/**
 * Every entry the filters select, newest first, in batches read one after another (a cursor on the id), so an
 * export of the whole log holds one batch in memory at a time. Ignores the page.
 */
export async function* streamAuditEntries(actor: Actor, params: AuditListParams, batchSize = 500): AsyncGenerator<AuditEntryView[]> {
  requireAuditViewer(actor);
  const where = auditWhere(params);
  let cursor: bigint | null = null;
  for (;;) {
    const batch: EntryRow[] = await db.auditLog.findMany({
      where,
      orderBy: newestFirst,
      take: batchSize,
      ...(cursor === null ? {} : { cursor: { id: cursor }, skip: 1 }),
      select: entrySelect,
    });
    if (batch.length === 0) return;
    yield batch.map(toView);
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** The actions and entity types that occur in the log, for the filter menus. */
export async function findAuditFilterOptions(actor: Actor) {
  requireAuditViewer(actor);
  const [actions, entityTypes] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  // Older stored names are offered once, under their current name.
  return { actions: [...new Set(actions.map((row) => currentAuditAction(row.action)))].sort(), entityTypes: entityTypes.map((row) => row.entityType) };
}

/** Which entries make up one record's history: its own, and those of records that belong to it (by id prefix). */
export type HistorySource = { entityType: string; entityId: string } | { entityType: string; entityIdPrefix: string };

/**
 * The history of one record, newest first. Unscoped: the caller must already have decided that the actor may see
 * this record's history (its own side's officer, its host unit; always for an admin).
 */
export async function unsafeFindRecordHistory(sources: HistorySource[], limit = 100): Promise<AuditEntryView[]> {
  const entries = await db.auditLog.findMany({
    where: {
      OR: sources.map((source) =>
        "entityId" in source ? { entityType: source.entityType, entityId: source.entityId } : { entityType: source.entityType, entityId: { startsWith: source.entityIdPrefix } },
      ),
    },
    orderBy: newestFirst,
    take: limit,
    select: entrySelect,
  });
  return entries.map(toView);
}
