import "server-only";
import { db } from "@/lib/db";
import { writeAudit, writeAuditEntries, type AuditAction } from "@/lib/audit";
import { formatDateOnly, parseDateOnly, todayInHongKong } from "@/lib/dates";
import { cohortResource, isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { translateDatabaseError } from "@/lib/database-errors";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { scopeWhere } from "@/lib/scopes";
import { formatOfficerName } from "@/features/officers/names";
import { displayStatus, type PlacementDisplayStatus } from "./display-status";
import { findValuesChangedSince, refuseStaleEdit } from "@/lib/last-change";
import type { ChangedField } from "@/lib/errors";
import { recordEvent, recordEvents, type NotificationEventInput } from "@/features/notifications/events";
import { sql } from "kysely";
import { runQuery, sqlBuilder } from "@/lib/kysely";
import { unnestText } from "@/lib/sql-fragments";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import type { Placement, Prisma } from "@/generated/prisma/client";
import type { PlacementStatus } from "@/generated/prisma/enums";
import {
  approvalBlocker,
  approvalPermission,
  encodeApprovalResetReason,
  revocationBlocker,
  revocationPermission,
  hasAnyApproval,
  materialChanges,
  nominationDeadlinePassed,
  statusAfterApproval,
} from "./policy";
import { RowsRefusedError, type RowRefusal } from "./row-refusals";
import type { ApprovalSide, ApprovePlacementInput, AssignPlacementInput, NominateOfficersInput, WithdrawPlacementInput } from "./schemas";

// Every write to a placement: scoped load (404 outside the actor's scope) → authorization for the actor's side
// (403) → workflow rules → a write conditional on the version the user started from → audit entry, all in one
// transaction. Capacity, overlap, sides and the cohort window are enforced by the database itself (see
// prisma/migrations/20261127000000_init); their violations come back here as translated AppErrors.

export type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a placement (ids and workflow fields; nothing personal beyond the officer's id). */
export function auditSnapshot(placement: Placement) {
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
    include: { cohort: true, officer: { select: officerNameSelect } },
  });
  if (!placement) throw new NotFoundError();
  return placement;
}

const officerNameSelect = { surname: true, givenName: true, otherName: true, jurisdiction: { select: { kind: true } } } as const;

/** What an action's notice names: the officer, and the state the placement shows now (decision 056). */
export interface PlacementOutcome {
  id: string;
  version: number;
  officerName: string;
  displayStatus: PlacementDisplayStatus;
}

function outcomeOf(before: { officer: Parameters<typeof formatOfficerName>[0] }, after: Placement): PlacementOutcome {
  return { id: after.id, version: after.version, officerName: formatOfficerName(before.officer), displayStatus: displayStatus(after) };
}

/** A completed cohort's placements are read-only (the database refuses it too: Placement_cohort_completed_read_only). */
function refuseCompletedCohort(cohort: { status: string }) {
  if (cohort.status === "COMPLETED") throw new AppError("cohortCompletedReadOnly");
}

/** The placement's fields as a stale-edit refusal lists them, in form order; the rest (ids of approvers' times…) are not shown. */
const placementFieldLabels: Record<string, string> = {
  status: "placements.status",
  hostUnitId: "placements.hostUnit",
  fieldId: "placements.field",
  postTitle: "placements.post",
  startDate: "placements.startDate",
  endDate: "placements.endDate",
  sendingApprovedById: "placements.sendingApproval",
  hostApprovedById: "placements.hostApproval",
  withdrawnReason: "placements.withdrawReason",
};

