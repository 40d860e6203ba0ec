import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { cohortResource, isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { scopeWhere } from "@/lib/scopes";
import { refuseStaleEdit } from "@/lib/last-change";
import { recordEvent } from "@/features/notifications/events";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import type { Placement, Prisma } from "@/generated/prisma/client";
import {
  approvalBlocker,
  approvalPermission,
  encodeApprovalResetReason,
  hasAnyApproval,
  materialChanges,
  nominationDeadlinePassed,
  statusAfterApproval,
} from "./policy";
import type { ApprovePlacementInput, AssignPlacementInput, NominateOfficersInput, WithdrawPlacementInput } from "./schemas";

// Every write to a placement: scoped load (404 outside the actor's scope) → authorization for the actor's side
// (403) → workflow rules → a write conditional on the version the user started from → audit entry, all in one
// transaction. Capacity, overlap, sides and the cohort window are enforced by the database itself (see
// prisma/migrations/20261127000000_init); their violations come back here as translated AppErrors.

type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a placement (ids and workflow fields; nothing personal beyond the officer's id). */
function auditSnapshot(placement: Placement) {
  return {
    officerId: placement.officerId,
    cohortId: placement.cohortId,
    status: placement.status,
    hostUnitId: placement.hostUnitId,
    fieldId: placement.fieldId,
    postTitle: placement.postTitle,
    startDate: placement.startDate ? formatDateOnly(placement.startDate) : null,
    endDate: placement.endDate ? formatDateOnly(placement.endDate) : null,
    sendingApprovedById: placement.sendingApprovedById,
    sendingApprovedAt: placement.sendingApprovedAt?.toISOString() ?? null,
    hostApprovedById: placement.hostApprovedById,
    hostApprovedAt: placement.hostApprovedAt?.toISOString() ?? null,
    approvalResetReason: placement.approvalResetReason,
    withdrawnReason: placement.withdrawnReason,
    version: placement.version,
  };
}

async function loadPlacementInScope(tx: Tx, actor: Actor, placementId: string) {
  const placement = await tx.placement.findFirst({
    where: { AND: [{ id: placementId }, scopeWhere("placement", actor)] },
    include: { cohort: true },
  });
  if (!placement) throw new NotFoundError();
  return placement;
}

/** A completed cohort's placements are read-only (the database refuses it too: Placement_cohort_completed_read_only). */
function refuseCompletedCohort(cohort: { status: string }) {
  if (cohort.status === "COMPLETED") throw new AppError("cohortCompletedReadOnly");
}

/** Refuses an edit that started from an older version: "changed by NAME at TIME — reload"; nothing is written. */
async function refuseStalePlacement(tx: Tx, placementId: string): Promise<never> {
  const current = await tx.placement.findUniqueOrThrow({ where: { id: placementId }, select: { updatedAt: true } });
  return refuseStaleEdit(tx, "Placement", placementId, current.updatedAt);
}

/**
 * Writes `data` only if the placement still has the version the user started from (lib/mutation-support.ts
 * updateAtVersion) and audits it as `action`; the refusal of a stale edit names the time of the placement as it is now.
 */
function updatePlacementAtVersion(tx: Tx, context: MutationContext, before: Placement, version: number, data: Prisma.PlacementUncheckedUpdateManyInput, action: string) {
  return updateAtVersion(tx, context, {
    entityType: "Placement",
    id: before.id,
    version,
    readAt: async () => (await tx.placement.findUniqueOrThrow({ where: { id: before.id }, select: { updatedAt: true } })).updatedAt,
    write: (where, step) => tx.placement.updateMany({ where, data: { ...data, version: step, updatedById: context.actor.userId } }),
    read: () => tx.placement.findUniqueOrThrow({ where: { id: before.id } }),
    audit: (after) => ({ action, before: auditSnapshot(before), after: auditSnapshot(after) }),
  });
}

/**
 * The sending side nominates active officers of its own side, up to the cohort's nomination deadline (a Hong Kong
 * date, compared with the Hong Kong date of `now`); each gets a placement over the cohort window.
 */
export async function nominateOfficers(
  { actor, request }: MutationContext,
  input: NominateOfficersInput,
  options: { now?: Date } = {},
): Promise<{ nominated: number }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const cohort = await tx.cohort.findFirst({ where: { AND: [{ id: input.cohortId }, scopeWhere("cohort", actor)] } });
      if (!cohort) throw new NotFoundError();
      if (!isAllowed(actor, "placement:nominate", cohortResource(cohort))) throw new ForbiddenError();
      if (cohort.status === "COMPLETED") throw new AppError("cohortClosed");
      if (nominationDeadlinePassed(cohort, parseDateOnly(todayInHongKong(options.now)))) throw new AppError("nominationDeadlinePassed");
      const officerIds = [...new Set(input.officerIds)];
      // Officers of another side are "not found", like any id outside the actor's scope.
      const officers = await tx.officer.findMany({
        where: { id: { in: officerIds }, jurisdictionId: cohort.sendingJurisdictionId },
        select: { id: true, active: true },
      });
      if (officers.length !== officerIds.length) throw new NotFoundError();
      if (officers.some((officer) => !officer.active)) throw new AppError("officerInactive", {}, { officerIds: ["officerInactive"] });
      // Also guaranteed by a unique index, but the overlap constraint would fire first with a less precise message.
      const alreadyIn = await tx.placement.count({ where: { cohortId: cohort.id, officerId: { in: officerIds }, status: { not: "WITHDRAWN" } } });
      if (alreadyIn > 0) throw new AppError("placementAlreadyInCohort", {}, { officerIds: ["placementAlreadyInCohort"] });
      for (const officerId of officerIds) {
        const placement = await tx.placement.create({
          data: { officerId, cohortId: cohort.id, startDate: cohort.startDate, endDate: cohort.endDate, status: "NOMINATED", updatedById: actor.userId },
        });
        await writeAudit(tx, actor, request, { action: "placement.nominate", entityType: "Placement", entityId: placement.id, after: auditSnapshot(placement) });
        await recordEvent(tx, actor.userId, { kind: "placement.nominated", placementId: placement.id });
      }
      return { nominated: officerIds.length };
    }, transactionOptions),
  );
}

