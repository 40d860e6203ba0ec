import { z } from "zod";
import { listText } from "@/lib/list-params";
import { nameText } from "@/lib/text";
import { CohortStatus } from "@/generated/prisma/enums";
import { firstParam } from "@/lib/list-params";
import { versionField } from "@/lib/version-field";

// Importable by client components: no server-only imports here.

export const cohortStatusOrder = [
  CohortStatus.PLANNING,
  CohortStatus.NOMINATIONS,
  CohortStatus.MATCHING,
  CohortStatus.CONFIRMED,
  CohortStatus.IN_PROGRESS,
  CohortStatus.COMPLETED,
] as const;

/** "YYYY-MM-DD" from an <input type="date"> → the UTC midnight in which @db.Date columns are stored. */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

const isoDate = z.iso.date({ message: "errors.invalidDate" });

/** A required calendar date: empty says "required", anything else unparsable "invalid date". */
export const requiredDate = z.string().trim().min(1, "errors.required").pipe(isoDate).transform(parseIsoDate);

/** An optional calendar date: an empty input is null. */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(isoDate.nullable())
  .transform((value) => (value ? parseIsoDate(value) : null));

const name = nameText(200);

const cohortFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40)
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, "errors.cohortCodeFormat")),
  nameEn: name,
  nameZhHant: name,
  nameZhHans: name,
  sendingJurisdictionId: z.string().trim().min(1, "errors.required"),
  hostJurisdictionId: z.string().trim().min(1, "errors.required"),
  startDate: requiredDate,
  endDate: requiredDate,
  nominationDeadline: optionalDate,
  status: z.enum(CohortStatus, { message: "errors.invalidValue" }),
});

type CohortFields = z.output<typeof cohortFields>;

/** Rules between fields, each reported next to the field the user has to change. */
function checkCohortRules(value: CohortFields, context: z.core.$RefinementCtx<CohortFields>) {
  if (value.sendingJurisdictionId === value.hostJurisdictionId) {
    context.addIssue({ code: "custom", path: ["hostJurisdictionId"], message: "errors.cohortNeedsTwoSides" });
  }
  if (value.endDate < value.startDate) {
    context.addIssue({ code: "custom", path: ["endDate"], message: "errors.datesOutOfOrder" });
  }
  if (value.nominationDeadline && value.nominationDeadline > value.startDate) {
    context.addIssue({ code: "custom", path: ["nominationDeadline"], message: "errors.deadlineAfterStart" });
  }
}

export const createCohortSchema = cohortFields.superRefine(checkCohortRules);
export const updateCohortSchema = cohortFields.extend({ id: z.string().min(1), version: versionField }).superRefine(checkCohortRules);

export type CreateCohortInput = z.output<typeof createCohortSchema>;
export type UpdateCohortInput = z.output<typeof updateCohortSchema>;

export const cohortSorts = ["start-desc", "start-asc", "name", "code", "status"] as const;
export type CohortSort = (typeof cohortSorts)[number];
export const cohortPageSize = 20;

/** URL search params of the cohort list; anything malformed falls back to the default rather than failing. */
export const cohortListParamsSchema = z.object({
  q: listText(100),
  status: z.enum(CohortStatus).optional().catch(undefined),
  sort: z.enum(cohortSorts).catch("start-desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CohortListParams = z.output<typeof cohortListParamsSchema>;

export function parseCohortListParams(searchParams: Record<string, string | string[] | undefined>): CohortListParams {
  return cohortListParamsSchema.parse({
    q: firstParam(searchParams.q) || undefined,
    status: firstParam(searchParams.status) || undefined,
    sort: firstParam(searchParams.sort),
    page: firstParam(searchParams.page),
  });
}