/** What changed since the user loaded version `fromVersion`, with each field's label and its value now (decision 057). */
async function placementChangesSince(tx: Tx, current: Placement, fromVersion: number): Promise<ChangedField[]> {
  const changed = await findValuesChangedSince(tx, "Placement", current.id, current.version - fromVersion);
  const fields = Object.keys(placementFieldLabels).filter((field) => field in changed);
  const [hostUnit, field, approvers] = await Promise.all([
    fields.includes("hostUnitId") && current.hostUnitId ? tx.hostUnit.findUnique({ where: { id: current.hostUnitId }, select: { nameEn: true, nameZhHant: true, nameZhHans: true } }) : null,
    fields.includes("fieldId") && current.fieldId ? tx.field.findUnique({ where: { id: current.fieldId }, select: { nameEn: true, nameZhHant: true, nameZhHans: true } }) : null,
    tx.user.findMany({ where: { id: { in: [current.sendingApprovedById, current.hostApprovedById].filter((id): id is string => id !== null) } }, select: { id: true, name: true } }),
  ]);
  const approver = (id: string | null): ChangedField["value"] => (id ? { text: approvers.find((user) => user.id === id)?.name ?? "✓" } : null);
  const valueOf: Record<string, () => ChangedField["value"]> = {
    status: () => ({ messageKey: `status.placement.${displayStatus(current)}` }),
    hostUnitId: () => (hostUnit ? { names: hostUnit } : null),
    fieldId: () => (field ? { names: field } : null),
    postTitle: () => (current.postTitle ? { text: current.postTitle } : null),
    startDate: () => ({ date: formatDateOnly(current.startDate) }),
    endDate: () => ({ date: formatDateOnly(current.endDate) }),
    sendingApprovedById: () => approver(current.sendingApprovedById),
    hostApprovedById: () => approver(current.hostApprovedById),
    withdrawnReason: () => (current.withdrawnReason ? { text: current.withdrawnReason } : null),
  };
  return fields.map((name) => ({ labelKey: placementFieldLabels[name], value: valueOf[name]() }));
}

/**
 * Refuses an edit that started from an older version: "changed by NAME at TIME — reload", then what changed since
 * with the values now; nothing is written.
 */
async function refuseStalePlacement(tx: Tx, current: Placement, fromVersion: number): Promise<never> {
  return refuseStaleEdit(tx, "Placement", current.id, current.updatedAt, await placementChangesSince(tx, current, fromVersion));
}

/**
 * Writes `data` only if the placement still has the version the user started from (lib/mutation-support.ts
 * updateAtVersion) and audits it as `action`; the refusal of a stale edit names the time of the placement as it is now.
 */
export function updatePlacementAtVersion(tx: Tx, context: MutationContext, before: Placement, version: number, data: Prisma.PlacementUncheckedUpdateManyInput, action: AuditAction) {
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
): Promise<{ nominated: number; cohort: { nameEn: string; nameZhHant: string; nameZhHans: string } }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const cohort = await tx.cohort.findFirst({ where: { AND: [{ id: input.cohortId }, scopeWhere("cohort", actor)] } });
      if (!cohort) throw new NotFoundError();
      if (!isAllowed(actor, "placement:nominate", cohortResource(cohort))) throw new ForbiddenError();
      if (cohort.status === "COMPLETED") throw new AppError("cohortClosed");
      if (nominationDeadlinePassed(cohort, parseDateOnly(todayInHongKong(options.now)))) throw new AppError("nominationDeadlinePassed");
      const officerIds = [...new Set(input.officerIds)];
      // All or nothing: every refused officer is named with its reason, and nothing is written (row-refusals.ts).
      const refusals = await nominationRefusals(tx, cohort, officerIds);
      if (refusals.length > 0) throw new RowsRefusedError(refusals);
      for (const officerId of officerIds) {
        const placement = await tx.placement.create({
          data: { officerId, cohortId: cohort.id, startDate: cohort.startDate, endDate: cohort.endDate, status: "NOMINATED", updatedById: actor.userId },
        });
        await writeAudit(tx, actor, request, { action: "placement.nominate", entityType: "Placement", entityId: placement.id, after: auditSnapshot(placement) });
        await recordEvent(tx, actor.userId, { kind: "placement.nominated", placementId: placement.id });
      }
      return { nominated: officerIds.length, cohort: { nameEn: cohort.nameEn, nameZhHant: cohort.nameZhHant, nameZhHans: cohort.nameZhHans } };
    }, transactionOptions),
  );
}

/**
 * Why each chosen officer cannot be nominated to the cohort, if any can't. Officers of another side are "not found",
 * like any id outside the actor's scope. "Already in the cohort" is also guaranteed by a unique index, and "already
 * placed in these dates" by the overlap constraint: checked here first to name the officer and the reason.
 */