/** Which form field a refusal from the database belongs next to. */
const assignmentFieldOf: Record<string, string> = {
  noPlaceLeft: "hostUnitId",
  hostUnitNotOnHostSide: "hostUnitId",
  placementOutsideCohort: "startDate",
  placementOverlap: "startDate",
};

/**
 * The host side assigns (or re-assigns) host unit, field, post and dates. A material change — host unit, dates or
 * post — to a placement either side has already approved clears both approvals and records why, so nobody is
 * held to an agreement they did not make.
 */
export async function assignPlacement({ actor, request }: MutationContext, input: AssignPlacementInput): Promise<{ id: string; version: number; approvalsReset: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, "placement:assign", placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.status === "WITHDRAWN") throw new AppError("placementWithdrawn");
      if (before.version !== input.version) await refuseStalePlacement(tx, before.id);
      const hostUnit = await tx.hostUnit.findFirst({ where: { id: input.hostUnitId, jurisdictionId: before.cohort.hostJurisdictionId }, select: { id: true, active: true } });
      if (!hostUnit) throw new AppError("hostUnitNotOnHostSide", {}, { hostUnitId: ["hostUnitNotOnHostSide"] });
      if (!hostUnit.active && hostUnit.id !== before.hostUnitId) throw new AppError("hostUnitInactive", {}, { hostUnitId: ["hostUnitInactive"] });
      const field = await tx.field.findFirst({ where: { id: input.fieldId, active: true }, select: { id: true } });
      if (!field && input.fieldId !== before.fieldId) throw new AppError("checkFields", {}, { fieldId: ["invalidValue"] });

      const changes = materialChanges(before, input);
      const resetApprovals = hasAnyApproval(before) && changes.length > 0;
      const data: Prisma.PlacementUncheckedUpdateManyInput = {
        hostUnitId: input.hostUnitId,
        fieldId: input.fieldId,
        postTitle: input.postTitle,
        startDate: input.startDate,
        endDate: input.endDate,
      };
      if (before.status === "NOMINATED") data.status = "ASSIGNED";
      if (resetApprovals) {
        Object.assign(data, {
          status: "ASSIGNED",
          sendingApprovedAt: null,
          sendingApprovedById: null,
          hostApprovedAt: null,
          hostApprovedById: null,
          approvalResetReason: encodeApprovalResetReason(changes),
        });
      }
      const action = before.status === "NOMINATED" ? "placement.assign" : resetApprovals ? "placement.update.approvalsReset" : "placement.update";
      const after = await updatePlacementAtVersion(tx, { actor, request }, before, input.version, data, action);
      if (before.status === "NOMINATED") await recordEvent(tx, actor.userId, { kind: "placement.assigned", placementId: after.id });
      if (resetApprovals) {
        const clearedSides = [...(before.sendingApprovedAt ? ["sending" as const] : []), ...(before.hostApprovedAt ? ["host" as const] : [])];
        await recordEvent(tx, actor.userId, { kind: "placement.approvalsCleared", placementId: after.id, clearedSides, changes });
      }
      return { id: after.id, version: after.version, approvalsReset: resetApprovals };
    }, transactionOptions);
  } catch (error) {
    const known = error instanceof AppError ? error : translateDatabaseError(error);
    if (!known) throw error;
    const field = assignmentFieldOf[known.messageKey];
    if (field && Object.keys(known.fieldErrors).length === 0) throw new AppError(known.messageKey, known.values, { [field]: [known.messageKey] });
    throw known;
  }
}

