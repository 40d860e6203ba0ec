import { z } from "zod";
import { listPage, listText } from "@/lib/list-params";

export const auditPageSize = 50;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** The audit browser's URL search parameters; unreadable values fall back to "no filter". */
export const auditListParamsSchema = z.object({
  actor: listText(254),
  action: listText(100),
  entityType: listText(100),
  entityId: listText(100),
  from: isoDate,
  to: isoDate,
  page: listPage,
});
export type AuditListParams = z.output<typeof auditListParamsSchema>;

const hongKongOffsetMs = 8 * 3_600_000;

/**
 * The instants bounding a range of Hong Kong calendar dates: from 00:00 on `from` up to (not including) 00:00 on
 * the day after `to`. Either end may be open. A reversed range is read the right way round.
 */
export function hongKongDayRange(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  const start = from ? Date.parse(`${from}T00:00:00Z`) - hongKongOffsetMs : undefined;
  const end = to ? Date.parse(`${to}T00:00:00Z`) - hongKongOffsetMs + 86_400_000 : undefined;
  if (start !== undefined && end !== undefined && start >= end) {
    return { gte: new Date(Date.parse(`${to}T00:00:00Z`) - hongKongOffsetMs), lt: new Date(Date.parse(`${from}T00:00:00Z`) - hongKongOffsetMs + 86_400_000) };
  }
  return { gte: start === undefined ? undefined : new Date(start), lt: end === undefined ? undefined : new Date(end) };
}
