import "server-only";
import { formatOfficerName } from "./names";
import type { Prisma } from "@/generated/prisma/client";
import { refuseStaleVersion, updateAtVersion, type ChangedFieldLabels } from "@/lib/mutation-support";
import { writeAudit } from "@/lib/audit";
import { isAllowed, type Actor } from "@/lib/authorization";
import { readDatabaseError } from "@/lib/database-errors";
import { db } from "@/lib/db";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { OfficerFields, UpdateOfficerInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const officerEntityType = "Officer";

/** The coordinator's own side: the only jurisdiction whose officers it may create or change. */
function managedJurisdiction(actor: Actor): string {
  if (actor.role !== "COORDINATOR" || !actor.jurisdictionId) throw new ForbiddenError();
  if (!isAllowed(actor, "officer:manage", { kind: "officer", id: "", jurisdictionId: actor.jurisdictionId })) throw new ForbiddenError();
  return actor.jurisdictionId;
}

/**
 * Rank and department must belong to the officer's side and be active — unless it is the value the officer
 * already has (a rank retired since stays on the record until someone changes it). Fields likewise.
 */
async function checkReferences(tx: Tx, jurisdictionId: string, input: OfficerFields, current?: { rankId: string; departmentId: string; fieldIds: string[] }) {
  // One after another: a transaction is one connection, and pg is deprecating queries queued on a busy client.
  const rank = await tx.rank.findFirst({ where: { id: input.rankId, jurisdictionId }, select: { active: true } });
  const department = await tx.department.findFirst({ where: { id: input.departmentId, jurisdictionId }, select: { active: true } });
  const fields = await tx.field.findMany({ where: { id: { in: input.fieldIds } }, select: { id: true, active: true } });
  const fieldErrors: Record<string, string[]> = {};
  if (!rank || (!rank.active && current?.rankId !== input.rankId)) fieldErrors.rankId = ["invalidChoice"];
  if (!department || (!department.active && current?.departmentId !== input.departmentId)) fieldErrors.departmentId = ["invalidChoice"];
  const usable = new Set(fields.filter((field) => field.active || current?.fieldIds.includes(field.id)).map((field) => field.id));
  if (input.fieldIds.some((id) => !usable.has(id))) fieldErrors.fieldIds = ["invalidChoice"];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("checkFields", {}, fieldErrors);
}

/** What an audit entry records of an officer: codes rather than ids, so the log reads without joins. */
export async function officerAuditSnapshot(tx: Tx, officerId: string) {
  const officer = await tx.officer.findUniqueOrThrow({
    where: { id: officerId },
    include: { rank: { select: { code: true } }, department: { select: { code: true } }, fields: { include: { field: { select: { code: true } } } } },
  });
  return {
    staffNumber: officer.staffNumber,
    surname: officer.surname,
    givenName: officer.givenName,
    otherName: officer.otherName,
    chineseName: officer.chineseName,
    rank: officer.rank.code,
    department: officer.department.code,
    fields: officer.fields.map(({ field }) => field.code).sort(),
    workEmail: officer.workEmail,
    active: officer.active,
  };
}

function staffNumberTaken(error: unknown): boolean {
  const details = readDatabaseError(error);
  return details?.code === "23505" && (details.constraint?.includes("staffNumber") || details.target?.includes("staffNumber") || false);
}

/** What a notice needs to name the officer as every list does (features/officers/names.ts). */
const officerNameSelect = { surname: true, givenName: true, otherName: true, jurisdiction: { select: { kind: true } } } as const;

const staffNumberTakenError = () => new AppError("checkFields", {}, { staffNumber: ["staffNumberTaken"] });

export async function createOfficer(actor: Actor, request: RequestContext, input: OfficerFields): Promise<{ id: string; name: string }> {
  const jurisdictionId = managedJurisdiction(actor);
  try {
    return await db.$transaction(async (tx) => {
      await checkReferences(tx, jurisdictionId, input);
      const { fieldIds, ...fields } = input;
      const officer = await tx.officer.create({
        data: { ...fields, jurisdictionId, fields: { create: fieldIds.map((fieldId) => ({ fieldId })) } },
        select: { id: true, ...officerNameSelect },
      });
      await writeAudit(tx, actor, request, {
        action: "officer.create",
        entityType: officerEntityType,
        entityId: officer.id,
        after: await officerAuditSnapshot(tx, officer.id),
      });
      return { id: officer.id, name: formatOfficerName(officer) };
    });
  } catch (error) {
    if (staffNumberTaken(error)) throw staffNumberTakenError();
    throw error;
  }
}

const trilingual = { nameEn: true, nameZhHant: true, nameZhHans: true } as const;

/** The officer's fields as a stale-edit refusal lists them, in the form's order (decision 057). */
function officerFieldLabels(tx: Tx): ChangedFieldLabels<{ staffNumber: string; surname: string; givenName: string; otherName: string | null; chineseName: string | null; rankId: string; departmentId: string; workEmail: string | null; active: boolean; fields: { fieldId: string }[] }> {
  const text = (value: string | null) => (value ? { text: value } : null);
  return {
    staffNumber: { labelKey: "officers.staffNumber", value: (officer) => text(officer.staffNumber) },
    surname: { labelKey: "officers.surname", value: (officer) => text(officer.surname) },
    givenName: { labelKey: "officers.givenName", value: (officer) => text(officer.givenName) },
    otherName: { labelKey: "officers.otherName", value: (officer) => text(officer.otherName) },
    chineseName: { labelKey: "officers.chineseName", value: (officer) => text(officer.chineseName) },
    rank: { labelKey: "officers.rank", value: async (officer) => ({ names: await tx.rank.findUniqueOrThrow({ where: { id: officer.rankId }, select: trilingual }) }) },
    department: { labelKey: "officers.department", value: async (officer) => ({ names: await tx.department.findUniqueOrThrow({ where: { id: officer.departmentId }, select: trilingual }) }) },
    fields: {
      labelKey: "officers.fields",
      // Several names in one value: each language's names joined in that language's way.
      value: async (officer) => {
        const fields = await tx.field.findMany({ where: { id: { in: officer.fields.map(({ fieldId }) => fieldId) } }, select: trilingual, orderBy: { nameEn: "asc" } });
        if (fields.length === 0) return null;
        return { names: { nameEn: fields.map((field) => field.nameEn).join(", "), nameZhHant: fields.map((field) => field.nameZhHant).join("、"), nameZhHans: fields.map((field) => field.nameZhHans).join("、") } };
      },
    },
    workEmail: { labelKey: "officers.workEmail", value: (officer) => text(officer.workEmail) },
    active: { labelKey: "officers.status", value: (officer) => ({ messageKey: officer.active ? "officers.active" : "officers.inactive" }) },
  };
}

/** Loads an officer of the actor's own side, locked for the rest of the transaction; 404 for anything else. */
async function lockManagedOfficer(tx: Tx, actor: Actor, id: string) {
  const jurisdictionId = managedJurisdiction(actor);
  const [locked] = await runQuery(sqlBuilder.selectFrom("Officer").select("id").where("id", "=", id).where("jurisdictionId", "=", jurisdictionId).forUpdate(), tx);
  if (!locked) throw new NotFoundError();
  return tx.officer.findUniqueOrThrow({ where: { id }, include: { fields: { select: { fieldId: true } } } });
}

/**
 * Saves an edit that started from `input.version`. If anyone saved in between, the edit is refused with who
 * changed it and when, and nothing is written: the row lock makes "check the version, then write" one step.
 */
export async function updateOfficer(actor: Actor, request: RequestContext, input: UpdateOfficerInput): Promise<{ id: string; version: number; name: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await lockManagedOfficer(tx, actor, input.id);
      if (current.version !== input.version) return refuseStaleVersion(tx, officerEntityType, current, input.version, officerFieldLabels(tx));
      const currentFieldIds = current.fields.map(({ fieldId }) => fieldId);
      await checkReferences(tx, current.jurisdictionId, input, { rankId: current.rankId, departmentId: current.departmentId, fieldIds: currentFieldIds });
      const before = await officerAuditSnapshot(tx, current.id);
      const { id, version, fieldIds, ...fields } = input;
      const sameFields = fieldIds.length === currentFieldIds.length && fieldIds.every((fieldId) => currentFieldIds.includes(fieldId));
      const updated = await updateAtVersion(tx, { actor, request }, {
        entityType: officerEntityType,
        id,
        version,
        readAt: current.updatedAt,
        write: async (where, step) => {
          const written = await tx.officer.updateMany({ where, data: { ...fields, version: step } });
          if (written.count > 0 && !sameFields) {
            await tx.officerField.deleteMany({ where: { officerId: id } });
            await tx.officerField.createMany({ data: fieldIds.map((fieldId) => ({ officerId: id, fieldId })) });
          }
          return written;
        },
        read: () => tx.officer.findUniqueOrThrow({ where: { id }, select: { version: true, ...officerNameSelect } }),
        audit: async () => ({ action: "officer.update", before, after: await officerAuditSnapshot(tx, id) }),
      });
      return { id, version: updated.version, name: formatOfficerName(updated) };
    });
  } catch (error) {
    if (staffNumberTaken(error)) throw staffNumberTakenError();
    throw error;
  }
}