/** Approval for one side of the cohort, by that side's coordinator; the second approval confirms the placement. */
export async function approvePlacement({ actor, request }: MutationContext, input: ApprovePlacementInput): Promise<{ id: string; version: number; confirmed: boolean }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, approvalPermission[input.side], placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.version !== input.version) await refuseStalePlacement(tx, before.id);
      const blocker = approvalBlocker(before, input.side);
      if (blocker) throw new AppError(blocker);
      const now = new Date();
      const data: Prisma.PlacementUncheckedUpdateManyInput =
        input.side === "sending"
          ? { sendingApprovedAt: now, sendingApprovedById: actor.userId }
          : { hostApprovedAt: now, hostApprovedById: actor.userId };
      data.status = statusAfterApproval(before, input.side);
      const after = await updatePlacementAtVersion(tx, { actor, request }, before, input.version, data, `placement.approve.${input.side}`);
      await recordEvent(
        tx,
        actor.userId,
        after.status === "CONFIRMED" ? { kind: "placement.confirmed", placementId: after.id } : { kind: "placement.approved", placementId: after.id, side: input.side },
      );
      return { id: after.id, version: after.version, confirmed: after.status === "CONFIRMED" };
    }, transactionOptions),
  );
}

/** Either side may withdraw a placement, always with a reason; the place it held is free again. */
export async function withdrawPlacement({ actor, request }: MutationContext, input: WithdrawPlacementInput): Promise<{ id: string; version: number }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, "placement:withdraw", placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.status === "WITHDRAWN") throw new AppError("placementWithdrawn");
      if (before.version !== input.version) await refuseStalePlacement(tx, before.id);
      const withdrawal = { status: "WITHDRAWN" as const, withdrawnReason: input.reason, withdrawnAt: new Date(), withdrawnById: actor.userId };
      const after = await updatePlacementAtVersion(tx, { actor, request }, before, input.version, withdrawal, "placement.withdraw");
      await recordEvent(tx, actor.userId, { kind: "placement.withdrawn", placementId: after.id, reason: input.reason });
      return { id: after.id, version: after.version };
    }, transactionOptions),
  );
}