async function nominationRefusals(tx: Tx, cohort: { id: string; sendingJurisdictionId: string; startDate: Date; endDate: Date }, officerIds: string[]): Promise<RowRefusal[]> {
  const officers = await tx.officer.findMany({
    where: { id: { in: officerIds }, jurisdictionId: cohort.sendingJurisdictionId },
    select: {
      id: true,
      active: true,
      placements: {
        where: { status: { not: "WITHDRAWN" }, OR: [{ cohortId: cohort.id }, { startDate: { lte: cohort.endDate }, endDate: { gte: cohort.startDate } }] },
        select: { cohortId: true },
      },
    },
  });
  const byId = new Map(officers.map((officer) => [officer.id, officer]));
  const refusals: RowRefusal[] = [];
  for (const id of officerIds) {
    const officer = byId.get(id);
    if (!officer) refusals.push({ id, reason: "notFound" });
    else if (!officer.active) refusals.push({ id, reason: "officerInactive" });
    else if (officer.placements.some((placement) => placement.cohortId === cohort.id)) refusals.push({ id, reason: "placementAlreadyInCohort" });
    else if (officer.placements.length > 0) refusals.push({ id, reason: "placementOverlap" });
  }
  return refusals;
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
export async function assignPlacement({ actor, request }: MutationContext, input: AssignPlacementInput): Promise<PlacementOutcome & { approvalsReset: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, "placement:assign", placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.status === "WITHDRAWN") throw new AppError("placementWithdrawn");
      if (before.version !== input.version) await refuseStalePlacement(tx, before, input.version);
      const { after, approvalsReset } = await applyAssignment(tx, { actor, request }, before, input);
      return { ...outcomeOf(before, after), approvalsReset };
    }, transactionOptions);
  } catch (error) {
    const known = error instanceof AppError ? error : translateDatabaseError(error);
    if (!known) throw error;
    const field = assignmentFieldOf[known.messageKey];
    if (field && Object.keys(known.fieldErrors).length === 0) throw new AppError(known.messageKey, known.values, { [field]: [known.messageKey] });
    throw known;
  }
}

/** What an assignment writes: the host unit, field, post and dates (the placement's id and version come separately). */
export type AssignmentValues = Pick<AssignPlacementInput, "hostUnitId" | "fieldId" | "startDate" | "endDate"> & { postTitle: string | null };

/**
 * The write step of an assignment, shared by the single assignment and the acceptance of a matching run
 * (features/matching/runs): checks the host unit and field, clears approvals after a material change, writes at the
 * version the user saw (a stale one is refused) with its audit entry, and records the notification events, all in the
 * caller's transaction. The caller has loaded the placement in scope and checked side, cohort and workflow.
 */
export async function applyAssignment(
  tx: Tx,
  context: MutationContext,
  before: Placement & { cohort: { hostJurisdictionId: string } },
  input: AssignmentValues & { version: number },
): Promise<{ after: Placement; approvalsReset: boolean }> {
  const hostUnit = await tx.hostUnit.findFirst({ where: { id: input.hostUnitId, jurisdictionId: before.cohort.hostJurisdictionId }, select: { id: true, active: true } });
  if (!hostUnit) throw new AppError("hostUnitNotOnHostSide", {}, { hostUnitId: ["hostUnitNotOnHostSide"] });
  if (!hostUnit.active && hostUnit.id !== before.hostUnitId) throw new AppError("hostUnitInactive", {}, { hostUnitId: ["hostUnitInactive"] });
  const field = await tx.field.findFirst({ where: { id: input.fieldId, active: true }, select: { id: true } });
  if (!field && input.fieldId !== before.fieldId) throw new AppError("checkFields", {}, { fieldId: ["invalidValue"] });

  const change = assignmentChange(before, input);
  const after = await updatePlacementAtVersion(tx, context, before, input.version, change.data, change.action);
  for (const event of change.events) await recordEvent(tx, context.actor.userId, event);
  return { after, approvalsReset: change.resetApprovals };
}

/** What one assignment writes, how it is audited and which notification events it records (one rule for both forms). */
function assignmentChange(before: Placement, input: AssignmentValues) {
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
  const action: AuditAction = before.status === "NOMINATED" ? "placement.assign" : resetApprovals ? "placement.reassignAndResetApprovals" : "placement.reassign";
  const events: NotificationEventInput[] = [];
  if (before.status === "NOMINATED") events.push({ kind: "placement.assigned", placementId: before.id });
  if (resetApprovals) {
    const clearedSides = [...(before.sendingApprovedAt ? ["sending" as const] : []), ...(before.hostApprovedAt ? ["host" as const] : [])];
    events.push({ kind: "placement.approvalsCleared", placementId: before.id, clearedSides, changes });
  }
  return { data, action, resetApprovals, events, status: (data.status as PlacementStatus | undefined) ?? before.status };
}

export interface AssignmentsOutcome {
  applied: { after: Placement; approvalsReset: boolean }[];
  /** Pairs refused by the same checks as applyAssignment, with its message key; nothing was written for them. */
  refused: { placementId: string; messageKey: string }[];
}

