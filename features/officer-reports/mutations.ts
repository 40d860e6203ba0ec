import "server-only";
import { db } from "@/lib/db";
import type { OfficerReport, Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "@/lib/audit-actions";
import { writeAudit } from "@/lib/audit";
import { isAllowed, placementResource, type Actor, type Permission } from "@/lib/authorization";
import { parseDateOnly } from "@/lib/dates";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { scopeWhere } from "@/lib/scopes";
import { transactionOptions, updateAtVersion, withDatabaseErrorsTranslated, type MutationContext } from "@/lib/mutation-support";
import { recordEvent } from "@/features/notifications/events";
import { derivedDueDate } from "./due-dates";
import { reportPlacementSelect } from "./queries";
import {
  reportSections,
  shareableFlag,
  type MoveDueDateInput,
  type OpenRevisionInput,
  type ReportKind,
  type ReportVersionInput,
  type ReturnReportInput,
  type SaveReportDraftInput,
} from "./schemas";

// The report lifecycle (decision 091): DRAFT → SUBMITTED → (RETURNED → SUBMITTED)* → ACCEPTED. The officer writes
// and submits; the sending side returns (with a comment) or accepts; an accepted revision is frozen by a database
// trigger and the sending side may open the next revision, a copy, keeping the accepted one as history.

const entityType = "OfficerReport";

type ReportPlacement = Prisma.PlacementGetPayload<{ select: typeof reportPlacementSelect }>;

async function loadPlacement(tx: Prisma.TransactionClient, actor: Actor, placementId: string, permission: Permission): Promise<ReportPlacement> {
  const placement = await tx.placement.findFirst({ where: { AND: [{ id: placementId }, scopeWhere("officerReport", actor)] }, select: reportPlacementSelect });
  if (!placement) throw new NotFoundError();
  if (!isAllowed(actor, permission, placementResource(placement))) throw new ForbiddenError();
  if (placement.status !== "CONFIRMED") throw new AppError("officerReports.placementNotConfirmed");
  return placement;
}

async function loadReport(tx: Prisma.TransactionClient, actor: Actor, reportId: string, permission: Permission) {
  const report = await tx.officerReport.findFirst({ where: { id: reportId, placement: scopeWhere("officerReport", actor) } });
  if (!report) throw new NotFoundError();
  await loadPlacement(tx, actor, report.placementId, permission);
  return report;
}

/** The latest revision of a placement's report of one kind (two first saves at once collide on the unique key). */
async function latestRevision(tx: Prisma.TransactionClient, placementId: string, kind: ReportKind): Promise<OfficerReport | null> {
  return tx.officerReport.findFirst({ where: { placementId, kind }, orderBy: { revision: "desc" } });
}

function auditView(report: OfficerReport) {
  return {
    kind: report.kind,
    revision: report.revision,
    status: report.status,
    dueOn: report.dueOn,
    reviewComment: report.reviewComment,
    ...Object.fromEntries(reportSections.flatMap((section) => [[section, report[section]], [shareableFlag(section), report[shareableFlag(section)]]])),
    version: report.version,
  };
}

async function changeReport(
  tx: Prisma.TransactionClient,
  context: MutationContext,
  before: OfficerReport,
  version: number,
  data: Prisma.OfficerReportUncheckedUpdateManyInput,
  action: AuditAction,
): Promise<OfficerReport> {
  return updateAtVersion(tx, context, {
    entityType,
    id: before.id,
    version,
    readAt: before.updatedAt,
    write: (where, step) => tx.officerReport.updateMany({ where, data: { ...data, version: step, updatedById: context.actor.userId } }),
    read: () => tx.officerReport.findUniqueOrThrow({ where: { id: before.id } }),
    audit: (after) => ({ action, before: auditView(before), after: auditView(after) }),
  });
}

export interface ReportOutcome {
  id: string;
  placementId: string;
  kind: ReportKind;
  revision: number;
  status: OfficerReport["status"];
  version: number;
  updatedAt: Date;
}

const outcomeOf = (report: OfficerReport): ReportOutcome => ({
  id: report.id,
  placementId: report.placementId,
  kind: report.kind,
  revision: report.revision,
  status: report.status,
  version: report.version,
  updatedAt: report.updatedAt,
});

/**
 * The officer's draft (saved automatically as they type): creates the first revision on the first save, with its due
 * date derived from the placement; a submitted report waits for review, an accepted one is locked.
 */
export async function saveReportDraft(context: MutationContext, input: SaveReportDraftInput): Promise<ReportOutcome> {
  const { actor, request } = context;
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const placement = await loadPlacement(tx, actor, input.placementId, "officerReport:write");
      const sections = {
        workDone: input.workDone,
        workDoneShareable: input.workDoneShareable,
        learned: input.learned,
        learnedShareable: input.learnedShareable,
        applyAtHome: input.applyAtHome,
        applyAtHomeShareable: input.applyAtHomeShareable,
        suggestions: input.suggestions,
        suggestionsShareable: input.suggestionsShareable,
      };
      const latest = await latestRevision(tx, placement.id, input.kind);
      if (!latest) {
        const dueOn = parseDateOnly(derivedDueDate(input.kind, placement.startDate, placement.endDate));
        const created = await tx.officerReport.create({ data: { placementId: placement.id, kind: input.kind, dueOn, ...sections, updatedById: actor.userId } });
        await writeAudit(tx, actor, request, { action: "officerReport.saveDraft", entityType, entityId: created.id, after: auditView(created) });
        return outcomeOf(created);
      }
      if (latest.status === "ACCEPTED") throw new AppError("officerReports.locked");
      if (latest.status === "SUBMITTED") throw new AppError("officerReports.notEditable");
      const after = await changeReport(tx, context, latest, input.version ?? 0, sections, "officerReport.saveDraft");
      return outcomeOf(after);
    }, transactionOptions),
  );
}

