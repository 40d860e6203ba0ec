import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { refuseStaleEdit } from "@/lib/last-change";
import { updateAtVersion } from "@/lib/mutation-support";
import { writeAudit } from "@/lib/audit";
import { hasPermission, type Actor } from "@/lib/authorization";
import { readDatabaseError } from "@/lib/database-errors";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { referenceAction, referenceEntityTypes } from "./entities";
import type { ReferenceRecordInput, SetReferenceActiveInput } from "./schemas";

type Tx = Prisma.TransactionClient;

function requireReferenceManager(actor: Actor) {
  if (!hasPermission(actor, "referenceData:manage")) throw new ForbiddenError();
}

/** Unique violations become an error next to the field that caused them. */
function translateUniqueViolation(error: unknown, kind: ReferenceRecordInput["referenceKind"]): AppError | null {
  const details = readDatabaseError(error);
  if (details?.code !== "23505") return null;
  const where = `${details.constraint ?? ""} ${(details.target ?? []).join(" ")}`;
  if (kind === "ranks" && where.includes("grade")) return new AppError("checkFields", {}, { level: ["rankLevelTaken"] });
  return new AppError("checkFields", {}, { code: ["codeTaken"] });
}

async function requireSide(tx: Tx, jurisdictionId: string | null) {
  if (!jurisdictionId || !(await tx.jurisdiction.findUnique({ where: { id: jurisdictionId }, select: { id: true } }))) {
    throw new AppError("checkFields", {}, { jurisdictionId: [jurisdictionId ? "invalidChoice" : "required"] });
  }
  return jurisdictionId;
}

async function requireFields(tx: Tx, fieldIds: string[]) {
  const found = await tx.field.findMany({ where: { id: { in: fieldIds } }, select: { id: true, code: true } });
  if (found.length !== fieldIds.length) throw new AppError("checkFields", {}, { fieldIds: ["invalidChoice"] });
  return found.map((field) => field.code).sort();
}

/** `updateMany … where version` writes only if nobody saved in between; otherwise the edit is refused as stale. */
async function ensureWritten(tx: Tx, count: number, entityType: string, id: string, updatedAt: Date) {
  if (count === 0) await refuseStaleEdit(tx, entityType, id, updatedAt);
}

const versionNumber = (token: string | null) => (token && /^\d+$/.test(token) ? Number(token) : -1);

