import { z } from "zod";
import { listActiveStatus, listDirection, listPage, listText } from "@/lib/list-params";
import { nameText, optionalNameText } from "@/lib/text";

// One set of field rules for the officer form and for every row of a bulk import, so a value accepted in one is
// accepted in the other. Messages are keys of the "errors" catalog; lib/action.ts and the import report translate them.

/** Staff numbers are compared case-insensitively by storing them upper-case: "hk10001" and "HK10001" are one officer. */
export const staffNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9\-/._]*$/, "errors.invalidStaffNumber")
  .transform((value) => value.toUpperCase());

/** Han characters (any script variant, including HKSCS) with optional middle dots or spaces; never converted. */
export const chineseNameSchema = optionalNameText(40).refine(
  (value) => value === null || /^[\p{Script=Han}\u00B7\u30FB\u2027\s]+$/u.test(value),
  "errors.invalidChineseName",
);

/** The rules for the officer's own text fields; references (rank, department, fields) differ by form and import. */
export const officerTextRules = {
  staffNumber: staffNumberSchema,
  surname: nameText(80),
  givenName: nameText(80),
  otherName: optionalNameText(80),
  chineseName: chineseNameSchema,
  workEmail: z.string().trim().min(1).max(254).pipe(z.email()).transform((value) => value.toLowerCase()),
};

export const officerFieldsSchema = z.object({
  ...officerTextRules,
  rankId: z.string().min(1),
  departmentId: z.string().min(1),
  fieldIds: z
    .preprocess((value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1)).max(20))
    .transform((ids) => [...new Set(ids)]),
});
export type OfficerFields = z.output<typeof officerFieldsSchema>;

const version = z.coerce.number().int().min(1);

export const createOfficerSchema = officerFieldsSchema;
export const updateOfficerSchema = officerFieldsSchema.extend({ id: z.string().min(1), version });
export type UpdateOfficerInput = z.output<typeof updateOfficerSchema>;
export const setOfficerActiveSchema = z.object({ id: z.string().min(1), version, active: z.enum(["true", "false"]).transform((value) => value === "true") });

// ---------------------------------------------------------------------------------------------------------------
// The list's URL search parameters. Anything unreadable falls back to the default rather than failing the page.

export const officerSorts = ["name", "staffNumber", "rank", "department", "updated"] as const;
export type OfficerSort = (typeof officerSorts)[number];
export const officerPageSize = 25;

const optionalId = listText(64);

export const officerListParamsSchema = z.object({
  q: listText(100),
  rank: optionalId,
  department: optionalId,
  field: optionalId,
  jurisdiction: optionalId,
  status: listActiveStatus,
  sort: z.enum(officerSorts).catch("name").default("name"),
  dir: listDirection,
  page: listPage,
});
export type OfficerListParams = z.output<typeof officerListParamsSchema>;

/** Search words: "CHAN Tai-man, Peter" → ["CHAN", "Tai-man", "Peter"]; every word must match some name field. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return query
    .split(/[\s,，、]+/u)
    .map((term) => term.trim())
    .filter(Boolean)
    .slice(0, 6);
}
