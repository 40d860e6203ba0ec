import { z } from "zod";
import { firstChoiceReasonSchema, instanceSchema, resultSchema, type MatchingResult } from "@/features/matching/engine/schemas";

// What a run keeps (decision 109): the instance as solved, with each placement's version and state at that moment,
// and the engine's result without `pairs` (every eligible pair: ~21 MB at 2,000 × 300; the page needs none of them).

export const storedPlacementSchema = z.object({ version: z.number().int(), officerId: z.string(), hostUnitId: z.string().nullable(), status: z.string() });
export const storedInstanceSchema = z.object({ instance: instanceSchema, placements: z.record(z.string(), storedPlacementSchema) });
export type StoredInstance = z.output<typeof storedInstanceSchema>;

export const storedResultSchema = resultSchema.omit({ pairs: true });
export type StoredResult = z.output<typeof storedResultSchema>;

/** What the matching page reads of a run: its instance, its result and its what-if rules. */
export interface StoredRun {
  instance: StoredInstance;
  result: StoredResult;
  pinned: [string, string][];
  forbidden: [string, string][];
  released: string[];
  solveMs: number;
}

export function compactResult(result: MatchingResult): StoredResult {
  const { pairs: _pairs, ...rest } = result;
  void _pairs;
  return rest;
}

export type FirstChoiceReason = z.output<typeof firstChoiceReasonSchema>;

/** The pairs of a run that would change something when accepted: proposed (optimised or pinned) elsewhere than the placement's unit at the time. */
export function acceptablePairs(stored: StoredInstance, result: StoredResult) {
  return result.assignments.filter((assignment) => assignment.source !== "kept" && stored.placements[assignment.officerId]?.hostUnitId !== assignment.unitId);
}
