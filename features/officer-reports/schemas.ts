import { z } from "zod";
import { requiredText, text } from "@/lib/text";
import { requiredDateField } from "@/lib/dates";
import { versionField } from "@/lib/version-field";

// Importable by client components: no server-only imports here.

export const reportKinds = ["MID_TERM", "FINAL"] as const;
export type ReportKind = (typeof reportKinds)[number];

/** The four sections of a report, in the order the form shows them (decision 091). */
export const reportSections = ["workDone", "learned", "applyAtHome", "suggestions"] as const;
export type ReportSection = (typeof reportSections)[number];
export const shareableFlag = (section: ReportSection) => `${section}Shareable` as const;

/** Markdown text of one section; generous, but bounded so a pasted book cannot fill the database. */
export const sectionMaximum = 20_000;

const id = z.string().trim().min(1, "errors.required");
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const optionalVersion = z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), versionField.nullable());

export const saveReportDraftSchema = z.object({
  placementId: id,
  kind: z.enum(reportKinds, "errors.invalidChoice"),
  /** The open revision's version the edit started from; null when none exists yet. */
  version: optionalVersion,
  workDone: text(sectionMaximum).default(""),
  workDoneShareable: checkbox,
  learned: text(sectionMaximum).default(""),
  learnedShareable: checkbox,
  applyAtHome: text(sectionMaximum).default(""),
  applyAtHomeShareable: checkbox,
  suggestions: text(sectionMaximum).default(""),
  suggestionsShareable: checkbox,
});
export type SaveReportDraftInput = z.output<typeof saveReportDraftSchema>;

export const reportVersionSchema = z.object({ reportId: id, version: versionField });
export type ReportVersionInput = z.output<typeof reportVersionSchema>;

export const returnReportSchema = reportVersionSchema.extend({ comment: requiredText(4_000) });
export type ReturnReportInput = z.output<typeof returnReportSchema>;

export const openRevisionSchema = z.object({ reportId: id });
export type OpenRevisionInput = z.output<typeof openRevisionSchema>;

export const moveDueDateSchema = z.object({ placementId: id, kind: z.enum(reportKinds, "errors.invalidChoice"), dueOn: requiredDateField });
export type MoveDueDateInput = z.output<typeof moveDueDateSchema>;

// ---- attach: report attachments (decision 112) ----

/** The text fields of an attachment upload (the file itself is checked by the documents' upload check). */
export const addAttachmentSchema = z.object({
  placementId: id,
  kind: z.enum(reportKinds, "errors.invalidChoice"),
  shareable: checkbox,
});
export type AddAttachmentSchemaInput = z.output<typeof addAttachmentSchema>;

export const removeAttachmentSchema = z.object({ attachmentId: id });
export type RemoveAttachmentInput = z.output<typeof removeAttachmentSchema>;
