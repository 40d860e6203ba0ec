"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { hongKongParts } from "@/lib/dates";
import { text } from "@/lib/text";
import { renderMarkdown } from "./markdown";
import { acceptReport, moveReportDueDate, openReportRevision, returnReport, saveReportDraft, submitReport, type ReportOutcome } from "./mutations";
import { moveDueDateSchema, openRevisionSchema, removeAttachmentSchema, reportVersionSchema, returnReportSchema, saveReportDraftSchema, sectionMaximum } from "./schemas";
import { removeReportAttachment } from "./attachments";
import { configuredStorage } from "@/features/documents/storage";

const revalidateReports = (placementId: string) => {
  revalidatePath(`/placements/${placementId}/reports`);
  revalidatePath("/outcomes");
};

const kindLabel = (t: (key: string) => string, outcome: ReportOutcome) => t(`officerReports.kinds.${outcome.kind}`);

/** The debounced draft save: no notice (it runs as the officer types); the form shows "Saved at hh:mm" instead. */
export const saveReportDraftAction = defineAction({
  name: "officerReport.saveDraft",
  schema: saveReportDraftSchema,
  permission: "officerReport:write",
  run: async (input, { user, request }) => {
    const outcome = await saveReportDraft({ actor: user, request }, input);
    return { ...outcome, savedAt: hongKongParts(outcome.updatedAt).time };
  },
});

export const submitReportAction = defineAction({
  name: "officerReport.submit",
  schema: reportVersionSchema,
  permission: "officerReport:write",
  run: async (input, { user, request }) => {
    const outcome = await submitReport({ actor: user, request }, input);
    revalidateReports(outcome.placementId);
    return outcome;
  },
  notice: (outcome, { t }) => t("officerReports.notices.submitted", { report: kindLabel(t, outcome) }),
});

export const returnReportAction = defineAction({
  name: "officerReport.return",
  schema: returnReportSchema,
  permission: "officerReport:review",
  run: async (input, { user, request }) => {
    const outcome = await returnReport({ actor: user, request }, input);
    revalidateReports(outcome.placementId);
    return outcome;
  },
  notice: (outcome, { t }) => t("officerReports.notices.returned", { report: kindLabel(t, outcome) }),
});

export const acceptReportAction = defineAction({
  name: "officerReport.accept",
  schema: reportVersionSchema,
  permission: "officerReport:review",
  run: async (input, { user, request }) => {
    const outcome = await acceptReport({ actor: user, request }, input);
    revalidateReports(outcome.placementId);
    return outcome;
  },
  notice: (outcome, { t }) => t("officerReports.notices.accepted", { report: kindLabel(t, outcome) }),
});

export const openReportRevisionAction = defineAction({
  name: "officerReport.openRevision",
  schema: openRevisionSchema,
  permission: "officerReport:review",
  run: async (input, { user, request }) => {
    const outcome = await openReportRevision({ actor: user, request }, input);
    revalidateReports(outcome.placementId);
    return outcome;
  },
  notice: (outcome, { t }) => t("officerReports.notices.revisionOpened", { report: kindLabel(t, outcome), revision: outcome.revision }),
});

export const moveReportDueDateAction = defineAction({
  name: "officerReport.moveDueDate",
  schema: moveDueDateSchema,
  permission: "officerReport:review",
  run: async (input, { user, request }) => {
    const outcome = await moveReportDueDate({ actor: user, request }, input);
    revalidateReports(outcome.placementId);
    return outcome;
  },
  notice: (outcome, { t }) => t("officerReports.notices.dueDateMoved", { report: kindLabel(t, outcome) }),
});

/** The preview of one section as it will be shown: rendered and sanitised on the server, like the stored text. */
export const previewMarkdownAction = defineAction({
  name: "officerReport.preview",
  schema: z.object({ text: text(sectionMaximum).default("") }),
  permission: "officerReport:write",
  run: async (input) => ({ html: renderMarkdown(input.text) }),
});

// ---- attach: report attachments (decision 112); the upload is a route (attachment-routes.ts), files exceed 1 MB ----

export const removeReportAttachmentAction = defineAction({
  name: "reportAttachment.remove",
  schema: removeAttachmentSchema,
  permission: "officerReport:write",
  run: async (input, { user, request }) => {
    const removed = await removeReportAttachment({ actor: user, request }, input.attachmentId, configuredStorage());
    revalidateReports(removed.placementId);
    return removed;
  },
  notice: (removed, { t }) => t("reportAttachments.notices.removed", { name: removed.name }),
});
