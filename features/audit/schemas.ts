import { z } from "zod";
import { addDays, instantInHongKong, isDateOnly } from "@/lib/dates";
import { listPage, listText } from "@/lib/list-params";

export const auditPageSize = 50;

const dateFilter = z.string().refine(isDateOnly).optional().catch(undefined);

/** The audit browser's URL search parameters; unreadable values fall back to "no filter". */
export const auditListParamsSchema = z.object({
  actor: listText(254),
  action: listText(100),
  entityType: listText(100),
  entityId: listText(100),
  from: dateFilter,
  to: dateFilter,
  page: listPage,
});
export type AuditListParams = z.output<typeof auditListParamsSchema>;

/**
 * The instants bounding a range of Hong Kong calendar dates: from 00:00 on `from` up to (not including) 00:00 on
 * the day after `to`. Either end may be open. A reversed range is read the right way round.
 */
export function hongKongDayRange(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  return { gte: first ? instantInHongKong(first) : undefined, lt: last ? instantInHongKong(addDays(last, 1)) : undefined };
}