export async function submitReport(context: MutationContext, input: ReportVersionInput): Promise<ReportOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadReport(tx, context.actor, input.reportId, "officerReport:write");
      if (before.status === "ACCEPTED") throw new AppError("officerReports.locked");
      if (before.status === "SUBMITTED") throw new AppError("officerReports.notEditable");
      if (reportSections.some((section) => before[section].trim() === "")) throw new AppError("officerReports.incomplete");
      const after = await changeReport(tx, context, before, input.version, { status: "SUBMITTED", submittedAt: new Date() }, "officerReport.submit");
      await recordEvent(tx, context.actor.userId, { kind: "placement.reportSubmitted", placementId: after.placementId, reportKind: after.kind });
      return outcomeOf(after);
    }, transactionOptions),
  );
}

export async function returnReport(context: MutationContext, input: ReturnReportInput): Promise<ReportOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadReport(tx, context.actor, input.reportId, "officerReport:review");
      if (before.status !== "SUBMITTED") throw new AppError(before.status === "ACCEPTED" ? "officerReports.locked" : "officerReports.notSubmitted");
      const data = { status: "RETURNED" as const, reviewComment: input.comment, reviewedAt: new Date(), reviewedById: context.actor.userId };
      const after = await changeReport(tx, context, before, input.version, data, "officerReport.return");
      await recordEvent(tx, context.actor.userId, { kind: "placement.reportReturned", placementId: after.placementId, reportKind: after.kind });
      return outcomeOf(after);
    }, transactionOptions),
  );
}

export async function acceptReport(context: MutationContext, input: ReportVersionInput): Promise<ReportOutcome> {
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const before = await loadReport(tx, context.actor, input.reportId, "officerReport:review");
      if (before.status !== "SUBMITTED") throw new AppError(before.status === "ACCEPTED" ? "officerReports.locked" : "officerReports.notSubmitted");
      const now = new Date();
      const after = await changeReport(tx, context, before, input.version, { status: "ACCEPTED", acceptedAt: now, reviewedAt: now, reviewedById: context.actor.userId }, "officerReport.accept");
      await recordEvent(tx, context.actor.userId, { kind: "placement.reportAccepted", placementId: after.placementId, reportKind: after.kind });
      return outcomeOf(after);
    }, transactionOptions),
  );
}

/** The sending side reopens an accepted report: a new DRAFT revision with the accepted text, the old one kept. */
export async function openReportRevision(context: MutationContext, input: OpenRevisionInput): Promise<ReportOutcome> {
  const { actor, request } = context;
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const accepted = await loadReport(tx, actor, input.reportId, "officerReport:review");
      const latest = await latestRevision(tx, accepted.placementId, accepted.kind);
      if (accepted.status !== "ACCEPTED" || latest?.id !== accepted.id) throw new AppError("officerReports.notAccepted");
      const copy = Object.fromEntries(reportSections.flatMap((section) => [[section, accepted[section]], [shareableFlag(section), accepted[shareableFlag(section)]]]));
      const created = await tx.officerReport.create({
        data: { placementId: accepted.placementId, kind: accepted.kind, revision: accepted.revision + 1, dueOn: accepted.dueOn, ...copy, updatedById: actor.userId },
      });
      // The accepted revision's attachments are carried forward: the new revision points at the same stored files
      // (decision 112), and the officer may remove them from the new one without touching the accepted one.
      const attachments = await tx.reportAttachment.findMany({ where: { reportId: accepted.id }, orderBy: { createdAt: "asc" }, select: { fileId: true, shareable: true, addedById: true } });
      if (attachments.length > 0) await tx.reportAttachment.createMany({ data: attachments.map((attachment) => ({ ...attachment, reportId: created.id })) });
      await writeAudit(tx, actor, request, {
        action: "officerReport.openRevision",
        entityType,
        entityId: created.id,
        after: { ...auditView(created), from: accepted.id, attachmentFileIds: attachments.map((attachment) => attachment.fileId) },
      });
      return outcomeOf(created);
    }, transactionOptions),
  );
}

/** A sending-side coordinator moves a due date; the first revision is created (empty) when none exists yet. */
export async function moveReportDueDate(context: MutationContext, input: MoveDueDateInput): Promise<ReportOutcome> {
  const { actor, request } = context;
  return withDatabaseErrorsTranslated(() =>
    db.$transaction(async (tx) => {
      const placement = await loadPlacement(tx, actor, input.placementId, "officerReport:review");
      const latest = await latestRevision(tx, placement.id, input.kind);
      if (!latest) {
        const created = await tx.officerReport.create({ data: { placementId: placement.id, kind: input.kind, dueOn: input.dueOn, updatedById: actor.userId } });
        await writeAudit(tx, actor, request, { action: "officerReport.moveDueDate", entityType, entityId: created.id, after: { dueOn: created.dueOn } });
        return outcomeOf(created);
      }
      if (latest.status === "ACCEPTED") throw new AppError("officerReports.locked");
      const after = await changeReport(tx, context, latest, latest.version, { dueOn: input.dueOn }, "officerReport.moveDueDate");
      return outcomeOf(after);
    }, transactionOptions),
  );
}
