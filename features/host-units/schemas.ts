import { z } from "zod";
import { listActiveStatus, listDirection, listPage, listText } from "@/lib/list-params";

export const hostUnitSorts = ["name", "code", "district"] as const;
export const hostUnitPageSize = 25;

export const hostUnitListParamsSchema = z.object({
  q: listText(100),
  district: listText(100),
  field: listText(64),
  jurisdiction: listText(64),
  status: listActiveStatus,
  sort: z.enum(hostUnitSorts).catch("name").default("name"),
  dir: listDirection,
  page: listPage,
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
