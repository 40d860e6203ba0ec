import { z } from "zod";

export const hostUnitSorts = ["name", "code", "district"] as const;
export const hostUnitPageSize = 25;

const optionalText = (maximum: number) =>
  z
    .string()
    .trim()
    .max(maximum)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);

export const hostUnitListParamsSchema = z.object({
  q: optionalText(100),
  district: optionalText(100),
  field: optionalText(64),
  jurisdiction: optionalText(64),
  status: z.enum(["active", "inactive", "all"]).catch("active").default("active"),
  sort: z.enum(hostUnitSorts).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type HostUnitListParams = z.output<typeof hostUnitListParamsSchema>;

/** A host unit's capacity for one cohort. `version` is absent while the unit's default capacity still applies. */
export const setCapacitySchema = z.object({
  hostUnitId: z.string().min(1),
  cohortId: z.string().min(1),
  capacity: z.coerce.number({ message: "errors.invalidValue" }).int().min(0).max(500),
  version: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(z.number().int().min(1).nullable()),
});
export type SetCapacityInput = z.output<typeof setCapacitySchema>;
