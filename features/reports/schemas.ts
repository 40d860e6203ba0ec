import { z } from "zod";
import { PlacementStatus } from "@/generated/prisma/enums";
import { dateOnlyProblem } from "@/lib/dates";

export const exportFormats = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const REPORT_PAGE_SIZE = 25;

const optionalId = z
  .string()
  .trim()
  .max(64, "errors.invalidChoice")
  .regex(/^[A-Za-z0-9_-]*$/, "errors.invalidChoice")
  .optional()
  .transform((value) => value || undefined);

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .superRefine((value, context) => {
    const problem = value === undefined ? null : dateOnlyProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/**
 * The report's filters as they travel in the URL (the page and the export links share them). Dates are calendar
 * dates; a placement matches the range when its dates overlap it.
 */
export const reportFiltersSchema = z
  .object({
    cohort: optionalId,
    status: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.enum(PlacementStatus, { message: "errors.invalidChoice" }).optional()),
    hostUnit: optionalId,
    department: optionalId,
    field: optionalId,
    from: optionalDate,
    to: optionalDate,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "errors.datesOutOfOrder", path: ["to"] });

export type ReportFilters = z.output<typeof reportFiltersSchema>;
export type ReportFilterName = keyof ReportFilters;
export const reportFilterNames: ReportFilterName[] = ["cohort", "status", "hostUnit", "department", "field", "from", "to"];

export const reportPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** URL search params → the raw strings the schema reads (the first value of a repeated key). */
export function readFilterParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<ReportFilterName, string | undefined> {
  const get = (name: string) => {
    if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return Object.fromEntries(reportFilterNames.map((name) => [name, get(name)])) as Record<ReportFilterName, string | undefined>;
}

/** The filters as a query string, without empty ones, in a fixed order (stable links and audit entries). */
export function filtersToSearchParams(filters: Partial<Record<ReportFilterName, string | undefined>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of reportFilterNames) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** Every column a report can have, in the order the preview and the files show them. */
export const reportColumnKeys = [
  "cohortCode",
  "cohortName",
  "officerNameEn",
  "officerNameZh",
  "staffNumber",
  "rank",
  "homeDepartment",
  "hostUnit",
  "post",
  "field",
  "startDate",
  "endDate",
  "status",
  "sendingApproval",
  "hostApproval",
] as const;
export type ReportColumnKey = (typeof reportColumnKeys)[number];

/**
 * The columns a user keeps in the report (the column chooser posts `columns` once per ticked box: none, one string
 * or several). At least one; the staff number may be chosen by anyone and still appears only where the reader may
 * see it.
 */
export const reportColumnChoiceSchema = z.object({
  columns: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.enum(reportColumnKeys, { message: "errors.invalidChoice" }))
      .transform((columns) => [...new Set(columns)])
      .pipe(z.array(z.enum(reportColumnKeys)).min(1, "errors.chooseAtLeastOneColumn")),
  ),
});
export type ReportColumnChoice = z.output<typeof reportColumnChoiceSchema>;