/**
 * The set form of applyAssignment (accepting a matching run, decision 111): the same checks, values, audit entries
 * and notification events, but one UPDATE … FROM unnest(…) at the versions given, one audit INSERT (an entry per
 * placement) and one event INSERT, however many placements. The database's own rules (capacity trigger, overlap
 * exclusion) still run per row; a violation fails the whole statement, so a caller that wants to keep the other
 * pairs runs this on a savepoint and falls back to applyAssignment pair by pair.
 */
export async function applyAssignments(
  tx: Tx,
  context: MutationContext,
  items: { before: Placement & { cohort: { hostJurisdictionId: string } }; input: AssignmentValues & { version: number } }[],
): Promise<AssignmentsOutcome> {
  const refused: AssignmentsOutcome["refused"] = [];
  if (items.length === 0) return { applied: [], refused };
  const [units, fields] = await Promise.all([
    tx.hostUnit.findMany({ where: { id: { in: [...new Set(items.map(({ input }) => input.hostUnitId))] } }, select: { id: true, active: true, jurisdictionId: true } }),
    tx.field.findMany({ where: { id: { in: [...new Set(items.map(({ input }) => input.fieldId))] }, active: true }, select: { id: true } }),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const activeFields = new Set(fields.map((field) => field.id));
  const writes = items.flatMap(({ before, input }) => {
    const unit = unitById.get(input.hostUnitId);
    const refuse = (messageKey: string) => (refused.push({ placementId: before.id, messageKey }), []);
    if (!unit || unit.jurisdictionId !== before.cohort.hostJurisdictionId) return refuse("hostUnitNotOnHostSide");
    if (!unit.active && unit.id !== before.hostUnitId) return refuse("hostUnitInactive");
    if (!activeFields.has(input.fieldId) && input.fieldId !== before.fieldId) return refuse("checkFields");
    return [{ before, input, change: assignmentChange(before, input) }];
  });
  if (writes.length === 0) return { applied: [], refused };
  const column = (value: (write: (typeof writes)[number]) => string | null) => writes.map(value);
  const updated = await runQuery(
    sqlBuilder
      .updateTable("Placement as p")
      .from(
        unnestText({
          id: column(({ before }) => before.id),
          version: column(({ input }) => String(input.version)),
          hostUnitId: column(({ input }) => input.hostUnitId),
          fieldId: column(({ input }) => input.fieldId),
          postTitle: column(({ input }) => input.postTitle),
          startDate: column(({ input }) => formatDateOnly(input.startDate)),
          endDate: column(({ input }) => formatDateOnly(input.endDate)),
          status: column(({ change }) => change.status),
          resetReason: column(({ change }) => (change.resetApprovals ? (change.data.approvalResetReason as string) : null)),
        }).as("u"),
      )
      .set((eb) => ({
        hostUnitId: eb.ref("u.hostUnitId"),
        fieldId: eb.ref("u.fieldId"),
        postTitle: eb.ref("u.postTitle"),
        startDate: sql<Date>`u."startDate"::date`,
        endDate: sql<Date>`u."endDate"::date`,
        status: sql<PlacementStatus>`u."status"::"PlacementStatus"`,
        sendingApprovedAt: sql<Date | null>`CASE WHEN u."resetReason" IS NULL THEN p."sendingApprovedAt" END`,
        sendingApprovedById: sql<string | null>`CASE WHEN u."resetReason" IS NULL THEN p."sendingApprovedById" END`,
        hostApprovedAt: sql<Date | null>`CASE WHEN u."resetReason" IS NULL THEN p."hostApprovedAt" END`,
        hostApprovedById: sql<string | null>`CASE WHEN u."resetReason" IS NULL THEN p."hostApprovedById" END`,
        approvalResetReason: sql<string | null>`COALESCE(u."resetReason", p."approvalResetReason")`,
        version: eb("p.version", "+", 1),
        updatedById: sql<string>`${context.actor.userId}::text`,
        updatedAt: sql<Date>`now()`,
      }))
      .whereRef("p.id", "=", "u.id")
      .where(sql<boolean>`p."version" = u."version"::int`)
      .returning("p.id"),
    tx,
  );
  const updatedIds = new Set(updated.map((row) => row.id));
  // A version that moved on: refused as the single write refuses it (the caller holds the rows locked, so rare).
  for (const { before } of writes) if (!updatedIds.has(before.id)) refused.push({ placementId: before.id, messageKey: "staleRecord" });
  const done = writes.filter(({ before }) => updatedIds.has(before.id));
  const afterById = new Map((await tx.placement.findMany({ where: { id: { in: [...updatedIds] } } })).map((placement) => [placement.id, placement]));
  await writeAuditEntries(
    tx,
    context.actor,
    context.request,
    done.map(({ before, change }) => ({ action: change.action, entityType: "Placement", entityId: before.id, before: auditSnapshot(before), after: auditSnapshot(afterById.get(before.id)!) })),
  );
  await recordEvents(tx, context.actor.userId, done.flatMap(({ change }) => change.events));
  return { applied: done.map(({ before, change }) => ({ after: afterById.get(before.id)!, approvalsReset: change.resetApprovals })), refused };
}

/**
 * The write step of an approval, shared by the single approval and "approve selected" (features/placements/
 * bulk-approval.ts): stamps the side's approval, moves the status on (the second approval confirms), writes at the
 * version the user saw (a stale one is refused) with its audit entry, and records the notification event, all in
 * the caller's transaction. The caller has loaded the placement in scope and checked side, cohort and workflow.
 */
export async function applyApproval(tx: Tx, context: MutationContext, before: Placement, side: ApprovalSide, version: number): Promise<Placement> {
  const now = new Date();
  const data: Prisma.PlacementUncheckedUpdateManyInput =
    side === "sending" ? { sendingApprovedAt: now, sendingApprovedById: context.actor.userId } : { hostApprovedAt: now, hostApprovedById: context.actor.userId };
  data.status = statusAfterApproval(before, side);
  const after = await updatePlacementAtVersion(tx, context, before, version, data, `placement.approve.${side}`);
  await recordEvent(tx, context.actor.userId, after.status === "CONFIRMED" ? { kind: "placement.confirmed", placementId: after.id } : { kind: "placement.approved", placementId: after.id, side });
  return after;
}

/** Approval for one side of the cohort, by that side's coordinator; the second approval confirms the placement. */
export async function approvePlacement({ actor, request }: MutationContext, input: ApprovePlacementInput): Promise<PlacementOutcome & { confirmed: boolean }> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, approvalPermission[input.side], placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.version !== input.version) await refuseStalePlacement(tx, before, input.version);
      const blocker = approvalBlocker(before, input.side);
      if (blocker) throw new AppError(blocker);
      const after = await applyApproval(tx, { actor, request }, before, input.side, input.version);
      return { ...outcomeOf(before, after), confirmed: after.status === "CONFIRMED" };
    }, transactionOptions),
  );
}

