import "server-only";
import { db } from "@/lib/db";
import type { OfficerReport, Prisma } from "@/generated/prisma/client";
import { isAllowed, placementResource, type Actor } from "@/lib/authorization";
import { formatDateOnly } from "@/lib/dates";
import { isInScope, reportAttachmentWhere, scopeWhere } from "@/lib/scopes";
import { reportDueOn } from "./due-dates";
import { reportKinds, reportSections, shareableFlag, type ReportKind, type ReportSection } from "./schemas";

// Reads of a placement's reports, as view models with the fields the reader may see: sections not marked shareable
// reach only the sending side, the officer and admins (lib/scopes.ts "officerReportPrivateSections").

export interface ReportSectionView {
  name: ReportSection;
  text: string;
  shareable: boolean;
}

/** A file attached to a revision, as listed to a reader who may download it (decision 112). */
export interface ReportAttachmentView {
  id: string;
  name: string;
  size: number;
  shareable: boolean;
}

export interface ReportRevisionView {
  id: string;
  revision: number;
  status: OfficerReport["status"];
  version: number;
  dueOn: string;
  sections: ReportSectionView[];
  /** How many sections this reader does not receive (host side: the sending-side-only ones). */
  withheldSections: number;
  /** The attachments this reader may download (host side: those marked shareable). */
  attachments: ReportAttachmentView[];
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  acceptedAt: Date | null;
  updatedAt: Date;
}

export interface ReportKindView {
  kind: ReportKind;
  /** The due date: the open revision's (possibly moved by the sending side), else derived from the placement. */
  dueOn: string;
  current: ReportRevisionView | null;
  /** Earlier, accepted revisions, newest first. */
  history: ReportRevisionView[];
}

export interface PlacementReportsView {
  placementId: string;
  officerId: string;
  confirmed: boolean;
  canWrite: boolean;
  canReview: boolean;
  reports: ReportKindView[];
}

/** What the reports need of a placement: its officer, unit, dates and the cohort's sides (read and write alike). */
export const reportPlacementSelect = {
  id: true,
  officerId: true,
  hostUnitId: true,
  status: true,
  startDate: true,
  endDate: true,
  cohort: { select: { sendingJurisdictionId: true, hostJurisdictionId: true } },
} as const satisfies Prisma.PlacementSelect;

/** One revision as this reader may see it. */
export function revisionView(report: OfficerReport, seesPrivateSections: boolean, attachments: ReportAttachmentView[] = []): ReportRevisionView {
  const all = reportSections.map((name) => ({ name, text: report[name], shareable: report[shareableFlag(name)] }));
  const sections = seesPrivateSections ? all : all.filter((section) => section.shareable);
  return {
    id: report.id,
    revision: report.revision,
    status: report.status,
    version: report.version,
    dueOn: formatDateOnly(report.dueOn),
    sections,
    withheldSections: all.length - sections.length,
    attachments,
    reviewComment: report.reviewComment,
    submittedAt: report.submittedAt,
    reviewedAt: report.reviewedAt,
    acceptedAt: report.acceptedAt,
    updatedAt: report.updatedAt,
  };
}

/** A placement's two reports with their history, or null when the placement is not the reader's to see. */
export async function findPlacementReports(actor: Actor, placementId: string): Promise<PlacementReportsView | null> {
  const placement = await db.placement.findFirst({ where: { AND: [{ id: placementId }, scopeWhere("officerReport", actor)] }, select: reportPlacementSelect });
  if (!placement || !isAllowed(actor, "officerReport:view", placementResource(placement))) return null;
  const seesPrivateSections = isInScope("officerReportPrivateSections", actor, placement);
  const rows = await db.officerReport.findMany({
    where: { placementId },
    orderBy: [{ kind: "asc" }, { revision: "desc" }],
    include: {
      attachments: {
        where: reportAttachmentWhere(actor, placement),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, shareable: true, file: { select: { originalName: true, size: true } } },
      },
    },
  });
  const confirmed = placement.status === "CONFIRMED";
  return {
    placementId,
    officerId: placement.officerId,
    confirmed,
    canWrite: confirmed && isAllowed(actor, "officerReport:write", placementResource(placement)),
    canReview: confirmed && isAllowed(actor, "officerReport:review", placementResource(placement)),
    reports: reportKinds.map((kind) => {
      const revisions = rows.filter((row) => row.kind === kind).map(({ attachments, ...row }) =>
          revisionView(row, seesPrivateSections, attachments.map((attachment) => ({ id: attachment.id, name: attachment.file.originalName, size: attachment.file.size, shareable: attachment.shareable }))),
        );
      const [current, ...history] = revisions;
      return { kind, dueOn: current?.dueOn ?? reportDueOn(kind, placement, null), current: current ?? null, history };
    }),
  };
}

export interface ReportDueEntry {
  placementId: string;
  kind: ReportKind;
  /** The current revision's due date (possibly moved by the sending side), else derived from the placement. */
  dueOn: string;
  /** The officer's part is done: the current revision is submitted or accepted. */
  isDone: boolean;
}

/**
 * When each report of these placements falls due (issue 15): the one answer the agenda and the calendar feed show.
 * The caller passes the placements it already shows; only confirmed ones whose reports the actor may read count.
 */
export async function findReportDueEntries(actor: Actor, placementIds: string[]): Promise<ReportDueEntry[]> {
  if (placementIds.length === 0) return [];
  const placements = await db.placement.findMany({
    where: { AND: [{ id: { in: placementIds }, status: "CONFIRMED" }, scopeWhere("officerReport", actor)] },
    select: { id: true, startDate: true, endDate: true, officerReports: { select: { kind: true, status: true, dueOn: true }, orderBy: { revision: "desc" } } },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
  });
  return placements.flatMap((placement) =>
    reportKinds.map((kind) => {
      const current = placement.officerReports.find((report) => report.kind === kind);
      return { placementId: placement.id, kind, dueOn: reportDueOn(kind, placement, current), isDone: current?.status === "SUBMITTED" || current?.status === "ACCEPTED" };
    }),
  );
}