/**
 * Deactivates (or reactivates) an officer. Deactivation is refused while the officer holds a placement that has
 * not ended: withdraw it first, so no cohort loses an officer without a recorded reason. The officer's own sign-in
 * accounts follow: deactivating signs them out at once (session version bumped) and keeps them out; reactivating
 * lets them sign in again. Each account change is audited in the same transaction.
 */
export async function setOfficerActive(
  actor: Actor,
  request: RequestContext,
  input: { id: string; version: number; active: boolean },
): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    const current = await lockManagedOfficer(tx, actor, input.id);
    if (current.version !== input.version) return refuseStaleVersion(tx, officerEntityType, current, input.version, officerFieldLabels(tx));
    if (!input.active) {
      const live = await tx.placement.count({ where: { officerId: current.id, status: { not: "WITHDRAWN" }, endDate: { gte: parseDateOnly(todayInHongKong()) } } });
      if (live > 0) throw new AppError("officerHasLivePlacement");
    }
    const updated = await updateAtVersion(tx, { actor, request }, {
      entityType: officerEntityType,
      id: current.id,
      version: input.version,
      readAt: current.updatedAt,
      write: (where, step) => tx.officer.updateMany({ where, data: { active: input.active, version: step } }),
      read: () => tx.officer.findUniqueOrThrow({ where: { id: current.id }, select: { version: true } }),
      audit: () => ({ action: input.active ? "officer.reactivate" : "officer.deactivate", before: { active: current.active }, after: { active: input.active } }),
    });
    const accounts = await tx.user.findMany({ where: { officerId: current.id, active: !input.active }, select: { id: true } });
    for (const account of accounts) {
      await tx.user.update({
        where: { id: account.id },
        data: input.active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
      });
      await writeAudit(tx, actor, request, {
        action: input.active ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: account.id,
        before: { active: !input.active },
        after: { active: input.active, because: input.active ? "officer.reactivate" : "officer.deactivate", officerId: current.id },
      });
    }
    return { id: current.id, version: updated.version };
  });
}
