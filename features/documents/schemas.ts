import { z } from "zod";
import { dateOnlyProblem } from "@/lib/dates";
import { nameText, optionalText, plainString } from "@/lib/text";
import { versionField } from "@/lib/version-field";

const optionalDate = plainString()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .superRefine((value, context) => {
    const problem = value === null ? null : dateOnlyProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** The text fields of a checklist item as the officer or sending side saves them (the file travels beside them). */
export const documentDetailsSchema = z.object({
  placementId: z.string().min(1),
  templateItemId: z.string().min(1),
  number: optionalText(60),
  expiresOn: optionalDate,
  /** The version of the item the form was opened on; absent for an item not yet saved. */
  version: versionField.optional().or(z.literal("").transform(() => undefined)),
});
export type DocumentDetailsInput = z.output<typeof documentDetailsSchema>;

export const documentDirections = ["HK_TO_MAINLAND", "MAINLAND_TO_HK"] as const;

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** An admin's checklist item, new (no id) or edited (id and version). */
export const templateItemSchema = z.object({
  id: z.string().min(1).optional().or(z.literal("").transform(() => undefined)),
  version: versionField.optional().or(z.literal("").transform(() => undefined)),
  direction: z.enum(documentDirections, { message: "errors.invalidValue" }),
  labelEn: nameText(120),
  labelZhHant: nameText(120),
  labelZhHans: nameText(120),
  needsNumber: checkbox,
  needsExpiry: checkbox,
  required: checkbox,
  active: checkbox,
  sortOrder: z.coerce.number().int().min(0).max(1000),
});
export type TemplateItemInput = z.output<typeof templateItemSchema>;

export const issueCertificateSchema = z.object({ placementId: z.string().min(1) });