/** Creates a reference record, or saves an edit of one that started from `input.version`. Audited either way. */
export async function saveReferenceRecord(actor: Actor, request: RequestContext, input: ReferenceRecordInput): Promise<{ id: string }> {
  requireReferenceManager(actor);
  const entityType = referenceEntityTypes[input.referenceKind];
  try {
    return await db.$transaction(async (tx) => {
      const audit = (id: string, before: Record<string, unknown> | null, after: Record<string, unknown>) =>
        writeAudit(tx, actor, request, { action: referenceAction(input.referenceKind, before ? "update" : "create"), entityType, entityId: id, before, after });
      // Edits of records with a version column go through the one versioned-update sequence (stale refusal, audit).
      const context = { actor, request };
      const updateAction = referenceAction(input.referenceKind, "update");
      const edit = (id: string, readAt: Date) => ({ entityType, id, version: versionNumber(input.version), readAt });
      switch (input.referenceKind) {
        case "jurisdictions": {
          const data = { code: input.code, kind: input.jurisdictionKind, nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans, timeZone: input.timeZone };
          if (!input.id) {
            const created = await tx.jurisdiction.create({ data });
            await audit(created.id, null, data);
            return { id: created.id };
          }
          const current = await tx.jurisdiction.findUnique({ where: { id: input.id } });
          if (!current) throw new NotFoundError();
          // Jurisdictions carry no version column: the last update time is the version.
          const since = input.version ? new Date(input.version) : null;
          const { count } = since && !Number.isNaN(since.getTime()) ? await tx.jurisdiction.updateMany({ where: { id: current.id, updatedAt: since }, data }) : { count: 0 };
          await ensureWritten(tx, count, entityType, current.id, current.updatedAt);
          await audit(current.id, { code: current.code, kind: current.kind, nameEn: current.nameEn, nameZhHant: current.nameZhHant, nameZhHans: current.nameZhHans, timeZone: current.timeZone }, data);
          return { id: current.id };
        }
        case "departments": {
          const data = { code: input.code, kind: input.departmentKind, nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans };
          if (!input.id) {
            const created = await tx.department.create({ data: { ...data, jurisdictionId: await requireSide(tx, input.jurisdictionId) } });
            await audit(created.id, null, { ...data, jurisdictionId: created.jurisdictionId });
            return { id: created.id };
          }
          const current = await tx.department.findUnique({ where: { id: input.id } });
          if (!current) throw new NotFoundError();
          await updateAtVersion(tx, context, {
            ...edit(current.id, current.updatedAt),
            write: (where, version) => tx.department.updateMany({ where, data: { ...data, version } }),
            read: async () => data,
            audit: (after) => ({ action: updateAction, before: { code: current.code, kind: current.kind, nameEn: current.nameEn, nameZhHant: current.nameZhHant, nameZhHans: current.nameZhHans }, after }),
          });
          return { id: current.id };
        }
        case "host-units": {
          const data = {
            code: input.code,
            district: input.district,
            nameEn: input.nameEn,
            nameZhHant: input.nameZhHant,
            nameZhHans: input.nameZhHans,
            defaultCapacity: input.defaultCapacity,
          };
          const fieldCodes = await requireFields(tx, input.fieldIds);
          if (!input.id) {
            const created = await tx.hostUnit.create({
              data: { ...data, jurisdictionId: await requireSide(tx, input.jurisdictionId), fields: { create: input.fieldIds.map((fieldId) => ({ fieldId })) } },
            });
            await audit(created.id, null, { ...data, jurisdictionId: created.jurisdictionId, fields: fieldCodes });
            return { id: created.id };
          }
          const current = await tx.hostUnit.findUnique({ where: { id: input.id }, include: { fields: { include: { field: { select: { code: true } } } } } });
          if (!current) throw new NotFoundError();
          const before = {
            code: current.code,
            district: current.district,
            nameEn: current.nameEn,
            nameZhHant: current.nameZhHant,
            nameZhHans: current.nameZhHans,
            defaultCapacity: current.defaultCapacity,
            fields: current.fields.map(({ field }) => field.code).sort(),
          };
          await updateAtVersion(tx, context, {
            ...edit(current.id, current.updatedAt),
            write: (where, version) => tx.hostUnit.updateMany({ where, data: { ...data, version } }),
            read: async () => ({ ...data, fields: fieldCodes }),
            audit: (after) => ({ action: updateAction, before, after }),
          });
          await tx.hostUnitField.deleteMany({ where: { hostUnitId: current.id } });
          await tx.hostUnitField.createMany({ data: input.fieldIds.map((fieldId) => ({ hostUnitId: current.id, fieldId })) });
          return { id: current.id };
        }
        case "ranks": {
          const data = {
            grade: input.grade,
            level: input.level,
            code: input.code,
            nameEn: input.nameEn,
            nameZhHant: input.nameZhHant,
            nameZhHans: input.nameZhHans,
            isDirectorate: input.isDirectorate,
          };
          if (!input.id) {
            const created = await tx.rank.create({ data: { ...data, jurisdictionId: await requireSide(tx, input.jurisdictionId) } });
            await audit(created.id, null, { ...data, jurisdictionId: created.jurisdictionId });
            return { id: created.id };
          }
          const current = await tx.rank.findUnique({ where: { id: input.id } });
          if (!current) throw new NotFoundError();
          const { grade, level, code, nameEn, nameZhHant, nameZhHans, isDirectorate } = current;
          await updateAtVersion(tx, context, {
            ...edit(current.id, new Date()),
            write: (where, version) => tx.rank.updateMany({ where, data: { ...data, version } }),
            read: async () => data,
            audit: (after) => ({ action: updateAction, before: { grade, level, code, nameEn, nameZhHant, nameZhHans, isDirectorate }, after }),
          });
          return { id: current.id };
        }
        case "fields": {
          const data = { code: input.code, nameEn: input.nameEn, nameZhHant: input.nameZhHant, nameZhHans: input.nameZhHans, sortOrder: input.sortOrder };
          if (!input.id) {
            const created = await tx.field.create({ data });
            await audit(created.id, null, data);
            return { id: created.id };
          }
          const current = await tx.field.findUnique({ where: { id: input.id } });
          if (!current) throw new NotFoundError();
          const { code, nameEn, nameZhHant, nameZhHans, sortOrder } = current;
          await updateAtVersion(tx, context, {
            ...edit(current.id, new Date()),
            write: (where, version) => tx.field.updateMany({ where, data: { ...data, version } }),
            read: async () => data,
            audit: (after) => ({ action: updateAction, before: { code, nameEn, nameZhHant, nameZhHans, sortOrder }, after }),
          });
          return { id: current.id };
        }
      }
    });
  } catch (error) {
    if (readDatabaseError(error)?.constraint === "HostUnit_default_capacity_not_below_used") {
      throw new AppError("capacityBelowUsed", {}, { defaultCapacity: ["capacityBelowUsed"] });
    }
    throw translateUniqueViolation(error, input.referenceKind) ?? error;
  }
}

