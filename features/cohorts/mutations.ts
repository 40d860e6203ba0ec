import "server-only";
import { db } from "@/lib/db";
import { formatDateOnly } from "@/lib/dates";
import { writeAudit } from "@/lib/audit";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Cohort, Prisma } from "@/generated/prisma/client";
import { canManageCohort, canMoveCohortStatus } from "./policy";
import { scopeWhere } from "@/lib/scopes";
import type { CreateCohortInput, UpdateCohortInput } from "./schemas";
import { refuseStaleVersion, transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type ChangedFieldLabels, type MutationContext } from "@/lib/mutation-support";

/** What the audit log keeps of a cohort; dates as ISO so before/after compare as text. */
function auditSnapshot(cohort: Cohort) {
  return {
    code: cohort.code,
    nameEn: cohort.nameEn,
    nameZhHant: cohort.nameZhHant,
    nameZhHans: cohort.nameZhHans,
    sendingJurisdictionId: cohort.sendingJurisdictionId,
    hostJurisdictionId: cohort.hostJurisdictionId,
    startDate: formatDateOnly(cohort.startDate),
    endDate: formatDateOnly(cohort.endDate),
    nominationDeadline: cohort.nominationDeadline ? formatDateOnly(cohort.nominationDeadline) : null,
    status: cohort.status,
    version: cohort.version,
  };
}

/** A side's name for a stale-edit refusal (decision 057). */
async function jurisdictionNames(tx: Prisma.TransactionClient, id: string) {
  const side = await tx.jurisdiction.findUnique({ where: { id }, select: { nameEn: true, nameZhHant: true, nameZhHans: true } });
  return side ? { names: side } : null;
}

/** The cohort's fields as a stale-edit refusal lists them, in the form's order (decision 057). */
function cohortFieldLabels(tx: Prisma.TransactionClient): ChangedFieldLabels<Cohort> {
  return {
    code: { labelKey: "cohorts.code", value: (cohort) => ({ text: cohort.code }) },
    nameEn: { labelKey: "cohorts.nameEn", value: (cohort) => ({ text: cohort.nameEn }) },
    nameZhHant: { labelKey: "cohorts.nameZhHant", value: (cohort) => ({ text: cohort.nameZhHant }) },
    nameZhHans: { labelKey: "cohorts.nameZhHans", value: (cohort) => ({ text: cohort.nameZhHans }) },
    sendingJurisdictionId: { labelKey: "cohorts.sending", value: (cohort) => jurisdictionNames(tx, cohort.sendingJurisdictionId) },
    hostJurisdictionId: { labelKey: "cohorts.host", value: (cohort) => jurisdictionNames(tx, cohort.hostJurisdictionId) },
    startDate: { labelKey: "cohorts.startDate", value: (cohort) => ({ date: formatDateOnly(cohort.startDate) }) },
    endDate: { labelKey: "cohorts.endDate", value: (cohort) => ({ date: formatDateOnly(cohort.endDate) }) },
    nominationDeadline: { labelKey: "cohorts.nominationDeadline", value: (cohort) => (cohort.nominationDeadline ? { date: formatDateOnly(cohort.nominationDeadline) } : null) },
    status: { labelKey: "cohorts.status", value: (cohort) => ({ messageKey: `status.cohort.${cohort.status}` }) },
  };
}

async function assertSidesExist(tx: Prisma.TransactionClient, input: CreateCohortInput) {
  const found = await tx.jurisdiction.findMany({
    where: { id: { in: [input.sendingJurisdictionId, input.hostJurisdictionId] }, active: true },
    select: { id: true },
  });
  const ids = new Set(found.map((jurisdiction) => jurisdiction.id));
  const fieldErrors: Record<string, string[]> = {};
  if (!ids.has(input.sendingJurisdictionId)) fieldErrors.sendingJurisdictionId = ["invalidValue"];
  if (!ids.has(input.hostJurisdictionId)) fieldErrors.hostJurisdictionId = ["invalidValue"];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("checkFields", {}, fieldErrors);
}

async function assertCodeFree(tx: Prisma.TransactionClient, code: string, exceptId?: string) {
  const taken = await tx.cohort.findFirst({ where: { code, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new AppError("cohortCodeTaken", {}, { code: ["cohortCodeTaken"] });
}

function cohortData(input: CreateCohortInput) {
  return {
    code: input.code,
    nameEn: input.nameEn,
    nameZhHant: input.nameZhHant,
    nameZhHans: input.nameZhHans,
    sendingJurisdictionId: input.sendingJurisdictionId,
    hostJurisdictionId: input.hostJurisdictionId,
    startDate: input.startDate,
    endDate: input.endDate,
    nominationDeadline: input.nominationDeadline,
    status: input.status,
  };
}

/** A new cohort, set up by its sending side's coordinator or an admin. */
export async function createCohort({ actor, request }: MutationContext, input: CreateCohortInput): Promise<{ id: string }> {
  if (!canManageCohort(actor, input)) throw new ForbiddenError();
  if (!canMoveCohortStatus("PLANNING", input.status)) throw new AppError("cohortStatusStep", {}, { status: ["cohortStatusStep"] });
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      await assertSidesExist(tx, input);
      await assertCodeFree(tx, input.code);
      const cohort = await tx.cohort.create({ data: cohortData(input) });
      await writeAudit(tx, actor, request, { action: "cohort.create", entityType: "Cohort", entityId: cohort.id, after: auditSnapshot(cohort) });
      return { id: cohort.id };
    }, transactionOptions),
  );
}

/**
 * Edits a cohort from the version the user started with. The write is conditional on that version, so of two
 * concurrent edits the later one is refused instead of silently overwriting the first.
 */
export async function updateCohort({ actor, request }: MutationContext, input: UpdateCohortInput): Promise<{ id: string; version: number }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await tx.cohort.findFirst({ where: { AND: [{ id: input.id }, scopeWhere("cohort", actor)] } });
      if (!before) throw new NotFoundError();
      // Both the cohort as it is and as it would be: a coordinator cannot hand a cohort to sides it is not sending for.
      if (!canManageCohort(actor, before) || !canManageCohort(actor, input)) throw new ForbiddenError();
      if (before.version !== input.version) await refuseStaleVersion(tx, "Cohort", before, input.version, cohortFieldLabels(tx));
      await assertSidesExist(tx, input);
      if (input.code !== before.code) await assertCodeFree(tx, input.code, before.id);
      const sidesChanged = before.sendingJurisdictionId !== input.sendingJurisdictionId || before.hostJurisdictionId !== input.hostJurisdictionId;
      if (sidesChanged && (await tx.placement.count({ where: { cohortId: before.id } })) > 0) {
        throw new AppError("cohortSidesLocked", {}, { sendingJurisdictionId: ["cohortSidesLocked"], hostJurisdictionId: ["cohortSidesLocked"] });
      }
      if (!canMoveCohortStatus(before.status, input.status)) throw new AppError("cohortStatusStep", {}, { status: ["cohortStatusStep"] });
      const after = await updateAtVersion(tx, { actor, request }, {
        entityType: "Cohort",
        id: before.id,
        version: input.version,
        readAt: before.updatedAt,
        write: (where, version) => tx.cohort.updateMany({ where, data: { ...cohortData(input), version } }),
        read: () => tx.cohort.findUniqueOrThrow({ where: { id: before.id } }),
        audit: (written) => ({ action: "cohort.update", before: auditSnapshot(before), after: auditSnapshot(written) }),
        fieldLabels: cohortFieldLabels(tx),
      });
      return { id: after.id, version: after.version };
    }, transactionOptions),
  );
}
