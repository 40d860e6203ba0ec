import { z } from "zod";
import { listPage, listText } from "@/lib/list-params";
import { nameText, optionalText } from "@/lib/text";
import { DepartmentKind, JurisdictionKind } from "@/generated/prisma/enums";

// Validation of reference records, one schema per kind, told apart by `referenceKind`. Messages are keys of the
// "errors" catalog. Codes are stored upper-case: they appear in import files and are typed by hand.

export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, "errors.invalidCode"));

const name = nameText(200);
const names = { nameEn: name, nameZhHant: name, nameZhHans: name };
const optionalId = z
  .string()
  .optional()
  .transform((value) => value || null);
/** The version the edit started from (the row's `version`, or for jurisdictions its last update time); absent on create. */
const versionToken = z
  .string()
  .max(40)
  .optional()
  .transform((value) => value || null);
const whole = (minimum: number, maximum: number) => z.coerce.number({ message: "errors.invalidValue" }).int().min(minimum).max(maximum);
const checkbox = z.preprocess((value) => value === "true" || value === "on" || value === true, z.boolean());
const idList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().min(1)).max(50));

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.includes("/");
  } catch {
    return false;
  }
}

const base = { id: optionalId, version: versionToken };
const sided = { ...base, jurisdictionId: z.string().optional().transform((value) => value || null) };

export const jurisdictionSchema = z.object({
  referenceKind: z.literal("jurisdictions"),
  ...base,
  code: codeSchema,
  jurisdictionKind: z.enum(JurisdictionKind),
  ...names,
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "errors.invalidTimeZone"),
});

export const departmentSchema = z.object({
  referenceKind: z.literal("departments"),
  ...sided,
  code: codeSchema,
  departmentKind: z.enum(DepartmentKind),
  ...names,
});

export const hostUnitSchema = z.object({
  referenceKind: z.literal("host-units"),
  ...sided,
  code: codeSchema,
  district: optionalText(100),
  ...names,
  defaultCapacity: whole(0, 500),
  fieldIds: idList,
});

export const rankSchema = z.object({
  referenceKind: z.literal("ranks"),
  ...sided,
  grade: codeSchema,
  level: whole(1, 99),
  code: codeSchema,
  ...names,
  isDirectorate: checkbox,
});

export const fieldSchema = z.object({
  referenceKind: z.literal("fields"),
  ...base,
  code: codeSchema,
  ...names,
  sortOrder: whole(0, 9999),
});

export const referenceRecordSchema = z.discriminatedUnion("referenceKind", [jurisdictionSchema, departmentSchema, hostUnitSchema, rankSchema, fieldSchema]);
export type ReferenceRecordInput = z.output<typeof referenceRecordSchema>;

export const setReferenceActiveSchema = z.object({
  referenceKind: z.enum(["jurisdictions", "departments", "host-units", "ranks", "fields"]),
  id: z.string().min(1),
  version: z.string().min(1).max(40),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export type SetReferenceActiveInput = z.output<typeof setReferenceActiveSchema>;

export const referencePageSize = 25;

export const referenceListParamsSchema = z.object({
  q: listText(100),
  jurisdiction: listText(64),
  status: z.enum(["active", "inactive", "all"]).catch("all").default("all"),
  page: listPage,
});
export type ReferenceListParams = z.output<typeof referenceListParamsSchema>;
