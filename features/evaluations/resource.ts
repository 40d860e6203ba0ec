import { placementResource, type CohortSides, type Resource } from "@/lib/authorization";

/** An evaluation as isAllowed reads it: its placement, and whether the officer may read it yet. */
export function evaluationResource(
  placement: { officerId: string; hostUnitId: string | null; cohort: CohortSides },
  evaluation: { releasedToOfficerAt: Date | null } | null,
): Resource {
  const resource = placementResource(placement);
  if (resource.kind !== "placement") throw new Error("placementResource returned another kind");
  return { kind: "evaluation", released: evaluation?.releasedToOfficerAt != null, placement: resource };
}