/**
 * Deactivates or reactivates a reference record. Nothing is ever deleted: officers, placements and the audit log
 * keep pointing at it, and forms stop offering it for new choices.
 */
export async function setReferenceActive(actor: Actor, request: RequestContext, input: SetReferenceActiveInput): Promise<{ id: string }> {
  requireReferenceManager(actor);
  const entityType = referenceEntityTypes[input.referenceKind];
  return db.$transaction(async (tx) => {
    const data = { active: input.active };
    const bump = { ...data, version: { increment: 1 } };
    const where = { id: input.id, version: versionNumber(input.version) };
    let result: { count: number };
    let updatedAt = new Date();
    switch (input.referenceKind) {
      case "jurisdictions": {
        const current = await tx.jurisdiction.findUnique({ where: { id: input.id } });
        if (!current) throw new NotFoundError();
        updatedAt = current.updatedAt;
        const since = new Date(input.version);
        result = Number.isNaN(since.getTime()) ? { count: 0 } : await tx.jurisdiction.updateMany({ where: { id: input.id, updatedAt: since }, data });
        break;
      }
      case "departments":
        result = await tx.department.updateMany({ where, data: bump });
        break;
      case "host-units":
        result = await tx.hostUnit.updateMany({ where, data: bump });
        break;
      case "ranks":
        result = await tx.rank.updateMany({ where, data: bump });
        break;
      case "fields":
        result = await tx.field.updateMany({ where, data: bump });
        break;
    }
    if (result.count === 0) {
      if (!(await recordExists(tx, input))) throw new NotFoundError();
      await refuseStaleEdit(tx, entityType, input.id, updatedAt);
    }
    await writeAudit(tx, actor, request, {
      action: referenceAction(input.referenceKind, input.active ? "reactivate" : "deactivate"),
      entityType,
      entityId: input.id,
      before: { active: !input.active },
      after: { active: input.active },
    });
    return { id: input.id };
  });
}

async function recordExists(tx: Tx, input: SetReferenceActiveInput): Promise<boolean> {
  const where = { where: { id: input.id }, select: { id: true } };
  switch (input.referenceKind) {
    case "departments":
      return Boolean(await tx.department.findUnique(where));
    case "host-units":
      return Boolean(await tx.hostUnit.findUnique(where));
    case "ranks":
      return Boolean(await tx.rank.findUnique(where));
    case "fields":
      return Boolean(await tx.field.findUnique(where));
    default:
      return Boolean(await tx.jurisdiction.findUnique(where));
  }
}