/** Either side may withdraw a placement, always with a reason; the place it held is free again. */
export async function withdrawPlacement({ actor, request }: MutationContext, input: WithdrawPlacementInput): Promise<PlacementOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, "placement:withdraw", placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.status === "WITHDRAWN") throw new AppError("placementWithdrawn");
      if (before.version !== input.version) await refuseStalePlacement(tx, before, input.version);
      const withdrawal = { status: "WITHDRAWN" as const, withdrawnReason: input.reason, withdrawnAt: new Date(), withdrawnById: actor.userId };
      const after = await updatePlacementAtVersion(tx, { actor, request }, before, input.version, withdrawal, "placement.withdraw");
      await recordEvent(tx, actor.userId, { kind: "placement.withdrawn", placementId: after.id, reason: input.reason });
      return outcomeOf(before, after);
    }, transactionOptions),
  );
}

/**
 * Undo of one's own approval (issue 12 §2): the coordinator who approved for a side takes it back while the other
 * side has not approved (features/placements/policy.ts revocationBlocker); the placement stays assigned, waiting.
 */
export async function revokeApproval({ actor, request }: MutationContext, input: ApprovePlacementInput): Promise<PlacementOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadPlacementInScope(tx, actor, input.placementId);
      if (!isAllowed(actor, revocationPermission[input.side], placementResource(before))) throw new ForbiddenError();
      refuseCompletedCohort(before.cohort);
      if (before.version !== input.version) await refuseStalePlacement(tx, before, input.version);
      const blocker = revocationBlocker(before, input.side, actor.userId);
      if (blocker) throw new AppError(blocker);
      const data: Prisma.PlacementUncheckedUpdateManyInput =
        input.side === "sending" ? { sendingApprovedAt: null, sendingApprovedById: null } : { hostApprovedAt: null, hostApprovedById: null };
      data.status = "ASSIGNED";
      const after = await updatePlacementAtVersion(tx, { actor, request }, before, input.version, data, `placement.revokeApproval.${input.side}`);
      // The other side was told of the approval; it hears that it was taken back, in the same transaction.
      await recordEvent(tx, actor.userId, { kind: "placement.approvalRevoked", placementId: after.id, side: input.side });
      return outcomeOf(before, after);
    }, transactionOptions),
  );
}
