import { z } from "zod";
import { firstParam, listPage, listText } from "@/lib/list-params";

// The outcomes library's search parameters (from the URL); importable by client components.

export const outcomePageSize = 10;

const optionalId = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), z.string().max(64).optional()).catch(undefined);

export const outcomeSearchSchema = z.object({
  q: listText(200),
  cohort: optionalId,
  hostUnit: optionalId,
  field: optionalId,
  page: listPage,
});
export type OutcomeSearch = z.output<typeof outcomeSearchSchema>;

export function parseOutcomeSearch(params: Record<string, string | string[] | undefined>): OutcomeSearch {
  return outcomeSearchSchema.parse({
    q: firstParam(params.q),
    cohort: firstParam(params.cohort),
    hostUnit: firstParam(params.hostUnit),
    field: firstParam(params.field),
    page: firstParam(params.page),
  });
}

/** Words of the search, each of which must occur in the shared text. */
export function outcomeSearchTerms(q: string | undefined): string[] {
  return (q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
}
