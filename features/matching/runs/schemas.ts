import { z } from "zod";

// Importable by client components: no server-only imports here.

const id = z.string().trim().min(1, "errors.required").max(200);

/** A checkbox group arrives as one string for one box and as an array for several (or nothing). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(2_000));

/** A pair as a checkbox sends it (pairValue). */
const pair = z
  .string()
  .regex(/^[^:\s]{1,200}:[^:\s]{1,200}$/, "errors.invalidValue")
  .transform((value) => value.split(":") as [string, string]);

/** "Propose" and "Propose again": the what-if rules (pins, forbids, released officers) for a new run. */
export const proposeSchema = z.object({
  cohortId: id,
  pinned: list(pair),
  forbidden: list(pair),
  released: list(id),
});
export type ProposeInput = z.output<typeof proposeSchema>;

export const acceptSchema = z.object({
  runId: id,
  placementIds: list(id).pipe(z.array(z.string()).min(1, "errors.matchingNothingSelected")),
});
export type AcceptInput = z.output<typeof acceptSchema>;

export const discardSchema = z.object({ runId: id });
export type DiscardInput = z.output<typeof discardSchema>;

/** Why one selected pair was not accepted while the others were: keys of matchingRuns.refusals. */
export const acceptRefusalReasons = [
  "notInRun",
  "notFound",
  "placementWithdrawn",
  "changedSinceRun",
  "hostUnitInactive",
  "noPlaceLeft",
  "departmentCap",
  "noField",
  "placementOverlap",
  "refused",
] as const;
export type AcceptRefusalReason = (typeof acceptRefusalReasons)[number];
